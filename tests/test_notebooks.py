"""Checks on the stored notebooks that nbval does not make: clean single run, anatomy, figures."""

import re
from pathlib import Path

import nbformat
import pytest

from statusquo.contents import notebook_paths

REPO_ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = notebook_paths()
MACHINE_PATH = re.compile(r"(/work/|/tmp/|/root/|/home/\w+/|[A-Z]:\\\\Users)")


def read(path):
    """The notebook with multi-line fields joined into strings (nbformat does that on reading)."""
    return nbformat.read(path, as_version=4)


def code_cells(nb):
    return [c for c in nb["cells"] if c["cell_type"] == "code"]


def test_there_is_a_start_here_notebook():
    assert NOTEBOOKS and NOTEBOOKS[0].name == "00_start_here.ipynb"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_stored_from_one_clean_run_without_errors_or_warnings(path):
    nb = read(path)
    counts = [c["execution_count"] for c in code_cells(nb)]
    assert counts == list(range(1, len(counts) + 1)), "re-run with `make execute`"
    for index, cell in enumerate(nb["cells"]):
        for output in cell.get("outputs", []):
            assert output["output_type"] != "error", f"cell {index} stores an error"
            assert output.get("name") != "stderr", f"cell {index} writes to stderr: {output.get('text')}"
    assert not MACHINE_PATH.search(path.read_text(encoding="utf-8")), "a machine-specific path is stored"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_anatomy(path):
    nb = read(path)
    markdown = "\n".join(c["source"] for c in nb["cells"] if c["cell_type"] == "markdown")
    first = nb["cells"][0]["source"]
    assert first.startswith("# "), "a title first"
    for part in ("**Time**", "**Prerequisites**", "Learning objectives"):
        assert part in first, f"the first cell gives {part}"
    setup = code_cells(nb)[0]["source"]
    assert "%matplotlib inline" in setup and "use_house_style()" in setup
    # Exercises sit where their question arises (a prediction before its reveal), not only at the end.
    for heading in ("## Key points", "## Discussion questions", "## Sources used"):
        assert heading in markdown
    exercises = [c for c in code_cells(nb) if "exercise" in c["metadata"].get("tags", [])]
    solutions = [c for c in code_cells(nb) if "solution" in c["metadata"].get("tags", [])]
    assert len(exercises) >= 4 and len(solutions) >= 4
    for cell in exercises:
        assert "answer = ..." in cell["source"] or "guess = ..." in cell["source"]
        assert "Not answered yet" in "".join(o.get("text", "") for o in cell["outputs"])
    for cell in solutions:
        assert cell["source"].startswith("with exercises.worked_solution():"), "run: python tools/tidy_notebooks.py"
        shown = [o.get("data", {}) for o in cell["outputs"]]
        assert any("Correct!" in d.get("text/plain", "") and d.get("text/html", "").startswith("<details>")
                   for d in shown), "the solution's result is folded behind a Show line"
    assert markdown.count("<details>") >= len(exercises), "every exercise has a hint"


FIGURE_OUTPUT = re.compile(r'<img src="data:image/png;base64,[^"]*" alt="[^"]*" width="\d+" [^>]*data-figure="([0-9a-z_]+)"')


def published_figures(path) -> set[str]:
    """Names of the figures a notebook showed through plots.publish, read from its stored outputs."""
    names = set()
    for cell in code_cells(read(path)):
        for output in cell.get("outputs", []):
            names |= set(FIGURE_OUTPUT.findall(output.get("data", {}).get("text/html", "")))
    return names - {"panel"}


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_every_figure_it_publishes_is_stored_with_alt_text(path):
    names = sorted(published_figures(path))
    assert names, "each notebook publishes at least one figure"
    for name in names:
        assert name.startswith(path.name[:3]), f"{name} should start with {path.name[:3]}"
        assert (REPO_ROOT / "figures" / f"{name}.png").is_file()
        assert len((REPO_ROOT / "figures" / f"{name}.alt.txt").read_text(encoding="utf-8").split()) >= 8


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_cells_that_show_a_figure_and_only_those_may_use_the_website_margin(path):
    """The `full-width` tag (set by tools/tidy_notebooks.py) lets a figure use the web page's right margin."""
    for index, cell in enumerate(code_cells(read(path))):
        shows = any("data-figure=" in str(o.get("data", {}).get("text/html", "")) for o in cell.get("outputs", []))
        assert shows == ("full-width" in cell["metadata"].get("tags", [])), f"cell {index}: run tools/tidy_notebooks.py"


def test_every_stored_figure_has_alt_text_and_belongs_to_a_notebook():
    published = set()
    for path in NOTEBOOKS:
        published |= published_figures(path)
    stored = {p.stem for p in (REPO_ROOT / "figures").glob("*.png")}
    assert stored == published, "figures/ holds exactly the figures the notebooks publish"
    for name in stored:
        assert (REPO_ROOT / "figures" / f"{name}.alt.txt").is_file()


@pytest.mark.parametrize("index", range(len(NOTEBOOKS)), ids=[p.name for p in NOTEBOOKS])
def test_navigation_cells_are_the_generated_ones(index):
    """Previous / contents / next, after the title and at the end, as tools/write_navigation.py writes them."""
    import sys

    sys.path.insert(0, str(REPO_ROOT / "tools"))
    import write_navigation

    nb = read(NOTEBOOKS[index])
    expected = write_navigation.navigation_markdown(NOTEBOOKS, index)
    navigation = [c for c in nb["cells"] if "navigation" in c["metadata"].get("tags", [])]
    assert [c["source"] for c in navigation] == [expected, expected], "run: python tools/write_navigation.py"
    assert nb["cells"][1] is navigation[0] and nb["cells"][-1] is navigation[1]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_headings_go_down_one_level_at_a_time(path):
    """Accessibility: screen readers navigate by headings, so no level is skipped (# then ## then ###)."""
    levels = []
    for cell in read(path)["cells"]:
        if cell["cell_type"] == "markdown":
            in_code = False
            for line in cell["source"].splitlines():
                in_code = not in_code if line.startswith("```") else in_code
                match = re.match(r"^(#{1,6}) ", line)
                if match and not in_code:
                    levels.append(len(match.group(1)))
    assert levels and levels[0] == 1 and levels.count(1) == 1, "one title, first"
    for before, after in zip(levels, levels[1:]):
        assert after <= before + 1, f"heading level jumps from {before} to {after}"


def test_the_list_of_notebooks_matches_the_folder_the_titles_and_the_readme():
    from statusquo.contents import entries

    listed = entries()
    assert sorted(p.name for p in (REPO_ROOT / "notebooks").glob("*.ipynb")) == sorted(e.file for e in listed)
    assert [e.number for e in listed] == [f"{i:02d}" for i in range(len(listed))]
    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    for entry in listed:
        title = read(REPO_ROOT / "notebooks" / entry.file).cells[0].source.splitlines()[0]
        assert title == f"# {entry.heading}", f"{entry.file}: title differs from notebooks/contents.csv"
        assert f"(notebooks/{entry.file})" in readme, f"README links to {entry.file}"
