"""Tests of statusquo.trade: the export-revenue-at-risk model, its horizons, its input checks, the data
helpers, the figures' alt text and the panel."""

from __future__ import annotations

import math
from itertools import pairwise

import matplotlib
import numpy as np
import pandas as pd
import pytest

matplotlib.use("Agg")

from statusquo import exercises, load, trade, trade_figures

AT_RISK = trade.AT_RISK


@pytest.fixture(scope="module")
def japan():
    return load("trade_japan_2024")


@pytest.fixture(scope="module")
def exports(japan):
    return trade.export_base(japan)


@pytest.fixture(scope="module")
def parameters():
    return load("trade_parameters")


@pytest.fixture(scope="module")
def gdp(japan):
    return trade.used_value(japan, "nominal_gdp")


def simple_exports(value=10.0, group="autos"):
    return pd.DataFrame({"product_group": [group], "exports_jpy_tn": [value]})


# --- the model ----------------------------------------------------------------------------------------

def test_zero_tariff_puts_nothing_at_risk(exports, gdp):
    table = trade.export_revenue_at_risk(exports, {}, pass_through=1.0, elasticity=1.3)
    assert (table[AT_RISK] == 0).all()
    assert trade.total_at_risk(exports, {g: 0 for g in trade.PRODUCT_GROUPS}, 0.5, 4.0, gdp)[AT_RISK] == 0


def test_result_names_carry_the_quantity(exports, gdp):
    table = trade.export_revenue_at_risk(exports, {"autos": 0.25}, 1.0, 1.3)
    assert "export_revenue_at_risk_jpy_tn" in table.columns
    assert not [c for c in table.columns if "loss" in c or "cost" in c]
    total = trade.total_at_risk(exports, {"autos": 0.25}, 1.0, 1.3, gdp)
    assert set(total) == {"export_revenue_at_risk_jpy_tn", "percent_of_exports_to_us", "equal_to_percent_of_gdp"}


def test_hand_computed_case():
    # 25% on ¥10 tn, full pass-through, elasticity 2: volume ratio 1.25^-2 = 0.64, so ¥3.6 tn is at risk.
    table = trade.export_revenue_at_risk(simple_exports(10.0), {"autos": 0.25}, pass_through=1.0, elasticity=2.0)
    assert table[AT_RISK].iloc[0] == pytest.approx(3.6)
    assert table["volume_change_percent"].iloc[0] == pytest.approx(-36.0)
    assert table["price_effect_jpy_tn"].iloc[0] == pytest.approx(0.0)


def test_hand_computed_case_with_absorbed_tariff():
    # 20% tariff, half passed on: buyers pay +10%; volume 1.1^-1 ; exporter price 1.1/1.2.
    table = trade.export_revenue_at_risk(simple_exports(12.0), {"autos": 0.2}, pass_through=0.5, elasticity=1.0)
    expected_ratio = (1 / 1.1) * (1.1 / 1.2)
    assert table[AT_RISK].iloc[0] == pytest.approx(12.0 * (1 - expected_ratio))
    assert table["volume_effect_jpy_tn"].iloc[0] + table["price_effect_jpy_tn"].iloc[0] == pytest.approx(
        table[AT_RISK].iloc[0])


def test_revenue_ratio_matches_the_closed_form():
    for t, p, e in [(0.1, 1.0, 2.0), (0.25, 0.5, 0.76), (0.4, 0.2, 3.0)]:
        assert trade.revenue_ratio(t, p, e) == pytest.approx((1 + p * t) ** (1 - e) / (1 + t))


def test_unit_elasticity_makes_pass_through_irrelevant():
    ratios = [trade.revenue_ratio(0.3, p, 1.0) for p in (0.0, 0.4, 1.0)]
    assert ratios == pytest.approx([1 / 1.3] * 3)


