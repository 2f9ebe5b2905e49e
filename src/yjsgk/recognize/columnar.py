"""Coded, named and single-row tables: a row per printed row, an amount per mapped column."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..amounts import parse_amount
from ..definitions import ColumnDef, TableDef, memo_columns
from ..document import Cell, GridRow
from ..model import Row, Table, Value
from ..textnorm import key, norm
from . import problems
from .built import UNREAD_COLUMNS, Built, Issue, has_amounts, set_columns, unmapped_issue
from .cells import TOTAL_NAMES, cell_value, tidy, trim
from .codes import CODE, PART, code_and_name
from .columns import (
    ColumnMap,
    earlier_column_ids,
    map_columns,
    of_which_columns,
    rename_inclusive_total,
    sibling_columns,
    stacked_labels,
)
from .header import split_header
from .segment import Section
from .transposed import build_transposed, build_transposed_items

# a column of unit or department codes (部门代码, 单位编码, 部门（单位）代码): not classification codes
_UNIT_CODE_LABEL = re.compile(r"(?:部门|单位)(?:代码|编码)")
_INDEX_LABEL = {"序号", "行次", "栏次"}  # a column numbering the rows: no part of a row's name
# a name too long for its cell printed on into the first amount cell: "缴费支出43608.96", "出  1090.22"
_OVERFLOW = re.compile(r"^([\u4e00-\u9fff（）()]+)\s*([-\d][\d,.]*)$")
_UNIT_CODE = re.compile(r"^\d{6}$")  # 123008: classification codes have 3, 5 or 7 digits
_UNIT_CODE_CELL = re.compile(r"^\d{3,12}$")  # 119, 119001: a unit code printed in its own column
_UNIT_CODE_AND_NAME = re.compile(r"^\d{6}\s+(\S.*)$")
_HEADER_DEBRIS = re.compile(r"^(?:类|款|项|科目编码|科目名称|功能分类科目编码|项目)+(?=合计|总计)")
_YEAR_CELL = re.compile(r"^((?:19|20)\d{2})年(?:度|预算数?|决算数?)?$")
_NOTE_HEADS = {"备注", "说明", "项目简介"}


@dataclass(slots=True)
class _Frame:
    """How a section's data rows are laid out: full width, leading label cells, mapped columns."""

    defn: TableDef
    data: list[GridRow]
    labels: dict[int, str]
    width: int
    label_width: int
    cmap: ColumnMap
    header: list[GridRow]
    # columns of an earlier year (or the change against it): position → `Row.earlier` key
    earlier_ids: dict[int, str] | None = None


def build_columnar(section: Section, defn: TableDef, built: Built) -> None:
    """Passes: map the header to columns → or read another layout (transposed, items, rows of a
    one-row table) → settle the columns (fallbacks, what is reported) → read the rows → keep
    rows by year apart → report codes printed more than once."""
    frame = _frame(section, defn)
    if frame is None:
        set_columns(built.table, defn, ColumnMap(0, {}, {}))
        return
    if _other_layout(frame, built) or not _settle_columns(frame, built):
        return
    frame.earlier_ids = earlier_column_ids(defn, frame.labels, frame.cmap.earlier)
    built.table.earlier_labels = {
        column: " ".join(frame.labels.get(pos, "").split()) for pos, column in frame.earlier_ids.items()
    }
    years, heads = _read_rows(frame, built.table)
    _rows_by_year(built.table, years, heads)
    _repeated_codes(built)


def _frame(section: Section, defn: TableDef) -> _Frame | None:
    """Header rows → stacked labels → canonical columns (None: the section has no data rows)."""
    header, data = split_header(section)
    if not data:
        return None
    width = max(len(r.cells) for r in data)
    labels = stacked_labels([[c.text for c in r.cells] for r in header], width)
    label_width = _label_width(data, width)
    # a trailing 备注 column is no amount column (it would make the standard-order fallback misfire)
    notes = 0
    while width - notes - 1 > label_width and key(labels.get(width - notes - 1, "").rsplit("/", 1)[-1]) in _NOTE_HEADS:
        notes += 1
    cmap = map_columns(defn, labels, width, width - label_width - notes)
    return _Frame(defn, data, labels, width, label_width, cmap, header)


