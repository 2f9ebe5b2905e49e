"""Reader for PDF disclosures with a text layer: text lines and ruled tables.

Everything is read through PDFium (pypdfium2): characters with their baseline origin, and the
vector paths that draw table rules. pdfminer (under pdfplumber) does not parse the pages: it
costs ~45 ms a page, PDFium a few. Cells are found by pdfplumber's own "lines" algorithm
(`pdfplumber.table`: snap and join rules, intersections, cells, tables) run on rules taken from
PDFium's paths, so a table comes out as pdfplumber's `find_tables()` finds it, except where
pdfplumber is misled by what nobody sees (bench/pdf_bench.py --compare checks every cell).

Reading rules, each from measurements on real disclosures (see shared/docs/pdf-notes.md):

* characters are grouped into lines by **baseline**, not by glyph top: ONLYOFFICE puts CJK and
  Latin glyphs of different fonts on one baseline with tops ~5 pt apart;
* a line's characters are ordered by x (stream order is not reading order); a gap wider than
  3 pt becomes a space (as pdfplumber's default), a gap of two em or more two spaces, so
  captions such as `部门：…  单位：万元` stay separable;
* fake bold (a run drawn two or three times, slightly offset) is drawn once;
* characters inside a table cell belong to the cell, never to a text line; cell text keeps its
  wrapped lines joined by "\n" (like paragraphs in a Word cell); a merged cell's spanned
  positions are "" so every row of a table keeps its width;
* only what is printed counts: paths in white or transparent (Word and WPS put a white box
  behind every cell and paragraph) draw no rules, a cell enclosing other cells (a frame) is no
  cell, text drawn outside the page box (WPS puts later pages' content there) is dropped, and so
  is a page number alone in the top or bottom margin (left in, it would end a table that goes
  on over the page); text and rules outside their clip path (the clip of each enclosing form
  included, taken as the bounding box of each clip path) are not printed either, nor is text in
  render mode 3 (invisible) except on a page with images and no other text, where it is the OCR
  layer of a scan;
* a table continued from the previous page often has no rule above its first row: where two
  or more column rules end together well past the last row rule, the row is closed there;
* text is kept as printed: no NFKC, spaces inside numbers (`9746. 50`) are kept for the amount
  parser to read and flag; PDFium's marker for a hyphen ending a line (U+0002) is the "-".

Triage: walking a page's objects in PDFium is cheap; the table search runs only where the
visible rules include two horizontal and two vertical ones, the least a two-cell table needs.
(A count of path objects is not enough: real tables drawn with fewer than eight path objects
exist in the samples, e.g. a one-row 合计 continuation and a two-row 单位名称 table.)

Blocks come in page order; within a page, text lines and tables by vertical position. Lines are
numbered per page (1-based); a table row counts as one line, so "第3页第12行" finds it.
"""

from __future__ import annotations

import bisect
import ctypes
import math
import re
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from .. import limits
from ..document import Block, Cell, Document, Grid, GridRow, Location, TextBlock
from ..errors import ReadError
from .cells import Table as _CellTable
from .cells import find_tables, frames
from .ocr import read_scanned

WORD_GAP = 3.0  # pt between characters that makes a space (pdfplumber's x_tolerance)
WIDE_GAP_EM = 2.0  # a gap this many em wide is printed as two spaces
BASELINE_TOLERANCE_EM = 0.3  # characters whose baselines differ less are on one line
DUPLICATE_TOLERANCE = 1.0  # pt: the same character drawn again this close is fake bold
SNAP_TOLERANCE = JOIN_TOLERANCE = INTERSECTION_TOLERANCE = 3  # pdfplumber's defaults
EDGE_MIN_LENGTH = 3
AXIS_TOLERANCE = 0.5  # a segment this close to horizontal or vertical is a rule
THIN = 2.0  # pt: a path object no thicker than this is one rule along its length
OFF_PAGE = 2.0  # pt: text and rules further outside the page box are not printed
FOLIO_MARGIN = 0.15  # share of the page height at top and bottom where page numbers stand
WRAP_FILL = 0.7  # share of a cell's width (padding aside) a number fills when it wraps on
OPEN_END_MIN = 6.0  # pt: column rules running this far past the last row rule end an open row

