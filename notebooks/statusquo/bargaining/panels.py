"""The two panels: plain result functions (tested on their own) plus thin ipywidgets shells.

Panel (a), notebook 03: weights, budget and one offer's scores -> the best package.
Panel (b), notebook 04: meeting length, demand rate and the rapport curve -> the risk curve.
A result function takes every value its sliders produce (float steps such as 1.1500000000000001 are
rounded to the step first) and refuses only values outside the model's domain, None, NaN or text, with
a message that says what to fix; it never raises.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

import pandas as pd

from ..checks import round_to_step
from .common import SCORE_LABELS, SCORES, WEIGHTS, check_hours, default_weights, is_number, parameter
from .figures import alt_package_map, draw_package_panel
from .figures_theory import alt_risk_curve, draw_risk_panel
from .meetings import balancing_hours, prob_new_demand, risk_curve
from .offers import all_packages, best_by_domestic_cost, best_package, package_labels

WEIGHT_STEP, BUDGET_STEP, HOURS_STEP, RATE_STEP = 0.25, 1.0, 0.25, 0.05


def control_value(value, name: str, step: float | None = None) -> float:
    """A slider's value as a plain float without float-step noise; ValueError for None, NaN or text."""
    if value is None:
        raise ValueError(f"{name} is empty; give a number")
    if isinstance(value, str):
        raise ValueError(f"{name} must be a number, not the text {value!r}")
    if not is_number(value):
        raise ValueError(f"{name} must be a finite number; got {value!r}")
    value = float(value)
    # Float steps leave noise such as 1.1500000000000001: snap a value within a hair of a step to that
    # step, and otherwise drop digits far below any slider's resolution. A real value is never moved.
    if step and abs(value / step - round(value / step)) < 1e-6:
        return round_to_step(value, step)
    return round(value, 10)


def package_panel_result(scores: pd.DataFrame, weights: Mapping[str, float], budget: float,
                         us_minimum: float | None = None) -> tuple[pd.DataFrame | None, pd.Series | None, str]:
    """What the package panel shows: (packages grouped by domestic cost, best package, message).

    On bad input the tables are None and the message says what to fix. Fast: no file is read here.
    """
    try:
        weights = {name: control_value(value, f"weights['{name}']", WEIGHT_STEP) for name, value in weights.items()}
        budget = control_value(budget, "budget", BUDGET_STEP)
        packages = all_packages(scores, weights)
        best = best_package(packages, budget)
    except ValueError as error:
        return None, None, f"Cannot compute: {error}"
    message = (f"Best package within a budget of {budget:g}: {package_labels(best['package'], scores)} "
               f"(value {best['value']:.1f}, visible value {best['visible_value_us']:.0f}, "
               f"domestic cost {best['domestic_political_cost']:.0f}).")
    return best_by_domestic_cost(packages), best, message


def package_panel(scores: pd.DataFrame, parameters: pd.DataFrame):
    """Sliders for the three weights and the budget, plus a chosen offer's four scores."""
    import ipywidgets as widgets

    from ..widgets import refresh

    working = scores.copy()
    style, layout = {"description_width": "200px"}, widgets.Layout(width="480px")
    defaults = default_weights(parameters)
    weight_sliders = {name: widgets.FloatSlider(value=defaults[name], min=-1, max=3, step=WEIGHT_STEP,
                                                description=f"Weight: {name}", style=style, layout=layout,
                                                continuous_update=False) for name in WEIGHTS}
    budget_slider = widgets.FloatSlider(value=parameter(parameters, "budget_minority"), min=-2, max=30,
                                        step=BUDGET_STEP, description="Political budget (points)", style=style,
                                        layout=layout, continuous_update=False)
    option_menu = widgets.Dropdown(options=list(zip(working["label"], working["option_id"])),
                                   description="Offer to rescore", style=style, layout=layout)
    score_sliders = {c: widgets.IntSlider(min=-2, max=12, description=SCORE_LABELS[c], style=style, layout=layout,
                                          continuous_update=False) for c in SCORES}
    message, output = widgets.HTML(), widgets.Output()

    def load_option(_change=None):
        row = working.set_index("option_id").loc[option_menu.value]
        for column, slider in score_sliders.items():
            slider.unobserve(rescore, names="value")
            slider.value = int(row[column])
            slider.observe(rescore, names="value")

    def rescore(_change=None):
        position = working.index[working["option_id"] == option_menu.value][0]
        for column, slider in score_sliders.items():
            working[column] = working[column].astype("float64")
            working.loc[position, column] = float(slider.value)
        update()

    def update(_change=None):
        by_cost, best, text = package_panel_result(working, {n: s.value for n, s in weight_sliders.items()},
                                                   budget_slider.value)
        budget = round(budget_slider.value / BUDGET_STEP) * BUDGET_STEP
        draw = None if by_cost is None else lambda ax: draw_package_panel(ax, by_cost, best, budget)
        alt = None if by_cost is None else alt_package_map(by_cost, best, budget, package_labels(best["package"], working))
        refresh(message, output, text, draw, figsize=(7.5, 4.4), alt=alt)

    for slider in [*weight_sliders.values(), budget_slider]:
        slider.observe(update, names="value")
    option_menu.observe(load_option, names="value")
    for slider in score_sliders.values():
        slider.observe(rescore, names="value")
    load_option()
    update()
    note = widgets.HTML("<i>Scores run from 0 to 10, weights and the budget from 0 up: the sliders go further on "
                        "purpose, so try it and read the message.</i>")
    return widgets.VBox([widgets.HTML("<b>Weights and budget</b>"), *weight_sliders.values(), budget_slider,
                         widgets.HTML("<b>Rescore one offer</b>"), option_menu, *score_sliders.values(), note,
                         message, output])


