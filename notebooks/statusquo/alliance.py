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

The index is a ranking judgement, not a cardinal quantity. Min-max scores place each ally between the
least and most dependent of the allies compared, so 100 means "top of this group on every weighted
indicator", a score of 40 is not "0.4 times as dependent", and adding or removing an ally moves every score.
Use the index to order allies, never as a multiplier in another model.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

import pandas as pd

from .article import gap_meaning
from .checks import round_to_step, unknown_names
from .data import load
from .exercises import (
    PERCENT_AS_FRACTION,
    THOUSAND_TOO_BIG,
    THOUSAND_TOO_SMALL,
    Slip,
    choice_exercise,
    numeric_exercise,
    prediction,
)
from .vocabulary import ALLIANCE_INDICATORS, WEIGHT_DIRECTIONS, keyed_by

INDICATORS = ALLIANCE_INDICATORS
INDICATOR_LABELS = keyed_by(INDICATORS, {
    "us_troops_hosted": "US troops hosted (persons)",
    "military_spending_pct_gdp": "Military spending (% of GDP)",
    "exports_to_us_share": "Goods exports going to the US (%)",
})
HIGHER, LOWER = WEIGHT_DIRECTIONS


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
    unknown = unknown_names(weights, INDICATORS)
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
    if not math.isfinite(sum(checked.values())):
        raise ValueError("weights: the weights are too large to add up; only their ratios matter, so use "
                         "numbers between 0 and 1")
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

WEIGHT_STEP = 0.05


def on_step(value: float, step: float = WEIGHT_STEP) -> float:
    """A slider value rounded to its step, so 0.15000000000000002 is read as 0.15."""
    return round_to_step(value, step)


def weights_panel_result(allies: pd.DataFrame, troops, spending, exports,
                         directions_by_indicator: Mapping[str, str] | None = None) -> tuple[pd.DataFrame | None, str]:
    """What the weights panel shows for one setting of the three weights: (ranking table, message).

    The message lists the allies left out; for weights that cannot be used (not numbers, negative, all zero,
    too large) the table is None and the message says what is wrong, so the panel shows a sentence instead
    of a traceback. Pure: nothing is drawn.
    """
    weights = keyed_by(INDICATORS, {"us_troops_hosted": troops, "military_spending_pct_gdp": spending,
                                    "exports_to_us_share": exports})
    try:
        ranking = dependence_index(allies, weights, directions_by_indicator)
    except ValueError as error:
        return None, f"Invalid weights. {error}"
    excluded = ranking.attrs["excluded"]
    message = "Left out: " + "; ".join(f"{a} ({r})" for a, r in excluded.items()) if excluded else "All six allies ranked."
    return ranking[["index", "rank"]].copy(), message


def draw_weights_panel(ax, ranking: pd.DataFrame) -> None:
    """Horizontal bars of the index, most dependent at the top, each bar labelled with its rank."""
    from . import plots

    ordered = ranking.iloc[::-1]
    colours = [plots.OKABE_ITO["vermillion"] if ally == "Japan" else plots.OKABE_ITO["blue"] for ally in ordered.index]
    bars = ax.barh(list(ordered.index), ordered["index"], color=colours, edgecolor="black", linewidth=0.6)
    for bar, ally in zip(bars, ordered.index):
        bar.set_hatch("//" if ally == "Japan" else "")
    for y, (_ally, row) in enumerate(ordered.iterrows()):
        ax.text(row["index"] + 1.5, y, f"rank {int(row['rank'])} ({row['index']:.0f})", va="center", fontsize=11)
    ax.set_xlim(0, 130)
    ax.set_xlabel("Position in this group (0 = least, 100 = most dependent of the allies ranked)", fontsize=11)
    ax.tick_params(labelsize=11)
    ax.grid(axis="y", visible=False)


