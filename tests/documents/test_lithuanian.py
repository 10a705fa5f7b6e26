"""Rokiškis in its own language: every document's words, the programme and the EU's statement."""

from __future__ import annotations

import io
from datetime import date, time

import pytest
from pypdf import PdfReader
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth

from db.attendance import check_in
from db.database import Database
from db.demo_data import FUNDING_STATEMENT, PROGRAMME, PROJECT_TITLE
from db.indicators import indicators_data
from db.models import ProgramKind
from db.people import ParticipantDetails, register_participant
from db.printing import CardData, LabelData, cards_data
from db.programs import SessionPlan, add_project, add_site, create_program, create_session
from db.reports import monthly_attendance_data, signin_sheet_data
from db.scancodes import card_text, item_text
from desktop.documents.cards import member_cards_pdf
from desktop.documents.common import FONT, INTERREG_LV_LT, PROJECT_TITLES
from desktop.documents.indicators import indicators_pdf
from desktop.documents.labels import TEMPLATES, labels_pdf, library_lines
from desktop.documents.monthly import monthly_report_pdf
from desktop.documents.signin import signin_sheet_pdf
from desktop.words import words
from tests.documents.test_labels import decode, render_pages

LIBRARY = "Rokiškio rajono savivaldybės Juozo Keliuočio viešoji biblioteka"
LT_PROGRAMME = "Interreg V-A Latvijos–Lietuvos bendradarbiavimo per sieną programa 2014–2020 m."
LT_TITLE = (
    "Interaktyvi edukacinė erdvė – veiksmingas nepalankioje padėtyje esančių šeimų vaikų "
    "socialinės integracijos būdas"
)
LT_CO_FINANCED = "Projektą iš dalies finansuoja Europos regioninės plėtros fondas."
LT_DISCLAIMER = (
    "Šis leidinys parengtas finansiškai remiant Europos Sąjungai. Už šio leidinio turinį "
    f"atsako {LIBRARY} ir jokiomis aplinkybėmis negali būti laikoma, kad jis atspindi "
    "Europos Sąjungos poziciją."
)
EN_PROGRAMME = "Interreg V-A Latvia–Lithuania Cross Border Cooperation Programme 2014–2020"
EN_TITLE = (
    "Interactive education space – efficient way of social integration of children from "
    "disadvantaged families"
)
EN_CO_FINANCED = "The project is co-financed by the European Regional Development Fund."
# Words only the project record's Latvian texts have: none may reach another language.
LATVIAN_WORDS = ("Latvijas", "programma", "gadam", "Interaktīvās", "publikācija", "Eiropas")


def flat(pdf: bytes) -> str:
    """The document's text with line breaks and no-break spaces as plain spaces."""
    reader = PdfReader(io.BytesIO(pdf))
    text = " ".join(page.extract_text() for page in reader.pages)
    return " ".join(text.replace("\xa0", " ").split())


@pytest.fixture
def rokiskis(sqlite_db: Database) -> tuple[Database, int]:
    """A Friday open session in Rokiškis under the project's Latvian record; one session id."""
    site = add_site(sqlite_db, "Rokiškis", "LT", LIBRARY)
    project = add_project(
        sqlite_db,
        "OPEN UP",
        "LLI-263",
        title=PROJECT_TITLE,
        programme=PROGRAMME,
        funding_statement=FUNDING_STATEMENT,
    )
    program = create_program(
        sqlite_db, "Atviri užsiėmimai", ProgramKind.OPEN, site, project_id=project
    )
    session = create_session(
        sqlite_db, program, SessionPlan(date(2018, 10, 12), time(16), time(17), "Pasakos")
    )
    for first, last in (("Ona", "Jankutė"), ("Rūta", "Ylaitė"), ("Aistė", "Čepaitė")):
        check_in(
            sqlite_db,
            session,
            register_participant(sqlite_db, ParticipantDetails(first, last, 2009, site)),
        )
    return sqlite_db, session


def documents(db: Database, session: int, language: str) -> dict[str, str]:
    return {
        "signin": flat(signin_sheet_pdf(signin_sheet_data(db, session, by=None), language)),
        "monthly": flat(
            monthly_report_pdf(monthly_attendance_data(db, 2018, 10, by=None), language)
        ),
        "indicators": flat(
            indicators_pdf(
                indicators_data(db, date(2018, 10, 1), date(2018, 10, 31), site_name="Rokiškis"),
                language,
                prepared_on=date(2018, 11, 2),
            )
        ),
    }


def test_lithuanian_documents_name_the_programme_project_and_funding_in_lithuanian(
    rokiskis: tuple[Database, int],
) -> None:
    for name, text in documents(*rokiskis, "lt").items():
        assert LT_PROGRAMME in text, name
        assert LT_TITLE in text, name
        assert f"{LT_CO_FINANCED} {LT_DISCLAIMER}" in text, name
        assert "Europos Sąjunga" in text, name
        assert LIBRARY in text, name
        assert [word for word in LATVIAN_WORDS if word in text] == [], name


def test_english_documents_say_the_same_in_english(rokiskis: tuple[Database, int]) -> None:
    for name, text in documents(*rokiskis, "en").items():
        assert EN_PROGRAMME in text, name
        assert EN_TITLE in text, name
        assert EN_CO_FINANCED in text, name
        assert f"are the sole responsibility of {LIBRARY}" in text, name
        assert [word for word in LATVIAN_WORDS if word in text] == [], name


