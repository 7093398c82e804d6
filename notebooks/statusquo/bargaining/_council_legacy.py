"""The classroom game of notebook 05 (the strategy council), kept here unchanged until it moves to
statusquo.council. Nothing in notebooks 03 and 04 uses it; `statusquo.bargaining` re-exports its names.

`run_council` draws the US side's response and new demands (from demands reported in the media, table
bargaining_demands) with numpy's seeded generator, so the same seed gives the same result.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from ..data import load
from .common import (
    SCORES,
    check_budget,
    check_hours,
    check_rate,
    check_scores,
    check_weights,
    default_weights,
    parameter,
    plain_scores,
)
from .meetings import rapport_benefit
from .offers import package_labels

RESPONSES = ["welcomes", "asks for more", "threatens tariffs"]


# --- The classroom game: the strategy council -------------------------------------------------------

def _team_plan(team: str, plan, known: set[str], default_hours: float) -> tuple[list[str], float]:
    """(offers, hours) from a list of offers or a dict {'options': [...], 'hours': h}."""
    if isinstance(plan, Mapping):
        options, hours = plan.get("options", []), plan.get("hours", default_hours)
    else:
        options, hours = plan, default_hours
    if isinstance(options, str):
        raise ValueError(f"team {team!r}: give the offers as a list of option ids, not one string")
    options = list(options)
    unknown = sorted(set(options) - known)
    if unknown:
        raise ValueError(f"team {team!r}: unknown offer(s) {unknown}; choose from {sorted(known)}")
    if len(set(options)) != len(options):
        raise ValueError(f"team {team!r}: an offer is listed twice")
    return options, check_hours(hours, f"hours of team {team!r}")


def visible_band(visible: float, medium_from: float, high_from: float) -> str:
    """'low', 'medium' or 'high' visible value, by the role-play's thresholds."""
    if visible >= high_from:
        return "high"
    return "medium" if visible >= medium_from else "low"


