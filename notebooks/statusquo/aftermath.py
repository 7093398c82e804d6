"""What happened after the article: the record, the tariff periods, a backtest of notebook 02's model, the ledger.

Notebook 06 holds the article's expectations up against what followed. The functions here are small and pure:
they summarise the tables data/context/aftermath_*.csv and feed the tariffs that actually came into notebook 02's
trade model (`statusquo.trade`), unchanged. What that model computes is **export revenue at risk**: the fall in
the gross yen value of Japan's goods exports to the US, not a cost to Japan's economy.

Tariff steps (table aftermath_tariffs) say: from `from_date` to `to_date` (both inclusive) the US duty on a
product was `rate_percent`. Tariff periods (table aftermath_model_rates) say the same for every group of goods at
once and cover every day from 1 January 2025 without gaps. An empty `to_date` means "still in force on the as-of
date of the record".
"""

from __future__ import annotations

import pandas as pd

from . import trade, vocabulary
from .checks import check_one_of, is_number, round_to_step, unknown_names
from .vocabulary import (
    AFTERMATH_CATEGORIES,
    AFTERMATH_OUTCOMES,
    EXPORT_MEASURES,
    LEDGER_SIDES,
    TARIFF_PRODUCTS,
    keyed_by,
    reordered,
)

ARTICLE_DATE = pd.Timestamp(vocabulary.ARTICLE_DATE)
PRODUCTS = TARIFF_PRODUCTS
OUTCOMES = AFTERMATH_OUTCOMES
SIDES = LEDGER_SIDES
# Notebook 06's tables and timeline lanes put trade first, the thread notebook 02 follows, then security; the
# schema's order (security first) is the article's.
CATEGORIES = reordered(AFTERMATH_CATEGORIES, ["trade", "security", "investment", "energy", "diplomacy",
                                              "domestic politics"])
QUANTITY = "export revenue at risk"
# Periods shorter than this are listed with their length but not drawn as a yearly rate: a one-day tariff
# says nothing about a year's exports.
MIN_DAYS_TO_DRAW = 30
# The record covers months, not years: the re-run uses notebook 02's short-run (about one year) elasticity,
# not the single value with a range that spans both horizons.
BACKTEST_ELASTICITY = "elasticity_short_run"
# The events the timeline draws, each labelled; the others are counted in a table beside it.
KEY_EVENTS = ["autos_232_effective", "ishiba_rules_out_retaliation",
              "nippon_steel_completed", "upper_house_defeat", "deal_announced_15pct", "eo_14345_signed",
              "ishiba_resigns", "takaichi_pm", "tokyo_summit", "supplementary_budget_2pct", "lower_house_landslide",
              "scotus_strikes_ieepa", "s301_investigations", "takaichi_white_house",
              "lethal_arms_exports_allowed"]


# --- The record -------------------------------------------------------------------------------------

def as_of_date(events: pd.DataFrame) -> pd.Timestamp:
    """The "as of" date of the record: the date of its latest event."""
    if events.empty:
        raise ValueError("events is empty: there is no latest event to date the record by")
    return pd.Timestamp(events["date"].max())


def events_by_category(events: pd.DataFrame) -> pd.DataFrame:
    """Number of events per category (in the fixed order CATEGORIES), with the first and last date."""
    unknown = unknown_names(events["category"], CATEGORIES)
    if unknown:
        raise ValueError(f"unknown event category {unknown}; allowed: {CATEGORIES}")
    table = events.groupby("category").agg(events=("event_id", "count"), first=("date", "min"), last=("date", "max"))
    return table.reindex(CATEGORIES).dropna(subset=["events"]).astype({"events": "int64"})


def events_by_quarter(events: pd.DataFrame) -> pd.DataFrame:
    """Events per category (rows) and calendar quarter (columns, such as '2025 Q2'): the record at a glance."""
    quarter = events["date"].dt.year.astype(str) + " Q" + events["date"].dt.quarter.astype(str)
    table = pd.crosstab(events["category"], quarter).reindex(CATEGORIES, fill_value=0)
    table.index.name, table.columns.name = "category", "quarter"
    return table


# --- Tariff steps -----------------------------------------------------------------------------------

def _steps_for(steps: pd.DataFrame, product: str) -> pd.DataFrame:
    check_one_of(product, PRODUCTS, "product")
    return steps[steps["product"] == product].sort_values("from_date", kind="stable").reset_index(drop=True)


