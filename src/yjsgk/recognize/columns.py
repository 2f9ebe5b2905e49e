"""Header rows → canonical columns.

Merged header cells reach us in two shapes: as empty cells beside the parent (tab-separated
exports, PDF grids) or collapsed into one cell (Word's cell-per-line export, where a row is
then narrower than the data). Both are rebuilt into one stacked label per column
("本年支出/基本支出"), which is matched against the table definition.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..definitions import TableDef
from ..patterns import lazy_pattern
from ..textnorm import key

# labels of the key columns to the left of the values
LABEL_WORDS = (
    "项目",
    "科目编码",
    "科目名称",
    "功能科目",
    "功能分类",
    "经济分类",
    "类",
    "款",
    "项",
    "行次",
    "栏次",
    "部门名称",
    "单位名称",
    "编码",
    "名称",
)
_INDEX_RUN = lazy_pattern(r"^\d{1,2}$")
# a header naming a part of the column before it: 其中：事业单位经营支出, 扣除基建项目后预算数
_OF_WHICH = lazy_pattern(r"^(?:其中|扣除)")
_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
_LAST_YEAR = lazy_pattern(r"^上年(?:预算)?数?$")
_CHANGE = lazy_pattern(r"增减|比上年|较上年|比(?:19|20)\d{2}年")
_THIS_YEAR = lazy_pattern(r"^(?:当年|本年)(?:预算)?数?$")


@dataclass(slots=True)
class ColumnMap:
    width: int  # number of cells in a full data row
    positions: dict[int, str]  # cell index (in a right-aligned full row) → column id
    labels: dict[int, str]  # cell index → stacked header label as printed
    positional: bool = False  # mapped by the standard order because the header was unclear
    earlier: frozenset[int] = frozenset()  # columns of an earlier year than the table's (上年预算数)
    by_order: frozenset[int] = frozenset()  # columns the header leaves unnamed, placed by the standard order

    @property
    def first_value(self) -> int:
        return min(self.positions) if self.positions else self.width


def is_index_row(texts: list[str]) -> bool:
    """The 栏次 row: `栏次 | | 1 | 2 | 3` or `** | ** | 1 | 2 | 3` or `1 | 2 | … | 12`."""
    cells = [key(t) for t in texts if key(t).strip("*")]  # "**" marks the key columns in some exports
    if not cells:
        return False
    if cells[0] == "栏次":
        return True
    numbers = [c for c in cells if _INDEX_RUN.match(c)]
    marked = any(t.strip() and not t.strip().strip("*") for t in texts)  # "** | 1": one value column
    if len(numbers) < (1 if marked and len(numbers) == len(cells) else 2) or len(numbers) < len(cells) - 2:
        return False
    values = [int(n) for n in numbers]
    return values == list(range(values[0], values[0] + len(values))) and values[0] in (0, 1)


def stacked_labels(header_rows: list[list[str]], width: int) -> dict[int, str]:
    """One label per column index, parents and children joined by '/'."""
    parts: dict[int, list[str]] = {i: [] for i in range(width)}
    for index, row in enumerate(header_rows):
        lower = [r for r in header_rows[index + 1 :] if len(r) >= width]
        if len(row) >= width:
            # a parent spans the columns that any row below labels
            covered = [any(r[i].strip() for r in lower) for i in range(width)] if lower else None
            spans = _spans_full(row[:width], covered)
        else:
            spans = _spans_narrow(row, lower[0][:width] if lower else None, width)
        for label, start, end in spans:
            for i in range(start, end + 1):
                parts[i].append(label)
    return {i: "/".join(p) for i, p in parts.items() if p}


def _spans_full(cells: list[str], covered: list[bool] | None) -> list[tuple[str, int, int]]:
    spans = []
    for i, text in enumerate(cells):
        if not text.strip():
            continue
        end = i
        # a parent spans the empty cells to its right that have children below
        while (
            covered is not None
            and covered[i]
            and end + 1 < len(cells)
            and not cells[end + 1].strip()
            and covered[end + 1]
        ):
            end += 1
        spans.append((text.strip(), i, end))
    return spans


def _spans_narrow(row: list[str], below: list[str] | None, width: int) -> list[tuple[str, int, int]]:
    """A row with collapsed merged cells: lay its labels over the slots of the row below."""
    labels = [t.strip() for t in row]
    if below is not None:
        slots = _slots(below)
        if len(slots) == len(labels):
            return [(lab, s, e) for lab, (s, e) in zip(labels, slots, strict=True) if lab]
        # a leading label cell ("项目") often spans the code and name columns
        if len(slots) == len(labels) + 1 and labels and key(labels[0]) in LABEL_WORDS:
            merged = [(slots[0][0], slots[1][1])] + slots[2:]
            return [(lab, s, e) for lab, (s, e) in zip(labels, merged, strict=True) if lab]
    non_empty = [lab for lab in labels if lab]
    if non_empty and width % len(non_empty) == 0 and len(non_empty) <= 3:
        step = width // len(non_empty)  # e.g. 预算数 | 决算数 over twelve columns
        if not any(key(lab) in LABEL_WORDS for lab in non_empty):
            return [(lab, i * step, (i + 1) * step - 1) for i, lab in enumerate(non_empty)]
    offset = width - len(labels)  # right-align: collapsed cells are on the label side
    return [(lab, offset + i, offset + i) for i, lab in enumerate(labels) if lab]


def _slots(below: list[str]) -> list[tuple[int, int]]:
    """Runs of labelled cells in the row below form one slot; each empty cell is its own slot."""
    slots: list[tuple[int, int]] = []
    i = 0
    while i < len(below):
        if below[i].strip():
            j = i
            while j + 1 < len(below) and below[j + 1].strip():
                j += 1
            # a run of labelled key columns (编码, 名称) stays one slot per cell
            if any(key(below[k]) in LABEL_WORDS or "编码" in key(below[k]) for k in range(i, j + 1)):
                slots.extend((k, k) for k in range(i, j + 1))
            else:
                slots.append((i, j))
            i = j + 1
        else:
            slots.append((i, i))
            i += 1
    return slots


def map_columns(defn: TableDef, labels: dict[int, str], width: int, value_width: int | None) -> ColumnMap:
    """Assign canonical columns to cell positions by header label, else by standard order."""
    earlier = earlier_year_columns(labels)
    scored = []
    for pos, label in labels.items():
        lk = key(label)
        if not lk or lk in LABEL_WORDS or pos in earlier:
            continue
        levels = [key(part) for part in label.split("/")]
        for col in defn.columns:
            score = col.score(lk)
            if score:
                # a match on the lowest header row is more specific than one on a parent
                # (a generic 小计/合计 under a named parent belongs to the parent, not to the total)
                specific_child = col.score(levels[-1]) > 2
                # among equals, the lower the row naming the column the better (公务用车购置及运行
                # 维护费 / 公务用车运行维护费 / 一般公共预算: the middle row names the column)
                depth = max((d for d, part in enumerate(levels) if col.score(part) > 2), default=-1)
                scored.append((score + 100 * specific_child, depth, -pos, pos, col.id))
    scored.sort(reverse=True)
    positions: dict[int, str] = {}
    taken: set[str] = set()
    for _score, _depth, _neg, pos, col_id in scored:
        if pos in positions or col_id in taken:
            continue
        positions[pos] = col_id
        taken.add(col_id)
    expected = len(defn.columns)
    if value_width == expected and len(positions) < expected:
        # as many value columns as the table defines: the columns the header leaves unnamed
        # (blank, 小计) take the columns left over in the standard order — never a column
        # whose header names something else (政府采购项目 beside 上缴上级支出)
        open_positions = [pos for pos in range(width - expected, width) if pos not in positions]
        unused = [c.id for c in defn.columns if c.id not in taken]
        # (a header that names none of them at all is read in the standard order, and reported)
        if len(open_positions) == len(unused) and (
            not positions or all(_generic(labels.get(pos, "")) for pos in open_positions)
        ):
            positional = len(positions) < expected // 2
            positions.update(zip(open_positions, unused, strict=True))
            by_order = frozenset(open_positions)
            return ColumnMap(width, positions, labels, positional=positional, earlier=earlier, by_order=by_order)
    first = width - (value_width or 0)
    if (
        defn.layout == "coded"
        and positions
        and first not in positions
        and "total" not in taken
        and _generic(labels.get(first, ""))
    ):
        # 小计 heading the first value column of a coded table whose other columns are named
        positions[first] = "total"
    return ColumnMap(width, positions, labels, earlier=earlier)


_GENERIC = {"", "小计", "合计", "总计", "金额", "预算数", "合计数", "本年预算", "预算"}


def _generic(label: str) -> bool:
    return key(label.rsplit("/", 1)[-1]) in _GENERIC


def earlier_year_columns(labels: dict[int, str]) -> frozenset[int]:
    """Columns headed by an earlier year than the latest one printed (2025年预算数 beside
    2026年预算数), or by a comparison with it (2026年预算数比2025年执行数/增减额): last year's
    figures and the change, never the table's own values."""
    change = frozenset(pos for pos, label in labels.items() if _CHANGE.search(key(label)))
    return change | _earlier_years(labels)


