"""Stored documents back as the model: a `Disclosure` and its findings, as when they were ingested,
and as the `Bundle`s the exports write (`load_bundle`, `corpus_bundles`)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy import select

from ..check.findings import Finding
from ..document import Location
from ..errors import YjsgkError
from ..model import Disclosure, Row, Table, Value
from ..records import CLAIM_FIELDS, READING_FIELDS, Bundle, Target, is_earlier
from . import snapshot
from .db import Store
from .models import Claim, Department, Document, LineItem, Narrative, StoredFinding, StoredRow, StoredTable
from .types import format_amount, printed


class DocumentNotFound(YjsgkError):
    pass


@dataclass
class StoredDocument:
    """A document of the corpus: where it came from, its place among versions, and its content."""

    id: int
    department: str | None  # normalized name
    region: str | None
    level: str | None
    kind: str
    family: str
    year: int | None
    version: int
    content_hash: str
    source: str
    filename: str
    disclosure: Disclosure
    findings: list[Finding] = field(default_factory=list)
    claims: list[dict] = field(default_factory=list)
    # (table index, row index) each finding points at, for links in exports
    finding_targets: list[Target] = field(default_factory=list)

    def meta(self) -> dict:
        return {
            "id": self.id,
            "department": self.department,
            "region": self.region,
            "level": self.level,
            "kind": self.kind,
            "family": self.family,
            "year": self.year,
            "version": self.version,
            "content_hash": self.content_hash,
            "source": self.source,
            "filename": self.filename,
        }

    def bundle(self) -> Bundle:
        return Bundle(self.disclosure, self.findings, self.meta(), self.finding_targets, self.claims)


def resolve_document(store: Store, ref: str | int) -> int:
    """A document id (`12`, `#12`) or a prefix of its content hash (at least 6 hex digits) → id."""
    text = str(ref).strip().lstrip("#")
    with store.read() as session:
        if text.isdigit() and session.get(Document, int(text)) is not None:
            return int(text)
        if len(text) >= 6 and all(c in "0123456789abcdef" for c in text.lower()):
            ids = session.scalars(select(Document.id).where(Document.content_hash.startswith(text.lower()))).all()
            if len(ids) == 1:
                return ids[0]
            if len(ids) > 1:
                raise DocumentNotFound(f"{ref}: 有 {len(ids)} 个文件的哈希以此开头，请写长一些")
    raise DocumentNotFound(f"{ref}: 数据库中没有这个文件（用文件编号或内容哈希的前缀）")


def load_document(store: Store, document_id: int, *, narrative: bool = False) -> StoredDocument:
    """A stored document; with `narrative`, its disclosure has its outline, template facts,
    performance tables and claims back (store/snapshot.py), as the file would be read by the
    checks across documents (`check --db`)."""
    with store.read() as session:
        doc = session.get(Document, document_id)
        if doc is None:
            raise DocumentNotFound(f"#{document_id}: 数据库中没有这个文件")
        dept = session.get(Department, doc.department_id) if doc.department_id else None
        tables = session.scalars(
            select(StoredTable).where(StoredTable.document_id == doc.id).order_by(StoredTable.position)
        ).all()
        table_index = {t.id: i for i, t in enumerate(tables)}
        rows = session.scalars(
            select(StoredRow)
            .where(StoredRow.table_id.in_(list(table_index) or [-1]))
            .order_by(StoredRow.table_id, StoredRow.position)
        ).all()
        items = session.scalars(select(LineItem).where(LineItem.document_id == doc.id).order_by(LineItem.id)).all()
        stored_findings = session.scalars(
            select(StoredFinding).where(StoredFinding.document_id == doc.id).order_by(StoredFinding.position)
        ).all()
        claims = session.scalars(select(Claim).where(Claim.document_id == doc.id).order_by(Claim.position)).all()
        kept = session.get(Narrative, doc.id) if narrative else None
        blob = kept.snapshot if kept is not None else None

    source = doc.source
    model_tables: list[Table] = []
    for t in tables:
        model_tables.append(
            Table(
                id=t.standard_id,
                title=t.title,
                standard_title=t.standard_title,
                location=Location(source, t.line, t.page),
                number=t.number,
                columns=list(t.columns),
                column_labels={c: label for c, label in t.column_labels.items() if not is_earlier(c)},
                earlier_labels={c: label for c, label in t.column_labels.items() if is_earlier(c)},
                notes=list(t.notes),
                unit=t.unit,
                **{k: v for k, v in (t.reading or {}).items() if k in READING_FIELDS},
            )
        )
    row_index: dict[int, tuple[int, int]] = {}
    model_rows: dict[int, Row] = {}
    for r in rows:
        ti = table_index[r.table_id]
        row = Row(
            name=r.name,
            location=Location(source, r.line, r.page),
            code=r.code,
            key=r.key,
            side=r.side,
            cells=list(r.cells) if r.cells is not None else None,
            unit_code=r.unit_code,
        )
        row_index[r.id] = (ti, len(model_tables[ti].rows))
        model_tables[ti].rows.append(row)
        model_rows[r.id] = row
    for item in items:
        amount = printed(item.amount, item.decimals)
        row = model_rows[item.row_id]
        (row.earlier if is_earlier(item.column) else row.values)[item.column] = Value(
            amount=amount,
            text=item.text or format_amount(amount, item.decimals),
            decimals=item.decimals,
            location=Location(source, item.line, item.page, item.col),
            issue=item.issue,
        )
    disclosure = Disclosure(
        source=source,
        kind=doc.kind,
        department=doc.department_printed,
        year=doc.year,
        unit=doc.unit,
        tables=model_tables,
    )
    if blob is not None:
        snapshot.restore(disclosure, blob)
    findings = []
    targets: list[Target] = []
    for f in stored_findings:
        findings.append(
            Finding(
                rule=f.rule,
                severity=f.severity,
                message=f.message,
                table=f.table_ref,
                table_title=f.table_title,
                row=f.row_label,
                column=f.column_label,
                expected=_decimal(f.expected),
                found=_decimal(f.found),
                difference=_decimal(f.difference),
                location=Location(f.source, f.line, f.page, f.col) if f.source is not None else None,
                related=[_location(loc) for loc in f.related],
            )
        )
        if f.row_id is not None and f.row_id in row_index:
            targets.append(row_index[f.row_id])
        elif f.table_id is not None and f.table_id in table_index:
            targets.append((table_index[f.table_id], None))
        else:
            targets.append((None, None))
    return StoredDocument(
        id=doc.id,
        department=dept.name if dept else None,
        region=dept.region if dept else None,
        level=dept.level if dept else None,
        kind=doc.kind,
        family=doc.family,
        year=doc.year,
        version=doc.version,
        content_hash=doc.content_hash,
        source=doc.source,
        filename=doc.filename,
        disclosure=disclosure,
        findings=findings,
        claims=[{k: getattr(c, k) for k in CLAIM_FIELDS} for c in claims],
        finding_targets=targets,
    )


def load_bundle(store: Store, document_id: int) -> Bundle:
    return load_document(store, document_id).bundle()


def corpus_bundles(store: Store, *, all_versions: bool = False, **filters) -> Iterator[Bundle]:
    """Every stored document (newest versions unless all_versions), in department/year order."""
    from . import queries

    for row in queries.documents(store, all_versions=all_versions, **filters).rows:
        yield load_bundle(store, row["document_id"])


def _location(data: dict) -> Location:
    bbox = data.get("bbox")
    return Location(
        data["source"], data.get("line"), data.get("page"), data.get("column"), tuple(bbox) if bbox else None
    )


def _decimal(text: str | None) -> Decimal | None:
    return None if text is None else Decimal(text)
