"""The Frameworks dialog and editor: copies to edit, imports, deletes; shipped files untouched."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from reflect.app import App
from reflect.core.framework import Origin
from reflect.formats.framework_toml import dump_framework
from reflect.resources import resource_path
from reflect.ui.dialogs.frameworks.framework_editor import FrameworkEditor
from reflect.ui.dialogs.frameworks.framework_tree import slug_from
from reflect.ui.dialogs.frameworks.frameworks_dialog import FrameworkRole, FrameworksDialog
from reflect.ui.main_window import MainWindow
from reflect.ui.widgets.html_delegate import HtmlRole

BROKEN = 'format = "reflect-framework"\nformat_version = 1\nid = "half-done"\n'


def choose(dialog: FrameworksDialog, framework_id: str) -> None:
    dialog.list.setCurrentRow(listed_ids(dialog).index(framework_id))


def listed_ids(dialog: FrameworksDialog) -> list[str]:
    return [dialog.list.item(n).data(FrameworkRole).id for n in range(dialog.list.count())]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def copy_and_edit(
    window: MainWindow, framework_id: str
) -> tuple[FrameworksDialog, FrameworkEditor]:
    dialog = window.show_frameworks()
    choose(dialog, framework_id)
    dialog.copy_button.click()
    dialog.edit_button.click()
    assert dialog.editor_dialog is not None and dialog.editor_dialog.isVisible()
    return dialog, dialog.editor_dialog


def retype(qtbot: QtBot, field: object, text: str) -> None:
    field.selectAll()  # type: ignore[attr-defined]
    qtbot.keyClicks(field, text)


def test_copy_makes_an_editable_copy_and_leaves_the_shipped_file_alone(
    window: MainWindow, app: App
) -> None:
    shipped = resource_path("frameworks") / "gibbs.toml"
    before = digest(shipped)
    dialog = window.show_frameworks()
    choose(dialog, "gibbs")
    assert not dialog.edit_button.isEnabled()
    assert not dialog.delete_button.isEnabled()
    dialog.copy_button.click()
    copied = dialog.selected()
    assert copied is not None and copied.id == "gibbs-copy"
    assert copied.origin is Origin.USER and not copied.verified
    assert (app.paths.frameworks_dir / "gibbs-copy.toml").is_file()
    assert dialog.edit_button.isEnabled() and dialog.delete_button.isEnabled()
    assert "Your copy" in dialog.list.currentItem().data(HtmlRole)
    assert digest(shipped) == before


def test_editing_a_copy_saves_its_name_and_prompts_and_keeps_prompt_ids(
    qtbot: QtBot, window: MainWindow, app: App
) -> None:
    shipped = resource_path("frameworks") / "gibbs.toml"
    before = digest(shipped)
    original_ids = [p.id for p in app.frameworks.get("gibbs").prompts]
    dialog, editor = copy_and_edit(window, "gibbs")
    retype(qtbot, editor.name, "Gibbs for trio work")
    first = editor.tree.sections()[0].child(0)
    editor.tree.setCurrentItem(first)
    retype(qtbot, editor.label_edit, "What happened, briefly")
    editor.add_prompt_button.click()
    retype(qtbot, editor.label_edit, "Who else was there?")
    qtbot.keyClicks(editor.help_edit, "Names or roles.")
    editor.save_button.click()

    saved = app.frameworks.get("gibbs-copy")
    assert saved.name == "Gibbs for trio work"
    assert saved.prompts[0].label == "What happened, briefly"
    assert saved.prompts[1].id == "who-else-was-there"
    assert saved.prompts[1].help == "Names or roles."
    assert [p.id for p in saved.prompts if p.id != "who-else-was-there"] == original_ids
    assert not editor.isVisible()
    assert dialog.selected_id() == "gibbs-copy"
    assert "Gibbs for trio work" in dialog.info.toPlainText()
    assert digest(shipped) == before
    # The editor's framework list shows the new name next time an entry is opened.
    window.new_entry()
    combo = window.editor.framework
    assert combo.itemText(combo.findData("gibbs-copy")) == "Gibbs for trio work"


def test_sections_and_domains_can_be_added_moved_and_removed(
    qtbot: QtBot, window: MainWindow, app: App
) -> None:
    _, editor = copy_and_edit(window, "csif")
    editor.tree.setCurrentItem(editor.tree.sections()[-1])
    editor.add_section_button.click()
    retype(qtbot, editor.label_edit, "Our own notes")
    editor.up_button.click()
    heading = editor.tree.domains_heading()
    assert heading is not None
    editor.tree.setCurrentItem(heading.child(0))
    editor.remove_button.click()
    editor.add_domain_button.click()
    retype(qtbot, editor.label_edit, "Shared data")
    editor.scale_high.setValue(4)
    editor.save_button.click()

    saved = app.frameworks.get("csif-copy")
    original = app.frameworks.get("csif")
    assert [s.id for s in saved.sections] == [
        *(s.id for s in original.sections[:-1]),
        "our-own-notes",
        original.sections[-1].id,
    ]
    assert saved.sections[-2].prompts[0].label == "New prompt"
    # The removed domain's neighbour was chosen, and the new one went in after it.
    kept = [d.id for d in original.domains[1:]]
    assert [d.id for d in saved.domains] == [kept[0], "shared-data", *kept[1:]]
    assert (saved.scale.low, saved.scale.high) == (1, 4)
    assert 5 not in saved.scale.labels


def test_a_problem_is_shown_once_and_nothing_is_saved(
    qtbot: QtBot, window: MainWindow, app: App, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, editor = copy_and_edit(window, "gibbs")
    path = app.paths.frameworks_dir / "gibbs-copy.toml"
    before = path.read_bytes()
    editor.tree.setCurrentItem(editor.tree.sections()[0].child(2))
    editor.label_edit.clear()
    qtbot.keyClicks(editor.label_edit, " ")
    editor.save_button.click()
    assert editor.isVisible()
    assert editor.error.isVisible()
    assert editor.error.text().startswith("Not saved. Section 1, prompt 3: label")
    assert editor.tree.currentItem() is editor.tree.sections()[0].child(2)
    assert path.read_bytes() == before
    # Cancel asks before dropping the change, then leaves the file as it was.
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    editor.cancel_button.click()
    assert editor.isVisible()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    editor.cancel_button.click()
    assert not editor.isVisible()
    assert path.read_bytes() == before


def test_shipped_and_pack_frameworks_cannot_be_edited(window: MainWindow, app: App) -> None:
    dialog = window.show_frameworks()
    for framework in app.frameworks.all():
        choose(dialog, framework.id)
        assert dialog.edit_button.isEnabled() is (framework.origin is Origin.USER)
    dialog.edit_button.click()
    assert dialog.editor_dialog is None


def test_import_adds_a_valid_file_and_refuses_a_broken_one(
    window: MainWindow, app: App, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    mine = replace(app.frameworks.get("kolb"), id="kolb-for-trios", name="Kolb for trios")
    good = tmp_path / "mine.toml"
    good.write_text(dump_framework(mine), encoding="utf-8")
    broken = tmp_path / "broken.toml"
    broken.write_text(BROKEN, encoding="utf-8")
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warnings.append(text))
    dialog = window.show_frameworks()

    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(good), ""))
    dialog.import_button.click()
    assert dialog.selected_id() == "kolb-for-trios"
    assert app.frameworks.get("kolb-for-trios").origin is Origin.USER
    assert warnings == []

    count = dialog.list.count()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(broken), ""))
    dialog.import_button.click()
    assert len(warnings) == 1 and "broken.toml" in warnings[0] and "name" in warnings[0]
    assert dialog.list.count() == count
    assert app.frameworks.find("half-done") is None


def test_delete_removes_a_copy_only_when_confirmed(
    window: MainWindow, app: App, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = window.show_frameworks()
    choose(dialog, "grow")
    dialog.copy_button.click()
    path = app.paths.frameworks_dir / "grow-copy.toml"
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    dialog.delete_button.click()
    assert path.exists()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    dialog.delete_button.click()
    assert not path.exists()
    assert "grow-copy" not in listed_ids(dialog)
    assert app.frameworks.find("grow-copy") is None


def test_broken_user_files_are_listed_by_name(window: MainWindow, app: App) -> None:
    app.paths.frameworks_dir.mkdir(parents=True, exist_ok=True)
    (app.paths.frameworks_dir / "half-done.toml").write_text(BROKEN, encoding="utf-8")
    dialog = window.show_frameworks()
    assert dialog.problems.isVisible()
    assert "half-done.toml" in dialog.problems.text()
    assert "half-done" not in listed_ids(dialog)


def test_info_notes_names_not_checked_against_the_source(window: MainWindow, app: App) -> None:
    dialog = window.show_frameworks()
    assert not dialog.problems.isVisible()
    choose(dialog, "csif")
    assert "not all been checked against the source" in dialog.info.toPlainText()
    assert app.frameworks.get("csif").source.not_checked in dialog.info.toPlainText()
    assert app.frameworks.get("csif").source.title in dialog.info.toPlainText()
    assert "names not verified" in dialog.list.currentItem().data(HtmlRole)
    choose(dialog, "gibbs")
    assert "not all been checked against the source" not in dialog.info.toPlainText()
    assert "Checked: The six stage names." in dialog.info.toPlainText()


def test_the_edit_menu_opens_the_dialog(window: MainWindow) -> None:
    [action] = [a for a in window.findChildren(type(window.undo_trash)) if "Frameworks" in a.text()]
    action.trigger()
    [dialog] = [d for d in window.findChildren(FrameworksDialog) if d.isVisible()]
    assert dialog.list.count() >= 11
    dialog.close_button.click()
    assert not dialog.isVisible()


def test_new_parts_get_ids_from_their_labels() -> None:
    assert slug_from("What happened?") == "what-happened"
    assert slug_from("Réflexion – après") == "reflexion-apres"
    assert slug_from("???") == ""
    assert len(slug_from("word " * 40)) <= 60


def test_move_and_remove_follow_the_chosen_part(window: MainWindow) -> None:
    _, editor = copy_and_edit(window, "what-so-what-now-what")
    tree = editor.tree
    [section] = tree.sections()
    tree.setCurrentItem(section)
    # A framework needs a section: the only one cannot be moved or removed.
    assert not editor.up_button.isEnabled()
    assert not editor.down_button.isEnabled()
    assert not editor.remove_button.isEnabled()
    tree.setCurrentItem(section.child(0))
    assert not editor.up_button.isEnabled() and editor.down_button.isEnabled()
    editor.down_button.click()
    assert section.indexOfChild(tree.currentItem()) == 1
    assert editor.up_button.isEnabled()
    editor.down_button.click()
    assert not editor.down_button.isEnabled()
    editor.remove_button.click()
    editor.remove_button.click()
    # A section needs a prompt: the last one stays.
    assert section.childCount() == 1 and not editor.remove_button.isEnabled()
    assert editor.has_changes()


def test_cancel_without_changes_closes_without_asking(
    window: MainWindow, app: App, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[object] = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a))
    _, editor = copy_and_edit(window, "kolb")
    editor.cancel_button.click()
    assert not editor.isVisible() and asked == []
    assert app.frameworks.get("kolb-copy").name == app.frameworks.get("kolb").name + " (copy)"
