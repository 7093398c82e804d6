"""Collapse every worked solution, so a student meets it closed and opens it on purpose.

A code cell tagged `solution` gets JupyterLab's collapsed-input and collapsed-output metadata
(`jupyter.source_hidden`, `jupyter.outputs_hidden`); it still runs under nbval, and `make student`
removes it. The markdown cell before it (starting "Worked solution") says how to open it.
Run:  python tools/collapse_solutions.py
"""

import sys
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "notebooks"))
from statusquo.contents import notebook_paths  # noqa: E402

OPEN_HINT = ("Worked solution (collapsed: click the blue bar at the left of the cell below, or the three "
             "dots, to open it; try the exercise first)")


def collapsed(notebook):
    previous = None
    for cell in notebook.cells:
        if "solution" in cell.metadata.get("tags", []):
            cell.metadata["jupyter"] = {"source_hidden": True, "outputs_hidden": True}
            if previous is not None and previous.cell_type == "markdown" and \
                    previous.source.strip().lower().startswith("worked solution"):
                previous.source = OPEN_HINT
        previous = cell
    return notebook


def main() -> None:
    paths = notebook_paths()
    for path in paths:
        nbformat.write(collapsed(nbformat.read(path, as_version=4)), path)
    print(f"solutions collapsed in {len(paths)} notebooks")


if __name__ == "__main__":
    main()
