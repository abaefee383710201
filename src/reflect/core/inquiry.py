"""Inquiries: a personal question held through the programme, with every wording kept."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class InquiryStatus(StrEnum):
    ACTIVE = "active"
    PAUSED = "paused"
    CONCLUDED = "concluded"
    # Stopping is a real outcome, not a failure: it frees attention for what matters more.
    STOPPED = "stopped"


@dataclass(frozen=True)
class Wording:
    """One version of the question, dated when it was written."""

    question: str
    created: str


@dataclass(frozen=True)
class Inquiry:
    id: str
    wordings: tuple[Wording, ...]
    why: str = ""
    status: InquiryStatus = InquiryStatus.ACTIVE
    status_note: str = ""
    created: str = ""
    updated: str = ""

    @property
    def question(self) -> str:
        """The current wording."""
        return self.wordings[-1].question if self.wordings else ""
