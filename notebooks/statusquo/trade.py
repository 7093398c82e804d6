"""What a US tariff would cost Japan's exports: the data helpers and model of notebook 02.

The model is partial equilibrium, run separately for each group of goods Japan sells the US.
For one group with a tariff t (0.25 means 25%), a pass-through share φ and an import elasticity ε:

1. US buyers' price rises by φ·t. With φ = 1 (complete pass-through) they pay the whole tariff;
   with φ < 1 the Japanese exporter absorbs the rest by cutting its own (pre-tariff) price.
2. The volume the US buys falls with a constant elasticity:  volume ratio = (1 + φ·t) ** (−ε).
   This form never falls below zero, however large the tariff, so no cap is needed.
3. The exporter's pre-tariff price changes by the part of the tariff it absorbs:
   price ratio = (1 + φ·t) / (1 + t), which is 1 when φ = 1.
4. The yen value of the group's exports is multiplied by volume ratio × price ratio, and
   the loss is what disappears:  loss = exports × (1 − volume ratio × price ratio).

The loss splits into a volume part, exports × (1 − volume ratio), and a price part, what the
exporter gives up on the units it still sells. Everything is measured against 2024 exports with
nothing else changing: no exchange-rate response, no rerouting to other markets, no retaliation,
no US production by Japanese firms. It is the value of exports at stake, not a welfare loss.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

import numpy as np
import pandas as pd

from .data import load
from .exercises import exercise

ARTICLE_DATE = pd.Timestamp("2025-02-06")
PRODUCT_GROUPS = ["autos", "auto_parts", "chips_and_equipment", "medical_items", "steel_and_aluminium", "all_other"]
GROUP_LABELS = {
    "autos": "Cars, trucks, buses",
    "auto_parts": "Auto parts",
    "chips_and_equipment": "Chips and chip-making equipment",
    "medical_items": "Medical items",
    "steel_and_aluminium": "Steel and aluminium",
    "all_other": "All other goods",
}
# Rates are fractions (0.25 = 25%). The ceiling catches "25" typed where 0.25 was meant.
MAX_TARIFF_RATE = 2.0
MAX_ELASTICITY = 20.0


# --- Checking inputs --------------------------------------------------------------------------------

def check_parameters(pass_through: float, elasticity: float) -> None:
    """Raise ValueError unless 0 ≤ pass_through ≤ 1 and 0 ≤ elasticity ≤ 20."""
    if not _is_number(pass_through) or not 0 <= pass_through <= 1:
        raise ValueError(f"pass_through must be a number between 0 and 1 (the share of the tariff US buyers pay); "
                         f"got {pass_through!r}")
    if not _is_number(elasticity) or not 0 <= elasticity <= MAX_ELASTICITY:
        raise ValueError(f"elasticity must be a number between 0 and {MAX_ELASTICITY:g} (the % fall in volume per 1% "
                         f"price rise, given as a positive number); got {elasticity!r}")


def check_tariff_rates(tariff_rates: Mapping[str, float]) -> dict[str, float]:
    """Return {group: rate} for every product group, after checking each given rate.

    Groups left out get 0 (no tariff). A name that is not a product group, a negative rate or a rate
    above 2.0 (200%) raises ValueError.
    """
    unknown = sorted(set(tariff_rates) - set(PRODUCT_GROUPS))
    if unknown:
        raise ValueError(f"unknown product group(s) {unknown}; tariff rates must be given for {PRODUCT_GROUPS}")
    rates = {}
    for group in PRODUCT_GROUPS:
        rate = tariff_rates.get(group, 0.0)
        if not _is_number(rate) or not 0 <= rate <= MAX_TARIFF_RATE:
            raise ValueError(f"tariff rate for {group} must be a fraction between 0 and {MAX_TARIFF_RATE:g} "
                             f"(0.25 means 25%); got {rate!r}")
        rates[group] = float(rate)
    return rates


def _is_number(value) -> bool:
    return isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(value, bool) \
        and math.isfinite(value)


# --- The model --------------------------------------------------------------------------------------

def export_value_ratio(tariff_rate: float, pass_through: float, elasticity: float) -> float:
    """Exports after the tariff as a share of exports before: (1 + φt)^(−ε) × (1 + φt) / (1 + t)."""
    check_parameters(pass_through, elasticity)
    check_tariff_rates({"all_other": tariff_rate})
    buyer_price = 1 + pass_through * tariff_rate
    volume_ratio = buyer_price ** (-elasticity)
    exporter_price_ratio = buyer_price / (1 + tariff_rate)
    return volume_ratio * exporter_price_ratio


def tariff_loss(exports: pd.DataFrame, tariff_rates: Mapping[str, float], pass_through: float,
                elasticity: float) -> pd.DataFrame:
    """Loss of export value per product group, in JPY trillion.

    `exports` has columns product_group and exports_jpy_tn (see `export_base`); `tariff_rates` maps
    product group → tariff as a fraction (groups left out pay none). Works for any set of rates, so
    later notebooks can feed in the rates that were actually imposed.
    """
    check_parameters(pass_through, elasticity)
    rates = check_tariff_rates(tariff_rates)
    table = exports[["product_group", "exports_jpy_tn"]].copy()
    table["tariff_percent"] = table["product_group"].map(rates) * 100
    t = table["tariff_percent"] / 100
    buyer_price = 1 + pass_through * t
    volume_ratio = buyer_price ** (-elasticity)
    exporter_price_ratio = buyer_price / (1 + t)
    table["us_price_change_percent"] = (buyer_price - 1) * 100
    table["volume_change_percent"] = (volume_ratio - 1) * 100
    table["volume_loss_jpy_tn"] = table["exports_jpy_tn"] * (1 - volume_ratio)
    table["price_loss_jpy_tn"] = table["exports_jpy_tn"] * volume_ratio * (1 - exporter_price_ratio)
    table["loss_jpy_tn"] = table["volume_loss_jpy_tn"] + table["price_loss_jpy_tn"]
    table["loss_percent_of_group"] = table["loss_jpy_tn"] / table["exports_jpy_tn"] * 100
    return table.astype({c: "float64" for c in table.columns if c != "product_group"})


def total_loss(exports: pd.DataFrame, tariff_rates: Mapping[str, float], pass_through: float, elasticity: float,
               gdp_jpy_tn: float) -> dict[str, float]:
    """Total loss in JPY trillion, as % of exports to the US and as % of Japan's GDP."""
    if not _is_number(gdp_jpy_tn) or gdp_jpy_tn <= 0:
        raise ValueError(f"gdp_jpy_tn must be a positive number; got {gdp_jpy_tn!r}")
    loss = float(tariff_loss(exports, tariff_rates, pass_through, elasticity)["loss_jpy_tn"].sum())
    return {
        "loss_jpy_tn": loss,
        "loss_percent_of_exports_to_us": loss / float(exports["exports_jpy_tn"].sum()) * 100,
        "loss_percent_of_gdp": loss / gdp_jpy_tn * 100,
    }


