"""Peer coaching trio sessions, and how one is kept as an entry with a response per field.

A session is stored as an ordinary coaching entry (framework ``trio-session``) so that search,
export and the journal see it like any other entry; the functions here turn a session into that
entry's title and responses and read an entry back into a session.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from reflect.core.clock import local_date, parse_day
from reflect.core.entry import Entry, Response

FRAMEWORK_ID = "trio-session"


class Role(StrEnum):
    """The three roles of a trio; they rotate so each person takes each role once."""

    PRESENTER = "presenter"
    COACH = "coach"
    OBSERVER = "observer"


Roles = tuple[Role, Role, Role]
ROUNDS = 3
DEFAULT_ROLES: Roles = (Role.PRESENTER, Role.COACH, Role.OBSERVER)


class Prompt(StrEnum):
    """Response ids of a stored session, one per field."""

    DATE = "date"
    MEMBERS = "members"
    ROLES = "roles"
    ISSUE = "issue"
    QUESTIONS = "questions"
    INSIGHT = "insight"
    ACTION = "action"
    DUE = "due"
    FEEDBACK = "feedback"
    FOLLOWUP = "followup"


PROMPT_LABELS = {
    Prompt.DATE: "Date",
    Prompt.MEMBERS: "Trio members",
    Prompt.ROLES: "My role in each round",
    Prompt.ISSUE: "Issue or question I brought",
    Prompt.QUESTIONS: "Questions that helped",
    Prompt.INSIGHT: "Insight",
    Prompt.ACTION: "Action I committed to",
    Prompt.DUE: "Action due",
    Prompt.FEEDBACK: "Feedback I received as coach",
    Prompt.FOLLOWUP: "How last session's action went",
}


@dataclass(frozen=True)
class CoachingSession:
    date: str  # a local calendar date, YYYY-MM-DD
    members: tuple[str, ...] = ()
    roles: tuple[str, ...] = DEFAULT_ROLES  # my role in rounds 1 to 3 (Role values)
    issue: str = ""
    helpful_questions: str = ""
    insight: str = ""
    action_text: str = ""
    action_due: str | None = None  # YYYY-MM-DD
    feedback_as_coach: str = ""
    followup: str = ""  # how the action from the session before went
    inquiry_id: str | None = None


_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_ROLE_WORD = re.compile("|".join(r.value for r in Role), re.IGNORECASE)


def short_date(day: str) -> str:
    """``2026-03-12`` as ``12 Mar 2026`` (the same in every locale); other text unchanged."""
    try:
        parsed = parse_day(day)
    except ValueError:
        return day
    return f"{parsed.day} {_MONTHS[parsed.month - 1]} {parsed.year}"


def clean_members(names: list[str] | tuple[str, ...]) -> tuple[str, ...]:
    """Names trimmed, blanks and repeats (ignoring case) dropped, first-seen order kept."""
    seen: dict[str, str] = {}
    for name in names:
        clean = " ".join(name.split())
        if clean and clean.casefold() not in seen:
            seen[clean.casefold()] = clean
    return tuple(seen.values())


def split_members(text: str) -> tuple[str, ...]:
    return clean_members(text.split(","))


def joined_names(names: tuple[str, ...]) -> str:
    """``Dev``, ``Dev and Siân``, ``Ana, Dev and Siân``."""
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def session_title(session: CoachingSession) -> str:
    when = short_date(session.date)
    if session.members:
        return f"Trio session with {joined_names(session.members)}, {when}"
    return f"Trio session, {when}"


def roles_text(roles: tuple[str, ...]) -> str:
    return "; ".join(f"Round {n}: {role}" for n, role in enumerate(roles, start=1))


def parse_roles(text: str) -> Roles:
    """Roles read back from their text; anything unreadable gives the usual rotation."""
    found = tuple(Role(word.lower()) for word in _ROLE_WORD.findall(text))
    return (found[0], found[1], found[2]) if len(found) == ROUNDS else DEFAULT_ROLES


def to_responses(session: CoachingSession) -> tuple[str, tuple[Response, ...]]:
    """The entry title and responses for ``session``; empty fields are left out."""
    fields = (
        (Prompt.DATE, session.date),
        (Prompt.MEMBERS, ", ".join(session.members)),
        (Prompt.ROLES, roles_text(session.roles)),
        (Prompt.ISSUE, session.issue),
        (Prompt.QUESTIONS, session.helpful_questions),
        (Prompt.INSIGHT, session.insight),
        (Prompt.ACTION, session.action_text),
        (Prompt.DUE, (session.action_due or "") if session.action_text.strip() else ""),
        (Prompt.FEEDBACK, session.feedback_as_coach),
        (Prompt.FOLLOWUP, session.followup),
    )
    responses = tuple(Response(str(p), text.strip()) for p, text in fields if text.strip())
    return session_title(session), responses


def from_entry(entry: Entry) -> CoachingSession:
    """The session an entry holds (an entry written elsewhere gives what it can)."""
    text = {r.prompt_id: r.text for r in entry.responses}
    return CoachingSession(
        date=text.get(Prompt.DATE) or _local_day(entry.created),
        members=split_members(text.get(Prompt.MEMBERS, "")),
        roles=parse_roles(text.get(Prompt.ROLES, "")),
        issue=text.get(Prompt.ISSUE, ""),
        helpful_questions=text.get(Prompt.QUESTIONS, ""),
        insight=text.get(Prompt.INSIGHT, ""),
        action_text=text.get(Prompt.ACTION, ""),
        action_due=text.get(Prompt.DUE) or None,
        feedback_as_coach=text.get(Prompt.FEEDBACK, ""),
        followup=text.get(Prompt.FOLLOWUP, ""),
        inquiry_id=entry.inquiry_id,
    )


def _local_day(moment: str) -> str:
    try:
        return local_date(moment).isoformat()
    except ValueError:
        return ""
