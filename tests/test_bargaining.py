"""statusquo.bargaining: frontier, package search, Nash solution in yen, demand risk, win-sets on both sides,
panels and figures (the role-play is tested in test_council.py)."""

import itertools
import math

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest

from statusquo import bargaining as b
from statusquo import exercises, load, plots


@pytest.fixture(scope="module")
def scores():
    return load("bargaining_option_scores")


@pytest.fixture(scope="module")
def parameters():
    return load("bargaining_parameters")


@pytest.fixture(scope="module")
def weights(parameters):
    return b.default_weights(parameters)


def toy_scores(rows):
    return pd.DataFrame(rows, columns=["option_id", "label", *b.SCORES])


# --- Frontier ---------------------------------------------------------------------------------------

def test_frontier_of_a_hand_made_case():
    table = pd.DataFrame({"option_id": ["a", "b", "c", "d", "e"], "cost": [1, 2, 3, 2, 1],
                          "value": [2, 5, 5, 4, 2]})
    result = b.pareto_frontier(table, "cost", "value").set_index("option_id")
    # a and e tie (neither dominates the other); b beats c (cheaper, same value) and d (same cost, more value).
    assert set(result.index[result["on_frontier"]]) == {"a", "b", "e"}
    assert result.loc["c", "dominated_by"] == "b"
    assert result.loc["d", "dominated_by"] == "b"


def test_option_frontier_on_the_data(scores):
    frontier = b.option_frontier(scores)
    on = frontier[frontier["on_frontier"]]
    for row in frontier.itertuples():
        beaten = ((on["cost_to_japan"] <= row.cost_to_japan) & (on["visible_value_us"] >= row.visible_value_us)
                  & ((on["cost_to_japan"] < row.cost_to_japan) | (on["visible_value_us"] > row.visible_value_us)))
        assert beaten.any() != row.on_frontier
    assert set(on["option_id"]) == {"showcase_investment_jobs", "invest_us_ai", "alaska_lng"}


# --- Package search ---------------------------------------------------------------------------------

def brute_force_best(scores, weights, budget):
    """Independent check: every combination with itertools, value computed offer by offer."""
    best_key, best_set = None, None
    rows = list(scores.itertuples())
    for size in range(len(rows) + 1):
        for combo in itertools.combinations(rows, size):
            domestic = sum(float(r.domestic_political_cost) for r in combo)
            if domestic > budget:
                continue
            value = sum(weights["visible"] * float(r.visible_value_us) + weights["strategic"] * float(r.strategic_value_japan)
                        - weights["cost"] * float(r.cost_to_japan) for r in combo)
            if best_key is None or value > best_key[0] + 1e-9:
                best_key, best_set = (value,), {r.option_id for r in combo}
    return best_key[0], best_set


@pytest.mark.parametrize("budget", [0, 3, 8, 12, 17, 25])
@pytest.mark.parametrize("weight_set", [{"visible": 1, "strategic": 1, "cost": 1},
                                        {"visible": 2, "strategic": 0, "cost": 1},
                                        {"visible": 0.5, "strategic": 1.5, "cost": 3}])
def test_package_search_matches_brute_force(scores, budget, weight_set):
    packages = b.all_packages(scores, weight_set)
    best = b.best_package(packages, budget)
    value, _ = brute_force_best(scores, weight_set, budget)
    assert best["value"] == pytest.approx(value)
    assert best["domestic_political_cost"] <= budget


def test_package_search_on_random_tables_matches_brute_force():
    rng = np.random.default_rng(3)
    for trial in range(15):
        n = int(rng.integers(1, 7))
        rows = [[f"o{i}", f"O{i}", *rng.integers(0, 11, size=4)] for i in range(n)]
        table = toy_scores(rows)
        weights = {"visible": float(rng.uniform(0, 2)), "strategic": float(rng.uniform(0, 2)),
                   "cost": float(rng.uniform(0.1, 2))}
        budget = float(rng.integers(0, 20))
        best = b.best_package(b.all_packages(table, weights), budget)
        assert best["value"] == pytest.approx(brute_force_best(table, weights, budget)[0]), trial


