"""Suite-wide settings for pytest and nbval. Loaded before any test or notebook is collected."""

from __future__ import annotations

import hashlib
import os
import subprocess
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent

# Set before any kernel starts: nbval kernels inherit this environment, so set iteration order
# (and anything else hash-seeded) is the same in every run.
os.environ.setdefault("PYTHONHASHSEED", "0")
# Figures drawn by unit tests never need a screen.
os.environ.setdefault("MPLBACKEND", "Agg")
# Every process the suite starts (nbval kernels, xdist workers, the browser tests' JupyterLab, anything a
# notebook starts) imports tests/network_guard/sitecustomize.py first, which refuses any host but this one.
NETWORK_GUARD = REPO_ROOT / "tests" / "network_guard"
if str(NETWORK_GUARD) not in os.environ.get("PYTHONPATH", "").split(os.pathsep):
    os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(NETWORK_GUARD), os.environ.get("PYTHONPATH")]))


def pytest_configure(config):
    # The sanitize file is named relative to the repository, so pytest works from any directory.
    sanitize = getattr(config.option, "nbval_sanitize_with", None)
    if sanitize and not Path(sanitize).is_absolute():
        config.option.nbval_sanitize_with = str(REPO_ROOT / sanitize)
    if not hasattr(config, "workerinput"):
        config._tree_before = _working_tree_state()


def _working_tree_state() -> dict[str, str] | None:
    """Hash of every file git reports as changed or untracked; None outside a git checkout."""
    try:
        listing = subprocess.run(
            ["git", "status", "--porcelain=v1", "--untracked-files=all", "-z"],
            cwd=REPO_ROOT, capture_output=True, check=True,
        ).stdout.decode("utf-8")
    except (OSError, subprocess.CalledProcessError):
        return None
    state = {}
    for entry in filter(None, listing.split("\0")):
        path = REPO_ROOT / entry[3:]
        digest = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else "gone"
        state[entry[3:]] = f"{entry[:2]} {digest}"
    return state


def pytest_sessionfinish(session, exitstatus):
    """Fail the run when the suite changed the working tree (a figure that is not byte-identical,
    a stray file): a test run must leave `git status` as it found it."""
    config = session.config
    before = getattr(config, "_tree_before", None)
    if hasattr(config, "workerinput") or before is None:
        return
    after = _working_tree_state() or {}
    changed = sorted(p for p in set(before) | set(after) if before.get(p) != after.get(p)
                     and not p.startswith(("build/", ".venv/")))
    if changed:
        reporter = config.pluginmanager.get_plugin("terminalreporter")
        message = ("The test run changed the working tree (figures must be byte-identical, "
                   "nothing may be written outside figures/ and build/): " + ", ".join(changed))
        if reporter:
            reporter.write_line(message, red=True)
        session.exitstatus = 1


def pytest_collection_modifyitems(config, items):
    """Tests under tests/browser drive Chromium: marked `browser`, so `-m "not browser"` leaves them out."""
    import pytest

    for item in items:
        if "browser" in Path(str(item.fspath)).parts:
            item.add_marker(pytest.mark.browser)