_PATH, _IMAGE, _FORM = pdfium_c.FPDF_PAGEOBJ_PATH, pdfium_c.FPDF_PAGEOBJ_IMAGE, pdfium_c.FPDF_PAGEOBJ_FORM
_TEXT, _INVISIBLE = pdfium_c.FPDF_PAGEOBJ_TEXT, pdfium_c.FPDF_TEXTRENDERMODE_INVISIBLE
_FOLIO = re.compile(r"^[\s\-—–－_·•]*(?:第\s*)?\d{1,4}(?:\s*页)?(?:\s*(?:/|／|共)\s*\d{1,4}\s*页?)?[\s\-—–－_·•]*$")
_NUMERIC_PIECE = re.compile(r"^[-+]?[\d,.]+$")
_NUMBER = re.compile(r"^[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")
_MOVETO, _BEZIERTO = pdfium_c.FPDF_SEGMENT_MOVETO, pdfium_c.FPDF_SEGMENT_BEZIERTO


@dataclass(slots=True)
class _Char:
    text: str
    x0: float
    x1: float
    base: float  # baseline, from the page top (display orientation)
    size: float  # em size in points

    @property
    def cx(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def cy(self) -> float:
        # the middle of the em box: robust to fonts whose glyph boxes disagree
        return self.base - 0.4 * self.size


@dataclass(slots=True)
class _Line:
    text: str
    top: float
    bbox: tuple[float, float, float, float]


@dataclass(slots=True)
class _Table:
    rows: list[list[tuple[str, tuple[float, float, float, float]]]]  # (text, bbox) per position
    bbox: tuple[float, float, float, float]


@dataclass(slots=True)
class PageStats:
    """What reading one page took, for the benchmark and for triage decisions."""

    chars: int = 0
    path_objects: int = 0
    images: int = 0
    edges: int = 0
    table_search: bool = False
    tables: int = 0


# -- opening -------------------------------------------------------------------------------


def read_pdf(
    path: Path, source: str | None = None, stats: list[PageStats] | None = None, *, ocr: bool = False
) -> Document:
    """Read a PDF's text layer into the neutral document; ReadError with a one-line reason."""
    source = source or str(path)
    pdf = open_pdf(path, source)
    try:
        blocks: list[Block] = []
        pages_without_text = pages_with_images = 0
        for index in range(len(pdf)):
            page_stats = PageStats()
            blocks.extend(_read_page(pdf, index, source, page_stats))
            if stats is not None:
                stats.append(page_stats)
            if page_stats.chars == 0:
                pages_without_text += 1
                pages_with_images += page_stats.images > 0
        pages = len(pdf)
    finally:
        pdf.close()
    if pages_without_text == pages:
        if pages_with_images:
            if ocr:
                return read_scanned(path, source)
            images = (
                f"全部 {pages} 页都是图片"
                if pages_with_images == pages
                else f"{pages} 页中 {pages_with_images} 页是图片、其余是空白页"
            )
            raise ReadError(
                source, f"扫描件，无文字层：{images}，没有可提取的文字，需要先做 OCR 文字识别（yjsgk[ocr] 与 --ocr）"
            )
        raise ReadError(source, f"PDF 中没有可提取的文字（共 {pages} 页）")
    return Document(source=source, format="pdf", blocks=blocks)


def open_pdf(path: Path, source: str) -> pdfium.PdfDocument:
    """Open with the checks a reader of untrusted files needs: size, envelope, password, pages."""
    try:
        size = path.stat().st_size
        if size == 0:
            raise ReadError(source, "文件为空（0 字节）")
        if size > limits.current().bytes:
            raise ReadError(source, limits.message("bytes", size))
        with path.open("rb") as fh:
            head = fh.read(1024)
            fh.seek(max(0, size - 1024))
            tail = fh.read()
    except OSError as exc:
        raise ReadError(source, f"无法读取文件：{exc.strerror or exc}") from exc
    if b"%PDF-" not in head:
        raise ReadError(source, "不是 PDF 文件：缺少 %PDF 文件头")
    if b"%%EOF" not in tail:
        raise ReadError(source, "PDF 文件不完整：缺少文件结尾标记 %%EOF，可能下载中断或被截断")
    try:
        pdf = pdfium.PdfDocument(path)
    except pdfium.PdfiumError as exc:
        code = getattr(exc, "err_code", None)
        if code in (pdfium_c.FPDF_ERR_PASSWORD, pdfium_c.FPDF_ERR_SECURITY):
            raise ReadError(source, "PDF 已加密，需要密码才能打开") from exc
        if code == pdfium_c.FPDF_ERR_SUCCESS:
            raise ReadError(source, "PDF 中没有页面") from exc
        raise ReadError(source, "PDF 文件已损坏，无法解析") from exc
    pages = len(pdf)
    if pages > limits.current().pages:
        pdf.close()
        raise ReadError(source, limits.message("pages", pages))
    return pdf


# -- one page --------------------------------------------------------------------------------


def _read_page(pdf: pdfium.PdfDocument, index: int, source: str, stats: PageStats) -> list[Block]:
    number = index + 1
    try:
        page = pdf[index]
    except pdfium.PdfiumError as exc:
        raise ReadError(source, f"第{number}页无法解析，PDF 文件可能已损坏") from exc
    try:
        display = _display_matrix(page)
        hidden: dict[int, tuple[tuple[float, float, float, float] | None, bool]] = {}
        edges = _edges(page, display, stats, hidden)
        textpage = page.get_textpage()
        try:
            chars = _chars(textpage, display, hidden, scan=stats.images > 0)
        finally:
            textpage.close()
        width, height = page.get_size()  # as displayed (PDFium applies /Rotate)
    finally:
        page.close()
    # what is drawn off the page is not printed (WPS exports put later pages' content there)
    chars = [c for c in chars if -OFF_PAGE <= c.cx <= width + OFF_PAGE and -OFF_PAGE <= c.cy <= height + OFF_PAGE]
    edges = [
        e
        for e in edges
        if e["x1"] >= -OFF_PAGE
        and e["x0"] <= width + OFF_PAGE
        and e["bottom"] >= -OFF_PAGE
        and e["top"] <= height + OFF_PAGE
    ]
    stats.chars = sum(1 for c in chars if not c.text.isspace())
    stats.edges = len(edges)
    tables: list[_Table] = []
    # a table needs at least two cells: two rules each way at the very least
    if sum(e["orientation"] == "h" for e in edges) >= 2 and sum(e["orientation"] == "v" for e in edges) >= 2:
        stats.table_search = True
        chars, tables = _tables(edges, chars)
        stats.tables = len(tables)
    lines = [_line(group) for group in _group_lines(chars)]
    return _blocks(lines, tables, source, number, height)


def _display_matrix(page: pdfium.PdfPage) -> tuple[float, float, float, float, float, float]:
    """PDF user space → display space (origin top-left, y down), honouring /Rotate.

    As a PDF matrix (a, b, c, d, e, f): X = a·x + c·y + e, Y = b·x + d·y + f.
    """
    left, bottom, right, top = page.get_cropbox()
    rotation = page.get_rotation() % 360
    if rotation == 90:
        return (0.0, 1.0, 1.0, 0.0, -bottom, -left)
    if rotation == 180:
        return (-1.0, 0.0, 0.0, 1.0, right, -bottom)
    if rotation == 270:
        return (0.0, -1.0, -1.0, 0.0, top, right)
    return (1.0, 0.0, 0.0, -1.0, -left, top)


def _plain(function):
    """The PDFium `function` with every pointer (handle or out-parameter) passed and returned as a
    plain int address. ctypes then builds and type-checks no pointer object per call: a call costs
    about half as much, and a page makes thousands (one per object, five per character)."""

    def plain(kind):
        return ctypes.c_void_p if isinstance(kind, type) and issubclass(kind, ctypes._Pointer) else kind

    return ctypes.CFUNCTYPE(plain(function.restype), *map(plain, function.argtypes))(_address(function))


def _address(handle) -> int:
    return ctypes.cast(handle, ctypes.c_void_p).value or 0


class _Lib:
    """The PDFium functions the reader calls per object, segment or character, as `_plain` ones."""

    def __init__(self) -> None:
        for name in (
            "FPDFText_CountChars",
            "FPDFText_GetUnicode",
            "FPDFText_IsGenerated",
            "FPDFText_GetLooseCharBox",
            "FPDFText_GetCharOrigin",
            "FPDFText_GetFontSize",
            "FPDFText_GetMatrix",
            "FPDFText_GetTextObject",
            "FPDFPage_CountObjects",
            "FPDFPage_GetObject",
            "FPDFFormObj_CountObjects",
            "FPDFFormObj_GetObject",
            "FPDFPageObj_GetType",
            "FPDFPageObj_GetMatrix",
            "FPDFPageObj_GetBounds",
            "FPDFPageObj_GetClipPath",
            "FPDFPageObj_GetStrokeColor",
            "FPDFPageObj_GetFillColor",
            "FPDFTextObj_GetTextRenderMode",
            "FPDFPath_CountSegments",
            "FPDFPath_GetPathSegment",
            "FPDFPath_GetDrawMode",
            "FPDFPathSegment_GetPoint",
            "FPDFPathSegment_GetType",
            "FPDFPathSegment_GetClose",
            "FPDFClipPath_CountPaths",
            "FPDFClipPath_CountPathSegments",
            "FPDFClipPath_GetPathSegment",
        ):
            setattr(self, name, _plain(getattr(pdfium_c, name)))


_lib = _Lib()


def _chars(textpage: pdfium.PdfTextPage, display: tuple, hidden: dict | None = None, scan: bool = False) -> list[_Char]:
    """The printed characters; `hidden` (text object → clip box in display space, invisible)
    comes from `_edges`; `scan`: the page has images (invisible text over them is an OCR layer)."""
    raw = _address(textpage.raw)
    invisible: list[_Char] = []
    lib = _lib
    object_address = lib.FPDFText_GetTextObject
    a, b, c, d, e, f = display
    count = lib.FPDFText_CountChars(raw)
    box, matrix = pdfium_c.FS_RECTF(), pdfium_c.FS_MATRIX()
    ox, oy = ctypes.c_double(), ctypes.c_double()
    box_at, matrix_at, ox_at, oy_at = (ctypes.addressof(v) for v in (box, matrix, ox, oy))
    is_generated = lib.FPDFText_IsGenerated
    get_unicode = lib.FPDFText_GetUnicode
    get_box = lib.FPDFText_GetLooseCharBox
    get_origin = lib.FPDFText_GetCharOrigin
    get_size = lib.FPDFText_GetFontSize
    get_matrix = lib.FPDFText_GetMatrix
    hypot = math.hypot
    # a character's size is its text object's font size scaled by the object's matrix (PDFium
    # gives every character of an object both): asked once per object
    sizes: dict[int, float] = {}
    out: list[_Char] = []
    append = out.append
    pending_high = None
    for i in range(count):
        code = get_unicode(raw, i)
        if code == 32 and is_generated(raw, i) == 1:
            continue  # a space PDFium inferred; we infer our own from geometry
        if 0xD800 <= code <= 0xDBFF:
            pending_high = code
            continue
        if 0xDC00 <= code <= 0xDFFF and pending_high is not None:
            code = 0x10000 + ((pending_high - 0xD800) << 10) + (code - 0xDC00)
        pending_high = None
        if code == 2:  # PDFium marks a hyphen ending a line as U+0002; it was printed as "-"
            code = 0x2D
        elif code < 32 or code in (0xFFFE, 0xFFFF) or 0x7F <= code < 0xA0:
            continue  # line breaks PDFium inferred, control characters
        get_box(raw, i, box_at)
        get_origin(raw, i, ox_at, oy_at)
        obj = object_address(raw, i)
        size = sizes.get(obj) if obj else None
        if size is None:
            size = get_size(raw, i)
            if get_matrix(raw, i, matrix_at):
                size *= hypot(matrix.c, matrix.d)  # the matrix scales the nominal size
            if obj:
                sizes[obj] = size
        left, right, top, bottom = box.left, box.right, box.top, box.bottom
        xa = a * left + c * top + e
        xb = a * right + c * bottom + e
        if size <= 0:
            size = abs(b * left + d * top - b * right - d * bottom) or 1.0
        char = _Char(chr(code), xa if xa < xb else xb, xb if xa < xb else xa, b * ox.value + d * oy.value + f, size)
        if hidden and (entry := hidden.get(obj or 0)):
            clip, is_invisible = entry
            if is_invisible:
                invisible.append(char)
                continue
            if clip is not None:
                cy = (b * (left + right) + d * (top + bottom)) / 2 + f
                cx = (xa + xb) / 2
                if not (clip[0] - 1 <= cx <= clip[2] + 1 and clip[1] - 1 <= cy <= clip[3] + 1):
                    continue  # outside the clip path: not printed
        append(char)
    if invisible and scan and not any(not c.text.isspace() for c in out):
        return invisible  # the OCR layer of a scanned page: the image prints what it says
    return out


_UNSEEN = object()


def _clip_box(obj: int, outer: tuple, inherited, cache: dict):
    """The object's clip (the bounding box of each clip path, intersected) in display space,
    within the clip it inherits from enclosing forms; None when nothing clips it.

    Objects under one clip share its path data in PDFium, so the address of each path's first
    point identifies the clip: it is computed once per page (20,000 objects on a page of an
    Excel export share a handful of clips), and each path's box once per page too (objects with
    a clip of their own often share one of its paths with others)."""
    lib = _lib
    clip = lib.FPDFPageObj_GetClipPath(obj)
    if not clip:
        return inherited
    paths = lib.FPDFClipPath_CountPaths(clip)
    if paths <= 0:
        return inherited
    segment = lib.FPDFClipPath_GetPathSegment
    firsts = (segment(clip, 0, 0),) if paths == 1 else tuple([segment(clip, p, 0) for p in range(paths)])
    key = (firsts, outer, inherited)
    box = cache.get(key, _UNSEEN)
    if box is _UNSEEN:
        box = inherited
        for p, first in enumerate(firsts):
            own = cache.get((first, outer), _UNSEEN)
            if own is _UNSEEN:
                own = cache[(first, outer)] = _path_bounds(clip, p, outer)
            if own is not None:
                box = (
                    own
                    if box is None
                    else (max(box[0], own[0]), max(box[1], own[1]), min(box[2], own[2]), min(box[3], own[3]))
                )
        cache[key] = box
    return box


def _path_bounds(clip: int, p: int, outer: tuple):
    """The bounding box of clip path `p` in display space; None for a path without points."""
    lib = _lib
    get_segment, get_point = lib.FPDFClipPath_GetPathSegment, lib.FPDFPathSegment_GetPoint
    a, b, c, d, e, f = outer
    px, py = ctypes.c_float(), ctypes.c_float()
    px_at, py_at = ctypes.addressof(px), ctypes.addressof(py)
    xs: list[float] = []
    ys: list[float] = []
    for s in range(lib.FPDFClipPath_CountPathSegments(clip, p)):
        segment = get_segment(clip, p, s)
        if segment and get_point(segment, px_at, py_at):
            x, y = px.value, py.value
            xs.append(a * x + c * y + e)
            ys.append(b * x + d * y + f)
    return (min(xs), min(ys), max(xs), max(ys)) if xs else None


# -- rules and tables ------------------------------------------------------------------------


class _Paint:
    """Out-parameters for `_visible`, allocated once per page."""

    __slots__ = ("fill", "stroke", "modes", "r", "g", "b", "a", "rgba")

    def __init__(self) -> None:
        self.fill, self.stroke = ctypes.c_int(), ctypes.c_int()
        self.modes = (ctypes.addressof(self.fill), ctypes.addressof(self.stroke))
        self.r, self.g, self.b, self.a = (ctypes.c_uint() for _ in range(4))
        self.rgba = tuple(ctypes.addressof(v) for v in (self.r, self.g, self.b, self.a))


def _visible(obj: int, paint: _Paint | None = None) -> bool:
    """False for paths nobody sees on white paper (white or transparent fill and stroke)."""
    paint = paint or _Paint()
    lib = _lib
    if not lib.FPDFPath_GetDrawMode(obj, *paint.modes):
        return True
    rgba = paint.rgba
    for drawn, get_color in (
        (paint.stroke.value, lib.FPDFPageObj_GetStrokeColor),
        (paint.fill.value, lib.FPDFPageObj_GetFillColor),
    ):
        if drawn and (
            not get_color(obj, *rgba)
            or (paint.a.value and (paint.r.value, paint.g.value, paint.b.value) != (255, 255, 255))
        ):
            return True  # a colour PDFium cannot tell counts as printed
    return False


def _edges(page: pdfium.PdfPage, display: tuple, stats: PageStats, hidden: dict | None = None) -> list[dict]:
    """Horizontal and vertical segments of the page's visible paths, in display space; `hidden`
    gets the clip box and invisibility of each clipped or invisible text object."""
    hidden = {} if hidden is None else hidden
    clips: dict = {}  # clip boxes of this page, by the clip's path data
    edges: list[dict] = []
    lib = _lib
    paint = _Paint()
    matrix = pdfium_c.FS_MATRIX()
    matrix_at = ctypes.addressof(matrix)
    px, py = ctypes.c_float(), ctypes.c_float()
    px_at, py_at = ctypes.addressof(px), ctypes.addressof(py)
    bounds = [ctypes.c_float() for _ in range(4)]
    bounds_at = [ctypes.addressof(v) for v in bounds]
    get_type = lib.FPDFPageObj_GetType
    get_matrix = lib.FPDFPageObj_GetMatrix
    get_bounds = lib.FPDFPageObj_GetBounds
    render_mode = lib.FPDFTextObj_GetTextRenderMode
    count_segments = lib.FPDFPath_CountSegments
    get_segment = lib.FPDFPath_GetPathSegment
    get_point = lib.FPDFPathSegment_GetPoint
    segment_type = lib.FPDFPathSegment_GetType
    segment_close = lib.FPDFPathSegment_GetClose

    def walk(count, get, parent, outer: tuple, inherited=None) -> None:
        """`outer` maps the coordinates of `parent`'s objects to display space; `inherited` is
        the clip box (display space) of the enclosing forms."""
        for i in range(count(parent)):
            obj = get(parent, i) or 0
            kind = get_type(obj)
            if kind == _IMAGE:
                stats.images += 1
                continue
            clip = _clip_box(obj, outer, inherited, clips)
            if kind == _FORM:
                get_matrix(obj, matrix_at)
                own = (matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f)
                form_outer = _compose(own, outer)
                walk(lib.FPDFFormObj_CountObjects, lib.FPDFFormObj_GetObject, obj, form_outer, clip)
                continue
            if kind == _TEXT:
                invisible = render_mode(obj) == _INVISIBLE
                if clip is not None or invisible:
                    hidden[obj] = (clip, invisible)
                continue
            if kind != _PATH:
                continue
            stats.path_objects += 1
            segments = count_segments(obj)
            if segments < 2 or not _visible(obj, paint):
                continue
            # the bounds are read once: the clip test and a thin rule both use them
            has_bounds = (clip is not None or segments <= 5) and get_bounds(obj, *bounds_at)
            if has_bounds:
                left, bottom, right, top = (v.value for v in bounds)
                a, b, c, d, e, f = outer
                if clip is not None:
                    xs = (a * left + c * bottom + e, a * right + c * top + e)
                    ys = (b * left + d * bottom + f, b * right + d * top + f)
                    if max(xs) < clip[0] - 1 or min(xs) > clip[2] + 1 or max(ys) < clip[1] - 1 or min(ys) > clip[3] + 1:
                        continue  # clipped away: a rule nobody sees
                if segments <= 5:
                    # a single line or a thin filled bar (most table rules): its bounds are the rule
                    x0, x1 = a * left + c * bottom + e, a * right + c * top + e
                    y0, y1 = b * left + d * bottom + f, b * right + d * top + f
                    x0, x1 = (x0, x1) if x0 <= x1 else (x1, x0)
                    y0, y1 = (y0, y1) if y0 <= y1 else (y1, y0)
                    if y1 - y0 <= THIN and x1 - x0 >= 1:
                        y = (y0 + y1) / 2
                        _add_edge(edges, (x0, y), (x1, y))
                        continue
                    if x1 - x0 <= THIN and y1 - y0 >= 1:
                        x = (x0 + x1) / 2
                        _add_edge(edges, (x, y0), (x, y1))
                        continue
            get_matrix(obj, matrix_at)
            a, b, c, d, e, f = _compose((matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f), outer)
            start = previous = None
            for s in range(segments):
                segment = get_segment(obj, s)
                get_point(segment, px_at, py_at)
                x, y = px.value, py.value
                point = (a * x + c * y + e, b * x + d * y + f)
                kind_of_segment = segment_type(segment)
                if kind_of_segment == _MOVETO:
                    start = previous = point
                else:
                    if previous is not None and kind_of_segment != _BEZIERTO:
                        _add_edge(edges, previous, point)
                    previous = point
                if segment_close(segment) and start is not None and previous is not None:
                    _add_edge(edges, previous, start)
                    previous = start

    walk(lib.FPDFPage_CountObjects, lib.FPDFPage_GetObject, _address(page.raw), display)
    return edges


def _compose(inner: tuple, outer: tuple) -> tuple:
    """The matrix applying `inner`, then `outer` (PDF row-vector convention)."""
    a, b, c, d, e, f = inner
    A, B, C, D, E, F = outer
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F)


