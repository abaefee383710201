"""Finding an item from a full id or the first few characters of one, as people type them."""

from __future__ import annotations

from collections.abc import Callable

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
