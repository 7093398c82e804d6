"""What happened after the article: the record, the tariff steps, the ledger and notebook 02's model re-run.

Notebook 04 holds the article's expectations up against the year that followed. The functions here are
small and pure: they summarise tables of data/context/aftermath_*.csv and feed the tariffs that actually
came into the trade model of notebook 02 (`statusquo.trade`), unchanged.

Tariff steps. A step says: from `from_date` to `to_date` (both inclusive) the US duty on a product was
`rate_percent`. An empty `to_date` means the step is still in force on the "as of" date of the record.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from . import trade
from .data import load
from .exercises import exercise

ARTICLE_DATE = pd.Timestamp("2025-02-06")
PRODUCTS = ["autos", "other goods"]
OUTCOMES = ["delivered", "partly delivered", "not delivered", "overtaken by events"]
SIDES = ["Japan sought (P3)", "Japan offered (P4)"]
CATEGORIES = ["trade", "security", "investment", "energy", "diplomacy", "domestic politics"]
# The handful of events the timeline labels, with where the label goes: above (+) or below (−) the lane, and
# its alignment. The others are drawn as unlabelled markers so the chart stays legible.
KEY_EVENTS = {
    "js_investment_1tn": (0.42, "left"), "autos_232_effective": (0.42, "center"),
    "liberation_day_japan_24": (-0.42, "center"), "nippon_steel_completed": (-0.42, "center"),
    "upper_house_defeat": (0.42, "center"), "deal_announced_15pct": (-0.42, "center"),
    "eo_14345_signed": (0.42, "center"), "ishiba_resigns": (-0.42, "center"), "takaichi_pm": (-0.42, "left"),
    "tokyo_summit": (-0.42, "left"), "supplementary_budget_2pct": (0.42, "center"),
    "lower_house_landslide": (-0.42, "center"), "scotus_strikes_ieepa": (0.42, "center"),
    "takaichi_white_house": (0.42, "right"),
}


# --- The record -------------------------------------------------------------------------------------

def as_of_date(events: pd.DataFrame) -> pd.Timestamp:
    """The "as of" date of the record: the date of its latest event."""
    if events.empty:
        raise ValueError("events is empty: there is no latest event to date the record by")
    return pd.Timestamp(events["date"].max())


def events_by_category(events: pd.DataFrame) -> pd.DataFrame:
    """Number of events per category (in the fixed order CATEGORIES), with the first and last date."""
    unknown = sorted(set(events["category"]) - set(CATEGORIES))
    if unknown:
        raise ValueError(f"unknown event category {unknown}; allowed: {CATEGORIES}")
    table = events.groupby("category").agg(events=("event_id", "count"), first=("date", "min"), last=("date", "max"))
    return table.reindex(CATEGORIES).dropna(subset=["events"]).astype({"events": "int64"})


# --- Tariff steps -----------------------------------------------------------------------------------

def _steps_for(steps: pd.DataFrame, product: str) -> pd.DataFrame:
    if product not in PRODUCTS:
        raise ValueError(f"product must be one of {PRODUCTS}; got {product!r}")
    return steps[steps["product"] == product].sort_values("from_date", kind="stable").reset_index(drop=True)


def rate_on(steps: pd.DataFrame, product: str, date) -> float:
    """The total US duty (percent) on `product` on `date`: the step whose from–to range holds the date."""
    date = pd.Timestamp(date)
    rows = _steps_for(steps, product)
    if date < rows["from_date"].min():
        raise ValueError(f"date {date:%Y-%m-%d} is before the first step ({rows['from_date'].min():%Y-%m-%d})")
    still_in_force = rows["to_date"].isna()
    match = rows[(rows["from_date"] <= date) & (still_in_force | (rows["to_date"] >= date))]
    if len(match) != 1:
        raise ValueError(f"{len(match)} steps cover {date:%Y-%m-%d} for {product}; the steps must not overlap or leave gaps")
    return float(match["rate_percent"].iloc[0])


def tariff_step_series(steps: pd.DataFrame, product: str, until) -> pd.DataFrame:
    """Points for a step chart of `product`: one row per step start, plus a closing point at `until`.

    Draw with `ax.step(series["date"], series["rate_percent"], where="post")`. A one-day step (such as the
    24% of 9 April 2025) starts on its day and ends at the start of the next day.
    """
    until = pd.Timestamp(until)
    rows = _steps_for(steps, product)
    if until < rows["from_date"].max():
        raise ValueError(f"until ({until:%Y-%m-%d}) must not be before the last step ({rows['from_date'].max():%Y-%m-%d})")
    series = rows[["from_date", "rate_percent"]].rename(columns={"from_date": "date"})
    closing = pd.DataFrame({"date": [until], "rate_percent": [series["rate_percent"].iloc[-1]]})
    return pd.concat([series, closing], ignore_index=True).astype({"rate_percent": "float64"})


def average_rate(steps: pd.DataFrame, product: str, start, end) -> float:
    """Time-weighted average duty (percent) on `product` over the days start..end, both included.

    Each day counts once: the average is the sum of the daily rates divided by the number of days.
    """
    start, end = pd.Timestamp(start), pd.Timestamp(end)
    if end < start:
        raise ValueError(f"end ({end:%Y-%m-%d}) must not be before start ({start:%Y-%m-%d})")
    days = pd.date_range(start, end, freq="D")
    rows = _steps_for(steps, product)
    # rate_on's rule applied to all days at once (a day loop calling rate_on took half a second):
    # covered[d, s] is True when step s's from–to range holds day d.
    starts = rows["from_date"].to_numpy()
    ends = rows["to_date"].fillna(pd.Timestamp.max.floor("D")).to_numpy()
    day_values = days.to_numpy()[:, None]
    covered = (day_values >= starts) & (day_values <= ends)
    if (covered.sum(axis=1) != 1).any():
        rate_on(steps, product, days[covered.sum(axis=1) != 1][0])  # raises its clear error: before, gap, overlap
    return float((covered @ rows["rate_percent"].to_numpy(dtype=float)).mean())


def days_at_rate(steps: pd.DataFrame, product: str, rate_percent: float, until) -> int:
    """How many days `product` paid `rate_percent` in total, counting open steps up to `until`."""
    rows = _steps_for(steps, product)
    rows = rows[rows["rate_percent"] == rate_percent]
    if rows.empty:
        raise ValueError(f"no step of {product} has a rate of {rate_percent}%; rates: {sorted(_steps_for(steps, product)['rate_percent'].unique())}")
    until = pd.Timestamp(until)
    # An open step (no to_date) runs up to `until`.
    ends = [until if pd.isna(end) else end for end in rows["to_date"]]
    return int(sum((end - start).days + 1 for start, end in zip(rows["from_date"], ends)))


def phase_rates(steps: pd.DataFrame) -> pd.DataFrame:
    """The duty (percent) on cars and on other goods at the end of each phase of the story.

    For each phase and product it takes the product's last step in that phase: before the article, after the
    April tariffs, after the agreement, after the Supreme Court ruling.
    """
    ordered = steps.sort_values("from_date", kind="stable")
    last = ordered.groupby(["phase", "product"], sort=False)["rate_percent"].last().unstack("product")
    phases = list(dict.fromkeys(ordered["phase"]))
    table = last.reindex(index=phases, columns=PRODUCTS).astype("float64")
    table.columns = ["autos_percent", "other_goods_percent"]
    table.index.name = "phase"
    return table


# --- Ledger and scorecard ---------------------------------------------------------------------------

def ledger_summary(ledger: pd.DataFrame) -> pd.DataFrame:
    """Count of ledger items by side (rows) and outcome (columns, in the order OUTCOMES), with totals."""
    unknown = sorted(set(ledger["outcome"]) - set(OUTCOMES))
    if unknown:
        raise ValueError(f"unknown outcome {unknown}; allowed: {OUTCOMES}")
    counts = pd.crosstab(ledger["side"], ledger["outcome"]).reindex(index=SIDES, columns=OUTCOMES, fill_value=0)
    counts.index.name, counts.columns.name = "side", "outcome"
    counts["total"] = counts.sum(axis=1)
    counts.loc["total"] = counts.sum(axis=0)
    return counts


def with_article_text(table: pd.DataFrame, claims: pd.DataFrame) -> pd.DataFrame:
    """The ledger or scorecard with the article's own claim (our paraphrase) beside each row."""
    return table.merge(claims[["claim_id", "statement"]].rename(columns={"statement": "article_says"}),
                       on="claim_id", how="left", validate="many_to_one")


