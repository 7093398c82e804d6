"""House style for the bundle's figures, and a `publish()` that saves them reproducibly.

Conventions every chart follows:
- colours from the Okabe–Ito palette, which stays distinguishable under the common colour-vision
  deficiencies; colour is never the only cue (markers, hatches or direct labels carry it too);
- axes say what they measure and in which unit;
- a source line under the chart says where the numbers come from;
- every saved PNG has alt text beside it (figures/NAME.alt.txt) and is byte-reproducible, so running
  the notebooks again leaves `git status` clean.
"""

from __future__ import annotations

import base64
import contextlib
import functools
import html
import io
import os
import re
import tempfile
from pathlib import Path

import matplotlib as mpl
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.transforms import Bbox

from .data import REPO_ROOT

FIGURES_DIR = REPO_ROOT / "figures"

# Okabe & Ito (2008), "Color Universal Design". Named so code says which colour it means.
OKABE_ITO = {
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
    "black": "#000000",
}
# Order used when a chart needs several series: strong contrasts first, yellow last (weak on white).
SERIES_COLOURS = [OKABE_ITO[c] for c in
                  ("blue", "orange", "bluish_green", "vermillion", "reddish_purple", "sky_blue", "black", "yellow")]
MARKERS = ["o", "s", "^", "D", "v", "P", "X", "*"]
HATCHES = ["", "//", "..", "xx", "\\\\", "++", "oo", "--"]

FIGURE_NAME = re.compile(r"^\d{2}_[a-z0-9_]+$")
# Saved at 150 dots per inch and shown at 96 CSS pixels per inch of figure, so text drawn at 10 pt is
# 10 pt on the page and the image stays sharp on a projector or a high-density screen.
DPI = 150
SHOWN_PIXELS_PER_INCH = 96
MIN_FONT_POINTS = 10
# The source line starts 1% of the figure's width from its left edge; its lines are broken to 97% of the
# width left, so that small differences between measuring and drawing a word never push a line past
# the figure's right edge.
SOURCE_LINE_X = 0.01
WRAP_SAFETY = 0.97
# White kept round every saved figure. Constrained layout leaves 3 points inside the figure's edge, so
# charts end about 0.15 inch from the image's edge.
MARGIN_INCHES = 0.11
PNG_COMPRESSION = 3   # zlib level: at these figures' flat colours, smaller and faster than the default 6
_read_only_noted = False


def use_house_style() -> None:
    """Apply the bundle's Matplotlib settings (call once in a notebook's setup cell)."""
    mpl.rcParams.update({
        "figure.figsize": (8.0, 4.5),
        # Laid out at the resolution it is saved at: the text sizes measured for the layout are then the
        # ones the PNG is drawn with, and Matplotlib measures each text once instead of once per resolution.
        "figure.dpi": DPI,
        "savefig.dpi": DPI,
        "font.size": 12,
        "axes.titlesize": 14,
        "axes.titleweight": "bold",
        "axes.titlelocation": "left",
        "axes.labelsize": 12,
        "xtick.labelsize": 11,
        "ytick.labelsize": 11,
        "legend.fontsize": 11,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "axes.grid": True,
        "grid.color": "#dddddd",
        "grid.linewidth": 0.8,
        "axes.prop_cycle": mpl.cycler(color=SERIES_COLOURS),
        "legend.frameon": False,
        # A dollar sign in a label is money, never the start of mathematics.
        "text.parse_math": False,
        # Keep text as text in SVG and stop the PNG writer from stamping build details.
        "svg.fonttype": "none",
        # Glyphs drawn from their outlines, without hinting: at 150 dpi hinting no longer sharpens them,
        # and it makes measuring each text about 40% slower.
        "text.hinting": "no_hinting",
    })


def add_source_line(fig: mpl.figure.Figure, source: str) -> None:
    """Write 'Source: ...' in grey type under the chart, broken into lines that fit the figure's width."""
    # Placed just below the figure; render_png grows the saved area to include it, so it never overlaps
    # the axes. Broken into lines here, once: wrap=True would measure every candidate line again on each
    # of the passes that lay out and draw a figure.
    width_points = fig.get_figwidth() * 72 * (1 - SOURCE_LINE_X) * WRAP_SAFETY
    fig.text(SOURCE_LINE_X, -0.01, wrap_to_width(f"Source: {source}", width_points, MIN_FONT_POINTS),
             ha="left", va="top", fontsize=MIN_FONT_POINTS, color="#444444")


