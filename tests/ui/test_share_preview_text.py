"""The share preview's plain text: every field exactly as it leaves, and each warning's span in
the text Qt shows, whatever comes before it (wide characters, Windows line ends, several
fields)."""

from __future__ import annotations

from datetime import date

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QPlainTextEdit
from pytestqt.qtbot import QtBot

from reflect.services.privacy_scan import find_in_items
from reflect.ui.flows.share_preview import preview_text

NHS = "943 476 5919"
ITEMS = (
    {
        "type": "inquiry",
        "question": "Should Sarah Jones lead it?",
        "wordings": [
            {"question": "Can Dr Patel 🙂 help?", "created": "2026-01-01T09:00:00+00:00"},
            {"question": "Should Sarah Jones lead it?", "created": None},
        ],
        "why": "Because 😀😀 Ben Okafor said so.",
        "status": "paused",
        "status_note": "Waiting for Mx Quinn.",
    },
    {"type": "note", "text": "Line one\r\nAsk Amara Shah 🌍 about\r\nDOB 12/03/1956."},
    {
        "type": "entry",
        "id": "e1",
        "kind": "reflection",
        "created": "2026-03-01T09:00:00+00:00",
        "title": "Talk with Dev Mistry",
        "body": f"🙂\r\nSaw {NHS} today.",
        "tags": ["Ward Nine"],
        "responses": [{"prompt_id": "p", "label": "What happened?", "text": f"Met Dr Lee. {NHS}"}],
    },
    {"type": "action", "kind": "stop", "status": "open", "text": "Stop calling Ann Bell late"},
    {
        "type": "assessment",
        "framework_id": "csif",
        "scores": [{"domain_id": "vision", "score": 3, "evidence": "Told by Prof Ray."}],
        "note": "Cai Ó agreed 🙂 with Kim Ho.",
    },
)


def test_every_warning_is_at_its_place_in_the_text_qt_shows(qtbot: QtBot) -> None:
    findings = find_in_items(ITEMS, date(2026, 3, 1))
    laid = preview_text(ITEMS)
    shown = QPlainTextEdit()
    qtbot.addWidget(shown)
    shown.setPlainText(laid.text)

    assert len({(f.item, f.field) for f in findings}) >= 10  # every kind of field is tried
    for finding in findings:
        span = laid.span(finding, ITEMS)
        assert span is not None, finding
        cursor = QTextCursor(shown.document())
        cursor.setPosition(span[0])
        cursor.setPosition(span[1], QTextCursor.MoveMode.KeepAnchor)
        assert cursor.selectedText().replace("\u2029", "\n") == finding.text, finding


def test_the_text_holds_every_field_as_it_leaves() -> None:
    text = preview_text(ITEMS).text

    for value in ("Can Dr Patel 🙂 help?", "Waiting for Mx Quinn.", "What happened?", "Ward Nine"):
        assert value in text
    assert "Saw 943 476 5919 today." in text and "DOB 12/03/1956." in text
    assert text.count("Should Sarah Jones lead it?") == 1  # the newest wording is the question
