"""The FastAPI application: JSON API under /api, server-rendered pages elsewhere."""

from __future__ import annotations

import asyncio
import os
import tempfile
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

from fastapi import FastAPI, HTTPException, Request
from fastapi.responses import FileResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from sqlalchemy.engine import make_url
from starlette.datastructures import UploadFile

from ..store.db import Store
from ..store.web_models import Upload
from . import auth, pages, reviews
from .auth import Principal, RateLimiter
from .uploads import Accepted, Limits, Refused, accept, expand
from .worker import Runner

COOKIE = "yjsgk_session"
PRE_CSRF = "yjsgk_login_csrf"
HERE = Path(__file__).parent


class LoginRequired(Exception):
    def __init__(self, path: str):
        self.path = path


@dataclass
class Web:
    store: Store
    uploads: Path
    runner: Runner
    limits: Limits
    limiter: RateLimiter = field(default_factory=RateLimiter)
    secure_cookies: bool = False


def default_uploads(store: Store) -> Path:
    """Beside a SQLite database (`corpus.db` → `corpus.uploads/`); `./yjsgk-uploads` otherwise."""
    if env := os.environ.get("YJSGK_UPLOADS"):
        return Path(env)
    url = make_url(store.url)
    if url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:"):
        return Path(url.database).with_suffix(".uploads")
    return Path("yjsgk-uploads").resolve()


def create_app(
    db: str | os.PathLike | None = None,
    *,
    uploads: str | os.PathLike | None = None,
    workers: int | None = None,
    limits: Limits | None = None,
    secure_cookies: bool = False,
) -> FastAPI:
    store = Store(db)
    folder = Path(uploads) if uploads else default_uploads(store)
    folder.mkdir(parents=True, exist_ok=True)
    runner = Runner(store, workers or max(1, min(2, os.cpu_count() or 1)))
    web = Web(store, folder.resolve(), runner, limits or Limits(), secure_cookies=secure_cookies)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        runner.resume()
        try:
            yield
        finally:
            runner.shutdown()
            from . import evidence

            evidence.close_all()

    app = FastAPI(
        title="yjsgk 预决算公开审核台",
        description="部门预决算公开文件的上传、核对与审核（yjsgk serve）。API 以 Bearer 令牌认证：POST /api/login。",
        version="1",
        lifespan=lifespan,
        docs_url=None,  # FastAPI's Swagger and ReDoc pages load their scripts from a CDN: /docs is ours
        redoc_url=None,
    )
    app.state.web = web
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")

    @app.middleware("http")
    async def guard(request: Request, call_next):
        length = request.headers.get("content-length")
        if length and length.isdigit() and int(length) > web.limits.request_bytes:
            return JSONResponse(
                {"detail": f"请求过大：上限 {web.limits.request_bytes // (1024 * 1024)} MB"}, status_code=413
            )
        response = await call_next(request)
        response.headers.setdefault(
            "Content-Security-Policy",
            "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; "
            "object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
        )
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("X-Frame-Options", "DENY")
        response.headers.setdefault("Referrer-Policy", "same-origin")
        return response

    @app.exception_handler(LoginRequired)
    async def _login_required(request: Request, exc: LoginRequired):
        return RedirectResponse(f"/login?next={quote(exc.path)}", status_code=303)

    @app.get("/assets/plotly.min.js", include_in_schema=False)
    def plotly_js():
        import plotly

        path = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
        return FileResponse(path, media_type="text/javascript", headers={"Cache-Control": "public, max-age=86400"})

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon():
        return Response(status_code=204)

    _api(app, web)
    pages.register(app, web)
    return app


# ---------------------------------------------------------------------------------------------
# who is asking


