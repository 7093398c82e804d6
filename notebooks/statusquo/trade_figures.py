"""The figures of notebook 02, kept here so the notebook reads as a story.

Each `*_figure` function takes the tables the notebook has computed and returns (figure, alt text);
the alt text is written from the same values the figure draws, never typed, so it cannot go stale.
The notebook then calls `plots.publish(fig, name, alt=alt, source=...)`. Every text is at least 10 pt,
colours are Okabe–Ito and each series also has its own marker or hatch, so the charts read in greyscale.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from .plots import HATCHES, MARKERS, SERIES_COLOURS
from .trade import AT_RISK, HORIZON_LABELS, PASS_THROUGH_NEUTRAL_ELASTICITY

TEXT = 10  # the smallest font size used anywhere in these figures
BLUE, ORANGE, GREEN, VERMILLION = SERIES_COLOURS[0], SERIES_COLOURS[1], SERIES_COLOURS[2], SERIES_COLOURS[3]


def _join(items: list[str]) -> str:
    return ", ".join(items[:-1]) + " and " + items[-1] if len(items) > 1 else "".join(items)


# --- The deficit and the claims ------------------------------------------------------------------------

def deficit_figure(balance: pd.DataFrame, goods: pd.DataFrame, claims: pd.DataFrame):
    """Bars of the measured US goods deficit by year, other sources' figures as crosses, claims as diamonds."""
    deficit = -balance["balance"]
    years = balance.index.to_numpy()
    fig, ax = plt.subplots(figsize=(9, 5), layout="constrained")
    ax.bar(years, deficit.fillna(0), color=BLUE, edgecolor="black", linewidth=0.6,
           label="US goods deficit with Japan, measured (Census basis)")
    for year, value in deficit.items():
        if pd.isna(value):
            ax.text(year, 2, "no confirmed\nfigure", ha="center", va="bottom", fontsize=TEXT, rotation=90, color="#333333")
        else:
            ax.text(year, value + 1, f"{value:.1f}", ha="center", va="bottom", fontsize=TEXT)
    others = goods[(goods["flow"] == "balance") & ~goods["used"]]
    ax.scatter(others["year"] + 0.28, -others["value_usd_bn"], marker="x", s=50, color="black", zorder=3,
               label="another source's figure for that year")
    for _, claim in claims.iterrows():
        x = min(claim["compare_year"] - 0.3, 2024.35)
        ax.vlines(x, claim["claimed_low_usd_bn"], claim["claimed_high_usd_bn"], color=ORANGE, linewidth=2)
        ax.scatter([x, x], [claim["claimed_low_usd_bn"], claim["claimed_high_usd_bn"]], marker="D", s=45,
                   color=ORANGE, edgecolor="black", zorder=4)
        ax.annotate(f"Trump, {claim['date']:%b %Y}:\n{claim['claimed_high_usd_bn']:.0f} bn", xy=(x, claim["claimed_high_usd_bn"]),
                    xytext=(-6, 2), textcoords="offset points", ha="right", fontsize=TEXT, color="#6b3d00",
                    parse_math=False)
    ax.scatter([], [], marker="D", color=ORANGE, edgecolor="black", label="figure Trump gave (range)")
    ax.set_ylim(0, 112)
    ax.set_xticks(years)
    ax.set_xlabel("Year")
    ax.set_ylabel("US goods deficit with Japan\n(USD billion, nominal)")
    ax.set_title(f"The US goods deficit with Japan, {years[0]}–{years[-1]}, and Trump's figures")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.14), ncols=2, fontsize=TEXT)
    measured = [f"{v:.1f} ({y})" if pd.notna(v) else f"no confirmed figure ({y})" for y, v in deficit.items()]
    other_text = _join([f"{-v:.1f} ({y})" for y, v in zip(others["year"], others["value_usd_bn"])])
    claim_text = _join([f"{c.claimed_low_usd_bn:.0f} to {c.claimed_high_usd_bn:.0f} billion on {c.date.day} {c.date:%B %Y}, "
                        f"against {c.compare_year}" if c.claimed_low_usd_bn < c.claimed_high_usd_bn else
                        f"{c.claimed_high_usd_bn:.0f} billion on {c.date.day} {c.date:%B %Y}, against {c.compare_year}"
                        for c in claims.itertuples()])
    alt = (f"Bar chart of the US goods deficit with Japan in US dollars billion: {_join(measured)}. Crosses mark other "
           f"sources' figures: {other_text}. Diamonds mark the figures Trump gave: {claim_text}.")
    return fig, alt


