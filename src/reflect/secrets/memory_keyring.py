"""A keyring backend kept in a dictionary: for screenshots, demos and tests, never real keys.

Duck-typed on purpose: subclassing keyring's ``KeyringBackend`` would register the class with
keyring for the whole process.
"""

from __future__ import annotations


class MemoryKeyring:
    priority = 1
    name = "kept in memory only"  # how the Trio card names it, in screenshots and tests

    def __init__(self) -> None:
        self.passwords: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.passwords.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.passwords[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        from keyring.errors import PasswordDeleteError

        if self.passwords.pop((service, username), None) is None:
            raise PasswordDeleteError("not found")
