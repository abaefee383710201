"""Reflect journals and jrnl files built from a corpus, cached under the work folder.

A cached item's name carries everything that decides its contents (the seed, the size, the
generator's version and, for journals, the schema version), so a stale cache is never reused;
``--fresh`` removes the cache. Journals are built through Reflect's own import of whole journals
(:meth:`TransferService.import_contents`), with kinds, inquiries and tags as the corpus has them.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from benchmarks import corpus, raw_fts
from benchmarks.vocabulary import INQUIRIES
from reflect.app import App, open_app
from reflect.core.clock import to_text
from reflect.core.contents import JournalContents
from reflect.core.entry import Entry, EntryKind, normalize_tags
from reflect.core.ids import stable_id
from reflect.core.inquiry import Inquiry, Wording
from reflect.paths import resolve_paths
from reflect.storage.schema import STEPS


@dataclass(frozen=True)
class Workspace:
    """Where generated files go: a git-ignored folder inside benchmarks/."""

    root: Path
    seed: int = corpus.DEFAULT_SEED

    def name(self, size: int) -> str:
        return f"s{self.seed}-n{size}-g{corpus.GENERATOR_VERSION}"

    def jrnl_file(self, size: int) -> Path:
        """The corpus as a jrnl text journal, written on first use."""
        path = self.root / "corpus" / f"{self.name(size)}.txt"
        if not path.exists():
            corpus.write_jrnl(list(corpus.generate(size, self.seed)), path)
        return path

    def journal(self, size: int) -> Path:
        """A Reflect data folder holding the corpus, built on first use."""
        path = self.root / "journals" / f"{self.name(size)}-schema{len(STEPS)}"
        if not (path / "done").exists():
            shutil.rmtree(path, ignore_errors=True)
            build_journal(list(corpus.generate(size, self.seed)), path)
            (path / "done").write_text("built\n", encoding="utf-8")
        return path

    def floor_db(self, size: int) -> Path:
        """The corpus in the floor's plain FTS5 database, built on first use."""
        path = self.root / "floors" / f"{self.name(size)}.db"
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            partial = path.with_name(path.name + ".partial")
            raw_fts.build(self.jrnl_file(size), partial)
            partial.replace(path)
        return path

    @property
    def scratch_root(self) -> Path:
        return self.root / "scratch"

    def scratch(self, name: str) -> Path:
        """An empty folder for one measurement (emptied again if it was there)."""
        path = self.scratch_root / name
        shutil.rmtree(path, ignore_errors=True)
        path.mkdir(parents=True)
        return path


def build_journal(entries: list[corpus.CorpusEntry], data_dir: Path) -> None:
    with opened(data_dir) as app:
        app.transfer.import_contents(journal_contents(entries))


@contextmanager
def opened(data_dir: Path) -> Iterator[App]:
    app = open_app(resolve_paths(data_dir))
    try:
        yield app
    finally:
        app.close()


def journal_contents(entries: list[corpus.CorpusEntry]) -> JournalContents:
    """The corpus as Reflect's whole-journal contents: the inquiries, then every entry."""
    inquiries = tuple(_inquiry(n, question) for n, question in enumerate(INQUIRIES))
    return JournalContents(
        inquiries=inquiries,
        entries=tuple(_entry(e, [i.id for i in inquiries]) for e in entries),
    )


def _inquiry(number: int, question: str) -> Inquiry:
    created = to_text(corpus.START)
    return Inquiry(
        id=stable_id("bench-inquiry", str(number)),
        wordings=(Wording(question, created),),
        created=created,
        updated=created,
    )


def _entry(entry: corpus.CorpusEntry, inquiry_ids: list[str]) -> Entry:
    created = to_text(entry.moment)
    return Entry(
        id=stable_id("bench-entry", str(entry.number)),
        kind=EntryKind(entry.kind),
        title=entry.title,
        body=entry.body,
        created=created,
        updated=created,
        tags=normalize_tags(entry.tags),
        inquiry_id=None if entry.inquiry is None else inquiry_ids[entry.inquiry],
    )
