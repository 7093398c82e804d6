"""Write the navigation cells of every notebook: previous, contents, next.

Each notebook gets the same markdown cell, tagged `navigation`, right after its title cell and again
at the end, so readers can move along the bundle from the top or the bottom. The cells are generated
from the notebooks' own titles, so they stay consistent when a notebook is added or renamed; the test
suite checks that the stored cells match this script.
Run:  python tools/write_navigation.py   (then `make execute` is not needed: only markdown changes)
"""

import sys
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "notebooks"))
from statusquo.contents import notebook_paths  # noqa: E402

NOTEBOOKS_DIR = ROOT / "notebooks"
TAG = "navigation"


def notebooks() -> list[Path]:
    return notebook_paths()


def short_title(path: Path) -> str:
    """'01 · How dependent is Japan on the US alliance?' from the notebook's first heading."""
    first = nbformat.read(path, as_version=4).cells[0].source.splitlines()[0]
    return first.lstrip("#").strip()


def navigation_markdown(paths: list[Path], index: int) -> str:
    previous = (f"← Previous: [{short_title(paths[index - 1])}]({paths[index - 1].name})"
                if index > 0 else "← Previous: none, this is the first notebook")
    following = (f"Next: [{short_title(paths[index + 1])}]({paths[index + 1].name}) →"
                 if index + 1 < len(paths) else "Next: none, this is the last notebook")
    return f"{previous} · [Contents](../README.md#the-notebooks) · {following}"


def with_navigation(notebook, text: str):
    """Return the notebook with its old navigation cells replaced by `text` after the title and at the end."""
    cells = [c for c in notebook.cells if TAG not in c.metadata.get("tags", [])]

    def cell(position: str):
        # Fixed ids, so rewriting the cells leaves an unchanged notebook byte-identical.
        made = nbformat.v4.new_markdown_cell(text, id=f"navigation-{position}")
        made.metadata["tags"] = [TAG]
        return made

    notebook.cells = [cells[0], cell("top"), *cells[1:], cell("bottom")]
    return notebook


def main() -> None:
    paths = notebooks()
    for index, path in enumerate(paths):
        notebook = nbformat.read(path, as_version=4)
        updated = with_navigation(notebook, navigation_markdown(paths, index))
        nbformat.write(updated, path)
    print(f"navigation written to {len(paths)} notebooks")


if __name__ == "__main__":
    main()
