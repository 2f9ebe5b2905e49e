"""Reference data loaded from package data: table definitions and classification names."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from .textnorm import key


@dataclass(frozen=True, slots=True)
class ColumnDef:
    id: str
    label: str
    match: tuple[tuple[str, ...], ...]  # alternatives, each a set of tokens that must all appear

    def score(self, label_key: str) -> int:
        """How specifically a header label names this column (0: it does not)."""
        best = 0
        for tokens in self.match:
            # "=…" must be the whole label (a name too generic to look for inside longer labels)
            if all(label_key == t[1:] if t.startswith("=") else t in label_key for t in tokens):
                best = max(best, sum(len(t.lstrip("=")) for t in tokens))
        return best


@dataclass(frozen=True, slots=True)
class Identity:
    total: str
    parts: tuple[tuple[int, str], ...]  # (sign, column id)


@dataclass(frozen=True, slots=True)
class CellRef:
    """One printed cell of a table: a row (by key or code, on a side of a 总表) and a column."""

    table: str
    column: str
    key: str | None = None
    code: str | None = None
    side: str | None = None


@dataclass(frozen=True, slots=True)
class Link:
    """A cell of this table restates the sum of cells of other tables (the cross-table chain).

    It holds only when this table prints any of `when` and none of `unless` columns."""

    what: str  # the quantity, as an officer names it
    cell: CellRef  # the cell of this table (found)
    sources: tuple[CellRef, ...]  # the cells it restates, summed (expected)
    when: tuple[str, ...] = ()
    unless: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ClassLink:
    """Expenditure by 类 in a 总表 column restated by the 类 rows of this coded table."""

    column: str  # this table's column
    summary: str  # the 总表's table id
    summary_column: str


@dataclass(frozen=True, slots=True)
class TableDef:
    id: str
    kind: str
    title: str
    aliases: tuple[str, ...]
    layout: str
    number: str | None = None
    codes: str | None = None
    columns: tuple[ColumnDef, ...] = ()
    identities: tuple[Identity, ...] = field(default=())
    links: tuple[Link, ...] = field(default=())
    class_links: tuple[ClassLink, ...] = field(default=())

    def column(self, column_id: str) -> ColumnDef | None:
        return next((c for c in self.columns if c.id == column_id), None)

    def label(self, column_id: str) -> str:
        col = self.column(column_id)
        return col.label if col else column_id


def _identity(raw: dict) -> Identity:
    parts = tuple((-1, p[1:]) if p.startswith("-") else (1, p) for p in raw["parts"])
    return Identity(raw["total"], parts)


def _cell_ref(raw: dict, table: str) -> CellRef:
    return CellRef(table, raw["column"], raw.get("row"), raw.get("code"), raw.get("side"))


def _link(raw: dict, table: str) -> Link:
    return Link(
        raw["what"],
        _cell_ref(raw, table),
        tuple(_cell_ref(r, r["table"]) for r in raw["sum"]),
        tuple(raw.get("when", ())),
        tuple(raw.get("unless", ())),
    )


@cache
def _tables_data() -> dict:
    return tomllib.loads(resources.files("yjsgk.data").joinpath("tables.toml").read_text("utf-8"))


@cache
def memo_columns() -> tuple[str, ...]:
    """Header words of memo columns: an amount beside the others by another breakdown (政府采购),
    a part of the total but no term of it."""
    return tuple(key(w) for w in _tables_data().get("memo_columns", ()))


@cache
def table_defs() -> tuple[TableDef, ...]:
    data = _tables_data()
    defs = []
    for raw in data["table"]:
        columns = tuple(
            ColumnDef(
                c["id"],
                c["label"],
                tuple(
                    tuple(("=" + key(t[1:])) if t.startswith("=") else key(t) for t in alt.split("+"))
                    for alt in c["match"]
                ),
            )
            for c in raw.get("column", [])
        )
        defs.append(
            TableDef(
                id=raw["id"],
                kind=raw["kind"],
                title=raw["title"],
                aliases=tuple(key(a) for a in raw["aliases"]),
                layout=raw["layout"],
                number=raw.get("number"),
                codes=raw.get("codes"),
                columns=columns,
                identities=tuple(_identity(i) for i in raw.get("identities", [])),
                links=tuple(_link(r, raw["id"]) for r in raw.get("link", [])),
                class_links=tuple(
                    ClassLink(r["column"], r["summary"], r["summary_column"]) for r in raw.get("class_link", [])
                ),
            )
        )
    return tuple(defs)


@cache
def table_def(table_id: str) -> TableDef:
    return next(d for d in table_defs() if d.id == table_id)


@dataclass(frozen=True, slots=True)
class FunctionClass:
    code: str
    name: str  # the current name
    aliases: tuple[str, ...]  # former names
    source: str


@cache
def function_classes() -> tuple[FunctionClass, ...]:
    """The 类 of the function classification, from the code dictionary (data/classification)."""
    from .dictionary import function_classification  # loaded only when a 类 name is looked up

    classification = function_classification()
    out = []
    for code in classification.codes():
        entries = classification.entries(code)
        if entries[0].level != "类":
            continue
        current = max(entries, key=lambda e: (e.valid_to is None, e.valid_from or 0, len(e.sources)))
        former = tuple(e.name for e in entries if e is not current)
        out.append(FunctionClass(code, current.name, former, " ".join(current.sources)))
    return tuple(out)


@cache
def function_class_by_name() -> dict[str, str]:
    """Name key (current and former names) → 类 code."""
    out: dict[str, str] = {}
    for fc in function_classes():
        for name in (fc.name, *fc.aliases):
            out[key(name)] = fc.code
    return out


@cache
def requirements_data() -> dict:
    """data/requirements.toml as read: the compliance profiles (and the template families)."""
    return tomllib.loads(resources.files("yjsgk.data").joinpath("requirements.toml").read_text("utf-8"))
