"""The text QR codes carry, and the one function that reads a scan back into a typed code.

A code is `PREFIX-BODY-CHECK`: `P` for a child's card, `I` for an item's label; only
A–Z 0–9 and `-`, which QR alphanumeric mode stores compactly and every keyboard layout
can type; the ISO 7064 MOD 37-36 check character makes a misread a refusal, not a match
to the wrong record. A card's body is random and says nothing about the child.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass

from stdnum.iso7064 import mod_37_36

from db.errors import QT_TRANSLATE_NOOP, ScanRefused

CARD_PREFIX = "P"
ITEM_PREFIX = "I"
CARD_BODY_LENGTH = 8
# No 0/O and 1/I in card bodies, so a code typed by hand from a card is read right.
CARD_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
TAG_PATTERN = re.compile(r"^[A-Z0-9]+(?:-[A-Z0-9]+)*$")

# A scanner "types" its code; on a laptop set to another keyboard layout the same keys
# give other characters. These are the layouts found on the desks' laptops.
_LAYOUT_DAMAGE = str.maketrans(
    {
        # Lithuanian (standard) number row: the scanner's 1–0 arrive as ą č ę ė į š ų ū „ “
        **dict(zip("ąčęėįšųū„“", "1234567890", strict=True)),
        **dict(zip("ĄČĘĖĮŠŲŪ", "12345678", strict=True)),
        # Russian ЙЦУКЕН, still installed on many Latvian laptops
        **dict(
            zip(
                "йцукенгшщзфывапролдячсмитьЙЦУКЕНГШЩЗФЫВАПРОЛДЯЧСМИТЬ",
                "qwertyuiopasdfghjklzxcvbnmQWERTYUIOPASDFGHJKLZXCVBNM",
                strict=True,
            )
        ),
        # Dashes a keyboard or a word processor may put instead of a hyphen
        "–": "-",
        "—": "-",
        "‐": "-",
        "‑": "-",
        "−": "-",
    }
)


@dataclass(frozen=True)
class CardCode:
    """A child's member card; `code` is the participant's stored card code."""

    code: str

    @property
    def text(self) -> str:
        return card_text(self.code)


@dataclass(frozen=True)
class ItemCode:
    """An item's label; `tag` is the item's tag, e.g. LAP-01."""

    tag: str

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
    """A random, opaque card code (40 bits)."""
    return "".join(secrets.choice(CARD_ALPHABET) for _ in range(CARD_BODY_LENGTH))


def normalize_tag(tag: str) -> str:
    """An item tag as stored: upper case, only A–Z 0–9 and single hyphens."""
    cleaned = tag.strip().translate(_LAYOUT_DAMAGE).upper()
    if not TAG_PATTERN.match(cleaned) or len(cleaned) > 20:
        raise ScanRefused(
            scanned=tag,
            reason=QT_TRANSLATE_NOOP(
                "DomainError", "a tag may hold only letters A–Z, digits and single hyphens."
            ),
        )
    return cleaned


def _refuse(scanned: str, reason: str) -> ScanRefused:
    shown = scanned if len(scanned) <= 40 else scanned[:40] + "…"
    shown = "".join(ch if ch.isprintable() else "�" for ch in shown)
    return ScanRefused(scanned=shown, reason=reason)


def decode_scan(scanned: str) -> ScanCode:
    """Turn the text a scanner typed into a card or item code, or refuse it with a reason."""
    cleaned = scanned.strip().translate(_LAYOUT_DAMAGE).upper()
    if not cleaned:
        raise _refuse(scanned, QT_TRANSLATE_NOOP("DomainError", "nothing was read."))
    if not re.fullmatch(r"[A-Z0-9-]+", cleaned):
        raise _refuse(
            scanned,
            QT_TRANSLATE_NOOP("DomainError", "it holds characters no OpenUp code has."),
        )
    prefix, _, rest = cleaned.partition("-")
    body, _, check = rest.rpartition("-")
    if prefix not in (CARD_PREFIX, ITEM_PREFIX) or not body or len(check) != 1:
        raise _refuse(
            scanned,
            QT_TRANSLATE_NOOP("DomainError", "this is not a member card or an equipment label."),
        )
    if not TAG_PATTERN.match(body) or _check_character(prefix, body) != check:
        raise _refuse(
            scanned,
            QT_TRANSLATE_NOOP(
                "DomainError", "the check character does not match: the code was misread."
            ),
        )
    return CardCode(body) if prefix == CARD_PREFIX else ItemCode(body)
