"""Checks across documents: a disclosure against its neighbours (other years, the budget of a final
account, another printing of the same one), given with `check FILE --with OTHER…` or found in the
corpus database (`check --db`). They live in the check context (`CheckContext.neighbours`); without
neighbours these rules say nothing.

Certain or silent: a pair is made only when department (`departments.identity`, aliases folded),
year and kind are known and agree, and both documents cover the same scope (a 单位预算 is not its
department's 部门预算; (本级) is not the whole department). Money units are converted; a figure
printed in 元 against one in 万元 is compared within the coarser one's rounding (compare.py). What
another document may state differently for a reason the documents do not show (a budget adjusted
during the year, an opening balance restated after a reorganisation) is a warning, never an error.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from ...departments import identity
from ...document import Location
from ...model import Disclosure, Row, Table, Value
from ...textnorm import key
from ..compare import Operand, fmt, half_unit, restatement, rounding_bound, rounding_tail, within_bound
from ..context import CheckContext
from ..findings import Finding
from ..registry import BUDGET, FINAL, rule

FAMILIES = {"final": "final", "final_with_performance": "final", "budget": "budget", "performance": "performance"}
UNIT_FACTORS = {"元": Decimal(1), "千元": Decimal(1000), "万元": Decimal(10000), "亿元": Decimal(100000000)}
KIND_NAMES = {"final": "决算", "budget": "预算", "performance": "绩效自评"}

_UNIT_SCOPE = re.compile(r"单位(?:预算|决算)|预算单位[：:]")
_DEPARTMENT_SCOPE = re.compile(r"部门(?:预算|决算)|(?:预算)?主管部门[：:]")
_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
_ADJUSTED = re.compile(r"调整|全年")
_ADJUSTED_NOTE = re.compile(r"调整后|全年预算")
_INITIAL = re.compile(r"年初")


# -- pairing -----------------------------------------------------------------------------------


def family(d: Disclosure) -> str | None:
    return FAMILIES.get(d.kind)


def scope(d: Disclosure) -> str | None:
    """department | unit | None: what the cover says the document covers (上海市普陀区2025年区级单位
    预算 / 预算单位：… is one unit; …部门预算 / 预算主管部门：… the whole department)."""
    if d.outline is None:
        return None
    head = [key(line.text) for line in d.outline.lines[:12]]
    unit = any(_UNIT_SCOPE.search(t) for t in head)
    department = any(_DEPARTMENT_SCOPE.search(t) for t in head)
    if unit != department:
        return "unit" if unit else "department"
    return None


def neighbours(d: Disclosure, ctx: CheckContext, *, year: int, fam: str) -> list[Disclosure]:
    """The given documents of the same department and scope, of `year` and family `fam` — only
    when all of it is certain (department and year recognized, never a blank template)."""
    me = identity(d.department)
    if me is None or d.year is None or d.template:
        return []
    out = []
    for other in ctx.neighbours:
        if other is d or other.source == d.source or other.template or other.year != year:
            continue
        if family(other) != fam or identity(other.department) != me:
            continue
        if None not in (scope(d), scope(other)) and scope(other) != scope(d):
            continue  # a unit's budget beside its department's (a file of tables alone says neither)
        out.append(other)
    return out


def _where(d: Disclosure) -> str:
    return d.source.rsplit("/", 1)[-1]


def _page(value: Value) -> str:
    return f"第{value.location.page}页" if value.location.page is not None else f"第{value.location.line}行"


# -- figures in one unit -------------------------------------------------------------------------


def unit_of(table: Table, d: Disclosure) -> str | None:
    return table.unit or d.unit


def operand(value: Value, unit: str, name: str = "") -> Operand:
    """A printed figure in 元, with its half unit in 元 too."""
    factor = UNIT_FACTORS[unit]
    return Operand(value.amount * factor, half_unit(value.decimals) * factor, name or value.text, value.location)


def in_unit(amount: Decimal, unit: str) -> Decimal:
    """An amount in 元 shown in `unit` (as the document prints it)."""
    return (amount / UNIT_FACTORS[unit]).normalize()


@dataclass(frozen=True, slots=True)
class Pairing:
    """One figure of this document against the same figure printed by another one."""

    table: Table
    row: Row
    column_label: str
    value: Value
    unit: str
    other: Disclosure
    other_value: Value
    other_unit: str


def judge(ctx: CheckContext, p: Pairing, what: str, severity: str = "warning") -> Finding | None:
    """None when the two printings agree (a coarser one within its own rounding included); a
    notice within the rounding of both; else a finding of `severity`."""
    a, b = operand(p.value, p.unit), operand(p.other_value, p.other_unit)
    verdict = restatement(a.amount - b.amount, a, b, ctx.rounding_multiplier)
    if verdict.verdict == "ok":
        return None
    expected = in_unit(b.amount, p.unit)
    difference = p.value.amount - expected
    row = f"“{p.row.label}”" if p.row.label and p.row.key != "values" else ""
    message = (
        f"{p.table.display_name}{row}“{p.column_label}”为 {fmt(p.value.amount)}，{what}为 "
        f"{fmt(p.other_value.amount)}{'' if p.other_unit == p.unit else f' {p.other_unit}'}"
        f"（{_where(p.other)} {_page(p.other_value)}），相差 {fmt(difference)}{verdict.tail}"
    )
    return Finding(
        severity="notice" if verdict.verdict == "notice" else severity,
        message=message,
        table=p.table.id,
        table_title=p.table.display_name,
        row=p.row.label,
        column=p.column_label,
        expected=expected,
        found=p.value.amount,
        difference=difference,
        location=p.value.location,
        related=[p.other_value.location],
    )


def counterpart(row: Row, other: Table) -> Row | None:
    """The same row in another printing of the table: by code, by item, else by its printed name
    (a 三公 table listed by unit), only when exactly one row matches."""
    if row.code:
        return other.find(code=row.code) if not other.repeated_codes else None
    if row.key and row.key not in ("values", "previous_year", "change"):
        return other.find(key=row.key, side=row.side)
    if row.key == "values":
        found = [r for r in other.rows if r.key == "values"]
        return found[0] if len(found) == 1 else None
    name = key(row.name)
    if not name:  # a one-row table printing no row name: its one row
        found = [r for r in other.rows if r.values and r.key is None and r.code is None]
        return found[0] if len(found) == 1 and _single_row(row, other) else None
    found = [r for r in other.rows if r.key is None and r.code is None and key(r.name) == name]
    return found[0] if len(found) == 1 else None


def _single_row(row: Row, other: Table) -> bool:
    return sum(1 for r in other.rows if r.values) == 1


def comparable(table: Table) -> bool:
    """A table read for certain: columns by header, codes printed once."""
    return not table.uncertain and not table.repeated_codes and not table.is_empty()


# -- cross.year.carry-over ---------------------------------------------------------------------

CARRY_TABLES = ("final.summary", "final.fiscal_summary")
FUND_LABELS = {
    "all": "合计",
    "general_budget": "一般公共预算",
    "gov_fund": "政府性基金",
    "state_capital": "国有资本经营",
}


def carry(table: Table, which: str) -> dict[str, tuple[Row, Value]]:
    """The opening or closing balance of a 总表 by fund ("all" for the whole): the balance row's
    columns, or its fund rows (年初财政拨款结转和结余 › 一般公共预算财政拨款)."""
    out: dict[str, tuple[Row, Value]] = {}
    for row in table.rows:
        if row.key == which:
            for column, value in row.values.items():
                fund = "all" if column in ("amount", "total") else column
                if fund in FUND_LABELS:
                    out.setdefault(fund, (row, value))
        elif row.key and row.key.startswith(which + ".") and "amount" in row.values:
            out.setdefault(row.key.split(".", 1)[1], (row, row.values["amount"]))
    return out


@rule(
    "cross.year.carry-over",
    "年初结转和结余与上年年末结转和结余一致",
    severity="warning",
    kinds=FINAL,
    rationale="""What a department carries into the year is what it carried out of the last one: the
    年初结转和结余 of this year's 总表 (01, and 04 by fund) equals the 年末结转和结余 of last year's
    final accounts, fund by fund. Run when last year's final accounts are given (--with, --db). A
    warning, not an error: an opening balance restated (a reorganisation, a correction of last year's
    books) is legitimate and explained in the 情况说明.""",
)
def carry_over(d: Disclosure, ctx: CheckContext) -> Iterator[Finding | None]:
    if d.year is None:
        return
    for last in neighbours(d, ctx, year=d.year - 1, fam="final"):
        for table_id in CARRY_TABLES:
            table, before = d.table(table_id), last.table(table_id)
            if table is None or before is None or not comparable(table) or not comparable(before):
                continue
            unit, other_unit = unit_of(table, d), unit_of(before, last)
            if unit not in UNIT_FACTORS or other_unit not in UNIT_FACTORS:
                continue
            closing = carry(before, "closing_balance")
            for fund, (row, value) in carry(table, "opening_balance").items():
                if fund not in closing:
                    continue
                pairing = Pairing(table, row, FUND_LABELS[fund], value, unit, last, closing[fund][1], other_unit)
                yield judge(ctx, pairing, f"上年（{last.year}年）决算“{closing[fund][0].name}”（{FUND_LABELS[fund]}）")


# -- cross.year.previous-budget ------------------------------------------------------------------


@rule(
    "cross.year.previous-budget",
    "上年预算数与上年预算文件一致",
    severity="warning",
    kinds=BUDGET,
    rationale="""A budget that prints last year's figures beside its own (上年预算数, 2025年预算数)
    restates last year's budget: each such figure equals the same cell of last year's budget
    document. Run when last year's budget is given (--with, --db). A warning: a column headed
    上年 may hold last year's adjusted budget.""",
)
def previous_budget(d: Disclosure, ctx: CheckContext) -> Iterator[Finding | None]:
    if d.year is None:
        return
    for last in neighbours(d, ctx, year=d.year - 1, fam="budget"):
        for table in d.tables:
            if not table.earlier_labels or not comparable(table):
                continue
            before = last.table(table.id)
            unit, other_unit = unit_of(table, d), unit_of(before, last) if before else None
            if before is None or not comparable(before) or unit not in UNIT_FACTORS or other_unit not in UNIT_FACTORS:
                continue
            for column, label in table.earlier_labels.items():
                kind, _, own = column.partition(".")
                years = {int(y) for y in _YEAR.findall(label)}
                if kind != "previous" or (years and years != {last.year}) or _ADJUSTED.search(label):
                    continue
                for row in table.rows:
                    value = row.earlier.get(column)
                    match = counterpart(row, before) if value is not None else None
                    if value is None or match is None or own not in match.values:
                        continue
                    pairing = Pairing(
                        table, row, " ".join(label.split()), value, unit, last, match.values[own], other_unit
                    )
                    yield judge(
                        ctx,
                        pairing,
                        f"{last.year}年预算文件{before.display_name}“{before.column_labels.get(own, own)}”",
                    )


