"""The PDF reader on real disclosures from four producers, and on files it must refuse.

Every expected text below was checked against the rendered page (pdftoppm) of the sample in
../shared/samples, read in place. Small PDFs for behaviours no sample shows (fake bold, a
number printed with a space, page limits) and for broken files are written at test time.
"""

from __future__ import annotations

import shutil
import subprocess
from decimal import Decimal
from functools import cache
from pathlib import Path

import pytest

from conftest import SHARED
from yjsgk.amounts import parse_amount
from yjsgk.cli import main
from yjsgk.document import Document, Grid, GridRow, TextBlock
from yjsgk.errors import ReadError
from yjsgk.pipeline import recognize_path
from yjsgk.read import read_path

SAMPLES = SHARED / "samples"
ONLYOFFICE = SAMPLES / "GovBudgetChecker/samples/good/上海市普陀区财政局2024年度部门决算.pdf"  # 2024 决算
WPS_SHEET = SAMPLES / "renwu/001_上海/2026年上海市交通运输局_部门预算.pdf"  # WPS 表格, amounts in 元
WORD_2007 = SAMPLES / "open-budget/江苏省人民检察院/2018年省检察院部门预算公开.pdf"  # white cell backgrounds
ITEXT_ROTATED = SAMPLES / "renwu/025_烟台/2026年烟台市交通运输局部门预算.pdf"  # tables on /Rotate 90 pages
SCANNED = (
    SAMPLES / "renwu_hist/002_北京/政务服务和数据管理局_附件1：北京市政务服务和数据管理局2026年度部门预算情况说明.pdf"
)


@cache
def doc(path: Path) -> Document:
    return read_path(path)


@cache
def disclosure(path: Path):
    return recognize_path(path)


def lines(path: Path, page: int) -> dict[int, str]:
    return {b.location.line: b.text for b in doc(path).blocks if isinstance(b, TextBlock) and b.location.page == page}


def rows(path: Path, page: int) -> list[GridRow]:
    return [r for b in doc(path).blocks if isinstance(b, Grid) and b.location.page == page for r in b.rows]


def row_texts(path: Path, page: int) -> list[list[str]]:
    return [r.texts for r in rows(path, page)]


# -- text lines --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "page", "line", "text"),
    [
        # ONLYOFFICE: CJK and digits in different fonts on one baseline stay one line
        (ONLYOFFICE, 21, 4, "上海市普陀区财政局2024年度收入支出总计2995.39万元。与2023年度相比，收入"),
        (ONLYOFFICE, 21, 14, "上海市普陀区财政局2024年度财政拨款收入支出总计0.3万元。与2023年度相比，"),
        (ONLYOFFICE, 23, 10, "“三公”经费财政拨款支出年初预算为0.95万元，支出决算为0.00万元，完成预算的"),
        (ONLYOFFICE, 1, 1, "上海市普陀区财政局"),
        (ONLYOFFICE, 1, 2, "2024年度部门决算"),
        # a wide gap between two captions on one baseline is kept as two spaces
        (WPS_SHEET, 7, 1, "2026年预算单位财务收支预算总表"),
        (WPS_SHEET, 7, 2, "编制单位：上海交通职业技术学院  单位：元"),
        (WORD_2007, 13, 6, "公开 01 表：收支预算总表"),
        (WORD_2007, 13, 7, "部门：  江苏省人民检察院  单位：万元"),
        # a page turned by /Rotate 90 reads left to right, top to bottom as displayed
        (ITEXT_ROTATED, 9, 1, "公开表2"),
        (ITEXT_ROTATED, 9, 2, "收入总体情况表"),
        (ITEXT_ROTATED, 9, 3, "部门（单位）：烟台市交通运输局"),
        (ITEXT_ROTATED, 9, 4, "单位：万元"),
    ],
)
def test_text_lines_by_baseline(path, page, line, text):
    assert lines(path, page)[line] == text


def test_text_blocks_carry_page_line_and_bbox():
    block = next(
        b for b in doc(ONLYOFFICE).blocks if isinstance(b, TextBlock) and b.location.page == 21 and b.location.line == 4
    )
    x0, top, x1, bottom = block.location.bbox
    assert 0 < x0 < x1 <= 595.3 and 0 < top < bottom <= 841.9  # an A4 portrait page, in points
    assert block.location.source == str(ONLYOFFICE)
    assert block.location.describe().endswith("第21页 第4行")


