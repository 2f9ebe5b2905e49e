"""Blocks → a Word document (python-docx): headings with Word's heading styles (so the 目录
can be refreshed by Word), tables with real merged cells (gridSpan, vMerge), amounts right-aligned,
a landscape section for each wide table."""

from __future__ import annotations

import re
from pathlib import Path

from docx import Document as new_document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_TAB_ALIGNMENT
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from .blocks import Block, Contents, Heading, PageBreak, Paragraph, TableBlock
from .layout import Layout

FONT = "宋体"
HEADING_FONT = "黑体"
WIDE = 7  # columns from which a table gets a landscape page
RED = RGBColor(0xC0, 0x00, 0x00)


def _east_asian(run, font: str) -> None:
    run.font.name = font
    rpr = run._element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.append(fonts)
    fonts.set(qn("w:eastAsia"), font)


def _styles(doc) -> None:
    normal = doc.styles["Normal"]
    normal.font.size = Pt(11)
    normal.font.name = FONT
    normal.element.get_or_add_rPr()
    fonts = normal.element.rPr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = normal.element.rPr.makeelement(qn("w:rFonts"), {})
        normal.element.rPr.append(fonts)
    fonts.set(qn("w:eastAsia"), FONT)
    for level, size in ((1, 16), (2, 14), (3, 12)):
        style = doc.styles[f"Heading {level}"]
        style.font.size = Pt(size)
        style.font.color.rgb = RGBColor(0, 0, 0)
        style.font.name = HEADING_FONT
        rpr = style.element.get_or_add_rPr()
        f = rpr.find(qn("w:rFonts"))
        if f is None:
            f = rpr.makeelement(qn("w:rFonts"), {})
            rpr.append(f)
        f.set(qn("w:eastAsia"), HEADING_FONT)


def _orient(doc, landscape: bool) -> None:
    """Start a new section (page) in this orientation."""
    from docx.enum.section import WD_SECTION

    section = doc.add_section(WD_SECTION.NEW_PAGE)
    width, height = section.page_width, section.page_height
    if landscape != (width > height):
        section.page_width, section.page_height = height, width
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Cm(1.8))


def _cell_text(cell, text: str, *, bold: bool = False, align=None, size: float = 9) -> None:
    paragraph = cell.paragraphs[0]
    paragraph.paragraph_format.space_after = Pt(0)
    if align is not None:
        paragraph.alignment = align
    run = paragraph.add_run(text)
    run.font.size = Pt(size)
    run.bold = bold


def _table(doc, layout: Layout, department: str | None) -> None:
    section = doc.sections[-1]
    usable = section.page_width - section.left_margin - section.right_margin
    if layout.number:
        p = doc.add_paragraph(f"公开{layout.number}表")
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    title = doc.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = title.add_run(layout.title)
    run.bold = True
    run.font.size = Pt(15)
    _east_asian(run, HEADING_FONT)
    caption = f"编制单位：{department or ''}\t单位：{layout.unit or '万元'}"
    line = doc.add_paragraph(caption)
    line.paragraph_format.tab_stops.add_tab_stop(usable, WD_TAB_ALIGNMENT.RIGHT)  # 单位 at the right edge
    add_table(doc, layout, usable, fit_amounts=True)
    for note in layout.notes:
        doc.add_paragraph(note)


def add_table(doc, layout: Layout, usable: int, *, repeat_header: bool = False, fit_amounts: bool = False):
    """The Word table of a layout: merged header cells, the 栏次 row, the body; amounts
    right-aligned; column widths over `usable` (EMU). `repeat_header`: the header rows are
    printed again on every page the table runs over (Word's 标题行重复). `fit_amounts` (the
    drafter's own tables): an amount column is widened to its longest amount, and the words in
    a column of amounts are centred; off, the widths are the layout's weights alone (the PDF
    parity harness prints numbers wrapped in narrow cells on purpose)."""
    extra = 1 if layout.index_row else 0
    rows = layout.header_rows + extra + len(layout.body)
    table = doc.add_table(rows=rows, cols=layout.width)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    size = 8 if layout.width > 9 else 9
    for hc in layout.header:
        cell = table.cell(hc.row, hc.col)
        if hc.rows > 1 or hc.cols > 1:
            cell = cell.merge(table.cell(hc.row + hc.rows - 1, hc.col + hc.cols - 1))
        _cell_text(cell, hc.text, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, size=size)
    # the body through each row's own cells: `table.cell` walks the whole table on every call
    # (python-docx builds the full grid each time), quadratic in the cells — minutes for a
    # long coded table
    lines = list(table.rows)
    if layout.index_row:
        r = layout.header_rows
        if layout.index_span > 1:
            table.cell(r, 0).merge(table.cell(r, layout.index_span - 1))
        cells = lines[r].cells
        for c, text in enumerate(layout.index_row):
            if text:
                _cell_text(cells[c], text, align=WD_ALIGN_PARAGRAPH.CENTER, size=size)
    first = layout.header_rows + extra
    for n, line in enumerate(layout.body):
        cells = lines[first + n].cells
        for c, text in enumerate(line):
            if text:
                align = None
                if layout.numeric[c]:
                    figure = _FIGURE.match(text) or not fit_amounts
                    align = WD_ALIGN_PARAGRAPH.RIGHT if figure else WD_ALIGN_PARAGRAPH.CENTER
                _cell_text(cells[c], text, align=align, size=size)
    _widths(table, layout, usable, size if fit_amounts else None)
    if repeat_header:
        for tr in table._tbl.tr_lst[: layout.header_rows]:
            tr.get_or_add_trPr().append(tr.get_or_add_trPr().makeelement(qn("w:tblHeader"), {}))
    return table


