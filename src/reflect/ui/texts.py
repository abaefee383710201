"""Words the window shares between pages: translated messages from the services, what an entry
is called, the names of entry and event kinds, and dates written the user's way."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, QLocale

from reflect.core.clock import local_date
from reflect.core.entry import EntryKind
from reflect.core.programme import EventKind
from reflect.errors import ReflectError
from reflect.messages import Msg

ENTRY_KINDS = {
    EntryKind.REFLECTION: "Reflection",
    EntryKind.COACHING: "Coaching note",
    EntryKind.PROGRESS: "Progress",
    EntryKind.NOTE: "Note",
    EntryKind.LEARNING: "Learning log",
}
EVENT_KINDS = {
    EventKind.WORKSHOP: "workshop",
    EventKind.COACHING: "coaching session",
    EventKind.OTHER: "other",
}


def error_text(error: ReflectError) -> str:
    """The catalogue message for ``error``, translated, with its details filled in."""
    return message_text(error.msg, **error.params)


def key_lost_text(error: ReflectError) -> str:
    """Msg.JOURNAL_KEY_LOST in the window's words: the window offers the key backup beside it,
    so it does not send the user to the command line as the CLI's text does."""
    return QCoreApplication.translate(
        "Messages",
        "The key to the encrypted journal at {path} is not in {where}. Restore it from a key "
        "backup to open the journal; nothing was changed.",
    ).format(**error.params)


def message_text(msg: Msg, **params: object) -> str:
    """A catalogue message that is not an error (a heading, a line of a list), translated."""
    return QCoreApplication.translate("Messages", msg.template).format(**params)


def entry_title(title: str) -> str:
    """An entry's name as the window shows it: ``title`` is core.entry.title_of's (an Entry's
    display_title, a search hit's or a linked entry's title), which is empty only for an entry
    with no words at all."""
    return title or QCoreApplication.translate("Entry", "Untitled entry")


def kind_label(kind: EntryKind) -> str:
    return QCoreApplication.translate("EntryKind", ENTRY_KINDS[kind])


def event_kind_label(kind: EventKind) -> str:
    return QCoreApplication.translate("Programme", EVENT_KINDS[kind])


def day_text(day: date, pattern: str = "d MMM yyyy") -> str:
    """A calendar day written the user's way: '12 Mar 2026'."""
    return QLocale().toString(QDate(day.year, day.month, day.day), pattern)


def moment_day_text(moment: str) -> str:
    """A stored UTC moment as the local day it fell on, written the user's way."""
    return day_text(local_date(moment))