def _add_edge(edges: list[dict], p: tuple[float, float], q: tuple[float, float]) -> None:
    (x0, y0), (x1, y1) = p, q
    if abs(x0 - x1) <= AXIS_TOLERANCE and abs(y0 - y1) >= 1:
        x = (x0 + x1) / 2
        top, bottom = min(y0, y1), max(y0, y1)
        edges.append(
            {
                "x0": x,
                "x1": x,
                "top": top,
                "bottom": bottom,
                "width": 0.0,
                "height": bottom - top,
                "orientation": "v",
                "object_type": "path_edge",
            }
        )
    elif abs(y0 - y1) <= AXIS_TOLERANCE and abs(x0 - x1) >= 1:
        y = (y0 + y1) / 2
        left, right = min(x0, x1), max(x0, x1)
        edges.append(
            {
                "x0": left,
                "x1": right,
                "top": y,
                "bottom": y,
                "width": right - left,
                "height": 0.0,
                "orientation": "h",
                "object_type": "path_edge",
            }
        )


def _find_cells(edges: list[dict]) -> list[list[tuple]]:
    """pdfplumber's lines strategy on our edges (read/cells.py: the same cells, faster); frames
    around other cells are dropped."""
    return find_tables(
        edges,
        snap=SNAP_TOLERANCE,
        join=JOIN_TOLERANCE,
        min_length=EDGE_MIN_LENGTH,
        tolerance=INTERSECTION_TOLERANCE,
        extra=_open_ends,
        drop=frames,
    )


