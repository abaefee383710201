"""The parts of a framework being edited, as a tree: sections with their prompts, then domains.

Parts that came from the file keep their ids, so answers and ratings saved under them still
match after a rename; new parts get an id made from their label only when the framework is
built, so the id follows the label the user settled on.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from enum import StrEnum

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QWidget

from reflect.core.framework import SLUG_LIMIT, Domain, Framework, Prompt, Section


class Part(StrEnum):
    SECTION = "section"
    PROMPT = "prompt"
    DOMAIN = "domain"
    DOMAINS = "domains"  # the heading the domains sit under


_PART = Qt.ItemDataRole.UserRole + 1
_ID = Qt.ItemDataRole.UserRole + 2
_HELP = Qt.ItemDataRole.UserRole + 3
# A field named in a framework file error: "sections[2].prompts[0].label", "domains[1].id".
FIELD = re.compile(r"(?P<group>sections|domains)\[(?P<i>\d+)\](?:\.prompts\[(?P<j>\d+)\])?")


def slug_from(text: str) -> str:
    """An id made from a label: "What happened?" → "what-happened" ("" for no letters)."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", plain.lower())
    # Room for "-999", added when the id is already taken.
    return "-".join(words)[: SLUG_LIMIT - 4].rstrip("-")


def field_words(field: str) -> str:
    """Words for a file field: "Section 2, prompt 1: label" for ``sections[1].prompts[0].label``."""
    tr = QCoreApplication.translate
    match = FIELD.match(field)
    if match is None:
        return field[:1].upper() + field[1:]
    i = int(match["i"]) + 1
    if match["j"] is not None:
        place = tr("FrameworkEditor", "Section {0}, prompt {1}").format(i, int(match["j"]) + 1)
    elif match["group"] == "sections":
        place = tr("FrameworkEditor", "Section {0}").format(i)
    else:
        place = tr("FrameworkEditor", "Domain {0}").format(i)
    rest = field[match.end() :].lstrip(".")
    return f"{place}: {rest}" if rest else place


def part_of(item: QTreeWidgetItem) -> Part:
    return Part(item.data(0, _PART))


def saved_id(item: QTreeWidgetItem) -> str | None:
    """The id the part had in the file, or None for a part added in this editor."""
    value = item.data(0, _ID)
    return str(value) if value else None


def help_of(item: QTreeWidgetItem) -> str:
    return str(item.data(0, _HELP) or "")


def set_help(item: QTreeWidgetItem, text: str) -> None:
    item.setData(0, _HELP, text)


def children(item: QTreeWidgetItem | None) -> list[QTreeWidgetItem]:
    return [] if item is None else [item.child(n) for n in range(item.childCount())]


def new_part(
    part: Part, text: str, part_id: str | None = None, help_text: str = ""
) -> QTreeWidgetItem:
    item = QTreeWidgetItem([text])
    if part in (Part.SECTION, Part.DOMAINS):
        font = item.font(0)
        font.setBold(True)
        item.setFont(0, font)
    item.setData(0, _PART, part.value)
    item.setData(0, _ID, part_id)
    item.setData(0, _HELP, help_text)
    return item


class _Ids:
    """Kept ids for parts that had one; for new parts, a slug of the label not yet taken."""

    def __init__(self, items: list[QTreeWidgetItem], fallback: str) -> None:
        self._taken = {i for i in map(saved_id, items) if i}
        self._fallback = fallback

    def of(self, item: QTreeWidgetItem) -> str:
        kept = saved_id(item)
        if kept:
            return kept
        base = slug_from(item.text(0)) or self._fallback
        fresh = next(c for c in _numbered(base) if c not in self._taken)
        self._taken.add(fresh)
        return fresh


def _numbered(base: str) -> Iterator[str]:
    yield base
    n = 2
    while True:
        yield f"{base}-{n}"
        n += 1


