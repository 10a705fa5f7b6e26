"""The desk's buttons, each with its key: a walk-in, undo, the sign-in sheet, the camera,
and the children's kiosk."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from desktop.i18n import fill
from desktop.scan_field import with_key

# The desk by keyboard. None of them is a page's shortcut (Ctrl+1…7 in the main window).
NEW_CHILD_KEY, UNDO_KEY, SIGNIN_KEY = "Ctrl+N", "Ctrl+Z", "Ctrl+P"


class DeskActions(QWidget):
    """A row of buttons; a click does not take the focus from the scan field, Tab does."""

    def __init__(
        self,
        *,
        new_child: Callable[[], None],
        undo: Callable[[], None],
        signin: Callable[[], None],
        camera: Callable[[], None],
        kiosk: Callable[[], None],
    ) -> None:
        super().__init__()
        self.new_child = QPushButton(self.tr("New child…"))
        self.new_child.setObjectName("newChildButton")
        self.new_child.setToolTip(
            with_key(self.tr("Register a child who came without a card"), NEW_CHILD_KEY)
        )
        self.new_child.clicked.connect(new_child)
        self.undo = QPushButton(self.tr("Undo last scan"))
        self.undo.setObjectName("undoButton")
        self.undo.clicked.connect(undo)
        self.offer_undo(None)
        self.signin = QPushButton(self.tr("Sign-in sheet…"))
        self.signin.setObjectName("signinButton")
        self.signin.setToolTip(
            with_key(self.tr("Print the sign-in sheet of this session"), SIGNIN_KEY)
        )
        self.signin.clicked.connect(signin)
        # The same actions by key, while the desk is the page shown (a page's shortcuts
        # only fire while the page is visible). A button clicked this way does nothing
        # while disabled, as with the mouse.
        for key, button in (
            (NEW_CHILD_KEY, self.new_child),
            (SIGNIN_KEY, self.signin),
        ):
            QShortcut(QKeySequence(key), self, button.click)
        # Undo's key also when nothing is left to undo: the desk then says so.
        QShortcut(QKeySequence(UNDO_KEY), self, undo)
        for button in (self.new_child, self.undo, self.signin):
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        camera_button = QPushButton(self.tr("Scan with camera…"))
        camera_button.setObjectName("cameraButton")
        camera_button.clicked.connect(camera)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.new_child)
        row.addWidget(self.undo)
        row.addWidget(self.signin)
        row.addWidget(camera_button)
        row.addStretch(1)
        # The children's self check-in on the interactive table: an administrator opens it
        # (placed below the list by the desk, where the row has room at 1280 px).
        self.kiosk = QPushButton(self.tr("Kiosk…"))
        self.kiosk.setObjectName("kioskButton")
        self.kiosk.setToolTip(
            self.tr("The children's self check-in on the interactive table, full screen")
        )
        self.kiosk.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.kiosk.clicked.connect(kiosk)

    def offer_undo(self, what: str | None) -> None:
        """What Undo would take back ("check-in of Ilze Ķēniņa"), or None: nothing."""
        self.undo.setEnabled(what is not None)
        if what is None:
            self.undo.setToolTip(with_key(self.tr("Nothing to undo yet"), UNDO_KEY))
        else:
            self.undo.setToolTip(with_key(fill(self.tr("Undo the %1"), what), UNDO_KEY))
