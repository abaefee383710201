"""The exchange commands: key, peer, trio, share, receive, inbox and feedback.

The commands run in this process and ask ``keyring`` for the system keyring as usual; keyring's
current backend is swapped for an in-memory one (``keyring.set_keyring`` would refuse a fake that
is not a registered backend class), so keys never touch the real keyring. Every refusal is one
line on stderr with exit code 1, and the journal's exchange tables hold exactly what they held
before.
"""

from __future__ import annotations

import base64
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import keyring.core
import pyrage
import pytest
from cli_harness import Reflect, Result, assert_one_error

from age_vectors import costly_passphrase_file, scrypt_spy
from fakes import MemoryKeyring, QuickCipher, no_keyring
from reflect.app import App, open_app
from reflect.core.action import ActionKind
from reflect.messages import Msg
from reflect.paths import resolve_paths
from reflect.secrets.age_passphrase import AgeScrypt

pytest_plugins = ("cli_fixtures",)

BEGIN = b"-----BEGIN AGE ENCRYPTED FILE-----"
END = b"-----END AGE ENCRYPTED FILE-----"
TABLES = ("received", "comments", "private_notes", "peers")


@pytest.fixture(autouse=True)
def memory_keyring(monkeypatch: pytest.MonkeyPatch) -> MemoryKeyring:
    backend = MemoryKeyring()
    monkeypatch.setattr(keyring.core, "_keyring_backend", backend)
    return backend


@dataclass
class Trio:
    reflect: Reflect
    root: Path

    def dir(self, name: str) -> Path:
        return self.root / name

    def run(self, name: str, *args: str) -> Result:
        return self.reflect(*args, data_dir=self.dir(name))

    def ok(self, name: str, *args: str) -> Result:
        return self.reflect.ok(*args, data_dir=self.dir(name))

    def card_file(self, name: str) -> Path:
        path = self.root / f"{name}.reflectcard"
        if not path.exists():
            card = self.ok(name, "key", "show", "--name", name.title()).out
            path.write_text(card.split("Fingerprint:")[0], encoding="utf-8")
        return path

    def meet(self, name: str, *others: str) -> None:
        for other in others:
            self.ok(name, "peer", "add", "", str(self.card_file(other)))
            self.ok(name, "peer", "verify", other.title())

    def app(self, name: str) -> App:
        return open_app(resolve_paths(self.dir(name)))

    def counts(self, name: str) -> dict[str, int]:
        app = self.app(name)
        try:
            return {t: app.store.scalar(f"SELECT count(*) FROM {t}") for t in TABLES}
        finally:
            app.close()

    def identity(self, name: str) -> Any:
        app = self.app(name)
        try:
            return app.keys.identity()
        finally:
            app.close()


@pytest.fixture
def trio(reflect: Reflect, tmp_path: Path) -> Trio:
    made = Trio(reflect, tmp_path)
    made.meet("asha", "ben", "cai")
    made.meet("ben", "asha", "cai")
    made.meet("cai", "asha", "ben")
    return made


def share_to(trio: Trio, path: Path, *to: str, note: str = "Push me on measures.") -> Path:
    args = [arg for name in to for arg in ("--to", name)]
    trio.ok("asha", "share", *args, "--note", note, "--out", str(path))
    return path


# Keys -----------------------------------------------------------------------------------------


def test_key_show_prints_the_card_fingerprint_and_where(reflect: Reflect) -> None:
    shown = reflect.ok("key", "show", "--name", "Asha Patel")

    card, rest = shown.out.split("-----END REFLECT CONTACT CARD-----\n")
    assert card.startswith("-----BEGIN REFLECT CONTACT CARD-----\nversion: 1\nname: Asha Patel\n")
    assert re.fullmatch(
        r"Fingerprint: (\w{4} ){5}\w{4}\nYour keys are kept in the system keyring \(.+\)\.\n",
        rest,
    )
    as_json = reflect.json("key", "show")
    assert as_json["name"] == "Asha Patel" and as_json["store"] == "keyring"
    assert as_json["card"] == card + "-----END REFLECT CONTACT CARD-----\n"


