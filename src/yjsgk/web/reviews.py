"""Review marks: confirmed, false positive (with a reason) or fixed, kept per finding fingerprint
and document content (SHA-256), so a mark stays while re-analysis finds the same finding; counts
per document, the team's list, and the CLI baseline of the findings dismissed."""

from __future__ import annotations

import tempfile
from collections import Counter, defaultdict
from pathlib import Path

from sqlalchemy import delete, select

from ..baseline import write_baseline
from ..store.db import Store
from ..store.documents import DocumentNotFound, load_document
from ..store.models import Document, StoredFinding
from ..store.web_models import Review, Upload, User
from .auth import Principal, audit, now

STATUSES = {"confirmed": "确认问题", "false_positive": "误报", "fixed": "已更正"}
REVIEWED_SEVERITIES = ("error", "warning")  # notices are information: counted apart, markable all the same


class ReviewError(Exception):
    def __init__(self, message: str, status: int = 422):
        super().__init__(message)
        self.status = status


def _mark_dict(review: Review, user: str | None) -> dict:
    return {
        "status": review.status,
        "label": STATUSES.get(review.status, review.status),
        "reason": review.reason,
        "user": user,
        "at": review.updated_at.isoformat(timespec="seconds") if review.updated_at else None,
    }


def marks_for(store: Store, content_hash: str) -> dict[str, dict]:
    with store.read() as session:
        rows = session.execute(
            select(Review, User.name)
            .outerjoin(User, User.id == Review.user_id)
            .where(Review.content_hash == content_hash)
        ).all()
    return {r.fingerprint: _mark_dict(r, name) for r, name in rows}


def findings_with_marks(
    store: Store, upload: Upload, *, severity: str | None = None, rule: str | None = None
) -> list[dict]:
    findings = list((upload.result or {}).get("findings", []))
    marks = marks_for(store, upload.content_hash)
    out = []
    for f in findings:
        if severity and f.get("severity") != severity:
            continue
        if rule and not (f.get("rule") == rule or str(f.get("rule", "")).startswith(rule.rstrip(".") + ".")):
            continue
        out.append({**f, "review": marks.get(f["fingerprint"])})
    return out


def mark(
    store: Store, fingerprint: str, status: str, reason, user: Principal, *, upload_id: int | None = None
) -> dict | None:
    """Set (or with status "open", clear) the mark of one finding of one document."""
    if status not in (*STATUSES, "open"):
        raise ReviewError(f"status 应为 {', '.join([*STATUSES, 'open'])} 之一")
    reason = (str(reason).strip() if reason is not None else "") or None
    if status == "false_positive" and not reason:
        raise ReviewError("标为误报时须说明理由（reason）")
    if reason and len(reason) > 2000:
        raise ReviewError("理由过长（上限 2000 字）")
    with store.write() as session:
        hashes = _hashes_with(session, fingerprint, upload_id)
        if not hashes:
            raise ReviewError(f"没有指纹为 {fingerprint} 的问题", 404)
        if len(hashes) > 1:
            raise ReviewError("多个文件有此指纹的问题：请给出 document（上传编号）", 409)
        ((content_hash, filename),) = hashes.items()
        session.execute(delete(Review).where(Review.fingerprint == fingerprint, Review.content_hash == content_hash))
        result = None
        if status != "open":
            review = Review(
                fingerprint=fingerprint,
                content_hash=content_hash,
                status=status,
                reason=reason,
                user_id=user.id,
                updated_at=now(),
            )
            session.add(review)
            result = _mark_dict(review, user.name)
        audit(session, user, f"review.{status}", f"{filename} {fingerprint}", {"reason": reason})
    return result


def _hashes_with(session, fingerprint: str, upload_id: int | None) -> dict[str, str]:
    """Content hash → file name of the documents that have a finding with this fingerprint."""
    uploads = session.execute(
        select(Upload.id, Upload.content_hash, Upload.filename, Upload.result).where(
            Upload.id == upload_id if upload_id is not None else Upload.status == "done"
        )
    ).all()
    found = {
        h: name
        for _, h, name, result in uploads
        if any(f.get("fingerprint") == fingerprint for f in (result or {}).get("findings", []))
    }
    if upload_id is None:
        stored = session.execute(
            select(Document.content_hash, Document.filename)
            .join(StoredFinding, StoredFinding.document_id == Document.id)
            .where(StoredFinding.fingerprint == fingerprint)
        ).all()
        found.update({h: name for h, name in stored if h not in found})
    return found


def counts(findings: list[dict], marks: dict[str, dict]) -> dict[str, int]:
    """open / confirmed / dismissed / fixed among the errors and warnings; notices apart."""
    out = Counter({"open": 0, "confirmed": 0, "dismissed": 0, "fixed": 0, "notices": 0})
    for f in findings:
        if f["severity"] not in REVIEWED_SEVERITIES:
            out["notices"] += 1
            continue
        status = (marks.get(f["fingerprint"]) or {}).get("status")
        out[{"confirmed": "confirmed", "false_positive": "dismissed", "fixed": "fixed"}.get(status or "", "open")] += 1
    return dict(out)