def wrap_to_width(text: str, width_points: float, font_points: float) -> str:
    """`text` broken at spaces into lines no wider than `width_points` in the house font at `font_points`."""
    space = _word_width(" ", font_points)
    lines: list[str] = []
    line, line_width = "", 0.0
    for word in text.split():
        width = _word_width(word, font_points)
        if line and line_width + space + width > width_points:
            lines.append(line)
            line, line_width = "", 0.0
        line, line_width = (f"{line} {word}", line_width + space + width) if line else (word, width)
    return "\n".join([*lines, line])


@functools.lru_cache(maxsize=4096)
def _word_width(word: str, font_points: float) -> float:
    """Advance width of `word` in points, measured with the font Matplotlib draws text in."""
    from matplotlib.font_manager import FontProperties
    from matplotlib.textpath import text_to_path

    width, _, _ = text_to_path.get_text_width_height_descent(word, FontProperties(size=font_points), ismath=False)
    return width


def small_texts(fig: mpl.figure.Figure) -> list[str]:
    """Visible texts in `fig` set below MIN_FONT_POINTS (what a back row could not read)."""
    # Tick labels exist only once the figure is laid out, so lay it out: with its layout engine alone when
    # it has one (no artist is drawn, and the pixels of a full draw would be thrown away).
    engine = fig.get_layout_engine()
    if engine is not None:
        engine.execute(fig)
    else:
        fig.draw_without_rendering()
    return _texts_below_minimum(fig)


def _texts_below_minimum(fig: mpl.figure.Figure) -> list[str]:
    """small_texts for a figure that has just been laid out or drawn."""
    found = []
    for text in fig.findobj(mpl.text.Text):
        if text.get_visible() and text.get_text().strip() and text.get_fontsize() < MIN_FONT_POINTS - 0.01:
            found.append(f"{text.get_text()[:30]!r} at {text.get_fontsize():.1f} pt")
    return found


def _unlaid_texts(fig: mpl.figure.Figure) -> list[mpl.text.Text]:
    """The texts whose full extent constrained layout does not keep inside the figure: texts placed on the
    figure itself (the source line), and the length of titles and axis labels (layout makes room for their
    height or thickness only, so a long one can run past the figure's edge)."""
    texts = list(fig.texts)
    for ax in fig.axes:
        # An Axes' own Text children, other than the texts drawn in it, are its three titles.
        texts += [child for child in ax.get_children() if isinstance(child, mpl.text.Text) and child not in ax.texts]
        texts += [ax.xaxis.label, ax.yaxis.label]
    return [text for text in texts if text.get_visible() and text.get_text().strip()]


def saved_area(fig: mpl.figure.Figure) -> Bbox:
    """The area render_png saves, in inches: the figure, grown to take in any of its _unlaid_texts that
    reach past it, with MARGIN_INCHES of white all round. Call on a laid-out figure."""
    # Measuring these few texts replaces a crop to the "tight" box, which measures every artist in one
    # more pass over the whole figure.
    renderer = fig.canvas.get_renderer()
    to_inches = fig.dpi_scale_trans.inverted()
    boxes = [fig.bbox_inches] + [text.get_window_extent(renderer).transformed(to_inches)
                                 for text in _unlaid_texts(fig)]
    return Bbox.union(boxes).padded(MARGIN_INCHES)