def test_key_show_asks_for_a_name_once(reflect: Reflect) -> None:
    assert_one_error(reflect("key", "show"), Msg.NAME_NEEDED)


def test_without_a_keyring_the_passphrase_file_is_explained_once(
    reflect: Reflect, monkeypatch: pytest.MonkeyPatch, quick_scrypt: None
) -> None:
    monkeypatch.setattr(keyring.core, "_keyring_backend", no_keyring())
    monkeypatch.setenv("KEYS_PASS", "correct horse battery staple")

    assert_one_error(reflect("key", "show", "--name", "Asha"), Msg.PASSPHRASE_NEEDS_TERMINAL)
    first = reflect.ok("key", "show", "--name", "Asha", "--passphrase-env", "KEYS_PASS")
    again = reflect.ok("key", "show", "--passphrase-env", "KEYS_PASS")

    assert first.err == Msg.KEYRING_NOT_FOUND.template + "\n"
    assert again.err == ""
    keys_file = reflect.data_dir / "keys.age"
    assert f"Your keys are kept in {Msg.KEY_FILE_DESCRIPTION.template.format(path=keys_file)}" in (
        again.out
    )
    assert first.out == again.out
    for path in reflect.data_dir.rglob("*"):
        assert not path.is_file() or b"AGE-SECRET-KEY" not in path.read_bytes().upper()
    missing = reflect("key", "show", "--passphrase-env", "NO_SUCH_VARIABLE")
    assert_one_error(missing, Msg.PASSPHRASE_ENV_MISSING, name="NO_SUCH_VARIABLE")


@pytest.fixture
def quick_scrypt(monkeypatch: pytest.MonkeyPatch) -> None:
    """Key backups with QuickCipher instead of age scrypt's second of work per call."""
    quick = QuickCipher()
    monkeypatch.setattr(
        AgeScrypt, "encrypt", lambda self, text, secret: quick.encrypt(text, secret)
    )
    monkeypatch.setattr(
        AgeScrypt, "decrypt", lambda self, data, secret: quick.decrypt(data, secret)
    )


def test_key_backup_and_restore(
    reflect: Reflect, monkeypatch: pytest.MonkeyPatch, quick_scrypt: None
) -> None:
    monkeypatch.setenv("BACKUP_PASS", "hedgehog")
    card = reflect.ok("key", "show", "--name", "Asha").out
    backup = reflect.data_dir.parent / "asha-keys.age"

    saved = reflect.ok("key", "backup", "--out", str(backup), "--passphrase-env", "BACKUP_PASS")
    assert saved.out == f"Saved your keys to {backup}. Keep the file and its passphrase apart.\n"

    laptop = reflect.data_dir.parent / "laptop"
    reflect.ok("key", "show", "--name", "Asha", data_dir=laptop)
    refused = reflect("key", "restore", str(backup), "--passphrase-env", "BACKUP_PASS",
                      data_dir=laptop)  # fmt: skip
    assert_one_error(refused)
    assert refused.err.startswith("Error: This journal already has different keys")
    reflect.ok("key", "restore", str(backup), "--replace", "--passphrase-env", "BACKUP_PASS",
               data_dir=laptop)  # fmt: skip
    assert reflect.ok("key", "show", data_dir=laptop).out == card
    monkeypatch.setenv("BACKUP_PASS", "wrong")
    wrong = reflect("key", "restore", str(backup), "--passphrase-env", "BACKUP_PASS")
    assert_one_error(wrong, Msg.KEY_BACKUP_WRONG_PASSPHRASE)


# Peers and trios ------------------------------------------------------------------------------


