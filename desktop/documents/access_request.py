"""The answer to an access request (GDPR art. 15): everything stored about one child, on paper.

Built from `db.privacy.access_request`'s dict, for a parent or the data protection
inspectorate to read: codes become words in the document's language, every table flows over
as many pages as it needs under its repeated column heads, and long texts wrap in their cells.
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    LongTable,
    PageTemplate,
    Paragraph,
    Spacer,
    TableStyle,
)

from db.database import Database
from db.files import write_file
from db.models import AttendanceStatus, CheckInMethod, ConsentPurpose, Gender
from desktop.documents.common import (
    EU_BLUE,
    FONT,
    FONT_BOLD,
    LANGUAGES,
    long_date,
    numbered_canvas,
    pick,
    register_fonts,
    short_date,
)

MARGIN = 15 * mm
BOTTOM = 16 * mm
WIDTH = A4[0] - 2 * MARGIN
GREY = colors.HexColor("#555555")
LINE = colors.HexColor("#9AA3AF")
SHADE = colors.HexColor("#E8EDF5")
STRIPE = colors.HexColor("#F5F7FA")
NOTHING = "—"
WHEN = 29.5 * mm  # "26 Nov 2026 00:05" on one line

TEXT = ParagraphStyle("text", fontName=FONT, fontSize=9, leading=11.5)
SMALL = ParagraphStyle("small", parent=TEXT, fontSize=7.5, leading=9.5, textColor=GREY)
CELL = ParagraphStyle("cell", parent=TEXT, fontSize=8, leading=10)
HEAD_CELL = ParagraphStyle("head_cell", parent=CELL, fontName=FONT_BOLD, fontSize=7.5, leading=9)
LABEL = ParagraphStyle("label", parent=CELL, fontName=FONT_BOLD)
TITLE = ParagraphStyle("title", fontName=FONT_BOLD, fontSize=16, leading=20, spaceAfter=2)
CHILD = ParagraphStyle("child", fontName=FONT_BOLD, fontSize=12, leading=15, textColor=EU_BLUE)
SECTION = ParagraphStyle(
    "section",
    fontName=FONT_BOLD,
    fontSize=11,
    leading=14,
    spaceBefore=8,
    spaceAfter=3,
    textColor=EU_BLUE,
)


def title(language: str = "lv") -> str:
    return pick(
        language,
        "Everything stored about a child",
        "Visi par bērnu glabātie dati",
        "Visi apie vaiką saugomi duomenys",
    )


def yes_no(value: object, language: str) -> str:
    return pick(language, "yes", "jā", "taip") if value else pick(language, "no", "nē", "ne")


def _gender(value: str, language: str) -> str:
    return {
        Gender.GIRL.value: pick(language, "girl", "meitene", "mergaitė"),
        Gender.BOY.value: pick(language, "boy", "zēns", "berniukas"),
    }.get(value, value)


def _purpose(value: str, language: str) -> str:
    return {
        ConsentPurpose.PHOTO.value: pick(language, "Photos", "Foto", "Nuotraukos"),
        ConsentPurpose.VIDEO.value: pick(language, "Video", "Video", "Vaizdo įrašai"),
        ConsentPurpose.PUBLICATION.value: pick(
            language, "Publication", "Publicēšana", "Publikavimas"
        ),
        ConsentPurpose.DATA_PROCESSING.value: pick(
            language, "Data processing", "Datu apstrāde", "Duomenų tvarkymas"
        ),
    }.get(value, value)


def _status(value: str, language: str) -> str:
    return {
        AttendanceStatus.PRESENT.value: pick(language, "Present", "Klāt", "Dalyvavo"),
        AttendanceStatus.LATE.value: pick(language, "Late", "Nokavēja", "Vėlavo"),
        AttendanceStatus.EXCUSED.value: pick(
            language, "Excused", "Attaisnoti nebija", "Nedalyvavo (pateisinta)"
        ),
        AttendanceStatus.ABSENT.value: pick(language, "Absent", "Nebija", "Nedalyvavo"),
    }.get(value, value)


def _method(value: str, language: str) -> str:
    return {
        CheckInMethod.SCAN.value: pick(
            language, "Card scanned at the desk", "Nolasīta karte", "Nuskaityta kortelė"
        ),
        CheckInMethod.NAME_SEARCH.value: pick(
            language, "Found by name at the desk", "Atrasts pēc vārda", "Rastas pagal vardą"
        ),
        CheckInMethod.KIOSK.value: pick(
            language, "Tapped own name at the kiosk", "Pieteicās pats kioskā", "Pasižymėjo kioske"
        ),
        CheckInMethod.AFTER_THE_FACT.value: pick(
            language, "Added afterwards", "Pievienots vēlāk", "Pridėtas vėliau"
        ),
    }.get(value, value)


def _action(value: str, language: str) -> str:
    """What an audit event did, in words; an action this list does not know stays its code."""
    words = {
        "participant.registered": ("Registered", "Reģistrēts", "Užregistruotas"),
        "participant.edited": ("Record changed", "Ieraksts labots", "Įrašas pakeistas"),
        "participant.archived": ("Archived", "Arhivēts", "Archyvuotas"),
        "participant.restored": (
            "Restored from the archive",
            "Atjaunots no arhīva",
            "Grąžintas iš archyvo",
        ),
        "participant.exported": ("Data exported", "Dati izgūti", "Duomenys eksportuoti"),
        "participant.erased": ("Erased", "Dzēsts", "Ištrintas"),
        "consent.given": ("Consent given", "Piekrišana dota", "Sutikimas duotas"),
        "consent.withdrawn": ("Consent withdrawn", "Piekrišana atsaukta", "Sutikimas atšauktas"),
        "enrollment.added": ("Enrolled", "Uzņemts programmā", "Priimtas į programą"),
        "attendance.checked_in": ("Checked in", "Atzīmēta ierašanās", "Pažymėtas atvykimas"),
        "attendance.marked": (
            "Attendance marked",
            "Atzīmēts apmeklējums",
            "Pažymėtas lankomumas",
        ),
        "attendance.undone": ("Check-in undone", "Ierašanās atcelta", "Atvykimas atšauktas"),
        "loan.lent": ("Lent", "Izsniegts", "Išduota"),
        "loan.returned": ("Returned", "Atgriezts", "Grąžinta"),
        "loan.undone": ("Loan undone", "Izsniegšana atcelta", "Išdavimas atšauktas"),
        "loan.return_undone": (
            "Return undone",
            "Atgriešana atcelta",
            "Grąžinimas atšauktas",
        ),
        "loan.note": ("Condition noted", "Piezīme par stāvokli", "Būklės pastaba"),
    }.get(value)
    return pick(language, *words) if words else value


def _record_labels(language: str) -> dict[str, str]:
    """The participant's fields in the order printed, each with its label."""
    return {
        "id": pick(language, "Participant number", "Dalībnieka numurs", "Dalyvio numeris"),
        "first_name": pick(language, "First name", "Vārds", "Vardas"),
        "last_name": pick(language, "Last name", "Uzvārds", "Pavardė"),
        "birth_year": pick(language, "Birth year", "Dzimšanas gads", "Gimimo metai"),
        "gender": pick(language, "Gender", "Dzimums", "Lytis"),
        "site": pick(language, "Site", "Filiāle", "Padalinys"),
        "card_code": pick(language, "Card code", "Kartes kods", "Kortelės kodas"),
        "target_group": pick(
            language, "Target group mark", "Mērķgrupas atzīme", "Tikslinės grupės žymė"
        ),
        "notes": pick(language, "Notes", "Piezīmes", "Pastabos"),
        "guardian_name": pick(language, "Guardian", "Aizbildnis", "Globėjas"),
        "guardian_phone": pick(
            language, "Guardian's phone", "Aizbildņa tālrunis", "Globėjo telefonas"
        ),
        "archived": pick(language, "Archived", "Arhivēts", "Archyvuotas"),
        "registered_at": pick(language, "Registered", "Reģistrēts", "Užregistruotas"),
        "updated_at": pick(
            language, "Last changed", "Pēdējoreiz mainīts", "Paskutinį kartą keista"
        ),
    }


