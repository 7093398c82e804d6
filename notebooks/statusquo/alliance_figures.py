"""The figures of notebook 01, each returning (figure, alt text) with the alt text built from the values drawn.

Kept apart from `alliance` so the model reads first; `alliance` re-exports these names.
"""

from __future__ import annotations

import pandas as pd

from .alliance import INDICATOR_LABELS, INDICATORS, MAIN_BASIS, indicator_table


def budget_figure(budget: pd.DataFrame):
    """Japan's defence budget by fiscal year: bars on the main basis, markers for the other bases."""
    import matplotlib.pyplot as plt

    from . import plots

    fig, ax = plt.subplots(figsize=(9, 4.8), layout="constrained")
    headline = budget[budget["basis"] == MAIN_BASIS].set_index("fiscal_year").sort_index()
    for stage, hatch, colour in [("initial budget", "", "blue"), ("budget bill", "//", "sky_blue")]:
        part = headline[headline["stage"] == stage]
        ax.bar(part.index, part["budget_jpy_bn"], color=plots.OKABE_ITO[colour], hatch=hatch, edgecolor="black",
               linewidth=0.6, label=f"Incl. SACO and US realignment ({stage})")
    others = [("excl. SACO and US realignment", "o", "orange"), ("Defense Buildup Program covered", "D", "vermillion")]
    for basis, marker, colour in others:
        part = budget[budget["basis"] == basis]
        ax.plot(part["fiscal_year"], part["budget_jpy_bn"], linestyle="none", marker=marker, markersize=8,
                color=plots.OKABE_ITO[colour], markeredgecolor="black", label=f"{basis[0].upper()}{basis[1:]}")
    first, last = headline.index.min(), headline.index.max()
    for year in (first, last):
        value = headline.loc[year, "budget_jpy_bn"]
        ax.annotate(f"{value:,.0f}", (year, value), xytext=(0, 4), textcoords="offset points", ha="center",
                    fontsize=11)
    ax.set_xticks(list(headline.index), labels=[f"FY{y % 100:02d}" for y in headline.index], fontsize=10)
    ax.tick_params(axis="y", labelsize=11)
    ax.set_ylim(0, headline["budget_jpy_bn"].max() * 1.3)
    ax.set_xlabel("Japanese fiscal year (April-March)")
    ax.set_ylabel("Initial defence budget (JPY billion)")
    ax.set_title(f"Japan's defence budget, FY{first}-FY{last}")
    ax.legend(loc="upper left", fontsize=10)
    bills = ", ".join(f"FY{y}" for y in headline.index[headline["stage"] == "budget bill"])
    alt = (f"Bar chart of Japan's initial defence budget including SACO and US-realignment costs, FY{first} to "
           f"FY{last}, in billion yen: " + ", ".join(f"FY{y} {v:,.1f}" for y, v in headline["budget_jpy_bn"].items())
           + f". Hatched bars ({bills}) are budget-bill figures. Markers show the other bases: "
           + "; ".join(f"{basis}: " + ", ".join(f"FY{r.fiscal_year} {r.budget_jpy_bn:,.1f}" for r in
                                               budget[budget['basis'] == basis].itertuples())
                       for basis, _, _ in others) + ".")
    return fig, alt


