"""Notebook 06: the record after the article, tariffs as applied, the backtest, the ledger and the panel."""

import json
import math
import re
from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from statusquo import aftermath, exercises, load, trade
from statusquo.data import REPO_ROOT

NOTEBOOK = Path(__file__).resolve().parents[1] / "notebooks" / "06_what_happened_next.ipynb"


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
    return trade.export_base(japan), load("trade_parameters")


@pytest.fixture(scope="module")
def notebook_cells():
    return json.loads(NOTEBOOK.read_text(encoding="utf-8"))["cells"]


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


def toy_periods():
    """Two groups' increases in two periods: 10 days at 0, then an open period at 25% on autos."""
    rows = [("p0", "Before", "2025-01-01", "2025-01-10", g, 0) for g in trade.PRODUCT_GROUPS]
    rows += [("p1", "After", "2025-01-11", None, g, 25 if g == "autos" else 0) for g in trade.PRODUCT_GROUPS]
    frame = pd.DataFrame(rows, columns=["regime_id", "label", "from_date", "to_date", "product_group",
                                        "tariff_increase_percent"])
    frame["from_date"] = pd.to_datetime(frame["from_date"])
    frame["to_date"] = pd.to_datetime(frame["to_date"])
    return frame


# --- the record -------------------------------------------------------------------------------------

def test_as_of_date_is_the_latest_event_and_later_than_the_old_record(events):
    assert aftermath.as_of_date(events) == events["date"].max()
    assert aftermath.as_of_date(events) > pd.Timestamp("2026-03-19")
    with pytest.raises(ValueError, match="events is empty"):
        aftermath.as_of_date(events.iloc[0:0])


def test_every_event_comes_after_the_article_and_the_key_events_are_there(events):
    assert (events["date"] > aftermath.ARTICLE_DATE).all()
    dated = dict(zip(events["event_id"], events["date"].dt.strftime("%Y-%m-%d")))
    for event_id, day in [("autos_232_effective", "2025-04-03"), ("liberation_day_japan_24", "2025-04-02"),
                          ("ishiba_rules_out_retaliation", "2025-04-14"), ("deal_announced_15pct", "2025-07-22"),
                          ("eo_14345_signed", "2025-09-04"), ("s301_investigations", "2026-03-11"),
                          ("smr_40bn_announced", "2026-03-19"), ("motegi_hormuz_minesweeping", "2026-03-22")]:
        assert dated[event_id] == day
    assert set(aftermath.KEY_EVENTS) <= set(events["event_id"])
    assert not set(events["event_id"]) & set(load("events")["event_id"])


def test_events_by_category_and_by_quarter_count_every_event_once(events):
    assert aftermath.events_by_category(events)["events"].sum() == len(events)
    by_quarter = aftermath.events_by_quarter(events)
    assert by_quarter.to_numpy().sum() == len(events)
    assert list(by_quarter.index) == aftermath.CATEGORIES and "2025 Q2" in by_quarter.columns
    broken = events.copy()
    broken.loc[0, "category"] = "sport"
    with pytest.raises(ValueError, match="sport"):
        aftermath.events_by_category(broken)


# --- tariff steps -----------------------------------------------------------------------------------

def test_rate_on_picks_the_step_holding_the_date_and_refuses_the_rest():
    steps = toy_steps()
    assert aftermath.rate_on(steps, "autos", "2025-01-10") == 2.5
    assert aftermath.rate_on(steps, "autos", "2030-01-01") == 27.5
    assert aftermath.rate_on(steps, "other goods", "2025-01-05") == 24.0
    with pytest.raises(ValueError, match="product must be one of"):
        aftermath.rate_on(steps, "bananas", "2025-01-05")
    with pytest.raises(ValueError, match="before the first step"):
        aftermath.rate_on(steps, "autos", "2024-12-31")
    steps.loc[0, "to_date"] = pd.Timestamp("2025-01-15")
    with pytest.raises(ValueError, match="2 steps cover"):
        aftermath.rate_on(steps, "autos", "2025-01-12")


