"""A text-form disclosure rendered the way a department publishes it: a Word file, printed to PDF.

Departments write their disclosure in Word — headings in Word's heading styles, body paragraphs
with a first-line indent, each table a real Word table whose header cells are merged the way the
printed templates are (科目编码 over 类 | 款 | 项, 本级财政拨款 over 金额 | 其中：经费拨款), the
title and units lines above it — and print it to PDF. This module does the same from our own text
reader's neutral document (blocks and grids, never the text file by hand) and the outline the
recognizer builds from it (which lines are headings, at which level), then prints the DOCX to
PDF with LibreOffice (`yjsgk.draft.run.to_pdf`). The Word tables are written by the drafter's
writer (`yjsgk.draft.docx_writer.add_table`) from a `Layout`, so there is one copy of the merged
cell writing.

How merges are told from a text grid (a merged cell prints its text once, in its first cell):
the header rows are the grid's leading rows up to the first row with an amount, a code or the
栏次 marks; in them, a cell spreads right over the empty cells after it that have a label under
them (a parent over its children), and down over the empty cells under it (a leaf spanning the
header's depth).

Used by tests/test_pdf_parity.py (rendered once per session into a tmp dir). To look at one file:

    python tests/rendered.py ../shared/seeds/003_c182bc71c99e727c.txt [-o /tmp/out] [--png]

writes /tmp/out/NAME.docx, NAME.pdf (and NAME-pN.png for each page with --png).
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from docx import Document as new_document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from yjsgk.document import Document, Grid, GridRow, TextBlock
from yjsgk.draft.docx_writer import HEADING_FONT, _east_asian, _styles, add_table
from yjsgk.draft.layout import HeaderCell, Layout
from yjsgk.draft.run import soffice, to_pdfs
from yjsgk.read import read_path
from yjsgk.recognize.outline import build_outline
from yjsgk.recognize.segment import match_title

WIDE = 7  # a table of this many columns or more is printed on a landscape page
HEADER_MAX = 4  # header rows of a table at most
_AMOUNT = re.compile(r"^[-+(（]?\d[\d,，]*(?:\.\d+)?[)）]?%?$")
_CODE = re.compile(r"^\d{3,}$")
_ITEM = re.compile(r"^(?:[一二三四五六七八九十]+、|\d{1,2}[、.．](?!\d)|[（(][一二三四五六七八九十\d]+[)）])")
_TOTAL = ("合计", "总计")
_INDEX_MARK = {"**", "栏次", "行次"}
_UNITS = re.compile(
    r"^(?:部门名称|部门|单位名称|编制单位|预算单位|单位)\s*[:：]|(?:金额)?单位\s*[:：]\s*(?:万元|元|千元|亿元)|^公开\s*\d+\s*表$"
)
_NOTE = re.compile(r"^注\s*\d*\s*[:：]")


COVERED = None  # a grid position under a merged cell


def _is_data(texts: list[str | None]) -> bool:
    """A body row: it prints an amount or a code, or it is the 栏次 row, an item's or the total's."""
    filled = [t.replace(" ", "") for t in texts if t and t.strip()]
    if filled and (_ITEM.match(filled[0]) or filled[0] in _TOTAL):
        return True
    return any(t in _INDEX_MARK or _AMOUNT.match(t) or _CODE.match(t) for t in filled)


def _caption(texts: list[str]) -> bool:
    """A grid row that is a title, units or note line (printed above or below the table): at
    most two filled cells, each a table's title, 公开NN表, 单位：…, 部门：…, 注：…, 附件N."""
    filled = [t.strip() for t in texts if t.strip()]
    if not filled:
        return len(texts) <= 1
    if len(filled) > 2:
        return False
    return all(
        _UNITS.search(t.replace(" ", ""))
        or _NOTE.match(t)
        or match_title(t) is not None
        or t.endswith("表")
        or re.match(r"^附件\s*[一二三四五六七八九十\d]+", t)
        for t in filled
    )


def _per_line(row: GridRow) -> bool:
    return len({c.location.line for c in row.cells}) > 1 or len(row.cells) == 1


def _spread(texts: list[str], width: int, span: int) -> list[str | None]:
    out: list[str | None] = []
    for t in texts:
        out += [t] + [COVERED] * (span - 1)
    return out + [""] * (width - len(out))


_KEY_LABEL = re.compile(r"编码|名称|科目|^项目$")


