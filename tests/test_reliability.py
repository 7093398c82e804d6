"""Stored outputs reproduce whatever the hash seed, the order the notebooks run in and the directory
pytest starts from, and the notebooks never reach the network.

One nested nbval run checks all of it at once: every notebook of a copy of the bundle, in reverse
order, started from another directory, with PYTHONHASHSEED=4242, under the suite's network guard
(tests/network_guard); afterwards the copy's figures must be byte-identical to the stored ones.
"""

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from statusquo.contents import notebook_paths

REPO_ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = notebook_paths()


def figure_digests(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.glob("*.png"))}


@pytest.mark.slow
def test_notebooks_reproduce_under_another_seed_order_and_directory_without_network(tmp_path):
    # A private copy of the bundle: the nested run writes its figures there, so it cannot race with the
    # notebooks that other test workers are running at the same time.
    copy = tmp_path / "bundle"
    shutil.copytree(REPO_ROOT, copy, ignore=shutil.ignore_patterns(".git", ".venv", "build", "__pycache__",
                                                                    ".ipynb_checkpoints"))
    notebooks = notebook_paths(copy / "notebooks")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    # The network guard comes with the environment (conftest.py puts it on PYTHONPATH for every child).
    env = dict(os.environ, PYTHONHASHSEED="4242")
    command = [sys.executable, "-m", "pytest", "-c", str(copy / "pyproject.toml"), f"--rootdir={copy}",
               "-n", "0", "-q", "-p", "no:randomly", *[str(p) for p in reversed(notebooks)]]
    result = subprocess.run(command, cwd=elsewhere, env=env, capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
    assert " passed" in result.stdout and " failed" not in result.stdout
    assert figure_digests(copy / "figures") == figure_digests(REPO_ROOT / "figures"), "figures not byte-identical"


@pytest.mark.parametrize("module", sorted(p.name for p in (REPO_ROOT / "notebooks" / "statusquo").glob("*.py")))
def test_helper_modules_import_no_network_library(module):
    source = (REPO_ROOT / "notebooks" / "statusquo" / module).read_text(encoding="utf-8")
    for library in ("urllib.request", "requests", "http.client", "socket", "urlopen", "httpx"):
        assert f"import {library}" not in source and f"{library}(" not in source, f"{module} uses {library}"