def test_peers_from_a_card_file_text_or_plain_recipient(reflect: Reflect, tmp_path: Path) -> None:
    trio = Trio(reflect, tmp_path)
    ben_card = trio.card_file("ben").read_text(encoding="utf-8")
    dev = str(pyrage.x25519.Identity.generate().to_public())

    added = trio.ok("asha", "peer", "add", "", ben_card)
    assert added.out.startswith("Added Ben. Fingerprint: ")
    trio.ok("asha", "peer", "add", "Cai", str(trio.card_file("cai")))
    reflect.ok("peer", "add", "Dev", "-", data_dir=trio.dir("asha"), stdin=f"key: {dev}\n")

    listed = trio.reflect.json("peer", "list", data_dir=trio.dir("asha"))
    assert [(p["name"], p["verified"], p["can_verify"]) for p in listed] == [
        ("Ben", False, True),
        ("Cai", False, True),
        ("Dev", False, False),
    ]
    ben_fingerprint = trio.reflect.json("key", "show", data_dir=trio.dir("ben"))["fingerprint"]
    assert listed[0]["fingerprint"] == ben_fingerprint
    assert "age key only" in trio.ok("asha", "peer", "list").out
    assert_one_error(trio.run("asha", "peer", "verify", "Dev"), Msg.PEER_CANNOT_VERIFY, name="Dev")
    assert_one_error(trio.run("asha", "peer", "add", "", ben_card), Msg.PEER_ALREADY_ADDED,
                     name="Ben")  # fmt: skip
    assert_one_error(trio.run("asha", "peer", "verify", "Zed"), Msg.PEER_NOT_FOUND, name="Zed")
    assert trio.ok("asha", "peer", "verify", "ben").out.endswith("Ben is verified.\n")


def test_sharing_goes_to_the_trio(trio: Trio, tmp_path: Path) -> None:
    trio.ok("asha", "trio", "create", "Spring", "Ben", "Cai")
    assert trio.ok("asha", "trio", "list").out == "Spring: Ben, Cai\n"

    shared = trio.ok("asha", "share", "--note", "Hello", "--out", str(tmp_path / "s"))

    assert shared.out.startswith("To: Ben, Cai\n  note        Hello\nWrote ")
    assert (tmp_path / "s.reflect").exists()


# Sharing --------------------------------------------------------------------------------------


def test_share_prints_what_leaves_and_warns_about_identifiers(trio: Trio, tmp_path: Path) -> None:
    entry = trio.reflect.write("Met Dr Patel about 943 476 5919.", data_dir=trio.dir("asha"))

    dry = trio.ok("asha", "share", "--to", "Ben", "--entry", entry, "--dry-run",
                  "--out", str(tmp_path / "shared"))  # fmt: skip

    assert "entry" in dry.out and "Met Dr Patel about 943 476 5919." in dry.out
    assert "Warning: entry 1, body: 'Dr Patel' looks like a person's name\n" in dry.err
    assert "Warning: entry 1, body: '943 476 5919' looks like an NHS number\n" in dry.err
    assert not list(tmp_path.glob("shared*"))


def test_sharing_an_inquiry_sends_its_history_entries_and_actions(
    trio: Trio, tmp_path: Path
) -> None:
    asha = trio.dir("asha")
    inquiry = trio.reflect.add_inquiry("Why do we never stop anything?", data_dir=asha)
    trio.ok("asha", "inquiry", "reword", inquiry, "How do we make stopping work feel safe?")
    trio.reflect.write("# Workshop 2\nWe mapped the handoffs.", "--inquiry", inquiry,
                       data_dir=asha)  # fmt: skip
    trio.reflect.write("Something else entirely.", data_dir=asha)
    app = trio.app("asha")
    try:
        app.actions.add("Stop the Friday report", ActionKind.STOP, inquiry_id=inquiry)
    finally:
        app.close()
    summary = tmp_path / "summary.reflect"

    shared = trio.ok("asha", "share", "--to", "Ben", "--inquiry", inquiry, "--out", str(summary))

    lines = shared.out.splitlines()
    assert lines[1].split() == ["inquiry", "How", "do", "we", "make", "stopping", "work", "feel",
                                "safe?"]  # fmt: skip
    assert "earlier: Why do we never stop anything?" in lines[2]
    assert [line.split()[0] for line in lines[3:5]] == ["entry", "action"]
    assert "Workshop 2" in lines[3] and "Stop the Friday report" in lines[4]
    assert "Something else" not in shared.out
    trio.ok("ben", "receive", str(summary))
    [sender] = trio.reflect.json("inbox", data_dir=trio.dir("ben"))
    bundle_id = sender["sessions"][0]["bundles"][0]["id"]
    view = trio.reflect.json("inbox", bundle_id, data_dir=trio.dir("ben"))
    assert [i["type"] for i in view["items"]] == ["inquiry", "entry", "action"]
    assert [w["question"] for w in view["items"][0]["wordings"]] == [
        "Why do we never stop anything?",
        "How do we make stopping work feel safe?",
    ]

    tomorrow = (date.today() + timedelta(days=1)).isoformat()
    later = trio.ok("asha", "share", "--to", "Ben", "--inquiry", inquiry, "--since", tomorrow,
                    "--dry-run", "--out", str(tmp_path / "later"))  # fmt: skip
    assert [line.split()[0] for line in later.out.splitlines()[1:]] == ["inquiry", "earlier:"]


