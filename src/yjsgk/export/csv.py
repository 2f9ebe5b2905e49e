"""CSV: a query result as one file; documents (one or the corpus) as a folder of three files,
documents.csv, line_items.csv and findings.csv. UTF-8 with a byte-order mark so that Excel
opens the Chinese text correctly; the header row holds the stable field ids; amounts are the
exact decimals (no thousands separators)."""

from __future__ import annotations

import csv as _csv
from collections.abc import Iterable
from pathlib import Path

from ..labels import DOCUMENT_FIELDS, FINDING_FIELDS, LINE_ITEM_FIELDS
from ..records import Bundle, document_record, finding_records, line_item_records, plain

ENCODING = "utf-8-sig"


def write_records(path: str | Path, fields: list[str], records: Iterable[dict]) -> int:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    count = 0
    with path.open("w", encoding=ENCODING, newline="") as handle:
        writer = _csv.writer(handle)
        writer.writerow(fields)
        for record in records:
            writer.writerow(["" if record.get(f) is None else plain(record.get(f)) for f in fields])
            count += 1
    return count


def write_documents(bundles: Iterable[Bundle], folder: str | Path) -> Path:
    folder = Path(folder)
    bundles = list(bundles)
    write_records(folder / "documents.csv", DOCUMENT_FIELDS, (document_record(b) for b in bundles))
    write_records(folder / "line_items.csv", LINE_ITEM_FIELDS, (r for b in bundles for r in line_item_records(b)))
    write_records(folder / "findings.csv", FINDING_FIELDS, (r for b in bundles for r in finding_records(b)))
    return folder


def write_results(results, path: str | Path) -> list[Path]:
    """The first result to `path`, any others beside it as `<stem>-<query>.csv`."""
    path = Path(path)
    written = []
    for i, result in enumerate(results):
        target = path if i == 0 else path.with_name(f"{path.stem}-{result.name}{path.suffix or '.csv'}")
        write_records(target, result.columns, result.rows)
        written.append(target)
    return written
