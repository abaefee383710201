"""What a person reads on the command line about a trio exchange: entry titles, never raw ids;
handles they can type back; and "verified" meaning only that fingerprints were compared.

Every step copies only what the text output of an earlier command showed, as a person would.
"""

from __future__ import annotations

import re
from pathlib import Path

import keyring.core
import pytest
from cli_harness import Reflect, Result, assert_one_error

from fakes import MemoryKeyring
from reflect.app import open_app
from reflect.messages import Msg
from reflect.paths import resolve_paths

pytest_plugins = ("cli_fixtures",)


@pytest.fixture(autouse=True)
def memory_keyring(monkeypatch: pytest.MonkeyPatch) -> MemoryKeyring:
    backend = MemoryKeyring()
    monkeypatch.setattr(keyring.core, "_keyring_backend", backend)
    return backend


class People:
    def __init__(self, reflect: Reflect, root: Path) -> None:
        self.reflect = reflect
        self.root = root

    def ok(self, name: str, *args: str) -> Result:
        return self.reflect.ok(*args, data_dir=self.root / name)

    def card(self, name: str) -> Path:
        path = self.root / f"{name}.reflectcard"
        if not path.exists():
            shown = self.ok(name, "key", "show", "--name", name.title()).out
            path.write_text(shown.split("Fingerprint:")[0], encoding="utf-8")
        return path

    def add(self, name: str, other: str, verify: bool = True) -> None:
        self.ok(name, "peer", "add", "", str(self.card(other)))
        if verify:
            self.ok(name, "peer", "verify", other.title())


@pytest.fixture
def people(reflect: Reflect, tmp_path: Path) -> People:
    made = People(reflect, tmp_path)
    made.add("asha", "ben")
    made.add("ben", "asha")
    return made


def first_bundle_handle(inbox_text: str) -> str:
    """The short id the inbox listing shows at the start of a bundle's line."""
    found = re.findall(r"^    (\S+)  \d\d:\d\d  (?:summary|feedback)$", inbox_text, re.MULTILINE)
    assert found, inbox_text
    return str(found[0])


def asha_shares(people: People, tmp_path: Path) -> str:
    """Asha shares two entries with Ben; Ben receives them. The bundle handle Ben sees."""
    people.ok("asha", "write", "# Workshop 2\nWe mapped the handoffs.")
    people.ok("asha", "write", "# Friday report\nStopped the Friday report.")
    summary = tmp_path / "summary.reflect"
    people.ok("asha", "share", "--to", "Ben", "--since", "2000-01-01", "--note", "Push me",
              "--out", str(summary))  # fmt: skip
    people.ok("ben", "receive", str(summary))
    return first_bundle_handle(people.ok("ben", "inbox").out)


def test_feedback_names_entries_by_a_handle_the_inbox_shows(people: People, tmp_path: Path) -> None:
    handle = asha_shares(people, tmp_path)
    shown = people.ok("ben", "inbox", handle).out
    numbered = dict(re.findall(r"^\[entry (\d+)\] \S+ (.+)$", shown, re.MULTILINE))
    assert sorted(numbered.values()) == ["Friday report", "Workshop 2"]
    number = next(n for n, title in numbered.items() if title == "Workshop 2")
    feedback = tmp_path / "feedback.reflect"

    people.ok("ben", "feedback", handle, "--comment", f"{number}=Which handoff hurts?",
              "--out", str(feedback))  # fmt: skip

    got = people.ok("asha", "receive", str(feedback))
    assert "1 comment attached to your entries." in got.out
    listed = people.ok("asha", "inbox").out
    answer = first_bundle_handle(listed)
    read = people.ok("asha", "inbox", answer).out
    assert "Workshop 2" in read and "Which handoff hurts?" in read


def test_a_summary_shows_how_to_answer_it(people: People, tmp_path: Path) -> None:
    handle = asha_shares(people, tmp_path)

    shown = people.ok("ben", "inbox", handle).out

    assert f"reflect feedback {handle} --comment 1=" in shown


