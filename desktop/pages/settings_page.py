"""Settings of this laptop (language, site, loan length, sounds, idle lock), its backups,
and the library's retention rule for children's records."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
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
from desktop.dialogs.database_dialog import DatabaseDialog
from desktop.dialogs.merge_dialog import MergeDialog
from desktop.dialogs.privacy import RetentionDialog
from desktop.i18n import fill
from desktop.operations import Operation
from desktop.settings import IDLE_MINUTES, LANGUAGE, LANGUAGES, LOAN_HOURS, PLAY_SOUNDS, SITE
from desktop.widgets import page_title

if TYPE_CHECKING:
    from db.retention import RetentionRule


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
        self.sounds.setChecked(settings.get(PLAY_SOUNDS))
        self.sounds.toggled.connect(lambda on: settings.set(PLAY_SOUNDS, on))

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
        self.database = DatabaseGroup(ctx)
        layout.addWidget(self.database)
        self.backups = BackupsGroup(ctx)
        layout.addWidget(self.backups)
        self.privacy = PrivacyGroup(ctx)
        layout.addWidget(self.privacy)
        layout.addStretch(1)
        self.about_button = QPushButton(self.tr("About OpenUp Desk…"))
        self.about_button.setObjectName("aboutButton")
        self.about_button.setToolTip(self.tr("Version, database and licences (F1)"))
        self.about_button.clicked.connect(self.show_about)
        about_row = QHBoxLayout()
        about_row.addStretch(1)
        about_row.addWidget(self.about_button)
        layout.addLayout(about_row)

    def show_about(self) -> None:
        from desktop.dialogs.about import AboutDialog

        AboutDialog(self.ctx.database, self).exec()


def buttons_or_note(buttons: list[QPushButton], note: QLabel) -> QHBoxLayout:
    """An administrator's buttons in a row, and in their place the note a librarian reads.

    The note takes the row's room: squeezed beside a stretch it wrapped after two words."""
    row = QHBoxLayout()
    for button in buttons:
        row.addWidget(button)
    row.addWidget(note, 1)
    row.addStretch(0)
    return row


