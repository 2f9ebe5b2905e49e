"""Benchmark the PDF reader against plain pdfplumber, one document at a time, one process each.

    .venv/bin/python bench/pdf_bench.py [--compare] [PDF ...]

For every PDF (default: all text-layer PDFs under ../shared/samples) and each method a fresh
child process opens the file, reads it completely and reports wall seconds, pages, peak RSS
(VmHWM, which also sees PDFium's C heap) and the Python-heap peak
(tracemalloc). Methods:

* yjsgk      `yjsgk.read.read_path` (PDFium text and rules, pdfplumber's table geometry);
* check      `yjsgk.pipeline.load`: read, recognize and check, what `yjsgk check` does per file
             (its page count is the last page that holds text);
* pdfplumber `page.extract_text()` + `page.find_tables()` + `table.extract()` on every page,
             pdfplumber defaults (what the notes measured at ~1.5 s for 30 pages).

Timings exclude interpreter start and imports (reported once, separately). "RSS MB" is the growth
of the process's peak resident memory during the read (after imports; "peak" with them); "py MB"
is the Python-heap peak of a second, untimed read under tracemalloc. With `--compare`
every table cell yjsgk reads is also checked against pdfplumber's `find_tables()` with
deduplicated characters (whitespace ignored; where yjsgk drops a frame cell that encloses
other cells, the table is listed rather than counted as a mismatch).
This is a measurement, not a test: nothing here asserts a timing.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT.parent / "shared" / "samples"
SKIP = ("renwu_hist",)  # the scanned sample has no text layer: an error case, not a workload

CHILD = r"""
import json, resource, sys, time, tracemalloc
from pathlib import Path
method, path = sys.argv[1], sys.argv[2]
t0 = time.perf_counter()
if method == "yjsgk":
    from yjsgk.read.pdf import read_pdf
elif method == "check":
    from yjsgk.pipeline import load
else:
    import pdfplumber
imports = time.perf_counter() - t0


def peak_rss_kb():
    # VmHWM is this process's own high-water mark; ru_maxrss survives fork+exec on Linux and
    # would report the (larger) parent's peak
    try:
        with open("/proc/self/status") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


base = peak_rss_kb()


def read():
    if method == "yjsgk":
        stats = []
        read_pdf(Path(path), stats=stats)
        return {"pages": len(stats), "tables": sum(s.tables for s in stats),
                "searched": sum(s.table_search for s in stats),
                "few_paths": sum(s.path_objects < 8 and s.tables > 0 for s in stats)}
    if method == "check":
        disclosure, findings = load(Path(path))
        pages = max((b.location.page or 0 for b in disclosure.document.blocks), default=0)
        return {"pages": pages, "tables": len(disclosure.tables), "searched": 0, "few_paths": 0}
    with pdfplumber.open(path) as pdf:
        out = {"pages": len(pdf.pages), "tables": 0, "searched": len(pdf.pages), "few_paths": 0}
        for page in pdf.pages:
            page.extract_text()
            for table in page.find_tables():
                table.extract()
                out["tables"] += 1
            page.close()
    return out


