"""Expected answers of the exercises of notebooks 03 and 04, computed from the data (never typed).

Each registration says what the question asks, the slips it invites and how long it takes.
"""

from __future__ import annotations

from ..data import load
from ..exercises import PERCENT_AS_FRACTION, SIGN_FLIPPED, Slip, choice_exercise, numeric_exercise, prediction
from .common import default_weights, parameter
from .meetings import prob_new_demand
from .nash import nash_concession, no_deal_inputs
from .offers import all_packages, option_frontier
from .twolevel import win_sets


def _gap_meaning(guess: float, actual: float, tolerance: float, close: str, high: str, low: str) -> str:
    """What a prediction's gap means: one sentence for close, too high and too low."""
    if abs(guess - actual) <= tolerance * max(abs(actual), 1e-9):
        return close
    return high if guess > actual else low


def _size(item_id: str) -> float:
    sizes = load("bargaining_offer_sizes")
    return float(sizes.loc[sizes["item_id"] == item_id, "value"].iloc[0])


def _scores_of(option_id: str) -> dict[str, float]:
    scores = load("bargaining_option_scores").set_index("option_id")
    return {column: float(value) for column, value in scores.loc[option_id].items()
            if column in ("cost_to_japan", "visible_value_us", "strategic_value_japan")}


def _japan_accepts() -> float:
    parameters = load("bargaining_parameters")
    packages = all_packages(load("bargaining_option_scores"), default_weights(parameters))
    return float((packages["domestic_political_cost"] <= parameter(parameters, "budget_minority")).sum())


# --- Notebook 03 ----------------------------------------------------------------------------------------

@numeric_exercise(
    "03.1", "the US share of Japan's LNG imports in 2024, in percent (derived)", kind="compute",
    nudge="Divide the 2024 imports from the US by all 2024 LNG imports (both in million tonnes), then times 100.",
    slips=[PERCENT_AS_FRACTION,
           Slip("the 2023 figures instead of 2024",
                lambda expected: _size("lng_imports_from_us_2023") / _size("lng_imports_total_2023") * 100,
                "The question asks about 2024: use the two rows whose period is 2024."),
           Slip("the ratio upside down (all imports over US imports)",
                lambda expected: _size("lng_imports_total_2024") / _size("lng_imports_from_us_2024") * 100,
                "A share is the part over the whole: US imports divided by all imports.")],
    minutes=4)
def _us_lng_share() -> float:
    return _size("lng_imports_from_us_2024") / _size("lng_imports_total_2024") * 100


@choice_exercise(
    "03.2", "what it means that buying US energy is dominated", kind="concept",
    options={"A": "Buying US energy should never be part of any package Japan brings.",
             "B": "Another offer gives the US at least as visible a win for less cost to Japan, so bringing "
                  "energy only for its visibility wastes money.",
             "C": "Buying US energy is worth less to Japan than every other offer.",
             "D": "The US side does not want more US energy sold to Japan."},
    explanations={"A": "Dominance compares one offer with another on two axes; it says nothing about whether "
                       "an offer can add value alongside the one that beats it (section 4 shows it can).",
                  "B": "Right: investing in US-based AI has the same visible value (7) at a lower cost (2 against "
                       "3), so energy is the worse way to buy that visibility, and only on these two axes.",
                  "C": "Dominance uses only cost and visible value; energy's strategic value to Japan (5) is "
                       "higher than several offers'.",
                  "D": "Its visible value is 7, among the highest: Trump himself asked for energy purchases."},
    minutes=3)
def _dominance_meaning() -> str:
    frontier = option_frontier(load("bargaining_option_scores")).set_index("option_id")
    return "B" if "invest_us_ai" in frontier.loc["buy_us_energy", "dominated_by"] else "A"


@prediction(
    "03.3", "how many of the 256 packages fit the minority government's budget of 8 points",
    meaning=lambda guess, actual: _gap_meaning(
        guess, actual, 0.2, "A tight budget removes most packages, but the cheap offers still combine in many ways.",
        "Fewer fit than you thought: a tight budget removes most of the big packages.",
        "More fit than you thought: the cheap offers (domestic cost 0 to 3) combine in many ways."),
    tolerance=0.2, minutes=2)
def _packages_in_budget() -> float:
    return _japan_accepts()


