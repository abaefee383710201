"""One line per shared item in the CLI and one label per entry in the window's feedback form:
an entry written only in a framework's prompts is named by its words, counts read as English."""

from __future__ import annotations

from typing import Any

from reflect.cli.exchange_prompts import item_line

PROMPT_ONLY: dict[str, Any] = {
    "type": "entry",
    "kind": "reflection",
    "created": "2026-11-30T09:00:00+00:00",
    "title": "",
    "body": "",
    "responses": [{"prompt_id": "description", "label": "What happened?", "text": "We met."}],
}


def test_an_entry_written_only_in_prompts_is_named_by_its_first_answer() -> None:
    assert item_line(PROMPT_ONLY) == "2026-11-30 We met."


def test_one_score_is_one_score() -> None:
    item = {"type": "assessment", "framework_name": "CSIF", "framework_id": "csif",
            "scores": [{"domain_id": "a", "score": 3}]}  # fmt: skip
    assert item_line(item) == "CSIF, 1 score"