def test_average_rate_and_days_count_each_day_once():
    assert aftermath.average_rate(toy_steps(), "autos", "2025-01-01", "2025-01-20") == pytest.approx(15.0)
    assert aftermath.average_rate(toy_steps(), "other goods", "2025-01-01", "2025-01-07") == pytest.approx(44 / 7)
    assert aftermath.days_at_rate(toy_steps(), "autos", 27.5, "2025-01-31") == 21
    with pytest.raises(ValueError, match="no step of autos has a rate of 99"):
        aftermath.days_at_rate(toy_steps(), "autos", 99, "2025-01-31")


def test_with_days_counts_both_ends_and_runs_open_rows_to_until():
    days = aftermath.with_days(toy_steps(), "2025-01-31")["days"].tolist()
    assert days == [10, 21, 4, 1, 26]
    with pytest.raises(ValueError, match="before the start"):
        aftermath.with_days(toy_steps(), "2025-01-02")


def test_real_steps_have_no_gaps_and_the_one_day_spike_is_one_day(tariffs, events):
    for product in aftermath.PRODUCTS:
        rows = tariffs[tariffs["product"] == product].sort_values("from_date")
        assert rows["to_date"].isna().sum() == 1 and pd.isna(rows["to_date"].iloc[-1])
        gaps = rows["from_date"].iloc[1:].to_numpy() - rows["to_date"].iloc[:-1].to_numpy()
        assert (gaps == pd.Timedelta(days=1)).all()
    with_days = aftermath.with_days(tariffs, aftermath.as_of_date(events)).set_index("step_id")
    assert with_days.loc["other_country_24", "days"] == 1
    phases = aftermath.phase_rates(tariffs)
    assert phases.loc["the April tariffs"].tolist() == [27.5, 10.0]
    assert phases.loc["after the Supreme Court ruling"].tolist() == [15.0, 10.0]


# --- tariff periods (assumptions) ---------------------------------------------------------------------

def test_periods_cover_every_day_from_2025_without_gaps_for_every_group(model_rates, events):
    table = aftermath.periods(model_rates, aftermath.as_of_date(events))
    assert table["from_date"].iloc[0] == pd.Timestamp("2025-01-01")
    gaps = table["from_date"].iloc[1:].to_numpy() - table["to_date"].iloc[:-1].to_numpy()
    assert (gaps == pd.Timedelta(days=1)).all() and table["to_date"].isna().sum() == 1
    assert (model_rates.groupby("regime_id")["product_group"].apply(set) == set(trade.PRODUCT_GROUPS)).all()
    assert table.set_index("regime_id").loc["country_rate_24", "days"] == 1


def test_periods_agree_with_the_sourced_steps(model_rates, tariffs):
    by_regime = model_rates.set_index(["regime_id", "product_group"])["tariff_increase_percent"]
    for regime, first in model_rates.drop_duplicates("regime_id")[["regime_id", "from_date"]].itertuples(index=False):
        if first < tariffs["from_date"].min():
            first = tariffs["from_date"].min()
        car = tariffs[(tariffs["product"] == "autos") & (tariffs["from_date"] <= first)].iloc[-1]
        assert by_regime[(regime, "autos")] == car["increase_over_mfn_percent"], regime
        assert by_regime[(regime, "all_other")] == aftermath.rate_on(tariffs, "other goods", first), regime


def test_exemptions_and_steel_history_are_in_the_rationale(model_rates):
    chips = model_rates[model_rates["product_group"] == "chips_and_equipment"]
    assert (chips["tariff_increase_percent"] == 0).all()
    assert chips["rationale"].str.contains("semiconductor manufacturing").all()
    steel = model_rates[model_rates["product_group"] == "steel_and_aluminium"]
    assert steel["rationale"].str.contains("quota").all()
    assert not model_rates["rationale"].str.contains("not researched").any()


