"""A participant's evaluation return for the screenshot script: a journal of its own (so the demo
journal's other screens are unchanged) with the demo programme carrying an evaluation plan, a
self-assessment and a few entries, and the return form with counts and a quote ticked.

The form is shown over the screenshot window (for its theme); nothing is saved.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, cast

from reflect import files
from reflect.app import App, open_app
from reflect.core.assessment import Score
from reflect.core.clock import to_text
from reflect.core.evaluation import EvaluationPlan, RatingSet, TextQuestion, TimePoint
from reflect.exchange.card import make_card
from reflect.exchange.identity import Identity
from reflect.exchange.pack import pack_bytes
from reflect.paths import resolve_paths
from reflect.secrets.memory_keyring import MemoryKeyring
from reflect.services.demo import load_demo
from reflect.ui.tools.screenshot_trio import keyring_factory

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from reflect.ui.flows.evaluation_dialog import EvaluationReturnDialog
    from reflect.ui.main_window import MainWindow
    from reflect.ui.shell import Shell

NOTICE = (
    "Dr Priya Nair, the programme's independent evaluator at Northfield University, receives "
    "the returns. She uses them only to evaluate this programme, in figures for groups of at "
    "least five. Returns are kept until 31 December 2028. Questions: "
    "evaluation@northfield.example.org"
)
ENTRY = (
    "Mapped the discharge pathway with Amara Shah from the ward. Seeing the delays on one "
    "page changed the conversation: nobody owned the wait, so everyone could help."
)


class _Participant:
    """The little of a window the return form needs, over the participant's own journal."""

    def __init__(self, app: App, window: MainWindow) -> None:
        self.app = app
        self._window = window

    def widget(self) -> QWidget:
        return self._window

    def notify(self, message: str) -> None:
        self._window.notify(message)


def participant(folder: Path) -> App:
    """A journal with the demo programme asking for an evaluation, its midpoint due now."""
    app = open_app(resolve_paths(folder), keyring_factory=keyring_factory(MemoryKeyring()))
    now = app.clock().astimezone()
    spec = load_demo(now.date(), app.packs.shipped).programme
    first = min(event.day for event in spec.events)
    since = (now.date() - first).days
    plan = EvaluationPlan(
        evaluator_card=make_card("Dr Priya Nair", Identity.generate()),
        privacy_notice=NOTICE,
        time_points=(
            TimePoint("start", "At the start", offset_days=0),
            TimePoint("middle", "Halfway", offset_days=max(since - 1, 1)),
            TimePoint("end", "At the end", offset_days=since + 90),
        ),
        ratings=(RatingSet("csif", ("vision", "capability", "cqi")),),
        ask_counts=True,
        questions=(
            TextQuestion(
                "changed", "What, if anything, do you do differently since the programme began?"
            ),
        ),
    )
    path = folder / "evaluated.reflectpack"
    files.write_bytes(path, pack_bytes(replace(spec, evaluation=plan), Identity.generate(),
                                       to_text(now)))  # fmt: skip
    app.packs.install(path)
    app.assessments.record("csif", [Score("vision", 3), Score("capability", 4), Score("cqi", 2)])
    app.entries.write(ENTRY, title="Walking the pathway")
    app.entries.write("Stopped the Friday report. Nobody missed it.")
    app.actions.add("Huddle at 9 with the discharge team", "start")
    app.actions.add("The Friday report", "stop")
    return app


def evaluation_form(window: MainWindow, folder: Path) -> EvaluationReturnDialog:
    """The return form, counts and the first entry's quote ticked, the answer written."""
    from PySide6.QtCore import Qt

    from reflect.ui.flows.evaluation_dialog import EvaluationReturnDialog

    app = participant(folder / f"participant-{len(list(folder.glob('participant-*')))}")
    programme_id = app.evaluation_returns.programmes()[0][0].pack_id
    dialog = EvaluationReturnDialog(
        cast("Shell", _Participant(app, window)), programme_id, "middle"
    )
    dialog.finished.connect(lambda _result: app.close())
    dialog.counts.setChecked(True)
    dialog.include_quotes.setChecked(True)
    entries = dialog.quotes.entries
    for row in range(entries.count()):
        if entries.item(row).text().endswith("Walking the pathway"):
            entries.setCurrentRow(row)
            entries.item(row).setCheckState(Qt.CheckState.Checked)
    dialog.answers["changed"].setPlainText("I ask the team what is in the way before I act.")
    dialog.refresh_preview()
    dialog.consent.setChecked(True)
    dialog.show()
    return dialog