def _text_width(text: str, size: float) -> int:
    """EMU a line of text takes at `size` points: CJK characters a full em, others about half."""
    ems = sum(1.0 if ord(ch) > 0x2E80 else 0.65 for ch in text)  # digits of a fallback font: ~0.64 em
    return int(ems * size * 12700)


_FIGURE = re.compile(r"^-?[\d,.]+%?$")
PADDING = Cm(0.45)  # a cell's left and right margins (0.19 cm each in Word) and a little air


def _widths(table, layout: Layout, usable: int, size: float | None = None) -> None:
    """Column widths by weight over the usable page width (code columns narrow, names wide);
    with the font `size`, an amount column is never narrower than its longest amount (a
    wrapped 388,763.\n56 misreads), the room it takes comes out of the text columns."""
    weights = layout.column_weights()
    total = sum(weights) or 1
    widths = [int(usable * w / total) for w in weights]
    need = [0] * layout.width
    for line in layout.body:
        for c, text in enumerate(line[: layout.width]):
            if size is not None and layout.numeric[c] and _FIGURE.match(text):
                need[c] = max(need[c], _text_width(text, size) + PADDING)
    short = sum(max(n - w, 0) for n, w in zip(need, widths, strict=True))
    text_cols = [c for c in range(layout.width) if not layout.numeric[c]]
    spare = sum(widths[c] for c in text_cols) // 2  # text columns give up at most half their room
    if short and text_cols and short <= spare:
        widths = [max(w, n) for w, n in zip(widths, need, strict=True)]
        given = sum(weights[c] for c in text_cols) or 1
        for c in text_cols:
            widths[c] -= int(short * weights[c] / given)
    table.autofit = False
    grid = table._tbl.tblGrid
    for col, width in zip(grid.findall(qn("w:gridCol")), widths, strict=False):
        col.set(qn("w:w"), str(int(width / 635)))  # EMU → twentieths of a point
    for tr in table._tbl.tr_lst:
        col = 0
        for tc in tr.tc_lst:
            span = tc.grid_span
            tc.width = sum(widths[col : col + span])
            col += span


def write_docx(blocks: list[Block], path: Path) -> Path:
    doc = new_document()
    _styles(doc)
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)  # A4
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Cm(2.2))
    landscape = False
    first = True
    for block in blocks:
        if isinstance(block, TableBlock):
            wide = block.layout.width >= WIDE
            if first or wide != landscape:
                _orient(doc, wide)
                landscape = wide
            elif not first:
                doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
            _table(doc, block.layout, block.department)
            first = False
            continue
        if landscape:  # back to portrait after the tables
            _orient(doc, False)
            landscape = False
        first = True
        if isinstance(block, Heading):
            if block.level == 0:
                p = doc.add_paragraph()
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER
                run = p.add_run(block.text)
                run.bold = True
                run.font.size = Pt(22)
                _east_asian(run, HEADING_FONT)
            else:
                h = doc.add_heading(block.text, level=min(block.level, 3))
                if block.level == 1:
                    h.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif isinstance(block, Paragraph):
            p = doc.add_paragraph()
            run = p.add_run(block.text)
            if block.style == "cover":
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER
                run.font.size = Pt(18)
                run.bold = True
            elif block.style == "right":
                p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            elif block.style == "warning":
                run.bold = True
                run.font.color.rgb = RED
            elif block.style == "placeholder":
                run.font.color.rgb = RED
            else:
                p.paragraph_format.first_line_indent = Pt(22)
        elif isinstance(block, Contents):
            heading = doc.add_paragraph()
            heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
            r = heading.add_run("目录")
            r.bold = True
            r.font.size = Pt(16)
            for level, text in block.entries:
                p = doc.add_paragraph(text)
                p.paragraph_format.left_indent = Pt(22 * max(level - 1, 0))
                p.paragraph_format.space_after = Pt(0)
        elif isinstance(block, PageBreak):
            doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    path.parent.mkdir(parents=True, exist_ok=True)
    doc.save(str(path))
    return path
