"""Benchmark (not a test): read, recognize and check the text seeds; where the time goes.

.venv/bin/python bench/text_bench.py [--repeat 20]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from functools import partial
from pathlib import Path

from yjsgk.check import check
from yjsgk.read import read_path
from yjsgk.recognize import recognize

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


def timed(fn, repeat: int):
    times = []
    result = None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return result, statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    print(f"{'seed':<28} {'lines':>6} {'read ms':>8} {'recognize ms':>13} {'check ms':>9} {'CLI wall s':>11}")
    for path in sorted(SEEDS.glob("*.txt")):
        document, t_read = timed(partial(read_path, path), args.repeat)
        disclosure, t_recognize = timed(partial(recognize, document), args.repeat)
        _, t_check = timed(partial(check, disclosure), args.repeat)
        cli = [sys.executable, "-m", "yjsgk", "check", str(path)]
        _, t_cli = timed(partial(subprocess.run, cli, capture_output=True), max(3, args.repeat // 4))
        lines = path.read_text(encoding="utf-8").count("\n")
        print(
            f"{path.name:<28} {lines:>6} {t_read * 1e3:>8.2f} {t_recognize * 1e3:>13.2f} {t_check * 1e3:>9.2f} {t_cli:>11.3f}"
        )


if __name__ == "__main__":
    main()