def test_page_numbers_in_the_margin_are_not_content():
    # "14" under the tables of page 14 and "— 8 —" under page 9 (rendered) are dropped
    assert "14" not in lines(WORD_2007, 14).values()
    assert not any("8" == t.strip("— ") for t in lines(ITEXT_ROTATED, 9).values())


def test_blocks_are_in_page_order_with_lines_and_tables_interleaved():
    blocks = [b for b in doc(ONLYOFFICE).blocks if b.location.page == 6]
    assert [type(b).__name__ for b in blocks] == ["TextBlock", "TextBlock", "TextBlock", "Grid"]
    assert [b.text for b in blocks[:3]] == [
        "第二部分 上海市普陀区财政局2024年度部门决算表",
        "收入支出决算总表",
        "单位：万元",
    ]
    pages = [b.location.page for b in doc(ONLYOFFICE).blocks]
    assert pages == sorted(pages) and pages[0] == 1 and pages[-1] == 25
    # a page's lines are numbered 1, 2, 3 …; each table row counts as one line
    numbers = [
        n
        for b in blocks
        for n in ([b.location.line] if isinstance(b, TextBlock) else [r.location.line for r in b.rows])
    ]
    assert numbers == list(range(1, len(numbers) + 1))


# -- tables ------------------------------------------------------------------------------------


def test_onlyoffice_summary_table_cells():
    table = row_texts(ONLYOFFICE, 6)
    assert table[0] == ["收入", "", "支出", ""]  # merged header cells: "" where spanned
    assert table[1] == ["项目", "决算数", "项目", "决算数"]
    assert table[2] == ["一、一般公共预算财政拨款收入", "2,940.05", "一、一般公共服务支出", "2,106.66"]
    assert table[9] == ["八、其他收入", "6.20", "八、社会保障和就业支出", "326.71"]
    assert table[-1] == ["本年收入合计", "2,946.25", "本年支出合计", "2,940.05"]
    # the table goes on over the page: its last rows open page 7
    assert row_texts(ONLYOFFICE, 7) == [
        ["使用非财政拨款结余（含专用结余）", "", "结余分配", ""],
        ["年初结转和结余", "49.14", "年末结转和结余", "55.34"],
        ["总计", "2,995.39", "总计", "2,995.39"],
    ]


def test_onlyoffice_wrapped_header_and_coded_rows():
    table = row_texts(ONLYOFFICE, 10)
    # a header cell printed on three lines keeps them, like paragraphs in a Word cell
    assert table[0][4:] == [
        "本年支出合\n计",
        "基本支出",
        "项目支\n出",
        "上缴上级支\n出",
        "经营支\n出",
        "对附属单位\n补\n助支出",
    ]
    assert table[6] == ["201", "06", "01", "行政运行", "1,511.89", "1,503.52", "8.37", "", "", ""]
    assert table[13] == ["208", "05", "05", "机关事业单位基本养老保险缴\n费支出", "160.75", "160.75", "", "", "", ""]


def test_cells_carry_page_column_and_bbox():
    row = rows(ONLYOFFICE, 6)[2]
    cell = row.cells[1]
    assert (cell.text, cell.location.page, cell.location.column, cell.location.line) == (
        "2,940.05",
        6,
        1,
        row.location.line,
    )
    x0, top, x1, bottom = cell.location.bbox
    assert x0 < x1 and top < bottom
    left = row.cells[0].location.bbox
    assert left[2] == pytest.approx(x0, abs=0.1)  # neighbouring cells share their rule
    # a position spanned by a merged cell still has a place on the page
    spanned = rows(ONLYOFFICE, 6)[0].cells[1]
    assert spanned.text == "" and spanned.location.bbox is not None


def test_wps_sheet_table_with_amounts_in_yuan():
    table = row_texts(WPS_SHEET, 7)
    assert table[0] == ["本年收入", "", "本年支出", "", "", "", ""]
    assert table[4] == [
        "一、财政拨款收入",
        "304,413,900",
        "一、教育支出",
        "326,658,710",
        "150,119,030",
        "104,154,210",
        "72,385,470",
    ]
    assert table[-1] == [
        "收入总计",
        "408,696,000",
        "支出总计",
        "408,696,000",
        "229,442,320",
        "106,868,210",
        "72,385,470",
    ]


