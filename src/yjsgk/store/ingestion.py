"""Ingest: read, recognize and check files, and store each one in a single transaction.

- Idempotent by content hash (sha256 of the file's bytes): a file already stored is `unchanged`
  and is not even parsed again.
- A different file for the same department, year and family (final/budget/performance) is kept
  as the next version; nothing is overwritten.
- A file whose department and year are both unrecognized is refused (it cannot be placed).
- Each file is one transaction: a failure (unreadable file, an amount that cannot be stored, a
  database error) leaves nothing of that file behind, is reported for that file, and the batch
  goes on.
- Several processes may ingest into one database at once: SQLite transactions queue on the write
  lock; on PostgreSQL a clash on a unique key (the same file, the same new version number, the
  same new department) rolls that file back and retries it, after which it is stored once.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Protocol

from sqlalchemy import Table, func, insert, select
from sqlalchemy.exc import IntegrityError, OperationalError, StatementError

from .. import pipeline
from ..check.findings import Finding
from ..config import Config
from ..departments import level_of, normalize_name, region_of
from ..errors import ReadError
from ..model import Disclosure
from ..records import (
    cells,
    claim_record,
    decimal_text,
    family_of,
    finding_location,
    finding_targets,
    row_record,
    severity_counts,
    table_record,
)
from . import snapshot
from .db import Store
from .models import Claim, Department, Document, LineItem, Narrative, StoredFinding, StoredRow, StoredTable
from .types import AmountError, format_amount

RETRIES = 8


@dataclass
class FileOutcome:
    path: str
    status: str  # "ingested" | "unchanged" | "failed"
    document_id: int | None = None
    version: int | None = None
    department: str | None = None
    year: int | None = None
    kind: str | None = None
    reason: str | None = None
    seconds: float = 0.0
    meta: dict[str, str] | None = None  # the input manifest's columns for this file (yjsgk.cluster)

    def to_dict(self) -> dict:
        out = dataclasses.asdict(self)
        if self.meta is None:
            del out["meta"]
        return out


@dataclass
class IngestSummary:
    outcomes: list[FileOutcome] = field(default_factory=list)
    seconds: float = 0.0

    def by_status(self, status: str) -> list[FileOutcome]:
        return [o for o in self.outcomes if o.status == status]

    @property
    def ingested(self) -> list[FileOutcome]:
        return self.by_status("ingested")

    @property
    def unchanged(self) -> list[FileOutcome]:
        return self.by_status("unchanged")

    @property
    def failed(self) -> list[FileOutcome]:
        return self.by_status("failed")

    def to_dict(self) -> dict:
        return {
            "ingested": len(self.ingested),
            "unchanged": len(self.unchanged),
            "failed": len(self.failed),
            "seconds": round(self.seconds, 3),
            "files": [o.to_dict() for o in self.outcomes],
        }


def expand_paths(args: Iterable[str | Path]) -> list[Path]:
    """Files as given; folders walked (sorted) for the formats `load()` reads today."""
    from .. import read

    suffixes = set(pipeline.SUPPORTED_SUFFIXES) | set(getattr(read, "SUPPORTED_SUFFIXES", ()))
    out: list[Path] = []
    for arg in args:
        path = Path(arg)
        if path.is_dir():
            out.extend(sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in suffixes))
        else:
            out.append(path)
    return out


def ingest(
    paths: Sequence[str | Path],
    store: Store,
    *,
    config: Config | None = None,
    progress: Callable[[int, int, str], None] | None = None,
) -> IngestSummary:
    files = expand_paths(paths)
    summary = IngestSummary()
    started = time.perf_counter()
    for index, path in enumerate(files):
        if progress:
            progress(index, len(files), str(path))
        summary.outcomes.append(ingest_file(store, path, config=config))
    if progress:
        progress(len(files), len(files), "")
    summary.seconds = time.perf_counter() - started
    return summary


def ingest_file(store: Store, path: str | Path, *, config: Config | None = None) -> FileOutcome:
    started = time.perf_counter()
    outcome = _ingest_file(store, Path(path), config)
    outcome.seconds = time.perf_counter() - started
    return outcome


def _ingest_file(store: Store, path: Path, config: Config | None) -> FileOutcome:
    source = str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        return FileOutcome(source, "failed", reason=_unreadable(exc))
    digest = hashlib.sha256(data).hexdigest()
    try:
        existing = _existing(store, digest)
    except StatementError as exc:
        return FileOutcome(source, "failed", reason=f"数据库错误 (database error): {_one_line(exc)}")
    if existing:
        return _unchanged(source, existing)
    prepared = _recognize(path, digest, len(data), config)
    if isinstance(prepared, FileOutcome):
        return prepared
    return write_prepared(store, prepared)


@dataclass
class Prepared:
    """A file read, recognized and checked, ready to be stored: what a worker process or a Dask
    worker sends back to the one process that writes the database."""

    path: str
    digest: str
    size: int
    disclosure: Disclosure
    findings: list[Finding]
    # the outline, template facts and performance tables (store/snapshot.py), made where the file
    # was read: a worker does not send the outline back
    snapshot: bytes | None = None


def prepare(path: str | Path, config: Config | None = None) -> Prepared | FileOutcome:
    """Read, recognize and check one file (no database): a `Prepared`, or the failed outcome."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        return FileOutcome(str(path), "failed", reason=_unreadable(exc))
    return _recognize(path, hashlib.sha256(data).hexdigest(), len(data), config)


