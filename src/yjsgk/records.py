"""A disclosure and its findings as records: rows of plain values, named once for every consumer.

Two consumers, neither importing the other:
- the corpus database (`store/`): ingestion inserts the table, row, cell, claim and finding
  records of a disclosure; `store.documents` turns what it reads back into a `Bundle`;
- the exports (`export/`): Excel, CSV, JSON and the Fiscal Data Package write `Bundle`s, the
  tabular formats through the flat records (documents, line items, findings) below.

    bundle = Bundle.of(disclosure, findings, filename="公开.pdf", content_hash=sha256)
    rows = list(line_item_records(bundle))

The column ids and their Chinese headers are in `labels.py`.
"""

from __future__ import annotations

import dataclasses
import enum
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal

from .check.findings import SEVERITIES, SEVERITY_LABELS, Finding
from .departments import level_of, normalize_name, region_of
from .document import Location
from .model import KIND_LABELS, LEVEL_BY_LENGTH, Disclosure, Row, Table, Value

FAMILIES = {"final": "final", "final_with_performance": "final", "budget": "budget", "performance": "performance"}
# 万元 per unit of an amount table (the corpus compares and the Fiscal Data Package publishes in 万元)
UNIT_FACTORS = {"万元": Decimal(1), "元": Decimal("0.0001"), "千元": Decimal("0.1"), "亿元": Decimal(10000)}
# the fields of a claim a bundle carries (the store keeps them as columns, the rest of the claim as `data`)
CLAIM_FIELDS = ("kind", "subject", "value", "unit", "text", "data")

Target = tuple[int | None, int | None]  # (table index, row index) a finding points at, when known


def family_of(kind: str) -> str:
    """final / budget / performance / unknown: what versions of one department and year compete with."""
    return FAMILIES.get(kind, "unknown")


def severity_counts(findings: Iterable[Finding]) -> dict[str, int]:
    counts = dict.fromkeys(SEVERITIES, 0)
    for f in findings:
        if f.severity in counts:
            counts[f.severity] += 1
    return counts


def plain(value):
    """A value as text for CSV/JSON/the database: decimals exactly as stored, anything else as is."""
    if isinstance(value, Decimal):
        return format(value, "f")
    return value


def decimal_text(value: Decimal | None) -> str | None:
    """An amount as exact text (how the database keeps a finding's figures)."""
    return None if value is None else format(value, "f")


def row_name(row: Row) -> str:
    return row.name or row.label


# ---------------------------------------------------------------------------------------------
# a document ready to be written anywhere


@dataclass
class Bundle:
    disclosure: Disclosure
    findings: list[Finding]
    meta: dict  # id, department, region, level, kind, family, year, version, content_hash, source, filename
    # (table index, row index) each finding points at
    targets: list[Target] = field(default_factory=list)
    claims: list[dict] = field(default_factory=list)  # CLAIM_FIELDS of each narrative claim

    @classmethod
    def of(cls, disclosure: Disclosure, findings: list[Finding], *, filename: str, content_hash: str) -> Bundle:
        """A document just read (not from the database: no id, no version)."""
        name = normalize_name(disclosure.department) if disclosure.department else None
        meta = {
            "id": None,
            "department": name,
            "region": region_of(name) if name else None,
            "level": level_of(name) if name else None,
            "kind": disclosure.kind,
            "family": family_of(disclosure.kind),
            "year": disclosure.year,
            "version": None,
            "content_hash": content_hash,
            "source": disclosure.source,
            "filename": filename,
        }
        claims = [
            {k: record[k] for k in CLAIM_FIELDS}
            for record in (claim_record(c, disclosure.source) for c in disclosure.claims or [])
        ]
        return cls(disclosure, findings, meta, finding_targets(disclosure, findings), claims)


