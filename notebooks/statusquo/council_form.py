"""The strategy council in the notebook: an entry form for each table's moves, the round's chart, and a
plain-words account of one table's round. The rules themselves are in statusquo.council.

Each piece is a plain function (tested on its own); `entry_panel()` is the thin ipywidgets shell around them,
and shows a played round through the refresh step every panel shares (statusquo.widgets).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

import pandas as pd

from . import council
from .council import MoveError
from .vocabulary import VISIBLE_BANDS

_SEPARATORS = re.compile(r"[\s,;+]+")


def parse_ids(text: str) -> list[str]:
    """'D05, d11 ;D20' → ['D05', 'D11', 'D20']; offers keep their lower-case ids."""
    items = [item for item in _SEPARATORS.split(str(text).strip()) if item]
    return [item.upper() if re.fullmatch(r"[dD]\d+", item) else item.lower() for item in items]


def add_entry(entries: list[dict], table: str, offers_text: str, japan_tokens: Mapping[str, object],
              demands_text: str, us_tokens: Mapping[str, object]) -> tuple[list[dict], str]:
    """Check one table's moves and add them: (new entries, message). A refused entry leaves the list as it was."""
    name = str(table).strip()
    try:
        if not name:
            raise MoveError("give the table a name, e.g. 'Table 1'")
        if name in {e["table"] for e in entries}:
            raise MoveError(f"duplicate team: {name!r} is already entered; remove it first to enter it again")
        japan = {"offers": council.check_offers(parse_ids(offers_text)),
                 "tokens": council.check_tokens("japan", dict(japan_tokens))}
        us = {"demands": council.check_demands(parse_ids(demands_text)),
              "tokens": council.check_tokens("us", dict(us_tokens))}
    except MoveError as error:
        return entries, f"Not added: {error}"
    return [*entries, {"table": name, "japan": japan, "us": us}], f"Added {name}: {len(entries) + 1} table(s) entered."


def remove_entry(entries: list[dict], table: str) -> tuple[list[dict], str]:
    kept = [e for e in entries if e["table"] != str(table).strip()]
    if len(kept) == len(entries):
        return entries, f"No table named {str(table).strip()!r} to remove."
    return kept, f"Removed {str(table).strip()}."


def round_table(results: pd.DataFrame) -> pd.DataFrame:
    """The results a class reads aloud: moves, both ratification steps, both scores."""
    table = results[council.RESULT_COLUMNS].copy()
    table["offers"] = [council.package_labels(p) for p in table["offers"]]
    return table.rename(columns={"diet_ratifies": "Diet ratifies", "congress_ratifies": "Congress ratifies",
                                 "japan_score": "Japan score", "us_score": "US score"})


def draw_round(ax, results: pd.DataFrame, title: str = "The round: each side's score, table by table") -> None:
    """Paired bars per table (Japan, US); a failed ratification is labelled under its table."""
    import numpy as np

    from .plots import SERIES_COLOURS

    x = np.arange(len(results))
    ax.bar(x - 0.2, results["japan_score"], 0.4, color=SERIES_COLOURS[0], hatch="//", edgecolor="black",
           label="Japan's council")
    ax.bar(x + 0.2, results["us_score"], 0.4, color=SERIES_COLOURS[1], hatch="..", edgecolor="black",
           label="US side")
    ax.axhline(0, color="black", linewidth=0.8)
    labels = []
    for row in results.itertuples():
        failed = [side for side, ok in (("Diet", row.diet_ratifies), ("Congress", row.congress_ratifies)) if not ok]
        labels.append(f"{row.table}\n" + ("deal" if not failed else "no deal: " + " and ".join(failed) + " refused"))
    ax.set_xticks(x, labels, fontsize=10)
    ax.set_ylabel("Score (points, each side's own weights)")
    ax.set_title(title)
    ax.legend(fontsize=10, loc="best")


def round_alt_text(results: pd.DataFrame, which: str) -> str:
    """Alt text of the round's chart, from the scores it shows; `which` names the round."""
    summary = "; ".join(f"{r.table}: {'deal' if r.deal else 'no deal'}, Japan {r.japan_score:g}, US {r.us_score:g}"
                        for r in results.itertuples())
    return f"Paired bars of each side's score in {which}. {summary}."


