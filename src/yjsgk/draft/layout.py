"""A standard table in its printed layout: a header of merged cells, the 栏次 row, the body.

The columns and their labels come from the table definition (`data/tables.toml`); a label
"预算数 公务用车购置及运行费 小计" is a path of header levels, so columns sharing a parent are
merged under it and a column whose path is shorter spans down to the last header row. Coded
tables print the 科目编码 as three columns 类 | 款 | 项 under one merged cell, then 科目名称; a
two-sided 总表 prints its income items on the left and its expenditure items on the right.
Writers (DOCX, Markdown) only place what this module lays out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..definitions import table_def
from ..dictionary import classification
from ..model import KEY_LABELS, Row, Table, Value
from ..textnorm import key

SUMMARY_ITEM_LABEL = "项目"
_AMOUNT = re.compile(r"^-?[\d,]+(?:\.\d+)?%?$")
_LOOSE_CODE = re.compile(r"^\d{1,3}(?: \d{1,2}){1,2}$")


@dataclass(slots=True)
class HeaderCell:
    text: str
    row: int  # first header row
    col: int  # first column
    rows: int = 1  # rows spanned
    cols: int = 1  # columns spanned


@dataclass(slots=True)
class Layout:
    """What a writer places: header cells over `width` columns, then body rows of texts."""

    title: str
    number: str | None
    unit: str | None
    width: int
    header_rows: int
    header: list[HeaderCell]
    body: list[list[str]]
    numeric: list[bool]  # per column: right-aligned amounts
    notes: list[str] = field(default_factory=list)
    index_row: list[str] | None = None  # 栏次
    index_span: int = 1  # the 栏次 label spans the key columns
    weights: list[float] = field(default_factory=list)  # relative column widths (amount = 1)

    def column_weights(self) -> list[float]:
        if len(self.weights) == self.width:
            return self.weights
        return [1.0 if n else 2.2 for n in self.numeric]


def column_label(table: Table, column: str) -> str:
    """The column's label as the table definition gives it; the source's label for a column the
    definition does not know; "其中：" kept for a column printed as a part of another."""
    defn = table_def(table.id)
    label = defn.label(column) if defn.column(column) else table.column_labels.get(column, column)
    known = defn.column(column)
    if known is not None:
        label = _readable_label(known.match, label)
    if column in table.parts_of and not label.startswith(("其中", "扣除")):
        label = "其中：" + label
    return label


def _readable_label(match: tuple[tuple[str, ...], ...], label: str) -> str:
    """The label with the header level the definition needs to know the column again: 教育收费
    is read as such only under 财政专户 (`财政专户+教育收费`), so it is printed under it."""
    text = key(label)

    def fits(alternative: tuple[str, ...]) -> bool:
        return all(text == p[1:] if p.startswith("=") else p in text for p in alternative)

    if not match or any(fits(a) for a in match):
        return label
    parents = [p for p in match[0] if not p.startswith("=") and p not in text]
    return " ".join([*parents, label]) if parents else label


def amount_text(value: Value | None) -> str:
    """The amount as printed in the source (its digits and decimals), grouping dropped."""
    if value is None:
        return ""
    return format(value.amount, ",f")


def header_cells(paths: list[list[str]], first_col: int = 0) -> tuple[list[HeaderCell], int]:
    """Merged header cells for columns labelled by paths (parent … leaf)."""
    depth = max((len(p) for p in paths), default=1)
    cells: list[HeaderCell] = []

    def place(indexes: list[int], level: int) -> None:
        i = 0
        while i < len(indexes):
            col = indexes[i]
            path = paths[col]
            if len(path) <= level:
                i += 1
                continue
            if len(path) == level + 1:  # a leaf: spans down to the last header row
                cells.append(HeaderCell(path[level], level, first_col + col, rows=depth - level))
                i += 1
                continue
            j = i
            while (
                j + 1 < len(indexes)
                and len(paths[indexes[j + 1]]) > level + 1
                and paths[indexes[j + 1]][: level + 1] == path[: level + 1]
                and indexes[j + 1] == indexes[j] + 1
            ):
                j += 1
            group = indexes[i : j + 1]
            cells.append(HeaderCell(path[level], level, first_col + col, cols=len(group)))
            place(group, level + 1)
            i = j + 1

    place(list(range(len(paths))), 0)
    return cells, depth


def _row_name(row: Row, scheme: str | None, year: int | None) -> str:
    """The official name of a classification code (the year's), else the printed name."""
    if row.code and scheme:
        official = classification(scheme).name(row.code, year)
        if official:
            return official
    return row.name or KEY_LABELS.get(row.key or "", row.key or "")


def _split_code(code: str) -> list[str]:
    return [code[:3], code[3:5], code[5:7]]


def coded_layout(table: Table, year: int | None) -> Layout:
    defn = table_def(table.id)
    scheme = {"function": "function", "economic": "economic"}.get(defn.codes or "")
    columns = [c for c in table.columns]
    paths = [column_label(table, c).split() for c in columns]
    depth = max((len(p) for p in paths), default=1)
    value_cells, _ = header_cells(paths, first_col=4)
    key_cells = [
        HeaderCell("科目编码", 0, 0, rows=max(depth - 1, 1), cols=3),
        HeaderCell("科目名称", 0, 3, rows=depth),
    ]
    if depth == 1:  # one header row: 科目编码 over 类 | 款 | 项 needs a second
        depth = 2
        key_cells = [HeaderCell("科目编码", 0, 0, cols=3), HeaderCell("科目名称", 0, 3, rows=2)]
        value_cells = [
            HeaderCell(c.text, c.row, c.col, rows=c.rows + 1 if c.row + c.rows == 1 else c.rows, cols=c.cols)
            for c in value_cells
        ]
    levels = [HeaderCell(t, depth - 1, i) for i, t in enumerate(("类", "款", "项"))]
    body = []
    rows = table.rows or [Row(KEY_LABELS["total"], table.location, key="total")]  # printed empty
    for row in rows:
        codes = _split_code(row.code) if row.code else ["", "", ""]
        name = _row_name(row, scheme, year)
        if not row.code and _LOOSE_CODE.match(name):
            # digits the source printed in its 类 | 款 | 项 cells that make no code ("0 0 0" in an
            # empty table): printed back where they were, not as a name that reads as a code
            codes, name = (name.split() + ["", ""])[:3], ""
        body.append([*codes, name, *(amount_text(row.values.get(c)) for c in columns)])
    return Layout(
        title=table.standard_title,
        number=table.number,
        unit=table.unit,
        width=4 + len(columns),
        header_rows=depth,
        header=key_cells + levels + value_cells,
        body=body,
        numeric=[False] * 4 + [True] * len(columns),
        notes=list(table.notes),
        index_row=["栏次", "", "", ""] + [str(i + 1) for i in range(len(columns))],
        index_span=4,
        weights=[0.45, 0.45, 0.45, 2.6] + [1.0] * len(columns),
    )


def economic_layout(table: Table, year: int | None) -> Layout:
    """The 基本支出 table by economic class (决算 06): 人员经费 and 公用经费 side by side, each
    as 科目编码 | 科目名称 | 决算数, the totals under them."""
    column = table.columns[0] if table.columns else "amount"
    label = column_label(table, column)
    personnel: list[Row] = []
    public: list[Row] = []
    totals: list[Row] = []
    for row in table.rows:
        if row.code:
            (personnel if row.code[:3] in ("301", "303") else public).append(row)
        else:
            totals.append(row)
    height = max(len(personnel), len(public))
    body = []
    for i in range(height):
        line: list[str] = []
        for side in (personnel, public):
            if i < len(side):
                r = side[i]
                line += [r.code or "", _row_name(r, "economic", year), amount_text(r.values.get(column))]
            else:
                line += ["", "", ""]
        body.append(line)
    by_key = {r.key: r for r in totals}
    totals_line: list[str] = []
    for k in ("personnel_total", "public_total"):
        total = by_key.get(k)
        totals_line += [KEY_LABELS[k], "", amount_text(total.values.get(column)) if total else ""]
    body.append(totals_line)
    for r in totals:
        if r.key not in ("personnel_total", "public_total"):
            body.append([r.name or KEY_LABELS.get(r.key or "", ""), "", amount_text(r.values.get(column))] + [""] * 3)
    header = [
        HeaderCell("人员经费", 0, 0, cols=3),
        HeaderCell("公用经费", 0, 3, cols=3),
    ]
    for start in (0, 3):
        header += [
            HeaderCell("科目编码", 1, start),
            HeaderCell("科目名称", 1, start + 1),
            HeaderCell(label, 1, start + 2),
        ]
    return Layout(
        title=table.standard_title,
        number=table.number,
        unit=table.unit,
        width=6,
        header_rows=2,
        header=header,
        body=body,
        numeric=[False, False, True, False, False, True],
        notes=list(table.notes),
        weights=[0.8, 2.4, 1.0, 0.8, 2.4, 1.0],
    )


def _sections(rows: list[Row]) -> list[list[Row]]:
    """A side of a 总表 in four parts, so that the two sides line up as printed: the items, the
    本年收入/支出合计 row, the rows between it and 总计 (结转结余 …), and 总计."""
    start = next((n for n, r in enumerate(rows) if (r.key or "").startswith("total_")), None)
    if start is None:
        return [rows, [], [], []]
    tail = rows[start + 1 :]
    grand = [tail[-1]] if tail and tail[-1].key == "grand_total" else []
    middle = tail[: len(tail) - len(grand)]
    return [rows[:start], [rows[start]], middle, grand]


def summary_layout(table: Table, year: int | None) -> Layout:
    income = [r for r in table.rows if r.side == "income"]
    spend = [r for r in table.rows if r.side != "income"]

    def used(rows: list[Row]) -> list[str]:
        return [c for c in table.columns if any(c in r.values for r in rows)]

    left = used(income) or table.columns[:1]
    # the expenditure side prints every other column (04: 合计 and one per fund)
    right = [c for c in table.columns if c not in left or c in used(spend)] or left
    width = 2 + len(left) + len(right)
    rcol = 1 + len(left)
    header = [
        HeaderCell("收入", 0, 0, cols=1 + len(left)),
        HeaderCell("支出", 0, rcol, cols=1 + len(right)),
        HeaderCell(SUMMARY_ITEM_LABEL, 1, 0),
        HeaderCell(SUMMARY_ITEM_LABEL, 1, rcol),
    ]
    header += [HeaderCell(column_label(table, c), 1, 1 + k) for k, c in enumerate(left)]
    header += [HeaderCell(column_label(table, c), 1, rcol + 1 + k) for k, c in enumerate(right)]
    body: list[list[str]] = []
    for part_left, part_right in zip(_sections(income), _sections(spend), strict=True):
        for n in range(max(len(part_left), len(part_right))):
            line = [""] * width
            if n < len(part_left):
                r = part_left[n]
                line[0] = r.name or KEY_LABELS.get(r.key or "", "")
                for k, c in enumerate(left):
                    line[1 + k] = amount_text(r.values.get(c))
            if n < len(part_right):
                r = part_right[n]
                line[rcol] = r.name or KEY_LABELS.get(r.key or "", "")
                for k, c in enumerate(right):
                    line[rcol + 1 + k] = amount_text(r.values.get(c))
            body.append(line)
    numeric = [False] + [True] * len(left) + [False] + [True] * len(right)
    return Layout(
        title=table.standard_title,
        number=table.number,
        unit=table.unit,
        width=width,
        header_rows=2,
        header=header,
        body=body,
        numeric=numeric,
        notes=list(table.notes),
    )


def single_layout(table: Table, year: int | None) -> Layout:
    """One row of values under a multi-level header (决算 07 三公表: no row label column), or
    rows keyed by name (a 三公 table listed by unit)."""
    columns = list(table.columns)
    paths = [column_label(table, c).split() for c in columns]
    named = any(r.name for r in table.rows) or len(table.rows) != 1
    labels = [[r.name or KEY_LABELS.get(r.key or "", "")] for r in table.rows]
    if named and any(r.key in ("previous_year", "change") for r in table.rows):
        # rows by year under each unit (深圳: 单位 | 2025年 / 2026年 / 增减变化金额): the unit and
        # the year in cells of their own, as printed, so that the year keeps the row apart
        labels = [_unit_and_year(r.name or "") for r in table.rows]
    first = max((len(label) for label in labels), default=1) if named else 0
    cells, depth = header_cells(paths, first_col=first)
    header = ([HeaderCell(SUMMARY_ITEM_LABEL, 0, 0, rows=depth, cols=first)] if named else []) + cells
    body = [
        (label + [""] * (first - len(label)) if named else []) + [amount_text(r.values.get(c)) for c in columns]
        for r, label in zip(table.rows, labels, strict=True)
    ]
    return Layout(
        title=table.standard_title,
        number=table.number,
        unit=table.unit,
        width=first + len(columns),
        header_rows=depth,
        header=header,
        body=body,
        numeric=[False] * first + [True] * len(columns),
        notes=list(table.notes),
        index_row=(["栏次"] + [""] * (first - 1) if named else []) + [str(i + 1) for i in range(len(columns))],
        index_span=max(first, 1),
    )


_YEAR_OR_CHANGE = re.compile(r"^(?:(?:19|20)\d{2}年.*|.*增减.*)$")


def _unit_and_year(name: str) -> list[str]:
    """ "深圳市交通运输局（本级） 2025年" → [unit, "2025年"]; a name without a year stays whole."""
    unit, _, tail = name.rpartition(" ")
    return [unit, tail] if unit and _YEAR_OR_CHANGE.match(tail) else ["", name]


def raw_layout(table: Table, year: int | None) -> Layout:
    """Tables kept as printed cells (绩效表): the cells, row by row."""
    width = max((len(r.cells or []) for r in table.rows), default=1)
    body = [list(r.cells or []) + [""] * (width - len(r.cells or [])) for r in table.rows]
    # a column of amounts (most of its filled cells) is right-aligned and narrow, as printed
    numeric = []
    for c in range(width):
        filled = [line[c] for line in body if line[c].strip()]
        amounts = sum(1 for t in filled if _AMOUNT.match(t.strip()))
        numeric.append(bool(filled) and amounts * 2 > len(filled))
    return Layout(
        title=table.title or table.standard_title,
        number=table.number,
        unit=table.unit,
        width=width,
        header_rows=0,
        header=[],
        body=body,
        numeric=numeric,
        notes=list(table.notes),
    )


def printed_title(table: Table) -> str:
    """The title as the source prints it when it names this table (财务收支预算总表, 2023年部门
    收支总体情况表: the family's words), else the standard title (a source titled 附件一)."""
    from ..recognize.segment import NUMBER, match_title

    title = NUMBER.sub("", table.title or "").strip(" ：:")
    defn = match_title(title) if title else None
    return title if defn is not None and defn.id == table.id else table.standard_title


def one_line(note: str) -> str:
    """A note as one paragraph: the line breaks of the source's page layout dropped ("注：已剔除涉
    密部分" wrapped in a PDF; a line break in a Word paragraph starts a new line read apart), a
    space kept only between two Latin words or numbers."""
    lines = [line.strip() for line in note.splitlines() if line.strip()]
    out = lines[0] if lines else ""
    for line in lines[1:]:
        out += (
            " " if out[-1].isascii() and out[-1].isalnum() and line[0].isascii() and line[0].isalnum() else ""
        ) + line
    return out


def layout_of(table: Table, year: int | None) -> Layout:
    layout = _layout_of(table, year)
    layout.notes = [one_line(n) for n in layout.notes]
    if layout.header:  # typed tables: the printed title (raw tables keep theirs)
        layout.title = printed_title(table)
    return layout


def _layout_of(table: Table, year: int | None) -> Layout:
    kind = table_def(table.id).layout
    if kind == "raw" or (not table.columns and any(r.cells is not None for r in table.rows)):
        return raw_layout(table, year)
    if any(r.side for r in table.rows) or kind == "summary":
        return summary_layout(table, year)
    if kind == "groups":
        return economic_layout(table, year)
    if kind in ("single", "named") or (kind != "coded" and not any(r.code for r in table.rows)):
        return single_layout(table, year)
    return coded_layout(table, year)
