"""How the strategy council's offers and demands are named on the page: short chart labels, full labels,
money written as USD, and the demand list both sides see. Kept apart from the rules in council.py.

The functions that need the game's tables import council.game when called: council imports this module,
so a top-level import back would be circular.
"""

from __future__ import annotations

import re

import pandas as pd

from . import vocabulary
from .vocabulary import keyed_by

SHORT_NAMES = keyed_by(vocabulary.BARGAINING_OPTIONS, {
    "buy_us_weapons": "Weapons", "buy_us_energy": "Energy", "invest_us_ai": "AI",
    "share_defense_burden": "Defence", "alaska_lng": "Alaska LNG", "raise_host_nation_support": "HNS",
    "showcase_investment_jobs": "Showcase", "nippon_steel_investment": "Steel"})


def short_label(package: str) -> str:
    """'buy_us_energy+invest_us_ai' → 'Energy + AI' (the key: SHORT_NAMES), for chart labels."""
    return "nothing" if package == "(nothing)" else " + ".join(SHORT_NAMES[o] for o in package.split("+"))


def package_labels(package: str) -> str:
    """'buy_us_energy+invest_us_ai' → 'Buy more US energy; Invest in US-based AI'."""
    from .council import game

    labels = dict(zip(game().offers["option_id"], game().offers["label"]))
    return "nothing" if package == "(nothing)" else "; ".join(labels[o] for o in package.split("+"))


def no_dollar_signs(text: str) -> str:
    """'US$44 bn' or '$550 billion' → 'USD 44 bn', 'USD 550 billion': a page must never typeset money as maths."""
    return re.sub(r"(?:US)?\$\s?", "USD ", str(text))


def demand_list() -> pd.DataFrame:
    """The list both sides see: each demand the US side may make, which offers answer it, what it costs Japan
    unanswered, and its source."""
    from .council import game

    g = game()
    labels = dict(zip(g.offers["option_id"], g.offers["label"]))
    table = g.demands.copy()
    table["demand"] = table["demand"].map(no_dollar_signs)
    table["answered_by"] = ["; ".join(labels[o] for o in ids) or "no offer answers it" for ids in table["answered_by"]]
    return table[["demand_id", "period", "area", "status", "demand", "answered_by", "penalty", "source_id"]]
