"""Inquiry use cases: ask a question, reword it, change its status."""

from __future__ import annotations

from reflect.core.clock import Clock, to_text
from reflect.core.ids import new_id
from reflect.core.inquiry import Inquiry, InquiryStatus, Wording
from reflect.errors import BadInput, NotFound
from reflect.messages import Msg
from reflect.services import typed_input
from reflect.services.changes import ChangeFeed, Topic
from reflect.services.typed_input import parse_choice
from reflect.storage.inquiries import InquiryRepository


class InquiryService:
    def __init__(self, repo: InquiryRepository, changes: ChangeFeed, clock: Clock) -> None:
        self._repo = repo
        self._changes = changes
        self._clock = clock

    def add(self, question: str, why: str = "") -> Inquiry:
        question = _clean_question(question)
        now = to_text(self._clock())
        inquiry = Inquiry(
            new_id(), (Wording(question, now),), why.strip(), created=now, updated=now
        )
        self._repo.add(inquiry)
        self._changes.publish(Topic.INQUIRIES, inquiry.id)
        return inquiry

    def get(self, typed_id: str) -> Inquiry:
        inquiry = self._repo.get(self.resolve(typed_id))
        if inquiry is None:
            raise NotFound(Msg.INQUIRY_NOT_FOUND, id=typed_id)
        return inquiry

    def resolve(self, typed_id: str) -> str:
        return typed_input.resolve(typed_id, self._repo.ids_starting, Msg.INQUIRY_NOT_FOUND)

    def all(self, status: InquiryStatus | None = None) -> list[Inquiry]:
        return self._repo.find(status)

    def active(self) -> list[Inquiry]:
        return self._repo.find(InquiryStatus.ACTIVE)

    def reword(self, typed_id: str, question: str) -> Inquiry:
        inquiry = self.get(typed_id)
        question = _clean_question(question)
        if question != inquiry.question:
            now = to_text(self._clock())
            self._repo.add_wording(inquiry.id, Wording(question, now), now)
            self._changes.publish(Topic.INQUIRIES, inquiry.id)
        return self.get(inquiry.id)

    def set_why(self, typed_id: str, why: str) -> Inquiry:
        inquiry = self.get(typed_id)
        self._repo.set_why(inquiry.id, why.strip(), to_text(self._clock()))
        self._changes.publish(Topic.INQUIRIES, inquiry.id)
        return self.get(inquiry.id)

    def set_status(self, typed_id: str, status: str, note: str = "") -> Inquiry:
        inquiry = self.get(typed_id)
        new_status = parse_status(status)
        self._repo.set_status(inquiry.id, new_status, note.strip(), to_text(self._clock()))
        self._changes.publish(Topic.INQUIRIES, inquiry.id)
        return self.get(inquiry.id)


def parse_status(value: str) -> InquiryStatus:
    return parse_choice(InquiryStatus, value, Msg.BAD_STATUS)


def _clean_question(question: str) -> str:
    cleaned = " ".join(question.split())
    if not cleaned:
        raise BadInput(Msg.EMPTY_QUESTION)
    return cleaned
