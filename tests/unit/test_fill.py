"""One formatter puts values into translated texts: in one pass, so a value holding "%2"
(a child's name, a note) is never rewritten by the next substitution."""

from __future__ import annotations

import re
from pathlib import Path

from desktop.i18n import fill

ROOT = Path(__file__).resolve().parents[2]


def test_each_placeholder_takes_its_value_once() -> None:
    assert fill("Returned: %1 from %2", "LAP-01", "Ilze") == "Returned: LAP-01 from Ilze"
    assert fill("%2 before %1", "a", "b") == "b before a"
    # A note that itself says "%2" stays as the librarian typed it.
    assert fill("Note on %1: %2", "100%2 broken", "x") == "Note on 100%2 broken: x"
    assert fill("%1 of %1", 3) == "3 of 3"


def test_a_placeholder_without_a_value_stays_visible() -> None:
    assert fill("%1, %2", "only one") == "only one, %2"


def test_no_text_is_filled_by_chained_replace() -> None:
    chained = re.compile(r'\.replace\(\s*"%\d"')
    found = [
        f"{path.relative_to(ROOT)}:{number}"
        for folder in ("desktop", "db")
        for path in sorted((ROOT / folder).rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if chained.search(line)
    ]
    assert found == [], "use desktop.i18n.fill: " + ", ".join(found)