# -- cross.year.change ---------------------------------------------------------------------------


def _cell_of(d: Disclosure, location: Location) -> tuple[Table, Row, str, Value] | None:
    for table in d.tables:
        for row in table.rows:
            for column, value in row.values.items():
                if value.location == location:
                    return table, row, column, value
    return None


@rule(
    "cross.year.change",
    "“与上年相比”的增减额与上年文件一致",
    severity="warning",
    kinds=FINAL + BUDGET,
    rationale="""The 情况说明 states how a figure changed from last year (与上年相比增加 2,248.37 万元):
    this year's figure less that change is last year's, and last year's document prints it in the
    same cell. Run when last year's document of the same kind is given (--with, --db). A warning:
    the text may compare with last year's executed or adjusted figure.""",
)
def year_change(d: Disclosure, ctx: CheckContext) -> Iterator[Finding | None]:
    fam = family(d)
    if d.year is None or fam is None or not d.claims:
        return
    # last year's tables, printed in its own file or in a file of tables beside its 情况说明
    lasts = [t for last in neighbours(d, ctx, year=d.year - 1, fam=fam) if (t := with_tables(last, ctx)) is not None]
    if not lasts:
        return
    if not _has_amounts(d):  # this year's 情况说明 alone: its claims read against the year's tables
        d = narrative_with_tables(d, ctx) or d
    claims = {c.id: c for c in d.claims}
    current_of: dict[int, int] = {}
    for c in d.claims:
        if c.refs.get("change") is not None and c.refs.get("current") is not None:
            current_of.setdefault(c.refs["change"], c.refs["current"])
    for change in d.claims:
        current = claims.get(current_of.get(change.id, -1))
        if change.kind != "change" or change.base != "previous_year" or change.value is None or not change.money:
            continue
        if (
            current is None
            or current.link is None
            or current.link.blank
            or current.link.terms != 1
            or current.link.soft
        ):
            continue
        cell = _cell_of(d, current.link.location)
        if cell is None or change.unit not in UNIT_FACTORS:
            continue
        table, row, column, value = cell
        unit = unit_of(table, d)
        if unit not in UNIT_FACTORS or not comparable(table):
            continue
        for last in lasts:
            before = last.table(table.id)
            other_unit = unit_of(before, last) if before else None
            match = counterpart(row, before) if before is not None and comparable(before) else None
            if match is None or column not in match.values or other_unit not in UNIT_FACTORS:
                continue
            now, was = operand(value, unit), operand(match.values[column], other_unit)
            step = UNIT_FACTORS[change.unit]
            delta = change.value * step * (change.sign or 0)
            bound = rounding_bound((now.half, was.half, half_unit(change.decimals) * step), ctx.rounding_multiplier)
            gap = (now.amount - was.amount) - delta
            if gap == 0:
                continue
            shown = in_unit(now.amount - was.amount, change.unit)
            said = "增加" if change.sign > 0 else "减少" if change.sign < 0 else "持平"
            yield Finding(
                severity="notice" if within_bound(gap, bound) else "",
                message=(
                    f"情况说明称“{current.subject_text or table.display_name + '“' + row.label + '”'}”与上年相比{said}"
                    f" {change.text}；本年{table.display_name}“{row.label}”为 {fmt(value.amount)}，上年（{last.year}年）"
                    f"文件（{_where(last)} {_page(match.values[column])}）为 {fmt(match.values[column].amount)}"
                    f"{'' if other_unit == unit else f' {other_unit}'}，实际相差 {fmt(shown)} {change.unit}"
                    + rounding_tail(within_bound(gap, bound), in_unit(bound, change.unit))
                ),
                table=table.id,
                table_title=table.display_name,
                row=row.label,
                column=table.column_labels.get(column, column),
                expected=shown,
                found=change.value * (change.sign or 0),
                difference=in_unit(gap, change.unit),
                location=change.location,
                related=[value.location, match.values[column].location],
            )