def _unreadable(exc: OSError) -> str:
    if isinstance(exc, FileNotFoundError):
        return "文件不存在 (no such file)"
    return f"无法读取文件：{exc.strerror or exc}"


def _recognize(path: Path, digest: str, size: int, config: Config | None) -> Prepared | FileOutcome:
    source = str(path)
    try:
        disclosure, findings = pipeline.load(path, config)
    except ReadError as exc:
        return FileOutcome(source, "failed", reason=exc.reason)
    except Exception as exc:  # a bug in one file must not stop the batch
        return FileOutcome(source, "failed", reason=f"内部错误 (internal error): {type(exc).__name__}: {exc}")
    department = stored_department(disclosure)
    if not department and disclosure.year is None:
        return FileOutcome(
            source,
            "failed",
            kind=disclosure.kind,
            reason="未识别出部门和年度，无法归入数据库 (no department and no year recognized)",
        )
    try:
        kept = snapshot.dump(disclosure)
    except Exception as exc:  # a bug in one file must not stop the batch
        return FileOutcome(source, "failed", reason=f"内部错误 (internal error): {type(exc).__name__}: {exc}")
    return Prepared(source, digest, size, disclosure, findings, kept)


def write_prepared(store: Store, prepared: Prepared) -> FileOutcome:
    """Store one prepared file in one transaction (retried on a clash with another writer)."""
    source, digest, disclosure = prepared.path, prepared.digest, prepared.disclosure
    for attempt in range(RETRIES):
        try:
            with store.write() as session:
                existing = existing_in(session, digest)
                if existing:
                    return _unchanged(source, existing)
                doc_id, version = store_disclosure(
                    session, Path(source), digest, prepared.size, disclosure, prepared.findings, prepared.snapshot
                )
            department = stored_department(disclosure)
            return FileOutcome(source, "ingested", doc_id, version, department, disclosure.year, disclosure.kind)
        except (IntegrityError, OperationalError) as exc:
            # another process stored the same file / version / department first, or the database
            # was busy: this file's transaction is gone; try again from a clean state
            if attempt == RETRIES - 1:
                return FileOutcome(source, "failed", reason=f"数据库错误 (database error): {_one_line(exc)}")
            time.sleep(0.05 * (attempt + 1))
        except StatementError as exc:  # e.g. an amount that cannot be stored exactly
            if isinstance(exc.orig, AmountError):
                return FileOutcome(source, "failed", reason=str(exc.orig))
            return FileOutcome(source, "failed", reason=f"数据库错误 (database error): {_one_line(exc)}")
        except Exception as exc:
            return FileOutcome(source, "failed", reason=f"{type(exc).__name__}: {exc}")
    raise AssertionError("unreachable")


def stored_hashes(store: Store, digests: Iterable[str], chunk: int = 500) -> dict[str, object]:
    """The stored documents among these content hashes (one query per `chunk` hashes)."""
    wanted = list(dict.fromkeys(digests))
    found: dict[str, object] = {}
    with store.read() as session:
        for i in range(0, len(wanted), chunk):
            rows = session.execute(
                select(
                    Document.content_hash,
                    Document.id,
                    Document.version,
                    Document.department_printed,
                    Document.year,
                    Document.kind,
                ).where(Document.content_hash.in_(wanted[i : i + chunk]))
            )
            found.update((row.content_hash, row) for row in rows)
    return found