def _earlier_years(labels: dict[int, str]) -> frozenset[int]:
    tops = {pos: key(label.split("/", 1)[0]) for pos, label in labels.items()}
    if any(_LAST_YEAR.match(t) for t in tops.values()) and any(_THIS_YEAR.match(t) for t in tops.values()):
        # 上年 | 当年 | 增减变化情况 groups (not 上年结转): only the 当年 columns are the table's own values
        return frozenset(pos for pos, t in tops.items() if _LAST_YEAR.match(t) or t.startswith("增减"))
    years = {pos: {int(y) for y in _YEAR.findall(label)} for pos, label in labels.items()}
    printed = set().union(*years.values()) if years else set()
    if len(printed) < 2:
        return frozenset()
    latest = max(printed)
    return frozenset(pos for pos, found in years.items() if found and latest not in found)


def rename_inclusive_total(cmap: ColumnMap) -> None:
    """A 三公 table that also lists 会议费/培训费 opens with their common 合计 (not the 三公 total)."""
    mapped = set(cmap.positions.values())
    if "three_public" in mapped and mapped & {"meeting", "training"} and "all_total" not in mapped:
        for pos, column in cmap.positions.items():
            if column == "total":
                cmap.positions[pos] = "all_total"
    elif "three_public" in mapped and "total" not in mapped and "all_total" not in mapped:
        # without 会议费/培训费 the 三公 subtotal is the table's total; beside a 合计（含会议费、
        # 培训费） it stays the 三公 subtotal it is labelled
        for pos, column in cmap.positions.items():
            if column == "three_public":
                cmap.positions[pos] = "total"


