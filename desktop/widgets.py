"""Small widgets every page shares."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel


def page_title(text: str) -> QLabel:
    """A page's heading: bold and larger than the body text, the same on every page."""
    label = QLabel(text)
    label.setProperty("role", "title")
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 1.4)
    font.setBold(True)
    label.setFont(font)
    return label
