"""JSON shapes of the recognized model and of findings (documented in the README)."""

from __future__ import annotations

import json
from decimal import Decimal

from ..check.findings import Finding
from ..model import KIND_LABELS, Disclosure, Row, Table
from ..records import severity_counts
from .performance import evaluation_dict, targets_dict

SCHEMA_VERSION = 1


def _dec(value: Decimal) -> str:
    return format(value, "f")


def row_dict(row: Row) -> dict:
    out: dict = {
        "code": row.code,
        "name": row.name,
        "values": {column: _dec(v.amount) for column, v in row.values.items()},
        "location": row.location.to_dict(),
    }
    if row.key:
        out["key"] = row.key
    if row.side:
        out["side"] = row.side
    if row.cells is not None:
        out["cells"] = row.cells
    if row.earlier:  # another year's figures printed beside the row's own (上年预算数, 增减)
        out["earlier"] = {column: _dec(v.amount) for column, v in row.earlier.items()}
    if row.unit_code:
        out["unit_code"] = row.unit_code
    return out


def table_dict(table: Table) -> dict:
    order = {c: i for i, c in enumerate(table.columns)}
    rows = []
    for row in table.rows:
        d = row_dict(row)
        d["values"] = dict(sorted(d["values"].items(), key=lambda kv: order.get(kv[0], 99)))
        rows.append(d)
    return {
        "id": table.id,
        "number": table.number,
        "title": table.title,
        "standard_title": table.standard_title,
        "unit": table.unit,
        "columns": list(table.columns),
        "column_labels": dict(table.column_labels),
        **({"earlier_labels": dict(table.earlier_labels)} if table.earlier_labels else {}),
        "rows": rows,
        "notes": list(table.notes),
        "location": table.location.to_dict(),
    }


def disclosure_dict(disclosure: Disclosure) -> dict:
    return {
        "source": disclosure.source,
        "kind": disclosure.kind,
        "kind_label": KIND_LABELS.get(disclosure.kind, disclosure.kind),
        "department": disclosure.department,
        "year": disclosure.year,
        "unit": disclosure.unit,
        "template_family": disclosure.template_family.to_dict() if disclosure.template_family else None,
        "tables": [table_dict(t) for t in disclosure.tables],
        "claims": [c.to_dict() for c in disclosure.claims],
        "evaluations": [evaluation_dict(e) for e in disclosure.evaluations],
        "targets": [targets_dict(t) for t in disclosure.targets],
    }


def dumps(payload: dict) -> str:
    return json.dumps(payload, ensure_ascii=False, indent=2)


def extract_payload(disclosures: list[Disclosure]) -> dict:
    return {"schema": SCHEMA_VERSION, "documents": [disclosure_dict(d) for d in disclosures]}


def check_payload(results: list[tuple[Disclosure, list[Finding]]], errors: list[str]) -> dict:
    documents = []
    for disclosure, findings in results:
        counts = severity_counts(findings)
        documents.append(
            {
                "source": disclosure.source,
                "kind": disclosure.kind,
                "department": disclosure.department,
                "year": disclosure.year,
                "unit": disclosure.unit,
                "template_family": disclosure.template_family.name if disclosure.template_family else None,
                "summary": counts,
                "findings": [f.to_dict() for f in findings],
            }
        )
    return {"schema": SCHEMA_VERSION, "documents": documents, "unreadable": errors}
