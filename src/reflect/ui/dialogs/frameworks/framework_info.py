"""What a framework is, where it comes from, and whether its wording was checked."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from reflect.core.framework import Framework
from reflect.ui.widgets.safe_browser import SafeBrowser


def framework_markdown(framework: Framework) -> str:
    """The framework's description, source and prompts as Markdown (rendered safely)."""
    tr = QCoreApplication.translate
    parts = [f"# {framework.name}", framework.description]
    if not framework.verified:
        parts.append(
            "> "
            + tr(
                "FrameworkInfo",
                "The wording here is Reflect's own and has not been checked against the "
                "source, so it is not the official text.",
            )
        )
    source = framework.source
    cited = ", ".join(str(p) for p in (source.title, source.publisher, source.year) if p)
    link = f" <{source.link}>" if source.link.startswith("https://") else ""
    parts.append(f"**{tr('FrameworkInfo', 'Source')}:** {cited}{link}")
    if source.note:
        parts.append(f"*{source.note}*")
    for section in framework.sections:
        parts.append(f"## {section.title}")
        parts += [f"- **{p.label}**" + (f": {p.help}" if p.help else "") for p in section.prompts]
    if framework.domains:
        scale = framework.scale
        parts.append(
            "## "
            + tr("FrameworkInfo", "Rate yourself from {0} to {1} on").format(scale.low, scale.high)
        )
        parts += [f"- **{d.label}**" + (f": {d.help}" if d.help else "") for d in framework.domains]
    return "\n\n".join(p for p in parts if p)


class FrameworkInfoDialog(QDialog):
    def __init__(self, framework: Framework, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(framework.name)
        self.resize(640, 560)
        self.text = SafeBrowser()
        self.text.setAccessibleName(self.tr("About {0}").format(framework.name))
        self.text.show_markdown(framework_markdown(framework))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
