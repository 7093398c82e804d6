"""Notebook 04: the record after the article, the tariff steps, the ledger and the model re-run."""

import pandas as pd
import pytest

from statusquo import aftermath, exercises, load, trade


@pytest.fixture(scope="module")
def events():
    return load("aftermath_events")


@pytest.fixture(scope="module")
def tariffs():
    return load("aftermath_tariffs")


@pytest.fixture(scope="module")
def model_rates():
    return load("aftermath_model_rates")


@pytest.fixture(scope="module")
def model_inputs():
    japan = load("trade_japan_2024")
    return trade.export_base(japan), load("trade_parameters"), trade.used_value(japan, "nominal_gdp")


def toy_steps():
    """Two products; 'other goods' has a one-day spike and an open last step."""
    rows = [
        ("a1", "autos", "2025-01-01", "2025-01-10", 2.5), ("a2", "autos", "2025-01-11", None, 27.5),
        ("o1", "other goods", "2025-01-01", "2025-01-04", 0.0), ("o2", "other goods", "2025-01-05", "2025-01-05", 24.0),
        ("o3", "other goods", "2025-01-06", None, 10.0),
    ]
    frame = pd.DataFrame(rows, columns=["step_id", "product", "from_date", "to_date", "rate_percent"])
    frame["from_date"] = pd.to_datetime(frame["from_date"])
    frame["to_date"] = pd.to_datetime(frame["to_date"])
    frame["phase"] = ["before", "after", "before", "after", "after"]
    return frame


# --- the record -------------------------------------------------------------------------------------

def test_as_of_date_is_the_latest_event(events):
    assert aftermath.as_of_date(events) == events["date"].max() == pd.Timestamp("2026-03-19")


def test_as_of_date_of_an_empty_record_is_refused(events):
    with pytest.raises(ValueError, match="events is empty"):
        aftermath.as_of_date(events.iloc[0:0])


def test_every_event_comes_after_the_article_and_the_issue_events_are_there(events):
    assert (events["date"] > aftermath.ARTICLE_DATE).all()
    dated = dict(zip(events["event_id"], events["date"].dt.strftime("%Y-%m-%d")))
    for event_id, day in [("js_investment_1tn", "2025-02-07"), ("autos_232_proclamation", "2025-03-26"),
                          ("autos_232_effective", "2025-04-03"), ("liberation_day_japan_24", "2025-04-02"),
                          ("pause_90_days", "2025-04-09"), ("deal_announced_15pct", "2025-07-22"),
                          ("eo_14345_signed", "2025-09-04"), ("ishiba_resigns", "2025-09-07"),
                          ("takaichi_pm", "2025-10-21"), ("tokyo_summit", "2025-10-28"),
                          ("critical_minerals_framework", "2025-10-28")]:
        assert dated[event_id] == day
    # The summit itself is already in data/article/events.csv; the aftermath restates it only with new ids.
    assert not set(events["event_id"]) & set(load("events")["event_id"])


def test_events_by_category_counts_every_event_once(events):
    table = aftermath.events_by_category(events)
    assert table["events"].sum() == len(events)
    assert list(table.index) == [c for c in aftermath.CATEGORIES if c in set(events["category"])]


def test_unknown_category_is_refused(events):
    broken = events.copy()
    broken.loc[0, "category"] = "sport"
    with pytest.raises(ValueError, match="sport"):
        aftermath.events_by_category(broken)


# --- tariff steps -----------------------------------------------------------------------------------

def test_rate_on_picks_the_step_holding_the_date():
    steps = toy_steps()
    assert aftermath.rate_on(steps, "autos", "2025-01-10") == 2.5
    assert aftermath.rate_on(steps, "autos", "2025-01-11") == 27.5
    assert aftermath.rate_on(steps, "autos", "2030-01-01") == 27.5  # the open step is still in force
    assert aftermath.rate_on(steps, "other goods", "2025-01-05") == 24.0


def test_rate_on_refuses_unknown_product_and_dates_before_the_record():
    with pytest.raises(ValueError, match="product must be one of"):
        aftermath.rate_on(toy_steps(), "bananas", "2025-01-05")
    with pytest.raises(ValueError, match="before the first step"):
        aftermath.rate_on(toy_steps(), "autos", "2024-12-31")


def test_overlapping_steps_are_refused():
    steps = toy_steps()
    steps.loc[0, "to_date"] = pd.Timestamp("2025-01-15")
    with pytest.raises(ValueError, match="2 steps cover"):
        aftermath.rate_on(steps, "autos", "2025-01-12")


