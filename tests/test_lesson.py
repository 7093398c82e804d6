"""The lesson, as a teacher and a student meet it: exercises of every kind, solutions collapsed, stated
times that match the content, class plans that add up, and money that never turns into mathematics."""

import re
import sys
from pathlib import Path

import nbformat
import pytest

from statusquo.exercises import EXERCISES, KINDS

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT / "tools"))
import lesson_times  # noqa: E402
import tidy_notebooks  # noqa: E402

NOTEBOOKS = lesson_times.notebooks()
CHECK_CALL = re.compile(r'check\("([0-9.]+)"')
FORMULA = re.compile(r"\$\$.+?\$\$|\$[^$\n]+?\$", re.DOTALL)
CODE = re.compile(r"```.*?```|`[^`\n]*`", re.DOTALL)
MATH_SIGNS = set("\\^_={}+<>")


def money_typeset_as_maths(markdown: str) -> str | None:
    """The first span between two dollar signs that reads as money (it starts with a figure and holds no
    mathematical sign), which JupyterLab would typeset as a formula; None when there is none."""
    for match in FORMULA.finditer(CODE.sub("", markdown)):
        inner = match.group(0).strip("$")
        if inner[:1].isdigit() and not MATH_SIGNS & set(inner):
            return match.group(0)
    return None
PLAN_LENGTHS = {"lesson_50": 50, "unit_6x50": 300, "roleplay_50": 50, "roleplay_2x50": 100}


def cells(path):
    return nbformat.read(path, as_version=4).cells


def tagged(path, tag):
    return [c for c in cells(path) if tag in c.metadata.get("tags", [])]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_at_least_four_exercises_of_all_four_kinds(path):
    ids = {i for c in tagged(path, "exercise") for i in CHECK_CALL.findall(c.source)}
    assert len(ids) >= 4, f"{path.stem} has {len(ids)} exercises"
    assert {EXERCISES[i].kind for i in ids} == set(KINDS), "predict, interpret, compute and concept"
    assert all(i.startswith(path.stem[:2] + ".") for i in ids), "exercise ids start with the notebook number"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_worked_solutions_are_collapsed(path):
    solutions = tagged(path, "solution")
    assert solutions
    for cell in solutions:
        assert cell.metadata.get("jupyter") == {"source_hidden": True, "outputs_hidden": True}, \
            "run: python tools/tidy_notebooks.py"
    notebook_cells = cells(path)
    for index, cell in enumerate(notebook_cells):
        if "solution" in cell.metadata.get("tags", []):
            heading = notebook_cells[index - 1]
            assert "solution-heading" in heading.metadata.get("tags", []), \
                "the 'Worked solution' line before a solution is tagged so student copies drop it; " \
                "run: python tools/tidy_notebooks.py"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_the_stated_time_is_computed_from_the_content(path):
    time = lesson_times.notebook_time(path)
    title = cells(path)[0].source
    assert time.row() in title, "run: python tools/lesson_times.py"
    assert all(m == f"in about {time.total} minutes" for m in re.findall(r"in about \d+ minutes", title))


def test_class_plans_add_up_and_point_at_real_sections():
    plans = lesson_times.plans()
    assert set(plans) == set(PLAN_LENGTHS), "teacher/minutes.csv holds each plan once"
    names = {p.stem for p in NOTEBOOKS}
    for plan, segments in plans.items():
        assert sum(int(s["minutes"]) for s in segments) == PLAN_LENGTHS[plan], plan
        for segment in segments:
            if segment["notebook"]:
                assert segment["notebook"] in names, f"{plan}: no notebook {segment['notebook']}"
                headings = "\n".join(c.source for c in cells(REPO_ROOT / "notebooks" / f"{segment['notebook']}.ipynb")
                                     if c.cell_type == "markdown")
                if segment["section"]:
                    assert segment["section"] in headings, f"{plan}: no section {segment['section']!r}"


