"""What every exporter works from: documents as bundles (model + findings + where they came from),
and the flat records (documents, line items, findings) the tabular formats write."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from ..check.findings import SEVERITY_LABELS, Finding
from ..config import Config
from ..labels import DOCUMENT_LABELS, FINDING_FIELD_LABELS
from ..model import KIND_LABELS, LEVEL_BY_LENGTH, Disclosure, Row


@dataclass
class Bundle:
    disclosure: Disclosure
    findings: list[Finding]
    meta: dict  # id, department, region, level, kind, family, year, version, content_hash, source, filename
    # (table index, row index) each finding points at
    targets: list[tuple[int | None, int | None]] = field(default_factory=list)
    claims: list[dict] = field(default_factory=list)


def bundle_from_file(path: str | Path, config: Config | None = None) -> Bundle:
    """Read, recognize and check a file directly (no database)."""
    from ..pipeline import load
    from ..store.departments import level_of, normalize_name, region_of
    from ..store.ingestion import _claim_row, family_of, finding_targets

    path = Path(path)
    disclosure, findings = load(path, config)
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
        "content_hash": hashlib.sha256(path.read_bytes()).hexdigest(),
        "source": disclosure.source,
        "filename": path.name,
    }
    claims = []
    for i, claim in enumerate(getattr(disclosure, "claims", None) or []):
        row = _claim_row(0, i, claim, disclosure.source)
        claims.append({k: row[k] for k in ("kind", "subject", "value", "unit", "text", "data")})
    return Bundle(disclosure, findings, meta, finding_targets(disclosure, findings), claims)


def bundle_from_store(store, document_id: int) -> Bundle:
    from ..store.documents import load_document

    stored = load_document(store, document_id)
    return Bundle(stored.disclosure, stored.findings, stored.meta(), stored.finding_targets, stored.claims)


def corpus_bundles(store, *, all_versions: bool = False, **filters) -> Iterator[Bundle]:
    """Every stored document (newest versions unless all_versions), in department/year order."""
    from ..store import queries

    for row in queries.documents(store, all_versions=all_versions, **filters).rows:
        yield bundle_from_store(store, row["document_id"])


# ---------------------------------------------------------------------------------------------
# flat records

DOCUMENT_FIELDS = [
    "document_id",
    "department",
    "region",
    "level",
    "year",
    "family",
    "kind",
    "kind_label",
    "version",
    "unit",
    "tables",
    "errors",
    "warnings",
    "notices",
    "source",
    "filename",
    "content_hash",
]

LINE_ITEM_FIELDS = [
    "document_id",
    "department",
    "region",
    "year",
    "family",
    "version",
    "table",
    "table_number",
    "table_title",
    "table_index",
    "row_index",
    "code",
    "code_level",
    "name",
    "key",
    "side",
    "column",
    "column_label",
    "amount",
    "decimals",
    "unit",
    "printed",
    "line",
    "page",
]
LINE_ITEM_LABELS = {
    **DOCUMENT_LABELS,
    "table": "表",
    "table_number": "表号",
    "table_title": "表名",
    "table_index": "表序",
    "row_index": "行序",
    "code": "科目编码",
    "code_level": "科目级次",
    "name": "科目名称/项目",
    "key": "项目键",
    "side": "收支",
    "column": "列",
    "column_label": "列名",
    "amount": "金额",
    "decimals": "小数位",
    "unit": "单位",
    "printed": "原文",
    "line": "行号",
    "page": "页码",
}

FINDING_FIELDS = [
    "document_id",
    "department",
    "year",
    "family",
    "version",
    "severity",
    "severity_label",
    "rule",
    "table",
    "table_title",
    "row",
    "column",
    "expected",
    "found",
    "difference",
    "message",
    "line",
    "page",
    "fingerprint",
]
FINDING_LABELS = {**DOCUMENT_LABELS, **FINDING_FIELD_LABELS}


def severity_counts(findings: list[Finding]) -> dict[str, int]:
    return {s: sum(f.severity == s for f in findings) for s in ("error", "warning", "notice")}


def document_record(b: Bundle) -> dict:
    d = b.disclosure
    counts = severity_counts(b.findings)
    return {
        "document_id": b.meta.get("id"),
        "department": b.meta.get("department") or d.department,
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
        "document_id": b.meta.get("id"),
        "department": b.meta.get("department") or d.department,
        "region": b.meta.get("region"),
        "year": d.year,
        "family": b.meta.get("family"),
        "version": b.meta.get("version"),
    }
    for ti, t in enumerate(d.tables):
        order = {c: i for i, c in enumerate(t.columns)}
        for ri, r in enumerate(t.rows):
            for column, v in sorted(r.values.items(), key=lambda kv: order.get(kv[0], 99)):
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
                    "column_label": t.column_labels.get(column, column),
                    "amount": v.amount,
                    "decimals": v.decimals,
                    "unit": t.unit or d.unit,
                    "printed": v.text,
                    "line": v.location.line,
                    "page": v.location.page,
                }


def finding_records(b: Bundle) -> Iterator[dict]:
    d = b.disclosure
    for f in b.findings:
        yield {
            "document_id": b.meta.get("id"),
            "department": b.meta.get("department") or d.department,
            "year": d.year,
            "family": b.meta.get("family"),
            "version": b.meta.get("version"),
            "severity": f.severity,
            "severity_label": SEVERITY_LABELS.get(f.severity, f.severity),
            "rule": f.rule,
            "table": f.table,
            "table_title": f.table_title,
            **finding_detail(f),
            "line": f.location.line if f.location else None,
            "page": f.location.page if f.location else None,
            "fingerprint": f.fingerprint,
        }


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


def row_name(row: Row) -> str:
    return row.name or row.label


def plain(value):
    """A value as text for CSV/JSON: decimals exactly as stored, None as empty."""
    if isinstance(value, Decimal):
        return format(value, "f")
    return value
