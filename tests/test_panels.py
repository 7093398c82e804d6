"""Every interactive panel keeps the contract of statusquo.panel_list (a pure result function, a draw
function, a thin shell on the shared refresh step) and refuses invalid input with a message in the panel,
never a traceback."""

import matplotlib

matplotlib.use("Agg")
import copy

import ipywidgets as widgets
import matplotlib.pyplot as plt
import pandas as pd
import pytest

from statusquo import panel_list
from statusquo import widgets as panel_widgets
from statusquo.widgets import ERROR_COLOUR


def descendants(widget):
    yield widget
    for child in getattr(widget, "children", ()):
        yield from descendants(child)


def sliders_of(panel):
    return [w for w in descendants(panel) if isinstance(w, (widgets.FloatSlider, widgets.IntSlider))]


def messages_of(panel):
    return " ".join(w.value for w in descendants(panel) if isinstance(w, widgets.HTML))


PANELS = {f"{panel.notebook} {panel.name}": panel for panel in panel_list.PANELS}


@pytest.mark.parametrize("name", PANELS)
def test_panel_starts_without_an_error(name):
    panel = PANELS[name].build()
    assert sliders_of(panel), "the panel has sliders"
    assert ERROR_COLOUR not in messages_of(panel)


@pytest.mark.parametrize("name", PANELS)
def test_out_of_range_input_gives_a_message_in_the_panel(name):
    panel = PANELS[name].build()
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


def same(left, right) -> bool:
    """Equal values, tables compared cell by cell (with their dtypes)."""
    if isinstance(left, (tuple, list)):
        return type(left) is type(right) and len(left) == len(right) and all(map(same, left, right))
    if isinstance(left, dict):
        return isinstance(right, dict) and left.keys() == right.keys() and all(same(left[k], right[k]) for k in left)
    if isinstance(left, pd.DataFrame):
        return isinstance(right, pd.DataFrame) and left.equals(right) and list(left.columns) == list(right.columns)
    if isinstance(left, pd.Series):
        return isinstance(right, pd.Series) and left.equals(right) and left.name == right.name
    return left == right


def test_the_list_holds_every_panel_the_notebooks_show():
    """A panel a notebook displays (a widget cell) is in the list, and the list's names follow the scheme."""
    assert [p.notebook for p in panel_list.PANELS] == ["01", "02", "03", "04", "06"]
    for panel in panel_list.PANELS:
        assert panel.result.__name__ == f"{panel.name}_panel_result"
        assert panel.draw.__name__ == f"draw_{panel.name}_panel"
        assert panel.shell.__name__ == f"{panel.name}_panel"


@pytest.mark.parametrize("name", PANELS)
def test_result_function_is_pure(name):
    """Same inputs give equal results; the inputs are left as they were; no figure is created."""
    panel = PANELS[name]
    plt.close("all")
    inputs = panel.result_inputs()
    untouched = copy.deepcopy(inputs)
    first = panel.result(**inputs)
    second = panel.result(**inputs)
    assert first[-1] and isinstance(first[-1], str), "the last part is the message"
    assert all(part is not None for part in first), first[-1]
    assert same(first, second)
    assert same(inputs, untouched), "the result function changed its inputs"
    assert plt.get_fignums() == [], "the result function drew something"


@pytest.mark.parametrize("name", PANELS)
def test_draw_function_draws_the_result(name):
    panel = PANELS[name]
    inputs = panel.result_inputs()
    result = panel.result(**inputs)
    fig, ax = plt.subplots()
    panel.draw(ax, *panel.draw_arguments(result, inputs))
    assert any(a.patches or a.lines or a.collections for a in fig.axes), "something is drawn"
    plt.close(fig)


@pytest.mark.parametrize("name", PANELS)
def test_shell_redraws_through_the_shared_refresh_step(name, monkeypatch):
    calls = []
    original = panel_widgets.refresh

    def counting_refresh(*args, **kwargs):
        calls.append(args[2])
        original(*args, **kwargs)

    monkeypatch.setattr(panel_widgets, "refresh", counting_refresh)
    panel = PANELS[name].build()
    assert len(calls) == 1, "the opening state is drawn once, through refresh"
    slider = sliders_of(panel)[0]
    slider.value = slider.max
    assert len(calls) == 2, "a moved slider redraws through refresh"
    plt.close("all")


def test_the_panel_benchmark_moves_a_real_slider_of_every_panel_within_its_range():
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    import panel_cases

    assert set(panel_cases.SLIDERS) == {p.name for p in panel_list.PANELS}
    for panel in panel_list.PANELS:
        start, value = panel_cases.SLIDERS[panel.name]
        slider = next(s for s in sliders_of(panel.build()) if s.description.startswith(start))
        assert all(slider.min <= value(i) <= slider.max for i in range(20)), panel.name
    plt.close("all")
