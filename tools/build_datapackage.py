"""Write data/datapackage.json from the schema definitions below.

Why a script: the JSON is long and repetitive; keeping the schemas here as Python makes each table's
fields easy to read and review, and the test suite checks that the stored JSON matches this script.
Run:  python tools/build_datapackage.py
"""

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PARAGRAPH = r"P([1-9]|1[01])"
KINDS = ["fact", "expectation", "opinion", "quote", "risk"]
TOPICS = ["alliance", "trade", "bargaining", "domestic politics", "context"]


def field(name, type_="string", description="", required=True, **constraints):
    spec = {"name": name, "type": type_, "description": description}
    if type_ == "date":
        spec["format"] = "%Y-%m-%d"
    constraints = {"required": required, **constraints}
    spec["constraints"] = constraints
    return spec


def fk(fields, resource, ref_fields):
    return {"fields": fields, "reference": {"resource": resource, "fields": ref_fields}}


def resource(name, path, title, description, fields, primary_key, foreign_keys=()):
    schema = {"fields": fields, "primaryKey": primary_key}
    if foreign_keys:
        schema["foreignKeys"] = list(foreign_keys)
    return {
        "name": name,
        "path": path,
        "title": title,
        "description": description,
        "profile": "tabular-data-resource",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "schema": schema,
    }


SOURCES = resource(
    "sources", "sources.csv", "Sources",
    "Every source a number or fact in the bundle rests on, with the address it was read at.",
    [
        field("source_id", description="Short key other tables cite", pattern=r"^[a-z0-9_]+$"),
        field("publisher", description="Organisation that published the source"),
        field("title", description="Title of the page or document"),
        field("url", description="Address the source was read at (http only where the page exists only there)",
              pattern=r"^https?://\S+$"),
        field("published", "date", "Publication date, when the source gives one", required=False),
        field("accessed", "date", "Date we read it"),
        field("kind", description="What sort of source it is",
              enum=["news article", "news report", "government", "statistics", "scholarly", "company"]),
        field("tier", description="How close the text we read is to its origin: primary (the government, court, "
              "agency, company or author that produced it), wire (a news agency's own text), news (an outlet's "
              "own reporting), copy (a repost or mirror of one of these), secondary (aggregators, blogs, "
              "reference sites)",
              enum=["primary", "wire", "news", "copy", "secondary"]),
        field("note", description="What we took from it, and any caveat", required=False),
    ],
    ["source_id"],
)

PARAGRAPHS = resource(
    "paragraphs", "article/paragraphs.csv", "Article paragraphs",
    "One paraphrased line per paragraph of the article, P1 to P11.",
    [
        field("paragraph", description="Paragraph label", enum=[f"P{i}" for i in range(1, 12)]),
        field("position", "integer", "Order in the article", minimum=1, maximum=11),
        field("summary", description="Our paraphrase of what the paragraph says"),
    ],
    ["paragraph"],
)

ACTORS = resource(
    "actors", "article/actors.csv", "Actors",
    "Everyone the article names or describes: people, groups and states.",
    [
        field("actor_id", description="Short key", pattern=r"^[a-z0-9_]+$"),
        field("name", description="Name, or a description for unnamed groups"),
        field("actor_type", description="Person, group or state", enum=["person", "group", "state"]),
        field("country", description="Country the actor belongs to, when one applies", required=False,
              enum=["Japan", "United States", "Israel", "China", "North Korea"]),
        field("role", description="Role at the time of the article"),
        field("naming", description="How the article refers to the actor",
              enum=["named", "identified_not_named", "described"]),
        field("paragraphs", description="Paragraphs that mention the actor, separated by ;",
              pattern=rf"^{PARAGRAPH}(;{PARAGRAPH})*$"),
        field("identified_by", description="Source that identifies an actor the article alludes to",
              required=False),
    ],
    ["actor_id"],
    [fk(["identified_by"], "sources", ["source_id"])],
)

CLAIMS = resource(
    "claims", "article/claims.csv", "Claims",
    "Every statement of fact, expectation, risk and opinion in the article, paraphrased.",
    [
        field("claim_id", description="Key", pattern=r"^C\d{2}$"),
        field("paragraph", description="Paragraph the claim comes from"),
        field("kind", description="What sort of statement it is", enum=KINDS),
        field("topic", description="What it is about", enum=TOPICS),
        field("actor_id", description="Main actor the statement is about"),
        field("voiced_by", description="Who makes the statement in the article"),
        field("statement", description="Our paraphrase of the statement"),
    ],
    ["claim_id"],
    [
        fk(["paragraph"], "paragraphs", ["paragraph"]),
        fk(["actor_id"], "actors", ["actor_id"]),
        fk(["voiced_by"], "actors", ["actor_id"]),
    ],
)

OPTIONS = resource(
    "options", "article/options.csv", "Options",
    "The concessions the article says Japan may offer (P4).",
    [
        field("option_id", description="Key", pattern=r"^[a-z0-9_]+$"),
        field("label", description="Short label for charts"),
        field("category", description="Kind of concession",
              enum=["purchase", "investment", "burden sharing"]),
        field("description", description="Our paraphrase of the offer"),
        field("paragraph", description="Paragraph it comes from"),
        field("claim_id", description="The claim that states it"),
    ],
    ["option_id"],
    [fk(["paragraph"], "paragraphs", ["paragraph"]), fk(["claim_id"], "claims", ["claim_id"])],
)

