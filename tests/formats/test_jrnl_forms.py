"""jrnl in every form jrnl reads: time formats, config files, folder journals, the 1.x format and
encrypted journals (jrnl 1.x, 2.x–4.5 and 4.6+ encryption).

The files in ``samples/jrnl/from_jrnl/`` were written by jrnl itself (4.6, and 4.2 for the
2.x-style encryption) with the password ``correct horse``; ``jrnl_files`` makes more the same
way jrnl does.
"""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

import pytest

from jrnl_files import encrypt_v1, encrypt_v2, encrypt_v3
from reflect.core.clock import to_text
from reflect.core.entry import Entry
from reflect.errors import BadInput
from reflect.formats.jrnl_import import JrnlOptions, read_jrnl
from reflect.messages import Msg

SAMPLES = Path(__file__).parent / "samples" / "jrnl"
FROM_JRNL = SAMPLES / "from_jrnl"
PASSWORD = "correct horse"
PLAIN_TITLES = ["Board round huddle.", "Sponsor check-in", "Weekend thoughts."]


def read(path: Path, **options: object) -> list[Entry]:
    return list(read_jrnl(path, options=JrnlOptions(**options)))  # type: ignore[arg-type]


def refused(path: Path, **options: object) -> BadInput:
    with pytest.raises(BadInput) as exc:
        read(path, **options)
    return exc.value


def moments(entries: list[Entry]) -> list[str]:
    return [e.created for e in entries]


PLAIN_MOMENTS = [
    to_text(datetime(2024, 3, 1, 9, 15)),
    to_text(datetime(2024, 3, 1, 16, 40)),
    to_text(datetime(2024, 3, 2, 8, 5)),
]


def test_a_plain_journal_written_by_jrnl() -> None:
    entries = read(FROM_JRNL / "plain.txt")
    assert [e.title for e in entries] == PLAIN_TITLES
    assert moments(entries) == PLAIN_MOMENTS
    assert entries[0].body == "Talked about @flow and #discharge with the team."
    assert entries[0].tags == ("flow",)  # jrnl's default tag symbol is @ only
    assert entries[1].tags == ("starred",)


# Time formats and config


def test_a_custom_time_format_with_twelve_hour_clock() -> None:
    entries = read(FROM_JRNL / "ampm_day_first.txt", time_format="%d.%m.%Y %I:%M %p")
    assert [e.title for e in entries] == PLAIN_TITLES
    assert moments(entries) == PLAIN_MOMENTS


def test_the_same_entries_in_any_time_format_get_the_same_ids() -> None:
    custom = read(FROM_JRNL / "ampm_day_first.txt", time_format="%d.%m.%Y %I:%M %p")
    assert [e.id for e in custom] == [e.id for e in read(FROM_JRNL / "plain.txt")]


def test_without_the_time_format_a_custom_journal_is_refused_naming_the_line() -> None:
    error = refused(FROM_JRNL / "ampm_day_first.txt")
    assert error.msg is Msg.FILE_MALFORMED
    assert error.params["reason"].startswith("line 1: expected an entry to start with [")


def test_the_time_format_and_tag_symbols_come_from_jrnls_config(tmp_path: Path) -> None:
    config = tmp_path / "jrnl.yaml"
    config.write_text(
        "journals:\n"
        "  default: ~/journal.txt\n"
        "  work:\n"
        f"    journal: {FROM_JRNL / 'ampm_day_first.txt'}\n"
        "    timeformat: '%d.%m.%Y %I:%M %p'\n"
        "tagsymbols: '#@'\n"
        "timeformat: '%Y-%m-%d %H:%M'\n",
        encoding="utf-8",
    )
    entries = read(FROM_JRNL / "ampm_day_first.txt", config=config)
    assert moments(entries) == PLAIN_MOMENTS
    assert entries[0].tags == ("flow", "discharge")
    # The top-level time format is for journals the config does not list by path.
    assert moments(read(FROM_JRNL / "plain.txt", config=config)) == PLAIN_MOMENTS


def test_the_config_jrnl_wrote_is_read() -> None:
    entries = read(FROM_JRNL / "plain.txt", config=FROM_JRNL / "jrnl.yaml")
    assert entries[0].tags == ("flow", "discharge")