def render_png(fig: mpl.figure.Figure) -> bytes:
    """The figure as PNG bytes, byte-reproducible (no software or date metadata).

    Lays the figure out and keeps that layout (drawing it again would otherwise lay it out again).
    """
    from PIL import Image as PILImage

    engine = fig.get_layout_engine()
    if engine is not None:
        engine.execute(fig)
        fig.set_layout_engine("none")
    area = saved_area(fig)
    raw = io.BytesIO()
    fig.savefig(raw, format="rgba", dpi=DPI, bbox_inches=area)
    # The canvas still holds the image just saved; its shape gives the size in whole pixels.
    pixels = np.asarray(fig.canvas.buffer_rgba())
    if pixels.nbytes != len(raw.getvalue()):
        raise RuntimeError(f"the canvas {pixels.shape} is not the image Matplotlib saved "
                           f"({len(raw.getvalue())} bytes)")
    # Encoded here rather than by savefig's PNG writer: every figure is opaque, so RGB loses nothing, and
    # with zlib level 3 the file is smaller and quicker to write than Matplotlib's RGBA at level 6.
    image = PILImage.fromarray(pixels[..., :3])
    buffer = io.BytesIO()
    image.save(buffer, format="png", compress_level=PNG_COMPRESSION, dpi=(DPI, DPI))
    return buffer.getvalue()


def _write_atomically(path: Path, content: bytes) -> None:
    """Write to a temporary file beside `path`, then rename: a reader never sees a half-written file,
    even when two kernels draw the same figure at once."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(content)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def _check(name: str, alt: str) -> str:
    if not FIGURE_NAME.match(name):
        raise ValueError(f"Figure name {name!r} must look like '00_short_name' (notebook number, then words)")
    alt = " ".join(alt.split())
    if len(alt) < 40:
        raise ValueError(f"Alt text for {name} is too short to describe the figure: {alt!r}")
    return alt


def save(fig: mpl.figure.Figure, name: str, alt: str) -> Path:
    """Write figures/NAME.png and figures/NAME.alt.txt; return the PNG's path.

    NAME starts with the notebook's two-digit number (`00_timeline`). Raises OSError when figures/ cannot
    be written (publish() then shows the figure without saving it).
    """
    return _store(name, render_png(fig), _check(name, alt))


def _store(name: str, png: bytes, alt: str) -> Path:
    """Write the PNG bytes and the alt text beside them in figures/; return the PNG's path."""
    path = FIGURES_DIR / f"{name}.png"
    FIGURES_DIR.mkdir(exist_ok=True)
    _write_atomically(path, png)
    _write_atomically(FIGURES_DIR / f"{name}.alt.txt", (alt + "\n").encode("utf-8"))
    return path


def figure_html(png: bytes, alt: str, name: str) -> str:
    """An <img> that carries the alt text, sized so that 1 pt of figure text is 1 pt on the page."""
    from PIL import Image as PILImage

    width_pixels = PILImage.open(io.BytesIO(png)).size[0]
    shown_width = round(width_pixels * SHOWN_PIXELS_PER_INCH / DPI)
    encoded = base64.b64encode(png).decode("ascii")
    return (f'<img src="data:image/png;base64,{encoded}" alt="{html.escape(alt, quote=True)}" '
            f'width="{shown_width}" style="max-width: 100%; height: auto;" data-figure="{name}">')


def publish(fig: mpl.figure.Figure, name: str, *, alt: str, source: str) -> None:
    """Add the source line, save the figure with its alt text, and show it with its alt text and a caption.

    The figure is rendered once, in memory: the page shows those bytes and figures/ receives the same
    bytes. Where figures/ cannot be written (a read-only install), the figure is still shown, with one
    short note the first time.
    """
    # Imported here so the module also works outside Jupyter (tests, scripts).
    from IPython.display import Markdown, display

    global _read_only_noted
    alt = _check(name, alt)
    add_source_line(fig, source)
    # Checked once drawn (drawing creates the tick labels), before the figure is saved or shown.
    png = render_png(fig)
    small = _texts_below_minimum(fig)
    plt.close(fig)
    if small:
        raise ValueError(f"Figure {name} has text below {MIN_FONT_POINTS} pt: {', '.join(small[:5])}")
    try:
        _store(name, png, alt)
    except OSError:
        if not _read_only_noted:
            print(f"Note: {FIGURES_DIR} cannot be written here, so figures are shown but not saved.")
            _read_only_noted = True
    # The HTML carries the alt text into JupyterLab and the static pages (an image/png output has no
    # alt attribute there); the plain-text form says what the figure is where images are not shown.
    display({"text/html": figure_html(png, alt, name), "text/plain": f"[Figure {name}: {alt}]"}, raw=True)
    display(Markdown(f"*Figure `{name}`.* {alt}"))


