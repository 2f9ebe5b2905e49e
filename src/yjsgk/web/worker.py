"""Background processing of uploads: a process pool running the pipeline (read → recognize →
check) and storing each document as `yjsgk ingest` does, in one transaction with the upload's state."""

from __future__ import annotations

import multiprocessing
import threading
import time
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path

from sqlalchemy import delete, select, update
from sqlalchemy.exc import IntegrityError, OperationalError

from .. import pipeline
from ..errors import ReadError
from ..report import json_report
from ..store import ingestion
from ..store.db import Store
from ..store.models import Document
from ..store.web_models import Upload
from .auth import now

_STORES: dict[str, Store] = {}
NOT_STORED = "未识别出部门和年度，未入数据库 (no department and no year recognized)"


def _store(url: str) -> Store:
    if url not in _STORES:
        _STORES[url] = Store(url, migrate=False)
    return _STORES[url]


def _renamed(value, old: str, new: str):
    """The check JSON with the server's path of the file replaced by the name it was uploaded as,
    as `yjsgk check NAME --format json` prints it."""
    if isinstance(value, dict):
        return {k: _renamed(v, old, new) for k, v in value.items()}
    if isinstance(value, list):
        return [_renamed(v, old, new) for v in value]
    return new if value == old else value


def process(url: str, upload_id: int, reanalyse: bool = False) -> str:
    """Process one upload (in a worker process): its final status."""
    store = _store(url)
    with store.write() as session:
        upload = session.get(Upload, upload_id)
        if upload is None:
            return "gone"
        upload.status, upload.started_at, upload.reason = "running", now(), None
        path, name, digest, size = Path(upload.stored_path), upload.filename, upload.content_hash, upload.size_bytes
    try:
        disclosure, findings = pipeline.load(path)
    except ReadError as exc:
        return _finish(store, upload_id, "failed", reason=f"{name}: {exc.reason}")
    except Exception as exc:  # the CLI's one line for a bug
        return _finish(
            store, upload_id, "failed", reason=f"{name}: 内部错误 (internal error): {type(exc).__name__}: {exc}"
        )
    payload = json_report.check_payload([(disclosure, findings)], [])["documents"][0]
    result = _renamed(payload, str(path), name)
    if not disclosure.department and disclosure.year is None:
        return _finish(store, upload_id, "done", result=result, reason=NOT_STORED, clear_document=True)
    for attempt in range(ingestion.RETRIES):
        try:
            with store.write() as session:
                if reanalyse:
                    session.execute(delete(Document).where(Document.content_hash == digest))
                existing = ingestion.existing_in(session, digest)
                if existing:  # stored before (by `yjsgk ingest`): linked, not stored twice
                    doc_id = existing.id
                else:
                    doc_id, _ = ingestion.store_disclosure(session, path, digest, size, disclosure, findings)
                session.execute(
                    update(Upload)
                    .where(Upload.id == upload_id)
                    .values(status="done", document_id=doc_id, result=result, reason=None, finished_at=now())
                )
            return "done"
        except (IntegrityError, OperationalError) as exc:
            if attempt == ingestion.RETRIES - 1:
                return _finish(store, upload_id, "failed", reason=f"{name}: 数据库错误 (database error): {exc.orig}")
            time.sleep(0.05 * (attempt + 1))
        except Exception as exc:  # e.g. an amount that cannot be stored exactly
            detail = getattr(exc, "orig", None) or exc
            return _finish(store, upload_id, "failed", reason=f"{name}: {detail}")
    raise AssertionError("unreachable")


def _finish(store: Store, upload_id: int, status: str, *, reason=None, result=None, clear_document=False) -> str:
    values: dict = {"status": status, "reason": reason, "finished_at": now()}
    if result is not None:
        values["result"] = result
    if clear_document or status == "failed":
        values["document_id"] = None
    with store.write() as session:
        session.execute(update(Upload).where(Upload.id == upload_id).values(**values))
    return status


SHUTDOWN_GRACE = 10.0  # seconds a running document may take to finish when the server stops


class Runner:
    """The pool of worker processes; jobs are the upload ids, their state is in the database, so a
    restart picks up what was queued or running."""

    def __init__(self, store: Store, workers: int):
        self.store, self.workers = store, max(1, workers)
        self._lock = threading.Lock()
        self._pool: ProcessPoolExecutor | None = None

    def _executor(self) -> ProcessPoolExecutor:
        with self._lock:
            if self._pool is None:
                # spawn: the server runs threads; a forked child would inherit their locks
                self._pool = ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("spawn"))
            return self._pool

    def submit(self, upload_id: int, reanalyse: bool = False) -> None:
        future = self._executor().submit(process, self.store.url, upload_id, reanalyse)
        future.add_done_callback(lambda f: self._done(upload_id, f))

    def _done(self, upload_id: int, future: Future) -> None:
        if future.cancelled():
            return
        exc = future.exception()
        if exc is None:
            return
        # the worker died (out of memory, killed) or the pool broke: say so, and start a new pool
        _finish(self.store, upload_id, "failed", reason=f"内部错误 (internal error): {type(exc).__name__}: {exc}")
        with self._lock:
            if self._pool is not None and getattr(self._pool, "_broken", False):
                self._pool = None

    def resume(self) -> int:
        """Queue again what a previous run left queued or running."""
        with self.store.read() as session:
            ids = session.scalars(
                select(Upload.id).where(Upload.status.in_(("queued", "running"))).order_by(Upload.id)
            ).all()
        for upload_id in ids:
            self.submit(upload_id)
        return len(ids)

    def shutdown(self, grace: float = SHUTDOWN_GRACE) -> None:
        """Stop the workers before the server's process ends. uvicorn re-raises SIGTERM after its
        shutdown, so no exit hook of the pool runs, and a spawned worker, holding both ends of its
        queue, would wait for work forever. A document still running after `grace` seconds is
        stopped: its upload stays 'running' and is queued again at the next start (`resume`)."""
        with self._lock:
            pool, self._pool = self._pool, None
        if pool is None:
            return
        processes = list((getattr(pool, "_processes", None) or {}).values())
        pool.shutdown(wait=False, cancel_futures=True)
        deadline = time.monotonic() + grace
        for worker in processes:
            worker.join(max(0.0, deadline - time.monotonic()))
            if worker.is_alive():
                worker.terminate()
                worker.join(5)


__all__ = ["NOT_STORED", "Runner", "process"]
