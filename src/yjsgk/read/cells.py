"""pdfplumber's "lines" table algorithm, same results, without its quadratic steps.

`find_tables(edges)` returns exactly what pdfplumber 0.11's `merge_edges` → `filter_edges` →
`edges_to_intersections` → `intersections_to_cells` → `cells_to_tables` return for the same edges
(bench/cells_check.py compares the two on every page of ../shared, cell for cell, bit for bit),
and `Table` gives the `bbox` and `rows` of `pdfplumber.table.Table`. What changes is the cost:

* `intersections_to_cells` builds, for every intersection, the list of all later intersections and
  the set of every touching edge's box again for each pair it tests: O(n²) in the number of
  intersections (1,000 on a dense page). Here each point's column, row and edge boxes are indexed
  once; the search (first point below, then first point to the right, that close a rectangle) is
  pdfplumber's, in pdfplumber's order;
* `edges_to_intersections` tests every vertical against every horizontal edge; here only the
  horizontals whose height the vertical spans (bisection over the sorted tops);
* `cells_to_tables` removes cells from a list one at a time; here each pass rebuilds the list.

Not importing pdfplumber (and pdfminer under it) also saves ~40 ms of start-up per process.

The floating-point arithmetic of snapping and joining (`x + (avg - x)`, `height + (bottom' - bottom)`)
is pdfplumber's, operation for operation, so merged coordinates agree to the last bit.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Callable
from operator import itemgetter

Edge = dict  # {"x0", "x1", "top", "bottom", "width", "height", "orientation", "object_type"}
BBox = tuple[float, float, float, float]
Point = tuple[float, float]


# -- merging edges (pdfplumber.table.merge_edges, utils.snap_objects, join_edge_group) ------------


def _cluster_index(values: list[float], tolerance: float) -> dict[float, int]:
    """utils.make_cluster_dict: sorted distinct values, a new cluster where the gap exceeds tolerance."""
    out: dict[float, int] = {}
    index = -1
    last = None
    for x in sorted(set(values)):
        if last is None or x > last + tolerance:
            index += 1
        out[x] = index
        last = x
    return out


def _snap(edges: list[Edge], attr: str, tolerance: float) -> list[Edge]:
    """utils.snap_objects: each cluster moved to its mean (`obj + (avg - obj)`, as pdfplumber)."""
    if not edges:
        return []
    index = _cluster_index([e[attr] for e in edges], tolerance)
    clusters: dict[int, list[Edge]] = {}
    for e in edges:  # in input order within a cluster, as pdfplumber's stable sort
        clusters.setdefault(index[e[attr]], []).append(e)
    keys = ("x0", "x1") if attr == "x0" else ("top", "bottom")
    out: list[Edge] = []
    for k in sorted(clusters):
        cluster = clusters[k]
        avg = sum(e[attr] for e in cluster) / len(cluster)
        for e in cluster:
            value = avg - e[attr]
            moved = dict(e)
            for key in keys:
                moved[key] = e[key] + value
            out.append(moved)
    return out


def _join(group: list[Edge], orientation: str, tolerance: float) -> list[Edge]:
    """table.join_edge_group: overlapping or nearly touching edges on one line become one."""
    low, high = ("x0", "x1") if orientation == "h" else ("top", "bottom")
    ordered = sorted(group, key=itemgetter(low))
    joined = [ordered[0]]
    for e in ordered[1:]:
        last = joined[-1]
        if e[low] <= last[high] + tolerance:
            if e[high] > last[high]:
                resized = dict(last)
                resized[high] = e[high]
                if high == "x1":
                    resized["width"] = e[high] - last["x0"]
                else:
                    resized["height"] = last["height"] + (e[high] - last["bottom"])
                joined[-1] = resized
        else:
            joined.append(e)
    return joined


def merge_edges(edges: list[Edge], snap: float, join: float) -> list[Edge]:
    """table.merge_edges with equal x and y tolerances."""
    if snap > 0:
        edges = _snap([e for e in edges if e["orientation"] == "v"], "x0", snap) + _snap(
            [e for e in edges if e["orientation"] == "h"], "top", snap
        )

    def group(e: Edge) -> tuple[str, float]:
        return ("h", e["top"]) if e["orientation"] == "h" else ("v", e["x0"])

    out: list[Edge] = []
    for (orientation, _), items in itertools.groupby(sorted(edges, key=group), key=group):
        out += _join(list(items), orientation, join)
    return out


def filter_edges(edges: list[Edge], min_length: float) -> list[Edge]:
    """utils.filter_edges(min_length=…): rules at least this long."""
    return [e for e in edges if e["height" if e["orientation"] == "v" else "width"] >= min_length]


# -- intersections and cells ----------------------------------------------------------------------


def _box(e: Edge) -> BBox:
    return (e["x0"], e["top"], e["x1"], e["bottom"])


def edges_to_intersections(edges: list[Edge], tolerance: float) -> dict[Point, tuple[set[BBox], set[BBox]]]:
    """Points where a vertical and a horizontal edge meet (within tolerance), with the boxes of
    the vertical and horizontal edges through each (table.edges_to_intersections keeps the edges;
    only their boxes are ever compared)."""
    vertical = sorted((e for e in edges if e["orientation"] == "v"), key=itemgetter("x0", "top"))
    horizontal = sorted((e for e in edges if e["orientation"] == "h"), key=itemgetter("top", "x0"))
    tops = [h["top"] for h in horizontal]
    out: dict[Point, tuple[set[BBox], set[BBox]]] = {}
    for v in vertical:
        x, vbox = v["x0"], _box(v)
        # h["top"] in [v.top - tol, v.bottom + tol]: the same float comparisons as pdfplumber's
        # v.top <= h.top + tol and v.bottom >= h.top - tol, checked again below
        start = bisect.bisect_left(tops, v["top"] - tolerance - 1.0)
        for h in horizontal[start:]:
            top = h["top"]
            if v["bottom"] < top - tolerance and top > v["bottom"] + tolerance + 1.0:
                break
            if (
                v["top"] <= top + tolerance
                and v["bottom"] >= top - tolerance
                and x >= h["x0"] - tolerance
                and x <= h["x1"] + tolerance
            ):
                point = (x, top)
                found = out.get(point)
                if found is None:
                    found = out[point] = (set(), set())
                found[0].add(vbox)
                found[1].add(_box(h))
    return out


def intersections_to_cells(intersections: dict[Point, tuple[set[BBox], set[BBox]]]) -> list[BBox]:
    """table.intersections_to_cells: for each point in sorted order, the first point below it
    (nearest first) joined to it by a vertical edge, with the first point to its right joined by a
    horizontal edge, such that the opposite corner exists and is joined to both."""
    points = sorted(intersections)
    below: dict[float, list[Point]] = {}  # x → points of that column, top to bottom
    right: dict[float, list[Point]] = {}  # y → points of that row, left to right
    for p in points:
        below.setdefault(p[0], []).append(p)
        right.setdefault(p[1], []).append(p)
    column_index = {p: i for column in below.values() for i, p in enumerate(column)}
    row_index = {p: i for row in right.values() for i, p in enumerate(row)}

    vertical_boxes = {p: v for p, (v, _h) in intersections.items()}
    horizontal_boxes = {p: h for p, (_v, h) in intersections.items()}

    cells: list[BBox] = []
    for pt in points:
        downs = below[pt[0]][column_index[pt] + 1 :]
        if not downs:
            continue
        mine_v, mine_h = vertical_boxes[pt], horizontal_boxes[pt]
        row = right[pt[1]][row_index[pt] + 1 :]
        joined: dict[Point, bool] = {}  # right-hand point → joined to pt by a horizontal edge
        found = None
        for below_pt in downs:
            if mine_v.isdisjoint(vertical_boxes[below_pt]):
                continue
            below_h = horizontal_boxes[below_pt]
            for right_pt in row:
                ok = joined.get(right_pt)
                if ok is None:
                    ok = joined[right_pt] = not mine_h.isdisjoint(horizontal_boxes[right_pt])
                if not ok:
                    continue
                corner = (right_pt[0], below_pt[1])
                corner_v = vertical_boxes.get(corner)
                if (
                    corner_v is not None
                    and not corner_v.isdisjoint(vertical_boxes[right_pt])
                    and not horizontal_boxes[corner].isdisjoint(below_h)
                ):
                    found = (pt[0], pt[1], corner[0], corner[1])
                    break
            if found is not None:
                cells.append(found)
                break
    return cells


def frames(cells: list[BBox]) -> set[int]:
    """Indexes of cells that contain another cell (within 1 pt) earlier in the order of area:
    frames, not cells. Only cells whose top lies within a cell's height (± 1 pt) can be inside it,
    so each cell is tested against those (bisection over the sorted tops), not against all."""
    n = len(cells)
    rank = [0] * n
    for r, i in enumerate(sorted(range(n), key=lambda i: (cells[i][2] - cells[i][0]) * (cells[i][3] - cells[i][1]))):
        rank[i] = r
    by_top = sorted(range(n), key=lambda i: cells[i][1])
    tops = [cells[i][1] for i in by_top]
    out: set[int] = set()
    for i, (x0, top, x1, bottom) in enumerate(cells):
        for j in by_top[bisect.bisect_left(tops, top - 1) : bisect.bisect_right(tops, bottom + 1)]:
            if rank[j] < rank[i]:
                a0, atop, a1, abottom = cells[j]
                if a0 >= x0 - 1 and a1 <= x1 + 1 and atop >= top - 1 and abottom <= bottom + 1:
                    out.add(i)
                    break
    return out


def cells_to_tables(cells: list[BBox]) -> list[list[BBox]]:
    """table.cells_to_tables: cells sharing a corner, grown pass by pass in list order; tables of
    one cell dropped; sorted by their top-left cell."""
    remaining = list(cells)
    tables: list[list[BBox]] = []
    current: list[BBox] = []
    corners: set[Point] = set()
    while remaining:
        before = len(current)
        left: list[BBox] = []
        for cell in remaining:
            x0, top, x1, bottom = cell
            mine = ((x0, top), (x0, bottom), (x1, top), (x1, bottom))
            if not current or any(c in corners for c in mine):
                corners.update(mine)
                current.append(cell)
            else:
                left.append(cell)
        remaining = left
        if len(current) == before:
            tables.append(current)
            current, corners = [], set()
    if current:
        tables.append(current)
    tables.sort(key=lambda t: min((c[1], c[0]) for c in t))
    return [t for t in tables if len(t) > 1]


def find_tables(
    edges: list[Edge],
    *,
    snap: float,
    join: float,
    min_length: float,
    tolerance: float,
    extra: Callable[[list[Edge]], list[Edge]] | None = None,
    drop: Callable[[list[BBox]], set[int]] | None = None,
) -> list[list[BBox]]:
    """Edges → merged edges (+ `extra(merged)`) → intersections → cells (− the indexes `drop(cells)`
    names) → tables of cells."""
    merged = filter_edges(merge_edges(edges, snap, join), min_length)
    if extra is not None:
        merged += extra(merged)
    cells = intersections_to_cells(edges_to_intersections(merged, tolerance))
    dropped = drop(cells) if drop is not None else None
    if dropped:
        cells = [c for i, c in enumerate(cells) if i not in dropped]
    return cells_to_tables(cells)


class Table:
    """pdfplumber.table.Table's geometry: `cells`, `bbox`, and `rows` (each row's cells by column
    start, None where a merged cell spans the position)."""

    __slots__ = ("cells",)

    def __init__(self, cells: list[BBox]):
        self.cells = cells

    @property
    def bbox(self) -> BBox:
        c = self.cells
        return (min(x[0] for x in c), min(x[1] for x in c), max(x[2] for x in c), max(x[3] for x in c))

    @property
    def rows(self) -> list[list[BBox | None]]:
        xs = sorted({c[0] for c in self.cells})
        out = []
        for _top, row in itertools.groupby(sorted(self.cells, key=itemgetter(1, 0)), itemgetter(1)):
            by_x = {c[0]: c for c in row}
            out.append([by_x.get(x) for x in xs])
        return out