def show_round(results: pd.DataFrame, seed: int) -> None:
    """Draw the round's chart and publish it with alt text built from the scores."""
    import matplotlib.pyplot as plt

    from . import plots

    fig, ax = plt.subplots(figsize=(8, 4.2), layout="constrained")
    draw_round(ax, results)
    plots.publish(fig, "05_round", alt=round_alt_text(results, f"the example round (seed {seed})"),
                  source="our judgement (council_* and bargaining_roleplay_* tables); demands: bargaining_demands")


def explain(record: Mapping) -> str:
    """One table's round in plain words, from the demands to the ratification and the scores."""
    g = council.game()
    demands = g.demands.set_index("demand_id")
    lines = ["The US side asked:"]
    lines += [f"  {d} ({demands.loc[d, 'area']}): {council.no_dollar_signs(demands.loc[d, 'demand'])}" for d in record["demands"].split(", ")]
    lines.append(f"Japan's council offered: {council.package_labels(record['offers'])}.")
    lines.append(f"Demands answered by the package: {record['demands_answered']}; the unanswered ones cost Japan "
                 f"{record['unanswered_penalty']:g} points before weights.")
    lines.append(f"White House die {record['roll_white_house']}: with a visible value of {record['visible_value_us']:g} "
                 f"it {record['reaction']} ({record['reaction_points']:+g} points).")
    budget = g.rule("diet_budget")
    diet = (f"domestic cost {record['domestic_political_cost']:g} is within the budget of {budget:g}: passes"
            if record["diet_needs"] == 0 else
            f"domestic cost {record['domestic_political_cost']:g} is over the budget of {budget:g}: needs a "
            f"{record['diet_needs']} or more, rolled {record['roll_diet']}: "
            + ("passes" if record["diet_ratifies"] else "rejects"))
    lines.append(f"The Diet: {diet}.")
    headline = record["visible_value_us"] + g.rule("us_answer_bonus") * record["answered"]
    minimum = g.rule("us_visible_minimum")
    congress = (f"headline value {headline:g} reaches {minimum:g}: accepts" if record["congress_needs"] == 0 else
                f"headline value {headline:g} is short of {minimum:g}: needs a {record['congress_needs']} or more, "
                f"rolled {record['roll_congress']}: " + ("accepts" if record["congress_ratifies"] else "rejects"))
    lines.append(f"Congress and industry: {congress}.")
    outcome = "A deal" if record["deal"] else "No deal"
    lines.append(f"{outcome}. Japan scores {record['japan_score']:g}, the US side {record['us_score']:g}. "
                 f"Red lines crossed: Japan {record['japan_red_lines']}; US {record['us_red_lines']}.")
    return "\n".join(lines)


def dice_meaning(rolls: Mapping[str, int]) -> str:
    """What three rolls mean under the rules, before any table is scored: the readout under the dice sliders."""
    g = council.game()
    rolls = council.check_rolls(rolls, g)
    reactions = {band: g.reaction_by_roll[(band, rolls["white_house"])][0] for band in VISIBLE_BANDS}
    costs = [p for p in range(0, 31) if council.diet_needs(p, g) <= rolls["diet"]]
    heads = [h for h in range(0, 61) if council.congress_needs(h, 0, g) <= rolls["congress"]]
    return (f"White House die {rolls['white_house']}: a small package {reactions['low']}, a medium one "
            f"{reactions['medium']}, a big one {reactions['high']}. Diet die {rolls['diet']}: passes a domestic cost "
            f"up to {max(costs)}. Congress die {rolls['congress']}: passes a headline value of {min(heads)} or more.")


