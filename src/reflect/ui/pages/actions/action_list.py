"""One column's list of actions: a passive model over Action dataclasses and the row painter.

The model only adapts what the page hands it (actions, the day it counts as "today", and the
inquiry questions to show); it never asks a service for anything itself.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QDate,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QListView, QStyledItemDelegate, QStyleOptionViewItem

from reflect.core.action import Action, ActionStatus
from reflect.core.entry import shorten

ActionRole = Qt.ItemDataRole.UserRole + 1
DueTextRole = Qt.ItemDataRole.UserRole + 2
OverdueRole = Qt.ItemDataRole.UserRole + 3
InquiryTextRole = Qt.ItemDataRole.UserRole + 4
StatusTextRole = Qt.ItemDataRole.UserRole + 5

QUESTION_CHARS = 60
# Overdue is said in a warm ochre, never alarm red: a nudge, not a reprimand.
_OVERDUE_LIGHT = "#8a5300"
_OVERDUE_DARK = "#e2b866"
_PAD = 8

Index = QModelIndex | QPersistentModelIndex


class ActionListModel(QAbstractListModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._actions: list[Action] = []
        self._questions: dict[str, str] = {}
        self._today = date.today()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._actions)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._actions):
            return None
        action = self._actions[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return action.text
        if role == ActionRole:
            return action
        if role == DueTextRole:
            return self.due_text(action)
        if role == OverdueRole:
            return is_overdue(action, self._today)
        if role == InquiryTextRole:
            question = self._questions.get(action.inquiry_id or "")
            return shorten(question, QUESTION_CHARS) if question else None
        if role == StatusTextRole:
            return self.status_text(action)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._questions.get(action.inquiry_id or "")
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self.spoken(action)
        return None

    # Our interface ------------------------------------------------------------------------

    def set_actions(self, actions: list[Action], questions: dict[str, str], today: date) -> None:
        self.beginResetModel()
        self._actions = list(actions)
        self._questions = dict(questions)
        self._today = today
        self.endResetModel()

    def action_at(self, row: int) -> Action | None:
        return self._actions[row] if 0 <= row < len(self._actions) else None

    def row_of(self, action_id: str) -> int | None:
        return next((n for n, a in enumerate(self._actions) if a.id == action_id), None)

    def due_text(self, action: Action) -> str | None:
        if action.due is None:
            return None
        day = date.fromisoformat(action.due)
        if action.status is ActionStatus.OPEN:
            if day < self._today:
                return self.tr("overdue since {0}").format(day_words(day, self._today))
            if day == self._today:
                return self.tr("due today")
            if day == self._today + timedelta(days=1):
                return self.tr("due tomorrow")
        return self.tr("due {0}").format(day_words(day, self._today))

    def status_text(self, action: Action) -> str | None:
        if action.status is ActionStatus.DONE:
            return self.tr("✓ done")
        if action.status is ActionStatus.DROPPED:
            return self.tr("dropped")
        return None

    def spoken(self, action: Action) -> str:
        parts = [action.text]
        parts += [t for t in (self.due_text(action), self.status_text(action)) if t]
        question = self._questions.get(action.inquiry_id or "")
        if question:
            parts.append(self.tr("for the inquiry: {0}").format(question))
        if action.entry_id:
            parts.append(self.tr("from a journal entry"))
        return ". ".join(parts)


def is_overdue(action: Action, today: date) -> bool:
    return action.status is ActionStatus.OPEN and action.due is not None and action.due < str(today)


def day_words(day: date, today: date) -> str:
    """ "Fri 4 Dec" in the user's language; the year only when it is not this one."""
    pattern = "ddd d MMM" if day.year == today.year else "ddd d MMM yyyy"
    return QLocale().toString(QDate(day.year, day.month, day.day), pattern)