def ranking_panel(allies: pd.DataFrame, troops, spending, exports, ax=None,
                  directions_by_indicator: Mapping[str, str] | None = None) -> tuple[pd.DataFrame | None, str]:
    """`weights_panel_result`, then `draw_weights_panel` on `ax` when one is given (notebook 01 draws the
    panel's default state with this one call). Refused weights leave a note on `ax` instead of bars."""
    table, message = weights_panel_result(allies, troops, spending, exports, directions_by_indicator)
    if ax is not None and table is None:
        ax.set_axis_off()
        ax.text(0.5, 0.5, "No ranking: see the message above", ha="center", va="center", fontsize=12,
                transform=ax.transAxes)
    elif ax is not None:
        draw_weights_panel(ax, table)
    return table, message


def ranking_alt_text(table: pd.DataFrame, message: str, weights: Mapping[str, float]) -> str:
    """Alt text for the ranking chart, from the table and message `weights_panel_result` returned."""
    order = ", ".join(f"{ally} (rank {int(row['rank'])}, {row['index']:.1f})" for ally, row in table.iterrows())
    setting = ", ".join(f"{INDICATOR_LABELS[i]} {weights[i]:g}" for i in INDICATORS)
    return f"Horizontal bars of the dependence ranking with weights {setting}: {order}. {message}"


def weights_panel(allies: pd.DataFrame, weights: Mapping[str, float] | None = None):
    """The interactive shell: three weight sliders, a message line and the ranking chart.

    All the logic is in `weights_panel_result`; this only wires widgets to it. Returns the VBox to display.
    """
    import ipywidgets as widgets

    from .widgets import refresh

    weights = dict(default_weights() if weights is None else weights)
    style = {"description_width": "190px"}
    layout = widgets.Layout(width="480px")
    sliders = {
        name: widgets.FloatSlider(value=weights[name], min=0.0, max=1.0, step=WEIGHT_STEP, description=label,
                                  style=style, layout=layout, continuous_update=False)
        for name, label in [("us_troops_hosted", "Weight: US troops"),
                            ("military_spending_pct_gdp", "Weight: low own spending"),
                            ("exports_to_us_share", "Weight: exports to US")]
    }
    message = widgets.HTML()
    chart = widgets.Output()

    def update(_change=None):
        values = [on_step(sliders[n].value) for n in INDICATORS]
        table, text = weights_panel_result(allies, *values)
        draw = None if table is None else lambda ax: draw_weights_panel(ax, table)
        alt = None if table is None else ranking_alt_text(table, text, dict(zip(INDICATORS, values)))
        refresh(message, chart, text, draw, figsize=(8, 3.6), alt=alt)

    for slider in sliders.values():
        slider.observe(update, names="value")
    update()
    panel = widgets.VBox([*sliders.values(), message, chart])
    panel.sliders, panel.message = sliders, message  # handles for tests
    return panel


MAIN_BASIS = "incl. SACO and US realignment"


# --- Exercises of notebook 01 ------------------------------------------------------------------------

def budget_growth(start_year: int, end_year: int, basis: str = MAIN_BASIS) -> float:
    """Growth of Japan's defence budget between two fiscal years on one basis, in percent."""
    budget = load("alliance_japan_defense_budget")
    series = budget[budget["basis"] == basis].set_index("fiscal_year")["budget_jpy_bn"]
    return growth_percent(float(series[start_year]), float(series[end_year]))


def _support(item: str = "hns_annual", troops: str = "us_troops_dmdc") -> float:
    exchange = load("alliance_exchange")
    return support_per_service_member(used_exchange_value(exchange, item), float(
        exchange.loc[exchange["item_id"] == troops, "value"].iloc[0]))


@numeric_exercise("01.1", "host-nation support per US service member, in JPY million a year",
                  nudge="Divide the yearly support by the DMDC count; mind the units (JPY bn to JPY million).",
                  slips=[THOUSAND_TOO_SMALL, THOUSAND_TOO_BIG,
                         Slip("the five-year total instead of the yearly figure", lambda e: _support("hns_total"),
                              "Use item hns_annual: the agreement's total covers five fiscal years."),
                         Slip("the USFJ round figure instead of the DMDC count",
                              lambda e: _support(troops="us_troops_usfj"),
                              "Use us_troops_dmdc, the count the notebook uses for every ally.")],
                  minutes=4)
def _expected_01_1() -> float:
    return _support()