def finding_targets(d: Disclosure, findings: list[Finding]) -> list[Target]:
    """For each finding, (table index, row index) of the cell or row it points at, when known."""
    by_cell: dict[tuple[str, int | None, int | None, int | None], tuple[int, int]] = {}
    by_line: dict[tuple[str, int | None, int | None], tuple[int, int]] = {}
    first_table: dict[str, int] = {}
    for ti, t in enumerate(d.tables):
        first_table.setdefault(t.id, ti)
        for ri, r in enumerate(t.rows):
            by_line.setdefault((t.id, r.location.page, r.location.line), (ti, ri))
            for v in r.values.values():
                loc = v.location
                by_cell.setdefault((t.id, loc.page, loc.line, loc.column), (ti, ri))
    out: list[Target] = []
    for f in findings:
        if not f.table or f.table not in first_table:
            out.append((None, None))
            continue
        at = f.location
        hit = None
        if at is not None:
            hit = by_cell.get((f.table, at.page, at.line, at.column)) or by_line.get((f.table, at.page, at.line))
        out.append(hit or (first_table[f.table], None))
    return out


# ---------------------------------------------------------------------------------------------
# the model as stored: tables, rows, cells, claims, findings


def table_record(t: Table) -> dict:
    return {
        "standard_id": t.id,
        "number": t.number,
        "title": t.title,
        "standard_title": t.standard_title,
        "unit": t.unit,
        "columns": list(t.columns),
        # the headers of the earlier year's columns too ("previous.total": "2025年预算数/合计")
        "column_labels": {**t.column_labels, **t.earlier_labels},
        "notes": list(t.notes),
        "line": t.location.line,
        "page": t.location.page,
        "reading": table_reading(t),
    }


READING_FIELDS = ("uncertain", "repeated_codes", "parts_of", "unmapped_columns")


def table_reading(t: Table) -> dict | None:
    """How the table was read, where a check depends on it (None when there is nothing to say)."""
    out = {name: getattr(t, name) for name in READING_FIELDS if getattr(t, name)}
    return out or None


def row_record(r: Row) -> dict:
    return {
        "code": r.code,
        "name": r.name,
        "key": r.key,
        "side": r.side,
        "line": r.location.line,
        "page": r.location.page,
        "cells": r.cells,
        "unit_code": r.unit_code,
    }


def cells(d: Disclosure, *, ordered: bool = False) -> Iterator[tuple[int, Table, int, Row, str, Value]]:
    """Every amount of every table: (table index, table, row index, row, column, value); with
    `ordered`, a row's amounts in the table's column order (else in the order recognized). The
    figures of an earlier year printed beside them follow, under their `Row.earlier` keys
    ("previous.total", "change.total": see `is_earlier`)."""
    for ti, t in enumerate(d.tables):
        order = {c: i for i, c in enumerate(t.columns)}
        for ri, r in enumerate(t.rows):
            values = list(r.values.items())
            if ordered:
                values.sort(key=lambda kv: order.get(kv[0], 99))
            for column, v in [*values, *r.earlier.items()]:
                yield ti, t, ri, r, column, v


EARLIER_KINDS = ("previous", "previous_actual", "change", "change_pct")


def is_earlier(column: str) -> bool:
    """A line item's column that holds a figure of an earlier year (or the change against it)."""
    return column.split(".", 1)[0] in EARLIER_KINDS and "." in column


def finding_detail(f: Finding) -> dict:
    """The cell a finding points at, its figures and its statement, as every export names them."""
    return {
        "row": f.row,
        "column": f.column,
        "expected": f.expected,
        "found": f.found,
        "difference": f.difference,
        "message": f.message,
    }


def finding_location(f: Finding) -> dict:
    loc = f.location
    return {
        "source": loc.source if loc else None,
        "line": loc.line if loc else None,
        "col": loc.column if loc else None,
        "page": loc.page if loc else None,
    }


def claim_record(claim, source: str | None = None) -> dict:
    """A narrative claim: the fields worth querying by, and the rest of it as JSON (without
    what the columns already hold, and without the document's own path in every location)."""
    location = _location(claim)
    value = getattr(claim, "value", None)
    text = _claim_text(claim)
    data = jsonable(claim)
    if isinstance(data, dict):
        if data.get("sentence") == text:
            del data["sentence"]
        data = _drop_source(data, source)
    return {
        "kind": _short(getattr(claim, "kind", None), 16),
        "subject": _short(getattr(claim, "subject", None), 64),
        "value": format(value, "f")[:64] if isinstance(value, Decimal) else None,
        "unit": _short(getattr(claim, "unit", None), 16),
        "text": text,
        "data": data,
        "line": location.line if location else None,
        "page": location.page if location else None,
    }