def threats_figure(threats: pd.DataFrame):
    """Three panels: China's official budget, SIPRI's North Korean warhead estimates, launch events.

    Only the rows marked `used` are drawn; the others are second reports of the same figure.
    """
    import matplotlib.pyplot as plt

    from . import plots

    threats = threats[threats["used"].astype(bool)]

    fig, axes = plt.subplots(1, 3, figsize=(10, 4.4), layout="constrained")
    panels = [("china_defense_budget", "China: official budget", "CNY billion", "vermillion", ""),
              ("north_korea_warheads", "N. Korea: warheads", "Assembled warheads (SIPRI)", "blue", ""),
              ("north_korea_launch_events", "N. Korea: launch events", "Launch events (count)", "orange", "..")]
    described = []
    for ax, (indicator, title, ylabel, colour, hatch) in zip(axes, panels):
        part = threats[threats["indicator"] == indicator].sort_values("year")
        bars = ax.bar(part["year"], part["value"], color=plots.OKABE_ITO[colour], edgecolor="black", linewidth=0.6,
                      hatch=hatch)
        label_every = 1 if len(part) <= 5 else 3
        for i, (bar, value) in enumerate(zip(bars, part["value"])):
            if i % label_every == 0 or i == len(part) - 1:
                prefix = "~" if indicator == "north_korea_warheads" else ""
                ax.text(bar.get_x() + bar.get_width() / 2, value, f"{prefix}{value:,.0f}", ha="center",
                        va="bottom", fontsize=10)
        ax.set_ylim(0, part["value"].max() * 1.25)
        ax.set_xticks(list(part["year"])[::label_every] if label_every > 1 else list(part["year"]))
        ax.tick_params(labelsize=10)
        ax.set_title(title, fontsize=12)
        ax.set_ylabel(ylabel, fontsize=11)
        ax.set_xlabel("January of year" if indicator == "north_korea_warheads" else "Year", fontsize=11)
        described.append(f"{title}: " + ", ".join(f"{int(r.year)} {r.value:,.0f}" for r in part.itertuples()))
    warheads = threats[threats["indicator"] == "north_korea_warheads"]
    start = int(warheads["year"].min())
    axes[1].text(0.02, 0.98, f"New basis from {start}:\nearlier SIPRI figures\nare not comparable",
                 transform=axes[1].transAxes, va="top", fontsize=10)
    fig.suptitle("The threats P3 alludes to", fontweight="bold", x=0.01, ha="left")
    alt = ("Three bar panels. " + ". ".join(described) + f". SIPRI's warhead estimates start in {start} because "
           "SIPRI then began counting assembled warheads; its earlier figures measured something else.")
    return fig, alt


def allies_figure(allies: pd.DataFrame):
    """Three bar panels, one per indicator, for the six allies; missing figures are marked n/a."""
    import matplotlib.pyplot as plt

    from . import plots

    usable = indicator_table(allies)
    order = list(usable.index)[::-1]
    fig, axes = plt.subplots(1, 3, figsize=(10, 4.4), layout="constrained", sharey=True)
    described = []
    for ax, indicator in zip(axes, INDICATORS):
        values = usable[indicator].reindex(order)
        colours = [plots.OKABE_ITO["vermillion"] if a == "Japan" else plots.OKABE_ITO["blue"] for a in order]
        bars = ax.barh(order, values.fillna(0), color=colours, edgecolor="black", linewidth=0.6)
        for bar, ally in zip(bars, order):
            bar.set_hatch("//" if ally == "Japan" else "")
            value = values[ally]
            text = "n/a" if pd.isna(value) else (f"{value:,.0f}" if indicator == "us_troops_hosted" else f"{value:.1f}")
            ax.text((0 if pd.isna(value) else value) + values.max() * 0.03, bar.get_y() + bar.get_height() / 2,
                    text, va="center", fontsize=10)
        ax.set_xlim(0, values.max() * 1.45)
        ax.set_xlabel(INDICATOR_LABELS[indicator], fontsize=11)
        ax.tick_params(labelsize=10)
        ax.grid(axis="y", visible=False)
        described.append(f"{INDICATOR_LABELS[indicator]}: " + ", ".join(
            f"{a} {'n/a' if pd.isna(v) else format(v, ',.0f' if indicator == 'us_troops_hosted' else '.1f')}"
            for a, v in usable[indicator].items()))
    fig.suptitle("Japan and five other US allies on three indicators", fontweight="bold", x=0.01, ha="left")
    return fig, "Three horizontal bar panels, one per indicator. " + ". ".join(described) + "."




def source_line(table: pd.DataFrame, sources: pd.DataFrame, width: int = 150) -> str:
    """The publishers of the sources a table cites, with their tiers, wrapped for a figure's source line."""
    import textwrap

    cited = sources[sources["source_id"].isin(table["source_id"].dropna())]
    # The figure font has no CJK glyphs: a publisher written in Japanese is named by its source id instead.
    names = sorted({f"{row.publisher if row.publisher.isascii() else row.source_id} ({row.tier})"
                    for row in cited.itertuples()})
    return textwrap.fill("; ".join(names), width)
