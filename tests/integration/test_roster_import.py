"""Import of a roster: encodings, separators, XLSX, per-row problems, all rows or none."""

from __future__ import annotations

import codecs
import csv
import io
from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from db import roster, roster_rows
from db.accounts import AdminOnly, add_staff
from db.database import Database
from db.errors import InvalidInput
from db.models import AuditEvent, Consent, ConsentPurpose, Gender, Participant, Role
from db.people import ParticipantDetails, register_participant
from db.roster import RosterRowRefused, import_roster, preview_roster
from db.roster_file import RosterUnreadable, decode, sniff_separator
from db.roster_rows import RosterRow
from tests.conftest import Desk, make_desk
from tests.integration.test_backups import main_py

THIS_YEAR = date.today().year

LATVIAN = (
    "Vārds;Uzvārds;Dzimšanas gads;Dzimums;Aizbildnis;Tālrunis;Mērķa grupa;Piezīmes;"
    "Foto piekrišana\n"
    "Žanis;Ūdris;2010;zēns;Ģirts Ūdris;+371 29111111;jā;alerģija pret riekstiem;jā\n"
    "Līga;Čakste;2011;meitene;Ņina Čakste;;nē;;nē\n"
)


def children(db: Database) -> list[tuple[str, str, int | None]]:
    with db.reading() as s:
        rows = s.execute(
            select(Participant.first_name, Participant.last_name, Participant.birth_year).order_by(
                Participant.id
            )
        ).all()
    return [tuple(row) for row in rows]  # type: ignore[misc]


def count(db: Database, model: type) -> int:
    with db.reading() as s:
        return s.scalar(select(func.count()).select_from(model)) or 0


def problems(preview: roster.RosterPreview) -> dict[int, list[str]]:
    return {row.row: [p.message for p in row.problems] for row in preview.problem_rows}


def write(path: Path, text: str, encoding: str) -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def test_utf8_with_bom_and_semicolons(desk: Desk, tmp_path: Path) -> None:
    path = write(tmp_path / "saraksts.csv", LATVIAN, "utf-8-sig")
    preview = preview_roster(desk.db, path)
    assert (preview.encoding, preview.separator) == ("utf-8-sig", ";")
    assert preview.ignored_columns == ()
    assert problems(preview) == {}
    zanis, liga = preview.rows
    assert (zanis.row, zanis.first_name, zanis.last_name, zanis.birth_year) == (
        2,
        "Žanis",
        "Ūdris",
        2010,
    )
    assert zanis.gender is Gender.BOY and zanis.target_group and zanis.photo_consent
    assert (zanis.guardian_name, zanis.guardian_phone) == ("Ģirts Ūdris", "+371 29111111")
    assert zanis.notes == "alerģija pret riekstiem"
    assert liga.gender is Gender.GIRL and not liga.target_group and not liga.photo_consent

    before = count(desk.db, AuditEvent)
    # The roster marks Žanis as of the target group: a librarian may not, the admin may.
    with pytest.raises(AdminOnly):
        import_roster(desk.db, preview.valid_rows, desk.site_id, by=desk.librarian_id)
    assert count(desk.db, AuditEvent) == before
    boss = add_staff(desk.db, "dace", "Dace Admine", Role.ADMIN)
    before = count(desk.db, AuditEvent)
    assert import_roster(desk.db, preview.valid_rows, desk.site_id, by=boss) == 2
    assert children(desk.db)[-2:] == [("Žanis", "Ūdris", 2010), ("Līga", "Čakste", 2011)]
    with desk.db.reading() as s:
        zanis_row = s.scalars(select(Participant).where(Participant.first_name == "Žanis")).one()
        assert zanis_row.target_group and zanis_row.card_code
        assert zanis_row.search_name == "zanis udris"
        consents = s.scalars(select(Consent)).all()
        events = s.scalars(select(AuditEvent).where(AuditEvent.id > before)).all()
    assert [(c.participant_id, c.purpose, c.given_by) for c in consents] == [
        (zanis_row.id, ConsentPurpose.PHOTO, "Ģirts Ūdris")
    ]
    assert sorted(e.action for e in events) == [
        "consent.given",
        "participant.registered",
        "participant.registered",
    ]
    assert {e.staff_id for e in events} == {boss}


