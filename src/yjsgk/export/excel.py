"""Excel workbooks (openpyxl).

One document: a 概况 sheet, one sheet per standard table in the layout officers know (title,
编制单位 and 单位 line, header, then the rows: 科目编码 | 科目名称 | amounts; the 总表 with income
on the left and expenditure on the right), and a 问题清单 sheet whose rows link to the table row
each finding is about. Amounts are real numbers with the printed number of decimals
(`#,##0.00`), headers are frozen.

The corpus: flat sheets 文件, 明细 (one line item per row) and 问题. A query result: one sheet.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.hyperlink import Hyperlink

from ..check.findings import SEVERITY_LABELS
from ..labels import (
    DOCUMENT_FIELDS,
    DOCUMENT_LABELS,
    FINDING_FIELDS,
    FINDING_LABELS,
    LINE_ITEM_FIELDS,
    LINE_ITEM_LABELS,
)
from ..model import KIND_LABELS, Row, Table
from ..records import Bundle, document_record, finding_detail, finding_records, line_item_records, row_name

EXCEL_MAX_ROWS = 1_048_576
INFO_SHEET = "概况"
FINDINGS_SHEET = "问题清单"
BOLD = Font(bold=True)
TITLE = Font(bold=True, size=14)
LINK = Font(color="0563C1", underline="single")
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
THIN = Side(style="thin", color="999999")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
SEVERITY_FILLS = {
    "error": PatternFill("solid", fgColor="F8CBAD"),
    "warning": PatternFill("solid", fgColor="FFE699"),
    "notice": PatternFill("solid", fgColor="E2EFDA"),
}
_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")


def number_format(decimals: int | None) -> str:
    decimals = 2 if decimals is None else max(0, min(decimals, 10))
    return "#,##0" + ("." + "0" * decimals if decimals else "")


def _decimals_of(value: Decimal) -> int:
    exponent = value.as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 2


def sheet_title(name: str, taken: set[str]) -> str:
    base = _BAD_SHEET_CHARS.sub("", name).strip()[:31] or "表"
    title, n = base, 2
    while title in taken:
        suffix = f"({n})"
        title = base[: 31 - len(suffix)] + suffix
        n += 1
    taken.add(title)
    return title


def _split_label(label: str) -> tuple[str, str | None]:
    """'预算数 公务接待费' → ('预算数', '公务接待费'): the group and the column under it."""
    if " " in label:
        top, rest = label.split(" ", 1)
        return top, rest
    return label, None


def _write_header(ws, row: int, first_col: int, labels: list[str]) -> int:
    """One header row, or two when labels are grouped ('预算数 合计'); returns the rows used."""
    parts = [_split_label(label) for label in labels]
    two = any(sub is not None for _, sub in parts)
    if not two:
        for i, label in enumerate(labels):
            cell = ws.cell(row, first_col + i, label)
            cell.font, cell.fill, cell.alignment, cell.border = BOLD, HEADER_FILL, CENTER, BOX
        return 1
    i = 0
    while i < len(parts):
        top, sub = parts[i]
        col = first_col + i
        if sub is None:
            ws.cell(row, col, top)
            ws.merge_cells(start_row=row, start_column=col, end_row=row + 1, end_column=col)
            i += 1
            continue
        j = i
        while j + 1 < len(parts) and parts[j + 1][0] == top and parts[j + 1][1] is not None:
            j += 1
        ws.cell(row, col, top)
        if j > i:
            ws.merge_cells(start_row=row, start_column=col, end_row=row, end_column=first_col + j)
        for k in range(i, j + 1):
            ws.cell(row + 1, first_col + k, parts[k][1])
        i = j + 1
    for r in (row, row + 1):
        for c in range(first_col, first_col + len(labels)):
            cell = ws.cell(r, c)
            cell.font, cell.fill, cell.alignment, cell.border = BOLD, HEADER_FILL, CENTER, BOX
    return 2


def _put_amount(ws, row: int, col: int, row_obj: Row, column: str) -> None:
    value = row_obj.values.get(column)
    cell = ws.cell(row, col)
    cell.border = BOX
    if value is None:
        return
    cell.value = value.amount  # a number; openpyxl writes the decimal's exact digits
    cell.number_format = number_format(value.decimals)


def _title_block(ws, table: Table, bundle: Bundle, width: int) -> int:
    ws.cell(1, 1, table.display_name).font = TITLE
    ws.cell(1, 1).alignment = Alignment(horizontal="center")
    if width > 1:
        ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    department = bundle.disclosure.department or bundle.meta.get("department") or ""
    ws.cell(2, 1, f"编制单位：{department}" if department else "")
    unit = table.unit or bundle.disclosure.unit
    if unit:
        ws.cell(2, max(width, 2), f"单位：{unit}").alignment = Alignment(horizontal="right")
    return 3  # first header row


def _sections(rows: list[tuple[int, Row]]) -> list[list[tuple[int, Row]]]:
    """A side of a 总表 in four parts, so that the two sides line up as printed: the items, the
    本年收入/支出合计 row, the rows between it and 总计 (结转结余 …), and 总计."""
    start = next((n for n, (_, r) in enumerate(rows) if (r.key or "").startswith("total_")), None)
    if start is None:
        return [rows, [], [], []]
    tail = rows[start + 1 :]
    grand = [tail[-1]] if tail and tail[-1][1].key == "grand_total" else []
    middle = tail[: len(tail) - len(grand)]
    return [rows[:start], [rows[start]], middle, grand]


Cells = dict[tuple[int, object], tuple[int, int]]  # (row index, column id or cell index) → (sheet row, col)


def _summary_sheet(ws, table: Table, bundle: Bundle, cells: Cells) -> dict[int, tuple[int, int]]:
    """总表: income rows on the left, expenditure rows on the right, as printed."""
    income = [(i, r) for i, r in enumerate(table.rows) if r.side == "income"]
    spend = [(i, r) for i, r in enumerate(table.rows) if r.side != "income"]

    def used(rows):
        cols = [c for c in table.columns if any(c in r.values for _, r in rows)]
        return cols or table.columns[:1]

    left = used(income)
    # the expenditure side prints every other column (04: 合计 and one per fund), even empty ones
    right = [c for c in table.columns if c not in left or c in used(spend)] or left
    labels = table.column_labels
    width = 2 + len(left) + len(right)
    header_row = _title_block(ws, table, bundle, width)
    left_labels = ["收入项目"] + [labels.get(c, c) for c in left]
    right_labels = ["支出项目"] + [labels.get(c, c) for c in right]
    used_rows = max(
        _write_header(ws, header_row, 1, left_labels),
        _write_header(ws, header_row, 2 + len(left), right_labels),
    )
    first = header_row + used_rows
    where: dict[int, tuple[int, int]] = {}
    rcol = 2 + len(left)
    left_sections, right_sections = _sections(income), _sections(spend)
    row = first
    for part_left, part_right in zip(left_sections, right_sections, strict=True):  # four parts each
        for n, (i, r) in enumerate(part_left):
            ws.cell(row + n, 1, row_name(r)).border = BOX
            for k, c in enumerate(left):
                _put_amount(ws, row + n, 2 + k, r, c)
                cells[(i, c)] = (row + n, 2 + k)
            where[i] = (row + n, 1)
        for n, (i, r) in enumerate(part_right):
            ws.cell(row + n, rcol, row_name(r)).border = BOX
            for k, c in enumerate(right):
                _put_amount(ws, row + n, rcol + 1 + k, r, c)
                cells[(i, c)] = (row + n, rcol + 1 + k)
            where[i] = (row + n, rcol)
        row += max(len(part_left), len(part_right))
    ws.freeze_panes = ws.cell(first, 1)
    ws.column_dimensions["A"].width = 36
    ws.column_dimensions[get_column_letter(rcol)].width = 36
    for c in list(range(2, rcol)) + list(range(rcol + 1, width + 1)):
        ws.column_dimensions[get_column_letter(c)].width = 16
    return where


def _coded_sheet(ws, table: Table, bundle: Bundle, cells: Cells) -> dict[int, tuple[int, int]]:
    labels = ["科目编码", "科目名称"] + [table.column_labels.get(c, c) for c in table.columns]
    header_row = _title_block(ws, table, bundle, len(labels))
    first = header_row + _write_header(ws, header_row, 1, labels)
    where: dict[int, tuple[int, int]] = {}
    for n, r in enumerate(table.rows):
        row = first + n
        code = ws.cell(row, 1, r.code)
        code.number_format = "@"  # codes are text: 2010301 is not a number
        code.border = BOX
        ws.cell(row, 2, row_name(r)).border = BOX
        for k, c in enumerate(table.columns):
            _put_amount(ws, row, 3 + k, r, c)
            cells[(n, c)] = (row, 3 + k)
        where[n] = (row, 1)
    ws.freeze_panes = ws.cell(first, 3)
    ws.column_dimensions["A"].width = 12
    ws.column_dimensions["B"].width = 36
    for k in range(len(table.columns)):
        ws.column_dimensions[get_column_letter(3 + k)].width = 16
    return where


def _raw_sheet(ws, table: Table, bundle: Bundle, cells: Cells) -> dict[int, tuple[int, int]]:
    """Tables recognized but not typed yet (绩效自评表, 绩效目标表): the cells as printed."""
    width = max((len(r.cells or []) for r in table.rows), default=1)
    first = _title_block(ws, table, bundle, width)
    where: dict[int, tuple[int, int]] = {}
    for n, r in enumerate(table.rows):
        texts = r.cells if r.cells is not None else [r.code or "", row_name(r)]
        for k, text in enumerate(texts):
            ws.cell(first + n, 1 + k, text).alignment = Alignment(wrap_text=True, vertical="top")
            cells[(n, k)] = (first + n, 1 + k)
        where[n] = (first + n, 1)
    ws.freeze_panes = ws.cell(first, 1)
    for k in range(width):
        ws.column_dimensions[get_column_letter(1 + k)].width = 24
    return where


def table_layout(table: Table) -> str:
    if any(r.side for r in table.rows):
        return "summary"
    if not table.columns and any(r.cells is not None for r in table.rows):
        return "raw"
    return "coded"


def _info_sheet(ws, bundle: Bundle) -> None:
    record = document_record(bundle)
    ws.cell(1, 1, "文件概况").font = TITLE
    rows = [
        ("部门", record["department"]),
        ("地区", record["region"]),
        ("层级", record["level"]),
        ("年度", record["year"]),
        ("文件类型", KIND_LABELS.get(record["kind"], record["kind"])),
        ("版本", record["version"]),
        ("金额单位", record["unit"]),
        ("来源", record["source"]),
        ("内容哈希", record["content_hash"]),
        ("错误", record["errors"]),
        ("警告", record["warnings"]),
        ("提示", record["notices"]),
    ]
    for n, (label, value) in enumerate(rows, 3):
        ws.cell(n, 1, label).font = BOLD
        ws.cell(n, 2, value)
    ws.column_dimensions["A"].width = 12
    ws.column_dimensions["B"].width = 70


FINDING_SHEET_COLUMNS = [
    ("severity", "严重程度", 10),
    ("rule", "规则", 24),
    ("table", "表", 36),
    ("row", "行", 36),
    ("column", "列", 20),
    ("expected", "应为", 14),
    ("found", "实为", 14),
    ("difference", "差额", 14),
    ("message", "说明", 80),
    ("page", "页码", 8),
    ("line", "原文行号", 10),
    ("fingerprint", "指纹", 18),
]


MARK_FILLS = {  # the cells a finding involves, in the table sheets: its own cell, the cells compared
    "finding": PatternFill("solid", fgColor="FFC7CE"),
    "related": PatternFill("solid", fgColor="BDD7EE"),
}
MARK_BORDERS = {
    "finding": Border(*(Side(style="medium", color="C00000"),) * 4),
    "related": Border(*(Side(style="thin", color="2F5597"),) * 4),
}

Where = tuple[int, object]  # (table index, column id or cell index)
LocKey = tuple[int | None, int | None, int | None]


def _key(location) -> LocKey:
    return (location.page, location.line, location.column)


def _cell_index(bundle: Bundle) -> dict[LocKey, tuple[int, int, object]]:
    """Where each printed cell went: its location → (table index, row index, column id or cell
    index); a row's own location → its first cell."""
    out: dict[LocKey, tuple[int, int, object]] = {}
    for ti, table in enumerate(bundle.disclosure.tables):
        for ri, row in enumerate(table.rows):
            for column, value in row.values.items():
                out.setdefault(_key(value.location), (ti, ri, column))
            for k in range(len(row.cells or [])):
                out.setdefault((row.location.page, row.location.line, k), (ti, ri, k))
    return out


