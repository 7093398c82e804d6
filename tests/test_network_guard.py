"""The network guard (tests/network_guard) refuses every host but this machine, in every process the
suite starts. These tests never let a packet leave: every original socket call the guard would pass a
request on to is replaced by a recording fake first, so even a broken guard cannot reach a host, and
the addresses tried are from TEST-NET-3 (203.0.113.0/24), which is reserved for documentation."""

from __future__ import annotations

import _socket
import os
import socket
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

GUARD_FOLDER = Path(__file__).with_name("network_guard")
sys.path.insert(0, str(GUARD_FOLDER))
import no_network  # noqa: E402  (the same module object sitecustomize installed, when it did)

OUTSIDE = ("203.0.113.7", 80)


class Recorder:
    """Stands in for one original socket function: records its arguments, returns a harmless value."""

    def __init__(self, result=None):
        self.calls, self.result = [], result

    def __call__(self, *args, **kwargs):
        self.calls.append(args)
        return self.result


@pytest.fixture
def fakes(monkeypatch):
    """The guard installed in this process, with every original it wraps replaced by a Recorder."""
    was_installed = no_network.installed
    no_network.install()
    recorders = {}
    for key in list(no_network._ORIGINAL):
        if key == "_socket.socket":
            continue
        recorders[key] = Recorder(result=0 if key.endswith("connect_ex") else None)
        monkeypatch.setitem(no_network._ORIGINAL, key, recorders[key])
    yield recorders
    if not was_installed:
        no_network.uninstall()


@pytest.mark.parametrize("host,local", [
    ("127.0.0.1", True), ("127.5.0.1", True), ("::1", True), ("localhost", True), ("0.0.0.0", True),
    (None, True), (b"127.0.0.1", True), ("203.0.113.7", False), ("example.org", False),
    ("2001:db8::1", False), ("10.0.0.1", False),
])
def test_which_hosts_count_as_this_machine(host, local):
    assert no_network.is_local(host) is local


@pytest.mark.parametrize("call", [
    lambda s: s.connect(OUTSIDE),
    lambda s: s.connect_ex(OUTSIDE),
])
def test_tcp_connections_to_other_hosts_are_refused_before_the_original_runs(fakes, call):
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock, \
            pytest.raises(no_network.NetworkBlocked, match="not allowed"):
        call(sock)
    assert fakes["connect"].calls == [] and fakes["connect_ex"].calls == []


def test_udp_datagrams_to_other_hosts_are_refused(fakes):
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        with pytest.raises(no_network.NetworkBlocked):
            sock.sendto(b"x", OUTSIDE)
        with pytest.raises(no_network.NetworkBlocked):
            sock.sendto(b"x", 0, OUTSIDE)
        with pytest.raises(no_network.NetworkBlocked):
            sock.sendmsg([b"x"], [], 0, OUTSIDE)
    assert fakes["sendto"].calls == [] and fakes["sendmsg"].calls == []


@pytest.mark.parametrize("name", no_network.LOOKUPS)
def test_name_lookups_of_other_hosts_are_refused(fakes, name):
    for module in (socket, _socket):
        with pytest.raises(no_network.NetworkBlocked, match="look up"):
            getattr(module, name)("example.org")
    assert fakes[name].calls == [] and fakes[f"_socket.{name}"].calls == []


def test_this_machine_is_let_through_to_the_original(fakes):
    with socket.socket() as sock:
        sock.connect(("127.0.0.1", 9))
    socket.getaddrinfo("localhost", 9)
    assert fakes["connect"].calls[0][1] == ("127.0.0.1", 9)
    assert fakes["getaddrinfo"].calls[0][0] == "localhost"


def test_the_c_socket_type_is_the_guarded_one(fakes):
    sock = _socket.socket(socket.AF_INET, socket.SOCK_STREAM)  # the C type has no context manager
    try:
        with pytest.raises(no_network.NetworkBlocked):
            sock.connect(OUTSIDE)
    finally:
        sock.close()
    assert fakes["connect"].calls == []


def test_child_processes_and_their_children_start_guarded(tmp_path):
    """A process the suite starts (as a notebook's subprocess would be) and the process that one starts
    both have the guard installed and point programs that are not Python at a closed local proxy."""
    probe = textwrap.dedent("""
        import os, socket, no_network
        if not no_network.installed:  # never try a connection without the guard in place
            raise SystemExit("guard not installed")
        no_network._ORIGINAL["connect"] = lambda *a: print("REACHED THE ORIGINAL")
        try:
            socket.socket().connect(("203.0.113.7", 80))
        except no_network.NetworkBlocked:
            print("blocked", no_network.installed, os.environ["https_proxy"])
    """)
    (tmp_path / "probe.py").write_text(probe)
    parent = f"import subprocess, sys; subprocess.run([sys.executable, {str(tmp_path / 'probe.py')!r}])"
    for program in (probe, parent):
        result = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, timeout=60,
                                env=os.environ)
        assert result.stdout.split() == ["blocked", "True", no_network.CLOSED_LOCAL_PROXY], result.stderr


def test_nbval_kernels_start_guarded():
    """The kernels nbval starts for every notebook in the suite import the guard before any cell runs."""
    from nbval.kernel import CURRENT_ENV_KERNEL_NAME, RunningKernel

    kernel = RunningKernel(CURRENT_ENV_KERNEL_NAME, cwd=str(GUARD_FOLDER))
    try:
        msg_id = kernel.execute_cell_input(
            "import socket, no_network; print(no_network.installed, socket.socket.connect is no_network._connect)")
        printed = []
        while True:
            message = kernel.get_message("iopub", timeout=60)
            if message["parent_header"].get("msg_id") != msg_id:
                continue
            if message["msg_type"] == "stream":
                printed.append(message["content"]["text"])
            if message["msg_type"] == "status" and message["content"]["execution_state"] == "idle":
                break
    finally:
        kernel.stop()
    assert "".join(printed).split() == ["True", "True"]