def test_word_white_cell_backgrounds_draw_no_rules():
    # every cell has a white-filled background rectangle; pdfplumber turns them into an
    # 18-column grid, the visible rules make 6 columns
    table = row_texts(WORD_2007, 13)
    assert {len(r) for r in table} == {6}
    assert table[0] == ["收入", "", "支出", "", "", ""]
    assert table[3] == ["一、财政拨款", "21,940.96", "一、一般公共服务支出", "", "一、基本支出", "13,994.31"]
    assert table[4] == ["1.一般公共预\n算", "21,940.96", "二、外交支出", "", "二、项目支出", "5,573.00"]
    # a name cut by the page break: the end of it opens the table on page 14
    assert table[-1] == ["", "", "十七、国土海洋气象等支", "", "", ""]
    assert row_texts(WORD_2007, 14)[:2] == [
        ["", "", "出", "", "", ""],
        ["", "", "十八、住房保障支出", "3,660.38", "", ""],
    ]


def test_rotated_page_table():
    table = row_texts(ITEXT_ROTATED, 9)
    assert table[2] == [
        "",
        "",
        "",
        "合\u3000计",
        "45,761.72",
        "39,748.67",
        "39,664.33",
        "80.34",
        "4.00",
        "",
        "",
        "",
        "6,013.05",
        "",
        "",
        "",
        "",
    ]
    assert (
        table[10]
        == ["", "", "05", "机关事业单位基本养老保\n险缴费支出", "2,451.54", "2,451.54", "2,451.54"] + [""] * 10
    )
    x0, top, x1, bottom = rows(ITEXT_ROTATED, 9)[2].location.bbox
    assert x1 > 595 and bottom < 595  # landscape as displayed: 842 wide, 595 high


def test_no_table_text_is_repeated_as_a_line():
    page = lines(ONLYOFFICE, 6).values()
    assert not any("2,940.05" in t or "项目" == t for t in page)


# -- recognition on PDFs -----------------------------------------------------------------------


def test_recognize_onlyoffice_final_accounts():
    d = disclosure(ONLYOFFICE)
    assert (d.department, d.year, d.unit) == ("上海市普陀区财政局", 2024, "万元")
    assert [t.id for t in d.tables[:8]] == [
        "final.summary",
        "final.income",
        "final.expenditure",
        "final.fiscal_summary",
        "final.general_budget_expenditure",
        "final.general_budget_basic",
        "final.three_public",
        "final.gov_fund",
    ]
    summary = d.table("final.summary")
    assert summary.find(key="total_income", side="income").values["amount"].amount == Decimal("2946.25")
    assert summary.find(key="grand_total", side="income").values["amount"].amount == Decimal("2995.39")
    assert summary.find(key="grand_total", side="expenditure").values["amount"].amount == Decimal("2995.39")
    running = d.table("final.expenditure").find(code="2010601")
    assert {k: v.amount for k, v in running.values.items()} == {
        "total": Decimal("1511.89"),
        "basic": Decimal("1503.52"),
        "project": Decimal("8.37"),
    }
    assert running.values["total"].location.page == 10


def test_recognize_wps_sheet_budget_in_yuan():
    d = disclosure(WPS_SHEET)
    assert (d.kind, d.department, d.year, d.unit) == ("budget", "上海交通职业技术学院", 2026, "元")
    # Shanghai's set of nine: …功能分类预算表, …经济分类预算表, 三公经费和机关运行经费预算表
    assert [t.id for t in d.tables] == [
        "budget.summary",
        "budget.income",
        "budget.expenditure",
        "budget.fiscal_summary",
        "budget.general_budget_expenditure",
        "budget.gov_fund",
        "budget.state_capital",
        "budget.general_budget_basic",
        "budget.three_public",
    ]
    assert d.table("budget.summary").find(key="fiscal", side="income").values["amount"].amount == Decimal("304413900")
    higher = d.table("budget.expenditure").find(code="2050305")
    assert {k: v.amount for k, v in higher.values.items()} == {
        "total": Decimal("317058710"),
        "basic": Decimal("254273240"),
        "project": Decimal("62785470"),
    }


@pytest.mark.parametrize(
    ("path", "department", "year", "unit"),
    [(WORD_2007, "江苏省人民检察院", 2018, "万元"), (ITEXT_ROTATED, "烟台市交通运输局", 2026, "万元")],
)
def test_recognize_metadata(path, department, year, unit):
    d = disclosure(path)
    assert (d.department, d.year, d.unit) == (department, year, unit)


def test_recognize_rotated_budget_tables():
    d = disclosure(ITEXT_ROTATED)
    summary = d.table("budget.summary")
    assert summary.location.page == 8
    assert summary.find(key="fiscal", side="income").values["amount"].amount == Decimal("39748.67")
    # the table runs over pages 12 and 13 (recognition currently splits it there: "公开表3"
    # heading each page is not taken for a caption), the row is on page 13
    running = next(r for t in d.tables_by_id("budget.expenditure") if (r := t.find(code="2140101")))
    assert {k: v.amount for k, v in running.values.items()} == {
        "total": Decimal("3497.16"),
        "basic": Decimal("3413.16"),
        "project": Decimal("84.00"),
    }
    assert running.values["total"].location.page == 13


