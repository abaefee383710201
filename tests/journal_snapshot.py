"""A fresh journal for every fuzz example, and the check that a refusal changed nothing at all.

A :class:`JournalTemplate` is a journal made once (with whatever content the test needs) and
closed. Each example works on a copy (:meth:`JournalTemplate.example`), so examples cannot
affect one another and each starts from known bytes. When the code under test refuses with a
:class:`~reflect.errors.ReflectError`, :meth:`Example.attempt` closes the copy (SQLite then
checkpoints and removes its WAL) and compares every file in the data folder, byte for byte,
with the template's; the database's SQL dump is compared too, for a readable difference.
Any other exception is a crash and fails the example as it is.

    template = JournalTemplate(tmp_path_factory.mktemp("journal"), fill=add_some_entries)

    @given(data=st.binary())
    def test_any_bytes(data: bytes) -> None:
        with template.example() as example:
            path = example.file("input.json", data)
            example.attempt(lambda: example.app.transfer.import_path("json", path))
"""

from __future__ import annotations

import contextlib
import difflib
import hashlib
import io
import shutil
import sqlite3
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from hypothesis import event
from hypothesis.control import currently_in_test_context

from fakes import FakeClock
from reflect.app import App, open_app
from reflect.cli.main import main
from reflect.errors import ReflectError
from reflect.messages import Msg
from reflect.paths import Paths, resolve_paths

T = TypeVar("T")


@dataclass(frozen=True)
class JournalState:
    """Everything in a closed journal's data folder: each file's hash, and the database's SQL."""

    files: dict[str, str]
    dump: tuple[str, ...]


def journal_state(paths: Paths) -> JournalState:
    """The state of a journal that is closed (so no WAL holds changes the file does not)."""
    files = {
        path.relative_to(paths.data_dir).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(paths.data_dir.rglob("*"))
        if path.is_file()
    }
    return JournalState(files, database_dump(paths.db_path))


def database_dump(db_path: Path) -> tuple[str, ...]:
    # immutable=1: read the file as it is, without creating -wal or -shm files beside it.
    uri = f"file:{db_path}?immutable=1"
    with contextlib.closing(sqlite3.connect(uri, uri=True)) as conn:
        return tuple(conn.iterdump())


def assert_same_state(before: JournalState, after: JournalState) -> None:
    if after == before:
        return
    changed = sorted(
        name
        for name in before.files.keys() | after.files.keys()
        if before.files.get(name) != after.files.get(name)
    )
    diff = "\n".join(difflib.unified_diff(before.dump, after.dump, "before", "after", lineterm=""))
    raise AssertionError(f"The journal changed. Files: {changed}\nDatabase:\n{diff[:4000]}")


class JournalTemplate:
    """A journal made once in ``folder``; :meth:`example` hands out fresh copies of it.

    ``fill`` adds the content every example starts from; ``on_open`` runs on every opening
    (the template's and each copy's), for set-up that is not stored, such as key prompts.
    ``open_kwargs`` reach :func:`reflect.app.open_app` (a fake keyring, a quick cipher).
    """

    def __init__(
        self,
        folder: Path,
        fill: Callable[[App], None] | None = None,
        on_open: Callable[[App], None] | None = None,
        **open_kwargs: Any,
    ) -> None:
        self.folder = folder
        self._on_open = on_open
        self._open_kwargs = open_kwargs
        self.paths = resolve_paths(folder / "template")
        app = self._open(self.paths)
        try:
            if fill is not None:
                fill(app)
        finally:
            app.close()
        self.state = journal_state(self.paths)

    def _open(self, paths: Paths) -> App:
        app = open_app(paths, FakeClock(), **self._open_kwargs)
        if self._on_open is not None:
            self._on_open(app)
        return app

    @contextlib.contextmanager
    def example(self) -> Iterator[Example]:
        """A copy of the template, open, with a scratch folder beside it for input files."""
        root = Path(tempfile.mkdtemp(prefix="example-", dir=self.folder))
        try:
            paths = resolve_paths(root / "journal")
            shutil.copytree(self.paths.data_dir, paths.data_dir)
            (root / "scratch").mkdir()
            app = self._open(paths)
            try:
                yield Example(self, app, root / "scratch")
            finally:
                app.close()
        finally:
            shutil.rmtree(root, ignore_errors=True)


class Example:
    """One fuzz example's journal (a copy of the template) and scratch folder."""

    def __init__(self, template: JournalTemplate, app: App, scratch: Path) -> None:
        self.template = template
        self.app = app
        self.scratch = scratch

    def file(self, name: str, data: bytes) -> Path:
        """Write ``data`` to a file in the scratch folder (outside the journal's data folder)."""
        path = self.scratch / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        return path

    def attempt(self, action: Callable[[], T]) -> T | ReflectError:
        """Run ``action``: its result, or the ReflectError it raised after checking that the
        error has a message that can be shown and that the journal is exactly as it was."""
        try:
            result = action()
        except ReflectError as exc:
            assert isinstance(exc.msg, Msg)
            assert exc.text  # formats: every parameter its template names was given
            _count(f"refused: {exc.msg.name}")
            self.assert_unchanged()
            return exc
        _count("accepted")
        return result

    def assert_unchanged(self) -> None:
        """Close the journal and compare it, file by file, with the template."""
        conn = self.app.store.conn
        assert not conn.in_transaction, "a refused change left a transaction open"
        self.app.close()
        assert_same_state(self.template.state, journal_state(self.app.paths))

    def assert_views_work(self, *commands: tuple[str, ...]) -> None:
        """Run each read-only ``reflect`` command on this journal (closing it first): each
        must succeed, so whatever was just accepted can be shown, searched and exported."""
        self.app.close()
        for command in commands:
            code, err = run_cli(self.app.paths, *command)
            assert code == 0, f"reflect {' '.join(command)} failed ({code}): {err}"


def run_cli(paths: Paths, *args: str) -> tuple[int, str]:
    """``reflect --data-dir DIR ARGS...`` in this process: the exit code and standard error."""
    err = io.StringIO()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
        try:
            main(["--data-dir", str(paths.data_dir), *args])
            code = 0
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    return code, err.getvalue()


def _count(outcome: str) -> None:
    """Tally outcomes, shown by ``--hypothesis-show-statistics``: how deep the fuzz reaches."""
    if currently_in_test_context():
        event(outcome)
