"""The web application's JSON API, against the real app (FastAPI's TestClient, lifespan and worker
pool included) and a real database: SQLite, and PostgreSQL on a throwaway server (the fixture of
tests/test_store.py; skipped with its reason when the server programs are missing).

Uploaded files are real: the bundled example, a sample PDF from ../shared, and variants of the
example written to a temporary folder (each edit named where it is made)."""

from __future__ import annotations

import io
import json
import shutil
import time
import zipfile
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from conftest import EXAMPLES, SHARED
from test_store import _new_database, pg_server  # noqa: F401  (the throwaway PostgreSQL server)
from yjsgk.baseline import document_hash
from yjsgk.cli import main
from yjsgk.store.db import Store
from yjsgk.store.web_models import AuditEntry
from yjsgk.web import auth
from yjsgk.web.app import create_app

EXAMPLE = EXAMPLES / "sample_final_accounts.txt"
SAMPLE_PDF = SHARED / "samples/renwu/009_武汉/2026年武汉市信访局部门预算.pdf"
PASSWORD = "correct horse battery"


def add_users(db: str) -> None:
    store = Store(db)
    for name, role in (("admin", "admin"), ("rev", "reviewer"), ("view", "viewer")):
        auth.add_user(store, name, role, PASSWORD)
    store.close()


def token(client: TestClient, name: str) -> dict:
    response = client.post("/api/login", json={"name": name, "password": PASSWORD})
    assert response.status_code == 200, response.text
    return {"Authorization": f"Bearer {response.json()['token']}"}


def wait(client: TestClient, upload_id: int, headers: dict, timeout: float = 120) -> dict:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        body = client.get(f"/api/documents/{upload_id}", headers=headers).json()
        if body["status"] in ("done", "failed"):
            return body
        time.sleep(0.2)
    raise AssertionError(f"upload {upload_id} not processed in {timeout} s: {body}")


def cli_json(folder: Path, name: str, monkeypatch, capsys, *extra: str) -> tuple[dict, str]:
    """`yjsgk check NAME --format json` run in the folder holding the file, as a user would."""
    monkeypatch.chdir(folder)
    capsys.readouterr()
    main(["check", name, "--format", "json", *extra])
    out = capsys.readouterr()
    return json.loads(out.out), out.err


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def served(request, tmp_path_factory):
    folder = tmp_path_factory.mktemp(f"web-{request.param}")
    db = _new_database(request.param, folder, request)
    add_users(db)
    app = create_app(db, uploads=folder / "uploads", workers=2)
    with TestClient(app) as client:
        yield client, folder


def test_login_gives_a_token_and_a_wrong_password_is_refused(served):
    client, _ = served
    assert client.post("/api/login", json={"name": "rev", "password": "wrong password"}).status_code == 401
    assert client.post("/api/login", json={"name": "nobody", "password": PASSWORD}).status_code == 401
    body = client.post("/api/login", json={"name": "rev", "password": PASSWORD}).json()
    assert body["role"] == "reviewer" and len(body["token"]) >= 40


def test_every_route_needs_a_valid_token(served):
    client, _ = served
    bad = {"Authorization": "Bearer not-a-token"}
    for headers in ({}, bad):
        assert client.get("/api/documents", headers=headers).status_code == 401
        assert client.get("/api/documents/1", headers=headers).status_code == 401
        assert client.get("/api/documents/1/findings", headers=headers).status_code == 401
        assert client.post("/api/documents", headers=headers, files={"file": ("a.txt", b"x")}).status_code == 401
        assert client.post("/api/findings/abc/review", headers=headers, json={"status": "confirmed"}).status_code == 401
        assert client.get("/api/reviews", headers=headers).status_code == 401


