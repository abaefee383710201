"""Spell checking as you type: misspelt words get a wavy underline, and the text area's
context menu offers corrections and "Add to dictionary" above the standard items.

The words come from :mod:`reflect.services.spelling_words` and the judgement from the
app's :class:`~reflect.services.spelling.Speller`. A highlighter re-checks only the block
(paragraph) being typed in, and word results are cached, so typing never waits on the
dictionary. The dictionary loads on a thread of its own when the first word needs checking;
until then nothing is underlined, and the document is re-checked when it arrives.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QSyntaxHighlighter,
    QTextBlock,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox, QPlainTextEdit, QWidget

from reflect.errors import ReflectError
from reflect.services.spelling import Speller
from reflect.services.spelling_words import (
    Word,
    opens_or_closes_fence,
    utf16_offsets,
    word_at,
    words_in,
)
from reflect.ui import theme
from reflect.ui.texts import error_text

_PLAIN, _IN_FENCE = 0, 1  # block states: whether a block is inside a fenced code block


class _Loaded(QObject):
    """Carries "the dictionary is in" from the loading thread to the UI thread."""

    done = Signal()


class SpellHighlighter(QSyntaxHighlighter):
    """Underlines misspelt words in one document while :attr:`enabled`."""

    def __init__(self, document: QTextDocument, speller: Speller) -> None:
        super().__init__(document)
        self.speller = speller
        self.enabled = True
        self._loaded = _Loaded(self)
        self._loaded.done.connect(self.rehighlight)
        self._waiting = False

    def highlightBlock(self, text: str) -> None:
        in_fence = self.previousBlockState() == _IN_FENCE
        if opens_or_closes_fence(text):
            self.setCurrentBlockState(_PLAIN if in_fence else _IN_FENCE)
            return
        self.setCurrentBlockState(_IN_FENCE if in_fence else _PLAIN)
        if in_fence or not self.enabled or not text.strip():
            return
        if not self.speller.ready:
            self._load()
            return
        underline = misspelling_format()
        offsets: list[int] | None = None
        for word in words_in(text):
            if not self.speller.is_correct(word.text):
                offsets = offsets or utf16_offsets(text)
                start = offsets[word.start]
                self.setFormat(start, offsets[word.end] - start, underline)

    def misspelt(self, block: QTextBlock) -> list[str]:
        """The words underlined in ``block`` (what a person sees), in order."""
        text = block.text()
        offsets = utf16_offsets(text)
        ranges: list[Any] = block.layout().formats()  # FormatRange: untyped in the stubs
        underlined = {
            (r.start, r.start + r.length)
            for r in ranges
            if r.format.underlineStyle() == QTextCharFormat.UnderlineStyle.WaveUnderline
        }
        return [w.text for w in words_in(text) if (offsets[w.start], offsets[w.end]) in underlined]

    def _load(self) -> None:
        if not self._waiting:
            self._waiting = True
            self.speller.load_in_background(self._loaded.done.emit)


def misspelling_format() -> QTextCharFormat:
    """A wavy underline in the theme's colour for misspellings (readable light and dark)."""
    fmt = QTextCharFormat()
    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
    qt_app = QApplication.instance()
    dark = isinstance(qt_app, QApplication) and theme.is_dark(qt_app)
    fmt.setUnderlineColor(theme.misspelling_colour(dark))
    return fmt


class SpellChecking:
    """Spell checking for one text area: its highlighter and its context-menu items."""

    def __init__(self, edit: QPlainTextEdit, speller: Speller) -> None:
        self.edit = edit
        self.speller = speller
        self.highlighter = SpellHighlighter(edit.document(), speller)

    @property
    def enabled(self) -> bool:
        return self.highlighter.enabled

    def set_enabled(self, on: bool) -> None:
        """Switch checking on or off; off removes every underline at once."""
        self.highlighter.enabled = on
        self.highlighter.rehighlight()

    def misspelt_at(self, cursor: QTextCursor) -> tuple[QTextBlock, Word] | None:
        """The underlined word under ``cursor``, if there is one."""
        if not self.enabled or not self.speller.ready:
            return None
        block = cursor.block()
        text = block.text()
        offsets = utf16_offsets(text)
        column = cursor.positionInBlock()
        index = next((i for i, o in enumerate(offsets) if o >= column), len(text))
        word = word_at(text, index)
        if word is None or self.speller.is_correct(word.text):
            return None
        return block, word

    def add_to_menu(self, menu: QMenu, cursor: QTextCursor) -> None:
        """Put corrections and "Add to dictionary" for the word at ``cursor`` at the top."""
        found = self.misspelt_at(cursor)
        if found is None:
            return
        block, word = found
        tr = self.edit.tr
        actions: list[QAction] = []
        if self.edit.isReadOnly():
            suggestions: list[str] = []  # nothing may change the text; adding a word still helps
        else:
            suggestions = self._suggestions(word.text)
        for suggestion in suggestions:
            action = QAction(suggestion, menu)
            action.triggered.connect(partial(self.replace, block, word, suggestion))
            actions.append(action)
        if not actions and not self.edit.isReadOnly():
            none = QAction(tr("No suggestions"), menu)
            none.setEnabled(False)
            actions.append(none)
        add = QAction(tr("Add to dictionary"), menu)
        add.triggered.connect(partial(self.add_word, word.text))
        actions.append(add)
        first = menu.actions()[0] if menu.actions() else None
        menu.insertActions(first, actions)  # type: ignore[arg-type]
        if first is not None:
            menu.insertSeparator(first)

    def _suggestions(self, word: str) -> list[str]:
        # Hunspell takes a few tenths of a second and holds Python's lock meanwhile, so a
        # thread would not keep the window any livelier; say it is busy instead.
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            return self.speller.suggestions(word)
        finally:
            QApplication.restoreOverrideCursor()

    def replace(self, block: QTextBlock, word: Word, suggestion: str) -> None:
        """Replace ``word`` with ``suggestion`` as one step of undo."""
        offsets = utf16_offsets(block.text())
        cursor = QTextCursor(block)
        cursor.setPosition(block.position() + offsets[word.start])
        cursor.setPosition(block.position() + offsets[word.end], QTextCursor.MoveMode.KeepAnchor)
        if cursor.selectedText() != word.text:
            return  # the text moved under the menu; change nothing
        cursor.beginEditBlock()
        cursor.insertText(suggestion)
        cursor.endEditBlock()
        self.edit.setTextCursor(cursor)

    def add_word(self, word: str) -> None:
        """Accept ``word`` from now on, in every text area of the window."""
        try:
            self.speller.add(word)
        except ReflectError as exc:
            QMessageBox.warning(self.edit, self.edit.tr("Add to dictionary"), error_text(exc))
            return
        top = self.edit.window()
        highlighter: SpellHighlighter
        for highlighter in top.findChildren(SpellHighlighter):
            if highlighter.speller is self.speller:
                highlighter.rehighlight()


def check_spelling(edit: QWidget, speller: Speller, on: bool) -> SpellChecking | None:
    """The one way a text area gets spell checking: attach it the first time (only to a
    MarkdownEdit, whose context menu shows the corrections), then switch it on or off."""
    checking: SpellChecking | None = getattr(edit, "spelling", None)
    if checking is None:
        if not isinstance(edit, QPlainTextEdit) or not hasattr(edit, "spelling"):
            return None
        checking = SpellChecking(edit, speller)
        edit.spelling = checking
        # A new highlighter checks the whole document by itself, just after this returns.
        checking.highlighter.enabled = on
    else:
        checking.set_enabled(on)  # also repaints the underlines in the theme's new colour
    return checking
