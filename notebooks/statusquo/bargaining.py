"""What can Japan offer, and what does it get for it? The bargaining models of notebook 03.

Five small models, each a few pure functions over DataFrames and numbers:

1. Offers scored (data/assumptions/bargaining_option_scores.csv, a teaching judgement) on cost to Japan C,
   visible value to the US side V, strategic value to Japan S and domestic political cost P, each 0-10.
   The Pareto frontier keeps the offers no other offer beats on both cost (lower) and visible value (higher).
2. Packages. A package is any set of offers; its scores are the sums of its offers' scores. Its value to
   Japan is   w_V·V + w_S·S − w_C·C,   and it is feasible when its domestic cost P fits the political
   budget. With 8 offers there are 2^8 = 256 packages, so we simply try them all.
3. Nash bargaining. If talks fail Japan loses L_J and the US loses L_U (the disagreement points are −L_J
   and −L_U). A deal where Japan concedes x gives Japan −x and the US +x. Nash's solution maximises
   (gain of Japan over no deal)^(1−α) × (gain of the US over no deal)^α, which gives
   x* = α·L_J − (1 − α)·L_U.   The more Japan loses without a deal, the more it concedes.
4. New demands (P9). Demands arrive at random at a rate λ per hour of contact, so the chance of at least
   one in h hours is 1 − exp(−λh). Rapport grows as R·(1 − exp(−h/τ)). The balancing length is where one
   more minute adds as much rapport as it adds risk.
5. Putnam's two-level game: a package must fit Japan's domestic win-set (P ≤ budget) and the US
   win-set (V ≥ the US minimum). A minority government has a smaller budget, so fewer packages fit both.

The classroom game `run_council` draws the US side's response and new demands (from demands reported in
the media, table bargaining_demands) with numpy's seeded generator, so the same seed gives the same result.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from .data import load
from .exercises import exercise

SCORES = ["cost_to_japan", "visible_value_us", "strategic_value_japan", "domestic_political_cost"]
SCORE_LABELS = {
    "cost_to_japan": "Cost to Japan",
    "visible_value_us": "Visible value to the US",
    "strategic_value_japan": "Strategic value to Japan",
    "domestic_political_cost": "Domestic political cost",
}
WEIGHTS = ["visible", "strategic", "cost"]
MAX_SCORE = 10
MAX_HOURS = 24.0


# --- Checking inputs --------------------------------------------------------------------------------

def _is_number(value) -> bool:
    return isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(value, bool) \
        and math.isfinite(value)


def check_scores(scores: pd.DataFrame) -> None:
    """Raise ValueError unless `scores` has option_id, label and the four scores, each a number 0-10."""
    missing = [c for c in ["option_id", "label", *SCORES] if c not in scores.columns]
    if missing:
        raise ValueError(f"scores: missing column(s) {missing}; expected option_id, label and {SCORES}")
    if scores.empty:
        raise ValueError("scores: the table has no offers")
    if scores["option_id"].duplicated().any():
        raise ValueError("scores: each option_id must appear once")
    for column in SCORES:
        for option, value in zip(scores["option_id"], scores[column]):
            if not _is_number(value) or not 0 <= value <= MAX_SCORE:
                raise ValueError(f"scores: {column} of {option} must be a number from 0 to {MAX_SCORE}; got {value!r}")


def check_weights(weights: Mapping[str, float]) -> dict[str, float]:
    """Return {visible, strategic, cost} as floats. Each must be a finite number >= 0, not all zero."""
    unknown = sorted(set(weights) - set(WEIGHTS))
    if unknown:
        raise ValueError(f"weights: unknown name(s) {unknown}; allowed: {WEIGHTS}")
    checked = {}
    for name in WEIGHTS:
        value = weights.get(name, 0.0)
        if not _is_number(value) or value < 0:
            raise ValueError(f"weights['{name}'] must be a number >= 0; got {value!r}")
        checked[name] = float(value)
    if sum(checked.values()) == 0:
        raise ValueError("weights: at least one weight must be above 0; with all weights zero every package "
                         "is worth the same")
    return checked


def check_budget(budget: float) -> float:
    """The political budget must be a finite number >= 0 (domestic-cost points)."""
    if not _is_number(budget) or budget < 0:
        raise ValueError(f"budget must be a number >= 0 (domestic-cost points the government can carry); "
                         f"got {budget!r}")
    return float(budget)


def check_rate(rate: float) -> float:
    """The demand rate must be a finite number >= 0 (new demands per hour)."""
    if not _is_number(rate) or rate < 0:
        raise ValueError(f"rate must be a number >= 0 (new demands per hour of contact); got {rate!r}")
    return float(rate)


def check_hours(hours: float, name: str = "hours") -> float:
    """A meeting length must be a number from 0 to 24 hours."""
    if not _is_number(hours) or not 0 <= hours <= MAX_HOURS:
        raise ValueError(f"{name} must be a number of hours from 0 to {MAX_HOURS:g}; got {hours!r}")
    return float(hours)


def _check_positive(value: float, name: str, unit: str) -> float:
    if not _is_number(value) or value <= 0:
        raise ValueError(f"{name} must be a number > 0 ({unit}); got {value!r}")
    return float(value)


def _check_non_negative(value: float, name: str, unit: str) -> float:
    if not _is_number(value) or value < 0:
        raise ValueError(f"{name} must be a number >= 0 ({unit}); got {value!r}")
    return float(value)


# --- Reading the assumption tables ------------------------------------------------------------------

def parameter(parameters: pd.DataFrame, name: str) -> float:
    """One value of the bargaining_parameters table."""
    # Plain Python over the two columns: the role-play calls this thousands of times, and a pandas
    # boolean filter per call made up a quarter of the simulation's time.
    values = [value for key, value in zip(parameters["parameter"], parameters["value"]) if key == name]
    if len(values) != 1:
        raise ValueError(f"bargaining_parameters: expected one row for {name!r}, found {len(values)}")
    return float(values[0])


def default_weights(parameters: pd.DataFrame) -> dict[str, float]:
    """{visible, strategic, cost} weights from the parameters table."""
    return {name: parameter(parameters, f"weight_{name}") for name in WEIGHTS}


def plain_scores(scores: pd.DataFrame) -> pd.DataFrame:
    """option_id, label and the four scores as plain floats (the loader gives nullable integers)."""
    table = scores[["option_id", "label", *SCORES]].copy()
    return table.astype({c: "float64" for c in SCORES}).reset_index(drop=True)


# --- 1. Offers: the Pareto frontier -----------------------------------------------------------------

def pareto_frontier(table: pd.DataFrame, minimise: str, maximise: str, key: str = "option_id") -> pd.DataFrame:
    """Mark each row on the frontier or dominated, and name what dominates it.

    Row A dominates row B when A is no worse on both columns (lower or equal `minimise`, higher or equal
    `maximise`) and strictly better on at least one. The frontier is the rows nothing dominates.
    """
    for column in (minimise, maximise, key):
        if column not in table.columns:
            raise ValueError(f"pareto_frontier: no column {column!r} in the table")
    result = table.copy().reset_index(drop=True)
    low, high, keys = result[minimise].to_numpy(float), result[maximise].to_numpy(float), list(result[key])
    dominated_by = []
    for i in range(len(result)):
        beaters = [keys[j] for j in range(len(result))
                   if j != i and low[j] <= low[i] and high[j] >= high[i] and (low[j] < low[i] or high[j] > high[i])]
        dominated_by.append("; ".join(sorted(map(str, beaters))))
    result["dominated_by"] = dominated_by
    result["on_frontier"] = result["dominated_by"] == ""
    return result


def option_frontier(scores: pd.DataFrame) -> pd.DataFrame:
    """Offers on the cost-to-Japan vs visible-value-to-the-US frontier, cheapest first."""
    check_scores(scores)
    table = pareto_frontier(plain_scores(scores), "cost_to_japan", "visible_value_us")
    return table.sort_values(["on_frontier", "cost_to_japan", "option_id"], ascending=[False, True, True],
                             kind="stable").reset_index(drop=True)


# --- 2. Packages: exhaustive search under a political budget ----------------------------------------

def all_packages(scores: pd.DataFrame, weights: Mapping[str, float]) -> pd.DataFrame:
    """Every package (set of offers, including the empty one) with its summed scores and value.

    Columns: package (option ids joined by '+', in table order), n_options, the four summed scores,
    net_cost = w_C·C − w_S·S (cost to Japan net of what Japan gains itself), weighted_visible = w_V·V,
    and value = weighted_visible − net_cost = w_V·V + w_S·S − w_C·C.
    """
    check_scores(scores)
    w = check_weights(weights)
    table = plain_scores(scores)
    n = len(table)
    if n > 16:
        raise ValueError(f"scores: {n} offers make 2^{n} packages, too many to search one by one; use at most 16")
    # Row k of `chosen` says which offers package k contains: the bits of the number k.
    chosen = (np.arange(2 ** n)[:, None] >> np.arange(n)[None, :]) & 1
    sums = chosen @ table[SCORES].to_numpy(float)
    ids = table["option_id"].to_numpy()
    packages = pd.DataFrame(sums, columns=SCORES)
    packages.insert(0, "package", ["+".join(ids[row.astype(bool)]) or "(nothing)" for row in chosen])
    packages.insert(1, "n_options", chosen.sum(axis=1))
    packages["net_cost"] = w["cost"] * packages["cost_to_japan"] - w["strategic"] * packages["strategic_value_japan"]
    packages["weighted_visible"] = w["visible"] * packages["visible_value_us"]
    packages["value"] = packages["weighted_visible"] - packages["net_cost"]
    return packages


def best_package(packages: pd.DataFrame, budget: float) -> pd.Series:
    """The package of highest value whose domestic cost fits the budget.

    Ties go to the lower domestic cost, then fewer offers, then alphabetical order, so the answer is unique.
    """
    budget = check_budget(budget)
    feasible = packages[packages["domestic_political_cost"] <= budget + 1e-9]
    ranked = feasible.sort_values(["value", "domestic_political_cost", "n_options", "package"],
                                  ascending=[False, True, True, True], kind="stable")
    return ranked.iloc[0]


def package_frontier(packages: pd.DataFrame) -> pd.DataFrame:
    """Packages on the frontier of lowest net cost to Japan and highest weighted visible value to the US."""
    return pareto_frontier(packages, "net_cost", "weighted_visible", key="package")


def best_by_budget(scores: pd.DataFrame, weights: Mapping[str, float], budgets: Sequence[float]) -> pd.DataFrame:
    """The best package at each budget: how the answer changes as the political budget grows."""
    packages = all_packages(scores, weights)
    rows = []
    for budget in budgets:
        best = best_package(packages, budget)
        rows.append({"budget": float(budget), "best_package": best["package"], "value": best["value"],
                     "visible_value_us": best["visible_value_us"], "cost_to_japan": best["cost_to_japan"],
                     "domestic_political_cost": best["domestic_political_cost"]})
    return pd.DataFrame(rows)


def package_labels(package: str, scores: pd.DataFrame) -> str:
    """'buy_us_energy+invest_us_ai' → 'Buy more US energy; Invest in US-based AI'."""
    if package == "(nothing)":
        return "nothing"
    labels = dict(zip(scores["option_id"], scores["label"]))
    return "; ".join(labels[o] for o in package.split("+"))


# --- 3. Nash bargaining -----------------------------------------------------------------------------

def nash_concession(japan_loss: float, us_loss: float, us_power: float = 0.5) -> dict[str, float]:
    """Japan's concession x* = α·L_J − (1 − α)·L_U under the (generalised) Nash bargaining solution.

    japan_loss L_J and us_loss L_U are what each side loses if talks fail (>= 0, same unit); us_power α is
    the US side's bargaining power (0-1; 0.5 is Nash's symmetric case). The whole gain from agreeing,
    L_J + L_U, is split so that Japan keeps a share 1 − α of it and the US a share α.
    A negative x* means the US side concedes to Japan.
    """
    japan_loss = _check_non_negative(japan_loss, "japan_loss", "Japan's loss if talks fail")
    us_loss = _check_non_negative(us_loss, "us_loss", "the US side's loss if talks fail")
    if not _is_number(us_power) or not 0 <= us_power <= 1:
        raise ValueError(f"us_power must be a number from 0 to 1 (the US side's bargaining power); got {us_power!r}")
    concession = us_power * japan_loss - (1 - us_power) * us_loss
    surplus = japan_loss + us_loss
    return {
        "japan_loss": japan_loss, "us_loss": us_loss, "us_power": float(us_power),
        "concession": concession,
        "japan_gain": japan_loss - concession,
        "us_gain": concession + us_loss,
        "surplus": surplus,
        "concession_share_of_japan_loss": concession / japan_loss if japan_loss > 0 else float("nan"),
    }


def nash_product(concession: float, japan_loss: float, us_loss: float, us_power: float = 0.5) -> float:
    """(L_J − x)^(1−α) × (x + L_U)^α: the quantity the Nash solution maximises (0 outside the deal zone)."""
    japan_gain, us_gain = japan_loss - concession, concession + us_loss
    if japan_gain < 0 or us_gain < 0:
        return 0.0
    return japan_gain ** (1 - us_power) * us_gain ** us_power


def japan_no_deal_loss(trade_loss: float, dependence: float, multiplier: float) -> float:
    """L_J = trade loss × (1 + multiplier × dependence / 100).

    The trade loss comes from notebook 02's tariff model and the dependence index (0-100) from notebook 01.
    A more dependent ally puts its security guarantee at risk too, so it loses more when talks fail.
    """
    trade_loss = _check_non_negative(trade_loss, "trade_loss", "JPY trillion")
    if not _is_number(dependence) or not 0 <= dependence <= 100:
        raise ValueError(f"dependence must be an index from 0 to 100; got {dependence!r}")
    multiplier = _check_non_negative(multiplier, "multiplier", "per 100 index points")
    return trade_loss * (1 + multiplier * dependence / 100)


def us_no_deal_loss(imports_from_us_jpy_tn: float, tariff_rate: float, retaliation_share: float,
                    pass_through: float, elasticity: float) -> float:
    """The US side's loss if talks fail: US exports to Japan lost to a Japanese answering tariff (JPY tn).

    Japan is assumed to answer with `retaliation_share` × the US tariff on all US goods; the loss is
    computed with notebook 02's tariff model (trade.tariff_loss), treating US goods as one group.
    """
    from . import trade

    _check_non_negative(imports_from_us_jpy_tn, "imports_from_us_jpy_tn", "JPY trillion")
    if not _is_number(retaliation_share) or not 0 <= retaliation_share <= 1:
        raise ValueError(f"retaliation_share must be a number from 0 to 1; got {retaliation_share!r}")
    us_goods = pd.DataFrame({"product_group": ["all_other"], "exports_jpy_tn": [float(imports_from_us_jpy_tn)]})
    loss = trade.tariff_loss(us_goods, {"all_other": tariff_rate * retaliation_share}, pass_through, elasticity)
    return float(loss["loss_jpy_tn"].sum())


def concession_curve(japan_losses: Sequence[float], us_loss: float, us_powers: Sequence[float]) -> pd.DataFrame:
    """Nash concession for each Japanese no-deal loss and each US bargaining power (long table)."""
    rows = [nash_concession(loss, us_loss, power) for power in us_powers for loss in japan_losses]
    return pd.DataFrame(rows)


# --- 4. New demands and rapport ---------------------------------------------------------------------

def prob_new_demand(rate: float, hours) -> np.ndarray | float:
    """Chance of at least one new demand in `hours` of contact: 1 − exp(−rate × hours)."""
    rate = check_rate(rate)
    hours_array = np.asarray(hours, dtype=float)
    if np.any(~np.isfinite(hours_array)) or np.any(hours_array < 0):
        raise ValueError(f"hours must be numbers >= 0; got {hours!r}")
    result = 1 - np.exp(-rate * hours_array)
    return float(result) if result.ndim == 0 else result


def rapport_benefit(hours, rapport_max: float, time_constant: float) -> np.ndarray | float:
    """Rapport built in `hours`: rapport_max × (1 − exp(−hours / time_constant)), rising and levelling off."""
    rapport_max = _check_non_negative(rapport_max, "rapport_max", "points")
    time_constant = _check_positive(time_constant, "time_constant", "hours")
    hours_array = np.asarray(hours, dtype=float)
    result = rapport_max * (1 - np.exp(-hours_array / time_constant))
    return float(result) if result.ndim == 0 else result


def net_meeting_value(hours, rate: float, rapport_max: float, time_constant: float, demand_cost: float):
    """Rapport minus the expected cost of new demands: R(1 − e^(−h/τ)) − D(1 − e^(−λh))."""
    demand_cost = _check_non_negative(demand_cost, "demand_cost", "points")
    return rapport_benefit(hours, rapport_max, time_constant) - demand_cost * prob_new_demand(rate, hours)


def balancing_hours(rate: float, rapport_max: float, time_constant: float, demand_cost: float) -> float:
    """The meeting length where one more minute adds as much rapport as risk (the best length).

    With a = 1/τ and λ the rate, the two slopes are equal when R·a·e^(−a·h) = D·λ·e^(−λ·h), that is
    h* = ln(R·a / (D·λ)) / (a − λ). When rapport levels off faster than risk (a > λ) this is the best
    length, or 0 if even the first minute adds more risk than rapport. Otherwise the slopes never
    cross the right way: the best is 0 hours, or no limit (inf) if rapport's ceiling beats the demand cost.
    """
    rate = check_rate(rate)
    rapport_max = _check_non_negative(rapport_max, "rapport_max", "points")
    a = 1 / _check_positive(time_constant, "time_constant", "hours")
    demand_cost = _check_non_negative(demand_cost, "demand_cost", "points")
    gain_slope, risk_slope = rapport_max * a, demand_cost * rate
    if risk_slope == 0:
        return math.inf if gain_slope > 0 else 0.0
    if gain_slope == 0:
        return 0.0
    if a > rate:
        return max(0.0, math.log(gain_slope / risk_slope) / (a - rate))
    return math.inf if rapport_max > demand_cost else 0.0


def risk_curve(rate: float, rapport_max: float, time_constant: float, demand_cost: float,
               max_hours: float = 6.0, points: int = 121) -> pd.DataFrame:
    """Hours, chance of a new demand, its expected cost, rapport and the net, on a grid from 0 to max_hours."""
    check_hours(max_hours, "max_hours")
    hours = np.linspace(0, max_hours, points)
    chance = prob_new_demand(rate, hours)
    rapport = rapport_benefit(hours, rapport_max, time_constant)
    expected_cost = _check_non_negative(demand_cost, "demand_cost", "points") * chance
    return pd.DataFrame({"hours": hours, "prob_new_demand": chance, "expected_demand_cost": expected_cost,
                         "rapport": rapport, "net": rapport - expected_cost})


# --- 5. Two-level game ------------------------------------------------------------------------------

def win_sets(packages: pd.DataFrame, budget: float, us_minimum: float) -> pd.DataFrame:
    """The packages with two flags: inside Japan's domestic win-set (P ≤ budget) and inside the US win-set
    (V ≥ us_minimum); `both` marks the deals that can be agreed abroad and ratified at home."""
    budget = check_budget(budget)
    us_minimum = _check_non_negative(us_minimum, "us_minimum", "visible-value points")
    table = packages.copy()
    table["japan_accepts"] = table["domestic_political_cost"] <= budget + 1e-9
    table["us_accepts"] = table["visible_value_us"] >= us_minimum - 1e-9
    table["both"] = table["japan_accepts"] & table["us_accepts"]
    return table


def win_set_by_budget(packages: pd.DataFrame, budgets: Sequence[float], us_minimum: float) -> pd.DataFrame:
    """How many packages each side accepts, and both accept, as Japan's political budget grows."""
    rows = []
    for budget in budgets:
        flags = win_sets(packages, budget, us_minimum)
        rows.append({"budget": float(budget), "japan_accepts": int(flags["japan_accepts"].sum()),
                     "us_accepts": int(flags["us_accepts"].sum()), "both_accept": int(flags["both"].sum())})
    return pd.DataFrame(rows)