def test_the_time_format_option_wins_over_the_config(tmp_path: Path) -> None:
    config = tmp_path / "jrnl.yaml"
    config.write_text("timeformat: '%Y-%m-%d %H:%M'\n", encoding="utf-8")
    entries = read(FROM_JRNL / "ampm_day_first.txt", config=config, time_format="%d.%m.%Y %I:%M %p")
    assert moments(entries) == PLAIN_MOMENTS


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("timeformat: [unclosed\n", "it is not YAML"),
        ("- a list\n", "expected a mapping of settings"),
        ("timeformat: 5\n", "timeformat is not text"),
        ("tagsymbols: ''\n", "tagsymbols is not text"),
        ("journals: 5\n", "journals is not a mapping"),
    ],
)
def test_a_bad_config_is_refused(tmp_path: Path, content: str, reason: str) -> None:
    config = tmp_path / "jrnl.yaml"
    config.write_text(content, encoding="utf-8")
    error = refused(FROM_JRNL / "plain.txt", config=config)
    assert error.msg is Msg.FILE_MALFORMED
    assert error.params["format"] == "jrnl config"
    assert error.params["reason"].startswith(reason)


def test_a_time_format_that_is_not_a_format_is_refused() -> None:
    error = refused(FROM_JRNL / "plain.txt", time_format="no directives")
    assert error.msg is Msg.JRNL_BAD_TIME_FORMAT


# Folder journals


def test_a_folder_journal_written_by_jrnl() -> None:
    entries = read(FROM_JRNL / "folder")
    assert [e.title for e in entries] == PLAIN_TITLES
    assert moments(entries) == PLAIN_MOMENTS
    assert [e.id for e in entries] == [e.id for e in read(FROM_JRNL / "plain.txt")]


def day_file(root: Path, name: str, text: str) -> Path:
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_the_folder_gives_the_day_and_other_files_are_ignored(tmp_path: Path) -> None:
    day_file(tmp_path, "2024/02/29.txt", "[09:30] Leap day huddle\n")
    day_file(tmp_path, "2024/02/30.txt", "[09:30] No such day\n")
    day_file(tmp_path, "2024/13/01.txt", "[09:30] No such month\n")
    day_file(tmp_path, "2024/02/notes.txt", "anything\n")
    day_file(tmp_path, "README.md", "anything\n")
    entries = read(tmp_path, time_format="%H:%M")
    assert [e.title for e in entries] == ["Leap day huddle"]
    assert entries[0].created == to_text(datetime(2024, 2, 29, 9, 30))


def test_a_folder_without_day_files_is_refused(tmp_path: Path) -> None:
    (tmp_path / "notes").mkdir()
    error = refused(tmp_path)
    assert error.msg is Msg.FILE_MALFORMED
    assert "no YYYY/MM/DD.txt day files" in error.params["reason"]


