"""The passphrase-protected keys file: asked once, written atomically, never plain text."""

from __future__ import annotations

import errno
import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from age_vectors import costly_passphrase_file, scrypt_spy
from fakes import FixedPassphrase, QuickCipher
from reflect.errors import BadInput, StorageError
from reflect.messages import Msg
from reflect.secrets.passphrase_file import FORMAT, PassphraseFileStore, keys_file

SECRET = "AGE-SECRET-KEY-1QQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQ"


class Answers:
    """A provider that gives one answer after another."""

    def __init__(self, *answers: str) -> None:
        self.answers: Iterator[str] = iter(answers)
        self.asked = 0

    def __call__(self, *, new: bool) -> str:
        self.asked += 1
        return next(self.answers)


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return keys_file(tmp_path / "journal")


def store_at(path: Path, passphrase: object = None) -> PassphraseFileStore:
    return PassphraseFileStore(path, passphrase or FixedPassphrase(), cipher=QuickCipher())


def test_nothing_is_asked_until_a_secret_is_first_saved(path: Path) -> None:
    asked = FixedPassphrase()
    store = store_at(path, asked)
    assert store.get("identity") is None
    assert asked.asked == []
    store.set("identity", SECRET)
    store.set("other", "value")
    assert store.get("identity") == SECRET
    assert asked.asked == [True]  # once, and for a new file
    assert path.exists()


def test_a_new_session_asks_once_and_reads_what_was_saved(path: Path) -> None:
    store_at(path).set("identity", SECRET)
    asked = FixedPassphrase()
    reopened = store_at(path, asked)
    assert reopened.get("identity") == SECRET
    reopened.set("other", "value")
    reopened.delete("identity")
    assert asked.asked == [False]
    assert store_at(path).get("identity") is None
    assert store_at(path).get("other") == "value"


def test_wrong_passphrase_is_a_clear_error_and_asked_again(path: Path) -> None:
    store_at(path).set("identity", SECRET)
    answers = Answers("wrong", "correct horse battery staple")
    store = store_at(path, answers)
    with pytest.raises(BadInput) as caught:
        store.get("identity")
    assert caught.value.msg is Msg.KEY_FILE_WRONG_PASSPHRASE
    assert str(path) in caught.value.text
    assert store.get("identity") == SECRET
    assert answers.asked == 2


def test_an_empty_passphrase_is_refused_and_nothing_written(path: Path) -> None:
    with pytest.raises(BadInput) as caught:
        store_at(path, FixedPassphrase("")).set("identity", SECRET)
    assert caught.value.msg is Msg.KEY_PASSPHRASE_EMPTY
    assert not path.exists()


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: b"",
        lambda data: b"not an encrypted file at all",
        lambda data: data[:-7],
        lambda data: data[:-1] + bytes([data[-1] ^ 1]),
    ],
    ids=["empty", "garbage", "truncated", "bit-flipped"],
)
def test_a_damaged_file_is_a_clear_error(path: Path, damage: object) -> None:
    store_at(path).set("identity", SECRET)
    path.write_bytes(damage(path.read_bytes()))  # type: ignore[operator]
    with pytest.raises(BadInput) as caught:
        store_at(path).get("identity")
    assert caught.value.msg is Msg.KEY_FILE_DAMAGED


@pytest.mark.parametrize(
    "document",
    [
        {"format": "something-else", "version": 1, "secrets": {}},
        {"format": FORMAT, "secrets": {}},
        {"format": FORMAT, "version": 1, "secrets": {"identity": 7}},
        ["not", "a", "document"],
    ],
)
def test_a_file_that_opens_but_holds_no_keys_is_damaged(path: Path, document: object) -> None:
    path.parent.mkdir(parents=True)
    passphrase = "correct horse battery staple"
    path.write_bytes(QuickCipher().encrypt(json.dumps(document).encode(), passphrase))
    with pytest.raises(BadInput) as caught:
        store_at(path).get("identity")
    assert caught.value.msg is Msg.KEY_FILE_DAMAGED


def test_a_file_from_a_newer_reflect_is_refused(path: Path) -> None:
    path.parent.mkdir(parents=True)
    document = {"format": FORMAT, "version": 2, "secrets": {}}
    path.write_bytes(
        QuickCipher().encrypt(json.dumps(document).encode(), "correct horse battery staple")
    )
    with pytest.raises(BadInput) as caught:
        store_at(path).get("identity")
    assert caught.value.msg is Msg.KEY_FILE_TOO_NEW
    assert caught.value.params["version"] == 2


def test_a_failed_write_leaves_the_old_file_and_no_partial_file(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = store_at(path)
    store.set("identity", SECRET)
    before = path.read_bytes()

    def disk_full(source: object, target: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", disk_full)
    with pytest.raises(StorageError) as caught:
        store.set("identity", "replacement")
    monkeypatch.undo()
    assert caught.value.msg is Msg.DISK_FULL
    assert path.read_bytes() == before
    assert [p.name for p in path.parent.iterdir()] == [path.name]
    assert store.get("identity") == SECRET


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_the_keys_file_is_readable_by_its_owner_only(path: Path) -> None:
    store_at(path).set("identity", SECRET)
    assert path.stat().st_mode & 0o077 == 0


def test_the_file_holds_no_secret_in_plain_text(path: Path) -> None:
    store_at(path).set("identity", SECRET)
    data = path.read_bytes()
    assert b"AGE-SECRET-KEY" not in data
    assert SECRET.encode() not in data


def test_starting_over_replaces_a_file_that_cannot_be_opened(path: Path) -> None:
    store_at(path).set("identity", SECRET)
    forgotten = store_at(path, FixedPassphrase("forgotten"))
    with pytest.raises(BadInput):
        forgotten.get("identity")
    asked = FixedPassphrase("a new passphrase")
    store = store_at(path, asked)
    store.start_over()
    assert store.get("identity") is None
    assert path.exists()  # untouched until something is saved
    store.set("identity", "restored")
    assert asked.asked == [True]
    assert store_at(path, FixedPassphrase("a new passphrase")).get("identity") == "restored"


def test_the_store_says_where_the_keys_are(path: Path) -> None:
    store = store_at(path)
    assert store.kind == "passphrase-file"
    assert store.describe() == f"an encrypted file protected by your passphrase: {path}"


def test_a_keys_file_asking_for_too_much_work_is_refused_before_any(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A hostile keys.age (or one planted in the data folder): refused, unchanged, no scrypt."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(costly_passphrase_file())
    before = path.read_bytes()
    store = PassphraseFileStore(path, FixedPassphrase("password"))

    with scrypt_spy(monkeypatch) as scrypt_calls, pytest.raises(BadInput) as caught:
        store.get("identity")

    assert caught.value.msg is Msg.KEY_FILE_TOO_COSTLY
    assert caught.value.params["factor"] == 23
    assert scrypt_calls == []
    assert path.read_bytes() == before