@pytest.mark.parametrize("elasticity,direction", [(0.5, -1), (0.76, -1), (1.0, 0), (1.3, 1), (2.0, 1), (4.0, 1)])
@pytest.mark.parametrize("tariff", [0.05, 0.1, 0.25, 1.0])
def test_pass_through_effect_changes_sign_at_elasticity_one(exports, gdp, elasticity, direction, tariff):
    # The derivative's sign is sign(ε − 1) whatever the tariff: check it numerically, not from the formula.
    rates = {g: tariff for g in trade.PRODUCT_GROUPS}
    at_risk = [trade.total_at_risk(exports, rates, p, elasticity, gdp)[AT_RISK] for p in (0.2, 0.5, 0.8, 1.0)]
    steps = np.sign(np.round(np.diff(at_risk), 12))
    assert (steps == direction).all(), (elasticity, at_risk)
    assert trade.pass_through_effect(elasticity) == direction


@pytest.mark.parametrize("pass_through,elasticity", [(1.0, 1.3), (0.5, 0.76), (0.0, 2.0), (0.0, 0.0)])
def test_at_risk_grows_with_the_rate(exports, gdp, pass_through, elasticity):
    values = [trade.total_at_risk(exports, {"autos": r, "all_other": r}, pass_through, elasticity, gdp)[AT_RISK]
              for r in (0.0, 0.05, 0.1, 0.25, 0.5, 1.0, 2.0)]
    assert all(later > earlier for earlier, later in pairwise(values))


def test_nothing_at_risk_when_buyers_pay_everything_and_do_not_react(exports, gdp):
    assert trade.total_at_risk(exports, {"autos": 0.5}, 1.0, 0.0, gdp)[AT_RISK] == pytest.approx(0.0)


def test_at_risk_grows_with_elasticity_and_never_exceeds_exports(exports):
    totals = [trade.export_revenue_at_risk(exports, {"autos": 2.0}, 1.0, e)[AT_RISK].sum() for e in (0, 0.76, 2, 6, 20)]
    assert all(later > earlier for earlier, later in pairwise(totals))
    assert totals[-1] < exports.loc[exports["product_group"] == "autos", "exports_jpy_tn"].iloc[0]


def test_share_of_gdp(exports, gdp):
    result = trade.total_at_risk(exports, {"autos": 0.25}, 1.0, 1.3, gdp)
    assert result["equal_to_percent_of_gdp"] == pytest.approx(result[AT_RISK] / gdp * 100)


def test_old_names_still_work_and_agree(exports, parameters, gdp):
    # Notebooks 04 to 06 were written against these names.
    rates = {"autos": 0.25}
    old, new = trade.tariff_loss(exports, rates, 1.0, 1.3), trade.export_revenue_at_risk(exports, rates, 1.0, 1.3)
    assert old["loss_jpy_tn"].tolist() == pytest.approx(new[AT_RISK].tolist())
    assert trade.total_loss(exports, rates, 1.0, 1.3, gdp)["loss_percent_of_gdp"] == pytest.approx(
        trade.total_at_risk(exports, rates, 1.0, 1.3, gdp)["equal_to_percent_of_gdp"])
    assert trade.loss_range(exports, rates, parameters, gdp)["central_jpy_tn"] == pytest.approx(
        trade.at_risk_range(exports, rates, parameters, gdp)[AT_RISK])
    assert trade.export_value_ratio(0.1, 1.0, 2.0) == trade.revenue_ratio(0.1, 1.0, 2.0)


# --- bad inputs -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("rates,match", [
    ({"autos": -0.1}, "tariff rate for autos"),
    ({"autos": 25}, "0.25 means 25%"),
    ({"autos": float("nan")}, "tariff rate for autos"),
    ({"autos": "25%"}, "tariff rate for autos"),
    ({"autos": None}, "tariff rate for autos"),
    ({"cars": 0.25}, "unknown product group"),
    (None, "mapping"),
])
def test_bad_tariffs_are_refused(exports, rates, match):
    with pytest.raises(ValueError, match=match):
        trade.export_revenue_at_risk(exports, rates, 1.0, 1.3)


