"""After the strategy council has been played: luck or strategy, the class's deals beside what happened, and
notebook 05's exercises. The rules are in statusquo.council; nothing here runs before the class has played.
"""

from __future__ import annotations

from functools import lru_cache

import pandas as pd

from . import council
from .data import load
from .exercises import PERCENT_AS_FRACTION, Slip, choice_exercise, numeric_exercise, prediction
from .vocabulary import BARGAINING_OPTIONS, keyed_by

PLAYS = 1000   # simulated plays per setting: enough that a share moves by about 1.5 points at most between runs

# Which entry of the record speaks to each offer of the game (our judgement of the match). Ledger rows are
# notebook 06's verdicts on the article's four P4 offers; events are dated facts for the other four.
RECORD_FOR_OFFER = keyed_by(BARGAINING_OPTIONS, {
    "buy_us_weapons": ("ledger", "buy_us_weapons"),
    "buy_us_energy": ("ledger", "buy_us_energy"),
    "invest_us_ai": ("ledger", "invest_us_ai"),
    "share_defense_burden": ("ledger", "share_defense_burden"),
    "alaska_lng": ("event", "jera_alaska_loi"),
    "nippon_steel_investment": ("event", "nippon_steel_approved"),
    "showcase_investment_jobs": ("event", "js_investment_1tn"),
    "raise_host_nation_support": (None, None),
})
DEAL_EVENTS = ["deal_announced_15pct", "deal_autos_15pct", "eo_14345_signed", "investment_mou_signed",
               "wh_fact_sheet_energy"]

SETTINGS = {
    "default council and US side (equal tokens)": {},
    "whip-led council (all 10 tokens to the whip)": {"japan_tokens": {"whip": 10}},
    "Pentagon-led US side (all 10 tokens to the Pentagon)": {"us_tokens": {"pentagon": 10}},
}


@lru_cache(maxsize=8)
def _plays(setting: str) -> pd.DataFrame:
    return council.simulate(seeds=range(PLAYS), **SETTINGS[setting])


def plays(setting: str = next(iter(SETTINGS))) -> pd.DataFrame:
    """The simulated plays of one setting (cached: the same seeds give the same plays)."""
    return _plays(setting).copy()


def offer_key() -> pd.DataFrame:
    """The short names the charts use, beside each offer's full label."""
    offers = council.game().offers
    return pd.DataFrame({"short name": [council.SHORT_NAMES[o] for o in offers["option_id"]], "offer": offers["label"]})


def win_table(setting: str = next(iter(SETTINGS)), top: int = 5) -> pd.DataFrame:
    """The packages that were best most often, with their offers in short names and their mean score."""
    shares = council.win_shares(_plays(setting))
    means = council.mean_scores(_plays(setting)).set_index("package")["mean_score"]
    table = shares.head(top).assign(offers=lambda t: [council.short_label(p) for p in t["package"]],
                                    mean_score=lambda t: means.loc[t["package"]].round(1).to_numpy())
    return table[["offers", "wins", "share", "mean_score"]]


def compare_settings(top: int = 3) -> pd.DataFrame:
    """Share of plays won by each package that is among the top in any setting, one column per setting."""
    shares = {name: council.win_shares(_plays(name)).set_index("package")["share"] for name in SETTINGS}
    # Ties (packages that never win under the default) are ordered by name, never by set order.
    packages = sorted({p for s in shares.values() for p in s.head(top).index},
                      key=lambda p: (-shares[next(iter(SETTINGS))].get(p, 0), council.short_label(p)))
    return pd.DataFrame({name: [s.get(p, 0.0) for p in packages] for name, s in shares.items()},
                        index=pd.Index([council.short_label(p) for p in packages], name="package"))


def draw_settings(ax, table: pd.DataFrame, title: str = "The best package in each play: share of 1,000 plays") -> None:
    """Grouped horizontal bars, one colour and hatch per setting."""
    import numpy as np

    from .plots import SERIES_COLOURS

    y = np.arange(len(table))
    height = 0.8 / len(table.columns)
    for i, (name, hatch) in enumerate(zip(table.columns, ["", "//", ".."])):
        ax.barh(y + (i - (len(table.columns) - 1) / 2) * height, table[name] * 100, height,
                color=SERIES_COLOURS[i], hatch=hatch, edgecolor="black", label=name)
    ax.set_yticks(y, table.index, fontsize=10)
    ax.invert_yaxis()
    ax.set_xlabel("Share of simulated plays in which the package scored best for Japan (%)")
    ax.set_title(title)
    # Below the axes: inside, the legend would cover the bars of the lower packages.
    ax.legend(fontsize=10, loc="upper left", bbox_to_anchor=(0, -0.14), frameon=False)


def show_settings() -> None:
    """Draw the three settings' win shares and publish the chart with alt text built from the shares."""
    import matplotlib.pyplot as plt

    from . import plots

    table = compare_settings()
    fig, ax = plt.subplots(figsize=(9, 5.2), layout="constrained")
    draw_settings(ax, table)
    plots.publish(fig, "05_win_shares",
                  alt="Share of 1,000 seeded plays in which each package scored best for Japan, in three settings. "
                      + "; ".join(f"{name}: the most frequent winner wins {table[name].max():.0%}" for name in table.columns)
                      + f". Under the default the most frequent winner is: {table.iloc[:, 0].idxmax()}.",
                  source="seeded simulation of the council rules (our judgement; council_* tables)")


