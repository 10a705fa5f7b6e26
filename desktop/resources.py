"""Where the bundled resources are, in a checkout and in an installed bundle alike."""

from __future__ import annotations

import sys
from pathlib import Path

# PyInstaller unpacks next to the executable; a checkout keeps resources/ beside desktop/.
ROOT = Path(getattr(sys, "_MEIPASS", Path(__file__).resolve().parents[1]))
RESOURCES = ROOT / "resources"
FONTS = RESOURCES / "fonts"
SOUNDS_FOLDER = RESOURCES / "sounds"
TRANSLATIONS = RESOURCES / "translations"
LOCALE = RESOURCES / "locale"  # the documents' gettext catalogues (desktop/words.py)
