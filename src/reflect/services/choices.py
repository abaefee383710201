"""Reading a named choice (a kind, a status) typed by a person, with the options in the error."""

from __future__ import annotations

from enum import StrEnum
from typing import TypeVar

from reflect.errors import BadInput
from reflect.messages import Msg

E = TypeVar("E", bound=StrEnum)


def parse_choice(choices: type[E], value: E | str, msg: Msg) -> E:
    try:
        return choices(str(value).strip().lower())
    except ValueError:
        names = ", ".join(c.value for c in choices)
        raise BadInput(msg, value=value, choices=names) from None
