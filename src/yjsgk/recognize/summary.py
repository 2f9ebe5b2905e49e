"""Two-sided 总表: income items on the left, expenditure items on the right."""

from __future__ import annotations

import re

from ..amounts import parse_amount
from ..definitions import TableDef
from ..document import Cell, GridRow
from ..model import Row, Table
from ..textnorm import key
from . import problems
from .built import Built, Issue, has_amounts, set_columns
from .cells import trim
from .columns import ColumnMap, map_columns, stacked_labels
from .header import split_header
from .segment import Section
from .summary_items import SIDE_TOTAL, TOTALS_AND_CARRY_OVER, summary_row

_ITEM_HEADS = ("项目", "项目名称", "收入项目", "支出项目")
_NAME_HEADS = (*_ITEM_HEADS, "功能科目名称", "科目名称", "功能分类科目名称")
# "支出功能分类科目（按大类）", "部门预算支出经济分类科目（按大类）": a block of names by one classification
# (also printed "支出功能分科目（按大类）", or cut short: "…经济科目（按大")
_CLASS_HEAD = re.compile(r"(?:分类|分|经济|功能)科目(?:名称)?(?:按(?:大类?|类))?$")
_ORDINAL = re.compile(r"^\s*(?:[一二三四五六七八九十]+\s*[、.．]|\d+\s*[、.．])")


def build_summary(section: Section, defn: TableDef, built: Built) -> None:
    table = built.table
    header, data = split_header(section)
    split_row = next((r for r in header if sum(key(c.text) in _ITEM_HEADS for c in r.cells) >= 2), None)
    if split_row is None and data and _build_summary_blocks(header, data, defn, built):
        _one_row_per_class(table)
        return
    if split_row is None or not data:
        if data:
            built.problems.append(
                Issue(
                    problems.COLUMNS.id,
                    f"{defn.title}：未找到“项目”表头，无法区分收入与支出两侧",
                    table.location,
                    severity=None if has_amounts(data) else "notice",  # an empty table: nothing lost
                    cause="未找到“项目”表头，无法区分收入与支出两侧，未做核对",
                )
            )
        set_columns(table, defn, ColumnMap(0, {}, {}))
        return
    cells = trim(split_row.cells)
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
                Issue(
                    problems.COLUMNS.id,
                    f"{defn.title}：{'收入' if side == 'income' else '支出'}侧无法从表头确定金额列，本侧未做核对",
                    table.location,
                )
            )
        positions[side] = cmap.positions
        row_number_at[side] = next((i for i, lab in side_labels.items() if key(lab) == "行次"), None)
    used = {c for p in positions.values() for c in p.values()}
    table.columns = [c.id for c in defn.columns if c.id in used]
    table.column_labels = {c: defn.label(c) for c in table.columns}
    state = {"income": None, "expenditure": None}
    for row in data:
        row_cells = list(row.cells)
        trimmed = trim(row_cells)
        if len(trimmed) > width:
            row_cells = trimmed
        left = row_cells[:split]
        right = row_cells[split:width] if len(row_cells) >= width else row_cells[split:]
        expected_right = width - split
        if (
            len(right) < expected_right
            and row_number_at["expenditure"] == 1
            and right
            and _is_row_number(right[0].text)
        ):
            right = [Cell("", right[0].location)] + right  # the item name cell is missing
            if any(parse_amount(c.text) is not None for c in right[2:]):
                built.problems.append(
                    Issue(
                        problems.MISSING_NAME.id,
                        f"{defn.title}支出侧行次 {key(right[1].text)} 有金额但项目名称为空",
                        right[1].location,
                    )
                )
        for side, side_cells in (("income", left), ("expenditure", right)):
            parsed = summary_row(side, side_cells, positions[side], row.location, state)
            if parsed is not None:
                table.rows.append(parsed)
    # the income side, then the expenditure side, each in printed order
    table.rows.sort(key=lambda r: r.side != "income")
    _one_row_per_class(table)


