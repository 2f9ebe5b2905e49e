"""A bounded load test of `yjsgk serve` on 127.0.0.1.

1. Starts the server (a fresh SQLite database in a temporary folder, `--workers 2`) and adds a user.
2. 20 concurrent uploads of the samples (../shared/samples, the first 20 supported files in path
   order), then waits until every upload is processed: no document may be lost (each upload ends
   `done` or `failed` with its reason, and each `done` one is in the database once).
3. 200 concurrent page views by logged-in browsers (document list, document pages, the corpus
   matrix, findings by rule, the status API), all at once.

Prints latencies (p50/p95/max) and throughput as JSON.

    python bench/web_load.py [--uploads 20] [--views 200] [--keep]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT.parent / "shared" / "samples"
SUFFIXES = {".pdf", ".docx", ".doc", ".xlsx", ".xls", ".html", ".htm", ".txt", ".md"}
PASSWORD = "load test password"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _percentiles(values: list[float]) -> dict:
    ordered = sorted(values)
    if not ordered:
        return {}

    def at(q: float) -> float:
        return round(ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000, 1)

    return {
        "n": len(ordered),
        "p50_ms": at(0.50),
        "p95_ms": at(0.95),
        "max_ms": round(ordered[-1] * 1000, 1),
        "mean_ms": round(statistics.fmean(ordered) * 1000, 1),
    }


def _start(folder: Path) -> tuple[subprocess.Popen, str, str]:
    db = str(folder / "load.db")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    subprocess.run(
        [sys.executable, "-m", "yjsgk", "user", "add", "bench", "--role", "reviewer", "--db", db],
        input=PASSWORD + "\n",
        text=True,
        check=True,
        capture_output=True,
        env=env,
    )
    port = _free_port()
    log = open(folder / "server.log", "w")
    process = subprocess.Popen(
        [sys.executable, "-m", "yjsgk", "serve", "--db", db, "--port", str(port), "--workers", "2"],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            httpx.get(base + "/login", timeout=2)
            return process, base, db
        except httpx.HTTPError:
            time.sleep(0.3)
    process.kill()
    raise SystemExit("server did not start: " + (folder / "server.log").read_text())


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--uploads", type=int, default=20)
    parser.add_argument("--views", type=int, default=200)
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = parser.parse_args()
    files = sorted(p for p in SAMPLES.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)[: args.uploads]
    folder = Path(tempfile.mkdtemp(prefix="yjsgk-web-load-"))
    process, base, db = _start(folder)
    report: dict = {"server": base, "files": len(files)}
    try:
        token = httpx.post(base + "/api/login", json={"name": "bench", "password": PASSWORD}).json()["token"]
        headers = {"Authorization": f"Bearer {token}"}

        # 1. concurrent uploads
        barrier = threading.Barrier(len(files))

        def upload(path: Path) -> tuple[float, int, dict]:
            with httpx.Client(timeout=120) as client:
                data = path.read_bytes()
                barrier.wait()
                started = time.perf_counter()
                response = client.post(base + "/api/documents", headers=headers, files={"file": (path.name, data)})
                return time.perf_counter() - started, response.status_code, response.json()

        started = time.perf_counter()
        with ThreadPoolExecutor(len(files)) as pool:
            results = list(pool.map(upload, files))
        accepted = time.perf_counter() - started
        ids = [body["id"] for _, status, body in results if status in (200, 201)]
        refused = [
            (f.name, body) for f, (_, status, body) in zip(files, results, strict=True) if status not in (200, 201)
        ]
        states: dict[int, dict] = {}
        deadline = time.monotonic() + 900
        with httpx.Client(timeout=30) as client:
            while time.monotonic() < deadline:
                for upload_id in ids:
                    if upload_id not in states:
                        body = client.get(f"{base}/api/documents/{upload_id}", headers=headers).json()
                        if body["status"] in ("done", "failed"):
                            states[upload_id] = body
                if len(states) == len(set(ids)):
                    break
                time.sleep(0.5)
        processed = time.perf_counter() - started
        done = [b for b in states.values() if b["status"] == "done"]
        failed = {b["filename"]: b["reason"] for b in states.values() if b["status"] == "failed"}
        stored = {b["stored_document"] for b in done if b["stored_document"] is not None}
        report["uploads"] = {
            "request": _percentiles([t for t, _, _ in results]),
            "accepted_all_s": round(accepted, 2),
            "processed_all_s": round(processed, 2),
            "documents_per_minute": round(len(states) / processed * 60, 1),
            "done": len(done),
            "failed": failed,
            "refused": refused,
            "unfinished": len(set(ids)) - len(states),
            "stored_documents": len(stored),
            "lost": len(files) - len(refused) - len(states),
        }

        # 2. concurrent page views, by logged-in browsers
        paths = ["/documents", "/corpus", "/corpus/findings"]
        paths += [f"/documents/{i}" for i in ids] + [f"/api/documents/{i}" for i in ids]

        def browser() -> httpx.Client:
            client = httpx.Client(base_url=base, timeout=120)
            page = client.get("/login")
            csrf = re.search(r'name="csrf" value="([^"]+)"', page.text).group(1)
            client.post("/login", data={"name": "bench", "password": PASSWORD, "csrf": csrf, "next": "/documents"})
            return client

        browsers = [browser() for _ in range(4)]  # a few sessions shared by the viewers
        views = [paths[i % len(paths)] for i in range(args.views)]
        barrier = threading.Barrier(len(views))

        def view(index_path: tuple[int, str]) -> tuple[float, int]:
            index, path = index_path
            client = browsers[index % len(browsers)]
            barrier.wait()
            t0 = time.perf_counter()
            response = client.get(path)
            return time.perf_counter() - t0, response.status_code

        started = time.perf_counter()
        with ThreadPoolExecutor(len(views)) as pool:
            timings = list(pool.map(view, enumerate(views)))
        elapsed = time.perf_counter() - started
        report["page_views"] = {
            **_percentiles([t for t, _ in timings]),
            "status": {str(s): sum(1 for _, c in timings if c == s) for s in sorted({c for _, c in timings})},
            "wall_s": round(elapsed, 2),
            "requests_per_s": round(len(timings) / elapsed, 1),
        }
        for client in browsers:
            client.close()
    finally:
        process.terminate()
        process.wait(timeout=30)
    print(json.dumps(report, ensure_ascii=False, indent=2))
    if not args.keep:
        import shutil

        shutil.rmtree(folder, ignore_errors=True)
    lost = report.get("uploads", {}).get("lost", 1) or report.get("uploads", {}).get("unfinished", 1)
    return 1 if lost else 0


if __name__ == "__main__":
    raise SystemExit(main())