def test_all_packages_counts_and_sums(scores, weights):
    packages = b.all_packages(scores, weights)
    assert len(packages) == 2 ** len(scores)
    full = packages.loc[packages["n_options"].idxmax()]
    assert full["cost_to_japan"] == scores["cost_to_japan"].astype(float).sum()
    assert packages.loc[packages["package"] == "(nothing)", "value"].item() == 0


def test_best_value_never_falls_as_the_budget_grows(scores, weights):
    table = b.best_by_budget(scores, weights, range(26))
    assert table["value"].is_monotonic_increasing
    assert table.iloc[-1]["best_package"].count("+") == len(scores) - 1  # everything fits: all offers add value


def test_zero_budget_keeps_only_free_offers(scores, weights):
    best = b.best_package(b.all_packages(scores, weights), 0)
    assert best["domestic_political_cost"] == 0
    assert best["package"] == "showcase_investment_jobs"


# --- Nash bargaining --------------------------------------------------------------------------------

def test_nash_symmetric_losses_mean_no_concession():
    result = b.nash_concession(4.0, 4.0, 0.5)
    assert result["concession"] == pytest.approx(0)
    assert result["japan_gain"] == pytest.approx(result["us_gain"])


def test_nash_known_case_by_hand():
    # x* = 0.5 × 10 − 0.5 × 2 = 4; each side gains 6 over no deal.
    result = b.nash_concession(10.0, 2.0, 0.5)
    assert result["concession"] == pytest.approx(4.0)
    assert result["japan_gain"] == pytest.approx(6.0) and result["us_gain"] == pytest.approx(6.0)


def test_nash_all_power_to_one_side():
    assert b.nash_concession(10.0, 2.0, 1.0)["concession"] == pytest.approx(10.0)  # Japan left at its no-deal payoff
    assert b.nash_concession(10.0, 2.0, 0.0)["concession"] == pytest.approx(-2.0)  # the US left at its no-deal payoff


@pytest.mark.parametrize("japan_loss,us_loss,power", [(10, 2, 0.5), (3, 7, 0.5), (8, 3, 0.3), (5, 5, 0.8)])
def test_nash_solution_maximises_the_nash_product(japan_loss, us_loss, power):
    grid = np.linspace(-us_loss, japan_loss, 20001)
    products = [b.nash_product(x, japan_loss, us_loss, power) for x in grid]
    assert b.nash_concession(japan_loss, us_loss, power)["concession"] == pytest.approx(grid[int(np.argmax(products))],
                                                                                       abs=2e-3)


def test_weaker_outside_option_means_larger_concession():
    curve = b.concession_curve([1, 2, 4, 8, 16], us_loss=3.0, us_powers=[0.5])
    assert curve["concession"].is_monotonic_increasing
    assert curve["concession_share_of_japan_loss"].is_monotonic_increasing


def test_disagreement_points_add_trade_and_security_cost():
    assert b.japan_no_deal_loss(5.0, 1.5) == pytest.approx(6.5)
    assert b.japan_no_deal_loss(5.0, 0) == pytest.approx(5.0)
    assert b.us_no_deal_loss(12.65, 0.0, 1.0, 1.0, 1.3) == pytest.approx(0.0)
    assert b.us_no_deal_loss(12.65, 0.25, 1.0, 1.0, 1.3) > b.us_no_deal_loss(12.65, 0.25, 0.5, 1.0, 1.3) > 0


