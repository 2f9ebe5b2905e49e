"""Evidence for a finding: the printed cells or sentence it rests on, marked, as a reviewer sees them.

Shared by the HTML report (`report/html_report.py`), the annotated PDF (`annotate.py`) and the
web application. It depends only on a document's path and its findings (`check.Finding` objects
or their JSON dicts, `Finding.to_dict()` / `check --format json`), never on how they were stored.

For a PDF, each finding gives one `Crop` per page it names: a strip of the page, full width (so
the row's name and code are in view) and from a little above the highest box to a little below
the lowest, with its boxes:

* red (`FINDING`) — the finding's own location: the cell, row or sentence it reports;
* blue (`RELATED`) — its `related` locations: the cells it was compared with;

each box labelled with the text printed inside it (for a cell; a whole text line or row gets no
label, it would repeat the line). Coordinates are PDF points in display space (origin top-left,
y down, /Rotate and the crop box applied): the same space as `Location.bbox`. Only the pages that
carry a box are rendered, each once per `EvidenceSource`, in 14 grey levels with the box colours in
a 4-bit palette, which keeps a 30-page report of a few dozen findings under 3 MB.

For the other formats (text, Markdown, Word, Excel, HTML: no page geometry), the evidence is the
rows and lines involved, as `Line`s, marked the same way (the row's role, and per cell the role of
each marked column).

Usage::

    with EvidenceSource(path) as source:
        for finding in findings:
            ev = source.evidence(finding)
            for crop in ev.crops:             # PDF
                crop.data_uri()                # clean PNG: draw crop.boxes_px() over it (SVG/CSS)
                crop.data_uri(marked=True)     # PNG with the boxes and labels drawn in
            for line in ev.lines:              # other formats
                line.cells, line.role, line.marks
            ev.reason                          # why there is nothing to show (no location), or None
            ev.to_dict()                       # all of it, JSON-ready (images as data URIs)

A finding without any location (a missing table or section: there is nothing printed to box)
gets an `Evidence` with no crop and no line, and `reason` saying so.
"""

from __future__ import annotations

import base64
import io
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

FINDING, RELATED = "finding", "related"
# box colours (RGB): red for the finding's own cells, blue for the cells it was compared with
COLORS = {FINDING: (214, 32, 32), RELATED: (32, 96, 214)}

TARGET_WIDTH_PX = 1300  # a crop's width in pixels: a landscape A4 page (842 pt) at 1.54 px/pt
MIN_SCALE, MAX_SCALE = 1.2, 1.7  # px per point: never less than legible; a portrait page at 1.7
MARGIN_PT = 30.0  # above the highest and below the lowest box: the row before and after
MAX_CROPS = 6  # pages shown for one finding; the rest are counted in `Evidence.more_pages`
LABEL_CHARS = 24  # a cell label longer than this is cut with "…"
PNG_COMPRESSION = 6  # zlib level: 9 or optimize=True cost ~4× the time for ~5 % smaller files
GREY_LEVELS = 14  # palette entries 0..13 are greys; 14, 15 the box colours

DOCUMENT_LEVEL = "该问题涉及整份文件（如缺少的表格、部分或名词解释），页面上没有可框出的位置。"

Rect = tuple[float, float, float, float]  # x0, top, x1, bottom (points, display space)


@dataclass(frozen=True, slots=True)
class Box:
    """One marked place: a page rectangle (PDF) with its role and label."""

    page: int  # 1-based
    bbox: Rect
    role: str  # FINDING | RELATED
    label: str | None = None  # the printed text of a cell (None for whole lines/rows)
    line: int | None = None
    column: int | None = None


@dataclass(slots=True)
class Crop:
    """A strip of one page around a finding's boxes on it, rendered at `scale` px per point."""

    page: int  # 1-based
    rect: Rect  # the strip, in points (display space)
    scale: float
    boxes: list[Box]
    _image: Any = field(default=None, repr=False)  # PIL image of the strip, palette mode, clean

    @property
    def size_px(self) -> tuple[int, int]:
        return self._image.size

    def box_px(self, box: Box) -> Rect:
        """A box in the crop's pixel coordinates (clamped to the crop)."""
        x0, top, x1, bottom = box.bbox
        left, upper, right, lower = self.rect
        s = self.scale
        return (
            round((max(x0, left) - left) * s, 1),
            round((max(top, upper) - upper) * s, 1),
            round((min(x1, right) - left) * s, 1),
            round((min(bottom, lower) - upper) * s, 1),
        )

    def boxes_px(self) -> list[tuple[Box, Rect]]:
        """Every box with its pixel rectangle, related (blue) first so red is drawn on top."""
        ordered = sorted(self.boxes, key=lambda b: b.role == FINDING)
        return [(b, self.box_px(b)) for b in ordered]

    def png(self, *, marked: bool = False) -> bytes:
        """PNG bytes of the strip: clean (draw `boxes_px()` over it) or with the boxes drawn in."""
        image = self._image if not marked else _draw_boxes(self._image.copy(), self.boxes_px())
        out = io.BytesIO()
        image.save(out, format="PNG", compress_level=PNG_COMPRESSION)
        return out.getvalue()

    def data_uri(self, *, marked: bool = False) -> str:
        return "data:image/png;base64," + base64.b64encode(self.png(marked=marked)).decode("ascii")


