"""Whole-process latency with hyperfine: `yjsgk --version`, `yjsgk check` on four ~30-page PDFs,
and plain pdfplumber (`extract_text` + `extract_tables` on every page) on the same four, side by
side in one run; optionally the same `yjsgk` commands of another source tree (`--before SRC`).

    PYTHONPATH=src .venv/bin/python bench/latency.py [--runs 15] [--before /tmp/base/src] [--instructions]

`--instructions` also counts the instructions of each `yjsgk` command (one run under valgrind's
callgrind after a warm-up run): unlike seconds, they do not depend on what else the machine runs.
The compiled patterns and dataclass methods yjsgk keeps between runs (yjsgk/compiled.py) go to a
new folder for this run; the warm-ups fill it, so the figures are those of every run but a
user's first.

Needs hyperfine (apt-get install hyperfine), and valgrind for `--instructions`. The machine is
shared: each command runs `--runs` times after two warm-ups, and min and median are reported
(min: the cost when nobody else runs; median: what one meets). Python byte-code is compiled beforehand for each tree (an installed
package has it; with PYTHONDONTWRITEBYTECODE every run would compile the sources again).
"""

from __future__ import annotations

import argparse
import json
import os
import shlex
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT.parent / "shared" / "samples"
FOUR = [  # four producers and regions, 31–33 pages each
    "open-budget/江苏省人大办公厅/江苏省人大办公厅2017年度预算公开.pdf",
    "renwu/022_佛山/2026年佛山市交通运输局部门预算.pdf",
    "GovBudgetChecker/X/上海市普陀区人民政府万里街道办事处24年预算.pdf",
    "renwu/015_长沙/2026年长沙市信访局部门预算.pdf",
]
PLUMBER = (
    "import sys, pdfplumber\n"
    "with pdfplumber.open(sys.argv[1]) as pdf:\n"
    "    for page in pdf.pages:\n"
    "        page.extract_text(); page.extract_tables(); page.close()\n"
)


def hyperfine(commands: dict[str, str], runs: int) -> dict[str, list[float]]:
    with tempfile.NamedTemporaryFile(suffix=".json") as out:
        args = ["hyperfine", "-N", "-i", "-w", "2", "-r", str(runs), "--export-json", out.name]
        for name, command in commands.items():
            args += ["-n", name, command]
        subprocess.run(args, check=True, stdout=subprocess.DEVNULL)
        results = json.load(open(out.name))["results"]
    return {r["command"]: r["times"] for r in results}


def instructions(command: str) -> int:
    """Instructions of one run of `command` (after one run to warm the compiled-pattern cache)."""
    subprocess.run(shlex.split(command), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "callgrind.out"
        run = ["valgrind", "--tool=callgrind", "--trace-children=yes", f"--callgrind-out-file={out}"]
        run += shlex.split(command)
        done = subprocess.run(run, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    collected = [line for line in done.stderr.splitlines() if "Collected :" in line]
    return int(collected[-1].split(":")[-1].strip().replace(",", ""))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--before", type=Path, metavar="SRC", help="another tree's src/ to time the same way")
    parser.add_argument("--instructions", action="store_true", help="count instructions too (valgrind)")
    args = parser.parse_args()
    os.environ["YJSGK_CACHE"] = tempfile.mkdtemp(prefix="yjsgk-latency-")
    python = sys.executable
    trees = {"after": ROOT / "src"}
    if args.before:
        trees = {"before": args.before, **trees}
    for src in trees.values():
        subprocess.run([python, "-m", "compileall", "-q", str(src)], check=True, stdout=subprocess.DEVNULL)
    commands: dict[str, str] = {}
    for label, src in trees.items():
        run = f"env PYTHONPATH={shlex.quote(str(src))} {python} -m yjsgk"
        commands[f"{label} --version"] = f"{run} --version"
        for i, name in enumerate(FOUR, 1):
            commands[f"{label} check #{i}"] = f"{run} check {shlex.quote(str(SAMPLES / name))}"
    script = Path(tempfile.mkstemp(suffix=".py")[1])
    script.write_text(PLUMBER)
    for i, name in enumerate(FOUR, 1):
        commands[f"pdfplumber #{i}"] = f"{python} {script} {shlex.quote(str(SAMPLES / name))}"
    if args.instructions:
        print(f"{'command':<22} {'instructions':>14}")
        for name, command in commands.items():
            if "pdfplumber" not in name:
                print(f"{name:<22} {instructions(command):>14,}")
    print(f"load average before: {os.getloadavg()[0]:.1f}; {args.runs} runs each")
    times = hyperfine(commands, args.runs)
    script.unlink()
    print(f"{'command':<22} {'min s':>7} {'median s':>9}")
    for name, values in times.items():
        print(f"{name:<22} {min(values):>7.3f} {statistics.median(values):>9.3f}")
    for i, name in enumerate(FOUR, 1):
        plumber = times[f"pdfplumber #{i}"]
        check = times[f"after check #{i}"]
        print(
            f"#{i} {name}: check / pdfplumber = {min(check) / min(plumber):.2f} (min),"
            f" {statistics.median(check) / statistics.median(plumber):.2f} (median)"
        )
    print(f"load average after: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
