"""A printout before paper: preview the PDF, print through the system dialog, or save it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from db.errors import DomainError
from db.files import CannotWriteFile, write_file
from desktop.errors import translate_error
from desktop.i18n import fill
from desktop.operations import Operation

# Pages are drawn for the printer at up to this resolution: sharp QR codes and text,
# without building a 1200-dpi image per page.
PRINT_DPI = 300


class PdfPreview(QDialog):
    """Shows a PDF built in memory; Print goes through Qt's print dialog, Save writes the file."""

    def __init__(
        self, pdf: bytes, title: str, file_name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("pdfPreview")
        self.setWindowTitle(title)
        # A page's height where the screen has it; on the laptops' 1280×800 screen no taller
        # than the screen less its title bar, else Print and Save lie below the screen's edge.
        room = self.screen().availableGeometry()
        self.resize(min(900, room.width() - 40), min(1000, room.height() - 60))
        self.pdf = pdf
        self.file_name = file_name
        self._bytes = QByteArray(pdf)
        self._buffer = QBuffer(self._bytes)  # the document reads from it while it is shown
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument(self)
        self.document.load(self._buffer)

        self.view = QPdfView(self)
        self.view.setObjectName("pdfView")
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setStyleSheet("background: #808080;")

        self.pages = QLabel(fill(self.tr("Pages: %1"), str(self.document.pageCount())))
        self.pages.setObjectName("pageCount")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.print_button = QPushButton(self.tr("Print…"))
        self.print_button.setObjectName("printButton")
        self.save_button = QPushButton(self.tr("Save as PDF…"))
        self.save_button.setObjectName("saveButton")
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.print_button.clicked.connect(self.ask_and_print)
        self.save_button.clicked.connect(self.ask_and_save)

        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.pages)
        layout.addWidget(buttons)

    def ask_and_save(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save as PDF"), self.file_name, self.tr("PDF documents (*.pdf)")
        )
        if path:
            self.save_to(Path(path if path.lower().endswith(".pdf") else path + ".pdf"))

    def save_to(self, path: Path) -> bool:
        """Write the PDF whole, owner-only; say why in a box if the system refuses it."""
        try:
            write_file(path, self.pdf)
        except CannotWriteFile as refusal:
            QMessageBox.warning(self, self.windowTitle(), translate_error(refusal))
            return False
        return True

    def ask_and_print(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.file_name)
        dialog = QPrintDialog(printer, self)
        dialog.setMinMax(1, self.document.pageCount())
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.print_to(printer)

    def print_to(self, printer: QPrinter) -> None:
        """Draw each page (or the chosen range) onto the printer's pages."""
        first, last = printer.fromPage(), printer.toPage()
        if first == 0:  # no range chosen: every page
            first, last = 1, self.document.pageCount()
        dpi = min(printer.resolution(), PRINT_DPI)
        painter = QPainter(printer)
        try:
            for number in range(first, last + 1):
                if number > first:
                    printer.newPage()
                self._draw_page(painter, printer, number - 1, dpi)
        finally:
            painter.end()

    def _draw_page(self, painter: QPainter, printer: QPrinter, index: int, dpi: int) -> None:
        points = self.document.pagePointSize(index)
        size = QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72))
        image = self.document.render(index, size)
        # QtPdf leaves the page transparent: paper is white.
        page = QImage(image.size(), QImage.Format.Format_RGB32)
        page.fill(QColor("white"))
        with_white = QPainter(page)
        with_white.drawImage(QPointF(0, 0), image)
        with_white.end()
        target = QRectF(painter.viewport())
        scaled = page.size().scaled(target.size().toSize(), Qt.AspectRatioMode.KeepAspectRatio)
        painter.drawImage(QRectF(QPointF(0, 0), scaled.toSizeF()), page)


def show_pdf(
    parent: QWidget,
    build: Callable[[], bytes],
    title: str,
    file_name: str,
    *,
    on_refusal: Callable[[BaseException, str], None] | None = None,
) -> None:
    """Build a document off the UI thread (the status bar shows it working), then preview it."""

    def ready(pdf: bytes) -> None:
        preview = PdfPreview(pdf, title, file_name, parent)
        preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        preview.open()

    def refused(error: BaseException, _details: str) -> None:
        assert isinstance(error, DomainError)
        QMessageBox.warning(parent, title, translate_error(error))

    Operation(parent, build).success(ready).failure(on_refusal or refused).run()