@dataclass(slots=True)
class Line:
    """One row or text line of a non-PDF document, as printed, with its marking."""

    line: int
    page: int | None  # the sheet of a workbook; None for text, Word and web pages
    cells: list[str]  # a table row's cells; a text line is one cell
    role: str | None  # FINDING / RELATED when the whole row or line is involved (no column given)
    marks: dict[int, str] = field(default_factory=dict)  # column index → FINDING / RELATED
    gap_before: bool = False  # lines were left out before this one

    @property
    def text(self) -> str:
        return " | ".join(self.cells)


@dataclass(slots=True)
class Evidence:
    crops: list[Crop] = field(default_factory=list)
    lines: list[Line] = field(default_factory=list)
    reason: str | None = None  # why nothing can be shown
    more_pages: int = 0  # pages with boxes beyond MAX_CROPS

    @property
    def located(self) -> bool:
        return bool(self.crops or self.lines)

    def to_dict(self, *, images: bool = True, marked: bool = False) -> dict:
        """JSON-ready: crops with their boxes (points and pixels) and, with `images`, the PNG as a
        data URI (clean, or `marked` with the boxes drawn in); lines with their marks."""
        crops = []
        for crop in self.crops:
            width, height = crop.size_px
            item: dict = {
                "page": crop.page,
                "rect": list(crop.rect),
                "scale": crop.scale,
                "width": width,
                "height": height,
                "boxes": [
                    {"role": b.role, "label": b.label, "bbox": list(b.bbox), "px": list(px), "column": b.column}
                    for b, px in crop.boxes_px()
                ],
            }
            if images:
                item["image"] = crop.data_uri(marked=marked)
            crops.append(item)
        lines = [
            {
                "line": line.line,
                "page": line.page,
                "cells": line.cells,
                "role": line.role,
                "marks": {str(k): v for k, v in line.marks.items()},
                "gap_before": line.gap_before,
            }
            for line in self.lines
        ]
        return {"crops": crops, "lines": lines, "reason": self.reason, "more_pages": self.more_pages}


# -- findings → locations ----------------------------------------------------------------------


def _as_dict(location: Any) -> dict | None:
    if location is None:
        return None
    if isinstance(location, Mapping):
        return dict(location)
    return location.to_dict()


def locations(finding: Any) -> list[tuple[str, dict]]:
    """(role, location dict) of a finding, its own location first; a place named twice kept once
    (its own role wins). Accepts a `Finding` or its JSON dict."""
    if isinstance(finding, Mapping):
        own, related = finding.get("location"), finding.get("related") or []
    else:
        own, related = finding.location, finding.related
    out: list[tuple[str, dict]] = []
    seen: set[tuple] = set()
    own_source = (_as_dict(own) or {}).get("source")
    for role, loc in [(FINDING, own)] + [(RELATED, r) for r in related]:
        d = _as_dict(loc)
        if not d:
            continue
        if role == RELATED and own_source and d.get("source") not in (None, own_source):
            continue  # a cell of another document (cross.year.*, cross.document.*): not on these pages
        key = (d.get("page"), d.get("line"), d.get("column"), tuple(d.get("bbox") or ()))
        if key in seen:
            continue
        seen.add(key)
        out.append((role, d))
    return out


def _document_level(location: dict) -> bool:
    """The place rules give a finding about the whole file (a table or section it lacks): the
    first line, with no page, box or cell. Nothing printed can be boxed for it."""
    return location.get("line") in (None, 1) and not any(
        location.get(k) is not None for k in ("page", "column", "bbox")
    )


def is_pdf(path: Path | str) -> bool:
    return Path(path).suffix.lower() == ".pdf"


# -- the source document ------------------------------------------------------------------------


