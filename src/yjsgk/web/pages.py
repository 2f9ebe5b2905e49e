"""Server-rendered pages: log in, documents, upload, a document with its tables, findings and
evidence, review marks, the corpus (matrix, department, findings by rule, ranking), users."""

from __future__ import annotations

import asyncio
import json
import threading
from collections import OrderedDict, defaultdict
from itertools import zip_longest
from pathlib import Path
from typing import TYPE_CHECKING

from fastapi import FastAPI, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from sqlalchemy import select

from ..model import KIND_LABELS
from ..store import queries
from ..store.documents import DocumentNotFound, load_document
from ..store.web_models import AuditEntry, Upload, User
from . import auth, charts, extras, reviews
from . import evidence as evidence_glue

if TYPE_CHECKING:
    from .app import Web

HERE = Path(__file__).parent
templates = Jinja2Templates(directory=HERE / "templates")
SEVERITY_LABELS = {"error": "错误", "warning": "警告", "notice": "提示"}
STATUS_LABELS = {"queued": "排队中", "running": "处理中", "done": "完成", "failed": "失败"}
templates.env.globals.update(
    SEVERITY_LABELS=SEVERITY_LABELS,
    STATUS_LABELS=STATUS_LABELS,
    REVIEW_LABELS=reviews.STATUSES,
    ROLE_LABELS=auth.ROLE_LABELS,
    KIND_LABELS=KIND_LABELS,
    FAMILY_LABELS=queries.FAMILY_LABELS,
)
_SEVERITY_ORDER = {"error": 0, "warning": 1, "notice": 2}


def _render(request: Request, template: str, user, **context) -> HTMLResponse:
    return templates.TemplateResponse(request, template, {"user": user, **context})