@numeric_exercise(
    "03.4", "the value that buying more US weapons adds to any package, in points (default weights)",
    kind="compute",
    nudge="Values add up: one offer adds w_V × visible value + w_S × strategic value − w_C × cost.",
    slips=[Slip("the strategic value left out",
                lambda expected: _scores_of("buy_us_weapons")["visible_value_us"]
                - _scores_of("buy_us_weapons")["cost_to_japan"],
                "Package value has three terms: add w_S × strategic value to Japan."),
           Slip("the cost added instead of subtracted",
                lambda expected: sum(_scores_of("buy_us_weapons").values()),
                "Cost to Japan counts against the package: subtract w_C × cost."),
           SIGN_FLIPPED],
    minutes=4)
def _weapons_adds() -> float:
    weights, s = default_weights(load("bargaining_parameters")), _scores_of("buy_us_weapons")
    return (weights["visible"] * s["visible_value_us"] + weights["strategic"] * s["strategic_value_japan"]
            - weights["cost"] * s["cost_to_japan"])


@choice_exercise(
    "03.5", "why the best package holds offers the frontier calls dominated", kind="interpret",
    options={"A": "The frontier or the package search has a bug: the two should agree.",
             "B": "Dominance asks which single offer buys visibility more cheaply; the package question adds up "
                  "offers, counts strategic value too and is limited by domestic cost, so an offer beaten one "
                  "against one can still add value next to the offer that beats it.",
             "C": "Dominated offers have hidden visible value that the frontier does not see.",
             "D": "The package search is a rough heuristic that sometimes picks worse offers."},
    explanations={"A": "Both are right answers to different questions; a test checks the search against every "
                       "combination.",
                  "B": "Right: offers are not alternatives to one another in a package. Each dominated offer in "
                       "the best package has its dominator in it too, adds positive value and fits the budget left.",
                  "C": "The frontier uses the same visible-value scores as the package search.",
                  "D": "The search tries all 256 packages: it is exact, not a heuristic."},
    minutes=4)
def _why_dominated_in_package() -> str:
    return "B"


def _first_budget_with(option_id: str) -> float:
    from .offers import best_by_budget

    parameters = load("bargaining_parameters")
    table = best_by_budget(load("bargaining_option_scores"), default_weights(parameters), range(0, 26))
    holds = table[table["best_package"].str.split("+").apply(lambda offers: option_id in offers)]
    return float(holds["budget"].iloc[0])


@numeric_exercise(
    "03.6", "the smallest political budget (points) at which sharing more of the defence burden enters the best "
            "package, with the default weights", kind="compute",
    nudge="Run bargaining.best_by_budget over budgets 0 to 25 and find the first row whose best package holds "
          "share_defense_burden.",
    slips=[Slip("the offer's own domestic cost", lambda expected: float(
                load("bargaining_option_scores").set_index("option_id").loc["share_defense_burden",
                                                                            "domestic_political_cost"]),
                "Fitting the budget is not enough: it enters only when no other use of that budget is worth more."),
           Slip("the majority government's budget", lambda expected: parameter(load("bargaining_parameters"),
                                                                                 "budget_majority"),
                "The question asks for the first budget at which the offer is in the best package, whatever "
                "government has it.")],
    tolerance=0.0, minutes=4)
def _defence_enters() -> float:
    return _first_budget_with("share_defense_burden")


# --- Notebook 04 ----------------------------------------------------------------------------------------

def _concession(power: float, case: str = "central") -> float:
    inputs = no_deal_inputs()
    return nash_concession(inputs["trade_at_risk_japan"] + inputs[f"security_{case}"], inputs["us_loss"],
                           power)["concession"]


@prediction(
    "04.1", "how much Japan's concession rises (JPY tn a year) when the security cost goes from low to high, "
            "at equal bargaining power",
    meaning=lambda guess, actual: "The concession rises by α times the rise in Japan's no-deal loss. " + _gap_meaning(
        guess, actual, 0.15, "With α = 0.5 that is half of it.",
        "You expected more: the US side takes only its share α of Japan's extra loss.",
        "You expected less: every extra yen Japan would lose without a deal moves α yen to the US."),
    tolerance=0.15, minutes=2)
def _rise_low_to_high() -> float:
    power = no_deal_inputs()["us_power"]
    return _concession(power, "high") - _concession(power, "low")


@choice_exercise(
    "04.2", "which quantity is Japan's disagreement point in this model", kind="concept",
    options={"A": "Japan's payoff if talks fail: minus its export revenue at risk and minus the security cost.",
             "B": "The status quo of no new tariffs, a payoff of 0.",
             "C": "The concession x* that the Nash solution predicts.",
             "D": "Japan's score on the dependence index of notebook 01."},
    explanations={"A": "Right: d_J = −L_J = −(T_J + S), what Japan is left with if no deal is reached.",
                  "B": "0 is the status quo Ishiba asks for (P3); it is what no deal puts at risk, not where no "
                       "deal leaves Japan.",
                  "C": "x* is the outcome of bargaining; the disagreement point is where Japan stands if it fails.",
                  "D": "The index ranks allies from 0 to 100; it is not a payoff in yen, which is why the model no "
                       "longer multiplies by it."},
    minutes=3)
