"""What a layout builder fills in; apart from `layouts` so the builders need not import the dispatch."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..definitions import TableDef
from ..document import Location
from ..model import Table
from .columns import ColumnMap


@dataclass(slots=True)
class Built:
    table: Table
    problems: list[tuple[str, str, Location]] = field(default_factory=list)  # (rule, message, where)


def set_columns(table: Table, defn: TableDef, cmap: ColumnMap) -> None:
    order = [c.id for c in defn.columns]
    mapped = set(cmap.positions.values())
    table.columns = [c for c in order if c in mapped] if mapped else list(order)
    table.column_labels = {c: defn.label(c) for c in table.columns}
