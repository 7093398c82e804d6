"""House style and reproducible figure saving."""

import hashlib

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import pandas as pd
import pytest

from statusquo import data, plots


@pytest.fixture
def figures_dir(tmp_path, monkeypatch):
    monkeypatch.setattr(plots, "FIGURES_DIR", tmp_path)
    return tmp_path


def draw_timeline():
    plots.use_house_style()
    fig, ax = plt.subplots()
    plots.timeline(ax, data.load("events"), group="phase")
    plots.add_source_line(fig, "test")
    return fig


def test_saving_the_same_figure_twice_gives_identical_bytes(figures_dir):
    digests = []
    for _ in range(2):
        fig = draw_timeline()
        path = plots.save(fig, "00_test_timeline", alt="A timeline of the run-up to the summit, for a test.")
        plt.close(fig)
        digests.append(hashlib.sha256(path.read_bytes()).hexdigest())
    assert digests[0] == digests[1]
    assert b"Software" not in path.read_bytes()[:400]


def test_alt_text_is_written_beside_the_figure(figures_dir):
    fig = draw_timeline()
    plots.save(fig, "00_alt", alt="  A timeline   of events\nfrom October 2024 to February 2025. ")
    plt.close(fig)
    assert (figures_dir / "00_alt.alt.txt").read_text() == "A timeline of events from October 2024 to February 2025.\n"


@pytest.mark.parametrize("name", ["timeline", "0_x", "00-timeline", "00_Timeline"])
def test_figure_names_start_with_the_notebook_number(figures_dir, name):
    with pytest.raises(ValueError, match="must look like"):
        plots.save(plt.figure(), name, alt="A long enough alt text for the figure under test.")
    plt.close("all")


def test_short_alt_text_is_refused(figures_dir):
    with pytest.raises(ValueError, match="too short"):
        plots.save(plt.figure(), "00_x", alt="A chart")
    plt.close("all")


def test_palette_is_okabe_ito_and_markers_differ():
    assert len(set(plots.SERIES_COLOURS)) == 8
    assert set(plots.SERIES_COLOURS) == set(plots.OKABE_ITO.values())
    handles = plots.group_legend_handles(["a", "b", "c"])
    assert len({h.get_marker() for h in handles}) == 3


def test_heatmap_writes_every_count():
    counts = pd.DataFrame([[1, 0], [3, 5]], index=["x", "y"], columns=["p", "q"])
    fig, ax = plt.subplots()
    plots.count_heatmap(ax, counts, xlabel="kind", ylabel="topic")
    assert sorted(t.get_text() for t in ax.texts) == ["0", "1", "3", "5"]
    plt.close(fig)


def test_publish_shows_an_image_that_carries_its_alt_text(figures_dir, monkeypatch):
    shown = []
    monkeypatch.setattr("IPython.display.display", lambda *objects, **kw: shown.extend(objects))
    fig = draw_timeline()
    plots.publish(fig, "00_shown", alt="A timeline with 17 events & a <marker> for each one.", source="test")
    html_output = shown[0]["text/html"]
    assert 'alt="A timeline with 17 events &amp; a &lt;marker&gt; for each one."' in html_output
    assert html_output.startswith('<img src="data:image/png;base64,')
    assert shown[0]["text/plain"].startswith("[Figure 00_shown:")
    assert (figures_dir / "00_shown.png").is_file()


def test_an_unwritable_figures_folder_still_shows_the_figure_with_one_note(tmp_path, monkeypatch, capsys):
    # A folder that cannot be created (its parent is a file) fails like a read-only install, for any user.
    blocker = tmp_path / "read-only-install"
    blocker.write_text("not a folder")
    monkeypatch.setattr(plots, "FIGURES_DIR", blocker / "figures")
    monkeypatch.setattr(plots, "_read_only_noted", False)
    shown = []
    monkeypatch.setattr("IPython.display.display", lambda *objects, **kw: shown.extend(objects))
    for name in ("00_first", "00_second"):
        plots.publish(draw_timeline(), name, alt="A timeline of the run-up, shown without saving.", source="t")
    assert capsys.readouterr().out.count("cannot be written") == 1
    assert sum("text/html" in item for item in shown if isinstance(item, dict)) == 2


def test_saving_leaves_no_temporary_file_behind(figures_dir):
    fig = draw_timeline()
    plots.save(fig, "00_tidy", alt="A timeline of the run-up to the summit, for a test.")
    plt.close(fig)
    assert sorted(p.name for p in figures_dir.iterdir()) == ["00_tidy.alt.txt", "00_tidy.png"]


def test_text_below_ten_points_is_refused(figures_dir):
    plots.use_house_style()
    fig, ax = plt.subplots()
    ax.text(0.5, 0.5, "tiny label", fontsize=8)
    with pytest.raises(ValueError, match="below 10 pt"):
        plots.publish(fig, "00_tiny", alt="A chart with one label that is too small to read.", source="t")


def test_dollar_signs_in_figure_text_stay_money():
    plots.use_house_style()
    fig, ax = plt.subplots()
    ax.set_title("From $68.5 bn to $550 bn")
    fig.canvas.draw()  # with maths parsing on, the text between the two signs would be typeset
    assert plt.rcParams["text.parse_math"] is False and not ax.title.get_parse_math()
    plt.close(fig)


@pytest.mark.parametrize("layout", ["constrained", None])
def test_tick_labels_below_ten_points_are_found_before_the_figure_is_drawn(layout):
    """Tick labels exist only once the figure is laid out: the check lays it out itself."""
    plots.use_house_style()
    fig, ax = plt.subplots(layout=layout)
    ax.plot([0, 1], [0, 2])
    ax.tick_params(axis="y", labelsize=8)
    found = plots.small_texts(fig)
    plt.close(fig)
    assert found and all(text.endswith("at 8.0 pt") for text in found), found
    assert any(text.startswith("'2.00'") for text in found), found


def test_source_line_is_broken_into_lines_that_fit_and_keep_every_word():
    text = "Source: " + " ".join(f"Publisher{i} (wire)" for i in range(40))
    wrapped = plots.wrap_to_width(text, 500, plots.MIN_FONT_POINTS)
    lines = wrapped.split("\n")
    assert len(lines) > 1
    assert " ".join(lines) == text
    assert all(sum(plots._word_width(w, plots.MIN_FONT_POINTS) for w in line.split()) <= 500 for line in lines)


def test_a_title_longer_than_the_figure_is_saved_whole():
    """Constrained layout makes room for a title's height only; the saved area grows to take in its length."""
    import io

    from PIL import Image

    plots.use_house_style()
    fig, ax = plt.subplots(figsize=(4, 3), layout="constrained")
    ax.set_title("A title far longer than the four inches of figure it sits on top of")
    png = plots.render_png(fig)
    plt.close(fig)
    width = Image.open(io.BytesIO(png)).size[0]
    assert width > (4 + 2 * plots.MARGIN_INCHES) * plots.DPI + 50


def test_every_stored_figure_keeps_a_white_margin_on_all_four_sides():
    """Nothing drawn runs off the edge of a saved figure: its outer band of pixels is white."""
    import numpy as np
    from PIL import Image

    band = int(plots.MARGIN_INCHES * plots.DPI) // 2
    figures = sorted(plots.FIGURES_DIR.glob("*.png"))
    assert len(figures) >= 20
    for path in figures:
        pixels = np.asarray(Image.open(path).convert("RGB"))
        edges = [pixels[:band], pixels[-band:], pixels[:, :band], pixels[:, -band:]]
        assert all((edge >= 250).all() for edge in edges), f"{path.name}: something is drawn at the edge"
