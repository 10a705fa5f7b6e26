from __future__ import annotations

from db.names import fold, latvian_key, person_key


def test_fold_drops_diacritics_and_case() -> None:
    assert fold("Ķēniņš") == "kenins"
    assert fold("Žūriņa") == "zurina"
    assert fold("Petrauskaitė Ąžuolė") == "petrauskaite azuole"


def test_latvian_alphabetical_order() -> None:
    names = [
        "Žagars",
        "Dārziņš",
        "Zariņš",
        "Čaks",
        "Cīrulis",
        "Šmits",
        "Sproģis",
        "Ķēniņš",
        "Kalniņš",
    ]
    assert sorted(names, key=latvian_key) == [
        "Cīrulis",
        "Čaks",
        "Dārziņš",
        "Kalniņš",
        "Ķēniņš",
        "Sproģis",
        "Šmits",
        "Zariņš",
        "Žagars",
    ]


def test_long_vowels_sort_with_short_ones() -> None:
    assert sorted(["Abols", "Ābele", "Avots"], key=latvian_key) == ["Ābele", "Abols", "Avots"]
    assert sorted(["Ģirts", "Gatis", "Guntis"], key=latvian_key) == ["Gatis", "Guntis", "Ģirts"]


def test_people_sort_by_last_then_first_name() -> None:
    people = [("Pēteris", "Ozols"), ("Anna", "Ozols"), ("Līga", "Čaks")]
    assert sorted(people, key=lambda p: person_key(*p)) == [
        ("Līga", "Čaks"),
        ("Anna", "Ozols"),
        ("Pēteris", "Ozols"),
    ]
