"""Word, Excel and web-page disclosures read into the same model as the text they were made from.

No real .docx/.xlsx disclosure is at hand, so the seeds are rendered into each format at test
time (into tmp_path, never the repository) the way such files are published: DOCX and HTML carry
the whole document (paragraphs, tables with merged header cells as printed: 本年支出 over
小计/基本支出/项目支出, 预算数 and 决算数 over six columns each, 科目编码 over split 类/款/项
columns), the XLSX has one sheet per table (title in row 1, 公开NN表, 部门 and 单位, merged header
cells, amounts as numbers formatted `#,##0.00`). Reading them back with the real readers must give
the same tables, rows, amounts and findings as reading the text.
"""

from __future__ import annotations

import html
import io
import json
import re
import shutil
import struct
import subprocess
import sys
import zipfile
from decimal import Decimal
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from msoffcrypto.format.ooxml import OOXMLFile
from openpyxl import Workbook

from conftest import SEED_FILES, SHARED
from yjsgk.amounts import parse_amount
from yjsgk.check import check
from yjsgk.document import Grid, Location, TextBlock
from yjsgk.pipeline import recognize_path
from yjsgk.read import read_path
from yjsgk.read.sheet import number_text
from yjsgk.recognize.columns import is_index_row
from yjsgk.recognize.segment import segment
from yjsgk.textnorm import key

ROUND_TRIP_SEEDS = ["002", "003", "004"]
SAMPLES = SHARED / "samples" / "tianbaoxitong" / "templates"

_DECIMAL = re.compile(r"^-?(?:\d{1,3}(?:,\d{3})+|\d+)\.\d+$")
_CODE = re.compile(r"^\d{3}(?:\d{2}){0,2}$")

# a workbook of tables has no narrative and no cover: what is said about them is not compared
NEEDS_TEXT = ("narrative.", "recognize.metadata")


# -- rendering the seeds -----------------------------------------------------------------------


def _is_data(texts: list[str]) -> bool:
    return any(_DECIMAL.match(t.strip()) for t in texts) or bool(_CODE.match(texts[0].strip()))


def plan_merges(rows: list[list[str]]) -> list[tuple[int, int, int, int]]:
    """Merged cells as a printed table has them, each covering only empty cells.

    Header rows (before the 栏次 row or the first figures): a label spans the empty cells to its
    right that have labels below (a parent over its children) or, with none, the empty cells
    below it. Data rows: a lone caption spans the row; a row label (合计) spans the empty label
    columns before the first column of figures.
    """
    width = len(rows[0])
    merges: list[tuple[int, int, int, int]] = []
    covered: set[tuple[int, int]] = set()

    def merge(r0: int, c0: int, r1: int, c1: int) -> None:
        merges.append((r0, c0, r1, c1))
        covered.update((r, c) for r in range(r0, r1 + 1) for c in range(c0, c1 + 1))

    first_data = next((i for i, t in enumerate(rows) if is_index_row(t) or _is_data(t)), len(rows))
    header = rows[:first_data]
    for r, texts in enumerate(header):
        for c, text in enumerate(texts):
            if not text.strip() or (r, c) in covered:
                continue
            below = header[r + 1 :]
            end = c
            while (
                end + 1 < width
                and not texts[end + 1].strip()
                and (r, end + 1) not in covered
                and any(b[end + 1].strip() for b in below)
            ):
                end += 1
            bottom = r
            if end == c:
                while bottom + 1 < len(header) and not header[bottom + 1][c].strip() and (bottom + 1, c) not in covered:
                    bottom += 1
            if (bottom, end) != (r, c):
                merge(r, c, bottom, end)
    figures = [c for t in rows[first_data:] for c, x in enumerate(t) if _DECIMAL.match(x.strip())]
    label_end = min(figures) if figures else width
    for r in range(first_data, len(rows)):
        texts = rows[r]
        filled = [c for c, t in enumerate(texts) if t.strip()]
        if filled == [0] and width > 1:
            merge(r, 0, r, width - 1)
        elif filled and filled[0] == 0 and label_end > 1 and all(not texts[c].strip() for c in range(1, label_end)):
            merge(r, 0, r, label_end - 1)
    return merges


