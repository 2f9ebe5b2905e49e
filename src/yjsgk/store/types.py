"""Exact decimal amounts in every database.

PostgreSQL keeps them as NUMERIC (exact). SQLite has no exact decimal type (its NUMERIC
affinity turns '262.98' into a binary float), so there an amount is kept as an integer count of
10⁻⁴ units: exact, and still summable and sortable in SQL. So that a corpus means the same in
both databases, an amount with more than four decimals (disclosures print two) is refused in
both, never rounded: the file fails to ingest with that reason.
"""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import BigInteger, Numeric
from sqlalchemy.types import TypeDecorator

SQLITE_SCALE = 4
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
        if dialect.name != "sqlite":
            return value
        scaled = int(scaled)
        if abs(scaled) > _SQLITE_LIMIT:
            raise AmountError(f"金额 {value} 超出 SQLite 可精确保存的范围")
        return scaled

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        if dialect.name == "sqlite":
            return tidy(Decimal(int(value)).scaleb(-SQLITE_SCALE))
        return tidy(Decimal(value))