def _when(value: object, language: str) -> str:
    """An ISO date or date-time from the dict as the document writes it; nothing as a dash."""
    if value is None or value == "":
        return NOTHING
    text = str(value)
    try:
        if "T" in text:
            moment = datetime.fromisoformat(text)
            return f"{short_date(moment.date(), language)} {moment:%H:%M}"
        return short_date(date.fromisoformat(text), language)
    except ValueError:
        return text


def _plain(value: object, language: str) -> str:
    if value is None or value == "":
        return NOTHING
    if isinstance(value, bool):
        return yes_no(value, language)
    return str(value)


def _field_value(key: str, value: object, language: str) -> str:
    """One recorded field's value in words: genders, statuses and yes/no translated."""
    if value is None or value == "":
        return NOTHING
    if key == "gender":
        return _gender(str(value), language)
    if key == "status":
        return _status(str(value), language)
    if key == "purpose":
        return _purpose(str(value), language)
    if key == "method":
        return _method(str(value), language)
    if key.endswith(("_at", "_on")):
        return _when(value, language)
    return _plain(value, language)


def _changes(changes: object, language: str) -> str:
    """An audit event's old → new, one field a line, fields under their record labels."""
    if not isinstance(changes, dict) or not changes:
        return ""
    labels = _record_labels(language)
    labels["site_id"] = labels["site"]
    labels["status"] = pick(language, "Status", "Statuss", "Būsena")
    lines = []
    for key, values in changes.items():
        label = labels.get(key, key)
        if isinstance(values, list) and len(values) == 2:
            old, new = (_field_value(key, v, language) for v in values)
            lines.append(f"{label}: {old} → {new}")
        else:
            lines.append(f"{label}: {_field_value(key, values, language)}")
    return "\n".join(lines)