def _padded(grid_rows) -> list[list[str]]:
    """Rows of one width, as the printed table has them.

    A text export drops empty cells at the end of a row, and in a two-sided 总表 also an empty
    expenditure name (`七、附属单位上缴收入 | 7 | | 20 |`: 20 is the expenditure side's 行次, as
    recognition reads it); the printed row has the empty cell in its place.
    """
    width = max(len(r.cells) for r in grid_rows)
    split = next(
        (
            [i for i, t in enumerate(r.texts) if key(t) == "项目"][1]
            for r in grid_rows
            if sum(key(t) == "项目" for t in r.texts) == 2
        ),
        None,
    )
    rows = []
    for row in grid_rows:
        texts = list(row.texts)
        if (
            split is not None
            and len(texts) < width
            and len(texts) > split
            and re.fullmatch(r"\d{1,3}", key(texts[split]))
        ):
            texts.insert(split, "")
        rows.append(texts + [""] * (width - len(texts)))
    return rows


def render_docx(name: str, path: Path) -> Path:
    """The seed as a Word document: its paragraphs and its tables with merged cells."""
    document = read_path(SEED_FILES[name])
    out = docx.Document()
    for block in document.blocks:
        if isinstance(block, TextBlock):
            paragraph = out.add_paragraph()
            for i, part in enumerate(block.text.split("\t")):  # a caption's tab stays a tab
                if i:
                    paragraph.add_run().add_tab()
                paragraph.add_run(part)
            continue
        rows = _padded(block.rows)
        table = out.add_table(rows=len(rows), cols=len(rows[0]))
        table.style = "Table Grid"
        for r0, c0, r1, c1 in plan_merges(rows):
            table.cell(r0, c0).merge(table.cell(r1, c1))
        for r, texts in enumerate(rows):
            cells = table.rows[r].cells
            for c, text in enumerate(texts):
                if not text.strip():
                    continue
                lines = text.split("\n")  # a cell's lines are its paragraphs
                cells[c].paragraphs[0].add_run(lines[0])
                for line in lines[1:]:
                    cells[c].add_paragraph(line)
    out.save(str(path))
    return path


def render_html(name: str, path: Path, encoding: str) -> Path:
    """The seed as a saved web page: <p> paragraphs and <table>s with colspan/rowspan."""
    document = read_path(SEED_FILES[name])
    charset = "gb2312" if encoding == "gbk" else encoding
    parts = [
        "<!DOCTYPE html>\n<html><head>",
        f'<meta http-equiv="Content-Type" content="text/html; charset={charset}">',
        "<title>部门预决算公开</title><style>td { border: 1px solid }</style></head><body>",
    ]

    def inline(text: str) -> str:
        # a browser collapses spaces and tabs; the page keeps them as &nbsp; (as Word saves them)
        text = html.escape(text.replace("\t", "    "))
        return re.sub(r" {2,}", lambda m: "&nbsp;" * len(m.group(0)), text)

    for block in document.blocks:
        if isinstance(block, TextBlock):
            parts.append(f"<p class=MsoNormal>{inline(block.text)}</p>")
            continue
        rows = _padded(block.rows)
        spans = {(r0, c0): (r1 - r0 + 1, c1 - c0 + 1) for r0, c0, r1, c1 in plan_merges(rows)}
        covered = {
            (r, c)
            for (r0, c0), (h, w) in spans.items()
            for r in range(r0, r0 + h)
            for c in range(c0, c0 + w)
            if (r, c) != (r0, c0)
        }
        parts.append("<table border=1 cellspacing=0>")
        for r, texts in enumerate(rows):
            parts.append("<tr>")
            for c, text in enumerate(texts):
                if (r, c) in covered:
                    continue
                h, w = spans.get((r, c), (1, 1))
                attrs = (f' rowspan="{h}"' if h > 1 else "") + (f" colspan={w}" if w > 1 else "")
                content = "<br>".join(inline(line) for line in text.split("\n"))
                parts.append(f"<td{attrs}><p>{content}</p></td>")
            parts.append("</tr>")
        parts.append("</table>")
    parts.append("</body></html>")
    path.write_bytes("\n".join(parts).encode(encoding, errors="xmlcharrefreplace"))
    return path