def of_which_columns(labels: dict[int, str], first_value: int, memos: tuple[str, ...]) -> dict[int, int | None]:
    """Value columns printed as a part of another column, never a term of the row's total:
    position → the position of the column they are part of (None: not known).

    A header level reading 其中… or 扣除… (`其中：事业单位经营支出`, a parent `其中` over several
    columns, `项目支出/扣除基建项目后预算数`) makes the column(s) a part of the nearest column to
    their left under the same parent; a memo (`memos`, e.g. 政府采购) is a part of no column in
    particular."""
    levels = {pos: [key(part) for part in label.split("/")] for pos, label in labels.items()}

    def marked(parts: list[str], depth: int) -> bool:
        return len(parts) > depth and bool(_OF_WHICH.match(parts[depth]))

    out: dict[int, int | None] = {}
    for pos, parts in levels.items():
        if pos < first_value:
            continue
        if any(memo in part for part in parts for memo in memos):
            out[pos] = None
            continue
        depth = next((d for d in range(len(parts)) if marked(parts, d)), None)
        if depth is None:
            continue
        before = None
        for q in range(pos - 1, first_value - 1, -1):
            other = levels.get(q, [""])
            if other[:depth] != parts[:depth]:
                break  # left the parent: no column of the same group before it
            if not marked(other, depth):
                before = q
                break
        out[pos] = before
    return out