EVENTS = resource(
    "events", "article/events.csv", "Events",
    "The dated run-up to the summit and the summit itself; each date confirmed by a source.",
    [
        field("event_id", description="Key", pattern=r"^[a-z0-9_]+$"),
        field("date", "date", "Day the event happened (local date where it happened)"),
        field("title", description="Short label for the timeline"),
        field("description", description="What happened, in our words"),
        field("phase", description="Where it sits in the story",
              enum=["background", "run-up", "summit"]),
        field("paragraph", description="Paragraph that mentions it, if any", required=False),
        field("actor_id", description="Main actor", required=False),
        field("source_id", description="Source that confirms the date"),
    ],
    ["event_id"],
    [
        fk(["paragraph"], "paragraphs", ["paragraph"]),
        fk(["actor_id"], "actors", ["actor_id"]),
        fk(["source_id"], "sources", ["source_id"]),
    ],
)

QUOTES = resource(
    "quotes", "article/quotes.csv", "Quotes",
    "Short remarks and coined terms the article quotes, each attributed to its speaker (at most 25 words).",
    [
        field("quote_id", description="Key", pattern=r"^Q\d+$"),
        field("paragraph", description="Paragraph it appears in"),
        field("speaker_id", description="Who said it"),
        field("kind", description="A remark, or a coined term", enum=["remark", "term"]),
        field("text", description="The words as quoted", maxLength=200),
        field("context", description="Our note on when and why it was said"),
    ],
    ["quote_id"],
    [fk(["paragraph"], "paragraphs", ["paragraph"]), fk(["speaker_id"], "actors", ["actor_id"])],
)

ARTICLE_RESOURCES = [PARAGRAPHS, ACTORS, CLAIMS, OPTIONS, EVENTS, QUOTES]

# --- Notebook 01 (alliance dependence): data/context/ and data/assumptions/ tables -----------------
ALLIES = ["Japan", "South Korea", "Germany", "Australia", "Philippines", "United Kingdom"]
ALLIANCE_INDICATORS = ["us_troops_hosted", "military_spending_pct_gdp", "exports_to_us_share"]

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
)

ALLIANCE_WEIGHTS = resource(
    "alliance_weights", "assumptions/alliance_weights.csv", "Dependence index: default weights (teaching assumption)",
    "Our default weights and scoring directions for the dependence index in notebook 01. A teaching judgement, not data.",
    [
        field("indicator", description="Indicator of table alliance_allies", enum=ALLIANCE_INDICATORS),
        field("weight", "number", "Weight in the index (unitless share; the index divides by the sum)", minimum=0),
        field("direction", description="Whether a higher value means more dependence on the US",
              enum=["higher means more dependent", "lower means more dependent"]),
        field("rationale", description="Why we chose this weight and direction"),
    ],
    ["indicator"],
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
              required=False, pattern=rf"^{PARAGRAPH}(;{PARAGRAPH})*$"),
        field("source_id", description="The published work the concept comes from"),
    ],
    ["concept_id"],
    [fk(["source_id"], "sources", ["source_id"])],
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
)

ALLIANCE_RESOURCES = [ALLIANCE_EXCHANGE, ALLIANCE_JAPAN_BUDGET, ALLIANCE_THREATS, ALLIANCE_ALLIES, ALLIANCE_WEIGHTS,
                      ALLIANCE_CONCEPTS, GLOSSARY_SOURCES]


# Evidence kind of each table of notebooks 00 and 01: a custom property of the resource, read by
# statusquo.article.evidence_kind (one of its six kinds), with a one-line note on why.
for _resource, _kind, _note in [
    (PARAGRAPHS, "the article says it", "our paraphrase of each paragraph"),
    (ACTORS, "the article says it", "who the article names or describes; two identifications come from sources"),
    (CLAIMS, "the article says it", "the article's statements, paraphrased; the kind of each is our reading"),
    (OPTIONS, "the article says it", "the offers P4 lists"),
    (EVENTS, "a source reported it", "every date comes from a report in data/sources.csv; the article gives few"),
    (QUOTES, "the article says it", "short remarks as the article quotes them"),
    (ALLIANCE_EXCHANGE, "a public source measured it", "counts and budgets as published; commitments as stated in official texts"),
    (ALLIANCE_JAPAN_BUDGET, "a public source measured it", "initial budgets as the Ministry of Defense and others publish them"),
    (ALLIANCE_THREATS, "a public source measured it", "official budgets, SIPRI's warhead estimates and Japan's launch counts"),
    (ALLIANCE_ALLIES, "a public source measured it", "troop counts, SIPRI spending shares and national export statistics"),
    (ALLIANCE_WEIGHTS, "we assume it", "weights and directions we chose for the index, with rationales"),
    (ALLIANCE_CONCEPTS, "published scholarship", "concepts from published work on alliances, in our words"),
    (GLOSSARY_SOURCES, "a source reported it", "what a law's text, an agency or a published work states about a term"),
]:
    _resource["evidence_kind"], _resource["evidence_note"] = _kind, _note

# --- Notebook 02 (trade risk): data/context/ and data/assumptions/ tables --------------------------
TRADE_GROUPS = ["autos", "auto_parts", "chips_and_equipment", "medical_items", "steel_and_aluminium", "all_other"]
USED = "True for the value the notebook uses; False for an alternative kept to record a disagreement"