def test_latvian_documents_print_the_project_record_as_it_is(
    rokiskis: tuple[Database, int],
) -> None:
    for name, text in documents(*rokiskis, "lv").items():
        assert PROGRAMME in text, name
        assert PROJECT_TITLE in text, name
        assert f"Projektu līdzfinansē Eiropas Reģionālās attīstības fonds. {FUNDING_STATEMENT}" in (
            text
        ), name
        assert "Latvijos" not in text and "Sąjunga" not in text, name


def test_a_project_without_programme_or_statement_prints_none_in_any_language(
    sqlite_db: Database,
) -> None:
    site = add_site(sqlite_db, "Rokiškis", "LT", LIBRARY)
    project = add_project(sqlite_db, "OPEN UP", "LLI-263")
    program = create_program(sqlite_db, "Seminaras", ProgramKind.SEMINAR, site, project_id=project)
    session = create_session(
        sqlite_db, program, SessionPlan(date(2018, 10, 12), time(10), time(12), "Knygos")
    )
    for language in ("lt", "en"):
        text = flat(signin_sheet_pdf(signin_sheet_data(sqlite_db, session, by=None), language))
        assert "Interreg" not in text
        assert "Europos regioninės plėtros fondas." not in text
        assert "co-financed" not in text


# --- Member cards and labels: the child's language, the library's full name ---------------


def flat_pages(pdf: bytes) -> list[str]:
    reader = PdfReader(io.BytesIO(pdf))
    return [" ".join(page.extract_text().split()) for page in reader.pages]


def card(participant_id: int, library: str, language: str) -> CardData:
    return CardData(
        participant_id=participant_id,
        name_on_card=f"Ona J{participant_id}.",
        code_text=card_text(f"ABCD{participant_id:04d}"),
        library_name=library,
        project_name="OPEN UP",
        language=language,
    )


def test_a_rokiskis_childs_card_is_lithuanian_and_a_jekabpils_childs_latvian() -> None:
    cards = [card(1, LIBRARY, "lt"), card(2, "Jēkabpils Galvenā bibliotēka", "lv")]
    (text,) = flat_pages(member_cards_pdf(cards))
    assert text.count("Dalyvio kortelė") == 1
    assert text.count("Dalībnieka karte") == 1
    assert text.index("Dalyvio kortelė") < text.index("Ona J1.") < text.index("Dalībnieka karte")
    # A language chosen for the print run holds for every card.
    (chosen,) = flat_pages(member_cards_pdf(cards, "lt"))
    assert chosen.count("Dalyvio kortelė") == 2 and "Dalībnieka" not in chosen
    title = PdfReader(io.BytesIO(member_cards_pdf(cards[:1]))).metadata
    assert title is not None and title.title == "Dalyvių kortelės"


def test_the_cards_data_of_a_rokiskis_child_say_lithuanian(sqlite_db: Database) -> None:
    site = add_site(sqlite_db, "Rokiškis", "LT", LIBRARY)
    child = register_participant(sqlite_db, ParticipantDetails("Ona", "Jankutė", 2009, site))
    (data,) = cards_data(sqlite_db, [child], by=None)
    assert (data.language, data.library_name) == ("lt", LIBRARY)
    (text,) = flat_pages(member_cards_pdf([data]))
    assert "Dalyvio kortelė" in text


def test_the_library_full_name_is_on_a_card_whole() -> None:
    (text,) = flat_pages(member_cards_pdf([card(n, LIBRARY, "lt") for n in range(1, 11)]))
    assert text.count(LIBRARY) == 10
    assert "…" not in text


@pytest.mark.parametrize("template", sorted(TEMPLATES))
def test_the_library_full_name_is_on_every_label_whole(template: str) -> None:
    label = LabelData(
        tag="XBOX-01",
        name="Xbox One S konsolė",
        code_text=item_text("XBOX-01"),
        library_name=LIBRARY,
        funded_mark="OPEN UP LLI-263",
    )
    pdf = labels_pdf([label], template, language="lt")
    (text,) = flat_pages(pdf)
    assert LIBRARY in text and "…" not in text
    title = PdfReader(io.BytesIO(pdf)).metadata
    assert title is not None and title.title == "Įrangos etiketės"


@pytest.mark.parametrize("width_mm", [20, 30, 40, 70])
def test_a_long_library_name_wraps_or_shrinks_but_every_word_is_kept(width_mm: float) -> None:
    width = width_mm * mm
    size, lines = library_lines(LIBRARY, 6.5, width)
    assert " ".join(lines) == LIBRARY
    assert all(stringWidth(line, FONT, size) <= width for line in lines)
    assert len(lines) <= 3
    assert size >= 4


def test_a_short_library_name_keeps_one_line_at_full_size() -> None:
    assert library_lines("Ludzas novada bibliotēka", 6.5, 40 * mm) == (
        6.5,
        ["Ludzas novada bibliotēka"],
    )


def test_the_demo_record_holds_the_latvian_of_the_names_other_languages_print() -> None:
    # One programme in three languages: what Latvian says, English and Lithuanian say too.
    assert words("lv").gettext(INTERREG_LV_LT) == PROGRAMME
    assert words("lt").gettext(INTERREG_LV_LT).replace("\xa0", " ") == LT_PROGRAMME
    assert words("en").gettext(INTERREG_LV_LT) == EN_PROGRAMME
    assert words("lv").gettext(PROJECT_TITLES["LLI-263"]) == PROJECT_TITLE
    assert words("lt").gettext(PROJECT_TITLES["LLI-263"]) == LT_TITLE


def test_cards_with_the_long_name_still_scan() -> None:
    cards = [card(n, LIBRARY, "lt") for n in range(1, 11)]
    (page,) = render_pages(member_cards_pdf(cards))
    assert sorted(result.text for result in decode(page)) == sorted(c.code_text for c in cards)
