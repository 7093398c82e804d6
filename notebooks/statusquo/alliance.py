"""How dependent is an ally on the United States? A small, transparent dependence index (notebook 01).

The index in words:
1. For each ally take three indicators (table `alliance_allies`, rows with `use_in_index` true):
   US troops hosted (persons), military spending (% of GDP), share of goods exports going to the US (%).
2. Keep only the allies that have a figure for every indicator with a weight above zero. The others are
   listed with the reason, never filled in with a guess.
3. Rescale each indicator to 0-1 across the allies kept (min-max): the lowest value scores 0, the highest 1.
   An indicator where "lower means more dependent" (military spending) is flipped: score = 1 - score.
4. Index = sum(weight x score) / sum(weights), times 100. 100 = most dependent on every weighted
   indicator among the allies compared; 0 = least dependent on every one.
5. Rank from most to least dependent.

The weights and directions are a teaching judgement (data/assumptions/alliance_weights.csv), which is
the point of the lesson: change them and the middle of the ranking moves.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

import pandas as pd

from .data import load
from .exercises import exercise

INDICATORS = ["us_troops_hosted", "military_spending_pct_gdp", "exports_to_us_share"]
INDICATOR_LABELS = {
    "us_troops_hosted": "US troops hosted (persons)",
    "military_spending_pct_gdp": "Military spending (% of GDP)",
    "exports_to_us_share": "Goods exports going to the US (%)",
}
SECURITY_INDICATORS = ["us_troops_hosted", "military_spending_pct_gdp"]
ECONOMIC_INDICATORS = ["exports_to_us_share"]
HIGHER, LOWER = "higher means more dependent", "lower means more dependent"


# --- Inputs ------------------------------------------------------------------------------------------

def default_weights(assumptions: pd.DataFrame | None = None) -> dict[str, float]:
    """The default weights from data/assumptions/alliance_weights.csv, as {indicator: weight}."""
    assumptions = load("alliance_weights") if assumptions is None else assumptions
    return {row.indicator: float(row.weight) for row in assumptions.itertuples()}


def directions(assumptions: pd.DataFrame | None = None) -> dict[str, str]:
    """Whether a higher value of each indicator means more dependence, from the assumptions table."""
    assumptions = load("alliance_weights") if assumptions is None else assumptions
    return {row.indicator: row.direction for row in assumptions.itertuples()}


def validate_weights(weights: Mapping[str, float]) -> dict[str, float]:
    """Check weights and return them as floats for every indicator (a missing indicator counts as 0).

    Raises ValueError, naming the parameter and the allowed range, for an unknown indicator, a weight that
    is not a finite number, a negative weight, or weights that are all zero (nothing left to measure).
    """
    unknown = sorted(set(weights) - set(INDICATORS))
    if unknown:
        raise ValueError(f"weights: unknown indicator(s) {unknown}; allowed: {INDICATORS}")
    checked = {}
    for indicator in INDICATORS:
        value = weights.get(indicator, 0.0)
        try:
            value = float(value)
        except (TypeError, ValueError):
            raise ValueError(f"weights['{indicator}'] must be a number >= 0, got {value!r}") from None
        if not math.isfinite(value):
            raise ValueError(f"weights['{indicator}'] must be a finite number >= 0, got {value}")
        if value < 0:
            raise ValueError(f"weights['{indicator}'] must be >= 0 (a negative weight would reward independence), "
                             f"got {value}")
        checked[indicator] = value
    if sum(checked.values()) == 0:
        raise ValueError("weights: at least one weight must be above 0; all weights are zero, so the index "
                         "would measure nothing")
    return checked


def indicator_table(allies: pd.DataFrame) -> pd.DataFrame:
    """One row per ally, one column per indicator: the figure the index may use, or NaN where there is none.

    Allies appear in the order of the table's schema; an indicator with no usable figure stays empty.
    """
    usable = allies[allies["use_in_index"].astype(bool) & allies["value"].notna()]
    counts = usable.groupby(["ally", "indicator"]).size()
    if (counts > 1).any():
        raise ValueError(f"alliance_allies: more than one figure marked use_in_index for {list(counts[counts > 1].index)}")
    wide = usable.pivot(index="ally", columns="indicator", values="value").astype(float)
    order = list(dict.fromkeys(allies["ally"]))
    return wide.reindex(index=order, columns=INDICATORS)


# --- The index ---------------------------------------------------------------------------------------

def excluded_allies(wide: pd.DataFrame, weights: Mapping[str, float]) -> dict[str, str]:
    """Allies that cannot be ranked under these weights, with the reason (the indicators they lack)."""
    weights = validate_weights(weights)
    needed = [i for i in INDICATORS if weights[i] > 0]
    reasons = {}
    for ally, row in wide.iterrows():
        missing = [i for i in needed if pd.isna(row[i])]
        if missing:
            reasons[ally] = "no comparable figure for " + ", ".join(INDICATOR_LABELS[i] for i in missing)
    return reasons


def min_max_scores(values: pd.Series, direction: str = HIGHER) -> pd.Series:
    """Rescale to 0-1: (value - min) / (max - min); flipped (1 - score) when lower means more dependent.

    If every ally has the same value the indicator cannot tell them apart, so all score 0.5.
    """
    if direction not in (HIGHER, LOWER):
        raise ValueError(f"direction must be {HIGHER!r} or {LOWER!r}, got {direction!r}")
    low, high = values.min(), values.max()
    if high == low:
        scores = pd.Series(0.5, index=values.index)
    else:
        scores = (values - low) / (high - low)
    return 1 - scores if direction == LOWER else scores


def dependence_index(allies: pd.DataFrame, weights: Mapping[str, float],
                     directions_by_indicator: Mapping[str, str] | None = None) -> pd.DataFrame:
    """Rank the allies with complete data: raw values, 0-1 scores, the index (0-100) and the rank.

    Allies missing a weighted indicator are left out; `result.attrs["excluded"]` says who and why.
    Ties share the better rank.
    """
    weights = validate_weights(weights)
    directions_by_indicator = directions_by_indicator or directions()
    wide = indicator_table(allies)
    excluded = excluded_allies(wide, weights)
    kept = wide.drop(index=list(excluded))
    if kept.empty:
        raise ValueError("weights: no ally has figures for every indicator with a weight above 0")
    result = kept.copy()
    total = sum(weights.values())
    index = pd.Series(0.0, index=kept.index)
    for indicator in INDICATORS:
        if weights[indicator] == 0:
            result[f"score_{indicator}"] = float("nan")
            continue
        score = min_max_scores(kept[indicator], directions_by_indicator[indicator])
        result[f"score_{indicator}"] = score
        index += weights[indicator] * score
    result["index"] = (100 * index / total).round(1)
    result["rank"] = result["index"].rank(ascending=False, method="min").astype(int)
    result = result.sort_values(["rank", "index"], ascending=[True, False], kind="stable")
    result.index.name = "ally"
    result.columns.name = None
    result.attrs["excluded"] = excluded
    return result


def security_and_economic_scores(allies: pd.DataFrame, weights: Mapping[str, float],
                                 directions_by_indicator: Mapping[str, str] | None = None) -> pd.DataFrame:
    """Two sub-indices (0-100) for the scatter view, over the allies that have all three indicators.

    Security = the weighted mean of the troop and (reversed) spending scores, with the same weights as the
    index (equal weights if both are zero); economic = the export-share score. Both axes are rescaled over
    the same allies, so the points can be compared; `attrs["excluded"]` lists the allies left out.
    """
    weights = validate_weights(weights)
    directions_by_indicator = directions_by_indicator or directions()
    wide = indicator_table(allies)
    needs_all = {i: 1.0 for i in INDICATORS}
    excluded = excluded_allies(wide, needs_all)
    complete = allies[~allies["ally"].isin(list(excluded))]
    security_weights = {i: (weights[i] if i in SECURITY_INDICATORS else 0.0) for i in INDICATORS}
    if sum(security_weights.values()) == 0:
        security_weights = {i: (1.0 if i in SECURITY_INDICATORS else 0.0) for i in INDICATORS}
    economic_weights = {i: (1.0 if i in ECONOMIC_INDICATORS else 0.0) for i in INDICATORS}
    security = dependence_index(complete, security_weights, directions_by_indicator)["index"]
    economic = dependence_index(complete, economic_weights, directions_by_indicator)["index"]
    scores = pd.DataFrame({"security": security, "economic": economic})
    scores = scores.reindex([a for a in wide.index if a in scores.index])
    scores["exports_to_us_share"] = wide.loc[scores.index, "exports_to_us_share"]
    scores.index.name = "ally"
    scores.attrs["excluded"] = excluded
    return scores


# --- Small calculations used in the notebook ---------------------------------------------------------

def support_per_service_member(host_nation_support_jpy_bn: float, us_personnel: float) -> float:
    """Host-nation support per US service member, in JPY million a year: support x 1,000 / personnel."""
    if not host_nation_support_jpy_bn >= 0:
        raise ValueError(f"host_nation_support_jpy_bn must be >= 0, got {host_nation_support_jpy_bn}")
    if not us_personnel > 0:
        raise ValueError(f"us_personnel must be > 0, got {us_personnel}")
    return host_nation_support_jpy_bn * 1000 / us_personnel


def growth_percent(start: float, end: float) -> float:
    """Percentage change from start to end: (end / start - 1) x 100."""
    if not start > 0:
        raise ValueError(f"start must be > 0, got {start}")
    return (end / start - 1) * 100


def used_exchange_value(exchange: pd.DataFrame, item_id: str) -> float:
    """The value of one row of `alliance_exchange` (by item_id), as a float."""
    row = exchange.loc[exchange["item_id"] == item_id, "value"]
    if row.empty or pd.isna(row.iloc[0]):
        raise KeyError(f"alliance_exchange has no numeric item {item_id!r}")
    return float(row.iloc[0])


# --- The panel ---------------------------------------------------------------------------------------

def ranking_panel(allies: pd.DataFrame, troops: float, spending: float, exports: float, ax=None,
                  directions_by_indicator: Mapping[str, str] | None = None) -> tuple[pd.DataFrame | None, str]:
    """What the weights panel shows for one setting of the three weights.

    Returns (ranking table, message). The message lists the allies left out; for invalid weights the
    table is None and the message is the ValueError's text, so the panel can show it instead of a
    traceback. When `ax` is given, draws the ranking as horizontal bars on it.
    """
    weights = {"us_troops_hosted": troops, "military_spending_pct_gdp": spending, "exports_to_us_share": exports}
    try:
        ranking = dependence_index(allies, weights, directions_by_indicator)
    except ValueError as error:
        if ax is not None:
            ax.set_axis_off()
            ax.text(0.5, 0.5, "No ranking: see the message above", ha="center", va="center",
                    transform=ax.transAxes)
        return None, f"Invalid weights. {error}"
    excluded = ranking.attrs["excluded"]
    message = "Left out: " + "; ".join(f"{a} ({r})" for a, r in excluded.items()) if excluded else "All six allies ranked."
    if ax is not None:
        draw_ranking(ax, ranking)
    table = ranking[["index", "rank"]].copy()
    return table, message


def draw_ranking(ax, ranking: pd.DataFrame) -> None:
    """Horizontal bars of the index, most dependent at the top, each bar labelled with its value."""
    from . import plots

    ordered = ranking.iloc[::-1]
    colours = [plots.OKABE_ITO["vermillion"] if ally == "Japan" else plots.OKABE_ITO["blue"] for ally in ordered.index]
    hatches = ["//" if ally == "Japan" else "" for ally in ordered.index]
    bars = ax.barh(list(ordered.index), ordered["index"], color=colours, edgecolor="black", linewidth=0.6)
    for bar, hatch in zip(bars, hatches):
        bar.set_hatch(hatch)
    for y, (ally, row) in enumerate(ordered.iterrows()):
        ax.text(row["index"] + 1.5, y, f"{row['index']:.1f} (rank {int(row['rank'])})", va="center", fontsize=9.5)
    ax.set_xlim(0, 125)
    ax.set_xlabel("Dependence index (0 = least, 100 = most dependent among the allies ranked)")
    ax.grid(axis="y", visible=False)


def weights_panel(allies: pd.DataFrame, weights: Mapping[str, float] | None = None):
    """The interactive shell: three weight sliders, a message line and the ranking chart.

    All the logic is in `ranking_panel`; this only wires widgets to it. Returns the VBox to display.
    """
    import ipywidgets as widgets
    import matplotlib.pyplot as plt
    from IPython.display import display

    weights = dict(default_weights() if weights is None else weights)
    style = {"description_width": "190px"}
    layout = widgets.Layout(width="480px")
    sliders = {
        name: widgets.FloatSlider(value=weights[name], min=0.0, max=1.0, step=0.05, description=label,
                                  style=style, layout=layout, continuous_update=False)
        for name, label in [("us_troops_hosted", "Weight: US troops"),
                            ("military_spending_pct_gdp", "Weight: low own spending"),
                            ("exports_to_us_share", "Weight: exports to US")]
    }
    message = widgets.HTML()
    chart = widgets.Output()

    def update(_change=None):
        fig, ax = plt.subplots(figsize=(8, 3.6), layout="constrained")
        _table, text = ranking_panel(allies, *(sliders[n].value for n in INDICATORS), ax=ax)
        colour = "#B00020" if text.startswith("Invalid") else "#333333"
        message.value = f"<span style='color:{colour}'>{text}</span>"
        chart.clear_output(wait=True)
        with chart:
            display(fig)
        plt.close(fig)

    for slider in sliders.values():
        slider.observe(update, names="value")
    update()
    panel = widgets.VBox([*sliders.values(), message, chart])
    panel.sliders, panel.message = sliders, message  # handles for tests
    return panel


# --- Exercises of notebook 01 ------------------------------------------------------------------------

@exercise("01.1", "host-nation support per US service member (JPY million a year)",
          "Divide the yearly host-nation support (JPY bn) by the DMDC troop count, then convert billions to millions.")
def _support_per_member() -> float:
    exchange = load("alliance_exchange")
    return support_per_service_member(used_exchange_value(exchange, "hns_annual"),
                                      used_exchange_value(exchange, "us_troops_dmdc"))


@exercise("01.2", "Japan's defence budget growth FY2013 to FY2025 (%)",
          "Use the 'incl. SACO and US realignment' rows for both years: (later / earlier - 1) x 100.")
def _budget_growth() -> float:
    budget = load("alliance_japan_defense_budget")
    series = budget[budget["basis"] == "incl. SACO and US realignment"].set_index("fiscal_year")["budget_jpy_bn"]
    return growth_percent(float(series[2013]), float(series[2025]))


@exercise("01.3", "the ally ranked second under equal weights",
          "Call alliance.dependence_index with all three weights equal (e.g. 1, 1, 1) and read the row with rank 2.")
def _second_under_equal_weights() -> str:
    ranking = dependence_index(load("alliance_allies"), {i: 1.0 for i in INDICATORS})
    second = ranking[ranking["rank"] == 2]
    assert len(second) == 1, "exercise 01.3 needs a single ally in second place"
    return str(second.index[0])


@exercise("01.4", "the ally at the top when only own military spending counts",
          "Set the troop and export weights to 0 and the spending weight above 0. Who can now be ranked, and who spends least?")
def _top_on_spending_only() -> str:
    ranking = dependence_index(load("alliance_allies"),
                               {"us_troops_hosted": 0, "military_spending_pct_gdp": 1, "exports_to_us_share": 0})
    top = ranking[ranking["rank"] == 1]
    assert len(top) == 1, "exercise 01.4 needs a single ally at the top"
    return str(top.index[0])
