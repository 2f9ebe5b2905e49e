"""Totals and the 类/款/项 hierarchy of coded tables, and row identities from tables.toml."""

from __future__ import annotations

from collections.abc import Iterator

from ...definitions import table_def
from ...model import Disclosure, Row, Table, Value
from ..compare import Term, added_up_from_leaves, compare, describe_terms
from ..context import CheckContext
from ..findings import Finding
from ..registry import rule


def _coded_tables(disclosure: Disclosure) -> Iterator[Table]:
    for table in disclosure.tables:
        defn = table_def(table.id)
        # a code listed several times (by unit) makes parent and child ambiguous: not summed
        if defn.codes and defn.layout in ("coded", "groups") and not table.repeated_codes:
            yield table


def _parent(code: str, present: set[str]) -> str | None:
    """The nearest printed ancestor: a 项's 款, or its 类 when the 款 is not printed."""
    for length in (5, 3):
        if len(code) > length and code[:length] in present:
            return code[:length]
    return None


def _subtotals(
    items: list[Row], rows: list[Row], children: dict[str, list[Row]], column: str
) -> list[tuple[Value, list[Value]]]:
    """Each item's amount with the amounts of the lowest printed rows below it (itself when none)."""
    return [
        (r.values[column], _leaves(rows, children, column, r.code) if r.code in children else [r.values[column]])
        for r in items
        if column in r.values and r.code
    ]


def _leaves(rows: list[Row], children: dict[str, list[Row]], column: str, under: str = "") -> list[Value]:
    """The amounts of the lowest printed rows (under a code), the rows with no printed children."""
    return [
        r.values[column]
        for r in rows
        if r.code and r.code.startswith(under) and r.code != under and r.code not in children and column in r.values
    ]


def _children(table: Table) -> dict[str, list[Row]]:
    rows = table.coded_rows()
    present = {r.code for r in rows}
    children: dict[str, list[Row]] = {}
    for r in rows:
        parent = _parent(r.code, present)  # type: ignore[arg-type]
        if parent:
            children.setdefault(parent, []).append(r)
    return children


@rule(
    "sum.total-row",
    "合计行等于各科目之和",
    rationale="""Every coded table opens with a 合计 row. In each column it must equal the sum of
    the top-level rows printed below it (the 类 rows, or the 款/项 rows when a table prints no
    类 rows). A gap means a row was left out, mistyped, or the total was not updated.""",
)
def total_row(disclosure: Disclosure, ctx: CheckContext) -> Iterator[Finding | None]:
    for table in _coded_tables(disclosure):
        total = table.find(key="total")
        rows = table.coded_rows()
        if total is None or not rows:
            continue
        present = {r.code for r in rows}
        top = [r for r in rows if _parent(r.code, present) is None]  # type: ignore[arg-type]
        children = _children(table)
        for column in table.columns:
            found = total.values.get(column)
            terms = [Term(r.values[column], 1, r.label) for r in top if column in r.values]
            finding = compare(
                ctx,
                found=found,
                terms=terms,
                what=f"“合计”行的“{table.column_labels[column]}”应等于各科目之和",
                table=table,
                row=total,
                column=table.column_labels[column],
            )
            yield added_up_from_leaves(ctx, finding, found, _subtotals(top, rows, children, column))


@rule(
    "sum.hierarchy",
    "类、款等于下级科目之和",
    rationale="""Classification codes nest: a 类 (3 digits) is the sum of its 款 (5 digits), a 款
    the sum of its 项 (7 digits), in every column. The same holds for economic classification
    (301 = Σ 301xx). A difference shows a child row in the wrong place or a mistyped amount.""",
)
def hierarchy(disclosure: Disclosure, ctx: CheckContext) -> Iterator[Finding | None]:
    for table in _coded_tables(disclosure):
        children = _children(table)
        rows = table.coded_rows()
        for parent_code, kids in children.items():
            parent = table.find(code=parent_code)
            if parent is None:
                continue
            for column in table.columns:
                found = parent.values.get(column)
                terms = [Term(k.values[column], 1, k.code or "") for k in kids if column in k.values]
                finding = compare(
                    ctx,
                    found=found,
                    terms=terms,
                    what=f"{parent.label}（{parent.level}）的“{table.column_labels[column]}”应等于下级科目 {describe_terms(terms)} 之和",
                    table=table,
                    row=parent,
                    column=table.column_labels[column],
                )
                yield added_up_from_leaves(ctx, finding, found, _subtotals(kids, rows, children, column))


@rule(
    "identity.row",
    "行内合计等于各分项之和",
    rationale="""Within a row the total column is the sum of its parts: 本年收入合计 = 财政拨款收入 +
    上级补助收入 + 事业收入 + 经营收入 + 附属单位上缴收入 + 其他收入; 本年支出合计 = 基本支出 + 项目支出
    + 上缴上级支出 + 经营支出 + 对附属单位补助支出; 三公 合计 = 出国 + 用车 + 接待 and 用车 = 购置 +
    运行; 政府性基金 年末 = 年初 + 收入 − 支出. The identities of each table are data
    (tables.toml).""",
)
def row_identity(disclosure: Disclosure, ctx: CheckContext) -> Iterator[Finding | None]:
    for table in disclosure.tables:
        defn = table_def(table.id)
        if table.unmapped_columns:
            continue  # a part may sit in a column we could not name (recognize.columns says so)
        for identity in defn.identities:
            parts = _expand_parts(identity.parts, defn.identities, set(table.columns))
            for row in table.rows:
                found = row.values.get(identity.total)
                terms = [
                    Term(row.values[col], sign, table.column_labels.get(col, defn.label(col)))
                    for sign, col in parts
                    if col in row.values and col not in table.parts_of  # a 其中 column is no term
                ]
                label = defn.label(identity.total)
                yield compare(
                    ctx,
                    found=found,
                    terms=terms,
                    what=f"{row.label or '数据行'}：“{label}”应等于 {describe_terms(terms)}",
                    table=table,
                    row=row,
                    row_label=row.label or "数据行",
                    column=label,
                )


def _expand_parts(parts, identities, columns: set[str]) -> tuple[tuple[int, str], ...]:
    """A part the table does not print is replaced by its own parts when the table prints those
    (no 财政拨款 column, but 一般公共预算 / 政府性基金 / 国有资本经营 columns)."""
    out: list[tuple[int, str]] = []
    for sign, col in parts:
        sub = next((i for i in identities if i.total == col), None)
        if col not in columns and sub is not None and any(c in columns for _s, c in sub.parts):
            out.extend((sign * s, c) for s, c in sub.parts)
        else:
            out.append((sign, col))
    return tuple(out)