class ActionDelegate(QStyledItemDelegate):
    """Paints the action's text wrapped in full, then its due date, status and inquiry."""

    def __init__(self, view: QListView) -> None:
        super().__init__(view)
        self._view = view

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        opt: Any = option  # PySide's stubs omit the option's public fields
        width = max(self._view.viewport().width() - 2 * _PAD, 80)
        text = QFontMetrics(opt.font).boundingRect(
            QRect(0, 0, width, 10_000), int(Qt.TextFlag.TextWordWrap), _text(index)
        )
        line = QFontMetrics(opt.font).height()
        extra = sum(1 for line_text in _meta_lines(index) if line_text) * (line + 2)
        return QSize(width, text.height() + extra + 2 * _PAD)

    def paint(self, painter: QPainter, option: Any, index: Index) -> None:
        # option is a QStyleOptionViewItem; PySide's stubs omit its fields.
        action = index.data(ActionRole)
        if not isinstance(action, Action):
            return
        painter.save()
        # Mark the current row: it is the one the keys and buttons act on.
        selected = self._view.currentIndex().row() == index.row()
        strong = selected and self._view.hasFocus()
        self._paint_background(painter, option, selected, strong)
        palette = option.palette
        ink = palette.color(
            QPalette.ColorRole.HighlightedText if strong else QPalette.ColorRole.Text
        )
        muted = ink if strong else palette.color(QPalette.ColorRole.PlaceholderText)
        finished = action.status is not ActionStatus.OPEN
        rect = option.rect.adjusted(_PAD, _PAD, -_PAD, -_PAD)
        font = QFont(option.font)
        font.setStrikeOut(action.status is ActionStatus.DROPPED)
        painter.setFont(font)
        painter.setPen(muted if finished else ink)
        flags = int(Qt.TextFlag.TextWordWrap)
        drawn = painter.boundingRect(rect, flags, _text(index))
        painter.drawText(rect, flags, _text(index))
        painter.setFont(option.font)
        top = drawn.bottom() + 3
        line = QFontMetrics(option.font).height()
        due, inquiry = _meta_lines(index)
        if due:
            overdue = bool(index.data(OverdueRole))
            painter.setPen(ink if strong else self._overdue(palette) if overdue else muted)
            self._draw_line(painter, option, QRect(rect.left(), top, rect.width(), line), due)
            top += line + 2
        if inquiry:
            painter.setPen(muted)
            self._draw_line(painter, option, QRect(rect.left(), top, rect.width(), line), inquiry)
        painter.restore()

    def _paint_background(
        self, painter: QPainter, option: Any, selected: bool, strong: bool
    ) -> None:
        rect = option.rect.adjusted(2, 1, -2, -1)
        palette = option.palette
        if strong:
            painter.fillRect(rect, palette.color(QPalette.ColorRole.Highlight))
        elif selected:
            # The list without focus keeps its place quietly, so only one column shouts.
            painter.fillRect(rect, palette.color(QPalette.ColorRole.AlternateBase))
            painter.fillRect(
                QRect(rect.left(), rect.top(), 3, rect.height()),
                palette.color(QPalette.ColorRole.Highlight),
            )
        painter.setPen(palette.color(QPalette.ColorRole.Mid))
        painter.drawLine(
            rect.left() + _PAD, option.rect.bottom(), rect.right() - _PAD, option.rect.bottom()
        )

    def _draw_line(self, painter: QPainter, option: Any, rect: QRect, text: str) -> None:
        elided = QFontMetrics(option.font).elidedText(
            text, Qt.TextElideMode.ElideRight, rect.width()
        )
        painter.drawText(rect, int(Qt.AlignmentFlag.AlignLeft), elided)

    @staticmethod
    def _overdue(palette: QPalette) -> QColor:
        # Judge by the text colour: the list's background is transparent to show the card.
        dark = palette.color(QPalette.ColorRole.Text).lightness() > 128
        return QColor(_OVERDUE_DARK if dark else _OVERDUE_LIGHT)


def _text(index: Index) -> str:
    return str(index.data(Qt.ItemDataRole.DisplayRole) or "")


def _meta_lines(index: Index) -> tuple[str, str]:
    """The line under the text (due date and status) and the inquiry line, either may be ""."""
    due = " · ".join(t for t in (index.data(DueTextRole), index.data(StatusTextRole)) if t)
    inquiry = index.data(InquiryTextRole)
    return due, f"↳ {inquiry}" if inquiry else ""