def _other_layout(f: _Frame, built: Built) -> bool:
    """The table printed otherwise than one row per item: built by its own reader."""
    defn, cmap = f.defn, f.cmap
    if defn.layout == "named" and build_transposed(
        defn, built, f.header, f.data, f.labels, cmap, f.width, f.label_width
    ):
        return True
    if not cmap.positions and build_transposed_items(defn, f.data, built):
        return True
    return (
        not cmap.positions
        and defn.layout == "single"
        and _build_single_by_rows(defn, f.data, f.labels, f.width, f.label_width, built)
    )


def _settle_columns(f: _Frame, built: Built) -> bool:
    """The columns the table is read by, and what the header left unsure (False: none to read)."""
    defn, cmap, table = f.defn, f.cmap, built.table
    if not cmap.positions and f.width - f.label_width == 1 and f.label_width:
        # one amount column ("预算", "预算数"): it is the table's amount, i.e. its first column
        cmap.positions = {f.width - 1: defn.columns[0].id}
    if not cmap.positions:
        built.problems.append(
            Issue(
                problems.COLUMNS.id,
                f"{defn.title}：无法从表头确定金额列，本表未做核对",
                table.location,
                severity=None if has_amounts(f.data) else "notice",  # an empty table: nothing lost
                cause=UNREAD_COLUMNS,
            )
        )
        set_columns(table, defn, cmap)
        return False
    if cmap.positional:
        built.problems.append(
            Issue(
                problems.COLUMNS.id,
                f"{defn.title}：表头无法逐列识别，已按标准列顺序读取",
                table.location,
                cause="表头无法逐列识别，已按标准列顺序读取",
            )
        )
        table.uncertain.append("表头未能识别，列按标准顺序对应")
    elif any(not key(f.labels.get(pos, "")) for pos in cmap.by_order):
        table.uncertain.append("有金额列表头为空，按标准列顺序对应")
    rename_inclusive_total(cmap)
    set_columns(table, defn, cmap)
    of_which = of_which_columns(f.labels, cmap.first_value, memo_columns())
    table.parts_of = _parts_of(defn, cmap, of_which)
    not_terms = set(of_which) | sibling_columns(f.labels, cmap.positions)
    table.unmapped_columns = _unmapped_amount_columns(cmap, f.labels, f.data, f.width, not_terms)
    if table.unmapped_columns and defn.identities:
        built.problems.append(unmapped_issue(defn, table))
    return True


def _read_rows(f: _Frame, table: Table) -> tuple[dict[int, int], dict[int, str]]:
    """One Row per printed row (a 合计 or a broken name reprinted over a page is not a row).

    Returns, by id(row), the year a row's label states and its first label cell (its unit)."""
    not_labels = _not_label_columns(f)
    context: dict[str, str] = {}
    years: dict[int, int] = {}
    heads: dict[int, str] = {}
    previous_page = None
    for row in f.data:
        first_on_page = row.location.page is not None and row.location.page != previous_page
        previous_page = row.location.page
        out, label_cells = _read_row(f, row, not_labels, context)
        if out.key == "total" and first_on_page and _repeats_total(out, table.rows):
            continue  # the 合计 row reprinted at the top of a continuation page
        if first_on_page and _joins_broken_name(out, table.rows):
            continue
        if out.values or out.code or out.name:
            table.rows.append(out)
            if out.code is None and (
                year := next((m.group(1) for t in label_cells if (m := _YEAR_CELL.match(key(t)))), None)
            ):
                years[id(out)] = int(year)
            heads[id(out)] = tidy(label_cells[0]) if len(label_cells) > 1 else ""
    return years, heads


def _not_label_columns(f: _Frame) -> tuple[set[int], set[int]]:
    """Label-side columns that are no part of a row's code and name: unit codes (部门代码, kept
    blank in place) and a 序号 column numbering the rows (left out)."""
    unit_codes, index = set(), set()
    for pos, label in f.labels.items():
        if pos >= f.cmap.first_value:
            continue
        if _UNIT_CODE_LABEL.search(key(label)):
            unit_codes.add(pos)
        elif key(label.rsplit("/", 1)[-1]) in _INDEX_LABEL:
            index.add(pos)
    return unit_codes, index


