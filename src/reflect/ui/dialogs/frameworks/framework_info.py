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
    source = framework.source
    if not framework.verified:
        # The wording is Reflect's own in every framework; what was not checked is the names.
        parts.append(
            "> "
            + tr(
                "FrameworkInfo",
                "Not verified: the names used here have not all been checked against the "
                "source. The prompts and help are Reflect's own words, not the source's.",
            )
        )
    cited = ", ".join(str(p) for p in (source.title, source.publisher, source.year) if p)
    link = f" <{source.link}>" if source.link.startswith("https://") else ""
    parts.append(f"**{tr('FrameworkInfo', 'Source')}:** {cited}{link}")
    for label, text in (
        (tr("FrameworkInfo", "Checked"), source.checked),
        (tr("FrameworkInfo", "Not checked"), source.not_checked),
    ):
        if text:
            parts.append(f"**{label}:** {text}")
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
