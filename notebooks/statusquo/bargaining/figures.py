"""The charts of notebooks 03 and 04, and their alt text built from the same values.

Each `draw_*` takes an Axes and the computed tables; each `alt_*` returns the alt text from those
tables, so a changed value changes the words too. Text is never smaller than 10 pt.
"""

from __future__ import annotations

import textwrap

import pandas as pd

from ..plots import SERIES_COLOURS

__all__ = [
    "TEXT",
    "alt_best_by_budget",
    "alt_fms_budget",
    "alt_option_frontier",
    "alt_package_map",
    "draw_best_by_budget",
    "draw_fms_budget",
    "draw_option_frontier",
    "draw_package_map",
    "draw_package_panel",
]

TEXT = 10  # smallest font size on any chart, in points


def _money(value: float) -> str:
    return f"JPY {value:.2f} tn"


# --- Notebook 03 ------------------------------------------------------------------------------------

def draw_fms_budget(ax, fms: pd.DataFrame) -> None:
    budget = fms[fms["basis"] == "initial budget, contract basis"]
    actual = fms[fms["basis"] == "actual contracts (Board of Audit)"]
    ax.bar(budget["fiscal_year"], budget["value_jpy_bn"], color=SERIES_COLOURS[0], edgecolor="black", linewidth=0.5,
           label="initial budget, contract basis")
    ax.scatter(actual["fiscal_year"], actual["value_jpy_bn"], marker="D", s=70, color=SERIES_COLOURS[1],
               edgecolor="black", zorder=3, label="actual contracts (Board of Audit, published 2026)")
    ax.set_xticks(list(budget["fiscal_year"]), labels=[f"FY{y % 100:02d}" for y in budget["fiscal_year"]])
    ax.set_xlabel("Japanese fiscal year (April to March)")
    ax.set_ylabel("FMS procurement (JPY billion)")
    ax.set_title("Japan's purchases of US arms through FMS, FY2013–FY2024")
    ax.legend(loc="upper left", fontsize=TEXT)


def alt_fms_budget(fms: pd.DataFrame) -> str:
    budget = fms[fms["basis"] == "initial budget, contract basis"].set_index("fiscal_year")["value_jpy_bn"]
    actual = fms[fms["basis"] == "actual contracts (Board of Audit)"].set_index("fiscal_year")["value_jpy_bn"]
    return (f"Bar chart of Japan's FMS procurement budget by fiscal year, FY{budget.index.min()} to "
            f"FY{budget.index.max()}, in JPY billion: between {budget.min():,.0f} and "
            f"{budget.drop(budget.idxmax()).max():,.0f} in most years, highest in FY{budget.idxmax()} at "
            f"{budget.max():,.0f}. Diamonds show the Board of Audit's actual contracts: "
            + ", ".join(f"{v:,.0f} in FY{y}" for y, v in actual.items()) + ".")


def draw_option_frontier(ax, frontier: pd.DataFrame) -> None:
    """Offers by cost and visible value; the frontier joins only undominated offers; shade what they dominate."""
    on = frontier[frontier["on_frontier"]].sort_values("cost_to_japan")
    off = frontier[~frontier["on_frontier"]]
    # The area a frontier offer dominates: more costly and no more visible. Drawn as a light staircase.
    xs, ys = [], []
    for row in on.itertuples():
        xs += [row.cost_to_japan, row.cost_to_japan]
        ys += [ys[-1] if ys else 0, row.visible_value_us]
    xs.append(10.5)
    ys.append(ys[-1])
    ax.fill_between(xs, ys, 0, facecolor="#f0f0f0", hatch="..", edgecolor="#b0b0b0", linewidth=0,
                    label="dominated area: costs more, shows no more")
    ax.plot(on["cost_to_japan"], on["visible_value_us"], color=SERIES_COLOURS[1], linewidth=2,
            label="frontier (joins undominated offers only)")
    ax.scatter(off["cost_to_japan"], off["visible_value_us"], s=110, marker="o", facecolor="white",
               edgecolor="black", linewidth=1.2, zorder=3, label="dominated offer")
    ax.scatter(on["cost_to_japan"], on["visible_value_us"], s=130, marker="s", color=SERIES_COLOURS[0],
               edgecolor="black", zorder=4, label="offer on the frontier")
    # Label placement, chosen so that no label covers another or a marker: (dx, dy, ha, va, wrap width).
    placement = {"invest_us_ai": (-9, 6, "right", "bottom", 40), "buy_us_energy": (9, 0, "left", "center", 10),
                 "buy_us_weapons": (9, 0, "left", "center", 10), "share_defense_burden": (0, 9, "center", "bottom", 18)}
    for row in frontier.itertuples():
        dx, dy, ha, va, width = placement.get(row.option_id, (9, -4, "left", "top", 40))
        ax.annotate(textwrap.fill(row.label, width), (row.cost_to_japan, row.visible_value_us), xytext=(dx, dy),
                    textcoords="offset points", fontsize=TEXT, ha=ha, va=va)
    ax.set_xlim(-0.5, 10.5)
    ax.set_ylim(0, 10)
    ax.set_xlabel("Cost to Japan (score 0–10, our judgement)")
    ax.set_ylabel("Visible value to the US side (score 0–10)")
    ax.set_title("Offers: cost to Japan against visible value to the US")
    ax.legend(loc="lower right", fontsize=TEXT, frameon=True, framealpha=1, edgecolor="#999999")


