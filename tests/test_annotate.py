"""`yjsgk annotate FILE.pdf -o OUT.pdf`: findings as standard PDF annotations, read back with PDFium."""

from __future__ import annotations

import ctypes
import hashlib

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest

from conftest import SHARED
from yjsgk.annotate import annotate
from yjsgk.cli import main
from yjsgk.pipeline import load
from yjsgk.report.evidence import to_user

SOCIAL_WORK = SHARED / "samples/GovBudgetChecker/samples/bad/中共上海市普陀区委社会工作部 2024 年度部门决算.pdf"
XINFANG = SHARED / "samples/renwu/015_长沙/2026年长沙市信访局部门预算.pdf"
PROCURATORATE = SHARED / "samples/open-budget/江苏省人民检察院/2017年省检察院部门预算.pdf"


def _string(annot, key: str) -> str:
    size = pdfium_c.FPDFAnnot_GetStringValue(annot, key.encode(), None, 0)
    buffer = (ctypes.c_ushort * (size // 2 + 1))()
    pdfium_c.FPDFAnnot_GetStringValue(annot, key.encode(), buffer, size)
    return bytes(buffer)[: max(size - 2, 0)].decode("utf-16-le")


def _annotations(path) -> list[dict]:
    """Every annotation of the file: page, subtype, rect (user space), NM, Contents, colour."""
    pdf = pdfium.PdfDocument(path)
    out = []
    for index in range(len(pdf)):
        page = pdf[index]
        for k in range(pdfium_c.FPDFPage_GetAnnotCount(page.raw)):
            annot = pdfium_c.FPDFPage_GetAnnot(page.raw, k)
            rect = pdfium_c.FS_RECTF()
            pdfium_c.FPDFAnnot_GetRect(annot, ctypes.byref(rect))
            r, g, b, a = (ctypes.c_uint() for _ in range(4))
            pdfium_c.FPDFAnnot_GetColor(annot, pdfium_c.FPDFANNOT_COLORTYPE_Color, *map(ctypes.byref, (r, g, b, a)))
            out.append(
                {
                    "page": index + 1,
                    "subtype": pdfium_c.FPDFAnnot_GetSubtype(annot),
                    "rect": (rect.left, rect.bottom, rect.right, rect.top),
                    "name": _string(annot, "NM"),
                    "contents": _string(annot, "Contents"),
                    "colour": (r.value, g.value, b.value),
                }
            )
            pdfium_c.FPDFPage_CloseAnnot(annot)
    pdf.close()
    return out


def _printed_chars(pdf, page_number: int, bbox, cache: dict) -> list[tuple[float, float, float, float]]:
    """The boxes (user space) of the characters printed inside a display-space cell box."""
    page = pdf[page_number - 1]
    left, bottom, right, top = to_user(page.get_cropbox(), page.get_rotation(), bbox)
    if page_number not in cache:  # every printed character of the page with its centre, read once
        textpage = page.get_textpage()
        chars = []
        for i in range(textpage.count_chars()):
            if textpage.get_text_range(i, 1).strip():
                x0, y0, x1, y1 = textpage.get_charbox(i)
                chars.append(((x0 + x1) / 2, (y0 + y1) / 2, x0, y0, x1, y1))
        cache[page_number] = chars
    return [c[2:] for c in cache[page_number] if left <= c[0] <= right and bottom <= c[1] <= top]


def _covers(rect, box) -> bool:
    return rect[0] <= box[0] + 0.5 and rect[1] <= box[1] + 0.5 and rect[2] >= box[2] - 0.5 and rect[3] >= box[3] - 0.5


@pytest.mark.parametrize("path", [SOCIAL_WORK, XINFANG, PROCURATORATE], ids=["social-work", "xinfang", "procuratorate"])
def test_one_annotation_per_located_finding_covering_its_cells(path, tmp_path):
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    out = tmp_path / "annotated.pdf"
    assert main(["annotate", str(path), "-o", str(out)]) in (0, 1)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before  # the original is only read
    _, findings = load(path)
    located = [f for f in findings if any(loc is not None and loc.bbox for loc in [f.location, *f.related])]
    assert located
    annotations = _annotations(out)
    squares = [a for a in annotations if a["subtype"] == pdfium_c.FPDF_ANNOT_SQUARE]
    own = [a for a in squares if a["name"].count("-") == 1]  # yjsgk-<n>: the finding's own place
    assert len(own) == len(located)
    assert sum(1 for a in annotations if a["subtype"] == pdfium_c.FPDF_ANNOT_POPUP) == len(located)
    pdf = pdfium.PdfDocument(path)
    pages: dict = {}
    by_index = {int(a["name"].split("-")[1]): a for a in own}  # yjsgk-<index of the finding>
    assert sorted(by_index) == [i for i, f in enumerate(findings) if f in located]
    for index, annotation in by_index.items():
        finding = findings[index]
        assert finding.rule in annotation["contents"] and finding.message in annotation["contents"]
        assert annotation["colour"] == (214, 32, 32)
        assert annotation["page"] == finding.location.page
        chars = _printed_chars(pdf, finding.location.page, finding.location.bbox, pages)
        assert chars, finding.rule
        assert all(_covers(annotation["rect"], c) for c in chars), (finding.rule, annotation["rect"])
        # each cell it was compared with: a blue square over that cell's printed text
        related = [a for a in squares if a["name"].startswith(f"yjsgk-{index}-")]
        distinct = {(loc.page, loc.bbox) for loc in finding.related if loc.bbox} - {
            (finding.location.page, finding.location.bbox)
        }
        assert len(related) == len(distinct)
        for a in related:
            assert a["colour"] == (32, 96, 214)
            assert any(
                a["page"] == page and all(_covers(a["rect"], c) for c in _printed_chars(pdf, page, bbox, pages))
                for page, bbox in distinct
            )
    pdf.close()


def test_performance_findings_are_boxed_at_their_cells():
    """A performance table's cells carry their own boxes, not their row's (the 417.41 of the
    target table's unit row, and the project amounts it was added up from, on four pages)."""
    _, findings = load(XINFANG)
    (finding,) = [f for f in findings if f.rule == "performance.target-amount"]
    pdf = pdfium.PdfDocument(XINFANG)

    def text(loc):
        page = pdf[loc.page - 1]
        box = to_user(page.get_cropbox(), page.get_rotation(), loc.bbox)
        return page.get_textpage().get_text_bounded(*box).strip()

    assert text(finding.location) == "417.41"
    assert [text(loc) for loc in finding.related] == ["35.78", "10.22", "102.80", "138.11"]
    assert [loc.page for loc in finding.related] == [22, 23, 25, 27]
    pdf.close()


def test_annotate_refuses_to_write_over_the_original(tmp_path):
    copy = tmp_path / "copy.pdf"
    copy.write_bytes(SOCIAL_WORK.read_bytes())
    assert main(["annotate", str(copy), "-o", str(copy)]) == 2
    with pytest.raises(ValueError):
        annotate(copy, copy, [])
    assert copy.read_bytes() == SOCIAL_WORK.read_bytes()
