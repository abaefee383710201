"""The user's keys: made once per journal, signing, backups, and standard age keys."""

from __future__ import annotations

import base64
import json
import shutil
import subprocess
from pathlib import Path

import pytest

from age_vectors import age_file, costly_passphrase_file, scrypt_spy
from fakes import QuickCipher
from reflect.errors import BadInput, StorageError
from reflect.exchange.identity import (
    BACKUP_FORMAT,
    IDENTITY_SECRET,
    Identity,
    export_backup,
    import_backup,
    load_or_create,
    save,
    verify,
)
from reflect.messages import Msg
from reflect.secrets.store import MemoryKeyStore

PASSPHRASE = "backup passphrase for tests"


@pytest.fixture(scope="module")
def identity() -> Identity:
    return Identity.generate()


def quick_backup(document: object) -> bytes:
    return QuickCipher().encrypt(json.dumps(document).encode(), PASSPHRASE)


def test_keys_are_made_on_first_use_and_then_reused() -> None:
    store = MemoryKeyStore("journal")
    made = load_or_create(store)
    assert list(store.secrets) == [f"journal/{IDENTITY_SECRET}"]
    assert load_or_create(store) == made
    assert load_or_create(store).recipient == made.recipient


def test_two_namespaces_are_two_identities() -> None:
    shared: dict[str, str] = {}
    one = load_or_create(MemoryKeyStore("one", shared))
    two = load_or_create(MemoryKeyStore("two", shared))
    assert one != two
    assert one.recipient != two.recipient
    assert one.signing_public != two.signing_public


def test_public_parts_have_the_documented_shape(identity: Identity) -> None:
    import pyrage

    assert identity.recipient.startswith("age1")
    assert str(pyrage.x25519.Recipient.from_str(identity.recipient)) == identity.recipient
    assert identity.signing_public.startswith("ed25519:")
    assert len(base64.b64decode(identity.signing_public.removeprefix("ed25519:"))) == 32


def test_repr_shows_no_private_key(identity: Identity) -> None:
    shown = repr(identity)
    assert "AGE-SECRET-KEY" not in shown
    assert identity.private_parts()["signing_key"] not in shown
    assert identity.recipient in shown


def test_a_signature_verifies_and_tampering_is_caught(identity: Identity) -> None:
    data = b'{"items": ["a reflection"]}'
    signature = identity.sign(data)
    assert len(signature) == 64
    assert verify(identity.signing_public, data, signature)
    assert not verify(identity.signing_public, data + b" ", signature)
    assert not verify(identity.signing_public, data, signature[:-1] + bytes([signature[-1] ^ 1]))
    assert not verify(identity.signing_public, data, signature[:32])
    assert not verify(Identity.generate().signing_public, data, signature)


@pytest.mark.parametrize(
    "public", ["", "ed25519:", "rsa:AAAA", "ed25519:not base64!", "ed25519:" + "A" * 40]
)
def test_a_malformed_signing_key_is_a_user_error(public: str) -> None:
    with pytest.raises(BadInput) as caught:
        verify(public, b"data", b"x" * 64)
    assert caught.value.msg is Msg.KEY_BAD_SIGNING_KEY


@pytest.mark.parametrize(
    "saved",
    [
        "not json",
        json.dumps({"format": "reflect-identity", "version": 1, "age_identity": "nope"}),
        json.dumps(
            {
                "format": "reflect-identity",
                "version": 1,
                "age_identity": "AGE-SECRET-KEY-1XYZ",
                "signing_key": base64.b64encode(b"k" * 32).decode(),
            }
        ),
        json.dumps({"format": "reflect-identity", "version": 9}),
    ],
    ids=["not-json", "missing-key", "bad-age-key", "newer"],
)
def test_damaged_saved_keys_are_reported_not_replaced(saved: str) -> None:
    store = MemoryKeyStore()
    store.set(IDENTITY_SECRET, saved)
    with pytest.raises(StorageError) as caught:
        load_or_create(store)
    assert caught.value.msg is Msg.KEY_STORED_DAMAGED
    assert store.get(IDENTITY_SECRET) == saved


def test_saving_replaces_the_identity_in_the_store(identity: Identity) -> None:
    store = MemoryKeyStore()
    load_or_create(store)
    save(store, identity)
    assert load_or_create(store) == identity


def test_backup_round_trip(identity: Identity) -> None:
    backup = export_backup(identity, PASSPHRASE, cipher=QuickCipher())
    assert import_backup(backup, PASSPHRASE, cipher=QuickCipher()) == identity


def test_backup_with_the_wrong_passphrase(identity: Identity) -> None:
    backup = export_backup(identity, PASSPHRASE, cipher=QuickCipher())
    with pytest.raises(BadInput) as caught:
        import_backup(backup, "something else", cipher=QuickCipher())
    assert caught.value.msg is Msg.KEY_BACKUP_WRONG_PASSPHRASE


