"""The written answers of a structured entry (a coaching session, or a framework's prompts),
one labelled text box per prompt, edited alongside the free text."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Signal
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from reflect.core import coaching
from reflect.core.entry import Response


def prompt_label(framework_id: str | None, prompt_id: str) -> str:
    """A readable label for a prompt: a known one, else the id made into words."""
    known = {p.value: label for p, label in coaching.PROMPT_LABELS.items()}
    if framework_id == coaching.FRAMEWORK_ID and prompt_id in known:
        text = known[prompt_id]
    else:
        text = prompt_id.replace("-", " ").replace("_", " ").capitalize()
    return QCoreApplication.translate("Prompts", text)


def as_markdown(framework_id: str | None, responses: tuple[Response, ...]) -> str:
    """Responses as Markdown sections, for the preview."""
    return "\n\n".join(
        f"## {prompt_label(framework_id, r.prompt_id)}\n\n{r.text}" for r in responses if r.text
    )


class ResponsesPanel(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._column = QVBoxLayout(self)
        self._boxes: list[tuple[str, QPlainTextEdit]] = []

    def load(self, framework_id: str | None, responses: tuple[Response, ...]) -> None:
        while self._column.count():
            item = self._column.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self._boxes = []
        for response in responses:
            box = QPlainTextEdit(response.text)
            box.setTabChangesFocus(True)
            box.setMinimumHeight(72)
            label = QLabel(prompt_label(framework_id, response.prompt_id))
            label.setBuddy(box)
            box.setAccessibleName(label.text())
            box.textChanged.connect(self.changed)
            self._column.addWidget(label)
            self._column.addWidget(box)
            # Shown now rather than by the layout's queued call, so they count in our size.
            label.show()
            box.show()
            self._boxes.append((response.prompt_id, box))
        self._column.addStretch(1)
        # The enclosing scroll area resizes us on a LayoutRequest; send one now that the rows
        # are in, so they are never squeezed on top of each other.
        self._column.activate()
        QCoreApplication.sendEvent(self, QEvent(QEvent.Type.LayoutRequest))

    def responses(self) -> tuple[Response, ...]:
        return tuple(Response(prompt_id, box.toPlainText()) for prompt_id, box in self._boxes)
