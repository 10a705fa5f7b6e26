"""The printing and export commands, run as the coordinator would on the demo year."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from pathlib import Path

import pypdf
import pytest

from db.database import Database
from db.demo import fill_demo
from db.migrate import migrate

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    database = Database(f"sqlite:///{path}")
    migrate(database)
    fill_demo(database)
    database.dispose()
    return path


def main_py(demo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "main.py", *args, "--db", str(demo)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=180,
        env={"XDG_DATA_HOME": str(demo.parent), "HOME": str(demo.parent), "PATH": "/usr/bin:/bin"},
    )


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(path).pages)


def test_signin_sheet_of_a_session(demo_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "signin.pdf"
    result = main_py(demo_file, "report", "signin", "--session", "2", "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert "Parakstu lapa" in pdf_text(out) or "Paraksts" in pdf_text(out)
    assert "+371" not in pdf_text(out)


def test_monthly_report_in_latvian(demo_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "month.pdf"
    result = main_py(demo_file, "report", "monthly", "--month", "2018-10", "--out", str(out))
    assert result.returncode == 0, result.stderr
    text = pdf_text(out)
    assert "2018. gada oktobris" in text and "Nāc, pievienojies!" in text


def test_indicators_for_the_whole_project(demo_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "indicators.pdf"
    result = main_py(
        demo_file,
        "report",
        "indicators",
        "--from",
        "2018-04-01",
        "--to",
        "2020-03-31",
        "--out",
        str(out),
        "--language",
        "en",
    )
    assert result.returncode == 0, result.stderr
    assert "LLI-263" in pdf_text(out)


def test_labels_and_cards(demo_file: Path, tmp_path: Path) -> None:
    labels = tmp_path / "labels.pdf"
    result = main_py(
        demo_file, "labels", "--template", "2x7", "--items", "LAP-01,CAM-01", "--out", str(labels)
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"Wrote {labels} (1 page)"  # not "1 pages"
    text = pdf_text(labels)
    assert "LAP-01" in text and "CAM-01" in text and "XBOX-01" not in text
    cards = tmp_path / "cards.pdf"
    made = main_py(demo_file, "cards", "--out", str(cards))
    assert made.returncode == 0
    pages = len(pypdf.PdfReader(cards).pages)
    assert pages >= 6  # 60 children, 10 to a page
    assert made.stdout.strip() == f"Wrote {cards} ({pages} pages)"


def test_exports(demo_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "attendance.csv"
    result = main_py(
        demo_file,
        "export",
        "attendance",
        "--from",
        "2018-10-01",
        "--to",
        "2018-10-31",
        "--out",
        str(out),
    )
    assert result.returncode == 0, result.stderr
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert len(rows) > 50
    assert any("Nāc, pievienojies!" in row for row in rows)
    xlsx = tmp_path / "loans.xlsx"
    assert main_py(demo_file, "export", "loans", "--out", str(xlsx)).returncode == 0
    assert xlsx.stat().st_size > 5000


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["report", "monthly", "--month", "2018-13", "--out", "x.pdf"], "not a month"),
        (["labels", "--items", "NOPE-1", "--out", "x.pdf"], "NOPE-1"),
        (["labels", "--start", "30", "--out", "x.pdf"], "--start must be 1 to 21"),
        (["report", "signin", "--session", "99999", "--out", "x.pdf"], "99999"),
        (["export", "loans", "--out", "x.txt"], ".csv or .xlsx"),
    ],
)
def test_refusals_are_plain_words(demo_file: Path, args: list[str], says: str) -> None:
    result = main_py(demo_file, *args)
    assert result.returncode != 0
    assert says in result.stderr
    assert "Traceback" not in result.stderr


def test_cards_speak_each_childs_library_language_unless_one_is_chosen(
    demo_file: Path, tmp_path: Path
) -> None:
    cards = tmp_path / "cards.pdf"
    assert main_py(demo_file, "cards", "--out", str(cards)).returncode == 0
    text = " ".join(pdf_text(cards).split())
    # The demo's Rokiškis children: their cards in Lithuanian, the full name whole.
    rokiskis = text.count("Rokiškio rajono savivaldybės Juozo Keliuočio viešoji biblioteka")
    assert rokiskis >= 1 and text.count("Dalyvio kortelė") == rokiskis
    assert "Dalībnieka karte" in text
    chosen = tmp_path / "cards_lt.pdf"
    result = main_py(demo_file, "cards", "--language", "lt", "--out", str(chosen))
    assert result.returncode == 0, result.stderr
    assert "Dalībnieka karte" not in pdf_text(chosen)
    labels = tmp_path / "labels.pdf"
    result = main_py(demo_file, "labels", "--language", "lt", "--out", str(labels))
    assert result.returncode == 0, result.stderr
    assert pypdf.PdfReader(labels).metadata.title == "Įrangos etiketės"
