"""The 部门整体支出绩效自评表 against the final accounts it evaluates.

The funds block of a department's self-evaluation states the year's money: 年初预算数, 全年预算数,
全年执行数. What the department spent in the year is what its final accounts print: the
全年执行数 equals the 支出决算表's 本年支出合计 (西安卫健委 2022: 2,074,962.01 both; 石峰区
行政审批服务局 2020: 125.46 both). Some departments evaluate only their 一般公共预算财政拨款: the
执行数 then equals that table's 合计 instead. A figure equal to neither is a warning (which funds
the evaluation covers is the department's choice; that it covers some spending the final accounts
print is not certain enough for an error).

What the data does not allow (see the report of issue 18): the 基本支出/项目支出 split of the funds
block is printed under one column whose basis (预算 or 执行) the reader does not know; per-project
funds have no counterpart in the final tables (they print no project), and a budget's 项目支出绩效
目标表 of the same year as a 项目自评表 exists in no pair of the development corpus.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...model import Disclosure, Table, Value
from ..compare import fmt, restatement
from ..context import CheckContext
from ..findings import Finding
from ..registry import FINAL, rule
from .cross import UNIT_FACTORS, _where, neighbours, operand, unit_of

# the final's figures a department's 全年执行数 may restate: (table, column, what it is)
READINGS = (
    ("final.expenditure", "total", "本年支出合计"),
    ("final.general_budget_expenditure", "total", "一般公共预算财政拨款支出合计"),
)


def _spent(final: Disclosure) -> list[tuple[Table, Value, str, str]]:
    out = []
    for table_id, column, what in READINGS:
        tables = final.tables_by_id(table_id)
        if len(tables) != 1 or tables[0].uncertain:
            continue
        table = tables[0]
        row = table.find(key="total")
        value = row.values.get(column) if row is not None else None
        unit = unit_of(table, final)
        if value is not None and unit in UNIT_FACTORS:
            out.append((table, value, unit, what))
    return out


_FUNDS_UNIT = re.compile(r"资金.*[（(]\s*(万元|千元|元|亿元)\s*[)）]")


def _funds_unit(table: Table) -> str | None:
    """The unit the funds block's header states (资金情况（万元）), when the table states none."""
    units = {m.group(1) for r in table.rows if (m := _FUNDS_UNIT.search(r.name))}
    return units.pop() if len(units) == 1 else None


def _against(final: Disclosure, evaluated: Disclosure, ctx: CheckContext) -> Iterator[Finding]:
    departmental = [e for e in evaluated.evaluations if e.kind != "project" and e.funds is not None]
    if len(departmental) != 1:
        return  # several 部门整体 tables (a department and its units): which one is not certain
    evaluation = departmental[0]
    executed = evaluation.funds.executed if evaluation.funds is not None else None
    unit = unit_of(evaluation.table, evaluated) or _funds_unit(evaluation.table)
    readings = _spent(final)
    if executed is None or unit not in UNIT_FACTORS or not readings:
        return
    said = operand(executed, unit)
    verdicts = []
    for table, value, other_unit, what in readings:
        printed = operand(value, other_unit)
        verdict = restatement(said.amount - printed.amount, said, printed, ctx.rounding_multiplier)
        if verdict.verdict == "ok":
            return
        verdicts.append((verdict, table, value, other_unit, what))
    elsewhere = "" if evaluated is final else f"（{_where(evaluated)}）"
    notice = all(v.verdict == "notice" for v, *_ in verdicts)
    named = "；".join(
        f"{table.display_name}“{what}”为 {fmt(value.amount)}{'' if other_unit == unit else ' ' + other_unit}"
        for _, table, value, other_unit, what in verdicts
    )
    first = verdicts[0]
    # on the final accounts' 本年支出合计 when the evaluation is another file's (the document checked)
    at, related = (executed.location, []) if evaluated is final else (first[2].location, [executed.location])
    yield Finding(
        severity="notice" if notice else "",
        message=(
            f"{evaluation.title}{elsewhere}“全年执行数”为 {fmt(executed.amount)}，与决算不符：{named}"
            f"（{_where(final)}）。部门整体支出的执行数应为决算的本年支出。" + (first[0].tail if notice else "")
        ),
        table=evaluation.table.id,
        table_title=evaluation.title,
        row="年度资金总额",
        column="全年执行数",
        found=executed.amount,
        location=at,
        related=related + [v.location for _, _, v, _, _ in verdicts if v.location != at],
    )


@rule(
    "performance.funds-final",
    "部门整体支出绩效自评的全年执行数等于决算支出",
    severity="warning",
    kinds=FINAL,
    rationale="""A final account published with its 部门整体支出绩效自评表: the funds block's
    全年执行数 is what the department spent in the year, the 支出决算表's 本年支出合计 (or, when the
    evaluation covers only 一般公共预算财政拨款, that table's 合计). A figure equal to neither is a
    warning.""",
)
def funds_final(d: Disclosure, ctx: CheckContext) -> Iterator[Finding]:
    yield from _against(d, d, ctx)


@rule(
    "cross.document.performance-funds",
    "绩效自评的全年执行数与同年决算一致",
    severity="warning",
    kinds=FINAL,
    rationale="""The same department's 部门整体支出绩效自评 of the year, published as its own file
    (given with --with or found in the database): its 全年执行数 equals the final accounts' 本年支出合计
    (or their 一般公共预算财政拨款支出合计 when the evaluation covers only those funds). A warning.""",
)
def performance_funds(d: Disclosure, ctx: CheckContext) -> Iterator[Finding]:
    if d.year is None or d.evaluations:
        return  # its own evaluation: performance.funds-final
    for evaluated in neighbours(d, ctx, year=d.year, fam="performance"):
        yield from _against(d, evaluated, ctx)
