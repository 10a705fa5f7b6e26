"""offline identities: a UUID for each participant, attendance and loan, and the journal
entries of offline desks already applied

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-30 20:30:00

Records a desk makes while the server is away get their identity on the laptop; a UUID
cannot collide with another laptop's. Rows already written get a UUID each here.
"""

from __future__ import annotations

import uuid

import sqlalchemy as sa
from alembic import op

from db.models import UTCDateTime

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

TABLES = ("participant", "attendance", "loan")
BATCH = 2000


def _give_uids(table_name: str) -> None:
    table = sa.table(table_name, sa.column("id", sa.Integer), sa.column("uid", sa.String))
    connection = op.get_bind()
    after = 0
    while True:
        ids = list(
            connection.execute(
                sa.select(table.c.id).where(table.c.id > after).order_by(table.c.id).limit(BATCH)
            ).scalars()
        )
        if not ids:
            break
        connection.execute(
            table.update()
            .where(table.c.id == sa.bindparam("row_id"))
            .values(uid=sa.bindparam("new")),
            [{"row_id": row_id, "new": str(uuid.uuid4())} for row_id in ids],
        )
        after = ids[-1]


def upgrade() -> None:
    # Added in place, not by copying the table (SQLite's batch mode): other tables' foreign
    # keys point at these, and SQLite refuses to drop a table they point at.
    postgresql = op.get_bind().dialect.name == "postgresql"
    for name in TABLES:
        op.add_column(
            name, sa.Column("uid", sa.String(length=36), nullable=False, server_default="")
        )
        _give_uids(name)
        if postgresql:  # the model gives every new row its uid; SQLite keeps the default
            op.alter_column(name, "uid", server_default=None)
        op.create_index(op.f(f"ix_{name}_uid"), name, ["uid"], unique=True)
    op.create_table(
        "applied_entry",
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("laptop", sa.String(length=100), nullable=False),
        sa.Column("applied_at", UTCDateTime(), nullable=False),
        sa.Column("records", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("uid", name=op.f("pk_applied_entry")),
    )


def downgrade() -> None:
    op.drop_table("applied_entry")
    for name in reversed(TABLES):
        op.drop_index(op.f(f"ix_{name}_uid"), table_name=name)
        # SQLite 3.35 and newer drop a column in place (the table is kept, see upgrade).
        op.execute(sa.text(f"ALTER TABLE {name} DROP COLUMN uid"))