def test_security_cost_is_its_own_assumption_with_a_range(parameters):
    costs = b.security_costs(parameters)
    assert costs["low"] <= costs["central"] <= costs["high"]
    for name in b.SECURITY_CASES.values():
        row = parameters.set_index("parameter").loc[name]
        assert row["unit"] == "JPY tn a year" and len(row["rationale"]) > 80
    # The rationale's arithmetic: high = 1% of 2024 GDP, central = a one-in-four chance of it.
    gdp = load("trade_japan_2024").query("used").set_index("indicator").loc["nominal_gdp", "value"]
    assert costs["high"] == pytest.approx(gdp / 100, abs=0.05)
    assert costs["central"] == pytest.approx(0.25 * gdp / 100, abs=0.05)
    # The dependence index is no longer a multiplier anywhere.
    assert "dependence_multiplier" not in set(parameters["parameter"])


def test_split_moves_by_alpha_times_the_security_cost():
    costs = {"low": 0.0, "central": 1.5, "high": 6.1}
    for power in (0.3, 0.5, 0.7):
        table = b.split_by_security_cost(5.0, 3.0, costs, [power]).set_index("case")
        assert table.loc["high", "concession"] - table.loc["low", "concession"] == pytest.approx(power * 6.1)
        assert table["japan_share_of_surplus"].to_numpy() == pytest.approx([1 - power] * 3)
        assert (table["japan_gain"] + table["us_gain"]).to_numpy() == pytest.approx(table["surplus"].to_numpy())


def test_no_deal_inputs_from_the_data():
    inputs = b.no_deal_inputs()
    assert 0 < inputs["us_loss"] < inputs["trade_at_risk_japan"]   # Japan exports more to the US than it imports
    low = b.nash_concession(inputs["trade_at_risk_japan"] + inputs["security_low"], inputs["us_loss"], 0.5)
    high = b.nash_concession(inputs["trade_at_risk_japan"] + inputs["security_high"], inputs["us_loss"], 0.5)
    assert 0 < low["concession"] < high["concession"]


# --- Offers in yen a year ---------------------------------------------------------------------------

@pytest.fixture(scope="module")
def money():
    return b.offer_money_sizes(load("bargaining_offer_sizes"), load("trade_japan_2024"), load("alliance_exchange"))


def test_offer_money_sizes_follow_their_rules(money):
    size = money.set_index("option_id")["jpy_tn_a_year"]
    japan = load("trade_japan_2024").query("used").set_index("indicator")["value"]
    assert size["share_defense_burden"] == pytest.approx(japan["nominal_gdp"] / 100)
    assert size["invest_us_ai"] == pytest.approx(100 * japan["jpy_per_usd"] / 1000 / 4)
    assert size["raise_host_nation_support"] == pytest.approx((8 - 2.5) * japan["jpy_per_usd"] / 1000)
    assert size["buy_us_weapons"] == pytest.approx(0.254 / 3)
    assert size[["buy_us_energy", "alaska_lng", "nippon_steel_investment"]].isna().all()  # never guessed
    assert "$" not in " ".join(money["rule"])


def test_money_packages_and_the_predicted_range(money):
    packages = b.money_packages(money)
    assert len(packages) == 2 ** int((money["jpy_tn_a_year"] > 0).sum())
    assert packages["jpy_tn_a_year"].is_monotonic_increasing
    flagged = b.packages_in_range(packages, 1.0, 4.0)
    assert (flagged["inside"] == flagged["jpy_tn_a_year"].between(1.0, 4.0)).all()
    inputs = b.no_deal_inputs()
    splits = b.split_by_security_cost(inputs["trade_at_risk_japan"], inputs["us_loss"],
                                      b.security_costs(load("bargaining_parameters")))
    inside = b.packages_in_range(packages, splits["concession"].min(), splits["concession"].max())
    assert set(inside.loc[inside["inside"], "package"]) == {"invest_us_ai", "buy_us_weapons+invest_us_ai"}
    with pytest.raises(ValueError, match="low to high"):
        b.packages_in_range(packages, 3, 1)


# --- New demands ------------------------------------------------------------------------------------