def test_period_weights_refuse_a_gap():
    gappy = toy_periods()
    gappy.loc[gappy["regime_id"] == "p1", "from_date"] = pd.Timestamp("2025-01-13")
    with pytest.raises(ValueError, match="cover every day once"):
        aftermath.average_increase(gappy, "autos", "2025-01-01", "2025-01-20")
    assert aftermath.average_increase(toy_periods(), "autos", "2025-01-01", "2025-01-20") == pytest.approx(12.5)


def test_rerun_draws_only_periods_long_enough_and_the_one_in_force(model_rates, model_inputs, events):
    exports, parameters = model_inputs
    table = aftermath.rerun(exports, model_rates, parameters, aftermath.as_of_date(events))
    assert ((table["days"] >= aftermath.MIN_DAYS_TO_DRAW) | table["to_date"].isna()).all()
    assert "country_rate_24" not in set(table["regime_id"])
    assert (table["low_jpy_tn"] <= table["central_jpy_tn"]).all() and (table["central_jpy_tn"] <= table["high_jpy_tn"]).all()
    cars = float(exports.loc[exports["product_group"] == "autos", "exports_jpy_tn"].iloc[0])
    at_risk = aftermath.revenue_at_risk(exports, {"autos": 0.125}, 1.0, 1.3)
    assert at_risk == pytest.approx(cars * (1 - 1.125 ** -1.3))


# --- the backtest ---------------------------------------------------------------------------------------

def test_predicted_change_splits_value_into_volume_and_price(model_inputs):
    exports, _ = model_inputs
    full = aftermath.predicted_change(exports, toy_periods(), 1.0, 1.3, "2025-01-11", "2025-01-20", ["autos"])
    assert full["price"] == pytest.approx(0) and full["value"] == pytest.approx((1.25 ** -1.3 - 1) * 100)
    none = aftermath.predicted_change(exports, toy_periods(), 0.0, 1.3, "2025-01-11", "2025-01-20", ["autos"])
    assert none["volume"] == pytest.approx(0) and none["value"] == pytest.approx((1 / 1.25 - 1) * 100)
    half = aftermath.predicted_change(exports, toy_periods(), 1.0, 1.3, "2025-01-01", "2025-01-20", ["autos"])
    assert half["value"] == pytest.approx(full["value"] / 2)  # ten days without the tariff, ten with
    with pytest.raises(ValueError, match="no exports for groups"):
        aftermath.predicted_change(exports, toy_periods(), 1.0, 1.3, "2025-01-01", "2025-01-20", ["bananas"])


def test_backtest_sets_every_prediction_beside_a_sourced_figure(model_rates, model_inputs):
    exports, parameters = model_inputs
    outcomes = load("aftermath_outcomes_2025")
    table = aftermath.backtest(exports, model_rates, parameters, outcomes)
    assert len(table) == len(aftermath.BACKTEST_ROWS)
    assert set(table["source_id"]) <= set(load("sources")["source_id"])
    assert (table["predicted_low_percent"] <= table["predicted_central_percent"]).all()
    cars = table.set_index(["goods", "measure"])
    # What the record says: the number of cars fell far less than the model's central case.
    assert cars.loc[("autos", "volume"), "actual_percent"] > cars.loc[("autos", "volume"), "predicted_high_percent"]


def test_implied_pass_through_inverts_the_model_price_ratio():
    assert aftermath.implied_pass_through(0.0, 25) == pytest.approx(1.0)
    assert aftermath.implied_pass_through((1 / 1.25 - 1) * 100, 25) == pytest.approx(0.0)
    with pytest.raises(ValueError, match="must be positive"):
        aftermath.implied_pass_through(-10, 0)


def test_outcomes_keep_one_used_version_per_figure():
    outcomes = load("aftermath_outcomes_2025")
    assert (outcomes.groupby("outcome_id")["used"].sum() == 1).all()
    assert {o for o, _, _ in aftermath.BACKTEST_ROWS} <= set(outcomes["outcome_id"])


# --- ledger and scorecard: our judgement ---------------------------------------------------------------

def test_ledger_and_scorecard_are_labelled_our_judgement():
    for name in ("aftermath_ledger", "aftermath_scorecard"):
        assert (load(name)["evidence_kind"] == "our judgement").all()


