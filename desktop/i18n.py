"""Languages: Latvian by default, English and Lithuanian selectable; Qt's own texts too."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from desktop.resources import TRANSLATIONS

_installed: list[QTranslator] = []


def install(language: str) -> None:
    """Swap the translators: ours from resources/translations, Qt's from its own folder."""
    app = QCoreApplication.instance()
    assert app is not None
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    QLocale.setDefault(QLocale(language))
    if language == "en":  # the source texts are English
        return
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name, folder in (
        (f"qtbase_{language}", qt_folder),
        (f"openup_{language}", str(TRANSLATIONS)),
    ):
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            _installed.append(translator)
