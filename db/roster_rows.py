"""Checking a roster's rows: the header found in Latvian, English or Lithuanian, each row a
child with the problems the file alone shows (a missing name, an impossible year, a repeat)."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import Any

from db.errors import QT_TRANSLATE_NOOP
from db.models import Gender
from db.names import fold
from db.people import (
    OLDEST_BIRTH_YEAR,
    ParticipantDetails,
    one_line,
    search_name,
    without_control,
)
from db.roster_file import HEADER_SEARCH_ROWS, RosterUnreadable, shown

# Field → the header words that name it, folded (lower case, no diacritics): Latvian,
# English, then Lithuanian (the partner library in Rokiškis).
HEADERS: dict[str, tuple[str, ...]] = {
    "first_name": ("vards", "first name", "firstname", "given name", "vardas"),
    "last_name": ("uzvards", "last name", "lastname", "surname", "family name", "pavarde"),
    "birth_year": (
        "dzimsanas gads",
        "birth year",
        "year of birth",
        "born",
        "gads",
        "gimimo metai",
        "gime",
        "metai",
    ),
    "gender": ("dzimums", "gender", "sex", "lytis"),
    "guardian_name": (
        "aizbildnis",
        "guardian",
        "vecaks",
        "parent",
        "aizbildna vards",
        "globejas",
        "globejo vardas",
        "tevai",
        "tevu vardas",
    ),
    "guardian_phone": (
        "talrunis",
        "phone",
        "telefons",
        "tel",
        "aizbildna talrunis",
        "telefonas",
        "telefono numeris",
        "tel nr",
        "globejo telefonas",
        "tevu telefonas",
    ),
    "target_group": ("merka grupa", "target group", "tiksline grupe"),
    "notes": ("piezimes", "notes", "piezime", "note", "pastabos", "pastaba"),
    "photo_consent": (
        "foto piekrisana",
        "photo consent",
        "foto",
        "sutikimas fotografuoti",
        "nuotrauku sutikimas",
        "foto sutikimas",
    ),
}
_FIELD_OF_HEADER = {word: name for name, words in HEADERS.items() for word in words}

GIRL_WORDS = frozenset({"meitene", "girl", "female", "f", "mergaite"})
BOY_WORDS = frozenset({"zens", "boy", "male", "puisis", "berniukas"})
YES_WORDS = frozenset({"ja", "yes", "1", "true", "x", "taip"})
NO_WORDS = frozenset({"ne", "no", "0", "false", "", "-"})

# The longest text each field may hold (the database's columns; notes are free text).
LIMITS = {
    "first_name": 80,
    "last_name": 80,
    "guardian_name": 160,
    "guardian_phone": 40,
    "notes": 2000,
}

# A reason for RosterUnreadable, translated as a field of its template.
NO_HEADER = QT_TRANSLATE_NOOP(
    "DomainError",
    "no header row with the columns Vārds and Uzvārds (First name, Last name; Vardas, "
    "Pavardė) was found.",
)


@dataclass(frozen=True)
class Problem:
    """Why a row cannot be imported, in plain words (Qt context "Roster" for translation)."""

    template: str
    fields: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        # The fields quote the file (a value, a header): shown escaped wherever printed.
        escaped = {key: shown(v) if isinstance(v, str) else v for key, v in self.fields.items()}
        object.__setattr__(self, "fields", escaped)

    @property
    def message(self) -> str:
        return self.template.format(**self.fields)


@dataclass(frozen=True)
class RosterRow:
    """One child as the file has them, with the row number a spreadsheet program shows."""

    row: int
    first_name: str
    last_name: str
    birth_year: int | None = None
    gender: Gender | None = None
    guardian_name: str = ""
    guardian_phone: str = ""
    target_group: bool = False
    notes: str = ""
    photo_consent: bool = False
    problems: tuple[Problem, ...] = ()

    @property
    def valid(self) -> bool:
        return not self.problems

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    def details(self, site_id: int) -> ParticipantDetails:
        return ParticipantDetails(
            first_name=self.first_name,
            last_name=self.last_name,
            birth_year=self.birth_year,
            site_id=site_id,
            gender=self.gender,
            guardian_name=self.guardian_name,
            guardian_phone=self.guardian_phone,
            target_group=self.target_group,
            notes=self.notes,
        )


def _text(value: Any) -> str:
    """A cell as text: XLSX numbers without ".0", dates as ISO dates, empty as ""."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat()
    return str(value).strip()


def header_field(header: Any) -> str | None:
    """The field a column header names, in Latvian, English or Lithuanian, any case, with or
    without ā or ė."""
    text = fold(without_control(_text(header)))
    words = " ".join(text.replace("_", " ").replace(".", " ").split())
    return _FIELD_OF_HEADER.get(words.strip(" :*"))


def _find_header(
    rows: list[tuple[int, list[Any]]],
) -> tuple[int, dict[int, str], list[str]] | None:
    for index, (_number, cells) in enumerate(rows[:HEADER_SEARCH_ROWS]):
        columns: dict[int, str] = {}
        ignored: list[str] = []
        for position, cell in enumerate(cells):
            name = header_field(cell)
            if name is not None and name not in columns.values():
                columns[position] = name
            elif _text(cell):
                ignored.append(shown(_text(cell)))
        if {"first_name", "last_name"} <= set(columns.values()):
            return index, columns, ignored
    return None


def _has_control_characters(text: str) -> bool:
    return any(unicodedata.category(ch) == "Cc" and ch not in "\t\n\r" for ch in text)


