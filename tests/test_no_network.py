"""Reflect never touches the network: the test guard works, and the code imports nothing for it."""

from __future__ import annotations

import ast
import socket
from collections.abc import Callable
from pathlib import Path

import pytest

import reflect
from network_guard import NetworkUsed, take_attempts

pytest_plugins = ("pytester",)

PACKAGE = Path(reflect.__file__).parent
TESTS = Path(__file__).resolve().parent
# Modules that talk to a network, or open a browser that will. A dotted name also forbids
# everything below it ("http.client" forbids "http.client.HTTPConnection").
NETWORK_MODULES = frozenset(
    {
        "socket", "ssl", "asyncio", "socketserver",
        "http.client", "http.server", "http.cookiejar", "urllib.request", "urllib3",
        "requests", "httpx", "aiohttp", "websockets", "ftplib", "smtplib", "poplib",
        "imaplib", "telnetlib", "xmlrpc", "webbrowser", "multiprocessing.connection",
        "PySide6.QtNetwork", "PySide6.QtWebEngineCore", "PySide6.QtWebEngineWidgets",
        "PySide6.QtWebSockets", "PySide6.QtWebChannel", "PySide6.QtRemoteObjects",
    }
)  # fmt: skip
# Vetted exceptions, each with the reason it is safe. (None today: keep it that way if you can.)
VETTED: dict[str, str] = {}


def network_imports(source: str) -> set[str]:
    """The network modules a Python source imports, by ``import``, ``from`` or by name."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module, *(f"{node.module}.{alias.name}" for alias in node.names)]
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            names = [node.value]  # importlib.import_module("socket") and the like
        else:
            continue
        found.update(name for name in names if _is_network(name))
    return found


def _is_network(name: str) -> bool:
    parts = name.split(".")
    return any(".".join(parts[:n]) in NETWORK_MODULES for n in range(1, len(parts) + 1))


def test_reflect_imports_nothing_that_reaches_the_network() -> None:
    offenders = {
        path.relative_to(PACKAGE).as_posix(): sorted(network_imports(path.read_text("utf-8")))
        for path in PACKAGE.rglob("*.py")
    }
    bad = {
        path: [name for name in names if f"{path}:{name}" not in VETTED]
        for path, names in offenders.items()
    }
    assert {path: names for path, names in bad.items() if names} == {}


def test_the_import_check_sees_every_way_of_importing() -> None:
    source = (
        "import socket\n"
        "import urllib.request\n"
        "from http import client\n"
        "from PySide6.QtNetwork import QTcpSocket\n"
        "from PySide6 import QtNetwork\n"
        "import importlib\n"
        "importlib.import_module('requests')\n"
        "import urllib.parse, json\n"
        "from PySide6.QtGui import QDesktopServices\n"
    )
    assert network_imports(source) == {
        "socket",
        "urllib.request",
        "http.client",
        "PySide6.QtNetwork",
        "PySide6.QtNetwork.QTcpSocket",
        "requests",
    }


def _tcp() -> object:
    return socket.create_connection(("127.0.0.1", 9), timeout=1)


def _tcp6() -> object:
    with socket.socket(socket.AF_INET6, socket.SOCK_STREAM) as sock:
        return sock.connect(("::1", 9))


def _udp() -> object:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        return sock.sendto(b"hello", ("127.0.0.1", 9))


def _listen() -> object:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        return sock.bind(("127.0.0.1", 0))


def _dns() -> object:
    return socket.getaddrinfo("example.org", 443)


def _unix(tmp: Path) -> object:
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
        return sock.connect(str(tmp / "bus"))


@pytest.mark.parametrize(
    "attempt",
    [
        pytest.param(lambda tmp: _tcp(), id="tcp"),
        pytest.param(lambda tmp: _tcp6(), id="tcp6"),
        pytest.param(lambda tmp: _udp(), id="udp"),
        pytest.param(lambda tmp: _listen(), id="listen"),
        pytest.param(lambda tmp: _dns(), id="dns"),
        pytest.param(_unix, id="unix-socket"),
    ],
)
def test_the_guard_refuses_and_records_each_attempt(
    attempt: Callable[[Path], object], tmp_path: Path
) -> None:
    with pytest.raises(NetworkUsed, match="must not use the network"):
        attempt(tmp_path)
    # Taken here, so that this test (which meant to try) is not failed by the plugin.
    assert len(take_attempts()) == 1


def test_a_socket_pair_inside_the_process_is_allowed() -> None:
    left, right = socket.socketpair()
    with left, right:
        left.sendall(b"ping")
        assert right.recv(4) == b"ping"
    assert take_attempts() == []


def test_a_test_that_hides_an_attempt_still_fails(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PYTHONPATH", str(TESTS))
    pytester.makepyfile(
        test_sneaky="""
        import socket
        import subprocess
        import sys

        def test_swallowed():
            try:
                socket.create_connection(("127.0.0.1", 9))
            except BaseException:
                pass

        def test_in_a_child_process():
            code = "import socket; socket.getaddrinfo('example.org', 443)"
            subprocess.run([sys.executable, "-c", code], check=False)

        def test_innocent():
            assert True
        """
    )

    result = pytester.runpytest_subprocess("-p", "network_plugin", "-p", "no:cacheprovider")

    result.assert_outcomes(passed=1, failed=2)
    result.stdout.fnmatch_lines(
        [
            "*test_swallowed*",
            "*Tests must not use the network, but this one tried:*",
            "*socket.create_connection(('127.0.0.1', 9))*",
        ]
    )
    result.stdout.fnmatch_lines(["*socket.getaddrinfo('example.org', 443)*"])