# -- behaviours no sample shows: small PDFs written here -----------------------------------------


def make_pdf(contents: list[bytes], *, form: tuple[bytes, bytes] | None = None) -> bytes:
    """A minimal valid A4 PDF, one page per content stream, Helvetica as /F1.

    `form` = (matrix, content) adds a form XObject /X1 that pages can draw with `/X1 Do`.
    """
    pages = len(contents)
    kids = " ".join(f"{4 + 2 * i} 0 R" for i in range(pages))
    form_ref = f"/XObject << /X1 {4 + 2 * pages} 0 R >>" if form else ""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [{kids}] /Count {pages} >>".encode(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    for i, content in enumerate(contents):
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
            f"/Resources << /Font << /F1 3 0 R >> {form_ref} >> /Contents {5 + 2 * i} 0 R >>".encode()
        )
        objects.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
    if form:
        matrix, content = form
        objects.append(
            b"<< /Type /XObject /Subtype /Form /BBox [0 0 595 842] /Matrix [%s] /Resources << /Font << /F1 3 0 R >> >> "
            b"/Length %d >>\nstream\n" % (matrix, len(content)) + content + b"\nendstream"
        )
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


SYNTHETIC_PAGE = b"""
BT /F1 14 Tf 72 760 Td (Report) Tj ET
BT /F1 14 Tf 72.3 760.2 Td (Report) Tj ET
1 1 1 rg 60 700 400 30 re f 0 0 0 rg
BT /F1 10 Tf 72 712 Td (Not a table) Tj ET
0.5 w
72 650 m 372 650 l S 72 630 m 372 630 l S 72 610 m 372 610 l S
72 650 m 72 610 l S 222 630 m 222 610 l S 372 650 m 372 610 l S
BT /F1 10 Tf 80 636 Td (Total) Tj ET
BT /F1 10 Tf 80 616 Td (Amount) Tj ET
BT /F1 10 Tf 230 616 Td (9746. 50) Tj ET
BT /F1 10 Tf 72 -300 Td (Drawn off the page) Tj ET
BT /F1 9 Tf 290 30 Td (- 1 -) Tj ET
"""


@pytest.fixture
def synthetic(tmp_path) -> Path:
    path = tmp_path / "synthetic.pdf"
    path.write_bytes(make_pdf([SYNTHETIC_PAGE]))
    return path


def test_synthetic_page(synthetic):
    blocks = read_path(synthetic).blocks
    texts = [b.text for b in blocks if isinstance(b, TextBlock)]
    # fake bold (drawn twice, 0.3 pt apart) once; a white box is no table; text off the page
    # and the page number are not content
    assert texts == ["Report", "Not a table"]
    [grid] = [b for b in blocks if isinstance(b, Grid)]
    assert [r.texts for r in grid.rows] == [["Total", ""], ["Amount", "9746. 50"]]
    # the space inside the number is kept as printed; the amount parser reads and flags it
    amount = parse_amount(grid.rows[1].cells[1].text)
    assert (amount.value, amount.issue) == (Decimal("9746.50"), "数字中间有空格")


def test_rules_inside_a_form_xobject(tmp_path):
    # the form's /Matrix moves it 10 pt right, the page's cm 100 pt down
    grid = (
        b"0.5 w 72 650 m 372 650 l S 72 630 m 372 630 l S 72 610 m 372 610 l S "
        b"72 650 m 72 610 l S 222 650 m 222 610 l S 372 650 m 372 610 l S "
        b"BT /F1 10 Tf 80 636 Td (A) Tj ET BT /F1 10 Tf 230 616 Td (B) Tj ET"
    )
    path = tmp_path / "form.pdf"
    path.write_bytes(make_pdf([b"q 1 0 0 1 0 -100 cm /X1 Do Q"], form=(b"1 0 0 1 10 0", grid)))
    [grid_block] = read_path(path).blocks
    assert [r.texts for r in grid_block.rows] == [["A", ""], ["", "B"]]
    assert grid_block.location.bbox == (82.0, 292.0, 382.0, 332.0)  # 842 - (650 - 100) = 292