def render_xlsx(name: str, path: Path) -> Path:
    """The seed's tables as a workbook, one sheet per table, figures as formatted numbers."""
    document = read_path(SEED_FILES[name])
    disclosure = recognize_path(SEED_FILES[name])
    grid_of = {id(row): i for i, b in enumerate(document.blocks) if isinstance(b, Grid) for row in b.rows}
    workbook = Workbook()
    workbook.remove(workbook.active)
    for index, section in enumerate(segment(document).sections, start=1):
        sheet = workbook.create_sheet(f"表{index}")
        width = max(len(r.cells) for r in section.rows) if section.rows else 1
        sheet.append([section.title])
        sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
        if section.number:
            sheet.append([f"公开{section.number}表"])
        department, unit = f"部门：{disclosure.department}", f"单位：{section.unit or '万元'}"
        sheet.append([department, *[None] * (width - 2), unit] if width > 1 else [f"{department}  {unit}"])
        groups: dict[int, list] = {}
        for row in section.rows:
            groups.setdefault(grid_of[id(row)], []).append(row)
        for rows in groups.values():
            texts = [t + [""] * (width - len(t)) for t in _padded(rows)]
            start = sheet.max_row + 1
            first_data = next((i for i, t in enumerate(texts) if is_index_row(t) or _is_data(t)), len(texts))
            for i, row_texts in enumerate(texts):
                sheet.append([_sheet_value(t, i >= first_data) for t in row_texts])
                for c, t in enumerate(row_texts, start=1):
                    if i >= first_data and _DECIMAL.match(t.strip()):
                        decimals = len(t.strip().split(".")[1])
                        sheet.cell(row=start + i, column=c).number_format = "#,##0." + "0" * decimals
            for r0, c0, r1, c1 in plan_merges(texts):
                sheet.merge_cells(start_row=start + r0, start_column=c0 + 1, end_row=start + r1, end_column=c1 + 1)
        for note in section.notes:
            sheet.append([note])
    workbook.save(str(path))
    return path


def _sheet_value(text: str, data: bool):
    if data and _DECIMAL.match(text.strip()):
        return Decimal(text.strip().replace(",", ""))
    return text or None


# -- comparing models ---------------------------------------------------------------------------


def model(disclosure) -> list:
    """What recognition made of a document: tables, rows and every amount."""
    return [
        (
            t.id,
            t.number,
            t.columns,
            [
                (r.code, r.key, r.side, r.name, {c: v.amount for c, v in r.values.items()}, _raw(r.cells))
                for r in t.rows
            ],
        )
        for t in disclosure.tables
    ]


def _raw(cells: list[str] | None) -> list | None:
    """Cells of a table not typed yet: figures as amounts (a workbook shows 3473.12 as 3,473.12),
    without trailing blanks (a text export drops them, a Word table has them)."""
    if cells is None:
        return None
    out = [amount.value if (amount := parse_amount(c)) is not None else c for c in cells]
    while out and out[-1] == "":
        out.pop()
    return out


def finding_keys(findings, skip: tuple[str, ...] = ()) -> list[tuple]:
    return [
        (f.rule, f.severity, f.table, f.row, f.column, f.expected, f.found)
        for f in findings
        if not (skip and f.rule.startswith(skip))
    ]


@pytest.fixture(scope="module")
def text_result():
    cache = {}

    def get(name: str):
        if name not in cache:
            disclosure = recognize_path(SEED_FILES[name])
            cache[name] = (disclosure, check(disclosure))
        return cache[name]

    return get


# -- round trips ---------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ROUND_TRIP_SEEDS)
def test_docx_round_trip(tmp_path, text_result, name):
    expected, expected_findings = text_result(name)
    disclosure = recognize_path(render_docx(name, tmp_path / f"{name}.docx"))
    assert disclosure.format == "docx"
    assert (disclosure.kind, disclosure.department, disclosure.year, disclosure.unit) == (
        expected.kind,
        expected.department,
        expected.year,
        expected.unit,
    )
    assert model(disclosure) == model(expected)
    assert [t.notes for t in disclosure.tables] == [t.notes for t in expected.tables]
    assert finding_keys(check(disclosure)) == finding_keys(expected_findings)


