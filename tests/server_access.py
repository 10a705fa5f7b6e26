"""The test server made to ask for a password, or to speak TLS, as a library's server does.

tests/conftest.py imports the fixtures, so every test may ask for them.
Both change the session's server for the test only and put it back after.
"""

from __future__ import annotations

import datetime
import ipaddress
import os
import pwd
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import psycopg
import pytest
from psycopg import sql

from tests.postgres_server import PostgresServer

PASSWORD_ROLE = "openup_password_check"
ROLE_PASSWORD = "kopīgā-parole"


def settled(attempt: Callable[[], bool], tries: int = 400) -> None:
    """The server rereads its configuration when it gets to it: try until it has."""
    for _ in range(tries):
        if attempt():
            return
    pytest.fail("the server never took the new configuration")


@pytest.fixture
def password_role(postgres_server: PostgresServer) -> Iterator[str]:
    """A role the server asks a password of (the test server trusts everyone else)."""
    with postgres_server.connect_admin() as admin:
        row = admin.execute("SHOW hba_file").fetchone()
        assert row is not None
        hba = Path(str(row[0]))
        admin.execute(
            sql.SQL("CREATE ROLE {} LOGIN PASSWORD {}").format(
                sql.Identifier(PASSWORD_ROLE), sql.Literal(ROLE_PASSWORD)
            )
        )
        original = hba.read_text()
        hba.write_text(f"host all {PASSWORD_ROLE} 127.0.0.1/32 scram-sha-256\n" + original)
        admin.execute("SELECT pg_reload_conf()")

    def asks() -> bool:
        try:
            psycopg.connect(
                host=postgres_server.host,
                port=postgres_server.port,
                user=PASSWORD_ROLE,
                password="not-it",
                dbname="postgres",
            ).close()
        except psycopg.OperationalError:
            return True
        return False

    try:
        settled(asks)
        yield PASSWORD_ROLE
    finally:
        with postgres_server.connect_admin() as admin:
            hba.write_text(original)
            admin.execute("SELECT pg_reload_conf()")
            admin.execute(sql.SQL("DROP ROLE {}").format(sql.Identifier(PASSWORD_ROLE)))


def self_signed_ca(folder: Path) -> Path:
    """A certificate for localhost and 127.0.0.1 that is its own CA; returns the CA file."""
    # cryptography comes with keyring's Secret Service backend on Linux, where the test
    # server runs; elsewhere the TLS tests are skipped, saying so.
    pytest.importorskip("cryptography", reason="cryptography (keyring's, on Linux) is needed")
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")])
    now = datetime.datetime.now(datetime.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=2))
        .add_extension(
            x509.SubjectAlternativeName(
                [x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]
            ),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_file, key_file = folder / "server.crt", folder / "server.key"
    cert_file.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.TraditionalOpenSSL,
            serialization.NoEncryption(),
        )
    )
    key_file.chmod(0o600)
    if os.getuid() == 0:  # the server runs as `postgres` (tests/pg_ctl_as_postgres.sh)
        postgres = pwd.getpwnam("postgres")
        for path in (cert_file, key_file):
            os.chown(path, postgres.pw_uid, postgres.pw_gid)
    return cert_file


@pytest.fixture
def tls_server(postgres_server: PostgresServer) -> Iterator[Path]:
    """The server with TLS on (a self-signed certificate); yields the CA file to trust."""
    folder = Path(tempfile.mkdtemp(prefix="openup-tls-"))
    folder.chmod(0o755)
    ca_file = self_signed_ca(folder)
    with postgres_server.connect_admin() as admin:
        for setting, value in (
            ("ssl_cert_file", str(folder / "server.crt")),
            ("ssl_key_file", str(folder / "server.key")),
            ("ssl", "on"),
        ):
            admin.execute(
                sql.SQL("ALTER SYSTEM SET {} = {}").format(
                    sql.Identifier(setting), sql.Literal(value)
                )
            )
        admin.execute("SELECT pg_reload_conf()")

    def speaks_tls() -> bool:
        try:
            psycopg.connect(
                host=postgres_server.host,
                port=postgres_server.port,
                user=postgres_server.user,
                dbname="postgres",
                sslmode="require",
            ).close()
        except psycopg.OperationalError:
            return False
        return True

    try:
        settled(speaks_tls)
        yield ca_file
    finally:
        with postgres_server.connect_admin() as admin:
            for setting in ("ssl", "ssl_cert_file", "ssl_key_file"):
                admin.execute(sql.SQL("ALTER SYSTEM RESET {}").format(sql.Identifier(setting)))
            admin.execute("SELECT pg_reload_conf()")
        shutil.rmtree(folder, ignore_errors=True)
