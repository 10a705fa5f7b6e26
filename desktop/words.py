"""The words of printouts, from one gettext catalogue per language (resources/locale).

Screens speak the librarian's language through Qt's tr() and the .ts/.qm files. A printout
speaks its own: a Rokiškis roster prints in Lithuanian while the screen is Latvian, and a
document is made without Qt (the CLI, the tests). So documents take their words from
`words(language)`: English source strings in the code (`words(language).gettext("Total")`),
Latvian and Lithuanian in resources/locale/<language>/LC_MESSAGES/openup.po, compiled to .mo by
`python resources/translations/update.py` with the .ts files.

Where one English word prints differently in two places (the indicators' "Site" is a library,
the monthly report's a branch), the places ask with a context: `.pgettext("indicators", "Site")`.
"""

from __future__ import annotations

from functools import cache
from gettext import NullTranslations

from babel.support import Translations

from desktop.resources import LOCALE

DOMAIN = "openup"
LANGUAGES = ("lv", "en", "lt")


def N_(text: str) -> str:
    """Mark a text for the catalogue where it is written; it is translated where it is printed."""
    return text


def NP_(context: str, text: str) -> str:
    """Mark a text with its context for the catalogue; printed through `.pgettext(context, …)`."""
    return text


def catalogue_file(language: str) -> str:
    """The compiled catalogue a language's documents read."""
    return str(LOCALE / language / "LC_MESSAGES" / f"{DOMAIN}.mo")


@cache
def words(language: str) -> NullTranslations:
    """A document's words in `language`: English as written, Latvian for any other language.

    A missing catalogue is an installation fault and raises, rather than printing English
    on a Latvian sheet."""
    if language == "en":
        return NullTranslations()
    language = language if language in LANGUAGES else "lv"
    with open(catalogue_file(language), "rb") as compiled:
        return Translations(compiled, domain=DOMAIN)