def test_utf8_without_bom_and_commas_with_english_headers(desk: Desk, tmp_path: Path) -> None:
    text = (
        "First name,LAST NAME,birth year,Gender,Guardian,Phone,Target group,Notes,Photo consent\n"
        "Emma,Brown,2012,girl,Kate Brown,,yes,,no\n"
        "Ēriks,Ozoliņš,2009,boy,,,0,,1\n"
    )
    preview = preview_roster(desk.db, write(tmp_path / "roster.csv", text, "utf-8"))
    assert (preview.encoding, preview.separator) == ("utf-8", ",")
    assert problems(preview) == {}
    emma, eriks = preview.rows
    assert emma.gender is Gender.GIRL and emma.target_group and not emma.photo_consent
    assert eriks.gender is Gender.BOY and not eriks.target_group and eriks.photo_consent
    assert import_roster(desk.db, preview.valid_rows, desk.site_id) == 2
    assert children(desk.db)[-2:] == [("Emma", "Brown", 2012), ("Ēriks", "Ozoliņš", 2009)]
    with desk.db.reading() as s:  # no guardian named: the consent says where it came from
        assert s.scalars(select(Consent.given_by)).all() == ["roster import"]


def test_windows_1257_with_latvian_letters(desk: Desk, tmp_path: Path) -> None:
    path = write(tmp_path / "vecs.csv", LATVIAN, "cp1257")
    assert "Ž".encode("cp1257") != "Ž".encode()  # really a different encoding
    preview = preview_roster(desk.db, path)
    assert (preview.encoding, preview.separator) == ("cp1257", ";")
    assert [(r.first_name, r.last_name, r.guardian_name) for r in preview.rows] == [
        ("Žanis", "Ūdris", "Ģirts Ūdris"),
        ("Līga", "Čakste", "Ņina Čakste"),
    ]
    assert import_roster(desk.db, preview.valid_rows, desk.site_id) == 2
    assert children(desk.db)[-1] == ("Līga", "Čakste", 2011)


def test_decoding_is_exact_for_the_two_encodings() -> None:
    sample = "Ķēniņš Ģirts Ūdris Čakste Žanis Līga ņ š ā ē ī ū ļ ķ ģ č ž ą ę ė į ų"
    assert decode(sample.encode("utf-8")) == (sample, "utf-8")
    assert decode(b"\xef\xbb\xbf" + sample.encode("utf-8")) == (sample, "utf-8-sig")
    assert decode(sample.encode("cp1257")) == (sample, "cp1257")
    assert decode(b"plain ascii") == ("plain ascii", "utf-8")
    assert decode(sample.encode("utf-16")) == (sample, "utf-16")  # Excel's "Unicode text"
    assert decode(codecs.BOM_UTF16_BE + sample.encode("utf-16-be")) == (sample, "utf-16")
    with pytest.raises(ValueError, match="neither UTF-8, UTF-16 nor Windows-1257"):
        decode(sample.encode("utf-16-le"))  # no BOM: NUL bytes in every ASCII letter
    with pytest.raises(ValueError):
        decode(b"\x81\x83 not text")  # bytes Windows-1257 leaves undefined


def test_separator_sniffing_trusts_the_header() -> None:
    assert sniff_separator("Vārds;Uzvārds\nAnna;Ozola, jaunākā\n") == ";"
    assert sniff_separator("Vārds,Uzvārds\nAnna,Ozola\n") == ","
    assert sniff_separator('"Vārds";"Uzvārds"\n"Anna, Marija";"Ozola"\n') == ";"
    assert sniff_separator("") == ","
    assert sniff_separator("Vārds\tUzvārds\tPiezīmes\nAnna\tOzola\tA; B, C\n") == "\t"


def test_xlsx_first_sheet_with_a_title_row(desk: Desk, tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["OPEN UP dalībnieku saraksts"])
    sheet.append(["VĀRDS", "uzvards", "Dzimšanas gads", "Dzimums", "Tālrunis", "Klase"])
    sheet.append(["Ance", "Bērziņa", 2010, "Meitene", 29222222, "4.b"])
    sheet.append([None, None, None, None, None, None])
    sheet.append(["Oskars", "Kalniņš", 2008.0, "ZĒNS", None, "6.a"])
    other = book.create_sheet("Otrā lapa")
    other.append(["Vārds", "Uzvārds"])
    other.append(["Nav", "Šeit"])
    path = tmp_path / "saraksts.xlsx"
    book.save(path)

    preview = preview_roster(desk.db, path)
    assert (preview.encoding, preview.separator) == ("xlsx", None)
    assert preview.ignored_columns == ("Klase",)
    assert problems(preview) == {}
    assert [
        (r.row, r.full_name, r.birth_year, r.gender, r.guardian_phone) for r in preview.rows
    ] == [
        (3, "Ance Bērziņa", 2010, Gender.GIRL, "29222222"),
        (5, "Oskars Kalniņš", 2008, Gender.BOY, ""),
    ]
    assert import_roster(desk.db, preview.valid_rows, desk.site_id) == 2
    assert ("Nav", "Šeit", None) not in children(desk.db)