def test_average_rate_weights_each_day_once():
    # 10 days at 2.5 and 10 days at 27.5 average to 15.
    assert aftermath.average_rate(toy_steps(), "autos", "2025-01-01", "2025-01-20") == pytest.approx(15.0)
    # The one-day spike counts for one day of seven: (0*4 + 24 + 10*2) / 7.
    assert aftermath.average_rate(toy_steps(), "other goods", "2025-01-01", "2025-01-07") == pytest.approx(44 / 7)
    with pytest.raises(ValueError, match="must not be before start"):
        aftermath.average_rate(toy_steps(), "autos", "2025-01-05", "2025-01-01")


def test_step_series_closes_at_until_and_refuses_an_early_until():
    series = aftermath.tariff_step_series(toy_steps(), "other goods", "2025-02-01")
    assert list(series["rate_percent"]) == [0.0, 24.0, 10.0, 10.0]
    assert series["date"].iloc[-1] == pd.Timestamp("2025-02-01")
    with pytest.raises(ValueError, match="must not be before the last step"):
        aftermath.tariff_step_series(toy_steps(), "other goods", "2025-01-02")


def test_days_at_rate_counts_both_ends_and_open_steps():
    assert aftermath.days_at_rate(toy_steps(), "autos", 2.5, "2025-01-31") == 10
    assert aftermath.days_at_rate(toy_steps(), "autos", 27.5, "2025-01-31") == 21
    with pytest.raises(ValueError, match="no step of autos has a rate of 99"):
        aftermath.days_at_rate(toy_steps(), "autos", 99, "2025-01-31")


def test_real_steps_have_no_gaps_or_overlaps(tariffs):
    for product in aftermath.PRODUCTS:
        rows = tariffs[tariffs["product"] == product].sort_values("from_date")
        assert rows["to_date"].isna().sum() == 1 and pd.isna(rows["to_date"].iloc[-1])
        gaps = (rows["from_date"].iloc[1:].to_numpy() - rows["to_date"].iloc[:-1].to_numpy())
        assert (gaps == pd.Timedelta(days=1)).all()


def test_the_three_phases_the_issue_asks_for(tariffs):
    phases = aftermath.phase_rates(tariffs)
    assert phases.loc["before the article"].tolist() == [2.5, 0.0]
    assert phases.loc["the April tariffs"].tolist() == [27.5, 10.0]
    assert phases.loc["the agreement"].tolist() == [15.0, 15.0]
    assert aftermath.rate_on(tariffs, "other goods", "2025-04-09") == 24.0  # the one-day country rate


def test_car_increase_is_total_minus_mfn(tariffs):
    cars = tariffs[tariffs["product"] == "autos"]
    assert (cars["rate_percent"] - cars["increase_over_mfn_percent"] == 2.5).all()


# --- ledger and scorecard ---------------------------------------------------------------------------

def test_ledger_covers_every_p3_and_p4_expectation_and_every_option():
    ledger, claims = load("aftermath_ledger"), load("claims")
    wanted = claims[claims["paragraph"].isin(["P3", "P4"]) & (claims["kind"] == "expectation")]["claim_id"]
    assert set(ledger["claim_id"]) == set(wanted)
    assert set(ledger["option_id"].dropna()) == set(load("options")["option_id"])
    assert ledger["source_id"].notna().all() and (ledger["evidence"].str.len() > 40).all()


def test_ledger_summary_counts_in_schema_order():
    summary = aftermath.ledger_summary(load("aftermath_ledger"))
    assert list(summary.columns) == aftermath.OUTCOMES + ["total"]
    assert summary.loc["total", "total"] == len(load("aftermath_ledger"))
    assert summary.loc["Japan sought (P3)", "not delivered"] == 1


def test_ledger_summary_refuses_an_unknown_outcome():
    broken = load("aftermath_ledger")
    broken.loc[0, "outcome"] = "maybe"
    with pytest.raises(ValueError, match="maybe"):
        aftermath.ledger_summary(broken)


def test_related_events_exist_and_a_missing_one_is_named(events):
    for name in ("aftermath_ledger", "aftermath_scorecard"):
        table = load(name)
        pairs = aftermath.related_events(table, events)
        assert set(pairs.iloc[:, 0]) == set(table.iloc[:, 0])
    broken = load("aftermath_ledger")
    broken.loc[0, "related_event_ids"] = "no_such_event"
    with pytest.raises(ValueError, match="no_such_event"):
        aftermath.related_events(broken, events)


def test_scorecard_has_the_three_expectations_of_the_issue():
    scorecard = load("aftermath_scorecard")
    assert {"C18", "C19", "C30", "C26"} <= set(scorecard["claim_id"])
    assert {"Q1", "Q2", "Q6"} <= set(scorecard["quote_id"].dropna())