@pytest.mark.parametrize("name, encoding", [("002", "gbk"), ("003", "utf-8"), ("004", "gbk")])
def test_html_round_trip(tmp_path, text_result, name, encoding):
    expected, expected_findings = text_result(name)
    disclosure = recognize_path(render_html(name, tmp_path / f"{name}.html", encoding))
    assert disclosure.format == "html"
    assert (disclosure.kind, disclosure.department, disclosure.year, disclosure.unit) == (
        expected.kind,
        expected.department,
        expected.year,
        expected.unit,
    )
    assert model(disclosure) == model(expected)
    assert finding_keys(check(disclosure)) == finding_keys(expected_findings)


@pytest.mark.parametrize("name", ROUND_TRIP_SEEDS)
def test_xlsx_round_trip(tmp_path, text_result, name):
    expected, expected_findings = text_result(name)
    disclosure = recognize_path(render_xlsx(name, tmp_path / f"{name}.xlsx"))
    assert disclosure.format == "xlsx"
    assert (disclosure.department, disclosure.unit) == (expected.department, expected.unit)
    assert model(disclosure) == model(expected)
    assert finding_keys(check(disclosure), NEEDS_TEXT) == finding_keys(expected_findings, NEEDS_TEXT)


def test_xlsx_keeps_a_note_continued_in_the_next_row(tmp_path):
    # 002 prints under 收入支出决算总表: "注：1. 本表反映…" and, on the next line, "2. 本套报表…";
    # in a workbook each is a one-cell row. The text reading keeps both lines as the table's notes.
    disclosure = recognize_path(render_xlsx("002", tmp_path / "002.xlsx"))
    assert disclosure.table("final.summary").notes == [
        "注：1. 本表反映部门本年度的总收支和年末结转结余情况。",
        "2. 本套报表金额单位转换时可能存在尾数误差。",
    ]


# -- LibreOffice: legacy .doc and .xls made from the rendered files ----------------------------

needs_libreoffice = pytest.mark.skipif(
    not (shutil.which("soffice") or shutil.which("libreoffice")), reason="LibreOffice (soffice) is not installed"
)


def libreoffice_convert(path: Path, target: str) -> Path:
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    out = path.parent / f"{target}-out"
    profile = (path.parent / "lo-profile").as_uri()
    subprocess.run(
        [
            exe,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            target,
            "--outdir",
            str(out),
            str(path),
        ],
        capture_output=True,
        timeout=300,
    )
    converted = out / f"{path.stem}.{target}"
    if not converted.is_file():  # e.g. Writer is installed but not Calc
        pytest.skip(f"this LibreOffice cannot write .{target}")
    return converted


@needs_libreoffice
@pytest.mark.parametrize(
    "name, made_from, target",
    [
        ("002", "docx", "doc"),  # Word 97: read by converting it back with LibreOffice
        ("003", "docx", "html"),  # LibreOffice's own web page, not ours
        ("004", "xlsx", "xls"),  # Excel 97 (BIFF8), read with xlrd
    ],
)
def test_files_made_by_libreoffice_read_the_same(tmp_path, text_result, name, made_from, target):
    expected, expected_findings = text_result(name)
    rendered = (
        render_docx(name, tmp_path / f"{name}.docx")
        if made_from == "docx"
        else render_xlsx(name, tmp_path / f"{name}.xlsx")
    )
    made = libreoffice_convert(rendered, target)
    if target in ("doc", "xls"):
        assert made.read_bytes()[:8] == bytes.fromhex("d0cf11e0a1b11ae1")  # a real binary Office file
    disclosure = recognize_path(made)
    assert disclosure.format == target and disclosure.source == str(made)
    assert model(disclosure) == model(expected)
    skip = NEEDS_TEXT if made_from == "xlsx" else ()
    assert finding_keys(check(disclosure), skip) == finding_keys(expected_findings, skip)


# -- each reader on a small file of known content ------------------------------------------------


