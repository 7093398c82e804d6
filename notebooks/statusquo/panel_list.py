"""Every interactive panel of the notebooks, and the contract each keeps (tests and benchmarks read this list).

A panel called NAME has three parts, beside the model it shows:
    NAME_panel_result(inputs)  ->  (data ..., message)   pure: computes, never draws, never raises on bad input
    draw_NAME_panel(ax, data ...)                       draws that result on one Matplotlib Axes
    NAME_panel(tables ...)                              the ipywidgets shell: sliders, and on every change
                                                        the shared step statusquo.widgets.refresh
A notebook shows the shell (its output is not compared), then calls the result and draw functions for a
static figure of the opening state. Older names the notebooks call are kept beside the new ones.

The strategy council's entry form (statusquo.council_form.entry_panel) is not in this list: it collects a
class's moves with buttons rather than redrawing a result as a slider moves. Its "Play the round" button
shows the round through the same refresh step.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from . import aftermath, alliance, bargaining, trade, trade_figures
from .data import load


@dataclass(frozen=True)
class Panel:
    """One panel: its three parts, and the inputs of its opening state, read from the data."""

    name: str
    notebook: str
    result: Callable
    draw: Callable
    shell: Callable
    result_inputs: Callable[[], dict]                # keyword arguments of `result` at the opening state
    shell_inputs: Callable[[], dict]                 # keyword arguments of `shell`
    draw_arguments: Callable[[tuple, dict], tuple]   # (result, result inputs) -> what `draw` takes after ax

    def build(self):
        """The panel's widget, as the notebook shows it."""
        return self.shell(**self.shell_inputs())


def _trade_inputs() -> dict:
    japan = load("trade_japan_2024")
    return {"exports": trade.export_base(japan), "gdp_jpy_tn": trade.used_value(japan, "nominal_gdp")}


def _opening_tariffs() -> dict:
    opening = trade.parameter_values(load("trade_parameters"), trade.HORIZONS["short_run"])["central"]
    return {**_trade_inputs(), "tariff_percents": {"autos": 25}, "pass_through": 1.0, "elasticity": opening}


def _opening_period() -> dict:
    central = load("trade_parameters").set_index("parameter")["central"]
    return {"exports": _trade_inputs()["exports"], "model_rates": load("aftermath_model_rates"),
            "regime_id": "after_agreement", "pass_through": float(central["pass_through"]),
            "elasticity": float(central[aftermath.BACKTEST_ELASTICITY])}


def _opening_package() -> dict:
    parameters = load("bargaining_parameters")
    return {"scores": load("bargaining_option_scores"), "weights": bargaining.default_weights(parameters),
            "budget": bargaining.parameter(parameters, "budget_minority")}


def _opening_risk() -> dict:
    parameters = load("bargaining_parameters")
    names = {"hours": "default_meeting_hours", "rate": "demand_rate_per_hour", "rapport_max": "rapport_max",
             "time_constant": "rapport_time_constant_hours", "demand_cost": "new_demand_cost"}
    return {argument: bargaining.parameter(parameters, row) for argument, row in names.items()}


def _opening_weights() -> dict:
    weights = alliance.default_weights()
    return {"allies": load("alliance_allies"), "troops": weights["us_troops_hosted"],
            "spending": weights["military_spending_pct_gdp"], "exports": weights["exports_to_us_share"]}


PANELS = [
    Panel("weights", "01", alliance.weights_panel_result, alliance.draw_weights_panel, alliance.weights_panel,
          _opening_weights, lambda: {"allies": load("alliance_allies")},
          lambda result, _inputs: (result[0],)),
    Panel("tariff", "02", trade.tariff_panel_result, trade_figures.draw_tariff_panel, trade.tariff_panel,
          _opening_tariffs,
          lambda: {**_trade_inputs(), "parameters": load("trade_parameters"), "initial_percents": {"autos": 25}},
          lambda result, _inputs: (result[0],)),
    Panel("package", "03", bargaining.package_panel_result, bargaining.draw_package_panel, bargaining.package_panel,
          _opening_package,
          lambda: {"scores": load("bargaining_option_scores"), "parameters": load("bargaining_parameters")},
          lambda result, inputs: (result[0], result[1], inputs["budget"])),
    Panel("risk", "04", bargaining.risk_panel_result, bargaining.draw_risk_panel, bargaining.risk_panel,
          _opening_risk, lambda: {"parameters": load("bargaining_parameters")},
          lambda result, inputs: (result[0], inputs["hours"], result[1])),
    Panel("period", "06", aftermath.period_panel_result, aftermath.draw_period_panel, aftermath.period_panel,
          _opening_period,
          lambda: {"exports": _trade_inputs()["exports"], "model_rates": load("aftermath_model_rates"),
                   "parameters": load("trade_parameters")},
          lambda result, _inputs: (result[0], "After the agreement")),
]
