"""Self-assessment: a dated score per framework domain, with a line of evidence."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Score:
    domain_id: str
    score: int
    evidence: str = ""


@dataclass(frozen=True)
class Assessment:
    id: str
    framework_id: str
    created: str
    scores: tuple[Score, ...]
    inquiry_id: str | None = None
    note: str = ""
