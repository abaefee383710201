"""The pack and programme commands end to end: a facilitator builds a pack from the documented
example spec with their journal's keys, a participant shows, installs and updates it, and
writes for an event.

Two journals: the ``reflect`` fixture's own is the facilitator's, ``participant`` another. Keys
go to an in-memory keyring (as in test_cli_exchange). The command line uses the real clock, so
the events that must be recent are moved relative to today by editing the spec's text.
"""

from __future__ import annotations

import json
import re
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import keyring.core
import pytest
from cli_harness import Reflect, assert_one_error, run_process

from fakes import MemoryKeyring
from pack_fixtures import example_folder
from reflect.exchange.pack import event_id
from reflect.messages import Msg

pytest_plugins = ("cli_fixtures",)

PACK_ID = "leading-across-systems-cohort-4"
NAME = "Leading Across Systems, cohort 4"
NEXT_VERSION = ("version = 1 ", "version = 2 ")
FINGERPRINT = re.compile(r"(\w{4} ){5}\w{4}")


@pytest.fixture(autouse=True)
def memory_keyring(monkeypatch: pytest.MonkeyPatch) -> MemoryKeyring:
    backend = MemoryKeyring()
    monkeypatch.setattr(keyring.core, "_keyring_backend", backend)
    return backend


@pytest.fixture
def participant(tmp_path: Path) -> Path:
    return tmp_path / "participant"


def build(
    reflect: Reflect, tmp_path: Path, *replacements: tuple[str, str], name: str = "cohort"
) -> Path:
    """The example spec (edited by ``replacements``) built and signed by the facilitator."""
    spec = example_folder(tmp_path / name, *replacements)
    out = tmp_path / f"{name}.reflectpack"
    reflect.ok("pack", "build", str(spec), "--out", str(out))
    return out


def programme(reflect: Reflect, data_dir: Path) -> list[dict[str, Any]]:
    return reflect.json("programme", data_dir=data_dir)


def events_by_id(reflect: Reflect, data_dir: Path) -> dict[str, dict[str, Any]]:
    (shown,) = programme(reflect, data_dir)
    return {event["id"]: event for event in shown["events"]}


def day(offset: int) -> str:
    return (date.today() + timedelta(days=offset)).isoformat()


# Building and showing -------------------------------------------------------------------------


def test_build_signs_with_the_journals_own_keys(reflect: Reflect, tmp_path: Path) -> None:
    spec = example_folder(tmp_path)
    out = tmp_path / "cohort-4.reflectpack"

    built = reflect.ok("pack", "build", str(spec), "--out", str(out))

    first, second = built.out.splitlines()
    assert first == f"Wrote {out}: {NAME}, version 1, 9 events, 1 framework carried."
    found = re.fullmatch(rf"Signed by Sam Okafor, fingerprint ({FINGERPRINT.pattern})\.", second)
    assert found, second
    card = reflect.json("key", "show", "--name", "Sam Okafor")
    assert card["fingerprint"] == found[1]  # what the facilitator reads out to participants
    signed_by = json.loads(out.read_bytes())["facilitator"]["signing_key"]
    assert f"\nsign: {signed_by}\n" in card["card"]


def test_show_prints_the_pack_and_installs_nothing(
    reflect: Reflect, tmp_path: Path, participant: Path
) -> None:
    pack = build(reflect, tmp_path)
    fingerprint = reflect.ok("pack", "show", str(pack)).out.split("Fingerprint: ")[1][:29]

    shown = reflect.ok("pack", "show", str(pack), data_dir=participant).out

    lines = shown.splitlines()
    assert lines[:5] == [
        f"{NAME} (pack {PACK_ID}, version 1)",
        "Signed by Sam Okafor <sam.okafor@example.org>",
        f"Fingerprint: {fingerprint} (compare it with what your facilitator reads out)",
        "Frameworks: csif, what-so-what-now-what, grow, huddle-check-in; "
        "reflections start with csif",
        "Events (9):",
    ]
    assert lines[5] == "  2026-10-21 10:00  workshop  Welcome session: your inquiry question"
    assert lines[10] == "  2027-02-10        other     Optional huddle: bring one thing you stopped"
    assert lines[11:13] == [
        "  2027-03-17 14:00  coaching  Coaching trio 3",
        "  2027-05-12 14:00  coaching  Coaching trio 4",
    ]
    assert lines[14:16] == ["Welcome:", "  # Welcome to Leading Across Systems"]
    assert programme(reflect, participant) == []


