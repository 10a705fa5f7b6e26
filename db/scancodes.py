"""The text QR codes carry, and the one function that reads a scan back into a typed code.

A code is `PREFIX-BODY-CHECK`: `P` for a child's card, `I` for an item's label; only
A–Z 0–9 and `-`, which QR alphanumeric mode stores compactly and every keyboard layout
can type; the ISO 7064 MOD 37-36 check character makes a misread a refusal, not a match
to the wrong record. A card's body is random and says nothing about the child. A scanner
on a laptop set to another keyboard layout types other characters; the decoder reads
them back through the layouts' tables (db/keyboard_layouts_data.py).
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass, field, replace

from stdnum.iso7064 import mod_37_36

from db.errors import QT_TRANSLATE_NOOP, ScanRefused
from db.keyboard_layouts_data import KEYS, LAYOUT_TYPING

CARD_PREFIX = "P"
ITEM_PREFIX = "I"
CARD_BODY_LENGTH = 8
# No 0/O and 1/I in card bodies, so a code typed by hand from a card is read right.
CARD_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
TAG_PATTERN = re.compile(r"^[A-Z0-9]+(?:-[A-Z0-9]+)*$")
_CARD_BODY = re.compile(r"[A-Z0-9]+")

# A scanner "types" its code by pressing a US keyboard's keys; on a laptop set to another
# layout the same keys give other characters. Each reading maps what arrived back to the
# keys, for one layout, from the tables generated out of xkeyboard-config.
LAYOUT_NAMES = {
    "us": QT_TRANSLATE_NOOP("KeyboardLayout", "English (US) or Latvian (QWERTY)"),
    "lv_ergonomic": QT_TRANSLATE_NOOP("KeyboardLayout", "Latvian (ergonomic, ŪGJRMV)"),
    "lt": QT_TRANSLATE_NOOP("KeyboardLayout", "Lithuanian"),
    "lt_std": QT_TRANSLATE_NOOP("KeyboardLayout", "Lithuanian (standard, LST 1582)"),
    "ru": QT_TRANSLATE_NOOP("KeyboardLayout", "Russian"),
    "de": QT_TRANSLATE_NOOP("KeyboardLayout", "German"),
    "fr": QT_TRANSLATE_NOOP("KeyboardLayout", "French (AZERTY)"),
}
# Dashes a keyboard or a word processor may put instead of a hyphen
_DASHES = dict.fromkeys("–—‐‑−", "-")
_DASHES_TO_HYPHENS = str.maketrans("–—‐‑−", "-----")


def _reading_tables() -> tuple[dict[str, dict[str, str]], dict[str, str]]:
    """Layout → {typed character: the code character of its key}, identical layouts once;
    and each layout's reading (Latvian QWERTY is read as US: its keys type the same)."""
    tables: dict[str, dict[str, str]] = {}
    reading_of: dict[str, str] = {}
    for layout, typed in LAYOUT_TYPING.items():
        table = {ch: key for caps in typed for ch, key in zip(caps, KEYS, strict=True)}
        same = [known for known, other in tables.items() if other == table]
        reading_of[layout] = same[0] if same else layout
        tables.setdefault(reading_of[layout], table)
    tables["us"].update(_DASHES)
    return tables, reading_of


_READINGS, _READING_OF = _reading_tables()
assert set(_READINGS) == set(LAYOUT_NAMES), "every reading needs a name to tell the librarian"
_CODE_CHARACTERS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


@dataclass(frozen=True)
class CardCode:
    """A child's member card; `code` is the participant's stored card code.

    `layout` names the keyboard layout the scan was repaired from (a key of
    LAYOUT_NAMES), None when it arrived as printed; it takes no part in comparisons.
    """

    code: str
    layout: str | None = field(default=None, compare=False)

    @property
    def text(self) -> str:
        return card_text(self.code)


@dataclass(frozen=True)
class ItemCode:
    """An item's label; `tag` is the item's tag, e.g. LAP-01 (`layout` as for a card)."""

    tag: str
    layout: str | None = field(default=None, compare=False)

    @property
    def text(self) -> str:
        return item_text(self.tag)


ScanCode = CardCode | ItemCode


def _check_character(prefix: str, body: str) -> str:
    return str(mod_37_36.calc_check_digit(prefix + body.replace("-", "")))


def card_text(card_code: str) -> str:
    """What a child's card QR carries, e.g. P-7KQ2M9XH-4."""
    return f"{CARD_PREFIX}-{card_code}-{_check_character(CARD_PREFIX, card_code)}"


def item_text(tag: str) -> str:
    """What an item's label QR carries, e.g. I-LAP-01-V."""
    tag = normalize_tag(tag)
    return f"{ITEM_PREFIX}-{tag}-{_check_character(ITEM_PREFIX, tag)}"


def new_card_code() -> str:
    """A random, opaque card code (40 bits), one no keyboard layout can mistake for another."""
    while True:
        code = "".join(secrets.choice(CARD_ALPHABET) for _ in range(CARD_BODY_LENGTH))
        if is_unmistakable(CardCode(code)):
            return code


def normalize_tag(tag: str) -> str:
    """An item tag as stored: upper case, only A–Z 0–9 and single hyphens."""
    cleaned = tag.strip().translate(_DASHES_TO_HYPHENS).upper()
    if not TAG_PATTERN.match(cleaned) or len(cleaned) > 20:
        raise ScanRefused(
            scanned=tag,
            reason=QT_TRANSLATE_NOOP(
                "DomainError", "a tag may hold only letters A–Z, digits and single hyphens."
            ),
        )
    return cleaned