# -- cross.document.three-public-budget ----------------------------------------------------------

# 决算 07表's 预算数 columns → the budget's 三公 table columns
THREE_PUBLIC_BUDGET = (
    ("budget_total", ("three_public", "total")),
    ("budget_abroad", ("abroad",)),
    ("budget_vehicle", ("vehicle",)),
    ("budget_vehicle_purchase", ("vehicle_purchase",)),
    ("budget_vehicle_operation", ("vehicle_operation",)),
    ("budget_reception", ("reception",)),
    ("budget_meeting", ("meeting",)),
    ("budget_training", ("training",)),
)


def _department_row(table: Table) -> Row | None:
    """The budget 三公 table's figures for the whole department: its 合计 row, or its one row."""
    total = table.find(key="total")
    if total is not None:
        return total
    rows = [r for r in table.rows if r.values and r.key not in ("previous_year", "change")]
    return rows[0] if len(rows) == 1 else None


@rule(
    "cross.document.three-public-budget",
    "决算三公经费预算数与当年预算一致",
    severity="warning",
    kinds=FINAL,
    rationale="""The 预算数 columns of the final accounts' 三公 table (07) restate the year's budget:
    each equals the budget document's 三公 table. Run when the same year's budget is given (--with,
    --db). A warning (an error would need the 预算数 to be the 年初预算 for certain); a column headed
    全年预算/调整预算 may differ by the budget adjusted during the year: a notice.""",
)
def three_public_budget(d: Disclosure, ctx: CheckContext) -> Iterator[Finding | None]:
    if d.year is None:
        return
    table = d.table("final.three_public")
    if table is None or not comparable(table):
        return
    row = next((r for r in table.rows if r.values), None)
    unit = unit_of(table, d)
    if row is None or unit not in UNIT_FACTORS:
        return
    for budget in neighbours(d, ctx, year=d.year, fam="budget"):
        other = budget.table("budget.three_public")
        other_row = _department_row(other) if other is not None and comparable(other) else None
        other_unit = unit_of(other, budget) if other is not None else None
        if other is None or other_row is None or other_unit not in UNIT_FACTORS:
            continue
        for column, candidates in THREE_PUBLIC_BUDGET:
            value = row.values.get(column)
            own = next((c for c in candidates if c in other_row.values), None)
            if value is None or own is None:
                continue
            label = table.column_labels.get(column, column)
            pairing = Pairing(table, row, label, value, unit, budget, other_row.values[own], other_unit)
            finding = judge(
                ctx, pairing, f"{budget.year}年预算文件{other.display_name}“{other.column_labels.get(own, own)}”"
            )
            adjusted = (_ADJUSTED.search(label) and not _INITIAL.search(label)) or any(
                _ADJUSTED_NOTE.search(key(note)) for note in table.notes
            )
            if finding is not None and finding.severity != "notice" and adjusted:
                finding.severity = "notice"
                finding.message = finding.message.rstrip("。") + "（本表为全年或调整后预算数，可能含年中调整）。"
            yield finding


