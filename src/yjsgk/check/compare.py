"""Comparing a printed figure with what other printed figures imply, within rounding.

Amounts are kept in 元 and rounded when printed, so each printed figure may be off from its
true value by half a unit of its last printed digit. A printed total can therefore differ
from the sum of n printed terms by up to the half units of all of them without any mistake:
within that bound the difference is a rounding notice (尾数误差), beyond it an error.

Percentages (a share, a growth or completion rate) are judged the same way: the printed
operands allow a range of true ratios (`ratio_range`, `growth_range`), and the printed
percentage is right when it can be the rounded value of one of them (`percent_verdict`);
missing that range by less than one unit of its last digit is a notice.

This module owns the rounding bound (`rounding_bound`) and its wording (`rounding_tail`):
every rule that compares printed figures goes through them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING

from ..document import Location
from ..model import Row, Table, Value
from .findings import Finding

if TYPE_CHECKING:
    from .context import CheckContext

HUNDRED = Decimal(100)


@dataclass(frozen=True, slots=True)
class Term:
    value: Value
    sign: int = 1
    label: str = ""


@dataclass(frozen=True, slots=True)
class Operand:
    """A printed figure (or a sum of printed figures) as an operand of a comparison."""

    amount: Decimal
    half: Decimal  # how far its true value may be: half a unit of its last printed digit (each figure summed)
    name: str = ""  # how a message names it
    location: Location | None = None


def half_unit(decimals: int) -> Decimal:
    """Half a unit of the last digit of a figure printed with `decimals` decimals."""
    return Decimal(5).scaleb(-(decimals + 1))


def rounded(value: Decimal, decimals: int) -> Decimal:
    """`value` as it is printed with `decimals` decimals (half up, as spreadsheets round)."""
    return value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def rounding_bound(halves: Iterable[Decimal], multiplier: Decimal = Decimal(1)) -> Decimal:
    """How far printed figures may be off together: the sum of their half units, times the
    run's rounding policy (1 = this bound, 0 = strict, k = k times it)."""
    return sum(halves, Decimal(0)) * multiplier


def figure_half(value: Value, finest: int = 0) -> Decimal:
    """How far a printed figure may be from its true value: half a unit of ITS OWN last printed
    digit (204.9 may be 204.85 … 204.95 whatever its neighbours print). A bare 0 among figures
    printed with decimals (`finest` > 0) is nothing at all: such a table prints a rounded zero
    as 0.00."""
    if value.amount == 0 and value.decimals == 0 and finest > 0:
        return Decimal(0)
    return half_unit(value.decimals)


def figure_halves(values: list[Value]) -> list[Decimal]:
    """The half units printed figures contribute to a rounding bound, each its own."""
    finest = max((v.decimals for v in values), default=0)
    return [figure_half(v, finest) for v in values]


def operands(values: list[Value]) -> list[Operand]:
    """Printed figures as operands, each with its half unit among the others."""
    return [Operand(v.amount, h, v.text, v.location) for v, h in zip(values, figure_halves(values), strict=True)]


def table_bound(values: list[Value], multiplier: Decimal = Decimal(1)) -> Decimal:
    """The rounding bound of a comparison among printed figures."""
    return rounding_bound(figure_halves(values), multiplier)


def within_bound(difference: Decimal, bound: Decimal) -> bool:
    """A difference that rounding alone explains (never under a strict policy)."""
    return bound > 0 and abs(difference) <= bound


@dataclass(frozen=True, slots=True)
class Restatement:
    """How one quantity printed twice (a table cell and the narrative's figure) compares."""

    verdict: str  # ok | notice | error
    bound: Decimal  # the rounding bound of the two printings
    truncated: bool = False  # beyond the bound, within one unit of the coarser last digit

    @property
    def tail(self) -> str:
        if self.truncated:
            return percent_tail("notice")
        return rounding_tail(self.verdict == "notice", self.bound)


def restatement(difference: Decimal, a: Operand, b: Operand, multiplier: Decimal = Decimal(1)) -> Restatement:
    """Two printings of one quantity, `difference` apart (each operand's half unit in the unit
    of `difference`). The same figure printed to a coarser precision (0.2 for 0.20, 1,237 万元 for
    12,370,000 元) is ok within half a unit of the coarser last digit; within the rounding bound
    of both the difference is a notice, and so is one within one unit of the coarser last digit
    (1,237 万元 for 12,376,671 元, 204.91 for 2,049,197 元: truncated, or added up from rounded
    parts); beyond that an error."""
    bound = rounding_bound((a.half, b.half), multiplier)
    if difference == 0:
        return Restatement("ok", bound)
    coarse = max(a.half, b.half)
    if a.half != b.half and abs(difference) <= coarse:
        return Restatement("ok", bound)
    if within_bound(difference, bound):
        return Restatement("notice", bound)
    if within_bound(difference, 2 * coarse * multiplier):
        return Restatement("notice", bound, truncated=True)
    return Restatement("error", bound)