def timeline(ax: mpl.axes.Axes, events, *, group: str, date: str = "date", label: str = "title",
             groups: list[str] | None = None, wrap: int = 20) -> None:
    """Draw dated events on a horizontal time axis, one marker shape and colour per `group` value.

    Labels alternate above and below the axis at several heights so that close dates stay legible.
    `events` is a DataFrame with a datetime column `date`, a text column `label` and a column `group`.
    """
    import textwrap

    import matplotlib.dates as mdates

    events = events.sort_values(date, kind="stable").reset_index(drop=True)
    # A fixed list of groups keeps colours and markers the same across several panels.
    groups = groups or list(dict.fromkeys(events[group]))
    heights = [1.0, -1.0, 2.0, -2.0, 3.0, -3.0]
    for i, row in events.iterrows():
        g = groups.index(row[group])
        height = heights[i % len(heights)]
        ax.vlines(row[date], 0, height, color="#999999", linewidth=0.8, zorder=1)
        ax.annotate(
            f"{textwrap.fill(row[label], wrap)}\n{row[date]:%d %b %Y}", xy=(row[date], height),
            xytext=(0, 4 if height > 0 else -4), textcoords="offset points",
            ha="center", va="bottom" if height > 0 else "top", fontsize=MIN_FONT_POINTS,
        )
    for g, name in enumerate(groups):
        subset = events[events[group] == name]
        if subset.empty:
            continue
        ax.scatter(subset[date], [0] * len(subset), s=70, zorder=3, label=name,
                   color=SERIES_COLOURS[g % len(SERIES_COLOURS)], marker=MARKERS[g % len(MARKERS)],
                   edgecolor="black", linewidth=0.6)
    ax.axhline(0, color="black", linewidth=1)
    ax.set_ylim(-4.2, 4.2)
    ax.yaxis.set_visible(False)
    ax.spines["left"].set_visible(False)
    ax.grid(False)
    span_days = (events[date].max() - events[date].min()).days
    if span_days > 60:
        ax.xaxis.set_major_locator(mdates.MonthLocator())
        ax.xaxis.set_major_formatter(mdates.DateFormatter("%b\n%Y"))
    else:
        ax.xaxis.set_major_locator(mdates.DayLocator())
        ax.xaxis.set_major_formatter(mdates.DateFormatter("%d\n%b"))


def count_heatmap(ax: mpl.axes.Axes, counts, *, xlabel: str, ylabel: str) -> None:
    """Draw a table of counts as shaded cells with the number written in each cell.

    The numbers carry the information; shading (the colour-blind-safe 'cividis' map) only helps the
    eye find the large cells.
    """
    values = counts.to_numpy()
    image = ax.imshow(values, cmap="cividis", aspect="auto")
    for (r, c), value in _cells(values):
        # Black text on light cells, white on dark ones, judged by the cell's own luminance.
        red, green, blue, _ = image.cmap(image.norm(value))
        luminance = 0.2126 * red + 0.7152 * green + 0.0722 * blue
        ax.text(c, r, f"{value}", ha="center", va="center", fontsize=12, fontweight="bold",
                color="black" if luminance > 0.4 else "white")
    ax.set_xticks(range(len(counts.columns)), labels=list(counts.columns))
    ax.set_yticks(range(len(counts.index)), labels=list(counts.index))
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.grid(False)
    for spine in ax.spines.values():
        spine.set_visible(False)


def _cells(values):
    for r in range(values.shape[0]):
        for c in range(values.shape[1]):
            yield (r, c), values[r, c]


def group_legend_handles(groups: list[str]) -> list:
    """Legend entries that match the colours and markers `timeline` gives to `groups`, in order."""
    from matplotlib.lines import Line2D

    return [
        Line2D([], [], linestyle="none", marker=MARKERS[g % len(MARKERS)], markersize=9,
               markerfacecolor=SERIES_COLOURS[g % len(SERIES_COLOURS)], markeredgecolor="black", label=name)
        for g, name in enumerate(groups)
    ]
