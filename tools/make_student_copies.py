"""Write the student handout: a folder (and a zip of it) that holds everything the notebooks need.

build/student/status-quo-ask/ has notebooks/ (every notebook without its worked solutions, exercises
unanswered), notebooks/statusquo/, data/, an empty figures/ the notebooks write into, the glossary, the
licence and a short README. It runs from wherever it is unpacked: statusquo finds data/ and figures/ by
searching upwards from itself, so nothing reaches back into the repository.
nbconvert's TagRemovePreprocessor does the editing: cells tagged `solution` (the worked solution) or
`solution-heading` (the "Worked solution" line before it; tools/tidy_notebooks.py sets both tags) are
removed, and a cell tagged `exercise` keeps its code (`answer = ...`) but loses its stored output.
Run:  python tools/make_student_copies.py  (or `make student`)
"""

import copy as copy_module
import shutil
import sys
from pathlib import Path

import nbformat
from nbconvert.preprocessors import TagRemovePreprocessor

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "notebooks"))
from statusquo.contents import notebook_paths  # noqa: E402

NOTEBOOKS = ROOT / "notebooks"
TARGET = ROOT / "build" / "student"
HANDOUT = TARGET / "status-quo-ask"
README = """# The Status-Quo Ask: student copy

How an ally bargains with a transactional superpower: Japan, Trump and the summit of 7 February 2025.

Open `notebooks/00_start_here.ipynb` in JupyterLab and read top to bottom, pressing Shift-Enter.
Every "Your turn" cell prints "Not answered yet" until you replace `...` with your answer.
You need Python 3.11 or newer with the packages in `requirements.txt`:

    python3 -m venv .venv
    .venv/bin/pip install -r requirements.txt
    .venv/bin/jupyter lab notebooks/00_start_here.ipynb

Terms are explained in `glossary.md`; the tables and their sources are described in `data/README.md`.
"""


SOLUTION_TAGS = {"solution", "solution-heading"}


def student_copy(notebook):
    """Return a copy of `notebook` with solutions removed and exercise outputs cleared."""
    remover = TagRemovePreprocessor(remove_cell_tags=SOLUTION_TAGS, remove_all_outputs_tags={"exercise"})
    copy, _ = remover.preprocess(nbformat.from_dict(copy_module.deepcopy(notebook)), {})
    return copy


def main() -> list[Path]:
    """Write the handout folder and its zip; return the student notebooks' paths."""
    if HANDOUT.exists():
        shutil.rmtree(HANDOUT)
    (HANDOUT / "notebooks").mkdir(parents=True)
    (HANDOUT / "figures").mkdir()
    written = []
    for path in notebook_paths():
        target = HANDOUT / "notebooks" / path.name
        nbformat.write(student_copy(nbformat.read(path, as_version=4)), target)
        written.append(target)
    skip = shutil.ignore_patterns("__pycache__", "*.pyc", ".ipynb_checkpoints")
    shutil.copytree(NOTEBOOKS / "statusquo", HANDOUT / "notebooks" / "statusquo", ignore=skip)
    shutil.copy2(NOTEBOOKS / "contents.csv", HANDOUT / "notebooks" / "contents.csv")
    shutil.copytree(ROOT / "data", HANDOUT / "data", ignore=skip)
    for name in ("glossary.md", "LICENSE", "requirements.txt"):
        if (ROOT / name).is_file():
            shutil.copy2(ROOT / name, HANDOUT / name)
    (HANDOUT / "README.md").write_text(README, encoding="utf-8")
    archive = shutil.make_archive(str(TARGET / "status-quo-ask"), "zip", root_dir=TARGET, base_dir=HANDOUT.name)
    print(f"wrote {len(written)} student notebooks to {HANDOUT.relative_to(ROOT)}/ and {Path(archive).name}")
    return written


if __name__ == "__main__":
    main()
