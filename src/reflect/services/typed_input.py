"""Reading what a person typed: an id or its first few characters, a choice, a date.

Each gives the value or one clear error saying what was wrong and how to write it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from enum import StrEnum
from typing import TypeVar

from reflect.core.clock import parse_day
from reflect.errors import BadInput, NotFound
from reflect.messages import Msg

_MIN_PREFIX = 4


def resolve(typed: str, starting: Callable[[str], list[str]], not_found: Msg) -> str:
    """Return the one id that ``typed`` names; raise NotFound or BadInput otherwise."""
    typed = typed.strip().lower()
    matches = starting(typed) if len(typed) >= _MIN_PREFIX else []
    if typed in matches:
        return typed
    if len(matches) == 1:
        return matches[0]
    if len(matches) > 1:
        raise BadInput(Msg.AMBIGUOUS_ID, id=typed)
    raise NotFound(not_found, id=typed)


E = TypeVar("E", bound=StrEnum)


def parse_choice(choices: type[E], value: E | str, msg: Msg) -> E:
    try:
        return choices(str(value).strip().lower())
    except ValueError:
        names = ", ".join(c.value for c in choices)
        raise BadInput(msg, value=value, choices=names) from None


def parse_date(text: str) -> date:
    """A calendar date typed as YYYY-MM-DD, or BadInput saying how to write one."""
    try:
        return parse_day(text)
    except ValueError:
        raise BadInput(Msg.BAD_DATE, value=text) from None