def entry_panel(seed: int = council.DEFAULT_SEED):
    """The teacher's entry form: one table's moves at a time, then play the round."""
    import ipywidgets as widgets
    from IPython.display import HTML, display

    from .widgets import ERROR_COLOUR, TEXT_COLOUR, refresh

    g = council.game()
    entries: list[dict] = []
    wide, short = widgets.Layout(width="560px"), widgets.Layout(width="280px")
    token_layout, token_style = widgets.Layout(width="190px"), {"description_width": "95px"}
    style = {"description_width": "120px"}
    table = widgets.Text(value="Table 1", description="Table", style=style, layout=short)
    offers = widgets.Text(description="Japan's offers", placeholder="e.g. buy_us_energy, invest_us_ai",
                          style=style, layout=wide)
    demands = widgets.Text(description="US demands", placeholder="e.g. D05, D12, D20", style=style, layout=wide)
    japan_tokens = {r: widgets.IntText(value=v, description=r, style=token_style, layout=token_layout)
                    for r, v in council.check_tokens("japan", None, g).items()}
    us_tokens = {r: widgets.IntText(value=v, description=r, style=token_style, layout=token_layout)
                 for r, v in council.check_tokens("us", None, g).items()}
    seed_box = widgets.IntText(value=seed, description="Seed (dice)", style=style, layout=short)
    use_rolls = widgets.Checkbox(value=False, description="Use the dice rolled in class instead of the seed",
                                 style={"description_width": "initial"}, layout=widgets.Layout(width="520px"))
    roll_sliders = {name: widgets.IntSlider(value=1, min=1, max=int(g.rule("die_sides")), description=label,
                                            style=style, layout=widgets.Layout(width="320px"))
                    for name, label in (("white_house", "White House die"), ("diet", "Diet die"),
                                        ("congress", "Congress die"))}
    dice_note = widgets.HTML()

    def on_dice(_change=None):
        use_rolls.value = True   # moving a die means the class rolled one
        dice_note.value = f"<i>{dice_meaning({n: w.value for n, w in roll_sliders.items()})}</i>"

    for slider in roll_sliders.values():
        slider.observe(on_dice, names="value")
    dice_note.value = f"<i>{dice_meaning({n: w.value for n, w in roll_sliders.items()})}</i>"
    add, remove, play = (widgets.Button(description=d) for d in ("Add table", "Remove table", "Play the round"))
    message, output = widgets.HTML(), widgets.Output()

    def say(text: str, ok: bool) -> None:
        message.value = f"<b style='color:{TEXT_COLOUR if ok else ERROR_COLOUR}'>{text}</b>"

    def on_add(_button=None):
        nonlocal entries
        entries, text = add_entry(entries, table.value, offers.value, {r: w.value for r, w in japan_tokens.items()},
                                  demands.value, {r: w.value for r, w in us_tokens.items()})
        say(text, text.startswith("Added"))

    def on_remove(_button=None):
        nonlocal entries
        entries, text = remove_entry(entries, table.value)
        say(text, text.startswith("Removed"))

    def on_play(_button=None):
        # The shared refresh step: the message, then the chart (with alt text) or, when refused, nothing.
        try:
            rolls = {n: w.value for n, w in roll_sliders.items()} if use_rolls.value else None
            results = council.play_round(entries, seed_box.value, rolls=rolls)
        except MoveError as error:
            refresh(message, output, f"Cannot play: {error}", None)
            return
        dice_used = ("the dice rolled in class (" + ", ".join(f"{n} {w.value}" for n, w in roll_sliders.items()) + ")"
                     if use_rolls.value else f"seed {seed_box.value}")
        refresh(message, output, f"Round played with {dice_used}: {len(results)} table(s).",
                lambda ax: draw_round(ax, results), figsize=(7.5, 3.8),
                alt=round_alt_text(results, f"the round played with {dice_used}"))
        with output:
            display(HTML(round_table(results).to_html(index=False)))

    add.on_click(on_add)
    remove.on_click(on_remove)
    play.on_click(on_play)
    return widgets.VBox([
        widgets.HTML("<b>One table's moves</b> (ids from the offer table and the demand list; tokens: 10 per side)"),
        table, offers, widgets.HBox(list(japan_tokens.values()), layout=widgets.Layout(flex_flow="row wrap")), demands, widgets.HBox(list(us_tokens.values()), layout=widgets.Layout(flex_flow="row wrap")),
        widgets.HBox([add, remove]), seed_box, use_rolls, *roll_sliders.values(), dice_note, play,
        message, output])
