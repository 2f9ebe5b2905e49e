"""Ingest on every core of this machine, or on a Dask distributed cluster.

    yjsgk ingest PATH… --db URL --jobs N                 # worker processes on this machine
    yjsgk ingest PATH… --db URL --cluster local:N        # a Dask LocalCluster of N processes
    yjsgk ingest PATH… --db URL --cluster tcp://HOST:8786  # an existing Dask scheduler

Workers read, recognize and check (`store.ingestion.prepare`); this process hashes the inputs,
skips what the database already holds (so a stopped run is resumed by running it again) and
writes each result in its own transaction, in the order of the input
(`store.ingestion.ingest_parallel`). A worker that dies, or a file that runs past the time limit
(the worker stops itself, its nanny starts a fresh one), costs that file one retry; a second
failure records the file as failed with the reason, and the run goes on.

The inputs are files and folders, a list file (one path a line), or a manifest: a TSV with a
`path` column (relative paths are relative to the manifest) and any other columns, kept as the
file's metadata in the summary. A Dask worker must see the same paths (a shared or copied file
tree) and run one thread (`dask worker ADDRESS --nthreads 1`): the work is Python, so threads
would not run in parallel, and a stopped worker takes only its own file with it. The scheduler
should not retry a task itself (`DASK_DISTRIBUTED__SCHEDULER__ALLOWED_FAILURES=0`; `local:N`
sets it): the retry is ours, once.
"""

from __future__ import annotations

import csv
import os
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

TYPE_CHECKING = False  # without importing typing: `yjsgk --help` registers our options
if TYPE_CHECKING:
    from .config import Config
    from .store.ingestion import FileOutcome, Prepared

TIME_LIMIT = 300.0  # seconds one file may take on a worker (a 500-page PDF takes ~10 s)
ATTEMPTS = 2  # a file is tried at most twice: once, and once more after its worker died


@dataclass
class Input:
    path: str
    meta: dict[str, str] = field(default_factory=dict)


def read_inputs(paths: list[str], lists: list[str] | None = None) -> list[Input]:
    """Files and folders (walked, as `yjsgk ingest` walks them), then list files and manifests."""
    from .store.ingestion import expand_paths

    out = [Input(str(p)) for p in expand_paths(paths)]
    for name in lists or []:
        out += read_list(Path(name))
    return out


def read_list(path: Path) -> list[Input]:
    """A list file (one path a line; blank lines and # comments skipped) or a TSV manifest whose
    header names a `path` column; relative paths are taken from the list's folder."""
    base = path.parent
    text = path.read_text(encoding="utf-8-sig")
    lines = text.splitlines()
    header = lines[0].split("\t") if lines else []
    out: list[Input] = []
    if "path" in header:
        for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE):
            name = (row.pop("path") or "").strip()
            if name:
                out.append(Input(str(base / name), {k: v for k, v in row.items() if k and v}))
        return out
    for line in lines:
        name = line.strip()
        if name and not name.startswith("#"):
            out.append(Input(str(base / name)))
    return out


# -- on this machine ---------------------------------------------------------------------------


class ProcessWorkers:
    """A pool of worker processes on this machine. A process that dies (the pool breaks; a file
    over the time limit stops its process too) is replaced, and every file the pool held is
    tried once more."""

    def __init__(self, jobs: int, config: Config | None = None, limit: float = TIME_LIMIT):
        self.jobs = max(1, jobs)
        self.slots = 2 * self.jobs
        self.config = config
        self.limit = limit
        self.pool = self._pool()
        self.running: dict = {}  # future → (index, path, attempt)

    def _pool(self):
        from concurrent.futures import ProcessPoolExecutor

        return ProcessPoolExecutor(max_workers=self.jobs)

    def submit(self, index: int, path: str, attempt: int = 1) -> None:
        future = self.pool.submit(prepare_with_limit, path, self.config, self.limit)
        self.running[future] = (index, path, attempt)

    def wait(self) -> list[tuple[int, Prepared | FileOutcome]]:
        from concurrent.futures import FIRST_COMPLETED
        from concurrent.futures import wait as wait_futures
        from concurrent.futures.process import BrokenProcessPool

        from .store.ingestion import FileOutcome

        finished, _ = wait_futures(list(self.running), return_when=FIRST_COMPLETED)
        out: list[tuple[int, Prepared | FileOutcome]] = []
        retry: list[tuple[int, str, int]] = []
        for future in finished:
            index, path, attempt = self.running.pop(future)
            try:
                out.append((index, future.result()))
            except BrokenProcessPool:
                retry.append((index, path, attempt))
        if retry:  # every file of a broken pool fails with it: a new pool, one more try each
            self.pool.shutdown(wait=False, cancel_futures=True)
            retry += [item for item in self.running.values()]
            self.running.clear()
            self.pool = self._pool()
            for index, path, attempt in retry:
                if attempt >= ATTEMPTS:
                    out.append((index, FileOutcome(path, "failed", reason=_died(self.limit))))
                else:
                    self.submit(index, path, attempt + 1)
        return out

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)


def _died(limit: float) -> str:
    return (
        f"处理该文件的工作进程两次中止：超过每个文件 {limit:g} 秒的时限，或进程崩溃"
        f" (the worker stopped twice on this file: over the {limit:g} s limit, or crashed)"
    )


# -- on a Dask cluster -------------------------------------------------------------------------


