"""The figures of notebook 06, drawn from the tables and results of statusquo.aftermath (kept apart so
the notebook's story reads first and each module stays short)."""

from __future__ import annotations

import pandas as pd

from .aftermath import (
    CATEGORIES,
    KEY_EVENTS,
    MIN_DAYS_TO_DRAW,
    OUTCOMES,
    PRODUCTS,
    tariff_step_series,
    with_days,
)
from .vocabulary import keyed_by

FONT = 10  # smallest text in any figure of notebook 06, in points


LABEL_HALF_WIDTH = pd.Timedelta(days=32)  # half the width of a wrapped event label, in time, at the figure's size


def label_sides(key: pd.DataFrame, lanes: list[str]) -> list[bool]:
    """For each key event (in date order), True to label it above its lane, False below.

    Labels alternate within a lane, so neighbours in time never share a side; but the label below one
    lane and the label above the next share the gap between them, so an event whose turn would put its
    label onto one already in that gap takes the other side.
    """
    taken: dict[float, list[pd.Timestamp]] = {}   # gap between lanes (lane +/- 0.5) -> label centres

    def free(gap: float, date: pd.Timestamp) -> bool:
        return all(abs(date - centre) > 2 * LABEL_HALF_WIDTH for centre in taken.get(gap, []))

    last_above: dict[str, bool] = {}
    sides = []
    for _, row in key.iterrows():
        y = lanes.index(row["category"])
        preferred = not last_above.get(row["category"], False)
        gap_of = {True: y + 0.5, False: y - 0.5}
        above = preferred if free(gap_of[preferred], row["date"]) or not free(gap_of[not preferred], row["date"]) \
            else not preferred
        taken.setdefault(gap_of[above], []).append(row["date"])
        last_above[row["category"]] = above
        sides.append(above)
    return sides


def draw_key_events(ax, events: pd.DataFrame, key_events: list[str] | None = None) -> pd.DataFrame:
    """One lane per category; only the key events, each labelled with its title and date. Returns them."""
    import textwrap

    import matplotlib.dates as mdates

    from .plots import MARKERS, SERIES_COLOURS

    key = events[events["event_id"].isin(KEY_EVENTS if key_events is None else key_events)]
    key = key.sort_values("date", kind="stable").reset_index(drop=True)
    lanes = [c for c in CATEGORIES if c in set(key["category"])]
    sides = label_sides(key, lanes)
    for i, row in key.iterrows():
        y, k = lanes.index(row["category"]), CATEGORIES.index(row["category"])
        ax.scatter(row["date"], y, s=90, marker=MARKERS[k], color=SERIES_COLOURS[k], edgecolor="black", zorder=3)
        above = sides[i]
        ax.annotate(f"{textwrap.fill(row['title'], 22)}\n{row['date']:%d %b %Y}", xy=(row["date"], y),
                    xytext=(0, 9 if above else -9), textcoords="offset points", ha="center",
                    va="bottom" if above else "top", fontsize=FONT)
    ax.set_yticks(range(len(lanes)), labels=lanes, fontsize=FONT + 1)
    ax.set_ylim(-0.8, len(lanes) - 0.2)
    ax.grid(axis="y", visible=False)
    ax.xaxis.set_major_locator(mdates.MonthLocator(interval=2))
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%b\n%Y"))
    ax.tick_params(axis="x", labelsize=FONT + 1)
    return key