def test_show_as_json(reflect: Reflect, tmp_path: Path, participant: Path) -> None:
    pack = build(reflect, tmp_path)

    shown = reflect.json("pack", "show", str(pack), data_dir=participant)

    assert (shown["id"], shown["name"], shown["version"]) == (PACK_ID, NAME, 1)
    assert FINGERPRINT.fullmatch(shown["fingerprint"])
    assert shown["facilitator"]["name"] == "Sam Okafor"
    assert shown["uses"] == ["csif", "what-so-what-now-what", "grow"]
    assert shown["carries"] == ["huddle-check-in"]
    assert [(e["date"], e["kind"], e["framework"]) for e in shown["events"][:3]] == [
        ("2026-10-21", "workshop", "csif"),
        ("2026-11-11", "coaching", "grow"),
        ("2026-12-02", "workshop", "what-so-what-now-what"),
    ]
    assert shown["events"][0]["id"] == event_id(PACK_ID, "welcome-session")
    assert "entries" not in shown["events"][0]  # a pack not yet installed has none


def test_show_works_as_a_process(reflect: Reflect, tmp_path: Path, participant: Path) -> None:
    pack = build(reflect, tmp_path)
    in_process = reflect.ok("pack", "show", str(pack), data_dir=participant).out

    done = run_process("--data-dir", str(participant), "pack", "show", str(pack))

    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout == in_process


# Installing and updating ----------------------------------------------------------------------


def test_install_then_the_same_version_again(
    reflect: Reflect, tmp_path: Path, participant: Path
) -> None:
    pack = build(reflect, tmp_path)

    installed = reflect.ok("pack", "install", str(pack), data_dir=participant)
    again = reflect.ok("pack", "install", str(pack), data_dir=participant)

    assert installed.out == f"Installed {NAME}: 9 events. See them with: reflect programme\n"
    assert again.out == f"{NAME} version 1 is already installed.\n"
    (shown,) = programme(reflect, participant)
    assert (shown["id"], shown["version"], len(shown["events"])) == (PACK_ID, 1, 9)
    frameworks = reflect.json("frameworks", "list", data_dir=participant)
    assert {(f["id"], f["origin"]) for f in frameworks} >= {("huddle-check-in", "pack")}


def test_an_update_keeps_the_entries_written_for_events(
    reflect: Reflect, tmp_path: Path, participant: Path
) -> None:
    reflect.ok("pack", "install", str(build(reflect, tmp_path, name="v1")), data_dir=participant)
    workshop_2 = event_id(PACK_ID, "workshop-2")
    huddle = event_id(PACK_ID, "huddle")
    about_workshop = reflect.write("What I saw.", "--event", workshop_2, data_dir=participant)
    about_huddle = reflect.write("I stopped one meeting.", "--event", huddle, data_dir=participant)
    update = build(
        reflect,
        tmp_path,
        NEXT_VERSION,
        ("date = 2026-12-02", "date = 2026-12-09"),
        ('id = "huddle"', 'id = "retreat"'),
        name="v2",
    )

    updated = reflect.ok("pack", "install", str(update), data_dir=participant)

    assert updated.out == f"Updated {NAME} from version 1 to 2. Your entries are unchanged.\n"
    events = events_by_id(reflect, participant)
    assert (events[workshop_2]["date"], events[workshop_2]["entries"]) == (
        "2026-12-09",
        [about_workshop],
    )
    assert huddle not in events  # gone from the timeline; the entry still links to it
    assert event_id(PACK_ID, "retreat") in events
    kept = {e["id"] for e in reflect.entries(data_dir=participant)}
    assert kept == {about_workshop, about_huddle}
    assert programme(reflect, participant)[0]["version"] == 2


