"""Two edits every notebook gets, kept in one place so no notebook drifts:

1. Worked solutions are collapsed: a code cell tagged `solution` gets JupyterLab's collapsed-input and
   collapsed-output metadata (`jupyter.source_hidden`, `jupyter.outputs_hidden`), and its code runs
   inside `exercises.worked_solution()`, so even after Run All its result stays folded until a student
   opens it on purpose; it still runs under nbval, and `make student` removes it. The markdown cell
   before it (starting "Worked solution") says how to open it.
2. The setup cell (the first code cell) starts with a few lines that let a copy of the notebook saved
   outside notebooks/ (say in the bundle's top folder, or a folder of the student's own inside it) still
   import statusquo.
3. A code cell that shows a figure is tagged `full-width`: on the website (Jupyter Book) such a cell may
   use the page's right margin, so a wide figure is scaled down less and its 10-point text stays near 10
   points. JupyterLab ignores the tag.
Run:  python tools/tidy_notebooks.py
"""

import sys
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "notebooks"))
from statusquo.contents import notebook_paths  # noqa: E402

OPEN_HINT = ("Worked solution (collapsed: click the blue bar at the left of the cell below, or the three "
             "dots, to open it; its result stays folded until you click \"Show\". Try the exercise first.)")
SOLUTION_WRAPPER = "with exercises.worked_solution():\n"
FIND_STATUSQUO = '''%matplotlib inline
import pathlib
import sys

# A copy of this notebook saved outside notebooks/ still finds the bundle's helper package, statusquo.
here = pathlib.Path.cwd()
sys.path += [str(p / "notebooks") for p in (here, *here.parents) if (p / "notebooks" / "statusquo").is_dir()][:1]
'''


def folded(source: str) -> str:
    """A solution's code run inside exercises.worked_solution(), which folds away what it prints."""
    if source.startswith(SOLUTION_WRAPPER):
        return source
    return SOLUTION_WRAPPER + "\n".join(f"    {line}" if line.strip() else "" for line in source.splitlines())


def collapsed(notebook):
    previous = None
    for cell in notebook.cells:
        if "solution" in cell.metadata.get("tags", []):
            cell.metadata["jupyter"] = {"source_hidden": True, "outputs_hidden": True}
            cell.source = folded(cell.source)
            if previous is not None and previous.cell_type == "markdown" and \
                    previous.source.strip().lower().startswith("worked solution"):
                previous.source = OPEN_HINT
                previous.metadata["tags"] = sorted({*previous.metadata.get("tags", []), "solution-heading"})
        previous = cell
    return notebook


def with_setup_prologue(notebook):
    setup = next(c for c in notebook.cells if c.cell_type == "code")
    if not setup.source.startswith(FIND_STATUSQUO):
        body = setup.source.removeprefix("%matplotlib inline").lstrip("\n")
        setup.source = FIND_STATUSQUO + "\n" + body
    return notebook


FIGURE_OUTPUT = "data-figure="   # the attribute statusquo.plots.figure_html puts on every figure's <img>
WIDE = "full-width"


def figures_wide(notebook):
    for cell in notebook.cells:
        if cell.cell_type != "code":
            continue
        shows_figure = any(FIGURE_OUTPUT in str(output.get("data", {}).get("text/html", ""))
                           for output in cell.get("outputs", []))
        tags = set(cell.metadata.get("tags", []))
        tags = tags | {WIDE} if shows_figure else tags - {WIDE}
        if tags:
            cell.metadata["tags"] = sorted(tags)
        else:
            cell.metadata.pop("tags", None)
    return notebook


def main() -> None:
    paths = notebook_paths()
    for path in paths:
        notebook = nbformat.read(path, as_version=4)
        nbformat.write(figures_wide(with_setup_prologue(collapsed(notebook))), path)
    print(f"solutions collapsed, setup cells checked and figure cells tagged in {len(paths)} notebooks")


if __name__ == "__main__":
    main()