@pytest.mark.parametrize("pass_through,elasticity,match", [
    (1.2, 1.3, "pass_through"), (-0.1, 1.3, "pass_through"), (None, 1.3, "pass_through"),
    (1.0, -1.0, "elasticity"), (1.0, math.inf, "elasticity"), (True, 1.3, "pass_through"),
    (1.0, "2", "elasticity"), (float("nan"), 1.3, "pass_through"),
])
def test_bad_parameters_are_refused(exports, pass_through, elasticity, match):
    with pytest.raises(ValueError, match=match):
        trade.export_revenue_at_risk(exports, {"autos": 0.25}, pass_through, elasticity)


def test_bad_gdp_is_refused(exports):
    with pytest.raises(ValueError, match="gdp_jpy_tn"):
        trade.total_at_risk(exports, {"autos": 0.25}, 1.0, 1.3, 0)


def test_unknown_parameter_row_is_named(exports, parameters, gdp):
    with pytest.raises(ValueError, match="no parameter 'elasticity_medium_run'"):
        trade.at_risk_range(exports, {"autos": 0.1}, parameters, gdp, elasticity_row="elasticity_medium_run")


# --- horizons, ranges, scenarios -------------------------------------------------------------------------

def test_horizons_come_from_the_cited_estimates(parameters):
    estimates = load("trade_parameter_estimates")
    elasticities = estimates[estimates["parameter"] == "import_elasticity"]
    for horizon, row in trade.HORIZONS.items():
        values = trade.parameter_values(parameters, row)
        cited = set(elasticities.loc[elasticities["horizon"] == horizon, "value"])
        assert values["low"] in cited and values["high"] in cited, horizon
        assert values["low"] <= values["central"] <= values["high"]
    short, long_ = (trade.parameter_values(parameters, r) for r in trade.HORIZONS.values())
    assert short["high"] < long_["low"], "the two horizons' ranges must not overlap"
    assert short["low"] < trade.PASS_THROUGH_NEUTRAL_ELASTICITY < short["high"] < long_["low"]


def test_range_brackets_central_and_matches_a_grid(exports, parameters, gdp):
    rates = {g: 0.1 for g in trade.PRODUCT_GROUPS}
    for row in trade.HORIZONS.values():
        result = trade.at_risk_range(exports, rates, parameters, gdp, elasticity_row=row)
        assert result["export_revenue_at_risk_low_jpy_tn"] <= result[AT_RISK] <= result["export_revenue_at_risk_high_jpy_tn"]
        el = trade.parameter_values(parameters, row)
        grid = [trade.total_at_risk(exports, rates, p, e, gdp)[AT_RISK]
                for p in np.linspace(0.5, 1.0, 6) for e in np.linspace(el["low"], el["high"], 6)]
        assert min(grid) == pytest.approx(result["export_revenue_at_risk_low_jpy_tn"])
        assert max(grid) == pytest.approx(result["export_revenue_at_risk_high_jpy_tn"])


def test_long_run_puts_more_at_risk_than_short_run(exports, parameters, gdp):
    table = trade.horizon_table(exports, load("trade_scenarios"), parameters, gdp)
    for scenario, rows in table.groupby("scenario"):
        rows = rows.set_index("horizon")
        if scenario == "Status quo":
            assert rows[AT_RISK].eq(0).all()
        else:
            assert rows.loc["long_run", AT_RISK] > rows.loc["short_run", AT_RISK]


def test_tornado_puts_the_bigger_swing_first(exports, parameters, gdp):
    table = trade.tornado(exports, {"autos": 0.25}, parameters, gdp, elasticity_row="elasticity_long_run")
    assert list(table["parameter"]) == ["elasticity_long_run", "pass_through"]
    assert table["swing_jpy_tn"].is_monotonic_decreasing