def rate_on(steps: pd.DataFrame, product: str, date) -> float:
    """The total US duty (percent) on `product` on `date`: the step whose from–to range holds the date."""
    date = pd.Timestamp(date)
    rows = _steps_for(steps, product)
    if date < rows["from_date"].min():
        raise ValueError(f"date {date:%Y-%m-%d} is before the first step ({rows['from_date'].min():%Y-%m-%d})")
    match = rows[(rows["from_date"] <= date) & (rows["to_date"].isna() | (rows["to_date"] >= date))]
    if len(match) != 1:
        raise ValueError(f"{len(match)} steps cover {date:%Y-%m-%d} for {product}; the steps must not overlap or leave gaps")
    return float(match["rate_percent"].iloc[0])


def tariff_step_series(steps: pd.DataFrame, product: str, until) -> pd.DataFrame:
    """Points for a step chart of `product`: one row per step start, plus a closing point at `until`.

    Draw with `ax.step(series["date"], series["rate_percent"], where="post")`.
    """
    until = pd.Timestamp(until)
    rows = _steps_for(steps, product)
    if until < rows["from_date"].max():
        raise ValueError(f"until ({until:%Y-%m-%d}) must not be before the last step ({rows['from_date'].max():%Y-%m-%d})")
    series = rows[["from_date", "rate_percent"]].rename(columns={"from_date": "date"})
    closing = pd.DataFrame({"date": [until], "rate_percent": [series["rate_percent"].iloc[-1]]})
    return pd.concat([series, closing], ignore_index=True).astype({"rate_percent": "float64"})


def with_days(table: pd.DataFrame, until) -> pd.DataFrame:
    """`table` (rows with from_date and to_date) with a column `days`: days in force, both ends counted.

    An open row (no to_date) counts up to `until`, the as-of date of the record.
    """
    until = pd.Timestamp(until)
    ends = table["to_date"].fillna(until)
    if (ends < table["from_date"]).any():
        raise ValueError(f"until ({until:%Y-%m-%d}) is before the start of a row that is still in force")
    return table.assign(days=(ends - table["from_date"]).dt.days + 1)


def average_rate(steps: pd.DataFrame, product: str, start, end) -> float:
    """Time-weighted average duty (percent) on `product` over the days start..end, both included."""
    start, end = pd.Timestamp(start), pd.Timestamp(end)
    if end < start:
        raise ValueError(f"end ({end:%Y-%m-%d}) must not be before start ({start:%Y-%m-%d})")
    return float(sum(rate_on(steps, product, day) for day in pd.date_range(start, end, freq="D"))
                 / ((end - start).days + 1))


def days_at_rate(steps: pd.DataFrame, product: str, rate_percent: float, until) -> int:
    """How many days `product` paid `rate_percent` in total, counting open steps up to `until`."""
    rows = _steps_for(steps, product)
    rows = rows[rows["rate_percent"] == rate_percent]
    if rows.empty:
        raise ValueError(f"no step of {product} has a rate of {rate_percent}%; rates: "
                         f"{sorted(_steps_for(steps, product)['rate_percent'].unique())}")
    return int(with_days(rows, until)["days"].sum())


def phase_rates(steps: pd.DataFrame) -> pd.DataFrame:
    """The duty (percent) on cars and on other goods at the end of each phase of the story."""
    ordered = steps.sort_values("from_date", kind="stable")
    last = ordered.groupby(["phase", "product"], sort=False)["rate_percent"].last().unstack("product")
    table = last.reindex(index=list(dict.fromkeys(ordered["phase"])), columns=PRODUCTS).astype("float64")
    table.columns = ["autos_percent", "other_goods_percent"]
    table.index.name = "phase"
    return table


# --- Tariff periods and notebook 02's model ---------------------------------------------------------

def periods(model_rates: pd.DataFrame, until) -> pd.DataFrame:
    """One row per tariff period: regime_id, label, from_date, to_date and its length in days."""
    table = model_rates.drop_duplicates("regime_id")[["regime_id", "label", "from_date", "to_date"]]
    return with_days(table.sort_values("from_date", kind="stable").reset_index(drop=True), until)


def regime_rates(model_rates: pd.DataFrame, regime_id: str) -> dict[str, float]:
    """{product group: tariff increase as a fraction} for one period of the aftermath_model_rates table."""
    return trade.rates_from_table(model_rates, "regime_id", regime_id, "tariff_increase_percent", what="period")


