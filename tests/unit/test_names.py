from __future__ import annotations

from db.names import country_language, fold, latvian_key, list_language, person_key, sort_key


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


def test_lithuanian_alphabetical_order() -> None:
    # A Ą B C Č D E Ę Ė F G H I Į Y J K L M N O P R S Š T U Ų Ū V Z Ž, where č š ž and y
    # are letters of their own and ą ę ė į ų ū sort with their base letter.
    names = [
        "Žukauskas",
        "Jonaitis",
        "Ylakis",
        "Įgaunis",
        "Ivanauskas",
        "Čepulis",
        "Cibulskis",
        "Šimkus",
        "Stankevičius",
        "Zabiela",
        "Ąžuolas",
        "Adomaitis",
    ]
    assert sorted(names, key=lambda n: sort_key(n, "lt")) == [
        "Adomaitis",
        "Ąžuolas",
        "Cibulskis",
        "Čepulis",
        "Įgaunis",
        "Ivanauskas",
        "Ylakis",
        "Jonaitis",
        "Stankevičius",
        "Šimkus",
        "Zabiela",
        "Žukauskas",
    ]


def test_y_is_a_letter_after_i_in_lithuanian_but_latin_in_latvian() -> None:
    names = ["Zubovas", "Yla", "Jurgis", "Ivas", "Įvas"]
    assert sorted(names, key=lambda n: sort_key(n, "lt")) == [
        "Ivas",
        "Įvas",
        "Yla",
        "Jurgis",
        "Zubovas",
    ]
    assert sorted(names, key=latvian_key) == ["Ivas", "Įvas", "Jurgis", "Yla", "Zubovas"]


def test_nasal_and_long_vowels_sort_with_their_base_letter_in_lithuanian() -> None:
    assert sorted(["Ūsas", "Ubartas", "Uosis"], key=lambda n: sort_key(n, "lt")) == [
        "Ubartas",
        "Uosis",
        "Ūsas",
    ]
    assert sorted(["Ėglė", "Eglė", "Ęsa", "Edita"], key=lambda n: sort_key(n, "lt")) == [
        "Edita",
        "Eglė",
        "Ėglė",
        "Ęsa",
    ]


def test_latvian_letters_are_not_letters_of_their_own_in_lithuanian() -> None:
    # Ķ is a letter after K in Latvian; a Lithuanian list files it under K.
    names = ["Ķēniņš", "Kuzņecovs", "Krūmiņa"]
    assert sorted(names, key=latvian_key) == ["Krūmiņa", "Kuzņecovs", "Ķēniņš"]
    assert sorted(names, key=lambda n: sort_key(n, "lt")) == ["Ķēniņš", "Krūmiņa", "Kuzņecovs"]


def test_people_sort_by_last_name_in_the_given_language() -> None:
    people = [("Jonas", "Jankus"), ("Rūta", "Yla"), ("Ona", "Ivanauskaitė")]
    assert sorted(people, key=lambda p: person_key(*p, "lt")) == [
        ("Ona", "Ivanauskaitė"),
        ("Rūta", "Yla"),
        ("Jonas", "Jankus"),
    ]
    assert sorted(people, key=lambda p: person_key(*p)) == [
        ("Ona", "Ivanauskaitė"),
        ("Jonas", "Jankus"),
        ("Rūta", "Yla"),
    ]


def test_a_list_sorts_in_its_sites_language_else_the_viewers_else_latvian() -> None:
    assert country_language("LT") == "lt"
    assert country_language("LV") == "lv"
    assert list_language(["LT", "LT"]) == "lt"
    assert list_language(["LV"], viewer_country="LT") == "lv"
    assert list_language(["LV", "LT"], viewer_country="LT") == "lt"
    assert list_language(["LV", "LT"]) == "lv"
    assert list_language([]) == "lv"


def test_decomposed_letters_sort_as_composed_ones() -> None:
    decomposed = "C\u030caks"  # Č written as C + combining caron, as some keyboards send it
    assert sort_key(decomposed) == sort_key("Čaks")
