"""Equipment labels: printed codes decode back to the item, in the right place on the sheet."""

from __future__ import annotations

import io

import pytest
import zxingcpp
from PIL import Image
from pypdf import PdfReader

from db.equipment import set_item_status
from db.errors import UnknownCode
from db.models import ItemStatus
from db.printing import LabelData, labels_data
from db.scancodes import item_text
from desktop.documents.labels import TEMPLATES, labels_pdf, qr_matrix
from tests.conftest import Desk
from tests.documents.rendering import DPI, render_pages

MM_PER_PX = 25.4 / DPI


def decode(page: Image.Image) -> list[zxingcpp.Result]:
    return [r for r in zxingcpp.read_barcodes(page) if r.format == zxingcpp.BarcodeFormat.QRCode]


def box(result: zxingcpp.Result) -> tuple[int, int, int, int]:
    corners = [
        result.position.top_left,
        result.position.top_right,
        result.position.bottom_right,
        result.position.bottom_left,
    ]
    xs, ys = [p.x for p in corners], [p.y for p in corners]
    return min(xs), min(ys), max(xs), max(ys)


def centre_mm(result: zxingcpp.Result) -> tuple[float, float]:
    """The code's centre in mm from the page's top-left corner."""
    x0, y0, x1, y1 = box(result)
    return (x0 + x1) / 2 * MM_PER_PX, (y0 + y1) / 2 * MM_PER_PX


