"""Typed tables from table sections, one builder per layout of `tables.toml`."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from ..amounts import parse_amount
from ..definitions import ColumnDef, TableDef, function_class_by_name
from ..document import Cell, GridRow, Location
from ..model import Row, Table, Value
from ..textnorm import key, norm, strip_ordinal
from .columns import LABEL_WORDS, ColumnMap, is_index_row, map_columns, stacked_labels
from .segment import Section

_CODE = re.compile(r"^\d{3}(?:\d{2}){0,2}$")
_PART = re.compile(r"^\d{2}$")
# "201 一般公共服务支出", or the code bracketed before the name: "[201]一般公共服务支出"
_CODE_AND_NAME = re.compile(r"^(?:(\d{3}(?:\d{2}){0,2})\s+|[\[【［]\s*(\d{3}(?:\d{2}){0,2})\s*[\]】］]\s*)(\S.*)$")
_ECON_CODE = re.compile(r"^(?:3\d{2}|399)(?:\d{2})?$")
# a column of unit or department codes (部门代码, 单位编码, 部门（单位）代码): not classification codes
_UNIT_CODE_LABEL = re.compile(r"(?:部门|单位)(?:代码|编码)")
_UNIT_CODE = re.compile(r"^\d{6}$")  # 123008: classification codes have 3, 5 or 7 digits
_UNIT_CODE_AND_NAME = re.compile(r"^\d{6}\s+(\S.*)$")
_HEADER_DEBRIS = re.compile(r"^(?:类|款|项|科目编码|科目名称|功能分类科目编码|项目)+(?=合计|总计)")
_YEAR_CELL = re.compile(r"^((?:19|20)\d{2})年(?:度|预算数?|决算数?)?$")
TOTAL_NAMES = {"合计", "总计", "本年合计", "合计数", "总合计"}
_NOTE_HEADS = {"备注", "说明", "项目简介"}


@dataclass(slots=True)
class Built:
    table: Table
    problems: list[tuple[str, str, Location]] = field(default_factory=list)  # (rule, message, where)


def build(section: Section) -> Built:
    defn = section.defn
    table = Table(
        id=defn.id,
        title=section.title,
        standard_title=defn.title,
        location=section.location,
        number=section.number,
        notes=list(section.notes),
        unit=section.unit,
    )
    built = Built(table)
    builder = {
        "coded": _build_columnar,
        "named": _build_columnar,
        "single": _build_columnar,
        "summary": _build_summary,
        "groups": _build_groups,
        "raw": _build_raw,
    }[defn.layout]
    builder(section, defn, built)
    return built


# -- helpers ------------------------------------------------------------------------------


def _trim(cells: list[Cell]) -> list[Cell]:
    """Drop trailing empty cells (exports pad rows unevenly)."""
    end = len(cells)
    while end > 0 and not cells[end - 1].text.strip():
        end -= 1
    return cells[:end]


_WRAPPED_DIGITS = re.compile(r"(?<=[\d.,])[ \t]*\n\s*(?=\d)")


def _value(cell: Cell) -> Value | None:
    amount = parse_amount(cell.text)
    if amount is None and "\n" in cell.text:
        # an amount wrapped inside a narrow cell: "143,999.0\n0"
        amount = parse_amount(_WRAPPED_DIGITS.sub("", cell.text))
    if amount is None:
        return None
    return Value(amount.value, amount.text, amount.decimals, cell.location, amount.issue)


_WRAPPED = re.compile(r"(?<=[\u4e00-\u9fff（）])\s*\n\s*(?=[\u4e00-\u9fff（）])")


def _tidy(text: str) -> str:
    """Whitespace tidied; a name wrapped inside its cell ("…缴\n费") joined again."""
    return re.sub(r"\s+", " ", _WRAPPED.sub("", text).replace("\u3000", " ")).strip()


def _is_data(texts: list[str]) -> bool:
    first = norm(texts[0]) if texts else ""
    if _CODE.match(first):
        return True
    if key(first) in TOTAL_NAMES and not any(key(t) for t in texts[1:]):
        return True  # a 合计 row printed blank (an empty table) is still a row
    return any(parse_amount(t) is not None for t in texts) and not is_index_row(texts)


def _split_header(section: Section) -> tuple[list[GridRow], list[GridRow]]:
    """Header rows (before the first data row) and data rows, without repeated headers."""
    header: list[GridRow] = []
    data: list[GridRow] = []
    header_keys: set[str] = set()
    for row in section.rows:
        texts = [c.text for c in row.cells]
        row_key = key("".join(texts))
        if not row_key:
            continue
        if is_index_row(texts):
            header_keys.add(row_key)
            continue
        if not data and not _is_data(texts):
            header.append(row)
            header_keys.add(row_key)
        elif row_key in header_keys:
            continue  # the header repeated on a new page
        elif data and not _is_data(texts) and _looks_like_header(texts):
            header_keys.add(row_key)
        else:
            data.append(row)
    return header, data


def _looks_like_header(texts: list[str]) -> bool:
    keys = [key(t) for t in texts if key(t)]
    return bool(keys) and sum(k in LABEL_WORDS or "编码" in k for k in keys) >= 2


# -- coded, named and single-row tables ------------------------------------------------------


def _build_columnar(section: Section, defn: TableDef, built: Built) -> None:
    table = built.table
    header, data = _split_header(section)
    if not data:
        _set_columns(table, defn, ColumnMap(0, {}, {}))
        return
    width = max(len(r.cells) for r in data)
    header_texts = [[c.text for c in r.cells] for r in header]
    labels = stacked_labels(header_texts, width)
    label_width = _label_width(data, width)
    # a trailing 备注 column is no amount column (it would make the standard-order fallback misfire)
    notes = 0
    while width - notes - 1 > label_width and key(labels.get(width - notes - 1, "").rsplit("/", 1)[-1]) in _NOTE_HEADS:
        notes += 1
    cmap = map_columns(defn, labels, width, width - label_width - notes)
    if defn.layout == "named" and _build_transposed(defn, built, header, data, labels, cmap, width, label_width):
        return
    if not cmap.positions and _build_transposed_items(defn, data, built):
        return
    if not cmap.positions and defn.layout == "single" and _build_single_by_rows(defn, data, labels, width, label_width, built):
        return
    if not cmap.positions and width - label_width == 1 and label_width:
        # one amount column ("预算", "预算数"): it is the table's amount, i.e. its first column
        cmap.positions = {width - 1: defn.columns[0].id}
    if not cmap.positions:
        built.problems.append(
            ("recognize.columns", f"{defn.title}：无法从表头确定金额列，本表未做核对", table.location)
        )
        _set_columns(table, defn, cmap)
        return
    if cmap.positional:
        built.problems.append(
            ("recognize.columns", f"{defn.title}：表头无法逐列识别，已按标准列顺序读取", table.location)
        )
    _rename_inclusive_total(cmap)
    _set_columns(table, defn, cmap)
    table.unmapped_columns = _unmapped_amount_columns(cmap, labels, data, width)
    if table.unmapped_columns and defn.identities:
        built.problems.append(
            (
                "recognize.columns",
                f"{defn.title}：表头“{'、'.join(table.unmapped_columns)}”不是标准列，行内合计未核对",
                table.location,
            )
        )
    unit_code_at = {pos for pos, lab in labels.items() if pos < cmap.first_value and _UNIT_CODE_LABEL.search(key(lab))}
    context: dict[str, str] = {}
    years: dict[int, int] = {}  # id(row) → the year its label cell states
    heads: dict[int, str] = {}  # id(row) → its first label cell (a unit), when it has more
    previous_page = None
    for row in data:
        first_on_page = row.location.page is not None and row.location.page != previous_page
        previous_page = row.location.page
        cells = row.cells
        if len(cells) > width:
            cells = _trim(cells)
        offset = width - len(cells) if len(cells) < width else 0
        # an amount left of the first mapped column (an earlier year's 预算数) is no part of the name
        label_cells = [
            "" if i + offset in unit_code_at else _unit_name(c.text)
            for i, c in enumerate(cells[: max(0, cmap.first_value - offset)])
            if not (i + offset in cmap.earlier or label_width and i + offset >= label_width and parse_amount(c.text) is not None)
        ]
        if defn.layout == "single":
            label_cells = []
        code, name = _code_and_name(label_cells, context) if defn.codes else (None, _tidy(" ".join(t for t in label_cells if t.strip())))
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
                value = _value(cells[index])
                if value is not None:
                    out.values[column] = value
        if out.key == "total" and first_on_page and _repeats_total(out, table.rows):
            continue  # the 合计 row reprinted at the top of a continuation page
        if out.values or out.code or out.name:
            table.rows.append(out)
            if code is None and (year := next((m.group(1) for t in label_cells if (m := _YEAR_CELL.match(key(t)))), None)):
                years[id(out)] = int(year)
            heads[id(out)] = _tidy(label_cells[0]) if len(label_cells) > 1 else ""
    if len(set(years.values())) > 1:
        # rows by year (2025年 / 2026年 / 增减变化) under each unit: the latest year's row is the
        # unit's; the others are kept apart as last year's figures and the change, not mixed
        # with them. The unit's merged cell prints on its first row only: its name is carried down.
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
    codes = [r.code for r in table.rows if r.code]
    if len(codes) != len(set(codes)):
        repeated = sorted({c for c in codes if codes.count(c) > 1})
        table.repeated_codes = repeated
        built.problems.append(
            (
                "recognize.repeated_codes",
                f"{defn.title}中科目 {'、'.join(repeated[:5])}{'等' if len(repeated) > 5 else ''} 出现多次（可能按单位分列），"
                "未核对合计与科目层级",
                table.location,
            )
        )


def _build_transposed(
    defn: TableDef,
    built: Built,
    header: list[GridRow],
    data: list[GridRow],
    labels: dict[int, str],
    cmap: ColumnMap,
    width: int,
    label_width: int,
) -> bool:
    """A one-row table printed transposed: its columns' items as rows (因公出国费 | 215.60).

    Each printed value column becomes a row (合计 or a sole column: the `total` row; a fund
    column keeps its label as name), each printed item row a canonical column. False when
    the row names are not the table's columns.
    """
    if label_width == 0:
        return False
    names = [_tidy(" ".join(c.text for c in r.cells[:label_width] if c.text.strip())) for r in data]
    scored = []
    for index, name in enumerate(names):
        lk = key(strip_ordinal(name))
        for col in defn.columns:
            if score := col.score(lk):
                scored.append((score, -index, index, col.id))
    scored.sort(reverse=True)
    by_row: dict[int, str] = {}
    for _score, _neg, index, col_id in scored:
        if index not in by_row and col_id not in by_row.values():
            by_row[index] = col_id
    header_columns = set(cmap.positions.values()) - {"total", "all_total", "three_public"}
    if len(by_row) < 3 or header_columns:
        return False
    items = ColumnMap(len(data), dict(by_row), {})
    _rename_inclusive_total(items)
    table = built.table
    _set_columns(table, defn, items)
    value_positions = [p for p in range(label_width, width) if any(_value_at(r, p, width) is not None for r in data)]
    for pos in value_positions:
        label = labels.get(pos, "").replace("\n", "")
        is_total = len(value_positions) == 1 or key(label) in TOTAL_NAMES or key(label) == "小计"
        where = next((r.cells[pos].location for r in reversed(header) if len(r.cells) == width), data[0].location)
        out = Row(name="合计" if is_total else label, location=where, key="total" if is_total else None)
        for index, column in items.positions.items():
            if (value := _value_at(data[index], pos, width)) is not None:
                out.values[column] = value
        table.rows.append(out)
    table.unmapped_columns = [n for i, n in enumerate(names) if i not in by_row and any(_value_at(data[i], p, width) is not None for p in value_positions)]
    if table.unmapped_columns and defn.identities:
        built.problems.append(
            (
                "recognize.columns",
                f"{defn.title}：项目“{'、'.join(table.unmapped_columns)}”不是标准列，行内合计未核对",
                table.location,
            )
        )
    return True


def _value_at(row: GridRow, pos: int, width: int) -> Value | None:
    offset = width - len(row.cells) if len(row.cells) < width else 0
    index = pos - offset
    return _value(row.cells[index]) if 0 <= index < len(row.cells) else None


def _build_transposed_items(defn: TableDef, data: list[GridRow], built: Built) -> bool:
    """A table printed transposed (项目名称 | 金额): the standard columns are rows, read as its 合计 row.

    A name in the first cell heads the rows below it (a merged cell); its 小计 row stands for it.
    """
    if defn.layout != "coded":
        return False
    labels: dict[int, str] = {}
    amounts: dict[int, Value] = {}
    group = ""
    for i, row in enumerate(data):
        cells = _trim(row.cells)
        if not cells or sum(parse_amount(c.text) is not None for c in cells) > 1:
            return False
        if len(cells) > 1 and (value := _value(cells[-1])) is not None:
            amounts[i] = value
            cells = cells[:-1]
        if cells[0].text.strip():
            group = _tidy(cells[0].text)
        sub = _tidy(" ".join(c.text for c in cells[1:] if c.text.strip()))
        if _CODE.match(norm(group)) or parse_amount(sub) is not None:
            return False  # a code or a second amount: a normal table with an unreadable header
        labels[i] = group if not sub or key(sub) == "小计" else f"{group}/{sub}"
    cmap = map_columns(defn, labels, len(data), None)
    if len(cmap.positions) < 2 or not amounts:
        return False
    table = built.table
    _set_columns(table, defn, cmap)
    out = Row(name="合计", location=data[0].location, key="total")
    for i, column in cmap.positions.items():
        if i in amounts:
            out.values[column] = amounts[i]
    table.rows.append(out)
    return True


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
            if (value := _value(row.cells[pos])) is not None:
                out.values[column] = value
    _set_columns(built.table, defn, ColumnMap(len(mapped), mapped, {}))
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


def _rename_inclusive_total(cmap: ColumnMap) -> None:
    """A 三公 table that also lists 会议费/培训费 opens with their common 合计 (not the 三公 total)."""
    mapped = set(cmap.positions.values())
    if "three_public" in mapped and mapped & {"meeting", "training"} and "all_total" not in mapped:
        for pos, column in cmap.positions.items():
            if column == "total":
                cmap.positions[pos] = "all_total"
    elif "three_public" in mapped and "total" not in mapped:
        # without 会议费/培训费 the 三公 subtotal is the table's total
        for pos, column in cmap.positions.items():
            if column == "three_public":
                cmap.positions[pos] = "total"


def _unmapped_amount_columns(cmap: ColumnMap, labels: dict[int, str], data: list[GridRow], width: int) -> list[str]:
    """Labels of value-side columns that carry amounts but match no canonical column."""
    out = []
    for pos in range(cmap.first_value, width):
        if pos in cmap.positions or pos in cmap.earlier:
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
            if parse_amount(cell.text) is not None and not _CODE.match(k) and not _PART.match(k):
                return n
        return min(len(row.cells), width)

    full = [r for r in data if width in (len(r.cells), len(_trim(r.cells)))]
    return min((n for n in map(leading, full) if n), default=0)


def _set_columns(table: Table, defn: TableDef, cmap: ColumnMap) -> None:
    order = [c.id for c in defn.columns]
    mapped = set(cmap.positions.values())
    table.columns = [c for c in order if c in mapped] if mapped else list(order)
    table.column_labels = {c: defn.label(c) for c in table.columns}


def _code_and_name(label_cells: list[str], context: dict[str, str]) -> tuple[str | None, str]:
    """Join split 类/款/项 columns (`201 | 03 | 01` → 2010301) and find the name."""
    keys = [norm(t) for t in label_cells]
    name_parts = [_tidy(t) for t, k in zip(label_cells, keys) if k and not _CODE.match(k) and not _PART.match(k)]
    name = " ".join(name_parts)
    codes = [(i, k) for i, k in enumerate(keys) if k and (_CODE.match(k) or _PART.match(k))]
    if not codes:
        if len(label_cells) == 1 and (m := _CODE_AND_NAME.match(label_cells[0].strip())):
            return _remember(m.group(1) or m.group(2), context), _tidy(m.group(3))
        return None, name
    if len(codes) == 1 and _CODE.match(codes[0][1]) and len(keys) <= 2:
        return _remember(codes[0][1], context), name
    full = [k for _, k in codes if _CODE.match(k)]
    if len(full) > 1 and all(b.startswith(a) for a, b in zip(full, full[1:])):
        # split columns that print the whole code each (205 | 20505 | 2050508): the longest
        return _remember(full[-1], context), name
    if len(full) > 1 and codes[0][0] == 0 and len(keys) > 1 and keys[1] and not _PART.match(keys[1]) and not _CODE.match(keys[1]):
        # code | name | code | name: a second classification printed alongside (部门经济科目 30101
        # 基本工资 | 政府经济科目 50101 工资奖金津补贴): the first pair is the row's
        return _remember(codes[0][1], context), _tidy(label_cells[1])
    # split columns: positions 0, 1, 2 hold 类, 款, 项
    parts = {i: k for i, k in codes if i < 3}
    lei = parts.get(0) if parts.get(0) and len(parts[0]) == 3 else None
    kuan = parts.get(1)
    xiang = parts.get(2)
    if lei is None and (kuan or xiang):
        lei = context.get("lei")
    if lei is None:
        code = next((k for _, k in codes if _CODE.match(k)), None)
        return (_remember(code, context) if code else None), name
    if kuan is None and xiang:
        kuan = context.get("kuan", "")[3:5] or None
    code = lei + (kuan or "") + (xiang if kuan and xiang else "")
    if not _CODE.match(code):  # not a 类/款/项 code after all: keep what was printed
        code = next((k for _, k in reversed(codes) if _CODE.match(k)), None)
        return (_remember(code, context) if code else None), name
    return _remember(code, context), name


def _remember(code: str, context: dict[str, str]) -> str:
    if len(code) >= 3:
        context["lei"] = code[:3]
    if len(code) >= 5:
        context["kuan"] = code[:5]
    return code


# -- two-sided 总表 -------------------------------------------------------------------------

_ITEM_HEADS = ("项目", "项目名称", "收入项目", "支出项目")
INCOME_ITEMS = {
    "fiscal_general_budget": ["一般公共预算财政拨款收入", "一般公共预算财政拨款", "一般公共预算拨款收入", "一般公共预算收入", "一般公共预算拨款", "一般公共预算"],
    "fiscal_gov_fund": ["政府性基金预算财政拨款收入", "政府性基金预算财政拨款", "政府性基金预算拨款收入", "政府性基金收入", "政府性基金预算拨款", "政府性基金预算", "政府性基金拨款"],
    "fiscal_state_capital": ["国有资本经营预算财政拨款收入", "国有资本经营预算财政拨款", "国有资本经营预算拨款收入", "国有资本经营预算收入", "国有资本经营预算拨款", "国有资本经营预算"],
    "fiscal": ["本级财政拨款收入", "财政拨款收入", "财政拨款", "预算拨款"],
    "special_account_business": ["财政专户管理事业收入", "财政专户管理资金收入", "财政专户管理资金", "财政专户拨款"],
    "unit_funds": ["单位资金", "单位资金收入", "其他资金"],  # 其他资金: 事业、经营、其他收入 and loans
    "higher_subsidy": ["上级补助收入"],
    "business": ["事业收入"],
    "operating": ["经营收入", "事业单位经营服务收入", "事业单位经营收入"],
    "subordinate": ["附属单位上缴收入"],
    "other": ["其他收入", "其它收入"],
    # 西安 heads the items with "一、部门预算" (财政拨款收支总表: "一、财政拨款", the fiscal item)
    "total_income": ["本年收入合计", "本年收入", "收入合计", "当年收入小计", "当年收入", "部门预算"],
    "use_non_fiscal_balance": ["使用非财政拨款结余", "用事业基金弥补收支差额", "使用非财政拨款结余含专用结余"],
    "opening_balance": ["年初结转和结余", "年初财政拨款结转和结余", "上年结转", "上年结转结余", "上年结转和结余", "上年结余结转", "上年结余", "上年结转资金"],
    "grand_total": ["总计", "收入总计"],
}
EXPENDITURE_ITEMS = {
    "basic": ["基本支出", "人员经费和公用经费支出"],  # 西安's names for 基本支出 and 项目支出
    "project": ["项目支出", "专项业务经费支出"],
    "operating": ["事业单位经营支出", "经营支出"],
    "to_subordinate": ["对附属单位补助支出"],
    "to_higher": ["上缴上级支出"],
    "reserve": ["单位预留机动经费"],
    # "一、部门预算" / "一、财政拨款" heading each 西安 breakdown: all of the year's spending
    "total_expenditure": ["本年支出合计", "本年支出", "支出合计", "当年支出小计", "当年支出", "部门预算", "财政拨款"],
    "balance_distribution": ["结余分配"],
    "closing_balance": ["年末结转和结余", "年末财政拨款结转和结余", "结转下年", "年末结转结余", "结转结余下年", "结转下年资金", "结转下年支出", "年终结转结余"],
    "grand_total": ["总计", "支出总计"],
}
_SIDE_TOTAL = {"income": "total_income", "expenditure": "total_expenditure"}
_BARE_TOTALS = {"合计", "收入合计", "支出合计"}
FUND_KEYS = {"fiscal_general_budget": "general_budget", "fiscal_gov_fund": "gov_fund", "fiscal_state_capital": "state_capital"}


def _item_index(items: dict[str, list[str]]) -> dict[str, str]:
    return {key(alias): item for item, aliases in items.items() for alias in aliases}


_INCOME_INDEX = _item_index(INCOME_ITEMS)
_EXPENDITURE_INDEX = _item_index(EXPENDITURE_ITEMS)


def _build_summary(section: Section, defn: TableDef, built: Built) -> None:
    table = built.table
    header, data = _split_header(section)
    split_row = next((r for r in header if sum(key(c.text) in _ITEM_HEADS for c in r.cells) >= 2), None)
    if split_row is None and data and _build_summary_blocks(header, data, defn, built):
        return
    if split_row is None or not data:
        if data:
            built.problems.append(("recognize.columns", f"{defn.title}：未找到“项目”表头，无法区分收入与支出两侧", table.location))
        _set_columns(table, defn, ColumnMap(0, {}, {}))
        return
    cells = _trim(split_row.cells)
    width = len(cells)
    split = [i for i, c in enumerate(cells) if key(c.text) in _ITEM_HEADS][1]
    labels = stacked_labels([[c.text for c in cells]], width)
    sides = {"income": (0, split), "expenditure": (split, width)}
    positions: dict[str, dict[int, str]] = {}
    row_number_at: dict[str, int | None] = {}
    for side, (start, end) in sides.items():
        side_labels = {i - start: labels[i] for i in range(start, end) if i in labels}
        value_labels = {i: lab for i, lab in side_labels.items() if key(lab) not in (*_ITEM_HEADS, "行次")}
        cmap = map_columns(defn, value_labels, end - start, None)
        if not cmap.positions and len(value_labels) == 1:
            # one amount column ("预算"): it is the side's amount, i.e. the first column
            cmap.positions = {next(iter(value_labels)): defn.columns[0].id}
        if not cmap.positions:
            # silence would pass an unread table as checked
            built.problems.append(
                ("recognize.columns", f"{defn.title}：{'收入' if side == 'income' else '支出'}侧无法从表头确定金额列，本侧未做核对", table.location)
            )
        positions[side] = cmap.positions
        row_number_at[side] = next((i for i, lab in side_labels.items() if key(lab) == "行次"), None)
    used = {c for p in positions.values() for c in p.values()}
    table.columns = [c.id for c in defn.columns if c.id in used]
    table.column_labels = {c: defn.label(c) for c in table.columns}
    state = {"income": None, "expenditure": None}
    for row in data:
        row_cells = list(row.cells)
        trimmed = _trim(row_cells)
        if len(trimmed) > width:
            row_cells = trimmed
        left = row_cells[:split]
        right = row_cells[split:width] if len(row_cells) >= width else row_cells[split:]
        expected_right = width - split
        if len(right) < expected_right and row_number_at["expenditure"] == 1 and right and _is_row_number(right[0].text):
            right = [Cell("", right[0].location)] + right  # the item name cell is missing
            if any(parse_amount(c.text) is not None for c in right[2:]):
                built.problems.append(
                    ("recognize.missing_name", f"{defn.title}支出侧行次 {key(right[1].text)} 有金额但项目名称为空", right[1].location)
                )
        for side, side_cells in (("income", left), ("expenditure", right)):
            parsed = _summary_row(side, side_cells, positions[side], row.location, state)
            if parsed is not None:
                table.rows.append(parsed)
    # the income side, then the expenditure side, each in printed order
    table.rows.sort(key=lambda r: r.side != "income")


_CARRY_SUFFIX = re.compile(r"(?:结转|结余|和|及)+$")
_CARRY_KEYS = {"total_income", "total_expenditure", "use_non_fiscal_balance", "opening_balance", "balance_distribution", "closing_balance", "grand_total"}
_NAME_HEADS = (*_ITEM_HEADS, "功能科目名称", "科目名称", "功能分类科目名称")
# "支出功能分类科目（按大类）", "部门预算支出经济分类科目（按大类）": a block of names by one classification
_CLASS_HEAD = re.compile(r"分类科目(?:名称)?(?:按大类|按类)?$")
_ORDINAL = re.compile(r"^\s*(?:[一二三四五六七八九十]+\s*[、.．]|\d+\s*[、.．])")


def _build_summary_blocks(header: list[GridRow], data: list[GridRow], defn: TableDef, built: Built) -> bool:
    """A 总表 whose header is stacked over several rows, each side one or more name | amount blocks
    side by side (支出 by 功能分类 and by 支出用途): every block is read as a list of items."""
    width = max(len(_trim(r.cells)) for r in header) if header else 0
    labels = stacked_labels([[c.text for c in r.cells] for r in header], width)
    heads = {i: key(labels.get(i, "").rsplit("/", 1)[-1]) for i in range(width)}
    names = [i for i, k in heads.items() if k in _NAME_HEADS or _CLASS_HEAD.search(k)]
    if len(names) < 2:
        return False
    blocks: list[tuple[str, int, int, dict[int, str]]] = []
    for n, start in enumerate(names):
        end = names[n + 1] if n + 1 < len(names) else width
        top = key(labels[start].split("/", 1)[0])
        side = "income" if top.startswith("收入") else "expenditure" if top.startswith("支出") else ("income" if n == 0 else "expenditure")
        side_labels = {i - start: labels[i] for i in range(start + 1, end) if i in labels}
        positions = map_columns(defn, {i: lab for i, lab in side_labels.items() if key(lab.rsplit("/", 1)[-1]) != "行次"}, end - start, None).positions
        if not positions and end - start == 2:
            positions = {1: defn.columns[0].id}  # name | amount with the amount's label lost
        blocks.append((side, start, end, positions))
    if {b[0] for b in blocks} != {"income", "expenditure"}:
        return False
    table = built.table
    used = {c for b in blocks for c in b[3].values()}
    table.columns = [c.id for c in defn.columns if c.id in used]
    table.column_labels = {c: defn.label(c) for c in table.columns}
    state = {"income": None, "expenditure": None}
    placed: list[tuple[int, Row]] = []  # (block, row); rows spanning blocks come after all blocks
    last: dict[int, Row] = {}
    previous_page = None
    for row in data:
        first_on_page = row.location.page != previous_page
        previous_page = row.location.page
        cells = list(row.cells)
        if len(_trim(cells)) > width:
            cells = _trim(cells)
        if len(cells) < width and len(cells) > blocks[0][2]:
            # a narrower grid (merged cells on a continuation page): after the first block one
            # name spans the rest of the row and its amounts are the last columns
            rest = cells[blocks[0][2] :]
            pad = [Cell("", row.location)] * (width - blocks[0][2] - len(rest))
            cells = cells[: blocks[0][2]] + rest[:1] + pad + rest[1:]
        pieces: list[tuple[int, Row | None]] = []
        for b, (side, start, end, positions) in enumerate(blocks):
            piece = _summary_row(side, cells[start:end], positions, row.location, state)
            if piece is not None and piece.code and "经济分类" in labels[start]:
                piece.code = None  # "(10)其他支出" by economic class is not function class 229
            pieces.append((b, piece))
        for n in range(1, len(pieces)):
            (b0, before), (b1, this) = pieces[n - 1], pieces[n]
            if (
                before is not None and this is not None and before.side == this.side
                and key(before.name) and not before.values and not key(this.name) and this.values
            ):
                # a name merged across the side's blocks: its amount is in the last amount column
                before.values = this.values
                pieces[n - 1], pieces[n] = (len(blocks), before), (b1, None)
        for b, piece in pieces:
            if piece is None:
                continue
            previous = last.get(b)
            if (
                first_on_page and previous is not None and b < len(blocks) and not piece.values
                and piece.key is None and piece.code is None and not _ORDINAL.match(piece.name)
            ):
                # a name broken over the page ("…等支" / "出"): the tail joins the row above
                joined = _summary_row(piece.side, [Cell(previous.name + piece.name, previous.location)], {}, previous.location, state)
                previous.name, previous.key, previous.code = joined.name, joined.key, joined.code
                continue
            placed.append((b, piece))
            last[b] = piece
    # a later block of a side that prints its own 本年支出合计 is a second breakdown of the same
    # spending (西安: by 功能分类, 部门经济分类 and 政府经济分类): it follows the side's first
    # breakdown whole, its totals included, instead of mixing its items and totals in
    first_of_side: dict[str, int] = {}
    for b, (side, *_rest) in enumerate(blocks):
        first_of_side.setdefault(side, b)
    parallel = {
        b for b, piece in placed
        if b < len(blocks) and b != first_of_side[blocks[b][0]] and piece.key == _SIDE_TOTAL[piece.side]
    }

    # "一、部门预算" heading a block's items (its total printed first) stays on top of them
    heads = {id(next(piece for pb, piece in placed if pb == b)) for b in range(len(blocks)) if any(pb == b for pb, _ in placed)}

    def order(p: tuple[int, Row]) -> tuple:
        b, piece = p
        if b in parallel:
            return (piece.side != "income", len(blocks) + 1 + b)
        head = id(piece) in heads and piece.key == _SIDE_TOTAL[piece.side]
        return (piece.side != "income", len(blocks) if piece.key in _CARRY_KEYS and not head else b)

    # the income side, then the expenditure side, block by block, each in printed order
    placed.sort(key=order)
    table.rows = [r for _, r in placed]
    return True


def _is_row_number(text: str) -> bool:
    return bool(re.fullmatch(r"\d{1,3}", key(text)))


def _summary_row(side: str, cells: list[Cell], positions: dict[int, str], where: Location, state: dict) -> Row | None:
    if not cells:
        return None
    name = _tidy(cells[0].text)
    values: dict[str, Value] = {}
    for pos, column in positions.items():
        if pos < len(cells):
            value = _value(cells[pos])
            if value is not None:
                values[column] = value
    if not key(name) and not values:
        return None
    location = cells[0].location if key(name) else where
    row = Row(name=name, location=location, side=side, values=values)
    item_key = key(strip_ordinal(name))
    if side == "expenditure" and (code := function_class_by_name().get(item_key)):
        row.code = code
        return row
    index = _INCOME_INDEX if side == "income" else _EXPENDITURE_INDEX
    item = index.get(item_key)
    if item is None and state[side] in ("opening_balance", "closing_balance"):
        # "1.一般公共预算拨款结余、结转" under 上年结余、结转: the fund's part of the carry-over
        item = index.get(_CARRY_SUFFIX.sub("", item_key))
        if item not in FUND_KEYS:
            item = None
    if item is None and item_key.endswith("资金"):
        item = index.get(item_key[:-2])  # 一般公共预算资金, 事业收入资金: the source, named as funds
    if item is None and item_key in TOTAL_NAMES:
        item = _SIDE_TOTAL[side]  # a bare 合计: the year's total (or, after the carry-over, the grand total below)
    if item == _SIDE_TOTAL[side] and item_key in _BARE_TOTALS and state[side] in ("opening_balance", "closing_balance"):
        item = "grand_total"  # 收入合计 after 上年结转 adds the carry-over: it is the grand total
    if item in ("opening_balance", "closing_balance", "grand_total", "total_income", "total_expenditure"):
        state[side] = item
    elif item in FUND_KEYS and state[side] in ("opening_balance", "closing_balance"):
        item = f"{state[side]}.{FUND_KEYS[item]}"
    row.key = item
    return row


# -- side-by-side groups (基本支出表) --------------------------------------------------------

GROUP_TOTALS = {
    "personnel_total": ("人员经费合计", "人员经费"),
    "public_total": ("公用经费合计", "公用经费"),
    "total": ("合计", "总计", "基本支出合计"),
}


def _build_groups(section: Section, defn: TableDef, built: Built) -> None:
    table = built.table
    table.columns = ["amount"]
    table.column_labels = {"amount": defn.label("amount")}
    _header, data = _split_header(section)
    total_index = {key(alias): item for item, aliases in GROUP_TOTALS.items() for alias in aliases}
    groups: dict[int, list[Row]] = {}
    totals: list[Row] = []
    width = max((len(r.cells) for r in data), default=0)
    per_group = 4 if width % 4 == 0 and width % 3 else 3  # code, (code,) name, amount

    def group_of(index: int) -> int:
        return index // per_group if width >= 2 * per_group else 0
    for row in data:
        cells = row.cells
        i = 0
        while i < len(cells):
            k = key(cells[i].text)
            if _ECON_CODE.match(k):
                # code, name, amount; separate 类/款 code columns hold "301 | 01" or "301 | (blank)"
                j = i + 1
                if len(k) == 3 and j < len(cells) and _PART.match(norm(cells[j].text)):
                    k += norm(cells[j].text)
                    j += 1
                while j < len(cells) - 1 and not cells[j].text.strip() and j - i < 2:
                    j += 1
                if j < len(cells) and parse_amount(cells[j].text) is None and cells[j].text.strip():
                    out = Row(name=_tidy(cells[j].text), location=cells[i].location, code=k)
                    if j + 1 < len(cells) and (value := _value(cells[j + 1])) is not None:
                        out.values["amount"] = value
                    groups.setdefault(group_of(i), []).append(out)
                    i = j + 2
                    continue
            if k in total_index:
                out = Row(name=_tidy(cells[i].text), location=cells[i].location, key=total_index[k])
                j = i + 1
                while j < len(cells) and key(cells[j].text) not in total_index:
                    if (value := _value(cells[j])) is not None:
                        out.values["amount"] = value
                        break
                    j += 1
                totals.append(out)
                i = j + 1
                continue
            i += 1
    # read down each group (人员经费 first), not across the printed rows
    table.rows = [r for g in sorted(groups) for r in groups[g]] + totals


# -- not typed yet -------------------------------------------------------------------------


def _build_raw(section: Section, defn: TableDef, built: Built) -> None:
    table = built.table
    for row in section.rows:
        texts = [_tidy(c.text) for c in row.cells]
        if not any(texts):
            continue
        name = next(t for t in texts if t)
        table.rows.append(Row(name=name, location=row.location, cells=texts))