def _one_line(exc: StatementError) -> str:
    text = str(exc.orig if exc.orig is not None else exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def _existing(store: Store, digest: str):
    with store.read() as session:
        return existing_in(session, digest)


def existing_in(session, digest: str):
    """The stored document with this content hash (id, version, department, year, kind), or None;
    inside the caller's transaction (the web worker links an upload to it)."""
    return session.execute(
        select(Document.id, Document.version, Document.department_printed, Document.year, Document.kind).where(
            Document.content_hash == digest
        )
    ).first()


def _unchanged(source: str, row) -> FileOutcome:
    return FileOutcome(source, "unchanged", row.id, row.version, row.department_printed, row.year, row.kind)


# ---------------------------------------------------------------------------------------------
# writing one disclosure


# a blank template's placeholder for the name (上海市XX局, ××单位, 某某部门): not a department (the
# same placeholders recognition's blank-template test knows, and the signs and boxes of forms)
_PLACEHOLDER = re.compile(r"[XxＸｘ×✕*＊○〇□]{2,}|某某")


def stored_department(d: Disclosure) -> str | None:
    """The department a document is stored under: its printed name, unless the document is a blank
    template or the name a placeholder (then the department is unknown, and no department is made)."""
    if not d.department or d.template or _PLACEHOLDER.search(normalize_name(d.department)):
        return None
    return d.department


def _department_id(session, printed: str | None) -> int | None:
    if not printed:
        return None
    name = normalize_name(printed)[:300]
    if not name:
        return None
    found = session.scalar(select(Department.id).where(Department.name == name))
    if found is not None:
        return found
    return session.scalar(
        insert(Department).values(name=name, region=region_of(name), level=level_of(name)).returning(Department.id)
    )


def _next_version(session, department_id: int | None, year: int | None, family: str) -> int:
    if department_id is None:  # documents of unknown departments are not versions of one another
        return 1
    current = session.scalar(
        select(func.max(Document.version)).where(
            Document.department_id.is_not_distinct_from(department_id),
            Document.year.is_not_distinct_from(year),
            Document.family == family,
        )
    )
    return (current or 0) + 1


def store_disclosure(
    session, path: Path, digest: str, size: int, d: Disclosure, findings: list[Finding], kept: bytes | None = None
) -> tuple[int, int]:
    """Write one disclosure and its findings in the caller's transaction: (document id, version).
    `kept`: its snapshot (store/snapshot.py), made from the disclosure when not given."""
    if kept is None and d.outline is not None:
        kept = snapshot.dump(d)
    printed = stored_department(d)
    department_id = _department_id(session, printed)
    family = family_of(d.kind)
    version = _next_version(session, department_id, d.year, family)
    counts = severity_counts(findings)
    doc_id = session.scalar(
        insert(Document)
        .values(
            department_id=department_id,
            department_printed=printed[:300] if printed else None,
            kind=d.kind,
            family=family,
            year=d.year,
            unit=d.unit,
            version=version,
            source=d.source,
            filename=path.name,
            format=path.suffix.lower().lstrip(".") or "txt",
            content_hash=digest,
            size_bytes=size,
            ingested_at=datetime.now(UTC),
            errors=counts["error"],
            warnings=counts["warning"],
            notices=counts["notice"],
        )
        .returning(Document.id)
    )

    table_ids = _insert_many(
        session,
        StoredTable,
        [{"document_id": doc_id, "position": i, **table_record(t)} for i, t in enumerate(d.tables)],
    )
    row_params = []
    row_owner: list[tuple[int, int]] = []  # (table index, row index) per row parameter
    for ti, t in enumerate(d.tables):
        for ri, r in enumerate(t.rows):
            row_params.append({"table_id": table_ids[ti], "position": ri, **row_record(r)})
            row_owner.append((ti, ri))
    row_ids = _insert_many(session, StoredRow, row_params)
    row_id_of = dict(zip(row_owner, row_ids, strict=True))

    items = [
        {
            "document_id": doc_id,
            "table_id": table_ids[ti],
            "row_id": row_id_of[(ti, ri)],
            "code": r.code,
            "name": r.name,
            "key": r.key,
            "column": column,
            "amount": v.amount,
            "decimals": v.decimals,
            "text": None if v.text == format_amount(v.amount, v.decimals) else v.text[:64],
            "issue": v.issue[:200] if v.issue else None,
            "line": v.location.line,
            "col": v.location.column,
            "page": v.location.page,
        }
        for ti, _, ri, r, column, v in cells(d)
    ]
    if items:
        session.connection().execute(_table(LineItem).insert(), items)

    if kept is not None:
        session.connection().execute(_table(Narrative).insert(), [{"document_id": doc_id, "snapshot": kept}])

    if d.claims:
        session.connection().execute(
            _table(Claim).insert(),
            [{"document_id": doc_id, "position": i, **claim_record(c, d.source)} for i, c in enumerate(d.claims)],
        )

    if findings:
        session.connection().execute(
            _table(StoredFinding).insert(),
            [
                {
                    "document_id": doc_id,
                    "position": i,
                    "rule": f.rule,
                    "severity": f.severity,
                    "message": f.message,
                    "table_ref": f.table,
                    "table_title": f.table_title,
                    "table_id": table_ids[ti] if ti is not None else None,
                    "row_id": row_id_of[(ti, ri)] if ti is not None and ri is not None else None,
                    "row_label": f.row,
                    "column_label": f.column,
                    "expected": decimal_text(f.expected),
                    "found": decimal_text(f.found),
                    "difference": decimal_text(f.difference),
                    "fingerprint": f.fingerprint,
                    **finding_location(f),
                    "related": [loc.to_dict() for loc in f.related],
                }
                for i, (f, (ti, ri)) in enumerate(zip(findings, finding_targets(d, findings), strict=True))
            ],
        )
    return doc_id, version


def _table(model) -> Table:
    """The Core table of a mapped class (typed: `__table__` is a FromClause to the type checker)."""
    table = model.__table__
    assert isinstance(table, Table)
    return table


def _insert_many(session, model, params: list[dict]) -> list[int]:
    if not params:
        return []
    # Core executemany (batched INSERT … RETURNING), ids in the order of the parameters
    table = _table(model)
    result = session.connection().execute(table.insert().returning(table.c.id, sort_by_parameter_order=True), params)
    return list(result.scalars())


# ---------------------------------------------------------------------------------------------
# many files on many workers: the workers read, recognize and check; this process writes


class Workers(Protocol):
    """Where `prepare` runs: a process pool (yjsgk.cluster.ProcessWorkers) or a Dask cluster
    (yjsgk.cluster.DaskWorkers). `submit` hands over one file; `wait` blocks until at least one
    is done and returns (index, Prepared or failed FileOutcome) pairs. A worker that dies or a
    file that hangs is the implementation's to retry once and then report as a failed outcome."""

    slots: int  # files to keep in flight so that every worker is busy

    def submit(self, index: int, path: str) -> None: ...

    def wait(self) -> list[tuple[int, Prepared | FileOutcome]]: ...


def ingest_parallel(
    paths: Sequence[str | Path],
    store: Store,
    workers: Workers,
    *,
    progress: Callable[..., None] | None = None,
) -> IngestSummary:
    """Ingest on `workers`; this process hashes, skips what is stored and writes the results.

    Files already stored (by SHA-256, looked up in batches) are `unchanged` and never sent, so a
    run that stopped is resumed by running it again. Results are written in the order of the
    input, one transaction per file, so versions (and, in a fresh database, ids) come out as a
    serial `ingest` gives them; a file that takes long holds back at most a window of results.
    """
    files = [str(p) for p in paths]
    summary = IngestSummary()
    started = time.perf_counter()
    outcomes: list[FileOutcome | None] = [None] * len(files)
    digests: dict[int, str] = {}
    for i, source in enumerate(files):
        try:
            digests[i] = _file_digest(Path(source))
        except OSError as exc:
            outcomes[i] = FileOutcome(source, "failed", reason=_unreadable(exc))
    try:
        stored = stored_hashes(store, digests.values())
    except StatementError as exc:
        raise ReadError(store.display_url, f"数据库错误 (database error): {_one_line(exc)}") from exc
    todo: list[int] = []
    for i, digest in digests.items():
        if digest in stored:
            outcomes[i] = _unchanged(files[i], stored[digest])
        else:
            todo.append(i)
    done = sum(o is not None for o in outcomes)
    failed = sum(o is not None and o.status == "failed" for o in outcomes)

    def report(current: str) -> None:
        if progress:
            progress(done, len(files), current, failed=failed)

    report("")
    ready: dict[int, Prepared | FileOutcome] = {}
    submitted = written = in_flight = 0
    window = max(4 * workers.slots, 32)  # results held back behind a slow file, at most
    while written < len(todo):
        while submitted < len(todo) and in_flight < workers.slots and submitted - written < window:
            workers.submit(todo[submitted], files[todo[submitted]])
            submitted += 1
            in_flight += 1
        for index, result in workers.wait():
            ready[index] = result
            in_flight -= 1
        while written < len(todo) and todo[written] in ready:
            index = todo[written]
            result = ready.pop(index)
            t = time.perf_counter()
            outcome = result if isinstance(result, FileOutcome) else write_prepared(store, result)
            outcome.seconds += time.perf_counter() - t
            outcomes[index] = outcome
            written += 1
            done += 1
            failed += outcome.status == "failed"
            report(files[index])
    summary.outcomes = [o for o in outcomes if o is not None]
    summary.seconds = time.perf_counter() - started
    report("")
    return summary


def _file_digest(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()
