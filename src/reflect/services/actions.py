"""Action use cases: commit to start, stop or continue something, and follow it through."""

from __future__ import annotations

from dataclasses import replace

from reflect.core.action import Action, ActionKind, ActionStatus
from reflect.core.clock import Clock, to_text
from reflect.core.ids import new_id
from reflect.errors import BadInput, NotFound
from reflect.messages import Msg
from reflect.services import typed_input
from reflect.services.changes import ChangeFeed, Topic
from reflect.services.typed_input import parse_choice, parse_date
from reflect.storage.actions import ActionRepository


class ActionService:
    def __init__(self, repo: ActionRepository, changes: ChangeFeed, clock: Clock) -> None:
        self._repo = repo
        self._changes = changes
        self._clock = clock

    def add(
        self,
        text: str,
        kind: ActionKind | str = ActionKind.START,
        *,
        due: str | None = None,
        entry_id: str | None = None,
        inquiry_id: str | None = None,
    ) -> Action:
        text = " ".join(text.split())
        if not text:
            raise BadInput(Msg.EMPTY_ACTION)
        now = to_text(self._clock())
        action = Action(
            id=new_id(),
            text=text,
            kind=parse_choice(ActionKind, kind, Msg.BAD_KIND),
            status=ActionStatus.OPEN,
            created=now,
            updated=now,
            due=check_due(due),
            entry_id=entry_id,
            inquiry_id=inquiry_id,
        )
        self._repo.save(action)
        self._changes.publish(Topic.ACTIONS, action.id)
        return action

    def get(self, typed_id: str) -> Action:
        found = self._repo.get(
            typed_input.resolve(typed_id, self._repo.ids_starting, Msg.ACTION_NOT_FOUND)
        )
        if found is None:
            raise NotFound(Msg.ACTION_NOT_FOUND, id=typed_id)
        return found

    def set_status(self, typed_id: str, status: ActionStatus | str) -> Action:
        action = replace(
            self.get(typed_id),
            status=parse_choice(ActionStatus, status, Msg.BAD_STATUS),
            updated=to_text(self._clock()),
        )
        self._repo.save(action)
        self._changes.publish(Topic.ACTIONS, action.id)
        return action

    def find(
        self,
        status: ActionStatus | None = None,
        kind: ActionKind | None = None,
        inquiry_id: str | None = None,
    ) -> list[Action]:
        return self._repo.find(status, kind, inquiry_id)


def check_due(due: str | None) -> str | None:
    if due is None or not due.strip():
        return None
    return parse_date(due).isoformat()
