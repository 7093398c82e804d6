"""The bundle's notebooks, in order: one list (notebooks/contents.csv) that the tools, tests, benchmarks
and Makefile all read, so adding or renaming a notebook is a one-line change."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

NOTEBOOKS_DIR = Path(__file__).resolve().parents[1]
CONTENTS = NOTEBOOKS_DIR / "contents.csv"


@dataclass(frozen=True)
class Entry:
    number: str
    file: str
    title: str
    question: str

    @property
    def heading(self) -> str:
        """The notebook's title as its first heading shows it: '02 · Trade risk: ...'."""
        return f"{self.number} · {self.title}"

    @property
    def stem(self) -> str:
        return Path(self.file).stem


def entries(contents: Path = CONTENTS) -> list[Entry]:
    with contents.open(encoding="utf-8", newline="") as handle:
        return [Entry(**row) for row in csv.DictReader(handle)]


def notebook_paths(folder: Path = NOTEBOOKS_DIR) -> list[Path]:
    """Paths of the notebooks in `folder` (the repository's notebooks/ or a copy of it), in order."""
    return [Path(folder) / entry.file for entry in entries()]
