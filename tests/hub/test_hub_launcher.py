"""`make hub` (hub/run_hub.py): it says it is a local trial, prints a link that points at 127.0.0.1 and
the class repository (here served by `git daemon` on 127.0.0.1), and Ctrl-C (SIGINT) stops everything."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
import urllib.parse
from pathlib import Path

import pytest
import run_hub
from hub_helpers import REPO_ROOT, require_hub_packages

pytestmark = [pytest.mark.hub, pytest.mark.slow]


def processes_with_state(state: Path) -> list[int]:
    """Processes started for this hub: their environment names its state folder."""
    return run_hub.processes_with_variable("STATUSQUO_HUB_STATE", str(state))


def test_make_hub_prints_a_local_link_and_stops_everything_on_ctrl_c(tmp_path):
    require_hub_packages()
    state = tmp_path / "hub"
    command = [sys.executable, str(REPO_ROOT / "hub" / "run_hub.py"), "--port", "0", "--state", str(state),
               "--students", "ann,Ben", "--password", "trial-password", "--git-daemon"]
    launcher = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                                start_new_session=True)
    lines = []
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and not any("Press Ctrl-C" in line for line in lines):
            line = launcher.stdout.readline()
            if not line and launcher.poll() is not None:
                break
            lines.append(line)
        banner = "".join(lines)
        assert "LOCAL TRIAL ONLY" in banner and "not an internet-facing server" in banner, banner
        assert "Students (log in with the shared password): ann, ben" in banner
        link = next(line.strip() for line in lines if "/hub/user-redirect/git-pull?" in line)
        parts = urllib.parse.urlsplit(link)
        assert parts.hostname == run_hub.LOOPBACK
        query = urllib.parse.parse_qs(parts.query)
        assert query["urlpath"] == [f"lab/tree/{run_hub.FOLDER}/{run_hub.FIRST_NOTEBOOK}"]
        assert query["targetpath"] == [run_hub.FOLDER]
        repository = urllib.parse.urlsplit(query["repo"][0])
        assert (repository.scheme, repository.hostname) == ("git", run_hub.LOOPBACK)
        # The repository behind the link serves the bundle's first notebook on branch main.
        heads = subprocess.run(["git", "ls-remote", "--heads", query["repo"][0]], capture_output=True,
                               text=True, check=True, timeout=30).stdout
        assert heads.strip().endswith("refs/heads/main")
        published = state / "class" / run_hub.FOLDER
        assert (published / run_hub.FIRST_NOTEBOOK).is_file()
        assert processes_with_state(state)
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(launcher.pid, signal.SIGINT)  # what Ctrl-C in the terminal sends
        try:
            launcher.wait(timeout=60)
        finally:
            for pid in processes_with_state(state):  # never leave a process behind, even on failure
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(os.getpgid(pid), signal.SIGKILL)
    assert launcher.returncode == 0, launcher.stdout.read()
    assert not processes_with_state(state)