LITHUANIAN_HEADER = [
    "Vardas",
    "PAVARDĖ",
    "Gimimo  metai",
    "lytis",
    "Globėjas",
    "Telefonas",
    "Tikslinė grupė",
    "Pastabos",
    "Sutikimas fotografuoti",
]
LITHUANIAN_ROWS = [
    ["Gabija", "Žemaitytė", 2011, "mergaitė", "Rūta Žemaitienė", "+370 61234567", "taip", "", "ne"],
    ["Jonas", "Čepulis", 2009, "berniukas", "Vytautas Čepulis", "", "ne", "Alergija", "taip"],
]


def test_lithuanian_headers_in_csv_and_xlsx(desk: Desk, tmp_path: Path) -> None:
    out = io.StringIO(newline="")
    csv.writer(out, delimiter=";").writerows([LITHUANIAN_HEADER, *LITHUANIAN_ROWS])
    csv_file = write(tmp_path / "rokiskis.csv", out.getvalue(), "utf-8-sig")
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for cells in (["Vaikų sąrašas"], LITHUANIAN_HEADER, *LITHUANIAN_ROWS):
        sheet.append(cells)
    xlsx_file = tmp_path / "rokiskis.xlsx"
    book.save(xlsx_file)

    for path, first_row in ((csv_file, 2), (xlsx_file, 3)):
        preview = preview_roster(desk.db, path)
        assert preview.columns == (
            "first_name",
            "last_name",
            "birth_year",
            "gender",
            "guardian_name",
            "guardian_phone",
            "target_group",
            "notes",
            "photo_consent",
        ), path.name
        assert preview.ignored_columns == () and problems(preview) == {}
        gabija, jonas = preview.rows
        assert (gabija.row, gabija.full_name, gabija.birth_year, gabija.gender) == (
            first_row,
            "Gabija Žemaitytė",
            2011,
            Gender.GIRL,
        )
        assert (gabija.guardian_name, gabija.guardian_phone) == ("Rūta Žemaitienė", "+370 61234567")
        assert gabija.target_group and not gabija.photo_consent
        assert (jonas.full_name, jonas.gender, jonas.notes) == (
            "Jonas Čepulis",
            Gender.BOY,
            "Alergija",
        )
        assert not jonas.target_group and jonas.photo_consent
    assert import_roster(desk.db, preview.valid_rows, desk.site_id) == 2
    assert children(desk.db)[-2:] == [("Gabija", "Žemaitytė", 2011), ("Jonas", "Čepulis", 2009)]


def test_every_header_word_names_one_field_only() -> None:
    words = [word for names in roster_rows.HEADERS.values() for word in names]
    assert len(words) == len(set(words))
    # Folded as the file's headers are: lower case, no diacritics, single spaces.
    assert all(word == " ".join(roster_rows.fold(word).split()) for word in words)
    assert roster_rows.header_field("Pavardė") == "last_name"
    assert roster_rows.header_field("Vārds") == "first_name" == roster_rows.header_field("VARDAS")
    assert roster_rows.header_field("Gimimo metai:") == "birth_year"
    assert roster_rows.header_field("Tel. nr.") == "guardian_phone"


HALF_BROKEN = (
    "Vārds;Uzvārds;Dzimšanas gads;Dzimums;Mērķa grupa\n"  # row 1
    "Anna;Liepa;2010;meitene;nē\n"  # 2 valid
    ";Krūmiņš;2011;zēns;\n"  # 3 no first name
    "Pēteris;;2011;zēns;\n"  # 4 no last name
    "Vecais;Tēvs;1850;;\n"  # 5 impossible year
    "Maija;Zīle;abc;;\n"  # 6 not a number
    "ANNA;liepa;2010;;\n"  # 7 duplicate of row 2 (case and diacritics aside)
    "Ilze;Ķēniņa;2009;;\n"  # 8 already registered (tests/conftest.py)
    "Kārlis;Egle;2012;puika?;\n"  # 9 unknown gender word
    f"Nākotne;Vēl;{THIS_YEAR + 1};;\n"  # 10 born in the future
    "Rūta;Priede;;meitene;varbūt\n"  # 11 unknown yes/no
    f"{'A' * 81};Garais;2010;;\n"  # 12 too long
    "\n"  # 13 blank: skipped, not a problem
    "Juris;Ozols;2013;;1\n"  # 14 valid
)


