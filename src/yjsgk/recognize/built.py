"""What a layout builder fills in; apart from `layouts` so the builders need not import the dispatch."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..amounts import parse_amount
from ..definitions import TableDef
from ..document import GridRow, Location
from ..model import Table
from . import problems
from .columns import ColumnMap


@dataclass(slots=True)
class Issue:
    """What reading one table could not settle, reported as a recognize.* finding."""

    rule: str
    message: str  # the whole sentence, for this table alone
    where: Location
    severity: str | None = None  # None: the rule's own
    # issues of one cause in several tables of a document are reported once, as the cause
    # followed by each table's title and its `detail`
    cause: str | None = None
    detail: str = ""


@dataclass(slots=True)
class Built:
    table: Table
    problems: list[Issue] = field(default_factory=list)


def set_columns(table: Table, defn: TableDef, cmap: ColumnMap) -> None:
    order = [c.id for c in defn.columns]
    mapped = set(cmap.positions.values())
    table.columns = [c for c in order if c in mapped] if mapped else list(order)
    table.column_labels = {c: defn.label(c) for c in table.columns}


UNREAD_COLUMNS = "无法从表头确定金额列，未做核对"


def has_amounts(rows: list[GridRow]) -> bool:
    """Any amount other than zero: a table without one loses nothing when it is not read."""
    return any((a := parse_amount(c.text)) is not None and a.value != 0 for r in rows for c in r.cells)


def unmapped_issue(defn: TableDef, table: Table, what: str = "表头") -> Issue:
    names = "、".join(table.unmapped_columns)
    return Issue(
        problems.COLUMNS.id,
        f"{defn.title}：{what}“{names}”不是标准列，行内合计未核对",
        table.location,
        severity="notice",  # the table is read and summed; only its row identities are not checked
        cause="有不是标准列的金额列，行内合计未核对",
        detail=f"（{names}）",
    )