TRADE_US_JAPAN_GOODS = resource(
    "trade_us_japan_goods", "context/trade_us_japan_goods.csv", "US goods trade with Japan",
    "US exports to Japan, imports from Japan and the balance by year, as published (Census basis where stated). "
    "Years with no confirmed figure have no row; disagreeing sources keep one row each.",
    [
        field("year", "integer", "Calendar year", minimum=2014, maximum=2024),
        field("flow", description="Which flow, seen from the US",
              enum=["exports_to_japan", "imports_from_japan", "balance"]),
        field("value_usd_bn", "number",
              "Value (USD billion, nominal); balance = exports minus imports, so negative = US deficit"),
        field("basis", description="Statistical basis and how the source reports it"),
        field("used", "boolean", USED),
        field("source_id", description="Source of the value"),
    ],
    ["year", "flow", "source_id"],
    [fk(["source_id"], "sources", ["source_id"])],
)

TRADE_DEFICIT_CLAIMS = resource(
    "trade_deficit_claims", "context/trade_deficit_claims.csv", "Trump's claims about the deficit with Japan",
    "What Trump said the US deficit with Japan was, with the measured year to compare it with.",
    [
        field("claim_id", description="Key", pattern=r"^TC\d{2}$"),
        field("date", "date", "Day the claim was made"),
        field("speaker", description="Who made it"),
        field("claimed_low_usd_bn", "number", "Lowest figure claimed (USD billion a year)", minimum=0),
        field("claimed_high_usd_bn", "number", "Highest figure claimed (USD billion a year)", minimum=0),
        field("compare_year", "integer", "Latest full year of measured data at the time of the claim"),
        field("what_was_said", description="Our paraphrase of the claim"),
        field("quote", description="Short verbatim words as reported (at most 25 words)", required=False,
              maxLength=200),
        field("source_id", description="Source that reports the claim"),
    ],
    ["claim_id"],
    [fk(["source_id"], "sources", ["source_id"])],
)

TRADE_JAPAN_2024 = resource(
    "trade_japan_2024", "context/trade_japan_2024.csv", "Japan's trade with the US and its economy, 2024",
    "Japan's 2024 exports, exports to the US and their product shares (Ministry of Finance), nominal GDP "
    "(Cabinet Office) and the customs exchange rate. Disagreeing sources keep one row each.",
    [
        field("indicator", description="What is measured", enum=[
            "total_exports", "total_imports", "exports_to_us", "imports_from_us", "surplus_with_us",
            "us_share_of_exports", "autos_and_parts_to_us", "autos_share_of_exports_to_us",
            "chips_share_of_exports_to_us", "medical_share_of_exports_to_us",
            "steel_aluminium_share_of_exports_to_us", "nominal_gdp", "jpy_per_usd"]),
        field("value", "number", "Value, in the unit of the next column (JPY trillion, percent, or JPY per USD)"),
        field("unit", description="Unit of value", enum=["JPY tn", "percent", "JPY per USD"]),
        field("basis", description="Statistical basis, release and caveats"),
        field("used", "boolean", USED),
        field("source_id", description="Source of the value"),
    ],
    ["indicator", "source_id"],
    [fk(["source_id"], "sources", ["source_id"])],
)

TRADE_INVESTMENT_TIES = resource(
    "trade_investment_ties", "context/trade_investment_ties.csv", "Japanese investment and jobs in the US",
    "Direct investment positions in the US (BEA, historical cost, as cited) and US jobs at Japanese-owned firms.",
    [
        field("indicator", description="What is measured",
              enum=["fdi_position_in_us", "years_as_largest_investor", "us_jobs_at_japanese_owned_firms"]),
        field("entity", description="Investing country", enum=["Japan", "Canada", "All countries"]),
        field("year", "integer", "Year the value refers to"),
        field("value", "number", "Value, in the unit of the next column (USD billion, employees, or years)",
              minimum=0),
        field("unit", description="Unit of value", enum=["USD bn", "employees", "years"]),
        field("basis", description="Statistical basis and how the source reports it"),
        field("used", "boolean", USED),
        field("source_id", description="Source of the value"),
    ],
    ["indicator", "entity", "year", "source_id"],
    [fk(["source_id"], "sources", ["source_id"])],
)

TRADE_INVESTMENT_CLAIMS = resource(
    "trade_investment_claims", "context/trade_investment_claims.csv", "Japanese leaders' claims about investment in the US",
    "What Japan's side said about its investment in the US at the February 2025 summit, to be checked against BEA figures.",
    [
        field("claim_id", description="Key", pattern=r"^JC\d{2}$"),
        field("date", "date", "Day the claim was made"),
        field("speaker", description="Who made it"),
        field("claim", description="Short key of what is claimed", pattern=r"^[a-z0-9_]+$"),
        field("what_was_said", description="Our paraphrase of the claim"),
        field("compare_years", description="Years of measured data the claim is checked against"),
        field("source_id", description="Source that reports the claim"),
    ],
    ["claim_id"],
    [fk(["source_id"], "sources", ["source_id"])],
)