def test_an_older_version_is_refused_once_a_newer_one_is_installed(
    reflect: Reflect, tmp_path: Path, participant: Path
) -> None:
    older = build(reflect, tmp_path, name="v1")
    reflect.ok("pack", "install", str(build(reflect, tmp_path, NEXT_VERSION, name="v2")),
               data_dir=participant)  # fmt: skip

    refused = reflect("pack", "install", str(older), data_dir=participant)

    assert_one_error(refused, Msg.PACK_OLDER, path=older, name=NAME, installed=2, version=1)
    assert programme(reflect, participant)[0]["version"] == 2


def test_an_update_signed_by_someone_else_is_refused(
    reflect: Reflect, tmp_path: Path, participant: Path
) -> None:
    reflect.ok("pack", "install", str(build(reflect, tmp_path, name="v1")), data_dir=participant)
    impostor = example_folder(tmp_path / "impostor", NEXT_VERSION)
    forged = tmp_path / "forged.reflectpack"
    reflect.ok("pack", "build", str(impostor), "--out", str(forged), data_dir=tmp_path / "other")

    refused = reflect("pack", "install", str(forged), data_dir=participant)

    assert_one_error(refused, Msg.PACK_OTHER_SIGNER, path=forged, name=NAME)
    assert programme(reflect, participant)[0]["version"] == 1


# Refused files --------------------------------------------------------------------------------


@pytest.mark.parametrize("command", ["show", "install"])
def test_a_tampered_pack_is_refused(
    reflect: Reflect, tmp_path: Path, participant: Path, command: str
) -> None:
    pack = build(reflect, tmp_path)
    text = pack.read_text(encoding="utf-8")
    pack.write_text(text.replace("2026-11-11", "2026-11-12"), encoding="utf-8")

    refused = reflect("pack", command, str(pack), data_dir=participant)

    assert_one_error(refused, Msg.PACK_BAD_SIGNATURE, path=pack)
    assert programme(reflect, participant) == []


@pytest.mark.parametrize("command", ["show", "install"])
def test_a_missing_pack_file(reflect: Reflect, tmp_path: Path, command: str) -> None:
    missing = tmp_path / "no-such.reflectpack"

    assert_one_error(reflect("pack", command, str(missing)), Msg.FILE_NOT_FOUND, path=missing)


def test_a_file_that_is_not_a_pack(reflect: Reflect, tmp_path: Path) -> None:
    other = tmp_path / "notes.reflectpack"
    other.write_text('{"format": "reflect-export"}', encoding="utf-8")

    assert_one_error(reflect("pack", "install", str(other)), Msg.PACK_NOT_PACK, path=other)


SPEC_ERRORS = [
    (('kind = "coaching"', 'kind = "coachng"'), "events[1].kind",
     "must be one of workshop, coaching, other"),
    (('date = 2026-12-02', 'date = "02/12/2026"'), "events[2].date",
     "must be a date such as 2027-01-14"),
    (('title = "Coaching trio 1"', 'titel = "Coaching trio 1"'), "events[1].titel",
     'is not a known key (did you mean "title"?)'),
    (('id = "grow"', 'id = "grown"'), "frameworks[2].id", '"grown" is not a framework in Reflect'),
    (('welcome_file = "programme-welcome.md"', 'welcome_file = "missing.md"'),
     "pack.welcome_file", "cannot be used: There is no file or folder at {folder}/missing.md"),
    (('file = "huddle-check-in.toml"', 'file = "huddle.toml"'),
     "frameworks[3].file", "cannot be used: There is no file or folder at {folder}/huddle.toml"),
]  # fmt: skip