def _mark_cells(wb, bundle: Bundle, placed, cell_maps: list[Cells], located) -> None:
    """Fill the cells each finding involves: red for its own, blue for the ones compared with;
    its own cell gets a comment with the rule and message."""
    from openpyxl.comments import Comment

    notes: dict[tuple[str, int, int], list[str]] = {}
    roles: dict[tuple[str, int, int], str] = {}
    for f in bundle.findings:
        places = [("finding", f.location)] if f.location else []
        places += [("related", loc) for loc in f.related]
        for role, location in places:
            hit = located.get(_key(location))
            if hit is None:
                continue
            ti, ri, column = hit
            cell = cell_maps[ti].get((ri, column))
            if cell is None:
                continue
            at = (placed[ti][0], cell[0], cell[1])
            if roles.get(at) != "finding":
                roles[at] = role
            if role == "finding":
                notes.setdefault(at, []).append(f"{SEVERITY_LABELS.get(f.severity, f.severity)} {f.rule}：{f.message}")
    for (sheet, row, col), role in roles.items():
        cell = wb[sheet].cell(row, col)
        cell.fill, cell.border = MARK_FILLS[role], MARK_BORDERS[role]
        if (sheet, row, col) in notes:
            text = "\n".join(notes[(sheet, row, col)])
            cell.comment = Comment(text[:2000], "yjsgk", width=360, height=160)


