"""Every interactive panel refuses invalid input with a message in the panel, never a traceback."""

import matplotlib

matplotlib.use("Agg")
import ipywidgets as widgets
import pytest

from statusquo import aftermath, alliance, bargaining, load, trade
from statusquo.widgets import ERROR_COLOUR


def descendants(widget):
    yield widget
    for child in getattr(widget, "children", ()):
        yield from descendants(child)


def sliders_of(panel):
    return [w for w in descendants(panel) if isinstance(w, (widgets.FloatSlider, widgets.IntSlider))]


def messages_of(panel):
    return " ".join(w.value for w in descendants(panel) if isinstance(w, widgets.HTML))


def trade_panel():
    japan = load("trade_japan_2024")
    return trade.panel(trade.export_base(japan), load("trade_parameters"), trade.used_value(japan, "nominal_gdp"),
                       initial_percents={"autos": 25})


def aftermath_panel():
    japan = load("trade_japan_2024")
    return aftermath.panel(trade.export_base(japan), load("aftermath_model_rates"), load("trade_parameters"),
                           trade.used_value(japan, "nominal_gdp"))


PANELS = {
    "01 weights": lambda: alliance.weights_panel(load("alliance_allies")),
    "02 tariffs": trade_panel,
    "03 packages": lambda: bargaining.package_panel(load("bargaining_option_scores"), load("bargaining_parameters")),
    "03 risk": lambda: bargaining.risk_panel(load("bargaining_parameters")),
    "04 periods": aftermath_panel,
}


@pytest.mark.parametrize("name", PANELS)
def test_panel_starts_without_an_error(name):
    panel = PANELS[name]()
    assert sliders_of(panel), "the panel has sliders"
    assert ERROR_COLOUR not in messages_of(panel)


@pytest.mark.parametrize("name", PANELS)
def test_out_of_range_input_gives_a_message_in_the_panel(name):
    panel = PANELS[name]()
    sliders = sliders_of(panel)
    if name == "01 weights":
        for slider in sliders:  # weights cannot go below 0 on the slider; all zero is the invalid case
            slider.value = 0
    else:
        below_zero = [s for s in sliders if s.min < 0]
        assert below_zero, "the panel lets a student try an invalid value"
        below_zero[0].value = below_zero[0].min
    text = messages_of(panel)
    assert ERROR_COLOUR in text or "Invalid" in text, text
    assert "Traceback" not in text
