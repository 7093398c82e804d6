"""What happens to a student's copy when the teacher publishes an update and the student clicks the
nbgitpuller link again (teacher/classroom_server.md explains these outcomes to teachers).

Each test gives its student a class repository of their own. The teacher edits it as a teacher would
(nbformat writes notebooks exactly as JupyterLab saves them) and commits; the student edits through their
server's contents API, as JupyterLab saves; the second pull runs through the hub like the first.
"""

from __future__ import annotations

import csv
import io
import re

import nbformat
import pytest
import run_hub
from hub_helpers import git, teacher_commits, tracked_files
from student_client import HubError

from statusquo.contents import entries

pytestmark = [pytest.mark.hub, pytest.mark.slow]

# The bundle's first three notebooks, from its one list of notebooks (notebooks/contents.csv).
NB00, NB01, NB02 = (f"notebooks/{entry.file}" for entry in entries()[:3])
TIMESTAMPED = r"__\d{14}"  # nbgitpuller's suffix for a renamed student file


def in_home(path: str) -> str:
    return f"{run_hub.FOLDER}/{path}"


def first_pull(classroom, name: str, repository):
    student = classroom.student(name)
    student.log_in()
    student.open_link(run_hub.pull_link(classroom.hub.url, repository.as_uri()))
    student.pull(repository.as_uri(), run_hub.BRANCH, run_hub.FOLDER)
    return student


def pull_again(student, repository) -> str:
    return "".join(student.pull(repository.as_uri(), run_hub.BRANCH, run_hub.FOLDER))


def source(cell) -> str:
    return cell["source"] if isinstance(cell["source"], str) else "".join(cell["source"])


def markdown_indices(notebook) -> list[int]:
    return [i for i, cell in enumerate(notebook["cells"]) if cell["cell_type"] == "markdown"]


def code_indices(notebook) -> list[int]:
    return [i for i, cell in enumerate(notebook["cells"]) if cell["cell_type"] == "code"]


def teacher_edit_notebook(repository, path, edit) -> None:
    notebook = nbformat.read(repository / path, as_version=4)
    edit(notebook)
    nbformat.write(notebook, repository / path)


def student_edit_notebook(student, path, edit) -> None:
    notebook = student.notebook(in_home(path))
    edit(notebook)
    student.save_notebook(in_home(path), notebook)


def read_notebook(clone, path):
    """The student's notebook as the server and nbformat see it: must be valid."""
    notebook = nbformat.read(clone / path, as_version=4)
    nbformat.validate(notebook)
    return notebook


def test_a_teacher_update_reaches_students_without_losing_their_work(classroom):
    repository = classroom.repository_copy("update")
    student = first_pull(classroom, "ann", repository)
    clone = classroom.home("ann") / run_hub.FOLDER
    original = nbformat.read(repository / NB00, as_version=4)
    teacher_cell, student_cell = markdown_indices(original)[2], code_indices(original)[-1]
    assert student_cell - teacher_cell >= 3, "the two edited cells should be apart"
    csv_path = sorted(p.relative_to(repository).as_posix() for p in (repository / "data" / "article").glob("*.csv"))[0]

    # The student answers in a code cell of notebook 00 and writes notes in a new file homework.md.
    student_line = "# My answer: the claim in P3 is an expectation, not a fact."
    student_edit_notebook(student, NB00, lambda nb: nb["cells"][student_cell].__setitem__(
        "source", source(nb["cells"][student_cell]) + "\n" + student_line))
    student_notes = "My notes for homework, not the teacher's.\n"
    student.save_text(in_home("notebooks/homework.md"), student_notes)

    # The teacher fixes another cell of notebook 00, corrects a CSV row and adds notebooks/homework.md.
    teacher_line = "Correction from your teacher: read P3 again before you start."

    def fix_cell(notebook):
        notebook.cells[teacher_cell].source += "\n\n" + teacher_line
    teacher_edit_notebook(repository, NB00, fix_cell)
    rows = list(csv.reader(io.StringIO((repository / csv_path).read_text(encoding="utf-8"), newline="")))
    rows[1][-1] = rows[1][-1] + " (corrected)"
    buffer = io.StringIO(newline="")
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    (repository / csv_path).write_text(buffer.getvalue(), encoding="utf-8", newline="")
    teacher_homework = "# Homework\n\nAnswer Exercise 00.1 in writing.\n"
    (repository / "notebooks" / "homework.md").write_text(teacher_homework, encoding="utf-8")
    teacher_commits(repository, "Correct a cell of 00, a row of the article table; add homework")

    output = pull_again(student, repository)

    merged = read_notebook(clone, NB00)
    assert len(merged.cells) == len(original.cells)
    assert merged.cells[student_cell].source.endswith(student_line)             # the student's answer kept
    assert merged.cells[teacher_cell].source.endswith(teacher_line)             # the teacher's fix arrived
    assert (clone / csv_path).read_text(encoding="utf-8") == buffer.getvalue()  # corrected row arrived
    assert (clone / "notebooks" / "homework.md").read_text(encoding="utf-8") == teacher_homework
    renamed = [p for p in (clone / "notebooks").glob("homework__*.md") if re.fullmatch(
        "homework" + TIMESTAMPED + r"\.md", p.name)]
    assert len(renamed) == 1, output                                             # the student's file kept,
    assert renamed[0].read_text(encoding="utf-8") == student_notes               # under a timestamped name
    assert "to avoid conflict with upstream" in output
    # Nothing lost: every file of the teacher's commit is in the student's copy, and the server opens 00.
    assert tracked_files(repository) <= {p.relative_to(clone).as_posix() for p in clone.rglob("*") if p.is_file()}
    assert student.read(in_home(NB00)).json()["type"] == "notebook"
    # Every file the student did not touch is the teacher's version.
    untouched = tracked_files(repository) - {NB00}
    assert all((clone / p).read_bytes() == (repository / p).read_bytes() for p in untouched)


