"""The interactive panels, as the benchmark drives them: build the real panel once, then move a slider.

Setting a slider's value runs the panel's own update callback (compute, then redraw), exactly what a
student's drag triggers. Each case is (name, update function, list of keyword-argument dicts, one per
call); the values change on every call and stay inside the valid range.
"""

from __future__ import annotations

import contextlib
import io

import ipywidgets as widgets
import matplotlib.pyplot as plt

from statusquo import aftermath, alliance, bargaining, load, trade


def _sliders(panel):
    found, stack = [], [panel]
    while stack:
        widget = stack.pop(0)
        if isinstance(widget, (widgets.FloatSlider, widgets.IntSlider)):
            found.append(widget)
        stack.extend(getattr(widget, "children", ()))
    return found


def _slider_case(name, panel, description_start, values):
    slider = next(s for s in _sliders(panel) if s.description.startswith(description_start))

    def update(value):
        # Outside a kernel an Output widget prints what it would display; keep that off the table.
        with contextlib.redirect_stdout(io.StringIO()):
            slider.value = value
        plt.close("all")  # outside a kernel nothing displays the figures; keep memory flat

    return name, update, [{"value": v} for v in values]


def cases(calls: int = 20):
    japan = load("trade_japan_2024")
    exports, gdp = trade.export_base(japan), trade.used_value(japan, "nominal_gdp")
    trade_parameters = load("trade_parameters")
    bargaining_parameters = load("bargaining_parameters")
    cycle = range(calls)
    return [
        _slider_case("01 alliance weights", alliance.weights_panel(load("alliance_allies")), "",
                     [0.1 + 0.05 * (i % 15) for i in cycle]),
        _slider_case("02 tariff loss", trade.panel(exports, trade_parameters, gdp, initial_percents={"autos": 25}),
                     "Cars", [5.0 * (1 + i % 12) for i in cycle]),
        _slider_case("03 package search", bargaining.package_panel(load("bargaining_option_scores"),
                                                                   bargaining_parameters),
                     "Political budget", [float(2 + i % 20) for i in cycle]),
        _slider_case("03 demand risk", bargaining.risk_panel(bargaining_parameters), "Meeting length",
                     [0.25 * (1 + i % 24) for i in cycle]),
        _slider_case("04 tariffs that came", aftermath.panel(exports, load("aftermath_model_rates"),
                                                             trade_parameters, gdp),
                     "Import elasticity", [0.5 + 0.1 * (i % 20) for i in cycle]),
    ]
