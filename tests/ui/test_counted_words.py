"""Counts read as a person would write them: "1 match", "7 events", never "event(s)" (#13, 9).

Source strings say "%n event(s)"; the English forms are a translation, reflect_en.ts compiled
to reflect_en.qm, which the app always loads. These tests keep that file complete and compiled.
"""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from pack_fixtures import signed_pack
from reflect.app import App
from reflect.exchange.identity import Identity
from reflect.resources import resource_path
from reflect.ui.flows.install_pack import install_pack_file
from reflect.ui.main_window import MainWindow
from reflect.ui.navigation import PageId

SRC = Path(__file__).resolve().parents[2] / "src" / "reflect"
TS = resource_path("translations", "reflect_en.ts")
QM = resource_path("translations", "reflect_en.qm")


def counted_strings_in_src() -> tuple[set[tuple[str, str]], list[str]]:
    """Every ``%n`` string as (context, source) when it is a ``self.tr`` in a class, and
    where any other ``%n`` string is (lupdate would not read it as plural)."""
    found: set[tuple[str, str]] = set()
    stray: list[str] = []
    for path in sorted(SRC.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        seen_in_tr: set[int] = set()
        for cls in [n for n in ast.walk(tree) if isinstance(n, ast.ClassDef)]:
            for call in [n for n in ast.walk(cls) if isinstance(n, ast.Call)]:
                func = call.func
                if not (isinstance(func, ast.Attribute) and func.attr == "tr" and call.args):
                    continue
                first = call.args[0]
                if isinstance(first, ast.Constant) and "%n" in str(first.value):
                    assert len(call.args) == 3, f"{path}:{call.lineno}: tr(text, '', n)"
                    found.add((cls.name, str(first.value)))
                    seen_in_tr.add(id(first))
        for node in ast.walk(tree):
            text = node.value if isinstance(node, ast.Constant) else None
            if isinstance(text, str) and "%n" in text and id(node) not in seen_in_tr:
                stray.append(f"{path.relative_to(SRC)}:{node.lineno}")
    return found, stray


def english_forms() -> dict[tuple[str, str], list[str]]:
    forms: dict[tuple[str, str], list[str]] = {}
    for context in ET.parse(TS).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            if message.get("numerus") == "yes" and translation.get("type") is None:
                key = (name, message.findtext("source") or "")
                forms[key] = [f.text or "" for f in translation.iter("numerusform")]
    return forms


def test_every_counted_string_has_its_english_singular_and_plural() -> None:
    found, stray = counted_strings_in_src()
    forms = english_forms()

    assert stray == [], "a %n string outside a class's self.tr(); see ui/counted.py"
    assert found, "the scan found no counted strings at all"
    missing = sorted(found - forms.keys())
    assert missing == [], "run the steps in resources/translations/README.md"
    for key in found:
        one, many = forms[key]
        assert "%n" in one and "%n" in many and one != many, key
        assert "(s)" not in one + many and "(es)" not in one + many, key


def test_the_compiled_english_file_is_the_ts_file_compiled() -> None:
    lrelease = shutil.which("pyside6-lrelease") or str(
        Path(sys.executable).with_name("pyside6-lrelease")
    )
    out = Path(QM).with_name("compiled-by-test.qm")
    try:
        subprocess.run([lrelease, "-nounfinished", "-silent", str(TS), "-qm", str(out)], check=True)
        assert out.read_bytes() == QM.read_bytes(), "run pyside6-lrelease (README.md)"
    finally:
        out.unlink(missing_ok=True)


def test_the_search_page_says_1_match_and_2_matches(
    qtbot: QtBot, window: MainWindow, app: App
) -> None:
    app.entries.write("Huddles at eight work.")
    window.show_page(PageId.SEARCH)

    qtbot.keyClicks(window.search.field, "huddles")
    qtbot.waitUntil(lambda: window.search.summary.text() == "1 match")
    app.entries.write("Huddles moved to nine.")
    qtbot.keyClick(window.search.field, Qt.Key.Key_Backspace)
    qtbot.keyClicks(window.search.field, "s")

    qtbot.waitUntil(lambda: window.search.summary.text() == "2 matches")


def test_installing_a_pack_asks_about_9_events_and_4_frameworks(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    pack = signed_pack(tmp_path, Identity.generate())
    asked: list[str] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, answer)
            return
        asked.append(box.informativeText())
        box.button(QMessageBox.StandardButton.Cancel).click()

    QTimer.singleShot(0, answer)
    assert install_pack_file(window, pack, confirm=True) is None

    [text] = asked
    assert "9 events and 4 frameworks." in text
    assert "(s)" not in text


@pytest.mark.parametrize(("days", "words"), [(1, "1 entry"), (3, "3 entries")])
def test_the_heat_map_counts_entries_in_words(
    window: MainWindow, app: App, days: int, words: str
) -> None:
    for n in range(days):
        app.entries.write(f"Entry {n}.")
    window.show_page(PageId.INSIGHTS)

    assert words in window.insights.heat.summary()