def test_docx_reader_lays_merged_cells_on_the_grid(tmp_path):
    out = docx.Document()
    title = out.add_paragraph("一般公共预算财政拨款支出决算表")
    title._p.append(
        parse_xml(f'<w:del {nsdecls("w")} w:id="1" w:author="x"><w:r><w:delText>（草稿）</w:delText></w:r></w:del>')
    )
    out.add_paragraph("")
    caption = out.add_paragraph("部门：示范市数据资源管理局")
    caption.add_run().add_tab()
    caption.add_run("单位：万元")
    number = out.add_paragraph("公开05表")
    number.add_run().add_break()
    number.add_run("2023年度")
    table = out.add_table(rows=4, cols=5)
    table.cell(0, 0).merge(table.cell(1, 0)).paragraphs[0].add_run("科目编码")
    table.cell(0, 1).merge(table.cell(1, 1)).paragraphs[0].add_run("科目名称")
    header = table.cell(0, 2).merge(table.cell(0, 4))
    header.paragraphs[0].add_run("本年支出")
    header.add_paragraph("（万元）")
    for c, text in enumerate(["小计", "基本支出", "项目支出"], start=2):
        table.cell(1, c).paragraphs[0].add_run(text)
    table.cell(2, 0).merge(table.cell(2, 1)).paragraphs[0].add_run("合计")
    for r, texts in ((2, ["", "", "10.00", "4.00", "6.00"]), (3, ["2010301", "行政运行", "10.00", "4.00", "6.00"])):
        for c, text in enumerate(texts):
            if text:
                table.cell(r, c).paragraphs[0].add_run(text)
    # the last row starts one grid column in (w:gridBefore), as Word writes an indented row
    last = table.rows[3]._tr
    last.remove(last.tc_lst[0])
    last.insert(0, parse_xml(f'<w:trPr {nsdecls("w")}><w:gridBefore w:val="1"/></w:trPr>'))
    out.add_paragraph("注：本表反映部门本年度一般公共预算财政拨款支出情况。")
    path = tmp_path / "table.docx"
    out.save(str(path))

    document = read_path(path)
    assert document.format == "docx"
    texts = [(b.text, b.location.line) for b in document.blocks if isinstance(b, TextBlock)]
    assert texts == [
        ("一般公共预算财政拨款支出决算表", 1),
        ("部门：示范市数据资源管理局\t单位：万元", 3),  # line 2 is the empty paragraph
        ("公开05表", 4),
        ("2023年度", 4),  # a soft line break: two lines of one paragraph
        ("注：本表反映部门本年度一般公共预算财政拨款支出情况。", 9),
    ]
    [grid] = [b for b in document.blocks if isinstance(b, Grid)]
    assert [r.texts for r in grid.rows] == [
        ["科目编码", "科目名称", "本年支出\n（万元）", "", ""],
        ["", "", "小计", "基本支出", "项目支出"],
        ["合计", "", "10.00", "4.00", "6.00"],
        ["", "行政运行", "10.00", "4.00", "6.00"],
    ]
    assert [r.location.line for r in grid.rows] == [5, 6, 7, 8]
    assert [c.location.column for c in grid.rows[2].cells] == [0, 1, 2, 3, 4]
    assert grid.rows[2].cells[4].location == Location(str(path), line=7, column=4)


