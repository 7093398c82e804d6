"""Write student copies of every notebook to build/student/: no worked solutions, exercises unanswered.

A cell tagged `solution` is removed, together with the "Worked solution" heading cell just before it.
A cell tagged `exercise` keeps its code (`answer = ...`) but loses its stored output, so students see
the self-check only when they run it. Everything else, including figures, is kept.
Run:  python tools/make_student_copies.py  (or `make student`)
"""

from pathlib import Path

import shutil

import nbformat

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
TARGET = ROOT / "build" / "student"


def tags(cell) -> list[str]:
    return cell.get("metadata", {}).get("tags", [])


def is_solution_heading(cell) -> bool:
    return cell.cell_type == "markdown" and cell.source.strip().lower().startswith("worked solution")


def student_copy(notebook):
    """Return a copy of `notebook` with solutions removed and exercise outputs cleared."""
    copy = nbformat.from_dict(notebook)
    kept = []
    for cell in copy.cells:
        if "solution" in tags(cell):
            if kept and is_solution_heading(kept[-1]):
                kept.pop()
            continue
        if "exercise" in tags(cell):
            cell.outputs, cell.execution_count = [], None
        kept.append(cell)
    copy.cells = kept
    return copy


def main() -> list[Path]:
    TARGET.mkdir(parents=True, exist_ok=True)
    written = []
    for path in sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb")):
        target = TARGET / path.name
        nbformat.write(student_copy(nbformat.read(path, as_version=4)), target)
        written.append(target)
    # The copies import statusquo as the originals do; statusquo finds data/ by searching upwards.
    shutil.copytree(NOTEBOOKS / "statusquo", TARGET / "statusquo", dirs_exist_ok=True,
                    ignore=shutil.ignore_patterns("__pycache__"))
    print(f"wrote {len(written)} student notebooks to {TARGET.relative_to(ROOT)}/")
    return written


if __name__ == "__main__":
    main()
