"""Start the program: fonts, language, database, then the main window."""

from __future__ import annotations

import gc
import logging
import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from desktop.resources import FONTS

if TYPE_CHECKING:
    from db.database import Database
    from desktop.context import AppContext
    from desktop.main_window import MainWindow
    from desktop.settings import Settings

log = logging.getLogger(__name__)


def load_fonts(app: QApplication) -> None:
    """The bundled DejaVu Sans, so every Latvian and Lithuanian letter shows on any machine."""
    for path in sorted(FONTS.glob("*.ttf")):
        QFontDatabase.addApplicationFont(str(path))
    app.setFont(QFont("DejaVu Sans", 10))


def open_context(
    database_name: str | None,
    settings_path: str | None = None,
    *,
    upgrade_by: tuple[str, str] | None = None,
) -> AppContext:
    """The chosen database (migrated), this laptop's settings, and the language they name.

    `upgrade_by`: the program administrator (username, password) who agreed to upgrade a
    shared database's older schema."""
    from db.startup import StartCheck, open_database
    from desktop import i18n
    from desktop.settings import LANGUAGE, Settings
    from desktop.shared_database import chosen_url, named_outside

    settings = Settings(settings_path)
    i18n.install(settings.get(LANGUAGE))
    # --db and OPENUP_DB (scripts, shortcuts) come first; else the choice made in the program.
    target = database_name if named_outside(database_name) else chosen_url(settings)
    check = StartCheck(target)  # the file's integrity check runs while the rest is imported
    from db.programs import list_sites
    from desktop.context import AppContext

    database = open_database(target, upgrade_by=upgrade_by, check=check)
    return AppContext(database, settings, list_sites(database))


def back_up_when_idle(window: QWidget, database: Database) -> None:
    """The daily backup (db.startup.daily_backup), on the database worker once the window's
    start-up reads are shown: the day's first copy takes ~1 s on ten years of records.
    Dropped if the window is gone by then (a test's, closed at once)."""
    from db.startup import daily_backup
    from desktop.operations import Operation, when_idle

    when_idle(window, lambda: Operation(None, lambda: daily_backup(database)).run())


class DeskApplication:
    """Keeps the one main window, and rebuilds it when the librarian picks another language."""

    def __init__(self, ctx: AppContext, *, staff_id: int | None = None) -> None:
        """`staff_id`: who signed in (the start-up dialogs, or a test or script that needs none)."""
        self.ctx = ctx
        if staff_id is not None:
            ctx.set_staff(staff_id)
        import desktop.main_window  # noqa: F401  (its modules, frozen with the rest below)

        # What start-up imported and opened lives as long as the program: frozen, the cyclic
        # collector no longer walks it at each full collection (~50 ms of the UI thread at
        # the desk) nor at exit (~0.15 s). The window is built after, so one rebuilt for
        # another language is still collected.
        gc.freeze()
        self.window = self._new_window()
        back_up_when_idle(self.window, ctx.database)

    def _new_window(self) -> MainWindow:
        from desktop.main_window import MainWindow

        window = MainWindow(self.ctx)
        window.language_chosen.connect(self.switch_language)
        return window

    def switch_language(self, language: str) -> None:
        from desktop import i18n
        from desktop.settings import LANGUAGE

        self.ctx.settings.set(LANGUAGE, language)
        i18n.install(language)
        old = self.window
        self.window = self._new_window()
        self.window.setGeometry(old.geometry())
        self.window.show_page(old.sidebar.currentRow())
        self.window.show()
        old.close()
        old.deleteLater()


def sign_in_at_start(ctx: AppContext) -> int | None:
    """The first-run dialog on a database without accounts, else the sign-in; None: cancelled."""
    from PySide6.QtWidgets import QDialog

    from db.accounts import has_staff
    from db.programs import list_sites
    from desktop.dialogs.sign_in import FirstRunDialog, SignInDialog

    first_run = not has_staff(ctx.database)
    dialog = FirstRunDialog(ctx.database) if first_run else SignInDialog(ctx.database)
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.signed_in is None:
        return None
    if first_run:  # the first admin's dialog added the site
        ctx.sites = list_sites(ctx.database)
    return dialog.signed_in.staff_id


def ask_where_records_live(settings: Settings, database_name: str | None) -> bool:
    """The first start asks: this laptop only, or the library's shared database. A script's
    --db or OPENUP_DB, a choice made before, or a laptop that already has its file asks
    nothing. False: the librarian closed the question."""
    from db.database import DEFAULT_FILE_NAME, data_folder
    from desktop.settings import DATABASE_KIND
    from desktop.shared_database import choose_laptop, named_outside

    if named_outside(database_name) or settings.get(DATABASE_KIND):
        return True
    if (data_folder() / DEFAULT_FILE_NAME).exists():  # a laptop from before the choice
        choose_laptop(settings)
        return True
    from desktop.dialogs.database_dialog import DatabaseDialog  # the first start only

    return DatabaseDialog(settings).exec() == DatabaseDialog.DialogCode.Accepted


