"""Render Reflect's SVG icon into the formats installers want: PNG, Windows .ico, macOS .icns.

Run with the build venv's Python (it has PySide6 and Pillow): ``python make_icons.py OUT_DIR``.
Qt draws the SVG, so the icons match what the running app shows; Pillow writes the containers.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

SIZE = 1024
ICO_SIZES = [(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)]


def render_png(svg: Path, png: Path, size: int = SIZE) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication([])
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    QSvgRenderer(str(svg)).render(painter)
    painter.end()
    if not image.save(str(png)):
        raise SystemExit(f"could not write {png}")
    del app


def main(out: Path) -> None:
    from PIL import Image

    from reflect.resources import resource_path

    out.mkdir(parents=True, exist_ok=True)
    png = out / "reflect.png"
    render_png(resource_path("icons", "reflect.svg"), png)
    with Image.open(png) as image:
        image.save(out / "reflect.ico", sizes=ICO_SIZES)
        image.save(out / "reflect.icns")
    print(f"icons written to {out}")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
