"""Write db/keyboard_layouts_data.py from xkeyboard-config's symbol files.

A USB scanner presses the keys of a US keyboard; what arrives depends on the layout the
laptop is set to. For each layout the desks use, this reads its definition (Debian's
xkb-data: /usr/share/X11/xkb/symbols/{us,lv,lt,ru,de,fr}) and keeps, for the 37 keys a
code needs (A–Z, 0–9 and the hyphen key), the characters that key types alone, with
Shift or with Caps Lock. The program reads the generated module, so it needs no xkb at
run time (Windows has none).

    python resources/keyboard_layouts/make.py [--symbols /usr/share/X11/xkb/symbols]
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TARGET = ROOT / "db" / "keyboard_layouts_data.py"
KEYSYMDEF = Path("/usr/include/X11/keysymdef.h")  # for names without a U+ number in their file

# (identifier, symbols file, section): the layouts found on the desks' laptops.
LAYOUTS = [
    ("us", "us", "basic"),
    ("lv", "lv", "basic"),
    ("lv_ergonomic", "lv", "ergonomic"),
    ("lt", "lt", "basic"),
    ("lt_std", "lt", "std"),
    ("ru", "ru", "winkeys"),
    ("de", "de", "basic"),
    ("fr", "fr", "basic"),
]

# Layouts whose number row Caps Lock shifts on Windows (AZERTY types digits then).
CAPS_SHIFTS_NUMBER_ROW = {"fr"}

KEYS = "0123456789-ABCDEFGHIJKLMNOPQRSTUVWXYZ"

# The physical keys (xkb names) a scanner presses for a code, and what each means.
US_KEYS = {
    **{f"AE{n:02d}": digit for n, digit in enumerate("1234567890", start=1)},
    "AE11": "-",
    **{f"AD{n:02d}": letter for n, letter in enumerate("QWERTYUIOP", start=1)},
    **{f"AC{n:02d}": letter for n, letter in enumerate("ASDFGHJKL", start=1)},
    **{f"AB{n:02d}": letter for n, letter in enumerate("ZXCVBNM", start=1)},
}

SECTION = re.compile(r'^(?P<flags>[^\n"/]*)xkb_symbols\s+"(?P<name>[^"]+)"\s*\{', re.MULTILINE)
STATEMENT = re.compile(
    r'include\s+"(?P<include>[^"]+)"|key\s+<(?P<key>\w+)>\s*\{(?P<body>[^}]*)\}', re.DOTALL
)


def keysym_names() -> dict[str, str]:
    """Keysym name → character, from X11's keysymdef.h (its U+ comments)."""
    names: dict[str, str] = {}
    pattern = re.compile(r"^#define XK_(\w+)\s+0x[0-9a-fA-F]+\s*/\*[ (]U\+([0-9A-F]{4,6})")
    for line in KEYSYMDEF.read_text(encoding="latin-1").splitlines():
        match = pattern.match(line)
        if match:
            names.setdefault(match[1], chr(int(match[2], 16)))
    return names


def character(keysym: str, names: dict[str, str]) -> str | None:
    """The character a keysym types, or None for dead keys, latches and NoSymbol."""
    if not keysym:
        return None
    if re.fullmatch(r"U[0-9A-Fa-f]{4,6}", keysym):
        return chr(int(keysym[1:], 16))
    if re.fullmatch(r"0x0?1[0-9A-Fa-f]{6}", keysym):
        return chr(int(keysym, 16) - 0x1000000)
    return names.get(keysym)


def sections(text: str) -> dict[str, str]:
    """Section name → its body; the default section also under ''."""
    text = re.sub(r"//[^\n]*", "", text)
    found: dict[str, str] = {}
    for match in SECTION.finditer(text):
        depth, start = 1, match.end()
        end = start
        while depth:
            depth += {"{": 1, "}": -1}.get(text[end], 0)
            end += 1
        found[match["name"]] = text[start : end - 1]
        if "default" in match["flags"] or "" not in found:
            found[""] = found[match["name"]] if "default" in match["flags"] else found.get("", "")
    if not found.get(""):
        found[""] = found[next(iter(found))]
    return found


def levels(body: str) -> list[str]:
    """The Group1 keysyms of one key definition, level by level."""
    group = re.search(r"symbols\[Group1\]\s*=\s*\[([^\]]*)\]", body) or re.search(
        r"\[([^\]]*)\]", body
    )
    return [sym.strip() for sym in group[1].split(",")] if group else []


def resolve(symbols: Path, file: str, section: str, keys: dict[str, list[str]]) -> None:
    """Apply a section's includes and keys in order, as xkbcomp merges a partial map."""
    body = sections((symbols / file).read_text(encoding="utf-8"))[section]
    for match in STATEMENT.finditer(body):
        if match["include"]:
            for part in match["include"].split("+"):
                name, _, variant = part.partition("(")
                resolve(symbols, name, variant.rstrip(")"), keys)
        else:
            old = keys.get(match["key"], [])
            new = levels(match["body"])
            old += [""] * (len(new) - len(old))
            new += ["NoSymbol"] * (len(old) - len(new))
            pairs = zip(old, new, strict=True)
            keys[match["key"]] = [o if n == "NoSymbol" else n for o, n in pairs]


def typings(symbols: Path, file: str, section: str, names: dict[str, str]) -> tuple[str, str]:
    """What a scanner types for KEYS on this layout: with Caps Lock off, and on."""
    keys: dict[str, list[str]] = {}
    resolve(symbols, file, section, keys)
    by_meaning = {meaning: key for key, meaning in US_KEYS.items()}
    off, on = [], []
    for meaning in KEYS:
        syms = keys[by_meaning[meaning]] + [""] * 5
        first, second, lock = (character(syms[level], names) for level in (0, 1, 4))
        if first is None or second is None:
            raise SystemExit(f"{file}({section}): the {meaning} key types nothing")
        pair = first.upper() == second and first != second
        if meaning.isalpha():
            # The scanner holds Shift for a capital; Caps Lock turns it back to level 1
            # on a letter's key.
            off.append(second)
            on.append(first if pair else second)
        else:
            # Digits and the hyphen are pressed alone; Caps Lock gives level 2 where the
            # two are a letter's cases (Lithuanian ą/Ą) and on the French number row (as
            # Windows does), and level 5 where a key has one for it (German ß → ẞ).
            off.append(first)
            on.append(lock or (second if pair or file in CAPS_SHIFTS_NUMBER_ROW else first))
    return "".join(off), "".join(on)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--symbols", type=Path, default=Path("/usr/share/X11/xkb/symbols"))
    args = parser.parse_args()
    names = keysym_names()
    lines = [
        '"""Generated by resources/keyboard_layouts/make.py from xkeyboard-config (xkb-data)',
        "symbols/{us,lv,lt,ru,de,fr}: do not edit by hand.",
        "",
        "KEYS are the characters of a code, as a US keyboard types them; LAYOUT_TYPING holds",
        "per layout what a scanner pressing those keys types, with Caps Lock off and on.",
        '"""',
        "",
        f"KEYS = {KEYS!r}",
        "",
        "LAYOUT_TYPING: dict[str, tuple[str, str]] = {",
    ]
    for ident, file, section in LAYOUTS:
        off, on = typings(args.symbols, file, section, names)
        lines.append(f"    {ident!r}: ({off!r}, {on!r}),")
    lines.append("}")
    TARGET.write_text("\n".join(lines) + "\n", encoding="utf-8")
    subprocess.run([sys.executable, "-m", "ruff", "format", "-q", str(TARGET)], check=True)
    print(f"wrote {TARGET.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
