"""Render openup-desk.svg to the window's PNG and the Windows .ico (16–256 px, each size drawn
from the SVG, not scaled down from the largest): `python resources/icons/make_icon.py`."""

from __future__ import annotations

import io
import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PIL import Image
from PySide6.QtCore import QBuffer, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

HERE = Path(__file__).resolve().parent
SIZES = (16, 20, 24, 32, 40, 48, 64, 128, 256)


def render(renderer: QSvgRenderer, size: int) -> Image.Image:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return Image.open(io.BytesIO(bytes(buffer.data()))).convert("RGBA")


def main() -> None:
    _app = QGuiApplication([])
    renderer = QSvgRenderer(str(HERE / "openup-desk.svg"))
    images = {size: render(renderer, size) for size in SIZES}
    images[256].save(HERE / "openup-desk.png", optimize=True)
    largest, *smaller = (images[size] for size in reversed(SIZES))
    largest.save(
        HERE / "openup-desk.ico",
        sizes=[(size, size) for size in SIZES],
        append_images=smaller,
    )


if __name__ == "__main__":
    main()