@prediction("01.2", "your guess of the growth of Japan's defence budget from FY2022 to FY2025, in percent",
            tolerance=0.25, minutes=2,
            meaning=lambda guess, actual: gap_meaning(
                guess, actual,
                low="The build-up was faster than you expected: Japan was already paying much more before Trump "
                    "returned.",
                high="You expected even more: the growth was large, but it follows a five-year plan.",
                close="A good estimate: the budget grew by more than half in three years, before Trump returned."))
def _expected_01_2() -> float:
    return budget_growth(2022, 2025)


@numeric_exercise("01.3", "growth of Japan's defence budget from FY2013 to FY2022 (incl. SACO and US realignment), "
                  "in percent",
                  nudge="Filter on the basis, index by fiscal_year, then (later / earlier - 1) x 100.",
                  slips=[PERCENT_AS_FRACTION,
                         Slip("the basis without SACO and US-realignment costs",
                              lambda e: budget_growth(2013, 2022, "excl. SACO and US realignment"),
                              "Filter basis == 'incl. SACO and US realignment' for both years."),
                         Slip("FY2023 as the end year", lambda e: budget_growth(2013, 2023),
                              "The question ends in FY2022, the last year before the build-up."),
                         Slip("a ratio instead of a percentage change", lambda e: 1 + e / 100,
                              "Subtract 1 from the ratio, then multiply by 100.")],
                  minutes=4)
def _expected_01_3() -> float:
    return budget_growth(2013, 2022)


@choice_exercise("01.4", "what is wrong with joining SIPRI's warhead figures before and after 2022 in one line",
                 kind="interpret", minutes=3, options={
    "A": "Nothing: it is one source, so it is one series.",
    "B": "In 2022 SIPRI changed what it estimates (assembled warheads, not warheads its fissile material "
         "would allow), so the line would join two different quantities.",
    "C": "SIPRI's figures are exact counts, so only the latest one matters.",
    "D": "Warheads should first be converted into missiles."},
    explanations={
    "A": "One publisher can change its method: read the definition, not only the name of the source.",
    "B": "Right: a series is comparable only on one definition; from 2022 the figures are assembled warheads.",
    "C": "They are estimates with wide uncertainty, which is one more reason to keep the definition fixed.",
    "D": "Warheads and missiles are different things; the problem is the change of definition."})
def _expected_01_4() -> str:
    threats = load("alliance_threats")
    used = threats[(threats["indicator"] == "north_korea_warheads") & threats["used"].astype(bool)]
    first = used.sort_values("year", kind="stable").iloc[0]
    assert "not comparable" in first["note"], "exercise 01.4 needs the method change noted on the first warhead row"
    return "B"


@choice_exercise("01.5", "what happens to Japan's index when a seventh ally hosts more US troops than Japan",
                 kind="concept", minutes=3, options={
    "A": "It stays at 100, because Japan's own figures did not change.",
    "B": "It falls below 100: scores are positions between the group's extremes, so a new maximum moves them.",
    "C": "It rises above 100.",
    "D": "It cannot change while the weights stay the same."},
    explanations={
    "A": "Min-max scores depend on the other allies too: Japan is no longer the top of the troop column.",
    "B": "Right: the index orders allies within the group compared; it is not an amount of dependence.",
    "C": "The index is bounded by 0 and 100: the top ally on every weighted indicator scores 100.",
    "D": "The weights are fixed, but the minimum and maximum of each indicator move with the group."})
def _expected_01_5() -> str:
    allies = load("alliance_allies")
    japan = allies[(allies["ally"] == "Japan") & allies["use_in_index"].astype(bool)].copy()
    bigger = japan.assign(ally="Seventh ally")
    bigger.loc[bigger["indicator"] == "us_troops_hosted", "value"] *= 2
    extended = pd.concat([allies, bigger], ignore_index=True)
    score = dependence_index(extended, default_weights()).loc["Japan", "index"]
    return "B" if score < 100 else "A"


# The figures live in their own module so this one reads as the model; re-exported for the notebook.
from .alliance_figures import allies_figure, budget_figure, source_line, threats_figure  # noqa: E402,F401