def test_a_bad_day_file_is_named(tmp_path: Path) -> None:
    day_file(tmp_path, "2024/03/01.txt", "[2024-03-01 09:00] Fine\n")
    day_file(tmp_path, "2024/03/02.txt", "text before\n[2024-03-02 09:00] Fine\n")
    error = refused(tmp_path)
    assert error.params["reason"] == (
        f"{Path('2024/03/02.txt')} line 1: expected an entry to start with [YYYY-MM-DD HH:MM]"
    )


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_symlinks_out_of_the_folder_and_loops_are_not_followed(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    day_file(outside, "2024/03/05.txt", "[2024-03-05 09:00] Private\n")
    root = tmp_path / "journal"
    day_file(root, "2024/03/01.txt", "[2024-03-01 09:00] Mine\n")
    (root / "2023").symlink_to(outside / "2024")
    (root / "2024" / "04").symlink_to(outside / "2024" / "03")
    (root / "2024" / "03" / "02.txt").symlink_to(outside / "2024" / "03" / "05.txt")
    (root / "2024" / "05").symlink_to(root, target_is_directory=True)  # a loop
    assert [e.title for e in read(root)] == ["Mine"]


# The jrnl 1.x format


def test_the_jrnl_1_format_without_brackets() -> None:
    entries = read(SAMPLES / "legacy.txt")
    assert [e.title for e in entries] == [
        "Started keeping a journal on the ward.",
        "Good day",
        "Short one. @flow",
    ]
    assert entries[0].body == (
        "Board round at 9 with the @flow team.\n[Not a date] stays in the body."
    )
    assert entries[0].created == to_text(datetime(2013, 4, 2, 9, 30))
    assert entries[1].tags == ("starred",)
    assert entries[2].tags == ("flow",)


def test_the_jrnl_1_format_with_a_custom_time_format(tmp_path: Path) -> None:
    path = tmp_path / "old.txt"
    path.write_text("02/04/2013 09:30AM First\nbody\n03/04/2013 05:05PM Second\n", "utf-8")
    entries = read(path, time_format="%d/%m/%Y %I:%M%p")
    assert [(e.title, e.body) for e in entries] == [("First", "body"), ("Second", "")]
    assert entries[1].created == to_text(datetime(2013, 4, 3, 17, 5))


# Encrypted journals


@pytest.mark.parametrize("name", ["encrypted_v2.txt", "encrypted_v3.txt"])
def test_journals_jrnl_encrypted(name: str) -> None:
    entries = read(FROM_JRNL / name, password=PASSWORD)
    assert [e.id for e in entries] == [e.id for e in read(FROM_JRNL / "plain.txt")]


def test_a_jrnl_1_encrypted_journal() -> None:
    # Made by jrnl_files.encrypt_v1 and checked to open with jrnl 4.6's Jrnlv1Encryption.
    entries = read(SAMPLES / "legacy_encrypted_v1.bin", password=PASSWORD)
    assert [e.id for e in entries] == [e.id for e in read(SAMPLES / "legacy.txt")]


@pytest.mark.parametrize(
    "encrypt",
    [
        encrypt_v1,
        lambda text, password: encrypt_v1(text, password, space_padding=True),
        encrypt_v2,
        encrypt_v3,
    ],
)
def test_every_encryption_with_unicode_text_and_password(tmp_path: Path, encrypt: object) -> None:
    text = "[2024-05-01 10:00] Café huddle 🙂\nBody @équipe\n"
    path = tmp_path / "journal.txt"
    path.write_bytes(encrypt(text, "pässwörd"))  # type: ignore[operator]
    entries = read(path, password="pässwörd")
    assert [(e.title, e.body, e.tags) for e in entries] == [
        ("Café huddle 🙂", "Body @équipe", ("équipe",))
    ]


@pytest.mark.parametrize(
    ("path", "version"),
    [
        (FROM_JRNL / "encrypted_v2.txt", "jrnl 2"),
        (FROM_JRNL / "encrypted_v3.txt", "jrnl 4.6"),
        (SAMPLES / "legacy_encrypted_v1.bin", "jrnl 1"),
    ],
)
def test_an_encrypted_journal_without_a_password_says_so(path: Path, version: str) -> None:
    error = refused(path)
    assert error.msg is Msg.JRNL_PASSWORD_NEEDED
    assert version in error.params["version"]


@pytest.mark.parametrize(
    "path",
    [
        FROM_JRNL / "encrypted_v2.txt",
        FROM_JRNL / "encrypted_v3.txt",
        SAMPLES / "legacy_encrypted_v1.bin",
    ],
)
def test_a_wrong_password_is_one_clear_message(path: Path) -> None:
    assert refused(path, password="wrong").msg is Msg.JRNL_WRONG_PASSWORD


@pytest.mark.parametrize(
    "data",
    [
        b"gAAAAA" + b"not base64 at all!",
        b"gAAAAAB" + b"A" * 200,
        b"JRNLv3",
        b"JRNLv3\xff\xff" + b"x" * 10,
        b"JRNLv3\x00\x05abcde" + b"gAAAAA",
        b"JRNLv3\x00\x0b" + b"eyJzYWx0IjoxfQ==" + b"gAAAAA",
        os.urandom(16) + b"\xff" * 64,
    ],
)
def test_garbage_ciphertext_is_refused_clearly(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "journal.txt"
    path.write_bytes(data)
    assert refused(path, password=PASSWORD).msg is Msg.JRNL_WRONG_PASSWORD


def test_a_password_for_a_plain_journal_is_not_needed() -> None:
    assert len(read(FROM_JRNL / "plain.txt", password="unused")) == 3
