"""Settings of this laptop: language, site, default loan length, sounds."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.context import AppContext
from desktop.operations import Operation
from desktop.settings import IDLE_MINUTES, LANGUAGE, LANGUAGES, LOAN_HOURS, SITE, SOUNDS
from desktop.widgets import page_title


class SettingsPage(QWidget):
    language_chosen = Signal(str)

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.setObjectName("settingsPage")
        settings = ctx.settings

        self.language = QComboBox()
        self.language.setObjectName("languageChoice")
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.get(LANGUAGE))))
        self.language.activated.connect(
            lambda _i: self.language_chosen.emit(self.language.currentData())
        )

        self.site = QComboBox()
        self.site.setObjectName("siteChoice")
        for site_id, name, _country in ctx.sites:
            self.site.addItem(name, site_id)
        self.site.setCurrentIndex(max(0, self.site.findData(ctx.site_id or 0)))
        self.site.activated.connect(lambda _i: settings.set(SITE, self.site.currentText()))

        self.loan_hours = QSpinBox()
        self.loan_hours.setObjectName("loanHours")
        self.loan_hours.setRange(0, 24 * 14)
        self.loan_hours.setSpecialValueText(self.tr("until the session ends, else the day ends"))
        self.loan_hours.setSuffix(self.tr(" h"))
        self.loan_hours.setValue(settings.get(LOAN_HOURS))
        self.loan_hours.valueChanged.connect(lambda hours: settings.set(LOAN_HOURS, hours))

        self.sounds = QCheckBox(self.tr("Play a sound after each scan"))
        self.sounds.setObjectName("soundsOn")
        self.sounds.setChecked(settings.get(SOUNDS))
        self.sounds.toggled.connect(lambda on: settings.set(SOUNDS, on))

        self.idle_minutes = QSpinBox()
        self.idle_minutes.setObjectName("idleMinutes")
        self.idle_minutes.setRange(1, 240)
        self.idle_minutes.setSuffix(self.tr(" min"))
        self.idle_minutes.setToolTip(
            self.tr("Nobody touched the program this long: it locks and asks for the password")
        )
        self.idle_minutes.setValue(settings.get(IDLE_MINUTES))
        self.idle_minutes.valueChanged.connect(lambda minutes: settings.set(IDLE_MINUTES, minutes))

        form = QFormLayout()
        form.addRow(self.tr("Language"), self.language)
        form.addRow(self.tr("Site of this laptop"), self.site)
        form.addRow(self.tr("Default loan length"), self.loan_hours)
        form.addRow("", self.sounds)
        form.addRow(self.tr("Lock when idle for"), self.idle_minutes)

        title = page_title(self.tr("Settings"))
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(form)
        self.backups = BackupsGroup(ctx)
        layout.addWidget(self.backups)
        layout.addStretch(1)


class BackupsGroup(QGroupBox):
    """Back up now, Restore…, where the copies are and when the newest was made (SQLite);
    for a PostgreSQL database, the pg_dump command to give the server's administrator."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(self.tr("Backups"))
        from db.backups import backups_folder, pg_dump_command
        from db.database import sqlite_path

        self.ctx = ctx
        self.setObjectName("backupsGroup")
        self.database_file = sqlite_path(ctx.database.url)
        layout = QFormLayout(self)
        if self.database_file is None:
            note = QLabel(
                self.tr(
                    "This database is on a PostgreSQL server: backups are the server's job, "
                    "and this program does not make them. The command for this database "
                    "(it asks for the password):"
                )
            )
            note.setWordWrap(True)
            command = QLabel(pg_dump_command(ctx.database.url))
            command.setObjectName("pgDumpCommand")
            command.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            command.setWordWrap(True)
            layout.addRow(note)
            layout.addRow(command)
            return
        self.folder = QLabel(str(backups_folder(self.database_file)))
        self.folder.setObjectName("backupsFolder")
        self.folder.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.folder.setWordWrap(True)
        self.newest = QLabel()
        self.newest.setObjectName("newestBackup")
        self.back_up_button = QPushButton(self.tr("Back up now"))
        self.back_up_button.setObjectName("backUpNow")
        self.back_up_button.clicked.connect(self.back_up)
        self.restore_button = QPushButton(self.tr("Restore…"))
        self.restore_button.setObjectName("restoreBackup")
        self.restore_button.clicked.connect(self.choose_restore)
        # Backing up and restoring are an administrator's; a librarian is told so instead.
        self.admin_only_note = QLabel(self.tr("An administrator makes and restores backups."))
        self.admin_only_note.setObjectName("backupsAdminOnly")
        self.admin_only_note.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_up_button)
        buttons.addWidget(self.restore_button)
        buttons.addWidget(self.admin_only_note)
        buttons.addStretch(1)
        layout.addRow(self.tr("Backups folder"), self.folder)
        layout.addRow(self.tr("Newest backup"), self.newest)
        layout.addRow(buttons)
        self.show_newest()
        self._show_for_role()
        ctx.staff_changed.connect(self._show_for_role)

    def _show_for_role(self, _staff_id: int = 0) -> None:
        admin = self.ctx.is_admin
        self.back_up_button.setVisible(admin)
        self.restore_button.setVisible(admin)
        self.admin_only_note.setVisible(not admin)

    def show_newest(self) -> None:
        from db.backups import list_backups

        assert self.database_file is not None
        found = list_backups(self.database_file)
        self.newest.setText(
            found[0].made.strftime("%Y-%m-%d %H:%M") if found else self.tr("none yet")
        )

    def _busy(self, busy: bool) -> None:
        self.back_up_button.setEnabled(not busy)
        self.restore_button.setEnabled(not busy)

    def back_up(self) -> None:
        from db.backups import back_up

        database, staff = self.ctx.database, self.ctx.staff_id
        self._busy(True)
        Operation(self, lambda: back_up(database.url, database=database, by=staff)).success(
            self._backed_up
        ).finally_(lambda: self._busy(False)).run()

    def _backed_up(self, copy: Path) -> None:
        self.show_newest()
        QMessageBox.information(
            self, self.tr("Backups"), self.tr("Backed up and checked: %1").replace("%1", str(copy))
        )

    def choose_restore(self) -> None:
        assert self.database_file is not None
        chosen, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Restore a backup"),
            self.folder.text(),
            self.tr("Database copies (*.sqlite3);;All files (*)"),
        )
        if not chosen:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Restore a backup"),
            self.tr(
                "Replace every record with the copy %1? The records as they are now are kept "
                "in the backups folder first. Close the program on every other computer that "
                "uses this database file before you go on."
            ).replace("%1", chosen),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.restore(Path(chosen))

    def restore(self, chosen: Path) -> None:
        from db.backups import restore

        database, staff = self.ctx.database, self.ctx.staff_id
        self._busy(True)
        Operation(self, lambda: restore(database.url, chosen, database, by=staff)).success(
            self._restored
        ).finally_(lambda: self._busy(False)).run()

    def _restored(self, kept: Path | None) -> None:
        self.show_newest()
        QMessageBox.information(
            self,
            self.tr("Restore a backup"),
            self.tr(
                "The backup was restored. The records as they were before are kept in %1. "
                "The program closes now; start it again to work with the restored records."
            ).replace("%1", str(kept or "—")),
        )
        QApplication.quit()
