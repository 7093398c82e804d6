"""The input checks every model and panel shares: is it a number, a whole number, on the slider's step.

Each model still words its own refusal (what the value means, its unit, its range), because that sentence
is what a student reads; the tests that decide whether to refuse are written once, here.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

import numpy as np


def is_number(value) -> bool:
    """True for a finite int or float (numpy ones too), False for bool, None, NaN, infinity and text."""
    return isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(value, (bool, np.bool_)) \
        and math.isfinite(value)


def is_whole_number(value) -> bool:
    """True for an int (numpy ones too), False for bool, floats such as 2.0, and text."""
    return isinstance(value, (int, np.integer)) and not isinstance(value, (bool, np.bool_))


def round_to_step(value: float, step: float) -> float:
    """`value` on the nearest multiple of `step`, without float noise: 0.15000000000000002 -> 0.15."""
    return round(round(float(value) / step) * step, 10)


def unknown_names(given: Iterable, allowed: Iterable[str]) -> list[str]:
    """The names in `given` that are not in `allowed`, as sorted text (empty when all are known)."""
    return sorted(str(name) for name in set(given) - set(allowed))


def check_one_of(value, allowed: Iterable[str], name: str) -> str:
    """`value` if it is one of `allowed`, else ValueError "{name} must be one of [...]; got ..."."""
    allowed = list(allowed)
    if value not in allowed:
        raise ValueError(f"{name} must be one of {allowed}; got {value!r}")
    return value