# --- The panels: plain functions plus thin widget shells --------------------------------------------

def package_panel_result(scores: pd.DataFrame, weights: Mapping[str, float], budget: float,
                         us_minimum: float | None = None) -> tuple[pd.DataFrame | None, pd.Series | None, str]:
    """What the package panel shows: (all packages with flags, best package, message).

    On bad input the tables are None and the message says what to fix. Fast: no file is read here.
    """
    try:
        packages = package_frontier(all_packages(scores, weights))
        best = best_package(packages, budget)
        flags = win_sets(packages, budget, 0.0 if us_minimum is None else us_minimum)
    except ValueError as error:
        return None, None, f"Cannot compute: {error}"
    packages["within_budget"] = flags["japan_accepts"]
    packages["us_accepts"] = flags["us_accepts"]
    message = (f"Best package within a budget of {float(budget):g}: {package_labels(best['package'], scores)} "
               f"(value {best['value']:.1f}, visible value {best['visible_value_us']:.0f}, "
               f"domestic cost {best['domestic_political_cost']:.0f}).")
    return packages, best, message


def draw_package_frontier(ax, packages: pd.DataFrame, best: pd.Series, budget: float,
                          title: str = "Every package: net cost to Japan against visible value to the US") -> None:
    """Scatter of all packages: hollow if over budget, filled if within it; frontier line; best starred."""
    from .plots import SERIES_COLOURS

    inside, outside = packages[packages["within_budget"]], packages[~packages["within_budget"]]
    ax.scatter(outside["net_cost"], outside["weighted_visible"], s=22, facecolor="none",
               edgecolor=SERIES_COLOURS[6], linewidth=0.6, marker="o", label="over the political budget")
    ax.scatter(inside["net_cost"], inside["weighted_visible"], s=26, color=SERIES_COLOURS[0], marker="s",
               edgecolor="black", linewidth=0.4, label=f"within the budget ({float(budget):g})")
    frontier = packages[packages["on_frontier"]].sort_values("net_cost")
    ax.plot(frontier["net_cost"], frontier["weighted_visible"], color=SERIES_COLOURS[1], linewidth=1.6,
            linestyle="--", label="frontier (no package beats these on both axes)")
    ax.scatter([best["net_cost"]], [best["weighted_visible"]], s=260, marker="*", color=SERIES_COLOURS[3],
               edgecolor="black", linewidth=0.8, zorder=5, label="best package within the budget")
    ax.set_xlabel("Net cost to Japan: weighted cost minus weighted strategic value (points)")
    ax.set_ylabel("Weighted visible value to the US (points)")
    ax.set_title(title)
    ax.legend(loc="lower left", fontsize=8.5)