def test_ledger_covers_every_p3_and_p4_expectation_and_the_summary_counts_them():
    ledger, claims = load("aftermath_ledger"), load("claims")
    wanted = claims[claims["paragraph"].isin(["P3", "P4"]) & (claims["kind"] == "expectation")]["claim_id"]
    assert set(ledger["claim_id"]) == set(wanted)
    summary = aftermath.ledger_summary(ledger)
    assert list(summary.columns) == aftermath.OUTCOMES + ["total"]
    assert summary.loc["total", "total"] == len(ledger)
    ledger.loc[0, "outcome"] = "maybe"
    with pytest.raises(ValueError, match="maybe"):
        aftermath.ledger_summary(ledger)


def test_related_events_exist_and_a_missing_one_is_named(events):
    for name in ("aftermath_ledger", "aftermath_scorecard"):
        table = load(name)
        assert set(aftermath.related_events(table, events).iloc[:, 0]) == set(table.iloc[:, 0])
    broken = load("aftermath_ledger")
    broken.loc[0, "related_event_ids"] = "no_such_event"
    with pytest.raises(ValueError, match="no_such_event"):
        aftermath.related_events(broken, events)


def test_every_disputed_fact_keeps_at_least_two_versions_and_uses_at_most_one():
    table = load("aftermath_disagreements")
    assert (table.groupby("topic_id").size() >= 2).all()
    assert (table.groupby("topic_id")["used"].sum() <= 1).all()


@pytest.mark.parametrize("name", ["aftermath_events", "aftermath_ledger", "aftermath_scorecard", "aftermath_tariffs",
                                  "aftermath_disagreements", "aftermath_outcomes_2025", "aftermath_model_rates"])
def test_no_dollar_sign_in_text_cells(name):
    table = load(name)
    for column in table.columns:
        if table[column].dtype == object or str(table[column].dtype).startswith("str"):
            assert not table[column].astype(str).str.contains("$", regex=False).any(), (name, column)


# --- the panel ---------------------------------------------------------------------------------------

def test_snap_rounds_float_noise_to_the_step():
    assert aftermath.snap(1.1500000000000001, 0.05) == 1.15
    assert aftermath.snap(0.35000000000000003, 0.05) == 0.35
    assert aftermath.snap("a lot", 0.05) == "a lot"


def test_panel_result_reports_revenue_at_risk_or_a_message(model_rates, model_inputs):
    exports, _ = model_inputs
    table, message = aftermath.panel_result(exports, model_rates, "after_court", 1.0, 1.3)
    assert table is not None and "After the Supreme Court" in message and aftermath.QUANTITY in message
    assert "revenue_at_risk_jpy_tn" in table.columns
    table, message = aftermath.panel_result(exports, model_rates, "after_court", 0.35000000000000003, 1.3)
    assert table is not None and "pass-through 0.35" in message
    for hostile in (1.1500000000000001, -0.2, float("nan"), "high", None):
        table, message = aftermath.panel_result(exports, model_rates, "after_court", hostile, 1.3)
        assert table is None and message.startswith("Cannot compute") and "Traceback" not in message
    table, message = aftermath.panel_result(exports, model_rates, "nowhere", 1.0, 1.3)
    assert table is None and "no period 'nowhere'" in message


def test_panel_widget_accepts_every_slider_value(model_rates, model_inputs):
    exports, parameters = model_inputs
    box = aftermath.panel(exports, model_rates, parameters)
    period, pass_slider, elasticity_slider, message, _ = box.children
    assert "After the agreement" in message.value
    assert "country_rate_24" not in [value for _, value in period.options]
    steps = round((pass_slider.max - pass_slider.min) / pass_slider.step)
    for i in range(steps + 1):
        pass_slider.value = pass_slider.min + i * pass_slider.step
        inside = 0 <= round(pass_slider.value, 6) <= 1
        assert ("Cannot compute" in message.value) is not inside, pass_slider.value
        plt.close("all")
    pass_slider.value = 1.0
    elasticity_slider.value = 2.3000000000000003
    assert "elasticity 2.3" in message.value
    plt.close("all")


