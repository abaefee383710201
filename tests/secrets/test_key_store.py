"""The key-store interface's in-memory store, and the fakes other tests lean on."""

from __future__ import annotations

import pytest

from fakes import BrokenKeyStore
from reflect.errors import StorageError
from reflect.messages import Msg
from reflect.secrets.store import MemoryKeyStore


def test_memory_store_keeps_replaces_and_forgets() -> None:
    store = MemoryKeyStore("journal-1")
    assert store.get("identity") is None
    store.set("identity", "one")
    store.set("identity", "two")
    assert store.get("identity") == "two"
    store.delete("identity")
    store.delete("identity")  # nothing there: fine
    assert store.get("identity") is None


def test_namespaces_sharing_one_backing_see_only_their_own() -> None:
    shared: dict[str, str] = {}
    first, second = MemoryKeyStore("a", shared), MemoryKeyStore("b", shared)
    first.set("identity", "secret-a")
    assert second.get("identity") is None
    second.set("identity", "secret-b")
    assert (first.get("identity"), second.get("identity")) == ("secret-a", "secret-b")


def test_memory_store_says_what_it_is() -> None:
    store = MemoryKeyStore()
    assert store.kind == "memory"
    assert store.describe() == Msg.KEY_MEMORY_DESCRIPTION.template


@pytest.mark.parametrize("name", ["", "a/b", " padded"])
def test_bad_names_are_bugs_not_user_errors(name: str) -> None:
    with pytest.raises(ValueError):
        MemoryKeyStore().set(name, "x")


@pytest.mark.parametrize("call", ["get", "set", "delete"])
def test_broken_store_fake_fails_every_call(call: str) -> None:
    store = BrokenKeyStore()
    with pytest.raises(StorageError) as caught:
        getattr(store, call)(*(["identity", "x"] if call == "set" else ["identity"]))
    assert caught.value.msg is Msg.KEYRING_FAILED