def position_on_sheet(template: str, result: zxingcpp.Result) -> int:
    """The 0-based label position (row by row from the top) the code was printed in."""
    stock = TEMPLATES[template]
    x, y = centre_mm(result)
    column = int((x - stock.left) // stock.pitch_x)
    row = int((y - stock.top) // stock.pitch_y)
    return row * stock.columns + column


def quiet_zone_is_clear(page: Image.Image, result: zxingcpp.Result) -> bool:
    """No ink within four modules around the code (a 2 px band at its edge is forgiven)."""
    x0, y0, x1, y1 = box(result)
    module = (x1 - x0) / len(qr_matrix(result.text))
    ring = int(4 * module)
    strips = [
        (x0 - ring, y0 - ring, x1 + ring, y0 - 2),  # above
        (x0 - ring, y1 + 2, x1 + ring, y1 + ring),  # below
        (x0 - ring, y0 - ring, x0 - 2, y1 + ring),  # left
        (x1 + 2, y0 - ring, x1 + ring, y1 + ring),  # right
    ]
    return all(page.crop(strip).getextrema()[0] >= 200 for strip in strips)


def made_up_labels(count: int) -> list[LabelData]:
    return [
        LabelData(
            tag=f"LAP-{n:02d}",
            name="Portatīvais dators Lenovo ThinkPad",
            code_text=item_text(f"LAP-{n:02d}"),
            library_name="Jēkabpils Galvenā bibliotēka",
            funded_mark="OPEN UP LLI-263",
        )
        for n in range(1, count + 1)
    ]


# --- What the labels say ---------------------------------------------------------------------


def test_labels_data_lists_every_item_in_tag_order_with_its_scan_text(desk: Desk) -> None:
    labels = labels_data(desk.db)
    assert [label.tag for label in labels] == ["CTL-01", "CTL-02", "LAP-01", "XBOX-01"]
    assert [label.code_text for label in labels] == [
        item_text(tag) for tag in ("CTL-01", "CTL-02", "LAP-01", "XBOX-01")
    ]
    lap = labels[2]
    assert lap.name == "Portatīvais dators"
    assert lap.library_name == "Jēkabpils Galvenā bibliotēka"
    # The desk's items name no project: the database's only project is their funder.
    assert lap.funded_mark == "OPEN UP LLI-263"


def test_retired_items_get_no_label_unless_asked_for(desk: Desk) -> None:
    set_item_status(desk.db, "CTL-02", ItemStatus.RETIRED)
    assert "CTL-02" not in [label.tag for label in labels_data(desk.db)]
    assert [label.tag for label in labels_data(desk.db, ["ctl-02"])] == ["CTL-02"]


def test_chosen_tags_come_in_the_order_given(desk: Desk) -> None:
    labels = labels_data(desk.db, ["XBOX-01", "lap-01"])
    assert [label.tag for label in labels] == ["XBOX-01", "LAP-01"]


def test_an_unknown_tag_is_refused(desk: Desk) -> None:
    with pytest.raises(UnknownCode) as refused:
        labels_data(desk.db, ["LAP-01", "CAM-09"])
    assert "CAM-09" in refused.value.message


def test_the_pdf_carries_tag_name_library_and_funded_mark(desk: Desk) -> None:
    pdf = labels_pdf(labels_data(desk.db))
    # Names may wrap on the label: compare with line breaks as spaces.
    text = " ".join(PdfReader(io.BytesIO(pdf)).pages[0].extract_text().split())
    for expected in (
        "CTL-01",
        "XBOX-01",
        "Portatīvais dators",
        "Xbox kontrolieris",
        "Jēkabpils Galvenā bibliotēka",
        "OPEN UP LLI-263",
    ):
        assert expected in text
    assert b"Helvetica" not in pdf  # its boxes instead of ā ķ ž: only DejaVu Sans is used


# --- The codes decode back -------------------------------------------------------------------


@pytest.mark.parametrize("template", ["3x7", "2x7", "3x8"])
def test_every_code_on_a_full_sheet_decodes_to_its_item(template: str) -> None:
    stock = TEMPLATES[template]
    labels = made_up_labels(stock.per_page)
    (page,) = render_pages(labels_pdf(labels, template))
    results = decode(page)
    assert sorted(r.text for r in results) == sorted(label.code_text for label in labels)
    for result in results:
        expected = labels[position_on_sheet(template, result)]
        assert result.text == expected.code_text
        assert result.ec_level in ("M", "Q", "H")
        x0, _, x1, _ = box(result)
        assert (x1 - x0) * MM_PER_PX >= 15
        assert quiet_zone_is_clear(page, result)


def test_the_desks_items_decode_from_the_default_sheet(desk: Desk) -> None:
    labels = labels_data(desk.db)
    (page,) = render_pages(labels_pdf(labels))
    found = {position_on_sheet("3x7", r): r.text for r in decode(page)}
    assert found == {i: label.code_text for i, label in enumerate(labels)}


def test_start_position_leaves_the_used_labels_empty() -> None:
    labels = made_up_labels(18)
    pages = render_pages(labels_pdf(labels, "3x7", start=5))
    assert len(pages) == 2
    first = {position_on_sheet("3x7", r): r.text for r in decode(pages[0])}
    # Positions 1–4 (0–3 here) were used before: the first label goes on position 5.
    assert first == {i + 4: label.code_text for i, label in enumerate(labels[:17])}
    second = {position_on_sheet("3x7", r): r.text for r in decode(pages[1])}
    assert second == {0: labels[17].code_text}


def test_the_roll_prints_one_label_per_page_of_the_labels_size() -> None:
    labels = made_up_labels(3)
    pdf = labels_pdf(labels, "roll62")
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 3
    for page in reader.pages:
        width_mm = float(page.mediabox.width) * 25.4 / 72
        height_mm = float(page.mediabox.height) * 25.4 / 72
        assert width_mm == pytest.approx(62, abs=0.05)
        assert height_mm == pytest.approx(29, abs=0.05)
    images = render_pages(pdf)
    for image, label in zip(images, labels, strict=True):
        (result,) = decode(image)
        assert result.text == label.code_text
        x0, _, x1, _ = box(result)
        assert (x1 - x0) * MM_PER_PX >= 15
        assert quiet_zone_is_clear(image, result)


def test_a_long_tag_and_name_still_print_and_decode() -> None:
    tag = "INTERACTIVE-TABLE-12"
    label = LabelData(
        tag=tag,
        name="Interaktīvais galds ar skārienjutīgu ekrānu bērnu nodaļas lasītavai un spēlēm",
        code_text=item_text(tag),
        library_name="Rokiškio rajono savivaldybės Juozo Keliuočio viešoji biblioteka",
        funded_mark="OPEN UP LLI-263",
    )
    for template in TEMPLATES:
        pdf = labels_pdf([label], template)
        (image,) = render_pages(pdf)
        (result,) = decode(image)
        assert result.text == label.code_text
        assert tag in PdfReader(io.BytesIO(pdf)).pages[0].extract_text()


def test_a_wrong_template_or_start_is_refused() -> None:
    with pytest.raises(ValueError, match="template"):
        labels_pdf(made_up_labels(1), "4x10")
    with pytest.raises(ValueError, match="start"):
        labels_pdf(made_up_labels(1), "3x7", start=22)
    with pytest.raises(ValueError, match="start"):
        labels_pdf(made_up_labels(1), "roll62", start=2)


def test_templates_fit_their_page() -> None:
    for stock in TEMPLATES.values():
        right = stock.left + (stock.columns - 1) * stock.pitch_x + stock.label_width
        bottom = stock.top + (stock.rows - 1) * stock.pitch_y + stock.label_height
        assert right <= stock.page_width + 1e-6
        assert bottom <= stock.page_height + 1e-6
    assert TEMPLATES["3x7"].per_page == 21
