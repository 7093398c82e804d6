"""Refuse every attempt to reach a host other than this machine, before a packet or a DNS query leaves.

The test suite puts this folder first on PYTHONPATH (see conftest.py), so `sitecustomize.py` here
installs the guard in every Python process the suite starts: each nbval kernel, the JupyterLab server of
the browser tests, nested pytest runs, and any child process a notebook starts (they inherit the
environment, which this module also points at a closed local proxy for programs that are not Python).

What is guarded: socket.connect, connect_ex, sendto and sendmsg on internet sockets; getaddrinfo,
gethostbyname(_ex) and gethostbyaddr; and the C socket type `_socket.socket`, which is replaced by a
guarded subclass so code that bypasses the `socket` module is covered too. Loopback addresses and Unix
sockets pass. Jupyter's kernel messaging uses ZeroMQ over loopback and is unaffected.
"""

from __future__ import annotations

import _socket
import ipaddress
import os
import socket

# Programs that are not Python (curl, git, a browser started from a cell) honour these variables: their
# requests go to the discard port on this machine, which nothing listens on, and fail at once.
CLOSED_LOCAL_PROXY = "http://127.0.0.1:9"
PROXY_VARIABLES = ("http_proxy", "https_proxy", "all_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY")
LOCAL_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost", ""}

_ORIGINAL: dict = {}
installed = False


class NetworkBlocked(ConnectionRefusedError):
    """Raised instead of reaching another host."""


def is_local(host) -> bool:
    if host is None:
        return True  # getaddrinfo(None, port) means this machine's own wildcard address
    if isinstance(host, bytes):
        host = host.decode("ascii", "replace")
    host = str(host).strip("[]").split("%")[0]
    if host.lower() in LOCAL_NAMES:
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False  # a name other than localhost would need a DNS lookup
    return address.is_loopback or address.is_unspecified


def _refuse(what: str, target) -> None:
    raise NetworkBlocked(f"network access is not allowed here: {what} {target!r}")


def _is_internet(sock) -> bool:
    return sock.family in (socket.AF_INET, socket.AF_INET6)


def _connect(self, address):
    if _is_internet(self) and not is_local(address[0]):
        _refuse("tried to connect to", address)
    return _ORIGINAL["connect"](self, address)


def _connect_ex(self, address):
    if _is_internet(self) and not is_local(address[0]):
        _refuse("tried to connect to", address)
    return _ORIGINAL["connect_ex"](self, address)


def _sendto(self, data, *args):
    address = args[-1]
    if _is_internet(self) and not is_local(address[0]):
        _refuse("tried to send a datagram to", address)
    return _ORIGINAL["sendto"](self, data, *args)


def _sendmsg(self, buffers, ancdata=(), flags=0, address=None):
    if address is not None and _is_internet(self) and not is_local(address[0]):
        _refuse("tried to send a message to", address)
    if address is None:
        return _ORIGINAL["sendmsg"](self, buffers, ancdata, flags)
    return _ORIGINAL["sendmsg"](self, buffers, ancdata, flags, address)


def _lookup(key: str):
    """A guarded lookup calling the original stored under `key` ("getaddrinfo" or "_socket.getaddrinfo":
    socket.getaddrinfo itself calls _socket.getaddrinfo, so each keeps its own original)."""
    def guarded(host, *args, **kwargs):
        if not is_local(host):
            _refuse("tried to look up", host)
        return _ORIGINAL[key](host, *args, **kwargs)
    guarded.__name__ = key.rsplit(".", 1)[-1]
    return guarded


LOOKUPS = ("getaddrinfo", "gethostbyname", "gethostbyname_ex", "gethostbyaddr")
METHODS = {"connect": _connect, "connect_ex": _connect_ex, "sendto": _sendto, "sendmsg": _sendmsg}


def install() -> None:
    """Guard this process and point its future child processes at the guard. Safe to call twice."""
    global installed
    if installed:
        return
    for name, guarded in METHODS.items():
        _ORIGINAL[name] = getattr(socket.socket, name)
        setattr(socket.socket, name, guarded)
    for name in LOOKUPS:
        _ORIGINAL[name] = getattr(socket, name)
        _ORIGINAL[f"_socket.{name}"] = getattr(_socket, name)
        setattr(socket, name, _lookup(name))
        setattr(_socket, name, _lookup(f"_socket.{name}"))
    # socket.py itself calls `_socket.socket.__init__` through the module attribute, so the C type is
    # replaced by a subclass that only overrides the guarded methods (its __init__ stays the C one).
    _ORIGINAL["_socket.socket"] = _socket.socket
    _socket.socket = type("socket", (_ORIGINAL["_socket.socket"],), dict(METHODS))
    guard_folder = os.path.dirname(os.path.abspath(__file__))
    paths = os.environ.get("PYTHONPATH", "").split(os.pathsep)
    if guard_folder not in paths:
        os.environ["PYTHONPATH"] = os.pathsep.join([guard_folder, *filter(None, paths)])
    for variable in PROXY_VARIABLES:
        os.environ[variable] = CLOSED_LOCAL_PROXY
    os.environ["no_proxy"] = os.environ["NO_PROXY"] = "localhost,127.0.0.1,::1"
    installed = True


def uninstall() -> None:
    """Undo install() (used by the guard's own tests)."""
    global installed
    if not installed:
        return
    for name in METHODS:
        setattr(socket.socket, name, _ORIGINAL[name])
    for name in LOOKUPS:
        setattr(socket, name, _ORIGINAL[name])
        setattr(_socket, name, _ORIGINAL[f"_socket.{name}"])
    _socket.socket = _ORIGINAL["_socket.socket"]
    installed = False