def test_a_half_broken_file_says_what_is_wrong_row_by_row(any_desk: Desk, tmp_path: Path) -> None:
    db = any_desk.db
    preview = preview_roster(db, write(tmp_path / "puse.csv", HALF_BROKEN, "utf-8"))
    assert problems(preview) == {
        3: ["The first name is missing."],
        4: ["The last name is missing."],
        5: [f"Birth year 1850 is impossible: it must be between 1900 and {THIS_YEAR}."],
        6: ["Birth year “abc” is not a number."],
        7: ["The same child as in row 2."],
        8: ["Already registered: Ilze Ķēniņa, 2009."],
        9: ["Unknown gender “puika?”: write meitene/zēns or girl/boy."],
        10: [f"Birth year {THIS_YEAR + 1} is impossible: it must be between 1900 and {THIS_YEAR}."],
        11: ["Unknown answer “varbūt” in Mērķa grupa: write jā/nē, yes/no or 1/0."],
        12: ["Vārds is too long: at most 80 characters."],
    }
    assert [row.row for row in preview.valid_rows] == [2, 14]
    before = children(db)
    audit_before = count(db, AuditEvent)
    assert import_roster(db, preview.valid_rows, any_desk.site_id) == 2
    assert children(db) == [*before, ("Anna", "Liepa", 2010), ("Juris", "Ozols", 2013)]
    assert count(db, AuditEvent) == audit_before + 2  # one "registered" per child

    # The same file again: everyone valid is registered now, so nothing is imported twice.
    again = preview_roster(db, tmp_path / "puse.csv")
    assert again.valid_rows == ()
    assert problems(again)[2] == ["Already registered: Anna Liepa, 2010."]


def test_a_failure_half_way_leaves_no_rows(
    any_desk: Desk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = any_desk.db
    text = "Vārds;Uzvārds;Dzimšanas gads;Foto piekrišana\n" + "".join(
        f"Bērns{n};Ozols;2010;jā\n" for n in range(1, 11)
    )
    preview = preview_roster(db, write(tmp_path / "ten.csv", text, "utf-8"))
    assert len(preview.valid_rows) == 10
    before = (children(db), count(db, AuditEvent), count(db, Consent))
    real = roster._add_participant
    calls = 0

    def failing(*args: object, **kwargs: object) -> Participant:
        nonlocal calls
        calls += 1
        if calls == 7:
            raise OSError("disk went away")  # a failure no one planned for
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(roster, "_add_participant", failing)
    with pytest.raises(OSError):
        import_roster(db, preview.valid_rows, any_desk.site_id)
    assert calls == 7
    assert (children(db), count(db, AuditEvent), count(db, Consent)) == before

    # A refusal by the records at write time: a DomainError naming the row, nothing stored.
    def refusing(*args: object, **kwargs: object) -> Participant:
        if args[1].first_name == "Bērns5":  # type: ignore[attr-defined]
            raise InvalidInput(problem="First name and last name are both needed.")
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(roster, "_add_participant", refusing)
    with pytest.raises(RosterRowRefused) as refused:
        import_roster(db, preview.valid_rows, any_desk.site_id)
    assert refused.value.message == (
        "Nothing was imported: row 6 was refused: First name and last name are both needed."
    )
    assert (children(db), count(db, AuditEvent), count(db, Consent)) == before


def test_rows_with_problems_or_registered_meanwhile_are_refused(desk: Desk, tmp_path: Path) -> None:
    preview = preview_roster(desk.db, write(tmp_path / "r.csv", HALF_BROKEN, "utf-8"))
    before = children(desk.db)
    with pytest.raises(RosterRowRefused, match="row 3 was refused"):
        import_roster(desk.db, preview.rows, desk.site_id)
    # Between the preview and the import another laptop registers Juris Ozols.
    register_participant(desk.db, ParticipantDetails("Juris", "Ozols", 2013, desk.site_id))
    with pytest.raises(RosterRowRefused, match="row 14 was refused: the child is already"):
        import_roster(desk.db, preview.valid_rows, desk.site_id)
    assert children(desk.db) == [*before, ("Juris", "Ozols", 2013)]
    # Two equal rows handed in directly are caught inside the transaction too.
    twice = [RosterRow(2, "Vita", "Kalna", 2010), RosterRow(3, "Vita", "Kalna", 2010)]
    with pytest.raises(RosterRowRefused, match="row 3"):
        import_roster(desk.db, twice, desk.site_id)
    assert ("Vita", "Kalna", 2010) not in children(desk.db)


NASTY = [
    ("O'Brien", 'Anna "Ance"', "tēvs; māte", "1; 2", 'rinda "viens";\nrinda divi, trīs'),
    ("Jānis; Pēteris", "Ozols, jaunākais", "'; DROP TABLE participant; --", "", "😀 ‏שלום"),
]


@pytest.mark.parametrize("separator", [";", ","])
def test_quotes_and_semicolons_round_trip(desk: Desk, tmp_path: Path, separator: str) -> None:
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=separator)
    writer.writerow(["Vārds", "Uzvārds", "Aizbildnis", "Tālrunis", "Piezīmes"])
    writer.writerows(NASTY)
    path = write(tmp_path / "nasty.csv", out.getvalue(), "utf-8-sig")
    preview = preview_roster(desk.db, path)
    assert preview.separator == separator
    assert problems(preview) == {}
    assert import_roster(desk.db, preview.valid_rows, desk.site_id) == 2
    with desk.db.reading() as s:
        stored = s.execute(
            select(
                Participant.first_name,
                Participant.last_name,
                Participant.guardian_name,
                Participant.guardian_phone,
                Participant.notes,
            )
            .where(Participant.id > desk.janis_id)
            .order_by(Participant.id)
        ).all()
    # Kept as typed, but for the right-to-left mark, dropped as the participant form drops it.
    assert [tuple(row) for row in stored] == [
        tuple(text.replace("\u200f", "") for text in row) for row in NASTY
    ]
    assert count(desk.db, Participant) == 4  # and the table is still there