def _para(text: str, style: ParagraphStyle = CELL) -> Paragraph:
    """A cell that wraps: line breaks kept, every character escaped."""
    return Paragraph(escape(text).replace("\n", "<br/>"), style)


def _table(
    heads: Sequence[str],
    rows: Sequence[Sequence[str]],
    widths: Sequence[float],
) -> LongTable:
    """A striped table whose head row repeats on every page it flows onto."""
    data = [[_para(h, HEAD_CELL) for h in heads]]
    data += [[_para(cell) for cell in row] for row in rows]
    table = LongTable(data, colWidths=list(widths), repeatRows=1, splitInRow=1, hAlign="LEFT")
    style: list[tuple[Any, ...]] = [
        ("GRID", (0, 0), (-1, -1), 0.4, LINE),
        ("BACKGROUND", (0, 0), (-1, 0), SHADE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
    if len(data) > 2:
        style.append(("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, STRIPE]))
    table.setStyle(TableStyle(style))
    return table


def _none(language: str) -> Paragraph:
    return _para(pick(language, "none", "nav", "nėra"), TEXT)


def _section(
    heading: str,
    rows: Sequence[Any],
    make: Callable[[], Flowable],
    language: str,
) -> list[Flowable]:
    """A heading (with how many there are) and its table, or "nav" when there is nothing."""
    counted = f"{heading} ({len(rows)})" if rows else heading
    # A heading never sits alone at the foot of a page.
    return [
        CondPageBreak(30 * mm),
        _para(counted, SECTION),
        make() if rows else _none(language),
    ]


def _record(person: dict[str, Any], language: str) -> LongTable:
    labels = _record_labels(language)
    rows = [
        [_para(label, LABEL), _para(_field_value(key, person.get(key), language))]
        for key, label in labels.items()
    ]
    # Anything the core adds later is printed too, under its own name.
    rows += [
        [_para(key, LABEL), _para(_field_value(key, value, language))]
        for key, value in person.items()
        if key not in labels
    ]
    table = LongTable(rows, colWidths=[50 * mm, WIDTH - 50 * mm], splitInRow=1, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.4, LINE),
                ("BACKGROUND", (0, 0), (0, -1), SHADE),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
                ("LEFTPADDING", (0, 0), (-1, -1), 3),
                ("RIGHTPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return table


def _consents(consents: list[dict[str, Any]], language: str) -> LongTable:
    return _table(
        [
            pick(language, "Purpose", "Mērķis", "Tikslas"),
            pick(language, "Given by", "Kas deva", "Kas davė"),
            pick(language, "Given on", "Dota", "Duotas"),
            pick(language, "Withdrawn on", "Atsaukta", "Atšauktas"),
        ],
        [
            [
                _purpose(str(c.get("purpose", "")), language),
                _plain(c.get("given_by"), language),
                _when(c.get("given_on"), language),
                _when(c.get("withdrawn_on"), language),
            ]
            for c in consents
        ],
        [45 * mm, 69 * mm, 33 * mm, 33 * mm],
    )


def _enrolments(enrolments: list[dict[str, Any]], language: str) -> LongTable:
    return _table(
        [
            pick(language, "Program", "Programma", "Programa"),
            pick(language, "Joined", "Uzņemts", "Priimtas"),
            pick(language, "Left", "Izstājās", "Išėjo"),
        ],
        [
            [
                _plain(e.get("program"), language),
                _when(e.get("joined_on"), language),
                _when(e.get("left_on"), language),
            ]
            for e in enrolments
        ],
        [110 * mm, 35 * mm, 35 * mm],
    )


def _attendance(attendance: list[dict[str, Any]], language: str) -> LongTable:
    recorded = pick(language, "recorded", "atzīmēts", "pažymėta")
    return _table(
        [
            pick(language, "Date", "Datums", "Data"),
            pick(language, "Time", "Laiks", "Laikas"),
            pick(language, "Program", "Programma", "Programa"),
            pick(language, "Theme", "Tēma", "Tema"),
            pick(language, "Status", "Statuss", "Būsena"),
            pick(language, "How recorded", "Kā atzīmēts", "Kaip pažymėta"),
        ],
        [
            [
                _when(a.get("date"), language),
                _plain(a.get("starts_at"), language),
                _plain(a.get("program"), language),
                _plain(a.get("theme"), language),
                _status(str(a.get("status", "")), language),
                _method(str(a.get("method", "")), language)
                + (
                    f"\n{recorded} {_when(a['recorded_at'], language)}"
                    if a.get("recorded_at")
                    else ""
                ),
            ]
            for a in attendance
        ],
        [21 * mm, 12 * mm, 38 * mm, 43 * mm, 24 * mm, 42 * mm],
    )


def _loans(loans: list[dict[str, Any]], language: str) -> LongTable:
    return _table(
        [
            pick(language, "Item", "Priekšmets", "Daiktas"),
            pick(language, "Lent", "Izsniegts", "Išduota"),
            pick(language, "Due", "Jāatgriež", "Grąžinti iki"),
            pick(language, "Returned", "Atgriezts", "Grąžinta"),
            pick(language, "Note", "Piezīme", "Pastaba"),
        ],
        [
            [
                " ".join(str(p) for p in (loan.get("item_tag"), loan.get("item_name")) if p)
                or NOTHING,
                _when(loan.get("lent_at"), language),
                _when(loan.get("due_at"), language),
                _when(loan.get("returned_at"), language),
                _plain(loan.get("return_note"), language),
            ]
            for loan in loans
        ],
        [37.5 * mm, WHEN, WHEN, WHEN, 54 * mm],
    )


def _audit(events: list[dict[str, Any]], language: str) -> LongTable:
    return _table(
        [
            pick(language, "When", "Kad", "Kada"),
            pick(language, "Who", "Kas", "Kas"),
            pick(language, "What", "Kas notika", "Kas įvyko"),
            pick(language, "Description", "Apraksts", "Aprašymas"),
            pick(language, "Old → new", "Bija → kļuva", "Buvo → tapo"),
        ],
        [
            [
                _when(e.get("at"), language),
                _plain(e.get("by"), language),
                _action(str(e.get("action", "")), language),
                _plain(e.get("description"), language),
                _changes(e.get("changes"), language),
            ]
            for e in events
        ],
        [WHEN, 18 * mm, 30 * mm, 59.5 * mm, 43 * mm],
    )


def _fit(text: str, font: str, size: float, room: float) -> str:
    """The text cut with "…" so it ends before the page number at the foot."""
    if stringWidth(text, font, size) <= room:
        return text
    while text and stringWidth(text + "…", font, size) > room:
        text = text[:-1]
    return text.rstrip() + "…"


def _full_name(person: dict[str, Any]) -> str:
    return " ".join(str(person.get(k) or "") for k in ("first_name", "last_name")).strip()


def _heading(person: dict[str, Any], library: str, made_on: date, language: str) -> list[Flowable]:
    facts = []
    if library:
        facts.append(f"{pick(language, 'Library', 'Bibliotēka', 'Biblioteka')}: {library}")
    facts.append(
        f"{pick(language, 'Made on', 'Sagatavots', 'Parengta')}: {long_date(made_on, language)}"
    )
    explanation = pick(
        language,
        "A copy of all the personal data the library's attendance and equipment program"
        " (OpenUp Desk) holds about this child, made on request (General Data Protection"
        " Regulation, Article 15). The history at the end lists every recorded action"
        " concerning the child and the staff account that took it.",
        "Visu personas datu kopija, ko bibliotēkas apmeklējuma un aprīkojuma uzskaites"
        " programma (OpenUp Desk) glabā par šo bērnu, sagatavota pēc pieprasījuma (Vispārīgās"
        " datu aizsardzības regulas 15. pants). Vēsturē beigās ir katra reģistrētā darbība,"
        " kas skar bērnu, un darbinieka konts, kas to veica; tās apraksti ir tādi, kādus"
        " programma tos saglabāja (angliski).",
        "Visų asmens duomenų, kuriuos bibliotekos lankomumo ir įrangos apskaitos programa"
        " (OpenUp Desk) saugo apie šį vaiką, kopija, parengta pagal prašymą (Bendrojo duomenų"
        " apsaugos reglamento 15 straipsnis). Istorijoje pabaigoje nurodytas kiekvienas"
        " užregistruotas su vaiku susijęs veiksmas ir jį atlikusio darbuotojo paskyra; jų"
        " aprašymai pateikti taip, kaip juos išsaugojo programa (angliškai).",
    )
    name = _full_name(person)
    return [
        _para(title(language), TITLE),
        *([_para(name, CHILD)] if name else []),
        Spacer(0, 1.5 * mm),
        _para("\n".join(facts), TEXT),
        Spacer(0, 2 * mm),
        _para(explanation, SMALL),
        Spacer(0, 2 * mm),
    ]


def access_request_pdf(
    data: dict[str, Any],
    *,
    library: str = "",
    made_on: date | None = None,
    language: str = "lv",
) -> bytes:
    """Everything `db.privacy.access_request` returned, as a readable A4 PDF."""
    register_fonts()
    language = language if language in LANGUAGES else "lv"
    made_on = made_on or date.today()
    person: dict[str, Any] = data.get("participant") or {}
    consents = list(data.get("consents") or [])
    enrolments = list(data.get("enrolments") or [])
    attendance = list(data.get("attendance") or [])
    loans = list(data.get("loans") or [])
    events = list(data.get("audit_events") or [])

    story: list[Flowable] = _heading(person, library, made_on, language)
    story += [
        _para(pick(language, "The record", "Ieraksts", "Įrašas"), SECTION),
        _record(person, language),
    ]
    story += _section(
        pick(language, "Consents", "Piekrišanas", "Sutikimai"),
        consents,
        lambda: _consents(consents, language),
        language,
    )
    story += _section(
        pick(language, "Enrolments", "Uzņemšana programmās", "Priėmimai į programas"),
        enrolments,
        lambda: _enrolments(enrolments, language),
        language,
    )
    story += _section(
        pick(language, "Attendance", "Apmeklējums", "Lankomumas"),
        attendance,
        lambda: _attendance(attendance, language),
        language,
    )
    story += _section(
        pick(language, "Equipment loans", "Izsniegtais aprīkojums", "Paskolinta įranga"),
        loans,
        lambda: _loans(loans, language),
        language,
    )
    story += _section(
        pick(
            language,
            "History of the record (audit log)",
            "Ieraksta vēsture (audita žurnāls)",
            "Įrašo istorija (audito žurnalas)",
        ),
        events,
        lambda: _audit(events, language),
        language,
    )

    name = _full_name(person)
    running = " · ".join(
        p for p in (title(language), name, library, short_date(made_on, language)) if p
    )

    def every_page(canvas: Canvas, _doc: BaseDocTemplate) -> None:
        canvas.saveState()
        canvas.setFont(FONT, 7.5)
        canvas.setFillColor(GREY)
        canvas.drawString(MARGIN, 8 * mm, _fit(running, FONT, 7.5, WIDTH - 35 * mm))
        canvas.restoreState()

    out = io.BytesIO()
    doc = BaseDocTemplate(
        out,
        pagesize=A4,
        title=f"{title(language)}: {name}" if name else title(language),
        author=library,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=BOTTOM,
    )
    frame = Frame(MARGIN, BOTTOM, WIDTH, A4[1] - MARGIN - BOTTOM, 0, 0, 0, 0, id="body")
    doc.addPageTemplates([PageTemplate("page", [frame], onPage=every_page)])
    doc.build(story, canvasmaker=numbered_canvas(language, margin=MARGIN))
    return out.getvalue()


def library_of(db: Database, site_name: str | None) -> str:
    """The library a site belongs to, as its letterhead names it ("" when not recorded)."""
    from sqlalchemy import select

    from db.models import Site

    if not site_name:
        return ""
    with db.reading() as session:
        return session.scalar(select(Site.library_name).where(Site.name == site_name)) or ""


def write_access_request(
    db: Database,
    participant_id: int,
    out: Path,
    *,
    by: int | None,
    language: str = "lv",
    made_on: date | None = None,
) -> Path:
    """Answer an access request into a file only its owner may read: a PDF when the name
    ends in .pdf, JSON otherwise. The export is logged (admins only, see access_request)."""
    from db.privacy import access_request

    data = access_request(db, participant_id, by=by)
    content: bytes
    if out.suffix.lower() == ".pdf":
        library = library_of(db, data["participant"].get("site"))
        content = access_request_pdf(data, library=library, made_on=made_on, language=language)
    else:
        content = (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    return write_file(out, content)  # a child's records: readable by the owner only