class DatabaseGroup(QGroupBox):
    """Which database this laptop uses (its own file or the shared server), changed by an
    administrator through the same dialog as the first start."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(self.tr("Database"))
        from db.database import describe

        self.ctx = ctx
        self.setObjectName("databaseGroup")
        if ctx.database.is_sqlite:
            kind = self.tr("This laptop only (a file on this computer)")
        else:
            kind = self.tr("The library's shared database (server)")
        self.kind = QLabel(kind)
        self.kind.setObjectName("databaseKind")
        # describe() leaves the password out: the label may be read over a shoulder.
        self.where = QLabel(describe(ctx.database.url))
        self.where.setObjectName("databaseWhere")
        self.where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.where.setWordWrap(True)
        self.change_button = QPushButton(self.tr("Change…"))
        self.change_button.setObjectName("changeDatabase")
        self.change_button.clicked.connect(self.change)
        self.merge_button = QPushButton(self.tr("Merge a laptop's records…"))
        self.merge_button.setObjectName("mergeLaptop")
        self.merge_button.setToolTip(
            self.tr("Bring the records of a laptop that worked on its own file into this database")
        )
        self.merge_button.clicked.connect(self.merge_laptop)
        self.admin_only_note = QLabel(self.tr("An administrator chooses the database."))
        self.admin_only_note.setObjectName("databaseAdminOnly")
        self.admin_only_note.setWordWrap(True)
        layout = QFormLayout(self)
        layout.addRow(self.tr("In use"), self.kind)
        layout.addRow("", self.where)
        layout.addRow(
            buttons_or_note([self.change_button, self.merge_button], self.admin_only_note)
        )
        self._show_for_role()
        ctx.staff_changed.connect(self._show_for_role)

    def _show_for_role(self, _staff_id: int = 0) -> None:
        admin = self.ctx.is_admin
        self.change_button.setVisible(admin)
        self.merge_button.setVisible(admin)
        self.admin_only_note.setVisible(not admin)

    def merge_laptop(self) -> MergeDialog:
        dialog = MergeDialog(self.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def change(self) -> DatabaseDialog:
        dialog = DatabaseDialog(
            self.ctx.settings, self, laptop=self.ctx.database, staff_id=self.ctx.staff_id
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._changed(dialog))
        dialog.open()
        return dialog

    def _changed(self, dialog: DatabaseDialog) -> None:
        text = self.tr("The program uses the database chosen from its next start.")
        if dialog.moved is not None:
            moved = dialog.moved
            text = self.tr(
                "The records were moved and counted: %1 children, %2 check-ins, %3 loans. "
                "This laptop's file is kept as a copy in %4."
            )
            for number, value in (
                ("%1", moved.counts.get("participant", 0)),
                ("%2", moved.counts.get("attendance", 0)),
                ("%3", moved.counts.get("loan", 0)),
                ("%4", moved.kept_file),
            ):
                text = text.replace(number, str(value))
        QMessageBox.information(
            self,
            self.tr("Database"),
            text + " " + self.tr("The program closes now; start it again."),
        )
        QApplication.quit()


class PrivacyGroup(QGroupBox):
    """How long children's records are kept: the library's rule (in the database, the same
    on every laptop), set by an administrator, and the children kept longer than it allows."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(self.tr("Children's records"))
        from db.retention import LONGEST_RETENTION, SHORTEST_RETENTION, RetentionStart

        self.ctx = ctx
        self.setObjectName("privacyGroup")
        self.years = QSpinBox()
        self.years.setObjectName("retentionYears")
        self.years.setRange(SHORTEST_RETENTION, LONGEST_RETENTION)
        self.years.setSuffix(self.tr(" years"))
        self.start = QComboBox()
        self.start.setObjectName("retentionStart")
        self.start.addItem(
            self.tr("after the last attendance"), RetentionStart.LAST_ATTENDANCE.value
        )
        self.start.addItem(
            self.tr("after the project ends (or the last attendance, if later)"),
            RetentionStart.PROJECT_END.value,
        )
        self.save_button = QPushButton(self.tr("Save the rule"))
        self.save_button.setObjectName("saveRetention")
        self.save_button.clicked.connect(self.save)
        self.years.valueChanged.connect(self._edited)
        self.start.currentIndexChanged.connect(self._edited)
        self.past_button = QPushButton(self.tr("Children past the retention period…"))
        self.past_button.setObjectName("showPastRetention")
        self.past_button.clicked.connect(self.show_past_retention)
        self.said = QLabel()
        self.said.setObjectName("retentionSaved")
        self.admin_only_note = QLabel(
            self.tr("An administrator sets how long children's records are kept.")
        )
        self.admin_only_note.setObjectName("privacyAdminOnly")
        self.admin_only_note.setWordWrap(True)

        rule = QHBoxLayout()
        rule.addWidget(self.years)
        rule.addWidget(self.start, 1)
        rule.addWidget(self.save_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.past_button)
        buttons.addWidget(self.said, 1)
        self.form = QFormLayout(self)
        self.form.addRow(self.tr("Keep a child's records"), rule)
        self.form.addRow(buttons)
        self.buttons_row = self.form.rowCount() - 1  # an administrator's only: no empty row
        self.form.addRow(self.admin_only_note)
        self.saved_rule: RetentionRule | None = None  # read when first shown
        self._edited()  # nothing to save before the saved rule has arrived
        self._show_for_role()
        ctx.staff_changed.connect(self._show_for_role)

    def showEvent(self, event: QShowEvent) -> None:
        if self.saved_rule is None:
            self.show_rule()
        super().showEvent(event)

    def _show_for_role(self, _staff_id: int = 0) -> None:
        admin = self.ctx.is_admin
        for widget in (self.years, self.start, self.save_button, self.past_button):
            widget.setEnabled(admin)
        self.form.setRowVisible(self.buttons_row, admin)
        self.admin_only_note.setVisible(not admin)

    def rule(self) -> RetentionRule:
        from db.retention import RetentionRule, RetentionStart

        return RetentionRule(self.years.value(), RetentionStart(self.start.currentData()))

    def show_rule(self) -> None:
        """The library's rule as the database holds it, read on the database worker."""
        from db.retention import retention_rule

        self.ctx.query(self, lambda db, _by: retention_rule(db)).latest("rule").success(
            self._show_saved_rule
        ).run()

    def _show_saved_rule(self, rule: RetentionRule) -> None:
        self.saved_rule = rule
        self.years.setValue(rule.years)
        self.start.setCurrentIndex(max(0, self.start.findData(rule.start.value)))
        self._edited()

    def _edited(self, *_args: object) -> None:
        self.save_button.setVisible(self.saved_rule is not None and self.rule() != self.saved_rule)
        self.said.clear()

    def save(self) -> None:
        from db.retention import set_retention_rule

        rule = self.rule()
        self.ctx.operation(self, lambda db, by: set_retention_rule(db, rule, by=by)).success(
            lambda _none: self._saved(rule)
        ).run()

    def _saved(self, rule: RetentionRule) -> None:
        self._show_saved_rule(rule)  # as written: nothing left to save
        self.said.setText(self.tr("Saved: the rule holds on every computer of this database."))

    def show_past_retention(self) -> RetentionDialog:
        dialog = RetentionDialog(self.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog


class BackupsGroup(QGroupBox):
    """Back up now, Restore…, where the copies are and when the newest was made (SQLite);
    for a PostgreSQL database, the pg_dump command to give the server's administrator."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(self.tr("Backups"))
        from db.backup_folder import backups_folder
        from db.backups import pg_dump_command
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
        layout.addRow(self.tr("Backups folder"), self.folder)
        layout.addRow(self.tr("Newest backup"), self.newest)
        layout.addRow(
            buttons_or_note([self.back_up_button, self.restore_button], self.admin_only_note)
        )
        self.show_newest()
        self._show_for_role()
        ctx.staff_changed.connect(self._show_for_role)

    def _show_for_role(self, _staff_id: int = 0) -> None:
        admin = self.ctx.is_admin
        self.back_up_button.setVisible(admin)
        self.restore_button.setVisible(admin)
        self.admin_only_note.setVisible(not admin)

    def show_newest(self) -> None:
        from db.backup_folder import list_backups
        from db.dates import moment_text

        assert self.database_file is not None
        found = list_backups(self.database_file)
        self.newest.setText(moment_text(found[0].made, full=True) if found else self.tr("none yet"))

    def _busy(self, busy: bool) -> None:
        self.back_up_button.setEnabled(not busy)
        self.restore_button.setEnabled(not busy)

    def back_up(self) -> None:
        from db.backups import back_up

        database, staff = self.ctx.database, self.ctx.staff_id
        self._busy(True)
        # A copy half made is worth nothing and is deleted anyway: the count, no Cancel.
        Operation.tracked(
            self,
            lambda progress: back_up(database.url, database=database, by=staff, progress=progress),
        ).show_progress(
            self.tr("Backups"), self.tr("Copying and checking the database…"), unit=self.tr("kB")
        ).success(self._backed_up).finally_(lambda: self._busy(False)).run()

    def _backed_up(self, copy: Path) -> None:
        self.show_newest()
        QMessageBox.information(
            self, self.tr("Backups"), fill(self.tr("Backed up and checked: %1"), str(copy))
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
            fill(
                self.tr(
                    "Replace every record with the copy %1? The records as they are now are kept "
                    "in the backups folder first. Close the program on every other computer that "
                    "uses this database file before you go on."
                ),
                chosen,
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.restore(Path(chosen))

    def restore(self, chosen: Path) -> None:
        from db.restore import restore

        self._busy(True)
        self.ctx.operation(self, lambda db, by: restore(db.url, chosen, db, by=by)).success(
            self._restored
        ).finally_(lambda: self._busy(False)).run()

    def _restored(self, kept: Path | None) -> None:
        self.show_newest()
        QMessageBox.information(
            self,
            self.tr("Restore a backup"),
            fill(
                self.tr(
                    "The backup was restored. The records as they were before are kept in %1. "
                    "The program closes now; start it again to work with the restored records."
                ),
                str(kept or "—"),
            ),
        )
        QApplication.quit()
