"""Installing packs: the programme arrives, updates keep the user's writing, and a pack that is
refused for any reason leaves the journal exactly as it was."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from pack_fixtures import EXAMPLES, SPEC_NAME, resigned, signed_pack
from people import open_person, shared_keyring
from reflect.app import App
from reflect.core.framework import Origin
from reflect.errors import BadInput
from reflect.exchange.identity import Identity
from reflect.exchange.pack import event_id
from reflect.messages import Msg
from reflect.services.packs import Outcome
from reflect.storage.programmes import ProgrammeRepository

PACK_ID = "leading-across-systems-cohort-4"
NEXT_VERSION = ("version = 1 ", "version = 2 ")


@pytest.fixture(scope="module")
def facilitator() -> Identity:
    return Identity.generate()


def snapshot(app: App) -> tuple[list[str], list[str]]:
    """Everything a pack install could touch: the database's contents and the pack folder."""
    dump = list(app.store.db.conn.iterdump())
    folder = app.paths.pack_frameworks_dir
    files = sorted(p.name for p in folder.iterdir()) if folder.is_dir() else []
    return dump, files


def test_installing_a_pack_brings_its_programme_and_frameworks(
    app: App, tmp_path: Path, facilitator: Identity
) -> None:
    result = app.packs.install(signed_pack(tmp_path, facilitator))

    assert result.outcome is Outcome.INSTALLED
    (programme,) = app.programme.all()
    assert (programme.pack_id, programme.name) == (PACK_ID, "Leading Across Systems, cohort 4")
    assert len(programme.events) == 9
    assert programme.welcome.startswith("# Welcome")
    carried = app.frameworks.get("huddle-check-in")
    assert carried.origin is Origin.PACK
    assert app.frameworks.problems() == []


def test_a_pack_that_carries_no_frameworks_installs_in_a_new_journal(
    app: App, tmp_path: Path, facilitator: Identity
) -> None:
    path = signed_pack(
        tmp_path,
        facilitator,
        ('[[frameworks]]\nfile = "huddle-check-in.toml"', ""),
        ('framework = "huddle-check-in"', ""),
    )

    assert app.packs.install(path).outcome is Outcome.INSTALLED
    assert not app.paths.pack_frameworks_dir.exists()


def test_the_same_version_again_changes_nothing(
    app: App, tmp_path: Path, facilitator: Identity
) -> None:
    path = signed_pack(tmp_path, facilitator)
    app.packs.install(path)
    before = snapshot(app)

    result = app.packs.install(path)

    assert result.outcome is Outcome.UNCHANGED
    assert snapshot(app) == before


def test_installing_again_puts_back_frameworks_someone_deleted(
    app: App, tmp_path: Path, facilitator: Identity
) -> None:
    path = signed_pack(tmp_path, facilitator)
    app.packs.install(path)
    for file in app.paths.pack_frameworks_dir.iterdir():
        file.unlink()

    assert app.packs.install(path).outcome is Outcome.UNCHANGED
    assert app.frameworks.get("huddle-check-in").origin is Origin.PACK


def test_an_update_changes_the_programme_and_keeps_the_users_writing(
    app: App, tmp_path: Path, facilitator: Identity
) -> None:
    app.packs.install(signed_pack(tmp_path / "v1", facilitator))
    workshop_2 = event_id(PACK_ID, "workshop-2")
    huddle = event_id(PACK_ID, "huddle")
    written = app.entries.write("What I saw in the system.", event_id=workshop_2)
    app.entries.write("I stopped the Monday meeting.", event_id=huddle)
    app.programme.not_now(event_id(PACK_ID, "trio-1"))

    update = signed_pack(
        tmp_path / "v2",
        facilitator,
        NEXT_VERSION,
        ('title = "Workshop 2: seeing the system"', 'title = "Workshop 2: the whole system"'),
        ("date = 2026-12-02", "date = 2026-12-09"),
        (
            'id = "huddle"\ndate = 2027-02-10\nkind = "other"',
            'id = "retreat"\ndate = 2027-02-10\nkind = "other"',
        ),
    )
    result = app.packs.install(update)

    assert (result.outcome, result.previous_version) == (Outcome.UPDATED, 1)
    (programme,) = app.programme.all()
    moved = next(e for e in programme.events if e.id == workshop_2)
    assert (moved.title, moved.day) == ("Workshop 2: the whole system", date(2026, 12, 9))
    assert app.entries.get(written.id) == written  # the entry itself is untouched
    assert [e.entry_id for e in app.programme.written_for()[workshop_2]] == [written.id]
    assert huddle not in {e.id for e in programme.events}  # gone from the timeline...
    assert app.programme.event(huddle).title.startswith("Optional huddle")  # ...kept for its entry
    assert ProgrammeRepository(app.store).dismissed() == {event_id(PACK_ID, "trio-1")}


