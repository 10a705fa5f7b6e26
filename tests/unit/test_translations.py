"""The shipped translations cover every text of the program, keep its placeholders, and load:
the screens' Qt catalogues (.ts/.qm) and the printouts' gettext catalogues (.po/.mo).

When a test here fails after adding or changing a text: run
`python resources/translations/update.py`, translate what it marks unfinished (or leaves
with an empty msgstr in a .po), run it again.
"""

from __future__ import annotations

import ast
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


# Latvian and Lithuanian open a quotation low („) and close it high: Latvian with ” and
# Lithuanian with “. The English “…” looks foreign on their screens.
QUOTES = {"lv": ("„", "”"), "lt": ("„", "“")}


@pytest.mark.parametrize("language", LANGUAGES)
def test_quotation_marks_are_the_languages_own(language: str) -> None:
    opening, closing = QUOTES[language]
    wrong = []
    for context, source, translation in messages(update.ts_file(language)):
        text = translation.text or ""
        marks = [c for c in text if c in "„“”"]
        pairs = [marks[i : i + 2] for i in range(0, len(marks), 2)]
        if len(marks) % 2 or any(pair != [opening, closing] for pair in pairs):
            wrong.append(f"{context}: {source!r} -> {text!r}")
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
        ("lv", "SessionsPage", "Sessions", "Nodarbības"),
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


# The printouts' catalogues (desktop/words.py): resources/locale/<language>/LC_MESSAGES/openup.po


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_printed_text_is_in_the_catalogue(language: str, tmp_path: Path) -> None:
    committed = update.po_file(language)
    copy = tmp_path / committed.name
    shutil.copy(committed, copy)
    update.update_catalogue(copy, language)
    missing = update.untranslated_printed(copy)
    assert not missing, f"{len(missing)} printed texts are not in {committed} ({FIX}):\n" + (
        "\n".join(missing)
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_printed_text_is_left_empty_or_fuzzy(language: str) -> None:
    assert update.untranslated_printed(update.po_file(language)) == [], FIX


def _catalogue_calls(tree: ast.AST) -> list[tuple[str | None, str, int]]:
    """(context, text, line) of every catalogue call with literal arguments, f-strings included."""
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
        texts = [a.value for a in node.args if isinstance(a, ast.Constant)]
        if len(texts) != len(node.args) or not all(isinstance(t, str) for t in texts):
            continue  # a text marked where it is written (N_, NP_) and translated here
        if name in ("_", "gettext", "N_") and len(texts) == 1:
            found.append((None, texts[0], node.lineno))
        elif name in ("pgettext", "NP_") and len(texts) == 2:
            found.append((texts[0], texts[1], node.lineno))
    return found


def test_the_catalogue_has_every_text_the_code_asks_for_even_inside_f_strings() -> None:
    """Babel does not look inside f-strings: a text asked for there would print in English."""
    from babel.messages.pofile import read_po

    with update.po_file("lv").open("rb") as file:
        known = {(message.context, message.id) for message in read_po(file)}
    root = update.ROOT
    missing = [
        f"{path}:{line}: {context + ': ' if context else ''}{text!r}"
        for path in update.source_files()
        for context, text, line in _catalogue_calls(ast.parse((root / path).read_bytes()))
        if (context, text) not in known
    ]
    assert missing == [], FIX


@pytest.mark.parametrize("language", LANGUAGES)
def test_printed_translations_keep_the_placeholders(language: str) -> None:
    from babel.messages.pofile import read_po

    with update.po_file(language).open("rb") as file:
        catalogue = read_po(file)
    wrong = [
        f"{message.id!r} -> {message.string!r}"
        for message in catalogue
        if message.id
        and sorted(re.findall(r"\{\w*\}", str(message.id)))
        != sorted(re.findall(r"\{\w*\}", str(message.string)))
    ]
    assert wrong == []


# Two words run together ("IzsniegšanaIzsniegts"): a lower-case letter straight before a capital.
RUN_TOGETHER = re.compile(r"[a-zāčēģīķļņšūžąęėįųū][A-ZĀČĒĢĪĶĻŅŠŪŽĄĘĖĮŲ]")


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_printed_translation_runs_two_words_together(language: str) -> None:
    from babel.messages.pofile import read_po

    with update.po_file(language).open("rb") as file:
        catalogue = read_po(file)
    run_together = [
        f"{message.id!r} -> {message.string!r}"
        for message in catalogue
        if message.id
        and isinstance(message.string, str)
        and RUN_TOGETHER.search(message.string)
        and not RUN_TOGETHER.search(str(message.id))
    ]
    assert run_together == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_compiled_catalogue_matches_its_po(language: str, tmp_path: Path) -> None:
    po = update.po_file(language)
    fresh = tmp_path / "openup.mo"
    update.compile_catalogue(po, fresh)
    assert po.with_suffix(".mo").read_bytes() == fresh.read_bytes(), f"stale .mo: {FIX}"


@pytest.mark.parametrize(
    ("language", "context", "source", "expected"),
    [
        ("lv", None, "Sign-in sheet", "Parakstu lapa"),
        ("lt", None, "Sign-in sheet", "Dalyvių parašų lapas"),
        ("lv", None, "Site", "Filiāle"),
        ("lv", "indicators", "Site", "Bibliotēka"),
        ("lt", "spreadsheet", "Registered", "Užregistruota"),
        ("en", None, "Sign-in sheet", "Sign-in sheet"),
        ("xx", None, "Total", "Kopā"),  # a language the program does not print in: Latvian
    ],
)
def test_a_document_reads_its_own_language(
    language: str, context: str | None, source: str, expected: str
) -> None:
    """A printout's words follow the document's language, whatever the screen speaks."""
    from desktop.words import words

    catalogue = words(language)
    found = catalogue.pgettext(context, source) if context else catalogue.gettext(source)
    assert found == expected
