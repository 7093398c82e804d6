"""Notebook 03: single offers against each other, then packages of offers under a political budget.

Two different questions, answered by two different tools:
- Is one offer a better way than another to give the US a visible win? -> dominance and the frontier,
  comparing offers one against one on cost to Japan and visible value to the US.
- Which set of offers should Japan bring? -> the package search, which adds up all four scores and
  respects the political budget. An offer dominated on two axes can still belong in the best package,
  because packages are not a choice of one offer among many: the dominating offer can be in the
  package too, the offer may add strategic value, and it may use budget nothing better can fill.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from .common import SCORES, US_DOMESTIC, check_budget, check_scores, check_weights, plain_scores

MAX_OFFERS = 16


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


def all_packages(scores: pd.DataFrame, weights: Mapping[str, float]) -> pd.DataFrame:
    """Every package (set of offers, including the empty one) with its summed scores and value.

    Columns: package (option ids joined by '+', in table order), n_options, the summed scores,
    net_cost = w_C·C − w_S·S (cost to Japan net of what Japan gains itself), weighted_visible = w_V·V,
    and value = weighted_visible − net_cost = w_V·V + w_S·S − w_C·C.
    """
    check_scores(scores)
    w = check_weights(weights)
    table = plain_scores(scores)
    n = len(table)
    if n > MAX_OFFERS:
        raise ValueError(f"scores: {n} offers make 2^{n} packages, too many to search one by one; "
                         f"use at most {MAX_OFFERS}")
    columns = [c for c in [*SCORES, US_DOMESTIC] if c in table.columns]
    # Row k of `chosen` says which offers package k contains: the bits of the number k.
    chosen = (np.arange(2 ** n)[:, None] >> np.arange(n)[None, :]) & 1
    sums = chosen @ table[columns].to_numpy(float)
    ids = table["option_id"].to_numpy()
    packages = pd.DataFrame(sums, columns=columns)
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


def best_by_domestic_cost(packages: pd.DataFrame) -> pd.DataFrame:
    """For each total domestic cost: how many packages have it, their lowest and highest value, and the best."""
    summary = packages.groupby("domestic_political_cost")["value"].agg(packages="size", lowest_value="min",
                                                                      highest_value="max")
    # One sort and a first row per cost, not a loop over groups: the panel calls this on every slider move.
    ranked = packages.sort_values(["value", "n_options", "package"], ascending=[False, True, True], kind="stable")
    best = ranked.drop_duplicates("domestic_political_cost").set_index("domestic_political_cost")["package"]
    table = summary.assign(best_package=best).reset_index()
    return table.astype({"domestic_political_cost": float, "lowest_value": float, "highest_value": float})


def why_in_the_package(scores: pd.DataFrame, weights: Mapping[str, float], budget: float) -> pd.DataFrame:
    """For each offer of the best package: is it dominated, is its dominator also in, and what it adds.

    `adds_value` is the best package's value minus the value of the same package without the offer
    (its marginal value, w_V·V + w_S·S − w_C·C of that offer alone, since values add up). `budget_freed`
    is the domestic cost the offer uses: the room it would leave if dropped.
    """
    w = check_weights(weights)
    frontier = option_frontier(scores).set_index("option_id")
    best = best_package(all_packages(scores, w), budget)
    inside = [] if best["package"] == "(nothing)" else best["package"].split("+")
    rows = []
    for option in inside:
        row = frontier.loc[option]
        beaters = [b for b in row["dominated_by"].split("; ") if b]
        rows.append({
            "option_id": option, "label": row["label"], "dominated_by": "; ".join(beaters) or "nothing",
            "dominator_also_in": bool(beaters) and all(b in inside for b in beaters),
            "adds_value": w["visible"] * row["visible_value_us"] + w["strategic"] * row["strategic_value_japan"]
            - w["cost"] * row["cost_to_japan"],
            "strategic_value_japan": row["strategic_value_japan"],
            "budget_used": row["domestic_political_cost"],
        })
    return pd.DataFrame(rows)
