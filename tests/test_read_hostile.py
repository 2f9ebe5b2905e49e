"""What is not printed is not read; what is printed is read, however it is encoded or nested.

PDFs are built at test time from real pages with pikepdf (the page wrapped in a form XObject and
drawn twice: printed, and clipped away or invisible), never by writing PDF syntax by hand.
"""

from __future__ import annotations

import json

import pikepdf
import pytest
from pikepdf import Array, Name, Operator

from conftest import SEEDS, SHARED
from yjsgk.cli import main
from yjsgk.document import Grid, TextBlock
from yjsgk.errors import ReadError
from yjsgk.pipeline import load
from yjsgk.read import read_path

CHANGCHUN = SHARED / "samples/renwu/040_长春/2026年长春市信访局部门预算.pdf"  # 21 pages, errors on its tables
XIAN_STATS = SHARED / "corpus/renwu/020_西安/2026年西安市统计局部门预算.pdf"
SCANNED = (
    SHARED
    / "samples/renwu_hist/002_北京/政务服务和数据管理局_附件1：北京市政务服务和数据管理局2026年度部门预算情况说明.pdf"
)
PUTUO = SHARED / "samples/GovBudgetChecker/X/上海市普陀区商务委员会25年预算.pdf"
WEB_PAGE = SHARED / "corpus/renwu/016_郑州/规划和自然资源局_2026年部门预算.html"


def _as_form(pdf: pikepdf.Pdf, page: pikepdf.Page) -> pikepdf.Stream:
    page.contents_coalesce()
    x0, y0, x1, y1 = (float(v) for v in page.mediabox)
    return pdf.make_stream(
        page.obj.Contents.read_bytes(),
        Type=Name.XObject,
        Subtype=Name.Form,
        BBox=Array([x0, y0, x1, y1]),
        Resources=page.resources,
    )


def doubled(source, target, *, hide: str, pages: slice = slice(None)):
    """Every page drawn twice on a page twice as tall: printed below, and above it a copy that is
    clipped away (`hide="clip"`: a 1 pt clip rectangle) or drawn in render mode 3 (`"invisible"`)."""
    with pikepdf.open(source) as src:
        pdf = pikepdf.new()
        for page in src.pages[pages]:
            pdf.pages.append(page)
        for page in pdf.pages:
            form = _as_form(pdf, page)
            x0, y0, x1, y1 = (float(v) for v in page.mediabox)
            height = y1 - y0
            page.obj.MediaBox = Array([x0, y0, x1, y1 + height])
            for box in ("/CropBox", "/TrimBox", "/BleedBox", "/ArtBox"):
                if box in page.obj:
                    del page.obj[box]
            page.obj.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(Page=form))
            hidden = [([x0, y0, 1, 1], Operator("re")), ([], Operator("W")), ([], Operator("n"))]
            if hide == "invisible":
                hidden = [([3], Operator("Tr"))]
            ops = [
                ([], Operator("q")),
                ([Name.Page], Operator("Do")),
                ([], Operator("Q")),
                ([], Operator("q")),
                ([1, 0, 0, 1, 0, height], Operator("cm")),
                *hidden,
                ([Name.Page], Operator("Do")),
                ([], Operator("Q")),
            ]
            page.obj.Contents = pdf.make_stream(pikepdf.unparse_content_stream(ops))
        pdf.save(target)
    return target


def texts(document):
    return [b.text if isinstance(b, TextBlock) else [r.texts for r in b.rows] for b in document.blocks]


def printed(document):
    """Every non-empty text, of lines and cells, in reading order."""
    out = []
    for b in document.blocks:
        out += [b.text] if isinstance(b, TextBlock) else [t for r in b.rows for t in r.texts if t.strip()]
    return out


def finding_keys(path):
    _, findings = load(path)
    return sorted((f.rule, f.severity, f.table or "", str(f.row), str(f.column), str(f.found)) for f in findings)


def test_a_clipped_away_copy_of_each_page_is_not_read_and_findings_are_not_duplicated(tmp_path):
    """The reader before this change read both copies: 162 blocks became 326 and the 3 errors and
    warnings of this document became 6."""
    path = doubled(CHANGCHUN, tmp_path / "clipped.pdf", hide="clip")
    assert texts(read_path(path)) == texts(read_path(CHANGCHUN))
    original = finding_keys(CHANGCHUN)
    assert sum(severity == "error" for _, severity, *_ in original) == 2
    assert finding_keys(path) == original