def _ratios(rate: float, pass_through: float, elasticity: float) -> tuple[float, float]:
    """(volume ratio, exporter price ratio) of notebook 02's model for one tariff increase (a fraction)."""
    value = trade.export_value_ratio(rate, pass_through, elasticity)  # checks the inputs with trade's own rules
    volume = (1 + pass_through * rate) ** (-elasticity)
    return volume, value / volume


def revenue_at_risk(exports: pd.DataFrame, rates: dict[str, float], pass_through: float, elasticity: float) -> float:
    """Export revenue at risk (JPY tn a year, 2024 base): sum over groups of exports × (1 − value ratio)."""
    base = dict(zip(exports["product_group"], exports["exports_jpy_tn"]))
    return float(sum(base[g] * (1 - trade.export_value_ratio(rates.get(g, 0.0), pass_through, elasticity))
                     for g in base))


def _parameter(parameters: pd.DataFrame, name: str) -> dict[str, float]:
    row = parameters.set_index("parameter").loc[name]
    return {k: float(row[k]) for k in ("central", "low", "high")}


def rerun(exports: pd.DataFrame, model_rates: pd.DataFrame, parameters: pd.DataFrame, until,
          min_days: int = MIN_DAYS_TO_DRAW) -> pd.DataFrame:
    """Export revenue at risk (JPY tn a year; central, low, high) for each period of at least `min_days` days,
    and for the period still in force however short it is so far.

    Low and high are the smallest and largest values at the four corners of the parameter ranges.
    """
    pt, el = _parameter(parameters, "pass_through"), _parameter(parameters, BACKTEST_ELASTICITY)
    rows = []
    for _, period in periods(model_rates, until).iterrows():
        if period["days"] < min_days and pd.notna(period["to_date"]):
            continue
        rates = regime_rates(model_rates, period["regime_id"])
        corners = [revenue_at_risk(exports, rates, p, e) for p in (pt["low"], pt["high"]) for e in (el["low"], el["high"])]
        rows.append({**period, "central_jpy_tn": revenue_at_risk(exports, rates, pt["central"], el["central"]),
                     "low_jpy_tn": min(corners), "high_jpy_tn": max(corners)})
    return pd.DataFrame(rows)


# --- The backtest: the model's prediction for 2025 against what happened ----------------------------

def average_increase(model_rates: pd.DataFrame, group: str, start, end) -> float:
    """Day-weighted average tariff increase (percentage points) on `group` over start..end, both included."""
    weights = _period_weights(model_rates, start, end)
    rates = model_rates[model_rates["product_group"] == group].set_index("regime_id")["tariff_increase_percent"]
    return float(sum(w * rates[r] for r, w in weights.items()))


def _period_weights(model_rates: pd.DataFrame, start, end) -> dict[str, float]:
    """{regime_id: share of the days start..end it covers}; the periods must cover every day."""
    start, end = pd.Timestamp(start), pd.Timestamp(end)
    if end < start:
        raise ValueError(f"end ({end:%Y-%m-%d}) must not be before start ({start:%Y-%m-%d})")
    table = model_rates.drop_duplicates("regime_id")
    first, last = table["from_date"].clip(lower=start), table["to_date"].fillna(max(end, table["from_date"].max()))
    last = last.clip(upper=end)
    days = ((last - first).dt.days + 1).clip(lower=0)
    total = (end - start).days + 1
    if int(days.sum()) != total:
        raise ValueError(f"the tariff periods cover {int(days.sum())} of the {total} days from {start:%Y-%m-%d} "
                         f"to {end:%Y-%m-%d}: they must cover every day once")
    return {r: d / total for r, d in zip(table["regime_id"], days) if d > 0}


def predicted_change(exports: pd.DataFrame, model_rates: pd.DataFrame, pass_through: float, elasticity: float,
                     start, end, groups: list[str] | None = None) -> dict[str, float]:
    """The model's change (percent) in value, volume and exporter price of `groups` over start..end.

    Each day's exports respond to that day's tariffs (the model has no lags), so the period's exports are the
    day-weighted sum over the periods; volume is valued at 2024 prices, price = value / volume.
    """
    return _change(_export_base(exports, groups), _weighted_rates(model_rates, start, end), pass_through, elasticity)


def _export_base(exports: pd.DataFrame, groups: list[str] | None) -> pd.DataFrame:
    base = exports if groups is None else exports[exports["product_group"].isin(groups)]
    if base.empty:
        raise ValueError(f"no exports for groups {groups}; known: {list(exports['product_group'])}")
    return base


