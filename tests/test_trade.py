"""Tests of statusquo.trade: the tariff-loss model, its input checks, the data helpers and the panel."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from statusquo import exercises, load, trade


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

def test_zero_tariff_gives_zero_loss(exports, gdp):
    table = trade.tariff_loss(exports, {}, pass_through=1.0, elasticity=1.3)
    assert (table["loss_jpy_tn"] == 0).all()
    assert trade.total_loss(exports, {g: 0 for g in trade.PRODUCT_GROUPS}, 0.5, 4.0, gdp)["loss_jpy_tn"] == 0


def test_hand_computed_case():
    # 25% on ¥10 tn, full pass-through, elasticity 2: volume ratio 1.25^-2 = 0.64, so the loss is ¥3.6 tn.
    table = trade.tariff_loss(simple_exports(10.0), {"autos": 0.25}, pass_through=1.0, elasticity=2.0)
    assert table["loss_jpy_tn"].iloc[0] == pytest.approx(3.6)
    assert table["volume_change_percent"].iloc[0] == pytest.approx(-36.0)
    assert table["price_loss_jpy_tn"].iloc[0] == pytest.approx(0.0)


def test_hand_computed_case_with_absorbed_tariff():
    # 20% tariff, half passed on: buyers pay +10%; volume 1.1^-1 ; exporter price 1.1/1.2.
    table = trade.tariff_loss(simple_exports(12.0), {"autos": 0.2}, pass_through=0.5, elasticity=1.0)
    expected_ratio = (1 / 1.1) * (1.1 / 1.2)
    assert table["loss_jpy_tn"].iloc[0] == pytest.approx(12.0 * (1 - expected_ratio))
    assert table["volume_loss_jpy_tn"].iloc[0] + table["price_loss_jpy_tn"].iloc[0] == pytest.approx(
        table["loss_jpy_tn"].iloc[0])


def test_unit_elasticity_makes_pass_through_irrelevant():
    ratios = [trade.export_value_ratio(0.3, p, 1.0) for p in (0.0, 0.4, 1.0)]
    assert ratios == pytest.approx([1 / 1.3] * 3)


@pytest.mark.parametrize("pass_through,elasticity", [(1.0, 1.3), (0.5, 0.76), (0.0, 2.0), (0.0, 0.0)])
def test_loss_grows_with_the_rate(exports, gdp, pass_through, elasticity):
    losses = [trade.total_loss(exports, {"autos": r, "all_other": r}, pass_through, elasticity, gdp)["loss_jpy_tn"]
              for r in (0.0, 0.05, 0.1, 0.25, 0.5, 1.0, 2.0)]
    assert all(later > earlier for earlier, later in zip(losses, losses[1:]))


def test_no_loss_when_buyers_pay_everything_and_do_not_react(exports, gdp):
    # Full pass-through and zero elasticity: volume and the exporter's price are both unchanged.
    assert trade.total_loss(exports, {"autos": 0.5}, 1.0, 0.0, gdp)["loss_jpy_tn"] == pytest.approx(0.0)


def test_loss_grows_with_elasticity_and_never_exceeds_exports(exports):
    totals = [trade.tariff_loss(exports, {"autos": 2.0}, 1.0, e)["loss_jpy_tn"].sum() for e in (0, 0.76, 2, 6, 20)]
    assert all(later > earlier for earlier, later in zip(totals, totals[1:]))
    assert totals[-1] < exports.loc[exports["product_group"] == "autos", "exports_jpy_tn"].iloc[0]


def test_percent_of_gdp(exports, gdp):
    result = trade.total_loss(exports, {"autos": 0.25}, 1.0, 1.3, gdp)
    assert result["loss_percent_of_gdp"] == pytest.approx(result["loss_jpy_tn"] / gdp * 100)


# --- bad inputs -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("rates,match", [
    ({"autos": -0.1}, "tariff rate for autos"),
    ({"autos": 25}, "0.25 means 25%"),
    ({"autos": float("nan")}, "tariff rate for autos"),
    ({"autos": "25%"}, "tariff rate for autos"),
    ({"cars": 0.25}, "unknown product group"),
])
def test_bad_tariffs_are_refused(exports, rates, match):
    with pytest.raises(ValueError, match=match):
        trade.tariff_loss(exports, rates, 1.0, 1.3)


@pytest.mark.parametrize("pass_through,elasticity,match", [
    (1.2, 1.3, "pass_through"), (-0.1, 1.3, "pass_through"), (None, 1.3, "pass_through"),
    (1.0, -1.0, "elasticity"), (1.0, math.inf, "elasticity"), (True, 1.3, "pass_through"),
])
def test_bad_parameters_are_refused(exports, pass_through, elasticity, match):
    with pytest.raises(ValueError, match=match):
        trade.tariff_loss(exports, {"autos": 0.25}, pass_through, elasticity)


def test_bad_gdp_is_refused(exports):
    with pytest.raises(ValueError, match="gdp_jpy_tn"):
        trade.total_loss(exports, {"autos": 0.25}, 1.0, 1.3, 0)


# --- ranges, tornado, scenarios ------------------------------------------------------------------------

def test_range_brackets_central_and_matches_a_grid(exports, parameters, gdp):
    rates = {g: 0.1 for g in trade.PRODUCT_GROUPS}
    result = trade.loss_range(exports, rates, parameters, gdp)
    assert result["low_jpy_tn"] <= result["central_jpy_tn"] <= result["high_jpy_tn"]
    grid = [trade.total_loss(exports, rates, p, e, gdp)["loss_jpy_tn"]
            for p in (0.5, 0.6, 0.75, 0.9, 1.0) for e in (0.76, 1.0, 1.3, 1.7, 2.0)]
    assert min(grid) == pytest.approx(result["low_jpy_tn"])
    assert max(grid) == pytest.approx(result["high_jpy_tn"])


def test_tornado_puts_the_bigger_swing_first(exports, parameters, gdp):
    table = trade.tornado(exports, {"autos": 0.25}, parameters, gdp)
    assert list(table["parameter"]) == ["import_elasticity", "pass_through"]
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


def test_balance_table_keeps_gaps_visible():
    balance = trade.goods_balance_by_year(load("trade_us_japan_goods"))
    assert list(balance.index) == list(range(2014, 2025))
    assert not balance.loc[2015, "confirmed"] and not balance.loc[2021, "confirmed"]
    assert balance.loc[2024, "balance"] == pytest.approx(-68.5)
    # Where both flows are published, they must roughly reproduce the published balance.
    both = balance.dropna(subset=["balance", "balance_from_flows"])
    assert ((both["balance"] - both["balance_from_flows"]).abs() < 1.0).all()


def test_threat_timing():
    threats = trade.threats_with_timing(load("trade_tariff_threats")).set_index("threat_id")
    assert threats.loc["T07", "timing"] == "before the article"
    assert threats.loc["T15", "timing"] == "after the article"
    assert threats.loc["T02", "timing"] == "date not confirmed"
    autos_before = threats[(threats["sector"] == "autos") & (threats["timing"] == "before the article")]
    assert autos_before.empty


# --- panel ----------------------------------------------------------------------------------------------

def test_panel_result_good_and_bad_inputs(exports, gdp):
    table, message = trade.panel_result(exports, {"autos": 25}, 1.0, 1.3, gdp)
    assert table is not None and message.startswith("Loss of export value: ¥1.52 tn")
    for bad, word in [({"autos": -10}, "tariff rate"), ({"autos": 250}, "tariff rate")]:
        table, message = trade.panel_result(exports, bad, 1.0, 1.3, gdp)
        assert table is None and message.startswith("Cannot compute") and word in message
    table, message = trade.panel_result(exports, {"autos": 25}, 1.2, 1.3, gdp)
    assert table is None and "pass_through" in message


def test_panel_widget_updates(exports, parameters, gdp):
    import matplotlib

    matplotlib.use("Agg")
    box = trade.panel(exports, parameters, gdp, initial_percents={"autos": 25})
    sliders = [w for w in box.children if w.__class__.__name__ == "FloatSlider"]
    message = [w for w in box.children if w.__class__.__name__ == "HTML"][-1]
    assert "¥1.52 tn" in message.value
    sliders[0].value = 0  # autos
    assert "¥0.00 tn" in message.value
    sliders[0].value = -10
    assert "Cannot compute" in message.value and "tariff rate for autos" in message.value
    sliders[0].value = 25
    sliders[-2].value = 1.2  # pass-through
    assert "Cannot compute" in message.value and "pass_through" in message.value


# --- exercises ------------------------------------------------------------------------------------------

def test_exercises_have_expected_answers():
    assert exercises.EXERCISES["02.1"].expected() == pytest.approx(100 / 68.5 * 100 - 100)
    assert exercises.EXERCISES["02.2"].expected() == pytest.approx(7.2 / 21.30 * 100)
    assert 0.3 < exercises.EXERCISES["02.3"].expected() < 0.5
    assert exercises.verdict("02.2", 7.2 / 21.3 * 100).startswith("Correct")
    assert exercises.verdict("02.2", 28.3).startswith("Not quite")