def _open_ends(edges: list[dict]) -> list[dict]:
    """Rules closing a table whose column rules run on past its last row rule.

    A table continued from the previous page often has no rule above its first row (or below
    its last): the column rules end in the open. Where two or more column rules of one table end
    at the same height, well beyond the nearest row rule, that row is closed there.
    """
    horizontal = [e for e in edges if e["orientation"] == "h"]
    tol = SNAP_TOLERANCE
    out: list[dict] = []
    for end in ("top", "bottom"):
        open_ends: list[tuple[float, float]] = []
        for v in edges:
            if v["orientation"] != "v":
                continue
            x, y = v["x0"], v[end]
            crossed = [
                h["top"]
                for h in horizontal
                if h["x0"] - tol <= x <= h["x1"] + tol and v["top"] - tol <= h["top"] <= v["bottom"] + tol
            ]
            if crossed and min(abs(c - y) for c in crossed) >= OPEN_END_MIN:
                open_ends.append((y, x))
        open_ends.sort()
        group: list[tuple[float, float]] = []
        for item in open_ends + [(math.inf, 0.0)]:
            if group and item[0] - group[0][0] > tol:
                if len(group) >= 2:
                    y = sum(g[0] for g in group) / len(group)
                    left, right = min(g[1] for g in group), max(g[1] for g in group)
                    out.append(
                        {
                            "x0": left,
                            "x1": right,
                            "top": y,
                            "bottom": y,
                            "width": right - left,
                            "height": 0.0,
                            "orientation": "h",
                            "object_type": "open_end",
                        }
                    )
                group = []
            group.append(item)
    return out


