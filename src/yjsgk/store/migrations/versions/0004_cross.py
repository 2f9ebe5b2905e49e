"""Checks across documents from the database: the narrative snapshot of each document (outline,
template facts, performance tables), how each table was read, and the rows' 单位编码.

Revision ID: cross
Revises: storefix
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "cross"
down_revision = "storefix"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "narratives",
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("snapshot", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"], ["documents.id"], name=op.f("fk_narratives_document_id_documents"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("document_id", name=op.f("pk_narratives")),
    )
    op.add_column("tables", sa.Column("reading", sa.JSON(), nullable=True))
    op.add_column("table_rows", sa.Column("unit_code", sa.String(length=64), nullable=True))


def downgrade() -> None:
    # a plain DROP COLUMN (SQLite ≥ 3.35): a batch copy would drop and recreate the tables, and
    # SQLite's foreign keys would cascade the drop into every line item
    op.execute("ALTER TABLE table_rows DROP COLUMN unit_code")
    op.execute("ALTER TABLE tables DROP COLUMN reading")
    op.drop_table("narratives")