TRADE_TARIFF_THREATS = resource(
    "trade_tariff_threats", "context/trade_tariff_threats.csv", "Tariff threats, orders and pauses",
    "Trump's tariff threats, orders and pauses from the 2023 campaign to February 2025, each dated by a source.",
    [
        field("threat_id", description="Key", pattern=r"^T\d{2}$"),
        field("date", "date", "Day of the statement or order (empty when no source shows it)", required=False),
        field("date_note", description="How the date was established, when not stated outright", required=False),
        field("kind", description="Threat (words), order (signed), or pause", enum=["threat", "order", "pause"]),
        field("target", description="Countries targeted"),
        field("sector", description="Goods covered"),
        field("rate_percent", "number", "Tariff rate named (percent), if any", required=False, minimum=0),
        field("label", description="Short label for the timeline"),
        field("description", description="Our paraphrase"),
        field("quote", description="Short verbatim words as reported (at most 25 words)", required=False,
              maxLength=200),
        field("source_id", description="Source that reports and dates it"),
    ],
    ["threat_id"],
    [fk(["source_id"], "sources", ["source_id"])],
)

TRADE_PARAMETER_ESTIMATES = resource(
    "trade_parameter_estimates", "context/trade_parameter_estimates.csv", "Published tariff pass-through and elasticity estimates",
    "Published estimates the trade model's parameters are chosen from. Elasticities are given as positive magnitudes.",
    [
        field("estimate_id", description="Key", pattern=r"^[a-z0-9_]+$"),
        field("parameter", description="Which model parameter it informs", enum=["pass_through", "import_elasticity"]),
        field("horizon", description="How long after the tariff change the estimate measures: short_run (about a year), "
              "long_run (7-10 years), or other (a different concept, not a horizon)", enum=["short_run", "long_run", "other"]),
        field("value", "number",
              "Estimate (pass-through: share of the tariff, 0-1; elasticity: % fall in imports per 1% price rise)",
              minimum=0),
        field("study", description="Authors and year"),
        field("setting", description="What episode or data the estimate comes from"),
        field("finding", description="Our paraphrase of the finding"),
        field("source_id", description="Where we read it"),
    ],
    ["estimate_id"],
    [fk(["source_id"], "sources", ["source_id"])],
)

TRADE_PARAMETERS = resource(
    "trade_parameters", "assumptions/trade_parameters.csv", "Trade model parameters",
    "Central value and low-high range of each uncertain parameter of the trade model, with the reason.",
    [
        field("parameter", description="Model parameter: pass-through, one summary elasticity, and the elasticity at "
              "each horizon", enum=["pass_through", "import_elasticity", "elasticity_short_run", "elasticity_long_run"]),
        field("central", "number", "Central value (pass-through: share 0-1; elasticity: % per %)", minimum=0),
        field("low", "number", "Low end of the range (same unit as central)", minimum=0),
        field("high", "number", "High end of the range (same unit as central)", minimum=0),
        field("unit", description="What the number means"),
        field("rationale", description="Why these values: the sources, and what is assumed"),
        field("source_id", description="Main source of the central value"),
    ],
    ["parameter"],
    [fk(["source_id"], "sources", ["source_id"])],
)

TRADE_SCENARIOS = resource(
    "trade_scenarios", "assumptions/trade_scenarios.csv", "Tariff scenarios",
    "US tariff rate on each group of Japanese goods in each scenario the notebook runs.",
    [
        field("scenario_id", description="Scenario key", pattern=r"^[a-z0-9_]+$"),
        field("label", description="Short label for charts"),
        field("product_group", description="Group of Japan's exports to the US", enum=TRADE_GROUPS),
        field("tariff_percent", "number", "Extra US tariff on the group (percent)", minimum=0),
        field("rationale", description="Why this scenario"),
        field("threat_id", description="Threat or order the rate is taken from", required=False),
    ],
    ["scenario_id", "product_group"],
    [fk(["threat_id"], "trade_tariff_threats", ["threat_id"])],
)

TRADE_RESOURCES = [TRADE_US_JAPAN_GOODS, TRADE_DEFICIT_CLAIMS, TRADE_JAPAN_2024, TRADE_INVESTMENT_TIES,
                   TRADE_INVESTMENT_CLAIMS, TRADE_TARIFF_THREATS, TRADE_PARAMETER_ESTIMATES, TRADE_PARAMETERS, TRADE_SCENARIOS]

# --- Notebooks 03 and 04 (offers, packages, bargaining theory): data/context/ and data/assumptions/ tables ----------------
BARGAINING_OPTIONS = ["buy_us_weapons", "buy_us_energy", "invest_us_ai", "share_defense_burden", "alaska_lng",
                      "raise_host_nation_support", "showcase_investment_jobs", "nippon_steel_investment"]
BARGAINING_AREAS = ["defense", "trade", "energy", "investment", "currency", "agriculture", "other"]
BARGAINING_OPTION_LIST = rf"^({'|'.join(BARGAINING_OPTIONS)})(;({'|'.join(BARGAINING_OPTIONS)}))*$"

