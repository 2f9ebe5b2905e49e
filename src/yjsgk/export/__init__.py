"""Exports: one document, a query result or the whole corpus, as Excel, CSV, JSON or a Fiscal
Data Package.

    from yjsgk.export import bundle_from_file, export_documents, export_result
    export_documents([bundle_from_file("公开.txt")], "公开.xlsx", "xlsx")

Documents come as `records.Bundle`s: read from a file here, or from the corpus database with
`yjsgk.store.load_bundle` / `corpus_bundles`. The exports do not import the store.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path

from ..config import Config
from ..records import Bundle

FORMATS = ("xlsx", "csv", "json", "datapackage")
SUFFIX_FORMATS = {".xlsx": "xlsx", ".csv": "csv", ".json": "json"}

__all__ = [
    "FORMATS",
    "Bundle",
    "bundle_from_file",
    "export_documents",
    "export_result",
    "format_for",
]


def bundle_from_file(path: str | Path, config: Config | None = None) -> Bundle:
    """Read, recognize and check a file directly (no database)."""
    from ..pipeline import load

    path = Path(path)
    disclosure, findings = load(path, config)
    return Bundle.of(
        disclosure, findings, filename=path.name, content_hash=hashlib.sha256(path.read_bytes()).hexdigest()
    )


def format_for(path: str | Path, fmt: str | None = None) -> str:
    """The format asked for, or the one the output name implies (a folder: CSV)."""
    if fmt:
        if fmt not in FORMATS:
            raise ValueError(f"未知的导出格式 {fmt}（可用：{', '.join(FORMATS)}）")
        return fmt
    path = Path(path)
    if path.name == "datapackage.json":
        return "datapackage"
    return SUFFIX_FORMATS.get(path.suffix.lower(), "csv")


def export_documents(bundles: Iterable[Bundle], out: str | Path, fmt: str, *, single: bool | None = None) -> Path:
    """Write documents. Excel: one document in the familiar layout (`single`, the default when
    there is exactly one), several as flat sheets. CSV and datapackage write into a folder."""
    from . import csv, datapackage, excel, json

    bundles = list(bundles)
    out = Path(out)
    if single is None:
        single = len(bundles) == 1
    if fmt == "xlsx":
        return excel.write_document(bundles[0], out) if single else excel.write_corpus(bundles, out)
    if fmt == "csv":
        return csv.write_documents(bundles, out)
    if fmt == "json":
        return json.write_documents(bundles, out)
    if fmt == "datapackage":
        folder = out.parent if out.name == "datapackage.json" else out
        return datapackage.write_datapackage(bundles, folder)
    raise ValueError(f"未知的导出格式 {fmt}")


def export_result(results, out: str | Path, fmt: str | None = None) -> Path:
    """One query result or several (Excel: a sheet each; JSON: one file; CSV: a file each)."""
    from . import csv, excel, json

    results = list(results) if isinstance(results, (list, tuple)) else [results]
    fmt = format_for(out, fmt)
    if fmt == "xlsx":
        return excel.write_results(results, out)
    if fmt == "csv":
        return csv.write_results(results, out)[0]
    if fmt == "json":
        return json.write_results(results, out)
    raise ValueError(f"查询结果不能导出为 {fmt}（可用：xlsx, csv, json）")