def _tables(edges: list[dict], chars: list[_Char]) -> tuple[list[_Char], list[_Table]]:
    """Tables with their cell texts, and the characters left for text lines."""
    groups = _find_cells(edges)
    if not groups:
        return chars, []
    found = [_CellTable(group) for group in groups]  # pdfplumber's Table geometry: cells, rows, bbox
    # a lattice per table: every slot between adjacent cell boundaries maps to one cell
    lattices: list[
        tuple[
            tuple[float, float, float, float], list[float], list[float], dict[tuple[int, int], int], list[list[_Char]]
        ]
    ] = []
    for table in found:
        xs = sorted({c[0] for c in table.cells} | {c[2] for c in table.cells})
        ys = sorted({c[1] for c in table.cells} | {c[3] for c in table.cells})
        slots: dict[tuple[int, int], int] = {}
        for k, (x0, top, x1, bottom) in enumerate(table.cells):
            for i in range(bisect.bisect_left(xs, x0), bisect.bisect_left(xs, x1)):
                for j in range(bisect.bisect_left(ys, top), bisect.bisect_left(ys, bottom)):
                    slots[(i, j)] = k
        lattices.append((table.bbox, xs, ys, slots, [[] for _ in table.cells]))
    rest: list[_Char] = []
    for ch in chars:
        cx, cy = ch.cx, ch.cy
        for (x0, top, x1, bottom), xs, ys, slots, members in lattices:
            if x0 <= cx < x1 and top <= cy < bottom:
                slot = slots.get((bisect.bisect_right(xs, cx) - 1, bisect.bisect_right(ys, cy) - 1))
                if slot is not None:
                    members[slot].append(ch)
                    break
        else:
            rest.append(ch)
    out: list[_Table] = []
    for table, (_bbox, _xs, _ys, _slots, members) in zip(found, lattices, strict=True):
        index = {cell: k for k, cell in enumerate(table.cells)}
        columns = sorted({c[0] for c in table.cells})
        right = table.bbox[2]
        rows = []
        for row in table.rows:
            present = [c for c in row if c is not None]
            row_top = present[0][1]
            row_bottom = min(c[3] for c in present)
            texts = []
            for position, cell in enumerate(row):
                if cell is None:  # spanned by a merged cell: keep the row's width
                    x1 = columns[position + 1] if position + 1 < len(columns) else right
                    texts.append(("", (columns[position], row_top, x1, row_bottom)))
                else:
                    texts.append((_cell_text([_line(g) for g in _group_lines(members[index[cell]])], cell), cell))
            rows.append(texts)
        out.append(_Table(rows, table.bbox))
    return rest, out


