"""Scan with the laptop's camera: the picture shown, QR codes read from its frames.

Frames are read off the UI thread (zxing-cpp, through desktop.qr_reader), at most
READS_PER_SECOND of them; a frame that arrives while one is being read is dropped, so the
picture never lags. What a frame holds goes to the desk as if the scanner had typed it,
once while the code stays in view.
"""

from __future__ import annotations

import logging
import math
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QCloseEvent, QImage
from PySide6.QtMultimedia import (
    QCamera,
    QCameraDevice,
    QMediaCaptureSession,
    QMediaDevices,
    QVideoFrame,
)
from PySide6.QtMultimediaWidgets import QVideoWidget
from PySide6.QtWidgets import QDialog, QLabel, QVBoxLayout, QWidget

from desktop.i18n import fill
from desktop.qr_reader import qr_texts

log = logging.getLogger(__name__)

READS_PER_SECOND = 15  # at least 10 from a 30 fps camera, light on a busy laptop
# The same code seen again within this long counts once (it stays in view for seconds).
SAME_CODE_SECONDS = 2.0


class FrameReader(QObject):
    """Reads QR codes from video frames on a worker thread; says each code once."""

    scanned = Signal(str)  # a QR code's text, as the scanner would type it
    _found = Signal(list)  # from the worker: the texts one frame holds

    def __init__(
        self, parent: QObject | None = None, clock: Callable[[], float] = time.monotonic
    ) -> None:
        super().__init__(parent)
        self.clock = clock
        self.frames_read = 0
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="camera-qr")
        self._busy = False
        self._last_read = -math.inf
        self._last_text = ""
        self._last_seen = -math.inf
        self._found.connect(self._frame_read)  # queued: it is emitted on the worker thread

    def handle_frame(self, frame: QVideoFrame) -> None:
        """A new frame from the camera (UI thread): read it unless one is being read."""
        now = self.clock()
        if self._busy or now - self._last_read < 1 / READS_PER_SECOND:
            return
        picture = frame.toImage()
        if picture.isNull():
            return
        self._busy, self._last_read = True, now
        # Grey is what zxing-cpp reads; the copy belongs to the worker alone.
        grey = picture.convertToFormat(QImage.Format.Format_Grayscale8)
        self._worker.submit(self._read, grey)

    def _read(self, picture: QImage) -> None:
        try:
            texts = qr_texts(picture)
        except Exception:  # one frame zxing-cpp cannot take must not stop the camera
            log.exception("reading a camera frame")
            texts = []
        self._found.emit(texts)

    def _frame_read(self, texts: list[str]) -> None:
        self._busy = False
        self.frames_read += 1
        now = self.clock()
        for text in texts:
            if text == self._last_text and now - self._last_seen < SAME_CODE_SECONDS:
                self._last_seen = now  # still in view: counted already
                continue
            self._last_text, self._last_seen = text, now
            self.scanned.emit(text)

    def wait_until_idle(self) -> None:
        """Let the frame being read finish (closing, and tests)."""
        self._worker.submit(lambda: None).result()

    def stop(self) -> None:
        self._worker.shutdown(wait=True, cancel_futures=True)


class CameraWindow(QDialog):
    """The camera's picture beside the desk; each code it reads goes to `scanned`."""

    scanned = Signal(str)

    def __init__(
        self, parent: QWidget | None = None, cameras: Sequence[QCameraDevice] | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Scan with camera"))
        # The desk keeps the keyboard: a USB scanner's typing must still reach its field.
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.reader = FrameReader(self)
        self.reader.scanned.connect(self.scanned)
        self.status = QLabel()
        self.status.setObjectName("cameraStatus")
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        self.camera: QCamera | None = None
        cameras = list(QMediaDevices.videoInputs() if cameras is None else cameras)
        if not cameras:
            self.status.setText(
                self.tr(
                    "No camera was found on this computer. Connect one, or scan with the scanner."
                )
            )
            layout.addWidget(self.status)
            return
        self.video = QVideoWidget()
        self.video.setMinimumSize(480, 270)
        self.session = QMediaCaptureSession(self)
        self.camera = QCamera(cameras[0], self)
        self.session.setCamera(self.camera)
        self.session.setVideoOutput(self.video)
        self.video.videoSink().videoFrameChanged.connect(self.reader.handle_frame)
        self.camera.errorOccurred.connect(self._camera_failed)
        self.status.setText(self.tr("Hold a card or a label flat in front of the camera."))
        layout.addWidget(self.video, 1)
        layout.addWidget(self.status)
        self.camera.start()

    def _camera_failed(self, _error: QCamera.Error, description: str) -> None:
        self.status.setText(fill(self.tr("The camera cannot be used: %1"), description))

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.camera is not None:
            self.camera.stop()
        self.reader.stop()
        super().closeEvent(event)
