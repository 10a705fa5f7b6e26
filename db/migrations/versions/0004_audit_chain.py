"""audit chain: each audit event's digest and chain value, erasure seals, the chain's head

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-30 17:30:00

The events already written are chained in the order of their ids, as db.audit chains new
ones; an event rewritten by an erasure before this revision is chained as it stands now.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from db.audit import CHAIN_KEY, GENESIS, content_of, digest_of, link
from db.models import UTCDateTime

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

BATCH = 2000


def upgrade() -> None:
    op.add_column("audit_event", sa.Column("digest", sa.String(length=64), nullable=True))
    op.add_column("audit_event", sa.Column("chain", sa.String(length=64), nullable=True))
    op.add_column("audit_event", sa.Column("seals", sa.JSON(), nullable=True))
    op.add_column("audit_event", sa.Column("sealed_by", sa.Integer(), nullable=True))
    events = sa.table(
        "audit_event",
        sa.column("id", sa.Integer),
        sa.column("at", UTCDateTime()),
        sa.column("staff_id", sa.Integer),
        sa.column("action", sa.String),
        sa.column("entity", sa.String),
        sa.column("entity_id", sa.Integer),
        sa.column("description", sa.Text),
        sa.column("changes", sa.JSON),
        sa.column("seals", sa.JSON),
        sa.column("digest", sa.String),
        sa.column("chain", sa.String),
    )
    settings = sa.table("shared_setting", sa.column("key", sa.String), sa.column("value", sa.JSON))
    connection = op.get_bind()
    chain, count, after = GENESIS, 0, 0
    while True:
        rows = connection.execute(
            sa.select(events).where(events.c.id > after).order_by(events.c.id).limit(BATCH)
        ).all()
        if not rows:
            break
        sealed = []
        for row in rows:
            digest = digest_of(content_of(row))
            chain = link(chain, digest)
            sealed.append({"row_id": row.id, "digest": digest, "chain": chain})
        connection.execute(
            events.update()
            .where(events.c.id == sa.bindparam("row_id"))
            .values(digest=sa.bindparam("digest"), chain=sa.bindparam("chain")),
            sealed,
        )
        count += len(rows)
        after = rows[-1].id
    connection.execute(
        settings.insert().values(key=CHAIN_KEY, value={"chain": chain, "events": count})
    )


def downgrade() -> None:
    op.execute(sa.text(f"DELETE FROM shared_setting WHERE key = '{CHAIN_KEY}'"))
    with op.batch_alter_table("audit_event", schema=None) as batch_op:
        batch_op.drop_column("sealed_by")
        batch_op.drop_column("seals")
        batch_op.drop_column("chain")
        batch_op.drop_column("digest")
