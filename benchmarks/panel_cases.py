"""The interactive panels, as the benchmark drives them: build the real panel once, then move a slider.

Setting a slider's value runs the panel's own update callback (compute, then redraw), exactly what a
student's drag triggers. Each case is (name, update function, list of keyword-argument dicts, one per
call); the values change on every call and stay inside the valid range. The panels come from
statusquo.panel_list, so a panel added there must get a slider here (a KeyError says so); the strategy
council's entry form, which plays a round (and draws its chart) when its button is pressed, is the last case.
"""

from __future__ import annotations

import contextlib
import io

import ipywidgets as widgets
import matplotlib.pyplot as plt

from statusquo import council, council_form, panel_list

# For each panel of panel_list: the start of the moved slider's description, and its i-th value.
SLIDERS = {
    "weights": ("Weight: US troops", lambda i: 0.1 + 0.05 * (i % 15)),
    "tariff": ("Cars", lambda i: 5.0 * (1 + i % 12)),
    "package": ("Political budget", lambda i: float(2 + i % 20)),
    "risk": ("Meeting length", lambda i: 0.25 * (1 + i % 24)),
    "period": ("Import elasticity", lambda i: 0.5 + 0.1 * (i % 20)),
}


def _descendants(panel):
    found, stack = [], [panel]
    while stack:
        widget = stack.pop(0)
        found.append(widget)
        stack.extend(getattr(widget, "children", ()))
    return found


def _quietly(action) -> None:
    # Outside a kernel an Output widget prints what it would display; keep that off the table.
    with contextlib.redirect_stdout(io.StringIO()):
        action()
    plt.close("all")  # outside a kernel nothing displays the figures; keep memory flat


def _slider_case(panel: panel_list.Panel, calls: int):
    description_start, value = SLIDERS[panel.name]
    slider = next(w for w in _descendants(panel.build())
                  if isinstance(w, (widgets.FloatSlider, widgets.IntSlider))
                  and w.description.startswith(description_start))

    def update(value):
        _quietly(lambda: setattr(slider, "value", value))

    return f"{panel.notebook} {panel.name}", update, [{"value": value(i)} for i in range(calls)]


def _council_case(calls: int):
    """Notebook 05's form: one table entered, then 'Play the round' pressed with a new seed each time."""
    form = council_form.entry_panel()
    parts = _descendants(form)
    buttons = {w.description: w for w in parts if isinstance(w, widgets.Button)}
    texts = {w.description: w for w in parts if isinstance(w, (widgets.Text, widgets.IntText))}
    game = council.game()
    texts["Japan's offers"].value = ", ".join(game.offers["option_id"][:3])
    texts["US demands"].value = ", ".join(game.demand_ids[:2])
    seed = texts["Seed (dice)"]
    message = next(w for w in reversed(parts) if isinstance(w, widgets.HTML))
    _quietly(buttons["Add table"].click)
    if not message.value.count("Added"):
        raise RuntimeError(f"the benchmark's table was not added: {message.value}")

    def update(value):
        seed.value = value
        _quietly(buttons["Play the round"].click)
        if "Round played" not in message.value:
            raise RuntimeError(f"the round was not played: {message.value}")

    return "05 council round", update, [{"value": 1 + i} for i in range(calls)]


def cases(calls: int = 20):
    return [_slider_case(panel, calls) for panel in panel_list.PANELS] + [_council_case(calls)]
