"""JSON: the `yjsgk extract` shape (schema 1) with each document's findings and its place in the
corpus added; a query result as {"schema", "query", "title", "columns", "rows"}. Decimals are
strings, exactly as stored."""

from __future__ import annotations

import json as _json
from collections.abc import Iterable
from pathlib import Path

from ..records import Bundle, severity_counts
from ..report.json_report import SCHEMA_VERSION, disclosure_dict


def document_dict(b: Bundle) -> dict:
    out = disclosure_dict(b.disclosure)
    out["store"] = {
        k: b.meta.get(k) for k in ("id", "department", "region", "level", "family", "version", "content_hash")
    }
    out["summary"] = severity_counts(b.findings)
    out["findings"] = [f.to_dict() for f in b.findings]
    if b.claims:
        out["claims"] = b.claims
    return out


def documents_payload(bundles: Iterable[Bundle]) -> dict:
    return {"schema": SCHEMA_VERSION, "documents": [document_dict(b) for b in bundles]}


def write_documents(bundles: Iterable[Bundle], path: str | Path) -> Path:
    return _write(path, documents_payload(bundles))


def results_payload(results) -> dict:
    results = list(results)
    if len(results) == 1:
        return results[0].to_dict()
    return {"schema": SCHEMA_VERSION, "results": [r.to_dict() for r in results]}


def write_results(results, path: str | Path) -> Path:
    return _write(path, results_payload(results))


def _write(path: str | Path, payload: dict) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(_json.dumps(payload, ensure_ascii=False, indent=2, default=str) + "\n", encoding="utf-8")
    return path