def test_where_the_students_version_wins_and_how_to_get_the_teachers(classroom):
    repository = classroom.repository_copy("clashes")
    worksheet = "notebooks/worksheet.md"
    (repository / worksheet).write_text("# Worksheet\n\n1. Which paragraph names the summit?\n", encoding="utf-8")
    teacher_commits(repository, "Add a worksheet")
    student = first_pull(classroom, "ben", repository)
    clone = classroom.home("ben") / run_hub.FOLDER
    title_line = nbformat.read(repository / NB00, as_version=4).cells[0].source.split("\n")[0]
    place = markdown_indices(nbformat.read(repository / NB01, as_version=4))[3]
    cells_01 = len(nbformat.read(repository / NB01, as_version=4).cells)
    deleted = NB02

    # The student: changes the title line of 00, adds a cell to 01 after cell `place`, answers on the
    # worksheet, and deletes notebook 02.
    student_title = title_line + " (my copy)"
    student_edit_notebook(student, NB00, lambda nb: nb["cells"][0].__setitem__(
        "source", source(nb["cells"][0]).replace(title_line, student_title, 1)))
    student_edit_notebook(student, NB01, lambda nb: nb["cells"].insert(
        place + 1, nbformat.v4.new_markdown_cell("My own note on this section.")))
    student.save_text(in_home(worksheet), "# Worksheet\n\n1. Which paragraph names the summit? P2.\n")
    assert student.server_api("DELETE", f"contents/{in_home(deleted)}").status_code == 204

    # The teacher: changes the same title line, adds a cell at the same place in 01, deletes the worksheet.
    teacher_title = title_line + " (revised)"

    def retitle(notebook):
        notebook.cells[0].source = notebook.cells[0].source.replace(title_line, teacher_title, 1)
    teacher_edit_notebook(repository, NB00, retitle)
    teacher_edit_notebook(repository, NB01, lambda nb: nb.cells.insert(
        place + 1, nbformat.v4.new_markdown_cell("A hint from your teacher.")))
    (repository / worksheet).unlink()
    teacher_commits(repository, "Retitle 00, a hint in 01, drop the worksheet")

    output = pull_again(student, repository)

    # 1. Both changed the same line: the student's line stays, the teacher's does not arrive.
    title = read_notebook(clone, NB00).cells[0].source
    assert student_title in title and teacher_title not in title
    # 2. Both added a cell at the same place: the student's cell stays, the teacher's is dropped silently.
    sources_01 = [cell.source for cell in read_notebook(clone, NB01).cells]
    assert "My own note on this section." in sources_01
    assert "A hint from your teacher." not in sources_01
    assert len(sources_01) == cells_01 + 1
    # Nothing in the pull's log tells the student that the teacher's cell was dropped.
    assert not [line for line in output.splitlines() if "CONFLICT" in line and NB01 in line], output
    # 3. The teacher deleted a file the student had changed: the student's file stays.
    assert "P2." in (clone / worksheet).read_text(encoding="utf-8")
    # 4. (Not a clash.) The student deleted a notebook: it comes back, as the teacher has it.
    assert (clone / deleted).read_bytes() == (repository / deleted).read_bytes()

    # What to do: the student renames their copies (File > Rename) and clicks the link again. The
    # teacher's versions come back under the original names; the renamed copies keep the student's work.
    for path in (NB00, NB01):
        mine = path.replace(".ipynb", "_mine.ipynb")
        response = student.server_api("PATCH", f"contents/{in_home(path)}", json={"path": in_home(mine)})
        assert response.status_code == 200, response.text
    pull_again(student, repository)
    assert read_notebook(clone, NB00).cells[0].source == nbformat.read(repository / NB00, as_version=4).cells[0].source
    assert "A hint from your teacher." in [cell.source for cell in read_notebook(clone, NB01).cells]
    assert student_title in read_notebook(clone, NB00.replace(".ipynb", "_mine.ipynb")).cells[0].source
    assert "My own note on this section." in [c.source for c in read_notebook(clone, NB01.replace(".ipynb", "_mine.ipynb")).cells]
    assert git(clone, "status", "--porcelain", "--", NB00, NB01) == ""  # the originals match the teacher's

    # Never rewrite the published history (a repository made anew, a force-push): the next pull fails.
    run_hub.git("checkout", "--quiet", "--orphan", "fresh", cwd=repository)
    teacher_commits(repository, "The same files, in a history of their own")
    run_hub.git("branch", "--quiet", "-M", "fresh", run_hub.BRANCH, cwd=repository)
    with pytest.raises(HubError, match="unrelated histories"):
        pull_again(student, repository)
    # The way out: a link with backup=true moves the old folder aside (status-quo-ask_backup_TIMESTAMP)
    # and clones afresh.
    student.pull(repository.as_uri(), run_hub.BRANCH, run_hub.FOLDER, backup="true")
    backups = list(clone.parent.glob(f"{run_hub.FOLDER}_backup_*"))
    assert len(backups) == 1 and (backups[0] / NB00.replace(".ipynb", "_mine.ipynb")).is_file()
    assert git(clone, "rev-parse", "HEAD") == git(repository, "rev-parse", "HEAD")
