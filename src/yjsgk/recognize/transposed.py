"""Tables printed transposed: the standard columns run down the page as rows.

Two shapes, read apart: a named 三公 table (several value columns, each becoming a row) and a
coded table printed as one item | amount list (grouped names, one value column).
"""

from __future__ import annotations

from ..amounts import parse_amount
from ..definitions import TableDef
from ..document import GridRow
from ..model import Row, Value
from ..textnorm import key, norm, strip_ordinal
from .built import Built, set_columns, unmapped_issue
from .cells import TOTAL_NAMES, cell_value, tidy, trim
from .codes import CODE
from .columns import ColumnMap, map_columns, rename_inclusive_total


def build_transposed(
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
    names = [tidy(" ".join(c.text for c in r.cells[:label_width] if c.text.strip())) for r in data]
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
    rename_inclusive_total(items)
    table = built.table
    set_columns(table, defn, items)
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
    table.unmapped_columns = [
        n
        for i, n in enumerate(names)
        if i not in by_row and any(_value_at(data[i], p, width) is not None for p in value_positions)
    ]
    if table.unmapped_columns and defn.identities:
        built.problems.append(unmapped_issue(defn, table, "项目"))
    return True


def _value_at(row: GridRow, pos: int, width: int) -> Value | None:
    offset = width - len(row.cells) if len(row.cells) < width else 0
    index = pos - offset
    return cell_value(row.cells[index]) if 0 <= index < len(row.cells) else None


def build_transposed_items(defn: TableDef, data: list[GridRow], built: Built) -> bool:
    """A table printed transposed (项目名称 | 金额): the standard columns are rows, read as its 合计 row.

    A name in the first cell heads the rows below it (a merged cell); its 小计 row stands for it.
    """
    if defn.layout != "coded":
        return False
    labels: dict[int, str] = {}
    amounts: dict[int, Value] = {}
    group = ""
    for i, row in enumerate(data):
        cells = trim(row.cells)
        if not cells or sum(parse_amount(c.text) is not None for c in cells) > 1:
            return False
        if len(cells) > 1 and (value := cell_value(cells[-1])) is not None:
            amounts[i] = value
            cells = cells[:-1]
        if cells[0].text.strip():
            group = tidy(cells[0].text)
        sub = tidy(" ".join(c.text for c in cells[1:] if c.text.strip()))
        if CODE.match(norm(group)) or parse_amount(sub) is not None:
            return False  # a code or a second amount: a normal table with an unreadable header
        labels[i] = group if not sub or key(sub) == "小计" else f"{group}/{sub}"
    cmap = map_columns(defn, labels, len(data), None)
    if len(cmap.positions) < 2 or not amounts:
        return False
    table = built.table
    set_columns(table, defn, cmap)
    out = Row(name="合计", location=data[0].location, key="total")
    for i, column in cmap.positions.items():
        if i in amounts:
            out.values[column] = amounts[i]
    table.rows.append(out)
    return True
