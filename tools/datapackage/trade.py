"""Notebook 02 (trade risk): its data/context/ and data/assumptions/ tables."""

from __future__ import annotations

from statusquo.vocabulary import (
    INVESTMENT_ENTITIES,
    PRODUCT_GROUPS,
    REPORTED,
    SCHOLARSHIP,
    TRADE_FLOWS,
)

from .fields import field, fk, resource

USED = "True for the value the notebook uses; False for an alternative kept to record a disagreement"

TRADE_US_JAPAN_GOODS = resource(
    "trade_us_japan_goods", "context/trade_us_japan_goods.csv", "US goods trade with Japan",
    "US exports to Japan, imports from Japan and the balance by year, as published (Census basis where stated). "
    "Years with no confirmed figure have no row; disagreeing sources keep one row each.",
    [
        field("year", "integer", "Calendar year", minimum=2014, maximum=2024),
        field("flow", description="Which flow, seen from the US",
              enum=TRADE_FLOWS),
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
    evidence=(REPORTED, "what Trump said the deficit was, as reported"),
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
        field("entity", description="Investing country", enum=INVESTMENT_ENTITIES),
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
    evidence=(REPORTED, "what each government said about investment, as reported"),
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
    evidence=(REPORTED, "threats, orders and pauses as reported and dated"),
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
    evidence=(SCHOLARSHIP, "estimates from published studies"),
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
        field("product_group", description="Group of Japan's exports to the US", enum=PRODUCT_GROUPS),
        field("tariff_percent", "number", "Extra US tariff on the group (percent)", minimum=0),
        field("rationale", description="Why this scenario"),
        field("threat_id", description="Threat or order the rate is taken from", required=False),
    ],
    ["scenario_id", "product_group"],
    [fk(["threat_id"], "trade_tariff_threats", ["threat_id"])],
)

TRADE_RESOURCES = [TRADE_US_JAPAN_GOODS, TRADE_DEFICIT_CLAIMS, TRADE_JAPAN_2024, TRADE_INVESTMENT_TIES,
                   TRADE_INVESTMENT_CLAIMS, TRADE_TARIFF_THREATS, TRADE_PARAMETER_ESTIMATES, TRADE_PARAMETERS, TRADE_SCENARIOS]