# -- cross.document.republished ------------------------------------------------------------------

MOSTLY_DIFFERENT = Decimal("0.5")  # beyond this share of differing figures the two are no printings of one


@rule(
    "cross.document.republished",
    "同一部门同一年度的两份文件数字一致",
    severity="warning",
    kinds=FINAL + BUDGET,
    rationale="""The same department's disclosure of one year published twice (a file of the whole
    disclosure and one of its tables, or a later version) must print the same figures: a figure that
    differs is a silent correction, and a reader cannot know which one holds. Both printings are
    named. Two documents whose figures mostly differ are not two printings of one disclosure (a
    unit's budget beside its department's): one notice, not a finding per cell.""",
)
def republished(d: Disclosure, ctx: CheckContext) -> Iterator[Finding | None]:
    fam = family(d)
    if d.year is None or fam is None:
        return
    for other in neighbours(d, ctx, year=d.year, fam=fam):
        findings: list[Finding] = []
        compared = 0
        for table in d.tables:
            before = other.table(table.id)
            if before is None or not comparable(table) or not comparable(before):
                continue
            if len(d.tables_by_id(table.id)) > 1 or len(other.tables_by_id(table.id)) > 1:
                continue  # a table printed twice in one document: which one pairs is not certain
            unit, other_unit = unit_of(table, d), unit_of(before, other)
            if unit not in UNIT_FACTORS or other_unit not in UNIT_FACTORS:
                continue
            for row in table.rows:
                match = counterpart(row, before)
                if match is None:
                    continue
                for column, value in row.values.items():
                    if column not in match.values:
                        continue
                    compared += 1
                    label = table.column_labels.get(column, column)
                    pairing = Pairing(table, row, label, value, unit, other, match.values[column], other_unit)
                    finding = judge(ctx, pairing, "同年另一份文件中")
                    if finding is not None:
                        findings.append(finding)
        differing = [f for f in findings if f.severity != "notice"]
        if compared and len(differing) > 3 and Decimal(len(differing)) / compared > MOSTLY_DIFFERENT:
            yield Finding(
                severity="notice",
                message=(
                    f"与同年同部门的另一份文件（{_where(other)}）相比，{compared} 个相同位置的数字中有 "
                    f"{len(differing)} 个不同：两者可能口径不同（部门与单位、汇总与本级），未逐一报告。"
                ),
                location=differing[0].location,
                related=[loc for f in differing[:1] for loc in f.related],
            )
            continue
        yield from findings