def test_xlsx_reader_shows_numbers_as_displayed(tmp_path):
    workbook = Workbook()
    cover = workbook.active
    cover.title = "封面"
    cover["B3"] = "示范市数据资源管理局2023年度部门决算"
    cover["B5"] = "第一部分 部门概况\n第二部分 部门决算表"
    hidden = workbook.create_sheet("参数")
    hidden["A1"] = "不公开的辅助数据"
    hidden.sheet_state = "hidden"
    sheet = workbook.create_sheet("公开05表")
    sheet["B1"] = "一般公共预算财政拨款支出决算表"
    sheet.merge_cells("B1:F1")
    sheet["B2"], sheet["F2"] = "部门：示范市数据资源管理局", "单位：万元"
    sheet["B3"], sheet["C3"], sheet["D3"] = "科目编码", "科目名称", "本年支出"
    sheet.merge_cells("B3:B4")
    sheet.merge_cells("C3:C4")
    sheet.merge_cells("D3:F3")
    sheet["D4"], sheet["E4"], sheet["F4"] = "小计", "基本支出", "项目支出"
    sheet["B6"] = "合计"
    sheet.merge_cells("B6:C6")
    sheet["D6"], sheet["E6"], sheet["F6"] = 10, 125.27000000000001, 1234.5
    sheet["D6"].number_format = sheet["F6"].number_format = "#,##0.00"
    sheet["B7"], sheet["C7"] = "2010301", "行政运行"
    sheet["D7"], sheet["E7"], sheet["F7"] = 0.1 + 0.2, 0.125, 0
    sheet["E7"].number_format = "0.00%"
    sheet["F7"].number_format = '_ * #,##0.00_ ;_ * -#,##0.00_ ;_ * "-"??_ ;_ @_ '
    path = tmp_path / "book.xlsx"
    workbook.save(str(path))

    document = read_path(path)
    assert document.format == "xlsx"
    cover_lines = [(b.text, b.location.page, b.location.line) for b in document.blocks if isinstance(b, TextBlock)]
    assert cover_lines == [
        ("示范市数据资源管理局2023年度部门决算", 1, 3),
        ("第一部分 部门概况", 1, 5),
        ("第二部分 部门决算表", 1, 5),
    ]
    [grid] = [b for b in document.blocks if isinstance(b, Grid)]  # the hidden sheet is not read
    assert [(r.location.page, r.location.line) for r in grid.rows] == [(3, 1), (3, 2), (3, 3), (3, 4), (3, 6), (3, 7)]
    assert [r.texts for r in grid.rows] == [
        ["一般公共预算财政拨款支出决算表", "", "", "", ""],
        ["部门：示范市数据资源管理局", "", "", "", "单位：万元"],
        ["科目编码", "科目名称", "本年支出", "", ""],
        ["", "", "小计", "基本支出", "项目支出"],
        ["合计", "", "10.00", "125.27", "1,234.50"],
        ["2010301", "行政运行", "0.3", "12.50%", "-"],
    ]
    # column B is the grid's first cell: empty leading columns are dropped
    assert grid.rows[4].cells[3].location == Location(str(path), line=6, page=3, column=3)


@pytest.mark.parametrize(
    "value, number_format, shown",
    [
        (125.27000000000001, "General", "125.27"),
        (0.1 + 0.2, "General", "0.3"),
        (49.0, "General", "49"),
        (125.27000000000001, "0.00", "125.27"),
        (1234.5, "#,##0.00", "1,234.50"),
        (5073.08, "#,##0", "5,073"),
        (2.675, "0.00", "2.68"),  # as Excel shows it: rounded at 15 digits, then half up
        (0.125, "0.00%", "12.50%"),
        (-5.5, "0.00", "-5.50"),
        (-5.5, "#,##0.00_);[Red](#,##0.00)", "(5.50)"),
        (0, '_ * #,##0.00_ ;_ * -#,##0.00_ ;_ * "-"??_ ;_ @_ ', "-"),
        (3.1, '_ * #,##0.00_ ;_ * -#,##0.00_ ;_ * "-"??_ ;_ @_ ', "3.10"),
        (7, "@", "7"),
    ],
)
def test_spreadsheet_number_as_displayed(value, number_format, shown):
    assert number_text(value, number_format) == shown