def _weighted_rates(model_rates: pd.DataFrame, start, end) -> list[tuple[float, dict[str, float]]]:
    """(share of the days, {group: rate}) for each period over start..end."""
    return [(weight, regime_rates(model_rates, regime))
            for regime, weight in _period_weights(model_rates, start, end).items()]


def _change(base: pd.DataFrame, weighted_rates, pass_through: float, elasticity: float) -> dict[str, float]:
    """predicted_change from the exports of the groups and the periods' weights and rates."""
    value = volume = 0.0
    for weight, rates in weighted_rates:
        for group, amount in zip(base["product_group"], base["exports_jpy_tn"]):
            vol, price = _ratios(rates.get(group, 0.0), pass_through, elasticity)
            value += weight * amount * vol * price
            volume += weight * amount * vol
    total = float(base["exports_jpy_tn"].sum())
    return keyed_by(EXPORT_MEASURES, {"value": (value / total - 1) * 100, "volume": (volume / total - 1) * 100,
                                      "price": (value / volume - 1) * 100})


BACKTEST_ROWS = [  # (outcome_id, groups, measure)
    ("exports_value_2025", None, "value"),
    ("exports_value_h1_fy2025", None, "value"),
    ("cars_value_h1_fy2025", ["autos"], "value"),
    ("cars_volume_h1_fy2025", ["autos"], "volume"),
]


def backtest(exports: pd.DataFrame, model_rates: pd.DataFrame, parameters: pd.DataFrame,
             outcomes: pd.DataFrame) -> pd.DataFrame:
    """Predicted (central, low, high) against actual change in percent, one row per reported figure used."""
    pt, el = _parameter(parameters, "pass_through"), _parameter(parameters, BACKTEST_ELASTICITY)
    used = outcomes[outcomes["used"]].set_index("outcome_id")
    rows = []
    for outcome_id, groups, measure in BACKTEST_ROWS:
        actual = used.loc[outcome_id]
        # The periods and exports are the same for every corner of the parameter ranges: found once.
        base, weighted = _export_base(exports, groups), _weighted_rates(model_rates, actual["from_date"], actual["to_date"])
        def run(p, e, base=base, weighted=weighted, measure=measure):
            return _change(base, weighted, p, e)[measure]
        corners = [run(p, e) for p in (pt["low"], pt["high"]) for e in (el["low"], el["high"])]
        rows.append({"goods": actual["goods"], "measure": measure,
                     "period": f"{actual['from_date']:%d %b %Y} to {actual['to_date']:%d %b %Y}",
                     "predicted_central_percent": run(pt["central"], el["central"]),
                     "predicted_low_percent": min(corners), "predicted_high_percent": max(corners),
                     "actual_percent": float(actual["change_percent"]), "source_id": actual["source_id"]})
    return pd.DataFrame(rows)


def implied_pass_through(price_change_percent: float, tariff_increase_percent: float) -> float:
    """The pass-through φ that makes the model's exporter price ratio (1 + φt)/(1 + t) equal the observed one."""
    if tariff_increase_percent <= 0:
        raise ValueError(f"tariff_increase_percent must be positive; got {tariff_increase_percent!r}")
    t = tariff_increase_percent / 100
    return ((1 + t) * (1 + price_change_percent / 100) - 1) / t


# --- Ledger and scorecard ---------------------------------------------------------------------------

def ledger_summary(ledger: pd.DataFrame) -> pd.DataFrame:
    """Count of ledger items by side (rows) and outcome (columns, in the order OUTCOMES), with totals."""
    unknown = unknown_names(ledger["outcome"], OUTCOMES)
    if unknown:
        raise ValueError(f"unknown outcome {unknown}; allowed: {OUTCOMES}")
    counts = pd.crosstab(ledger["side"], ledger["outcome"]).reindex(index=SIDES, columns=OUTCOMES, fill_value=0)
    counts.index.name, counts.columns.name = "side", "outcome (our judgement)"
    counts["total"] = counts.sum(axis=1)
    counts.loc["total"] = counts.sum(axis=0)
    return counts


def with_article_text(table: pd.DataFrame, claims: pd.DataFrame) -> pd.DataFrame:
    """The ledger or scorecard with the article's own claim (our paraphrase) beside each row."""
    return table.merge(claims[["claim_id", "statement"]].rename(columns={"statement": "article_says"}),
                       on="claim_id", how="left", validate="many_to_one")