def test_demand_risk_limits_and_shape():
    assert b.prob_new_demand(0.3, 0) == 0
    assert b.prob_new_demand(0, 5) == 0
    assert b.prob_new_demand(0.3, 1000) == pytest.approx(1)
    hours = np.linspace(0, 10, 50)
    chance = b.prob_new_demand(0.3, hours)
    assert np.all(np.diff(chance) > 0) and np.all(chance < 1)
    assert b.prob_new_demand(0.3, 2) == pytest.approx(1 - math.exp(-0.6))
    # Small rate × hours: the chance is close to rate × hours.
    assert b.prob_new_demand(0.01, 1) == pytest.approx(0.01, rel=0.01)


def test_balancing_hours_closed_form_matches_a_grid():
    for rate, r_max, tau, cost in [(0.3, 10, 1, 10), (0.2, 6, 0.5, 12), (0.5, 15, 1.5, 5)]:
        h = b.balancing_hours(rate, r_max, tau, cost)
        grid = np.linspace(0, 24, 240001)
        best = grid[np.argmax(b.net_meeting_value(grid, rate, r_max, tau, cost))]
        assert h == pytest.approx(best, abs=1e-3)
    assert b.balancing_hours(0.3, 10, 1, 10) == pytest.approx(math.log(10 / 3) / 0.7)


def test_balancing_hours_edge_cases():
    assert b.balancing_hours(0, 10, 1, 10) == math.inf      # no risk at all
    assert b.balancing_hours(2.0, 1, 1, 10) == 0.0           # risk builds faster than rapport and outweighs it
    assert b.balancing_hours(2.0, 20, 1, 10) == math.inf     # rapport builds slower but its ceiling is higher
    assert b.balancing_hours(0.3, 0, 1, 10) == 0.0           # no rapport to gain


def test_higher_rate_means_shorter_balance():
    lengths = [b.balancing_hours(rate, 10, 1, 10) for rate in (0.1, 0.2, 0.3, 0.5, 0.8)]
    assert all(x > y for x, y in zip(lengths, lengths[1:]))


# --- Two-level game ---------------------------------------------------------------------------------

def test_smaller_win_set_narrows_the_deals(scores, weights, parameters):
    packages = b.all_packages(scores, weights)
    table = b.win_set_by_budget(packages, [0, 4, 8, 12, 16, 25], parameter_value(parameters, "us_minimum_visible_value"))
    assert table["both_accept"].is_monotonic_increasing
    assert (table["both_accept"] <= table["japan_accepts"]).all()
    minority = b.win_sets(packages, parameter_value(parameters, "budget_minority"),
                          parameter_value(parameters, "us_minimum_visible_value"))["both"].sum()
    majority = b.win_sets(packages, parameter_value(parameters, "budget_majority"),
                          parameter_value(parameters, "us_minimum_visible_value"))["both"].sum()
    assert 0 < minority < majority


def test_us_domestic_level_only_narrows_the_us_win_set(scores, weights, parameters):
    packages = b.all_packages(scores, weights)
    us_minimum = parameter_value(parameters, "us_minimum_visible_value")
    president_only = b.win_sets(packages, 8, us_minimum)
    with_home = b.win_sets(packages, 8, us_minimum, parameter_value(parameters, "us_domestic_budget"))
    assert (with_home["us_accepts"] <= president_only["us_accepts"]).all()
    assert with_home["both"].sum() < president_only["both"].sum()
    # On our scores only the Nippon Steel offer meets strong US opposition: every package refused at home has it.
    refused_at_home = with_home[~with_home["us_domestic_accepts"]]
    assert len(refused_at_home) and refused_at_home["package"].str.contains("nippon_steel_investment").all()
    assert president_only["us_domestic_accepts"].all()


