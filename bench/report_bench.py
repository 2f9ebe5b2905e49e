"""Time and size of the HTML report (`yjsgk check --format html`), one document at a time.

    .venv/bin/python bench/report_bench.py [PDF ...]

Default: the largest samples — the one with most pages, the largest file, and the one with most
findings (../shared/samples). For each: pages, findings, findings with a page box, pages
rendered (only pages that carry a box are rendered, once each), seconds to read and check
(`pipeline.load`), seconds to build the report (render pages, crop, encode PNG, fill the
template), the report's size, and the size per rendered page: the issue's budget is a
30-page report under 3 MB, i.e. 100 KB a page. A measurement, not a test: nothing is asserted.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
SAMPLES = ROOT.parent / "shared" / "samples"
DEFAULT = [
    "renwu/003_深圳/2026年深圳市人力资源和社会保障局部门预算.pdf",  # most pages (262)
    "renwu/025_烟台/2026年烟台市交通运输局部门预算.pdf",  # largest file (3.8 MB)
    "renwu/020_西安/卫生健康委员会_2026年部门预算.pdf",  # most findings (171 pages)
]


def measure(path: Path) -> dict:
    import pypdfium2 as pdfium

    from yjsgk.pipeline import load
    from yjsgk.report import html_report

    start = time.perf_counter()
    disclosure, findings = load(path)
    checked = time.perf_counter() - start
    start, cpu = time.perf_counter(), time.process_time()
    html = html_report.render([(disclosure, findings)])
    rendered, rendered_cpu = time.perf_counter() - start, time.process_time() - cpu
    boxed_pages = {
        loc.page for f in findings for loc in [f.location, *f.related] if loc is not None and loc.bbox and loc.page
    }
    located = sum(1 for f in findings if any(loc is not None and loc.bbox for loc in [f.location, *f.related]))
    pdf = pdfium.PdfDocument(path)
    pages = len(pdf)
    pdf.close()
    size = len(html.encode("utf-8"))
    return {
        "file": path.name,
        "pages": pages,
        "findings": len(findings),
        "located": located,
        "rendered pages": len(boxed_pages),
        "images": html.count('<figure class="crop">'),
        "check s": round(checked, 2),
        "report s": round(rendered, 2),
        "report cpu s": round(rendered_cpu, 2),  # wall time on a shared machine overstates it
        "size KB": round(size / 1024),
        "KB/rendered page": round(size / 1024 / max(len(boxed_pages), 1), 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="*", type=Path)
    args = parser.parse_args()
    paths = args.paths or [SAMPLES / p for p in DEFAULT]
    rows = [measure(p) for p in paths]
    keys = list(rows[0])
    widths = {k: max(len(k), *(len(str(r[k])) for r in rows)) for k in keys}
    print("  ".join(k.ljust(widths[k]) for k in keys))
    for r in rows:
        print("  ".join(str(r[k]).ljust(widths[k]) for k in keys))


if __name__ == "__main__":
    main()
