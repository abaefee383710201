"""Keys in the operating system's keyring, and telling a keyring that works from one that doesn't.

Secrets are saved under the service "Reflect" with the username ``"{namespace}/{name}"``. The
``keyring`` package loads on first use. A backend counts as "no keyring" when it is keyring's
``fail`` or ``null`` backend, comes from ``keyrings.alt`` (plain-text files), is a chainer with
nothing usable behind it, or fails a set/get/delete probe in any way (locked, D-Bus missing,
broken): a broken keyring raises much more than ``KeyringError``, so every exception counts.
"""

from __future__ import annotations

import json
import secrets as random_tokens
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import ClassVar, Protocol

from reflect.errors import StorageError
from reflect.files import write_text
from reflect.messages import Msg
from reflect.secrets.store import KeyStore, StoreKind, check_name, check_namespace

SERVICE = "Reflect"
PROBE_USER = "probe"

# Backends whose names deserve plainer words than "SecretService Keyring".
FRIENDLY_NAMES = {
    "keyring.backends.SecretService": "Secret Service",
    "keyring.backends.kwallet": "KWallet",
    "keyring.backends.macOS": "macOS Keychain",
    "keyring.backends.Windows": "Windows Credential Manager",
    "keyring.backends.libsecret": "Secret Service",
}
NO_KEYRING_MODULES = ("keyring.backends.fail", "keyring.backends.null")
PLAIN_TEXT_PREFIX = "keyrings.alt"
CHAINER_MODULE = "keyring.backends.chainer"


class KeyringBackend(Protocol):
    """The part of ``keyring.backend.KeyringBackend`` Reflect uses (fakes need no subclass)."""

    def get_password(self, service: str, username: str) -> str | None: ...

    def set_password(self, service: str, username: str, password: str) -> None: ...

    def delete_password(self, service: str, username: str) -> None: ...


KeyringFactory = Callable[[], KeyringBackend]


def system_keyring() -> KeyringBackend:
    """The backend ``keyring`` picks for this machine (honours its config and environment)."""
    import keyring

    return keyring.get_keyring()


class KeyringProblem(Exception):
    """Why a backend cannot hold Reflect's keys; ``msg`` is the reason shown to the user."""

    def __init__(self, msg: Msg, detail: str) -> None:
        super().__init__(detail)
        self.msg = msg
        self.detail = detail


def usable_keyring(backend: KeyringBackend) -> bool:
    """Whether ``backend`` keeps secrets safely and answers right now."""
    try:
        usable_backend(backend)
    except KeyringProblem:
        return False
    return True


def usable_backend(backend: KeyringBackend) -> KeyringBackend:
    """The backend to use: ``backend`` itself, or for a chainer its best usable member.

    Raises :class:`KeyringProblem` saying why there is none.
    """
    if is_chainer(backend):
        return first_usable(chained(backend))
    refuse_by_kind(backend)
    probe(backend)
    return backend


def module_of(backend: object) -> str:
    return type(backend).__module__


def is_chainer(backend: object) -> bool:
    return module_of(backend) == CHAINER_MODULE or type(backend).__name__ == "ChainerBackend"


def chained(chainer: object) -> Sequence[KeyringBackend]:
    members: Sequence[KeyringBackend] = getattr(chainer, "backends", ())
    return members


def first_usable(candidates: Sequence[KeyringBackend]) -> KeyringBackend:
    """The chainer writes to its first member, which may be plain text, so pick one ourselves."""
    problems: list[KeyringProblem] = []
    for candidate in candidates:
        try:
            return usable_backend(candidate)
        except KeyringProblem as exc:
            problems.append(exc)
    telling = [p for p in problems if p.msg is not Msg.KEYRING_NOT_FOUND]
    if telling or problems:
        raise (telling or problems)[0]
    raise KeyringProblem(Msg.KEYRING_NOT_FOUND, "the keyring chainer has no backends")


def refuse_by_kind(backend: object) -> None:
    module = module_of(backend)
    if module in NO_KEYRING_MODULES:
        raise KeyringProblem(Msg.KEYRING_NOT_FOUND, f"{module} stores nothing")
    if module == PLAIN_TEXT_PREFIX or module.startswith(PLAIN_TEXT_PREFIX + "."):
        raise KeyringProblem(Msg.KEYRING_PLAIN_TEXT, f"{module} keeps passwords in plain text")


def probe(backend: KeyringBackend) -> None:
    """Save, read back and delete a random value; any failure means "not working"."""
    username = f"{PROBE_USER}/{random_tokens.token_hex(8)}"
    value = random_tokens.token_urlsafe(16)
    try:
        backend.set_password(SERVICE, username, value)
        read_back = backend.get_password(SERVICE, username)
        backend.delete_password(SERVICE, username)
    except Exception as exc:  # any failure at all: see the module docstring
        raise KeyringProblem(Msg.KEYRING_NOT_WORKING, describe_error(exc)) from exc
    if read_back != value:
        raise KeyringProblem(Msg.KEYRING_NOT_WORKING, "the keyring did not keep a test value")


def describe_error(exc: BaseException) -> str:
    text = str(exc).strip()
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def friendly_name(backend: object) -> str:
    module = module_of(backend)
    named = getattr(type(backend), "name", None)
    return FRIENDLY_NAMES.get(module) or (named if isinstance(named, str) else module)


class OsKeyringStore(KeyStore):
    """A journal's secrets in the system keyring.

    ``record_in`` names a small plain file (no secrets) written on the first save, so that if the
    keyring stops working later Reflect reports it instead of quietly making new keys elsewhere.
    """

    kind: ClassVar[StoreKind] = "keyring"

    def __init__(
        self, namespace: str, backend: KeyringBackend, record_in: Path | None = None
    ) -> None:
        self.namespace = check_namespace(namespace)
        self.backend = backend
        self.record_in = record_in

    def username(self, name: str) -> str:
        return f"{self.namespace}/{check_name(name)}"

    def get(self, name: str) -> str | None:
        with keyring_failures():
            return self.backend.get_password(SERVICE, self.username(name))

    def set(self, name: str, secret: str) -> None:
        with keyring_failures():
            self.backend.set_password(SERVICE, self.username(name), secret)
        if self.record_in is not None and not self.record_in.exists():
            write_text(self.record_in, keyring_record(self.namespace))

    def delete(self, name: str) -> None:
        from keyring.errors import PasswordDeleteError

        with keyring_failures():
            try:
                self.backend.delete_password(SERVICE, self.username(name))
            except PasswordDeleteError:
                return  # nothing was saved under that name

    def describe(self) -> str:
        return Msg.KEYRING_DESCRIPTION.template.format(backend=friendly_name(self.backend))


@contextmanager
def keyring_failures() -> Iterator[None]:
    """A keyring that worked at start-up can stop (locked, D-Bus gone): tell the user plainly."""
    try:
        yield
    except Exception as exc:
        raise StorageError(Msg.KEYRING_FAILED, reason=describe_error(exc)) from exc


def keyring_record(namespace: str) -> str:
    record = {"format": "reflect-key-location", "version": 1, "store": "keyring"}
    return json.dumps({**record, "service": SERVICE, "namespace": namespace}, indent=2) + "\n"