def beside_the_record(results: pd.DataFrame) -> pd.DataFrame:
    """Each offer: how many of the class's ratified deals held it, and what the record says happened."""
    ledger = load("aftermath_ledger").set_index("item_id")
    events = load("aftermath_events").set_index("event_id")
    deals = results[results["deal"].astype(bool)]
    rows = []
    for offer in council.game().offers.itertuples():
        kind, key = RECORD_FOR_OFFER[offer.option_id]
        if kind == "ledger":
            happened, source = f"{ledger.loc[key, 'outcome']}: {ledger.loc[key, 'evidence']}", ledger.loc[key, "source_id"]
        elif kind == "event":
            happened = f"{events.loc[key, 'date']:%Y-%m-%d}: {events.loc[key, 'description']}"
            source = events.loc[key, "source_id"]
        else:
            happened, source = "No step on it appears in the record of notebook 06.", ""
        held = sum(offer.option_id in str(p).split("+") for p in deals["offers"])
        rows.append({"offer": offer.label, "class deals holding it": f"{held} of {len(deals)}",
                     "what happened": council.no_dollar_signs(happened), "source_id": source})
    return pd.DataFrame(rows)


def deal_terms() -> pd.DataFrame:
    """The July-September 2025 agreement's terms, from notebook 06's events."""
    events = load("aftermath_events").set_index("event_id").loc[DEAL_EVENTS]
    table = events.reset_index()[["date", "title", "description", "source_id"]]
    for column in ("title", "description"):
        table[column] = table[column].map(council.no_dollar_signs)
    return table


# --- Exercises of notebook 05 ---------------------------------------------------------------------------

@choice_exercise("05.1", "what the Diet's ratification rule does to Japan's position at the table", kind="concept",
                 options={"A": "It shrinks Japan's win-set: fewer packages can pass at home, which costs options but "
                               "gives Japan's negotiators an argument ('the Diet will not pass that').",
                          "B": "Nothing until the deal is made: ratification comes afterwards, so the talks ignore it.",
                          "C": "It enlarges Japan's win-set, because a vote in the Diet adds support to any deal.",
                          "D": "It decides which demands the US side makes."},
                 explanations={
                     "A": "Putnam's two-level game: the deals both sides can ratify form the win-sets. A small win-set "
                          "limits what Japan can give, and a credible limit can strengthen its hand (Schelling).",
                     "B": "The rule is known in advance, so both sides plan around it: an agreement the Diet rejects "
                          "is no deal at all.",
                     "C": "A ratification step can only remove deals from the set that could be agreed, never add to it.",
                     "D": "The US side picks from the demand list; the Diet's rule limits Japan's answer, not the ask."},
                 minutes=3)
def _expected_05_1() -> str:
    return "A"


def _unanswerable_share(table: pd.DataFrame) -> float:
    return (table["answered_by"] == "no offer answers it").mean() * 100


@numeric_exercise("05.2", "the share of the demands the game may draw that no offer can answer, in percent",
                  nudge="Count the rows of the demand list whose answered_by says no offer answers it, and divide by "
                        "the number of rows of that list.",
                  slips=[PERCENT_AS_FRACTION,
                         Slip("the whole sourced list (bargaining_demands) instead of the game's draw list",
                              lambda expected: expected * len(council.game().demands) / len(load("bargaining_demands")),
                              "Divide by the demands the game may draw (council.demand_list()), not by every "
                              "reported demand: first-term precedents are not in the game."),
                         Slip("a count instead of a share",
                              lambda expected: expected / 100 * len(council.game().demands),
                              "The question asks for a share in percent: divide the count by the number of demands.")],
                  minutes=4)
def _expected_05_2() -> float:
    return _unanswerable_share(council.demand_list())


def _meaning_05_3(guess: float, actual: float) -> str:
    if guess > actual * 1.25:
        return ("You expected one package to dominate. The dice of the two ratification steps and the US side's "
                "choice of demands change which package is best from play to play.")
    if guess < actual * 0.75:
        return ("You expected the luck to spread the wins evenly. A few packages are strong under most draws: "
                "the rules reward cheap, visible offers that pass the Diet.")
    return "The game has favourites but no sure answer: read the shares before calling any package optimal."


@prediction("05.3", "the share of 1,000 simulated plays won by the package that wins most often (default settings), "
                    "in percent", meaning=_meaning_05_3, tolerance=0.25, minutes=2)
def _expected_05_3() -> float:
    return float(council.win_shares(_plays(next(iter(SETTINGS))))["share"].iloc[0] * 100)


@choice_exercise("05.4", "what the change between the default and the whip-led distributions shows", kind="interpret",
                 options={"A": "Arguing inside Japan's council matters: the same US side and the same dice give a "
                               "different best package once the whip's weights dominate.",
                          "B": "The whip-led council faced different US demands, so the comparison says nothing about "
                               "the council.",
                          "C": "The package that wins most often under the default settings is the one Japan should "
                               "have offered.",
                          "D": "The shares are measured probabilities of what the US would have done."},
                 explanations={
                     "A": "Both settings use the same seeds, so the same demands and rolls: only the council's weights "
                          "changed, and with them the winner. That is the level-II argument Putnam describes.",
                     "B": "The US side's draws depend on the seed and the US tokens, which are the same in both settings.",
                     "C": "Winning most often is not the same as the best average, and both rest on our assumed weights "
                          "and rules: the game shows the structure of the choice, not the right answer.",
                     "D": "The shares come from seeded simulation of assumed rules (our judgement), not from "
                          "observing the US side."},
                 minutes=4)
def _expected_05_4() -> str:
    names = list(SETTINGS)
    distance = council.share_distance(council.win_shares(_plays(names[0])), council.win_shares(_plays(names[1])))
    return "A" if distance > 0.2 else "B"