def test_scenarios(exports, parameters, gdp):
    scenarios = load("trade_scenarios")
    assert trade.scenario_rates(scenarios, "autos_25") == {**{g: 0.0 for g in trade.PRODUCT_GROUPS}, "autos": 0.25}
    table = trade.scenario_table(exports, scenarios, parameters, gdp).set_index("scenario")
    assert table.loc["Status quo", "high_jpy_tn"] == 0
    assert table.loc["25% on everything", "central_jpy_tn"] > table.loc["10% on everything", "central_jpy_tn"] \
        > table.loc["25% on cars", "central_jpy_tn"] > 0
    with pytest.raises(ValueError, match="no scenario"):
        trade.scenario_rates(scenarios, "made_up")


# --- data helpers ----------------------------------------------------------------------------------------

def test_export_base_adds_up(japan, exports):
    assert exports["exports_jpy_tn"].sum() == pytest.approx(trade.used_value(japan, "exports_to_us"))
    autos_and_parts = exports.set_index("product_group").loc[["autos", "auto_parts"], "exports_jpy_tn"].sum()
    assert autos_and_parts == pytest.approx(7.2)
    assert (exports["exports_jpy_tn"] > 0).all()
    assert list(exports["product_group"]) == trade.PRODUCT_GROUPS


def test_used_value_needs_exactly_one_used_row(japan):
    with pytest.raises(ValueError, match="exactly one"):
        trade.used_value(japan.assign(used=True), "total_exports")


def test_balance_table_keeps_gaps_visible_and_one_basis():
    goods = load("trade_us_japan_goods")
    balance = trade.goods_balance_by_year(goods)
    assert list(balance.index) == list(range(2014, 2025))
    assert not balance.loc[2015, "confirmed"] and balance.loc[2021, "confirmed"]
    assert balance.loc[2024, "balance"] == pytest.approx(-68.5)
    # Where both flows are published, they must roughly reproduce the published balance.
    both = balance.dropna(subset=["balance", "balance_from_flows"])
    assert ((both["balance"] - both["balance_from_flows"]).abs() < 1.0).all()
    # A used row never mixes in a balance-of-payments figure.
    assert not goods[goods["used"]]["basis"].str.contains("balance-of-payments").any()
    # The 2024 export figure and the Census deficit imply the reported imports of about 148.2 bn.
    exports_2024 = goods[(goods["year"] == 2024) & (goods["flow"] == "exports_to_japan") & goods["used"]]
    census = goods[(goods["year"] == 2024) & (goods["flow"] == "balance") &
                   (goods["source_id"] == "trade_opportimes_deficit_by_year")]
    assert float(exports_2024["value_usd_bn"].iloc[0]) - float(census["value_usd_bn"].iloc[0]) == pytest.approx(148.2, abs=0.05)


def test_no_dollar_sign_in_text_a_reader_sees():
    for name in ["trade_us_japan_goods", "trade_deficit_claims", "trade_japan_2024", "trade_investment_ties",
                 "trade_investment_claims", "trade_parameter_estimates", "trade_parameters", "trade_scenarios"]:
        table = load(name).drop(columns=["quote"], errors="ignore")
        text = table.select_dtypes(exclude="number").astype(str)
        assert not text.apply(lambda col: col.str.contains("$", regex=False)).any().any(), name


def test_fdi_positions_and_the_largest_investor_claim():
    positions = trade.fdi_positions(load("trade_investment_ties"))
    assert list(positions.index) == [2019, 2020, 2021, 2022, 2023]
    assert positions["japan_ahead_of_canada"].dropna().astype(bool).all()
    assert positions["Japan"].is_monotonic_increasing
    years = trade.years_to_reach(positions, 1000, 2019, 2023)
    assert years == pytest.approx((1000 - 783.3) / ((783.3 - 619.3) / 4))
    with pytest.raises(ValueError, match="did not rise"):
        trade.years_to_reach(positions.assign(Japan=positions["Japan"][::-1].to_numpy()), 1000, 2019, 2023)