def _read_row(
    f: _Frame, row: GridRow, not_labels: tuple[set[int], set[int]], context: dict[str, str]
) -> tuple[Row, list[str]]:
    """A printed row: its code and name from the label cells, its amounts by mapped column."""
    defn, cmap, width = f.defn, f.cmap, f.width
    cells = row.cells
    if len(cells) > width:
        cells = trim(cells)
    offset = width - len(cells) if len(cells) < width else 0
    # an amount left of the first mapped column (an earlier year's 预算数) is no part of the name
    unit_codes, index_columns = not_labels
    label_cells = [
        "" if i + offset in unit_codes else _unit_name(c.text)
        for i, c in enumerate(cells[: max(0, cmap.first_value - offset)])
        if not (
            i + offset in cmap.earlier
            or i + offset in index_columns
            or f.label_width
            and i + offset >= f.label_width
            and parse_amount(c.text) is not None
        )
    ]
    if defn.layout == "single":
        label_cells = []
    code, name = (
        code_and_name(label_cells, context)
        if defn.codes
        else (None, tidy(" ".join(t for t in label_cells if t.strip())))
    )
    out = Row(name=name, location=row.location, code=code)
    if code is None:
        # PDF grids may merge the 类/款/项 header cells into the 合计 row: "类 款 项 合计"
        name_key = _HEADER_DEBRIS.sub("", key(name))
        if name_key in TOTAL_NAMES or not name_key and defn.layout != "single" and _first_total(cells):
            out.key = "total"
            out.name = "合计" if name_key in TOTAL_NAMES else name or "合计"
        elif defn.layout == "single":
            out.key = "values"
    for pos, column in cmap.positions.items():
        index = pos - offset
        if 0 <= index < len(cells):
            value = cell_value(cells[index])
            if value is None and pos == cmap.first_value and (m := _OVERFLOW.match(cells[index].text.strip())):
                value = cell_value(Cell(m.group(2), cells[index].location))
                out.name += m.group(1) if value is not None else ""
            if value is not None:
                out.values[column] = value
    for pos, column in (f.earlier_ids or {}).items():
        index = pos - offset
        if 0 <= index < len(cells) and (value := cell_value(cells[index])) is not None:
            out.earlier[column] = value
    for pos in sorted(unit_codes):
        index = pos - offset
        if 0 <= index < min(len(cells), cmap.first_value - offset) and _UNIT_CODE_CELL.match(
            code := norm(cells[index].text).strip()
        ):
            out.unit_code = code
    return out, label_cells


def _joins_broken_name(out: Row, rows: list[Row]) -> bool:
    """A row broken over the page: its name ("杭州市综合交通运输研究" / "中心") and the last digits
    of an amount too tall for the page ("12,437.3" / "6") printed at the top of the next page are
    joined to the row above."""
    if out.code is not None or out.key is not None or not out.name or not rows:
        return False
    last = rows[-1]
    if not last.values or last.code is not None or last.key is not None:
        return False
    joined = {}
    for column, value in out.values.items():
        before = last.values.get(column)
        amount = parse_amount(before.text + value.text) if before is not None else None
        # cut short: fewer decimals than the column prints, the joined amount exactly as many
        printed = max((r.values[column].decimals for r in rows[:-1] if column in r.values), default=None)
        if before is None or amount is None or before.decimals >= (printed or 0) or amount.decimals != printed:
            return False
        joined[column] = Value(amount.value, amount.text, amount.decimals, before.location, amount.issue)
    last.name += out.name
    last.values.update(joined)
    return True


def _rows_by_year(table: Table, years: dict[int, int], heads: dict[int, str]) -> None:
    """Rows by year (2025年 / 2026年 / 增减变化) under each unit: the latest year's row is the
    unit's; the others are kept apart as last year's figures and the change, not mixed with
    them. The unit's merged cell prints on its first row only: its name is carried down."""
    if len(set(years.values())) <= 1:
        return
    latest = max(years.values())
    unit = ""
    for r in table.rows:
        if heads.get(id(r)):
            unit = heads[id(r)]
        elif unit and r.key is None and r.code is None:
            r.name = f"{unit} {r.name}"
        if r.key is None and years.get(id(r), latest) < latest:
            r.key = "previous_year"
        elif r.key is None and id(r) not in years and "增减" in key(r.name):
            r.key = "change"


def _repeated_codes(built: Built) -> None:
    table = built.table
    codes = [r.code for r in table.rows if r.code]
    if len(codes) == len(set(codes)):
        return
    repeated = sorted({c for c in codes if codes.count(c) > 1})
    table.repeated_codes = repeated
    listed = f"{'、'.join(repeated[:5])}{'等' if len(repeated) > 5 else ''}"
    built.problems.append(
        Issue(
            problems.REPEATED_CODES.id,
            f"{table.standard_title}中科目 {listed} 出现多次（可能按单位分列），未核对合计与科目层级",
            table.location,
            cause="科目出现多次（可能按单位分列），未核对合计与科目层级",
            detail=f"（{listed}）",
        )
    )


