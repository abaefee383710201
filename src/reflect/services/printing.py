"""What to print or save as PDF: a selection of entries or an inquiry, as one safe HTML document.

Plain Python, shared by ``reflect export pdf`` and the window's Print and Export ▸ PDF. The
selection is resolved here (unknown ids are refused before anything is written), entries come
in the order they were written, and every piece of text, the user's or a peer's, goes through
the same safe renderer as the screen (``formats/markdown_html.py``): no raw HTML, no images, no
remote anything. Turning the HTML into pages is the UI's job (``ui/printing/pdf.py``).
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

from reflect.core.action import Action, led_by_kind
from reflect.core.clock import local_date, local_day_start
from reflect.core.entry import Entry, EntryKind, derive_title
from reflect.core.entry_filter import EntryFilter
from reflect.core.guided_writing import prompt_label
from reflect.core.inquiry import Inquiry
from reflect.errors import BadInput
from reflect.formats.markdown_html import render
from reflect.messages import Msg
from reflect.services.actions import ActionService
from reflect.services.entries import EntryService
from reflect.services.frameworks import FrameworkCatalog
from reflect.services.inquiries import InquiryService

_PAGE = 500  # entries read from the journal at a time


@dataclass(frozen=True)
class PrintSelection:
    """What to print: the entries named, an inquiry with everything linked to it, or (neither
    given) the whole journal; ``since``/``until`` (local days, inclusive) narrow the entries."""

    inquiry_id: str | None = None
    entry_ids: tuple[str, ...] = ()
    since: date | None = None
    until: date | None = None


def _say(msg: Msg, **params: object) -> str:
    return msg.template.format(**params)


@dataclass(frozen=True)
class PrintWords:
    """How catalogue messages, days and entry kinds are written: plain English by default (the
    command line); the window passes its translated, locale-aware versions."""

    say: Callable[..., str] = _say
    day: Callable[[date], str] = date.isoformat
    kind: Callable[[EntryKind], str] = lambda kind: kind.value.capitalize()


@dataclass(frozen=True)
class PrintDocument:
    """A printable document: its title, the days it covers and its body as safe HTML; the
    only images it shows are ``images`` (name, PNG bytes), which the HTML names by ``src``."""

    title: str
    period: str
    html: str
    entries: tuple[Entry, ...] = field(default=())
    images: tuple[tuple[str, bytes], ...] = field(default=())


class PrintingService:
    def __init__(
        self,
        entries: EntryService,
        inquiries: InquiryService,
        actions: ActionService,
        frameworks: FrameworkCatalog,
    ) -> None:
        self._entries = entries
        self._inquiries = inquiries
        self._actions = actions
        self._frameworks = frameworks

    def document(self, selection: PrintSelection, words: PrintWords | None = None) -> PrintDocument:
        """The document for ``selection``; raises NotFound for an unknown id and BadInput when
        nothing at all would be printed."""
        words = words or PrintWords()
        inquiry = self._inquiries.get(selection.inquiry_id) if selection.inquiry_id else None
        entries = self._chosen_entries(selection, inquiry)
        if inquiry is None and not entries:
            raise BadInput(Msg.NOTHING_TO_PRINT)
        title = inquiry.question if inquiry else words.say(Msg.PRINT_JOURNAL)
        period = _period(entries, selection, words)
        actions = self._actions.find()
        by_entry: dict[str, list[Action]] = {}
        for action in actions:
            if action.entry_id:
                by_entry.setdefault(action.entry_id, []).append(action)
        parts = [f"<h1>{_text(title)}</h1>"]
        if period:
            parts.append(f'<p class="period">{_text(period)}</p>')
        if inquiry is not None:
            linked = [a for a in actions if a.inquiry_id == inquiry.id and not a.entry_id]
            parts.extend(_inquiry_parts(inquiry, linked, words))
            parts.append(f"<hr/><h2>{_text(words.say(Msg.PRINT_ENTRIES))}</h2>")
            if not entries:
                parts.append(f"<p>{_text(words.say(Msg.PRINT_NO_ENTRIES))}</p>")
        for entry in entries:
            parts.extend(self._entry_parts(entry, by_entry.get(entry.id, []), words))
        return PrintDocument(title, period, "\n".join(parts), tuple(entries))

    def _chosen_entries(self, selection: PrintSelection, inquiry: Inquiry | None) -> list[Entry]:
        since = local_day_start(selection.since) if selection.since else None
        until = local_day_start(selection.until + timedelta(days=1)) if selection.until else None
        found: dict[str, Entry] = {}
        for typed_id in selection.entry_ids:
            entry = self._entries.get(typed_id)  # NotFound for an unknown id, before any work
            if entry.deleted is None:
                found[entry.id] = entry
        if inquiry is not None or not selection.entry_ids:
            filt = EntryFilter(inquiry_id=inquiry.id if inquiry else None)
            found.update((e.id, e) for e in self._all(filt))
        chosen = [
            e
            for e in found.values()
            if (since is None or e.created >= since) and (until is None or e.created < until)
        ]
        return sorted(chosen, key=lambda e: e.created)

    def _all(self, filt: EntryFilter) -> Iterable[Entry]:
        offset = 0
        while True:
            page = self._entries.page(filt, _PAGE, offset)
            yield from page
            if len(page) < _PAGE:
                return
            offset += _PAGE

    def _entry_parts(self, entry: Entry, actions: list[Action], words: PrintWords) -> list[str]:
        day = words.day(local_date(entry.created))
        parts = [
            f'<h2 class="entry">{_text(entry.display_title)}</h2>',
            f'<p class="meta">{_text(day)} · {_text(words.kind(entry.kind))}</p>',
        ]
        body = _body_below_heading(entry)
        if body.strip():
            parts.append(render(body))
        framework = self._frameworks.find(entry.framework_id) if entry.framework_id else None
        for response in entry.responses:
            label = prompt_label(framework, entry.framework_id, response.prompt_id)
            parts.append(f"<h3>{_text(label)}</h3>")
            parts.append(render(response.text))
        if actions:
            parts.append(f"<h3>{_text(words.say(Msg.PRINT_ACTIONS))}</h3>")
            parts.append(_action_list(actions))
        if entry.tags:
            tags = words.say(Msg.PRINT_TAGS, tags=", ".join(entry.tags))
            parts.append(f'<p class="meta">{_text(tags)}</p>')
        return parts


def _body_below_heading(entry: Entry) -> str:
    """The body, less its first line when that line is the heading already (an entry with no
    title of its own is named by its first line), so it does not print twice."""
    if entry.title:
        return entry.body
    first, _, rest = entry.body.strip().partition("\n")
    heading = entry.display_title
    return rest if derive_title(first) == heading and not heading.endswith("…") else entry.body


def _inquiry_parts(inquiry: Inquiry, actions: list[Action], words: PrintWords) -> list[str]:
    parts = [f'<p class="meta">{_text(words.say(Msg.PRINT_STATUS, status=inquiry.status))}</p>']
    if inquiry.status_note.strip():
        parts.append(render(inquiry.status_note))
    if inquiry.why.strip():
        parts.append(f"<h3>{_text(words.say(Msg.PRINT_WHY))}</h3>")
        parts.append(render(inquiry.why))
    if len(inquiry.wordings) > 1:
        parts.append(f"<h3>{_text(words.say(Msg.PRINT_WORDINGS))}</h3><ul>")
        for wording in inquiry.wordings:
            day = words.day(local_date(wording.created)) if wording.created else ""
            parts.append(f"<li>{_text(day)}: {_text(wording.question)}</li>")
        parts.append("</ul>")
    if actions:
        parts.append(f"<h3>{_text(words.say(Msg.PRINT_ACTIONS))}</h3>")
        parts.append(_action_list(actions))
    return parts


def _action_list(actions: list[Action]) -> str:
    items = "".join(
        f"<li>{_text(led_by_kind(a.kind.value.capitalize(), a.text))} ({_text(a.status.value)}"
        + (f", {_text(a.due)})" if a.due else ")")
        + "</li>"
        for a in actions
    )
    return f"<ul>{items}</ul>"


def _period(entries: list[Entry], selection: PrintSelection, words: PrintWords) -> str:
    start = selection.since or (local_date(entries[0].created) if entries else None)
    end = selection.until or (local_date(entries[-1].created) if entries else None)
    if start is None or end is None:
        return ""
    if start == end:
        return words.day(start)
    return words.say(Msg.PRINT_PERIOD, start=words.day(start), end=words.day(end))


def _text(value: str) -> str:
    """Plain text (a title, a question, a tag) as HTML that shows it and nothing else."""
    return html.escape(value, quote=True)
