"""Drive the real ``reflect`` command line: in-process for speed, or as a true subprocess.

:class:`Reflect` calls ``reflect.cli.main.main(argv)`` with its own ``--data-dir``, catches
``SystemExit`` and returns the exit code with what went to stdout and stderr. The ``reflect``
fixture that builds one lives in ``cli_fixtures`` (loaded with ``pytest_plugins``).
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from reflect.cli.main import main
from reflect.messages import Msg

SAMPLES = Path(__file__).resolve().parent.parent / "formats" / "samples"
SUBPROCESS_TIMEOUT = 60


@dataclass(frozen=True)
class Result:
    code: int
    out: str
    err: str

    def json(self) -> Any:
        return json.loads(self.out)

    @property
    def err_lines(self) -> list[str]:
        return self.err.splitlines()


class Reflect:
    """Runs ``reflect --data-dir <data_dir> ARGS...`` in this process."""

    def __init__(
        self,
        data_dir: Path,
        capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch,
        scratch: Path,
    ) -> None:
        self.data_dir = data_dir
        self._capsys = capsys
        self._monkeypatch = monkeypatch
        self._scratch = scratch
        self._snapshots = 0

    def __call__(
        self, *args: str, data_dir: Path | None = None, stdin: str | None = None
    ) -> Result:
        argv = ["--data-dir", str(data_dir or self.data_dir), *args]
        self._capsys.readouterr()
        if stdin is not None:
            self._monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
        try:
            main(argv)
            code = 0
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        captured = self._capsys.readouterr()
        return Result(code, captured.out, captured.err)

    def ok(self, *args: str, data_dir: Path | None = None, stdin: str | None = None) -> Result:
        """Run a command that must succeed."""
        result = self(*args, data_dir=data_dir, stdin=stdin)
        assert result.code == 0, f"reflect {' '.join(args)} failed: {result.err}"
        return result

    def json(self, *args: str, data_dir: Path | None = None) -> Any:
        return self.ok(*args, "--json", data_dir=data_dir).json()

    def write(self, text: str, *options: str, data_dir: Path | None = None) -> str:
        """Write an entry; return its id."""
        return self.ok("write", text, *options, data_dir=data_dir).out.strip()

    def add_inquiry(self, question: str, data_dir: Path | None = None) -> str:
        return self.ok("inquiry", "add", question, data_dir=data_dir).out.strip()

    def entries(self, data_dir: Path | None = None) -> list[dict[str, Any]]:
        """Every live entry as ``list --json`` shows it, newest first."""
        return self.json("list", "--limit", "10000", data_dir=data_dir)

    def snapshot(self, data_dir: Path | None = None) -> dict[str, Any]:
        """The whole journal (lossless JSON export) minus the export's own timestamp."""
        self._snapshots += 1
        out = self._scratch / f"snapshot-{self._snapshots}.json"
        self.ok("export", "json", "--out", str(out), data_dir=data_dir)
        document = json.loads(out.read_text(encoding="utf-8"))
        del document["exported"]
        return document


def run_process(
    *args: str, stdin: str | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """``python -m reflect ARGS...`` as a real process (the environment is the test's own)."""
    return subprocess.run(
        [sys.executable, "-m", "reflect", *args],
        input=stdin if stdin is not None else "",
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        timeout=SUBPROCESS_TIMEOUT,
        check=False,
    )


def error_line(msg: Msg, **params: Any) -> str:
    """What the command line prints for a known error, newline included."""
    return "Error: " + msg.template.format(**params) + "\n"


def assert_one_error(result: Result, msg: Msg | None = None, **params: Any) -> None:
    """Exit code 1, no traceback, and exactly one line on stderr (that message, if given)."""
    assert result.code == 1, result
    assert "Traceback" not in result.err, result.err
    assert len(result.err_lines) == 1, result.err
    assert result.err.startswith("Error: "), result.err
    if msg is not None:
        expected = error_line(msg, **params)
        assert result.err == expected, f"expected {expected!r}, got {result.err!r}"
