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


def test_answer_guide_matches_the_notebooks():
    import sys

    sys.path.insert(0, str(REPO_ROOT / "tools"))
    import build_answer_guide

    stored = (REPO_ROOT / "teacher" / "answer_guide.md").read_text(encoding="utf-8")
    assert stored == build_answer_guide.render(), "run: python tools/build_answer_guide.py"


def test_readme_quick_start_gives_the_two_commands_and_ci_runs_the_test_one():
    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    assert "make lab" in readme and "make test" in readme
    ci = (REPO_ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "\nmake test\n" in ci