# -- cross.document.narrative -------------------------------------------------------------------


def _has_amounts(d: Disclosure) -> bool:
    return any(r.values for t in d.tables for r in t.rows)


def companion(d: Disclosure, ctx: CheckContext) -> Disclosure | None:
    """The one file of tables published beside a file of text alone (same department, year, kind)."""
    fam = family(d)
    if d.year is None or fam is None or _has_amounts(d):
        return None
    tables = [o for o in neighbours(d, ctx, year=d.year, fam=fam) if _has_amounts(o)]
    return tables[0] if len(tables) == 1 else None  # several candidates: not certain which


def with_tables(d: Disclosure, ctx: CheckContext) -> Disclosure | None:
    """The document whose tables hold `d`'s figures: itself, or its companion file of tables."""
    return d if _has_amounts(d) else companion(d, ctx)


_MERGED: dict[tuple[int, int], Disclosure] = {}


def narrative_with_tables(d: Disclosure, ctx: CheckContext) -> Disclosure | None:
    """A file of text alone read with its companion's tables: the claims linked to them."""
    from ...narrative import extract_claims

    other = companion(d, ctx) if d.claims else None
    if other is None or d.outline is None:
        return None
    cached = _MERGED.get((id(d), id(other)))
    if cached is not None and cached.tables is other.tables:
        return cached
    merged = Disclosure(
        source=d.source,
        kind=d.kind,
        department=d.department,
        year=d.year,
        unit=d.unit or other.unit,
        tables=other.tables,
        format=d.format,
        outline=d.outline,
        template_family=d.template_family,
    )
    merged.claims = extract_claims(d.outline, merged)
    if len(_MERGED) > 64:
        _MERGED.clear()
    _MERGED[(id(d), id(other))] = merged
    return merged


