"""Ingest on a real Dask cluster: a scheduler and two workers started as separate processes (the
`dask scheduler` / `dask worker` programs), into a throwaway PostgreSQL server (test_store's
fixture; skipped with the reason when PostgreSQL is not installed).

To stay within ~2 minutes on a loaded two-core machine the samples are a subset: every third file
of ../shared/samples in sorted order (17 of 50: PDFs of several producers and an Excel workbook),
given as a list file. The reference is a serial `ingest` of the same files.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import select

from conftest import SEEDS, SHARED
from test_store import _free_port, _new_database, pg_server  # noqa: F401  (pg_server: a fixture)
from yjsgk import cluster
from yjsgk.store import Store, ingest
from yjsgk.store.ingestion import expand_paths
from yjsgk.store.models import Base, Document

SRC = Path(__file__).resolve().parents[1] / "src"
SUBSET = expand_paths([SHARED / "samples"])[::3]
SLOW_PDF = SHARED / "samples/renwu/003_深圳/2026年深圳市人力资源和社会保障局部门预算.pdf"  # 262 pages


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(SRC), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    env["DASK_DISTRIBUTED__SCHEDULER__ALLOWED_FAILURES"] = "0"  # the retry is the client's (cluster.py)
    return env


def _start(args: list[str]) -> subprocess.Popen:
    # a session of its own: killing the group takes a worker's nanny and its process together
    return subprocess.Popen(
        [sys.executable, "-m", *args],
        env=_env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )


def _stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGKILL)
    process.wait(timeout=30)


@pytest.fixture(scope="module")
def dask_cluster():
    """(address, worker processes): `dask scheduler` and two `dask worker --nthreads 1`."""
    from distributed import Client

    port = _free_port()
    address = f"tcp://127.0.0.1:{port}"
    scheduler = _start(["distributed.cli.dask_scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard"])
    workers = [
        _start(["distributed.cli.dask_worker", address, "--nthreads", "1", "--no-dashboard", "--memory-limit", "0"])
        for _ in range(2)
    ]
    try:
        with Client(address, timeout=60) as client:
            client.wait_for_workers(2, timeout=120)
        yield address, workers
    finally:
        for process in [*workers, scheduler]:
            _stop(process)


def _dump(url: str) -> dict[str, list[tuple]]:
    """Every row of every table (ids included; only the time of ingestion left out)."""
    store = Store(url)
    try:
        with store.read() as session:
            return {
                table.name: [
                    tuple(row)
                    for row in session.execute(
                        select(*[c for c in table.columns if c.name != "ingested_at"]).order_by(
                            *table.primary_key.columns
                        )
                    )
                ]
                for table in Base.metadata.sorted_tables
            }
    finally:
        store.close()


@pytest.fixture(scope="module")
def serial(request, tmp_path_factory) -> dict[str, list[tuple]]:
    """The database a serial ingest of the subset produces."""
    url = _new_database("postgresql", tmp_path_factory.mktemp("serial"), request)
    store = Store(url)
    try:
        summary = ingest(SUBSET, store)
    finally:
        store.close()
    assert len(summary.ingested) >= 12, [(o.path, o.reason) for o in summary.failed]
    return _dump(url)


def test_the_cluster_stores_exactly_what_a_serial_ingest_stores(dask_cluster, serial, request, tmp_path):
    address, _ = dask_cluster
    url = _new_database("postgresql", tmp_path, request)
    listing = tmp_path / "files.txt"
    listing.write_text("# the subset\n" + "\n".join(map(str, SUBSET)) + "\n", encoding="utf-8")
    command = [sys.executable, "-m", "yjsgk", "ingest", "--from", str(listing), "--db", url, "--cluster", address]
    first = subprocess.run([*command, "--format", "json"], env=_env(), capture_output=True, text=True, timeout=600)
    summary = json.loads(first.stdout)
    documents = len(serial["documents"])
    assert (summary["ingested"], summary["unchanged"]) == (documents, 0)
    assert summary["failed"] == len(SUBSET) - documents  # the same files fail, with the same reasons
    assert _dump(url) == serial
    # a second run (a resumed one) sends nothing to the workers: every file is already stored
    again = json.loads(
        subprocess.run([*command, "--format", "json"], env=_env(), capture_output=True, text=True, timeout=600).stdout
    )
    assert (again["ingested"], again["unchanged"]) == (0, documents)
    assert _dump(url) == serial


def _slow_pdf(folder: Path) -> Path:
    """深圳人社's 262 pages followed by its first 230 again (492 pages, under the 500 limit): about
    4 s to read on this machine, twenty times a seed's time, so the test holds on a fast machine
    and on a loaded one."""
    import pikepdf

    out = folder / "slow.pdf"
    with pikepdf.open(SLOW_PDF) as pdf:
        pdf.pages.extend(list(pdf.pages)[:230])
        pdf.save(out)
    return out


def test_a_file_over_the_time_limit_is_retried_once_then_failed_and_the_run_goes_on(tmp_path):
    """On local worker processes: the 492-page PDF takes seconds, a seed a tenth of one; a worker's
    imports are done before the clock starts, so the first file of a new worker is not charged."""
    seeds = sorted(SEEDS.glob("*.txt"))[:3]
    slow = _slow_pdf(tmp_path)
    store = Store(tmp_path / "limit.db")
    try:
        inputs = [cluster.Input(str(p)) for p in [seeds[0], slow, *seeds[1:]]]
        summary = cluster.ingest(inputs, store, jobs=2, limit=2)
        with store.read() as session:
            stored = session.scalars(select(Document.source).order_by(Document.id)).all()
    finally:
        store.close()
    by_path = {o.path: o for o in summary.outcomes}
    assert by_path[str(slow)].status == "failed"
    assert "两次中止" in by_path[str(slow)].reason and "2 秒" in by_path[str(slow)].reason
    assert [o.status for o in summary.outcomes if o.path != str(slow)] == ["ingested"] * 3
    assert stored == [str(p) for p in seeds]


def test_a_manifest_gives_paths_relative_to_itself_and_keeps_the_metadata(tmp_path):
    manifest = SHARED / "samples" / "MANIFEST.tsv"
    items = cluster.read_list(manifest)
    assert len(items) == 50
    first = items[0]
    assert first.path == str(SHARED / "samples" / "open-budget/江苏省人大办公厅/江苏省人大办公厅2017年度预算公开.pdf")
    assert first.meta["department"] == "江苏省人大常委会办公厅" and first.meta["year"] == "2017"
    assert all(Path(i.path).exists() for i in items)


def test_a_killed_worker_loses_and_duplicates_nothing(dask_cluster, serial, request, tmp_path):
    """Run last in this module: the killed worker stays dead, the other one finishes the run."""
    from distributed import Client

    address, workers = dask_cluster
    url = _new_database("postgresql", tmp_path, request)
    result: dict = {}

    def run() -> None:
        store = Store(url)
        try:
            result["summary"] = cluster.ingest([cluster.Input(str(p)) for p in SUBSET], store, cluster=address)
        except BaseException as exc:  # reported by the assertion below
            result["error"] = exc
        finally:
            store.close()

    thread = threading.Thread(target=run)
    thread.start()
    victim = workers[0]
    killed = False
    with Client(address, timeout=60) as client:
        family = _children(victim.pid)
        target = next(worker for worker, pid in client.run(os.getpid).items() if pid in family)
        deadline = time.monotonic() + 300
        while not killed and thread.is_alive() and time.monotonic() < deadline:
            # kill the worker while it holds a task, once some files are already stored
            if client.processing().get(target) and _stored(url) >= 2:
                _stop(victim)
                killed = True
            time.sleep(0.2)
    thread.join(timeout=600)
    assert killed, "the run ended before a worker could be killed mid-run"
    assert "error" not in result, result.get("error")
    summary = result["summary"]
    assert len(summary.outcomes) == len(SUBSET)
    assert len(summary.ingested) == len(serial["documents"])
    assert _dump(url) == serial  # nothing lost, nothing stored twice


def _stored(url: str) -> int:
    import psycopg

    try:
        with psycopg.connect(url) as conn:
            row = conn.execute("SELECT count(*) FROM documents").fetchone()
    except psycopg.Error:  # the schema is not created yet
        return 0
    return row[0] if row else 0


def _children(pid: int) -> set[int]:
    """The process and its descendants (a `dask worker` is a nanny with the worker as its child)."""
    found = {pid}
    for _ in range(3):
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit():
                try:
                    parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
                except (OSError, ValueError, IndexError):
                    continue
                if parent in found:
                    found.add(int(entry.name))
    return found