def write_document(bundle: Bundle, path: str | Path) -> Path:
    path = Path(path)
    wb = Workbook()
    info = wb.active
    info.title = INFO_SHEET
    _info_sheet(info, bundle)
    taken = {INFO_SHEET, FINDINGS_SHEET}
    placed: list[tuple[str, dict[int, tuple[int, int]]]] = []
    cell_maps: list[Cells] = []
    for table in bundle.disclosure.tables:
        name = f"{table.number} {table.standard_title}" if table.number else table.standard_title
        ws = wb.create_sheet(sheet_title(name, taken))
        layout = table_layout(table)
        cells: Cells = {}
        if layout == "summary":
            where = _summary_sheet(ws, table, bundle, cells)
        elif layout == "raw":
            where = _raw_sheet(ws, table, bundle, cells)
        else:
            where = _coded_sheet(ws, table, bundle, cells)
        cell_maps.append(cells)
        for note in table.notes:
            ws.append([])
            ws.append([note])
        placed.append((ws.title, where))

    located = _cell_index(bundle)
    _mark_cells(wb, bundle, placed, cell_maps, located)
    ws = wb.create_sheet(FINDINGS_SHEET)
    for k, (_, label, width) in enumerate(FINDING_SHEET_COLUMNS, 1):
        cell = ws.cell(1, k, label)
        cell.font, cell.fill, cell.alignment, cell.border = BOLD, HEADER_FILL, CENTER, BOX
        ws.column_dimensions[get_column_letter(k)].width = width
    ws.freeze_panes = "A2"
    targets = bundle.targets or [(None, None)] * len(bundle.findings)
    for n, (f, (ti, ri)) in enumerate(zip(bundle.findings, targets, strict=True), 2):
        values = {
            "severity": SEVERITY_LABELS.get(f.severity, f.severity),
            "rule": f.rule,
            "table": f.table_title or f.table,
            **finding_detail(f),
            "page": f.location.page if f.location else None,
            "line": f.location.line if f.location else None,
            "fingerprint": f.fingerprint,
        }
        for k, (key, _, _) in enumerate(FINDING_SHEET_COLUMNS, 1):
            cell = ws.cell(n, k, values[key])
            if isinstance(values[key], Decimal):
                cell.number_format = number_format(_decimals_of(values[key]))
        ws.cell(n, 1).fill = SEVERITY_FILLS.get(f.severity, PatternFill())
        ws.cell(n, 9).alignment = Alignment(wrap_text=True, vertical="top")
        own = located.get(_key(f.location)) if f.location else None
        if ti is not None:
            sheet, where = placed[ti]
            target = where.get(ri) if ri is not None else None
            if own is not None and own[0] == ti:
                target = cell_maps[ti].get(own[1:]) or target
            address = f"{get_column_letter(target[1])}{target[0]}" if target else "A1"
            for k in (3, 4):  # 表 and 行 link to the cell (else the row) in its table sheet
                cell = ws.cell(n, k)
                if cell.value is not None:
                    cell.hyperlink = Hyperlink(ref=cell.coordinate, location=f"'{sheet}'!{address}")
                    cell.font = LINK
    if bundle.findings:
        ws.auto_filter.ref = f"A1:{get_column_letter(len(FINDING_SHEET_COLUMNS))}{len(bundle.findings) + 1}"
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path


