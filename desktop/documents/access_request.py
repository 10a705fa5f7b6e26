"""The answer to an access request (GDPR art. 15): everything stored about one child, on paper.

Built from `db.access_request.access_request`'s dict, for a parent or the data protection
inspectorate to read: codes become words in the document's language (the same words the screens
use for them, desktop/audit_words.py and desktop/code_words.py), every table flows over
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
from desktop.audit_words import action_words
from desktop.code_words import (
    attendance_words,
    check_in_words,
    consent_purpose_words,
    gender_words,
    yes_no_words,
)
from desktop.documents.common import (
    EU_BLUE,
    FONT,
    FONT_BOLD,
    LANGUAGES,
    long_date,
    numbered_canvas,
    register_fonts,
    short_date,
)
from desktop.words import words

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
    return words(language).gettext("Everything stored about a child")


def _record_labels(language: str) -> dict[str, str]:
    """The participant's fields in the order printed, each with its label."""
    _ = words(language).gettext
    return {
        "id": _("Participant number"),
        "first_name": _("First name"),
        "last_name": _("Last name"),
        "birth_year": _("Birth year"),
        "gender": _("Gender"),
        "site": _("Site"),
        "card_code": _("Card code"),
        "target_group": _("Target group mark"),
        "notes": _("Notes"),
        "guardian_name": _("Guardian"),
        "guardian_phone": _("Guardian's phone"),
        "archived": _("Archived"),
        "registered_at": _("Registered"),
        "updated_at": _("Last changed"),
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
        return yes_no_words(value, language)
    return str(value)


def _field_value(key: str, value: object, language: str) -> str:
    """One recorded field's value in words: genders, statuses and yes/no translated."""
    if value is None or value == "":
        return NOTHING
    if key == "gender":
        return gender_words(str(value), language)
    if key == "status":
        return attendance_words(str(value), language)
    if key == "purpose":
        return consent_purpose_words(str(value), language)
    if key == "method":
        return check_in_words(str(value), language)
    if key.endswith(("_at", "_on")):
        return _when(value, language)
    return _plain(value, language)


def _changes(changes: object, language: str) -> str:
    """An audit event's old → new, one field a line, fields under their record labels."""
    if not isinstance(changes, dict) or not changes:
        return ""
    labels = _record_labels(language)
    labels["site_id"] = labels["site"]
    labels["status"] = words(language).gettext("Status")
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
    return _para(words(language).gettext("none"), TEXT)


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
    _ = words(language).gettext
    return _table(
        [
            _("Purpose"),
            _("Given by"),
            _("Given on"),
            _("Withdrawn on"),
        ],
        [
            [
                consent_purpose_words(str(c.get("purpose", "")), language),
                _plain(c.get("given_by"), language),
                _when(c.get("given_on"), language),
                _when(c.get("withdrawn_on"), language),
            ]
            for c in consents
        ],
        [45 * mm, 69 * mm, 33 * mm, 33 * mm],
    )


def _enrolments(enrolments: list[dict[str, Any]], language: str) -> LongTable:
    _ = words(language).gettext
    return _table(
        [
            _("Program"),
            _("Joined"),
            _("Left"),
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
    _ = words(language).gettext
    recorded = _("recorded")
    return _table(
        [
            _("Date"),
            _("Time"),
            _("Program"),
            _("Theme"),
            _("Status"),
            _("How recorded"),
        ],
        [
            [
                _when(a.get("date"), language),
                _plain(a.get("starts_at"), language),
                _plain(a.get("program"), language),
                _plain(a.get("theme"), language),
                attendance_words(str(a.get("status", "")), language),
                check_in_words(str(a.get("method", "")), language)
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
    _ = words(language).gettext
    return _table(
        [
            _("Item"),
            _("Lent"),
            _("Due"),
            _("Returned"),
            _("Note"),
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
    _ = words(language).gettext
    return _table(
        [
            _("When"),
            _("Who"),
            _("What"),
            _("Description"),
            _("Old → new"),
        ],
        [
            [
                _when(e.get("at"), language),
                _plain(e.get("by"), language),
                action_words(str(e.get("action", "")), language),
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
    _ = words(language).gettext
    facts = []
    if library:
        facts.append("{}: {}".format(_("Library"), library))
    facts.append("{}: {}".format(_("Made on"), long_date(made_on, language)))
    explanation = _(
        "A copy of all the personal data the library's attendance and equipment program"
        " (OpenUp Desk) holds about this child, made on request (General Data Protection"
        " Regulation, Article 15). The history at the end lists every recorded action"
        " concerning the child and the staff account that took it."
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
    """Everything `db.access_request.access_request` returned, as a readable A4 PDF."""
    _ = words(language).gettext
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
        _para(_("The record"), SECTION),
        _record(person, language),
    ]
    story += _section(
        _("Consents"),
        consents,
        lambda: _consents(consents, language),
        language,
    )
    story += _section(
        _("Enrolments"),
        enrolments,
        lambda: _enrolments(enrolments, language),
        language,
    )
    story += _section(
        _("Attendance"),
        attendance,
        lambda: _attendance(attendance, language),
        language,
    )
    story += _section(
        _("Equipment loans"),
        loans,
        lambda: _loans(loans, language),
        language,
    )
    story += _section(
        _("History of the record (audit log)"),
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
    with db.reading() as tx:
        return tx.scalar(select(Site.library_name).where(Site.name == site_name)) or ""


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
    from db.access_request import access_request

    data = access_request(db, participant_id, by=by)
    content: bytes
    if out.suffix.lower() == ".pdf":
        library = library_of(db, data["participant"].get("site"))
        content = access_request_pdf(data, library=library, made_on=made_on, language=language)
    else:
        content = (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    return write_file(out, content)  # a child's records: readable by the owner only
