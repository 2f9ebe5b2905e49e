"""Comparing a printed figure with what other printed figures imply, within rounding.

Amounts are kept in 元 and rounded when printed, so each printed figure may be off from its
true value by half a unit of its last printed digit. A printed total can therefore differ
from the sum of n printed terms by up to half-unit × (n + 1) without any mistake: within
that bound the difference is a rounding notice (尾数误差), beyond it an error.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from ..model import Row, Table, Value
from .findings import Finding

if TYPE_CHECKING:
    from .context import CheckContext


@dataclass(frozen=True, slots=True)
class Term:
    value: Value
    sign: int = 1
    label: str = ""


def half_unit(values: list[Value]) -> Decimal:
    decimals = max((v.decimals for v in values), default=2)
    return Decimal(5).scaleb(-(decimals + 1))


def rounding_bound(values: list[Value], multiplier: Decimal = Decimal(1)) -> Decimal:
    """half a unit of the finest printed digit, once per printed figure involved, times the
    run's rounding policy (1 = this bound, 0 = strict, k = k times it)."""
    return half_unit(values) * len(values) * multiplier


def fmt(amount: Decimal) -> str:
    return format(amount, ",f")


@dataclass(frozen=True, slots=True)
class Imbalance:
    """How far a printed figure is from the signed sum of other printed figures."""

    expected: Decimal
    difference: Decimal
    bound: Decimal

    @property
    def within(self) -> bool:
        return self.bound > 0 and abs(self.difference) <= self.bound

    def statement(self, what: str, found: Decimal) -> str:
        return f"{what}：应为 {fmt(self.expected)}，表中为 {fmt(found)}，相差 {fmt(self.difference)}" + (
            f"，在尾数误差范围（±{fmt(self.bound)}）内。" if self.within else "。"
        )


def imbalance(
    found: Value, terms: list[Term], *, exact: bool = False, multiplier: Decimal = Decimal(1)
) -> Imbalance | None:
    """None when `found` equals Σ terms; `exact` for figures that are not rounded (scores)."""
    expected = sum((t.sign * t.value.amount for t in terms), Decimal(0))
    difference = found.amount - expected
    if difference == 0:
        return None
    bound = Decimal(0) if exact else rounding_bound([found] + [t.value for t in terms], multiplier)
    return Imbalance(expected, difference, bound)


def compare(
    ctx: CheckContext,
    *,
    found: Value | None,
    terms: list[Term],
    what: str,
    table: Table | None,
    row: Row | None = None,
    row_label: str | None = None,
    column: str | None = None,
) -> Finding | None:
    """Check that `found` equals the signed sum of `terms`, within the context's rounding policy.

    None when it does exactly, or when there is nothing to compare (no figure, no terms). A
    violation carries no rule or severity: the engine stamps the running rule's.
    """
    if found is None or not terms:
        return None
    gap = imbalance(found, terms, multiplier=ctx.rounding_multiplier)
    if gap is None:
        return None
    where = f"{table.display_name}" if table else ""
    message = where + gap.statement(what, found.amount)
    return Finding(
        severity="notice" if gap.within else "",
        message=message,
        table=table.id if table else None,
        table_title=table.display_name if table else None,
        row=row_label if row_label is not None else (row.label if row else None),
        column=column,
        expected=gap.expected,
        found=found.amount,
        difference=gap.difference,
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
