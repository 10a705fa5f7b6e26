"""Languages: Latvian by default, English and Lithuanian selectable; Qt's own texts too."""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLibraryInfo, QLocale, QTranslator

from db import dates
from desktop.resources import TRANSLATIONS

# Qt's own button texts that our dialogs show. Qt ships no Lithuanian qtbase catalogue,
# so marking them here puts them in our .ts files and the buttons speak Lithuanian too.
QT_OWN_TEXTS = (
    QT_TRANSLATE_NOOP("QPlatformTheme", "OK"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Cancel"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Save"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "&Yes"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "&No"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Discard"),
    QT_TRANSLATE_NOOP("QMessageBox", "Show Details..."),
    QT_TRANSLATE_NOOP("QMessageBox", "Hide Details..."),
)

_installed: list[QTranslator] = []
_PLACE = re.compile(r"%([1-9])")


def fill(text: str, *values: object) -> str:
    """Put the values into a translated text's %1, %2, … in one pass, so a value that itself
    holds "%2" (a name, a note) stays as typed."""

    def value(found: re.Match[str]) -> str:
        number = int(found[1])
        return str(values[number - 1]) if number <= len(values) else found[0]

    return _PLACE.sub(value, text)


def install(language: str) -> None:
    """Swap the translators: ours from resources/translations, Qt's from its own folder."""
    app = QCoreApplication.instance()
    assert app is not None
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    QLocale.setDefault(QLocale(language))
    dates.use_language(language)  # the core's messages and the CLI's words follow
    if language == "en":  # the source texts are English
        return
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    # The translator installed last is asked first: ours before Qt's.
    for names, folder in (
        ((f"qtbase_{language}", f"qt_{language}"), qt_folder),
        ((f"openup_{language}",), str(TRANSLATIONS)),
    ):
        for name in names:
            translator = QTranslator(app)
            if translator.load(name, folder):
                app.installTranslator(translator)
                _installed.append(translator)
                break