def test_threat_timing():
    threats = trade.threats_with_timing(load("trade_tariff_threats")).set_index("threat_id")
    assert threats.loc["T07", "timing"] == "before the article"
    assert threats.loc["T15", "timing"] == "after the article"
    assert threats.loc["T02", "timing"] == "date not confirmed"
    autos_before = threats[(threats["sector"] == "autos") & (threats["timing"] == "before the article")]
    assert autos_before.empty


# --- figures: alt text follows the values ----------------------------------------------------------------

def test_alt_text_changes_with_the_values(exports, parameters, gdp):
    scenarios = load("trade_scenarios")
    table = trade.horizon_table(exports, scenarios, parameters, gdp)
    _, alt = trade_figures.horizons_figure(table)
    central = table.loc[(table["scenario"] == "10% on everything") & (table["horizon"] == "long_run"), AT_RISK].iloc[0]
    assert f"long run {central:.2f}" in alt
    bigger = trade.horizon_table(exports.assign(exports_jpy_tn=exports["exports_jpy_tn"] * 2), scenarios, parameters, gdp)
    _, alt_bigger = trade_figures.horizons_figure(bigger)
    assert alt_bigger != alt and f"long run {2 * central:.2f}" in alt_bigger
    _, alt_exports = trade_figures.exports_figure(exports)
    assert f"{exports['exports_jpy_tn'].iloc[0]:.2f}" in alt_exports


def test_pass_through_figure_says_where_lines_cross(exports, gdp):
    curve = trade.pass_through_curve(exports, {g: 0.1 for g in trade.PRODUCT_GROUPS}, [0.5, 1.0, 2.0], [0.5, 1.0], gdp)
    _, alt = trade_figures.pass_through_figure(curve, (0.76, 1.3), (1.75, 2.25), "10% on everything")
    assert "cross at elasticity 1" in alt and "straddles" in alt
    at_one = curve[curve["elasticity"] == 1.0][AT_RISK]
    assert at_one.max() - at_one.min() == pytest.approx(0, abs=1e-12)


# --- panel ----------------------------------------------------------------------------------------------

def test_panel_result_good_and_bad_inputs(exports, gdp):
    table, message = trade.panel_result(exports, {"autos": 25}, 1.0, 1.3, gdp)
    assert table is not None and message.startswith("Export revenue at risk: ¥1.52 tn")
    assert "equal in size to" in message and AT_RISK in table.columns
    for bad, word in [({"autos": -10}, "tariff rate"), ({"autos": 250}, "tariff rate"), ({"autos": None}, "tariff rate"),
                      ({"autos": float("nan")}, "tariff rate"), ({"autos": "25"}, "tariff rate"), (None, "mapping")]:
        table, message = trade.panel_result(exports, bad, 1.0, 1.3, gdp)
        assert table is None and message.startswith("Cannot compute") and word in message
    for pass_through, elasticity, word in [(1.2, 1.3, "pass_through"), (None, 1.3, "pass_through"),
                                           (1.0, float("nan"), "elasticity"), (1.0, "1.3", "elasticity")]:
        table, message = trade.panel_result(exports, {"autos": 25}, pass_through, elasticity, gdp)
        assert table is None and word in message


def test_panel_accepts_every_value_its_sliders_produce(exports, gdp):
    # Float steps such as 1.0000000000000002 or 1.1500000000000001 must not be refused.
    steps = np.arange(-0.2, 1.2001, 0.05)
    accepted = [p for p in steps if trade.panel_result(exports, {"autos": 25}, float(p), 1.0, gdp)[0] is not None]
    assert len(accepted) == sum(1 for p in steps if -1e-9 <= p <= 1 + 1e-9)
    for e in np.arange(0, 6.0001, 0.05):
        assert trade.panel_result(exports, {"autos": 25}, 1.0, float(e), gdp)[0] is not None