def open_context_asking(database_name: str | None) -> AppContext | None:
    """open_context, asking an administrator to sign before a shared database is upgraded;
    None: not upgraded."""
    from db.accounts import SignInRefused
    from db.migrate import UpgradeNeedsConfirmation, UpgraderNotAdmin
    from desktop.dialogs.upgrade import UpgradeDialog
    from desktop.errors import translate_error

    try:
        return open_context(database_name)
    except UpgradeNeedsConfirmation as question:
        dialog = UpgradeDialog(translate_error(question))
    while dialog.exec() == QDialog.DialogCode.Accepted:
        try:
            return open_context(database_name, upgrade_by=dialog.credentials())
        except (SignInRefused, UpgraderNotAdmin) as refusal:
            dialog.ask_again(translate_error(refusal))
    return None


def open_reachable(settings: Settings, database_name: str | None) -> AppContext | None:
    """open_context_asking; when the server chosen in the program cannot be reached, say why
    and offer the database dialog to correct it (a new password, another address, or this
    laptop's own file). None: the librarian gave up."""
    from PySide6.QtCore import QCoreApplication

    from db.connection import ConnectionFailed
    from desktop.errors import translate_error
    from desktop.shared_database import named_outside

    while True:
        try:
            return open_context_asking(database_name)
        except ConnectionFailed as trouble:
            if named_outside(database_name):  # a script's choice is the script's to correct
                raise
            from desktop.dialogs.database_dialog import DatabaseDialog  # only when unreachable

            answer = QMessageBox.question(
                None,
                "OpenUp Desk",
                translate_error(trouble)
                + "\n\n"
                + QCoreApplication.translate("app", "Change where the records live?"),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return None
            if DatabaseDialog(settings).exec() != DatabaseDialog.DialogCode.Accepted:
                return None


def _after(code: int) -> int:
    """The window closed: work still on the database worker (the day's backup, a last scan)
    ends before the program does."""
    from desktop.operations import Operation

    Operation.wait_for_all()
    return code


def run(database_name: str | None) -> int:
    from desktop.about import APP_ICON
    from desktop.errors import install_excepthook, plain_words

    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("OpenUp Desk")
    app.setWindowIcon(QIcon(str(APP_ICON)))  # every window, dialogs and the taskbar
    if sys.platform == "win32":  # the taskbar shows our icon, not that of pythonw.exe
        import ctypes

        ctypes.windll.shell32.SetCurrentProcessExplicitAppUserModelID("OpenUpDesk.Desk")
    load_fonts(app)
    install_excepthook()
    try:
        from desktop import i18n
        from desktop.settings import LANGUAGE, Settings

        settings = Settings()
        i18n.install(settings.get(LANGUAGE))  # the first question in the laptop's language
        if not ask_where_records_live(settings, database_name):
            return 0
        opened = open_reachable(settings, database_name)
        if opened is None:
            return 0
        ctx = opened
        staff_id = sign_in_at_start(ctx)
        if staff_id is None:
            return 0
        desk_app = DeskApplication(ctx, staff_id=staff_id)
    except Exception as error:
        log.exception("cannot open the database")
        QMessageBox.critical(None, "OpenUp Desk", plain_words(error) or str(error))
        return 2
    desk_app.window.show()
    return _after(app.exec())


def run_kiosk(database_name: str | None) -> int:
    """`main.py kiosk`: a librarian signs in, and the running session's kiosk fills the screen."""
    from db.clock import now_utc
    from db.desk import current_session
    from desktop.errors import install_excepthook, plain_words
    from desktop.kiosk import KioskWindow

    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("OpenUp Desk")
    load_fonts(app)
    install_excepthook()
    try:
        ctx = open_context(database_name)
        staff_id = sign_in_at_start(ctx)
        if staff_id is None:
            return 0
        ctx.set_staff(staff_id)
        running = current_session(ctx.database, ctx.site_id, now_utc())
    except Exception as error:
        QMessageBox.critical(None, "OpenUp Desk", plain_words(error) or str(error))
        return 2
    if running is None:
        QMessageBox.information(
            None,
            "OpenUp Desk",
            QCoreApplication.translate(
                "KioskWindow",
                "No session is running now (or starting within half an hour): "
                "the kiosk opens for a running session.",
            ),
        )
        return 1
    kiosk = KioskWindow(ctx, running)
    kiosk.left.connect(app.quit)
    kiosk.showFullScreen()
    back_up_when_idle(kiosk, ctx.database)
    return _after(app.exec())
