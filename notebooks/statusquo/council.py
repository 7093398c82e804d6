"""The strategy council (P11) as a two-level negotiation game: the rules, as pure functions.

One set of rules for three ways to play: paper handouts (tools/build_handouts.py prints these tables), the
notebook's entry form (statusquo.council_form) and a solo game against a seeded US side.

A table of the game pairs Japan's council (MOFA, MOD, METI, MOF and the coalition whip) with a US side (White
House, USTR, Commerce, Pentagon/INDOPACOM). In a round, both sides move at once:

* Japan's council picks a package of offers (data/assumptions/bargaining_option_scores.csv) and splits 10
  influence tokens among its roles. Its weights are the token-weighted average of the roles' weights
  (council_role_weights.csv), so whoever wins the argument inside the council changes what the team values.
* The US side picks up to 3 demands from the sourced demand list (data/context/bargaining_demands.csv; the
  role-play's draw list and which offers answer each demand: bargaining_roleplay_demands.csv) and splits its
  own 10 tokens.

Then three six-sided dice (or a seed) settle the level-II step and the White House's reaction:

* the Diet ratifies if the package's domestic cost is within the budget, or else on a roll of at least
  1 + (cost − budget);
* Congress and industry ratify if visible value + 3 × (demands answered) reaches the US minimum, or else on
  a roll of at least 1 + ceil(shortfall / 3);
* the White House's reaction (welcomes, asks for more, threatens tariffs) is read from its die and the
  package's visible band (bargaining_roleplay_responses.csv).

Japan's score of a ratified deal = w_V·V + w_S·S − w_C·C − w_P·P + w_T·(reaction points − penalties of the
unanswered demands). The US side's = u_V·V + u_A·A + u_aud·(area weights of the answered demands). If either
side fails to ratify there is no deal: Japan scores −w_T·(5 + penalties of all demands), the US −u_A·5.
Every number of these rules is in council_rules.csv, labelled as an assumption or our judgement.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cached_property, lru_cache

import numpy as np
import pandas as pd

from . import vocabulary
from .checks import is_whole_number, unknown_names
from .council_labels import SHORT_NAMES, demand_list, no_dollar_signs, package_labels, short_label  # noqa: F401
from .data import load
from .vocabulary import COUNCIL_SIDES, VISIBLE_BANDS, keyed_by

SCORES = ["cost_to_japan", "visible_value_us", "strategic_value_japan", "domestic_political_cost"]
# Each side weighs its own criteria of COUNCIL_CRITERIA; the US side also weighs the area_* criteria (AREAS).
JAPAN_CRITERIA = ["visible", "strategic", "cost", "domestic", "threat"]
US_CRITERIA = ["visible", "alliance", "audience"]
# The policy areas a US demand of the game can be in: those with an area_* criterion ("other" has none).
AREAS = [c.removeprefix("area_") for c in vocabulary.COUNCIL_CRITERIA if c.startswith("area_")]
REACTIONS = vocabulary.US_RESPONSES[::-1]   # lowest die faces first
DEFAULT_SEED = 20250207   # the summit's date: any whole number works
SIMULATION_BLOCK = 250     # plays scored together in simulate()


class MoveError(ValueError):
    """A move the rules refuse; the message says what to fix."""


@dataclass(frozen=True)
class Game:
    """Everything the rules read, loaded once (and never changed: the columns a simulation reads thousands
    of times are kept as plain arrays, made on first use)."""
    offers: pd.DataFrame          # option_id, label, the four scores, alliance_value_us
    demands: pd.DataFrame         # the draw list: demand_id, area, demand, answered_by (tuple), penalty
    roles: pd.DataFrame           # council_roles
    weights: pd.DataFrame         # role_id x criterion, 0-3
    rules: dict[str, float]
    reactions: pd.DataFrame       # visible_band, response, die_faces, score_effect
    answers: np.ndarray           # demands x offers: True where the offer answers the demand
    reaction_by_roll: dict        # (band, roll) -> (reaction, points for Japan)

    def role_ids(self, side: str) -> list[str]:
        return list(self.roles.loc[self.roles["side"] == side, "role_id"])

    def rule(self, name: str) -> float:
        return self.rules[name]

    @cached_property
    def demand_ids(self) -> list[str]:
        return list(self.demands["demand_id"])

    @cached_property
    def demand_index(self) -> dict[str, int]:
        return dict(zip(self.demand_ids, range(len(self.demand_ids))))

    @cached_property
    def demand_areas(self) -> np.ndarray:
        return self.demands["area"].to_numpy()

    @cached_property
    def demand_penalties(self) -> np.ndarray:
        return self.demands["penalty"].to_numpy()

    @cached_property
    def offer_values(self) -> np.ndarray:
        return self.offers[[*SCORES, "alliance_value_us"]].to_numpy()


@lru_cache(maxsize=1)
def game() -> Game:
    """Load and join the game's tables (cached: the rules are read thousands of times in a simulation)."""
    offers = load("bargaining_option_scores")[["option_id", "label", *SCORES]].merge(
        load("council_offer_us_values")[["option_id", "alliance_value_us"]], on="option_id", validate="1:1")
    offers = offers.astype({c: "float64" for c in [*SCORES, "alliance_value_us"]})
    draw = load("bargaining_roleplay_demands")
    draw = draw[draw["in_draw"].astype(bool)]
    demands = load("bargaining_demands")[["demand_id", "period", "area", "status", "demand", "source_id"]].merge(
        draw[["demand_id", "pre_empted_by", "penalty"]], on="demand_id").sort_values("demand_id")
    demands["answered_by"] = [tuple(str(v).split(";")) if pd.notna(v) else () for v in demands["pre_empted_by"]]
    demands["penalty"] = demands["penalty"].astype(float)
    weights = load("council_role_weights").pivot(index="role_id", columns="criterion", values="weight")
    rules = dict(zip(load("council_rules")["rule"], load("council_rules")["value"].astype(float)))
    demands = demands.drop(columns="pre_empted_by").reset_index(drop=True)
    answers = np.array([[o in row for o in offers["option_id"]] for row in demands["answered_by"]], bool)
    reactions = load("bargaining_roleplay_responses")
    by_roll = {}
    for band, rows in reactions.groupby("visible_band"):
        rows = rows.set_index("response").reindex(REACTIONS)
        top = np.cumsum(rows["die_faces"].to_numpy(int))   # faces 1..top[0] threaten, then ask, then welcome
        for roll in range(1, int(rules["die_sides"]) + 1):
            index = int(np.searchsorted(top, roll, side="left"))
            by_roll[(band, roll)] = (REACTIONS[index], float(rows["score_effect"].iloc[index]))
    return Game(offers.reset_index(drop=True), demands, load("council_roles"), weights.astype(float).fillna(0.0),
                rules, reactions, answers, by_roll)