def test_teacher_files_show_the_plans_from_one_source():
    plans = lesson_times.plans()
    shown = set()
    for path in sorted((REPO_ROOT / "teacher").glob("*.md")):
        text = path.read_text(encoding="utf-8")
        assert lesson_times.render_teacher_file(text, plans) == text, f"{path.name}: run tools/lesson_times.py"
        shown |= set(re.findall(r"<!-- minutes:([a-z0-9_]+) -->", text))
    assert shown == set(plans) | {lesson_times.NOTEBOOK_TIMES}, "every plan, and the notebooks' times, appear"


def _typeset_texts(path):
    """Text that JupyterLab typesets: markdown cells, and HTML or markdown outputs."""
    for index, cell in enumerate(cells(path)):
        if cell.cell_type == "markdown":
            yield index, "markdown", cell.source
        for output in cell.get("outputs", []):
            for mime in ("text/html", "text/markdown"):
                if mime in output.get("data", {}):
                    yield index, mime, output["data"][mime]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_money_never_becomes_mathematics(path):
    for index, where, text in _typeset_texts(path):
        if where == "markdown":
            found = money_typeset_as_maths(text)
            assert not found, f"cell {index}: a dollar amount would be typeset as maths: {found[:80]!r}"
        else:
            assert "$" not in text, f"cell {index}: a dollar sign in a {where} output would start maths"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_the_setup_cell_finds_statusquo_from_anywhere_in_the_bundle(path):
    setup = next(c for c in cells(path) if c.cell_type == "code")
    assert setup.source.startswith(tidy_notebooks.FIND_STATUSQUO), "run: python tools/tidy_notebooks.py"


@pytest.mark.slow
def test_a_copy_saved_outside_notebooks_still_runs(tmp_path):
    """A student saves notebook 00 in a folder of their own at the bundle's top level and runs it there."""
    import shutil

    from nbclient import NotebookClient

    bundle = tmp_path / "bundle"
    for part in ("notebooks", "data"):
        shutil.copytree(REPO_ROOT / part, bundle / part, ignore=shutil.ignore_patterns("*.ipynb", "__pycache__"))
    (bundle / "figures").mkdir()
    own = bundle / "my work"
    own.mkdir()
    notebook = nbformat.read(NOTEBOOKS[0], as_version=4)
    NotebookClient(notebook, timeout=180, kernel_name="python3", resources={"metadata": {"path": str(own)}}).execute()
    errors = [o for c in notebook.cells for o in c.get("outputs", []) if o.output_type == "error"]
    assert not errors, errors[0].get("evalue") if errors else ""


@pytest.mark.parametrize("text,money", [
    ("From $68.5 bn to $550 bn", True), ("a $1 trillion pledge and a $550 billion fund", True),
    ("Eight offers make $2^8 = 256$ packages", False), ("shares $1-\\alpha$ and $\\alpha$", False),
    ("USD 550 bn", False), ("`$5` in code", False),
])
def test_the_money_check_tells_amounts_from_formulas(text, money):
    assert (money_typeset_as_maths(text) is not None) is money


def test_the_model_section_of_notebook_02_runs_after_the_setup_cell_alone(tmp_path, monkeypatch):
    """The 50-minute plan sends half a class straight to "The model" of notebook 02: its cells must run
    after the setup cell without the sections above."""
    from statusquo import plots

    monkeypatch.setattr(plots, "FIGURES_DIR", tmp_path)
    notebook_cells = cells(REPO_ROOT / "notebooks" / "02_trade_risk.ipynb")
    code = [c for c in notebook_cells if c.cell_type == "code"]
    namespace = {"display": lambda *objects, **options: None}
    exec("\n".join(line for line in code[0].source.splitlines() if not line.startswith("%")), namespace)
    inside = False
    for cell in notebook_cells:
        if cell.cell_type == "markdown" and cell.source.startswith("## "):
            inside = cell.source.startswith("## The model")
        elif inside and cell.cell_type == "code":
            exec(cell.source, namespace)  # a NameError here means the section needs a cell from above