def _build_single_by_rows(
    defn: TableDef, data: list[GridRow], labels: dict[int, str], width: int, label_width: int, built: Built
) -> bool:
    """A one-row table whose 预算数 and 决算数 are printed as rows under one header (西安 公开09表):
    each row's label heads the header's labels, and all rows make the table's one row."""
    if label_width == 0:
        return False
    out = Row(name="", location=data[0].location, key="values")
    mapped: dict[int, str] = {}
    for row in data:
        if len(row.cells) != width:
            return False
        head = key(" ".join(c.text for c in row.cells[:label_width]))
        # the columns this row's label names (预算数: the 预算+… columns), matched on the header alone
        columns = tuple(
            ColumnDef(c.id, c.label, alts)
            for c in defn.columns
            if (alts := tuple(tuple(t for t in alt if t not in head) for alt in c.match if any(t in head for t in alt)))
        )
        if not head or not columns:
            return False
        row_labels = {pos: lab for pos, lab in labels.items() if pos >= label_width}
        cmap = map_columns(replace(defn, columns=columns), row_labels, width, None)
        if len(cmap.positions) < 3:
            return False
        for pos, column in cmap.positions.items():
            mapped[len(mapped)] = column
            if (value := cell_value(row.cells[pos])) is not None:
                out.values[column] = value
    set_columns(built.table, defn, ColumnMap(len(mapped), mapped, {}))
    built.table.rows.append(out)
    return True


def _repeats_total(row: Row, rows: list[Row]) -> bool:
    """An earlier 合计 row with the very same amounts (a differing one is kept for the rules)."""
    amounts = {c: v.amount for c, v in row.values.items()}
    return any(r.key == "total" and {c: v.amount for c, v in r.values.items()} == amounts for r in rows)


def _unit_name(text: str) -> str:
    """A label cell without a leading unit code ("123008 苏州市…" → "苏州市…")."""
    if _UNIT_CODE.match(norm(text)):
        return ""
    m = _UNIT_CODE_AND_NAME.match(text.strip())
    return m.group(1) if m else text


def _parts_of(defn: TableDef, cmap: ColumnMap, of_which: dict[int, int | None]) -> dict[str, str]:
    """The mapped 其中 columns that are no term of an identity: column → the column it is part of.

    One that breaks down its parent as the table defines it (小计 | 其中：基本支出 | 项目支出;
    公务用车购置及运行费 | 其中：购置费 | 运行费) is a part as printed and stays a term."""
    out: dict[str, str] = {}
    for pos, before in of_which.items():
        column = cmap.positions.get(pos)
        if column is None:
            continue
        parent = cmap.positions.get(before, "") if before is not None else ""
        if any(i.total == parent and any(c == column for _s, c in i.parts) for i in defn.identities):
            continue
        out[column] = parent
    return out


def _unmapped_amount_columns(
    cmap: ColumnMap, labels: dict[int, str], data: list[GridRow], width: int, parts: set[int]
) -> list[str]:
    """Labels of value-side columns that carry amounts but match no canonical column (a 其中
    column, part of another, is no term of the row's total and is not one of them)."""
    out = []
    for pos in range(cmap.first_value, width):
        if pos in cmap.positions or pos in cmap.earlier or pos in parts:
            continue
        has_amount = False
        for row in data:
            offset = width - len(row.cells) if len(row.cells) < width else 0
            index = pos - offset
            if 0 <= index < len(row.cells) and parse_amount(row.cells[index].text) is not None:
                has_amount = True
                break
        if has_amount:
            out.append(labels.get(pos, f"第{pos + 1}列").replace("\n", ""))
    return out


def _first_total(cells: list[Cell]) -> bool:
    return bool(cells) and key(cells[0].text) in TOTAL_NAMES


def _label_width(data: list[GridRow], width: int) -> int:
    """How many leading cells of a full-width data row are codes and names (the fewest seen)."""

    def leading(row: GridRow) -> int:
        for n, cell in enumerate(row.cells[:width]):
            k = norm(cell.text)  # not key(): "3.00" would read as the code 300
            if n == 1 and k.isdigit() and len(k) == 1 and CODE.match(norm(row.cells[0].text)):
                continue  # "301 | 2 | 津贴补贴": a 款 printed without its leading zero
            if parse_amount(cell.text) is not None and not CODE.match(k) and not PART.match(k):
                return n
        return min(len(row.cells), width)

    full = [r for r in data if width in (len(r.cells), len(trim(r.cells)))]
    return min((n for n in map(leading, full) if n), default=0)