def related_events(table: pd.DataFrame, events: pd.DataFrame) -> pd.DataFrame:
    """One row per (row of `table`, related event): the long form of the `related_event_ids` column.

    Raises ValueError if a listed event is not in the events table.
    """
    key = table.columns[0]
    pairs = table[[key, "related_event_ids"]].assign(event_id=table["related_event_ids"].str.split(";"))
    pairs = pairs.explode("event_id")[[key, "event_id"]]
    missing = sorted(set(pairs["event_id"]) - set(events["event_id"]))
    if missing:
        raise ValueError(f"related_event_ids name events that are not in aftermath_events: {missing}")
    return pairs.merge(events[["event_id", "date", "title", "source_id"]], on="event_id").reset_index(drop=True)


# --- Notebook 02's model with the rates that came -----------------------------------------------------

def regime_rates(model_rates: pd.DataFrame, regime_id: str) -> dict[str, float]:
    """{product group: tariff increase as a fraction} for one period of the aftermath_model_rates table."""
    return trade.rates_from_table(model_rates, "regime_id", regime_id, "tariff_increase_percent", what="period")


def rerun_against_scenarios(exports: pd.DataFrame, scenarios: pd.DataFrame, model_rates: pd.DataFrame,
                            parameters: pd.DataFrame, gdp_jpy_tn: float) -> pd.DataFrame:
    """Notebook 02's loss (central, low, high; JPY tn and % of GDP) for its February 2025 scenarios and
    for the periods that actually came, one row each, with a column `kind` saying which is which.

    The model and its parameters are notebook 02's, unchanged: only the tariff rates differ.
    """
    feb = trade.scenario_table(exports, scenarios, parameters, gdp_jpy_tn).assign(kind="Feb 2025 scenario")
    labels = dict(zip(model_rates["regime_id"], model_rates["label"]))
    came = {labels[r]: regime_rates(model_rates, r) for r in labels}
    actual = trade.scenario_table(exports, scenarios.iloc[0:0], parameters, gdp_jpy_tn, extra=came).assign(kind="what came")
    return pd.concat([feb, actual], ignore_index=True)[["kind", "scenario", "central_jpy_tn", "low_jpy_tn", "high_jpy_tn",
                                                        "central_percent_of_gdp"]]


