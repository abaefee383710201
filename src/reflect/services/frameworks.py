"""The framework catalog: shipped, pack and the user's own frameworks, found by id.

Files are parsed only when first needed, then cached by path (and re-read only when the user's
file changes on disk), so start-up stays fast and a file edited by hand shows up without a
restart. Shipped and pack files are never written. A broken user file never breaks the catalog:
it is left out and reported by :meth:`FrameworkCatalog.problems`.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from reflect import files
from reflect.core.assessment import Score
from reflect.core.framework import SLUG_LIMIT, Framework, Origin
from reflect.errors import BadInput, NotFound, ReflectError
from reflect.files import read_bytes
from reflect.formats.framework_toml import (
    dump_framework,
    framework_from_bytes,
    parse_framework,
)
from reflect.messages import Msg

SUFFIX = ".toml"
_COPY_SUFFIX = re.compile(r"-copy(?:-\d+)?$")


@dataclass(frozen=True)
class FrameworkProblem:
    """A framework file that was left out of the catalog, and why."""

    path: Path
    error: ReflectError

    @property
    def message(self) -> str:
        return self.error.text


@dataclass(frozen=True)
class _Listed:
    framework: Framework
    path: Path


class _Folder:
    """The framework files in one folder, parsed once and re-read only when they change."""

    def __init__(self, path: Path, origin: Origin, *, may_change: bool) -> None:
        self.path = path
        self.origin = origin
        self._may_change = may_change
        self._cache: dict[Path, tuple[tuple[int, ...], Framework | ReflectError]] = {}
        self._loaded = False

    def load(self) -> list[tuple[Path, Framework | ReflectError]]:
        if self._loaded and not self._may_change:
            return [(path, result) for path, (_, result) in self._cache.items()]
        fresh = {path: self._parsed(path) for path in self._files()}
        self._cache, self._loaded = fresh, True
        return [(path, result) for path, (_, result) in fresh.items()]

    def _files(self) -> list[Path]:
        try:
            return sorted(p for p in self.path.iterdir() if p.suffix == SUFFIX and p.is_file())
        except OSError:  # no folder yet (or unreadable): no frameworks from it
            return []

    def _parsed(self, path: Path) -> tuple[tuple[int, ...], Framework | ReflectError]:
        try:
            info = path.stat()
        except OSError:
            stamp: tuple[int, ...] = ()
        else:
            stamp = (info.st_mtime_ns, info.st_size, info.st_ino)
        cached = self._cache.get(path)
        if cached is not None and stamp and cached[0] == stamp:
            return cached
        try:
            return stamp, framework_from_bytes(read_bytes(path), path, self.origin)
        except ReflectError as exc:
            return stamp, exc


class FrameworkCatalog:
    """Every framework the user can write with, by id; the user's own ones can change."""

    def __init__(self, shipped_dir: Path, user_dir: Path, pack_dir: Path | None = None) -> None:
        self._user = _Folder(user_dir, Origin.USER, may_change=True)
        self._fixed = [_Folder(shipped_dir, Origin.SHIPPED, may_change=False)]
        if pack_dir is not None:
            self._fixed.append(_Folder(pack_dir, Origin.PACK, may_change=True))

    @property
    def user_dir(self) -> Path:
        return self._user.path

    def all(self) -> list[Framework]:
        """Every usable framework, sorted by name."""
        listed = self._index()[0].values()
        return sorted((item.framework for item in listed), key=lambda f: (f.name.casefold(), f.id))

    def get(self, framework_id: str) -> Framework:
        return self._listed(framework_id).framework

    def find(self, framework_id: str) -> Framework | None:
        """The framework, or None (an entry may name one that was deleted since)."""
        listed = self._index()[0].get(framework_id.strip().lower())
        return listed.framework if listed else None

    def problems(self) -> list[FrameworkProblem]:
        """Files left out: broken, or using an id another framework already has."""
        return self._index()[1]

    def check(self, path: Path) -> Framework:
        """Validate a user's framework file without adding it; return what it holds."""
        return self._checked(path, read_bytes(path))

    def import_file(self, path: Path) -> Framework:
        """Validate a framework file and copy it, unchanged, into the user's folder."""
        data = read_bytes(path)
        framework = self._checked(path, data)
        self._refuse_taken(framework.id, path)
        files.write_bytes(self._free_path(framework.id), data)
        return framework

    def copy(self, framework_id: str, new_name: str | None = None) -> Framework:
        """A user copy with a new id ("gibbs-copy", "gibbs-copy-2", ...), ready to edit.

        A copy is marked unverified: its wording is the user's to change.
        """
        original = self.get(framework_id)
        taken = self._index()[0]
        base = _COPY_SUFFIX.sub("", original.id)[: SLUG_LIMIT - len("-copy-999")].rstrip("-")
        new_id = next(i for i in _numbered(f"{base}-copy", "-") if i not in taken)
        names = {item.framework.name for item in taken.values()}
        name = (new_name or "").strip() or next(
            n for n in _numbered(f"{original.name} (copy", " ", ")") if n not in names
        )
        copied = replace(original, id=new_id, name=name, origin=Origin.USER, verified=False)
        return self.save(copied)

    def save(self, framework: Framework) -> Framework:
        """Write one of the user's frameworks (validated first); others are refused."""
        if not framework.editable:
            raise BadInput(Msg.FRAMEWORK_READ_ONLY, name=framework.name)
        listed = self._index()[0].get(framework.id)
        if listed and listed.framework.origin is not Origin.USER:
            raise _taken(self._user.path / f"{framework.id}{SUFFIX}", listed.framework)
        path = listed.path if listed else self._free_path(framework.id)
        text = dump_framework(framework)
        saved = parse_framework(text, path, Origin.USER)
        files.write_text(path, text)
        return saved

    def delete(self, framework_id: str) -> Framework:
        """Remove one of the user's frameworks; entries written with it keep their text."""
        listed = self._listed(framework_id)
        if not listed.framework.editable:
            raise BadInput(Msg.FRAMEWORK_READ_ONLY, name=listed.framework.name)
        with files.translated_os_errors(listed.path):
            listed.path.unlink(missing_ok=True)
        return listed.framework

    def _listed(self, framework_id: str) -> _Listed:
        listed = self._index()[0].get(framework_id.strip().lower())
        if listed is None:
            raise NotFound(Msg.FRAMEWORK_NOT_FOUND, id=framework_id)
        return listed

    def _index(self) -> tuple[dict[str, _Listed], list[FrameworkProblem]]:
        """Frameworks by id (shipped first, so a user file cannot shadow one) and problems."""
        index: dict[str, _Listed] = {}
        problems: list[FrameworkProblem] = []
        for folder in (*self._fixed, self._user):
            for path, result in folder.load():
                if isinstance(result, Framework) and result.id in index:
                    result = _taken(path, index[result.id].framework)
                if isinstance(result, ReflectError):
                    problems.append(FrameworkProblem(path, result))
                else:
                    index[result.id] = _Listed(result, path)
        return index, problems

    def _checked(self, path: Path, data: bytes) -> Framework:
        """The file's framework, unless its id belongs to a shipped or pack framework."""
        framework = framework_from_bytes(data, path, Origin.USER)
        listed = self._index()[0].get(framework.id)
        fixed = listed is not None and listed.framework.origin is not Origin.USER
        if listed is not None and fixed and not _same_file(listed.path, path):
            raise _taken(path, listed.framework)
        return framework

    def _refuse_taken(self, framework_id: str, path: Path) -> None:
        listed = self._index()[0].get(framework_id)
        if listed is not None:
            raise _taken(path, listed.framework)

    def _free_path(self, framework_id: str) -> Path:
        """``<id>.toml`` in the user's folder, or ``<id>-2.toml`` if a broken file has that name."""
        stems = _numbered(framework_id, "-")
        return next(p for s in stems if not (p := self._user.path / f"{s}{SUFFIX}").exists())


