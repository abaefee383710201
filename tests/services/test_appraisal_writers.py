"""Accounts as Markdown and as the PDF's HTML: the user's text as plain text, headings only the
form's own, and an edited Markdown account read back field by field."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from reflect.errors import BadInput
from reflect.messages import Msg
from reflect.services.appraisal import Account, AccountField, load_form
from reflect.services.appraisal_writers import (
    account_markdown,
    appraisal_format,
    html_body,
    read_account,
    to_markdown,
)
from reflect.services.printing import PrintWords

HOSTILE = "<script>alert(1)</script> ![x](http://example.com/x.png)"


def account(form_id: str, *texts: str) -> Account:
    form = load_form(form_id)
    fields = tuple(
        AccountField(f.id, f.label, text) for f, text in zip(form.fields, texts, strict=False)
    )
    return Account("e1", "Title", date(2026, 11, 2), fields)


def test_markdown_has_the_note_the_day_and_each_field_under_its_label() -> None:
    form = load_form("aomrc")
    text = to_markdown(form, [account("aomrc", "Out.", "Learned.", "", "Next.")])
    assert text.startswith("# Reflection\n")
    assert "Academy of Medical Royal Colleges" in text and "identify" in text
    assert "Written 2026-11-02" in text
    assert "## Outline of the activity or event\n\nOut.\n" in text
    assert "## How it has influenced my practice\n\n## Next steps\n\nNext.\n" in text


def test_several_accounts_are_numbered_and_ruled_apart() -> None:
    form = load_form("nmc")
    text = to_markdown(form, [account("nmc", "A.", "", "", ""), account("nmc", "B.", "", "", "")])
    assert "# Reflective account 1 of 2" in text and "# Reflective account 2 of 2" in text
    assert "\n---\n" in text
    assert "official NMC reflective account form" in text


def test_a_users_heading_line_is_escaped_and_reads_back_as_written() -> None:
    form = load_form("nmc")
    tricky = "# Not a heading\n  ## Nor this\n\\# Already escaped\nplain"
    original = account("nmc", tricky, "Two.", "", "")
    text = account_markdown(form, original, 1, 1, PrintWords())
    assert "\n\\# Not a heading\n" in text and "\n  \\## Nor this\n" in text
    assert read_account(text, original) == original
    changed = text.replace("Two.", "Two, changed.")
    assert read_account(changed, original).field("learned").text == "Two, changed."


def test_html_escapes_every_character_the_user_wrote() -> None:
    form = load_form("nmc")
    body = html_body(form, [account("nmc", HOSTILE, "", "", "")], PrintWords())
    assert "<script>" not in body and "&lt;script&gt;" in body
    assert "(Left for you to write.)" in body  # the empty fields say so on paper


@pytest.mark.parametrize("name", ["a.html", "a.txt", "a"])
def test_only_pdf_and_markdown(name: str) -> None:
    with pytest.raises(BadInput) as caught:
        appraisal_format(Path(name))
    assert caught.value.msg is Msg.APPRAISAL_BAD_EXTENSION
    assert appraisal_format(Path("A.PDF")) == "pdf" and appraisal_format(Path("a.md")) == "md"
