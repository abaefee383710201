"""Importing Day One JSON exports, as a Journal.json or as the export zip."""

from __future__ import annotations

import contextlib
import io
import json
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reflect.core.entry import Entry, EntryKind
from reflect.core.ids import stable_id
from reflect.errors import BadInput
from reflect.formats.dayone_import import read_dayone
from reflect.messages import Msg

SAMPLE = Path(__file__).parent / "samples" / "dayone" / "Journal.json"
WORK_JOURNAL = {
    "metadata": {"version": "1.0"},
    "entries": [
        {
            "uuid": "11111111222233334444555555555555",
            "creationDate": "2024-03-01T10:00:00Z",
            "text": "Programme board: agreed the measurement plan\\.",
            "tags": ["programme board"],
        }
    ],
}


def read(path: Path) -> list[Entry]:
    return list(read_dayone(path))


def zip_bytes(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


@pytest.fixture
def export_zip(tmp_path: Path) -> Path:
    """A Day One export as the app writes it, plus the clutter macOS adds to zips."""
    path = tmp_path / "Export-Journal.zip"
    path.write_bytes(
        zip_bytes(
            {
                "Journal.json": SAMPLE.read_bytes(),
                "photos/c0ffee00c0ffee00c0ffee00c0ffee00.jpeg": b"\xff\xd8\xff\xe0 not text",
                "Work/Work Journal.json": json.dumps(WORK_JOURNAL).encode(),
                "Work/settings.json": b'{"theme": "dark"}',
                "__MACOSX/._Journal.json": b"\x00\x05\x16\x07 resource fork",
            }
        )
    )
    return path


def write(tmp_path: Path, content: str | bytes, name: str = "Journal.json") -> Path:
    path = tmp_path / name
    path.write_bytes(content.encode() if isinstance(content, str) else content)
    return path


def malformed(path: Path) -> BadInput:
    with pytest.raises(BadInput) as exc:
        read(path)
    assert exc.value.msg is Msg.FILE_MALFORMED
    assert exc.value.params["format"] == "Day One"
    return exc.value


def test_heading_becomes_the_title_and_escapes_and_photos_are_cleaned() -> None:
    walkround = read(SAMPLE)[0]
    assert walkround.title == "Walkround on the frailty unit"
    assert walkround.body == (
        "Met the night team at 07:30. Handover took 40 minutes (twice the standard) "
        "because the electronic board was down!\n\n"
        "[photo not imported]\n\n"
        "Self-check: I asked more questions than I answered. Good."
    )
    assert walkround.kind is EntryKind.NOTE
    assert walkround.tags == ("frailty", "Gemba-walk")
    assert walkround.created == "2024-01-15T07:45:00.000000+00:00"
    assert walkround.updated == "2024-01-15T19:02:31.000000+00:00"


def test_text_without_a_heading_has_no_title_and_meaningful_escapes_stay() -> None:
    committee = read(SAMPLE)[1]
    assert committee.title == ""
    assert committee.body.startswith("Reflection after the quality committee. The non-executive")
    assert "\n\\#1 priority for next month" in committee.body
    assert "\n1\\. This line starts with a number" in committee.body
    assert "roughly £10k + a longer stay." in committee.body
    assert committee.tags == ("board", "quality-improvement", "starred")


def test_other_media_and_smaller_headings() -> None:
    session = read(SAMPLE)[2]
    assert session.title == "Lunchtime learning session"
    assert session.body.endswith("band 6 nurses.\n\n[video not imported]")
    assert session.updated == session.created


def test_entries_without_text_are_skipped() -> None:
    assert len(read(SAMPLE)) == 4


def test_ids_come_from_the_uuid_or_else_the_content() -> None:
    entries = read(SAMPLE)
    assert entries[0].id == stable_id("dayone", "5B1C9F0E3A7D4C2B8E6F1A9D0C3B7E42")
    raw = json.loads(SAMPLE.read_text())["entries"][3]["text"]
    assert entries[3].id == stable_id("dayone", entries[3].created, raw)
    assert [e.id for e in entries] == [e.id for e in read(SAMPLE)]


def test_progress_counts_entries() -> None:
    calls: list[tuple[int, int]] = []
    list(read_dayone(SAMPLE, lambda done, total: calls.append((done, total))))
    assert calls[-1] == (5, 5)
    assert [done for done, _ in calls] == [1, 2, 3, 4, 5]


def test_zip_reads_every_journal_and_ignores_other_files(export_zip: Path) -> None:
    entries = read(export_zip)
    assert [e.id for e in entries[:4]] == [e.id for e in read(SAMPLE)]
    assert entries[4].body == "Programme board: agreed the measurement plan."
    assert entries[4].tags == ("programme-board",)
    assert len(entries) == 5


def test_zip_progress_counts_entries_across_journals(export_zip: Path) -> None:
    calls: list[tuple[int, int]] = []
    list(read_dayone(export_zip, lambda done, total: calls.append((done, total))))
    assert calls[-1] == (6, 6)


# Errors


def test_missing_path(tmp_path: Path) -> None:
    with pytest.raises(BadInput) as exc:
        read(tmp_path / "Journal.json")
    assert exc.value.msg is Msg.FILE_NOT_FOUND


def test_not_utf8(tmp_path: Path) -> None:
    with pytest.raises(BadInput) as exc:
        read(write(tmp_path, b'{"entries": [{"text": "caf\xe9"}]}'))
    assert exc.value.msg is Msg.FILE_NOT_UTF8
    assert exc.value.params["offset"] == 26


def test_not_utf8_inside_the_zip_names_the_member(tmp_path: Path) -> None:
    path = write(tmp_path, zip_bytes({"Journal.json": b'{"entries": ["\xff"]}'}), "export.zip")
    with pytest.raises(BadInput) as exc:
        read(path)
    assert exc.value.msg is Msg.FILE_NOT_UTF8
    assert exc.value.params["path"] == path / "Journal.json"


@pytest.mark.parametrize("content", [b"", b" \n\t\n", b"\xef\xbb\xbf\n"])
def test_empty_file(tmp_path: Path, content: bytes) -> None:
    assert malformed(write(tmp_path, content)).params["reason"] == "no entries found"


@pytest.mark.parametrize(
    ("document", "reason"),
    [
        ('{"metadata": {"version": "1.0"}, "entries": [{"uuid": "A"', "line 1 column 58"),
        ("[]", 'expected an object with an "entries" list'),
        ('{"metadata": {}}', 'expected an object with an "entries" list'),
        ('{"entries": {"uuid": "A"}}', 'expected an object with an "entries" list'),
        ('{"entries": []}', "no entries found"),
        ('{"entries": [7]}', "entry 1 is not an object"),
        ('{"entries": [{"text": "a", "creationDate": "2024-01-01T00:00:00Z"}, {"text": "b"}]}',
         "entry 2 has no creationDate"),
        ('{"entries": [{"creationDate": "last Tuesday"}]}',
         "entry 1: creationDate 'last Tuesday' is not a date and time"),
        ('{"entries": [{"creationDate": "0001-01-01T00:00:00+05:00"}]}',
         "entry 1: creationDate '0001-01-01T00:00:00+05:00' is not a date and time"),
        # No clock west of Greenwich could show these: refused, not kept to crash a view later.
        ('{"entries": [{"creationDate": "0001-01-01T00:00:00Z"}]}',
         "entry 1: creationDate '0001-01-01T00:00:00Z' is too far in the past or the future"),
        ('{"entries": [{"creationDate": "2024-01-01T00:00:00Z", "modifiedDate": "9999-12-31"}]}',
         "entry 1: modifiedDate '9999-12-31' is too far in the past or the future"),
        ('{"entries": [{"creationDate": 1700000000}]}', "entry 1: creationDate is not text"),
        ('{"entries": [{"creationDate": "2024-01-01T00:00:00Z", "text": ["a"]}]}',
         "entry 1: text is not text"),
        ('{"entries": [{"creationDate": "2024-01-01T00:00:00Z", "text": "\\udc00"}]}',
         "entry 1: text is not text"),
        ('{"entries": [{"creationDate": "2024-01-01T00:00:00Z", "tags": "flow"}]}',
         "entry 1: tags is not a list of text"),
        ('{"entries": [{"creationDate": "2024-01-01T00:00:00Z", "modifiedDate": "soon"}]}',
         "entry 1: modifiedDate 'soon' is not a date and time"),
    ],
)  # fmt: skip
def test_malformed_json(tmp_path: Path, document: str, reason: str) -> None:
    error = malformed(write(tmp_path, document))
    assert error.params["reason"].startswith(reason)


def test_deeply_nested_json(tmp_path: Path) -> None:
    error = malformed(write(tmp_path, '{"entries": ' + "[" * 100_000))
    assert "cannot be read as JSON" in error.params["reason"]


@pytest.mark.parametrize("content", [b"PK\x03\x04 not really a zip", b"just text in a .zip", b""])
def test_bad_zip(tmp_path: Path, content: bytes) -> None:
    error = malformed(write(tmp_path, content, "export.zip"))
    assert error.params["reason"].startswith("it is not a readable zip file")


def test_zip_without_a_journal(tmp_path: Path) -> None:
    path = write(tmp_path, zip_bytes({"photos/a.jpeg": b"\xff\xd8", "x.json": b"{}"}), "e.zip")
    assert malformed(path).params["reason"].startswith("the zip holds no Day One journal")


def test_truncated_journal_in_the_zip_names_the_member(tmp_path: Path) -> None:
    path = write(tmp_path, zip_bytes({"Export/Journal.json": b'{"entries": ['}), "e.zip")
    assert malformed(path).params["reason"].startswith("Export/Journal.json line 1 column 14")


def test_bad_entry_in_a_zip_names_the_journal(tmp_path: Path) -> None:
    path = write(tmp_path, zip_bytes({"Journal.json": b'{"entries": [{"text": "a"}]}'}), "e.zip")
    assert malformed(path).params["reason"] == "Journal.json entry 1 has no creationDate"


def test_corrupted_member_in_the_zip(tmp_path: Path, export_zip: Path) -> None:
    data = bytearray(export_zip.read_bytes())
    start = data.index(b"Journal.json") + len("Journal.json")
    data[start + 10 : start + 40] = bytes(30)  # inside the first member's compressed data
    error = malformed(write(tmp_path, bytes(data), "damaged.zip"))
    assert "cannot be read from the zip" in error.params["reason"]


@settings(max_examples=200, deadline=None)
@given(data=st.binary())
def test_any_bytes_give_entries_or_bad_input(
    tmp_path_factory: pytest.TempPathFactory, data: bytes
) -> None:
    path = tmp_path_factory.mktemp("dayone") / "Journal.json"
    path.write_bytes(data)
    with contextlib.suppress(BadInput):
        assert all(isinstance(e, Entry) for e in read_dayone(path))


@settings(max_examples=200, deadline=None)
@given(damage=st.lists(st.tuples(st.integers(min_value=0), st.integers(0, 255)), max_size=8))
def test_damaged_zips_give_entries_or_bad_input(
    tmp_path_factory: pytest.TempPathFactory, damage: list[tuple[int, int]]
) -> None:
    data = bytearray(zip_bytes({"Journal.json": SAMPLE.read_bytes(), "p/a.jpeg": b"\xff\xd8"}))
    for position, value in damage:
        data[position % len(data)] = value
    path = tmp_path_factory.mktemp("dayone") / "export.zip"
    path.write_bytes(bytes(data))
    with contextlib.suppress(BadInput):
        assert all(isinstance(e, Entry) for e in read_dayone(path))