def checked_scores(framework: Framework, scores: Sequence[Score]) -> list[Score]:
    """The scores, if each names one of the framework's domains once and fits its scale."""
    if not framework.domains:
        raise BadInput(Msg.FRAMEWORK_HAS_NO_DOMAINS, name=framework.name)
    seen: set[str] = set()
    for score in scores:
        if framework.domain(score.domain_id) is None:
            raise unknown_domain(framework, score.domain_id)
        if score.domain_id in seen:
            raise BadInput(Msg.DOMAIN_RATED_TWICE, value=score.domain_id)
        seen.add(score.domain_id)
        if not framework.scale.contains(score.score):
            scale = framework.scale
            raise BadInput(Msg.BAD_SCORE, value=score.score, low=scale.low, high=scale.high)
    return list(scores)


def unknown_domain(framework: Framework, domain_id: str) -> BadInput:
    choices = ", ".join(d.id for d in framework.domains)
    return BadInput(Msg.UNKNOWN_DOMAIN, name=framework.name, value=domain_id, choices=choices)


def _taken(path: Path, holder: Framework) -> BadInput:
    return BadInput(Msg.FRAMEWORK_ID_TAKEN, path=path, id=holder.id, name=holder.name)


def _numbered(first: str, joiner: str, end: str = "") -> Iterable[str]:
    """``first``, then ``first-2``, ``first-3``... (with ``end`` after each)."""
    yield first + end
    n = 2
    while True:
        yield f"{first}{joiner}{n}{end}"
        n += 1


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False