def draw_tariff_steps(ax, steps: pd.DataFrame, until) -> None:
    """Step lines of the duty on cars and on other goods over shaded phases, with the one-day spike marked."""
    import textwrap

    import matplotlib.dates as mdates

    from .plots import MARKERS, SERIES_COLOURS

    until = pd.Timestamp(until)
    starts = steps.groupby("phase", sort=False)["from_date"].min()
    bounds = list(starts) + [until + pd.Timedelta(days=1)]
    for (phase, start), end, shade in zip(starts.items(), bounds[1:], ["#ffffff", "#eeeeee", "#dddddd", "#eeeeee"]):
        ax.axvspan(start, end, color=shade, zorder=0)
        ax.text(start + pd.Timedelta(days=4), 32, textwrap.fill(phase[0].upper() + phase[1:], 12), fontsize=FONT,
                va="top")
    styles = keyed_by(PRODUCTS, {"autos": ("-", 0, "Cars (total duty)"),
                                 "other goods": ("--", 1, "Other goods (item with 0% MFN duty)")})
    for product, (line, k, label) in styles.items():
        series = tariff_step_series(steps, product, until)
        ax.step(series["date"], series["rate_percent"], where="post", linestyle=line, color=SERIES_COLOURS[k],
                linewidth=2.4, label=label)
        ax.scatter(series["date"].iloc[:-1], series["rate_percent"].iloc[:-1], marker=MARKERS[k], s=40,
                   color=SERIES_COLOURS[k], edgecolor="black", linewidth=0.5, zorder=3)
    spikes = with_days(steps, until)
    for _, row in spikes[spikes["days"] < MIN_DAYS_TO_DRAW].iterrows():
        if row["rate_percent"] > 20:  # only the spikes tall enough to mislead get a label
            ax.annotate(f"{row['rate_percent']:g}% for {row['days']} day{'s' if row['days'] > 1 else ''}\n"
                        f"({row['from_date']:%d %b %Y})", xy=(row["from_date"], row["rate_percent"]),
                        xytext=(35, -6), textcoords="offset points", fontsize=FONT,
                        arrowprops={"arrowstyle": "->", "color": "#444444"})
    ax.set_xlim(steps["from_date"].min(), until + pd.Timedelta(days=1))
    ax.set_ylim(0, 34)
    ax.xaxis.set_major_locator(mdates.MonthLocator(interval=2))
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%b\n%Y"))
    ax.set_ylabel("US tariff on the Japanese item (%)")
    ax.tick_params(labelsize=FONT + 1)
    ax.legend(loc="lower right", fontsize=FONT + 1, frameon=True, framealpha=0.9)


def draw_backtest(ax, table: pd.DataFrame) -> None:
    """Predicted change (bar, with low–high whisker) beside the reported change (diamond), one row per figure."""
    from .plots import HATCHES, SERIES_COLOURS

    ordered = table.iloc[::-1].reset_index(drop=True)
    for y, row in ordered.iterrows():
        central = row["predicted_central_percent"]
        ax.barh(y, central, height=0.5, color=SERIES_COLOURS[5], hatch=HATCHES[1], edgecolor="black",
                label="Model, central parameters" if y == 0 else None)
        ax.errorbar(central, y, xerr=[[central - row["predicted_low_percent"]], [row["predicted_high_percent"] - central]],
                    fmt="none", ecolor="black", capsize=4, linewidth=1.2)
        ax.scatter(row["actual_percent"], y, marker="D", s=110, color=SERIES_COLOURS[3], edgecolor="black", zorder=3,
                   label="What happened (MOF data as reported)" if y == 0 else None)
        ax.annotate(f"{row['actual_percent']:+.1f}%", xy=(row["actual_percent"], y), xytext=(0, 12),
                    textcoords="offset points", ha="center", fontsize=FONT, fontweight="bold",
                    bbox={"boxstyle": "round,pad=0.15", "facecolor": "white", "edgecolor": "none"})
    ax.set_yticks(range(len(ordered)), labels=[f"{r['goods'].capitalize()}, {r['measure']}\n{r['period']}"
                                               for _, r in ordered.iterrows()], fontsize=FONT)
    ax.axvline(0, color="black", linewidth=0.8)
    ax.set_xlabel("Change against a year earlier (%)")
    ax.tick_params(axis="x", labelsize=FONT + 1)
    ax.grid(axis="y", visible=False)
    ax.legend(loc="upper left", fontsize=FONT, frameon=True, framealpha=0.9)


