"""Writing under prompts, and switching framework without losing a word."""

from __future__ import annotations

from reflect.core import coaching
from reflect.core.entry import Response
from reflect.core.framework import Framework, Prompt, Section, Source
from reflect.core.guided_writing import (
    Slot,
    as_markdown,
    prompt_label,
    responses_of,
    slots_for,
    switch_framework,
)


def framework(fid: str, *prompts: tuple[str, str]) -> Framework:
    return Framework(
        id=fid,
        name=fid,
        version="1",
        description="",
        source=Source("s"),
        verified=False,
        sections=(Section("main", "Main", tuple(Prompt(p, label) for p, label in prompts)),),
    )


GIBBS = framework("gibbs", ("description", "Description"), ("feelings", "Feelings"))
WSN = framework("wsn", ("what", "What?"), ("so-what", "So what?"), ("now-what", "Now what?"))


def test_slots_follow_the_framework_and_keep_foreign_answers() -> None:
    slots = slots_for(GIBBS, "gibbs", (Response("feelings", "Uneasy"), Response("extra", "More")))
    assert [(s.prompt_id, s.label, s.text) for s in slots] == [
        ("description", "Description", ""),
        ("feelings", "Feelings", "Uneasy"),
        ("extra", "Extra", "More"),
    ]


def test_switching_moves_unmatched_answers_into_the_body() -> None:
    slots = slots_for(GIBBS, "gibbs", (Response("description", "A workshop."),))
    body, new = switch_framework("Opening line.", slots, WSN)
    assert [s.prompt_id for s in new] == ["what", "so-what", "now-what"]
    assert all(s.text == "" for s in new)
    assert body == "Opening line.\n\n## Description\n\nA workshop."


def test_switching_keeps_answers_to_shared_prompts() -> None:
    other = framework("other", ("what", "What happened"), ("next", "Next"))
    slots = (Slot("what", "What?", "", "The huddle."), Slot("so-what", "So what?", "", ""))
    body, new = switch_framework("", slots, other)
    assert [(s.prompt_id, s.text) for s in new] == [("what", "The huddle."), ("next", "")]
    assert body == ""


def test_choosing_no_framework_keeps_everything_in_the_body() -> None:
    slots = slots_for(WSN, "wsn", (Response("what", "A."), Response("now-what", "C.")))
    body, new = switch_framework("", slots, None)
    assert new == ()
    assert body == "## What?\n\nA.\n\n## Now what?\n\nC."


def test_labels_for_coaching_sessions_and_unknown_prompts() -> None:
    assert prompt_label(None, coaching.FRAMEWORK_ID, "insight") == "Insight"
    assert prompt_label(None, "gone", "action-plan") == "Action plan"
    assert prompt_label(GIBBS, "gibbs", "feelings") == "Feelings"


def test_markdown_and_responses() -> None:
    slots = (Slot("a", "First", "", "One"), Slot("b", "Second", "", "  "))
    assert as_markdown(slots) == "## First\n\nOne"
    assert responses_of(slots) == (Response("a", "One"), Response("b", "  "))