# --- Checking a move: every refusal is a sentence ------------------------------------------------------

def _side_name(side: str) -> str:
    return keyed_by(COUNCIL_SIDES, {"japan": "Japan's council", "us": "the US side"})[side]


def check_tokens(side: str, tokens: Mapping[str, object] | None, g: Game | None = None) -> dict[str, int]:
    """The team's influence tokens by role: whole numbers >= 0 summing to the rule (10). None = an equal split."""
    g = g or game()
    if side not in COUNCIL_SIDES:
        raise MoveError(f"unknown side {side!r}: use 'japan' or 'us'")
    roles, total = g.role_ids(side), int(g.rule("tokens_per_team"))
    if tokens is None:
        share, rest = divmod(total, len(roles))
        return {role: share + (1 if i < rest else 0) for i, role in enumerate(roles)}
    if not isinstance(tokens, Mapping) or not tokens:
        raise MoveError(f"{_side_name(side)}: no tokens given; split {total} tokens among {roles}")
    unknown = unknown_names(tokens, roles)
    if unknown:
        raise MoveError(f"{_side_name(side)}: unknown role(s) {unknown}; the roles are {roles}")
    checked = {}
    for role in roles:
        value = tokens.get(role, 0)
        if isinstance(value, float) and value.is_integer():
            value = int(value)   # a widget may give 3.0
        if not is_whole_number(value) or value < 0:
            raise MoveError(f"{_side_name(side)}: tokens for {role} must be a whole number >= 0; got {value!r}")
        checked[role] = int(value)
    given = sum(checked.values())
    if given > total:
        raise MoveError(f"{_side_name(side)}: over budget: {given} tokens given, only {total} to split")
    if given < total:
        raise MoveError(f"{_side_name(side)}: {given} tokens given; split all {total}")
    return checked