def package_panel(scores: pd.DataFrame, parameters: pd.DataFrame):
    """Sliders for the three weights and the budget, plus a chosen offer's four scores."""
    import ipywidgets as widgets

    from .widgets import refresh

    working = scores.copy()
    style, layout = {"description_width": "200px"}, widgets.Layout(width="480px")
    defaults = default_weights(parameters)
    weight_sliders = {name: widgets.FloatSlider(value=defaults[name], min=-1, max=3, step=0.25,
                                                description=f"Weight: {name}", style=style, layout=layout,
                                                continuous_update=False) for name in WEIGHTS}
    budget_slider = widgets.FloatSlider(value=parameter(parameters, "budget_minority"), min=-2, max=30, step=1,
                                        description="Political budget (points)", style=style, layout=layout,
                                        continuous_update=False)
    option_menu = widgets.Dropdown(options=list(zip(working["label"], working["option_id"])),
                                   description="Offer to rescore", style=style, layout=layout)
    score_sliders = {c: widgets.IntSlider(min=-2, max=12, description=SCORE_LABELS[c], style=style, layout=layout,
                                          continuous_update=False) for c in SCORES}
    message, output = widgets.HTML(), widgets.Output()

    def load_option(_change=None):
        row = working.set_index("option_id").loc[option_menu.value]
        for column, slider in score_sliders.items():
            slider.unobserve(rescore, names="value")
            slider.value = int(row[column])
            slider.observe(rescore, names="value")

    def rescore(_change=None):
        position = working.index[working["option_id"] == option_menu.value][0]
        for column, slider in score_sliders.items():
            working[column] = working[column].astype("float64")
            working.loc[position, column] = float(slider.value)
        update()

    def update(_change=None):
        packages, best, text = package_panel_result(working, {n: s.value for n, s in weight_sliders.items()},
                                                    budget_slider.value)
        draw = None if packages is None else lambda ax: draw_package_frontier(ax, packages, best, budget_slider.value)
        refresh(message, output, text, draw, figsize=(7.5, 4.2))

    for slider in [*weight_sliders.values(), budget_slider]:
        slider.observe(update, names="value")
    option_menu.observe(load_option, names="value")
    for slider in score_sliders.values():
        slider.observe(rescore, names="value")
    load_option()
    update()
    note = widgets.HTML("<i>Scores run from 0 to 10, weights and the budget from 0 up: the sliders go further on "
                        "purpose, so try it and read the message.</i>")
    return widgets.VBox([widgets.HTML("<b>Weights and budget</b>"), *weight_sliders.values(), budget_slider,
                         widgets.HTML("<b>Rescore one offer</b>"), option_menu, *score_sliders.values(), note,
                         message, output])