def test_dominated_offers_in_the_best_package_are_explained(scores, weights):
    why = b.why_in_the_package(scores, weights, 8).set_index("option_id")
    packages = b.all_packages(scores, weights).set_index("package")
    best = b.best_package(packages.reset_index(), 8)
    dominated = why[why["dominated_by"] != "nothing"]
    assert len(dominated) >= 1
    assert dominated["dominator_also_in"].all() and (dominated["adds_value"] > 0).all()
    for option in why.index:   # adds_value is the marginal value: best minus best without the offer
        without = "+".join(o for o in best["package"].split("+") if o != option) or "(nothing)"
        assert why.loc[option, "adds_value"] == pytest.approx(best["value"] - packages.loc[without, "value"])


def parameter_value(parameters, name):
    return b.parameter(parameters, name)


# --- Invalid inputs ---------------------------------------------------------------------------------

@pytest.mark.parametrize("call,match", [
    (lambda s, w: b.best_package(b.all_packages(s, w), -1), "budget"),
    (lambda s, w: b.all_packages(s, {"visible": 0, "strategic": 0, "cost": 0}), "all weights zero"),
    (lambda s, w: b.all_packages(s, {"visible": -1, "strategic": 1, "cost": 1}), r"weights\['visible'\]"),
    (lambda s, w: b.all_packages(s, {"charm": 1}), "unknown name"),
    (lambda s, w: b.all_packages(s.assign(cost_to_japan=11), w), "from 0 to 10"),
    (lambda s, w: b.nash_concession(-1, 2), "japan_loss"),
    (lambda s, w: b.nash_concession(1, 2, 1.5), "us_power"),
    (lambda s, w: b.prob_new_demand(-0.1, 2), "rate"),
    (lambda s, w: b.prob_new_demand(0.3, -1), "hours"),
    (lambda s, w: b.balancing_hours(0.3, 10, 0, 10), "time_constant"),
    (lambda s, w: b.japan_no_deal_loss(5, -1), "security_cost"),
    (lambda s, w: b.japan_no_deal_loss(float("nan"), 1), "trade_at_risk"),
    (lambda s, w: b.us_no_deal_loss(12, 0.25, 2, 1, 1.3), "retaliation_share"),
    (lambda s, w: b.win_sets(b.all_packages(s, w), 8, -3), "us_minimum"),
])
def test_invalid_inputs_raise_clear_errors(scores, weights, call, match):
    with pytest.raises(ValueError, match=match):
        call(scores, weights)


# --- Panels -----------------------------------------------------------------------------------------

def test_package_panel_result_and_messages(scores, weights):
    by_cost, best, message = b.package_panel_result(scores, weights, 8)
    assert best["domestic_political_cost"] <= 8 and message.startswith("Best package")
    assert by_cost["packages"].sum() == 2 ** len(scores)
    for bad_weights, bad_budget, words in [(weights, -1, "budget"), ({"visible": 0, "strategic": 0, "cost": 0}, 8, "zero"),
                                           (weights, None, "empty"), (weights, float("nan"), "finite"),
                                           (weights, "8", "not the text"), ({**weights, "cost": None}, 8, "empty")]:
        by_cost, best, message = b.package_panel_result(scores, bad_weights, bad_budget)
        assert by_cost is None and best is None and message.startswith("Cannot compute") and words in message


def test_panels_take_the_float_steps_their_sliders_produce(scores, weights):
    assert b.control_value(1.1500000000000001, "x", 0.05) == 1.15
    assert b.control_value(0.30000000000000004, "x", 0.05) == 0.3
    assert b.control_value(7.999999999999999, "budget", 1.0) == 8.0
    _, best, message = b.package_panel_result(scores, {"visible": 0.7500000000000001, "strategic": 1, "cost": 1},
                                              7.999999999999999)
    assert best is not None and "budget of 8:" in message
    assert b.control_value(1.15, "hours", 0.25) == 1.15   # a real value off the step is kept, not moved
    curve, _balance, message = b.risk_panel_result(1.1500000000000001, 0.30000000000000004, 10, 1, 10)
    assert curve is not None and message.startswith("At 1.15 hours")


