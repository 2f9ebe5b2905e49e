"""Amounts on SQLite: integer count of 10⁻⁶ units instead of 10⁻⁴ (six decimals, as real
disclosures print 万元 to the fen); see yjsgk.store.types. PostgreSQL (NUMERIC) is unchanged.

Revision ID: storefix
Revises: web
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "storefix"
down_revision = "web"
branch_labels = None
depends_on = None

_FACTOR = 100  # 10⁻⁴ → 10⁻⁶
_LIMIT = 2**63 - 1


def upgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name != "sqlite":
        return
    largest = conn.execute(sa.text("SELECT max(abs(amount)) FROM line_items")).scalar()
    if largest is not None and int(largest) > _LIMIT // _FACTOR:
        # SQLite would silently turn the product into a float: refuse rather than lose digits
        raise RuntimeError(f"line_items.amount {int(largest)}×10⁻⁴ cannot be kept on a 10⁻⁶ grid in 64 bits")
    conn.execute(sa.text(f"UPDATE line_items SET amount = amount * {_FACTOR}"))


def downgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name != "sqlite":
        return
    finer = conn.execute(sa.text(f"SELECT count(*) FROM line_items WHERE amount % {_FACTOR} != 0")).scalar()
    if finer:
        raise RuntimeError(f"{finer} amounts have more than four decimals and cannot be kept on a 10⁻⁴ grid")
    conn.execute(sa.text(f"UPDATE line_items SET amount = amount / {_FACTOR}"))