def _build_summary_blocks(header: list[GridRow], data: list[GridRow], defn: TableDef, built: Built) -> bool:
    """A 总表 whose header is stacked over several rows, each side one or more name | amount blocks
    side by side (支出 by 功能分类 and by 支出用途): every block is read as a list of items."""
    width = max(len(trim(r.cells)) for r in header) if header else 0
    labels = stacked_labels([[c.text for c in r.cells] for r in header], width)
    heads = {i: key(labels.get(i, "").rsplit("/", 1)[-1]) for i in range(width)}
    names = [i for i, k in heads.items() if k in _NAME_HEADS or _CLASS_HEAD.search(k)]
    if len(names) < 2:
        return False
    blocks: list[tuple[str, int, int, dict[int, str]]] = []
    for n, start in enumerate(names):
        end = names[n + 1] if n + 1 < len(names) else width
        top = key(labels[start].split("/", 1)[0])
        side = (
            "income"
            if top.startswith("收入")
            else "expenditure"
            if top.startswith("支出")
            else ("income" if n == 0 else "expenditure")
        )
        side_labels = {i - start: labels[i] for i in range(start + 1, end) if i in labels}
        positions = map_columns(
            defn, {i: lab for i, lab in side_labels.items() if key(lab.rsplit("/", 1)[-1]) != "行次"}, end - start, None
        ).positions
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
        if len(trim(cells)) > width:
            cells = trim(cells)
        if len(cells) < width and len(cells) > blocks[0][2]:
            # a narrower grid (merged cells on a continuation page): after the first block one
            # name spans the rest of the row and its amounts are the last columns
            rest = cells[blocks[0][2] :]
            pad = [Cell("", row.location)] * (width - blocks[0][2] - len(rest))
            cells = cells[: blocks[0][2]] + rest[:1] + pad + rest[1:]
        pieces: list[tuple[int, Row | None]] = []
        for b, (side, start, end, positions) in enumerate(blocks):
            piece = summary_row(side, cells[start:end], positions, row.location, state)
            if piece is not None and piece.code and "经济分类" in labels[start]:
                piece.code = None  # "(10)其他支出" by economic class is not function class 229
            pieces.append((b, piece))
        for n in range(1, len(pieces)):
            (_b0, before), (b1, this) = pieces[n - 1], pieces[n]
            if (
                before is not None
                and this is not None
                and before.side == this.side
                and key(before.name)
                and not before.values
                and not key(this.name)
                and this.values
            ):
                # a name merged across the side's blocks: its amount is in the last amount column
                before.values = this.values
                pieces[n - 1], pieces[n] = (len(blocks), before), (b1, None)
        for b, piece in pieces:
            if piece is None:
                continue
            previous = last.get(b)
            if (
                first_on_page
                and previous is not None
                and b < len(blocks)
                and not piece.values
                and piece.key is None
                and piece.code is None
                and not _ORDINAL.match(piece.name)
            ):
                # a name broken over the page ("…等支" / "出"): the tail joins the row above
                joined = summary_row(
                    piece.side or "",
                    [Cell(previous.name + piece.name, previous.location)],
                    {},
                    previous.location,
                    state,
                )
                if joined is not None:
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
        b
        for b, piece in placed
        if b < len(blocks) and b != first_of_side[blocks[b][0]] and piece.key == SIDE_TOTAL.get(piece.side or "")
    }

    # "一、部门预算" heading a block's items (its total printed first) stays on top of them
    block_heads = {
        id(next(piece for pb, piece in placed if pb == b))
        for b in range(len(blocks))
        if any(pb == b for pb, _ in placed)
    }

    def order(p: tuple[int, Row]) -> tuple:
        b, piece = p
        if b in parallel:
            return (piece.side != "income", len(blocks) + 1 + b)
        head = id(piece) in block_heads and piece.key == SIDE_TOTAL.get(piece.side or "")
        return (piece.side != "income", len(blocks) if piece.key in TOTALS_AND_CARRY_OVER and not head else b)

    # the income side, then the expenditure side, block by block, each in printed order
    placed.sort(key=order)
    table.rows = [r for _, r in placed]
    return True


def _one_row_per_class(table: Table) -> None:
    """A function class named again below its own row is its 款 or 项 (五、其他支出 / 其他支出 /
    其他支出, listed by name without codes): only the first row of a name is the class."""
    seen: set[str] = set()
    for row in table.rows:
        if row.side != "expenditure" or not row.code:
            continue
        if row.code in seen:
            row.code = None
        seen.add(row.code or "")


def _is_row_number(text: str) -> bool:
    return bool(re.fullmatch(r"\d{1,3}", key(text)))
