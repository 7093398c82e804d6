"""Repository furniture a teacher or maintainer relies on: licence, citation, data terms, guides."""

from pathlib import Path

import yaml

REPO_ROOT = Path(__file__).resolve().parents[1]


def test_citation_file_is_valid_cff():
    citation = yaml.safe_load((REPO_ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    for key in ("cff-version", "message", "title", "authors", "license"):
        assert key in citation, key
    assert citation["cff-version"] == "1.2.0"


def test_licence_covers_code_and_text_and_excludes_the_article():
    licence = (REPO_ROOT / "LICENSE").read_text(encoding="utf-8")
    assert "MIT License" in licence and "CC BY 4.0" in licence
    assert "not included" in licence


def test_teacher_guides_listed_in_the_index_exist():
    index = (REPO_ROOT / "teacher" / "README.md").read_text(encoding="utf-8")
    import re

    for name in re.findall(r"\]\(([a-z0-9_]+\.md)\)", index):
        assert (REPO_ROOT / "teacher" / name).is_file(), f"teacher/{name} is listed but missing"