def loss_range(exports: pd.DataFrame, tariff_rates: Mapping[str, float], parameters: pd.DataFrame,
               gdp_jpy_tn: float) -> dict[str, float]:
    """Central loss and its low–high range (JPY trillion) over the parameter ranges.

    The loss moves in one direction as each parameter moves (for fixed other), so its smallest and
    largest values over the ranges are at the corners: we evaluate the four corners.
    """
    pt, el = _parameter_row(parameters, "pass_through"), _parameter_row(parameters, "import_elasticity")
    central = total_loss(exports, tariff_rates, pt["central"], el["central"], gdp_jpy_tn)
    corners = [total_loss(exports, tariff_rates, p, e, gdp_jpy_tn)["loss_jpy_tn"]
               for p in (pt["low"], pt["high"]) for e in (el["low"], el["high"])]
    return {"central_jpy_tn": central["loss_jpy_tn"], "low_jpy_tn": min(corners), "high_jpy_tn": max(corners),
            "central_percent_of_gdp": central["loss_percent_of_gdp"],
            "low_percent_of_gdp": min(corners) / gdp_jpy_tn * 100,
            "high_percent_of_gdp": max(corners) / gdp_jpy_tn * 100}


def tornado(exports: pd.DataFrame, tariff_rates: Mapping[str, float], parameters: pd.DataFrame,
            gdp_jpy_tn: float) -> pd.DataFrame:
    """Loss (JPY tn) with one parameter at its low, then its high value, the other held at central."""
    central = {name: _parameter_row(parameters, name)["central"] for name in ("pass_through", "import_elasticity")}
    rows = []
    for name in ("pass_through", "import_elasticity"):
        row = _parameter_row(parameters, name)
        losses = {}
        for end in ("low", "high"):
            values = {**central, name: row[end]}
            losses[end] = total_loss(exports, tariff_rates, values["pass_through"], values["import_elasticity"],
                                     gdp_jpy_tn)["loss_jpy_tn"]
        rows.append({"parameter": name, "low_value": row["low"], "high_value": row["high"],
                     "loss_at_low_jpy_tn": losses["low"], "loss_at_high_jpy_tn": losses["high"]})
    table = pd.DataFrame(rows)
    table["swing_jpy_tn"] = (table["loss_at_high_jpy_tn"] - table["loss_at_low_jpy_tn"]).abs()
    return table.sort_values("swing_jpy_tn", ascending=False, kind="stable").reset_index(drop=True)


