"""Settings of this laptop: language, site, default loan length, sounds."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.context import AppContext
from desktop.settings import LANGUAGE, LANGUAGES, LOAN_HOURS, SITE, SOUNDS


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

        form = QFormLayout()
        form.addRow(self.tr("Language"), self.language)
        form.addRow(self.tr("Site of this laptop"), self.site)
        form.addRow(self.tr("Default loan length"), self.loan_hours)
        form.addRow("", self.sounds)

        title = QLabel(self.tr("Settings"))
        title.setProperty("role", "title")
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(form)
        layout.addStretch(1)