def risk_panel_result(hours: float, rate: float, rapport_max: float, time_constant: float,
                      demand_cost: float) -> tuple[pd.DataFrame | None, float | None, str]:
    """What the risk panel shows: (curve, balancing length, message); on bad input (None, None, message)."""
    try:
        hours = check_hours(hours)
        curve = risk_curve(rate, rapport_max, time_constant, demand_cost, max_hours=max(6.0, hours))
        balance = balancing_hours(rate, rapport_max, time_constant, demand_cost)
        chance = prob_new_demand(rate, hours)
    except ValueError as error:
        return None, None, f"Cannot compute: {error}"
    where = ("no limit: rapport keeps outweighing the risk" if math.isinf(balance)
             else f"{balance:.2f} hours")
    message = (f"At {hours:g} hours the chance of at least one new demand is {chance:.0%}; "
               f"the length that balances rapport against risk is {where}.")
    return curve, balance, message


def draw_risk_curve(ax, curve: pd.DataFrame, hours: float, balance: float,
                    title: str = "More time with Trump: rapport against the risk of new demands") -> None:
    """Rapport, expected demand cost and net value (points) against hours; chance (%) on a second axis."""
    from .plots import SERIES_COLOURS

    ax.plot(curve["hours"], curve["rapport"], color=SERIES_COLOURS[2], linewidth=2, marker="o", markevery=20,
            label="rapport benefit")
    ax.plot(curve["hours"], curve["expected_demand_cost"], color=SERIES_COLOURS[3], linewidth=2, marker="s",
            markevery=20, linestyle="--", label="expected cost of new demands")
    ax.plot(curve["hours"], curve["net"], color=SERIES_COLOURS[0], linewidth=2.4, marker="^", markevery=20,
            label="net (rapport − expected cost)")
    chance_axis = ax.twinx()
    chance_axis.plot(curve["hours"], curve["prob_new_demand"] * 100, color=SERIES_COLOURS[6], linewidth=1.2,
                     linestyle=":", label="chance of ≥ 1 new demand (right axis)")
    chance_axis.set_ylim(0, 100)
    chance_axis.set_ylabel("Chance of at least one new demand (%)")
    chance_axis.grid(False)
    chance_axis.spines["right"].set_visible(True)
    if math.isfinite(balance) and balance <= curve["hours"].max():
        ax.axvline(balance, color="black", linewidth=1)
        ax.annotate(f"balance: {balance:.2f} h", xy=(balance, ax.get_ylim()[1]), xytext=(4, -14),
                    textcoords="offset points", fontsize=9)
    ax.axvline(hours, color=SERIES_COLOURS[4], linewidth=1, linestyle="-.")
    ax.annotate(f"meeting: {hours:g} h", xy=(hours, ax.get_ylim()[0]), xytext=(4, 6), textcoords="offset points",
                fontsize=9)
    ax.set_xlabel("Hours of contact with Trump")
    ax.set_ylabel("Points (same scale as the offer scores)")
    ax.set_title(title)
    lines = ax.get_legend_handles_labels()
    more = chance_axis.get_legend_handles_labels()
    ax.legend(lines[0] + more[0], lines[1] + more[1], loc="center right", fontsize=8.5)