BARGAINING_OFFER_SIZES = resource(
    "bargaining_offer_sizes", "context/bargaining_offer_sizes.csv", "How big each offer could be",
    "Public figures that size Japan's possible offers: arms purchases, LNG imports, the Alaska LNG project and "
    "SoftBank's and Stargate's US investment, and the host-nation support Trump asked for in 2019. Where sources disagree every figure is kept and `used` marks the one "
    "the notebook uses. Host-nation support and the defence budget are in the alliance tables of notebook 01.",
    [
        field("item_id", description="Key", pattern=r"^[a-z0-9_]+$"),
        field("option_id", description="Offer the figure sizes (an option of bargaining_option_scores)",
              enum=BARGAINING_OPTIONS),
        field("item", description="What is measured, in our words"),
        field("value", "number", "Size of the item, in `unit` (JPY bn, USD bn, million tonnes, aircraft or jobs)",
              minimum=0),
        field("unit", description="Unit of `value`"),
        field("period", description="Date or period the figure refers to (FY = April-March)"),
        field("basis", description="How the figure is defined, and any disagreement"),
        field("used", "boolean", "True for the figure the notebook uses; False for an alternative kept to record a "
              "disagreement"),
        field("source_id", description="Source of the figure"),
    ],
    ["item_id"],
    [fk(["source_id"], "sources", ["source_id"])],
)

BARGAINING_FMS_BUDGET = resource(
    "bargaining_fms_budget", "context/bargaining_fms_budget.csv", "Japan's purchases of US arms through FMS, by fiscal year",
    "Foreign Military Sales procurement: the initial budget on a contract basis FY2013-FY2024 (Cabinet answer to the "
    "Diet), and the Board of Audit's actual-contract figures, a different basis published after the article.",
    [
        field("fiscal_year", "integer", "Japanese fiscal year (April to March), e.g. 2024 = FY2024", minimum=2000,
              maximum=2030),
        field("basis", description="Budget or actual contracts",
              enum=["initial budget, contract basis", "actual contracts (Board of Audit)"]),
        field("value_jpy_bn", "number", "FMS procurement (JPY billion)", minimum=0),
        field("note", description="Where the figure comes from and caveats"),
        field("source_id", description="Source of the figure"),
    ],
    ["fiscal_year", "basis"],
    [fk(["source_id"], "sources", ["source_id"])],
)

BARGAINING_DOMESTIC = resource(
    "bargaining_domestic", "context/bargaining_domestic.csv", "Ishiba at home: seats, the runoff and the study sessions",
    "Lower-house seats after the 2024-10-27 election, the prime-ministerial runoff of 2024-11-11, and the size of "
    "Ishiba's pre-summit study sessions. Disagreeing figures keep one row each.",
    [
        field("indicator", description="What is measured", enum=[
            "coalition_seats", "majority_threshold", "total_seats", "ldp_seats", "komeito_seats", "cdp_seats",
            "coalition_seats_before", "pm_runoff_votes_ishiba", "pm_runoff_votes_noda", "pm_runoff_invalid_votes",
            "study_session_hours", "study_session_officials_min", "study_session_officials_max"]),
        field("entity", description="Party, chamber, person or meeting"),
        field("period", description="Date or period the figure refers to"),
        field("value", "number", "Value in `unit`: seats, votes, hours or officials (counts)", minimum=0),
        field("unit", description="Unit of `value`"),
        field("note", description="Basis and caveats", required=False),
        field("used", "boolean", "True for the figure the notebook uses; False for an alternative kept to record a "
              "disagreement"),
        field("source_id", description="Source of the figure"),
    ],
    ["indicator", "source_id"],
    [fk(["source_id"], "sources", ["source_id"])],
)

BARGAINING_DEMANDS = resource(
    "bargaining_demands", "context/bargaining_demands.csv", "US demands on Japan reported in the media",
    "Demands and expected demands on Japan from Trump, his nominees and his administration, from the first term to "
    "July 2025, each dated and labelled by how firm the report is. Our paraphrase; each row cites its source.",
    [
        field("demand_id", description="Key", pattern=r"^D\d{2}$"),
        field("date", "date", "Day the demand was made or reported (empty when the source gives no day)",
              required=False),
        field("date_as_reported", description="Date or period as the source gives it"),
        field("period", description="When it falls relative to the summit of 2025-02-07",
              enum=["first Trump term", "before the summit", "at the summit", "after the summit",
                    "later than the role-play window", "date not confirmed"]),
        field("area", description="Policy area", enum=BARGAINING_AREAS),
        field("status", description="How firm the report is", enum=[
            "reported demand", "reported demand (denied by Tokyo)", "speculation", "statement by Trump",
            "statement by Trump administration (report)", "statement by Trump nominee",
            "statement by White House press secretary"]),
        field("demand", description="Our paraphrase of the demand"),
        field("source_id", description="Source that reports it"),
    ],
    ["demand_id"],
    [fk(["source_id"], "sources", ["source_id"])],
)

BARGAINING_CONCEPTS = resource(
    "bargaining_concepts", "context/bargaining_concepts.csv", "Bargaining: concepts from the scholarship",
    "The models notebooks 03 and 04 use (Nash bargaining, Putnam's two-level game, Schelling on commitment), in our words, "
    "each tied to its published work and to the article's paragraphs.",
    [
        field("concept_id", description="Key", pattern=r"^[a-z0-9_]+$"),
        field("concept", description="Name of the concept"),
        field("summary", description="Our short paraphrase of the idea"),
        field("article_paragraphs", description="Paragraphs of the article where the idea applies, separated by ;",
              pattern=rf"^{PARAGRAPH}(;{PARAGRAPH})*$"),
        field("source_id", description="The published work the concept comes from"),
    ],
    ["concept_id"],
    [fk(["source_id"], "sources", ["source_id"])],
)

