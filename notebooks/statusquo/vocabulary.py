"""The bundle's vocabulary: the allowed values and shared constants that the data and the models both use.

Each list here is written once. tools/build_datapackage.py puts it into data/datapackage.json as the `enum`
of a column, and the modules of statusquo import it from here, so the schema a table is checked against
and the code that reads the table cannot drift apart. The order of a list is the order the schema gives,
which is also the order tables and legends show unless a module says why it shows another
(`reordered`). A module that gives each value a label, or anything else, checks that it covers every value
(`keyed_by`).

tests/test_vocabulary.py checks that every list matches its columns in data/datapackage.json and that
no list is written out again elsewhere in statusquo/ or tools/.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TypeVar

Item = TypeVar("Item")

# --- The article and its summit -------------------------------------------------------------------------
ARTICLE_DATE = "2025-02-06"   # the New York Times article, the day before the summit
SUMMIT_DATE = "2025-02-07"    # Ishiba's first summit with Trump, in Washington
PARAGRAPH_LABELS = [f"P{i}" for i in range(1, 12)]   # the article's eleven paragraphs, P1 to P11

CLAIM_KINDS = ["fact", "expectation", "opinion", "quote", "risk"]
CLAIM_TOPICS = ["alliance", "trade", "bargaining", "domestic politics", "context"]
ACTOR_NAMINGS = ["named", "identified_not_named", "described"]   # how the article refers to an actor
EVENT_PHASES = ["background", "run-up", "summit"]

# --- Sources and evidence -------------------------------------------------------------------------------
SOURCE_KINDS = ["news article", "news report", "government", "statistics", "scholarly", "company"]
# How close the text we read is to its origin, closest first.
SOURCE_TIERS = ["primary", "wire", "news", "copy", "secondary"]
# The six kinds of evidence a number can be, in the order they are taught, with what each means. A table's
# kind is the custom property `evidence_kind` of its resource in data/datapackage.json.
EVIDENCE_KINDS = {
    "the article says it": "a statement of the New York Times article, paraphrased and tied to a paragraph "
                           f"{PARAGRAPH_LABELS[0]}-{PARAGRAPH_LABELS[-1]}",
    "a public source measured it": "a statistic or count published by the office or body that measured it",
    "a source reported it": "a statement or event as a source reports it: what someone said, threatened or did, "
                            "not a measurement",
    "published scholarship": "an idea or estimate from published research, tied to the work",
    "we assume it": "a model parameter we chose, with its rationale written beside it",
    "our judgement": "a verdict or score we reached from the evidence, with our reasons",
}
ARTICLE_SAYS, MEASURED, REPORTED, SCHOLARSHIP, ASSUMED, JUDGEMENT = EVIDENCE_KINDS

# --- Notebook 01: alliance dependence -------------------------------------------------------------------
ALLIES = ["Japan", "South Korea", "Germany", "Australia", "Philippines", "United Kingdom"]
ALLIANCE_INDICATORS = ["us_troops_hosted", "military_spending_pct_gdp", "exports_to_us_share"]
WEIGHT_DIRECTIONS = ["higher means more dependent", "lower means more dependent"]

# --- Notebook 02: trade risk ----------------------------------------------------------------------------
PRODUCT_GROUPS = ["autos", "auto_parts", "chips_and_equipment", "medical_items", "steel_and_aluminium", "all_other"]
TRADE_FLOWS = ["exports_to_japan", "imports_from_japan", "balance"]   # seen from the US
INVESTMENT_ENTITIES = ["Japan", "Canada", "All countries"]

# --- Notebooks 03 to 05: offers, bargaining, the strategy council ---------------------------------------
BARGAINING_OPTIONS = ["buy_us_weapons", "buy_us_energy", "invest_us_ai", "share_defense_burden", "alaska_lng",
                      "raise_host_nation_support", "showcase_investment_jobs", "nippon_steel_investment"]
BARGAINING_AREAS = ["defense", "trade", "energy", "investment", "currency", "agriculture", "other"]
VISIBLE_BANDS = ["low", "medium", "high"]   # size of a package's visible value to the US
US_RESPONSES = ["welcomes", "asks for more", "threatens tariffs"]   # the White House's reaction to a package
COUNCIL_SIDES = ["japan", "us"]
COUNCIL_ROLE_IDS = ["mofa", "mod", "meti", "mof", "whip", "white_house", "ustr", "commerce", "pentagon"]
COUNCIL_CRITERIA = ["visible", "strategic", "cost", "domestic", "threat", "alliance", "audience", "area_defense",
                    "area_trade", "area_energy", "area_investment", "area_agriculture", "area_currency"]
RED_LINE_MEASURES = ["visible", "strategic", "cost", "domestic", "answered", "alliance", "audience"]

# --- Notebook 06: what happened next --------------------------------------------------------------------
AFTERMATH_CATEGORIES = ["security", "trade", "investment", "energy", "domestic politics", "diplomacy"]
AFTERMATH_OUTCOMES = ["delivered", "partly delivered", "not delivered", "overtaken by events"]
AFTERMATH_VERDICTS = ["borne out", "partly borne out", "not borne out"]
LEDGER_SIDES = ["Japan sought (P3)", "Japan offered (P4)"]
TARIFF_PRODUCTS = ["autos", "other goods"]
EXPORT_MEASURES = ["value", "volume", "price"]   # what changed in Japan's exports: yen value, units, price


# --- Checked uses ----------------------------------------------------------------------------------------

def keyed_by(values: Iterable[str], mapping: Mapping[str, Item]) -> dict[str, Item]:
    """`mapping` as a dict, after checking its keys are every one of `values` and nothing else.

    Raises ValueError naming what is missing or extra, so a value added to the vocabulary cannot go
    without its label (or colour, or column) in a chart or table.
    """
    values = list(values)
    missing, extra = [v for v in values if v not in mapping], [k for k in mapping if k not in values]
    if missing or extra:
        raise ValueError(f"keys do not match the vocabulary {values}: missing {missing}, extra {extra}")
    return dict(mapping)


def reordered(values: Iterable[str], order: Iterable[str]) -> list[str]:
    """`order` as a list, after checking it holds exactly `values`: a display order of a vocabulary list."""
    values, order = list(values), list(order)
    if sorted(values) != sorted(order):
        raise ValueError(f"{order} is not an ordering of the vocabulary {values}")
    return order