def risk_panel(parameters: pd.DataFrame):
    """Sliders for meeting length and demand rate (plus the rapport curve), drawing the risk curve."""
    import ipywidgets as widgets

    from .widgets import refresh

    style, layout = {"description_width": "230px"}, widgets.Layout(width="500px")

    def slider(value, low, high, step, text):
        return widgets.FloatSlider(value=value, min=low, max=high, step=step, description=text, style=style,
                                   layout=layout, continuous_update=False)

    hours = slider(parameter(parameters, "default_meeting_hours"), -1, 8, 0.25, "Meeting length (hours)")
    rate = slider(parameter(parameters, "demand_rate_per_hour"), -0.5, 2, 0.05, "New demands per hour")
    rapport_max = slider(parameter(parameters, "rapport_max"), 0, 20, 1, "Most rapport can give (points)")
    tau = slider(parameter(parameters, "rapport_time_constant_hours"), 0, 4, 0.25, "Rapport builds over (hours)")
    cost = slider(parameter(parameters, "new_demand_cost"), 0, 20, 1, "Cost of a new demand (points)")
    message, output = widgets.HTML(), widgets.Output()

    def update(_change=None):
        curve, balance, text = risk_panel_result(hours.value, rate.value, rapport_max.value, tau.value, cost.value)
        draw = None if curve is None else lambda ax: draw_risk_curve(ax, curve, hours.value, balance)
        refresh(message, output, text, draw, figsize=(7.5, 4.0))

    for widget in (hours, rate, rapport_max, tau, cost):
        widget.observe(update, names="value")
    update()
    note = widgets.HTML("<i>Hours and the rate go below zero on purpose: try it and read the message.</i>")
    return widgets.VBox([hours, rate, rapport_max, tau, cost, note, message, output])


