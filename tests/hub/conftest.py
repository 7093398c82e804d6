"""Fixtures of the classroom-hub tests: a real JupyterHub on 127.0.0.1 (hub/run_hub.py), its class
repository, and simulated students (hub/student_client.py).

Each test module gets one hub, started in a temporary folder; its teardown stops the hub and then every
process group that still carries the hub's run marker (students' servers, kernels, git), and fails the
test run if any process survives. Without the hub packages (requirements-hub.txt) the tests are skipped
with one line saying so, except under CI=true, where that is a failure.
"""

from __future__ import annotations

import pytest
from hub_helpers import PASSWORD, STUDENTS, Classroom, require_hub_packages


def pytest_configure(config):
    config.addinivalue_line("markers", "hub: starts a local JupyterHub (tests/hub); skip with -m 'not hub'")


@pytest.fixture(scope="module")
def classroom(tmp_path_factory):
    require_hub_packages()
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