def _disagreement_point() -> str:
    return "A"


@numeric_exercise(
    "04.3", "Japan's Nash concession with US bargaining power 0.3 and the central security cost, JPY tn a year",
    kind="compute",
    nudge="x* = α·L_J − (1 − α)·L_U with α = 0.3 and L_J = T_J + the central security cost.",
    slips=[SIGN_FLIPPED,
           Slip("equal bargaining power (α = 0.5) used", lambda expected: _concession(0.5),
                "The question sets the US side's power to 0.3, not the default 0.5."),
           Slip("α and 1 − α swapped", lambda expected: _concession(0.7),
                "α multiplies Japan's loss L_J; 1 − α multiplies the US loss L_U."),
           Slip("the security cost left out", lambda expected: _concession(0.3, "low"),
                "L_J includes the central security cost of no deal, not only the trade part.")],
    tolerance=0.01, minutes=4)
def _concession_at_03() -> float:
    return _concession(0.3)


@choice_exercise(
    "04.4", "what the comparison of real packages with the predicted range shows", kind="interpret",
    options={"A": "Japan should offer exactly the SoftBank package: the model has found the deal.",
             "B": "Only packages resting on a private firm's pledge reach the predicted size; what the government "
                  "itself pays for is either far smaller (arms, host-nation support) or larger (a point of GDP on "
                  "defence), and headline sizes overstate what an offer costs Japan.",
             "C": "The model is useless because no package falls exactly on the central prediction.",
             "D": "Japan concedes nothing: every package is outside the range."},
    explanations={"A": "The range rests on assumptions (the security cost, α, a headline-size reading of offers); "
                       "it frames the choice, it does not make it.",
                  "B": "Right: the comparison says where real offers sit against the model's scale, and warns that a "
                       "private pledge counted at its headline is not a cost to the Japanese state.",
                  "C": "A prediction is a range with stated assumptions; two packages do fall inside it.",
                  "D": "Two packages fall inside; the point is which kind of offer they are."},
    minutes=4)
def _read_money_packages() -> str:
    return "B"


@numeric_exercise(
    "04.5", "the chance of at least one new demand in a 3-hour meeting at the default rate, in percent",
    kind="compute",
    nudge="Use 1 − exp(−rate × hours) with the rate from the parameters table and hours = 3, then times 100.",
    slips=[PERCENT_AS_FRACTION,
           Slip("rate × hours without the exponential",
                lambda expected: parameter(load("bargaining_parameters"), "demand_rate_per_hour") * 3 * 100,
                "rate × hours is the expected number of demands, not the chance of at least one: use "
                "1 − exp(−rate × hours)."),
           Slip("the default 2-hour meeting instead of 3 hours",
                lambda expected: prob_new_demand(parameter(load("bargaining_parameters"), "demand_rate_per_hour"),
                                                 2.0) * 100,
                "The question asks about a 3-hour meeting.")],
    minutes=4)
def _three_hour_risk() -> float:
    return prob_new_demand(parameter(load("bargaining_parameters"), "demand_rate_per_hour"), 3.0) * 100


def _both_accept(us_level: bool = True) -> float:
    parameters = load("bargaining_parameters")
    packages = all_packages(load("bargaining_option_scores"), default_weights(parameters))
    flags = win_sets(packages, parameter(parameters, "budget_minority"), parameter(parameters, "us_minimum_visible_value"),
                     parameter(parameters, "us_domestic_budget") if us_level else None)
    return float(flags["both"].sum())


@numeric_exercise(
    "04.6", "how many packages both sides can ratify under the minority budget, with the US domestic level",
    kind="compute",
    nudge="win_sets(packages, budget_minority, us_minimum, us_budget) adds a column `both`; count its True values.",
    slips=[Slip("the US domestic level left out", lambda expected: _both_accept(us_level=False),
                "Pass the US domestic budget too: Congress and industry are part of the US win-set."),
           Slip("the packages Japan accepts, not those both accept", lambda expected: _japan_accepts(),
                "Count the rows where `both` is True, not `japan_accepts`.")],
    tolerance=0.0, minutes=4)
def _packages_both_accept() -> float:
    return _both_accept()