def draw_rerun(ax, table: pd.DataFrame) -> None:
    """Horizontal bars of export revenue at risk (JPY tn a year) per period, low–high whiskers, days in the label."""
    from .plots import HATCHES, SERIES_COLOURS

    ordered = table.iloc[::-1].reset_index(drop=True)
    for y, row in ordered.iterrows():
        ax.barh(y, row["central_jpy_tn"], color=SERIES_COLOURS[3], hatch=HATCHES[1], edgecolor="black")
        ax.errorbar(row["central_jpy_tn"], y, xerr=[[row["central_jpy_tn"] - row["low_jpy_tn"]],
                                                   [row["high_jpy_tn"] - row["central_jpy_tn"]]],
                    fmt="none", ecolor="black", capsize=4, linewidth=1.2)
        ax.text(row["high_jpy_tn"] + 0.06, y, f"JPY {row['central_jpy_tn']:.2f} tn", va="center", fontsize=FONT)
    ax.set_yticks(range(len(ordered)), labels=[f"{r['label']}\n{r['days']} days" for _, r in ordered.iterrows()],
                  fontsize=FONT)
    ax.set_xlim(0, float(ordered["high_jpy_tn"].max()) * 1.3)
    ax.set_xlabel("Export revenue at risk (JPY trillion a year, 2024 base)")
    ax.tick_params(axis="x", labelsize=FONT + 1)
    ax.grid(axis="y", visible=False)


def draw_ledger(ax, ledger: pd.DataFrame) -> None:
    """One row per ledger item, one column per outcome; a marker (shape and colour per outcome) where we judged it."""
    from .plots import MARKERS, SERIES_COLOURS

    ordered = ledger.iloc[::-1].reset_index(drop=True)
    for y, row in ordered.iterrows():
        x = OUTCOMES.index(row["outcome"])
        ax.scatter(x, y, s=170, marker=MARKERS[x], color=SERIES_COLOURS[x], edgecolor="black", linewidth=0.7, zorder=3)
    ax.set_xticks(range(len(OUTCOMES)), labels=[o.replace(" ", "\n", 1) for o in OUTCOMES], fontsize=FONT + 1)
    ax.set_yticks(range(len(ordered)), labels=[f"{r['item']} ({r['paragraph']})" for _, r in ordered.iterrows()],
                  fontsize=FONT + 1)
    ax.set_xlim(-0.5, len(OUTCOMES) - 0.5)
    ax.set_ylim(-0.6, len(ordered) - 0.4)
    asks = int((ordered["paragraph"] == "P3").sum())
    ax.axhline(len(ordered) - asks - 0.5, color="#888888", linewidth=0.8, linestyle=":")


def draw_period_panel(ax, table: pd.DataFrame, title: str) -> None:
    """The panel's bars: export revenue at risk per group (JPY tn a year), each labelled with its value."""
    from .plots import HATCHES, SERIES_COLOURS

    ordered = table.iloc[::-1].reset_index(drop=True)
    ax.barh(range(len(ordered)), ordered["revenue_at_risk_jpy_tn"], color=SERIES_COLOURS[3], hatch=HATCHES[1],
            edgecolor="black")
    top = max(float(ordered["revenue_at_risk_jpy_tn"].max()), 0.1)
    for y, value in enumerate(ordered["revenue_at_risk_jpy_tn"]):
        ax.text(value + top * 0.02, y, f"JPY {value:.2f} tn", va="center", fontsize=FONT)
    ax.set_yticks(range(len(ordered)), labels=list(ordered["label"]), fontsize=FONT)
    ax.set_xlim(0, top * 1.35)
    ax.set_xlabel("Export revenue at risk (JPY trillion a year, 2024 base)")
    ax.set_title(title, fontsize=FONT + 2)
    ax.grid(axis="y", visible=False)


draw_panel_bars = draw_period_panel  # the name notebook 06 calls


