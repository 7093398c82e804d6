"""What every interactive panel does when an input changes: show the message, then redraw or clear.

Each panel is a plain function of its inputs (tested on its own) plus a thin ipywidgets shell; this
is the one step all the shells share, so the rule "an error message never sits beside a stale chart"
is written once.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable

ERROR_COLOUR = "#B00020"
TEXT_COLOUR = "#222222"
TAGS = re.compile(r"<[^>]+>")


def refresh(message, output, text: str, draw: Callable[[], None] | None,
            figsize: tuple[float, float] = (7.5, 4.0), alt: str | None = None) -> None:
    """Show `text` in the HTML widget `message`; in the Output widget `output`, call `draw(ax)` on a
    new figure, or clear it at once when `draw` is None (the inputs were refused).

    The chart is shown as an image carrying `alt` (built by the caller from the values drawn); without
    one, the message itself, which states the panel's result, is the alt text.
    """
    import matplotlib.pyplot as plt
    from IPython.display import HTML, display

    from . import plots

    colour = TEXT_COLOUR if draw is not None else ERROR_COLOUR
    message.value = f"<b style='color:{colour}'>{text}</b>"
    # wait=True avoids flicker while a new chart is drawn; on refusal the old chart goes immediately.
    output.clear_output(wait=draw is not None)
    if draw is None:
        return
    with output:
        fig, ax = plt.subplots(figsize=figsize, layout="constrained")
        draw(ax)
        png = plots.render_png(fig)
        plt.close(fig)
        description = alt or f"Chart of the panel's current state. {html.unescape(TAGS.sub('', text))}"
        display(HTML(plots.figure_html(png, description, "panel")))