def register(app: FastAPI, web: Web) -> None:
    from .app import (
        COOKIE,
        PRE_CSRF,
        _upload,
        attachment,
        client_key,
        form_user,
        page_user,
        reanalyse,
        receive_files,
        temp_path,
    )

    @app.exception_handler(HTTPException)
    async def _http_error(request: Request, exc: HTTPException):
        if request.url.path.startswith("/api/") or "text/html" not in request.headers.get("accept", ""):
            from fastapi.exception_handlers import http_exception_handler

            return await http_exception_handler(request, exc)
        return templates.TemplateResponse(
            request,
            "error.html",
            {"user": None, "status": exc.status_code, "detail": exc.detail},
            status_code=exc.status_code,
        )

    # -- logging in -------------------------------------------------------------------------

    @app.get("/login", include_in_schema=False)
    def login_page(request: Request, next: str = "/documents", error: str | None = None):
        import secrets

        token = request.cookies.get(PRE_CSRF) or secrets.token_urlsafe(24)
        with web.store.read() as session:
            first_run = session.scalar(select(User.id).limit(1)) is None
        response = _render(
            request, "login.html", None, next=_safe_next(next), error=error, csrf=token, first_run=first_run
        )
        response.set_cookie(PRE_CSRF, token, httponly=True, samesite="strict", secure=web.secure_cookies, path="/login")
        return response

    @app.post("/login", include_in_schema=False)
    async def login(request: Request):
        form = await request.form()
        name, password = str(form.get("name", "")), str(form.get("password", ""))
        target = _safe_next(str(form.get("next", "/documents")))
        expected = request.cookies.get(PRE_CSRF)
        if not expected or not auth.csrf_ok(expected, form.get("csrf")):  # type: ignore[arg-type]
            raise HTTPException(403, "CSRF 校验失败：请刷新登录页后重试")
        keys = (client_key(request), f"name:{name}")
        wait = web.limiter.blocked(*keys)
        if wait:
            error = f"登录失败次数过多，请 {int(wait) + 1} 秒后再试"
            return _login_page(request, target, expected, error, 429)
        user = await asyncio.to_thread(auth.authenticate, web.store, name, password)
        if user is None:
            web.limiter.failed(*keys)
            return _login_page(request, target, expected, "用户名或密码不正确", 401)
        web.limiter.succeeded(*keys)
        token, _ = auth.open_session(web.store, user, "cookie")
        response = RedirectResponse(target, status_code=303)
        response.set_cookie(
            COOKIE, token, httponly=True, samesite="lax", secure=web.secure_cookies, max_age=auth.SESSION_HOURS * 3600
        )
        response.delete_cookie(PRE_CSRF, path="/login")
        return response

    @app.post("/logout", include_in_schema=False)
    async def logout(request: Request):
        await form_user(request, "viewer")
        auth.close_session(web.store, request.cookies.get(COOKIE, ""))
        response = RedirectResponse("/login", status_code=303)
        response.delete_cookie(COOKIE)
        return response

    # -- documents ---------------------------------------------------------------------------

    @app.get("/", include_in_schema=False)
    def home(request: Request):
        page_user(request)
        return RedirectResponse("/documents", status_code=303)

    @app.get("/documents", include_in_schema=False)
    def documents_page(request: Request):
        user = page_user(request)
        return _render(request, "documents.html", user, rows=reviews.document_rows(web.store))

    @app.get("/upload", include_in_schema=False)
    def upload_page(request: Request):
        user = page_user(request, "reviewer")
        return _render(request, "upload.html", user, limits=web.limits)

    @app.post("/upload", include_in_schema=False)
    async def upload_form(request: Request):
        """The upload form without JavaScript: files posted with the CSRF field."""
        user = page_user(request, "reviewer")
        # the CSRF token is a form field here; read it without consuming the files twice
        form = await request.form(max_files=web.limits.files, max_fields=50)
        if not auth.csrf_ok(user.csrf, form.get("csrf")):  # type: ignore[arg-type]
            raise HTTPException(403, "CSRF 校验失败：请刷新页面后重试")
        status, body = await receive_files(request, web, user)
        return _render(request, "upload.html", user, limits=web.limits, result=body, status=status)

    @app.get("/documents/{upload_id}", include_in_schema=False)
    def document_page(request: Request, upload_id: int, severity: str | None = None, rule: str | None = None):
        user = page_user(request)
        upload = _upload(web, upload_id)
        return _render(request, "document.html", user, **_document_context(web, upload, severity, rule))

    @app.post("/documents/{upload_id}/reanalyse", include_in_schema=False)
    async def reanalyse_form(request: Request, upload_id: int):
        user, _ = await form_user(request, "reviewer")
        upload = _upload(web, upload_id)
        reanalyse(web, upload, user)
        return RedirectResponse(f"/documents/{upload_id}", status_code=303)

    @app.post("/documents/{upload_id}/review/{fingerprint}", include_in_schema=False)
    async def review_form(request: Request, upload_id: int, fingerprint: str):
        user, form = await form_user(request, "reviewer")
        try:
            reviews.mark(
                web.store, fingerprint, str(form.get("status", "")), form.get("reason"), user, upload_id=upload_id
            )
        except reviews.ReviewError as exc:
            raise HTTPException(exc.status, str(exc)) from None
        back = str(form.get("back") or f"/documents/{upload_id}")
        return RedirectResponse(f"{_safe_next(back)}#f-{fingerprint}", status_code=303)

    @app.get("/documents/{upload_id}/evidence/{fingerprint}/{index}.png", include_in_schema=False)
    def evidence_png(request: Request, upload_id: int, fingerprint: str, index: int):
        page_user(request)
        upload = _upload(web, upload_id)
        finding = next((f for f in (upload.result or {}).get("findings", []) if f["fingerprint"] == fingerprint), None)
        if finding is None:
            raise HTTPException(404, "没有这个问题")
        data = evidence_glue.crop_png(Path(upload.stored_path), finding, index, upload.content_hash)
        if data is None:
            raise HTTPException(404, "没有页面截图")
        return Response(data, media_type="image/png", headers={"Cache-Control": "private, max-age=3600"})

    @app.get("/documents/{upload_id}/download/{kind}", include_in_schema=False)
    def download(request: Request, upload_id: int, kind: str):
        page_user(request)
        upload = _upload(web, upload_id)
        stem = Path(upload.filename).stem
        if kind == "json":
            if upload.result is None:
                raise HTTPException(404, "尚无结果")
            payload = {"schema": 1, "documents": [upload.result], "unreadable": []}
            body = json.dumps(payload, ensure_ascii=False, indent=2)
            return Response(body, media_type="application/json", headers=attachment(f"{stem}.json"))
        if kind == "baseline":
            body = reviews.baseline_text(web.store, upload_id=upload_id)
            return Response(body, media_type="application/json", headers=attachment(f"{stem}-baseline.json"))
        if kind == "original":
            return Response(
                Path(upload.stored_path).read_bytes(),
                media_type="application/octet-stream",
                headers=attachment(upload.filename),
            )
        if upload.document_id is None:
            raise HTTPException(404, "该文件未入库，无此下载")
        bundle = load_document(web.store, upload.document_id).bundle()
        if kind == "xlsx":
            from ..export import excel

            path = temp_path(".xlsx")
            try:
                excel.write_document(bundle, path)
                data = path.read_bytes()
            finally:
                path.unlink(missing_ok=True)
            return Response(
                data,
                media_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                headers=attachment(f"{stem}.xlsx"),
            )
        if kind == "html" and extras.html_report() is not None:
            stored = load_document(web.store, upload.document_id)
            with evidence_glue.LOCK:
                body = extras.html_report().render([(stored.disclosure, stored.findings)], [])  # type: ignore[union-attr]
            return Response(body, media_type="text/html; charset=utf-8", headers=attachment(f"{stem}-审核报告.html"))
        if kind == "pdf" and extras.annotate() is not None and upload.stored_path.lower().endswith(".pdf"):
            path = temp_path(".pdf")
            try:
                with evidence_glue.LOCK:
                    extras.annotate().annotate(upload.stored_path, path, (upload.result or {}).get("findings", []))  # type: ignore[union-attr]
                data = path.read_bytes()
            finally:
                path.unlink(missing_ok=True)
            return Response(data, media_type="application/pdf", headers=attachment(f"{stem}-批注.pdf"))
        raise HTTPException(404, "没有这种下载")

    # -- reviews -----------------------------------------------------------------------------

    @app.get("/reviews", include_in_schema=False)
    def reviews_page(request: Request):
        user = page_user(request)
        return _render(request, "reviews.html", user, marks=reviews.all_marks(web.store))

    @app.get("/reviews/export.csv", include_in_schema=False)
    def reviews_csv(request: Request):
        page_user(request)
        return Response(
            reviews.csv_text(web.store), media_type="text/csv; charset=utf-8", headers=attachment("审核标记.csv")
        )

    @app.get("/reviews/baseline.json", include_in_schema=False)
    def reviews_baseline(request: Request):
        page_user(request)
        return Response(
            reviews.baseline_text(web.store), media_type="application/json", headers=attachment("yjsgk-baseline.json")
        )

    # -- corpus ------------------------------------------------------------------------------

    @app.get("/corpus", include_in_schema=False)
    def corpus_page(request: Request, region: str | None = None):
        user = page_user(request)
        return _render(request, "corpus.html", user, region=region or "", **_matrix(web, region))

    @app.get("/corpus/department", include_in_schema=False)
    def department_page(request: Request, name: str):
        user = page_user(request)
        overview = queries.department_overview(web.store, name)
        if not overview.rows:
            raise HTTPException(404, f"数据库中没有部门 {name}")
        classes = queries.department_classes(web.store, name)
        figures = charts.department_figures(overview, classes)
        with web.store.read() as session:
            uploads = dict(session.execute(select(Upload.content_hash, Upload.id)).all())
        return _render(
            request,
            "department.html",
            user,
            name=name,
            overview=overview,
            figures=figures,
            uploads=uploads,
            measures=queries.OVERVIEW_MEASURES,
        )

    @app.get("/corpus/findings", include_in_schema=False)
    def corpus_findings(request: Request, severity: str | None = None):
        user = page_user(request)
        result = queries.findings_count(web.store, by=("rule", "severity"), severities=[severity] if severity else [])
        figure = charts.rule_figure(result)
        return _render(request, "corpus_findings.html", user, result=result, figure=figure, severity=severity or "")

    @app.get("/corpus/rank", include_in_schema=False)
    def rank_page(
        request: Request,
        year: int | None = None,
        measure: str = "expenditure",
        region: str | None = None,
        family: str = "final",
    ):
        user = page_user(request)
        years = sorted({r["year"] for r in queries.documents(web.store).rows if r["year"]}, reverse=True)
        result = None
        figure = None
        error = None
        year = year or (years[0] if years else None)
        if year is not None:
            try:
                result = queries.rank(web.store, year=year, measure_id=measure, region=region or None, family=family)
                figure = charts.rank_figure(result)
            except Exception as exc:  # an unknown measure: say so on the page
                error = str(exc)
        return _render(
            request,
            "rank.html",
            user,
            years=years,
            year=year,
            measure=measure,
            region=region or "",
            family=family,
            result=result,
            figure=figure,
            error=error,
            measures=charts.RANK_MEASURES,
        )

    @app.get("/docs", include_in_schema=False)
    def api_docs(request: Request):
        """The OpenAPI description (/openapi.json) as a page, rendered here: no script from elsewhere."""
        spec = app.openapi()
        routes = [
            {"path": path, "method": method.upper(), **op}
            for path, ops in spec["paths"].items()
            for method, op in ops.items()
        ]
        return templates.TemplateResponse(request, "api_docs.html", {"user": None, "spec": spec, "routes": routes})

    # -- users (admins) ----------------------------------------------------------------------

    @app.get("/users", include_in_schema=False)
    def users_page(request: Request, error: str | None = None):
        user = page_user(request, "admin")
        with web.store.read() as session:
            users = session.scalars(select(User).order_by(User.name)).all()
            log = session.scalars(select(AuditEntry).order_by(AuditEntry.id.desc()).limit(200)).all()
        return _render(request, "users.html", user, users=users, log=log, error=error)

    @app.post("/users", include_in_schema=False)
    async def users_add(request: Request):
        user, form = await form_user(request, "admin")
        try:
            auth.add_user(
                web.store, str(form.get("name", "")), str(form.get("role", "")), str(form.get("password", "")), by=user
            )
        except auth.AccountError as exc:
            return RedirectResponse(f"/users?error={exc}", status_code=303)
        return RedirectResponse("/users", status_code=303)


