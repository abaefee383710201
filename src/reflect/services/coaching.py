"""Coaching use cases: record a trio session (and the action it committed to), look back.

A session is an ordinary coaching entry plus, when an action was committed, an ordinary action
linked to that entry; so this service only composes the entry and action services.
"""

from __future__ import annotations

from contextlib import suppress
from dataclasses import dataclass, replace

from reflect.core.action import Action, ActionKind, ActionStatus
from reflect.core.clock import Clock
from reflect.core.coaching import (
    FRAMEWORK_ID,
    ROUNDS,
    CoachingSession,
    Role,
    clean_members,
    from_entry,
    to_responses,
)
from reflect.core.entry import Entry, EntryKind
from reflect.core.entry_filter import EntryFilter
from reflect.errors import BadInput, ReflectError
from reflect.messages import Msg
from reflect.services.actions import ActionService, check_due
from reflect.services.entries import EntryService
from reflect.services.typed_input import parse_choice

SESSIONS = EntryFilter(kind=EntryKind.COACHING, framework_id=FRAMEWORK_ID)
NAME_LOOKBACK = 50


@dataclass(frozen=True)
class RecordedSession:
    """A session as kept in the journal: its entry, what it says, and its action if any."""

    entry: Entry
    session: CoachingSession
    action: Action | None = None


class CoachingService:
    def __init__(self, entries: EntryService, actions: ActionService, clock: Clock) -> None:
        self._entries = entries
        self._actions = actions
        self._clock = clock

    def today(self) -> str:
        """Today's local date, YYYY-MM-DD: the default date of a new session."""
        return self._clock().astimezone().date().isoformat()

    def record(self, session: CoachingSession) -> tuple[Entry, Action | None]:
        """Keep ``session`` as an entry, and its committed action as an action to start."""
        session = self.checked(session)
        title, responses = to_responses(session)
        entry = self._entries.write(
            "",
            title=title,
            kind=EntryKind.COACHING,
            inquiry_id=session.inquiry_id,
            framework_id=FRAMEWORK_ID,
            responses=responses,
        )
        if not session.action_text:
            return entry, None
        try:
            action = self._actions.add(
                session.action_text,
                ActionKind.START,
                due=session.action_due,
                entry_id=entry.id,
                inquiry_id=session.inquiry_id,
            )
        except ReflectError:
            # Half a session would be saved again on retry; take the entry back out of sight.
            self._forget(entry)
            raise
        return entry, action

    def checked(self, session: CoachingSession) -> CoachingSession:
        """``session`` cleaned up, or BadInput naming the first thing that is wrong."""
        if not (session.issue.strip() or session.insight.strip()):
            raise BadInput(Msg.EMPTY_ENTRY)
        if len(session.roles) != ROUNDS:
            choices = ", ".join(r.value for r in Role)
            raise BadInput(Msg.BAD_KIND, value=", ".join(session.roles), choices=choices)
        action_text = " ".join(session.action_text.split())
        return replace(
            session,
            date=check_due(session.date) or self.today(),
            members=clean_members(session.members),
            roles=tuple(parse_choice(Role, role, Msg.BAD_KIND) for role in session.roles),
            action_text=action_text,
            action_due=check_due(session.action_due) if action_text else None,
        )

    def last_session(self) -> RecordedSession | None:
        """The most recently written session, with the action it committed to."""
        latest = self._entries.page(SESSIONS, limit=1)
        if not latest:
            return None
        entry = latest[0]
        return RecordedSession(entry, from_entry(entry), self.action_of(entry))

    def sessions(self, limit: int = 20) -> list[RecordedSession]:
        """Recent sessions, newest first (without their actions)."""
        return [RecordedSession(e, from_entry(e)) for e in self._entries.page(SESSIONS, limit)]

    def action_of(self, entry: Entry) -> Action | None:
        linked = [a for a in self._actions.find(kind=ActionKind.START) if a.entry_id == entry.id]
        return linked[0] if linked else None

    def mark_done(self, action_id: str) -> Action:
        return self._actions.set_status(action_id, ActionStatus.DONE)

    def member_names(self) -> list[str]:
        """Names used in recent sessions, most recent first, for completing the members field."""
        names: list[str] = []
        for recorded in self.sessions(NAME_LOOKBACK):
            names.extend(recorded.session.members)
        return list(clean_members(names))

    def _forget(self, entry: Entry) -> None:
        with suppress(ReflectError):  # the original error is the one to report
            self._entries.trash(entry.id)
