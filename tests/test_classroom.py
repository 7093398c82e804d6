"""Classroom builds: student copies (no solutions, self-checks unanswered) and static HTML pages."""

import sys
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT / "tools"))
import build_html  # noqa: E402
import make_student_copies  # noqa: E402

NOTEBOOKS = sorted((REPO_ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))


@pytest.fixture(scope="module")
def student_copies():
    return make_student_copies.main()


def test_a_student_copy_per_notebook(student_copies):
    assert [p.name for p in student_copies] == [p.name for p in NOTEBOOKS]


@pytest.mark.parametrize("index", range(len(NOTEBOOKS)), ids=[p.name for p in NOTEBOOKS])
def test_student_copy_has_no_solutions_and_runs_with_checks_unanswered(student_copies, index):
    copy = nbformat.read(student_copies[index], as_version=4)
    assert not [c for c in copy.cells if "solution" in c.metadata.get("tags", [])]
    assert not [c for c in copy.cells if make_student_copies.is_solution_heading(c)]
    exercises = [c for c in copy.cells if "exercise" in c.metadata.get("tags", [])]
    assert exercises and all(not c.outputs for c in exercises)

    NotebookClient(copy, timeout=120, kernel_name="python3",
                   resources={"metadata": {"path": str(student_copies[index].parent)}}).execute()
    for cell in copy.cells:
        for output in cell.get("outputs", []):
            assert output.output_type != "error", output.get("evalue")
    for cell in exercises:
        text = "".join(o.get("text", "") for o in cell.outputs)
        assert "Not answered yet" in text, text


def test_html_pages_are_built_self_contained():
    pages = build_html.main()
    assert [p.stem for p in pages] == [p.stem for p in NOTEBOOKS]
    index = (build_html.TARGET / "index.html").read_text(encoding="utf-8")
    for page in pages:
        assert f'href="{page.name}"' in index
        body = page.read_text(encoding="utf-8")
        assert "data:image/png;base64," in body, "figures are embedded"
        assert 'src="http' not in body, "nothing is fetched from the network"
        assert not build_html.NOTEBOOK_LINK.search(body), "links point at the HTML pages, not .ipynb files"