class EvidenceSource:
    """One document opened for evidence: pages rendered once, text read once, on demand."""

    def __init__(self, path: Path | str, *, target_width: int = TARGET_WIDTH_PX):
        self.path = Path(path)
        self.pdf = is_pdf(self.path)
        self.target_width = target_width
        self._doc: Any = None  # pypdfium2.PdfDocument
        self._pages: dict[int, tuple[Any, float, Any]] = {}  # page → (PIL image, scale, textpage)
        self._lines: dict[tuple[int | None, int], tuple[list[str], dict[int, int]]] | None = None

    def __enter__(self) -> EvidenceSource:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        for _image, _scale, textpage in self._pages.values():
            textpage.close()
        self._pages.clear()
        if self._doc is not None:
            self._doc.close()
            self._doc = None

    def evidence(self, finding: Any) -> Evidence:
        places = locations(finding)
        if not places or all(_document_level(d) for _, d in places):
            return Evidence(reason=DOCUMENT_LEVEL)
        if self.pdf and any(d.get("bbox") and d.get("page") for _, d in places):
            return self._crops(places)
        if not self.pdf:
            return self._text(places)
        return Evidence(reason="该问题只有行号、没有页面坐标，无法框出。")

    # -- PDF -----------------------------------------------------------------------------

    def _page(self, number: int) -> tuple[Any, float, Any]:
        if number not in self._pages:
            import pypdfium2 as pdfium

            if self._doc is None:
                self._doc = pdfium.PdfDocument(str(self.path))
            page = self._doc[number - 1]
            width, _height = page.get_size()
            scale = min(MAX_SCALE, max(MIN_SCALE, self.target_width / width))
            image = _palette(page.render(scale=scale).to_pil())
            self._pages[number] = (image, scale, page.get_textpage())
        return self._pages[number]

    def _label(self, page: int, bbox: Rect) -> str | None:
        _image, _scale, textpage = self._page(page)
        x0, top, x1, bottom = _to_user(textpage.page, bbox)
        text = " ".join(textpage.get_text_bounded(x0, top, x1, bottom).split())
        if not text:
            return None
        return text if len(text) <= LABEL_CHARS else text[: LABEL_CHARS - 1] + "…"

    def _crops(self, places: list[tuple[str, dict]]) -> Evidence:
        by_page: dict[int, list[Box]] = {}
        for role, d in places:
            if not d.get("bbox") or not d.get("page"):
                continue
            page, bbox = int(d["page"]), tuple(float(v) for v in d["bbox"])
            label = self._label(page, bbox) if d.get("column") is not None else None  # type: ignore[arg-type]
            box = Box(page, bbox, role, label, d.get("line"), d.get("column"))  # type: ignore[arg-type]
            by_page.setdefault(page, []).append(box)
        own = next((b.page for bs in by_page.values() for b in bs if b.role == FINDING), None)
        order = sorted(by_page, key=lambda p: (p != own, p))
        evidence = Evidence(more_pages=max(0, len(order) - MAX_CROPS))
        for page in order[:MAX_CROPS]:
            image, scale, _textpage = self._page(page)
            boxes = by_page[page]
            width, height = image.size[0] / scale, image.size[1] / scale
            upper = max(0.0, min(b.bbox[1] for b in boxes) - MARGIN_PT)
            lower = min(height, max(b.bbox[3] for b in boxes) + MARGIN_PT)
            rect = (0.0, upper, width, lower)
            strip = image.crop((0, round(upper * scale), image.size[0], round(lower * scale)))
            evidence.crops.append(Crop(page, rect, scale, boxes, strip))
        return evidence

    # -- other formats -------------------------------------------------------------------

    def _read_lines(self) -> dict[tuple[int | None, int], tuple[list[str], dict[int, int]]]:
        """(page, line) → (the row's cells, {line of a cell → its column}) for every printed line."""
        if self._lines is None:
            from ..document import Grid
            from ..read import read_path

            lines: dict[tuple[int | None, int], tuple[list[str], dict[int, int]]] = {}
            for block in read_path(self.path).blocks:
                if isinstance(block, Grid):
                    for row in block.rows:
                        loc = row.location
                        entry: tuple[list[str], dict[int, int]] = ([c.text for c in row.cells], {})
                        if loc.line is not None:
                            lines.setdefault((loc.page, loc.line), entry)
                        for i, cell in enumerate(row.cells):  # one cell per line: each cell's line too
                            if cell.location.line is not None and cell.location.line != loc.line:
                                lines.setdefault((cell.location.page, cell.location.line), entry)
                                entry[1][cell.location.line] = i
                elif block.location.line is not None:
                    lines.setdefault((block.location.page, block.location.line), ([block.text], {}))
            self._lines = lines
        return self._lines

    def _text(self, places: list[tuple[str, dict]]) -> Evidence:
        lines = self._read_lines()
        shown: dict[tuple[int | None, int], Line] = {}
        for role, d in places:
            if d.get("line") is None:
                continue
            key = (d.get("page"), int(d["line"]))
            if key not in lines:
                continue
            cells, cell_lines = lines[key]
            # a row read cell by cell: every cell's line leads to the row's first line
            first = min([key[1], *cell_lines.keys()]) if cell_lines else key[1]
            row_key = (key[0], first)
            line = shown.get(row_key)
            if line is None:
                line = shown[row_key] = Line(first, key[0], [c.replace("\n", " ") for c in cells], None)
            column = d.get("column")
            if column is None and key[1] in cell_lines:
                column = cell_lines[key[1]]
            if column is None:
                line.role = line.role or role
            elif 0 <= column < len(cells):
                line.marks.setdefault(int(column), role)
            else:
                line.role = line.role or role
        if not shown:
            return Evidence(reason="未能在文件中找到该问题所在的行。")
        ordered = [shown[k] for k in sorted(shown, key=lambda k: (k[0] or 0, k[1]))]
        keys = sorted(lines, key=lambda k: (k[0] or 0, k[1]))
        index = {k: i for i, k in enumerate(keys)}
        previous = None
        for line in ordered:
            at = index.get((line.page, line.line))
            line.gap_before = previous is not None and at is not None and at - previous > 1
            previous = at if at is not None else previous
        return Evidence(lines=ordered)


