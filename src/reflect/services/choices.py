"""Reading what a person typed as a choice (a kind, a status) or a date, with a clear error."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import TypeVar

from reflect.core.clock import parse_day
from reflect.errors import BadInput
from reflect.messages import Msg

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
