"""QR codes in a picture (a photo, a screenshot, a camera frame) read into scan codes.

The same path for `main.py scan --image` and the camera window: the picture goes to
zxing-cpp, and each text it finds to decode_scan, exactly as if a scanner had typed it.
No Qt here: zxing-cpp takes a PIL image or a QImage alike, and the CLI stays light.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from db.errors import QT_TRANSLATE_NOOP, DomainError, ScanRefused
from db.scancodes import ScanCode, decode_scan


class NoCodeInPicture(DomainError):
    template = QT_TRANSLATE_NOOP(
        "DomainError", "No QR code was found in {picture}: hold the code closer and flat."
    )


class UnreadablePicture(DomainError):
    template = QT_TRANSLATE_NOOP("DomainError", "{picture} cannot be opened as a picture.")


def qr_texts(picture: Any) -> list[str]:
    """The texts of the QR codes zxing-cpp finds in a PIL image, a QImage or an array."""
    import zxingcpp

    qr_only = zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode)
    return [
        found.text
        for found in zxingcpp.read_barcodes(picture, formats=qr_only)
        if found.valid and found.text
    ]


def code_in_picture(picture: Any, name: str) -> ScanCode:
    """The OpenUp code in a picture: the first QR text decode_scan accepts.

    Refuses with decode_scan's reason when the picture holds only other codes, and with
    one sentence when it holds none (`name` says which picture).
    """
    texts = qr_texts(picture)
    if not texts:
        raise NoCodeInPicture(picture=name)
    first_refusal: ScanRefused | None = None
    for text in texts:
        try:
            return decode_scan(text)
        except ScanRefused as refusal:
            first_refusal = first_refusal or refusal
    assert first_refusal is not None
    raise first_refusal


def code_in_image_file(path: Path) -> ScanCode:
    """The OpenUp code in a photo or screenshot file (PNG, JPEG, …)."""
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(path) as image:
            image.load()
            picture = image.convert("L")  # zxing-cpp reads grey; also drops an alpha channel
    except (OSError, UnidentifiedImageError, Image.DecompressionBombError):
        raise UnreadablePicture(picture=str(path)) from None
    return code_in_picture(picture, str(path))