def run_council(team_packages: Mapping[str, object], seed: int, *, scores: pd.DataFrame | None = None,
                parameters: pd.DataFrame | None = None, responses: pd.DataFrame | None = None,
                demands: pd.DataFrame | None = None, roleplay_demands: pd.DataFrame | None = None,
                budget: float | None = None) -> pd.DataFrame:
    """Play one summit for every team and return the results table, best score first.

    team_packages: {team name: [option ids]} or {team name: {"options": [...], "hours": meeting hours}}.
    All teams face the same Trump: one random number sets the US side's mood, and one stream of demand
    arrivals (a Poisson process at the table's rate, each a different demand from the role-play's draw
    list) is drawn for the longest meeting; a team meets only
    the demands that arrive before its meeting ends. Differences between teams therefore come from their
    choices, not from luck. The same seed always gives the same table.

    Score = package value (w_V·V + w_S·S − w_C·C) + rapport(hours) + US response points
            − penalty of each new demand the package does not pre-empt − over-budget penalty.
    """
    if not isinstance(seed, (int, np.integer)) or isinstance(seed, bool) or seed < 0:
        raise ValueError(f"seed must be a whole number >= 0; got {seed!r}")
    if not isinstance(team_packages, Mapping) or not team_packages:
        raise ValueError("team_packages must be a non-empty dict {team name: [option ids]}")
    scores = load("bargaining_option_scores") if scores is None else scores
    parameters = load("bargaining_parameters") if parameters is None else parameters
    responses = load("bargaining_roleplay_responses") if responses is None else responses
    demands = load("bargaining_demands") if demands is None else demands
    roleplay_demands = load("bargaining_roleplay_demands") if roleplay_demands is None else roleplay_demands
    check_scores(scores)
    budget = parameter(parameters, "budget_minority") if budget is None else check_budget(budget)
    weights = check_weights(default_weights(parameters))
    rate = check_rate(parameter(parameters, "demand_rate_per_hour"))
    default_hours = parameter(parameters, "default_meeting_hours")
    plans = {team: _team_plan(str(team), plan, set(scores["option_id"]), default_hours)
             for team, plan in team_packages.items()}

    # The draws, made once for the whole class, in a fixed order.
    rng = np.random.default_rng(seed)
    mood = rng.random()
    longest = max(hours for _, hours in plans.values())
    pool = roleplay_demands[roleplay_demands["in_draw"].astype(bool)].sort_values("demand_id")
    if pool.empty:
        raise ValueError("bargaining_roleplay_demands: no demand is marked in_draw")
    arrivals, clock, remaining = [], 0.0, list(pool["demand_id"])
    # Each arrival is a demand not yet made: drawn without replacement, so nothing is asked twice.
    while rate > 0 and remaining:
        clock += rng.exponential(1 / rate)
        if clock > longest:
            break
        arrivals.append((clock, remaining.pop(int(rng.integers(len(remaining))))))

    table = plain_scores(scores).set_index("option_id")
    pre_empted_by = {row.demand_id: set(str(row.pre_empted_by).split(";")) if pd.notna(row.pre_empted_by) else set()
                     for row in pool.itertuples()}
    penalty = {row.demand_id: float(row.penalty) for row in pool.itertuples()}
    response_table = {band: group.set_index("response").reindex(RESPONSES)
                      for band, group in responses.groupby("visible_band")}
    medium_from, high_from = parameter(parameters, "visible_band_medium"), parameter(parameters, "visible_band_high")
    over_budget = parameter(parameters, "over_budget_penalty")
    rapport_max, tau = parameter(parameters, "rapport_max"), parameter(parameters, "rapport_time_constant_hours")

    rows = []
    for team, (options, hours) in plans.items():
        totals = table.loc[options, SCORES].sum() if options else pd.Series(0.0, index=SCORES)
        value = (weights["visible"] * totals["visible_value_us"] + weights["strategic"] * totals["strategic_value_japan"]
                 - weights["cost"] * totals["cost_to_japan"])
        band = visible_band(totals["visible_value_us"], medium_from, high_from)
        chances = response_table[band]
        # The shared mood is read against this band's cumulative chances: the same Trump, a different package.
        position = int(np.searchsorted(chances["probability"].cumsum().to_numpy(float), mood, side="right"))
        response = RESPONSES[min(position, len(RESPONSES) - 1)]
        met = [demand for time, demand in arrivals if time <= hours]
        answered = [d for d in met if pre_empted_by[d] & set(options)]
        demand_points = 0.0 - sum(penalty[d] for d in met if d not in answered)
        budget_points = 0.0 - over_budget * max(0.0, totals["domestic_political_cost"] - budget) + 0.0
        rapport = float(rapport_benefit(hours, rapport_max, tau))
        response_points = float(chances.loc[response, "score_effect"])
        rows.append({
            "team": str(team), "offers": package_labels("+".join(options) or "(nothing)", scores), "hours": hours,
            "cost_to_japan": totals["cost_to_japan"], "visible_value_us": totals["visible_value_us"],
            "strategic_value_japan": totals["strategic_value_japan"],
            "domestic_political_cost": totals["domestic_political_cost"],
            "within_budget": bool(totals["domestic_political_cost"] <= budget),
            "package_value": value, "rapport": round(rapport, 2), "us_response": response,
            "response_points": response_points,
            "new_demands": ", ".join(met) if met else "none",
            "pre_empted": ", ".join(answered) if answered else "none",
            "demand_points": demand_points, "budget_points": budget_points,
            "score": round(value + rapport + response_points + demand_points + budget_points, 2),
        })
    results = pd.DataFrame(rows)
    results["rank"] = results["score"].rank(ascending=False, method="min").astype(int)
    results = results.sort_values(["rank", "team"], kind="stable").reset_index(drop=True)
    results.attrs["arrivals"] = pd.DataFrame(arrivals, columns=["hour", "demand_id"])
    results.attrs["mood"] = mood
    return results


def council_many_rounds(team_packages: Mapping[str, object], seed: int, rounds: int, **tables) -> pd.DataFrame:
    """Play `rounds` summits (seeds drawn from `seed`) and summarise each team: mean score, its spread,
    how often the US side welcomed the package, and the mean rank. Shows luck against strategy."""
    if not isinstance(rounds, (int, np.integer)) or isinstance(rounds, bool) or not 1 <= rounds <= 10_000:
        raise ValueError(f"rounds must be a whole number from 1 to 10000; got {rounds!r}")
    if not isinstance(seed, (int, np.integer)) or isinstance(seed, bool) or seed < 0:
        raise ValueError(f"seed must be a whole number >= 0; got {seed!r}")
    tables = {name: (load(f"bargaining_{table}") if tables.get(name) is None else tables[name])
              for name, table in [("scores", "option_scores"), ("parameters", "parameters"),
                                  ("responses", "roleplay_responses"), ("demands", "demands"),
                                  ("roleplay_demands", "roleplay_demands")]}
    seeds = np.random.default_rng(seed).integers(0, 2 ** 31, size=rounds)
    runs = []
    for i, round_seed in enumerate(seeds):
        one = run_council(team_packages, int(round_seed), **tables)
        one.attrs = {}  # the draws of each round are not needed in the summary
        runs.append(one.assign(round=i))
    runs = pd.concat(runs, ignore_index=True)
    summary = runs.groupby("team").agg(mean_score=("score", "mean"), sd_score=("score", "std"),
                                       welcomed_share=("us_response", lambda r: (r == "welcomes").mean()),
                                       mean_rank=("rank", "mean"))
    return summary.sort_values(["mean_score"], ascending=False, kind="stable").round(2).reset_index()
