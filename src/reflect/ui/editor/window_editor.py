"""The window's editor: built the first time it is needed (most starts open on a page, and the
editor is the costliest part of the window to build), then wired to the window and given the
person's preferences."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Protocol

from reflect.ui.dialogs.preferences import Preferences
from reflect.ui.editor.entry_editor import EntryEditor
from reflect.ui.navigation import PageId

if TYPE_CHECKING:
    from reflect.app import App
    from reflect.ui.page_stack import PageStack


class EditorHost(Protocol):
    """What the editor needs of the window (the main window, typed without a cycle)."""

    app: App
    prefs: Preferences
    pages: PageStack

    def notify(self, message: str) -> None: ...
    def editor_kept(self, entry_id: str) -> None: ...
    def editor_trashed(self, entry_id: str) -> None: ...
    def show_history(self, entry_id: str) -> None: ...


def build_editor(window: EditorHost) -> EntryEditor:
    """A new editor in the window's stack, its outcomes reported to the window."""
    editor = EntryEditor(window.app)
    editor.kept.connect(window.editor_kept)
    editor.trashed.connect(window.editor_trashed)
    editor.failed.connect(window.notify)
    editor.history_requested.connect(window.show_history)
    editor.preview_toggled.connect(partial(setattr, window.prefs, "show_preview"))
    window.pages.add(PageId.EDITOR, editor)
    # In the window first: a font set before the editor has its parent is not kept.
    apply_editor_preferences(editor, window.prefs)
    return editor


def apply_editor_preferences(editor: EntryEditor, prefs: Preferences) -> None:
    editor.apply_preferences(prefs.text_size, prefs.show_preview)
    editor.check_spelling(prefs.check_spelling)
