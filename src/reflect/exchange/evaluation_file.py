"""Evaluation returns (``.reflecteval``): one participant's answers, for the evaluator only.

A return is the JSON document of :mod:`reflect.exchange.evaluation_schema`, signed (canonical
form, :mod:`reflect.exchange.canonical`) with a **pseudonym key**: an Ed25519 key derived from
the participant's own signing key and the programme's id, so the same person signs every return
for one programme with the same key, two programmes see unrelated keys, and a key backup
restores it. The evaluator's age recipient is written into what is signed, and the document is
age-encrypted, ASCII-armored, to the evaluator alone: the participant cannot read it back, and
a return re-encrypted to someone else is caught as forwarded. docs/evaluation.md ("Returns: the
file") is the reference.

Plain functions, like :mod:`reflect.exchange.bundle` (whose age layer this reuses): keys come
in as arguments, and every failure to open is a :class:`BadInput` with its own ``EVAL_RETURN_*``
message naming only the file.
"""

from __future__ import annotations

import base64
import io
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reflect import files
from reflect.core.evaluation import EvaluationReturn, ReturnContent, ReturnKind
from reflect.core.ids import new_id
from reflect.errors import BadInput
from reflect.exchange import bundle, bundle_errors, evaluation_schema
from reflect.exchange.canonical import (
    signature_bytes,
    signature_matches,
    signature_text,
    signing_key_bytes,
    signing_key_text,
)
from reflect.exchange.card import parse_card
from reflect.exchange.identity import Identity
from reflect.formats.toml_table import Invalid, Table
from reflect.messages import Msg

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

FORMAT = evaluation_schema.FORMAT
VERSION = evaluation_schema.VERSION
SUFFIX = ".reflecteval"
MAX_RETURN_BYTES = 1024 * 1024
"""The largest decrypted return Reflect writes or opens (a full one is a few tens of KB)."""
PSEUDONYM_SALT = b"reflect-evaluation-pseudonym-v1"

# What the shared age layer says, as an evaluator reading a return should hear it.
_AGE_FAILURES = {
    Msg.BUNDLE_TOO_LARGE: Msg.EVAL_RETURN_TOO_LARGE,
    Msg.BUNDLE_NOT_AGE: Msg.EVAL_RETURN_NOT_RETURN,
    Msg.BUNDLE_NEEDS_PASSPHRASE: Msg.EVAL_RETURN_NOT_RETURN,  # Reflect never locks a return so
    Msg.BUNDLE_PASSPHRASE_TOO_COSTLY: Msg.EVAL_RETURN_NOT_RETURN,
    Msg.BUNDLE_NOT_FOR_YOU: Msg.EVAL_RETURN_NOT_FOR_YOU,
    Msg.BUNDLE_BAD_AGE: Msg.EVAL_RETURN_DAMAGED,
    Msg.BUNDLE_DAMAGED: Msg.EVAL_RETURN_DAMAGED,
}


def pseudonym_key(identity: Identity, programme_id: str) -> Ed25519PrivateKey:
    """This person's signing key for ``programme_id`` alone: HKDF-SHA256 of their own signing
    key with the programme id as ``info``. Stable (a key backup restores it), never the identity
    key, and keys for two programmes cannot be linked without the private key."""
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    own = base64.b64decode(identity.private_parts()["signing_key"])
    info = b"programme:" + programme_id.encode("utf-8")
    derived = HKDF(hashes.SHA256(), length=32, salt=PSEUDONYM_SALT, info=info).derive(own)
    return Ed25519PrivateKey.from_private_bytes(derived)


def pseudonym(identity: Identity, programme_id: str) -> str:
    """The ``ed25519:…`` name this person's returns for ``programme_id`` carry."""
    return signing_key_text(pseudonym_key(identity, programme_id).public_key())


