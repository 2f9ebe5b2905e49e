"""The corpus database: ingest disclosures, query them across departments and years, read them back.

    from yjsgk.store import Store, ingest, queries
    store = Store("corpus.db")              # or "postgresql://user@host/db"; None: $YJSGK_DB or ./yjsgk.db
    ingest(["docs/"], store)
    queries.department_overview(store, "衡阳市行政审批服务局")

Names are imported lazily, so that `yjsgk check` does not pay for SQLAlchemy.
"""

from __future__ import annotations

import importlib

_EXPORTS = {
    "Store": ".db",
    "StoreError": ".db",
    "open_store": ".db",
    "resolve_url": ".db",
    "FileOutcome": ".ingestion",
    "IngestSummary": ".ingestion",
    "family_of": "..records",
    "ingest": ".ingestion",
    "ingest_file": ".ingestion",
    "StoredDocument": ".documents",
    "corpus_bundles": ".documents",
    "load_bundle": ".documents",
    "load_document": ".documents",
    "resolve_document": ".documents",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str):
    if name in _EXPORTS:
        value = getattr(importlib.import_module(_EXPORTS[name], __name__), name)
        globals()[name] = value
        return value
    if name in ("queries", "models", "db", "ingestion", "documents", "types"):
        return importlib.import_module(f".{name}", __name__)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