def collect(path: Path | str, findings: Iterable[Any]) -> list[Evidence]:
    """Evidence for each finding of one document, in order."""
    with EvidenceSource(path) as source:
        return [source.evidence(f) for f in findings]


# -- drawing -----------------------------------------------------------------------------


def _palette(image: Any) -> Any:
    """A page rendering as a 4-bit palette image: 14 greys, then the two box colours."""
    from PIL import Image

    grey = image.convert("L").point(lambda v: round(v * (GREY_LEVELS - 1) / 255))
    out = Image.frombytes("P", grey.size, grey.tobytes())
    palette: list[int] = []
    for i in range(GREY_LEVELS):
        v = round(i * 255 / (GREY_LEVELS - 1))
        palette += [v, v, v]
    palette += [*COLORS[FINDING], *COLORS[RELATED]]
    out.putpalette(palette)
    return out


_INDEX = {FINDING: GREY_LEVELS, RELATED: GREY_LEVELS + 1}


def _draw_boxes(image: Any, boxes: list[tuple[Box, Rect]]) -> Any:
    from PIL import ImageDraw, ImageFont

    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default(size=11)
    white = GREY_LEVELS - 1
    for box, (x0, y0, x1, y1) in boxes:
        colour = _INDEX[box.role]
        draw.rectangle((x0 - 1, y0 - 1, x1 + 1, y1 + 1), outline=colour, width=2)
        label = box.label
        if label and label.isascii():  # no CJK font can be assumed for burned-in labels
            # inside the top-left corner when it fits the blank left part of the cell, else above right
            width = draw.textlength(label, font=font)
            at = (x0 + 2, y0 + 1) if width <= 0.45 * (x1 - x0) and y1 - y0 >= 24 else (x1 + 3, max(y0 - 12, 0))
            left, top, right, bottom = draw.textbbox(at, label, font=font)
            draw.rectangle((left - 1, top - 1, right + 1, bottom + 1), fill=white)
            draw.text(at, label, fill=colour, font=font)
    return image


def _to_user(page: Any, bbox: Rect) -> tuple[float, float, float, float]:
    """A display-space box (top-left origin, /Rotate applied) in PDF user space, as
    (left, bottom, right, top) — the inverse of `read.pdf._display_matrix`."""
    return to_user(page.get_cropbox(), page.get_rotation(), bbox)


def to_user(cropbox: Rect, rotation: int, bbox: Rect) -> tuple[float, float, float, float]:
    """Display space → PDF user space for a page with this crop box (left, bottom, right, top)
    and /Rotate; returns (left, bottom, right, top)."""
    left, bottom, right, top = cropbox
    rotation %= 360
    x0, y0, x1, y1 = bbox
    points = []
    for X, Y in ((x0, y0), (x1, y1)):
        if rotation == 90:
            x, y = Y + left, X + bottom
        elif rotation == 180:
            x, y = right - X, Y + bottom
        elif rotation == 270:
            x, y = right - Y, top - X
        else:
            x, y = X + left, top - Y
        points.append((x, y))
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    return (min(xs), min(ys), max(xs), max(ys))