def _spans(texts: list[str], width: int, per_line: bool, below: list[str] | None = None) -> list[str | None]:
    """The row over `width` grid positions. A row saved cell per line (Word's "save as text")
    writes a merged cell once: a row with fewer cells than the table is as wide has merged
    cells — two halves of a two-sided 总表 (收入 | 支出), a label and the cells that share the
    rest (预算部门名称 | 雁峰区…; | 按收入性质分 | 按支出性质分), else its first cell (合计,
    栏次, 项目 over 科目编码 and 科目名称)."""
    k = len(texts)
    if not per_line or k >= width or k == 0:
        return texts + [""] * (width - k)
    keys = 0  # 项目 over the key columns the row below labels (功能分类科目编码 | 科目名称)
    while below and keys < len(below) and _KEY_LABEL.search(below[keys].replace(" ", "")):
        keys += 1
    if 2 <= keys < width and 2 <= k and _KEY_LABEL.search(texts[0].replace(" ", "")) and (width - keys) % (k - 1) == 0:
        return _spread(texts[:1], keys, keys) + _spread(texts[1:], width - keys, (width - keys) // (k - 1))
    if k <= 2 and width % k == 0 and all(texts):
        return _spread(texts, width, width // k)
    if k <= 4 and (width - 1) % (k - 1) == 0:
        return [texts[0]] + _spread(texts[1:], width - 1, (width - 1) // (k - 1))
    return [texts[0]] + [COVERED] * (width - k) + texts[1:]


def _rows(grid_rows: list[GridRow], width: int) -> list[list[str | None]]:
    """The rows over the grid. Two rows saved cell per line whose cells add up to the table's
    width are one row whose cell held a blank line (the export starts a new row there): the
    cells before it and after it."""
    out: list[list[str | None]] = []
    n = 0
    while n < len(grid_rows):
        row = grid_rows[n]
        texts = [c.text.strip() for c in row.cells]
        per_line = _per_line(row)
        if per_line and n + 1 < len(grid_rows) and len(texts) + len(grid_rows[n + 1].cells) == width:
            nxt = grid_rows[n + 1]
            if _per_line(nxt) and len(texts) < width and not _is_data(texts[:1]):
                out.append(texts + [c.text.strip() for c in nxt.cells])
                n += 2
                continue
        below = [c.text.strip() for c in grid_rows[n + 1].cells] if n + 1 < len(grid_rows) else None
        out.append(_spans(texts, width, per_line, below if below and len(below) == width else None))
        n += 1
    return out


def header_depth(rows: list[list[str | None]]) -> int:
    depth = 0
    for texts in rows[:HEADER_MAX]:
        if _is_data(texts):
            break
        depth += 1
    return depth if depth < len(rows) or len(rows) <= 2 else min(depth, 2)


def merged_cells(rows: list[list[str | None]], depth: int) -> list[HeaderCell]:
    """Merged cells: those a row spells out (COVERED after them), and in the header rows a cell
    over the empty cells after it that have a label under them (a parent over its children) and
    down over the empty cells under it (a leaf spanning the header's depth)."""
    width = len(rows[0]) if rows else 0
    covered = [[t is COVERED for t in row] for row in rows]
    cells: list[HeaderCell] = []
    for r, row in enumerate(rows):
        for c in range(width):
            text = row[c]
            if text is COVERED or (r >= depth and (c + 1 >= width or row[c + 1] is not COVERED)):
                continue
            if r < depth and covered[r][c] or not text:
                continue
            c2 = c
            while c2 + 1 < width and row[c2 + 1] is COVERED:
                c2 += 1
            if r < depth and c2 == c:
                while (
                    c2 + 1 < width
                    and not row[c2 + 1]
                    and not covered[r][c2 + 1]
                    and any(rows[below][c2 + 1] for below in range(r + 1, depth))
                ):
                    c2 += 1
            r2 = r
            while r2 + 1 < depth and all(rows[r2 + 1][k] == "" and not covered[r2 + 1][k] for k in range(c, c2 + 1)):
                r2 += 1
            for rr in range(r, r2 + 1):
                for cc in range(c, c2 + 1):
                    covered[rr][cc] = True
            cells.append(HeaderCell(text, r, c, rows=r2 - r + 1, cols=c2 - c + 1))
    return cells


def _parts(grid: Grid) -> list[str | list[GridRow]]:
    """A grid cut at its title, units and note rows (a text export may hold several tables and
    their captions in one grid): caption texts and runs of table rows, in order."""
    parts: list[str | list[GridRow]] = []
    run: list[GridRow] = []
    for row in grid.rows:
        texts = [c.text for c in row.cells]
        if _caption(texts) and not _is_data(texts):
            if run:
                parts.append(run)
                run = []
            parts += [t.strip() for t in texts if t.strip()]
        else:
            run.append(row)
    if run:
        parts.append(run)
    return parts


def table_layout(grid_rows: list[GridRow]) -> Layout:
    width = max((len(r.cells) for r in grid_rows), default=1)
    rows = _rows(grid_rows, width)
    # columns that hold nothing anywhere are not printed
    keep = [c for c in range(width) if any(r[c] for r in rows)] or [0]
    rows = [[r[c] for c in keep] for r in rows]
    for r in rows:  # a merged cell whose first position was dropped starts at the next one
        for c in range(len(r)):
            if r[c] is COVERED and (c == 0 or r[c - 1] == ""):
                r[c] = ""
    width = len(keep)
    depth = header_depth(rows)
    cells = merged_cells(rows, depth)
    body = [[t or "" for t in r] for r in rows[depth:]]
    for cell in cells:  # a merged body cell is written as a header cell
        if cell.row >= depth:
            body[cell.row - depth][cell.col] = ""

    def numeric(c: int) -> bool:
        filled = [r[c] for r in body if r[c]]
        return bool(filled) and sum(bool(_AMOUNT.match(t.replace(" ", ""))) for t in filled) * 2 > len(filled)

    num = [numeric(c) for c in range(width)]
    weights = []
    for c in range(width):
        longest = max((len(r[c]) for r in body), default=1)
        label = max((len(r[c] or "") for r in rows[:depth]), default=1)
        chars = max(longest, min(label, 6), 2)
        weights.append(min(chars / 5 + 0.4, 2.5) if num[c] else min(max(chars / 6, 1.0), 4.0))
    return Layout(
        title="",
        number=None,
        unit=None,
        width=width,
        header_rows=depth,
        header=cells,
        body=body,
        numeric=num,
        weights=weights,
    )


def _section(doc, landscape: bool, first: bool) -> None:
    section = doc.sections[0] if first else doc.add_section(WD_SECTION.NEW_PAGE)
    width, height = Cm(21), Cm(29.7)
    section.page_width, section.page_height = (height, width) if landscape else (width, height)
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Cm(1.8 if landscape else 2.5))
    for side in ("top_margin", "bottom_margin"):
        setattr(section, side, Cm(2.0 if landscape else 2.5))


def _centered(doc, text: str, size: float, font: str = HEADING_FONT) -> None:
    p = doc.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = p.add_run(text)
    run.bold = True
    run.font.size = Pt(size)
    _east_asian(run, font)


def _plain(doc, text: str, align=None) -> None:
    p = doc.add_paragraph(text)
    p.paragraph_format.space_after = Pt(2)
    if align is not None:
        p.alignment = align


def _caption_line(doc, text: str) -> None:
    if match_title(text) is not None or (len(text) <= 40 and text.endswith("表") and "公开" not in text[-5:]):
        _centered(doc, text, 15)
    elif re.match(r"^公开\s*\d+\s*表$", text.replace(" ", "")) or text.replace(" ", "").startswith(
        ("单位", "金额单位")
    ):
        _plain(doc, text, WD_ALIGN_PARAGRAPH.RIGHT)
    else:
        _plain(doc, text)


def _is_caption_text(text: str) -> bool:
    return (
        len(text) <= 60
        and "。" not in text
        and (match_title(text) is not None or bool(_UNITS.search(text.replace(" ", ""))))
    )


def _next_table(blocks: list, index: int) -> Layout | None:
    """The first table of the grid that follows this caption line (other caption lines between)."""
    for block in blocks[index + 1 :]:
        if isinstance(block, Grid):
            first = next((p for p in _parts(block) if not isinstance(p, str)), None)
            return table_layout(first) if first else None
        if not (isinstance(block, TextBlock) and (_is_caption_text(block.text.strip()) or not block.text.strip())):
            return None
    return None


def render_docx(document: Document, out: Path, *, repeat_headers: bool = True) -> Path:
    """The neutral document as a department's Word file. `repeat_headers`: a table's column
    header printed again on every page it runs over (Word's 标题行重复), else only on its first
    page (continuation pages start with body rows)."""
    outline = build_outline(document)
    by_line = {id(h.line.location): h for h in outline.headings}
    doc = new_document()
    _styles(doc)
    landscape = False
    _section(doc, landscape, first=True)
    before_heading = True
    blocks = document.blocks
    for index, block in enumerate(blocks):
        if isinstance(block, Grid):
            parts = [p if isinstance(p, str) else table_layout(p) for p in _parts(block)]
            for n, part in enumerate(parts):
                if isinstance(part, str):
                    ahead = next((p for p in parts[n:] if not isinstance(p, str)), None)
                    if ahead is not None and not _NOTE.match(part) and (ahead.width >= WIDE) != landscape:
                        landscape = ahead.width >= WIDE  # the title goes on the table's page
                        _section(doc, landscape, first=False)
                    _caption_line(doc, part)
                    continue
                if (part.width >= WIDE) != landscape:
                    landscape = part.width >= WIDE
                    _section(doc, landscape, first=False)
                section = doc.sections[-1]
                usable = section.page_width - section.left_margin - section.right_margin
                # Word's 标题行重复 on a column header (not on a form's first lines: 预算部门名称 | …)
                repeat = repeat_headers and sum(1 for c in part.header if c.row == 0) >= 3
                table = add_table(doc, part, usable, repeat_header=repeat)
                for tr in table._tbl.tr_lst:  # a row is not broken over two pages (as exported tables print)
                    tr.get_or_add_trPr().append(tr.get_or_add_trPr().makeelement(qn("w:cantSplit"), {}))
            continue
        if not isinstance(block, TextBlock) or not block.text.strip():
            continue
        text = block.text.strip()
        heading = by_line.get(id(block.location))
        if _is_caption_text(text) and (heading is None or not heading.listed):
            ahead = _next_table(blocks, index)  # a table's title and units lines go on its page
            if ahead is not None and (ahead.width >= WIDE) != landscape:
                landscape = ahead.width >= WIDE
                _section(doc, landscape, first=False)
        elif landscape and heading is not None and heading.part:
            _section(doc, False, first=False)  # the text goes on in portrait
            landscape = False
        if heading is not None:
            before_heading = False
        if match_title(text) is not None and len(text) <= 60 and "。" not in text and not (heading and heading.listed):
            _centered(doc, text, 15)  # a table's title
        elif heading is not None and not heading.listed and not heading.body:
            if heading.level == 0:
                h = doc.add_heading(text, level=1)
                h.alignment = WD_ALIGN_PARAGRAPH.CENTER
            else:
                doc.add_heading(text, level=min(max(heading.level - 1, 1), 3))
        elif heading is not None and heading.listed:
            p = doc.add_paragraph(text)
            p.paragraph_format.left_indent = Pt(21 * max(heading.level - 1, 0))
            p.paragraph_format.space_after = Pt(0)
        elif _UNITS.search(text.replace(" ", "")) and len(text) <= 60:
            _plain(doc, text)
        elif _NOTE.match(text):
            _plain(doc, text)
        elif before_heading and len(text) <= 40 and not re.search(r"[。；;，,]", text):
            _centered(doc, text, 18)  # the cover: department, year, 部门预算/决算
        else:
            p = doc.add_paragraph()
            p.paragraph_format.first_line_indent = Pt(22)
            p.paragraph_format.space_after = Pt(0)
            p.paragraph_format.line_spacing = 1.25
            run = p.add_run(text)
            if heading is not None and heading.body:  # “（一）基本支出：…” a run-in heading
                run.text = ""
                title_end = text.find(heading.title) + len(heading.title) if heading.title in text else 0
                bold = p.runs[0]
                bold.text = text[:title_end]
                bold.bold = True
                p.add_run(text[title_end:])
    out.parent.mkdir(parents=True, exist_ok=True)
    doc.save(str(out))
    return out


def render(sources: list[Path], outdir: Path, *, repeat_headers: bool = True, suffix: str = "") -> dict[Path, Path]:
    """Text-form disclosures → outdir/NAME{suffix}.docx and .pdf (one LibreOffice run for
    all); {source: pdf}."""
    return render_jobs([(source, repeat_headers, suffix) for source in sources], outdir)[0]


def render_jobs(jobs: list[tuple[Path, bool, str]], outdir: Path) -> list[dict[Path, Path]]:
    """Several renderings in one LibreOffice run: jobs of (source, repeat_headers, suffix);
    per distinct suffix (in order of first use) {source: pdf}."""
    docxs = [
        render_docx(read_path(source), outdir / f"{source.stem}{suffix}.docx", repeat_headers=repeat)
        for source, repeat, suffix in jobs
    ]
    pdfs = to_pdfs(docxs, outdir)
    out: dict[str, dict[Path, Path]] = {}
    for (source, _, suffix), pdf in zip(jobs, pdfs, strict=True):
        out.setdefault(suffix, {})[source] = pdf
    return list(out.values())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("source", nargs="+", type=Path)
    parser.add_argument("-o", "--outdir", type=Path, default=Path("/tmp/yjsgk-rendered"))
    parser.add_argument("--png", action="store_true", help="also every page as PNG")
    parser.add_argument("--no-repeat", action="store_true", help="column headers only on a table's first page")
    args = parser.parse_args(argv)
    if soffice() is None:
        print("LibreOffice (soffice) is not installed", file=sys.stderr)
        return 2
    for source, pdf in render(args.source, args.outdir, repeat_headers=not args.no_repeat).items():
        print(pdf)
        if args.png:
            import pypdfium2

            pdfdoc = pypdfium2.PdfDocument(str(pdf))
            for n in range(len(pdfdoc)):
                png = args.outdir / f"{source.stem}-p{n + 1}.png"
                pdfdoc[n].render(scale=1.5).to_pil().save(png)
            print(f"{len(pdfdoc)} pages")
    return 0


if __name__ == "__main__":
    sys.exit(main())