# --- Figures ----------------------------------------------------------------------------------------

def draw_timeline(ax, events: pd.DataFrame, key_events: Mapping[str, tuple[float, str]] | None = None) -> None:
    """Swim lanes by category; every event a marker, the key events labelled with their title and date."""
    import matplotlib.dates as mdates

    from .plots import MARKERS, SERIES_COLOURS

    key_events = KEY_EVENTS if key_events is None else key_events
    lanes = {c: i for i, c in enumerate(reversed(CATEGORIES))}
    for c, y in lanes.items():
        subset = events[events["category"] == c]
        k = CATEGORIES.index(c)
        ax.scatter(subset["date"], [y] * len(subset), s=55, marker=MARKERS[k], color=SERIES_COLOURS[k],
                   edgecolor="black", linewidth=0.5, zorder=3)
    key = events[events["event_id"].isin(list(key_events))].sort_values("date", kind="stable")
    for _, row in key.iterrows():
        y = lanes[row["category"]]
        offset, align = key_events[row["event_id"]]
        ax.annotate(f"{row['title']}\n{row['date']:%d %b %Y}", xy=(row["date"], y), xytext=(row["date"], y + offset),
                    ha=align, va="bottom" if offset > 0 else "top", fontsize=7.5,
                    arrowprops={"arrowstyle": "-", "color": "#777777", "linewidth": 0.6})
    ax.set_yticks(list(lanes.values()), labels=list(lanes.keys()))
    ax.set_ylim(-0.9, len(lanes) - 0.1)
    ax.grid(axis="y", visible=False)
    ax.xaxis.set_major_locator(mdates.MonthLocator(interval=2))
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%b\n%Y"))