def test_files_that_are_not_rosters_are_refused_in_plain_words(desk: Desk, tmp_path: Path) -> None:
    cases = {
        "old.xls": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "old Excel files (XLS)"),
        "broken.xlsx": (b"PK\x03\x04 not really a zip", "not an Excel workbook"),
        "binary.csv": (b"Vards;Uzvards\n\x81\x83\x88;x\n", "neither UTF-8, UTF-16 nor Windows"),
        "no_header.csv": (b"Name;Age\nAnna;9\n", "no header row with the columns"),
    }
    for name, (data, words) in cases.items():
        (tmp_path / name).write_bytes(data)
        with pytest.raises(RosterUnreadable) as refused:
            preview_roster(desk.db, tmp_path / name)
        assert words in refused.value.message and name in refused.value.message
    with pytest.raises(RosterUnreadable, match="there is no such file"):
        preview_roster(desk.db, tmp_path / "missing.csv")
    assert count(desk.db, Participant) == 2


# --- The command line --------------------------------------------------------------------


def test_cli_previews_imports_and_says_when_nothing_is_valid(tmp_path: Path) -> None:
    path = tmp_path / "desk.sqlite3"
    database = Database(f"sqlite:///{path}")
    from db.migrate import migrate

    migrate(database)
    make_desk(database)
    roster_file = write(tmp_path / "puse.csv", HALF_BROKEN, "cp1257")
    db_args = ("--db", str(path))

    dry = main_py("import", "participants", str(roster_file), "--dry-run", *db_args, home=tmp_path)
    assert dry.returncode == 0, dry.stderr
    assert "puse.csv (cp1257, ';'): 12 rows" in dry.stdout
    assert "row 5: Vecais Tēvs: Birth year 1850 is impossible" in dry.stdout
    assert "row 3: Krūmiņš: The first name is missing." in dry.stdout
    assert "row 7: ANNA liepa: The same child as in row 2." in dry.stdout
    assert "2 children would be imported into Jēkabpils (--dry-run)." in dry.stdout
    assert count(database, Participant) == 2

    wrong_site = main_py(
        "import", "participants", str(roster_file), "--site", "Ludza", *db_args, home=tmp_path
    )
    assert wrong_site.returncode == 1 and "no such site" in wrong_site.stderr

    done = main_py(
        "import", "participants", str(roster_file), "--site", "jekabpils", *db_args, home=tmp_path
    )
    assert done.returncode == 0, done.stderr
    assert "Imported 2 children into Jēkabpils." in done.stdout
    assert count(database, Participant) == 4

    again = main_py("import", "participants", str(roster_file), *db_args, home=tmp_path)
    assert again.returncode == 1
    assert "row 2: Anna Liepa: Already registered: Anna Liepa, 2010." in again.stdout
    assert "Nothing to import: no row is valid." in again.stderr
    assert count(database, Participant) == 4

    unreadable = main_py(
        "import", "participants", str(tmp_path / "nope.csv"), *db_args, home=tmp_path
    )
    assert unreadable.returncode == 1
    assert "The file nope.csv cannot be read: there is no such file." in unreadable.stderr
    database.dispose()