def alt_option_frontier(frontier: pd.DataFrame) -> str:
    def listing(rows):
        return "; ".join(f"{r.label} (cost {r.cost_to_japan:.0f}, visible value {r.visible_value_us:.0f})"
                         for r in rows.itertuples())
    on, off = frontier[frontier["on_frontier"]], frontier[~frontier["on_frontier"]]
    return (f"Scatter of {len(frontier)} offers by cost to Japan (x) and visible value to the US (y), judgement "
            f"scores 0 to 10. {len(on)} offers are on the frontier, joined by a line: {listing(on)}. "
            f"{len(off)} are dominated, shown as hollow circles in a dotted grey area: {listing(off)}.")


def draw_best_by_budget(ax, by_budget: pd.DataFrame, marks: dict[str, float]) -> None:
    ax.step(by_budget["budget"], by_budget["value"], where="post", color=SERIES_COLOURS[0], linewidth=2.2,
            marker="o", markersize=6, label="value of the best package")
    ax.step(by_budget["budget"], by_budget["visible_value_us"], where="post", color=SERIES_COLOURS[1],
            linewidth=2.2, linestyle="--", marker="s", markersize=6, label="its visible value to the US")
    top = float(max(by_budget["value"].max(), by_budget["visible_value_us"].max()))
    for text, budget in marks.items():
        ax.axvline(budget, color="black", linewidth=1, linestyle=":")
        ax.annotate(f"{text} budget", (budget, top), xytext=(-4, 0), textcoords="offset points", fontsize=TEXT,
                    rotation=90, ha="right", va="top", bbox={"facecolor": "white", "edgecolor": "none", "pad": 1})
    ax.set_xlabel("Political budget: domestic cost Ishiba can carry (points, our judgement)")
    ax.set_ylabel("Points (sum of judgement scores)")
    ax.set_title("A bigger political budget buys a better package")
    ax.legend(loc="lower right", fontsize=TEXT)


def alt_best_by_budget(by_budget: pd.DataFrame, marks: dict[str, float]) -> str:
    at = by_budget.set_index("budget")["value"]
    return (f"Step chart of the best package's value (solid) and its visible value to the US (dashed) as the "
            f"political budget rises from {at.index.min():g} to {at.index.max():g} points. Value "
            f"{at.iloc[0]:.0f} at budget {at.index.min():g}, "
            + ", ".join(f"{at.loc[b]:.0f} at the {t} budget of {b:g}" for t, b in marks.items())
            + f", and {at.iloc[-1]:.0f} at {at.index.max():g}.")


def draw_package_panel(ax, by_cost: pd.DataFrame, best: pd.Series, budget: float) -> None:
    """The 256 packages summarised: at each domestic cost a bar from lowest to highest value, the best marked."""
    fits = by_cost["domestic_political_cost"] <= budget + 1e-9
    for inside, colour, marker, label in [(True, SERIES_COLOURS[0], "s", "best at this cost, within the budget"),
                                          (False, SERIES_COLOURS[6], "o", "best at this cost, over the budget")]:
        rows = by_cost[fits == inside]
        ax.vlines(rows["domestic_political_cost"], rows["lowest_value"], rows["highest_value"], color=colour,
                  linewidth=5, alpha=0.35, label="range of package values at this cost" if inside else None)
        ax.scatter(rows["domestic_political_cost"], rows["highest_value"], s=70, marker=marker,
                   color=colour if inside else "white", edgecolor="black", zorder=3, label=label)
    ax.axvspan(budget + 0.5, by_cost["domestic_political_cost"].max() + 1, facecolor="#eeeeee", hatch="//",
               edgecolor="#bbbbbb", linewidth=0, zorder=0, label="over the political budget")
    ax.scatter([best["domestic_political_cost"]], [best["value"]], s=380, marker="*", color=SERIES_COLOURS[3],
               edgecolor="black", linewidth=0.8, zorder=5, label="best package within the budget")
    ax.set_xlim(-0.7, by_cost["domestic_political_cost"].max() + 1)
    ax.set_xlabel("Domestic political cost of the package (points, our judgement)")
    ax.set_ylabel("Value to Japan: w_V·V + w_S·S − w_C·C (points)")
    ax.set_title("Every package: range of values at each domestic cost")
    ax.legend(loc="upper left", fontsize=TEXT)


draw_package_map = draw_package_panel  # the name notebook 03 calls


def alt_package_map(by_cost: pd.DataFrame, best: pd.Series, budget: float, label: str) -> str:
    return (f"Chart of all {int(by_cost['packages'].sum())} packages grouped by their domestic political cost "
            f"(0 to {by_cost['domestic_political_cost'].max():g} points): a bar at each cost runs from the lowest "
            f"to the highest package value there, from {by_cost['lowest_value'].min():.0f} to "
            f"{by_cost['highest_value'].max():.0f} points, with a marker on the best. Costs above the budget of "
            f"{budget:g} are shaded. A star marks the best package within the budget: {label}, value "
            f"{best['value']:.0f}, domestic cost {best['domestic_political_cost']:.0f}.")