def test_share_with_a_passphrase_warns_to_send_it_separately(
    trio: Trio, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BUNDLE_PASS", "five pale owls")
    out = tmp_path / "locked.reflect"

    shared = trio.ok("asha", "share", "--note", "Hi", "--passphrase", "--passphrase-env",
                     "BUNDLE_PASS", "--out", str(out))  # fmt: skip

    assert shared.out.startswith("Locked with a passphrase\n")
    assert shared.err.endswith(Msg.SHARE_PASSPHRASE_SEPARATELY.template + "\n")
    assert_one_error(trio.run("ben", "receive", str(out)), Msg.BUNDLE_NEEDS_PASSPHRASE)
    got = trio.ok("ben", "receive", str(out), "--passphrase-env", "BUNDLE_PASS")
    assert got.out == "Received a summary from Asha: 1 item.\n"


def test_share_refusals_are_one_line(trio: Trio, tmp_path: Path) -> None:
    out = str(tmp_path / "shared")
    assert_one_error(trio.run("asha", "share", "--out", out), Msg.SHARE_NOTHING)
    assert_one_error(trio.run("asha", "share", "--note", "Hi", "--out", out),
                     Msg.SHARE_NO_RECIPIENTS)  # fmt: skip
    assert_one_error(trio.run("asha", "share", "--since", "March", "--note", "x", "--out", out),
                     Msg.BAD_DATE, value="March")  # fmt: skip
    assert not list(tmp_path.glob("shared*"))


# Receiving ------------------------------------------------------------------------------------


def test_a_trio_round_trip_through_the_command_line(trio: Trio, tmp_path: Path) -> None:
    trio.ok("asha", "trio", "create", "Spring", "Ben", "Cai")
    inquiry = trio.reflect.add_inquiry("How do we stop safely?", data_dir=trio.dir("asha"))
    entry = trio.reflect.write("# Workshop 2\nWe mapped the handoffs.", "--inquiry", inquiry,
                               data_dir=trio.dir("asha"))  # fmt: skip
    summary = tmp_path / "summary.reflect"

    trio.ok("asha", "share", "--inquiry", inquiry, "--entry", entry, "--note", "Push me",
            "--out", str(summary))  # fmt: skip

    for reader in ("ben", "cai"):
        got = trio.ok(reader, "receive", str(summary))
        assert got.out == "Received a summary from Asha: 3 items.\n"
        [sender] = trio.reflect.json("inbox", data_dir=trio.dir(reader))
        assert (sender["sender"], sender["signed_by_peer"], sender["sender_verified"]) == (
            "Asha", True, True,
        )  # fmt: skip
        bundle_id = sender["sessions"][0]["bundles"][0]["id"]
        view = trio.reflect.json("inbox", bundle_id, data_dir=trio.dir(reader))
        assert [i["type"] for i in view["items"]] == ["inquiry", "note", "entry"]
        assert "We mapped the handoffs." in trio.ok(reader, "inbox", bundle_id[:8]).out
    before = trio.counts("ben")
    again = trio.ok("ben", "receive", str(summary))
    assert again.err == Msg.BUNDLE_ALREADY_RECEIVED.template.format(name="Asha") + "\n"
    assert trio.counts("ben") == before

    [sender] = trio.reflect.json("inbox", data_dir=trio.dir("ben"))
    bundle_id = sender["sessions"][0]["bundles"][0]["id"]
    feedback = tmp_path / "feedback.reflect"
    trio.ok("ben", "feedback", bundle_id[:8], "--comment", f"{entry[:8]}=Which handoff hurts?",
            "--note", "See you Thursday", "--out", str(feedback))  # fmt: skip
    got = trio.ok("asha", "receive", str(feedback))

    assert got.out == "Received feedback from Ben: 2 items.\n1 comment attached to your entries.\n"
    app = trio.app("asha")
    try:
        [comment] = app.receiving.comments_on(entry)
        assert (comment.author, comment.text) == ("Ben", "Which handoff hurts?")
    finally:
        app.close()


def test_peer_text_cannot_drive_the_terminal(trio: Trio, tmp_path: Path) -> None:
    path = share_to(trio, tmp_path / "s.reflect", "Ben", note="Hi \x1b[2J\x1b]0;owned\x07 there")
    trio.ok("ben", "receive", str(path))
    [sender] = trio.reflect.json("inbox", data_dir=trio.dir("ben"))

    shown = trio.ok("ben", "inbox", sender["sessions"][0]["bundles"][0]["id"]).out

    assert "\x1b" not in shown and "\x07" not in shown
    assert "Hi \ufffd[2J\ufffd]0;owned\ufffd there" in shown


def test_an_unknown_sender_needs_accept_unverified(trio: Trio, tmp_path: Path) -> None:
    trio.card_file("dev")
    trio.meet("dev", "ben")  # Dev has Ben's card; Ben has never heard of Dev
    path = tmp_path / "from-dev.reflect"
    trio.ok("dev", "share", "--to", "Ben", "--note", "Hello from Dev", "--out", str(path))
    before = trio.counts("ben")

    refused = trio.run("ben", "receive", str(path))

    assert_one_error(refused, Msg.BUNDLE_UNKNOWN_SENDER, name="Dev")
    assert trio.counts("ben") == before
    got = trio.ok("ben", "receive", str(path), "--accept-unverified")
    assert got.out == "Received a summary from Dev (not verified): 1 item.\n"
    assert "Dev is not one of your peers" in got.err and "kept marked not verified" in got.err
    [sender] = trio.reflect.json("inbox", data_dir=trio.dir("ben"))
    assert (sender["sender"], sender["signed_by_peer"], sender["sender_verified"]) == (
        "Dev", False, False,
    )  # fmt: skip


def dearmored(data: bytes) -> bytes:
    return base64.b64decode(b"".join(data.strip().split(b"\n")[1:-1]))


def armored(raw: bytes) -> bytes:
    text = base64.b64encode(raw)
    return b"\n".join([BEGIN, *(text[i : i + 64] for i in range(0, len(text), 64)), END]) + b"\n"


def flipped(data: bytes, from_end: int) -> bytes:
    raw = bytearray(dearmored(data))
    raw[len(raw) - from_end] ^= 0x01
    return armored(bytes(raw))


def tampered_header(data: bytes) -> bytes:
    """The sender's own stanza changed (Ben's stays intact): only the header MAC notices."""
    raw = dearmored(data)
    end = raw.index(b"\n---")
    lines = raw[:end].split(b"\n")
    stanzas = [n for n, line in enumerate(lines) if line.startswith(b"-> X25519 ")]
    assert len(stanzas) == 2  # Ben's, then Asha's (the sender's comes last)
    body = stanzas[1] + 1
    lines[body] = lines[body][:-4] + (b"AAAA" if not lines[body].endswith(b"AAAA") else b"BBBB")
    return armored(b"\n".join(lines) + raw[end:])


@pytest.fixture
def to_ben(trio: Trio, tmp_path: Path) -> Iterator[tuple[bytes, dict[str, Any], Any]]:
    """Asha's bundle to Ben, what is inside it, and Ben's age recipient for re-sealing."""
    data = share_to(trio, tmp_path / "to-ben.reflect", "Ben").read_bytes()
    identity = trio.identity("ben")
    document = json.loads(pyrage.decrypt(data, [identity.age_identity]))
    yield data, document, identity.age_identity.to_public()


def sealed_for(recipient: Any, plaintext: bytes) -> bytes:
    return bytes(pyrage.encrypt(plaintext, [recipient], armored=True))


def failures(trio: Trio, to_ben: tuple[bytes, dict[str, Any], Any], tmp_path: Path) -> dict:
    data, document, ben = to_ben
    changed_item = {**document, "items": [{"type": "note", "text": "Changed on the way"}]}
    to_cai = share_to(trio, tmp_path / "to-cai.reflect", "Cai").read_bytes()
    cai = trio.identity("cai")
    forwarded = sealed_for(ben, pyrage.decrypt(to_cai, [cai.age_identity]))
    return {
        "wrong key": (to_cai, Msg.BUNDLE_NOT_FOR_YOU, {}),
        "truncated": (data[: len(data) // 2], Msg.BUNDLE_BAD_AGE, None),
        "payload cut short": (armored(dearmored(data)[:-20]), Msg.BUNDLE_DAMAGED, {}),
        "bit flipped": (flipped(data, 20), Msg.BUNDLE_DAMAGED, {}),
        "tampered header": (tampered_header(data), Msg.BUNDLE_DAMAGED, {}),
        "bad signature": (
            sealed_for(ben, json.dumps(changed_item).encode()),
            Msg.BUNDLE_BAD_SIGNATURE,
            {},
        ),
        "forwarded": (forwarded, Msg.BUNDLE_FORWARDED, {"name": "Asha"}),
        "newer version": (
            sealed_for(ben, json.dumps({**document, "version": 3}).encode()),
            Msg.BUNDLE_TOO_NEW,
            {"version": 3},
        ),
        "oversized": (b"x" * (11 * 1024 * 1024), Msg.BUNDLE_TOO_LARGE, {"limit_mb": "5"}),
        "not age": (b"Hello Ben, the summary is attached.\n", Msg.BUNDLE_NOT_AGE, {}),
        "malformed json": (
            sealed_for(ben, b'{"format": "reflect-bundle",'),
            Msg.BUNDLE_MALFORMED,
            None,
        ),
    }


def test_every_bundle_failure_is_one_line_and_stores_nothing(
    trio: Trio, to_ben: tuple[bytes, dict[str, Any], Any], tmp_path: Path
) -> None:
    trio.ok("ben", "receive", str(tmp_path / "to-ben.reflect"))  # one bundle already there
    before = trio.counts("ben")
    assert before["received"] == 1

    for case, (data, msg, params) in failures(trio, to_ben, tmp_path).items():
        path = tmp_path / f"{case.replace(' ', '-')}.reflect"
        path.write_bytes(data)

        result = trio.run("ben", "receive", str(path))

        if params is None:
            assert_one_error(result)
            assert result.err.startswith("Error: " + msg.template.split("{")[0]), case
        else:
            assert_one_error(result, msg, **params)
        assert trio.counts("ben") == before, case

    replayed = trio.ok("ben", "receive", str(tmp_path / "to-ben.reflect"))
    assert "nothing was changed" in replayed.err
    assert trio.counts("ben") == before


def test_receive_refuses_a_passphrase_bundle_asking_for_too_much_work(
    trio: Trio, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    hostile = tmp_path / "hostile.reflect"
    hostile.write_bytes(costly_passphrase_file())
    monkeypatch.setenv("BUNDLE_PASS", "password")
    before = trio.counts("ben")

    with scrypt_spy(monkeypatch) as scrypt_calls:
        refused = trio.run("ben", "receive", str(hostile), "--passphrase-env", "BUNDLE_PASS")

    assert_one_error(refused, Msg.BUNDLE_PASSPHRASE_TOO_COSTLY, factor=23, limit=21)
    assert scrypt_calls == []
    assert trio.counts("ben") == before


def test_a_trio_named_trio_4_is_not_called_trio_trio_4(trio: Trio) -> None:
    made = trio.ok("asha", "trio", "create", "Trio 4", "Ben", "Cai")

    assert made.out == "Made the trio “Trio 4”: you and 2 peers.\n"


def test_connections_leave_only_when_chosen_and_then_only_as_counts(
    trio: Trio, tmp_path: Path
) -> None:
    for name, sector, met in (
        ("Ana Price, Age Well", "vcse", "2026-01-14"),
        ("Dr Lee", "primary-care", "2026-01-20"),
        ("Fenmoor Council", "local-authority", "2026-02-03"),
    ):
        trio.ok("asha", "connection", "add", name, "--sector", sector, "--date", met,
                "--where", "Secret huddle", "--note", "Private word")  # fmt: skip
    plain, counted_ = tmp_path / "plain.reflect", tmp_path / "counted.reflect"
    trio.ok("asha", "share", "--to", "Ben", "--note", "Hello", "--out", str(plain))
    dry = trio.ok("asha", "share", "--to", "Ben", "--connections", "--dry-run", "--out", "x")
    assert "connections by sector: 3 connections, counts only" in dry.out
    trio.ok("asha", "share", "--to", "Ben", "--connections", "--out", str(counted_))

    trio.ok("ben", "receive", str(plain))
    trio.ok("ben", "receive", str(counted_))
    [sender] = trio.reflect.json("inbox", data_dir=trio.dir("ben"))
    views = [
        trio.reflect.json("inbox", b["id"], data_dir=trio.dir("ben"))
        for session in sender["sessions"]
        for b in session["bundles"]
    ]
    kinds = sorted([i["type"] for i in v["items"]] for v in views)
    assert kinds == [["connection-counts"], ["note"]]
    (counts,) = [i for v in views for i in v["items"] if i["type"] == "connection-counts"]
    assert counts["months"] == [
        {"month": "2026-01", "trust": 0, "icb": 0, "local-authority": 0, "primary-care": 1,
         "vcse": 1, "other": 0},
        {"month": "2026-02", "trust": 0, "icb": 0, "local-authority": 1, "primary-care": 0,
         "vcse": 0, "other": 0},
    ]  # fmt: skip
    received = " ".join(str(v) for v in views)
    for private in ("Ana Price", "Dr Lee", "Fenmoor", "Secret huddle", "Private word"):
        assert private not in received


def test_encrypted_journals_share_receive_and_answer_as_plain_ones_do(
    trio: Trio, tmp_path: Path
) -> None:
    # The journal key lives in the key store beside the identity keys: both journals open
    # by themselves, and bundles go on as before (docs/encryption.md).
    for name in ("asha", "ben"):
        trio.ok(name, "encrypt")
        assert "is encrypted" in trio.ok(name, "lock-status").out
    entry = trio.reflect.write("# Huddle\nWe tried the one-decision start.",
                               data_dir=trio.dir("asha"))  # fmt: skip
    summary = tmp_path / "sealed.reflect"
    trio.ok("asha", "share", "--to", "ben", "--entry", entry, "--out", str(summary))

    assert trio.ok("ben", "receive", str(summary)).out.startswith("Received a summary from Asha")
    [sender] = trio.reflect.json("inbox", data_dir=trio.dir("ben"))
    bundle_id = sender["sessions"][0]["bundles"][0]["id"]
    feedback = tmp_path / "answer.reflect"
    trio.ok("ben", "feedback", bundle_id[:8], "--comment", f"{entry[:8]}=Did it stick?",
            "--out", str(feedback))  # fmt: skip
    assert "1 comment attached" in trio.ok("asha", "receive", str(feedback)).out
    assert b"one-decision" not in (trio.dir("ben") / "journal.db").read_bytes()
