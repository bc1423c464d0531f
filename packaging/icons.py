"""Render packaging/alsdesk.svg into the PNG (Linux desktop entry) and ICO (Windows) next to it.

    QT_QPA_PLATFORM=offscreen python packaging/icons.py

Run again after changing the SVG; the results are committed, so a build needs no SVG renderer."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

HERE = Path(__file__).resolve().parent


def render(renderer: QSvgRenderer, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    return image


def main() -> int:
    app = QGuiApplication(sys.argv[:1])  # noqa: F841 (QPainter needs one)
    renderer = QSvgRenderer(str(HERE / "alsdesk.svg"))
    if not renderer.isValid():
        print("alsdesk.svg is not a valid SVG", file=sys.stderr)
        return 1
    ok = render(renderer, 256).save(str(HERE / "alsdesk.png"))
    ok = render(renderer, 256).save(str(HERE / "alsdesk.ico")) and ok  # Qt's ico plugin writes one size
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