def return_bytes(
    content: ReturnContent | None,
    kind: ReturnKind,
    programme_id: str,
    identity: Identity,
    evaluator_card: str,
    created: str,
    *,
    return_id: str | None = None,
) -> bytes:
    """The armored age file of one return (``content``) or a withdrawal (``content`` None),
    signed with the pseudonym key and openable by the evaluator alone.

    ``evaluator_card`` is the plan's card text; a card that is not one raises its ``CARD_*``
    BadInput. A document no reader would accept raises ValueError: that is a bug, not input.
    """
    import pyrage  # type: ignore[import-untyped, unused-ignore]

    if (content is None) != (kind is ReturnKind.WITHDRAWAL):
        raise ValueError("a return has content and a withdrawal has none")
    evaluator = parse_card(evaluator_card).age_recipient
    key = pseudonym_key(identity, programme_id)
    evaluation = EvaluationReturn(
        id=return_id or new_id(),
        kind=kind,
        programme_id=programme_id,
        pseudonym=signing_key_text(key.public_key()),
        created=created,
        content=content,
    )
    # Through JSON and back, so what is signed is what a reader sees; then checked as a reader
    # checks it, so Reflect never writes a return it would refuse.
    document = json.loads(
        json.dumps(evaluation_schema.return_document(evaluation, evaluator), ensure_ascii=False)
    )
    try:
        evaluation_schema.checked(document)
    except Invalid as exc:
        raise ValueError(f"an evaluation return would be invalid: {exc}") from None
    document["signature"] = signature_text(document, key)
    plaintext = (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    if len(plaintext) > MAX_RETURN_BYTES:
        raise ValueError("an evaluation return is larger than Reflect opens")
    out = io.BytesIO()
    recipient = pyrage.x25519.Recipient.from_str(evaluator)
    pyrage.encrypt_io(io.BytesIO(plaintext), out, [recipient], armored=True)
    return out.getvalue()


def write_return(path: Path, data: bytes) -> Path:
    """Write a return atomically and owner-only, adding ``.reflecteval`` if missing."""
    if path.suffix != SUFFIX:
        path = path.with_name(path.name + SUFFIX)
    files.write_bytes(path, data)
    return path


def open_return_file(path: Path, identity: Identity) -> EvaluationReturn:
    """:func:`open_return` on the file at ``path``, reading no more of it than a return can
    be: a huge file costs one bounded read, not its size in memory."""
    most = MAX_RETURN_BYTES * bundle.MAX_FILE_FACTOR + bundle.MAX_HEADER_BYTES
    files.require_exists(path)
    try:
        with path.open("rb") as handle:
            data = handle.read(most + 1)
    except OSError as exc:
        raise BadInput(Msg.FILE_NOT_READABLE, path=path, reason=exc.strerror or exc) from exc
    if len(data) > most:
        raise BadInput(Msg.EVAL_RETURN_TOO_LARGE, path=path)
    return open_return(data, path, identity)


def open_return(data: bytes, path: Path, identity: Identity) -> EvaluationReturn:
    """Decrypt ``data`` with the evaluator's ``identity`` and check it, in this order: size,
    decryption, JSON and format, version, signature, fields, addressing."""
    plaintext = _decrypted(data, path, identity)
    document = _document(plaintext, path)
    version = document.get("version")
    if type(version) is not int or version < 1:
        raise BadInput(Msg.EVAL_RETURN_INVALID, path=path)
    if version > VERSION:
        raise BadInput(Msg.EVAL_RETURN_TOO_NEW, path=path, version=version)
    _check_signature(document, path)
    try:
        evaluation, evaluator = evaluation_schema.checked(document)
    except Invalid:
        raise BadInput(Msg.EVAL_RETURN_INVALID, path=path) from None
    if evaluator.strip().lower() != identity.recipient.lower():
        raise BadInput(Msg.EVAL_RETURN_FORWARDED, path=path)
    return evaluation


def _decrypted(data: bytes, path: Path, identity: Identity) -> bytes:
    try:
        return bundle.decrypted_with_identity(
            data, identity.age_identity, max_bytes=MAX_RETURN_BYTES
        )
    except BadInput as exc:
        raise BadInput(_AGE_FAILURES.get(exc.msg, Msg.EVAL_RETURN_DAMAGED), path=path) from None


def _document(plaintext: bytes, path: Path) -> dict[str, Any]:
    try:
        document = bundle_errors.loads_json(plaintext)
    except BadInput:
        raise BadInput(Msg.EVAL_RETURN_NOT_RETURN, path=path) from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise BadInput(Msg.EVAL_RETURN_NOT_RETURN, path=path)
    return document


def _check_signature(document: dict[str, Any], path: Path) -> None:
    top = Table(document, "", None)
    try:
        public = signing_key_bytes(evaluation_schema.pseudonym_text(top))
        signature = signature_bytes(top.text("signature"))
    except (Invalid, ValueError):
        raise BadInput(Msg.EVAL_RETURN_INVALID, path=path) from None
    if not signature_matches(document, public, signature):
        raise BadInput(Msg.EVAL_RETURN_BAD_SIGNATURE, path=path)
