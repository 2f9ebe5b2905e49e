"""Security of the web application, against the real app and a real SQLite database: no access
without logging in, roles enforced by the server, CSRF, the login rate limit, uploads that try to
escape the upload folder or carry script, oversize and wrong-type uploads."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from test_web_api import EXAMPLE, PASSWORD, add_users, token, wait
from yjsgk.web.app import COOKIE, create_app
from yjsgk.web.uploads import MB, Limits


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    folder = tmp_path_factory.mktemp("web-security")
    db = str(folder / "corpus.db")
    add_users(db)
    app = create_app(db, uploads=folder / "uploads", workers=1, limits=Limits(file_bytes=1 * MB, files=3))
    with TestClient(app) as client:
        yield client, folder


def browser(client: TestClient, name: str) -> tuple[TestClient, str]:
    """Log in through the form, as a browser does; the session's CSRF token from a page."""
    client.cookies.clear()
    page = client.get("/login")
    csrf = re.search(r'name="csrf" value="([^"]+)"', page.text).group(1)
    response = client.post(
        "/login", data={"name": name, "password": PASSWORD, "csrf": csrf, "next": "/documents"}, follow_redirects=False
    )
    assert response.status_code == 303, response.text
    set_cookie = response.headers["set-cookie"]
    assert "HttpOnly" in set_cookie and "SameSite=lax" in set_cookie
    documents = client.get("/documents")
    return client, re.search(r'<meta name="csrf" content="([^"]+)"', documents.text).group(1)


def upload_example(client: TestClient) -> tuple[int, str]:
    rev = token(client, "rev")
    upload_id = client.post("/api/documents", headers=rev, files={"file": (EXAMPLE.name, EXAMPLE.read_bytes())}).json()[
        "id"
    ]
    body = wait(client, upload_id, rev)
    return upload_id, body["document"]["findings"][0]["fingerprint"]


def test_nothing_without_logging_in(served):
    client, _ = served
    client.cookies.clear()
    upload_id, fingerprint = upload_example(client)
    client.cookies.clear()
    for path in (
        "/",
        "/documents",
        "/upload",
        f"/documents/{upload_id}",
        "/reviews",
        "/corpus",
        "/corpus/rank",
        "/users",
        f"/documents/{upload_id}/download/json",
        f"/documents/{upload_id}/download/original",
        f"/documents/{upload_id}/evidence/{fingerprint}/0.png",
        "/reviews/export.csv",
    ):
        response = client.get(path, follow_redirects=False)
        assert response.status_code == 303 and response.headers["location"].startswith("/login?next="), path
    assert client.get("/api/documents").status_code == 401
    assert client.get(f"/api/documents/{upload_id}").status_code == 401
    # a forged or expired cookie is no session
    client.cookies.set(COOKIE, "forged")
    assert client.get("/documents", follow_redirects=False).status_code == 303
    client.cookies.clear()


def test_roles_are_enforced_by_the_server(served):
    client, _ = served
    upload_id, fingerprint = upload_example(client)
    view = token(client, "view")
    refused = client.post("/api/documents", headers=view, files={"file": (EXAMPLE.name, EXAMPLE.read_bytes())})
    assert refused.status_code == 403 and "权限不足" in refused.json()["detail"]
    review = client.post(
        f"/api/findings/{fingerprint}/review", headers=view, json={"status": "confirmed", "document": upload_id}
    )
    assert review.status_code == 403
    assert client.post(f"/api/documents/{upload_id}/reanalyse", headers=view).status_code == 403
    client, csrf = browser(client, "view")
    assert client.get("/upload").status_code == 403
    assert client.get("/users").status_code == 403
    page = client.get(f"/documents/{upload_id}").text
    assert "review-form" not in page and "重新分析" not in page  # a viewer reads
    posted = client.post(f"/documents/{upload_id}/review/{fingerprint}", data={"csrf": csrf, "status": "confirmed"})
    assert posted.status_code == 403
    client, csrf = browser(client, "rev")
    assert client.get("/users").status_code == 403  # reviewers judge, admins manage users
    client, csrf = browser(client, "admin")
    assert client.get("/users").status_code == 200
    client.cookies.clear()


