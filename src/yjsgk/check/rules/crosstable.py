"""The cross-table chain: the same quantity printed in two tables must agree."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from ...definitions import CellRef, Link, table_defs
from ...model import Disclosure, Row, Table, Value
from ..compare import Term, compare, fmt
from ..context import CheckContext
from ..findings import Finding
from ..registry import BUDGET, FINAL, rule


def _cell(ref: CellRef, disclosure: Disclosure) -> tuple[Table, Row, Value] | None:
    table = disclosure.table(ref.table)
    if table is None:
        return None
    row = table.find(key=ref.key, code=ref.code, side=ref.side)
    value = row.values.get(ref.column) if row is not None else None
    return (table, row, value) if row is not None and value is not None else None


def _holds(link: Link, disclosure: Disclosure) -> bool:
    """The link's condition on the columns its own table prints."""
    table = disclosure.table(link.cell.table)
    if table is None:
        return False
    if link.when and not any(c in table.columns for c in link.when):
        return False
    return not any(c in table.columns for c in link.unless)


@rule(
    "cross.table",
    "表间数据一致",
    kinds=FINAL + BUDGET,
    rationale="""The standard tables restate one another: 01's income items are 02's 合计 row, 01's
    expenditure by 类 is 03's 类 rows, 04's 一般公共预算 column is 05, 05's 基本支出 is 06's 人员经费
    合计 + 公用经费合计, and the budget tables agree with each other. A difference means one of the
    tables was not updated or a figure was mistyped.""",
)
def cross_table(disclosure: Disclosure, ctx: CheckContext) -> Iterator[Finding | None]:
    defs = table_defs()
    for link in (link for d in defs for link in d.links):
        found = _cell(link.cell, disclosure) if _holds(link, disclosure) else None
        cells = [_cell(ref, disclosure) for ref in link.sources]
        if found is None or not any(cells):
            continue
        table, row, value = found
        if len({t.unit for t in (table, *(c[0] for c in cells if c)) if t.unit}) > 1:
            continue  # tables in different money units (元 and 万元): no figure to compare as printed
        terms = [Term(c[2], 1, c[0].display_name) for c in cells if c]
        sources = "、".join(dict.fromkeys(c[0].display_name for c in cells if c))
        yield compare(
            ctx,
            found=value,
            terms=terms,
            what=f"“{link.what}”应与{sources}一致",
            table=table,
            row=row,
            column=table.column_labels.get(link.cell.column, link.cell.column),
        )
    for defn in defs:
        for class_link in defn.class_links:
            yield from _class_link(
                ctx, disclosure, class_link.summary, class_link.summary_column, defn.id, class_link.column
            )


def class_amount(table: Table, code: str, column: str) -> tuple[Value | None, list[Value]]:
    """A 类's amount: its row, or the sum of its top printed rows when the table has no 类 row."""
    row = table.find(code=code)
    if row is not None:
        return row.values.get(column), []
    rows = [r for r in table.coded_rows() if r.code and r.code.startswith(code)]
    shortest = min((len(r.code) for r in rows), default=0)  # type: ignore[arg-type]
    return None, [r.values[column] for r in rows if len(r.code) == shortest and column in r.values]  # type: ignore[arg-type]


def _class_link(
    ctx: CheckContext, disclosure: Disclosure, summary_id: str, column: str, coded_id: str, coded_column: str
) -> Iterator[Finding]:
    summary = disclosure.table(summary_id)
    coded = disclosure.table(coded_id)
    if summary is None or coded is None or not any(r.values for r in coded.rows) or coded.repeated_codes:
        return
    if summary.unit and coded.unit and summary.unit != coded.unit:
        return  # different money units: no figure to compare as printed
    for row in summary.rows:
        if row.side != "expenditure" or not row.code or column not in row.values:
            continue
        expected = row.values[column]
        value, parts = class_amount(coded, row.code, coded_column)
        if value is None and not parts:
            if expected.amount == 0:
                continue
            yield Finding(
                message=(
                    f"{coded.display_name}没有“{row.code} {row.name.strip()}”的数据，"
                    f"但{summary.display_name}列示 {fmt(expected.amount)}。"
                ),
                table=coded.id,
                table_title=coded.display_name,
                row=f"{row.code} {row.name.strip()}",
                column=coded.column_labels.get(coded_column, coded_column),
                expected=expected.amount,
                found=Decimal(0),
                difference=-expected.amount,
                location=expected.location,
            )
            continue
        if value is None:
            # no 类 row printed: compare the sum of its rows with the 总表
            finding = compare(
                ctx,
                found=expected,
                terms=[Term(p, 1, "") for p in parts],
                what=f"“{row.code} {row.name.strip()}”应等于{coded.display_name}中该类各科目之和",
                table=summary,
                row=row,
                row_label=f"支出：{row.name.strip()}",
                column=summary.column_labels.get(column, column),
            )
        else:
            crow = coded.find(code=row.code)
            finding = compare(
                ctx,
                found=value,
                terms=[Term(expected, 1, summary.display_name)],
                what=f"“{row.code} {crow.name if crow else ''}”应与{summary.display_name}一致",
                table=coded,
                row=crow,
                column=coded.column_labels.get(coded_column, coded_column),
            )
        if finding:
            yield finding


THREE_PUBLIC_PARTS = (
    ("30217", "final_reception", "公务接待费"),
    ("30231", "final_vehicle_operation", "公务用车运行维护费"),
    ("31013", "final_vehicle_purchase", "公务用车购置"),
    ("30212", "final_abroad", "因公出国（境）费用"),
)


@rule(
    "cross.three-public-basic",
    "基本支出中的三公经费不超过三公经费决算",
    kinds=FINAL,
    rationale="""The 三公 table covers basic and project spending, so the 公务接待费 (30217), 公务用车
    运行维护费 (30231), 公务用车购置 (31013) and 因公出国（境）费用 (30212) in the basic-expenditure
    table cannot exceed the matching 决算数 of the 三公 table.""",
)
def three_public_basic(disclosure: Disclosure, ctx: CheckContext) -> Iterator[Finding]:
    basic = disclosure.table("final.general_budget_basic")
    three = disclosure.table("final.three_public")
    if basic is None or three is None:
        return
    values = next((r for r in three.rows if r.values), None)
    if values is None:
        return
    for code, column, name in THREE_PUBLIC_PARTS:
        row = basic.find(code=code)
        limit = values.values.get(column)
        if row is None or limit is None or "amount" not in row.values:
            continue
        amount = row.values["amount"]
        if amount.amount > limit.amount:
            yield Finding(
                message=(
                    f"{basic.display_name}中“{code} {name}”为 {fmt(amount.amount)}，超过{three.display_name}"
                    f"“{three.column_labels[column]}” {fmt(limit.amount)}，相差 {fmt(amount.amount - limit.amount)}。"
                ),
                table=basic.id,
                table_title=basic.display_name,
                row=row.label,
                column=basic.column_labels["amount"],
                expected=limit.amount,
                found=amount.amount,
                difference=amount.amount - limit.amount,
                location=amount.location,
                related=[limit.location],
            )
