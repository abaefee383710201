"""Actions: things to start, things to stop and things to continue."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class ActionKind(StrEnum):
    START = "start"
    # The stop-list is first-class: stopping work is treated as seriously as starting it.
    STOP = "stop"
    CONTINUE = "continue"


class ActionStatus(StrEnum):
    OPEN = "open"
    DONE = "done"
    DROPPED = "dropped"


@dataclass(frozen=True)
class Action:
    id: str
    text: str
    kind: ActionKind
    status: ActionStatus
    created: str
    updated: str
    due: str | None = None  # a local calendar date, YYYY-MM-DD
    entry_id: str | None = None
    inquiry_id: str | None = None


def led_by_kind(word: str, text: str) -> str:
    """An action's text led by its kind's ``word`` ("Stop: the Friday report"), unless the
    text already starts with that word ("Stop sending the Friday report")."""
    return text if text.lower().startswith(word.lower()) else f"{word}: {text}"
