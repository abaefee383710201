"""The report's chart slot: a ``chart_renderer``'s PNG goes into the PDF and the HTML file,
in place of the table of the last points; with none, the table is printed."""

from __future__ import annotations

import base64
import subprocess
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QColor, QImage

from reflect.app import App
from reflect.services.measures import MeasureView
from reflect.services.report import ReportRequest
from reflect.ui.printing.report_pdf import write_report


def _png() -> bytes:
    image = QImage(40, 20, QImage.Format.Format_RGB32)
    image.fill(QColor("steelblue"))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def _images_in(pdf: Path) -> int:
    listing = subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True, text=True)
    return len(listing.stdout.splitlines()) - 2  # two lines of heading


def test_a_chart_renderer_fills_the_slot_in_pdf_and_html(
    app: App, tmp_path: Path, qapp: object
) -> None:
    inquiry = app.inquiries.add("Does the huddle help?")
    measure = app.measures.add(inquiry.id, "Huddles", "huddles", "higher")
    for day in range(1, 6):
        app.measures.record(measure.id, day, f"2026-03-0{day}")
    seen: list[MeasureView] = []

    def renderer(view: MeasureView) -> bytes:
        seen.append(view)
        return png

    png = _png()
    request = ReportRequest(inquiry.id)
    write_report(app, request, tmp_path / "with.pdf", chart_renderer=renderer)
    write_report(app, request, tmp_path / "with.html", chart_renderer=renderer)
    write_report(app, request, tmp_path / "without.pdf")
    assert [len(v.points) for v in seen] == [5, 5]
    assert _images_in(tmp_path / "with.pdf") == 1
    assert _images_in(tmp_path / "without.pdf") == 0
    page = (tmp_path / "with.html").read_text(encoding="utf-8")
    assert f'src="data:image/png;base64,{base64.b64encode(png).decode()}"' in page
    assert "The last 5 values" not in page