def test_csrf_is_refused(served):
    client, _ = served
    upload_id, fingerprint = upload_example(client)
    client, csrf = browser(client, "rev")
    url = f"/documents/{upload_id}/review/{fingerprint}"
    for data in ({"status": "confirmed"}, {"status": "confirmed", "csrf": "wrong"}):
        response = client.post(url, data=data, follow_redirects=False)
        assert response.status_code == 403 and "CSRF" in response.text
    # the API with the session cookie needs the header; a bearer token needs none
    files = {"file": ("again.txt", EXAMPLE.read_bytes())}
    assert client.post("/api/documents", files=files).status_code == 403
    assert client.post(f"/documents/{upload_id}/reanalyse", data={}, follow_redirects=False).status_code == 403
    ok = client.post(url, data={"status": "confirmed", "csrf": csrf}, follow_redirects=False)
    assert ok.status_code == 303
    assert client.get(f"/api/documents/{upload_id}/findings").json()["findings"][0]["review"]["status"] == "confirmed"
    # the login form has its own token
    client.cookies.clear()
    assert client.post("/login", data={"name": "rev", "password": PASSWORD}).status_code == 403
    client.cookies.clear()


def test_login_is_rate_limited(served):
    client, _ = served
    for _ in range(5):
        assert client.post("/api/login", json={"name": "admin", "password": "guess guess"}).status_code == 401
    blocked = client.post("/api/login", json={"name": "admin", "password": PASSWORD})
    assert blocked.status_code == 429 and "过多" in blocked.json()["detail"]
    client.app.state.web.limiter.succeeded("testclient", "name:admin")  # let the other tests log in


def test_a_name_cannot_escape_and_script_cannot_run(served):
    client, folder = served
    rev = token(client, "rev")
    # the bundled example with script in a row name (line 106: 2010301 行政运行 of the 支出决算表)
    lines = EXAMPLE.read_text(encoding="utf-8").split("\n")
    assert lines[105].startswith("2010301\t行政运行\t")
    lines[105] = lines[105].replace("行政运行", "行政运行<script>alert(1)</script>")
    text = "\n".join(lines)
    response = client.post("/api/documents", headers=rev, files={"file": ("../../x", text.encode())})
    assert response.status_code == 201
    stored = response.json()["files"][0]
    assert stored["name"] == "x.txt"
    body = wait(client, stored["id"], rev)
    assert body["status"] == "done"
    escaped = [p for p in (folder / "uploads").rglob("*") if p.is_file()]
    assert all(p.resolve().is_relative_to((folder / "uploads").resolve()) for p in escaped)
    assert not (folder.parent / "x").exists() and not Path("x").exists()
    client, _ = browser(client, "rev")
    page = client.get(f"/documents/{stored['id']}")
    assert page.status_code == 200
    assert "<script>alert(1)</script>" not in page.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page.text  # shown as text
    assert "script-src 'self'" in page.headers["content-security-policy"]
    download = client.get(f"/documents/{stored['id']}/download/original")
    assert download.headers["content-disposition"] == "attachment; filename*=UTF-8''x.txt"
    # an open redirect through ?next= is not followed
    client.cookies.clear()
    login = client.get("/login")
    csrf = re.search(r'name="csrf" value="([^"]+)"', login.text).group(1)
    response = client.post(
        "/login",
        data={"name": "rev", "password": PASSWORD, "csrf": csrf, "next": "//evil.example/"},
        follow_redirects=False,
    )
    assert response.headers["location"] == "/documents"
    client.cookies.clear()


def test_oversize_and_wrong_type_are_refused_with_a_clear_message(served):
    client, _ = served
    rev = token(client, "rev")
    big = b"%PDF-1.7\n" + b"0" * (1 * MB + 10)
    response = client.post("/api/documents", headers=rev, files={"file": ("big.pdf", big)})
    assert (
        response.status_code == 413 and "文件过大" in response.json()["detail"] and "1 MB" in response.json()["detail"]
    )
    png = b"\x89PNG\r\n\x1a\n" + b"\x00" * 200
    response = client.post("/api/documents", headers=rev, files={"file": ("table.pdf", png)})
    assert response.status_code == 415 and "不支持的文件类型" in response.json()["detail"]
    exe = b"MZ\x90\x00" + bytes(range(256)) * 4
    response = client.post("/api/documents", headers=rev, files={"file": ("report.docx", exe)})
    assert response.status_code == 415
    files = [("file", (f"{i}.txt", EXAMPLE.read_bytes())) for i in range(4)]
    response = client.post("/api/documents", headers=rev, files=files)
    assert response.status_code in (400, 413)  # more files than the limit in one request
    # a request larger than any allowed upload is refused before it is read
    response = client.post("/api/documents", headers={**rev, "content-length": str(10 * MB)}, content=b"x")
    assert response.status_code == 413


def test_sessions_end_at_logout(served):
    client, _ = served
    client, csrf = browser(client, "rev")
    assert client.get("/documents").status_code == 200
    cookie = client.cookies.get(COOKIE)
    assert client.post("/logout", data={"csrf": csrf}, follow_redirects=False).status_code == 303
    client.cookies.set(COOKIE, cookie)  # the old cookie, replayed
    assert client.get("/documents", follow_redirects=False).status_code == 303
    client.cookies.clear()