# --- What Japan sells the US ----------------------------------------------------------------------------

def exports_figure(exports: pd.DataFrame):
    """Horizontal bars of Japan's 2024 exports to the US by product group; cars and parts hatched."""
    fig, ax = plt.subplots(figsize=(9, 4.2), layout="constrained")
    ordered = exports.iloc[::-1]
    is_car = ordered["product_group"].isin(["autos", "auto_parts"]).to_numpy()
    bars = ax.barh(ordered["label"], ordered["exports_jpy_tn"], color=np.where(is_car, ORANGE, BLUE),
                   edgecolor="black", linewidth=0.6)
    for bar, car in zip(bars, is_car):
        bar.set_hatch(HATCHES[1] if car else "")
    for y, (value, share) in enumerate(zip(ordered["exports_jpy_tn"], ordered["share_percent"])):
        ax.text(value + 0.15, y, f"¥{value:.2f} tn ({share:.1f}%)", va="center", fontsize=TEXT)
    ax.set_xlim(0, ordered["exports_jpy_tn"].max() * 1.35)
    ax.set_xlabel("Japan's exports to the US, 2024 (JPY trillion, nominal)")
    ax.set_title("What Japan sells the US: cars and parts are a third")
    ax.grid(axis="y", visible=False)
    parts = _join([f"{r.label.lower()} {r.exports_jpy_tn:.2f} ({r.share_percent:.1f} percent)" for r in exports.itertuples()])
    alt = (f"Horizontal bar chart of Japan's 2024 exports to the US by product group, in yen trillion: {parts}. "
           "Cars and parts are orange and hatched; the others are blue and plain.")
    return fig, alt


# --- Investment --------------------------------------------------------------------------------------------

def fdi_figure(positions: pd.DataFrame):
    """Bars of Japan's direct-investment position in the US by year, with Canada (the next) where published."""
    fig, ax = plt.subplots(figsize=(9, 4.4), layout="constrained")
    years = positions.index.to_numpy()
    width = 0.38
    ax.bar(years - width / 2, positions["Japan"], width, color=BLUE, edgecolor="black", linewidth=0.6, label="Japan")
    canada = positions["Canada"].dropna()
    ax.bar(canada.index.to_numpy() + width / 2, canada, width, color=GREEN, hatch=HATCHES[2], edgecolor="black",
           linewidth=0.6, label="Canada (next largest)")
    for year, value in positions["Japan"].items():
        ax.text(year - width / 2, value + 10, f"{value:,.0f}", ha="center", va="bottom", fontsize=TEXT)
    for year, value in canada.items():
        ax.text(year + width / 2, value + 10, f"{value:,.0f}", ha="center", va="bottom", fontsize=TEXT)
    ax.set_xticks(years)
    ax.set_ylim(0, positions["Japan"].max() * 1.18)
    ax.set_xlabel("End of year")
    ax.set_ylabel("Direct-investment position in the US\n(USD billion, historical cost)")
    ax.set_title("Japan's direct investment in the US, and the next investor")
    ax.legend(loc="upper left", fontsize=TEXT)
    ax.grid(axis="x", visible=False)
    japan = _join([f"{v:,.0f} ({y})" for y, v in positions["Japan"].items()])
    alt = (f"Bar chart of Japan's direct-investment position in the US, in US dollars billion: {japan}. Hatched green "
           f"bars show Canada, the next largest, where published: "
           f"{_join([f'{v:,.0f} ({y})' for y, v in canada.items()])}.")
    return fig, alt


