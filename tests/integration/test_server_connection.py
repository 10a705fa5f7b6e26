"""The connection test says in plain words what failed, against the real test server."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from db.connection import (
    HOST_NOT_FOUND,
    NO_SUCH_DATABASE,
    REFUSED,
    TLS_REFUSED,
    WRONG_PASSWORD,
    ConnectionFailed,
    ServerAddress,
    connection_failure,
    try_connection,
)
from db.database import Database
from db.migrate import migrate
from db.revisions import HEAD
from tests.postgres_server import PostgresServer
from tests.server_access import ROLE_PASSWORD, self_signed_ca


def _address(server: PostgresServer, database: str, **changes: object) -> ServerAddress:
    fields: dict[str, object] = {
        "host": server.host,
        "port": server.port,
        "database": database,
        "user": server.user,
        "tls": "require",
    }
    fields.update(changes)
    return ServerAddress(**fields)  # type: ignore[arg-type]


def _plain(address: ServerAddress, password: str | None = None) -> str:
    with pytest.raises(ConnectionFailed) as failed:
        try_connection(address.url(password).update_query_dict({"sslmode": "disable"}))
    return failed.value.message


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_the_url_carries_tls_and_no_password_when_none_is_kept() -> None:
    address = ServerAddress("db.biblioteka.lv", "openup", "openup_desk", ca_file="/ca.pem")
    url = address.url(None)
    assert url.password is None
    assert url.query["sslmode"] == "verify-full" and url.query["sslrootcert"] == "/ca.pem"
    assert address.url("s3cr:et@").password == "s3cr:et@"
    assert address.keyring_name == "openup_desk@db.biblioteka.lv:5432/openup"


def test_what_is_missing_is_said_before_connecting(tmp_path: Path) -> None:
    ca = tmp_path / "ca.pem"
    ca.write_text("-----BEGIN CERTIFICATE-----\n")
    assert ServerAddress("", "openup", "desk").problem() == "Enter the server's name or address."
    assert ServerAddress("h", "openup", "desk", ca_file=str(tmp_path / "none.pem")).problem() == (
        "Choose the CA file that checks the server's certificate."
    )
    assert ServerAddress("h", "openup", "desk", port=70000, tls="require").problem() == (
        "The port is a number from 1 to 65535."
    )
    assert ServerAddress("h", "openup", "desk", ca_file=str(ca)).problem() is None


@pytest.mark.postgres
def test_a_good_connection_finds_the_schema(
    postgres_server: PostgresServer, postgres_url: str
) -> None:
    database = Database(postgres_url)
    name = database.url.database or ""
    address = _address(postgres_server, name, tls="require")
    url = address.url(None).update_query_dict({"sslmode": "disable"})
    empty = try_connection(url)
    assert empty.revision is None and empty.tables == 0 and empty.server_version
    migrate(database)
    database.dispose()
    assert try_connection(url).revision == HEAD


@pytest.mark.postgres
def test_a_server_that_is_not_there(postgres_server: PostgresServer) -> None:
    assert _plain(_address(postgres_server, "postgres", port=_free_port())) == REFUSED
    assert _plain(_address(postgres_server, "postgres", host="no-such-server.invalid")) == (
        HOST_NOT_FOUND
    )


@pytest.mark.postgres
def test_a_database_the_server_does_not_have(postgres_server: PostgresServer) -> None:
    assert _plain(_address(postgres_server, "openup_nowhere")) == NO_SUCH_DATABASE


@pytest.mark.postgres
def test_tls_required_by_a_laptop_the_server_does_not_offer(
    postgres_server: PostgresServer,
) -> None:
    with pytest.raises(ConnectionFailed) as failed:
        try_connection(_address(postgres_server, "postgres", tls="require").url(None))
    assert failed.value.message == TLS_REFUSED


@pytest.mark.postgres
def test_a_wrong_password(postgres_server: PostgresServer, password_role: str) -> None:
    address = _address(postgres_server, "postgres", user=password_role)
    assert _plain(address, "nepareizi") == WRONG_PASSWORD
    assert _plain(address, None) == WRONG_PASSWORD
    right = address.url(ROLE_PASSWORD).update_query_dict({"sslmode": "disable"})
    assert try_connection(right).server_version


@pytest.mark.postgres
def test_verify_full_against_a_server_with_tls(
    postgres_server: PostgresServer, tls_server: Path, tmp_path: Path
) -> None:
    address = _address(postgres_server, "postgres", tls="verify-full", ca_file=str(tls_server))
    assert try_connection(address.url(None)).server_version
    # Another CA, that did not sign the server's certificate, is a TLS failure.
    stranger = self_signed_ca(tmp_path)
    wrong = _address(postgres_server, "postgres", tls="verify-full", ca_file=str(stranger))
    with pytest.raises(ConnectionFailed) as failed:
        try_connection(wrong.url(None))
    assert failed.value.message == TLS_REFUSED


def test_driver_words_for_a_missing_role_and_an_unknown_trouble() -> None:
    role = RuntimeError('connection failed: FATAL:  role "desk" does not exist')
    assert connection_failure(role).message == WRONG_PASSWORD
    odd = RuntimeError("connection failed: something else entirely\nDETAIL: more")
    assert connection_failure(odd).message == (
        "The server could not be used: connection failed: something else entirely"
    )
