"""Reading the raw cells of performance tables: figures, labels, split rows."""

from __future__ import annotations

import dataclasses
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from ..amounts import parse_amount
from ..document import Location
from ..model import Row, Value
from ..patterns import lazy_pattern
from ..textnorm import key, norm, squeeze_cjk_spaces

_PERCENT = lazy_pattern(r"^([+-]?\d+(?:\.\d+)?)\s*[%％]$")
_WHITESPACE = lazy_pattern(r"\s+")
_POINTS = lazy_pattern(r"[（(]\s*(\d+(?:\.\d+)?)\s*分?\s*[)）]|(\d+(?:\.\d+)?)\s*分?\s*$")

# 二级指标 names (whitespace removed) and the 一级 they belong to
CATEGORY_SECTION = {
    "数量指标": "产出指标",
    "质量指标": "产出指标",
    "时效指标": "产出指标",
    "经济效益指标": "效益指标",
    "社会效益指标": "效益指标",
    "生态效益指标": "效益指标",
    "可持续影响指标": "效益指标",
    "可持续效益指标": "效益指标",
    "服务对象满意度指标": "满意度指标",
    "社会公众或服务对象满意度指标": "满意度指标",
    "经济成本指标": "成本指标",
    "社会成本指标": "成本指标",
    "生态环境成本指标": "成本指标",
}
SECTIONS = ("产出指标", "效益指标", "满意度指标", "成本指标")
VALUE_TYPES = {"≥", "≤", "=", ">", "<", "＝", "＞", "＜", "定性", "定量", ">=", "<="}


def _drawn(locations: Sequence[Location | None] | None, index: int) -> Location | None:
    """A cell's own location when the reader drew it on a page (its box, not the row's)."""
    if locations and 0 <= index < len(locations) and (where := locations[index]) is not None and where.bbox:
        return where
    return None


def at(row: Row, index: int) -> Location:
    """The location of one cell of a raw row (the row's line, the cell's index; on a page, the
    cell's own box)."""
    return _drawn(row.cell_locations, index) or dataclasses.replace(row.location, column=index)


def figure(text: str, location: Location) -> Value | None:
    """A printed number: an amount, a score, or a percentage (kept in points: `68%` → 68)."""
    if m := _PERCENT.match(unicodedata.normalize("NFKC", text).strip()):
        points = parse_amount(m.group(1))  # the pattern admits only plain numbers
        assert points is not None
        return Value(points.value, text.strip(), points.decimals, location)
    parsed = parse_amount(text)
    if parsed is None:
        return None
    return Value(parsed.value, parsed.text, parsed.decimals, location, parsed.issue)


def tidy(text: str) -> str:
    """Whitespace tidied (runs of spaces, ideographic spaces and line breaks become one space)."""
    return _WHITESPACE.sub(" ", text).strip()


def name(text: str) -> str:
    """A short label or name: whitespace tidied and letter-spacing between CJK characters dropped."""
    return squeeze_cjk_spaces(tidy(text))


def section_label(text: str) -> tuple[str, Decimal | None]:
    """`产出指标 (50分)`, `产出指 标50分`, `满意度 指标10` → ("产出指标", 50): the name
    normalized, the points if stated."""
    points = None
    plain = norm(text)
    if m := _POINTS.search(plain):
        points = Decimal(m.group(1) or m.group(2))
        plain = plain[: m.start()] + plain[m.end() :]
    return key(plain), points


def is_section(text: str) -> bool:
    return section_label(text)[0] in SECTIONS


def category_name(text: str) -> str:
    return norm(text)


def is_category(text: str) -> bool:
    return key(text) in CATEGORY_SECTION


def is_value_type(text: str) -> bool:
    return norm(text) in VALUE_TYPES


@dataclass(slots=True)
class RawRow:
    """A printed row's cells, possibly joined from two text rows (see `merge_split_rows`)."""

    row: Row
    cells: list[str]
    parts: list[tuple[int, Location]] = field(default_factory=list)  # (first cell, where that part was printed)
    locations: list[Location | None] | None = None  # each cell's own location, as cells (None: unknown)

    @property
    def location(self) -> Location:
        return self.row.location

    def at(self, index: int) -> Location:
        """Where one cell was printed: its own box on a page; else its part's line and the
        cell's index in the joined row."""
        if (drawn := _drawn(self.locations, index)) is not None:
            return drawn
        where = self.row.location
        for first, location in self.parts:
            if index >= first:
                where = location
        return dataclasses.replace(where, column=index)


def raw_rows(rows: list[Row]) -> list[RawRow]:
    return [
        RawRow(r, list(r.cells), locations=list(r.cell_locations) if r.cell_locations else None)
        for r in rows
        if r.cells
    ]


def merge_split_rows(rows: list[RawRow], is_header) -> list[RawRow]:
    """Join rows that a cell-per-line export broke in two.

    When one cell of a row holds blank lines, the text export ends the row there and carries
    the rest of the cells on the next "row": a row shorter than the current header whose
    cells and the next row's cells together make the header's width is one row.
    """
    out: list[RawRow] = []
    width = 0
    i = 0
    while i < len(rows):
        current = rows[i]
        if is_header(current.cells):
            width = len(current.cells)
        if width and len(current.cells) < width and i + 1 < len(rows):
            following = rows[i + 1]
            if len(current.cells) + len(following.cells) == width and not is_header(following.cells):
                parts = [(0, current.location), (len(current.cells), following.location)]
                joined = current.locations + following.locations if current.locations and following.locations else None
                out.append(RawRow(current.row, current.cells + following.cells, parts, joined))
                i += 2
                continue
        out.append(current)
        i += 1
    return out
