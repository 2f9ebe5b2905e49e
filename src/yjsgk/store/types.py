"""Exact decimal amounts in every database.

PostgreSQL keeps them as NUMERIC (exact). SQLite has no exact decimal type (its NUMERIC
affinity turns '262.98' into a binary float), so there an amount is kept as an integer count of
10⁻⁶ units: exact, and still summable and sortable in SQL.

Six decimals because that is the finest a real disclosure prints: most print two, but some
(e.g. Beijing's 2026 部门预算报表) print 万元 to the fen, 116,200.000000 and 501.398813, and
10⁻⁶ 万元 is 0.01 元. A 64-bit integer of 10⁻⁶ units still holds ±9.2×10¹² in the printed
unit (9.2 万亿元 for a table in 元), thousands of times the largest amount of the corpus.
(Until migration `storefix` the grid was 10⁻⁴, and every such document failed to store.)

So that a corpus means the same in both databases, an amount with more than six decimals or
beyond that range is refused in both, never rounded: the file fails to ingest with that reason.
"""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import BigInteger, Numeric
from sqlalchemy.types import TypeDecorator

SQLITE_SCALE = 6  # decimals kept exactly (see migration `storefix`, which moved it from 4)
_SQLITE_LIMIT = 2**63 - 1


class AmountError(ValueError):
    """An amount that cannot be stored exactly."""


def tidy(value: Decimal) -> Decimal:
    """Trailing zeros dropped, without switching to exponent form (100 stays 100)."""
    value = value.normalize()
    exponent = value.as_tuple().exponent  # a letter for NaN and infinity, which are never stored
    if isinstance(exponent, int) and exponent > 0:
        value = value.quantize(Decimal(1))
    return value


def printed(amount: Decimal, decimals: int | None) -> Decimal:
    """The amount with as many decimals as were printed (0.00 stays 0.00)."""
    return amount.quantize(Decimal(1).scaleb(-decimals)) if decimals is not None and decimals >= 0 else amount


def format_amount(amount: Decimal, decimals: int) -> str:
    """The canonical printed form of an amount (what the export writes back)."""
    return format(printed(amount, decimals), "f")


class ExactDecimal(TypeDecorator):
    impl = Numeric
    cache_ok = True

    def load_dialect_impl(self, dialect):
        if dialect.name == "sqlite":
            return dialect.type_descriptor(BigInteger())
        return dialect.type_descriptor(Numeric(asdecimal=True))

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        value = Decimal(value)
        scaled = value.scaleb(SQLITE_SCALE)
        if not value.is_finite() or scaled != scaled.to_integral_value():
            raise AmountError(
                f"金额 {value} 的小数位超过 {SQLITE_SCALE} 位，无法精确保存 (more than {SQLITE_SCALE} decimals)"
            )
        if abs(scaled) > _SQLITE_LIMIT:  # refused in both databases, as a finer amount is
            raise AmountError(f"金额 {value} 超出可精确保存的范围 (beyond ±{_SQLITE_LIMIT}×10⁻{SQLITE_SCALE})")
        if dialect.name != "sqlite":
            return value
        return int(scaled)

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        if dialect.name == "sqlite":
            return tidy(Decimal(int(value)).scaleb(-SQLITE_SCALE))
        return tidy(Decimal(value))
