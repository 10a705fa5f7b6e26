"""Names as librarians look for them: search without diacritics, Latvian alphabetical order."""

from __future__ import annotations

import unicodedata

# The Latvian alphabet: č ģ ķ ļ ņ š ž are letters of their own (Čaks after Cīrulis), while
# long vowels ā ē ī ū sort with their short ones. Letters Latvian lacks (q w x y, and
# the Lithuanian ą ę ė į ų through their base letter) fall where Latin puts them.
_SEPARATE = set("čģķļņšž")
_PRIMARY: dict[str, int] = {}
for _rank, _letter in enumerate("abcčdefgģhijkķlļmnņopqrsštuvwxyzž"):
    _PRIMARY[_letter] = _rank * 2


def fold(text: str) -> str:
    """Lower case without diacritics: "Ķēniņš" → "kenins", for matching typed searches."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _primary(ch: str) -> int:
    if ch in _SEPARATE:
        return _PRIMARY[ch]
    base = fold(ch)[:1] or ch
    if base in _PRIMARY:
        return _PRIMARY[base]
    # Digits, spaces and punctuation before letters; anything else after them, by code point.
    return -1000 + ord(base) if ord(base) < 128 else 1000 + ord(base)


def latvian_key(text: str) -> tuple[tuple[int, ...], str]:
    """A sort key in Latvian alphabetical order (Cīrulis, Čaks, Dārziņš; Zariņš, Žagars)."""
    lowered = text.casefold()
    return tuple(_primary(ch) for ch in lowered), lowered


def person_key(first_name: str, last_name: str) -> tuple[object, ...]:
    """Lists of children sort by last name, then first name, in Latvian order."""
    return latvian_key(last_name), latvian_key(first_name)