def test_upload_gives_the_cli_json_and_marks_survive_reanalysis(served, tmp_path, monkeypatch, capsys):
    client, _ = served
    rev = token(client, "rev")
    response = client.post("/api/documents", headers=rev, files={"file": (EXAMPLE.name, EXAMPLE.read_bytes())})
    assert response.status_code == 201, response.text
    upload_id = response.json()["id"]
    body = wait(client, upload_id, rev)
    assert body["status"] == "done" and body["reason"] is None

    # the document object is exactly what `yjsgk check NAME --format json` prints for the file
    shutil.copy(EXAMPLE, tmp_path / EXAMPLE.name)
    printed, _ = cli_json(tmp_path, EXAMPLE.name, monkeypatch, capsys)
    assert body["document"] == printed["documents"][0]
    assert body["document"]["summary"] == {"error": 6, "warning": 4, "notice": 1}

    # the same bytes again: recognized by SHA-256, not processed twice
    again = client.post("/api/documents", headers=rev, files={"file": ("copy.txt", EXAMPLE.read_bytes())})
    assert again.status_code == 200 and again.json()["id"] == upload_id and again.json()["files"][0]["duplicate"]

    findings = client.get(f"/api/documents/{upload_id}/findings", headers=rev).json()["findings"]
    assert len(findings) == 11 and all(f["review"] is None for f in findings)
    errors = client.get(f"/api/documents/{upload_id}/findings?severity=error", headers=rev).json()["findings"]
    assert len(errors) == 6
    target = next(f for f in errors if f["rule"] == "balance.summary")
    fp = target["fingerprint"]

    url = f"/api/findings/{fp}/review"
    refused = client.post(url, headers=rev, json={"status": "false_positive", "document": upload_id})
    assert refused.status_code == 422 and "理由" in refused.json()["detail"]
    assert client.post(url, headers=rev, json={"status": "maybe"}).status_code == 422
    assert (
        client.post("/api/findings/0000000000000000/review", headers=rev, json={"status": "fixed"}).status_code == 404
    )
    marked = client.post(
        url, headers=rev, json={"status": "false_positive", "reason": "表中合计含结转", "document": upload_id}
    )
    assert marked.status_code == 200 and marked.json()["review"]["user"] == "rev"

    # visible to the team: a viewer sees the mark and the counts
    view = token(client, "view")
    seen = {
        f["fingerprint"]: f for f in client.get(f"/api/documents/{upload_id}/findings", headers=view).json()["findings"]
    }
    assert seen[fp]["review"]["status"] == "false_positive" and seen[fp]["review"]["reason"] == "表中合计含结转"
    row = next(r for r in client.get("/api/documents", headers=view).json()["documents"] if r["id"] == upload_id)
    assert row["review"] == {"open": 9, "confirmed": 0, "dismissed": 1, "fixed": 0, "notices": 1}

    # re-analysis keeps the mark while the fingerprint is unchanged
    assert client.post(f"/api/documents/{upload_id}/reanalyse", headers=rev).status_code == 202
    assert wait(client, upload_id, rev)["status"] == "done"
    seen = {
        f["fingerprint"]: f for f in client.get(f"/api/documents/{upload_id}/findings", headers=view).json()["findings"]
    }
    assert seen[fp]["review"]["status"] == "false_positive"

    # the marks feed the CLI's baseline: `check --baseline` then suppresses exactly that finding
    baseline = client.get("/api/reviews/baseline", headers=view)
    entries = baseline.json()["accepted"]
    assert [(e["fingerprint"], e["document"]) for e in entries] == [(fp, document_hash(EXAMPLE))]
    (tmp_path / "baseline.json").write_text(baseline.text, encoding="utf-8")
    # keyed on the file's content, so a renamed copy is still the same document
    shutil.copyfile(EXAMPLE, tmp_path / "改名.txt")
    filtered, err = cli_json(tmp_path, "改名.txt", monkeypatch, capsys, "--baseline", "baseline.json")
    assert filtered["documents"][0]["summary"] == {"error": 5, "warning": 4, "notice": 1}
    assert "1 条" in err

    marks = client.get("/api/reviews", headers=view).json()["reviews"]
    assert [(m["fingerprint"], m["status"], m["user"], m["present"]) for m in marks] == [
        (fp, "false_positive", "rev", True)
    ]

    # every write is in the audit log, with user and time
    with client.app.state.web.store.read() as session:
        log = session.execute(select(AuditEntry.username, AuditEntry.action, AuditEntry.at)).all()
    actions = {(user, action) for user, action, at in log if at is not None}
    assert {("rev", "upload"), ("rev", "review.false_positive"), ("rev", "reanalyse"), ("rev", "login")} <= actions


def test_a_failure_shows_the_cli_reason(served, tmp_path, monkeypatch, capsys):
    client, _ = served
    rev = token(client, "rev")
    name = "notes.txt"
    text = "会议纪要\n今天讨论了办公室搬迁的安排。\n"
    (tmp_path / name).write_text(text, encoding="utf-8")
    upload_id = client.post("/api/documents", headers=rev, files={"file": (name, text.encode())}).json()["id"]
    body = wait(client, upload_id, rev)
    assert body["status"] == "failed" and body["document"] is None
    _, err = cli_json(tmp_path, name, monkeypatch, capsys)
    assert err.strip() == f"yjsgk: {body['reason']}"
    assert "不是预决算公开文件" in body["reason"]