# --- the notebook ---------------------------------------------------------------------------------------

def _markdown(cells):
    return "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")


def test_notebook_names_the_quantity_and_never_calls_it_a_loss_or_cost_to_japan(notebook_cells):
    text = _markdown(notebook_cells)
    assert "export revenue at risk" in text
    assert not re.search(r"\bcost(s)? (to )?Japan\b|\bloss(es)? to Japan\b|loss of export value", text, re.IGNORECASE)
    assert "$" not in text.replace("$...$", "")


def test_notebook_has_a_model_card_and_the_post_check_just_before_the_key_points(notebook_cells):
    sources = ["".join(c["source"]) for c in notebook_cells]
    card = [s for s in sources if s.startswith("**Model card:")]
    assert card and all(part in card[0] for part in ("measures", "leaves out", "inputs come from", "How wrong",
                                                     "change its answer"))
    post = next(i for i, s in enumerate(sources) if s.startswith("## Post-check: what did the class learn?"))
    key_points = next(i for i, s in enumerate(sources) if s.startswith("## Key points"))
    assert post < key_points and 'checkpoint.report("post"' in "\n".join(sources[post:key_points])
    assert sources[0].startswith("# 06 · ")


def test_exercises_cover_the_four_kinds_and_name_their_slips():
    ids = [i for i in exercises.EXERCISES if i.startswith("06.")]
    assert {exercises.EXERCISES[i].kind for i in ids} == set(exercises.KINDS)
    expected = exercises.EXERCISES["06.5"].expected()
    assert expected == pytest.approx(166 / 365 * 100)
    assert "days instead of a percent" in exercises.verdict("06.5", 166)
    assert "percent written as a fraction" in exercises.verdict("06.5", expected / 100)
    assert "366" in exercises.verdict("06.5", 166 / 366 * 100)
    price = exercises.EXERCISES["06.2"].expected()
    assert price == pytest.approx(((1 - 0.227) / (1 - 0.024) - 1) * 100)
    assert "subtracted" in exercises.verdict("06.2", -22.7 + 2.4)
    assert exercises.verdict("06.3", "A").startswith(exercises.CORRECT)
    assert exercises.verdict("06.4", "B").startswith(exercises.WRONG)
    assert exercises.verdict("06.1", -25.0).startswith(exercises.WRONG) and not math.isnan(
        exercises.EXERCISES["06.1"].expected())


def test_the_as_of_date_in_the_teacher_files_is_the_latest_event(events):
    """The README and the teacher's model answers name the record's end; they must follow the data."""
    latest = events["date"].max()
    as_of = f"{latest.day} {latest.strftime('%B %Y')}"
    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    answers = (REPO_ROOT / "teacher" / "model_answers" / "06.md").read_text(encoding="utf-8")
    assert f"runs to {as_of}" in readme, f"README: say the record runs to {as_of}"
    assert f"as of {as_of}" in answers, f"teacher/model_answers/06.md: say 'as of {as_of}'"


def test_key_event_labels_never_share_a_gap_between_lanes_with_a_near_neighbour(events):
    from statusquo.aftermath_figures import LABEL_HALF_WIDTH, label_sides

    key = events[events["event_id"].isin(aftermath.KEY_EVENTS)].sort_values("date", kind="stable")
    key = key.reset_index(drop=True)
    lanes = [c for c in aftermath.CATEGORIES if c in set(key["category"])]
    gaps: dict[float, list] = {}
    for (_, row), above in zip(key.iterrows(), label_sides(key, lanes)):
        gaps.setdefault(lanes.index(row["category"]) + (0.5 if above else -0.5), []).append(row["date"])
    for gap, dates in gaps.items():
        dates = sorted(dates)
        assert all(b - a > 2 * LABEL_HALF_WIDTH for a, b in zip(dates, dates[1:])), f"labels collide in gap {gap}"