def test_xls_reader_on_a_published_template():
    # a real .xls (BIFF8) template: 单位收入总表 is the 8th sheet; cells verified with xlrd's raw values
    path = SAMPLES / "budget_template.xls"
    document = read_path(path)
    assert document.format == "xls"
    cover = [(b.text, b.location.page, b.location.line) for b in document.blocks[:2]]
    assert cover == [("上海市普陀区2026年区级单位预算", 1, 3), ("预算单位：上海市普陀区XX单位", 1, 9)]
    [income] = [b for b in document.blocks if isinstance(b, Grid) and b.location.page == 8]
    rows = {r.location.line: r.texts for r in income.rows}
    assert sorted(rows) == [2, 4, 6, 7, 8, 9, 10, 11, 12, 20]  # empty rows are left out
    assert rows[4] == ["编制单位：", "", "", "", "", "", "", "", "单位：元"]
    assert rows[6] == ["项目", "", "", "", "收入预算", "", "", "", ""]
    assert rows[7] == [
        "功能分类科目编码",
        "",
        "",
        "功能分类科目名称",
        "合计",
        "财政拨款收入",
        "事业收入",
        "事业单位\n经营收入",
        "其他收入",
    ]
    assert rows[8] == ["类", "款", "项", "", "", "", "", "", ""]
    assert rows[11] == ["205", "02", "05", "高等教育", "", "", "", "", ""]  # 205 is the number 205.0
    assert rows[20] == ["合计", "", "", "", "", "", "", "", ""]


def test_html_reader_expands_spans_and_reads_gb2312(tmp_path):
    page = """<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>不读标题</title><script>var note = "不读脚本";</script></head>
<body><table width="100%"><tr><td>
<h1>一般公共预算财政拨款支出决算表</h1>
<p>部门：示范市数据资源管理局&nbsp;&nbsp;单位：万元</p>
<div style="display: none">隐藏的内容</div>
<table border=1>
 <tr><td rowspan=2>科目编码</td><td rowspan="2">科目名称</td><td colspan=3>本年支出</td></tr>
 <tr><th>小计</th><th>基本支出</th><th>项目支出</th></tr>
 <tr><td colspan=2>合计</td><td>10.00</td><td>4.00</td><td>6.00</td></tr>
 <tr><td>2010301</td><td><p>行政</p><p>运行</p></td><td>10.00</td><td>4.00</td><td>6.00</td></tr>
</table>
<p>注：本表反映部门本年度一般公共预算财政拨款支出情况。<br>2. 本套报表金额单位转换时可能存在尾数误差。</p>
</td></tr></table></body></html>"""
    path = tmp_path / "page.htm"
    path.write_bytes(page.encode("gbk"))
    document = read_path(path)
    assert document.format == "html"
    texts = [(b.text, b.location.line) for b in document.blocks if isinstance(b, TextBlock)]
    assert texts == [
        ("一般公共预算财政拨款支出决算表", 1),
        ("部门：示范市数据资源管理局  单位：万元", 2),
        ("注：本表反映部门本年度一般公共预算财政拨款支出情况。", 7),
        ("2. 本套报表金额单位转换时可能存在尾数误差。", 8),
    ]
    [grid] = [b for b in document.blocks if isinstance(b, Grid)]
    assert [r.texts for r in grid.rows] == [
        ["科目编码", "科目名称", "本年支出", "", ""],
        ["", "", "小计", "基本支出", "项目支出"],
        ["合计", "", "10.00", "4.00", "6.00"],
        ["2010301", "行政\n运行", "10.00", "4.00", "6.00"],
    ]
    assert [r.location.line for r in grid.rows] == [3, 4, 5, 6]
    table = recognize_path(path).table("final.general_budget_expenditure")
    assert table.columns == ["total", "basic", "project"]
    assert table.find(key="total").values["basic"].amount == Decimal("4.00")
    assert table.find(code="2010301").name == "行政运行"
    assert table.notes == [
        "注：本表反映部门本年度一般公共预算财政拨款支出情况。",
        "2. 本套报表金额单位转换时可能存在尾数误差。",
    ]


# -- the command line on these formats --------------------------------------------------------------


def run(*args: str, path_dirs: str = "/usr/bin:/bin") -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "yjsgk", *args],
        capture_output=True,
        text=True,
        env={"PATH": path_dirs, "NO_COLOR": "1"},
        timeout=300,
    )


def test_folder_walk_reads_office_files(tmp_path):
    render_docx("004", tmp_path / "a.docx")
    render_xlsx("004", tmp_path / "b.xlsx")
    render_html("004", tmp_path / "c.htm", "utf-8")
    (tmp_path / "notes.pptx").write_bytes(b"PK\x03\x04")
    result = run("check", "--format", "json", str(tmp_path))
    documents = json.loads(result.stdout)["documents"]
    assert [Path(d["source"]).name for d in documents] == ["a.docx", "b.xlsx", "c.htm"]