@pytest.mark.parametrize(("edit", "field", "reason"), SPEC_ERRORS, ids=[s[1] for s in SPEC_ERRORS])
def test_a_spec_error_names_the_field_and_writes_nothing(
    reflect: Reflect, tmp_path: Path, edit: tuple[str, str], field: str, reason: str
) -> None:
    spec = example_folder(tmp_path, edit)
    out = tmp_path / "cohort.reflectpack"

    refused = reflect("pack", "build", str(spec), "--out", str(out))

    reason = reason.format(folder=spec.parent)
    assert_one_error(refused, Msg.PACK_SPEC_INVALID, path=spec, field=field, reason=reason)
    assert not out.exists()


# The programme and writing for an event -------------------------------------------------------


@pytest.fixture
def recent(reflect: Reflect, tmp_path: Path, participant: Path) -> Path:
    """The example programme with its welcome workshop yesterday, the first trio tomorrow and
    the rest a fortnight apart after it (whatever day the tests run), installed in the
    participant's journal."""
    later = ("2026-12-02", "2026-12-23", "2027-01-20", "2027-02-10", "2027-03-17", "2027-05-12")
    later += ("2027-07-14",)
    # Latest first, so each replacement finds its own event's line and not one already moved.
    moves = [(f"date = {d}", f"date = {day(14 * n)}") for n, d in enumerate(later, 1)]
    moves.reverse()
    moves += [("date = 2026-11-11", f"date = {day(1)}"), ("date = 2026-10-21", f"date = {day(-1)}")]
    pack = build(reflect, tmp_path, *moves)
    reflect.ok("pack", "install", str(pack), data_dir=participant)
    return participant


def test_programme_lists_events_with_short_ids_and_what_waits(
    reflect: Reflect, recent: Path
) -> None:
    welcome = event_id(PACK_ID, "welcome-session")
    trio = event_id(PACK_ID, "trio-1")

    lines = reflect.ok("programme", data_dir=recent).out.splitlines()

    assert lines[0] == f"{NAME} (version 1)"
    assert lines[1:3] == [
        f"  {welcome[:8]}  {day(-1)} 10:00  workshop  Welcome session: your inquiry question"
        "  [reflect on this]",
        f"  {trio[:8]}  {day(1)} 14:00  coaching  Coaching trio 1",
    ]
    assert len(lines) == 10
    events = events_by_id(reflect, recent)
    assert (events[welcome]["waiting"], events[trio]["waiting"]) == (True, False)


def test_writing_for_an_event_links_the_entry_and_ends_the_offer(
    reflect: Reflect, recent: Path
) -> None:
    welcome = event_id(PACK_ID, "welcome-session")

    written = reflect.write("# After the welcome\nMet my trio.", "--event", welcome[:8],
                            data_dir=recent)  # fmt: skip

    event = events_by_id(reflect, recent)[welcome]
    assert (event["entries"], event["waiting"]) == ([written], False)
    line = reflect.ok("programme", data_dir=recent).out.splitlines()[1]
    assert line.endswith("Welcome session: your inquiry question  [1 entry]")


def test_writing_for_an_unknown_event(reflect: Reflect, recent: Path) -> None:
    refused = reflect("write", "Text", "--event", "ffffffff", data_dir=recent)

    assert_one_error(refused, Msg.EVENT_NOT_FOUND, id="ffffffff")
    assert reflect.entries(data_dir=recent) == []


def test_programme_without_a_pack(reflect: Reflect) -> None:
    shown = reflect.ok("programme")

    assert shown.out == (
        "No programme yet. Install your facilitator's pack: reflect pack install FILE\n"
    )


def test_an_encrypted_journal_installs_and_shows_a_programme(
    reflect: Reflect, tmp_path: Path, participant: Path
) -> None:
    pack = build(reflect, tmp_path)
    reflect.ok("write", "Before the programme.", data_dir=participant)
    reflect.ok("encrypt", data_dir=participant)  # a random key, kept in the key store

    installed = reflect.ok("pack", "install", str(pack), data_dir=participant)

    assert NAME in installed.out
    assert programme(reflect, participant)[0]["name"] == NAME
    assert NAME.encode() not in (participant / "journal.db").read_bytes()