def _login_page(request: Request, target: str, csrf: str, error: str, status: int) -> HTMLResponse:
    context = {"user": None, "next": target, "csrf": csrf, "error": error}
    return templates.TemplateResponse(request, "login.html", context, status_code=status)


def _safe_next(target: str) -> str:
    """Only a path on this site (no //host, no scheme): an open redirect otherwise."""
    if not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "/documents"
    return target


def _column_of(table, label: str | None) -> str | None:
    if not label:
        return None
    if label in table.columns:
        return label
    for cid, text in table.column_labels.items():
        if text == label:
            return cid
    return None


_STORED: OrderedDict[tuple, object] = OrderedDict()
_STORED_LOCK = threading.Lock()


def _stored(web: Web, document_id: int, version: object = None):
    """A stored document as the model, kept for the next views: a stored document never changes;
    re-analysis stores it anew (SQLite may give it the same id again: `version` is the moment the
    analysis finished)."""
    key = (web.store.url, document_id, version)
    with _STORED_LOCK:
        if key in _STORED:
            _STORED.move_to_end(key)
            return _STORED[key]
    stored = load_document(web.store, document_id)
    with _STORED_LOCK:
        _STORED[key] = stored
        while len(_STORED) > 32:
            _STORED.popitem(last=False)
    return stored


