"""Export revenue at risk from a US tariff: the data helpers and model of notebook 02.

What the model computes: the fall in the gross yen value of Japan's goods exports to the US that a
tariff would cause, group by group, against 2024 exports with nothing else changing. We call it
**export revenue at risk**. It is not a cost to Japan's economy: part of that revenue pays for imported
inputs, exporters can sell elsewhere, and the tariff itself is paid at the US border. A share of GDP is
only a yardstick ("equal in size to x% of GDP").

For one group with a tariff t (0.25 means 25%), a pass-through share φ and an import elasticity ε:

1. US buyers' price rises by φ·t (φ = 1: they pay the whole tariff; φ < 1: the exporter absorbs the rest).
2. Volume falls with a constant elasticity:  volume ratio = (1 + φt) ** (−ε), never below zero.
3. The exporter's own (pre-tariff) price becomes (1 + φt) / (1 + t) of what it was.
4. Revenue ratio = volume ratio × price ratio = (1 + φt) ** (1 − ε) / (1 + t), and
   export revenue at risk = exports × (1 − revenue ratio).

How pass-through moves the answer: d(revenue ratio)/dφ = (1 − ε) · t · (1 + φt) ** (−ε) / (1 + t). Its sign
is the sign of (1 − ε), whatever the tariff: above ε = 1 more pass-through puts more revenue at risk,
below ε = 1 less, and at ε = 1 pass-through does not matter at all.

Plain names with the quantity in them are the main API (`export_revenue_at_risk`, `total_at_risk`,
`at_risk_range`, `horizon_table`); the older names (`tariff_loss`, `total_loss`, `loss_range`,
`export_value_ratio`, `draw_loss_bars`) stay as thin aliases for code written against them.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from . import vocabulary
from .checks import is_number, unknown_names
from .vocabulary import INVESTMENT_ENTITIES, PRODUCT_GROUPS, TRADE_FLOWS, keyed_by

ARTICLE_DATE = pd.Timestamp(vocabulary.ARTICLE_DATE)
GROUP_LABELS = keyed_by(PRODUCT_GROUPS, {
    "autos": "Cars, trucks, buses",
    "auto_parts": "Auto parts",
    "chips_and_equipment": "Chips and chip-making equipment",
    "medical_items": "Medical items",
    "steel_and_aluminium": "Steel and aluminium",
    "all_other": "All other goods",
})
# Rates are fractions (0.25 = 25%). The ceiling catches "25" typed where 0.25 was meant.
MAX_TARIFF_RATE = 2.0
MAX_ELASTICITY = 20.0
# Which row of trade_parameters holds the elasticity of each horizon.
HORIZONS = {"short_run": "elasticity_short_run", "long_run": "elasticity_long_run"}
HORIZON_LABELS = {"short_run": "Short run (about 1 year)", "long_run": "Long run (7 to 10 years)"}
# Where the effect of pass-through on export revenue changes sign (see the module docstring).
PASS_THROUGH_NEUTRAL_ELASTICITY = 1.0
AT_RISK = "export_revenue_at_risk_jpy_tn"


# --- Checking inputs --------------------------------------------------------------------------------

def check_parameters(pass_through: float, elasticity: float) -> None:
    """Raise ValueError unless 0 ≤ pass_through ≤ 1 and 0 ≤ elasticity ≤ 20."""
    if not is_number(pass_through) or not 0 <= pass_through <= 1:
        raise ValueError(f"pass_through must be a number between 0 and 1 (the share of the tariff US buyers pay); "
                         f"got {pass_through!r}")
    if not is_number(elasticity) or not 0 <= elasticity <= MAX_ELASTICITY:
        raise ValueError(f"elasticity must be a number between 0 and {MAX_ELASTICITY:g} (the % fall in volume per 1% "
                         f"price rise, given as a positive number); got {elasticity!r}")


def check_tariff_rates(tariff_rates: Mapping[str, float]) -> dict[str, float]:
    """Return {group: rate} for every product group, after checking each given rate.

    Groups left out get 0 (no tariff). A name that is not a product group, a negative rate or a rate
    above 2.0 (200%) raises ValueError.
    """
    if not isinstance(tariff_rates, Mapping):  # ValueError like every other refusal, so one except catches all
        raise ValueError(f"tariff rates must be a mapping {{product group: rate}}; got {tariff_rates!r}")
    unknown = unknown_names(tariff_rates, PRODUCT_GROUPS)
    if unknown:
        raise ValueError(f"unknown product group(s) {unknown}; tariff rates must be given for {PRODUCT_GROUPS}")
    rates = {}
    for group in PRODUCT_GROUPS:
        rate = tariff_rates.get(group, 0.0)
        if not is_number(rate) or not 0 <= rate <= MAX_TARIFF_RATE:
            raise ValueError(f"tariff rate for {group} must be a fraction between 0 and {MAX_TARIFF_RATE:g} "
                             f"(0.25 means 25%); got {rate!r}")
        rates[group] = float(rate)
    return rates


# --- The model --------------------------------------------------------------------------------------

def revenue_ratio(tariff_rate: float, pass_through: float, elasticity: float) -> float:
    """Export revenue after the tariff as a share of revenue before: (1 + φt)^(1 − ε) / (1 + t)."""
    check_parameters(pass_through, elasticity)
    check_tariff_rates({"all_other": tariff_rate})
    buyer_price = 1 + pass_through * tariff_rate
    return buyer_price ** (-elasticity) * buyer_price / (1 + tariff_rate)


def pass_through_effect(elasticity: float) -> int:
    """+1 if more pass-through puts more revenue at risk (ε > 1), −1 if less (ε < 1), 0 at ε = 1."""
    check_parameters(1.0, elasticity)
    return int(np.sign(elasticity - PASS_THROUGH_NEUTRAL_ELASTICITY))


def export_revenue_at_risk(exports: pd.DataFrame, tariff_rates: Mapping[str, float], pass_through: float,
                           elasticity: float) -> pd.DataFrame:
    """Export revenue at risk per product group, in JPY trillion, split into a volume and a price part.

    `exports` has columns product_group and exports_jpy_tn (see `export_base`); `tariff_rates` maps
    product group → tariff as a fraction (groups left out pay none), so later notebooks can feed in the
    rates that were actually imposed.
    """
    check_parameters(pass_through, elasticity)
    rates = check_tariff_rates(tariff_rates)
    # Plain arrays, one entry per product group, and the table built once at the end: the panels and curves
    # call this hundreds of times, and a pandas column operation costs far more than arithmetic on six numbers.
    exports_jpy_tn = exports["exports_jpy_tn"].to_numpy(dtype="float64", na_value=np.nan)
    tariff_percent = exports["product_group"].map(rates).to_numpy(dtype="float64", na_value=np.nan) * 100
    t = tariff_percent / 100
    buyer_price = 1 + pass_through * t
    volume_ratio = buyer_price ** (-elasticity)
    exporter_price_ratio = buyer_price / (1 + t)
    # Volume part: units no longer sold, at the old price. Price part: the margin given up on units still sold.
    volume_effect = exports_jpy_tn * (1 - volume_ratio)
    price_effect = exports_jpy_tn * volume_ratio * (1 - exporter_price_ratio)
    at_risk = volume_effect + price_effect
    table = pd.DataFrame({"product_group": exports["product_group"], "exports_jpy_tn": exports_jpy_tn,
                          "tariff_percent": tariff_percent, "us_price_change_percent": (buyer_price - 1) * 100,
                          "volume_change_percent": (volume_ratio - 1) * 100, "volume_effect_jpy_tn": volume_effect,
                          "price_effect_jpy_tn": price_effect, AT_RISK: at_risk,
                          "at_risk_percent_of_group": at_risk / exports_jpy_tn * 100}, index=exports.index)
    table.attrs = dict(exports.attrs)
    return table


def total_at_risk(exports: pd.DataFrame, tariff_rates: Mapping[str, float], pass_through: float, elasticity: float,
                  gdp_jpy_tn: float) -> dict[str, float]:
    """Total export revenue at risk in JPY trillion, as % of exports to the US, and the % of GDP it equals in size."""
    if not is_number(gdp_jpy_tn) or gdp_jpy_tn <= 0:
        raise ValueError(f"gdp_jpy_tn must be a positive number; got {gdp_jpy_tn!r}")
    at_risk = float(export_revenue_at_risk(exports, tariff_rates, pass_through, elasticity)[AT_RISK].sum())
    return {
        AT_RISK: at_risk,
        "percent_of_exports_to_us": at_risk / float(exports["exports_jpy_tn"].sum()) * 100,
        "equal_to_percent_of_gdp": at_risk / gdp_jpy_tn * 100,
    }


def parameter_values(parameters: pd.DataFrame, name: str) -> dict[str, float]:
    """{central, low, high} of one row of the trade_parameters table."""
    table = parameters.set_index("parameter")
    if name not in table.index:
        raise ValueError(f"no parameter {name!r}; known: {sorted(table.index)}")
    return {key: float(table.loc[name, key]) for key in ("central", "low", "high")}


def at_risk_range(exports: pd.DataFrame, tariff_rates: Mapping[str, float], parameters: pd.DataFrame,
                  gdp_jpy_tn: float, elasticity_row: str = "import_elasticity") -> dict[str, float]:
    """Central export revenue at risk and its low–high range over pass-through and one elasticity row.

    Revenue at risk moves one way as each parameter moves with the other fixed (in φ its direction is the
    sign of ε − 1), so the extremes over the ranges sit at the four corners, which is all we evaluate.
    """
    pt, el = parameter_values(parameters, "pass_through"), parameter_values(parameters, elasticity_row)
    central = total_at_risk(exports, tariff_rates, pt["central"], el["central"], gdp_jpy_tn)[AT_RISK]
    corners = [total_at_risk(exports, tariff_rates, p, e, gdp_jpy_tn)[AT_RISK]
               for p in (pt["low"], pt["high"]) for e in (el["low"], el["high"])]
    low, high = min(corners), max(corners)
    return {AT_RISK: central, "export_revenue_at_risk_low_jpy_tn": low, "export_revenue_at_risk_high_jpy_tn": high,
            "equal_to_percent_of_gdp": central / gdp_jpy_tn * 100,
            "equal_to_percent_of_gdp_low": low / gdp_jpy_tn * 100,
            "equal_to_percent_of_gdp_high": high / gdp_jpy_tn * 100}


def horizon_results(exports: pd.DataFrame, tariff_rates: Mapping[str, float], parameters: pd.DataFrame,
                    gdp_jpy_tn: float) -> pd.DataFrame:
    """One row per horizon (short run, long run): its elasticity range and its export revenue at risk."""
    rows = []
    for horizon, row_name in HORIZONS.items():
        el = parameter_values(parameters, row_name)
        rows.append({"horizon": horizon, "elasticity": el["central"], "elasticity_low": el["low"],
                     "elasticity_high": el["high"],
                     **at_risk_range(exports, tariff_rates, parameters, gdp_jpy_tn, elasticity_row=row_name)})
    return pd.DataFrame(rows)


def horizon_table(exports: pd.DataFrame, scenarios: pd.DataFrame, parameters: pd.DataFrame, gdp_jpy_tn: float,
                  extra: Mapping[str, Mapping[str, float]] | None = None) -> pd.DataFrame:
    """Export revenue at risk for every scenario (plus any `extra` {label: rates}) at both horizons."""
    frames = [horizon_results(exports, rates, parameters, gdp_jpy_tn).assign(scenario=label)
              for label, rates in _scenario_runs(scenarios, extra)]
    table = pd.concat(frames, ignore_index=True)
    return table[["scenario", *[c for c in table.columns if c != "scenario"]]].round(3)


def pass_through_curve(exports: pd.DataFrame, tariff_rates: Mapping[str, float], elasticities, pass_throughs,
                       gdp_jpy_tn: float) -> pd.DataFrame:
    """Export revenue at risk on a grid of elasticities × pass-through values (long table)."""
    rows = [{"elasticity": float(e), "pass_through": float(p),
             AT_RISK: total_at_risk(exports, tariff_rates, float(p), float(e), gdp_jpy_tn)[AT_RISK]}
            for p in pass_throughs for e in elasticities]
    return pd.DataFrame(rows)


def tornado(exports: pd.DataFrame, tariff_rates: Mapping[str, float], parameters: pd.DataFrame,
            gdp_jpy_tn: float, elasticity_row: str = "import_elasticity") -> pd.DataFrame:
    """Revenue at risk (JPY tn) with one parameter at its low, then its high value, the other at central.

    Read with care: the direction of the pass-through bar flips at an elasticity of 1.
    """
    names = {"pass_through": "pass_through", "import_elasticity": elasticity_row}
    central = {key: parameter_values(parameters, row)["central"] for key, row in names.items()}
    rows = []
    for key, row_name in names.items():
        values = parameter_values(parameters, row_name)
        at_ends = {}
        for end in ("low", "high"):
            chosen = {**central, key: values[end]}
            at_ends[end] = total_at_risk(exports, tariff_rates, chosen["pass_through"], chosen["import_elasticity"],
                                         gdp_jpy_tn)[AT_RISK]
        rows.append({"parameter": row_name, "low_value": values["low"], "high_value": values["high"],
                     "at_risk_at_low_jpy_tn": at_ends["low"], "at_risk_at_high_jpy_tn": at_ends["high"]})
    table = pd.DataFrame(rows)
    table["swing_jpy_tn"] = (table["at_risk_at_high_jpy_tn"] - table["at_risk_at_low_jpy_tn"]).abs()
    return table.sort_values("swing_jpy_tn", ascending=False, kind="stable").reset_index(drop=True)


# --- Compatibility aliases (old names kept so code written against them keeps working) ---------------

export_value_ratio, _parameter_row = revenue_ratio, parameter_values


def tariff_loss(exports: pd.DataFrame, tariff_rates: Mapping[str, float], pass_through: float,
                elasticity: float) -> pd.DataFrame:
    """Old name of `export_revenue_at_risk`; also carries the old column names (loss_jpy_tn, ...)."""
    table = export_revenue_at_risk(exports, tariff_rates, pass_through, elasticity)
    return table.assign(volume_loss_jpy_tn=table["volume_effect_jpy_tn"], price_loss_jpy_tn=table["price_effect_jpy_tn"],
                        loss_jpy_tn=table[AT_RISK], loss_percent_of_group=table["at_risk_percent_of_group"])


def total_loss(exports: pd.DataFrame, tariff_rates: Mapping[str, float], pass_through: float, elasticity: float,
               gdp_jpy_tn: float) -> dict[str, float]:
    """Old name of `total_at_risk`; returns the new keys and the old ones (loss_jpy_tn, loss_percent_of_gdp, ...)."""
    result = total_at_risk(exports, tariff_rates, pass_through, elasticity, gdp_jpy_tn)
    return {**result, "loss_jpy_tn": result[AT_RISK],
            "loss_percent_of_exports_to_us": result["percent_of_exports_to_us"],
            "loss_percent_of_gdp": result["equal_to_percent_of_gdp"]}


def loss_range(exports: pd.DataFrame, tariff_rates: Mapping[str, float], parameters: pd.DataFrame,
               gdp_jpy_tn: float, elasticity_row: str = "import_elasticity") -> dict[str, float]:
    """Old name of `at_risk_range`, with the old keys (central_jpy_tn, low_jpy_tn, ..., central_percent_of_gdp)."""
    r = at_risk_range(exports, tariff_rates, parameters, gdp_jpy_tn, elasticity_row)
    return {"central_jpy_tn": r[AT_RISK], "low_jpy_tn": r["export_revenue_at_risk_low_jpy_tn"],
            "high_jpy_tn": r["export_revenue_at_risk_high_jpy_tn"], "central_percent_of_gdp": r["equal_to_percent_of_gdp"],
            "low_percent_of_gdp": r["equal_to_percent_of_gdp_low"], "high_percent_of_gdp": r["equal_to_percent_of_gdp_high"]}


def scenario_table(exports: pd.DataFrame, scenarios: pd.DataFrame, parameters: pd.DataFrame,
                   gdp_jpy_tn: float, extra: Mapping[str, Mapping[str, float]] | None = None,
                   elasticity_row: str = "import_elasticity") -> pd.DataFrame:
    """Old one-range table (central, low, high; JPY tn and % of GDP) per scenario, for one elasticity row."""
    rows = [{"scenario": label, **loss_range(exports, rates, parameters, gdp_jpy_tn, elasticity_row)}
            for label, rates in _scenario_runs(scenarios, extra)]
    return pd.DataFrame(rows).round(3)


def draw_loss_bars(ax, table: pd.DataFrame, title: str | None = None) -> None:
    """Old name of `trade_figures.draw_tariff_panel`."""
    from .trade_figures import draw_tariff_panel

    draw_tariff_panel(ax, table, title) if title else draw_tariff_panel(ax, table)


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
    """One row per year with the used exports, imports and balance (USD bn); missing years stay empty.

    `balance_from_flows` is exports minus imports where both are published: a check on the balance.
    """
    used = goods[goods["used"]].pivot_table(index="year", columns="flow", values="value_usd_bn", aggfunc="first")
    used = used.reindex(index=range(first, last + 1), columns=TRADE_FLOWS)
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


def fdi_positions(ties: pd.DataFrame) -> pd.DataFrame:
    """Used direct-investment positions in the US (USD bn), one row per year, one column per investor,
    with Japan's share of the total and whether Japan tops the next investor where both are published."""
    fdi = ties[(ties["indicator"] == "fdi_position_in_us") & ties["used"]]
    table = fdi.pivot_table(index="year", columns="entity", values="value", aggfunc="first")
    table = table.reindex(columns=INVESTMENT_ENTITIES).astype("float64")
    table.columns.name = None
    table["japan_share_percent"] = table["Japan"] / table["All countries"] * 100
    table["japan_ahead_of_canada"] = (table["Japan"] > table["Canada"]).where(table["Canada"].notna())
    return table