def _parameter_row(parameters: pd.DataFrame, name: str) -> dict[str, float]:
    row = parameters.set_index("parameter").loc[name]
    return {key: float(row[key]) for key in ("central", "low", "high")}


# --- Data helpers -----------------------------------------------------------------------------------

def used_value(table: pd.DataFrame, indicator: str) -> float:
    """The value of `indicator` from the row marked used (a table with indicator, value, used)."""
    rows = table[(table["indicator"] == indicator) & table["used"]]
    if len(rows) != 1:
        raise ValueError(f"expected exactly one used row for {indicator!r}, found {len(rows)}")
    return float(rows["value"].iloc[0])


def export_base(japan_2024: pd.DataFrame) -> pd.DataFrame:
    """Japan's 2024 exports to the US by product group (JPY trillion), built from sourced totals and shares.

    Only the total, the autos+parts total and the shares are published; each group's yen value is our
    arithmetic, and the `how` column says which. 'All other goods' is the remainder.
    """
    total = used_value(japan_2024, "exports_to_us")
    autos = total * used_value(japan_2024, "autos_share_of_exports_to_us") / 100
    autos_and_parts = used_value(japan_2024, "autos_and_parts_to_us")
    groups = {
        "autos": (autos, "28.3% share × total"),
        "auto_parts": (autos_and_parts - autos, "autos and parts (¥7.2 tn) minus autos"),
        "chips_and_equipment": (total * used_value(japan_2024, "chips_share_of_exports_to_us") / 100, "3.7% share × total"),
        "medical_items": (total * used_value(japan_2024, "medical_share_of_exports_to_us") / 100, "1.9% share × total"),
        "steel_and_aluminium": (total * used_value(japan_2024, "steel_aluminium_share_of_exports_to_us") / 100,
                                "'about 1%' share × total"),
    }
    groups["all_other"] = (total - sum(value for value, _ in groups.values()), "total minus the groups above")
    table = pd.DataFrame([{"product_group": g, "label": GROUP_LABELS[g], "exports_jpy_tn": v, "how": how}
                          for g, (v, how) in groups.items()])
    table["share_percent"] = table["exports_jpy_tn"] / total * 100
    return table


def goods_balance_by_year(goods: pd.DataFrame, first: int = 2014, last: int = 2024) -> pd.DataFrame:
    """One row per year with the used exports, imports and balance (US$ bn); missing years stay empty.

    `balance_from_flows` is exports minus imports where both are published: a check on the balance.
    """
    used = goods[goods["used"]].pivot_table(index="year", columns="flow", values="value_usd_bn", aggfunc="first")
    used = used.reindex(index=range(first, last + 1), columns=["exports_to_japan", "imports_from_japan", "balance"])
    used.index.name = "year"
    used.columns.name = None
    used = used.astype("float64")
    used["balance_from_flows"] = used["exports_to_japan"] - used["imports_from_japan"]
    used["confirmed"] = used["balance"].notna()
    return used