BARGAINING_US_DOMESTIC = resource(
    "bargaining_us_domestic", "context/bargaining_us_domestic.csv", "Washington at home: Congress, industry, unions",
    "What limits the US side at home in a deal with Japan: how a tariff agreement can take effect without a vote of "
    "Congress, and the organised opposition to Nippon Steel's bid for US Steel. Our paraphrase; each row cites its "
    "source.",
    [
        field("fact_id", description="Key", pattern=r"^[a-z0-9_]+$"),
        field("actor", description="Who acted or holds the power"),
        field("date", "date", "Day of the statement, decision or document"),
        field("level", description="Which part of the US domestic table", enum=["Congress", "president",
              "industry and unions"]),
        field("fact", description="Our paraphrase of what the source says"),
        field("source_id", description="Source that states it"),
    ],
    ["fact_id"],
    [fk(["source_id"], "sources", ["source_id"])],
)

BARGAINING_OPTION_SCORES = resource(
    "bargaining_option_scores", "assumptions/bargaining_option_scores.csv",
    "Offers scored: cost, visible value, strategic value, domestic cost (teaching judgement)",
    "Each offer scored 0-10 on four criteria for Japan and the US side, plus opposition in the US at home, each score with its written rationale. Every score is a teaching "
    "judgement, informed by the sized figures in bargaining_offer_sizes, not a measurement.",
    [
        field("option_id", description="Key", enum=BARGAINING_OPTIONS),
        field("label", description="Short label for charts"),
        field("article_option_id", description="The article's option (P4) this is, if any; empty for offers added "
              "from sourced context", required=False),
        field("area", description="Policy area the offer answers", enum=BARGAINING_AREAS),
        field("cost_to_japan", "integer", "Cost to Japan (score 0-10, 10 = most costly)", minimum=0, maximum=10),
        field("visible_value_us", "integer", "Visible value to the US side, a win Trump can show (score 0-10)",
              minimum=0, maximum=10),
        field("strategic_value_japan", "integer", "Strategic value to Japan itself (score 0-10)", minimum=0,
              maximum=10),
        field("domestic_political_cost", "integer", "Domestic political cost in Japan (score 0-10)", minimum=0,
              maximum=10),
        field("rationale_cost", description="Why this cost score"),
        field("rationale_visible", description="Why this visible-value score"),
        field("rationale_strategic", description="Why this strategic-value score"),
        field("rationale_domestic", description="Why this domestic-cost score"),
        field("us_domestic_opposition", "integer", "Opposition in the US at home: Congress, industry, unions "
              "(score 0-10, our judgement)", minimum=0, maximum=10),
        field("rationale_us_domestic", description="Why this US domestic-opposition score"),
        field("evidence", description="Kind of evidence: always a teaching judgement", enum=["teaching judgement"]),
    ],
    ["option_id"],
    [fk(["article_option_id"], "options", ["option_id"])],
)

BARGAINING_PARAMETERS = resource(
    "bargaining_parameters", "assumptions/bargaining_parameters.csv", "Bargaining model parameters (teaching assumptions)",
    "Weights, political budgets (Japan's and the US side's), the new-demand rate, the rapport curve, the Nash "
    "model's inputs (the security cost of no deal as a low, central and high case) and the role-play's thresholds. "
    "Each is an assumption or teaching judgement with its reason.",
    [
        # A pattern rather than a list: the role-play may add its own parameters; the code that reads a
        # parameter fails with its name when a row is missing.
        field("parameter", description="Parameter name", pattern=r"^[a-z][a-z0-9_]*$"),
        field("value", "number", "Value, in the unit of the next column (weights, score points, hours, demands per "
              "hour or shares)", minimum=0),
        field("unit", description="Unit of value"),
        field("rationale", description="Why this value"),
    ],
    ["parameter"],
)

BARGAINING_ROLEPLAY_RESPONSES = resource(
    "bargaining_roleplay_responses", "assumptions/bargaining_roleplay_responses.csv",
    "Role-play: how the US side may respond (teaching assumption)",
    "How the White House reacts to a package of small, medium or big visible value: how many faces of a six-sided "
    "die give each reaction (lowest faces first, in the order threatens, asks, welcomes; six in each band), and "
    "its effect on Japan's score.",
    [
        field("visible_band", description="Size of the package's visible value to the US", enum=["low", "medium", "high"]),
        field("response", description="US response", enum=["welcomes", "asks for more", "threatens tariffs"]),
        field("die_faces", "integer", "How many of the six faces of the die give this response in this band",
              minimum=0, maximum=6),
        field("score_effect", "number", "Points added to the team's score (negative = lost)"),
        field("rationale", description="Why"),
    ],
    ["visible_band", "response"],
)

BARGAINING_ROLEPLAY_DEMANDS = resource(
    "bargaining_roleplay_demands", "assumptions/bargaining_roleplay_demands.csv",
    "Role-play: which reported demands can be drawn, and what they cost (teaching assumption)",
    "For each demand of bargaining_demands: whether the role-play may draw it, which offers pre-empt it, and the "
    "points lost when it arrives unanswered.",
    [
        field("demand_id", description="Demand of bargaining_demands"),
        field("in_draw", "boolean", "True if the role-play may draw this demand"),
        field("pre_empted_by", description="Offers that answer the demand in advance, separated by ;", required=False,
              pattern=BARGAINING_OPTION_LIST),
        field("penalty", "number", "Points lost if the demand arrives and no offer in the package pre-empts it",
              minimum=0),
        field("rationale", description="Why"),
    ],
    ["demand_id"],
    [fk(["demand_id"], "bargaining_demands", ["demand_id"])],
)