_SUBTOTAL = {"小计", "合计"}
_GENERAL_FUND = lazy_pattern(r"一般公共预算")
_OTHER_FUND = lazy_pattern(r"政府性基金|国有资本经营")


def sibling_columns(labels: dict[int, str], positions: dict[int, str]) -> frozenset[int]:
    """Unmapped columns beside a mapped one under the same parent that are no term of the table's
    identities: the breakdown of a mapped 小计 (上年结转结余/小计 | 上年结转结余/一般公共预算资金 …),
    or the same item for another fund (因公出国费/一般公共预算 | 因公出国费/政府性基金预算)."""
    levels = {pos: [key(part) for part in label.split("/")] for pos, label in labels.items()}
    out = set()
    for pos, parts in levels.items():
        if pos in positions or len(parts) < 2:
            continue
        for q in positions:
            other = levels.get(q, [])
            if len(other) != len(parts) or other[:-1] != parts[:-1]:
                continue
            if (other[-1] in _SUBTOTAL and q < pos) or (
                _GENERAL_FUND.search(other[-1]) and _OTHER_FUND.search(parts[-1])
            ):
                out.add(pos)
                break
    return frozenset(out)


_ACTUAL = re.compile(r"执行|决算|实际")
_PERCENT = re.compile(r"%|％|百分|幅度|增长率|增减率")


def earlier_column_ids(defn: TableDef, labels: dict[int, str], earlier: frozenset[int]) -> dict[int, str]:
    """What each column of an earlier year (or of the change against it) holds, as a key of
    `Row.earlier`: "previous.<column>" for last year's budget (上年/2025年预算数), "previous_actual.
    <column>" for its 执行数/决算数, "change.<column>" / "change_pct.<column>" for 增减. The column is
    the canonical one its header names once the year level is taken off (2025年预算数/因公出国（境）费
    → abroad); a lone earlier column of a coded table (2025年预算数) is its total."""
    kinds: dict[int, str] = {}
    rest: dict[int, str] = {}
    for pos in sorted(earlier):
        label = labels.get(pos, "")
        levels = label.split("/")
        if _CHANGE.search(key(label)):
            kinds[pos] = "change_pct" if _PERCENT.search(label) else "change"
            # the change of which column: the levels below the one that says 增减
            below = [p for p in levels if not _CHANGE.search(key(p)) and not _YEAR.search(p)]
        else:
            kinds[pos] = "previous_actual" if _ACTUAL.search(key(levels[0])) else "previous"
            below = levels[1:]
        if below:
            rest[pos] = "/".join(below)
    out: dict[int, str] = {}
    for kind in ("previous", "previous_actual", "change", "change_pct"):
        group = {pos: rest.get(pos, "") for pos, k in kinds.items() if k == kind}
        if not group:
            continue
        cmap = map_columns(defn, {p: lab for p, lab in group.items() if lab}, max(group) + 1, None)
        rename_inclusive_total(cmap)  # 上年/合计 beside 上年/会议费, 上年/培训费: their common total
        named = cmap.positions
        for pos in sorted(group):
            column = named.get(pos)
            if column is None and len(group) == 1 and defn.columns:
                column = defn.columns[0].id  # 2025年预算数 alone beside the year's columns: its total
            if column is not None:
                out[pos] = f"{kind}.{column}"
    return out