def claims_vs_measured(claims: pd.DataFrame, balance: pd.DataFrame) -> pd.DataFrame:
    """Each claim beside the measured goods deficit for its comparison year, and how far above it it is."""
    table = claims[["claim_id", "date", "claimed_low_usd_bn", "claimed_high_usd_bn", "compare_year"]].copy()
    table["measured_deficit_usd_bn"] = [-balance.loc[int(y), "balance"] for y in table["compare_year"]]
    table["high_claim_above_measured_percent"] = (
        (table["claimed_high_usd_bn"] / table["measured_deficit_usd_bn"] - 1) * 100).round(1)
    return table.astype({"claimed_low_usd_bn": "float64", "claimed_high_usd_bn": "float64",
                         "measured_deficit_usd_bn": "float64"})


def threats_with_timing(threats: pd.DataFrame) -> pd.DataFrame:
    """The threats table with a `timing` column: before the article (6 Feb 2025), after it, or undated."""
    table = threats.copy()
    table["timing"] = np.where(table["date"].isna(), "date not confirmed",
                               np.where(table["date"] <= ARTICLE_DATE, "before the article", "after the article"))
    return table


def rates_from_table(table: pd.DataFrame, key_column: str, key: str, percent_column: str,
                     what: str = "scenario") -> dict[str, float]:
    """{product group: tariff as a fraction} from the rows of `table` whose `key_column` equals `key`.

    The tables store percents (25 means 25%); the model takes fractions (0.25). Notebook 04 reads the
    rates that actually came from its own table with this same function.
    """
    rows = table[table[key_column] == key]
    if rows.empty:
        raise ValueError(f"no {what} {key!r}; known: {sorted(table[key_column].unique())}")
    return {g: float(r) / 100 for g, r in zip(rows["product_group"], rows[percent_column])}


def scenario_rates(scenarios: pd.DataFrame, scenario_id: str) -> dict[str, float]:
    """{product group: tariff as a fraction} for one scenario of the scenarios table."""
    return rates_from_table(scenarios, "scenario_id", scenario_id, "tariff_percent")


def scenario_table(exports: pd.DataFrame, scenarios: pd.DataFrame, parameters: pd.DataFrame,
                   gdp_jpy_tn: float, extra: Mapping[str, Mapping[str, float]] | None = None) -> pd.DataFrame:
    """Central loss and range for every scenario in the table, plus any `extra` {label: rates}."""
    runs = [(label, scenario_rates(scenarios, sid))
            for sid, label in dict(zip(scenarios["scenario_id"], scenarios["label"])).items()]
    runs += list((extra or {}).items())
    rows = [{"scenario": label, **loss_range(exports, rates, parameters, gdp_jpy_tn)} for label, rates in runs]
    return pd.DataFrame(rows).round(3)


# --- The panel: a plain function plus a thin widget shell --------------------------------------------

def panel_result(exports: pd.DataFrame, tariff_percents: Mapping[str, float], pass_through: float,
                 elasticity: float, gdp_jpy_tn: float) -> tuple[pd.DataFrame | None, str]:
    """What the panel shows: (loss table, message). On bad input the table is None and the message says why."""
    try:
        rates = {g: p / 100 if _is_number(p) else p for g, p in tariff_percents.items()}
        table = tariff_loss(exports, rates, pass_through, elasticity)
        total = total_loss(exports, rates, pass_through, elasticity, gdp_jpy_tn)
    except ValueError as error:
        return None, f"Cannot compute: {error}"
    message = (f"Loss of export value: ¥{total['loss_jpy_tn']:.2f} tn, "
               f"{total['loss_percent_of_exports_to_us']:.1f}% of exports to the US, "
               f"{total['loss_percent_of_gdp']:.2f}% of Japan's 2024 GDP.")
    table = table.assign(label=table["product_group"].map(GROUP_LABELS))
    return table[["label", "exports_jpy_tn", "tariff_percent", "volume_change_percent", "loss_jpy_tn"]].round(3), message


def draw_loss_bars(ax, table: pd.DataFrame, title: str = "Loss of Japan's export value, by product group") -> None:
    """Horizontal bars of the loss per group (JPY tn), each labelled with its value."""
    from .plots import HATCHES, SERIES_COLOURS

    ordered = table.iloc[::-1]
    positions = range(len(ordered))
    ax.barh(positions, ordered["loss_jpy_tn"], color=SERIES_COLOURS[3], hatch=HATCHES[1], edgecolor="black",
            linewidth=0.6)
    ax.set_yticks(list(positions), labels=list(ordered["label"]))
    top = max(float(ordered["loss_jpy_tn"].max()), 0.1)
    for y, value in zip(positions, ordered["loss_jpy_tn"]):
        ax.text(value + top * 0.02, y, f"¥{value:.2f} tn", va="center", fontsize=9)
    ax.set_xlim(0, top * 1.3)
    ax.set_xlabel("Loss of export value (JPY trillion, 2024 base)")
    ax.set_title(title)
    ax.grid(axis="y", visible=False)