def test_an_update_replaces_the_packs_frameworks(
    app: App, tmp_path: Path, facilitator: Identity
) -> None:
    app.packs.install(signed_pack(tmp_path / "v1", facilitator))
    update = signed_pack(
        tmp_path / "v2",
        facilitator,
        NEXT_VERSION,
        ('[[frameworks]]\nfile = "huddle-check-in.toml"', ""),
        ('framework = "huddle-check-in"', ""),
    )

    app.packs.install(update)

    assert app.frameworks.find("huddle-check-in") is None
    assert list(app.paths.pack_frameworks_dir.iterdir()) == []


REFUSED = [
    ("older", Msg.PACK_OLDER),
    ("other signer", Msg.PACK_OTHER_SIGNER),
    ("tampered", Msg.PACK_BAD_SIGNATURE),
    ("unknown framework", Msg.PACK_NEEDS_FRAMEWORK),
    ("too new", Msg.PACK_TOO_NEW),
]


@pytest.mark.parametrize(("case", "msg"), REFUSED, ids=[case for case, _ in REFUSED])
def test_a_refused_pack_changes_nothing(
    app: App, tmp_path: Path, facilitator: Identity, case: str, msg: Msg
) -> None:
    app.packs.install(signed_pack(tmp_path / "v2", facilitator, NEXT_VERSION))
    app.entries.write("Written before the bad pack arrived.")
    before = snapshot(app)
    path = signed_pack(tmp_path / "bad", facilitator)
    if case == "other signer":
        path = resigned(path, Identity.generate(), {"pack_version": 3})
    elif case == "tampered":
        path.write_text(path.read_text().replace('"pack_version": 1', '"pack_version": 3'))
    elif case == "unknown framework":
        path = resigned(
            path,
            facilitator,
            {"uses": ["csif", "what-so-what-now-what", "grow", "from-the-future"]},
        )
    elif case == "too new":
        path = resigned(path, facilitator, {"version": 7})

    with pytest.raises(BadInput) as caught:
        app.packs.install(path)

    assert caught.value.msg is msg
    assert snapshot(app) == before


def test_packs_left_in_a_drop_in_folder_are_installed_once(
    app: App, tmp_path: Path, facilitator: Identity
) -> None:
    drop_in = tmp_path / "etc" / "reflect" / "packs"
    drop_in.mkdir(parents=True)
    signed_pack(tmp_path, facilitator, name="etc/reflect/packs/cohort.reflectpack")
    (drop_in / "notes.txt").write_text("not a pack")
    (drop_in / "broken.reflectpack").write_text("{}")

    installed, problems = app.packs.install_dropped([drop_in, tmp_path / "missing"])
    again, _ = app.packs.install_dropped([drop_in])

    assert [r.programme.pack_id for r in installed] == [PACK_ID]
    assert [(p.path.name, p.error.msg) for p in problems] == [
        ("broken.reflectpack", Msg.PACK_NOT_PACK)
    ]
    assert again == []


def test_a_facilitator_builds_a_pack_signed_with_their_own_keys(tmp_path: Path) -> None:
    sam = open_person("Sam Okafor", tmp_path, shared_keyring())
    out = tmp_path / "out" / "cohort.reflectpack"

    built = sam.app.packs.build(EXAMPLES / SPEC_NAME, out)

    assert out.is_file()
    assert built.programme.facilitator.signing_key == sam.app.keys.identity().signing_public
    assert sam.app.packs.show(out).programme == built.programme
    sam.app.close()