def test_panel_widget_updates(exports, parameters, gdp):
    box = trade.panel(exports, parameters, gdp, initial_percents={"autos": 25})
    sliders = [w for w in box.children if w.__class__.__name__ == "FloatSlider"]
    message = [w for w in box.children if w.__class__.__name__ == "HTML"][-1]
    assert "Export revenue at risk" in message.value
    sliders[0].value = 0  # autos
    assert "¥0.00 tn" in message.value
    sliders[0].value = -10
    assert "Cannot compute" in message.value and "tariff rate for autos" in message.value
    sliders[0].value = 25
    sliders[-2].value = 1.2  # pass-through
    assert "Cannot compute" in message.value and "pass_through" in message.value


# --- exercises ------------------------------------------------------------------------------------------

def test_exercises_have_expected_answers(exports, parameters, gdp):
    assert exercises.EXERCISES["02.1"].expected() == pytest.approx((1000 - 783.3) / ((783.3 - 619.3) / 4))
    assert exercises.verdict("02.1", 5.3).startswith("Correct")
    assert "last year only" in exercises.verdict("02.1", (1000 - 783.3) / (783.3 - 775.2))
    assert "four yearly steps" in exercises.verdict("02.1", (1000 - 783.3) / ((783.3 - 619.3) / 5))
    # Below an elasticity of 1, absorbing the tariff puts more revenue at risk.
    assert exercises.EXERCISES["02.2"].expected() == "A"
    assert exercises.verdict("02.2", "B").startswith("Not quite")
    ratio = exercises.EXERCISES["02.3"].expected()
    assert 1.5 < ratio < 2.5 and exercises.verdict("02.3", 1.0).startswith("Not quite: your guess was low")
    long_run = exercises.EXERCISES["02.4"].expected()
    assert long_run == pytest.approx(7.2 * (1 - 1.25 ** -2) / gdp * 100)
    assert "percent written as a fraction" in exercises.verdict("02.4", long_run / 100)
    assert "short-run elasticity" in exercises.verdict("02.4", 7.2 * (1 - 1.25 ** -1) / gdp * 100)
    assert "cars only" in exercises.verdict("02.4", exports.loc[0, "exports_jpy_tn"] * (1 - 1.25 ** -2) / gdp * 100)
    assert exercises.EXERCISES["02.5"].expected() == "B"
    kinds = {exercises.EXERCISES[i].kind for i in ("02.1", "02.2", "02.3", "02.4", "02.5")}
    assert kinds == {"compute", "concept", "predict", "interpret"}


# --- the notebook says what the model measures ------------------------------------------------------------

def test_notebook_has_a_model_card_and_honest_names():
    import json
    from pathlib import Path

    path = Path(__file__).resolve().parents[1] / "notebooks" / "02_trade_risk.ipynb"
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    markdown = ["".join(c["source"]) for c in cells if c["cell_type"] == "markdown"]
    cards = [m for m in markdown if m.startswith("**Model card:")]
    assert len(cards) == 1
    for part in ("What it measures", "What it leaves out", "Where inputs come from", "How wrong it could be",
                 "What would change its answer most"):
        assert part.lower() in cards[0].lower(), part
    text = "\n".join(markdown)
    assert "equal in size to" in text
    for phrase in ("cost to Japan's economy", "costs Japan", "loss to Japan", "Loss of export value"):
        assert phrase not in text, phrase


def test_figure_axes_carry_the_quantity_and_unit(exports, parameters, gdp):
    table = trade.horizon_table(exports, load("trade_scenarios"), parameters, gdp)
    fig, _ = trade_figures.horizons_figure(table)
    assert fig.axes[0].get_xlabel().startswith("Export revenue at risk") and "JPY trillion" in fig.axes[0].get_xlabel()
    curve = trade.pass_through_curve(exports, {"autos": 0.25}, [0.5, 2.0], [0.5, 1.0], gdp)
    fig, _ = trade_figures.pass_through_figure(curve, (0.76, 1.3), (1.75, 2.25), "25% on cars")
    assert "Export revenue at risk" in fig.axes[0].get_ylabel() and "JPY trillion" in fig.axes[0].get_ylabel()
    for text in fig.axes[0].texts:
        assert text.get_fontsize() >= 10