@rule(
    "cross.document.narrative",
    "情况说明与同年另行发布的报表一致",
    severity="warning",
    kinds=FINAL + BUDGET,
    rationale="""Some publish the 情况说明 and the tables as two files (北京's 附件1 and 附件2, 江苏's 部门预算
    and 预算公开表格). The 情况说明 restates the tables all the same: its claims are read against the
    tables of the other file (same department, year and kind) by the narrative.* rules, and what they
    find is reported here with both files named. Only a file with a narrative and no tables is read so,
    against a file with tables.""",
)
def narrative_elsewhere(d: Disclosure, ctx: CheckContext) -> Iterator[Finding | None]:
    from .. import check

    merged = narrative_with_tables(d, ctx)
    if merged is None:
        return
    other = companion(d, ctx)
    assert other is not None
    for finding in check(merged, ctx.with_neighbours(()), select=["narrative."]):
        if finding.rule == "narrative.unlinked" or all(loc.source != other.source for loc in finding.related):
            continue  # about the text alone: its own check reports it
        if finding.severity != "notice" and _printed_elsewhere(finding, other):
            continue  # the text's figure is printed in the tables, in another cell than the one linked
        finding.message = f"（对照同年报表文件 {_where(other)}）{finding.message}"
        if finding.severity == "error":
            finding.severity = "warning"  # two files paired by department, year and kind: not one printing
        finding.rule = ""  # stamped: cross.document.narrative
        yield finding