def test_a_copy_in_invisible_render_mode_is_not_read(tmp_path):
    path = doubled(CHANGCHUN, tmp_path / "invisible.pdf", hide="invisible", pages=slice(5, 8))
    one = tmp_path / "plain.pdf"
    with pikepdf.open(CHANGCHUN) as src:
        pdf = pikepdf.new()
        for page in src.pages[5:8]:
            pdf.pages.append(page)
        pdf.save(one)
    document = read_path(path)
    # the copy's rules are printed (render mode 3 hides text only): its empty cells are read, its text is not
    assert printed(document) == printed(read_path(one))
    assert sum(isinstance(b, Grid) for b in document.blocks) > sum(isinstance(b, Grid) for b in read_path(one).blocks)


def test_invisible_text_over_a_scan_is_its_ocr_layer_and_is_read(tmp_path):
    """A scanned page with an invisible text layer (as OCR software writes it) keeps its text."""
    with pytest.raises(ReadError, match="扫描件"):
        read_path(SCANNED)
    path = tmp_path / "ocr.pdf"
    with pikepdf.open(SCANNED) as pdf, pikepdf.open(CHANGCHUN) as text_source:
        scan = pdf.pages[0]
        layer = pdf.copy_foreign(_as_form(text_source, text_source.pages[0]))
        name = scan.add_resource(layer, Name.XObject, prefix="Ocr")
        ops = [([], Operator("q")), ([3], Operator("Tr")), ([name], Operator("Do")), ([], Operator("Q"))]
        scan.contents_add(pdf.make_stream(pikepdf.unparse_content_stream(ops)), prepend=False)
        pdf.save(path)
    lines = [b.text for b in read_path(path).blocks if b.location.page == 1]
    assert "2026年度部门预算公开" in lines


def test_text_running_out_of_its_clipped_cell_is_read_as_printed():
    """Page 50 prints 年度总体目标 cut at the cell's edge: "…扎实开展西安市"; the rest of the
    sentence (第四次全国农业普查…) is drawn outside the clip and was read before."""
    [line] = [b for b in read_path(XIAN_STATS).blocks if b.location.page == 50 and b.location.line == 32]
    assert line.text.endswith("3、扎实开展西安市")


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_text_with_or_without_a_byte_order_mark_is_read(tmp_path, encoding):
    seed = SEEDS / "000_58a4a338f4d57f7e.txt"
    path = tmp_path / "utf16.txt"
    path.write_bytes(seed.read_text("utf-8").encode(encoding))
    assert texts(read_path(path)) == texts(read_path(seed))
    noise = tmp_path / "noise.txt"
    noise.write_bytes(bytes(range(256)) * 40)  # zeros on both byte positions: binary, not UTF-16
    with pytest.raises(ReadError, match="二进制"):
        read_path(noise)


def test_a_page_nested_deeper_than_libxml2s_default_is_read_iteratively(tmp_path):
    html = WEB_PAGE.read_text("utf-8")
    body, end = html.index("<body>") + len("<body>"), html.index("</body>")
    original = texts(read_path(WEB_PAGE))
    deep = tmp_path / "deep.html"
    deep.write_text(html[:body] + "<div>" * 1500 + html[body:end] + "</div>" * 1500 + html[end:], "utf-8")
    assert texts(read_path(deep)) == original  # before: "no text in the page" past ~255 levels
    tables = tmp_path / "tables.html"  # a table in a table … 400 deep: RecursionError before
    tables.write_text(html[:body] + "<table><tr><td>" * 400 + html[body:end] + html[end:], "utf-8")
    assert any("郑州市国土资源局2015年度部门预算公开情况说明" in t for t in printed(read_path(tables)))


def test_check_and_ingest_agree_on_a_page_that_is_not_a_disclosure(tmp_path, capsys):
    """One page of narrative that mentions 部门预算 but has no table, department or year: `check`
    passed it as clean (exit 0) while `ingest` refused it (exit 2)."""
    path = tmp_path / "page.pdf"
    with pikepdf.open(PUTUO) as src:
        pdf = pikepdf.new()
        pdf.pages.append(src.pages[4])
        pdf.save(path)
    reason = "不是预决算公开文件：没有标准表格，也未识别出部门和年度 (not a disclosure)"
    assert main(["check", str(path)]) == 2
    assert capsys.readouterr().err == f"yjsgk: {path}: {reason}\n"
    assert main(["ingest", "--db", str(tmp_path / "t.db"), "--format", "json", str(path)]) == 2
    [outcome] = json.loads(capsys.readouterr().out)["files"]
    assert (outcome["status"], outcome["reason"]) == ("failed", reason)