# --- The model's answers -----------------------------------------------------------------------------------

def horizons_figure(table: pd.DataFrame):
    """Per scenario, short-run and long-run export revenue at risk side by side, each with its own range."""
    # The status quo puts nothing at risk: said in the alt text and the notebook, not drawn as empty bars.
    nothing = [s for s, rows in table.groupby("scenario", sort=False) if rows["export_revenue_at_risk_high_jpy_tn"].eq(0).all()]
    table = table[~table["scenario"].isin(nothing)]
    scenarios = list(dict.fromkeys(table["scenario"]))[::-1]
    fig, ax = plt.subplots(figsize=(9.5, 5.4), layout="constrained")
    height = 0.38
    styles = {"short_run": (BLUE, "", +height / 2), "long_run": (ORANGE, HATCHES[1], -height / 2)}
    top = table["export_revenue_at_risk_high_jpy_tn"].max()
    for horizon, (colour, hatch, offset) in styles.items():
        rows = table[table["horizon"] == horizon].set_index("scenario").loc[scenarios]
        y = np.arange(len(scenarios)) + offset
        central, low, high = (rows[AT_RISK], rows["export_revenue_at_risk_low_jpy_tn"],
                              rows["export_revenue_at_risk_high_jpy_tn"])
        ax.barh(y, central, height, color=colour, hatch=hatch, edgecolor="black", linewidth=0.6,
                label=f"{HORIZON_LABELS[horizon]}: central, with low–high range")
        ax.errorbar(central, y, xerr=[central - low, high - central], fmt="none", ecolor="black", capsize=4, linewidth=1.2)
        for yy, c, lo, hi in zip(y, central, low, high):
            ax.text(hi + top * 0.015, yy, f"¥{c:.2f} tn ({lo:.2f}–{hi:.2f})", va="center", fontsize=TEXT)
    ax.set_yticks(np.arange(len(scenarios)), labels=scenarios)
    ax.set_xlim(0, top * 1.5)
    ax.set_xlabel("Export revenue at risk, Japan's goods exports to the US (JPY trillion, 2024 base)")
    ax.set_title("Export revenue at risk: one year after the tariff, and after 7 to 10 years")
    ax.legend(loc="upper center", bbox_to_anchor=(0.4, -0.13), ncols=1, fontsize=TEXT)
    ax.grid(axis="y", visible=False)
    parts = []
    for scenario in scenarios[::-1]:
        rows = table[table["scenario"] == scenario].set_index("horizon")
        s, lr = rows.loc["short_run"], rows.loc["long_run"]
        parts.append(f"{scenario}: short run {s[AT_RISK]:.2f} ({s['export_revenue_at_risk_low_jpy_tn']:.2f} to "
                     f"{s['export_revenue_at_risk_high_jpy_tn']:.2f}), long run {lr[AT_RISK]:.2f} "
                     f"({lr['export_revenue_at_risk_low_jpy_tn']:.2f} to {lr['export_revenue_at_risk_high_jpy_tn']:.2f})")
    alt = ("Horizontal bar chart of export revenue at risk in yen trillion for each tariff scenario, two bars each, "
           "short run (blue, plain) and long run (orange, hatched), with low to high ranges. " + "; ".join(parts) + "."
           + (f" Not drawn, because nothing is at risk: {_join(nothing)}." if nothing else ""))
    return fig, alt


