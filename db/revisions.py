"""Which schema revisions this program knows: read from its migration scripts.

Kept apart from db.migrate so that backups and restores can check a copy's revision
without importing the migration code (which backs up through db.backups).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).with_name("migrations")
# The newest revision in migrations/versions (a test checks it), so a start on an
# up-to-date database need not import Alembic (a tenth of a second on a laptop).
HEAD = "0005"
# This program's version (pyproject.toml's, a test checks it): a database this program
# migrated names it, so an older program can say which version to install.
PROGRAM_VERSION = "0.1.0"


def alembic_config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def known_revisions() -> frozenset[str]:
    """Every schema revision this program can open (and migrate to head)."""
    from alembic.script import ScriptDirectory

    scripts = ScriptDirectory.from_config(alembic_config())
    return frozenset(script.revision for script in scripts.walk_revisions())
