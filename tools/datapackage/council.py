"""Notebook 05 (the strategy council game): its data/assumptions/ tables."""

from __future__ import annotations

from statusquo.vocabulary import (
    ASSUMED,
    COUNCIL_CRITERIA,
    COUNCIL_ROLE_IDS,
    COUNCIL_SIDES,
    JUDGEMENT,
    RED_LINE_MEASURES,
)

from .fields import KEY_LIST, field, fk, resource

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
              enum=RED_LINE_MEASURES),
        field("red_line_min", "number", "The red line is crossed below this value", required=False),
        field("red_line_max", "number", "The red line is crossed above this value", required=False),
        field("knows", description="Facts the role knows, each followed by [source_id]"),
        field("may_give", description="What the role may concede (our judgement)"),
        field("source_ids", description="The sources cited in knows, separated by ;", pattern=KEY_LIST),
    ],
    ["role_id"],
    evidence=(JUDGEMENT, "the game's role briefs: interests and red lines we drew from the sources"),
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
    evidence=(ASSUMED, "how much each role cares about each goal, for the game"),
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
    evidence=(JUDGEMENT, "how each offer reads to each US audience, with reasons"),
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
    evidence=(ASSUMED, "the game's rules, known to both sides in advance"),
)

COUNCIL_RESOURCES = [COUNCIL_ROLES, COUNCIL_ROLE_WEIGHTS, COUNCIL_OFFER_US_VALUES, COUNCIL_RULES]
