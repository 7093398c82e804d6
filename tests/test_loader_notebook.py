"""In a notebook, a bad data file shows as the loader's message in a few lines, not as a traceback:
DataError renders its own short form, which IPython (and so Jupyter) shows instead of the frames."""

import shutil
from pathlib import Path

import nbformat
from nbclient import NotebookClient

from statusquo.data import DataError

REPO_ROOT = Path(__file__).resolve().parents[1]


def test_the_short_form_holds_file_line_column_expectation_and_what_to_do():
    error = DataError("data/x.csv", "cannot read '２' as an integer", line=4, column="position",
                      expected="an integer", fix="retype it", needed_by="claims")
    shown = error._render_traceback_()
    assert shown[0] == "DataError: data/x.csv, line 4, column 'position'"
    assert [line.split(":")[0].strip() for line in shown[1:4]] == ["problem", "expected", "what to do"]
    assert "table 'claims' needs this file" in shown[4]
    assert len(shown) == 5
    assert len(DataError("data/x.csv", "bad")._render_traceback_()) == 2


def test_a_notebook_cell_shows_the_message_in_a_few_lines(tmp_path):
    broken = tmp_path / "data"
    shutil.copytree(REPO_ROOT / "data", broken)
    path = broken / "article" / "paragraphs.csv"
    path.write_text(path.read_text(encoding="utf-8").replace("P2,2,", "P2,\uff12,", 1), encoding="utf-8")
    notebook = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_code_cell(f"import sys\nsys.path.insert(0, {str(REPO_ROOT / 'notebooks')!r})\n"
                                  "from statusquo import data"),
        nbformat.v4.new_code_cell(f"paragraphs = data.load('paragraphs', data_dir={str(broken)!r})"),
        nbformat.v4.new_code_cell("actors = data.load('actors')\nprint(len(actors))"),
    ])
    NotebookClient(notebook, timeout=120, kernel_name="python3", allow_errors=True,
                   resources={"metadata": {"path": str(tmp_path)}}).execute()
    errors = [o for o in notebook.cells[1].outputs if o["output_type"] == "error"]
    assert len(errors) == 1 and errors[0]["ename"] == "DataError"
    shown = "\n".join(errors[0]["traceback"]).splitlines()
    assert len(shown) <= 5, "\n".join(shown)
    assert shown[0] == "DataError: data/article/paragraphs.csv, line 3, column 'position'"
    assert "full-width" in shown[1] and "half-width" in "\n".join(shown)
    assert not any(word in "\n".join(shown) for word in ("Traceback", "File ", "site-packages", "statusquo/"))
    # the kernel carries on: the next cell loads a good table
    assert notebook.cells[2].outputs[0]["text"].strip().isdigit()
