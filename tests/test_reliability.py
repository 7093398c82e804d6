"""Stored outputs reproduce whatever the hash seed, the order the notebooks run in and the directory
pytest starts from, and the notebooks never reach the network.

One nested nbval run checks all of it at once: every notebook, in reverse order, from a temporary
directory, with PYTHONHASHSEED=4242 and a kernel in which any network connection raises.
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((REPO_ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
GUARD = Path(__file__).with_name("no_network_guard.py")


def ipython_dir_with_guard(tmp_path: Path) -> Path:
    startup = tmp_path / "ipython" / "profile_default" / "startup"
    startup.mkdir(parents=True)
    shutil.copy(GUARD, startup / "00_no_network.py")
    return tmp_path / "ipython"


def test_notebooks_reproduce_under_another_seed_order_and_directory_without_network(tmp_path):
    env = dict(os.environ, PYTHONHASHSEED="4242", IPYTHONDIR=str(ipython_dir_with_guard(tmp_path)))
    command = [sys.executable, "-m", "pytest", "-c", str(REPO_ROOT / "pyproject.toml"),
               f"--rootdir={REPO_ROOT}", "-n", "0", "-q", "-p", "no:randomly",
               *[str(p) for p in reversed(NOTEBOOKS)]]
    result = subprocess.run(command, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
    assert " passed" in result.stdout and " failed" not in result.stdout


def test_the_guard_blocks_outside_hosts_but_not_this_machine(tmp_path):
    program = (
        f"exec(open({str(GUARD)!r}).read())\n"
        "import socket, urllib.request\n"
        "try:\n    urllib.request.urlopen('http://example.org', timeout=2)\nexcept OSError as e:\n"
        "    print('blocked' if 'not allowed' in str(e) else 'other: ' + str(e))\n"
        "server = socket.socket(); server.bind(('127.0.0.1', 0)); server.listen()\n"
        "client = socket.socket(); client.connect(server.getsockname()); print('loopback ok')\n"
    )
    result = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, timeout=30)
    assert result.stdout.split() == ["blocked", "loopback", "ok"], result.stdout + result.stderr


@pytest.mark.parametrize("module", sorted(p.name for p in (REPO_ROOT / "notebooks" / "statusquo").glob("*.py")))
def test_helper_modules_import_no_network_library(module):
    source = (REPO_ROOT / "notebooks" / "statusquo" / module).read_text(encoding="utf-8")
    for library in ("urllib.request", "requests", "http.client", "socket", "urlopen", "httpx"):
        assert f"import {library}" not in source and f"{library}(" not in source, f"{module} uses {library}"