def _bearer(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    return token.strip() if scheme.lower() == "bearer" and token.strip() else None


def api_user(request: Request, role: str = "viewer", *, write: bool = False) -> Principal:
    """The caller of an API route: a bearer token, or the browser's session (then a write needs the
    CSRF header). 401 without either, 403 when the role is not enough."""
    web: Web = request.app.state.web
    token = _bearer(request)
    user = auth.principal(web.store, token, "api") if token else None
    if user is None and token is None:
        user = auth.principal(web.store, request.cookies.get(COOKIE), "cookie")
        if user is not None and write and not auth.csrf_ok(user.csrf, request.headers.get("x-csrf-token")):
            raise HTTPException(403, "CSRF 校验失败：请刷新页面后重试")
    if user is None:
        raise HTTPException(401, "未登录或令牌无效", headers={"WWW-Authenticate": "Bearer"})
    if not user.can(role):
        raise HTTPException(403, f"权限不足：需要{auth.ROLE_LABELS[role]}角色")
    return user


def page_user(request: Request, role: str = "viewer") -> Principal:
    web: Web = request.app.state.web
    user = auth.principal(web.store, request.cookies.get(COOKIE), "cookie")
    if user is None:
        raise LoginRequired(request.url.path + (f"?{request.url.query}" if request.url.query else ""))
    if not user.can(role):
        raise HTTPException(403, f"权限不足：需要{auth.ROLE_LABELS[role]}角色")
    return user


async def form_user(request: Request, role: str) -> tuple[Principal, dict]:
    """The user of a form post, with its CSRF token checked; the form's fields."""
    user = page_user(request, role)
    form = await request.form()
    if not auth.csrf_ok(user.csrf, form.get("csrf")):  # type: ignore[arg-type]
        raise HTTPException(403, "CSRF 校验失败：请刷新页面后重试")
    return user, {k: v for k, v in form.items()}


def client_key(request: Request) -> str:
    return request.client.host if request.client else "?"


# ---------------------------------------------------------------------------------------------
# the JSON API


def upload_status(upload: Upload) -> dict:
    return {
        "id": upload.id,
        "filename": upload.filename,
        "status": upload.status,
        "reason": upload.reason,
        "sha256": upload.content_hash,
        "size": upload.size_bytes,
        "stored_document": upload.document_id,
        "document": upload.result if upload.status == "done" else None,
    }


async def receive_files(request: Request, web: Web, user: Principal) -> tuple[int, dict]:
    form = await request.form(max_files=web.limits.files, max_fields=50)
    files = [v for k, v in form.multi_items() if k in ("file", "files") and isinstance(v, UploadFile)]
    if not files:
        return 400, {"detail": "请求中没有文件（multipart 字段名 file）"}
    if len(files) > web.limits.files:
        return 413, {"detail": f"一次最多上传 {web.limits.files} 个文件"}
    accepted: list = []
    for upload in files:
        name = upload.filename or "upload"
        data = await upload.read(web.limits.file_bytes + 1)
        try:
            parts = expand(name, data, web.limits)
        except Refused as exc:
            accepted.append(Accepted(name=name, error=exc.reason, status=exc.status))
            continue
        for part_name, content in parts:
            if isinstance(content, Refused):
                accepted.append(Accepted(name=part_name, error=content.reason, status=content.status))
                continue
            result = await asyncio.to_thread(accept, web.store, web.uploads, part_name, content, user)
            if result.id is not None and not result.duplicate:
                web.runner.submit(result.id)
            accepted.append(result)
    ok = [a for a in accepted if a.error is None]
    body: dict = {"files": [a.to_dict() for a in accepted]}
    if not ok:
        first = accepted[0]
        return first.status, {"detail": f"{first.name}: {first.error}", **body}
    body["id"] = ok[0].id
    return (201 if any(not a.duplicate for a in ok) else 200), body


def _api(app: FastAPI, web: Web) -> None:
    @app.post("/api/login", tags=["auth"], summary="登录，取得 API 令牌")
    async def api_login(request: Request):
        try:
            data = await request.json()
            name, password = str(data["name"]), str(data["password"])
        except (ValueError, KeyError, TypeError):
            raise HTTPException(422, '请求体应为 {"name": …, "password": …}') from None
        keys = (client_key(request), f"name:{name}")
        wait = web.limiter.blocked(*keys)
        if wait:
            raise HTTPException(
                429, f"登录失败次数过多，请 {int(wait) + 1} 秒后再试", headers={"Retry-After": str(int(wait) + 1)}
            )
        user = await asyncio.to_thread(auth.authenticate, web.store, name, password)
        if user is None:
            web.limiter.failed(*keys)
            raise HTTPException(401, "用户名或密码不正确")
        web.limiter.succeeded(*keys)
        token, _ = auth.open_session(web.store, user, "api")
        return {"token": token, "token_type": "bearer", "user": user.name, "role": user.role}

    @app.post("/api/logout", tags=["auth"], status_code=204)
    def api_logout(request: Request):
        api_user(request)
        token = _bearer(request)
        if token:
            auth.close_session(web.store, token)
        return Response(status_code=204)

    @app.post(
        "/api/documents", tags=["documents"], status_code=201, summary="上传文件（multipart 字段 file，可为 zip）"
    )
    async def api_upload(request: Request):
        user = api_user(request, "reviewer", write=True)
        status, body = await receive_files(request, web, user)
        return JSONResponse(body, status_code=status)

    @app.get("/api/documents", tags=["documents"], summary="已上传文件及其处理状态与审核计数")
    def api_documents(request: Request):
        api_user(request)
        return {"documents": reviews.document_rows(web.store)}

    @app.get("/api/documents/{upload_id}", tags=["documents"], summary="处理状态与 check --format json 的文件对象")
    def api_document(upload_id: int, request: Request):
        api_user(request)
        return upload_status(_upload(web, upload_id))

    @app.get("/api/documents/{upload_id}/findings", tags=["documents"], summary="问题清单及审核标记")
    def api_findings(upload_id: int, request: Request, severity: str | None = None, rule: str | None = None):
        api_user(request)
        upload = _upload(web, upload_id)
        findings = reviews.findings_with_marks(web.store, upload, severity=severity, rule=rule)
        return {"id": upload.id, "status": upload.status, "findings": findings}

    @app.post("/api/documents/{upload_id}/reanalyse", tags=["documents"], status_code=202, summary="重新分析")
    def api_reanalyse(upload_id: int, request: Request):
        user = api_user(request, "reviewer", write=True)
        reanalyse(web, _upload(web, upload_id), user)
        return JSONResponse({"id": upload_id, "status": "queued"}, status_code=202)

    @app.post(
        "/api/findings/{fingerprint}/review",
        tags=["reviews"],
        summary="审核标记：confirmed / false_positive / fixed / open",
    )
    async def api_review(fingerprint: str, request: Request):
        user = api_user(request, "reviewer", write=True)
        try:
            data = await request.json()
            assert isinstance(data, dict)
        except (ValueError, AssertionError):
            raise HTTPException(422, '请求体应为 {"status": …, "reason": …, "document": 上传编号}') from None
        document = data.get("document")
        try:
            mark = reviews.mark(
                web.store,
                fingerprint,
                str(data.get("status", "")),
                data.get("reason"),
                user,
                upload_id=int(document) if document is not None else None,
            )
        except reviews.ReviewError as exc:
            raise HTTPException(exc.status, str(exc)) from None
        return {"fingerprint": fingerprint, "review": mark}

    @app.get("/api/reviews", tags=["reviews"], summary="全部审核标记")
    def api_reviews(request: Request):
        api_user(request)
        return {"reviews": reviews.all_marks(web.store)}

    @app.get(
        "/api/reviews/baseline", tags=["reviews"], summary="标为误报的问题，CLI 基线格式（yjsgk check --baseline）"
    )
    def api_baseline(request: Request):
        api_user(request)
        return Response(reviews.baseline_text(web.store), media_type="application/json")


def _upload(web: Web, upload_id: int) -> Upload:
    with web.store.read() as session:
        upload = session.get(Upload, upload_id)
    if upload is None:
        raise HTTPException(404, f"没有编号为 {upload_id} 的上传文件")
    return upload


def reanalyse(web: Web, upload: Upload, user: Principal) -> None:
    with web.store.write() as session:
        row = session.get(Upload, upload.id)
        assert row is not None
        if row.status in ("queued", "running"):
            raise HTTPException(409, "该文件正在处理中")
        row.status, row.reason = "queued", None
        auth.audit(session, user, "reanalyse", row.filename, {"upload": row.id})
    from . import evidence

    evidence.forget(Path(upload.stored_path))
    web.runner.submit(upload.id, reanalyse=True)


def attachment(name: str) -> dict:
    return {"Content-Disposition": f"attachment; filename*=UTF-8''{quote(name)}"}


def temp_path(suffix: str) -> Path:
    handle, name = tempfile.mkstemp(suffix=suffix, prefix="yjsgk-web-")
    os.close(handle)
    return Path(name)


__all__ = ["COOKIE", "PRE_CSRF", "create_app"]