# --- Exercises of notebook 03 -----------------------------------------------------------------------

def _offer_value(item_id: str) -> float:
    sizes = load("bargaining_offer_sizes")
    return float(sizes.loc[sizes["item_id"] == item_id, "value"].iloc[0])


@exercise("03.1", "the US share of Japan's LNG imports in 2024, in percent (derived)",
          "Divide LNG imports from the US in 2024 by total LNG imports in 2024 (both in million tonnes), times 100.")
def _us_lng_share() -> float:
    return _offer_value("lng_imports_from_us_2024") / _offer_value("lng_imports_total_2024") * 100


@exercise("03.2", "the offers on the cost/visible-value frontier",
          "Call bargaining.option_frontier(scores) and keep the option_id of the rows where on_frontier is True.")
def _frontier_offers() -> list[str]:
    frontier = option_frontier(load("bargaining_option_scores"))
    return sorted(frontier.loc[frontier["on_frontier"], "option_id"])


@exercise("03.3", "the chance of at least one new demand in a 3-hour meeting, in percent",
          "Use 1 − exp(−rate × hours) with the rate from the parameters table and hours = 3, then times 100.")
def _three_hour_risk() -> float:
    return prob_new_demand(parameter(load("bargaining_parameters"), "demand_rate_per_hour"), 3.0) * 100


@exercise("03.4", "how many packages both sides accept under the minority budget",
          "Build all_packages with the default weights, flag them with win_sets(packages, budget_minority, "
          "us_minimum_visible_value), and count the rows where both is True.")
def _packages_both_accept() -> int:
    parameters = load("bargaining_parameters")
    packages = all_packages(load("bargaining_option_scores"), default_weights(parameters))
    flags = win_sets(packages, parameter(parameters, "budget_minority"), parameter(parameters, "us_minimum_visible_value"))
    return int(flags["both"].sum())