def _cfb_word_file() -> bytes:
    """A minimal compound file (MS-CFB v3) holding a WordDocument stream: how a .doc starts."""
    free, end, fat_sector, no_stream = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF
    header = struct.pack(
        "<8s16sHHHHH6sIIIIIIIII",
        bytes.fromhex("d0cf11e0a1b11ae1"),
        b"",
        0x3E,
        3,
        0xFFFE,
        9,
        6,
        b"",
        0,
        1,
        1,
        0,
        4096,
        end,
        0,
        end,
        0,
    ) + struct.pack("<109I", 0, *[free] * 108)
    fat = struct.pack("<128I", fat_sector, end, *range(3, 10), end, *[free] * 118)

    def entry(name: str, kind: int, child: int, start: int, size: int) -> bytes:
        encoded = name.encode("utf-16-le") + b"\x00\x00" if name else b""
        return struct.pack(
            "<64sHBBIII16sIQQIQ", encoded, len(encoded), kind, 1, no_stream, no_stream, child, b"", 0, 0, 0, start, size
        )

    directory = (
        entry("Root Entry", 5, 1, end, 0)
        + entry("WordDocument", 2, no_stream, 2, 4096)
        + entry("", 0, no_stream, 0, 0) * 2
    )
    stream = struct.pack("<H", 0xA5EC) + b"\x00" * 4094
    return header + fat + directory + stream


@pytest.mark.parametrize(
    "name, content, reason",
    [
        ("empty.docx", b"", "文件为空"),
        ("empty.xlsx", b"", "文件为空"),
        ("empty.xls", b"", "文件为空"),
        ("empty.htm", b"  \n", "文件为空"),
        ("empty.doc", b"", "文件为空"),
        ("broken.docx", b"PK\x03\x04 not really a docx", "文件已损坏"),
        ("broken.xlsx", b"PK\x03\x04\x14\x00\x00\x00", "文件已损坏"),
        ("noise.xls", bytes(range(256)) * 40, "文件已损坏或不是 Excel 文件"),
        ("noise.docx", bytes(range(256)) * 40, "文件已损坏或不是 Word 文件"),
        ("other.xlsx", "zip-with-other-content", "压缩包中没有文档内容"),
        ("truncated.docx", "truncated-docx", "Word 文件已损坏"),
        ("secret.xlsx", "encrypted-xlsx", "文件已加密"),
        ("secret.docx", "encrypted-docx", "文件已加密"),
        ("legacy.doc", "cfb-word", "需要安装 LibreOffice 才能读取 .doc 文件"),
        ("story.rtf.doc", b"{\\rtf1\\ansi \\u25910? }", "需要安装 LibreOffice 才能读取 RTF 文件"),
    ],
)
def test_bad_office_input_gets_one_line_and_exit_2(tmp_path, name, content, reason):
    path = tmp_path / name
    path.write_bytes(_bad_content(content, tmp_path))
    result = run("check", str(path), path_dirs=str(tmp_path / "no-programs"))  # no LibreOffice on PATH
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and reason in lines[0] and str(path) in lines[0], result.stderr
    assert "Traceback" not in result.stderr


def _bad_content(content: bytes | str, tmp_path: Path) -> bytes:
    if isinstance(content, bytes):
        return content
    if content == "cfb-word":
        return _cfb_word_file()
    if content == "zip-with-other-content":
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            archive.writestr("readme.txt", "不是文档")
        return buffer.getvalue()
    made = (
        render_docx("004", tmp_path / "made.docx") if "docx" in content else render_xlsx("004", tmp_path / "made.xlsx")
    )
    data = made.read_bytes()
    if content == "truncated-docx":  # the zip directory is intact, a member is cut short
        with zipfile.ZipFile(made) as archive:
            members = {n: archive.read(n) for n in archive.namelist()}
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            for member, body in members.items():
                archive.writestr(member, body[: len(body) // 3] if member == "word/document.xml" else body)
        return buffer.getvalue()
    out = io.BytesIO()
    OOXMLFile(io.BytesIO(data)).encrypt("密码123", out)
    return out.getvalue()