BARGAINING_RESOURCES = [BARGAINING_OFFER_SIZES, BARGAINING_FMS_BUDGET, BARGAINING_DOMESTIC, BARGAINING_US_DOMESTIC,
                        BARGAINING_DEMANDS, BARGAINING_CONCEPTS, BARGAINING_OPTION_SCORES, BARGAINING_PARAMETERS,
                        BARGAINING_ROLEPLAY_RESPONSES, BARGAINING_ROLEPLAY_DEMANDS]

# --- Notebook 05 (the strategy council game): data/assumptions/ tables -------------------------------
COUNCIL_SIDES = ["japan", "us"]
COUNCIL_SOURCE_LIST = r"^[a-z0-9_]+(;[a-z0-9_]+)*$"
COUNCIL_ROLE_IDS = ["mofa", "mod", "meti", "mof", "whip", "white_house", "ustr", "commerce", "pentagon"]
COUNCIL_CRITERIA = ["visible", "strategic", "cost", "domestic", "threat", "alliance", "audience", "area_defense",
                    "area_trade", "area_energy", "area_investment", "area_agriculture", "area_currency"]

COUNCIL_ROLES = resource(
    "council_roles", "assumptions/council_roles.csv", "Strategy council: the roles and their briefs",
    "One row per role of the game, Japan's council and the US side: the domestic audience it faces, its interests, "
    "its red line (in words and as a measure of the deal), what it knows (facts, each followed by the source_id it "
    "comes from in square brackets) and what it may give. Interests and red lines are our judgement.",
    [
        field("role_id", description="Short key", enum=COUNCIL_ROLE_IDS),
        field("side", description="Which side the role plays", enum=COUNCIL_SIDES),
        field("title", description="Name of the role"),
        field("faces", description="The domestic audience the role answers to"),
        field("interests", description="What the role wants (our judgement)"),
        field("red_line", description="What the role will not accept, in words (our judgement)"),
        field("red_line_measure", description="The measure of the deal the red line is about",
              enum=["visible", "strategic", "cost", "domestic", "answered", "alliance", "audience"]),
        field("red_line_min", "number", "The red line is crossed below this value", required=False),
        field("red_line_max", "number", "The red line is crossed above this value", required=False),
        field("knows", description="Facts the role knows, each followed by [source_id]"),
        field("may_give", description="What the role may concede (our judgement)"),
        field("source_ids", description="The sources cited in knows, separated by ;", pattern=COUNCIL_SOURCE_LIST),
    ],
    ["role_id"],
)

COUNCIL_ROLE_WEIGHTS = resource(
    "council_role_weights", "assumptions/council_role_weights.csv", "Strategy council: how much each role weighs each criterion",
    "Our judgement, 0-3 per role and criterion. A team's weight on a criterion is the average of its roles' weights, "
    "weighted by the influence tokens the team gives each role. Japan's criteria: visible, strategic, cost, domestic, "
    "threat; the US side's: visible, alliance, audience, and area_* (how much an answered demand of that area pleases "
    "its audiences, and how likely a seeded US side is to make it).",
    [
        field("role_id", description="Role of council_roles", enum=COUNCIL_ROLE_IDS),
        field("criterion", description="What is weighed", enum=COUNCIL_CRITERIA),
        field("weight", "integer", "Weight (0-3)", minimum=0, maximum=3),
        field("rationale", description="Why"),
    ],
    ["role_id", "criterion"],
    [fk(["role_id"], "council_roles", ["role_id"])],
)

COUNCIL_OFFER_US_VALUES = resource(
    "council_offer_us_values", "assumptions/council_offer_us_values.csv", "Strategy council: what each offer is worth to the alliance, seen from the US",
    "Our judgement, 0-10: the value of each offer of bargaining_option_scores to the US side's strategic interest in the alliance.",
    [
        field("option_id", description="Offer of bargaining_option_scores"),
        field("alliance_value_us", "integer", "Alliance value to the US (score 0-10)", minimum=0, maximum=10),
        field("rationale", description="Why"),
    ],
    ["option_id"],
    [fk(["option_id"], "bargaining_option_scores", ["option_id"])],
)

COUNCIL_RULES = resource(
    "council_rules", "assumptions/council_rules.csv", "Strategy council: the rules of the game",
    "The numbers of the game's rules, known to both sides in advance: influence tokens, the demand limit, the die, "
    "the ratification thresholds on each side and what a failed deal costs. Each is our judgement or an assumption "
    "shared with notebook 03, with its reason.",
    [
        field("rule", description="Rule name", enum=["tokens_per_team", "max_demands", "die_sides", "diet_budget",
              "diet_step", "us_visible_minimum", "us_answer_bonus", "us_step", "no_deal_threat", "us_no_deal_loss",
              "visible_band_medium", "visible_band_high"]),
        field("value", "number", "Value, in the unit of the next column", minimum=0),
        field("unit", description="Unit of value"),
        field("rationale", description="Why this value"),
    ],
    ["rule"],
)