def _check_ids(kind: str, items: object, known: list[str], side: str) -> list[str]:
    if isinstance(items, str) or not isinstance(items, Iterable):
        raise MoveError(f"{_side_name(side)}: give the {kind}s as a list of ids, e.g. [{known[0]!r}]")
    items = [str(i) for i in items]
    unknown = unknown_names(items, known)
    if unknown:
        raise MoveError(f"{_side_name(side)}: unknown {kind}(s) {unknown}; choose from {known}")
    twice = sorted({i for i in items if items.count(i) > 1})
    if twice:
        raise MoveError(f"{_side_name(side)}: {kind} {twice} listed twice")
    return items


def check_offers(offers: object, g: Game | None = None) -> list[str]:
    """Japan's package: a list of known offers, each once (an empty package is allowed: it offers nothing)."""
    g = g or game()
    return _check_ids("offer", offers, list(g.offers["option_id"]), "japan")


def check_demands(demands: object, g: Game | None = None) -> list[str]:
    """The US side's demands: 1 to 3 ids from the demand list, each once."""
    g = g or game()
    items = _check_ids("demand", demands, g.demand_ids, "us")
    limit = int(g.rule("max_demands"))
    if not items:
        raise MoveError(f"the US side: no demand given; choose 1 to {limit} from the demand list")
    if len(items) > limit:
        raise MoveError(f"the US side: over budget: {len(items)} demands, at most {limit} per round")
    return items


def team_weights(side: str, tokens: Mapping[str, object] | None = None, g: Game | None = None) -> dict[str, float]:
    """The team's weight on each criterion: its roles' weights averaged with the tokens as weights."""
    g = g or game()
    tokens = check_tokens(side, tokens, g)
    criteria = JAPAN_CRITERIA if side == "japan" else [*US_CRITERIA, *(f"area_{a}" for a in AREAS)]
    total = sum(tokens.values())
    return {c: sum(n * g.weights.loc[role, c] for role, n in tokens.items()) / total for c in criteria}


# --- The dice and the two ratification rules ------------------------------------------------------------

def dice(seed: int, g: Game | None = None) -> dict[str, int]:
    """The three rolls of a round (White House, Diet, Congress), the same for every table and every package."""
    if not is_whole_number(seed) or seed < 0:
        raise MoveError(f"seed must be a whole number >= 0; got {seed!r}")
    g = g or game()
    rolls = np.random.default_rng([int(seed), 1]).integers(1, int(g.rule("die_sides")) + 1, size=3)
    return {"white_house": int(rolls[0]), "diet": int(rolls[1]), "congress": int(rolls[2])}


def diet_needs(domestic_cost, g: Game | None = None):
    """The roll the Diet needs: 0 within the budget, else 1 + (cost − budget) / step; above 6 it cannot pass."""
    g = g or game()
    over = np.maximum(np.asarray(domestic_cost, float) - g.rule("diet_budget"), 0)
    return np.where(over > 0, 1 + np.ceil(over / g.rule("diet_step") - 1e-9), 0).astype(int)


def congress_needs(visible, answered, g: Game | None = None):
    """The roll Congress and industry need: 0 if visible + bonus × answered reaches the minimum, else more."""
    g = g or game()
    headline = np.asarray(visible, float) + g.rule("us_answer_bonus") * np.asarray(answered, float)
    short = np.maximum(g.rule("us_visible_minimum") - headline, 0)
    return np.where(short > 0, 1 + np.ceil(short / g.rule("us_step") - 1e-9), 0).astype(int)


def white_house_reaction(visible, roll: int, g: Game | None = None) -> tuple[np.ndarray, np.ndarray]:
    """(reaction, points for Japan) for each visible value, from the die and the visible band."""
    g = g or game()
    bands = VISIBLE_BANDS
    code = np.searchsorted([g.rule("visible_band_medium"), g.rule("visible_band_high")], np.asarray(visible, float),
                           side="right")
    names = np.array([g.reaction_by_roll[(b, int(roll))][0] for b in bands])
    points = np.array([g.reaction_by_roll[(b, int(roll))][1] for b in bands])
    return names[code], points[code]


# --- Scoring: every package at once, so one play and a thousand use the same lines -----------------------

@lru_cache(maxsize=1)
def package_matrix() -> tuple[np.ndarray, tuple[str, ...]]:
    """Row k says which offers package k holds (the bits of k); names join option ids with '+'."""
    ids = list(game().offers["option_id"])
    chosen = ((np.arange(2 ** len(ids))[:, None] >> np.arange(len(ids))[None, :]) & 1).astype(bool)
    return chosen, tuple("+".join(np.array(ids)[row]) or "(nothing)" for row in chosen)


