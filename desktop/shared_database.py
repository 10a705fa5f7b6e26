"""Which database this laptop opens, as chosen in the program: its own file or the library's
shared server, whose password lives in the operating system's keyring (never in settings.ini)."""

from __future__ import annotations

import logging
import os

from sqlalchemy.engine import URL

from db.connection import ServerAddress
from db.database import ENV_VAR
from db.errors import QT_TRANSLATE_NOOP, DomainError
from desktop.settings import (
    DATABASE_KIND,
    SERVER_CA_FILE,
    SERVER_DATABASE,
    SERVER_HOST,
    SERVER_PORT,
    SERVER_TLS,
    SERVER_USER,
    Settings,
)

log = logging.getLogger(__name__)

KEYRING_SERVICE = "OpenUp Desk"


class NoKeyring(DomainError):
    template = QT_TRANSLATE_NOOP(
        "DomainError",
        "The password cannot be kept: this computer's keyring refused it ({problem}). "
        "Nothing was changed.",
    )


LAPTOP = "laptop"
SERVER = "server"


def named_outside(given: str | None) -> bool:
    """A script or a shortcut named the database (--db, OPENUP_DB): the choice is not asked."""
    return bool(given or os.environ.get(ENV_VAR))


def saved_address(settings: Settings) -> ServerAddress | None:
    """The shared server this laptop uses (None: it uses its own file, or has not chosen)."""
    if settings.get(DATABASE_KIND) != SERVER:
        return None
    return ServerAddress(
        host=settings.get(SERVER_HOST),
        database=settings.get(SERVER_DATABASE),
        user=settings.get(SERVER_USER),
        port=settings.get(SERVER_PORT),
        tls=settings.get(SERVER_TLS),
        ca_file=settings.get(SERVER_CA_FILE),
    )


def kept_password(address: ServerAddress) -> str | None:
    """The password kept for this account and server (None: none kept, or no keyring)."""
    import keyring
    from keyring.errors import KeyringError

    try:
        return keyring.get_password(KEYRING_SERVICE, address.keyring_name)
    except KeyringError as error:  # no keyring on this system: the connection says so
        log.warning("the keyring could not be read: %s", error.__class__.__name__)
        return None


def keep_password(address: ServerAddress, password: str) -> None:
    """Into the keyring; NoKeyring when there is none (a Linux without Secret Service)."""
    import keyring
    from keyring.errors import KeyringError

    try:
        keyring.set_password(KEYRING_SERVICE, address.keyring_name, password)
    except KeyringError as error:
        raise NoKeyring(problem=error.__class__.__name__) from error


def chosen_url(settings: Settings) -> URL | None:
    """The shared server's URL with its password from the keyring (None: the laptop's file)."""
    address = saved_address(settings)
    return None if address is None else address.url(kept_password(address))


def choose_laptop(settings: Settings) -> None:
    settings.set(DATABASE_KIND, LAPTOP)


def choose_server(settings: Settings, address: ServerAddress, password: str) -> None:
    """Remember the server in settings.ini and its password in the keyring (first, so a
    keyring that refuses leaves the old choice as it was)."""
    keep_password(address, password)
    settings.set(SERVER_HOST, address.host.strip())
    settings.set(SERVER_PORT, address.port)
    settings.set(SERVER_DATABASE, address.database.strip())
    settings.set(SERVER_USER, address.user.strip())
    settings.set(SERVER_TLS, address.tls)
    settings.set(SERVER_CA_FILE, address.ca_file)
    settings.set(DATABASE_KIND, SERVER)
