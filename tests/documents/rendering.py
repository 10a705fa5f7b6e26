"""PDF pages as images, as a printer would see them: PDFium from pip, no system tools."""

from __future__ import annotations

import pypdfium2 as pdfium
from PIL import Image

DPI = 300


def render_pages(pdf: bytes, dpi: int = DPI) -> list[Image.Image]:
    """Every page of the PDF as a greyscale image on white paper, at `dpi`."""
    document = pdfium.PdfDocument(pdf)
    try:
        pages = []
        for page in document:
            bitmap = page.render(scale=dpi / 72)
            # convert() copies the pixels out of PDFium's buffer before it is freed.
            pages.append(bitmap.to_pil().convert("L"))
            bitmap.close()
            page.close()
        return pages
    finally:
        document.close()
