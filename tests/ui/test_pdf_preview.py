"""The preview shows the PDF's pages, saves the same bytes, and prints through QPrinter."""

from __future__ import annotations

import io
from pathlib import Path

import pypdf
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot
from reportlab.pdfgen.canvas import Canvas

from desktop.dialogs.pdf_preview import PdfPreview
from desktop.documents.common import FONT, register_fonts


def two_pages() -> bytes:
    register_fonts()
    out = io.BytesIO()
    canvas = Canvas(out)
    for text in ("Parakstu lapa: Ķēniņa", "Otrā lapa: Žūriņš"):
        canvas.setFont(FONT, 14)
        canvas.drawString(72, 720, text)
        canvas.showPage()
    canvas.save()
    return out.getvalue()


def test_preview_shows_every_page(qtbot: QtBot) -> None:
    preview = PdfPreview(two_pages(), "Parakstu lapa", "parakstu-lapa.pdf")
    qtbot.addWidget(preview)
    assert preview.document.pageCount() == 2
    assert "2" in preview.pages.text()


def test_save_writes_the_same_document(qtbot: QtBot, tmp_path: Path) -> None:
    pdf = two_pages()
    preview = PdfPreview(pdf, "Parakstu lapa", "parakstu-lapa.pdf")
    qtbot.addWidget(preview)
    preview.save_to(tmp_path / "lapa.pdf")
    assert (tmp_path / "lapa.pdf").read_bytes() == pdf


def test_print_draws_every_page_on_the_printer(qtbot: QtBot, tmp_path: Path) -> None:
    preview = PdfPreview(two_pages(), "Parakstu lapa", "parakstu-lapa.pdf")
    qtbot.addWidget(preview)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)  # a file stands in for paper
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    preview.print_to(printer)
    printed = pypdf.PdfReader(tmp_path / "printed.pdf")
    assert len(printed.pages) == 2


def test_the_preview_fits_the_screen_with_its_buttons(qtbot: QtBot) -> None:
    """The offscreen screen is 800 px high, like the laptops' 1280×800: Print, Save and Close
    stay on it (the preview used to open 1000 px high)."""
    preview = PdfPreview(two_pages(), "Parakstu lapa", "parakstu-lapa.pdf")
    qtbot.addWidget(preview)
    preview.show()
    qtbot.waitExposed(preview)
    room = preview.screen().availableGeometry()
    assert room.height() <= 800  # the test means something only on a small screen
    assert preview.height() <= room.height() - 60 and preview.width() <= room.width()
    for button in (preview.print_button, preview.save_button):
        bottom = button.mapTo(preview, button.rect().bottomLeft()).y()
        assert button.isVisible() and bottom < preview.height()