def risk_panel_result(hours: float, rate: float, rapport_max: float, time_constant: float,
                      demand_cost: float) -> tuple[pd.DataFrame | None, float | None, str]:
    """What the risk panel shows: (curve, balancing length, message); on bad input (None, None, message)."""
    try:
        hours = check_hours(control_value(hours, "hours", HOURS_STEP))
        rate = control_value(rate, "rate", RATE_STEP)
        rapport_max = control_value(rapport_max, "rapport_max")
        time_constant = control_value(time_constant, "time_constant")
        demand_cost = control_value(demand_cost, "demand_cost")
        curve = risk_curve(rate, rapport_max, time_constant, demand_cost, max_hours=max(6.0, hours))
        balance = balancing_hours(rate, rapport_max, time_constant, demand_cost)
        chance = prob_new_demand(rate, hours)
    except ValueError as error:
        return None, None, f"Cannot compute: {error}"
    where = "no limit: rapport keeps outweighing the risk" if math.isinf(balance) else f"{balance:.2f} hours"
    message = (f"At {hours:g} hours the chance of at least one new demand is {chance:.0%}; "
               f"the length that balances rapport against risk is {where}.")
    return curve, balance, message


def risk_panel(parameters: pd.DataFrame):
    """Sliders for meeting length and demand rate (plus the rapport curve), drawing the risk curve."""
    import ipywidgets as widgets

    from ..widgets import refresh

    style, layout = {"description_width": "230px"}, widgets.Layout(width="500px")

    def slider(value, low, high, step, text):
        return widgets.FloatSlider(value=value, min=low, max=high, step=step, description=text, style=style,
                                   layout=layout, continuous_update=False)

    hours = slider(parameter(parameters, "default_meeting_hours"), -1, 8, HOURS_STEP, "Meeting length (hours)")
    rate = slider(parameter(parameters, "demand_rate_per_hour"), -0.5, 2, RATE_STEP, "New demands per hour")
    rapport_max = slider(parameter(parameters, "rapport_max"), 0, 20, 1, "Most rapport can give (points)")
    tau = slider(parameter(parameters, "rapport_time_constant_hours"), 0, 4, 0.25, "Rapport builds over (hours)")
    cost = slider(parameter(parameters, "new_demand_cost"), 0, 20, 1, "Cost of a new demand (points)")
    message, output = widgets.HTML(), widgets.Output()

    def update(_change=None):
        curve, balance, text = risk_panel_result(hours.value, rate.value, rapport_max.value, tau.value, cost.value)
        shown = round(hours.value / HOURS_STEP) * HOURS_STEP
        draw = None if curve is None else lambda ax: draw_risk_panel(ax, curve, shown, balance)
        alt = None if curve is None else alt_risk_curve(curve, shown, balance)
        refresh(message, output, text, draw, figsize=(7.5, 5.2), alt=alt)

    for widget in (hours, rate, rapport_max, tau, cost):
        widget.observe(update, names="value")
    update()
    note = widgets.HTML("<i>Hours and the rate go below zero on purpose: try it and read the message.</i>")
    return widgets.VBox([hours, rate, rapport_max, tau, cost, note, message, output])
