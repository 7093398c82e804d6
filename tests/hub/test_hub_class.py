"""A class on the local JupyterHub (make hub): a student logs in with the shared password, opens the
nbgitpuller link, gets the bundle in their home folder and runs every cell of notebook 00 in a kernel of
their own server without an error; other names and wrong passwords are refused; and one student cannot
reach another student's server or files through the hub."""

from __future__ import annotations

import json
import re
import sys
import urllib.parse
from concurrent.futures import ThreadPoolExecutor

import nbformat
import pytest
import run_hub
from hub_helpers import PASSWORD
from student_client import HubError, Student

pytestmark = [pytest.mark.hub, pytest.mark.slow]

NOTEBOOK_00 = f"{run_hub.FOLDER}/{run_hub.FIRST_NOTEBOOK}"
# Where the kernel runs, with which Python, and whether the suite's network guard came along.
PROBE = ("import json, os, sys\n"
         "guard = sys.modules.get('no_network')\n"
         "print(json.dumps({'cwd': os.getcwd(), 'prefix': sys.prefix,"
         " 'guarded': bool(guard and guard.installed)}))")


def test_a_student_logs_in_pulls_the_bundle_and_runs_notebook_00_without_errors(classroom):
    student = classroom.student("ann")
    student.log_in()
    repository = classroom.published.as_uri()
    link = run_hub.pull_link(classroom.hub.url, repository)
    # The link the teacher hands out: it starts the student's server and lands on nbgitpuller's page.
    page = student.open_link(link)
    assert page.status_code == 200
    landed = urllib.parse.urlsplit(page.url)
    assert landed.path == "/user/ann/git-pull", page.url
    assert landed.netloc == f"{run_hub.LOOPBACK}:{urllib.parse.urlsplit(classroom.hub.url).port}"
    assert urllib.parse.parse_qs(landed.query)["urlpath"] == [f"lab/tree/{NOTEBOOK_00}"]

    output = "".join(student.pull(repository, run_hub.BRANCH, run_hub.FOLDER))
    assert "git clone" in output
    clone = classroom.home("ann") / run_hub.FOLDER
    assert (clone / run_hub.FIRST_NOTEBOOK).is_file()
    assert run_hub.git("rev-parse", "HEAD", cwd=clone) == run_hub.git("rev-parse", "HEAD", cwd=classroom.published)

    # JupyterLab opens, with its news feed (a request to the internet) switched off.
    lab = student.http.get(f"{student.server_url}/lab", timeout=60)
    config = re.search(r'<script id="jupyter-config-data" type="application/json">(.*?)</script>', lab.text, re.S)
    assert lab.status_code == 200 and json.loads(config.group(1))["news"] == {"disabled": True}

    stored = nbformat.read(clone / run_hub.FIRST_NOTEBOOK, as_version=4)
    code_cells = [cell for cell in stored.cells if cell.cell_type == "code"]
    results = student.run_notebook(NOTEBOOK_00)
    assert len(results) == len(code_cells) > 0
    failures = [f"cell {r.index}: {r.status} {r.errors} {r.stderr[:300]}" for r in results if not r.ok]
    assert not failures, "\n".join(failures)

    probe = student.run_cells(NOTEBOOK_00, [PROBE])[0]
    assert probe.ok, probe.errors
    facts = json.loads(probe.stdout)
    assert facts["cwd"] == str(clone / "notebooks")          # as in JupyterLab: the notebook's folder
    assert facts["prefix"] == sys.prefix                     # the bundle's pinned environment
    assert facts["guarded"] is True                          # the suite's network guard reached the kernel


def test_only_listed_students_with_the_shared_password_get_in(classroom):
    with pytest.raises(HubError, match="refused"):
        Student(classroom.hub.url, "ben", PASSWORD + "x").log_in()
    with pytest.raises(HubError, match="refused"):
        classroom.student("mallory").log_in()
    classroom.student("ben").log_in()


def test_one_student_cannot_open_another_students_server_or_files(classroom):
    owner, other = classroom.student("chiara"), classroom.student("dev")
    owner.log_in()
    other.log_in()
    # Chiara gets the bundle from a git server on 127.0.0.1 (`git daemon`, as make hub --git-daemon).
    daemon, repository = run_hub.start_git_daemon(classroom.published.parent, classroom.hub)
    classroom.hub.extra_processes.append(daemon)  # stopped with the hub, whatever happens here
    # Both servers start at once (as in a class): chiara pulls the bundle, dev just opens JupyterLab.
    with ThreadPoolExecutor(2) as pool:
        started = [pool.submit(owner.open_link, run_hub.pull_link(classroom.hub.url, repository)),
                   pool.submit(other.open_link, f"{classroom.hub.url}/hub/user-redirect/lab")]
        for future in started:
            future.result()
    assert "git clone" in "".join(owner.pull(repository, run_hub.BRANCH, run_hub.FOLDER))
    assert owner.read(NOTEBOOK_00).status_code == 200
    other.request_token()
    # In the browser: chiara's JupyterLab, a file of hers, her contents API with dev's login cookie.
    for path in ("lab", f"files/{run_hub.FOLDER}/README.md", f"api/contents/{run_hub.FOLDER}"):
        response = other.http.get(f"{classroom.hub.url}/user/chiara/{path}", timeout=60)
        assert response.status_code == 403, (path, response.status_code, response.url)
        assert "00_start_here" not in response.text
    # With dev's own API token: her files, her kernels, her sessions, starting a kernel on her server.
    for path in (f"contents/{NOTEBOOK_00}", "kernels", "sessions"):
        assert other.server_api("GET", path, owner="chiara").status_code == 403, path
    assert other.server_api("POST", "kernels", owner="chiara", json={"name": "python3"}).status_code == 403
    # Through the hub's API: her user record, starting or stopping her server, a token in her name.
    assert other.hub_api("GET", "users/chiara").status_code in (403, 404)
    assert other.hub_api("POST", "users/chiara/tokens", json={}).status_code in (403, 404)
    assert other.hub_api("DELETE", "users/chiara/server").status_code in (403, 404)
    # From dev's own server, the contents API stays inside dev's home folder.
    assert other.read("../chiara/" + NOTEBOOK_00).status_code in (403, 404)
    # Chiara's server is still up and hers.
    assert owner.read(NOTEBOOK_00).status_code == 200