t = time.perf_counter()
result = read()
result["seconds"] = time.perf_counter() - t
peak = peak_rss_kb()
tracemalloc.start()  # a second, untimed read: tracemalloc slows Python allocation severalfold
read()
result["py_peak_mb"] = tracemalloc.get_traced_memory()[1] / 1024 / 1024
tracemalloc.stop()
result.update(imports=imports, rss_mb=(peak - base) / 1024, rss_peak_mb=peak / 1024)
print(json.dumps(result))
"""


def run(method: str, path: Path) -> dict:
    out = subprocess.run([sys.executable, "-c", CHILD, method, str(path)], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def compare(path: Path) -> tuple[int, int, int, list[str]]:
    """Cells of yjsgk's grids against pdfplumber's `find_tables()` (deduplicated characters).

    Returns (cells agreeing, cells compared, pdfplumber cell texts found nowhere in yjsgk's page,
    notes). Tables with the same shape are compared cell by cell (whitespace ignored). Where the
    shapes differ (yjsgk ignores invisible paths and frames, and closes rows left open at a page
    break), every non-empty pdfplumber cell must still occur in yjsgk's text of that page, in a
    cell or a line, character for character (order aside): a cell whose characters are not all
    there is counted as lost.
    """
    from collections import Counter

    import pdfplumber

    from yjsgk.document import Grid
    from yjsgk.read import read_path

    def squash(text: str | None) -> str:
        return "".join((text or "").split())

    ours: dict[int, list[Grid]] = {}
    page_text: dict[int, str] = {}
    for block in read_path(path).blocks:
        page = block.location.page
        if isinstance(block, Grid):
            ours.setdefault(page, []).append(block)
            text = "|".join(squash(c.text) for row in block.rows for c in row.cells)
        else:
            text = squash(block.text)
        page_text[page] = page_text.get(page, "") + "|" + text
    agree = total = lost = 0
    notes: list[str] = []
    with pdfplumber.open(path) as pdf:
        for number, page in enumerate(pdf.pages, start=1):
            theirs = [[[squash(t) for t in row] for row in t.extract()] for t in page.dedupe_chars().find_tables()]
            mine = [[[squash(t) for t in row.texts] for row in g.rows] for g in ours.get(number, [])]
            page.close()
            if len(mine) == len(theirs) and all(len(a) == len(b) for a, b in zip(mine, theirs, strict=True)):
                for a, b in zip(mine, theirs, strict=True):
                    for ra, rb in zip(a, b, strict=True):
                        total += len(rb)
                        agree += sum(x == y for x, y in zip(ra, rb, strict=True)) if len(ra) == len(rb) else 0
                        if ra != rb:
                            notes.append(f"p{number}: {ra} != {rb}")
                continue
            notes.append(f"p{number}: table rows yjsgk {[len(t) for t in mine]}, pdfplumber {[len(t) for t in theirs]}")
            available = Counter(page_text.get(number, ""))
            for table in theirs:
                for row in table:
                    for text in row:
                        if text and Counter(text) - available:
                            lost += 1
                            notes.append(f"p{number}: pdfplumber cell {text!r} not in yjsgk's page")
    return agree, total, lost, notes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="*", type=Path)
    parser.add_argument("--compare", action="store_true", help="check every table cell against pdfplumber")
    parser.add_argument("--methods", default="yjsgk,pdfplumber")
    args = parser.parse_args()
    paths = args.paths or sorted(p for p in SAMPLES.rglob("*.pdf") if not any(s in str(p) for s in SKIP))
    methods = args.methods.split(",")
    header = f"{'document':<40} {'pages':>5}"
    for m in methods:
        header += f" | {m:>10} s {'p/s':>5} {'RSS':>5} {'+RSS':>5} {'py':>5}"
    header += " | tables (pages searched)" + (" | cells = pdfplumber, lost" if args.compare else "")
    print(header)
    print("-" * len(header))
    totals = {m: [0.0, 0] for m in methods}
    imports: dict[str, float] = {}
    all_notes: list[str] = []
    for path in paths:
        results = {m: run(m, path) for m in methods}
        pages = next(iter(results.values()))["pages"]
        name = str(path.relative_to(SAMPLES) if path.is_relative_to(SAMPLES) else path)
        name = name if len(name) <= 40 else "…" + name[-39:]
        row = f"{name:<40} {pages:>5}"
        for m in methods:
            r = results[m]
            totals[m][0] += r["seconds"]
            totals[m][1] += r["pages"]
            imports[m] = r["imports"]
            row += f" | {r['seconds']:>12.3f} {r['pages'] / r['seconds']:>5.0f} {r['rss_peak_mb']:>5.0f} {r['rss_mb']:>5.0f} {r['py_peak_mb']:>5.1f}"
        y = results.get("yjsgk")
        if y:
            row += f" | {y['tables']:>3} ({y['searched']}/{pages})"
            if y["few_paths"]:
                row += f" {y['few_paths']} p. < 8 paths"
        if args.compare:
            agree, total, lost, notes = compare(path)
            row += f" | {agree}/{total} lost {lost}"
            all_notes += [f"{name}: {n}" for n in notes]
        print(row, flush=True)
    print("-" * len(header))
    for m in methods:
        seconds, pages = totals[m]
        print(
            f"{m}: {seconds:.2f} s for {len(paths)} documents / {pages} pages = {seconds / len(paths):.3f} s per document,"
            f" {1000 * seconds / pages:.1f} ms per page ({pages / seconds:.0f} pages/s); imports {imports[m]:.2f} s once"
        )
    print("columns: s = seconds to read the document; p/s = pages per second; RSS = peak resident MB of the")
    print("process; +RSS = its growth during the read; py = Python-heap peak MB (tracemalloc, separate read)")
    for note in all_notes:
        print("  " + note)


if __name__ == "__main__":
    main()
