"""Typed tables from table sections, one builder per layout of `tables.toml`."""

from __future__ import annotations

from ..definitions import TableDef
from ..model import Row, Table
from .built import Built
from .cells import tidy
from .columnar import build_columnar
from .groups import build_groups
from .segment import Section
from .summary import build_summary


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
        "coded": build_columnar,
        "named": build_columnar,
        "single": build_columnar,
        "summary": build_summary,
        "groups": build_groups,
        "raw": _build_raw,
    }[defn.layout]
    builder(section, defn, built)
    return built


def _build_raw(section: Section, defn: TableDef, built: Built) -> None:
    table = built.table
    for row in section.rows:
        texts = [tidy(c.text) for c in row.cells]
        if not any(texts):
            continue
        name = next(t for t in texts if t)
        table.rows.append(
            Row(name=name, location=row.location, cells=texts, cell_locations=[c.location for c in row.cells])
        )
