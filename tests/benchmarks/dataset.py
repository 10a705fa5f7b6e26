"""A synthetic ten-year OPEN UP database: three libraries, 5,000 children, 150,000 check-ins.

Rows are generated in Python and written with SQLAlchemy Core bulk inserts into a
database created by `db.migrate.migrate`, never through the use cases (one transaction
per row would take many minutes).
The SQLite build is kept in `bench-results/` as the cache; other databases (PostgreSQL)
are filled by copying the cached rows, so every backend is measured on the same data.
"""

from __future__ import annotations

import random
import sqlite3
import time as clock
from collections import defaultdict
from collections.abc import Mapping, Sequence
from contextlib import closing
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import (
    JSON,
    Column,
    Float,
    Integer,
    MetaData,
    String,
    Table,
    func,
    insert,
    inspect,
    select,
    text,
)
from sqlalchemy.engine import URL

from db.clock import at_local, end_of_local_day, local
from db.database import Database, describe
from db.migrate import backup_sqlite_file, current_revision, migrate
from db.models import (
    Attendance,
    AttendanceStatus,
    AuditEvent,
    Base,
    CheckInMethod,
    Consent,
    ConsentPurpose,
    Enrollment,
    Gender,
    Item,
    ItemCategory,
    ItemStatus,
    Loan,
    Participant,
    Program,
    ProgramKind,
    Project,
    Role,
    Session,
    SessionStatus,
    Site,
    Staff,
)
from db.names import fold
from db.revisions import head_revision
from db.scancodes import new_card_code

# Bump when the generated data changes, so an old cache is rebuilt on its own.
DATASET_VERSION = 2
SEED = 263  # LLI-263
YEARS = 10
CHILDREN = 4_850
ADULTS = 150  # librarians from elsewhere who come to the seminars
ATTENDANCE_TARGET = 150_000
CHUNK = 10_000  # rows per bulk insert statement batch

# What the cache is and how it was made; a table of its own, outside the app's schema.
bench_meta = MetaData()
bench_dataset = Table(
    "bench_dataset",
    bench_meta,
    Column("version", Integer, nullable=False),
    Column("seed", Integer, nullable=False),
    Column("built_at", String(40), nullable=False),
    Column("generate_seconds", Float, nullable=False),
    Column("insert_seconds", Float, nullable=False),
    Column("counts", JSON, nullable=False),
)


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


# --- Names as they are in Jēkabpils, Ludza (Latgale: many Russian names) and Rokiškis ---

LV_GIRLS = _words(
    "Anna Sofija Alise Marta Emīlija Elizabete Paula Estere Amēlija Katrīna Evelīna Viktorija"
    " Laura Līga Ieva Elīza Madara Kristiāna Agate Keita Adele Rēzija Loreta Megija Sanija"
    " Una Marija Lāsma Dārta Beāte Zane Kate Luīze Žanete Ērika Annija Gabriela"
)
LV_BOYS = _words(
    "Jānis Roberts Markuss Gustavs Emīls Daniels Kārlis Artūrs Mārtiņš Ralfs Rūdolfs Dāvis"
    " Tomass Aleksandrs Olivers Edvards Ēriks Kristaps Niks Renārs Oskars Miķelis Ričards"
    " Raivis Matīss Krišjānis Bruno Valters Ansis Reinis Toms Jēkabs Ādams Klāvs"
)
RU_GIRLS = _words("Anastasija Darja Jeļizaveta Aleksandra Polina Ksenija Valērija Sofja Alīna")
RU_BOYS = _words("Ņikita Maksims Artjoms Daņila Jegors Kirils Ivans Vladislavs Deniss Iļja")
# (masculine, feminine) surname forms, most common first.
LV_SURNAMES = (
    ("Bērziņš", "Bērziņa"),
    ("Kalniņš", "Kalniņa"),
    ("Ozoliņš", "Ozoliņa"),
    ("Jansons", "Jansone"),
    ("Ozols", "Ozola"),
    ("Liepiņš", "Liepiņa"),
    ("Krūmiņš", "Krūmiņa"),
    ("Balodis", "Balode"),
    ("Eglītis", "Eglīte"),
    ("Zariņš", "Zariņa"),
    ("Pētersons", "Pētersone"),
    ("Vītols", "Vītola"),
    ("Kļaviņš", "Kļaviņa"),
    ("Kārkliņš", "Kārkliņa"),
    ("Vanags", "Vanaga"),
    ("Zeltiņš", "Zeltiņa"),
    ("Lapiņš", "Lapiņa"),
    ("Siliņš", "Siliņa"),
    ("Ķēniņš", "Ķēniņa"),
    ("Dārziņš", "Dārziņa"),
    ("Cīrulis", "Cīrule"),
    ("Čaks", "Čaka"),
    ("Šmits", "Šmite"),
    ("Žagars", "Žagare"),
    ("Putniņš", "Putniņa"),
    ("Grīnbergs", "Grīnberga"),
    ("Kalējs", "Kalēja"),
    ("Āboliņš", "Āboliņa"),
    ("Rozītis", "Rozīte"),
    ("Ločmelis", "Ločmele"),
    ("Bērzkalns", "Bērzkalne"),
    ("Kalnačs", "Kalnača"),
)
RU_SURNAMES = (
    ("Ivanovs", "Ivanova"),
    ("Petrovs", "Petrova"),
    ("Kuzņecovs", "Kuzņecova"),
    ("Žuravļovs", "Žuravļova"),
    ("Volkovs", "Volkova"),
    ("Smirnovs", "Smirnova"),
    ("Vasiļjevs", "Vasiļjeva"),
    ("Zujevs", "Zujeva"),
    ("Orlovs", "Orlova"),
)
LT_GIRLS = _words("Emilija Gabija Austėja Amelija Lėja Kamilė Sofija Urtė Liepa Ugnė Ieva Gustė")
LT_BOYS = _words("Lukas Matas Jokūbas Nojus Dominykas Kajus Benediktas Jonas Augustas Motiejus")
LT_SURNAMES = (
    ("Kazlauskas", "Kazlauskaitė"),
    ("Jankauskas", "Jankauskaitė"),
    ("Petrauskas", "Petrauskaitė"),
    ("Stankevičius", "Stankevičiūtė"),
    ("Vasiliauskas", "Vasiliauskaitė"),
    ("Žukauskas", "Žukauskaitė"),
    ("Butkus", "Butkutė"),
    ("Paulauskas", "Paulauskaitė"),
    ("Urbonas", "Urbonaitė"),
    ("Kavaliauskas", "Kavaliauskaitė"),
    ("Balčiūnas", "Balčiūnaitė"),
    ("Navickas", "Navickaitė"),
    ("Žemaitis", "Žemaitytė"),
)