def _drop_source(data, source: str | None):
    if isinstance(data, dict):
        return {k: _drop_source(v, source) for k, v in data.items() if not (k == "source" and v == source)}
    if isinstance(data, list):
        return [_drop_source(v, source) for v in data]
    return data


def _short(value, size: int) -> str | None:
    return value[:size] if isinstance(value, str) else None


def _location(obj) -> Location | None:
    loc = getattr(obj, "location", None)
    return loc if isinstance(loc, Location) else None


def _claim_text(claim) -> str | None:
    for name in ("sentence", "text", "quote", "statement"):
        value = getattr(claim, name, None)
        if isinstance(value, str):
            return value
    return claim if isinstance(claim, str) else None


def jsonable(value):
    """Any recognized object → JSON data (dataclasses by field, decimals as exact strings)."""
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, Location):
        return value.to_dict()
    if isinstance(value, enum.Enum):
        return jsonable(value.value)
    if hasattr(value, "to_dict") and callable(value.to_dict):  # the object's own curated form
        return jsonable(value.to_dict())
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [jsonable(v) for v in value]
    return str(value)


# ---------------------------------------------------------------------------------------------
# flat records for the tabular exports (fields and headers: labels.DOCUMENT_FIELDS, …)


def _document_base(b: Bundle) -> dict:
    d = b.disclosure
    return {
        "document_id": b.meta.get("id"),
        "department": b.meta.get("department") or d.department,
    }


def document_record(b: Bundle) -> dict:
    d = b.disclosure
    counts = severity_counts(b.findings)
    return {
        **_document_base(b),
        "region": b.meta.get("region"),
        "level": b.meta.get("level"),
        "year": d.year,
        "family": b.meta.get("family"),
        "kind": d.kind,
        "kind_label": KIND_LABELS.get(d.kind, d.kind),
        "version": b.meta.get("version"),
        "unit": d.unit,
        "tables": len(d.tables),
        "errors": counts["error"],
        "warnings": counts["warning"],
        "notices": counts["notice"],
        "source": b.meta.get("source") or d.source,
        "filename": b.meta.get("filename"),
        "content_hash": b.meta.get("content_hash"),
    }


def line_item_records(b: Bundle) -> Iterator[dict]:
    d = b.disclosure
    base = {
        **_document_base(b),
        "region": b.meta.get("region"),
        "year": d.year,
        "family": b.meta.get("family"),
        "version": b.meta.get("version"),
    }
    for ti, t, ri, r, column, v in cells(d, ordered=True):
        yield {
            **base,
            "table": t.id,
            "table_number": t.number,
            "table_title": t.standard_title,
            "table_index": ti,
            "row_index": ri,
            "code": r.code,
            "code_level": LEVEL_BY_LENGTH.get(len(r.code)) if r.code else None,
            "name": row_name(r),
            "key": r.key,
            "side": r.side,
            "column": column,
            "column_label": t.column_labels.get(column) or t.earlier_labels.get(column, column),
            "amount": v.amount,
            "decimals": v.decimals,
            "unit": t.unit or d.unit,
            "printed": v.text,
            "line": v.location.line,
            "page": v.location.page,
        }


def finding_records(b: Bundle) -> Iterator[dict]:
    d = b.disclosure
    base = {
        **_document_base(b),
        "year": d.year,
        "family": b.meta.get("family"),
        "version": b.meta.get("version"),
    }
    for f in b.findings:
        where = finding_location(f)
        yield {
            **base,
            "severity": f.severity,
            "severity_label": SEVERITY_LABELS.get(f.severity, f.severity),
            "rule": f.rule,
            "table": f.table,
            "table_title": f.table_title,
            **finding_detail(f),
            "line": where["line"],
            "page": where["page"],
            "fingerprint": f.fingerprint,
        }