def _document_context(web: Web, upload: Upload, severity: str | None, rule: str | None) -> dict:
    findings = reviews.findings_with_marks(web.store, upload)
    shown = [
        f
        for f in findings
        if (not severity or f["severity"] == severity)
        and (not rule or f["rule"] == rule or f["rule"].startswith(rule.rstrip(".") + "."))
    ]
    shown.sort(key=lambda f: _SEVERITY_ORDER.get(f["severity"], 3))  # stable: the engine's order within a severity
    rules = sorted({f["rule"] for f in findings})
    stored = None
    flagged: dict[tuple[int, int], dict[str | None, list[str]]] = defaultdict(lambda: defaultdict(list))
    if upload.document_id is not None:
        try:
            stored = _stored(web, upload.document_id, upload.finished_at)
        except DocumentNotFound:
            stored = None
    finding_cell: dict[str, str] = {}
    if stored is not None and len(stored.finding_targets) == len(findings):
        for f, (ti, ri) in zip(findings, stored.finding_targets, strict=True):
            if ti is None or ri is None:
                continue
            column = _column_of(stored.disclosure.tables[ti], f.get("column"))
            flagged[(ti, ri)][column].append(f["fingerprint"])
            finding_cell[f["fingerprint"]] = f"t{ti}-r{ri}" + (f"-{column}" if column else "")
    sides: dict[int, list] = {}  # a 总表: income and expenditure side by side, as printed
    if stored is not None:
        for ti, table in enumerate(stored.disclosure.tables):
            income = [(ri, r) for ri, r in enumerate(table.rows) if r.side == "income"]
            spent = [(ri, r) for ri, r in enumerate(table.rows) if r.side == "expenditure"]
            if income and spent and len(income) + len(spent) == len(table.rows):
                sides[ti] = list(zip_longest(income, spent))
    path = Path(upload.stored_path)
    evidence: dict[str, object] = {}
    if upload.status == "done" and evidence_glue.available():
        for f in shown:
            try:
                evidence[f["fingerprint"]] = evidence_glue.plan(path, f)
            except Exception as exc:  # a crop that cannot be drawn must not hide the page
                evidence[f["fingerprint"]] = exc
    counts = reviews.counts(findings, {f["fingerprint"]: f["review"] for f in findings if f["review"]})
    return {
        "upload": upload,
        "document": upload.result,
        "stored": stored,
        "findings": shown,
        "all_count": len(findings),
        "rules": rules,
        "severity": severity or "",
        "rule": rule or "",
        "flagged": flagged,
        "open_tables": {ti for ti, _ in flagged},
        "sides": sides,
        "finding_cell": finding_cell,
        "evidence": evidence,
        "evidence_available": evidence_glue.available(),
        "html_available": extras.html_report() is not None,
        "pdf_available": extras.annotate() is not None and upload.stored_path.lower().endswith(".pdf"),
        "counts": counts,
    }


def _matrix(web: Web, region: str | None) -> dict:
    """Department × year: for each, the families published and the state of their findings."""
    rows = queries.documents(web.store, region=region or None).rows if region else queries.documents(web.store).rows
    years = sorted({r["year"] for r in rows if r["year"]})
    with web.store.read() as session:
        uploads = dict(session.execute(select(Upload.content_hash, Upload.id)).all())
    cells: dict[str, dict[int, list[dict]]] = defaultdict(lambda: defaultdict(list))
    regions: dict[str, str | None] = {}
    for r in rows:
        if not r["year"]:
            continue
        name = r["department"] or "（未识别部门）"
        regions[name] = r["region"]
        cells[name][r["year"]].append({**r, "upload": uploads.get(r["content_hash"])})
    departments = sorted(cells, key=lambda n: (regions.get(n) or "", n))
    return {"years": years, "departments": departments, "cells": cells, "regions": regions}
