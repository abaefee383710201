"""Facilitator packs: build one from a spec, show what one holds, install or update it.

Installing never touches what the user wrote: entries keep their links to events (event ids are
stable across pack versions), and a pack's frameworks live in their own folder. A pack that
fails any check changes nothing: files are staged beside their final names and moved into place
only after the database has committed.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from reflect import files
from reflect.core.clock import Clock, to_text
from reflect.core.framework import Framework, Origin
from reflect.core.programme import Programme
from reflect.errors import BadInput, ReflectError
from reflect.exchange.pack import Pack, evaluator_card_problem, pack_bytes, read_pack
from reflect.files import read_bytes
from reflect.formats.pack_spec import read_spec
from reflect.messages import Msg
from reflect.paths import packs_in
from reflect.services.changes import ChangeFeed, Topic
from reflect.services.frameworks import FrameworkCatalog
from reflect.services.keys import KeyService
from reflect.storage.programmes import ProgrammeRepository

_STAGED = ".new"
SHIPPED_ID = "is the id of a framework that comes with Reflect"


class Outcome(StrEnum):
    INSTALLED = "installed"
    UPDATED = "updated"
    UNCHANGED = "unchanged"  # this version was already installed


@dataclass(frozen=True)
class Installed:
    outcome: Outcome
    programme: Programme
    previous_version: int | None = None


@dataclass(frozen=True)
class DropInProblem:
    """A pack in a drop-in folder that could not be installed, and why."""

    path: Path
    error: ReflectError


class PackService:
    def __init__(
        self,
        programmes: ProgrammeRepository,
        keys: KeyService,
        frameworks: FrameworkCatalog,
        pack_frameworks_dir: Path,
        changes: ChangeFeed,
        clock: Clock,
    ) -> None:
        self._programmes = programmes
        self._keys = keys
        self._frameworks = frameworks
        self._folder = pack_frameworks_dir
        self._changes = changes
        self._clock = clock

    def build(self, spec_path: Path, out: Path) -> Pack:
        """Check the spec, sign the pack with this journal's keys and write it to ``out``."""
        spec = read_spec(spec_path, self.shipped)
        if spec.evaluation is not None:
            problem = evaluator_card_problem(spec.evaluation.evaluator_card)
            if problem:
                field = "evaluation.evaluator_card"
                raise BadInput(Msg.PACK_SPEC_INVALID, path=spec_path, field=field, reason=problem)
        data = pack_bytes(spec, self._keys.identity(), to_text(self._clock()))
        pack = read_pack(data, out)  # what a participant's app will check, checked here first
        files.write_bytes(out, data)
        return pack

    def show(self, path: Path) -> Pack:
        """What the pack holds, after every check an install makes of the file itself."""
        pack = read_pack(read_bytes(path), path)
        for framework_id in pack.uses:
            if self.shipped(framework_id) is None:
                raise BadInput(Msg.PACK_NEEDS_FRAMEWORK, path=path, id=framework_id)
        for n, (framework_id, _) in enumerate(pack.frameworks):
            if self.shipped(framework_id) is not None:
                raise BadInput(
                    Msg.PACK_INVALID, path=path, field=f"frameworks[{n}].id", reason=SHIPPED_ID
                )
        self._check_rated_domains(pack, path)
        return pack

    def _check_rated_domains(self, pack: Pack, path: Path) -> None:
        """The domains an evaluation asks about in shipped frameworks (the pack document can
        only check those of frameworks it carries)."""
        plan = pack.programme.evaluation
        for n, rating in enumerate(plan.ratings if plan else ()):
            framework = self.shipped(rating.framework_id)
            if framework is None:
                continue  # a carried framework: read_pack checked its domains
            where = f"evaluation.ratings[{n}]"
            if not framework.domains:
                reason = f'"{framework.id}" has no domains to rate'
                raise BadInput(
                    Msg.PACK_INVALID, path=path, field=f"{where}.framework", reason=reason
                )
            for m, domain_id in enumerate(rating.domain_ids):
                if framework.domain(domain_id) is None:
                    reason = f'"{domain_id}" is not a domain of "{framework.id}" in this Reflect'
                    field = f"{where}.domains[{m}]"
                    raise BadInput(Msg.PACK_INVALID, path=path, field=field, reason=reason)

    def install(self, path: Path) -> Installed:
        pack = self.show(path)
        programme = pack.programme
        current = self._programmes.get(programme.pack_id)
        if current is not None:
            self._check_update(path, pack, current)
            if current.pack_version == programme.pack_version:
                if self._files_missing(pack):
                    self._save(pack, record=False)
                return Installed(Outcome.UNCHANGED, current, current.pack_version)
        self._save(pack)
        self._changes.publish(Topic.PROGRAMME)
        installed = self._programmes.get(programme.pack_id)
        assert installed is not None
        if current is None:
            return Installed(Outcome.INSTALLED, installed)
        return Installed(Outcome.UPDATED, installed, current.pack_version)

    def install_dropped(self, folders: list[Path]) -> tuple[list[Installed], list[DropInProblem]]:
        """Install packs IT left in ``folders`` that are new or newer; others are left alone."""
        done: list[Installed] = []
        problems: list[DropInProblem] = []
        for path in packs_in(folders):
            try:
                result = self.install(path)
            except ReflectError as exc:
                if exc.msg is not Msg.PACK_OLDER:  # an old copy left behind is not a problem
                    problems.append(DropInProblem(path, exc))
                continue
            if result.outcome is not Outcome.UNCHANGED:
                done.append(result)
        return done, problems

    def shipped(self, framework_id: str) -> Framework | None:
        """The framework of that id that comes with Reflect, if there is one."""
        found = self._frameworks.find(framework_id)
        return found if found is not None and found.origin is Origin.SHIPPED else None

    def _check_update(self, path: Path, pack: Pack, current: Programme) -> None:
        programme = pack.programme
        if current.facilitator.signing_key != programme.facilitator.signing_key:
            raise BadInput(Msg.PACK_OTHER_SIGNER, path=path, name=current.name)
        if programme.pack_version < current.pack_version:
            raise BadInput(
                Msg.PACK_OLDER,
                path=path,
                name=current.name,
                installed=current.pack_version,
                version=programme.pack_version,
            )

    def _save(self, pack: Pack, *, record: bool = True) -> None:
        """Stage the pack's frameworks, record the programme, then put the files in place;
        a failure before the commit leaves nothing behind. ``record`` False only rewrites the
        files (a repair: someone deleted the folder)."""
        pack_id = pack.programme.pack_id
        staged: list[Path] = []
        try:
            for framework_id, text in pack.frameworks:
                staged.append(self._stage(self._file_for(pack_id, framework_id), text))
            if record:
                self._programmes.save(pack.programme, pack.document, to_text(self._clock()))
        except BaseException:
            for path in staged:
                path.unlink(missing_ok=True)
            raise
        if not staged and not self._folder.is_dir():
            return  # nothing carried, and nothing carried before
        with files.translated_os_errors(self._folder):
            for path in staged:
                os.replace(path, path.with_suffix(""))
            kept = {path.with_suffix("") for path in staged}
            for old in self._folder.glob(f"{pack_id}--*.toml"):
                if old not in kept:
                    old.unlink()
            files.sync_folder(self._folder)

    def _files_missing(self, pack: Pack) -> bool:
        pack_id = pack.programme.pack_id
        return any(not self._file_for(pack_id, f).is_file() for f, _ in pack.frameworks)

    def _file_for(self, pack_id: str, framework_id: str) -> Path:
        return self._folder / f"{pack_id}--{framework_id}.toml"

    def _stage(self, final: Path, text: str) -> Path:
        staged = final.with_name(final.name + _STAGED)
        files.write_text(staged, text)
        return staged
