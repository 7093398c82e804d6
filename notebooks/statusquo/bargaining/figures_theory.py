"""The charts of notebook 04 (Nash, meeting risk, win-sets) and their alt text built from the values."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from ..plots import MARKERS, SERIES_COLOURS
from .figures import TEXT

__all__ = [
    "alt_money_packages",
    "alt_nash_picture",
    "alt_risk_curve",
    "alt_security_sweep",
    "alt_win_sets",
    "draw_money_packages",
    "draw_nash_picture",
    "draw_risk_curve",
    "draw_risk_panel",
    "draw_security_sweep",
    "draw_win_sets",
]

CASE_STYLE = {"low": (SERIES_COLOURS[2], "^"), "central": (SERIES_COLOURS[0], "o"), "high": (SERIES_COLOURS[3], "D")}


def draw_nash_picture(ax, splits: pd.DataFrame) -> None:
    """The textbook picture, payoffs against no new tariffs (JPY tn a year): deals, d, solution."""
    worst = float(splits["japan_loss"].max()) * 1.1
    us_worst = float(splits["us_loss"].max()) * 1.6
    line = np.linspace(-worst, us_worst, 2)
    # Deals move yen one-for-one, so every deal that wastes nothing lies on u_J + u_U = 0.
    ax.plot(line, -line, color="black", linewidth=1.6, label="deals that waste nothing: u_J + u_U = 0")
    central = splits[splits["case"] == "central"]
    if not central.empty:
        row = central.iloc[0]
        d = (-row["japan_loss"], -row["us_loss"])
        # The bargaining set: deals at or above the line's lower side that both prefer to d.
        ax.fill([d[0], d[0], -d[1]], [d[1], -d[0], d[1]], facecolor="#f0f0f0", hatch="..", edgecolor="#a0a0a0",
                linewidth=0.8, label="feasible and better than no deal for both (central case)")
    for row in splits.itertuples():
        colour, marker = CASE_STYLE.get(row.case, (SERIES_COLOURS[4], "v"))
        d = (-row.japan_loss, -row.us_loss)
        ax.scatter(*d, s=120, marker=marker, facecolor="white", edgecolor=colour, linewidth=2.2, zorder=4)
        solution = (-row.concession, row.concession)
        ax.scatter(*solution, s=150, marker=marker, color=colour, edgecolor="black", zorder=5,
                   label=f"{row.case}: d = ({d[0]:.1f}, {d[1]:.1f}), solution x* = {row.concession:.2f}")
        ax.plot([d[0], solution[0]], [d[1], solution[1]], color=colour, linewidth=1.2, linestyle=":")
    ax.axhline(0, color="#888888", linewidth=0.8)
    ax.axvline(0, color="#888888", linewidth=0.8)
    ax.set_xlim(-worst, us_worst * 0.9)
    ax.set_ylim(-us_worst, worst * 0.8)
    ax.set_xlabel("Japan's payoff u_J (JPY tn a year; 0 = status quo)")
    ax.set_ylabel("US payoff u_U (JPY tn a year)")
    ax.set_title("Nash bargaining: disagreement points (hollow) and solutions (filled)")
    ax.legend(loc="upper right", fontsize=TEXT, frameon=True, framealpha=1, edgecolor="#999999")


def alt_nash_picture(splits: pd.DataFrame) -> str:
    cases = "; ".join(f"{r.case} security cost {r.security_cost:.1f}: disagreement point ({-r.japan_loss:.2f}, "
                      f"{-r.us_loss:.2f}), solution ({-r.concession:.2f}, {r.concession:.2f})"
                      for r in splits.itertuples())
    return ("Payoff diagram with Japan's payoff on x and the US payoff on y, in JPY trillion a year against the "
            "status quo. A line u_J + u_U = 0 holds every deal that wastes nothing; a dotted triangle marks the deals better than "
            "no deal for both in the central case. For each case a hollow marker is the "
            f"disagreement point and a filled marker the Nash solution on the line: {cases}. A larger security "
            "cost moves the disagreement point left and the solution up the line, towards the US.")


def draw_security_sweep(ax, sweep: pd.DataFrame, splits: pd.DataFrame) -> None:
    line_colours = [SERIES_COLOURS[5], SERIES_COLOURS[4], SERIES_COLOURS[6]]
    for i, (power, group) in enumerate(sweep.groupby("us_power")):
        ax.plot(group["security_cost"], group["concession"], color=line_colours[i % 3], marker=MARKERS[(i + 4) % 8],
                markevery=10, linewidth=2, label=f"US bargaining power α = {power:g}")
    for row in splits.itertuples():
        colour, marker = CASE_STYLE.get(row.case, (SERIES_COLOURS[4], "v"))
        ax.scatter([row.security_cost], [row.concession], s=150, marker=marker, color=colour, edgecolor="black",
                   zorder=5, label=f"{row.case} (α = {row.us_power:g}): x* = {row.concession:.2f}")
    ax.axhline(0, color="black", linewidth=0.8)
    ax.annotate("below 0: the US side concedes", (float(sweep["security_cost"].max()), 0), xytext=(0, -14),
                textcoords="offset points", fontsize=TEXT, ha="right")
    ax.set_xlabel("Security cost to Japan of no deal, S (JPY tn a year, our assumption)")
    ax.set_ylabel("Japan's concession x* (JPY tn a year)")
    ax.set_title("The split moves with the assumed security cost")
    ax.legend(loc="upper left", fontsize=TEXT)


def alt_security_sweep(sweep: pd.DataFrame, splits: pd.DataFrame) -> str:
    ends = "; ".join(f"α = {p:g}: from {g['concession'].iloc[0]:.2f} to {g['concession'].iloc[-1]:.2f}"
                     for p, g in sweep.groupby("us_power"))
    cases = ", ".join(f"{r.case} {r.concession:.2f} at S = {r.security_cost:.1f}" for r in splits.itertuples())
    return (f"Line chart of Japan's Nash concession (JPY tn a year) against the security cost of no deal, from "
            f"{sweep['security_cost'].min():.1f} to {sweep['security_cost'].max():.1f}. Each line rises with "
            f"slope α: {ends}. Markers show the three cases at α = 0.5: {cases}.")


def draw_money_packages(ax, packages: pd.DataFrame, splits: pd.DataFrame, labels: dict[str, str]) -> None:
    low, high = splits["concession"].min(), splits["concession"].max()
    central = float(splits.loc[splits["case"] == "central", "concession"].iloc[0])
    ax.axvspan(low, high, facecolor=SERIES_COLOURS[5], alpha=0.25, hatch="//", edgecolor=SERIES_COLOURS[0],
               linewidth=0, label=f"predicted range, {low:.2f} to {high:.2f}")
    ax.axvline(central, color=SERIES_COLOURS[0], linewidth=2, label=f"central prediction, {central:.2f}")
    names = [" + ".join(labels[o] for o in p.split("+")) for p in packages["package"]]
    y = np.arange(len(packages))
    inside = packages["inside"].to_numpy()
    ax.barh(y[inside], packages.loc[inside, "jpy_tn_a_year"], color=SERIES_COLOURS[0], edgecolor="black",
            label="package inside the range")
    ax.barh(y[~inside], packages.loc[~inside, "jpy_tn_a_year"], color="white", edgecolor="black", hatch="..",
            label="package outside the range")
    ax.set_yticks(y, labels=names, fontsize=TEXT)
    ax.invert_yaxis()
    ax.set_xlabel("Headline size of the package (JPY tn a year)")
    ax.set_title("Real packages against the predicted concession")
    ax.legend(loc="upper right", fontsize=TEXT, frameon=True, framealpha=1, edgecolor="#999999")


def alt_money_packages(packages: pd.DataFrame, splits: pd.DataFrame, labels: dict[str, str]) -> str:
    def name(p):
        return " + ".join(labels[o] for o in p.split("+"))
    inside = packages[packages["inside"]]
    return (f"Horizontal bars of {len(packages)} packages of sized offers by yearly size, from "
            f"{packages['jpy_tn_a_year'].min():.2f} to {packages['jpy_tn_a_year'].max():.2f} JPY tn a year, with the "
            f"predicted concession range {splits['concession'].min():.2f} to {splits['concession'].max():.2f} "
            f"shaded. Inside it: " + "; ".join(f"{name(r.package)} ({r.jpy_tn_a_year:.2f})" for r in inside.itertuples())
            + ".")


def draw_risk_panel(ax, curve: pd.DataFrame, hours: float, balance: float) -> None:
    """Two panels sharing the hours axis: the chance of a new demand (%) above, points below."""
    fig = ax.figure
    ax.remove()
    top, bottom = fig.subplots(2, 1, sharex=True, height_ratios=[1, 1.6])
    top.plot(curve["hours"], curve["prob_new_demand"] * 100, color=SERIES_COLOURS[6], linewidth=2, marker="v",
             markevery=20)
    top.set_ylim(0, 100)
    top.set_ylabel("Chance of ≥ 1\nnew demand (%)")
    top.set_title("More time with Trump: the risk of new demands, and rapport against it")
    for series, colour, marker, style, label in [
            ("rapport", SERIES_COLOURS[2], "o", "-", "rapport benefit"),
            ("expected_demand_cost", SERIES_COLOURS[3], "s", "--", "expected cost of new demands"),
            ("net", SERIES_COLOURS[0], "^", "-", "net: rapport − expected cost")]:
        bottom.plot(curve["hours"], curve[series], color=colour, linewidth=2.2, marker=marker, markevery=20,
                    linestyle=style, label=label)
    for panel in (top, bottom):
        panel.axvline(hours, color=SERIES_COLOURS[4], linewidth=1.5, linestyle="-.")
        if math.isfinite(balance) and balance <= curve["hours"].max():
            panel.axvline(balance, color="black", linewidth=1)
    chance = float(np.interp(hours, curve["hours"], curve["prob_new_demand"])) * 100
    top.annotate(f"meeting {hours:g} h: {chance:.0f}%", (hours, chance), xytext=(6, -16),
                 textcoords="offset points", fontsize=TEXT)
    if math.isfinite(balance) and balance <= curve["hours"].max():
        bottom.annotate(f"balance: {balance:.2f} h", (balance, bottom.get_ylim()[1]), xytext=(4, -14),
                        textcoords="offset points", fontsize=TEXT)
    bottom.set_xlabel("Hours of contact with Trump")
    bottom.set_ylabel("Points (same scale as\nthe offer scores)")
    bottom.legend(loc="center right", fontsize=TEXT)


draw_risk_curve = draw_risk_panel  # the name notebook 04 calls


def alt_risk_curve(curve: pd.DataFrame, hours: float, balance: float) -> str:
    chance = float(np.interp(hours, curve["hours"], curve["prob_new_demand"]))
    where = "never: rapport keeps winning" if math.isinf(balance) else f"at {balance:.2f} hours"
    return (f"Two panels against hours of contact, 0 to {curve['hours'].max():g}. Top: the chance of at least one "
            f"new demand rises from 0 towards 100%, {chance:.0%} at the {hours:g}-hour meeting marked. Bottom, in "
            f"points: rapport rises quickly to {curve['rapport'].max():.1f}, the expected cost of new demands rises "
            f"to {curve['expected_demand_cost'].max():.1f}, and their difference peaks at "
            f"{curve['net'].max():.1f}, {where}.")


def draw_win_sets(ax, counts: pd.DataFrame, budgets: dict[str, float]) -> None:
    """Packages counted at each domestic cost: stacked bars of those the US accepts and those it refuses."""
    x = counts["domestic_political_cost"]
    ax.bar(x, counts["us_accepts"], color=SERIES_COLOURS[0], edgecolor="black", label="US accepts (both US levels)")
    ax.bar(x, counts["us_refuses"], bottom=counts["us_accepts"], color="white", edgecolor="black", hatch="..",
           label="US refuses")
    from matplotlib.ticker import MaxNLocator

    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    top = float((counts["us_accepts"] + counts["us_refuses"]).max())
    ax.set_ylim(0, top * 1.3)
    for i, (text, budget) in enumerate(budgets.items()):
        ax.axvline(budget + 0.5, color="black", linewidth=1.5, linestyle=["-", "--"][i % 2])
        # Each label sits left of its own line, at its own height, so the two never overlap.
        ax.annotate(f"{text}: Japan's cost ≤ {budget:g}", (budget + 0.5, top * (1.22 - 0.1 * i)), xytext=(-5, 0),
                    textcoords="offset points", ha="right", va="center", fontsize=TEXT,
                    bbox={"facecolor": "white", "edgecolor": "none", "pad": 1})
    ax.set_xlabel("Japan's domestic political cost of the package (points, our judgement)")
    ax.set_ylabel("Number of packages")
    ax.set_title("Two-level game: deals both can ratify are blue, left of the line")
    ax.legend(loc="upper right", fontsize=TEXT, frameon=True, framealpha=1, edgecolor="#999999")


def alt_win_sets(counts: pd.DataFrame, budgets: dict[str, float], both: dict[str, int]) -> str:
    return (f"Stacked bars of the {int(counts[['us_accepts', 'us_refuses']].to_numpy().sum())} packages by Japan's "
            f"domestic political cost, 0 to {counts['domestic_political_cost'].max():g} points: solid for packages the "
            f"US accepts ({int(counts['us_accepts'].sum())} in all), dotted for those it refuses. Vertical lines mark "
            "Japan's budgets: " + "; ".join(f"{t} at {b:g}, where {both[t]} packages fit both sides"
                                            for t, b in budgets.items()) + ".")
