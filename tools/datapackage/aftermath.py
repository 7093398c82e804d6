"""Notebook 06 (what happened next): its data/context/ and data/assumptions/ tables."""

from __future__ import annotations

from statusquo.vocabulary import (
    AFTERMATH_CATEGORIES,
    AFTERMATH_OUTCOMES,
    AFTERMATH_VERDICTS,
    ASSUMED,
    EXPORT_MEASURES,
    JUDGEMENT,
    LEDGER_SIDES,
    MEASURED,
    PRODUCT_GROUPS,
    REPORTED,
    TARIFF_PRODUCTS,
)

from .fields import KEY_LIST, field, fk, resource

AFTERMATH_EVENTS = resource(
    "aftermath_events", "context/aftermath_events.csv", "What happened after the article",
    "Dated events from the 7 February 2025 summit (its joint-statement details) to the latest event the sources support, "
    "each confirmed by a source. The summit meeting itself is the event 'summit' of table events.",
    [
        field("event_id", description="Key", pattern=r"^[a-z0-9_]+$"),
        field("date", "date", "Day the event happened (local date where it happened: US dates for Washington actions)"),
        field("title", description="Short label for the timeline"),
        field("description", description="What happened, in our words"),
        field("category", description="What the event is mainly about", enum=AFTERMATH_CATEGORIES),
        field("source_id", description="Source that confirms the event and its date"),
    ],
    ["event_id"],
    [fk(["source_id"], "sources", ["source_id"])],
    evidence=(REPORTED, "events after the article, each as a source reports it"),
)

AFTERMATH_TARIFFS = resource(
    "aftermath_tariffs", "context/aftermath_tariffs.csv", "US tariff on Japanese cars and other goods, step by step",
    "Each change in the total US duty on a Japanese car and on other Japanese goods (shown for an item whose MFN duty "
    "is 0%) from the article's date, with its legal basis. A step runs from from_date to to_date inclusive.",
    [
        field("step_id", description="Key", pattern=r"^[a-z0-9_]+$"),
        field("product", description="Which goods", enum=TARIFF_PRODUCTS),
        field("from_date", "date", "First day the rate applied (US time; the first row of each product is the article date)"),
        field("to_date", "date", "Last day the rate applied; empty while still in force", required=False),
        field("rate_percent", "number", "Total US duty on the item (percent of customs value)", minimum=0, maximum=100),
        field("increase_over_mfn_percent", "number",
              "Extra duty above the pre-2025 MFN duty (percentage points): what the trade model takes", minimum=0, maximum=100),
        field("legal_basis", description="Legal instrument behind the rate", enum=[
            "MFN only", "Section 232", "IEEPA baseline", "IEEPA country rate", "IEEPA deal rate (EO 14345)",
            "Section 232 deal rate (EO 14345)", "Section 122"]),
        field("phase", description="Stage of the story the step belongs to",
              enum=["before the article", "the April tariffs", "the agreement", "after the Supreme Court ruling"]),
        field("note", description="How the rate is built and any caveat"),
        field("source_id", description="Source of the rate and its dates"),
    ],
    ["step_id"],
    [fk(["source_id"], "sources", ["source_id"])],
    evidence=(MEASURED, "duty rates as the official orders set them"),
)

AFTERMATH_LEDGER = resource(
    "aftermath_ledger", "context/aftermath_ledger.csv", "The article's asks and offers against what happened",
    "Each thing Japan sought (P3) and each concession on offer (P4), with our judgement of the outcome, the evidence in "
    "our words, the events it rests on and a source. The outcome is our judgement, not a measurement: evidence_kind says so.",
    [
        field("item_id", description="Key", pattern=r"^[a-z0-9_]+$"),
        field("side", description="Ask or offer", enum=LEDGER_SIDES),
        field("paragraph", description="Paragraph of the article", enum=["P3", "P4"]),
        field("claim_id", description="The claim in table claims that states it"),
        field("option_id", description="The option in table options, for the P4 concessions", required=False),
        field("item", description="Short label"),
        field("outcome", description="What became of it (our judgement)", enum=AFTERMATH_OUTCOMES),
        field("evidence_kind", description="Kind of evidence the outcome is: always our judgement, a verdict we reached",
              enum=[JUDGEMENT]),
        field("evidence", description="Why, in our words"),
        field("related_event_ids", description="Events of table aftermath_events the judgement rests on, separated by ;",
              pattern=KEY_LIST),
        field("source_id", description="Main source of the evidence"),
    ],
    ["item_id"],
    [fk(["claim_id"], "claims", ["claim_id"]), fk(["option_id"], "options", ["option_id"]),
     fk(["paragraph"], "paragraphs", ["paragraph"]), fk(["source_id"], "sources", ["source_id"])],
    evidence=(JUDGEMENT, "our verdict on each ask and offer against the record"),
)

