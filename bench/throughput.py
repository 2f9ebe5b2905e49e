"""Documents per hour: `yjsgk ingest` serially, on every core, and on a Dask LocalCluster.

    PYTHONPATH=src .venv/bin/python bench/throughput.py [PATH…] [--modes serial,jobs,local:2]
                                                        [--pg postgresql://user@host:port] [--text 20]

Each mode is one whole `yjsgk ingest PATH… --db NEW --format json` process (start-up, imports,
a LocalCluster's start included) into a new, empty database: SQLite files by default, or new
databases on the PostgreSQL server given with `--pg`. Reported per mode: wall seconds, documents
per hour (every file handled, stored or failed), pages per hour and the same as 30-page documents
per hour (pages / 30), and the database's size per stored document (SQLite: the file with its WAL;
PostgreSQL: pg_database_size minus the size of an empty database with the schema), and, on workers,
the mean time of the writing process's transaction per stored document (its capacity as one writer).
On a shared machine the wall clock measures the neighbours too: "CPU s" is the user+system time of
the command and all its processes (workers included), and "2-core docs/h" = files / (CPU s / 2) is
what two otherwise idle cores would do at that cost (perfect scaling assumed: compare with the
wall-clock rate when the machine is quiet). `--text N` also times `yjsgk check` on the text seeds given N times each, on every core
(text documents per second). Default PATH: ../shared/corpus. A measurement, not a test.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def pdf_pages(paths: list[str]) -> int:
    import pypdfium2 as pdfium

    from yjsgk.store.ingestion import expand_paths

    pages = 0
    for path in expand_paths(paths):
        if path.suffix.lower() == ".pdf":
            try:
                document = pdfium.PdfDocument(str(path))
            except pdfium.PdfiumError:
                continue
            pages += len(document)
            document.close()
    return pages


def env() -> dict[str, str]:
    out = dict(os.environ)
    out["PYTHONPATH"] = os.pathsep.join([str(ROOT / "src"), out.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    return out


def new_database(pg: str | None, folder: Path) -> str:
    if pg is None:
        return str(folder / f"bench-{uuid.uuid4().hex[:8]}.db")
    import psycopg

    name = f"bench_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(f"{pg}/postgres", autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return f"{pg}/{name}"


def database_bytes(url: str) -> int:
    if "://" not in url:
        return sum(p.stat().st_size for p in Path(url).parent.glob(Path(url).name + "*"))
    import psycopg

    with psycopg.connect(url) as conn:
        row = conn.execute("SELECT pg_database_size(current_database())").fetchone()
    return int(row[0]) if row else 0


def empty_bytes(pg: str | None, folder: Path) -> int:
    """The size of a database holding only the schema."""
    from yjsgk.store import Store

    url = new_database(pg, folder)
    Store(url).close()
    return database_bytes(url)


def cpu_of_children() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def ingest(paths: list[str], mode: str, url: str) -> tuple[float, float, dict]:
    """(wall seconds, CPU seconds of the command and every process it started and waited for, summary)."""
    command = [sys.executable, "-m", "yjsgk", "ingest", *paths, "--db", url, "--format", "json"]
    command += (
        ["--cluster", mode] if mode.startswith(("local", "tcp://")) else ["--jobs", "1" if mode == "serial" else "0"]
    )
    cpu = cpu_of_children()
    started = time.perf_counter()
    out = subprocess.run(command, env=env(), capture_output=True, text=True, timeout=7200)
    seconds = time.perf_counter() - started
    if not out.stdout.strip():
        raise SystemExit(f"{mode}: {out.stderr[-2000:]}")
    return seconds, cpu_of_children() - cpu, json.loads(out.stdout)


def text_rate(repeat: int) -> tuple[int, float, float]:
    seeds = sorted(str(p) for p in (SHARED / "seeds").glob("*.txt"))
    files = seeds * repeat
    command = [sys.executable, "-m", "yjsgk", "check", *files, "--format", "json", "--jobs", "0"]
    cpu = cpu_of_children()
    started = time.perf_counter()
    subprocess.run(command, env=env(), capture_output=True, timeout=7200)
    return len(files), time.perf_counter() - started, cpu_of_children() - cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="*", default=[str(SHARED / "corpus")])
    parser.add_argument("--modes", default="serial,jobs,local:2")
    parser.add_argument("--pg", metavar="URL", help="a PostgreSQL server (postgresql://user@host:port)")
    parser.add_argument("--text", type=int, default=0, metavar="N", help="also check the text seeds N times each")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT / "src"))
    pages = pdf_pages(args.paths)
    print(f"inputs: {' '.join(args.paths)}; {pages} PDF pages; load average {os.getloadavg()[0]:.1f}")
    with tempfile.TemporaryDirectory(prefix="yjsgk-bench-") as tmp:
        folder = Path(tmp)
        base = empty_bytes(args.pg, folder)
        header = (
            f"{'mode':<10} {'files':>5} {'stored':>6} {'failed':>6} {'wall s':>7} {'docs/h':>8} {'30p docs/h':>10}"
            f" {'CPU s':>7} {'CPU s/doc':>9} {'2-core docs/h':>13} {'DB KB/doc':>9} {'write ms':>8}"
        )
        print(header)
        print("-" * len(header))
        for mode in args.modes.split(","):
            url = new_database(args.pg, folder)
            seconds, cpu, summary = ingest(args.paths, mode, url)
            files = len(summary["files"])
            stored = summary["ingested"]
            size = (database_bytes(url) - base) / max(stored, 1) / 1024
            # parallel modes: a stored file's seconds are the client's transaction alone
            writes = [f["seconds"] for f in summary["files"] if f["status"] == "ingested"]
            write_ms = 1000 * sum(writes) / max(len(writes), 1) if mode != "serial" else float("nan")
            print(
                f"{mode:<10} {files:>5} {stored:>6} {summary['failed']:>6} {seconds:>7.1f}"
                f" {files / seconds * 3600:>8.0f} {pages / 30 / seconds * 3600:>10.0f}"
                f" {cpu:>7.1f} {cpu / files:>9.3f} {files / (cpu / 2) * 3600:>13.0f} {size:>9.0f} {write_ms:>8.1f}",
                flush=True,
            )
        if args.text:
            n, seconds, cpu = text_rate(args.text)
            print(
                f"text: yjsgk check of {n} text documents on every core: {seconds:.1f} s = {n / seconds:.1f} docs/s;"
                f" CPU {cpu:.1f} s = {cpu / n * 1000:.0f} ms/doc, {n / (cpu / 2):.1f} docs/s on 2 idle cores"
            )
    print(f"load average after: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