def document_rows(store: Store) -> list[dict]:
    """Every upload with its state, what was recognized and the review counts."""
    with store.read() as session:
        uploads = session.execute(
            select(
                Upload.id,
                Upload.filename,
                Upload.status,
                Upload.reason,
                Upload.content_hash,
                Upload.document_id,
                Upload.created_at,
                Document.department_printed,
                Document.year,
                Document.kind,
            )
            .outerjoin(Document, Document.id == Upload.document_id)
            .order_by(Upload.id.desc())
        ).all()
        doc_ids = [u.document_id for u in uploads if u.document_id is not None]
        stored = session.execute(
            select(StoredFinding.document_id, StoredFinding.fingerprint, StoredFinding.severity).where(
                StoredFinding.document_id.in_(doc_ids or [-1])
            )
        ).all()
        marks = session.execute(select(Review.content_hash, Review.fingerprint, Review.status)).all()
        unstored = (
            {
                uid: result
                for uid, result in session.execute(
                    select(Upload.id, Upload.result).where(Upload.document_id.is_(None), Upload.status == "done")
                ).all()
            }
            if any(u.document_id is None and u.status == "done" for u in uploads)
            else {}
        )
    by_doc: dict[int, list[dict]] = defaultdict(list)
    for doc_id, fp, severity in stored:
        by_doc[doc_id].append({"fingerprint": fp, "severity": severity})
    by_hash: dict[str, dict[str, dict]] = defaultdict(dict)
    for h, fp, status in marks:
        by_hash[h][fp] = {"status": status}
    rows = []
    for u in uploads:
        if u.document_id is not None:
            findings = by_doc.get(u.document_id, [])
        else:
            findings = list((unstored.get(u.id) or {}).get("findings", []))
        severities = Counter(f["severity"] for f in findings)
        rows.append(
            {
                "id": u.id,
                "filename": u.filename,
                "status": u.status,
                "reason": u.reason,
                "department": u.department_printed,
                "year": u.year,
                "kind": u.kind,
                "uploaded": u.created_at.isoformat(timespec="seconds") if u.created_at else None,
                "errors": severities["error"],
                "warnings": severities["warning"],
                "review": counts(findings, by_hash.get(u.content_hash, {})) if u.status == "done" else None,
            }
        )
    return rows


def all_marks(store: Store) -> list[dict]:
    """Every mark with the finding it is on (from the newest analysis of its document)."""
    with store.read() as session:
        rows = session.execute(
            select(Review, User.name).outerjoin(User, User.id == Review.user_id).order_by(Review.updated_at.desc())
        ).all()
        uploads = session.execute(select(Upload.id, Upload.content_hash, Upload.filename, Upload.result)).all()
    by_hash = {
        h: (uid, name, {f["fingerprint"]: f for f in (result or {}).get("findings", [])})
        for uid, h, name, result in uploads
    }
    out = []
    for review, user in rows:
        uid, name, findings = by_hash.get(review.content_hash, (None, None, {}))
        f = findings.get(review.fingerprint, {})
        out.append(
            {
                "document": uid,
                "filename": name,
                "sha256": review.content_hash,
                "fingerprint": review.fingerprint,
                "rule": f.get("rule"),
                "severity": f.get("severity"),
                "message": f.get("message"),
                "page": (f.get("location") or {}).get("page"),
                "present": bool(f),  # the newest analysis still finds it
                **_mark_dict(review, user),
            }
        )
    return out


def baseline_text(store: Store, *, upload_id: int | None = None) -> str:
    """The findings marked false positive, as the baseline file `yjsgk check --baseline` reads
    (written by yjsgk.baseline.write_baseline from the stored findings)."""
    with store.read() as session:
        query = select(Review.fingerprint, Review.content_hash).where(Review.status == "false_positive")
        dismissed = session.execute(query).all()
        doc_of = dict(session.execute(select(Document.content_hash, Document.id)).all())
        if upload_id is not None:
            only = session.scalar(select(Upload.content_hash).where(Upload.id == upload_id))
            dismissed = [d for d in dismissed if d.content_hash == only]
    wanted: dict[int, set[str]] = defaultdict(set)
    for fp, h in dismissed:
        if h in doc_of:
            wanted[doc_of[h]].add(fp)
    hash_of = {doc_id: h for h, doc_id in doc_of.items()}
    documents = []  # keyed on the file's SHA-256, as `check --write-baseline` writes them
    for doc_id, fps in sorted(wanted.items()):
        try:
            stored = load_document(store, doc_id)
        except DocumentNotFound:
            continue
        documents.append((hash_of[doc_id], [f for f in stored.findings if f.fingerprint in fps]))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "baseline.json"
        write_baseline(path, documents)
        return path.read_text(encoding="utf-8")


def csv_text(store: Store) -> str:
    import csv
    import io

    out = io.StringIO()
    fields = [
        "document",
        "filename",
        "sha256",
        "fingerprint",
        "rule",
        "severity",
        "page",
        "message",
        "status",
        "label",
        "reason",
        "user",
        "at",
        "present",
    ]
    writer = csv.DictWriter(out, fieldnames=fields, extrasaction="ignore")
    writer.writeheader()
    for row in all_marks(store):
        writer.writerow(row)
    return "\ufeff" + out.getvalue()  # a BOM, so that Excel reads 汉字 as UTF-8


__all__ = ["STATUSES", "ReviewError", "all_marks", "baseline_text", "counts", "csv_text", "document_rows", "mark"]