# id, name, country, library, share of the children
SITES = (
    (1, "Jēkabpils", "LV", "Jēkabpils Galvenā bibliotēka", 0.45),
    (2, "Ludza", "LV", "Ludzas novada bibliotēka", 0.30),
    (3, "Rokiškis", "LT", "Rokiškio rajono savivaldybės J. Keliuočio viešoji biblioteka", 0.25),
)
STAFF = (  # id, username, display name, role, site
    (1, "koordinatore", "Inese Koordinatore", Role.ADMIN, 1),
    (2, "ilze.k", "Ilze Kalniņa", Role.LIBRARIAN, 1),
    (3, "dace.o", "Dace Ozola", Role.LIBRARIAN, 1),
    (4, "guna.b", "Guna Bērziņa", Role.LIBRARIAN, 1),
    (5, "olga.z", "Olga Žuravļova", Role.LIBRARIAN, 2),
    (6, "aija.l", "Aija Liepiņa", Role.LIBRARIAN, 2),
    (7, "rasa.k", "Rasa Kazlauskienė", Role.LIBRARIAN, 3),
    (8, "asta.p", "Asta Petrauskienė", Role.LIBRARIAN, 3),
)
# tag, name, category, site, parent tag: 40 pieces, as bought by the project and partners.
ITEMS = (
    *[(f"LAP-0{n}", f"Klēpjdators Lenovo #{n}", ItemCategory.LAPTOP, 1, None) for n in (1, 2, 3)],
    ("TAB-01", "Interaktīvais galds", ItemCategory.INTERACTIVE_TABLE, 1, None),
    ("CAM-01", "Fotokamera Canon", ItemCategory.CAMERA, 1, None),
    ("TV-01", "3D televizors", ItemCategory.TV, 1, None),
    ("CAM-04", "Videokamera Sony", ItemCategory.CAMERA, 1, None),
    ("XBOX-01", "Xbox One komplekts", ItemCategory.CONSOLE, 1, None),
    *[
        (f"CTRL-0{n}", f"Xbox pults #{n}", ItemCategory.CONTROLLER, 1, "XBOX-01")
        for n in range(1, 5)
    ],
    *[(f"GAME-0{n}", f"Xbox spēle #{n}", ItemCategory.GAME, 1, "XBOX-01") for n in range(1, 6)],
    *[(f"GAME-{n}", f"Xbox spēle #{n}", ItemCategory.GAME, 1, "XBOX-01") for n in (11, 12)],
    *[(f"LAP-0{n}", f"Klēpjdators HP #{n}", ItemCategory.LAPTOP, 2, None) for n in (4, 5)],
    ("CAM-02", "Fotokamera Nikon", ItemCategory.CAMERA, 2, None),
    ("TV-02", "Televizors", ItemCategory.TV, 2, None),
    ("XBOX-02", "Xbox komplekts", ItemCategory.CONSOLE, 2, None),
    *[(f"CTRL-0{n}", f"Xbox pults #{n}", ItemCategory.CONTROLLER, 2, "XBOX-02") for n in (5, 6, 7)],
    *[(f"GAME-0{n}", f"Xbox spēle #{n}", ItemCategory.GAME, 2, "XBOX-02") for n in (6, 7, 8)],
    *[(f"LAP-0{n}", f"Nešiojamas kompiuteris #{n}", ItemCategory.LAPTOP, 3, None) for n in (6, 7)],
    ("CAM-03", "Fotoaparatas", ItemCategory.CAMERA, 3, None),
    ("TAB-02", "Interaktyvus stalas", ItemCategory.INTERACTIVE_TABLE, 3, None),
    ("TV-03", "Televizorius", ItemCategory.TV, 3, None),
    ("XBOX-03", "Xbox rinkinys", ItemCategory.CONSOLE, 3, None),
    *[
        (f"CTRL-{n:02}", f"Xbox pultelis #{n}", ItemCategory.CONTROLLER, 3, "XBOX-03")
        for n in (8, 9)
    ],
    *[(f"GAME-{n:02}", f"Xbox žaidimas #{n}", ItemCategory.GAME, 3, "XBOX-03") for n in (9, 10)],
)
OPEN_THEMES = (
    "Iespējas dzīvojot laukos",
    "Piedzīvojumu pasaule",
    "Jūties droši uz ceļa!",
    "Mani supervaroņi",
    "Komiksu darbnīca",
    "Foto orientēšanās",
    "Galda spēļu vakars",
    "Īsfilmu pēcpusdiena",
    "Robotika iesācējiem",
    "Grāmatu detektīvi",
)
# The app's tables in an order their foreign keys accept.
MODELS: tuple[type[Base], ...] = (
    Site,
    Project,
    Staff,
    Participant,
    Consent,
    Program,
    Session,
    Enrollment,
    Attendance,
    Item,
    Loan,
    AuditEvent,
)
RETURN_NOTES = ("Stick drifts", "Ekrānā skramba", "Trūkst lādētāja", "Netīrs", "Vāciņš pazudis")


