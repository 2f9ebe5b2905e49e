"""How figures and names are printed: number formats and one name per code."""

from __future__ import annotations

from collections.abc import Iterator

from ...model import Disclosure
from ...textnorm import key, strip_ordinal
from ..findings import Finding
from ..registry import rule


@rule(
    "format.number",
    "金额书写规范",
    severity="warning",
    rationale="""An amount printed with a decimal comma (125,27), spaces inside the number or stray
    characters is read as its evident value, but the form itself is a mistake: readers and
    software may read it as another number.""",
    example="收入决算表（公开02表）20103 政府办公厅（室）及相关机构事务的“本年收入合计”写作“125,27”（小数点误写为逗号），已按 125.27 读取。",
)
def number_format(disclosure: Disclosure) -> Iterator[Finding]:
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
    rationale="""A classification code has one official name. When two tables of the same
    document print different names for one code (beyond punctuation), one of them is wrong or
    the code is.""",
    example="科目 2010399 在收入决算表（公开02表）中名为“其他政府办公厅(室)及相关机构事务”，在支出决算表（公开03表）中名为“其他政府办公厅（室）及相关机构事务支出”。",
)
def same_code_same_name(disclosure: Disclosure) -> Iterator[Finding]:
    seen: dict[str, tuple[str, str, object]] = {}  # code → (name key, name, table)
    reported: set[tuple[str, str]] = set()
    for table in disclosure.tables:
        for row in table.coded_rows():
            name = strip_ordinal(row.name)
            name_key = key(name)
            if not name_key or not row.code:
                continue
            first = seen.get(row.code)
            if first is None:
                seen[row.code] = (name_key, name, table)
                continue
            if first[0] != name_key and (row.code, name_key) not in reported:
                reported.add((row.code, name_key))
                yield Finding(
                    rule="name.same-code",
                    severity="warning",
                    message=(
                        f"科目 {row.code} 在{first[2].display_name}中名为“{first[1]}”，"  # type: ignore[attr-defined]
                        f"在{table.display_name}中名为“{name}”。"
                    ),
                    table=table.id,
                    table_title=table.display_name,
                    row=row.label,
                    column="科目名称",
                    location=row.location,
                )
