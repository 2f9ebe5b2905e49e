"""Comparing a printed figure with what other printed figures imply, within rounding.

Amounts are kept in 元 and rounded when printed, so each printed figure may be off from its
true value by half a unit of its last printed digit. A printed total can therefore differ
from the sum of n printed terms by up to half-unit × (n + 1) without any mistake: within
that bound the difference is a rounding notice (尾数误差), beyond it an error.
"""

from __future__ import annotations

from contextvars import ContextVar
from dataclasses import dataclass
from decimal import Decimal

from ..model import Row, Table, Value
from .findings import Finding


@dataclass(frozen=True, slots=True)
class Term:
    value: Value
    sign: int = 1
    label: str = ""


def half_unit(values: list[Value]) -> Decimal:
    decimals = max((v.decimals for v in values), default=2)
    return Decimal(5).scaleb(-(decimals + 1))


# the rounding policy of the run: 1 = the bound above, 0 = strict, k = k times the bound
ROUNDING_MULTIPLIER: ContextVar[Decimal] = ContextVar("rounding_multiplier", default=Decimal(1))


def rounding_bound(values: list[Value]) -> Decimal:
    """half a unit of the finest printed digit, once per printed figure involved."""
    return half_unit(values) * len(values) * ROUNDING_MULTIPLIER.get()


def fmt(amount: Decimal) -> str:
    return format(amount, ",f")


def compare(
    *,
    rule: str,
    severity: str,
    found: Value,
    terms: list[Term],
    what: str,
    table: Table | None,
    row: Row | None = None,
    row_label: str | None = None,
    column: str | None = None,
) -> Finding | None:
    """Check that `found` equals the signed sum of `terms`; None when it does exactly."""
    expected = sum((t.sign * t.value.amount for t in terms), Decimal(0))
    difference = found.amount - expected
    if difference == 0:
        return None
    values = [found] + [t.value for t in terms]
    bound = rounding_bound(values)
    within = abs(difference) <= bound and bound > 0
    where = f"{table.display_name}" if table else ""
    message = (
        f"{where}{what}：应为 {fmt(expected)}，表中为 {fmt(found.amount)}，相差 {fmt(difference)}"
        + (f"，在尾数误差范围（±{fmt(bound)}）内。" if within else "。")
    )
    return Finding(
        rule=rule,
        severity="notice" if within else severity,
        message=message,
        table=table.id if table else None,
        table_title=table.display_name if table else None,
        row=row_label if row_label is not None else (row.label if row else None),
        column=column,
        expected=expected,
        found=found.amount,
        difference=difference,
        location=found.location,
        related=[t.value.location for t in terms],
    )


def describe_terms(terms: list[Term]) -> str:
    if not terms:
        return "0"
    if len(terms) > 6 and all(t.sign > 0 for t in terms):
        return f"{terms[0].label} 至 {terms[-1].label} 共 {len(terms)} 项"
    out = ""
    for i, t in enumerate(terms):
        if i == 0:
            out = t.label if t.sign > 0 else f"−{t.label}"
        else:
            out += f" {'+' if t.sign > 0 else '−'} {t.label}"
    return out