def typed_through(text: str, layout: str, caps_lock: bool = False) -> str:
    """What a scanner types for a code's text on a laptop set to `layout` (a LAYOUT_TYPING key)."""
    typing = LAYOUT_TYPING[layout][caps_lock]
    return "".join(typing[KEYS.index(ch)] for ch in text)


def is_unmistakable(code: ScanCode) -> bool:
    """Whether the code comes back through every layout and no other code's typing is near.

    Then a scan of it through any layout, with or without Caps Lock, is read back as this
    code, and one changed character in it is refused rather than read as another code.
    """
    for layout in LAYOUT_TYPING:
        for caps_lock in (False, True):
            text = typed_through(code.text, layout, caps_lock)
            if _one_character_from_another_code(text, _READING_OF[layout], code):
                return False
    return True


def _refuse(scanned: str, reason: str) -> ScanRefused:
    shown = scanned if len(scanned) <= 40 else scanned[:40] + "…"
    shown = "".join(ch if ch.isprintable() else "�" for ch in shown)
    return ScanRefused(scanned=shown, reason=reason)


def _parse(reading: str) -> ScanCode | None:
    """The code a reading spells, if it is one with a matching check character."""
    prefix, _, rest = reading.partition("-")
    body, _, check = rest.rpartition("-")
    if prefix not in (CARD_PREFIX, ITEM_PREFIX) or len(check) != 1 or not TAG_PATTERN.match(body):
        return None
    if prefix == CARD_PREFIX and not _CARD_BODY.fullmatch(body):
        return None  # a card's body is never anything else; a hyphen in it is a misread
    if _check_character(prefix, body) != check:
        return None
    return CardCode(body) if prefix == CARD_PREFIX else ItemCode(body)


def _read(text: str, layout: str) -> list[str | None]:
    """Each character mapped back to the key that typed it on `layout` (None: no key)."""
    table = _READINGS[layout]
    return [table.get(ch) for ch in text]


def _one_character_from_another_code(text: str, layout: str, code: ScanCode) -> bool:
    """Whether changing one character of `text` makes it some other code on some layout.

    Read on one layout, a changed character is one substitution, which the check character
    always catches (it does not cover where an item tag's hyphens are: LAP-01 and LAPX01
    differ by one character, and the printed labels cannot change). Across layouts a
    reading moves many characters at once (ergonomic Latvian types Latin letters on other
    keys), so a repair is accepted only when no other code, on any layout, lies one
    character away from the text.
    """
    own = _read(text, layout)
    last = len(text) - 1
    if last < 3:
        return False  # too short to be any code (P-X-C at the least)
    for other in _READINGS:
        keys = _read(text, other)
        # Positions one change must mend: unread characters, and the places every code
        # has its prefix letter and its two outer hyphens.
        shape = {
            0: keys[0] in (CARD_PREFIX, ITEM_PREFIX),
            1: keys[1] == "-",
            last - 1: keys[last - 1] == "-",
        }
        broken = {i for i, key in enumerate(keys) if key is None} | {
            i for i, ok in shape.items() if not ok
        }
        if len(broken) > 1:
            continue
        for position in broken or range(len(keys)):
            if all(keys[i] == own[i] for i in range(len(keys)) if i != position):
                continue  # the same reading bar this character: the check character decides
            for replacement in _CODE_CHARACTERS + "-":
                keys[position] = replacement
                candidate = _parse("".join(k for k in keys if k is not None))
                if candidate is not None and candidate != code:
                    return True
            keys = _read(text, other)
    return False


def decode_scan(scanned: str) -> ScanCode:
    """Turn the text a scanner typed into a card or item code, or refuse it with a reason.

    A text that is a code as printed is that code. Otherwise it is read back through
    every keyboard layout a desk's laptop may be set to and the check character chooses:
    a repair is accepted only if exactly one code can be read and no other code lies one
    character away on any layout, so a misread is refused, never repaired into another
    record's code. `layout` on the result says which layout a repaired scan came through.
    """
    text = scanned.strip()
    if not text:
        raise _refuse(scanned, QT_TRANSLATE_NOOP("DomainError", "nothing was read."))
    found: dict[ScanCode, str] = {}
    readable: list[str] = []
    for layout in _READINGS:
        keys = _read(text, layout)
        if None in keys:
            continue
        reading = "".join(k for k in keys if k is not None)
        readable.append(reading)
        code = _parse(reading)
        if code is not None:
            found.setdefault(code, layout)
    if found and next(iter(found.values())) == "us":
        # Read as printed: a code issued today is one no other layout's typing comes near.
        return next(iter(found))
    if len(found) == 1:
        [(code, layout)] = found.items()
        if not _one_character_from_another_code(text, layout, code):
            return replace(code, layout=layout)
    if found:
        raise _refuse(
            scanned,
            QT_TRANSLATE_NOOP(
                "DomainError",
                "it could be two codes: switch the keyboard to English or Latvian and scan again.",
            ),
        )
    if not readable:
        raise _refuse(
            scanned,
            QT_TRANSLATE_NOOP("DomainError", "it holds characters no OpenUp code has."),
        )
    prefix, _, rest = readable[0].partition("-")
    body, _, check = rest.rpartition("-")
    if prefix not in (CARD_PREFIX, ITEM_PREFIX) or not body or len(check) != 1:
        raise _refuse(
            scanned,
            QT_TRANSLATE_NOOP("DomainError", "this is not a member card or an equipment label."),
        )
    raise _refuse(
        scanned,
        QT_TRANSLATE_NOOP(
            "DomainError", "the check character does not match: the code was misread."
        ),
    )
