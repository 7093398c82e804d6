"""Classroom builds: student copies (no solutions, self-checks unanswered) and static HTML pages."""

import sys
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from statusquo.contents import notebook_paths

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT / "tools"))
import make_student_copies  # noqa: E402

NOTEBOOKS = notebook_paths()


@pytest.fixture(scope="module")
def student_copies():
    return make_student_copies.main()


def test_a_student_copy_per_notebook(student_copies):
    assert [p.name for p in student_copies] == [p.name for p in NOTEBOOKS]


def test_student_copies_have_no_solutions_and_exercises_unanswered(student_copies):
    for path in student_copies:
        copy = nbformat.read(path, as_version=4)
        assert not [c for c in copy.cells if "solution" in c.metadata.get("tags", [])], path.name
        headings = [c for c in copy.cells if c.cell_type == "markdown"
                    and c.source.strip().lower().startswith("worked solution")]
        assert not headings, f"{path.name}: a 'Worked solution' line is left without its solution"
        exercises = [c for c in copy.cells if "exercise" in c.metadata.get("tags", [])]
        assert exercises and all(not c.outputs for c in exercises), path.name


@pytest.mark.slow
def test_the_handout_runs_from_a_folder_outside_the_repository(student_copies, tmp_path):
    """Unzipped anywhere, every notebook runs, its checks say "Not answered yet", and its figures are
    written inside the handout, never into the repository."""
    import zipfile

    with zipfile.ZipFile(make_student_copies.TARGET / "status-quo-ask.zip") as archive:
        archive.extractall(tmp_path)
    handout = tmp_path / "status-quo-ask"
    assert {p.name for p in handout.iterdir()} >= {"notebooks", "data", "figures", "README.md"}
    for path in notebook_paths(handout / "notebooks"):
        copy = nbformat.read(path, as_version=4)
        NotebookClient(copy, timeout=180, kernel_name="python3",
                       resources={"metadata": {"path": str(path.parent)}}).execute()
        for cell in copy.cells:
            for output in cell.get("outputs", []):
                assert output.output_type != "error", f"{path.name}: {output.get('evalue')}"
            if "exercise" in cell.metadata.get("tags", []):
                assert "Not answered yet" in "".join(o.get("text", "") for o in cell.outputs), path.name
    written = {p.stem for p in (handout / "figures").glob("*.png")}
    assert written == {p.stem for p in (REPO_ROOT / "figures").glob("*.png")}, "figures are written in the handout"