def rounding_tail(is_within: bool, bound: Decimal) -> str:
    """The end of a message about a difference: within the bound, say so."""
    return f"，在尾数误差范围（±{fmt(bound)}）内。" if is_within else "。"


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
        return within_bound(self.difference, self.bound)

    def statement(self, what: str, found: Decimal) -> str:
        return f"{what}：应为 {fmt(self.expected)}，表中为 {fmt(found)}，相差 {fmt(self.difference)}" + rounding_tail(
            self.within, self.bound
        )


def imbalance(
    found: Value, terms: list[Term], *, exact: bool = False, multiplier: Decimal = Decimal(1)
) -> Imbalance | None:
    """None when `found` equals Σ terms; `exact` for figures that are not rounded (scores)."""
    expected = sum((t.sign * t.value.amount for t in terms), Decimal(0))
    difference = found.amount - expected
    if difference == 0:
        return None
    bound = Decimal(0) if exact else table_bound([found] + [t.value for t in terms], multiplier)
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


# -- percentages ----------------------------------------------------------------------------


def ratio_range(num: Operand, den: Operand, multiplier: Decimal = Decimal(1)) -> tuple[Decimal, Decimal] | None:
    """The percentages num ÷ den can be, given both are rounded; None when den may be 0."""
    num_half, den_half = num.half * multiplier, den.half * multiplier
    if den.amount - den_half <= 0:
        return None
    lo = max(num.amount - num_half, Decimal(0)) / (den.amount + den_half) * HUNDRED
    hi = (num.amount + num_half) / (den.amount - den_half) * HUNDRED
    return lo, hi


def growth_range(
    change: Operand, current: Operand, sign: int, multiplier: Decimal = Decimal(1)
) -> tuple[Decimal, Decimal] | None:
    """change ÷ (current − signed change) over the rounding of both printed figures; None when
    the base may be 0 or less (growth from nothing has no rate)."""
    values = []
    for c in (change.amount - change.half * multiplier, change.amount + change.half * multiplier):
        for cur in (current.amount - current.half * multiplier, current.amount + current.half * multiplier):
            base = cur - sign * c
            if base <= 0:
                return None
            values.append(max(c, Decimal(0)) / base * HUNDRED)
    return min(values), max(values)


def in_interval(value: Decimal, span: tuple[Decimal, Decimal], tolerance: Decimal = Decimal(0)) -> bool:
    """`value` within [lo − tolerance, hi + tolerance]."""
    return span[0] - tolerance <= value <= span[1] + tolerance


def percent_verdict(printed: Decimal, decimals: int, span: tuple[Decimal, Decimal]) -> str:
    """ "ok" when the printed percentage can be the rounded value of a ratio in `span`, "notice"
    when it misses what correct rounding prints by one unit of its last digit (63.75% for
    63.74%: truncated, or forced to add up to 100), else "error"."""
    lo, hi = span
    if in_interval(printed, span, half_unit(decimals)):  # its own rounding (the operands' is in lo..hi)
        return "ok"
    unit = Decimal(1).scaleb(-decimals)
    return "notice" if in_interval(printed, (rounded(lo, decimals), rounded(hi, decimals)), unit) else "error"


def percent_tail(verdict: str) -> str:
    """The end of a message about a percentage: a notice says why it is one."""
    return "，相差不足一个末位单位（截尾或凑整）。" if verdict == "notice" else "。"


def added_up_from_leaves(
    ctx: CheckContext,
    finding: Finding | None,
    found: Value | None,
    subtotals: list[tuple[Value, list[Value]]],
    name: str = "末级科目",
) -> Finding | None:
    """A total beyond the rounding bound of its direct items, but equal within rounding to the
    sum of the lowest printed figures below them, was added up from those rounded figures (合计
    from rounded 款 while each 类 is rounded on its own): the gap is rounding, a notice. Only when
    every item is itself within rounding of its own lowest figures (`subtotals`: each item with
    them): an item off beyond that is the mistake, reported on its own row."""
    if finding is None or finding.severity or found is None or all(len(ls) <= 1 for _v, ls in subtotals):
        return finding
    leaves = [v for _v, ls in subtotals for v in ls]
    for value, own in [(found, leaves), *subtotals]:
        gap = imbalance(value, [Term(v) for v in own], multiplier=ctx.rounding_multiplier)
        if gap is not None and not gap.within:
            return finding
    finding.severity = "notice"
    total = sum((v.amount for v in leaves), Decimal(0))
    finding.message = (
        finding.message.rstrip("。") + f"；与{name}（{len(leaves)} 项）之和 {fmt(total)} 相符，系各级分别取整所致。"
    )
    return finding
