"""Telling encrypted jrnl journals apart and opening them with their password.

jrnl has encrypted journals three ways (``jrnl/encryption/`` in its source):

- jrnl 1.x: AES-256-CBC; the key is SHA-256 of the UTF-8 password; the file is the 16-byte
  IV then the ciphertext, raw bytes. The text was PKCS#7-padded (the oldest releases padded
  with spaces instead).
- jrnl 2.0 to 4.5: a Fernet token (it starts ``gAAAAA``) whose key is PBKDF2-HMAC-SHA256 of
  the password with jrnl's fixed 16-byte salt and 100,000 iterations.
- jrnl 4.6 on: ``JRNLv3``, a big-endian 2-byte length, a header of that length (base64 of
  the JSON ``{"salt": ...}``; early builds wrote the JSON bare), then a Fernet token keyed as
  above with the header's salt.

Telling them apart reads a few bytes; ``cryptography`` is imported only to decrypt.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import struct
from enum import Enum

V2_SALT = b"\xf2\xd5q\x0e\xc1\x8d.\xde\xdc\x8e6t\x89\x04\xce\xf8"
V2_ITERATIONS = 100_000
V3_MAGIC = b"JRNLv3"
FERNET_START = b"gAAAAA"
SNIFF_BYTES = 64  # a 1.x file is random bytes from the start: 64 of them are never UTF-8 text
# An encrypted journal is decrypted in memory (the file, its base64 and its text at once, so
# about three times this at the peak); 64 MB is decades of daily writing.
MAX_ENCRYPTED_BYTES = 64 * 1024 * 1024


class Encryption(Enum):
    """The ways jrnl has encrypted a journal; the value names the jrnl versions."""

    V1 = "jrnl 1.x (AES-256-CBC)"
    V2 = "jrnl 2.0 to 4.5 (Fernet)"
    V3 = "jrnl 4.6 or later (Fernet with its own salt)"


class WrongPassword(Exception):
    """The password does not open the file, or the file is not what it claims."""


def sniff(head: bytes, size: int) -> Encryption | None:
    """How a journal whose first bytes are ``head`` (at least ``SNIFF_BYTES`` of them, or the
    whole file) is encrypted; None for text."""
    if head.startswith(V3_MAGIC):
        return Encryption.V3
    if head.startswith(FERNET_START):
        return Encryption.V2
    if size >= 32 and size % 16 == 0 and not _is_utf8_start(head[:SNIFF_BYTES]):
        return Encryption.V1
    return None


def _is_utf8_start(data: bytes) -> bool:
    """True if ``data`` is UTF-8, allowing a character cut off at the end."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return exc.reason == "unexpected end of data" and exc.end == len(data)
    return True


def decrypt(data: bytes, password: str, encryption: Encryption) -> str:
    """The journal's text; raises :class:`WrongPassword`."""
    secret = password.encode("utf-8")
    try:
        if encryption is Encryption.V1:
            return _decrypt_v1(data, secret)
        if encryption is Encryption.V2:
            return _fernet(secret, V2_SALT, data)
        return _decrypt_v3(data, secret)
    except (ValueError, KeyError, TypeError, struct.error, RecursionError) as exc:
        # UnicodeDecodeError and binascii.Error are ValueErrors.
        raise WrongPassword(str(exc)) from exc


def _decrypt_v1(data: bytes, secret: bytes) -> str:
    from cryptography.hazmat.primitives import padding
    from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

    iv, body = data[:16], data[16:]
    if len(iv) < 16 or not body or len(body) % 16:
        raise ValueError("not whole AES blocks")
    key = hashlib.sha256(secret).digest()
    decryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
    padded = decryptor.update(body) + decryptor.finalize()
    if padded.endswith(b" "):  # jrnl's oldest releases padded with spaces
        return padded.decode("utf-8").rstrip(" ")
    unpadder = padding.PKCS7(128).unpadder()
    return (unpadder.update(padded) + unpadder.finalize()).decode("utf-8")


def _decrypt_v3(data: bytes, secret: bytes) -> str:
    offset = len(V3_MAGIC)
    (length,) = struct.unpack_from(">H", data, offset)
    offset += 2
    field = data[offset : offset + length]
    if len(field) != length:
        raise ValueError("the header is cut short")
    try:
        header = json.loads(base64.b64decode(field, validate=True))
    except binascii.Error:
        header = json.loads(field)  # early 4.6 builds wrote the JSON bare
    salt = base64.urlsafe_b64decode(header["salt"])
    return _fernet(secret, salt, data[offset + length :])


def _fernet(secret: bytes, salt: bytes, token: bytes) -> str:
    from cryptography.fernet import Fernet, InvalidToken
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC

    if not isinstance(salt, bytes) or not salt:
        raise ValueError("no salt")
    kdf = PBKDF2HMAC(algorithm=hashes.SHA256(), length=32, salt=salt, iterations=V2_ITERATIONS)
    key = base64.urlsafe_b64encode(kdf.derive(secret))
    try:
        return Fernet(key).decrypt(token).decode("utf-8")
    except InvalidToken as exc:
        raise ValueError("the token does not verify") from exc