AFTERMATH_SCORECARD = resource(
    "aftermath_scorecard", "context/aftermath_scorecard.csv", "The article's expectations against the record",
    "The expectations quoted in the article (Michishita, Fukushima, the former diplomats), each with our verdict, the "
    "evidence in our words, the events it rests on and a source. The verdict is our judgement: evidence_kind says so.",
    [
        field("expectation_id", description="Key", pattern=r"^[a-z0-9_]+$"),
        field("speaker_id", description="Who voiced it (table actors)"),
        field("claim_id", description="The claim in table claims"),
        field("quote_id", description="The quote in table quotes, if the article quotes it", required=False),
        field("expectation", description="The expectation, in our words"),
        field("verdict", description="Our verdict", enum=AFTERMATH_VERDICTS),
        field("evidence_kind", description="Kind of evidence the verdict is: always our judgement, a verdict we reached",
              enum=[JUDGEMENT]),
        field("evidence", description="Why, in our words"),
        field("related_event_ids", description="Events of table aftermath_events the verdict rests on, separated by ;",
              pattern=KEY_LIST),
        field("source_id", description="Main source of the evidence"),
    ],
    ["expectation_id"],
    [fk(["speaker_id"], "actors", ["actor_id"]), fk(["claim_id"], "claims", ["claim_id"]),
     fk(["quote_id"], "quotes", ["quote_id"]), fk(["source_id"], "sources", ["source_id"])],
    evidence=(JUDGEMENT, "our verdict on each expectation against the record"),
)

AFTERMATH_DISAGREEMENTS = resource(
    "aftermath_disagreements", "context/aftermath_disagreements.csv", "Where reports of the aftermath disagree",
    "One row per version of a disputed fact, with its source; `used` marks the version the notebook uses (none where "
    "the notebook states no outcome).",
    [
        field("topic_id", description="Which disputed fact", pattern=r"^[a-z0-9_]+$"),
        field("question", description="The question the versions answer"),
        field("version", description="What this source says, in our words"),
        field("used", "boolean", "True for the version the notebook uses"),
        field("source_id", description="Source of this version"),
    ],
    ["topic_id", "source_id"],
    [fk(["source_id"], "sources", ["source_id"])],
    evidence=(REPORTED, "the versions of a disputed fact, each as reported"),
)

AFTERMATH_MODEL_RATES = resource(
    "aftermath_model_rates", "assumptions/aftermath_model_rates.csv", "Tariff increases that actually came, for the trade model",
    "The increase over pre-2025 duties on each group of Japanese goods in each period from 1 January 2025 (periods "
    "cover every day, without gaps), as fed to notebook 02's model. Built from sourced rates, the exemptions of the "
    "April 2025 orders and labelled simplifications (see rationale).",
    [
        field("regime_id", description="Period key", pattern=r"^[a-z0-9_]+$"),
        field("label", description="Short label for charts"),
        field("from_date", "date", "First day these rates applied together"),
        field("to_date", "date", "Last day they applied together; empty while in force", required=False),
        field("product_group", description="Group of Japan's exports to the US", enum=PRODUCT_GROUPS),
        field("tariff_increase_percent", "number", "Extra US tariff over the pre-2025 duty (percentage points)",
              minimum=0, maximum=100),
        field("rationale", description="How the number is built, and what is assumed"),
        field("source_id", description="Main source of the rates of the period"),
    ],
    ["regime_id", "product_group"],
    [fk(["source_id"], "sources", ["source_id"])],
    evidence=(ASSUMED, "rates built from sourced ones, with labelled simplifications"),
)

AFTERMATH_OUTCOMES_2025 = resource(
    "aftermath_outcomes_2025", "context/aftermath_outcomes_2025.csv", "What happened to Japan's exports to the US in 2025",
    "Reported changes in Japan's exports to the US after the tariffs (value, volume and price), from Japan's trade "
    "statistics and the Bank of Japan's export prices as reported by news agencies: the record the trade model is "
    "checked against. One row per figure and source; `used` marks the version the notebook uses.",
    [
        field("outcome_id", description="Which figure", pattern=r"^[a-z0-9_]+$"),
        field("goods", description="Which exports", enum=["all goods", "autos"]),
        field("measure", description="What changed: the yen value, the number of units, or the price",
              enum=EXPORT_MEASURES),
        field("from_date", "date", "First day of the period measured"),
        field("to_date", "date", "Last day of the period measured"),
        field("change_percent", "number", "Change against the same period a year earlier (percent)",
              minimum=-100, maximum=100),
        field("level_jpy_tn", "number", "Level in the period (JPY trillion), where the source gives it", required=False,
              minimum=0),
        field("basis", description="What exactly was measured, by whom"),
        field("used", "boolean", "True for the version the notebook uses"),
        field("source_id", description="Source of the figure"),
    ],
    ["outcome_id", "source_id"],
    [fk(["source_id"], "sources", ["source_id"])],
    evidence=(MEASURED, "trade statistics and export prices, as agencies reported them"),
)

AFTERMATH_RETALIATION = resource(
    "aftermath_retaliation", "context/aftermath_retaliation.csv", "Japan's answers to US tariffs, 2018 and 2025",
    "What Japan said or did when the US raised tariffs on its goods, as reported: the record behind the question "
    "whether Japan retaliated.",
    [
        field("response_id", description="Key", pattern=r"^[a-z0-9_]+$"),
        field("date", "date", "Day of the response"),
        field("us_measure", description="The US tariffs Japan was answering"),
        field("japan_response", description="What Japan said or did, in our words"),
        field("retaliated", "boolean", "True if Japan put tariffs of its own on US goods"),
        field("source_id", description="Source of the report"),
    ],
    ["response_id"],
    [fk(["source_id"], "sources", ["source_id"])],
    evidence=(REPORTED, "what Japan said or did when tariffs rose, as reported"),
)

AFTERMATH_RESOURCES = [AFTERMATH_EVENTS, AFTERMATH_TARIFFS, AFTERMATH_LEDGER, AFTERMATH_SCORECARD,
                       AFTERMATH_DISAGREEMENTS, AFTERMATH_MODEL_RATES, AFTERMATH_OUTCOMES_2025,
                       AFTERMATH_RETALIATION]
