"""How long each notebook takes, computed from what it contains, and the teachers' plans that use it.

A notebook's time is its reading time (words of markdown at WORDS_PER_MINUTE, the pace a first-year
student keeps on dense material) plus the minutes each exercise declares where it is registered
(statusquo/*.py) plus PANEL_MINUTES for each interactive panel, rounded up to the next 5 minutes.
The title cell of every notebook states that time in one line, `| **Time** | ... |`, which this script
writes; teacher/minutes.csv holds the class plans (one row per segment) and this script renders them
into the teacher files between `<!-- minutes:PLAN -->` and `<!-- /minutes -->`. The tests fail when a
stored time, table or plan total disagrees with what this script computes.
Run:  python tools/lesson_times.py
"""

from __future__ import annotations

import csv
import math
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "notebooks"))
from statusquo.contents import notebook_paths  # noqa: E402
from statusquo.exercises import EXERCISES  # noqa: E402  (importing statusquo registers every exercise)

WORDS_PER_MINUTE = 130
PANEL_MINUTES = 3
MINUTES_CSV = ROOT / "teacher" / "minutes.csv"
TEACHER_DIR = ROOT / "teacher"
CHECK_CALL = re.compile(r'check\("([0-9.]+)"')
TIME_ROW = re.compile(r"^\| \*\*Time\*\* \|.*\|$", re.MULTILINE)
PROMISE_MINUTES = re.compile(r"in about \d+ minutes")
PLAN_BLOCK = re.compile(r"(<!-- minutes:(?P<plan>[a-z0-9_]+) -->\n).*?(<!-- /minutes -->)", re.DOTALL)
MARKDOWN_NOISE = re.compile(r"<[^>]+>|\]\([^)]*\)|[#*|`>_-]+")


@dataclass(frozen=True)
class NotebookTime:
    name: str
    words: int
    exercises: tuple[str, ...]
    exercise_minutes: float
    panels: int

    @property
    def reading_minutes(self) -> float:
        return self.words / WORDS_PER_MINUTE

    @property
    def total(self) -> int:
        raw = self.reading_minutes + self.exercise_minutes + self.panels * PANEL_MINUTES
        return int(5 * math.ceil(raw / 5))

    def row(self) -> str:
        return (f"| **Time** | about {self.total} minutes: {round(self.reading_minutes)} reading "
                f"({self.words:,} words at {WORDS_PER_MINUTE} a minute), {round(self.exercise_minutes)} for "
                f"{len(self.exercises)} exercises, {self.panels * PANEL_MINUTES} for "
                f"{self.panels} panel{'s' if self.panels != 1 else ''} |")


def notebooks() -> list[Path]:
    return notebook_paths()


def _is_panel(cell) -> bool:
    # A panel is displayed by a cell whose output nbval ignores (widgets differ under nbval) and that
    # calls a *_panel function; the static default drawn after it is not counted again.
    return cell.cell_type == "code" and "NBVAL_IGNORE_OUTPUT" in cell.source and "panel(" in cell.source


def notebook_time(path: Path) -> NotebookTime:
    cells = nbformat.read(path, as_version=4).cells
    words = sum(len(MARKDOWN_NOISE.sub(" ", c.source).split()) for c in cells
                if c.cell_type == "markdown" and "navigation" not in c.metadata.get("tags", []))
    ids = []
    for cell in cells:
        if "exercise" in cell.metadata.get("tags", []):
            ids += [i for i in CHECK_CALL.findall(cell.source) if i not in ids]
    minutes = sum(EXERCISES[i].minutes for i in ids)
    return NotebookTime(path.stem, words, tuple(ids), minutes, sum(_is_panel(c) for c in cells))


def with_stated_time(notebook, time: NotebookTime):
    title = notebook.cells[0]
    title.source = PROMISE_MINUTES.sub(f"in about {time.total} minutes", title.source)
    if TIME_ROW.search(title.source):
        title.source = TIME_ROW.sub(time.row(), title.source)
    return notebook


def plans() -> dict[str, list[dict]]:
    rows: dict[str, list[dict]] = {}
    with MINUTES_CSV.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            rows.setdefault(row["plan"], []).append(row)
    return {plan: sorted(segments, key=lambda r: int(r["order"])) for plan, segments in rows.items()}


def plan_table(segments: list[dict]) -> str:
    lines = ["| Minutes | Segment | Where | What happens |", "|---|---|---|---|"]
    start = 0
    for row in segments:
        end = start + int(row["minutes"])
        where = " ".join(filter(None, [f"`{row['notebook']}`" if row["notebook"] else "", row["section"]]))
        lines.append(f"| {start}–{end} | {row['segment']} | {where or '—'} | {row['activity']} |")
        start = end
    lines.append(f"| **{start}** | **total** | | |")
    return "\n".join(lines) + "\n"


NOTEBOOK_TIMES = "notebooks"  # the block that lists every notebook's own computed time


def notebook_times_table() -> str:
    lines = ["| Notebook | Minutes | Reading | Exercises | Panels |", "|---|---|---|---|---|"]
    for path in notebooks():
        time = notebook_time(path)
        lines.append(f"| `{path.stem}` | {time.total} | {round(time.reading_minutes)} ({time.words:,} words) | "
                     f"{round(time.exercise_minutes)} ({len(time.exercises)}) | {time.panels * PANEL_MINUTES} |")
    return "\n".join(lines) + "\n"


def render_teacher_file(text: str, all_plans: dict[str, list[dict]]) -> str:
    def replace(match):
        plan = match.group("plan")
        if plan == NOTEBOOK_TIMES:
            return match.group(1) + notebook_times_table() + match.group(3)
        if plan not in all_plans:
            raise KeyError(f"teacher file names plan {plan!r}, which teacher/minutes.csv does not have")
        return match.group(1) + plan_table(all_plans[plan]) + match.group(3)
    return PLAN_BLOCK.sub(replace, text)


def main() -> None:
    for path in notebooks():
        notebook = nbformat.read(path, as_version=4)
        time = notebook_time(path)
        nbformat.write(with_stated_time(notebook, time), path)
        print(f"{path.stem}: {time.row()}")
    all_plans = plans()
    for path in sorted(TEACHER_DIR.glob("*.md")):
        text = path.read_text(encoding="utf-8")
        rendered = render_teacher_file(text, all_plans)
        if rendered != text:
            path.write_text(rendered, encoding="utf-8")
            print(f"plan tables written in {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