def years_to_reach(positions: pd.DataFrame, target_usd_bn: float, first: int, last: int) -> float:
    """Years for Japan's position to reach `target_usd_bn` if it kept growing by its average yearly rise
    from `first` to `last` (a straight-line extrapolation, not a forecast)."""
    start, end = float(positions.loc[first, "Japan"]), float(positions.loc[last, "Japan"])
    yearly_rise = (end - start) / (last - first)
    if yearly_rise <= 0:
        raise ValueError(f"Japan's position did not rise from {first} to {last}; no straight line reaches the target")
    return (target_usd_bn - end) / yearly_rise


def threats_with_timing(threats: pd.DataFrame) -> pd.DataFrame:
    """The threats table with a `timing` column: before the article (6 Feb 2025), after it, or undated."""
    table = threats.copy()
    table["timing"] = np.where(table["date"].isna(), "date not confirmed",
                               np.where(table["date"] <= ARTICLE_DATE, "before the article", "after the article"))
    return table


def rates_from_table(table: pd.DataFrame, key_column: str, key: str, percent_column: str,
                     what: str = "scenario") -> dict[str, float]:
    """{product group: tariff as a fraction} from the rows of `table` whose `key_column` equals `key`.

    The tables store percents (25 means 25%); the model takes fractions (0.25). Notebook 06 reads the
    rates that actually came from its own table with this same function.
    """
    rows = table[table[key_column] == key]
    if rows.empty:
        raise ValueError(f"no {what} {key!r}; known: {sorted(table[key_column].unique())}")
    return {g: float(r) / 100 for g, r in zip(rows["product_group"], rows[percent_column])}