def test_unrelated_pdf_reads_but_is_not_a_disclosure(tmp_path, capsys):
    path = tmp_path / "letter.pdf"
    path.write_bytes(make_pdf([b"BT /F1 12 Tf 72 720 Td (Dear colleagues, see you on Monday.) Tj ET"]))
    assert [b.text for b in read_path(path).blocks] == ["Dear colleagues, see you on Monday."]
    with pytest.raises(ReadError, match="不是预决算公开文件"):
        recognize_path(path)
    assert main(["check", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "不是预决算公开文件" in err


# -- files it must refuse ------------------------------------------------------------------------


def _truncated(tmp_path: Path) -> Path:
    path = tmp_path / "truncated.pdf"
    data = WPS_SHEET.read_bytes()
    path.write_bytes(data[: len(data) * 6 // 10])
    return path


def _corrupt(tmp_path: Path) -> Path:
    path = tmp_path / "corrupt.pdf"
    path.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 40 + b"\n%%EOF\n")
    return path


def _not_pdf(tmp_path: Path) -> Path:
    path = tmp_path / "page.pdf"
    path.write_text("<html><body>2024年度部门决算</body></html>", encoding="utf-8")
    return path


def _empty(tmp_path: Path) -> Path:
    path = tmp_path / "empty.pdf"
    path.write_bytes(b"")
    return path


def _too_many_pages(tmp_path: Path) -> Path:
    path = tmp_path / "pages.pdf"
    path.write_bytes(make_pdf([b"BT /F1 12 Tf 72 720 Td (x) Tj ET"] * 501))
    return path


def _too_large(tmp_path: Path) -> Path:
    path = tmp_path / "large.pdf"
    with path.open("wb") as fh:
        fh.write(make_pdf([b""]))
        fh.truncate(101 * 1024 * 1024)  # sparse: nothing is written
    return path


def _encrypted(tmp_path: Path) -> Path:
    qpdf = shutil.which("qpdf")
    if qpdf is None:
        pytest.skip("qpdf is not installed: cannot make an encrypted PDF here")
    plain = tmp_path / "plain.pdf"
    plain.write_bytes(make_pdf([b"BT /F1 12 Tf 72 720 Td (secret) Tj ET"]))
    path = tmp_path / "encrypted.pdf"
    subprocess.run([qpdf, "--encrypt", "user-pw", "owner-pw", "256", "--", str(plain), str(path)], check=True)
    return path


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (_empty, "文件为空（0 字节）"),
        (_truncated, "PDF 文件不完整：缺少文件结尾标记 %%EOF，可能下载中断或被截断"),
        (_corrupt, "PDF 文件已损坏，无法解析"),
        (_not_pdf, "不是 PDF 文件：缺少 %PDF 文件头"),
        (_encrypted, "PDF 已加密，需要密码才能打开"),
        (_too_many_pages, "PDF 页数 501，超过上限 500（确需读取请用 --limits pages=… 提高）(limit pages exceeded)"),
        (_too_large, "文件大小 101 MB，超过上限 100 MB（确需读取请用 --limits bytes=… 提高）(limit bytes exceeded)"),
        (
            lambda _: SCANNED,
            "扫描件，无文字层：全部 8 页都是图片，没有可提取的文字，需要先做 OCR 文字识别（yjsgk[ocr] 与 --ocr）",
        ),
    ],
    ids=["empty", "truncated", "corrupt", "not-pdf", "encrypted", "over-500-pages", "over-100-MB", "scanned"],
)
def test_unreadable_pdfs(tmp_path, capsys, make, reason):
    path = make(tmp_path)
    with pytest.raises(ReadError) as caught:
        read_path(path)
    assert caught.value.reason == reason
    assert main(["check", str(path)]) == 2
    err = capsys.readouterr().err
    assert err == f"yjsgk: {path}: {reason}\n"  # one line, no traceback


@pytest.mark.skipif(
    not __import__("yjsgk.read.ocr", fromlist=["ocr_available"]).ocr_available(), reason="yjsgk[ocr] not installed"
)
def test_scanned_pdf_is_read_with_ocr_when_asked():
    d = recognize_path(SCANNED, ocr=True)
    # page 1 of the scan (rendered): the cover and the contents
    assert (d.kind, d.department, d.year) == ("budget", "北京市政务服务和数据管理局", 2026)
    lines = [b for b in d.outline.lines if b.location.page == 1]
    texts = [b.text for b in lines]
    assert texts[:3] == ["北京市政务服务和数据管理局", "2026年度部门预算信息公开", "目录"]
    assert "一、部门情况说明" in texts and "四、财政拨款“三公”经费预算情况说明" in texts
    assert all(b.location.bbox for b in lines)
    assert d.format == "pdf-ocr"
