"""Notebook 01 (alliance dependence): its data/context/ and data/assumptions/ tables, and the glossary's sources."""

from __future__ import annotations

from statusquo.vocabulary import (
    ALLIANCE_INDICATORS,
    ALLIES,
    ASSUMED,
    MEASURED,
    REPORTED,
    SCHOLARSHIP,
    WEIGHT_DIRECTIONS,
)

from .fields import PARAGRAPH_LIST, field, fk, resource

ALLIANCE_EXCHANGE = resource(
    "alliance_exchange", "context/alliance_exchange.csv", "What the US gives Japan, and what Japan gives back",
    "The treaty commitment, US forces in Japan, host-nation support and Japan's build-up, each with its source. "
    "Where sources disagree every figure is kept and `used` marks the one the notebook uses.",
    [
        field("item_id", description="Key", pattern=r"^[a-z0-9_]+$"),
        field("side", description="Which ally gives it", enum=["United States gives", "Japan gives"]),
        field("item", description="What is given, in our words"),
        field("value", "number", "Size of the item, in `unit` (empty for commitments that are not numbers)", required=False),
        field("unit", description="Unit of `value`, e.g. persons, JPY bn, % of GDP", required=False),
        field("period", description="Date or fiscal years the figure refers to (FY = April-March)"),
        field("basis", description="How the figure is defined or rounded"),
        field("used", "boolean", "True for the figure the notebook uses when sources disagree"),
        field("source_id", description="Source of the figure"),
    ],
    ["item_id"],
    [fk(["source_id"], "sources", ["source_id"])],
    evidence=(MEASURED, "counts and budgets as published; commitments as stated in official texts"),
)

ALLIANCE_JAPAN_BUDGET = resource(
    "alliance_japan_defense_budget", "context/alliance_japan_defense_budget.csv", "Japan's defence budget by fiscal year",
    "Japan's initial defence budget (supplementary budgets excluded), FY2013-FY2025, on the bases the sources use.",
    [
        field("fiscal_year", "integer", "Japanese fiscal year (April to March), e.g. 2025 = FY2025", minimum=2000, maximum=2030),
        field("basis", description="What the figure covers: with or without SACO and US-realignment costs, or the Buildup Program basis used from FY2023",
              enum=["incl. SACO and US realignment", "excl. SACO and US realignment", "Defense Buildup Program covered",
                    "unclear (as printed)"]),
        field("budget_jpy_bn", "number", "Defence budget, initial (JPY billion)", minimum=0),
        field("stage", description="Whether the source reports the cabinet's budget bill or the enacted initial budget",
              enum=["budget bill", "initial budget"]),
        field("source_id", description="Source of the figure"),
    ],
    ["fiscal_year", "basis"],
    [fk(["source_id"], "sources", ["source_id"])],
    evidence=(MEASURED, "initial budgets as the Ministry of Defense and others publish them"),
)

ALLIANCE_THREATS = resource(
    "alliance_threats", "context/alliance_threats.csv", "Threat indicators: China and North Korea",
    "China's official defence budget, SIPRI's estimate of North Korea's warheads and Japan's count of North Korean "
    "ballistic-missile launch events.",
    [
        field("indicator", description="What is measured",
              enum=["china_defense_budget", "north_korea_warheads", "north_korea_launch_events"]),
        field("year", "integer", "Calendar year (for warheads: the estimate as of January of that year)", minimum=2000, maximum=2030),
        field("value", "number", "Value in `unit`: CNY billion for the budget, warheads, or launch events (count)", minimum=0),
        field("unit", description="Unit of `value`", enum=["CNY bn", "warheads", "launch events"]),
        field("note", description="Definition and caveats"),
        field("used", "boolean", "True for the figure the notebook uses; False for a second report of it, kept for "
              "what it adds (for example a change of method)"),
        field("source_id", description="Source of the figure"),
    ],
    ["indicator", "year", "source_id"],
    [fk(["source_id"], "sources", ["source_id"])],
    evidence=(MEASURED, "official budgets, SIPRI's warhead estimates and Japan's launch counts"),
)

