"""What every page shares: the database, the settings, who is at the desk, and change news."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from db.database import Database
from desktop.operations import changes
from desktop.settings import SITE, STAFF_ID, Settings


class AppContext(QObject):
    """Handed to every page; `changed` tells them which areas of the records an operation
    wrote (a frozenset of db.areas.Area) and who started it; pages redraw what they show."""

    changed = Signal(frozenset, object)
    staff_changed = Signal(int)
    # A page asks for a printout it has no form for: ("labels", tags) or ("cards", ids).
    report_wanted = Signal(str, list)

    def __init__(
        self, database: Database, settings: Settings, sites: list[tuple[int, str, str]]
    ) -> None:
        super().__init__()
        changes.changed.connect(self.changed)  # Qt drops it when this context is deleted
        self.database = database
        self.settings = settings
        self.sites = sites
        self.staff_id: int | None = settings.get(STAFF_ID) or None
        self._admin: tuple[int | None, bool] | None = None  # (staff_id, may administer)

    @property
    def site_id(self) -> int | None:
        """The site this laptop works for (Settings), else the first one."""
        wanted = self.settings.get(SITE)
        for site_id, name, _country in self.sites:
            if name == wanted:
                return site_id
        return self.sites[0][0] if self.sites else None

    @property
    def is_admin(self) -> bool:
        """Whether the UI offers admin actions (the use cases refuse them anyway).

        No one signed in means direct access (a test or a script), trusted as db/ trusts it.
        """
        if self._admin is None or self._admin[0] != self.staff_id:
            from db.accounts import may_administer

            self._admin = (self.staff_id, may_administer(self.database, self.staff_id))
        return self._admin[1]

    def set_staff(self, staff_id: int | None) -> None:
        self.staff_id = staff_id
        self._admin = None
        self.settings.set(STAFF_ID, staff_id or 0)
        self.staff_changed.emit(staff_id or 0)
