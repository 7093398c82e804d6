"""statusquo.bargaining: frontier, package search, Nash solution, demand risk, win-sets and the role-play."""

import itertools
import math
import time

import numpy as np
import pandas as pd
import pytest

from statusquo import bargaining as b
from statusquo import exercises, load


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
    table = b.best_by_budget(scores, weights, range(0, 26))
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


def test_disagreement_points_use_dependence_and_the_trade_model():
    assert b.japan_no_deal_loss(5.0, 100, 1.0) == pytest.approx(10.0)
    assert b.japan_no_deal_loss(5.0, 0, 1.0) == pytest.approx(5.0)
    assert b.us_no_deal_loss(12.65, 0.0, 1.0, 1.0, 1.3) == pytest.approx(0.0)
    assert b.us_no_deal_loss(12.65, 0.25, 1.0, 1.0, 1.3) > b.us_no_deal_loss(12.65, 0.25, 0.5, 1.0, 1.3) > 0


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
    (lambda s, w: b.japan_no_deal_loss(5, 120, 1), "dependence"),
    (lambda s, w: b.us_no_deal_loss(12, 0.25, 2, 1, 1.3), "retaliation_share"),
    (lambda s, w: b.win_sets(b.all_packages(s, w), 8, -3), "us_minimum"),
])
def test_invalid_inputs_raise_clear_errors(scores, weights, call, match):
    with pytest.raises(ValueError, match=match):
        call(scores, weights)


# --- Panels -----------------------------------------------------------------------------------------

def test_package_panel_result_and_messages(scores, weights):
    packages, best, message = b.package_panel_result(scores, weights, 8)
    assert best["domestic_political_cost"] <= 8 and message.startswith("Best package")
    assert packages["within_budget"].sum() == (packages["domestic_political_cost"] <= 8).sum()
    for bad_weights, bad_budget, words in [(weights, -1, "budget"), ({"visible": 0, "strategic": 0, "cost": 0}, 8, "zero")]:
        packages, best, message = b.package_panel_result(scores, bad_weights, bad_budget)
        assert packages is None and best is None and message.startswith("Cannot compute") and words in message


def test_risk_panel_result_and_messages():
    curve, balance, message = b.risk_panel_result(2, 0.3, 10, 1, 10)
    assert balance == pytest.approx(math.log(10 / 3) / 0.7) and "45%" in message
    for args, words in [((2, -0.1, 10, 1, 10), "rate"), ((-1, 0.3, 10, 1, 10), "hours"), ((2, 0.3, 10, 0, 10), "time_constant")]:
        curve, balance, message = b.risk_panel_result(*args)
        assert curve is None and message.startswith("Cannot compute") and words in message


def test_panel_update_functions_are_fast(scores, weights):
    start = time.perf_counter()
    for _ in range(10):
        b.package_panel_result(scores, weights, 8)
        b.risk_panel_result(2, 0.3, 10, 1, 10)
    assert (time.perf_counter() - start) / 10 < 0.1


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
    assert exercises.EXERCISES["03.1"].expected() == pytest.approx(6.3 / 65.9 * 100)
    assert set(exercises.EXERCISES["03.2"].expected()) == {"alaska_lng", "invest_us_ai", "showcase_investment_jobs"}
    assert exercises.EXERCISES["03.3"].expected() == pytest.approx((1 - math.exp(-0.9)) * 100)
    assert exercises.EXERCISES["03.4"].expected() > 0
    assert exercises.verdict("03.1", 9.56).startswith("Correct")
