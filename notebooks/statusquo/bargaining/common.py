"""Shared pieces of the bargaining models: score names, input checks and the parameter table.

Every check raises ValueError with a sentence a student can act on; panels turn it into a message.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from ..checks import is_number, unknown_names

SCORES = ["cost_to_japan", "visible_value_us", "strategic_value_japan", "domestic_political_cost"]
SCORE_LABELS = {
    "cost_to_japan": "Cost to Japan",
    "visible_value_us": "Visible value to the US",
    "strategic_value_japan": "Strategic value to Japan",
    "domestic_political_cost": "Domestic political cost",
}
US_DOMESTIC = "us_domestic_opposition"
WEIGHTS = ["visible", "strategic", "cost"]
MAX_SCORE = 10
MAX_HOURS = 24.0


def check_scores(scores: pd.DataFrame) -> None:
    """Raise ValueError unless `scores` has option_id, label and the four scores, each a number 0-10."""
    missing = [c for c in ["option_id", "label", *SCORES] if c not in scores.columns]
    if missing:
        raise ValueError(f"scores: missing column(s) {missing}; expected option_id, label and {SCORES}")
    if scores.empty:
        raise ValueError("scores: the table has no offers")
    if scores["option_id"].duplicated().any():
        raise ValueError("scores: each option_id must appear once")
    for column in SCORES + ([US_DOMESTIC] if US_DOMESTIC in scores.columns else []):
        for option, value in zip(scores["option_id"], scores[column]):
            if not is_number(value) or not 0 <= value <= MAX_SCORE:
                raise ValueError(f"scores: {column} of {option} must be a number from 0 to {MAX_SCORE}; got {value!r}")


def check_weights(weights: Mapping[str, float]) -> dict[str, float]:
    """Return {visible, strategic, cost} as floats. Each must be a finite number >= 0, not all zero."""
    unknown = unknown_names(weights, WEIGHTS)
    if unknown:
        raise ValueError(f"weights: unknown name(s) {unknown}; allowed: {WEIGHTS}")
    checked = {}
    for name in WEIGHTS:
        value = weights.get(name, 0.0)
        if not is_number(value) or value < 0:
            raise ValueError(f"weights['{name}'] must be a number >= 0; got {value!r}")
        checked[name] = float(value)
    if sum(checked.values()) == 0:
        raise ValueError("weights: at least one weight must be above 0; with all weights zero every package "
                         "is worth the same")
    return checked


def check_budget(budget: float, name: str = "budget") -> float:
    """A political budget must be a finite number >= 0 (domestic-cost points)."""
    if not is_number(budget) or budget < 0:
        raise ValueError(f"{name} must be a number >= 0 (domestic-cost points the government can carry); "
                         f"got {budget!r}")
    return float(budget)


def check_rate(rate: float) -> float:
    """The demand rate must be a finite number >= 0 (new demands per hour)."""
    if not is_number(rate) or rate < 0:
        raise ValueError(f"rate must be a number >= 0 (new demands per hour of contact); got {rate!r}")
    return float(rate)


def check_hours(hours: float, name: str = "hours") -> float:
    """A meeting length must be a number from 0 to 24 hours."""
    if not is_number(hours) or not 0 <= hours <= MAX_HOURS:
        raise ValueError(f"{name} must be a number of hours from 0 to {MAX_HOURS:g}; got {hours!r}")
    return float(hours)


def check_share(value: float, name: str, meaning: str) -> float:
    """A share must be a number from 0 to 1."""
    if not is_number(value) or not 0 <= value <= 1:
        raise ValueError(f"{name} must be a number from 0 to 1 ({meaning}); got {value!r}")
    return float(value)


def check_positive(value: float, name: str, unit: str) -> float:
    if not is_number(value) or value <= 0:
        raise ValueError(f"{name} must be a number > 0 ({unit}); got {value!r}")
    return float(value)


def check_non_negative(value: float, name: str, unit: str) -> float:
    if not is_number(value) or value < 0:
        raise ValueError(f"{name} must be a number >= 0 ({unit}); got {value!r}")
    return float(value)


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
    """option_id, label and the scores as plain floats (the loader gives nullable integers)."""
    columns = SCORES + ([US_DOMESTIC] if US_DOMESTIC in scores.columns else [])
    table = scores[["option_id", "label", *columns]].copy()
    return table.astype({c: "float64" for c in columns}).reset_index(drop=True)
