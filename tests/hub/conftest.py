"""Fixtures of the classroom-hub tests: a real JupyterHub on 127.0.0.1 (hub/run_hub.py), its class
repository, and simulated students (hub/student_client.py).

Each test module gets one hub, started in a temporary folder; its teardown stops the hub and then every
process group that still carries the hub's run marker (students' servers, kernels, git), and fails the
test run if any process survives. Without the hub packages (requirements-hub.txt) the tests are skipped
with one line saying so, except under CI=true, where that is a failure.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO_ROOT / "hub"))

PASSWORD = "class-trial-password"
STUDENTS = ["ann", "ben", "chiara", "dev"]
HUB_PACKAGES = ("jupyterhub", "nbgitpuller", "configurable_http_proxy")


def pytest_configure(config):
    config.addinivalue_line("markers", "hub: starts a local JupyterHub (tests/hub); skip with -m 'not hub'")


def _missing_packages() -> list[str]:
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
        from student_client import Student

        return Student(self.hub.url, name, PASSWORD)

    def home(self, name: str) -> Path:
        return self.hub.homes / name


@pytest.fixture(scope="module")
def classroom(tmp_path_factory):
    missing = _missing_packages()
    if missing:
        message = f"hub tests need {', '.join(missing)}: pip install -r requirements-hub.txt"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    import run_hub

    work = tmp_path_factory.mktemp("hub")
    published = run_hub.publish_bundle(work / "class")
    hub = run_hub.start_hub(work / "state", STUDENTS, PASSWORD)
    try:
        yield Classroom(hub, published, work)
    finally:
        hub.stop()
        survivors = run_hub.processes_of_run(hub.run_id)
        assert not survivors, f"processes of the hub still running after stop: {survivors}"


def git(repository: Path, *args: str) -> str:
    import run_hub

    return run_hub.git(*args, cwd=repository)


def teacher_commits(repository: Path, message: str) -> None:
    git(repository, "add", "--all")
    git(repository, "commit", "--quiet", "-m", message)


def tracked_files(repository: Path) -> set[str]:
    return set(subprocess.run(["git", "ls-files"], cwd=repository, capture_output=True, text=True,
                              check=True).stdout.split("\n")) - {""}
