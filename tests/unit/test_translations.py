"""The shipped translations cover every text of the program, keep its placeholders, and load.

When a test here fails after adding or changing a text: run
`python resources/translations/update.py`, translate what it marks unfinished, run it again.
"""

from __future__ import annotations

import importlib.util
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType

import pytest

FOLDER = Path(__file__).resolve().parents[2] / "resources" / "translations"
LANGUAGES = ("lv", "lt")
FIX = "run python resources/translations/update.py and translate the new texts"


def _update_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("translations_update", FOLDER / "update.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


update = _update_script()


def messages(ts: Path) -> list[tuple[str, str, ET.Element]]:
    """(context, source, translation element) of every message in a .ts file."""
    found = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            found.append((name, message.findtext("source") or "", translation))
    return found


def untranslated(ts: Path) -> list[str]:
    return [
        f"{context}: {source!r}"
        for context, source, translation in messages(ts)
        if translation.get("type") in ("unfinished", "vanished", "obsolete")
        or not (translation.text or "").strip()
    ]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_text_of_the_program_is_in_the_translation(language: str, tmp_path: Path) -> None:
    committed = update.ts_file(language)
    copy = tmp_path / committed.name
    shutil.copy(committed, copy)
    update.lupdate([copy], silent=True)
    missing = untranslated(copy)
    assert not missing, f"{len(missing)} texts are not in {committed.name} ({FIX}):\n" + "\n".join(
        missing
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_nothing_is_left_unfinished_or_empty(language: str) -> None:
    ts = update.ts_file(language)
    assert 'type="unfinished"' not in ts.read_text(encoding="utf-8"), FIX
    assert untranslated(ts) == [], FIX


PLACEHOLDERS = re.compile(r"%\d+|\{[a-z_]+\}")


@pytest.mark.parametrize("language", LANGUAGES)
def test_translations_keep_the_placeholders_and_ellipses(language: str) -> None:
    wrong = []
    for context, source, translation in messages(update.ts_file(language)):
        text = translation.text or ""
        if sorted(PLACEHOLDERS.findall(source)) != sorted(PLACEHOLDERS.findall(text)):
            wrong.append(f"{context}: {source!r} -> {text!r}")
        if source.endswith("…") != text.endswith("…"):
            wrong.append(f"{context}: {source!r} -> {text!r} (the … says a dialog follows)")
    assert wrong == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_compiled_files_match_the_translations(language: str, tmp_path: Path) -> None:
    ts = update.ts_file(language)
    fresh = tmp_path / f"openup_{language}.qm"
    update.lrelease(ts, fresh, silent=True)
    assert ts.with_suffix(".qm").read_bytes() == fresh.read_bytes(), f"stale .qm: {FIX}"


@pytest.mark.parametrize(
    ("language", "context", "source", "expected"),
    [
        ("lv", "MainWindow", "Desk", "Šodien"),
        ("lv", "MainWindow", "Participants", "Dalībnieki"),
        ("lv", "MainWindow", "Sessions", "Nodarbības"),
        ("lv", "DeskActions", "New child…", "Jauns bērns…"),
        ("lv", "DeskWords", "Checked in: %1", "Reģistrēts: %1"),
        ("lv", "SessionsPage", "Did not occur", "Nenotika"),
        ("lv", "DomainError", "{tag} {name} is not on loan.", "{tag} {name} nav izsniegts."),
        ("lt", "MainWindow", "Participants", "Dalyviai"),
        ("lt", "DeskActions", "New child…", "Naujas vaikas…"),
    ],
)
def test_the_compiled_translation_loads(
    language: str, context: str, source: str, expected: str
) -> None:
    from PySide6.QtCore import QTranslator

    translator = QTranslator()
    assert translator.load(f"openup_{language}", str(FOLDER))
    assert translator.translate(context, source) == expected


def test_refusal_words_arrive_in_latvian_too(qapp: object) -> None:
    """The words a refusal names ("item", "Session") are translated, not only its template."""
    from db.errors import NotFound, UnknownCode
    from desktop import i18n
    from desktop.errors import translate_error

    i18n.install("lv")
    try:
        assert (
            translate_error(UnknownCode(scanned="I-XYZ", what="item"))
            == "Nolasīts „I-XYZ”: šajā datubāzē nav priekšmeta ar šādu kodu."
        )
        assert translate_error(NotFound(what="Session", key=7)) == (
            "Ieraksts nav atrasts: Nodarbība 7."
        )
    finally:
        i18n.install("en")
