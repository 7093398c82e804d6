"""Installed as an IPython startup file in the reliability test's kernels: any attempt to reach a host
other than this machine raises at once, before a packet or DNS query leaves it.

Jupyter's own kernel messaging runs over ZeroMQ sockets opened before this file runs and not through
Python's socket module, so it is unaffected.
"""

import socket

_LOCAL = {"127.0.0.1", "::1", "localhost"}
_connect = socket.socket.connect
_getaddrinfo = socket.getaddrinfo


class NetworkBlocked(OSError):
    pass


def _guarded_connect(self, address):
    if self.family in (socket.AF_INET, socket.AF_INET6) and address[0] not in _LOCAL:
        raise NetworkBlocked(f"network access is not allowed in the notebooks: tried {address!r}")
    return _connect(self, address)


def _guarded_getaddrinfo(host, *args, **kwargs):
    if host not in _LOCAL and host is not None:
        raise NetworkBlocked(f"network access is not allowed in the notebooks: looked up {host!r}")
    return _getaddrinfo(host, *args, **kwargs)


socket.socket.connect = _guarded_connect
socket.getaddrinfo = _guarded_getaddrinfo