def draw_tariff_steps(ax, steps: pd.DataFrame, until) -> None:
    """Step lines of the duty on cars and on other goods, each with its own colour, line style and marker."""
    from .plots import MARKERS, SERIES_COLOURS

    styles = {"autos": ("-", 0, "Cars (total duty)"), "other goods": ("--", 1, "Other goods (item with 0% MFN duty)")}
    for product, (line, k, label) in styles.items():
        series = tariff_step_series(steps, product, until)
        ax.step(series["date"], series["rate_percent"], where="post", linestyle=line, color=SERIES_COLOURS[k],
                linewidth=2.2, label=label)
        ax.scatter(series["date"].iloc[:-1], series["rate_percent"].iloc[:-1], marker=MARKERS[k], color=SERIES_COLOURS[k],
                   edgecolor="black", linewidth=0.5, zorder=3, s=36)
    ax.set_ylabel("US tariff on Japanese goods (%)")
    ax.set_ylim(0, 32)


def draw_rerun(ax, comparison: pd.DataFrame) -> None:
    """Horizontal bars of the central loss with low–high whiskers; scenarios hatched, what came solid."""
    from .plots import HATCHES, SERIES_COLOURS

    ordered = comparison.iloc[::-1].reset_index(drop=True)
    for y, row in ordered.iterrows():
        came = row["kind"] == "what came"
        ax.barh(y, row["central_jpy_tn"], color=SERIES_COLOURS[3] if came else SERIES_COLOURS[5],
                hatch=HATCHES[0] if came else HATCHES[1], edgecolor="black", linewidth=0.6)
        ax.errorbar(row["central_jpy_tn"], y, xerr=[[row["central_jpy_tn"] - row["low_jpy_tn"]],
                                                    [row["high_jpy_tn"] - row["central_jpy_tn"]]],
                    fmt="none", ecolor="black", capsize=3, linewidth=1)
        ax.text(row["high_jpy_tn"] + 0.05, y, f"¥{row['central_jpy_tn']:.2f} tn", va="center", fontsize=8.5)
    ax.set_yticks(range(len(ordered)), labels=[f"{s}" for s in ordered["scenario"]])
    ax.set_xlabel("Loss of Japan's export value to the US (JPY trillion a year, 2024 base)")
    ax.grid(axis="y", visible=False)


def draw_ledger(ax, ledger: pd.DataFrame) -> None:
    """One row per ledger item, one column per outcome; a marker (shape and colour per outcome) where it landed."""
    from .plots import MARKERS, SERIES_COLOURS

    ordered = ledger.iloc[::-1].reset_index(drop=True)
    marker_for = {o: (MARKERS[i], SERIES_COLOURS[i]) for i, o in enumerate([OUTCOMES[2], OUTCOMES[1], OUTCOMES[0], OUTCOMES[3]])}
    for y, row in ordered.iterrows():
        x = OUTCOMES.index(row["outcome"])
        marker, colour = marker_for[row["outcome"]]
        ax.scatter(x, y, s=160, marker=marker, color=colour, edgecolor="black", linewidth=0.7, zorder=3)
    ax.set_xticks(range(len(OUTCOMES)), labels=[o.replace(" by ", "\nby ").replace("partly ", "partly\n").replace("not ", "not\n")
                                              for o in OUTCOMES])
    ax.set_yticks(range(len(ordered)), labels=[f"{r['item']} ({r['paragraph']})" for _, r in ordered.iterrows()])
    ax.set_xlim(-0.5, len(OUTCOMES) - 0.5)
    ax.set_ylim(-0.6, len(ordered) - 0.4)
    ax.axhline(len(ordered) - 2.5, color="#888888", linewidth=0.8, linestyle=":")


# --- The panel: pick a period, move the parameters ------------------------------------------------------