def test_a_backup_needs_a_passphrase(identity: Identity) -> None:
    with pytest.raises(BadInput) as caught:
        export_backup(identity, "", cipher=QuickCipher())
    assert caught.value.msg is Msg.KEY_PASSPHRASE_EMPTY


def test_a_damaged_backup_file(identity: Identity) -> None:
    backup = export_backup(identity, PASSPHRASE, cipher=QuickCipher())
    for damaged in (backup[:-5], b"", b"a holiday photo"):
        with pytest.raises(BadInput) as caught:
            import_backup(damaged, PASSPHRASE, cipher=QuickCipher())
        assert caught.value.msg is Msg.KEY_BACKUP_DAMAGED


def test_a_backup_whose_contents_are_not_keys(identity: Identity) -> None:
    parts = identity.private_parts()
    for document in (
        "just text",
        {"format": "something-else", "version": 1},
        {"format": BACKUP_FORMAT, "version": 1, "age_identity": parts["age_identity"]},
        {
            "format": BACKUP_FORMAT,
            "version": 1,
            **parts,
            "recipient": Identity.generate().recipient,
        },
    ):
        with pytest.raises(BadInput) as caught:
            import_backup(quick_backup(document), PASSPHRASE, cipher=QuickCipher())
        assert caught.value.msg is Msg.KEY_BACKUP_DAMAGED
    not_json = QuickCipher().encrypt(b"\xff\xfe not json", PASSPHRASE)
    with pytest.raises(BadInput) as caught:
        import_backup(not_json, PASSPHRASE, cipher=QuickCipher())
    assert caught.value.msg is Msg.KEY_BACKUP_DAMAGED


def test_a_backup_from_a_newer_reflect(identity: Identity) -> None:
    document = {"format": BACKUP_FORMAT, "version": 2, **identity.private_parts()}
    with pytest.raises(BadInput) as caught:
        import_backup(quick_backup(document), PASSPHRASE, cipher=QuickCipher())
    assert caught.value.msg is Msg.KEY_BACKUP_TOO_NEW
    assert caught.value.params["version"] == 2


def test_a_copy_of_the_keys_file_restores_like_a_backup(identity: Identity, tmp_path: Path) -> None:
    from reflect.secrets.passphrase_file import PassphraseFileStore

    class Provider:
        def __call__(self, *, new: bool) -> str:
            return PASSPHRASE

    path = tmp_path / "keys.age"
    save(PassphraseFileStore(path, Provider(), cipher=QuickCipher()), identity)
    assert import_backup(path.read_bytes(), PASSPHRASE, cipher=QuickCipher()) == identity


def test_a_real_backup_is_armored_age_with_no_key_in_plain_text(identity: Identity) -> None:
    real_backup = export_backup(identity, PASSPHRASE)
    parts = identity.private_parts()
    assert real_backup.startswith(b"-----BEGIN AGE ENCRYPTED FILE-----")
    assert b"AGE-SECRET-KEY" not in real_backup
    assert parts["signing_key"].encode() not in real_backup
    pasted = b"\n\n" + real_backup.replace(b"\n", b"\r\n") + b"\n  \n"
    assert import_backup(pasted, PASSPHRASE) == identity


def test_our_age_keys_are_standard_age_keys(identity: Identity, tmp_path: Path) -> None:
    """pyrage encrypts to our recipient and the age tool decrypts with our identity, and back."""
    import pyrage

    age = shutil.which("age")
    if age is None:
        pytest.skip("the age command-line tool is not installed (Debian package: age)")
    identity_file = tmp_path / "identity.txt"
    identity_file.write_text(identity.private_parts()["age_identity"] + "\n", encoding="utf-8")
    sealed = pyrage.encrypt(b"hello from Reflect", [identity.age_identity.to_public()])
    opened = subprocess.run(
        [age, "--decrypt", "--identity", str(identity_file)],
        input=sealed,
        capture_output=True,
        check=True,
    )
    assert opened.stdout == b"hello from Reflect"
    from_age = subprocess.run(
        [age, "--encrypt", "--armor", "--recipient", identity.recipient],
        input=b"hello from age",
        capture_output=True,
        check=True,
    )
    assert pyrage.decrypt(from_age.stdout, [identity.age_identity]) == b"hello from age"


def test_a_key_backup_asking_for_too_much_work_is_refused_before_any(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A hostile "key backup" someone is tricked into restoring costs nothing to refuse."""
    with scrypt_spy(monkeypatch) as scrypt_calls, pytest.raises(BadInput) as caught:
        import_backup(costly_passphrase_file(), "password")

    assert caught.value.msg is Msg.KEY_BACKUP_TOO_COSTLY
    assert "23" in caught.value.text
    assert scrypt_calls == []


def test_a_key_backup_with_a_malformed_header_is_damaged_before_any_work(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with scrypt_spy(monkeypatch) as scrypt_calls, pytest.raises(BadInput) as caught:
        import_backup(age_file("stanza_missing_final_line"), "password")

    assert caught.value.msg is Msg.KEY_BACKUP_DAMAGED
    assert "malformed" in caught.value.text
    assert scrypt_calls == []