def _yes_no(value: Any, column: str, problems: list[Problem]) -> bool:
    word = fold(_text(value))
    if word in YES_WORDS:
        return True
    if word not in NO_WORDS:
        problems.append(
            Problem(
                QT_TRANSLATE_NOOP(
                    "Roster", "Unknown answer “{value}” in {column}: write jā/nē, yes/no or 1/0."
                ),
                {"value": _text(value), "column": column},
            )
        )
    return False


def _birth_year(value: Any, this_year: int, problems: list[Problem]) -> int | None:
    if isinstance(value, datetime | date):
        year: int = value.year
    else:
        text = _text(value)
        if not text:
            return None
        try:
            year = int(text)
        except ValueError:
            problems.append(
                Problem(
                    QT_TRANSLATE_NOOP("Roster", "Birth year “{value}” is not a number."),
                    {"value": text},
                )
            )
            return None
    if not OLDEST_BIRTH_YEAR <= year <= this_year:
        problems.append(
            Problem(
                QT_TRANSLATE_NOOP(
                    "Roster", "Birth year {year} is impossible: it must be between 1900 and {now}."
                ),
                {"year": year, "now": this_year},
            )
        )
        return None
    return year


def _gender(value: Any, problems: list[Problem]) -> Gender | None:
    word = fold(_text(value))
    if not word:
        return None
    if word in GIRL_WORDS:
        return Gender.GIRL
    if word in BOY_WORDS:
        return Gender.BOY
    problems.append(
        Problem(
            QT_TRANSLATE_NOOP(
                "Roster", "Unknown gender “{value}”: write meitene/zēns or girl/boy."
            ),
            {"value": _text(value)},
        )
    )
    return None


def _row(
    number: int, cells: list[Any], columns: dict[int, str], headers: list[Any], this_year: int
) -> RosterRow:
    values: dict[str, Any] = {}
    header_of: dict[str, str] = {}
    for position, name in columns.items():
        values[name] = cells[position] if position < len(cells) else None
        header_of[name] = _text(headers[position])
    problems: list[Problem] = []
    raw: dict[str, str] = {}
    texts: dict[str, str] = {}
    for name in ("first_name", "last_name", "guardian_name", "guardian_phone", "notes"):
        raw[name] = _text(values.get(name))
        # Cleaned as the participant form cleans: no bidirectional overrides, no zero-width
        # characters; control characters are also a problem of the row (below).
        if name == "notes":
            texts[name] = without_control(raw[name], keep="\n\t").strip()
        else:
            texts[name] = one_line(raw[name])
    if not texts["first_name"]:
        problems.append(Problem(QT_TRANSLATE_NOOP("Roster", "The first name is missing.")))
    if not texts["last_name"]:
        problems.append(Problem(QT_TRANSLATE_NOOP("Roster", "The last name is missing.")))
    for name, limit in LIMITS.items():
        if len(texts[name]) > limit:
            problems.append(
                Problem(
                    QT_TRANSLATE_NOOP(
                        "Roster", "{column} is too long: at most {limit} characters."
                    ),
                    {"column": header_of[name], "limit": limit},
                )
            )
        if _has_control_characters(raw[name]):
            problems.append(
                Problem(
                    QT_TRANSLATE_NOOP("Roster", "{column} contains control characters."),
                    {"column": header_of[name]},
                )
            )
    return RosterRow(
        row=number,
        first_name=texts["first_name"],
        last_name=texts["last_name"],
        birth_year=_birth_year(values.get("birth_year"), this_year, problems),
        gender=_gender(values.get("gender"), problems),
        guardian_name=texts["guardian_name"],
        guardian_phone=texts["guardian_phone"],
        target_group=_yes_no(
            values.get("target_group"), header_of.get("target_group", ""), problems
        ),
        notes=texts["notes"],
        photo_consent=_yes_no(
            values.get("photo_consent"), header_of.get("photo_consent", ""), problems
        ),
        problems=tuple(problems),
    )


def identity(first_name: str, last_name: str) -> str:
    # The same key the register use case stores, so a very long name still matches itself.
    return search_name(first_name, last_name)


def with_problem(row: RosterRow, problem: Problem) -> RosterRow:
    return replace(row, problems=(*row.problems, problem))


def parse_roster(
    rows: list[tuple[int, list[Any]]], name: str = "", *, this_year: int | None = None
) -> tuple[list[RosterRow], tuple[str, ...], tuple[str, ...]]:
    """The children of a table's rows, with the problems seen in the file alone."""
    found = _find_header(rows)
    if found is None:
        raise RosterUnreadable(name=name, reason=NO_HEADER)
    index, columns, ignored = found
    headers = rows[index][1]
    year = this_year or date.today().year
    children: list[RosterRow] = []
    first_seen: dict[tuple[str, int | None], int] = {}
    for number, cells in rows[index + 1 :]:
        if not any(_text(cell) for cell in cells):
            continue
        child = _row(number, cells, columns, headers, year)
        if child.first_name and child.last_name:
            key = (identity(child.first_name, child.last_name), child.birth_year)
            if key in first_seen:
                child = with_problem(
                    child,
                    Problem(
                        QT_TRANSLATE_NOOP("Roster", "The same child as in row {row}."),
                        {"row": first_seen[key]},
                    ),
                )
            else:
                first_seen[key] = number
        children.append(child)
    return children, tuple(columns[i] for i in sorted(columns)), tuple(ignored)