def score_arrays(chosen: np.ndarray, demand_ids: list[str], rolls: Mapping[str, int],
                 japan: Mapping[str, float], us: Mapping[str, float], g: Game | None = None) -> dict[str, np.ndarray]:
    """Score each row of `chosen` (packages x offers, booleans) against the demands, the rolls and both teams'
    weights: the sums, the demands answered, both ratification steps and both scores, as arrays."""
    g = g or game()
    rows = np.array([[g.demand_index[d] for d in demand_ids]])
    one_play = score_plays(chosen, rows, {die: np.array([roll]) for die, roll in rolls.items()}, japan, us, g)
    return {name: values[0] for name, values in one_play.items()}


def score_plays(chosen: np.ndarray, rows: np.ndarray, rolls: Mapping[str, np.ndarray],
                japan: Mapping[str, float], us: Mapping[str, float], g: Game | None = None) -> dict[str, np.ndarray]:
    """score_arrays for many plays at once: `rows` is plays x demands (each a position in the demand list),
    `rolls` gives each die's roll in every play. Every array returned is plays x packages."""
    g = g or game()
    cost, visible, strategic, domestic, alliance = (chosen.astype(float) @ g.offer_values).T
    answers_all = (chosen.astype(int) @ g.answers.T.astype(int)) > 0                    # packages x demands
    answered = np.moveaxis(answers_all[:, rows], 0, 1)                              # plays x packages x asked
    penalty = g.demand_penalties[rows]                                                # plays x asked
    area_weight = np.array([us[f"area_{a}"] for a in g.demand_areas])[rows]
    # The reaction depends on the White House die and the package alone: worked out once per face rolled.
    faces, face_of_play = np.unique(rolls["white_house"], return_inverse=True)
    by_face = [white_house_reaction(visible, face, g) for face in faces]
    reaction = np.stack([names for names, _ in by_face])[face_of_play]
    reaction_points = np.stack([points for _, points in by_face])[face_of_play]
    needs_diet, needs_congress = diet_needs(domestic, g), congress_needs(visible, answered.sum(2), g)
    diet_ok = np.asarray(rolls["diet"])[:, None] >= needs_diet
    congress_ok = np.asarray(rolls["congress"])[:, None] >= needs_congress
    deal = diet_ok & congress_ok
    unanswered = (~answered * penalty[:, None, :]).sum(2)
    japan_deal = (japan["visible"] * visible + japan["strategic"] * strategic - japan["cost"] * cost
                  - japan["domestic"] * domestic + japan["threat"] * (reaction_points - unanswered))
    japan_none = -japan["threat"] * (g.rule("no_deal_threat") + penalty.sum(1))
    # One product per play, as a single play computes it, so both give the same floating-point sums.
    audience = np.stack([play.astype(float) @ weights for play, weights in zip(answered, area_weight)])
    us_deal = us["visible"] * visible + us["alliance"] * alliance + us["audience"] * audience
    return {
        "cost_to_japan": np.broadcast_to(cost, deal.shape), "visible_value_us": np.broadcast_to(visible, deal.shape),
        "strategic_value_japan": np.broadcast_to(strategic, deal.shape),
        "domestic_political_cost": np.broadcast_to(domestic, deal.shape),
        "alliance_value_us": np.broadcast_to(alliance, deal.shape), "answered": answered.sum(2),
        "audience_points": audience, "reaction": reaction, "reaction_points": reaction_points,
        "unanswered_penalty": unanswered, "diet_needs": np.broadcast_to(needs_diet, deal.shape),
        "diet_ratifies": diet_ok, "congress_needs": needs_congress, "congress_ratifies": congress_ok, "deal": deal,
        "japan_score": np.round(np.where(deal, japan_deal, japan_none[:, None]), 2),
        "us_score": np.round(np.where(deal, us_deal, -us["alliance"] * g.rule("us_no_deal_loss")), 2)}


def score_packages(*args, **kwargs) -> pd.DataFrame:
    """score_arrays as a table, one row per package."""
    return pd.DataFrame(score_arrays(*args, **kwargs))


