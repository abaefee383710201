"""Beside the radar: the latest self-assessment in words, each domain's score and evidence."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QVBoxLayout, QWidget

from reflect.core.assessment import Assessment
from reflect.ui.pages.insights.insights_data import local_day
from reflect.ui.texts import day_text
from reflect.ui.widgets.basics import card, label
from reflect.ui.widgets.charts.chart_base import number_text


class LatestAssessment(QWidget):
    """A card: when, the note, and per domain its score, the change and the evidence."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        frame, self._frame_layout = card()
        self._body = QWidget()
        self._frame_layout.addWidget(self._body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(frame)
        self.rows: list[tuple[str, str, str]] = []  # domain, score text, evidence

    def show_assessment(
        self,
        axes: Sequence[tuple[str, str]],
        high: int,
        latest: Assessment,
        previous: Assessment | None,
    ) -> None:
        """``axes`` are (domain id, label) pairs, in the framework's order."""
        # A fresh body each time: the old one goes at once, not when the event loop next runs.
        old, self._body = self._body, QWidget()
        old.hide()
        old.deleteLater()
        self._frame_layout.addWidget(self._body)
        self._layout = QVBoxLayout(self._body)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(6)
        self.rows = []
        heading = label(
            self.tr("In your words, {0}").format(day_text(local_day(latest))), "card-heading"
        )
        self._layout.addWidget(heading)
        if latest.note:
            self._layout.addWidget(label(latest.note, "muted"))
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(2)
        before = {s.domain_id: s.score for s in previous.scores} if previous else {}
        scores = {s.domain_id: s for s in latest.scores}
        for domain_id, text in axes:
            score = scores.get(domain_id)
            if score is None:
                continue
            value = self.tr("{0} of {1}").format(score.score, high)
            change = _change(score.score, before.get(domain_id))
            row = grid.rowCount()
            name = label(text, "domain-name")  # which also keeps it flush left
            grid.addWidget(name, row, 0)
            shown = label(f"{value}  {change}".strip(), wrap=False)
            shown.setAccessibleName(
                f"{text}: {value}{self._spoken(score.score, before.get(domain_id))}"
            )
            right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom
            grid.addWidget(shown, row, 1, right)
            if score.evidence:
                grid.addWidget(label(score.evidence, "muted"), row + 1, 0, 1, 2)
            self.rows.append((text, value, score.evidence))
        grid.setColumnStretch(0, 1)
        self._layout.addLayout(grid)
        self._layout.addStretch(1)

    def _spoken(self, score: int, before: int | None) -> str:
        if before is None or before == score:
            return ""
        if score > before:
            return self.tr(", up {0} since the one before").format(score - before)
        return self.tr(", down {0} since the one before").format(before - score)


def _change(score: int, before: int | None) -> str:
    if before is None or before == score:
        return ""
    return (
        f"▲ {number_text(score - before)}" if score > before else f"▼ {number_text(before - score)}"
    )
