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
        field("url", description="Address the source was read at", pattern=r"^https://\S+$"),
        field("published", "date", "Publication date, when the source gives one", required=False),
        field("accessed", "date", "Date we read it"),
        field("kind", description="What sort of source it is",
              enum=["news article", "news report", "government", "statistics", "scholarly", "company"]),
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
        field("source_id", description="Source of the figure"),
    ],
    ["indicator", "year"],
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

ALLIANCE_RESOURCES = [ALLIANCE_EXCHANGE, ALLIANCE_JAPAN_BUDGET, ALLIANCE_THREATS, ALLIANCE_ALLIES, ALLIANCE_WEIGHTS,
                      ALLIANCE_CONCEPTS]

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
              "Value (US$ billion, nominal); balance = exports minus imports, so negative = US deficit"),
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
        field("claimed_low_usd_bn", "number", "Lowest figure claimed (US$ billion a year)", minimum=0),
        field("claimed_high_usd_bn", "number", "Highest figure claimed (US$ billion a year)", minimum=0),
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
        field("value", "number", "Value, in the unit of the next column (JPY trillion, percent, or JPY per US$)"),
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
        field("value", "number", "Value, in the unit of the next column (US$ billion, employees, or years)",
              minimum=0),
        field("unit", description="Unit of value", enum=["USD bn", "employees", "years"]),
        field("basis", description="Statistical basis and how the source reports it"),
        field("used", "boolean", USED),
        field("source_id", description="Source of the value"),
    ],
    ["indicator", "entity", "year", "source_id"],
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
        field("parameter", description="Model parameter", enum=["pass_through", "import_elasticity"]),
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
                   TRADE_TARIFF_THREATS, TRADE_PARAMETER_ESTIMATES, TRADE_PARAMETERS, TRADE_SCENARIOS]

RESOURCES = [SOURCES, *ARTICLE_RESOURCES, *ALLIANCE_RESOURCES, *TRADE_RESOURCES]


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
