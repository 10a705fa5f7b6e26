"""The session's real PostgreSQL server works and enforces partial unique indexes."""

import pytest
import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError

pytestmark = pytest.mark.postgres


def test_postgres_url_gives_empty_working_database(postgres_url: str) -> None:
    engine = sa.create_engine(postgres_url)
    try:
        with engine.begin() as conn:
            version = conn.execute(sa.text("select version()")).scalar_one()
            assert version.startswith("PostgreSQL ")
            tables = conn.execute(
                sa.text("select count(*) from pg_tables where schemaname = 'public'")
            ).scalar_one()
            assert tables == 0
            conn.execute(
                sa.text(
                    "CREATE TABLE loan (id serial PRIMARY KEY, item_id int NOT NULL,"
                    " returned_at timestamptz)"
                )
            )
            # At most one open loan per item; returned loans may repeat.
            conn.execute(
                sa.text(
                    "CREATE UNIQUE INDEX loan_one_open_per_item ON loan (item_id)"
                    " WHERE returned_at IS NULL"
                )
            )
            conn.execute(sa.text("INSERT INTO loan (item_id, returned_at) VALUES (1, now())"))
            conn.execute(sa.text("INSERT INTO loan (item_id, returned_at) VALUES (1, now())"))
            conn.execute(sa.text("INSERT INTO loan (item_id) VALUES (1)"))

        with pytest.raises(IntegrityError), engine.begin() as conn:
            conn.execute(sa.text("INSERT INTO loan (item_id) VALUES (1)"))

        with engine.connect() as conn:
            open_loans = conn.execute(
                sa.text("select count(*) from loan where returned_at is null")
            ).scalar_one()
        assert open_loans == 1
    finally:
        engine.dispose()