def red_lines(record: Mapping[str, float], side: str, g: Game | None = None) -> list[str]:
    """The roles of `side` whose red line the deal crosses."""
    g = g or game()
    measure = keyed_by(vocabulary.RED_LINE_MEASURES, {
        "visible": "visible_value_us", "strategic": "strategic_value_japan", "cost": "cost_to_japan",
        "domestic": "domestic_political_cost", "answered": "answered", "alliance": "alliance_value_us",
        "audience": "audience_points"})
    crossed = []
    for role in g.roles[g.roles["side"] == side].itertuples():
        value = record[measure[role.red_line_measure]]
        if (pd.notna(role.red_line_min) and value < role.red_line_min) or \
                (pd.notna(role.red_line_max) and value > role.red_line_max):
            crossed.append(role.role_id)
    return crossed


def check_rolls(rolls: Mapping[str, object], g: Game | None = None) -> dict[str, int]:
    """Dice rolled in class: {"white_house": 1-6, "diet": 1-6, "congress": 1-6}."""
    g = g or game()
    sides = int(g.rule("die_sides"))
    if not isinstance(rolls, Mapping) or set(rolls) != {"white_house", "diet", "congress"}:
        raise MoveError("give the three rolls as {'white_house': ..., 'diet': ..., 'congress': ...}")
    checked = {}
    for name, value in rolls.items():
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if not is_whole_number(value) or not 1 <= value <= sides:
            raise MoveError(f"the {name} roll must be a whole number from 1 to {sides}; got {value!r}")
        checked[name] = int(value)
    return checked


def play_table(japan_move: Mapping, us_move: Mapping, seed: int, g: Game | None = None,
               rolls: Mapping[str, object] | None = None) -> dict:
    """One table's round. Moves: {"offers": [...], "tokens": {...}} and {"demands": [...], "tokens": {...}}
    (tokens may be left out: an equal split). The dice come from the seed, or from `rolls` made in class.
    Returns one record with every step of the scoring."""
    g = g or game()
    for name, move in (("Japan's move", japan_move), ("the US move", us_move)):
        if not isinstance(move, Mapping):
            raise MoveError(f"{name} must be a dict such as {{'offers': [...], 'tokens': {{...}}}}")
    offers, demands = check_offers(japan_move.get("offers", []), g), check_demands(us_move.get("demands", []), g)
    japan, us = team_weights("japan", japan_move.get("tokens"), g), team_weights("us", us_move.get("tokens"), g)
    rolls = dice(seed, g) if rolls is None else check_rolls(rolls, g)
    chosen = np.isin(g.offers["option_id"], offers)[None, :]
    record = score_packages(chosen, demands, rolls, japan, us, g).iloc[0].to_dict()
    answers = [d for d in demands if set(offers) & set(g.demands.set_index("demand_id").loc[d, "answered_by"])]
    record.update({"offers": "+".join(o for o in g.offers["option_id"] if o in offers) or "(nothing)",
                   "demands": ", ".join(demands), "demands_answered": ", ".join(answers) or "none",
                   "roll_white_house": rolls["white_house"], "roll_diet": rolls["diet"],
                   "roll_congress": rolls["congress"]})
    record["japan_red_lines"] = ", ".join(red_lines(record, "japan", g)) or "none"
    record["us_red_lines"] = ", ".join(red_lines(record, "us", g)) or "none"
    return record


RESULT_COLUMNS = ["table", "offers", "demands", "demands_answered", "reaction", "diet_ratifies", "congress_ratifies",
                  "deal", "japan_score", "us_score", "japan_red_lines", "us_red_lines"]


def play_round(tables: Iterable[Mapping], seed: int, g: Game | None = None,
               rolls: Mapping[str, object] | None = None) -> pd.DataFrame:
    """A class round: each entry {"table": name, "japan": move, "us": move}. All tables share the round's dice
    (from the seed, or the `rolls` made in class)."""
    g = g or game()
    rows, seen = [], set()
    for entry in tables:
        name = str(entry.get("table", "")).strip() if isinstance(entry, Mapping) else ""
        if not name:
            raise MoveError("every entry needs a table name, e.g. {'table': 'Table 1', 'japan': ..., 'us': ...}")
        if name in seen:
            raise MoveError(f"duplicate team: {name!r} is entered twice; remove one entry")
        seen.add(name)
        try:
            rows.append({"table": name, **play_table(entry.get("japan", {}), entry.get("us", {}), seed, g, rolls)})
        except MoveError as error:
            raise MoveError(f"{name}: {error}") from None
    if not rows:
        raise MoveError("no table entered yet: add each table's moves first")
    return pd.DataFrame(rows)


# --- The seeded US side (solo mode and simulation) ------------------------------------------------------