COUNCIL_RESOURCES = [COUNCIL_ROLES, COUNCIL_ROLE_WEIGHTS, COUNCIL_OFFER_US_VALUES, COUNCIL_RULES]

# --- Notebook 06 (what happened next): data/context/ tables ----------------------------------------
AFTERMATH_CATEGORIES = ["security", "trade", "investment", "energy", "domestic politics", "diplomacy"]
AFTERMATH_OUTCOMES = ["delivered", "partly delivered", "not delivered", "overtaken by events"]
AFTERMATH_VERDICTS = ["borne out", "partly borne out", "not borne out"]
EVENT_LIST = r"^[a-z0-9_]+(;[a-z0-9_]+)*$"

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
)

AFTERMATH_TARIFFS = resource(
    "aftermath_tariffs", "context/aftermath_tariffs.csv", "US tariff on Japanese cars and other goods, step by step",
    "Each change in the total US duty on a Japanese car and on other Japanese goods (shown for an item whose MFN duty "
    "is 0%) from the article's date, with its legal basis. A step runs from from_date to to_date inclusive.",
    [
        field("step_id", description="Key", pattern=r"^[a-z0-9_]+$"),
        field("product", description="Which goods", enum=["autos", "other goods"]),
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
)

AFTERMATH_LEDGER = resource(
    "aftermath_ledger", "context/aftermath_ledger.csv", "The article's asks and offers against what happened",
    "Each thing Japan sought (P3) and each concession on offer (P4), with our judgement of the outcome, the evidence in "
    "our words, the events it rests on and a source. The outcome is our judgement, not a measurement: evidence_kind says so.",
    [
        field("item_id", description="Key", pattern=r"^[a-z0-9_]+$"),
        field("side", description="Ask or offer", enum=["Japan sought (P3)", "Japan offered (P4)"]),
        field("paragraph", description="Paragraph of the article", enum=["P3", "P4"]),
        field("claim_id", description="The claim in table claims that states it"),
        field("option_id", description="The option in table options, for the P4 concessions", required=False),
        field("item", description="Short label"),
        field("outcome", description="What became of it (our judgement)", enum=AFTERMATH_OUTCOMES),
        field("evidence_kind", description="Kind of evidence the outcome is: always our judgement, a verdict we reached",
              enum=["our judgement"]),
        field("evidence", description="Why, in our words"),
        field("related_event_ids", description="Events of table aftermath_events the judgement rests on, separated by ;",
              pattern=EVENT_LIST),
        field("source_id", description="Main source of the evidence"),
    ],
    ["item_id"],
    [fk(["claim_id"], "claims", ["claim_id"]), fk(["option_id"], "options", ["option_id"]),
     fk(["paragraph"], "paragraphs", ["paragraph"]), fk(["source_id"], "sources", ["source_id"])],
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
              enum=["our judgement"]),
        field("evidence", description="Why, in our words"),
        field("related_event_ids", description="Events of table aftermath_events the verdict rests on, separated by ;",
              pattern=EVENT_LIST),
        field("source_id", description="Main source of the evidence"),
    ],
    ["expectation_id"],
    [fk(["speaker_id"], "actors", ["actor_id"]), fk(["claim_id"], "claims", ["claim_id"]),
     fk(["quote_id"], "quotes", ["quote_id"]), fk(["source_id"], "sources", ["source_id"])],
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
        field("product_group", description="Group of Japan's exports to the US", enum=TRADE_GROUPS),
        field("tariff_increase_percent", "number", "Extra US tariff over the pre-2025 duty (percentage points)",
              minimum=0, maximum=100),
        field("rationale", description="How the number is built, and what is assumed"),
        field("source_id", description="Main source of the rates of the period"),
    ],
    ["regime_id", "product_group"],
    [fk(["source_id"], "sources", ["source_id"])],
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
              enum=["value", "volume", "price"]),
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
)

AFTERMATH_RESOURCES = [AFTERMATH_EVENTS, AFTERMATH_TARIFFS, AFTERMATH_LEDGER, AFTERMATH_SCORECARD,
                       AFTERMATH_DISAGREEMENTS, AFTERMATH_MODEL_RATES, AFTERMATH_OUTCOMES_2025,
                       AFTERMATH_RETALIATION]

RESOURCES = [SOURCES, *ARTICLE_RESOURCES, *ALLIANCE_RESOURCES, *TRADE_RESOURCES, *BARGAINING_RESOURCES,
             *AFTERMATH_RESOURCES, *COUNCIL_RESOURCES]


def datapackage():
    return {
        "name": "status-quo-ask",
        "title": "The Status-Quo Ask: data",
        "description": (
            "Facts of the New York Times article of 2025-02-06 on Ishiba's first summit with Trump, "
            "paraphrased and tied to paragraphs, plus sourced public statistics and labelled assumptions."
        ),
        "profile": "tabular-data-package",
        "licenses": [{"name": "CC-BY-4.0", "title": "Creative Commons Attribution 4.0",
                      "path": "https://creativecommons.org/licenses/by/4.0/"}],
        "resources": RESOURCES,
    }


def render():
    return json.dumps(datapackage(), indent=2, ensure_ascii=False) + "\n"


if __name__ == "__main__":
    (ROOT / "data" / "datapackage.json").write_text(render(), encoding="utf-8")
    print("wrote data/datapackage.json")
