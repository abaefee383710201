"""Strictly checked TOML tables: typed getters whose every complaint names the field.

Shared by the file formats people write by hand (frameworks, pack specs): a typo in a key, a
wrong type or a missing value is refused with the field's full name (``sections[2].prompts[0]``)
and, for a misspelt key, the key that was probably meant.
"""

from __future__ import annotations

import re
import tomllib
from difflib import get_close_matches
from pathlib import Path
from typing import Any

from reflect.core.framework import is_slug
from reflect.errors import BadInput
from reflect.files import decode_utf8, read_bytes

_TOML_ERROR = re.compile(r"^(?P<reason>.*) \(at (?P<where>line \d+, column \d+|end of document)\)$")


class Invalid(Exception):
    """One field that does not fit: its full name and what is wrong with it."""

    def __init__(self, field: str, reason: str) -> None:
        super().__init__(f"{field} {reason}")
        self.field = field
        self.reason = reason


def parse_toml(text: str) -> dict[str, Any]:
    """Parse TOML text; :class:`Invalid` says where it breaks (a line, or the file)."""
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        where, reason = toml_problem(exc)
        raise Invalid(where, f"is not valid TOML: {reason}") from None
    except ValueError:  # Python refuses to read integers of more than 4,300 digits
        raise Invalid("the file", "holds a number with more digits than Reflect reads") from None
    except RecursionError:
        raise Invalid("the file", "is nested too deeply") from None


def toml_problem(exc: tomllib.TOMLDecodeError) -> tuple[str, str]:
    match = _TOML_ERROR.match(str(exc))
    if not match:
        return "the file", str(exc)
    reason = match["reason"]
    return match["where"], reason[:1].lower() + reason[1:]


def is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


class Table:
    """One TOML table and where it sits in the file, with typed, checked getters."""

    def __init__(self, data: dict[str, Any], where: str, allowed: tuple[str, ...] | None) -> None:
        self._data = data
        self._where = where
        if allowed is not None:
            for key in data:
                if key not in allowed:
                    raise Invalid(self.field(key), unknown_key(key, allowed))

    @property
    def data(self) -> dict[str, Any]:
        return self._data

    @property
    def where(self) -> str:
        return self._where

    def field(self, key: str) -> str:
        return f"{self._where}.{key}" if self._where else key

    def keys(self) -> list[str]:
        return list(self._data)

    def _value(self, key: str, required: bool) -> Any:
        if key not in self._data and required:
            raise Invalid(self.field(key), "is missing")
        return self._data.get(key)

    def text(self, key: str, *, required: bool = True) -> str:
        value = self._value(key, required)
        if value is None:
            return ""
        if not isinstance(value, str):
            raise Invalid(self.field(key), "must be text in quotes")
        if required and not value.strip():
            raise Invalid(self.field(key), "must not be empty")
        return value

    def integer(self, key: str, *, required: bool = True) -> int | None:
        value = self._value(key, required)
        if value is None:
            return None
        if not is_int(value):
            raise Invalid(self.field(key), "must be a whole number")
        return int(value)

    def boolean(self, key: str) -> bool:
        value = self._value(key, True)
        if not isinstance(value, bool):
            raise Invalid(self.field(key), "must be true or false")
        return value

    def slug(self, key: str) -> str:
        value = self.text(key)
        if not is_slug(value):
            raise Invalid(
                self.field(key),
                f'"{value}" is not a usable id: use lowercase letters, digits and single '
                'hyphens, such as "action-plan"',
            )
        return value

    def table(self, key: str, allowed: tuple[str, ...] | None) -> Table:
        found = self.optional_table(key, allowed)
        if found is None:
            raise Invalid(self.field(key), "is missing")
        return found

    def optional_table(self, key: str, allowed: tuple[str, ...] | None) -> Table | None:
        value = self._data.get(key)
        if value is None:
            return None
        if not isinstance(value, dict):
            raise Invalid(self.field(key), f"must be a table ([{self.field(key)}])")
        return Table(value, self.field(key), allowed)

    def tables(
        self, key: str, allowed: tuple[str, ...] | None, *, required: bool = True
    ) -> list[Table]:
        value = self._value(key, required)
        if value is None:
            return []
        where = self.field(key)
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            raise Invalid(where, f"must be a list of tables ([[{generic(where)}]])")
        if required and not value:
            raise Invalid(where, "needs at least one entry")
        return [Table(item, f"{where}[{n}]", allowed) for n, item in enumerate(value)]


def generic(where: str) -> str:
    """``sections[2].prompts`` as a TOML header names it: ``sections.prompts``."""
    return re.sub(r"\[\d+\]", "", where)


def unknown_key(key: str, allowed: tuple[str, ...]) -> str:
    close = get_close_matches(key, allowed, n=1)
    hint = f'did you mean "{close[0]}"?' if close else f"known keys: {', '.join(allowed)}"
    return f"is not a known key ({hint})"


def named_file_text(path: Path, field: str, most_characters: int) -> str:
    """The text of a file a spec names (``welcome_file``…), or Invalid on ``field``.

    Read with a bound (UTF-8 takes at most four bytes a character), so that naming a huge or
    endless file (/dev/zero) costs one bounded read and says it is too long."""
    try:
        data = read_bytes(path, most_characters * 4)
        if len(data) > most_characters * 4:
            raise Invalid(field, f"names a file longer than {most_characters} characters")
        return decode_utf8(data, path)
    except BadInput as exc:
        raise Invalid(field, cannot_use(exc)) from None


def cannot_use(exc: BadInput) -> str:
    # the message names the file's problem as a sentence; the spec's message ends it
    return "cannot be used: " + exc.text.removesuffix(".")