def panel_result(exports: pd.DataFrame, model_rates: pd.DataFrame, regime_id: str, pass_through: float,
                 elasticity: float, gdp_jpy_tn: float) -> tuple[pd.DataFrame | None, str]:
    """The loss table and a one-line message for one period; on bad input (None, message saying why)."""
    try:
        rates = regime_rates(model_rates, regime_id)
        table = trade.tariff_loss(exports, rates, pass_through, elasticity)
        total = trade.total_loss(exports, rates, pass_through, elasticity, gdp_jpy_tn)
    except ValueError as error:
        return None, f"Cannot compute: {error}"
    label = model_rates.loc[model_rates["regime_id"] == regime_id, "label"].iloc[0]
    message = (f"{label}: loss of export value ¥{total['loss_jpy_tn']:.2f} tn a year, "
               f"{total['loss_percent_of_gdp']:.2f}% of Japan's 2024 GDP.")
    table = table.assign(label=table["product_group"].map(trade.GROUP_LABELS))
    return table[["label", "exports_jpy_tn", "tariff_percent", "volume_change_percent", "loss_jpy_tn"]].round(3), message


def panel(exports: pd.DataFrame, model_rates: pd.DataFrame, parameters: pd.DataFrame, gdp_jpy_tn: float):
    """A dropdown of the periods that came, and the two uncertain parameters of notebook 02's model."""
    import ipywidgets as widgets

    from .widgets import refresh

    central = parameters.set_index("parameter")["central"]
    labels = dict(zip(model_rates["regime_id"], model_rates["label"]))
    style, layout = {"description_width": "160px"}, widgets.Layout(width="520px")
    period = widgets.Dropdown(options=[(label, rid) for rid, label in labels.items()], value="after_agreement",
                              description="Period", style=style, layout=layout)
    pass_slider = widgets.FloatSlider(value=float(central["pass_through"]), min=-0.2, max=1.2, step=0.05,
                                      description="Pass-through (share)", style=style, layout=layout, continuous_update=False)
    elasticity_slider = widgets.FloatSlider(value=float(central["import_elasticity"]), min=-1, max=6, step=0.1,
                                            description="Import elasticity", style=style, layout=layout,
                                            continuous_update=False)
    message, output = widgets.HTML(), widgets.Output()

    def update(_change=None):
        table, text = panel_result(exports, model_rates, period.value, pass_slider.value, elasticity_slider.value,
                                   gdp_jpy_tn)
        draw = None if table is None else lambda ax: trade.draw_loss_bars(ax, table, title=labels[period.value])
        refresh(message, output, text, draw, figsize=(7.5, 3.4))

    for widget in (period, pass_slider, elasticity_slider):
        widget.observe(update, names="value")
    update()
    return widgets.VBox([period, pass_slider, elasticity_slider, message, output])


# --- Exercises of notebook 04 --------------------------------------------------------------------------

@exercise("04.1", "how many days Japanese cars paid 27.5%",
          "Filter the tariffs table on product 'autos' and rate_percent 27.5, then count the days from from_date "
          "to to_date, both included (add 1).")
def _days_at_27_5() -> int:
    tariffs = load("aftermath_tariffs")
    return days_at_rate(tariffs, "autos", 27.5, as_of_date(load("aftermath_events")))


@exercise("04.2", "average US tariff on Japanese cars over the year after the article (7 Feb 2025 to 6 Feb 2026), in percent",
          "Call aftermath.average_rate with the tariffs table, 'autos', and the two dates; each day counts once.")
def _average_car_tariff() -> float:
    return average_rate(load("aftermath_tariffs"), "autos", "2025-02-07", "2026-02-06")


@exercise("04.3", "central loss after the agreement as a percent of Japan's GDP",
          "Get the rates with aftermath.regime_rates(model_rates, 'after_agreement') and pass them to trade.total_loss "
          "with the central parameters and 2024 GDP; read 'loss_percent_of_gdp'.")
def _after_agreement_gdp_share() -> float:
    japan, parameters = load("trade_japan_2024"), load("trade_parameters").set_index("parameter")
    rates = regime_rates(load("aftermath_model_rates"), "after_agreement")
    return trade.total_loss(trade.export_base(japan), rates, float(parameters.loc["pass_through", "central"]),
                            float(parameters.loc["import_elasticity", "central"]),
                            trade.used_value(japan, "nominal_gdp"))["loss_percent_of_gdp"]