def _cell_text(lines: list[_Line], cell: tuple[float, float, float, float]) -> str:
    """A cell's lines joined by "\n"; a number too wide for its cell wraps ("376,936.6" / "0"):
    a numeric line filling the cell's width goes on in the numeric line below when together
    they make one well-formed number."""
    parts: list[str] = []
    width = cell[2] - cell[0]
    for i, ln in enumerate(lines):
        text = ln.text.strip()
        if not text:
            continue
        previous = lines[i - 1] if i else None
        if (
            parts
            and previous is not None
            and _NUMERIC_PIECE.match(text)
            and _NUMERIC_PIECE.match(parts[-1])
            and _NUMBER.match(parts[-1] + text)
            and previous.bbox[2] - previous.bbox[0] >= WRAP_FILL * width
        ):
            parts[-1] += text
        else:
            parts.append(text)
    return "\n".join(parts)


# -- lines -----------------------------------------------------------------------------------


def _group_lines(chars: list[_Char]) -> list[list[_Char]]:
    """Characters on one baseline (within a fraction of an em), top to bottom."""
    lines: list[list[_Char]] = []
    current: list[_Char] = []
    anchor = 0.0
    for ch in sorted(chars, key=lambda c: (c.base, c.x0)):
        if current and ch.base - anchor > BASELINE_TOLERANCE_EM * min(ch.size, current[0].size):
            lines.append(current)
            current = []
        if not current:
            anchor = ch.base
        current.append(ch)
    if current:
        lines.append(current)
    return lines


