"""Telling a keyring that can hold keys from one that can't, and the keyring-backed store."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from fakes import BrokenKeyring, MemoryKeyring, no_keyring
from reflect.errors import StorageError
from reflect.messages import Msg
from reflect.secrets.os_keyring import (
    SERVICE,
    KeyringProblem,
    OsKeyringStore,
    usable_backend,
    usable_keyring,
)


def backend_like(module: str, name: str = "Keyring", base: type = MemoryKeyring) -> object:
    """A working in-memory keyring dressed up as a class from ``module``."""
    return type(name, (base,), {"__module__": module})()


def chainer(*members: object) -> object:
    cls = type("ChainerBackend", (), {"__module__": "keyring.backends.chainer"})
    made = cls()
    made.backends = list(members)
    return made


class ForgetfulKeyring(MemoryKeyring):
    """Accepts values and never returns them."""

    def get_password(self, service: str, username: str) -> str | None:
        return None


def problem_with(backend: object) -> KeyringProblem:
    with pytest.raises(KeyringProblem) as caught:
        usable_backend(backend)
    return caught.value


def test_a_working_keyring_is_usable_and_the_probe_leaves_nothing() -> None:
    backend = MemoryKeyring()
    assert usable_keyring(backend)
    assert backend.passwords == {}


def test_keyrings_fail_backend_means_no_keyring() -> None:
    assert not usable_keyring(no_keyring())
    assert problem_with(no_keyring()).msg is Msg.KEYRING_NOT_FOUND


def test_keyrings_null_backend_means_no_keyring() -> None:
    from keyring.backends import null

    assert problem_with(null.Keyring()).msg is Msg.KEYRING_NOT_FOUND


@pytest.mark.parametrize("module", ["keyrings.alt.file", "keyrings.alt.Gnome", "keyrings.alt"])
def test_plain_text_keyrings_from_keyrings_alt_are_refused(module: str) -> None:
    backend = backend_like(module, "PlaintextKeyring")
    assert not usable_keyring(backend)
    assert problem_with(backend).msg is Msg.KEYRING_PLAIN_TEXT


def test_a_module_merely_named_like_keyrings_alt_is_not_refused() -> None:
    assert usable_keyring(backend_like("keyrings.alternative_vault"))


def test_a_keyring_that_raises_on_the_probe_is_not_working() -> None:
    backend = BrokenKeyring()
    problem = problem_with(backend)
    assert problem.msg is Msg.KEYRING_NOT_WORKING
    assert "DBus" in problem.detail


def test_a_locked_keyring_is_not_working() -> None:
    from keyring.errors import KeyringLocked

    assert problem_with(BrokenKeyring(KeyringLocked("locked"))).msg is Msg.KEYRING_NOT_WORKING


def test_a_keyring_that_forgets_is_not_working() -> None:
    assert problem_with(ForgetfulKeyring()).msg is Msg.KEYRING_NOT_WORKING


def test_an_empty_chainer_means_no_keyring() -> None:
    assert problem_with(chainer()).msg is Msg.KEYRING_NOT_FOUND


def test_a_chainer_of_plain_text_keyrings_is_refused_for_that_reason() -> None:
    members = (no_keyring(), backend_like("keyrings.alt.file", "PlaintextKeyring"))
    assert problem_with(chainer(*members)).msg is Msg.KEYRING_PLAIN_TEXT


def test_a_chainer_yields_its_first_usable_member_never_a_plain_text_one() -> None:
    safe = backend_like("keyring.backends.SecretService")
    plain = backend_like("keyrings.alt.file", "PlaintextKeyring")
    picked = usable_backend(chainer(plain, BrokenKeyring(), safe))
    assert picked is safe


def test_store_saves_under_reflect_and_a_namespaced_user() -> None:
    backend = MemoryKeyring()
    store = OsKeyringStore("journal-1", backend)
    store.set("identity", "secret")
    assert backend.passwords == {(SERVICE, "journal-1/identity"): "secret"}
    assert store.get("identity") == "secret"
    store.delete("identity")
    store.delete("identity")  # nothing there: fine
    assert store.get("identity") is None


def test_two_journals_on_one_keyring_keep_separate_secrets() -> None:
    backend = MemoryKeyring()
    first, second = OsKeyringStore("a", backend), OsKeyringStore("b", backend)
    first.set("identity", "for a")
    assert second.get("identity") is None


@pytest.mark.parametrize("call", ["get", "set", "delete"])
def test_a_keyring_that_stops_working_gives_a_clear_error(call: str) -> None:
    store = OsKeyringStore("journal", BrokenKeyring(ValueError("prompt dismissed")))
    with pytest.raises(StorageError) as caught:
        getattr(store, call)(*(["identity", "x"] if call == "set" else ["identity"]))
    assert caught.value.msg is Msg.KEYRING_FAILED
    assert "prompt dismissed" in caught.value.text


def test_the_first_save_records_that_keys_live_in_the_keyring(tmp_path: Path) -> None:
    record = tmp_path / "key-location.json"
    store = OsKeyringStore("journal", MemoryKeyring(), record_in=record)
    store.get("identity")
    assert not record.exists()
    store.set("identity", "very-secret-value")
    document = json.loads(record.read_text(encoding="utf-8"))
    assert document["store"] == "keyring"
    assert document["namespace"] == "journal"
    assert "very-secret-value" not in record.read_text(encoding="utf-8")


def test_the_store_names_the_keyring_in_plain_words() -> None:
    store = OsKeyringStore("journal", backend_like("keyring.backends.SecretService"))
    assert store.kind == "keyring"
    assert store.describe() == "the system keyring (Secret Service)"