def seeded_demands(seed: int, us_tokens: Mapping[str, object] | None = None, g: Game | None = None,
                   weights: Mapping[str, float] | None = None) -> list[str]:
    """The demands a seeded US side makes: max_demands different demands, each drawn with a chance in
    proportion to the team's weight on its area (so a Pentagon-led side asks about defence)."""
    g = g or game()
    weights = weights or team_weights("us", us_tokens, g)
    chance = np.array([weights[f"area_{a}"] for a in g.demand_areas])
    if chance.sum() == 0:
        chance = np.ones(len(chance))
    size = min(int(g.rule("max_demands")), int((chance > 0).sum()))
    picked = np.random.default_rng([int(seed), 2]).choice(len(chance), size=size, replace=False, p=chance / chance.sum())
    return sorted(g.demand_ids[i] for i in picked)


def solo_round(offers: object, tokens: Mapping[str, object] | None = None, seed: int = DEFAULT_SEED) -> dict:
    """A student plays Japan's council against a seeded US side (equal tokens). Same seed, same game."""
    demands = seeded_demands(seed)
    return play_table({"offers": offers, "tokens": tokens}, {"demands": demands}, seed)


# --- Many plays: for the debrief, after the class has played ----------------------------------------------

def simulate(japan_tokens=None, us_tokens=None, seeds: Iterable[int] = range(1000), demands=None) -> pd.DataFrame:
    """Score every package in each of many plays (the US side seeded, or fixed `demands`); one row per play
    with the package that would have scored best for Japan (ties: lower domestic cost, fewer offers)."""
    g = game()
    chosen, names = package_matrix()
    japan, us = team_weights("japan", japan_tokens, g), team_weights("us", us_tokens, g)
    domestic, size = chosen.astype(float) @ g.offers["domestic_political_cost"].to_numpy(), chosen.sum(1)
    order = np.argsort(np.argsort(np.array(names)))   # alphabetical rank, the last tie-break
    seeds = list(seeds)
    fixed = check_demands(demands, g) if demands is not None else None
    asked = [fixed or seeded_demands(seed, g=g, weights=us) for seed in seeds]
    rolled = [dice(seed, g) for seed in seeds]
    rows = []
    # The dice and the seeded demands are drawn play by play (each play's own seed); the scoring is done for
    # a block of plays at once, in blocks small enough to keep memory low.
    for start in range(0, len(seeds), SIMULATION_BLOCK):
        block = range(start, min(start + SIMULATION_BLOCK, len(seeds)))
        scored = score_plays(chosen, np.array([[g.demand_index[d] for d in asked[i]] for i in block]),
                             {die: np.array([rolled[i][die] for i in block]) for die in rolled[0]}, japan, us, g)
        keys = [np.broadcast_to(key, scored["japan_score"].shape) for key in (order, size, domestic)]
        best = np.lexsort((*keys, -scored["japan_score"]), axis=-1)[:, 0]
        for play, i in enumerate(block):
            rows.append({"seed": seeds[i], "demands": ", ".join(asked[i]), "winner": names[best[play]],
                         "winner_score": scored["japan_score"][play, best[play]],
                         "winner_deal": bool(scored["deal"][play, best[play]]),
                         "mean_score": scored["japan_score"][play]})
    return pd.DataFrame(rows)


def win_shares(plays: pd.DataFrame) -> pd.DataFrame:
    """How often each package was the best one, most often first."""
    counts = plays["winner"].value_counts()
    table = pd.DataFrame({"package": counts.index, "wins": counts.to_numpy()})
    table["share"] = table["wins"] / len(plays)
    return table.sort_values(["wins", "package"], ascending=[False, True], kind="stable").reset_index(drop=True)


def mean_scores(plays: pd.DataFrame) -> pd.DataFrame:
    """Each package's mean Japan score over the plays: the best package *on average* (the ex-ante answer)."""
    _, names = package_matrix()
    table = pd.DataFrame({"package": names, "mean_score": np.vstack(plays["mean_score"]).mean(0)})
    return table.sort_values(["mean_score", "package"], ascending=[False, True]).reset_index(drop=True)


def share_distance(first: pd.DataFrame, second: pd.DataFrame) -> float:
    """Total-variation distance between two win distributions (0 = the same, 1 = no package in common)."""
    a, b = first.set_index("package")["share"], second.set_index("package")["share"]
    return float(0.5 * a.sub(b, fill_value=0).abs().sum())
