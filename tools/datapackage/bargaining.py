"""Notebooks 03 and 04 (offers, packages, bargaining theory): their data/context/ and data/assumptions/ tables."""

from __future__ import annotations

from statusquo.vocabulary import (
    BARGAINING_AREAS,
    BARGAINING_OPTIONS,
    JUDGEMENT,
    MEASURED,
    REPORTED,
    SCHOLARSHIP,
    SUMMIT_DATE,
    US_RESPONSES,
    VISIBLE_BANDS,
)

from .fields import PARAGRAPH_LIST, field, fk, resource

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
    evidence=(MEASURED, "budgets and trade figures; pledges are statements, noted as such"),
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
        field("period", description=f"When it falls relative to the summit of {SUMMIT_DATE}",
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
    evidence=(REPORTED, "demands as the media reported them"),
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
              pattern=PARAGRAPH_LIST),
        field("source_id", description="The published work the concept comes from"),
    ],
    ["concept_id"],
    [fk(["source_id"], "sources", ["source_id"])],
    evidence=(SCHOLARSHIP, "models from published work, in our words"),
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
    evidence=(REPORTED, "positions of Congress, unions and industry, as reported"),
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
    evidence=(JUDGEMENT, "scores 0-10 we gave each offer, with reasons"),
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
        field("visible_band", description="Size of the package's visible value to the US", enum=VISIBLE_BANDS),
        field("response", description="US response", enum=US_RESPONSES),
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
