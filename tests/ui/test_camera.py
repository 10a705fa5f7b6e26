"""Scan with camera: no camera on this machine, so frames are made from printed labels."""

from __future__ import annotations

from PIL.ImageQt import ImageQt
from PySide6.QtGui import QImage
from PySide6.QtMultimedia import QVideoFrame
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from db.models import Attendance, CheckInMethod
from db.scancodes import ItemCode, decode_scan, item_text
from desktop.camera import CameraWindow, FrameReader
from desktop.context import AppContext
from desktop.pages.desk import DeskPage
from tests.conftest import Desk
from tests.integration.test_picture_scans import FRAME, label_photo, small_in_frame
from tests.ui.conftest import wait_for_operations
from tests.ui.test_desk import FRIDAY_1605, card


class Clock:
    """Seconds that pass only when the test says so."""

    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def camera_frame(desk: Desk, tag: str) -> QVideoFrame:
    """What a webcam would hand over: a 1280×720 frame with the label held in it."""
    picture = QImage(ImageQt(small_in_frame(label_photo(desk, tag)).convert("RGB")))
    assert picture.size().width() == FRAME[0]
    return QVideoFrame(picture.convertToFormat(QImage.Format.Format_RGB32))


def read(qtbot: QtBot, reader: FrameReader, frame: QVideoFrame) -> list[str]:
    """Hand the reader a frame; the texts it passes on once the worker has read it."""
    said: list[str] = []
    reader.scanned.connect(said.append)
    before = reader.frames_read
    reader.handle_frame(frame)
    reader.wait_until_idle()
    qtbot.waitUntil(lambda: reader.frames_read > before or not reader._busy, timeout=3000)
    reader.scanned.disconnect(said.append)
    return said


def test_without_a_camera_the_window_says_so_plainly(qtbot: QtBot) -> None:
    window = CameraWindow(cameras=[])
    qtbot.addWidget(window)
    window.show()
    assert window.camera is None
    assert window.status.text() == (
        "No camera was found on this computer. Connect one, or scan with the scanner."
    )
    window.close()


def test_a_frame_with_a_label_is_read_once_while_it_stays_in_view(qtbot: QtBot, desk: Desk) -> None:
    clock = Clock()
    reader = FrameReader(clock=clock)
    frame = camera_frame(desk, "LAP-01")

    assert read(qtbot, reader, frame) == [item_text("LAP-01")]
    assert decode_scan(item_text("LAP-01")) == ItemCode("LAP-01")

    clock.now += 0.5  # the label is still held up: seen, not said again
    assert read(qtbot, reader, frame) == []
    assert reader.frames_read == 2

    clock.now += 0.01  # too soon after the last frame read: dropped, not read
    assert read(qtbot, reader, frame) == []
    assert reader.frames_read == 2

    clock.now += 3  # taken away and shown again later: a new scan
    assert read(qtbot, reader, frame) == [item_text("LAP-01")]

    empty = QVideoFrame(QImage(*FRAME, QImage.Format.Format_RGB32))
    clock.now += 1
    assert read(qtbot, reader, empty) == []
    reader.stop()


def test_what_the_camera_reads_is_handled_like_a_scan(
    qtbot,
    ctx: AppContext,
    desk: Desk,
) -> None:
    page = DeskPage(ctx)
    qtbot.addWidget(page)
    page.clock = lambda: FRIDAY_1605
    page.reload_sessions()
    page.show()
    wait_for_operations(qtbot)
    page.scan_input.setText("kēn")  # a name half typed stays
    page.scan_text(card(desk, desk.janis_id))
    wait_for_operations(qtbot)
    assert "Jānis Žūriņš" in page.scan_message.text()
    with desk.db.reading() as s:
        method = s.scalars(select(Attendance.method)).one()
    assert method == CheckInMethod.SCAN
    assert page.scan_input.text() == "kēn"

    page.scan_text("https://example.org")
    assert "characters no OpenUp code has" in page.scan_message.text()
