"""Notebook 04: Putnam's two-level game, with a domestic level on both sides.

A package can be agreed and ratified only if it lies in three sets at once:
- Japan's domestic win-set: its domestic political cost P fits Japan's political budget;
- the US president's own minimum: its visible value V is at least what he needs to show (P8);
- the US domestic win-set: its US domestic opposition O (Congress, industry, unions; a judgement score)
  fits the US political budget.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from .common import US_DOMESTIC, check_budget, check_non_negative


def win_sets(packages: pd.DataFrame, budget: float, us_minimum: float,
             us_budget: float | None = None) -> pd.DataFrame:
    """The packages with flags: japan_accepts (P ≤ budget), us_president_accepts (V ≥ us_minimum),
    us_domestic_accepts (O ≤ us_budget; always True without a US budget or an opposition column),
    us_accepts (both US conditions) and `both` (agreed abroad and ratified on both sides)."""
    budget = check_budget(budget)
    us_minimum = check_non_negative(us_minimum, "us_minimum", "visible-value points")
    table = packages.copy()
    table["japan_accepts"] = table["domestic_political_cost"] <= budget + 1e-9
    table["us_president_accepts"] = table["visible_value_us"] >= us_minimum - 1e-9
    if us_budget is None or US_DOMESTIC not in table.columns:
        table["us_domestic_accepts"] = True
    else:
        us_budget = check_budget(us_budget, "us_budget")
        table["us_domestic_accepts"] = table[US_DOMESTIC] <= us_budget + 1e-9
    table["us_accepts"] = table["us_president_accepts"] & table["us_domestic_accepts"]
    table["both"] = table["japan_accepts"] & table["us_accepts"]
    return table


def win_set_by_budget(packages: pd.DataFrame, budgets: Sequence[float], us_minimum: float,
                      us_budget: float | None = None) -> pd.DataFrame:
    """How many packages each side accepts, and both accept, as Japan's political budget grows."""
    rows = []
    for budget in budgets:
        flags = win_sets(packages, budget, us_minimum, us_budget)
        rows.append({"budget": float(budget), "japan_accepts": int(flags["japan_accepts"].sum()),
                     "us_accepts": int(flags["us_accepts"].sum()), "both_accept": int(flags["both"].sum())})
    return pd.DataFrame(rows)
