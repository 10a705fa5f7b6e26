"""The camera path on pictures: the program's own labels and cards, printed (rendered from
their PDFs) and photographed badly, read back through zxing-cpp and decode_scan."""

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image, ImageFilter

from db.people import get_participant
from db.printing import cards_data, labels_data
from db.scancodes import CardCode, ItemCode, ScanCode
from desktop.documents.cards import CARD_HEIGHT, CARD_WIDTH, card_origin, member_cards_pdf
from desktop.documents.labels import labels_pdf
from desktop.qr_reader import (
    NoCodeInPicture,
    UnreadablePicture,
    code_in_image_file,
    code_in_picture,
)
from tests.conftest import Desk
from tests.documents.rendering import DPI, render_pages
from tests.integration.test_cli import main_py

# A webcam's frame: what the camera window hands the reader.
FRAME = (1280, 720)


def label_photo(desk: Desk, tag: str) -> Image.Image:
    """One label as printed on the roll (one label per page) at 300 dpi."""
    (page,) = render_pages(labels_pdf(labels_data(desk.db, [tag]), "roll62"))
    return page


def card_photo(desk: Desk) -> tuple[Image.Image, CardCode]:
    """Jānis's member card, cut out of the printed sheet, and the code it carries."""
    (page,) = render_pages(member_cards_pdf(cards_data(desk.db, [desk.janis_id], by=None)))
    with desk.db.reading() as s:
        code = get_participant(s, desk.janis_id).card_code
    assert code is not None
    # Cut out as the guillotine does: the first card's place on the sheet.
    left, bottom = card_origin(0)
    px = DPI / 72  # the PDF's points to the rendering's pixels
    top = page.height - (bottom + CARD_HEIGHT) * px
    box = (left * px, top, (left + CARD_WIDTH) * px, top + CARD_HEIGHT * px)
    return page.crop(tuple(round(edge) for edge in box)), CardCode(code)


def on_the_desk(picture: Image.Image) -> Image.Image:
    """The label or card with the table around it, as any photo of it has."""
    margin = max(picture.size) // 4
    table = Image.new("L", (picture.width + 2 * margin, picture.height + 2 * margin), 235)
    table.paste(picture.convert("L"), (margin, margin))
    return table


def blurred(picture: Image.Image, radius: float = 3) -> Image.Image:
    return picture.filter(ImageFilter.GaussianBlur(radius))


def noisy(picture: Image.Image, grain_share: float = 0.35) -> Image.Image:
    """A dim room's sensor noise (the same grain every run)."""
    grain = random.Random(7).randbytes(picture.width * picture.height)
    return Image.blend(picture.convert("L"), Image.frombytes("L", picture.size, grain), grain_share)


def rotated(picture: Image.Image) -> Image.Image:
    return on_the_desk(picture).rotate(33, expand=True, fillcolor=235)


def in_perspective(picture: Image.Image) -> Image.Image:
    """Photographed from the side: the far edge shorter than the near one."""
    photo = on_the_desk(picture)
    width, height = photo.size
    far = width // 5
    corners = (far, 0, 0, height, width, height, width - far, 0)  # the source's quadrilateral
    return photo.transform(photo.size, Image.Transform.QUAD, corners, fillcolor=235)


def small_in_frame(picture: Image.Image, longest: int = 260) -> Image.Image:
    """Held far from the camera: the label some 260 pixels long in a grey webcam frame."""
    shrunk = picture.convert("L")
    shrunk.thumbnail((longest, longest))
    frame = Image.new("L", FRAME, 170)
    frame.paste(shrunk, (FRAME[0] // 3, FRAME[1] // 4))
    return frame


def everything_at_once(picture: Image.Image) -> Image.Image:
    """From the side, askew, far off, out of focus and grainy."""
    askew = in_perspective(picture).rotate(33, expand=True, fillcolor=235)
    return noisy(blurred(small_in_frame(askew, longest=560), radius=1), grain_share=0.2)


DAMAGE: dict[str, Callable[[Image.Image], Image.Image]] = {
    "as printed": lambda picture: picture,
    "blurred": blurred,
    "noisy": noisy,
    "rotated": rotated,
    "in perspective": in_perspective,
    "small in the frame": small_in_frame,
    "all of it": everything_at_once,
}


@pytest.mark.parametrize("damage", sorted(DAMAGE))
def test_a_label_photographed_badly_is_read_as_its_item(desk: Desk, damage: str) -> None:
    photo = DAMAGE[damage](label_photo(desk, "LAP-01"))
    assert code_in_picture(photo, "photo") == ItemCode("LAP-01")


@pytest.mark.parametrize("damage", sorted(DAMAGE))
def test_a_card_photographed_badly_is_read_as_its_child(desk: Desk, damage: str) -> None:
    photo, code = card_photo(desk)
    read: ScanCode = code_in_picture(DAMAGE[damage](photo), "photo")
    assert read == code and read.layout is None


def test_a_picture_without_a_code_says_so_in_one_sentence() -> None:
    with pytest.raises(NoCodeInPicture) as refusal:
        code_in_picture(Image.new("L", FRAME, 200), "desk.png")
    assert refusal.value.message == (
        "No QR code was found in desk.png: hold the code closer and flat."
    )


def test_a_file_that_is_no_picture_is_refused(tmp_path: Path) -> None:
    text = tmp_path / "notes.png"
    text.write_text("not a picture", encoding="utf-8")
    with pytest.raises(UnreadablePicture, match="cannot be opened as a picture"):
        code_in_image_file(text)
    with pytest.raises(UnreadablePicture):
        code_in_image_file(tmp_path / "missing.png")


def test_scan_image_on_the_command_line(desk: Desk, tmp_path: Path) -> None:
    database = desk.db.engine.url.database
    assert database is not None
    photo = tmp_path / "photo of the laptop.png"
    everything_at_once(label_photo(desk, "LAP-01")).save(photo)
    read = main_py("scan", "--image", str(photo), "--db", database, env_home=tmp_path)
    assert read.returncode == 0, read.stderr
    assert read.stdout.startswith("LAP-01 ") and "in the library" in read.stdout

    blank = tmp_path / "blank.png"
    Image.new("L", FRAME, 255).save(blank)
    refused = main_py("scan", "--image", str(blank), "--db", database, env_home=tmp_path)
    assert refused.returncode == 1
    assert refused.stderr.strip() == (
        f"No QR code was found in {blank}: hold the code closer and flat."
    )
    assert refused.stdout == ""
