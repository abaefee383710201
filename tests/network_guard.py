"""No test may touch the network: Reflect never does, so a test that tries has found a bug.

:func:`install` patches the socket module so that connecting, sending to an address, binding or
resolving a host name raises :class:`NetworkUsed`, and records the attempt so that a test which
swallows the exception (the keyring probe catches everything, for one) still fails in teardown.

Blocked: AF_INET and AF_INET6, and AF_UNIX connections too. Reflect needs none of them: Qt runs
offscreen without a display server, tests keep keys in an in-memory keyring, and a test that
reached a real keyring or D-Bus over a Unix socket would be touching the machine's real secrets.
``socket.socketpair`` stays allowed: it connects the process to itself (asyncio and
multiprocessing use it internally), so nothing can leave through it.

Child processes (``python -m reflect`` in tests) get the same guard from
``tests/child_guard/sitecustomize.py`` (see :func:`child_environment`); what they attempt is
appended to a file that the parent test checks. The guard cannot see native code that makes its
own system calls (Qt's C++, pyrage's Rust): the static check in ``tests/test_no_network.py``
covers what is imported instead. ``network_plugin`` wires the guard into pytest.

This module imports nothing but the standard library: child processes load it at start-up.
"""

from __future__ import annotations

import os
import socket
from collections.abc import Callable
from pathlib import Path
from typing import Any

CHILD_GUARD_DIR = Path(__file__).resolve().parent / "child_guard"
LOG_VARIABLE = "REFLECT_TEST_NETWORK_LOG"
BLOCKED_FAMILIES = frozenset({socket.AF_INET, socket.AF_INET6, getattr(socket, "AF_UNIX", -1)})
# Methods that reach outside the process when called on a socket of a blocked family.
SOCKET_METHODS = ("connect", "connect_ex", "bind", "sendto", "sendmsg")
# Module functions that resolve names (DNS is network traffic) or open a connection.
MODULE_FUNCTIONS = (
    "create_connection",
    "create_server",
    "getaddrinfo",
    "gethostbyname",
    "gethostbyname_ex",
    "gethostbyaddr",
)


class NetworkUsed(BaseException):
    """A test tried to use the network.

    A BaseException, so that code catching ``Exception`` (as keyring probes do) cannot hide it.
    """


_attempts: list[str] = []
_originals: dict[tuple[Any, str], Any] = {}


def install(report: Callable[[str], None] | None = None) -> None:
    """Block the network in this process; ``report`` also hears of each attempt."""
    if _originals:
        return
    for name in SOCKET_METHODS:
        _patch(socket.socket, name, _socket_method(name, report))
    for name in MODULE_FUNCTIONS:
        _patch(socket, name, _module_function(name, report))


def uninstall() -> None:
    for (owner, name), original in _originals.items():
        setattr(owner, name, original)
    _originals.clear()


def take_attempts() -> list[str]:
    """What was attempted since the last call, and forget it."""
    found = list(_attempts)
    _attempts.clear()
    return found


def child_environment(log: Path, environ: dict[str, str]) -> dict[str, str]:
    """Environment variables that give child Python processes the guard, logging to ``log``."""
    path = environ.get("PYTHONPATH")
    joined = os.pathsep.join([str(CHILD_GUARD_DIR), *([path] if path else [])])
    return {"PYTHONPATH": joined, LOG_VARIABLE: str(log)}


def _patch(owner: Any, name: str, replacement: Any) -> None:
    original = getattr(owner, name, None)
    if original is None:
        return
    _originals[(owner, name)] = original
    setattr(owner, name, replacement)


def _refuse(what: str, report: Callable[[str], None] | None) -> NetworkUsed:
    attempt = f"{what} (pid {os.getpid()})"
    _attempts.append(attempt)
    if report is not None:
        report(attempt)
    return NetworkUsed(f"Tests must not use the network, but this one tried: {attempt}")


def _socket_method(name: str, report: Callable[[str], None] | None) -> Any:
    original = getattr(socket.socket, name)

    def guarded(self: socket.socket, *args: Any) -> Any:
        if self.family in BLOCKED_FAMILIES:
            family = getattr(self.family, "name", self.family)
            raise _refuse(f"socket.{name}{_shown(args)} on an {family} socket", report)
        return original(self, *args)

    return guarded


def _module_function(name: str, report: Callable[[str], None] | None) -> Any:
    def guarded(*args: Any, **kwargs: Any) -> Any:
        raise _refuse(f"socket.{name}{_shown(args)}", report)

    return guarded


def _shown(args: tuple[Any, ...]) -> str:
    return "(" + ", ".join(repr(a)[:80] for a in args) + ")"
