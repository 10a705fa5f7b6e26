"""Names as librarians look for them: search without diacritics, each site's alphabetical order."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

# A language's alphabet for sorting: letters with a diacritic listed here are letters of
# their own; any other sorts with its base letter, the accent breaking ties only.
# Latvian: č ģ ķ ļ ņ š ž are letters (Čaks after Cīrulis), long ā ē ī ū go with a e i u.
# Lithuanian: č š ž are letters and y follows i (Ivanauskas, Įgaunis, Ylakis, Jonaitis),
# as in its dictionaries; ą ę ė į ų ū go with a e i u. Letters a language lacks (q w x,
# and the other language's letters through their base letter) fall where Latin puts them.
_ALPHABETS = {
    "lv": ("abcčdefgģhijkķlļmnņopqrsštuvwxyzž", frozenset("čģķļņšž")),
    "lt": ("abcčdefghiyjklmnopqrsštuvwxzž", frozenset("čšž")),
}
_RANKS = {
    language: {letter: rank * 2 for rank, letter in enumerate(alphabet)}
    for language, (alphabet, _letters) in _ALPHABETS.items()
}
SORT_LANGUAGES = tuple(_ALPHABETS)


def fold(text: str) -> str:
    """Lower case without diacritics: "Ķēniņš" → "kenins", for matching typed searches."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _primary(ch: str, language: str) -> int:
    ranks = _RANKS[language]
    if ch in _ALPHABETS[language][1]:
        return ranks[ch]
    base = fold(ch)[:1] or ch
    if base in ranks:
        return ranks[base]
    # Digits, spaces and punctuation before letters; anything else after them, by code point.
    return -1000 + ord(base) if ord(base) < 128 else 1000 + ord(base)


class _LetterRanks(dict[str, int]):
    """Each character's primary rank in one language, worked out once (lists sort often)."""

    def __init__(self, language: str) -> None:
        super().__init__()
        self.language = language

    def __missing__(self, ch: str) -> int:
        rank = self[ch] = _primary(ch, self.language)
        return rank


_LETTER_RANKS = {language: _LetterRanks(language) for language in _ALPHABETS}


def sort_key(text: str, language: str = "lv") -> tuple[tuple[int, ...], str]:
    """A sort key in the alphabetical order of Latvian ("lv") or Lithuanian ("lt")."""
    ranks = _LETTER_RANKS.get(language, _LETTER_RANKS["lv"])  # an empty one is falsy
    lowered = unicodedata.normalize("NFC", text.casefold())
    return tuple(map(ranks.__getitem__, lowered)), lowered


def latvian_key(text: str) -> tuple[tuple[int, ...], str]:
    """A sort key in Latvian alphabetical order (Cīrulis, Čaks, Dārziņš; Zariņš, Žagars)."""
    return sort_key(text, "lv")


def person_key(first_name: str, last_name: str, language: str = "lv") -> tuple[object, ...]:
    """Lists of children sort by last name, then first name, in the list's language."""
    return sort_key(last_name, language), sort_key(first_name, language)


def country_language(country: str | None) -> str:
    """The sorting language of a site's country: Lithuanian for LT, else Latvian."""
    return "lt" if country == "LT" else "lv"


def list_language(countries: Iterable[str], viewer_country: str | None = None) -> str:
    """One country's children sort in its language; a mixed list in the viewer's, else Latvian."""
    found = set(countries)
    if len(found) == 1:
        return country_language(found.pop())
    return country_language(viewer_country)