def test_a_zip_gives_one_upload_per_file_and_a_real_pdf_is_read(served, tmp_path, monkeypatch, capsys):
    client, _ = served
    rev = token(client, "rev")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("决算/" + SAMPLE_PDF.name, SAMPLE_PDF.read_bytes())
        archive.writestr("说明.txt", EXAMPLE.read_text(encoding="utf-8").replace("2023", "2022"))
    response = client.post("/api/documents", headers=rev, files={"file": ("batch.zip", buffer.getvalue())})
    assert response.status_code == 201, response.text
    files = response.json()["files"]
    assert [f["name"] for f in files] == [SAMPLE_PDF.name, "说明.txt"]
    bodies = [wait(client, f["id"], rev) for f in files]
    assert [b["status"] for b in bodies] == ["done", "done"]
    pdf = bodies[0]["document"]
    assert pdf["year"] == 2026 and pdf["summary"]["error"] == 1
    (tmp_path / SAMPLE_PDF.name).symlink_to(SAMPLE_PDF)  # the CLI on the same file, under the same name
    printed, _ = cli_json(tmp_path, SAMPLE_PDF.name, monkeypatch, capsys)
    assert pdf == printed["documents"][0]
    assert bodies[1]["document"]["year"] == 2022


def test_openapi_documents_the_api(served):
    client, _ = served
    spec = client.get("/openapi.json").json()
    for path in ("/api/login", "/api/documents", "/api/documents/{upload_id}", "/api/findings/{fingerprint}/review"):
        assert path in spec["paths"]
    assert client.get("/docs").status_code == 200


def test_every_page_renders_for_the_team(served):
    """Each page as a logged-in reader sees it, over the documents uploaded (the example and a PDF)."""
    import re

    from openpyxl import load_workbook

    client, _ = served
    rev = token(client, "rev")
    ids = []
    for path in (EXAMPLE, SAMPLE_PDF):
        ids.append(
            client.post("/api/documents", headers=rev, files={"file": (path.name, path.read_bytes())}).json()["id"]
        )
        assert wait(client, ids[-1], rev)["status"] == "done"
    client.cookies.clear()
    login = client.get("/login")
    csrf = re.search(r'name="csrf" value="([^"]+)"', login.text).group(1)
    client.post("/login", data={"name": "admin", "password": PASSWORD, "csrf": csrf, "next": "/documents"})
    documents = client.get("/documents").text
    assert EXAMPLE.name in documents and SAMPLE_PDF.name in documents
    page = client.get(f"/documents/{ids[0]}").text
    assert "balance.summary" in page and 'class="num flag"' in page  # a flagged cell in the printed table
    assert client.get(f"/documents/{ids[0]}?severity=warning").text.count('<article class="finding sev-warning') == 4
    pdf_page = client.get(f"/documents/{ids[1]}").text
    crops = re.findall(rf'src="(/documents/{ids[1]}/evidence/[0-9a-f]+/\d+\.png)"', pdf_page)
    assert crops and client.get(crops[0]).headers["content-type"] == "image/png"
    department = client.get("/corpus/department", params={"name": "示范市数据资源管理局"}).text
    assert "示范市数据资源管理局" in department and 'class="figure"' in department
    assert "示范市数据资源管理局" in client.get("/corpus").text
    assert "balance.summary" in client.get("/corpus/findings").text
    assert client.get("/corpus/rank", params={"year": 2023}).status_code == 200
    assert client.get("/reviews").status_code == 200 and client.get("/users").status_code == 200
    assert "/api/documents" in client.get("/docs").text
    assert client.get("/assets/plotly.min.js").content.startswith(b"/**")  # from the plotly wheel
    workbook = load_workbook(io.BytesIO(client.get(f"/documents/{ids[0]}/download/xlsx").content))
    assert "问题清单" in workbook.sheetnames
    data = json.loads(client.get(f"/documents/{ids[0]}/download/json").content)
    assert data["documents"][0]["summary"]["error"] == 6
    # the HTML report and the annotated PDF (yjsgk.report.html_report, yjsgk.annotate)
    assert f"/documents/{ids[1]}/download/html" in pdf_page and f"/documents/{ids[1]}/download/pdf" in pdf_page
    report = client.get(f"/documents/{ids[1]}/download/html")
    assert report.headers["content-type"].startswith("text/html") and "data:image/png;base64," in report.text
    annotated = client.get(f"/documents/{ids[1]}/download/pdf").content
    from pypdf import PdfReader

    notes = [a for page in PdfReader(io.BytesIO(annotated)).pages for a in (page.get("/Annots") or [])]
    assert len(notes) >= 1  # the error of this sample, at least, is annotated on its page
    assert "download/pdf" not in page  # the example is a text file: no annotated PDF offered
    client.cookies.clear()
