"""Chosen entries as accounts for appraisal or revalidation: an NMC reflective account or a
reflection form for doctors' appraisal after the AoMRC toolkit, one account per entry, each
field scanned for text that may identify someone.

The forms are data (``resources/appraisal/*.toml``): their fields, the labels printed, and for
each framework which of its prompts fill which field. An entry written with a framework the
form does not map, or with none, puts everything in the first field and leaves the others for
the user. Frameworks are named by id and read through the framework catalogue, so the labels
printed are the prompts' own (never their ids). Plain Python, shared by ``reflect appraisal
export`` and the window's dialog; writing the accounts out is ``appraisal_writers.py``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from reflect.core.clock import Clock, local_date, to_text
from reflect.core.entry import Entry
from reflect.core.guided_writing import prompt_label
from reflect.errors import BadInput
from reflect.files import read_text
from reflect.formats.toml_table import Invalid, parse_toml
from reflect.messages import Msg
from reflect.resources import resource_path
from reflect.services.entries import EntryService
from reflect.services.frameworks import FrameworkCatalog
from reflect.services.privacy_scan import find_in_text

FORMS = ("nmc", "aomrc")  # the files in resources/appraisal/, in the order they are offered


@dataclass(frozen=True)
class FormField:
    id: str
    label: str  # as printed on the account


@dataclass(frozen=True)
class AppraisalForm:
    """One kind of account: its fields, and which framework prompts fill each of them."""

    id: str
    name: str
    title: str
    note: str  # printed on every account: where it goes, and that nobody may be identified
    fields: tuple[FormField, ...]
    maps: Mapping[str, Mapping[str, tuple[str, ...]]]  # framework → field → prompt ids


@dataclass(frozen=True)
class AccountField:
    id: str
    label: str
    text: str


@dataclass(frozen=True)
class Account:
    """One entry as one account of a form; the text of each field may be edited."""

    entry_id: str
    entry_title: str  # shown to the user while checking; never printed on the account
    day: date
    fields: tuple[AccountField, ...]

    def field(self, field_id: str) -> AccountField:
        return next(f for f in self.fields if f.id == field_id)


@dataclass(frozen=True)
class Hit:
    """A passage that may identify someone: which account, which field, where and why."""

    account: int
    field: str
    start: int
    end: int
    text: str
    reason: Msg

    def key(self, accounts: Sequence[Account]) -> tuple[str, str, str]:
        """What keeping this warning on purpose is remembered by: it stays kept while the same
        words stand in the same field, wherever they move to as the text around them changes."""
        return accounts[self.account].entry_id, self.field, self.text


def load_form(form_id: str) -> AppraisalForm:
    """The form ``form_id`` from ``resources/appraisal/``; BadInput for an unknown one."""
    if form_id not in FORMS:
        raise BadInput(Msg.APPRAISAL_UNKNOWN_FORM, form=form_id, choices=", ".join(FORMS))
    path = resource_path("appraisal", f"{form_id}.toml")
    try:
        return _form(parse_toml(read_text(path)))
    except (Invalid, KeyError, TypeError, ValueError) as exc:
        field, reason = (exc.field, exc.reason) if isinstance(exc, Invalid) else ("", str(exc))
        raise BadInput(
            Msg.APPRAISAL_FORM_INVALID, path=Path(path), field=field, reason=reason
        ) from exc


def _form(data: dict[str, Any]) -> AppraisalForm:
    fields = tuple(FormField(str(f["id"]), str(f["label"])) for f in data["fields"])
    known = {f.id for f in fields}
    maps: dict[str, dict[str, tuple[str, ...]]] = {}
    for framework_id, table in data.get("maps", {}).items():
        unknown = set(table) - known
        if unknown:
            raise Invalid(f"maps.{framework_id}", f"names fields the form lacks: {unknown}")
        maps[framework_id] = {field: tuple(map(str, ids)) for field, ids in table.items()}
    return AppraisalForm(
        str(data["id"]), str(data["name"]), str(data["title"]), str(data["note"]), fields, maps
    )


class AppraisalService:
    def __init__(self, entries: EntryService, frameworks: FrameworkCatalog, clock: Clock) -> None:
        self._entries = entries
        self._frameworks = frameworks
        self._clock = clock

    def accounts(self, form: AppraisalForm, entry_ids: Iterable[str]) -> tuple[Account, ...]:
        """One account per entry, in the order given; ids may be typed prefixes. NotFound for
        an unknown id and BadInput for none at all, before anything else is done."""
        entries = [self._entries.get(typed) for typed in dict.fromkeys(entry_ids)]
        if not entries:
            raise BadInput(Msg.APPRAISAL_NO_ENTRIES)
        return tuple(self.account(form, entry) for entry in entries)

    def account(self, form: AppraisalForm, entry: Entry) -> Account:
        texts: dict[str, list[str]] = {f.id: [] for f in form.fields}
        first = form.fields[0].id
        framework = self._frameworks.find(entry.framework_id) if entry.framework_id else None
        table = form.maps.get(entry.framework_id or "", {})
        field_of = {prompt: field for field, prompts in table.items() for prompt in prompts}
        order = {prompt: n for prompts in table.values() for n, prompt in enumerate(prompts)}
        if entry.body.strip():
            texts[first].append(entry.body.strip())
        # (rank in the field, prompt label, text, whether the form maps this prompt here)
        parts: dict[str, list[tuple[int, str, str, bool]]] = {f.id: [] for f in form.fields}
        for n, response in enumerate(entry.responses):
            if not response.text.strip():
                continue
            label = prompt_label(framework, entry.framework_id, response.prompt_id)
            mapped = response.prompt_id in field_of
            rank = order[response.prompt_id] if mapped else len(order) + n
            field = field_of.get(response.prompt_id, first)
            parts[field].append((rank, label, response.text.strip(), mapped))
        for field, found in parts.items():
            # One mapped prompt filling a field is the field's text; more, or a prompt the
            # form does not map, are each led by the prompt's label.
            lone = len(found) == 1 and found[0][3] and not texts[field]
            for _rank, label, text, _mapped in sorted(found):
                texts[field].append(text if lone else f"{label}: {text}")
        fields = tuple(AccountField(f.id, f.label, "\n\n".join(texts[f.id])) for f in form.fields)
        return Account(entry.id, entry.display_title, local_date(entry.created), fields)

    def hits(self, accounts: Sequence[Account]) -> list[Hit]:
        """Every passage in every field that may identify someone: the same scan as sharing."""
        return scan(accounts, local_date(to_text(self._clock())))


def scan(accounts: Sequence[Account], today: date) -> list[Hit]:
    """Each field of each account through the privacy scan that sharing uses."""
    return [
        hit
        for n, account in enumerate(accounts)
        for f in account.fields
        for hit in field_hits(n, f.id, f.text, today)
    ]


def field_hits(account: int, field_id: str, text: str, today: date) -> list[Hit]:
    """The warnings in one field's ``text`` (scanned again on its own as it is edited)."""
    return [
        Hit(account, field_id, span.start, span.end, text[span.start : span.end], span.reason)
        for span in find_in_text(text, today)
    ]


def edited(
    accounts: Sequence[Account], index: int, field_id: str, text: str
) -> tuple[Account, ...]:
    """``accounts`` with one field's text replaced (the user edited it before export)."""
    account = accounts[index]
    fields = tuple(replace(f, text=text) if f.id == field_id else f for f in account.fields)
    return (*accounts[:index], replace(account, fields=fields), *accounts[index + 1 :])


def unresolved(
    hits: Sequence[Hit], accounts: Sequence[Account], kept: set[tuple[str, str, str]]
) -> list[Hit]:
    """The warnings neither edited away nor kept on purpose: export waits until there are none."""
    return [hit for hit in hits if hit.key(accounts) not in kept]
