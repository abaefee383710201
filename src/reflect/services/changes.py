"""What changed: services announce changes here and views refresh themselves from it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum


class Topic(StrEnum):
    INQUIRIES = "inquiries"
    ENTRIES = "entries"
    ACTIONS = "actions"
    ASSESSMENTS = "assessments"
    MEASURES = "measures"  # measures and their points
    CONNECTIONS = "connections"  # people and organisations reached across the system
    PEERS = "peers"  # peers and trios
    RECEIVED = "received"  # the trio inbox: bundles, and private notes on them
    PROGRAMME = "programme"  # installed packs, their events, reminders
    JOURNAL = "journal"  # everything may have changed: an import or a restore


@dataclass(frozen=True)
class Change:
    topic: Topic
    ids: tuple[str, ...] = ()


Listener = Callable[[Change], None]


class ChangeFeed:
    """A tiny publish/subscribe hub owned by the composition root."""

    def __init__(self) -> None:
        self._listeners: list[Listener] = []

    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def unsubscribe(self, listener: Listener) -> None:
        self._listeners.remove(listener)

    def publish(self, topic: Topic, *ids: str) -> None:
        change = Change(topic, ids)
        for listener in list(self._listeners):
            listener(change)