def test_full_entry_ids_still_name_entries(people: People, tmp_path: Path) -> None:
    handle = asha_shares(people, tmp_path)
    view = people.reflect.json("inbox", handle, data_dir=people.root / "ben")
    entry = next(i for i in view["items"] if i["type"] == "entry" and i["title"] == "Workshop 2")
    feedback = tmp_path / "feedback.reflect"

    people.ok("ben", "feedback", handle, "--comment", f"{entry['id']}=Which handoff hurts?",
              "--out", str(feedback))  # fmt: skip

    assert "1 comment attached" in people.ok("asha", "receive", str(feedback)).out


def test_feedback_read_back_names_the_entry_by_title_not_id(people: People, tmp_path: Path) -> None:
    handle = asha_shares(people, tmp_path)
    view = people.reflect.json("inbox", handle, data_dir=people.root / "ben")
    first, second = (i["id"] for i in view["items"] if i["type"] == "entry")
    feedback = tmp_path / "feedback.reflect"
    people.ok("ben", "feedback", handle, "--comment", f"{first}=Good", "--comment",
              f"{second}=Also good", "--out", str(feedback))  # fmt: skip
    people.ok("asha", "receive", str(feedback))
    answer = first_bundle_handle(people.ok("asha", "inbox").out)
    listed = people.reflect.json("list", data_dir=people.root / "asha")
    ids = [e["id"] for e in listed]
    app = open_app(resolve_paths(people.root / "asha"))
    try:  # Asha deletes "Friday report" for good, in the window
        app.entries.trash(next(e["id"] for e in listed if e["title"] == "Friday report"))
        app.entries.empty_trash()
    finally:
        app.close()

    read = people.ok("asha", "inbox", answer).out

    assert "Workshop 2" in read
    assert "an entry no longer in this journal" in read
    for entry_id in ids:
        assert entry_id[:8] not in read


def test_verified_means_the_fingerprint_was_compared(reflect: Reflect, tmp_path: Path) -> None:
    people = People(reflect, tmp_path)
    people.add("asha", "ben")
    people.add("ben", "asha", verify=False)  # Ben added Asha's card but compared nothing
    summary = tmp_path / "summary.reflect"
    people.ok("asha", "share", "--to", "Ben", "--note", "Hi", "--out", str(summary))

    got = people.ok("ben", "receive", str(summary))

    assert "reflect peer verify Asha" in got.err
    assert "not verified" in got.out
    [sender] = reflect.json("inbox", data_dir=tmp_path / "ben")
    assert (sender["signed_by_peer"], sender["sender_verified"]) == (True, False)
    assert sender["verified"] is False
    bundle = sender["sessions"][0]["bundles"][0]
    assert (bundle["signed_by_peer"], bundle["sender_verified"], bundle["verified"]) == (
        True, False, False,
    )  # fmt: skip
    assert "(not verified)" in people.ok("ben", "inbox").out

    people.ok("ben", "peer", "verify", "Asha", "--yes")

    [sender] = reflect.json("inbox", data_dir=tmp_path / "ben")
    assert (sender["signed_by_peer"], sender["sender_verified"], sender["verified"]) == (
        True, True, True,
    )  # fmt: skip
    assert "not verified" not in people.ok("ben", "inbox").out


@pytest.mark.parametrize("typed", ["0", "3", "-1", "１", "9" * 5000])
def test_a_number_no_entry_has_is_one_clear_error_and_writes_nothing(
    people: People, tmp_path: Path, typed: str
) -> None:
    handle = asha_shares(people, tmp_path)
    out = tmp_path / "feedback.reflect"

    refused = people.reflect("feedback", handle, "--comment", f"{typed}=Hi", "--out", str(out),
                             data_dir=people.root / "ben")  # fmt: skip

    assert_one_error(refused, Msg.FEEDBACK_UNKNOWN_ENTRY, id=typed)
    assert not out.exists()