def _line(chars: list[_Char]) -> _Line:
    ordered = sorted(chars, key=lambda c: c.x0)
    kept: list[_Char] = []
    for ch in ordered:
        if any(
            k.text == ch.text
            and abs(k.x0 - ch.x0) <= DUPLICATE_TOLERANCE
            and abs(k.base - ch.base) <= DUPLICATE_TOLERANCE
            for k in kept[-3:]
        ):
            continue  # fake bold: the same glyph drawn again, slightly offset
        kept.append(ch)
    parts: list[str] = []
    previous: _Char | None = None
    for ch in kept:
        if previous is not None and not ch.text.isspace() and not previous.text.isspace():
            gap = ch.x0 - previous.x1
            if gap >= WIDE_GAP_EM * max(ch.size, previous.size):
                parts.append("  ")
            elif gap > WORD_GAP:
                parts.append(" ")
        parts.append(ch.text)
        previous = ch
    size = max(c.size for c in kept)
    base = min(c.base for c in kept)
    top = base - 0.9 * size
    bbox = (kept[0].x0, top, max(c.x1 for c in kept), max(c.base for c in kept) + 0.2 * size)
    return _Line("".join(parts), top, bbox)


# -- blocks ----------------------------------------------------------------------------------


def _blocks(lines: list[_Line], tables: list[_Table], source: str, page: int, height: float) -> list[Block]:
    items: list[tuple[float, int, _Line | _Table]] = [(ln.top, 0, ln) for ln in lines if ln.text.strip()]
    items += [(t.bbox[1], 1, t) for t in tables]
    items.sort(key=lambda item: (item[0], item[1]))
    # a page number in the top or bottom margin is not content: left in, it would end a table
    # that goes on over the page
    if items and isinstance(items[-1][2], _Line) and _is_folio(items[-1][2], height, bottom=True):
        items.pop()
    if items and isinstance(items[0][2], _Line) and _is_folio(items[0][2], height, bottom=False):
        items.pop(0)
    blocks: list[Block] = []
    number = 0
    for _top, _kind, item in items:
        if isinstance(item, _Line):
            number += 1
            blocks.append(
                TextBlock(item.text.strip(), Location(source, line=number, page=page, bbox=_round(item.bbox)))
            )
            continue
        grid = Grid(rows=[], location=Location(source, line=number + 1, page=page, bbox=_round(item.bbox)))
        for row in item.rows:
            number += 1
            cells = [
                Cell(text, Location(source, line=number, page=page, column=i, bbox=_round(bbox)))
                for i, (text, bbox) in enumerate(row)
            ]
            row_bbox = (row[0][1][0], min(b[1] for _, b in row), row[-1][1][2], max(b[3] for _, b in row))
            grid.rows.append(GridRow(cells, Location(source, line=number, page=page, bbox=_round(row_bbox))))
        blocks.append(grid)
    return blocks


def _is_folio(line: _Line, height: float, *, bottom: bool) -> bool:
    """A page number (`- 8 -`, `8`, `第8页`, `第 8 页 共 30 页`, `8/30`) in a page margin."""
    in_margin = line.top > height * (1 - FOLIO_MARGIN) if bottom else line.bbox[3] < height * FOLIO_MARGIN
    return in_margin and bool(_FOLIO.match(line.text))


def _round(bbox: tuple[float, float, float, float]) -> tuple[float, float, float, float]:
    x0, top, x1, bottom = bbox
    return round(x0, 1), round(top, 1), round(x1, 1), round(bottom, 1)