def scenario_rates(scenarios: pd.DataFrame, scenario_id: str) -> dict[str, float]:
    """{product group: tariff as a fraction} for one scenario of the scenarios table."""
    return rates_from_table(scenarios, "scenario_id", scenario_id, "tariff_percent")


def _scenario_runs(scenarios: pd.DataFrame, extra: Mapping[str, Mapping[str, float]] | None):
    runs = [(label, scenario_rates(scenarios, sid))
            for sid, label in dict(zip(scenarios["scenario_id"], scenarios["label"])).items()]
    return runs + list((extra or {}).items())


# --- The panel: a plain function plus a thin widget shell --------------------------------------------

def tariff_panel_result(exports: pd.DataFrame, tariff_percents: Mapping[str, float], pass_through: float,
                        elasticity: float, gdp_jpy_tn: float) -> tuple[pd.DataFrame | None, str]:
    """What the panel shows: (table, message). On bad input the table is None and the message says why."""
    try:
        if not isinstance(tariff_percents, Mapping):
            raise ValueError(f"tariff percents must be a mapping {{product group: percent}}; got {tariff_percents!r}")
        # Sliders step in floats (0.1 + 0.2 = 0.30000000000000004): round to a sensible precision first.
        rates = {g: round(p / 100, 9) if is_number(p) else p for g, p in tariff_percents.items()}
        pass_through = round(pass_through, 9) if is_number(pass_through) else pass_through
        elasticity = round(elasticity, 9) if is_number(elasticity) else elasticity
        table = export_revenue_at_risk(exports, rates, pass_through, elasticity)
        total = total_at_risk(exports, rates, pass_through, elasticity, gdp_jpy_tn)
    except (ValueError, TypeError) as error:
        return None, f"Cannot compute: {error}"
    message = (f"Export revenue at risk: ¥{total[AT_RISK]:.2f} tn, {total['percent_of_exports_to_us']:.1f}% of "
               f"exports to the US, equal in size to {total['equal_to_percent_of_gdp']:.2f}% of Japan's 2024 GDP.")
    table = table.assign(label=table["product_group"].map(GROUP_LABELS))
    return table[["label", "exports_jpy_tn", "tariff_percent", "volume_change_percent", AT_RISK]].round(3), message