class FrameworkTree(QTreeWidget):
    """Sections (top level, in order), each with its prompts; then a heading with the domains."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHeaderHidden(True)
        self.setColumnCount(1)

    def load(self, framework: Framework, with_domains: bool) -> None:
        self.clear()
        for section in framework.sections:
            item = new_part(Part.SECTION, section.title, section.id)
            item.addChildren(
                [new_part(Part.PROMPT, p.label, p.id, p.help) for p in section.prompts]
            )
            self.addTopLevelItem(item)
        if with_domains:
            heading = new_part(Part.DOMAINS, self.tr("Domains to rate yourself on"))
            heading.addChildren(
                [new_part(Part.DOMAIN, d.label, d.id, d.help) for d in framework.domains]
            )
            self.addTopLevelItem(heading)
        self.expandAll()
        self.setCurrentItem(self.topLevelItem(0))

    # Reading -------------------------------------------------------------------------------

    def sections(self) -> list[QTreeWidgetItem]:
        items = (self.topLevelItem(n) for n in range(self.topLevelItemCount()))
        return [i for i in items if part_of(i) is Part.SECTION]

    def domains_heading(self) -> QTreeWidgetItem | None:
        last = self.topLevelItem(self.topLevelItemCount() - 1)
        return last if last is not None and part_of(last) is Part.DOMAINS else None

    def parts(self) -> tuple[tuple[Section, ...], tuple[Domain, ...]]:
        """The sections and domains as they stand, with kept and newly made ids."""
        sections = self.sections()
        domains = children(self.domains_heading())
        section_ids = _Ids(sections, "section")
        prompt_ids = _Ids([p for s in sections for p in children(s)], "prompt")
        domain_ids = _Ids(domains, "domain")
        built = tuple(
            Section(
                section_ids.of(s),
                s.text(0).strip(),
                tuple(Prompt(prompt_ids.of(p), p.text(0).strip(), help_of(p)) for p in children(s)),
            )
            for s in sections
        )
        rated = tuple(Domain(domain_ids.of(d), d.text(0).strip(), help_of(d)) for d in domains)
        return built, rated

    def item_at(self, field: str) -> QTreeWidgetItem | None:
        """The part a file error's field names ("sections[1].prompts[0].label"), if any."""
        match = FIELD.match(field)
        if match is None:
            return None
        group = (
            self.sections() if match["group"] == "sections" else children(self.domains_heading())
        )
        item = _nth(group, int(match["i"]))
        return _nth(children(item), int(match["j"])) if match["j"] is not None else item

    # Changing ------------------------------------------------------------------------------

    def add_prompt(self, text: str) -> QTreeWidgetItem:
        """A new prompt after the chosen one, or at the end of the chosen (else last) section."""
        current = self.currentItem()
        section = current if current is not None and part_of(current) is Part.SECTION else None
        if current is not None and part_of(current) is Part.PROMPT:
            section = current.parent()
        section = section or self.sections()[-1]
        after = section.indexOfChild(current) if current in children(section) else -1
        return self._insert(section, after + 1 if after >= 0 else section.childCount(), text)

    def add_section(self, title: str, prompt_text: str) -> QTreeWidgetItem:
        """A new section (with one prompt, since a section needs one) after the chosen one."""
        current = self.currentItem()
        while current is not None and current.parent() is not None:
            current = current.parent()
        sections = self.sections()
        index = sections.index(current) + 1 if current in sections else len(sections)
        section = new_part(Part.SECTION, title)
        section.addChild(new_part(Part.PROMPT, prompt_text))
        self.insertTopLevelItem(index, section)
        section.setExpanded(True)
        self.setCurrentItem(section)
        return section

    def add_domain(self, text: str) -> QTreeWidgetItem | None:
        heading = self.domains_heading()
        if heading is None:
            return None
        current = self.currentItem()
        after = heading.indexOfChild(current) if current in children(heading) else -1
        return self._insert(heading, after + 1 if after >= 0 else heading.childCount(), text)

    def _insert(self, parent: QTreeWidgetItem, index: int, text: str) -> QTreeWidgetItem:
        part = Part.DOMAIN if part_of(parent) is Part.DOMAINS else Part.PROMPT
        item = new_part(part, text)
        parent.insertChild(index, item)
        parent.setExpanded(True)
        self.setCurrentItem(item)
        return item

    def can_move(self, step: int) -> bool:
        item = self.currentItem()
        if item is None or part_of(item) is Part.DOMAINS:
            return False
        index, count = self._place(item)
        return 0 <= index + step < count

    def move_part(self, step: int) -> None:
        """Move the chosen part up (-1) or down (1) among its own kind."""
        item = self.currentItem()
        if item is None or not self.can_move(step):
            return
        index, _ = self._place(item)
        parent = item.parent()
        if parent is None:
            self.takeTopLevelItem(index)
            self.insertTopLevelItem(index + step, item)
            item.setExpanded(True)
        else:
            parent.takeChild(index)
            parent.insertChild(index + step, item)
        self.setCurrentItem(item)

    def can_remove(self) -> bool:
        """Any part but the domains heading, the only section, or a section's only prompt
        (a framework needs a section, and a section a prompt)."""
        item = self.currentItem()
        if item is None or part_of(item) is Part.DOMAINS:
            return False
        return part_of(item) is Part.DOMAIN or self._place(item)[1] > 1

    def remove_part(self) -> None:
        item = self.currentItem()
        if item is None or not self.can_remove():
            return
        index, count = self._place(item)
        parent = item.parent()
        if parent is None:
            self.takeTopLevelItem(index)
            sections = self.sections()
            neighbour = sections[min(index, len(sections) - 1)] if sections else None
        else:
            parent.takeChild(index)
            neighbour = parent.child(min(index, count - 2)) if count > 1 else parent
        self.setCurrentItem(neighbour)

    def _place(self, item: QTreeWidgetItem) -> tuple[int, int]:
        """The part's position among its own kind, and how many there are."""
        parent = item.parent()
        if parent is None:
            return self.indexOfTopLevelItem(item), len(self.sections())
        return parent.indexOfChild(item), parent.childCount()


def _nth(items: list[QTreeWidgetItem], n: int) -> QTreeWidgetItem | None:
    return items[n] if 0 <= n < len(items) else None