def pass_through_figure(curve: pd.DataFrame, short_range: tuple[float, float], long_range: tuple[float, float],
                        scenario: str):
    """Revenue at risk against the elasticity, one line per pass-through value; the lines cross at 1."""
    fig, ax = plt.subplots(figsize=(9, 4.8), layout="constrained")
    pass_throughs = sorted(curve["pass_through"].unique())
    for i, (p, line) in enumerate(zip(pass_throughs, ("--", "-"))):
        rows = curve[curve["pass_through"] == p].sort_values("elasticity")
        ax.plot(rows["elasticity"], rows[AT_RISK], line, color=SERIES_COLOURS[2 * i], marker=MARKERS[i], markevery=4,
                linewidth=2, label=f"pass-through {p:g}" + (" (US buyers pay all)" if p == 1 else " (exporters absorb half)"))
    for (lo, hi), label, hatch in ((short_range, "short-run\nrange", "//"), (long_range, "long-run\nrange", "..")):
        ax.axvspan(lo, hi, facecolor="#eeeeee", edgecolor="#888888", hatch=hatch, zorder=0)
        ax.text((lo + hi) / 2, ax.get_ylim()[1] * 0.97, label, ha="center", va="top", fontsize=TEXT,
                bbox={"facecolor": "white", "edgecolor": "none", "pad": 1.5})
    ax.axvline(PASS_THROUGH_NEUTRAL_ELASTICITY, color="black", linewidth=1, linestyle=":")
    ax.annotate("elasticity 1: pass-through\nchanges nothing", xy=(PASS_THROUGH_NEUTRAL_ELASTICITY, ax.get_ylim()[0]),
                xytext=(6, 12), textcoords="offset points", fontsize=TEXT,
                bbox={"facecolor": "white", "edgecolor": "none", "pad": 1.5})
    ax.set_xlabel("Import elasticity (% fall in volume per 1% price rise)")
    ax.set_ylabel("Export revenue at risk\n(JPY trillion)")
    ax.set_title(f"Who pays the tariff matters less than how buyers react ({scenario})")
    ax.legend(loc="lower right", fontsize=TEXT, frameon=True, facecolor="white", edgecolor="#cccccc")
    at = {p: curve[curve["pass_through"] == p].set_index("elasticity")[AT_RISK] for p in pass_throughs}
    lo_e, hi_e = curve["elasticity"].min(), curve["elasticity"].max()
    alt = (f"Line chart for {scenario}: export revenue at risk in yen trillion against the import elasticity from "
           f"{lo_e:g} to {hi_e:g}, one line per pass-through value. At elasticity {lo_e:g}: "
           + ", ".join(f"pass-through {p:g} gives {at[p].loc[lo_e]:.2f}" for p in pass_throughs)
           + f". At elasticity {hi_e:g}: " + ", ".join(f"pass-through {p:g} gives {at[p].loc[hi_e]:.2f}" for p in pass_throughs)
           + f". The lines cross at elasticity {PASS_THROUGH_NEUTRAL_ELASTICITY:g}, where pass-through makes no difference. "
           f"Shaded bands mark the short-run range {short_range[0]:g} to {short_range[1]:g}, which straddles the crossing, "
           f"and the long-run range {long_range[0]:g} to {long_range[1]:g}, which lies above it.")
    return fig, alt


def draw_tariff_panel(ax, table: pd.DataFrame, title: str = "Export revenue at risk, by product group") -> None:
    """Horizontal bars of export revenue at risk per group (JPY tn), each labelled with its value.

    Takes the new column (export_revenue_at_risk_jpy_tn) or, from older callers, loss_jpy_tn.
    """
    column = AT_RISK if AT_RISK in table.columns else "loss_jpy_tn"
    ordered = table.iloc[::-1]
    positions = range(len(ordered))
    ax.barh(positions, ordered[column], color=VERMILLION, hatch=HATCHES[1], edgecolor="black", linewidth=0.6)
    ax.set_yticks(list(positions), labels=list(ordered["label"]))
    top = max(float(ordered[column].max()), 0.1)
    for y, value in zip(positions, ordered[column]):
        ax.text(value + top * 0.02, y, f"¥{value:.2f} tn", va="center", fontsize=TEXT)
    ax.set_xlim(0, top * 1.3)
    ax.set_xlabel("Export revenue at risk (JPY trillion, 2024 base)")
    ax.set_title(title, fontsize=12)
    ax.tick_params(labelsize=TEXT)
    ax.grid(axis="y", visible=False)


draw_revenue_bars = draw_tariff_panel  # the name notebook 02 calls