def panel(exports: pd.DataFrame, parameters: pd.DataFrame, gdp_jpy_tn: float,
          initial_percents: Mapping[str, float] | None = None):
    """The interactive panel: a tariff slider per product group (percent), pass-through and elasticity.

    It opens at `initial_percents` ({group: tariff in percent}; others 0) and the central parameters.
    """
    import ipywidgets as widgets
    from IPython.display import display

    from .widgets import refresh

    pt, el = _parameter_row(parameters, "pass_through"), _parameter_row(parameters, "import_elasticity")
    style, layout = {"description_width": "230px"}, widgets.Layout(width="520px")
    initial = dict(initial_percents or {})
    sliders = {g: widgets.FloatSlider(value=initial.get(g, 0), min=-10, max=100, step=5, description=f"{GROUP_LABELS[g]} (%)",
                                      style=style, layout=layout, continuous_update=False)
               for g in PRODUCT_GROUPS}
    pass_slider = widgets.FloatSlider(value=pt["central"], min=-0.2, max=1.2, step=0.05,
                                      description="Pass-through (share)", style=style, layout=layout,
                                      continuous_update=False)
    elasticity_slider = widgets.FloatSlider(value=el["central"], min=-1, max=6, step=0.1,
                                            description="Import elasticity", style=style, layout=layout,
                                            continuous_update=False)
    message, output = widgets.HTML(), widgets.Output()

    def update(_change=None):
        table, text = panel_result(exports, {g: s.value for g, s in sliders.items()}, pass_slider.value,
                                   elasticity_slider.value, gdp_jpy_tn)
        refresh(message, output, text, None if table is None else lambda ax: draw_loss_bars(ax, table),
                figsize=(7.5, 3.4))
        if table is not None:
            with output:
                display(table)

    for widget in [*sliders.values(), pass_slider, elasticity_slider]:
        widget.observe(update, names="value")
    update()
    note = widgets.HTML("<i>Sliders go below zero and pass-through above 1 on purpose: try it and read the message.</i>")
    return widgets.VBox([widgets.HTML("<b>Tariff on each group (%)</b>"), *sliders.values(),
                         widgets.HTML("<b>Parameters</b>"), pass_slider, elasticity_slider, note, message, output])


# --- Exercises of notebook 02 ------------------------------------------------------------------------

@exercise("02.1", "how far Trump's 2025 figure is above the measured 2024 deficit, in percent",
          "Take the measured 2024 balance from the goods table (a negative number: flip its sign), then "
          "compute (100 / measured − 1) × 100.")
def _claim_overstatement() -> float:
    balance = goods_balance_by_year(load("trade_us_japan_goods"))
    return (100 / -balance.loc[2024, "balance"] - 1) * 100


@exercise("02.2", "autos and parts as a share of Japan's 2024 exports to the US, in percent",
          "Divide the autos-and-parts value by exports to the US (both in JPY tn, rows marked used), times 100.")
def _autos_share() -> float:
    japan = load("trade_japan_2024")
    return used_value(japan, "autos_and_parts_to_us") / used_value(japan, "exports_to_us") * 100


@exercise("02.3", "central loss of the 10% universal tariff as a percent of Japan's GDP",
          "Call trade.total_loss with the universal_10 rates, the central parameters and 2024 GDP; "
          "read 'loss_percent_of_gdp'.")
def _universal_10_gdp_share() -> float:
    japan, parameters = load("trade_japan_2024"), load("trade_parameters").set_index("parameter")
    rates = scenario_rates(load("trade_scenarios"), "universal_10")
    return total_loss(export_base(japan), rates, float(parameters.loc["pass_through", "central"]),
                      float(parameters.loc["import_elasticity", "central"]),
                      used_value(japan, "nominal_gdp"))["loss_percent_of_gdp"]