def test_risk_panel_result_and_messages():
    curve, balance, message = b.risk_panel_result(2, 0.3, 10, 1, 10)
    assert balance == pytest.approx(math.log(10 / 3) / 0.7) and "45%" in message
    for args, words in [((2, -0.1, 10, 1, 10), "rate"), ((-1, 0.3, 10, 1, 10), "hours"),
                        ((2, 0.3, 10, 0, 10), "time_constant"), ((None, 0.3, 10, 1, 10), "empty"),
                        ((2, float("nan"), 10, 1, 10), "finite"), (("2", 0.3, 10, 1, 10), "not the text")]:
        curve, balance, message = b.risk_panel_result(*args)
        assert curve is None and message.startswith("Cannot compute") and words in message


def test_every_in_range_slider_position_is_accepted(parameters):
    from statusquo.widgets import ERROR_COLOUR

    panel = b.package_panel(load("bargaining_option_scores"), parameters)
    budget = next(w for w in panel.children if getattr(w, "description", "") == "Political budget (points)")
    message = [w for w in panel.children if type(w).__name__ == "HTML"][-1]
    for i in range(31):
        budget.value = float(i)
        assert ERROR_COLOUR not in message.value, (i, message.value)
        plt.close("all")
    risk = b.risk_panel(parameters)
    sliders = {w.description: w for w in risk.children if hasattr(w, "step")}
    risk_message = [w for w in risk.children if type(w).__name__ == "HTML"][-1]
    hours, rate = sliders["Meeting length (hours)"], sliders["New demands per hour"]
    for k in range(33):
        hours.value = k * hours.step
        assert ERROR_COLOUR not in risk_message.value, (hours.value, risk_message.value)
        plt.close("all")
    for k in range(41):
        rate.value = k * rate.step   # 0.05 steps give values such as 0.15000000000000002
        assert ERROR_COLOUR not in risk_message.value, (rate.value, risk_message.value)
        plt.close("all")


def test_widgets_react_to_changes(scores, parameters):
    panel = b.package_panel(scores, parameters)
    budget = next(w for w in panel.children if getattr(w, "description", "") == "Political budget (points)")
    message = [w for w in panel.children if type(w).__name__ == "HTML"][-1]
    budget.value = -2
    assert "budget must be a number >= 0" in message.value
    budget.value = 12
    assert "Best package within a budget of 12" in message.value
    risk = b.risk_panel(parameters)
    rate = next(w for w in risk.children if getattr(w, "description", "") == "New demands per hour")
    risk_message = [w for w in risk.children if type(w).__name__ == "HTML"][-1]
    rate.value = -0.5
    assert "rate must be a number >= 0" in risk_message.value
    rate.value = 0.3
    assert "chance of at least one new demand" in risk_message.value


# --- Exercises --------------------------------------------------------------------------------------

def test_exercise_answers():
    e = exercises.EXERCISES
    assert e["03.1"].expected() == pytest.approx(6.3 / 65.9 * 100)
    assert e["03.4"].expected() == pytest.approx(7 + 6 - 5)
    assert e["04.5"].expected() == pytest.approx((1 - math.exp(-0.9)) * 100)
    assert e["04.1"].expected() == pytest.approx(0.5 * (6.1 - 0))
    assert e["04.3"].expected() < 0 < e["04.6"].expected()
    kinds = {i: e[i].kind for i in e if i[:2] in ("03", "04")}
    for notebook in ("03", "04"):
        assert {k for i, k in kinds.items() if i.startswith(notebook)} == {"compute", "predict", "interpret", "concept"}
    assert exercises.verdict("03.1", 9.56).startswith("Correct")
    assert "2023" in exercises.verdict("03.1", 8.31)
    assert "sign" in exercises.verdict("04.3", 0.17)
    assert "US domestic level" in exercises.verdict("04.6", 11)
    assert "exponential" in exercises.verdict("04.5", 90)
    assert e["03.6"].expected() > b.parameter(load("bargaining_parameters"), "budget_majority")
    assert "own domestic cost" in exercises.verdict("03.6", 8)