def test_every_disputed_fact_keeps_at_least_two_versions_and_uses_at_most_one():
    table = load("aftermath_disagreements")
    assert (table.groupby("topic_id").size() >= 2).all()
    assert (table.groupby("topic_id")["used"].sum() <= 1).all()


# --- the model re-run -------------------------------------------------------------------------------

def test_regime_rates_are_fractions_for_every_group(model_rates):
    rates = aftermath.regime_rates(model_rates, "after_agreement")
    assert set(rates) == set(trade.PRODUCT_GROUPS)
    assert rates["autos"] == pytest.approx(0.125) and rates["all_other"] == pytest.approx(0.15)
    with pytest.raises(ValueError, match="no period 'tomorrow'"):
        aftermath.regime_rates(model_rates, "tomorrow")


def test_model_increases_match_the_sourced_steps(model_rates, tariffs):
    by_regime = model_rates.set_index(["regime_id", "product_group"])["tariff_increase_percent"]
    for regime, day in [("after_april", "2025-07-01"), ("after_agreement", "2025-12-01"), ("after_court", "2026-03-01")]:
        step = tariffs[(tariffs["product"] == "autos") & (tariffs["from_date"] <= day)].iloc[-1]
        assert by_regime[(regime, "autos")] == step["increase_over_mfn_percent"]
        assert by_regime[(regime, "all_other")] == aftermath.rate_on(tariffs, "other goods", day)


def test_rerun_keeps_the_february_scenarios_and_adds_what_came(model_rates, model_inputs):
    exports, parameters, gdp = model_inputs
    scenarios = load("trade_scenarios")
    table = aftermath.rerun_against_scenarios(exports, scenarios, model_rates, parameters, gdp)
    feb = table[table["kind"] == "Feb 2025 scenario"].reset_index(drop=True)
    pd.testing.assert_frame_equal(
        feb[["scenario", "central_jpy_tn"]],
        trade.scenario_table(exports, scenarios, parameters, gdp)[["scenario", "central_jpy_tn"]])
    came = table[table["kind"] == "what came"].set_index("scenario")
    assert len(came) == model_rates["regime_id"].nunique()
    assert (came["low_jpy_tn"] <= came["central_jpy_tn"]).all() and (came["central_jpy_tn"] <= came["high_jpy_tn"]).all()
    # Every period that came costs more than notebook 02's central threat of 10% on everything.
    assert (came["central_jpy_tn"] > feb.loc[feb["scenario"] == "10% on everything", "central_jpy_tn"].iloc[0]).all()


def test_cars_after_the_agreement_by_hand(model_rates, model_inputs):
    exports, parameters, gdp = model_inputs
    cars = float(exports.loc[exports["product_group"] == "autos", "exports_jpy_tn"].iloc[0])
    expected = cars * (1 - 1.125 ** -1.3)  # full pass-through: no price part
    table = trade.tariff_loss(exports, aftermath.regime_rates(model_rates, "after_agreement"), 1.0, 1.3)
    assert table.loc[table["product_group"] == "autos", "loss_jpy_tn"].iloc[0] == pytest.approx(expected)


# --- the panel ---------------------------------------------------------------------------------------

def test_panel_result_reports_the_loss_or_a_message(model_rates, model_inputs):
    exports, _, gdp = model_inputs
    table, message = aftermath.panel_result(exports, model_rates, "after_court", 1.0, 1.3, gdp)
    assert table is not None and "After the Supreme Court" in message and "% of Japan's 2024 GDP" in message
    table, message = aftermath.panel_result(exports, model_rates, "after_court", 1.2, 1.3, gdp)
    assert table is None and "pass_through must be a number between 0 and 1" in message
    table, message = aftermath.panel_result(exports, model_rates, "nowhere", 1.0, 1.3, gdp)
    assert table is None and "no period 'nowhere'" in message


def test_panel_widget_updates_when_a_value_changes(model_rates, model_inputs):
    exports, parameters, gdp = model_inputs
    box = aftermath.panel(exports, model_rates, parameters, gdp)
    period, pass_slider, _, message, _ = box.children
    assert "After the agreement" in message.value
    period.value = "after_april"
    assert "After April" in message.value
    pass_slider.value = -0.2
    assert "Cannot compute" in message.value


# --- exercises ----------------------------------------------------------------------------------------

def test_exercise_answers_are_computed_from_the_data():
    assert exercises.EXERCISES["04.1"].expected() == 166
    assert exercises.EXERCISES["04.2"].expected() == pytest.approx(18.80, abs=0.01)
    assert exercises.verdict("04.3", ...).startswith(exercises.NOT_ANSWERED)
    assert exercises.verdict("04.1", 165).startswith(exercises.WRONG)
