"""What every page shares: the database, the settings, who is at the desk, and change news."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QObject, Signal

from db.database import Database
from desktop.operations import Operation, Query, changes
from desktop.settings import SITE, STAFF_ID, Settings

T = TypeVar("T")
# Database work as a page hands it over: the database and the staff member who acted.
Work = Callable[[Database, int | None], T]


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
        self.staff_id: int | None = None
        self._admin = True
        # The laptop's local copy while the shared server is away (the desk sets it): who is
        # at the desk signs in against it then, so the idle lock still opens.
        self.away_copy: Database | None = None
        self.set_staff(settings.get(STAFF_ID) or None)

    @property
    def site_id(self) -> int | None:
        """The site this laptop works for (Settings), else the first one."""
        wanted = self.settings.get(SITE)
        for site_id, name, _country in self.sites:
            if name == wanted:
                return site_id
        return self.sites[0][0] if self.sites else None

    @property
    def sign_in_database(self) -> Database:
        """Where passwords are checked now: the server, or the copy while it is away."""
        return self.away_copy or self.database

    @property
    def is_admin(self) -> bool:
        """Whether the UI offers admin actions (the use cases refuse them anyway).

        No one signed in means direct access (a test or a script), trusted as db/ trusts it.
        """
        return self._admin

    def operation(self, parent: QObject | None, work: Work[T]) -> Operation[T]:
        """A librarian's action, done as the one who acted: who is signed in is read now,
        when the key was pressed, not on the worker (the lock may change it meanwhile)."""
        database, by = self.database, self.staff_id
        return Operation(parent, lambda: work(database, by))

    def query(self, parent: QObject | None, work: Work[T]) -> Query[T]:
        """A read for a page, off the UI thread, as the one signed in now may read it."""
        database, by = self.database, self.staff_id
        return Query(parent, lambda: work(database, by))

    def set_staff(self, staff_id: int | None, *, admin: bool | None = None) -> None:
        """Who is at the desk; a sign-in says whether they administer (it read the role),
        else it is read now (at start-up, before the window is up)."""
        if admin is None:
            from db.accounts import may_administer

            admin = may_administer(self.database, staff_id)
        self.staff_id, self._admin = staff_id, admin
        self.settings.set(STAFF_ID, staff_id or 0)
        self.staff_changed.emit(staff_id or 0)