ALLIANCE_ALLIES = resource(
    "alliance_allies", "context/alliance_allies.csv", "Six US allies compared",
    "US troops hosted, defence spending as a share of GDP and the share of goods exports going to the US, with the "
    "period and source of every figure. `use_in_index` marks the one figure per ally and indicator that the "
    "dependence index may use; gaps are kept as rows with an empty value and a note.",
    [
        field("ally", description="US ally", enum=ALLIES),
        field("indicator", description="What is measured", enum=ALLIANCE_INDICATORS),
        field("period", description="Year or month the figure refers to (YYYY or YYYY-MM)", pattern=r"^\d{4}(-\d{2})?$"),
        field("value", "number",
              "Value in `unit`: persons (US active-duty troops), % of GDP (military spending) or % of goods exports "
              "(share sold to the US); empty where no figure was found", required=False, minimum=0),
        field("unit", description="Unit of `value`", enum=["persons", "% of GDP", "% of goods exports"]),
        field("use_in_index", "boolean", "True if the dependence index may use this figure"),
        field("note", description="Basis, period and why a figure is or is not used"),
        field("source_id", description="Source of the figure (empty where none was found)", required=False),
    ],
    ["ally", "indicator", "period"],
    [fk(["source_id"], "sources", ["source_id"])],
    evidence=(MEASURED, "troop counts, SIPRI spending shares and national export statistics"),
)

ALLIANCE_WEIGHTS = resource(
    "alliance_weights", "assumptions/alliance_weights.csv", "Dependence index: default weights (teaching assumption)",
    "Our default weights and scoring directions for the dependence index in notebook 01. A teaching judgement, not data.",
    [
        field("indicator", description="Indicator of table alliance_allies", enum=ALLIANCE_INDICATORS),
        field("weight", "number", "Weight in the index (unitless share; the index divides by the sum)", minimum=0),
        field("direction", description="Whether a higher value means more dependence on the US",
              enum=WEIGHT_DIRECTIONS),
        field("rationale", description="Why we chose this weight and direction"),
    ],
    ["indicator"],
    evidence=(ASSUMED, "weights and directions we chose for the index, with rationales"),
)

ALLIANCE_CONCEPTS = resource(
    "alliance_concepts", "context/alliance_concepts.csv", "Alliance politics: concepts from the scholarship",
    "Concepts from published work on alliances (abandonment, entrapment and related ideas), in our words, each "
    "tied to the work it comes from and to the article's paragraphs where it applies.",
    [
        field("concept_id", description="Key", pattern=r"^[a-z0-9_]+$"),
        field("concept", description="Name of the concept"),
        field("summary", description="Our short paraphrase of the idea"),
        field("article_paragraphs", description="Paragraphs of the article where the idea applies, separated by ;",
              required=False, pattern=PARAGRAPH_LIST),
        field("source_id", description="The published work the concept comes from"),
    ],
    ["concept_id"],
    [fk(["source_id"], "sources", ["source_id"])],
    evidence=(SCHOLARSHIP, "concepts from published work on alliances, in our words"),
)

GLOSSARY_SOURCES = resource(
    "glossary_sources", "context/glossary_sources.csv", "Sources of the glossary's facts",
    "For each term of glossary.md that states a fact (a law, a programme, a figure, a published idea), the source "
    "that supports it. The test suite checks that glossary.md cites exactly these.",
    [
        field("slug", description="The term's anchor in glossary.md", pattern=r"^[a-z0-9-]+$"),
        field("source_id", description="Source of the fact"),
        field("supports", description="The fact the source supports, in our words"),
    ],
    ["slug", "source_id"],
    [fk(["source_id"], "sources", ["source_id"])],
    evidence=(REPORTED, "what a law's text, an agency or a published work states about a term"),
)

ALLIANCE_RESOURCES = [ALLIANCE_EXCHANGE, ALLIANCE_JAPAN_BUDGET, ALLIANCE_THREATS, ALLIANCE_ALLIES, ALLIANCE_WEIGHTS,
                      ALLIANCE_CONCEPTS, GLOSSARY_SOURCES]
