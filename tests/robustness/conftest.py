"""Hypothesis keeps its caches in the temporary folder, not a .hypothesis folder in the tree."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from hypothesis.configuration import set_hypothesis_home_dir

set_hypothesis_home_dir(Path(tempfile.gettempdir()) / f"openup-desk-hypothesis-{os.getuid()}")