def prepare_with_limit(path: str, config: Config | None, limit: float) -> Prepared | FileOutcome:
    """`prepare` with a time limit: a file still running after `limit` seconds stops the worker
    process (a Python thread cannot be interrupted); a Dask nanny starts a new one, a process pool
    is replaced, and the client sees the file's worker die."""

    def stop() -> None:
        sys.stderr.write(f"yjsgk: {path}: 超过 {limit:g} 秒，停止此工作进程 (over the time limit)\n")
        sys.stderr.flush()
        os._exit(75)

    # imported before the clock starts: a new worker's imports are not the file's time
    from . import pipeline
    from .store.ingestion import Prepared, prepare

    pipeline.warm()
    timer = threading.Timer(limit, stop)
    timer.daemon = True
    timer.start()
    try:
        result = prepare(path, config)
    finally:
        timer.cancel()
    if isinstance(result, Prepared):
        # the outline (every text line, ~60 % of the pickled result) is not stored: not sent back
        result.disclosure.outline = None
    return result


def _local_cluster(workers: int):
    import dask
    from distributed import LocalCluster

    # the retry is ours (once); the scheduler must not rerun a task whose worker died
    dask.config.set({"distributed.scheduler.allowed-failures": 0})
    return LocalCluster(
        n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=40
    )


class DaskWorkers:
    """Files sent to a Dask cluster: `local:N` starts a LocalCluster of N one-thread processes,
    anything else is a scheduler address."""

    def __init__(self, address: str, config: Config | None = None, limit: float = TIME_LIMIT):
        from distributed import Client

        self.cluster = None
        if address.startswith("local:") or address == "local":
            count = int(address.split(":", 1)[1]) if ":" in address else (os.cpu_count() or 1)
            self.cluster = _local_cluster(count)
            self.client = Client(self.cluster)
        else:
            self.client = Client(address, timeout=30)
        threads = sum(self.client.nthreads().values()) or 1
        self.slots = 2 * threads
        self.config = config
        self.limit = limit
        self.running: dict = {}  # future key → (future, index, path, attempt)
        from distributed import as_completed

        self.done = as_completed([], with_results=False)

    def submit(self, index: int, path: str, attempt: int = 1) -> None:
        future = self.client.submit(
            prepare_with_limit,
            path,
            self.config,
            self.limit,
            key=f"yjsgk-prepare-{index}-{attempt}-{time.time_ns()}",
            pure=False,
            retries=0,
        )
        self.running[future.key] = (future, index, path, attempt)
        self.done.add(future)

    def wait(self) -> list[tuple[int, Prepared | FileOutcome]]:
        from .store.ingestion import FileOutcome

        out: list[tuple[int, Prepared | FileOutcome]] = []
        for future in [next(self.done), *self.done.next_batch(block=False)]:
            _, index, path, attempt = self.running.pop(future.key)
            try:
                result = future.result()
            except Exception as exc:  # the worker died (KilledWorker), or the cluster failed it
                if attempt < ATTEMPTS:
                    self.submit(index, path, attempt + 1)
                    continue
                reason = _died(self.limit) if type(exc).__name__ == "KilledWorker" else f"{type(exc).__name__}: {exc}"
                result = FileOutcome(path, "failed", reason=reason)
            finally:
                future.release()
            out.append((index, result))
        return out

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()


def ingest(
    inputs: list[Input],
    store,
    *,
    config: Config | None = None,
    jobs: int | None = None,
    cluster: str | None = None,
    limit: float = TIME_LIMIT,
    progress=None,
):
    """Ingest `inputs` with worker processes (`jobs`) or on a Dask cluster; the summary's
    outcomes carry each input's manifest metadata."""
    from .store.ingestion import ingest_parallel

    workers: ProcessWorkers | DaskWorkers
    if cluster:
        workers = DaskWorkers(cluster, config, limit)
    else:
        workers = ProcessWorkers(jobs or (os.cpu_count() or 1), config, limit)
    try:
        summary = ingest_parallel([i.path for i in inputs], store, workers, progress=progress)
    finally:
        workers.close()
    for outcome, item in zip(summary.outcomes, inputs, strict=True):
        if item.meta:
            outcome.meta = item.meta
    return summary


# -- the command line (yjsgk ingest's options, registered by corpus_cli) -------------------------


def add_arguments(parser) -> None:
    from .cli import at_least

    parser.add_argument(
        "--from",
        dest="lists",
        action="append",
        default=[],
        metavar="FILE",
        help="文件清单：每行一个路径，或带 path 列的 TSV 清单（其余列作为元数据）",
    )
    parser.add_argument(
        "-j",
        "--jobs",
        type=at_least(0),
        metavar="N",
        help="本机并行进程数（0 为全部 CPU 核；默认 8 个文件以上时用全部核）",
    )
    parser.add_argument(
        "--cluster",
        metavar="ADDRESS",
        help="在 Dask 集群上读取与核对：调度器地址（tcp://host:8786），或 local:N 在本机启动 N 个进程",
    )
    parser.add_argument(
        "--time-limit",
        type=float,
        default=TIME_LIMIT,
        metavar="SECONDS",
        help=f"每个文件的处理时限（秒，默认 {TIME_LIMIT:g}）；超时或进程中止的文件重试一次，仍失败则记为失败",
    )


def ingest_arguments(args):
    """(inputs, runner): runner None means the serial ingest of `args.paths` (few files, --jobs 1)."""
    from functools import partial

    from .errors import YjsgkError

    if not args.paths and not args.lists:
        raise YjsgkError("请指定要入库的文件、文件夹，或用 --from 指定文件清单")
    inputs = read_inputs(args.paths, args.lists)
    jobs = args.jobs
    cores = os.cpu_count() or 1
    if args.cluster:
        return inputs, partial(ingest, cluster=args.cluster, limit=args.time_limit)
    if jobs is None:
        jobs = cores if len(inputs) >= 8 else 1
    jobs = min(jobs or cores, max(len(inputs), 1))
    if jobs <= 1 and not args.lists:
        return inputs, None
    return inputs, partial(ingest, jobs=jobs, limit=args.time_limit)
