"""Prove read/cells.py finds exactly pdfplumber's cells: every page of every PDF given.

    PYTHONPATH=src .venv/bin/python bench/cells_check.py ../shared/samples ../shared/corpus

For each page the reader's edges (read/pdf.py) go through pdfplumber 0.11's own functions
(merge_edges, filter_edges, edges_to_intersections, intersections_to_cells, cells_to_tables,
Table.rows/bbox), with the reader's own open-row rules and its former all-pairs frame test, and
through read/cells.py; the tables, their cells (floats compared exactly),
rows and boxes must be equal. Prints the counts and the time each took; exits 1 on any difference.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from pdfplumber import table as plumber_table
from pdfplumber.utils import filter_edges

from yjsgk.read import cells, pdf


def enclosing(cells: list[tuple]) -> set[int]:
    """Frames as read/pdf.py found them before read/cells.py: every cell against every smaller one."""
    out: set[int] = set()
    by_area = sorted(range(len(cells)), key=lambda i: (cells[i][2] - cells[i][0]) * (cells[i][3] - cells[i][1]))
    for rank, i in enumerate(by_area):
        x0, top, x1, bottom = cells[i]
        for j in by_area[:rank]:
            a0, atop, a1, abottom = cells[j]
            if a0 >= x0 - 1 and a1 <= x1 + 1 and atop >= top - 1 and abottom <= bottom + 1:
                out.add(i)
                break
    return out


def plumber(edges: list[dict]):
    merged = plumber_table.merge_edges(
        edges, pdf.SNAP_TOLERANCE, pdf.SNAP_TOLERANCE, pdf.JOIN_TOLERANCE, pdf.JOIN_TOLERANCE
    )
    merged = filter_edges(merged, min_length=pdf.EDGE_MIN_LENGTH)
    merged += pdf._open_ends(merged)
    found = plumber_table.edges_to_intersections(merged, pdf.INTERSECTION_TOLERANCE, pdf.INTERSECTION_TOLERANCE)
    found_cells = plumber_table.intersections_to_cells(found)
    framed = enclosing(found_cells)
    if framed:
        found_cells = [c for i, c in enumerate(found_cells) if i not in framed]
    tables = plumber_table.cells_to_tables(found_cells)
    return [
        (t, plumber_table.Table(None, t).bbox, [r.cells for r in plumber_table.Table(None, t).rows]) for t in tables
    ]


def ours(edges: list[dict]):
    return [(t, cells.Table(t).bbox, cells.Table(t).rows) for t in pdf._find_cells(edges)]


def page_edges(document, index: int) -> list[dict]:
    page = document[index]
    try:
        display = pdf._display_matrix(page)
        edges = pdf._edges(page, display, pdf.PageStats())
        width, height = page.get_size()
    finally:
        page.close()
    off = pdf.OFF_PAGE
    return [
        e
        for e in edges
        if e["x1"] >= -off and e["x0"] <= width + off and e["bottom"] >= -off and e["top"] <= height + off
    ]


def main(args: list[str]) -> int:
    paths = [p for a in args for p in (sorted(Path(a).rglob("*.pdf")) if Path(a).is_dir() else [Path(a)])]
    pages = tables = cell_count = differ = 0
    t_plumber = t_ours = 0.0
    for path in paths:
        try:
            document = pdf.open_pdf(path, str(path))
        except Exception as exc:  # an unreadable file has no cells to compare
            print(f"skip {path}: {exc}")
            continue
        try:
            for index in range(len(document)):
                edges = page_edges(document, index)
                pages += 1
                t = time.perf_counter()
                a = plumber([dict(e) for e in edges])
                t_plumber += time.perf_counter() - t
                t = time.perf_counter()
                b = ours([dict(e) for e in edges])
                t_ours += time.perf_counter() - t
                tables += len(a)
                cell_count += sum(len(t[0]) for t in a)
                if a != b:
                    differ += 1
                    print(f"DIFFERENT: {path} page {index + 1}: pdfplumber {len(a)} tables, ours {len(b)}")
        finally:
            document.close()
    print(
        f"{len(paths)} PDFs, {pages} pages, {tables} tables, {cell_count} cells: {differ} pages differ;"
        f" pdfplumber's functions {t_plumber:.2f} s, read/cells.py {t_ours:.2f} s"
    )
    return 1 if differ else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:] or [str(Path(__file__).resolve().parents[2] / "shared")]))
