"""The review desk in a real browser: Playwright driving Debian's chromium against `yjsgk serve`
started as a user starts it (a subprocess, users added with `yjsgk user add`). Log in, upload three
sample PDFs by the file picker, wait for them, open a finding, see its red box on the page crop,
mark it false positive, re-analyse, and see the mark kept. Screenshots of the main pages are saved
to YJSGK_SCREENSHOTS (default: the test's temporary folder) for looking at.

Skipped, with the reason, when chromium or Playwright is missing."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import CHROMIUM, ROOT, SHARED, launch_chromium
from test_store import _free_port

SAMPLES = [
    SHARED / "samples/renwu/009_武汉/2026年武汉市信访局部门预算.pdf",  # 1 error (narrative.amount, p. 18)
    SHARED / "samples/open-budget/江苏省人民检察院/2017年省检察院部门预算.pdf",
    SHARED / "samples/renwu/040_长春/2026年长春市信访局部门预算.pdf",
]
PASSWORD = "browser test password"


def _yjsgk(*args: str, stdin: str | None = None, db: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    return subprocess.run(
        [sys.executable, "-m", "yjsgk", *args, "--db", db],
        input=stdin,
        text=True,
        capture_output=True,
        env=env,
        check=True,
    )


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} not installed (apt-get install chromium)")
    pytest.importorskip("playwright.sync_api")
    folder = tmp_path_factory.mktemp("web-browser")
    db = str(folder / "desk.db")
    _yjsgk("user", "add", "lin", "--role", "reviewer", stdin=PASSWORD + "\n", db=db)
    port = _free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    log = open(folder / "server.log", "w")
    process = subprocess.Popen(
        [sys.executable, "-m", "yjsgk", "serve", "--db", db, "--port", str(port), "--workers", "2"],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(base + "/login", timeout=2)
            break
        except OSError:
            if time.monotonic() > deadline or process.poll() is not None:
                process.kill()
                raise AssertionError((folder / "server.log").read_text()) from None
            time.sleep(0.3)
    try:
        yield base, folder
        workers = _children(process.pid)  # the upload pool's processes (the test uploaded)
    finally:
        process.terminate()
        process.wait(timeout=30)
        log.close()
    # stopped with the server (uvicorn re-raises SIGTERM, so the pool's exit hook never runs;
    # before the fix the two workers were left waiting for work, orphaned)
    # (multiprocessing's resource tracker, a child too, ends on its own once the server is gone)
    deadline = time.monotonic() + 15
    while [pid for pid in workers if _alive(pid)] and time.monotonic() < deadline:
        time.sleep(0.2)
    assert workers and not [pid for pid in workers if _alive(pid)]


def _children(pid: int) -> list[int]:
    out = []
    for entry in os.listdir("/proc"):
        try:
            stat = (Path("/proc") / entry / "stat").read_text()
        except (OSError, ValueError):
            continue
        if entry.isdigit() and int(stat.rsplit(")", 1)[1].split()[1]) == pid:
            out.append(int(entry))
    return out


def _alive(pid: int) -> bool:
    try:
        state = (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _red_pixels(png: bytes) -> int:
    from PIL import Image

    data = Image.open(io.BytesIO(png)).convert("RGB").tobytes()
    return sum(1 for i in range(0, len(data), 3) if data[i] > 180 and data[i + 1] < 80 and data[i + 2] < 80)


def test_log_in_upload_review_and_reanalyse(server):
    from playwright.sync_api import expect, sync_playwright

    base, folder = server
    shots = Path(os.environ.get("YJSGK_SCREENSHOTS") or folder / "screenshots")
    shots.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = launch_chromium(p)
        page = browser.new_page(viewport={"width": 1300, "height": 900})
        page.set_default_timeout(30_000)

        page.goto(base + "/documents")
        expect(page).to_have_url(f"{base}/login?next=/documents")
        page.fill("input[name=name]", "lin")
        page.fill("input[name=password]", "wrong password")
        page.click("button[type=submit]")
        expect(page.locator("p.error")).to_have_text("用户名或密码不正确")
        page.fill("input[name=name]", "lin")
        page.fill("input[name=password]", PASSWORD)
        page.click("button[type=submit]")
        expect(page).to_have_url(base + "/documents")

        page.goto(base + "/upload")
        page.set_input_files("#files", [str(s) for s in SAMPLES])
        rows = page.locator("#progress tbody tr")
        expect(rows).to_have_count(3)
        for i in range(3):
            expect(rows.nth(i).locator("td").nth(1)).to_have_text("完成", timeout=180_000)
        expect(rows.nth(0).locator("td").nth(2)).to_contain_text("错误 1")
        page.screenshot(path=str(shots / "upload.png"), full_page=True)

        page.goto(base + "/documents")
        expect(page.locator("#documents tbody tr")).to_have_count(3)
        page.screenshot(path=str(shots / "documents.png"), full_page=True)
        page.click(f"text={SAMPLES[0].name}")

        finding = page.locator("article.finding.sev-error").first
        expect(finding.locator("code")).to_have_text("narrative.amount")
        crop = finding.locator("img.crop").first
        crop.scroll_into_view_if_needed()
        expect(crop).to_be_visible()
        page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=crop.element_handle())
        png = page.request.get(base + crop.get_attribute("src")).body()
        assert _red_pixels(png) > 200  # the red box drawn around the finding's own cell
        page.screenshot(path=str(shots / "document.png"), full_page=False)
        fingerprint = finding.get_attribute("data-fingerprint")

        finding.locator("select[name=status]").select_option("false_positive")
        finding.locator("input[name=reason]").fill("表中数字为四舍五入后的结果")
        finding.locator("button[type=submit]").click()
        marked = page.locator(f"#f-{fingerprint} .mark")
        expect(marked).to_contain_text("误报")
        expect(marked).to_contain_text("表中数字为四舍五入后的结果")
        expect(page.locator("#review-counts")).to_contain_text("误报 1")

        page.click("#reanalyse")
        expect(page.locator("#doc-status")).to_have_text("完成", timeout=120_000)
        expect(page.locator(f"#f-{fingerprint} .mark")).to_contain_text("误报")
        expect(page.locator(f"#f-{fingerprint} .mark")).to_contain_text("lin")

        page.goto(base + "/documents")
        first = page.locator("#documents tbody tr", has_text=SAMPLES[0].name)
        expect(first.locator("td").nth(9)).to_have_text("1")  # 误报
        page.goto(base + "/reviews")
        expect(page.locator("#marks tbody tr")).to_have_count(1)
        page.screenshot(path=str(shots / "reviews.png"), full_page=True)
        for name, path in (("corpus", "/corpus"), ("findings", "/corpus/findings"), ("rank", "/corpus/rank")):
            page.goto(base + path)
            page.screenshot(path=str(shots / f"{name}.png"), full_page=True)
        page.goto(base + "/corpus")
        page.click("#matrix a >> nth=0")
        expect(page.locator("#overview")).to_be_visible()
        page.screenshot(path=str(shots / "department.png"), full_page=True)
        browser.close()
    assert shutil.disk_usage(shots).free > 0 and len(list(shots.glob("*.png"))) == 8