def tariff_panel(exports: pd.DataFrame, parameters: pd.DataFrame, gdp_jpy_tn: float,
                 initial_percents: Mapping[str, float] | None = None):
    """The interactive panel: a tariff slider per product group (percent), pass-through and elasticity.

    It opens at `initial_percents` ({group: tariff in percent}; others 0), full pass-through and the
    short-run central elasticity.
    """
    import ipywidgets as widgets
    from IPython.display import display

    from .trade_figures import draw_tariff_panel
    from .widgets import refresh

    pt, el = parameter_values(parameters, "pass_through"), parameter_values(parameters, HORIZONS["short_run"])
    style, layout = {"description_width": "230px"}, widgets.Layout(width="520px")
    initial = dict(initial_percents or {})
    sliders = {g: widgets.FloatSlider(value=initial.get(g, 0), min=-10, max=100, step=5, description=f"{GROUP_LABELS[g]} (%)",
                                      style=style, layout=layout, continuous_update=False)
               for g in PRODUCT_GROUPS}
    pass_slider = widgets.FloatSlider(value=pt["central"], min=-0.2, max=1.2, step=0.05,
                                      description="Pass-through (share)", style=style, layout=layout,
                                      continuous_update=False)
    elasticity_slider = widgets.FloatSlider(value=el["central"], min=-1, max=6, step=0.05,
                                            description="Import elasticity", style=style, layout=layout,
                                            continuous_update=False)
    message, output = widgets.HTML(), widgets.Output()

    def update(_change=None):
        table, text = tariff_panel_result(exports, {g: s.value for g, s in sliders.items()}, pass_slider.value,
                                   elasticity_slider.value, gdp_jpy_tn)
        refresh(message, output, text, None if table is None else lambda ax: draw_tariff_panel(ax, table),
                figsize=(7.5, 3.6))
        if table is not None:
            with output:
                display(table)

    for widget in [*sliders.values(), pass_slider, elasticity_slider]:
        widget.observe(update, names="value")
    update()
    note = widgets.HTML("<i>Sliders go below zero and pass-through above 1 on purpose: try it and read the message. "
                        "Elasticity about 1 is the short run, about 2 the long run.</i>")
    return widgets.VBox([widgets.HTML("<b>Tariff on each group (%)</b>"), *sliders.values(),
                         widgets.HTML("<b>Parameters</b>"), pass_slider, elasticity_slider, note, message, output])


# The names notebook 02 calls (its figure's source line names statusquo.trade.panel_result).
panel_result, panel = tariff_panel_result, tariff_panel


# Registers notebook 02's exercises (kept in their own module; imported last, as it uses the names above).
from . import trade_exercises  # noqa: E402, F401
