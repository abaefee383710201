"""The key-store interface: where a journal's private keys are kept, and an in-memory store.

Secrets are short texts saved under a name (``"identity"``). Each store is scoped to one journal
(a namespace such as the journal's id), so two data folders on one machine hold two separate
sets of keys. Code that needs a secret is handed a store; it never prompts and never talks to the
keyring itself.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import ClassVar, Literal

from reflect.messages import Msg

StoreKind = Literal["keyring", "passphrase-file", "memory"]


class KeyStore(ABC):
    """A place that keeps a journal's secrets by name."""

    kind: ClassVar[StoreKind]

    @abstractmethod
    def get(self, name: str) -> str | None:
        """The secret saved under ``name``, or None when there is none."""

    @abstractmethod
    def set(self, name: str, secret: str) -> None:
        """Save ``secret`` under ``name``, replacing what was there."""

    @abstractmethod
    def delete(self, name: str) -> None:
        """Forget the secret saved under ``name``; a name with nothing saved is fine."""

    @abstractmethod
    def describe(self) -> str:
        """Where the secrets live, in words for the user ("the system keyring (...)")."""


def check_name(name: str) -> str:
    """Names are programmer-chosen identifiers, so a bad one is a bug, not a user error."""
    if not name or "/" in name or name != name.strip():
        raise ValueError(f"bad secret name {name!r}")
    return name


def check_namespace(namespace: str) -> str:
    if not namespace or namespace != namespace.strip():
        raise ValueError(f"bad key-store namespace {namespace!r}")
    return namespace


class MemoryKeyStore(KeyStore):
    """Secrets in a dictionary: for tests, and for a session that must leave nothing behind.

    Stores made with the same ``shared`` dictionary behave like one keyring seen by several
    journals: each namespace sees only its own names.
    """

    kind: ClassVar[StoreKind] = "memory"

    def __init__(self, namespace: str = "journal", shared: dict[str, str] | None = None) -> None:
        self.namespace = check_namespace(namespace)
        self.secrets: dict[str, str] = {} if shared is None else shared

    def _key(self, name: str) -> str:
        return f"{self.namespace}/{check_name(name)}"

    def get(self, name: str) -> str | None:
        return self.secrets.get(self._key(name))

    def set(self, name: str, secret: str) -> None:
        self.secrets[self._key(name)] = secret

    def delete(self, name: str) -> None:
        self.secrets.pop(self._key(name), None)

    def describe(self) -> str:
        return Msg.KEY_MEMORY_DESCRIPTION.template