# ---------------------------------------------------------------------------------------------
# flat sheets: the corpus and query results


def _flat_sheet(ws, fields: list[str], labels: dict[str, str], records: Iterable[dict], *, decimals_field=None) -> int:
    for k, name in enumerate(fields, 1):
        cell = ws.cell(1, k, labels.get(name, name))
        cell.font, cell.fill, cell.alignment = BOLD, HEADER_FILL, CENTER
        ws.column_dimensions[get_column_letter(k)].width = max(10, min(40, 2 * len(labels.get(name, name)) + 4))
    ws.freeze_panes = "A2"
    n = 1
    for record in records:
        n += 1
        if n > EXCEL_MAX_ROWS:
            raise ValueError(f"超过 Excel 的行数上限（{EXCEL_MAX_ROWS} 行），请改用 CSV 或数据包导出")
        for k, name in enumerate(fields, 1):
            value = record.get(name)
            cell = ws.cell(n, k, value)
            if isinstance(value, Decimal):
                decimals = record.get(decimals_field) if decimals_field else None
                cell.number_format = number_format(decimals if decimals is not None else _decimals_of(value))
            elif name in ("code", "fingerprint", "content_hash"):
                cell.number_format = "@"
    if n > 1:
        ws.auto_filter.ref = f"A1:{get_column_letter(len(fields))}{n}"
    return n - 1


def write_corpus(bundles: Iterable[Bundle], path: str | Path) -> Path:
    path = Path(path)
    bundles = list(bundles)
    wb = Workbook()
    docs = wb.active
    docs.title = "文件"
    _flat_sheet(docs, DOCUMENT_FIELDS, DOCUMENT_LABELS, (document_record(b) for b in bundles))
    items = wb.create_sheet("明细")
    _flat_sheet(
        items,
        LINE_ITEM_FIELDS,
        LINE_ITEM_LABELS,
        (r for b in bundles for r in line_item_records(b)),
        decimals_field="decimals",
    )
    problems = wb.create_sheet("问题")
    _flat_sheet(problems, FINDING_FIELDS, FINDING_LABELS, (r for b in bundles for r in finding_records(b)))
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path


def write_results(results, path: str | Path) -> Path:
    """Query results, one sheet each."""
    path = Path(path)
    wb = Workbook()
    taken: set[str] = set()
    for i, result in enumerate(results):
        ws = wb.active if i == 0 else wb.create_sheet()
        ws.title = sheet_title(result.title, taken)
        _flat_sheet(ws, result.columns, result.labels, result.rows)
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path
