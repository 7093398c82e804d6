"""Notebook 04: more time with Trump, rapport against the risk of new demands (P9).

New demands arrive at random at a rate λ per hour of contact (a Poisson process), so the chance of at
least one in h hours is 1 − e^(−λh). Rapport grows as R(1 − e^(−h/τ)). The balancing length is where
one more minute adds as much rapport as it adds expected cost of new demands.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from .common import check_hours, check_non_negative, check_positive, check_rate


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
    rapport_max = check_non_negative(rapport_max, "rapport_max", "points")
    time_constant = check_positive(time_constant, "time_constant", "hours")
    hours_array = np.asarray(hours, dtype=float)
    result = rapport_max * (1 - np.exp(-hours_array / time_constant))
    return float(result) if result.ndim == 0 else result


def net_meeting_value(hours, rate: float, rapport_max: float, time_constant: float, demand_cost: float):
    """Rapport minus the expected cost of new demands: R(1 − e^(−h/τ)) − D(1 − e^(−λh))."""
    demand_cost = check_non_negative(demand_cost, "demand_cost", "points")
    return rapport_benefit(hours, rapport_max, time_constant) - demand_cost * prob_new_demand(rate, hours)


def balancing_hours(rate: float, rapport_max: float, time_constant: float, demand_cost: float) -> float:
    """The meeting length where one more minute adds as much rapport as risk (the best length).

    With a = 1/τ and λ the rate, the two slopes are equal when R·a·e^(−a·h) = D·λ·e^(−λ·h), that is
    h* = ln(R·a / (D·λ)) / (a − λ). When rapport levels off faster than risk (a > λ) this is the best
    length, or 0 if even the first minute adds more risk than rapport. Otherwise the slopes never
    cross the right way: the best is 0 hours, or no limit (inf) if rapport's ceiling beats the demand cost.
    """
    rate = check_rate(rate)
    rapport_max = check_non_negative(rapport_max, "rapport_max", "points")
    a = 1 / check_positive(time_constant, "time_constant", "hours")
    demand_cost = check_non_negative(demand_cost, "demand_cost", "points")
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
    expected_cost = check_non_negative(demand_cost, "demand_cost", "points") * chance
    return pd.DataFrame({"hours": hours, "prob_new_demand": chance, "expected_demand_cost": expected_cost,
                         "rapport": rapport, "net": rapport - expected_cost})