@dataclass
class _Child:
    id: int
    site_id: int
    joined: date
    left: date
    adult: bool
    target_group: bool
    name: str


@dataclass
class _Session:
    row: dict[str, Any]
    kind: ProgramKind
    start: datetime  # instants, UTC
    end: datetime
    attendees: list[int] = field(default_factory=list)


def _weighted(rnd: random.Random, options: Sequence[Any]) -> Any:
    """Earlier options are commoner, as surnames are (Bērziņš ≈ 10 %, the last ≈ 1.5 %)."""
    weights = [1 / (rank + 1) ** 0.5 for rank in range(len(options))]
    return rnd.choices(options, weights)[0]


class _Generator:
    """Builds every row of the dataset as plain dicts, keyed by model, ids assigned here."""

    def __init__(self, now: datetime, seed: int = SEED) -> None:
        self.rnd = random.Random(seed)
        self.now = now
        self.today = local(now).date()
        self.first_day = self.today - timedelta(days=round(YEARS * 365.25))
        self.rows: dict[type[Base], list[dict[str, Any]]] = {model: [] for model in MODELS}
        self.children: list[_Child] = []
        self.sessions: list[_Session] = []
        self.audit: list[dict[str, Any]] = []

    # --- who and what ---

    def places_and_people(self) -> None:
        for site_id, name, country, library, _share in SITES:
            self.rows[Site].append(
                {"id": site_id, "name": name, "country": country, "library_name": library}
            )
        self.rows[Project].append(
            {
                "id": 1,
                "name": "OPEN UP",
                "number": "LLI-263",
                "title": "Interaktīvās izglītības telpa – efektīvs nelabvēlīgu ģimeņu bērnu"
                " sociālās integrācijas veids",
                "programme": "Interreg V-A Latvija–Lietuva 2014–2020",
                "funding_statement": "Eiropas Reģionālās attīstības fonds",
                "starts_on": self.first_day,
                "ends_on": None,
            }
        )
        for staff_id, username, display, role, site_id in STAFF:
            self.rows[Staff].append(
                {
                    "id": staff_id,
                    "username": username,
                    "display_name": display,
                    "role": role,
                    "active": True,
                    "site_id": site_id,
                    "password_hash": None,
                }
            )

    def _name(self, site_id: int, gender: Gender) -> tuple[str, str]:
        rnd = self.rnd
        girl = gender is Gender.GIRL
        if site_id == 3:
            first, surnames = (LT_GIRLS if girl else LT_BOYS), LT_SURNAMES
        elif rnd.random() < (0.45 if site_id == 2 else 0.12):
            first = RU_GIRLS if girl else RU_BOYS
            surnames = RU_SURNAMES if rnd.random() < 0.8 else LV_SURNAMES
        else:
            first, surnames = (LV_GIRLS if girl else LV_BOYS), LV_SURNAMES
        forms = _weighted(rnd, surnames)
        return rnd.choice(first), forms[1] if girl else forms[0]

    def participants(self) -> None:
        rnd = self.rnd
        span = (self.today - self.first_day).days
        codes: set[str] = set()
        shares = [share for *_, share in SITES]
        for pid in range(1, CHILDREN + ADULTS + 1):
            adult = pid > CHILDREN
            site_id = rnd.choices((1, 2, 3), shares)[0]
            gender = Gender.GIRL if rnd.random() < (0.85 if adult else 0.52) else Gender.BOY
            first, last = self._name(site_id, gender)
            # Some children were already coming when the records begin.
            joined = self.first_day + timedelta(days=max(0, rnd.randint(-span // 7, span - 20)))
            stays = timedelta(days=14 + int(rnd.expovariate(1 / 650)))
            left = min(joined + stays, self.today + timedelta(days=365))
            archived = left < self.today - timedelta(days=365) and rnd.random() < 0.45
            code = new_card_code()
            while code in codes:
                code = new_card_code()
            codes.add(code)
            guardian_first, guardian_last = self._name(site_id, Gender.GIRL)
            created = at_local(joined, time(rnd.randint(9, 17), rnd.randint(0, 59)))
            target = not adult and rnd.random() < 0.3
            self.rows[Participant].append(
                {
                    "id": pid,
                    "first_name": first,
                    "last_name": last,
                    "search_name": fold(f"{first} {last}"),
                    "birth_year": rnd.randint(1960, 1998)
                    if adult
                    else joined.year - rnd.randint(7, 14),
                    "gender": gender,
                    "site_id": site_id,
                    "card_code": code,
                    "target_group": target,
                    "notes": "",
                    "guardian_name": "" if adult else f"{guardian_first} {guardian_last}",
                    "guardian_phone": ""
                    if adult
                    else ("+370 6" if site_id == 3 else "+371 2") + f"{rnd.randint(0, 9999999):07}",
                    "archived": archived,
                    "created_at": created,
                    "updated_at": created,
                }
            )
            self.children.append(
                _Child(pid, site_id, joined, left, adult, target, f"{first} {last}")
            )
            self._audit(
                created,
                None,
                "participant.registered",
                "participant",
                pid,
                f"Registered {first} {last}",
            )
            if not adult:
                self._consents(pid, joined, f"{guardian_first} {guardian_last}", first, last)

    def _consents(self, pid: int, given_on: date, given_by: str, first: str, last: str) -> None:
        chance = {
            ConsentPurpose.DATA_PROCESSING: 0.95,
            ConsentPurpose.PHOTO: 0.7,
            ConsentPurpose.VIDEO: 0.55,
            ConsentPurpose.PUBLICATION: 0.45,
        }
        for purpose, p in chance.items():
            if self.rnd.random() >= p:
                continue
            withdrawn = None
            if self.rnd.random() < 0.04:
                withdrawn = given_on + timedelta(days=self.rnd.randint(30, 900))
                withdrawn = withdrawn if withdrawn < self.today else None
            consent_id = len(self.rows[Consent]) + 1
            self.rows[Consent].append(
                {
                    "id": consent_id,
                    "participant_id": pid,
                    "purpose": purpose,
                    "given_by": given_by,
                    "given_on": given_on,
                    "withdrawn_on": withdrawn,
                }
            )
            self._audit(
                at_local(given_on, time(12)),
                None,
                "consent.given",
                "consent",
                consent_id,
                f"{purpose.value} consent for {first} {last} given by {given_by}",
            )

    # --- programs and sessions ---

    def _program(self, site_id: int, name: str, kind: ProgramKind, planned: int | None) -> int:
        program_id = len(self.rows[Program]) + 1
        self.rows[Program].append(
            {
                "id": program_id,
                "name": name,
                "kind": kind,
                "project_id": 1,
                "site_id": site_id,
                "planned_sessions": planned,
            }
        )
        return program_id

    def _session(
        self, program_id: int, kind: ProgramKind, site_id: int, day: date, hours: tuple[str, str]
    ) -> None:
        if not self.first_day <= day <= self.today + timedelta(days=14):
            return
        starts, ends = (time.fromisoformat(h) for h in hours)
        if day >= self.today:
            status = SessionStatus.PLANNED
        else:
            status = SessionStatus.CANCELLED if self.rnd.random() < 0.03 else SessionStatus.HELD
        leaders = [s[0] for s in STAFF if s[4] == site_id]
        row = {
            "id": 0,  # numbered once all are known, in date order
            "program_id": program_id,
            "site_id": site_id,
            "day": day,
            "starts_at": starts,
            "ends_at": ends,
            "theme": self.rnd.choice(OPEN_THEMES) if kind is ProgramKind.OPEN else "",
            "place": "Bērnu literatūras nodaļa" if site_id == 1 else "",
            "leader_id": self.rnd.choice(leaders),
            "status": status,
            "anonymous_headcount": self.rnd.randint(0, 8) if kind is ProgramKind.OPEN else 0,
        }
        self.sessions.append(_Session(row, kind, at_local(day, starts), at_local(day, ends)))

    def programs_and_sessions(self) -> None:
        """≈3,000 sessions: weekly open ones, yearly 20-session cycles, camps, seminars."""
        years = range(self.first_day.year - 1, self.today.year + 1)
        weekly = {  # site: (name, weekdays, hours)
            1: ("Nāc, pievienojies!", (2, 4), ("16:00", "17:00")),
            2: ("Nāc, pievienojies!", (4,), ("15:00", "16:00")),
            3: ("Ateik, prisijunk!", (3,), ("16:00", "17:00")),
        }
        for site_id, (name, weekdays, hours) in weekly.items():
            program_id = self._program(site_id, name, ProgramKind.OPEN, None)
            day = self.first_day
            while day <= self.today + timedelta(days=14):
                if day.weekday() in weekdays:
                    self._session(program_id, ProgramKind.OPEN, site_id, day, hours)
                day += timedelta(days=1)
        for site_id in (1, 2, 3):
            camp = self._program(site_id, "Be active! Be positive!", ProgramKind.CAMP, None)
            for year in years:
                monday = date(year, 8, 1) + timedelta(days=(7 - date(year, 8, 1).weekday()) % 7)
                for n in range(5):
                    day = monday + timedelta(days=n)
                    self._session(camp, ProgramKind.CAMP, site_id, day, ("10:00", "15:00"))
                cycle_name = "Mokymų ciklas" if site_id == 3 else "Apmācību cikls"
                cycle = self._program(
                    site_id, f"{cycle_name} {year}/{year + 1}", ProgramKind.CLOSED, 20
                )
                tuesday = date(year, 9, 15) + timedelta(days=(1 - date(year, 9, 15).weekday()) % 7)
                for n in range(20):
                    day = tuesday + timedelta(weeks=2 * n if n < 7 else 2 * n + 2)  # winter break
                    self._session(cycle, ProgramKind.CLOSED, site_id, day, ("14:00", "15:30"))
        seminars = self._program(1, "Semināri bibliotekāriem", ProgramKind.SEMINAR, None)
        for year in years:
            for month in (2, 4, 6, 9, 10, 11):
                day = date(year, month, 10) + timedelta(
                    days=(3 - date(year, month, 10).weekday()) % 7
                )
                self._session(seminars, ProgramKind.SEMINAR, 1, day, ("11:00", "14:00"))
        self.sessions.sort(key=lambda s: (s.start, s.row["program_id"]))
        for number, s in enumerate(self.sessions, start=1):
            s.row["id"] = number
            self.rows[Session].append(s.row)

    # --- attendance ---

    def attendance(self) -> None:
        """Closed cycles take their enrolled cohort; open sessions a share of the active kids."""
        rnd = self.rnd
        by_site: dict[int, list[_Child]] = defaultdict(list)
        for child in self.children:
            if not child.adult:
                by_site[child.site_id].append(child)
        adults = [c for c in self.children if c.adult]
        cohorts: dict[int, list[int]] = {}
        held = [s for s in self.sessions if s.row["status"] is SessionStatus.HELD]
        open_pools: list[tuple[_Session, list[_Child]]] = []
        for s in held:
            day, site_id = s.row["day"], s.row["site_id"]
            if s.kind is ProgramKind.SEMINAR:
                pool = [c for c in adults if c.joined <= day]
                s.attendees = [c.id for c in rnd.sample(pool, min(len(pool), rnd.randint(12, 28)))]
            elif s.kind is ProgramKind.CLOSED:
                program_id = s.row["program_id"]
                if program_id not in cohorts:
                    cohorts[program_id] = self._enrol(program_id, by_site[site_id], day)
                s.attendees = cohorts[program_id]
            else:
                pool = [c for c in by_site[site_id] if c.joined <= day <= c.left]
                if s.kind is ProgramKind.CAMP:
                    s.attendees = [
                        c.id for c in rnd.sample(pool, min(len(pool), rnd.randint(25, 45)))
                    ]
                else:
                    open_pools.append((s, pool))
        others = sum(len(s.attendees) for s in held)
        share = (ATTENDANCE_TARGET - others) / max(1, sum(len(pool) for _, pool in open_pools))
        for s, pool in open_pools:
            k = min(len(pool), round(len(pool) * share * rnd.uniform(0.7, 1.3)))
            s.attendees = [c.id for c in rnd.sample(pool, k)]
        names = {c.id: c.name for c in self.children}
        for s in held:
            for pid in s.attendees:
                self._attend(s, pid, names[pid])

    def _enrol(self, program_id: int, children: list[_Child], day: date) -> list[int]:
        candidates = [c for c in children if c.joined <= day <= c.left and c.target_group]
        cohort = self.rnd.sample(candidates, min(len(candidates), self.rnd.randint(14, 20)))
        for child in cohort:
            self.rows[Enrollment].append(
                {
                    "id": len(self.rows[Enrollment]) + 1,
                    "program_id": program_id,
                    "participant_id": child.id,
                    "joined_on": day,
                    "left_on": None,
                }
            )
        return [c.id for c in cohort]

    def _attend(self, s: _Session, pid: int, name: str) -> None:
        rnd = self.rnd
        status, roll = AttendanceStatus.PRESENT, rnd.random()
        if s.kind is ProgramKind.CLOSED and roll < 0.12:
            status = AttendanceStatus.ABSENT if roll < 0.06 else AttendanceStatus.EXCUSED
        elif roll > 0.93:
            status = AttendanceStatus.LATE
        if status in (AttendanceStatus.ABSENT, AttendanceStatus.EXCUSED):
            method = CheckInMethod.AFTER_THE_FACT
            at = min(s.end + timedelta(minutes=rnd.randint(30, 3 * 24 * 60)), self.now)
        else:
            method = rnd.choices(
                (CheckInMethod.SCAN, CheckInMethod.NAME_SEARCH, CheckInMethod.KIOSK), (55, 35, 10)
            )[0]
            late = rnd.randint(10, 40) if status is AttendanceStatus.LATE else rnd.randint(-15, 8)
            at = s.start + timedelta(minutes=late, seconds=rnd.randint(0, 59))
        by = s.row["leader_id"] if method is not CheckInMethod.KIOSK else None
        attendance_id = len(self.rows[Attendance]) + 1
        self.rows[Attendance].append(
            {
                "id": attendance_id,
                "session_id": s.row["id"],
                "participant_id": pid,
                "status": status,
                "recorded_at": at,
                "recorded_by_id": by,
                "method": method,
            }
        )
        if method is CheckInMethod.AFTER_THE_FACT:
            self._audit(
                at,
                by,
                "attendance.marked",
                "attendance",
                attendance_id,
                f"{name} in session {s.row['id']}: — → {status.value}",
                {"status": [None, status.value]},
            )
        else:
            self._audit(
                at,
                by,
                "attendance.checked_in",
                "attendance",
                attendance_id,
                f"Checked in {name} to session {s.row['id']} by {method.value}",
            )

    # --- equipment ---

    def items_and_loans(self) -> None:
        """≈30,000 loans, all during sessions and all returned, but for a few still out."""
        rnd = self.rnd
        ids = {tag: n for n, (tag, *_rest) in enumerate(ITEMS, start=1)}
        unusable_from: dict[int, date] = {
            ids["CTRL-03"]: self.today - timedelta(days=20),  # in repair: stick drifts
            ids["LAP-02"]: self.today - timedelta(days=730),  # retired
        }
        statuses = {ids["CTRL-03"]: ItemStatus.IN_REPAIR, ids["LAP-02"]: ItemStatus.RETIRED}
        for item_id, (tag, name, category, site_id, parent) in enumerate(ITEMS, start=1):
            self.rows[Item].append(
                {
                    "id": item_id,
                    "tag": tag,
                    "name": name,
                    "category": category,
                    "serial_number": f"SN{rnd.randint(10**7, 10**8 - 1)}",
                    "site_id": site_id,
                    "status": statuses.get(item_id, ItemStatus.AVAILABLE),
                    "project_id": 1,
                    "parent_id": ids[parent] if parent else None,
                    "notes": "",
                }
            )
        # Still out at the end: lent on these days and never returned.
        still_out = {
            ids["CAM-01"]: (self.today - timedelta(days=33), "child"),
            ids["GAME-04"]: (self.today - timedelta(days=9), "child"),
            ids["LAP-04"]: (self.today - timedelta(days=3), "staff"),
            ids["CTRL-08"]: (self.today - timedelta(days=6), "staff"),
            ids["LAP-03"]: (self.today - timedelta(days=1), "staff_week"),
        }
        for item_id, (day, _) in still_out.items():
            unusable_from[item_id] = day
        site_items: dict[int, list[int]] = defaultdict(list)
        for item_id, (_tag, _name, _cat, site_id, _parent) in enumerate(ITEMS, start=1):
            site_items[site_id].append(item_id)
        free_at: dict[int, datetime] = {}
        loans: list[dict[str, Any]] = []
        sizes = {
            ProgramKind.OPEN: (10, 17),
            ProgramKind.CAMP: (8, 14),
            ProgramKind.CLOSED: (4, 10),
            ProgramKind.SEMINAR: (1, 3),
        }
        for s in self.sessions:
            if s.row["status"] is not SessionStatus.HELD or not s.attendees:
                continue
            day = s.row["day"]
            lent_at = s.start + timedelta(minutes=rnd.randint(0, 35))
            usable = [
                i
                for i in site_items[s.row["site_id"]]
                if day < unusable_from.get(i, date.max)
                and free_at.get(i, datetime.min.replace(tzinfo=UTC)) <= lent_at
            ]
            for item_id in rnd.sample(usable, min(len(usable), rnd.randint(*sizes[s.kind]))):
                returned_at = s.end + timedelta(minutes=rnd.randint(-20, 12))
                if rnd.random() < 0.015:  # brought back days late
                    late = timedelta(days=rnd.randint(1, 6), hours=rnd.randint(0, 5))
                    returned_at = max(lent_at, min(s.end + late, self.now))
                free_at[item_id] = returned_at
                borrower = self._borrower(s)
                loans.append(
                    {
                        "item_id": item_id,
                        **borrower,
                        "lent_at": lent_at,
                        "due_at": s.end,
                        "returned_at": returned_at,
                        "lent_by_id": s.row["leader_id"],
                        "received_by_id": s.row["leader_id"],
                        "return_note": rnd.choice(RETURN_NOTES) if rnd.random() < 0.01 else "",
                    }
                )
        site_children = defaultdict(list)
        for c in self.children:
            if not c.adult and c.joined <= self.today <= c.left:
                site_children[c.site_id].append(c.id)
        for item_id, (day, who) in still_out.items():
            site_id = ITEMS[item_id - 1][3]
            lent_at = at_local(day, time(16, 40))
            if item_id in free_at:  # not before it came back from its last session
                lent_at = max(lent_at, free_at[item_id] + timedelta(hours=1))
            staff = next(s[0] for s in STAFF if s[4] == site_id and s[3] is Role.LIBRARIAN)
            due = end_of_local_day(lent_at) + (
                timedelta(days=7) if who == "staff_week" else timedelta()
            )
            loans.append(
                {
                    "item_id": item_id,
                    "participant_id": rnd.choice(site_children[site_id])
                    if who == "child"
                    else None,
                    "staff_id": staff if who != "child" else None,
                    "session_id": None,
                    "lent_at": lent_at,
                    "due_at": due,
                    "returned_at": None,
                    "lent_by_id": staff,
                    "received_by_id": None,
                    "return_note": "",
                }
            )
        loans.sort(key=lambda loan: loan["lent_at"])
        tags = [tag for tag, *_ in ITEMS]
        for loan_id, loan in enumerate(loans, start=1):
            loan["id"] = loan_id
            tag = tags[loan["item_id"] - 1]
            self._audit(
                loan["lent_at"], loan["lent_by_id"], "loan.lent", "loan", loan_id, f"Lent {tag}"
            )
            if loan["returned_at"] is not None:
                self._audit(
                    loan["returned_at"],
                    loan["received_by_id"],
                    "loan.returned",
                    "loan",
                    loan_id,
                    f"Returned {tag}",
                )
        self.rows[Loan] = loans

    def _borrower(self, s: _Session) -> dict[str, int | None]:
        roll = self.rnd.random()
        if roll < 0.22:
            return {
                "participant_id": self.rnd.choice(s.attendees),
                "staff_id": None,
                "session_id": None,
            }
        if roll < 0.25:
            return {"participant_id": None, "staff_id": s.row["leader_id"], "session_id": None}
        return {"participant_id": None, "staff_id": None, "session_id": s.row["id"]}

    # --- the audit log ---

    def _audit(
        self,
        at: datetime,
        by: int | None,
        action: str,
        entity: str,
        entity_id: int,
        description: str,
        changes: dict[str, Any] | None = None,
    ) -> None:
        self.audit.append(
            {
                "at": at,
                "staff_id": by,
                "action": action,
                "entity": entity,
                "entity_id": entity_id,
                "description": description,
                "changes": changes,
            }
        )

    def audit_log(self) -> None:
        """Events numbered in time order, as the desk would have written them."""
        self.audit.sort(key=lambda event: event["at"])
        for event_id, event in enumerate(self.audit, start=1):
            event["id"] = event_id
        self.rows[AuditEvent] = self.audit

    def run(self) -> dict[type[Base], list[dict[str, Any]]]:
        self.places_and_people()
        self.participants()
        self.programs_and_sessions()
        self.attendance()
        self.items_and_loans()
        self.audit_log()
        return self.rows


def generate(now: datetime, seed: int = SEED) -> dict[type[Base], list[dict[str, Any]]]:
    """Every row of the ten years up to `now`, by model, in an order foreign keys accept."""
    return _Generator(now, seed).run()


# --- writing and reading ---


def load(database: Database, rows: Mapping[type[Base], Sequence[dict[str, Any]]]) -> None:
    """Bulk insert the rows into a migrated, empty database, in one transaction.

    Core inserts on the unit of work's connection: an executemany per chunk, about twice
    as fast as the ORM's bulk path (`session.execute(insert(Model), rows)`) with the same
    column types (UTC instants, enums) applied.
    """
    with database.unit_of_work() as uow:
        connection = uow.tx.connection()
        for model, model_rows in rows.items():
            for start in range(0, len(model_rows), CHUNK):
                connection.execute(insert(model.__table__), list(model_rows[start : start + CHUNK]))
        uow.commit()
    if not database.is_sqlite:
        # Ids were given, so the SERIAL sequences still stand at 1.
        with database.engine.begin() as connection:
            for model in rows:
                table = model.__tablename__
                connection.execute(
                    text(
                        f"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'id'),"
                        f' (SELECT coalesce(max(id), 0) + 1 FROM "{table}"), false)'
                    )
                )
        # As autovacuum would within a minute of such a load; SQLite is left as the app leaves it.
        with database.engine.connect().execution_options(
            isolation_level="AUTOCOMMIT"
        ) as connection:
            connection.execute(text("ANALYZE"))


def read(database: Database) -> dict[type[Base], list[dict[str, Any]]]:
    """All the dataset's rows back from a database (the cache), by model, in id order."""
    rows: dict[type[Base], list[dict[str, Any]]] = {}
    with database.reading() as tx:
        for model in MODELS:
            table = model.__table__
            result = tx.execute(select(table).order_by(table.c.id))
            rows[model] = [dict(row._mapping) for row in result]
    return rows


def counts(database: Database) -> dict[str, int]:
    """Rows per table, for the report."""
    with database.reading() as tx:
        return {
            model.__tablename__: tx.execute(
                select(func.count()).select_from(model.__table__)
            ).scalar_one()
            for model in MODELS
        }


@dataclass(frozen=True)
class BuildInfo:
    """How the dataset in a database came to be."""

    version: int
    built_at: str
    generate_seconds: float
    insert_seconds: float
    counts: dict[str, int]

    def as_json(self) -> dict[str, Any]:
        return {
            "version": self.version,
            "built_at": self.built_at,
            "generate_seconds": round(self.generate_seconds, 2),
            "insert_seconds": round(self.insert_seconds, 2),
            "counts": self.counts,
        }


def build_info(database: Database) -> BuildInfo | None:
    """The benchmark's mark in a database; None in a database it did not build."""
    if not inspect(database.engine).has_table(bench_dataset.name):
        return None
    with database.engine.connect() as connection:
        row = connection.execute(select(bench_dataset)).first()
    if row is None:
        return None
    return BuildInfo(
        row.version, row.built_at, row.generate_seconds, row.insert_seconds, dict(row.counts)
    )


def _mark(database: Database, info: BuildInfo) -> None:
    bench_meta.create_all(database.engine)
    with database.engine.begin() as connection:
        connection.execute(bench_dataset.delete())
        connection.execute(
            bench_dataset.insert(),
            {
                "version": info.version,
                "seed": SEED,
                "built_at": info.built_at,
                "generate_seconds": info.generate_seconds,
                "insert_seconds": info.insert_seconds,
                "counts": info.counts,
            },
        )


def fill(
    database: Database, rows: Mapping[type[Base], Sequence[dict[str, Any]]], generate_s: float
) -> BuildInfo:
    """Migrate an empty database, bulk insert the rows and mark it as the benchmark's."""
    migrate(database)
    started = clock.perf_counter()
    load(database, rows)
    info = BuildInfo(
        DATASET_VERSION,
        datetime.now(UTC).isoformat(timespec="seconds"),
        generate_s,
        clock.perf_counter() - started,
        counts(database),
    )
    _mark(database, info)
    return info


def build_sqlite_cache(path: Path) -> BuildInfo:
    """Generate the ten years and write them to a SQLite file (built aside, then renamed)."""
    building = path.with_name(path.stem + ".building" + path.suffix)
    remove_sqlite_file(building)
    started = clock.perf_counter()
    rows = generate(datetime.now(UTC))
    generate_s = clock.perf_counter() - started
    database = Database(URL.create("sqlite", database=str(building)))
    try:
        info = fill(database, rows, generate_s)
    finally:
        database.dispose()
    with closing(sqlite3.connect(building)) as connection:  # fold the WAL into the file
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    remove_sqlite_file(path)
    building.replace(path)
    remove_sqlite_file(building)
    return info


def remove_sqlite_file(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


# --- getting a database ready for a run ---


def cached(cache: Path, rebuild: bool) -> tuple[BuildInfo, bool]:
    """The cached SQLite dataset, built first if missing, stale or `rebuild`: (info, built now)."""
    if not rebuild and cache.exists():
        database = Database(URL.create("sqlite", database=str(cache)))
        try:
            info = build_info(database)
            if (
                info is not None
                and info.version == DATASET_VERSION
                and current_revision(database) == head_revision()
            ):
                return info, False
        finally:
            database.dispose()
    cache.parent.mkdir(parents=True, exist_ok=True)
    return build_sqlite_cache(cache), True


def fresh_copy(cache: Path, target: Path) -> None:
    """A working copy of the cache, so every run starts from the same ten years."""
    remove_sqlite_file(target)
    backup_sqlite_file(cache, target)


def fill_from_cache(database: Database, cache: Path) -> BuildInfo:
    """Copy the cached rows into another (empty) database: the same data on every backend."""
    source = Database(URL.create("sqlite", database=str(cache)))
    try:
        started = clock.perf_counter()
        rows = read(source)
        read_s = clock.perf_counter() - started
    finally:
        source.dispose()
    return fill(database, rows, read_s)


def _empty(database: Database) -> bool:
    names = set(inspect(database.engine).get_table_names())
    if not names - {"alembic_version"}:
        return True
    if not {model.__tablename__ for model in MODELS} <= names:
        return False
    return all(count == 0 for count in counts(database).values())


def _drop_everything(database: Database) -> None:
    Base.metadata.drop_all(database.engine)
    bench_meta.drop_all(database.engine)
    with database.engine.begin() as connection:
        connection.exec_driver_sql("DROP TABLE IF EXISTS alembic_version")


def prepare_given(database: Database, cache: Path, rebuild: bool) -> tuple[BuildInfo, str]:
    """A database named with --db: filled when empty, reused when it is the benchmark's.

    One holding anything else is refused: the run writes check-ins and loans into it.
    """
    info = build_info(database)
    if info is not None and info.version == DATASET_VERSION and not rebuild:
        return info, "reused (built earlier in this database)"
    if info is not None:
        _drop_everything(database)
    elif not _empty(database):
        raise SystemExit(
            f"{describe(database.url)} holds data that is not the benchmark's; "
            "give --db an empty database (the run writes check-ins and loans into it)."
        )
    _, built = cached(cache, rebuild)
    return fill_from_cache(database, cache), "copied from the cache" + (
        " (cache built now)" if built else ""
    )
