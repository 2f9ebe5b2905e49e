"""Whole-process latency with hyperfine: `yjsgk --version`, `yjsgk check` on four ~30-page PDFs,
and plain pdfplumber (`extract_text` + `extract_tables` on every page) on the same four, side by
side in one run; optionally the same `yjsgk` commands of another source tree (`--before SRC`).

    PYTHONPATH=src .venv/bin/python bench/latency.py [--runs 15] [--before /tmp/base/src]

Needs hyperfine (apt-get install hyperfine). The machine is shared: each command runs `--runs`
times after two warm-ups, and min and median are reported (min: the cost when nobody else runs;
median: what one meets). Python byte-code is compiled beforehand for each tree (an installed
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--before", type=Path, metavar="SRC", help="another tree's src/ to time the same way")
    args = parser.parse_args()
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
