"""Encrypted jrnl journals made the way jrnl makes them, for tests.

Written from jrnl's documented and implemented schemes (``jrnl/encryption/``), not from
Reflect's reader, so a test proves the two agree. The files in
``formats/samples/jrnl/from_jrnl/`` were written by jrnl itself and check the same thing
against the real tool.

- jrnl 1.x: AES-256-CBC, the key is SHA-256 of the password, a random 16-byte IV goes first,
  then the ciphertext of the PKCS#7-padded UTF-8 text; raw bytes, no base64. The oldest 1.x
  releases padded with spaces instead.
- jrnl 2.x to 4.5: a Fernet token; its key is PBKDF2-HMAC-SHA256 of the password with a fixed
  16-byte salt and 100,000 iterations, base64url-encoded.
- jrnl 4.6 on: ``JRNLv3``, a big-endian 2-byte header length, the header (base64 of the JSON
  ``{"salt": base64url of 16 random bytes}``), then a Fernet token keyed as above with that
  salt.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import struct

from cryptography.fernet import Fernet
from cryptography.hazmat.primitives import hashes, padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC

JRNL_V2_SALT = b"\xf2\xd5q\x0e\xc1\x8d.\xde\xdc\x8e6t\x89\x04\xce\xf8"


def encrypt_v1(text: str, password: str, *, space_padding: bool = False) -> bytes:
    plain = text.encode("utf-8")
    if space_padding:
        plain += b" " * (-len(plain) % 16)
    else:
        padder = padding.PKCS7(128).padder()
        plain = padder.update(plain) + padder.finalize()
    iv = os.urandom(16)
    key = hashlib.sha256(password.encode("utf-8")).digest()
    encryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).encryptor()
    return iv + encryptor.update(plain) + encryptor.finalize()


def _fernet(password: str, salt: bytes) -> Fernet:
    kdf = PBKDF2HMAC(algorithm=hashes.SHA256(), length=32, salt=salt, iterations=100_000)
    return Fernet(base64.urlsafe_b64encode(kdf.derive(password.encode("utf-8"))))


def encrypt_v2(text: str, password: str) -> bytes:
    return _fernet(password, JRNL_V2_SALT).encrypt(text.encode("utf-8"))


def encrypt_v3(text: str, password: str) -> bytes:
    salt = os.urandom(16)
    header = base64.b64encode(
        json.dumps({"salt": base64.urlsafe_b64encode(salt).decode("ascii")}).encode()
    )
    token = _fernet(password, salt).encrypt(text.encode("utf-8"))
    return b"JRNLv3" + struct.pack(">H", len(header)) + header + token
