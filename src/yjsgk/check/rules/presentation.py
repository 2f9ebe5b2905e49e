"""How figures and names are printed: number formats and one name per code."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...definitions import table_def
from ...model import Disclosure, Row, Table
from ...textnorm import key, strip_ordinal
from ..context import CheckContext
from ..findings import Finding, row_finding
from ..reading import SCHEME_DIGIT, codes_read_reliably
from ..registry import rule


@rule(
    "format.number",
    "金额书写规范",
    severity="warning",
    rationale="""An amount printed with a decimal comma (125,27), spaces inside the number or stray
    characters is read as its evident value, but the form itself is a mistake: readers and
    software may read it as another number.""",
)
def number_format(disclosure: Disclosure, ctx: CheckContext) -> Iterator[Finding]:
    for table in disclosure.tables:
        for row in table.rows:
            for column, value in row.values.items():
                if value.issue is None:
                    continue
                label = table.column_labels.get(column, column)
                yield Finding(
                    rule="format.number",
                    severity="warning",
                    message=(
                        f"{table.display_name}{row.label}的“{label}”写作“{value.text}”（{value.issue}），"
                        f"已按 {format(value.amount, 'f')} 读取。"
                    ),
                    table=table.id,
                    table_title=table.display_name,
                    row=row.label,
                    column=label,
                    found=value.amount,
                    location=value.location,
                )


@rule(
    "name.same-code",
    "同一科目编码名称一致",
    severity="warning",
    rationale="""A classification code has one official name. When the tables of one document
    print different names for a code (beyond punctuation and numbering), the name printed less
    often is reported at its own cell, with the name the other tables use. Only names are
    compared: not cells with digits read into them, not names that differ by the text of a
    neighbouring cell glued to one of them, not tables whose codes were not read as codes.""",
)
def same_code_same_name(disclosure: Disclosure, ctx: CheckContext) -> Iterator[Finding]:
    uses: dict[str, dict[str, list[tuple[str, Table, Row]]]] = {}  # code → name key → uses
    for table in disclosure.tables:
        scheme = table_def(table.id).codes
        if scheme in SCHEME_DIGIT and not codes_read_reliably(table, scheme):
            continue  # codes that are not codes: their names say nothing about one another
        for row in table.coded_rows():
            name = strip_ordinal(row.name)
            if key(name) and row.code and not _NOT_A_NAME.search(key(name)):
                uses.setdefault(row.code, {}).setdefault(key(name), []).append((name, table, row))
    for code, by_name in uses.items():
        if len(by_name) < 2:
            continue
        # the name most tables print is taken as the document's own; ties go to the first printed
        usual_key = max(by_name, key=lambda k: len(by_name[k]))
        usual = by_name[usual_key]
        others = "、".join(dict.fromkeys(t.display_name for _, t, _ in usual))
        for name_key, occurrences in by_name.items():
            if (
                name_key == usual_key
                or _neighbour_text(occurrences[0][0], usual[0][0])
                or (disclosure.format == "pdf" and _cut_or_wrapped(name_key, usual_key))
            ):
                continue
            for name, table, row in occurrences:
                message = f"科目 {code} 在{table.display_name}中名为“{name}”，其他表（{others}）均为“{usual[0][0]}”。"
                yield row_finding("name.same-code", "warning", message, table, row, "科目名称")


# amounts, row numbers or letters read into the name cell: not a printed name
_NOT_A_NAME = re.compile(r"[0-9０-９A-Za-z]")


def _cut_or_wrapped(a: str, b: str) -> bool:
    """One name is the other cut off by a narrow PDF cell (其他社会保障和就业支 for …支出), or with
    the end of the row above wrapped into it (费职业年金缴费 for 职业年金缴费): the same name as
    printed, not two names. (A text or Word file has no cell to clip: there a shorter name is one.)"""
    short, long = sorted((a, b), key=len)
    return len(short) >= 4 and (long.startswith(short) or long.endswith(short))


def _neighbour_text(name: str, usual: str) -> bool:
    """The two names differ by the text of a neighbouring cell read into one of them, not by the
    name: they share a whole space-separated part (烟台 basic table read as 基本工资 工资奖金津补贴
    and 基本工资 工资福利支出, the government classification's name glued to the code's)."""
    parts = [{key(p) for p in n.split() if len(key(p)) >= 2} for n in (name, usual)]
    if len(parts[0]) < 2 and len(parts[1]) < 2:
        return False
    return bool(parts[0] & parts[1] or key(name) in parts[1] or key(usual) in parts[0])
