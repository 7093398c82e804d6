"""Helpers of the classroom-hub tests (tests/hub): the class, its repository copies, the teacher's commits.
The fixture that starts the hub is in conftest.py."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO_ROOT / "hub"))

import run_hub  # noqa: E402
from student_client import Student  # noqa: E402

PASSWORD = "class-trial-password"
STUDENTS = ["ann", "ben", "chiara", "dev"]
HUB_PACKAGES = ("jupyterhub", "nbgitpuller", "configurable_http_proxy")


def require_hub_packages() -> None:
    """Skip with one line naming what is missing; under CI=true, fail instead."""
    import pytest

    missing = missing_packages()
    if missing:
        message = f"hub tests need {', '.join(missing)}: pip install -r requirements-hub.txt"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)


def missing_packages() -> list[str]:
    missing = [name for name in HUB_PACKAGES if importlib.util.find_spec(name) is None]
    if not (Path(sys.executable).parent / "configurable-http-proxy").exists() and "configurable_http_proxy" not in missing:
        missing.append("configurable-http-proxy (its command)")
    return missing


@dataclass
class Classroom:
    hub: object          # run_hub.Hub
    published: Path      # the class repository as published (never changed by a test)
    work: Path

    def repository_copy(self, name: str) -> Path:
        """A class repository of the test's own, so a teacher's commits in one test reach no other."""
        copy = self.work / "repositories" / name / "status-quo-ask"
        shutil.copytree(self.published, copy)
        return copy

    def student(self, name: str):
        return Student(self.hub.url, name, PASSWORD)

    def home(self, name: str) -> Path:
        return self.hub.homes / name


def git(repository: Path, *args: str) -> str:
    return run_hub.git(*args, cwd=repository)


def teacher_commits(repository: Path, message: str) -> None:
    git(repository, "add", "--all")
    git(repository, "commit", "--quiet", "-m", message)


def tracked_files(repository: Path) -> set[str]:
    return set(subprocess.run(["git", "ls-files"], cwd=repository, capture_output=True, text=True,
                              check=True).stdout.split("\n")) - {""}