def _printed_elsewhere(finding: Finding, other: Disclosure) -> bool:
    """A figure of the text that the tables file prints in another cell than the one it was linked
    to (收入预算 935,446.79 is the 收入总计 beside the 本年收入合计 it was linked to; a fund's 收入
    including its 上年结转, printed in the 收入总表): which cell the text restates is then not
    certain, and certain or silent, nothing is reported. Money figures in 万元 only."""
    if finding.found is None or "万元" not in finding.message:
        return False
    linked = {loc for loc in finding.related if loc.source == other.source}
    half = half_unit(max(0, -finding.found.as_tuple().exponent))  # type: ignore[operator]
    for table in other.tables:
        unit = unit_of(table, other)
        if unit not in UNIT_FACTORS:
            continue
        factor = UNIT_FACTORS[unit] / UNIT_FACTORS["万元"]
        values = (v for r in table.rows for v in r.values.values() if v.location not in linked)
        if any(abs(v.amount * factor - finding.found) <= half for v in values):
            return True
    return False


# -- cross.document.initial-budget -----------------------------------------------------------------

_INITIAL_BUDGET = re.compile(r"年初预算")
# what the 情况说明 of final accounts calls the 年初预算 of → the budget document's cell
INITIAL_BUDGET_TABLE = "budget.general_budget_expenditure"


@rule(
    "cross.document.initial-budget",
    "决算说明中的年初预算与当年预算一致",
    severity="warning",
    kinds=FINAL,
    rationale="""The 情况说明 of final accounts states the 年初预算 of the 一般公共预算财政拨款支出 and of
    each 项 it explains (年初预算为 600.00 万元，支出决算为 612.48 万元): the 年初预算 is the year's budget
    document, whose 一般公共预算支出表 prints the same figures. Run when the year's budget is given
    (--with, --db). A warning: a budget document re-published after an adjustment may differ.""",
)
def initial_budget(d: Disclosure, ctx: CheckContext) -> Iterator[Finding | None]:
    if d.year is None or not d.claims:
        return
    budgets = [b for b in neighbours(d, ctx, year=d.year, fam="budget") if b.table(INITIAL_BUDGET_TABLE)]
    for budget in budgets:
        table = budget.table(INITIAL_BUDGET_TABLE)
        unit = unit_of(table, budget) if table is not None else None
        if table is None or not comparable(table) or unit not in UNIT_FACTORS:
            continue
        for claim in d.claims:
            if (
                claim.measure != "budget"
                or claim.value is None
                or claim.scope != "gb"
                or claim.unit not in UNIT_FACTORS
            ):
                continue
            if not _INITIAL_BUDGET.search(claim.sentence) or not claim.subject:
                continue
            if claim.subject == "gb.expenditure":
                row = table.find(key="total")
            elif claim.subject.startswith(("item.", "expenditure.class.")):
                row = table.find(code=claim.subject.rsplit(".", 1)[1])
            else:
                continue
            value = row.values.get("total") if row is not None else None
            if row is None or value is None:
                continue
            said = Operand(
                claim.value * UNIT_FACTORS[claim.unit], half_unit(claim.decimals) * UNIT_FACTORS[claim.unit], claim.text
            )
            printed = operand(value, unit)
            verdict = restatement(said.amount - printed.amount, said, printed, ctx.rounding_multiplier)
            if verdict.verdict == "ok":
                continue
            difference = in_unit(said.amount - printed.amount, claim.unit)
            yield Finding(
                severity="notice" if verdict.verdict == "notice" else "",
                message=(
                    f"情况说明称“{row.label}”年初预算为 {claim.text}，{budget.year}年预算文件（{_where(budget)} "
                    f"{_page(value)}）{table.display_name}“{row.label}”为 {fmt(value.amount)}"
                    f"{'' if unit == claim.unit else f' {unit}'}，相差 {fmt(difference)} {claim.unit}{verdict.tail}"
                ),
                row=row.label,
                column="年初预算",
                expected=in_unit(printed.amount, claim.unit),
                found=claim.value,
                difference=difference,
                location=claim.location,
                related=[value.location],
            )