# --- Figures ----------------------------------------------------------------------------------------

def _figure(draw, *args, size=(8.5, 5)):
    fig, ax = plt.subplots(figsize=size, layout="constrained")
    draw(ax, *args)
    return fig


def test_frontier_line_joins_only_undominated_offers(scores):
    frontier = b.option_frontier(scores)
    fig = _figure(b.draw_option_frontier, frontier)
    lines = [line for line in fig.axes[0].get_lines() if len(line.get_xdata()) > 1]
    on = frontier[frontier["on_frontier"]].sort_values("cost_to_japan")
    assert any(list(line.get_xdata()) == list(on["cost_to_japan"]) and
               list(line.get_ydata()) == list(on["visible_value_us"]) for line in lines)
    # No dominated offer lies on the drawn frontier segments.
    xs, ys = on["cost_to_japan"].to_numpy(), on["visible_value_us"].to_numpy()
    for row in frontier[~frontier["on_frontier"]].itertuples():
        if xs[0] <= row.cost_to_japan <= xs[-1]:
            assert np.interp(row.cost_to_japan, xs, ys) > row.visible_value_us
    plt.close(fig)


def test_risk_chart_has_one_scale_per_panel():
    curve = b.risk_curve(0.3, 10, 1, 10)
    fig = _figure(b.draw_risk_curve, curve, 2.0, b.balancing_hours(0.3, 10, 1, 10), size=(8.5, 6))
    assert len(fig.axes) == 2
    assert {ax.get_ylabel().split()[0] for ax in fig.axes} == {"Chance", "Points"}
    plt.close(fig)


def test_every_chart_has_no_text_below_10_pt_and_alt_text_from_its_values(scores, weights, parameters):
    inputs = b.no_deal_inputs()
    splits = b.split_by_security_cost(inputs["trade_at_risk_japan"], inputs["us_loss"], b.security_costs(parameters))
    packages = b.all_packages(scores, weights)
    by_cost = b.best_by_domestic_cost(packages)
    best = b.best_package(packages, 8)
    frontier = b.option_frontier(scores)
    flags = b.win_sets(packages, 8, 25, 4)
    counts = (flags.groupby("domestic_political_cost")["us_accepts"].agg(us_accepts="sum", total="size")
              .reset_index().assign(us_refuses=lambda t: t["total"] - t["us_accepts"]))
    curve = b.risk_curve(0.3, 10, 1, 10)
    cases = [(b.draw_option_frontier, (frontier,)), (b.draw_package_map, (by_cost, best, 8)),
             (b.draw_nash_picture, (splits,)), (b.draw_risk_curve, (curve, 2.0, 1.72)),
             (b.draw_win_sets, (counts, {"minority": 8, "majority": 12})),
             (b.draw_fms_budget, (load("bargaining_fms_budget"),))]
    for draw, args in cases:
        fig = _figure(draw, *args)
        assert plots.small_texts(fig) == [], draw.__name__
        plt.close(fig)
    # Alt text follows the values: change one and the words change.
    assert b.alt_nash_picture(splits) != b.alt_nash_picture(splits.assign(concession=splits["concession"] + 1))
    assert b.alt_option_frontier(frontier) != b.alt_option_frontier(frontier.assign(cost_to_japan=frontier["cost_to_japan"] + 1))
    assert b.alt_risk_curve(curve, 2.0, 1.72) != b.alt_risk_curve(curve, 3.0, 1.72)
    assert "$" not in b.alt_nash_picture(splits) + b.alt_package_map(by_cost, best, 8, "x")