def related_events(table: pd.DataFrame, events: pd.DataFrame) -> pd.DataFrame:
    """One row per (row of `table`, related event): the long form of the `related_event_ids` column."""
    key = table.columns[0]
    pairs = table[[key, "related_event_ids"]].assign(event_id=table["related_event_ids"].str.split(";"))
    pairs = pairs.explode("event_id")[[key, "event_id"]]
    missing = sorted(set(pairs["event_id"]) - set(events["event_id"]))
    if missing:
        raise ValueError(f"related_event_ids name events that are not in aftermath_events: {missing}")
    return pairs.merge(events[["event_id", "date", "title", "source_id"]], on="event_id").reset_index(drop=True)


# --- The panel: pick a period, move the parameters ------------------------------------------------------

def snap(value, step: float):
    """`value` rounded to the slider's step, so 1.1500000000000001 is read as 1.15 (non-numbers pass through)."""
    return round_to_step(value, step) if is_number(value) else value


def period_panel_result(exports: pd.DataFrame, model_rates: pd.DataFrame, regime_id: str, pass_through: float,
                        elasticity: float) -> tuple[pd.DataFrame | None, str]:
    """Export revenue at risk by group for one period, and a one-line message; on bad input (None, why)."""
    pass_through, elasticity = snap(pass_through, 0.05), snap(elasticity, 0.1)
    try:
        rates = regime_rates(model_rates, regime_id)
        at_risk = [float(a) * (1 - trade.export_value_ratio(rates.get(g, 0.0), pass_through, elasticity))
                   for g, a in zip(exports["product_group"], exports["exports_jpy_tn"])]
    except ValueError as error:
        return None, f"Cannot compute: {error}"
    label = model_rates.loc[model_rates["regime_id"] == regime_id, "label"].iloc[0]
    table = pd.DataFrame({"label": exports["product_group"].map(trade.GROUP_LABELS).to_numpy(),
                          "tariff_increase_percent": [rates.get(g, 0.0) * 100 for g in exports["product_group"]],
                          "revenue_at_risk_jpy_tn": at_risk}).round(3)
    message = (f"{label}: {QUANTITY} JPY {sum(at_risk):.2f} tn a year (2024 base), with pass-through "
               f"{pass_through:g} and elasticity {elasticity:g}.")
    return table, message


def period_panel(exports: pd.DataFrame, model_rates: pd.DataFrame, parameters: pd.DataFrame,
                 gdp_jpy_tn: float | None = None):
    """A dropdown of the periods that lasted a month or more, and the two uncertain parameters of notebook 02.

    `gdp_jpy_tn` is accepted for the shared panel tests; the panel reports revenue, not shares of GDP.
    """
    import ipywidgets as widgets

    from .widgets import refresh

    central = parameters.set_index("parameter")["central"]
    long_enough = periods(model_rates, pd.Timestamp.today().normalize())
    long_enough = long_enough[(long_enough["days"] >= MIN_DAYS_TO_DRAW) | long_enough["to_date"].isna()]
    labels = dict(zip(long_enough["regime_id"], long_enough["label"]))
    style, layout = {"description_width": "160px"}, widgets.Layout(width="520px")
    period = widgets.Dropdown(options=[(label, rid) for rid, label in labels.items()], value="after_agreement",
                              description="Period", style=style, layout=layout)
    pass_slider = widgets.FloatSlider(value=float(central["pass_through"]), min=-0.2, max=1.2, step=0.05,
                                      description="Pass-through (share)", style=style, layout=layout,
                                      continuous_update=False)
    elasticity_slider = widgets.FloatSlider(value=float(central[BACKTEST_ELASTICITY]), min=-1, max=6, step=0.1,
                                            description="Import elasticity", style=style, layout=layout,
                                            continuous_update=False)
    message, output = widgets.HTML(), widgets.Output()

    def update(_change=None):
        table, text = period_panel_result(exports, model_rates, period.value, pass_slider.value, elasticity_slider.value)
        draw = None if table is None else lambda ax: draw_period_panel(ax, table, labels[period.value])
        refresh(message, output, text, draw, figsize=(7.5, 3.6))

    for widget in (period, pass_slider, elasticity_slider):
        widget.observe(update, names="value")
    update()
    return widgets.VBox([period, pass_slider, elasticity_slider, message, output])


panel_result, panel = period_panel_result, period_panel  # the names notebook 06 calls


# Figures and exercises live in their own modules; imported last, as they use the names above.
from . import aftermath_exercises  # noqa: E402, F401
from .aftermath_figures import (  # noqa: E402, F401
    FONT,
    draw_backtest,
    draw_key_events,
    draw_ledger,
    draw_panel_bars,
    draw_period_panel,
    draw_rerun,
    draw_tariff_steps,
)
