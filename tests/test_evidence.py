"""report/evidence.py: page crops with boxes (PDF) and marked lines (text formats), on real documents."""

from __future__ import annotations

import io
import json

import pypdfium2 as pdfium
from PIL import Image

from conftest import EXAMPLES, SHARED
from yjsgk.pipeline import load
from yjsgk.report.evidence import FINDING, RELATED, EvidenceSource, to_user

SOCIAL_WORK = SHARED / "samples/GovBudgetChecker/samples/bad/中共上海市普陀区委社会工作部 2024 年度部门决算.pdf"


def test_pdf_crop_boxes_the_cells_compared():
    _, findings = load(SOCIAL_WORK)
    cross = next(f for f in findings if f.rule == "cross.table")
    with EvidenceSource(SOCIAL_WORK) as source:
        ev = source.evidence(cross)
        # the 05 table's 基本支出 合计 on page 12 (red), 06's 人员经费/公用经费合计 on page 13 (blue)
        assert [c.page for c in ev.crops] == [12, 13]
        own, other = ev.crops
        assert [(b.role, b.label) for b in own.boxes] == [(FINDING, "105.58")]
        assert sorted((b.role, b.label) for b in other.boxes) == [(RELATED, "10.23"), (RELATED, "95.36")]
        png = other.png(marked=True)
        image = Image.open(io.BytesIO(png)).convert("RGB")
        assert image.size == other.size_px
        x0, y0, x1, _ = other.box_px(other.boxes[0])
        # the blue frame is drawn one pixel outside the box
        assert image.getpixel((int((x0 + x1) / 2), int(y0) - 1)) == (32, 96, 214)
        assert own.data_uri().startswith("data:image/png;base64,")
        shape = ev.to_dict()
        assert [c["page"] for c in shape["crops"]] == [12, 13]
        assert shape["crops"][0]["boxes"][0]["label"] == "105.58"
        assert shape["crops"][0]["image"].startswith("data:image/png;base64,")
        assert json.loads(json.dumps(shape)) == shape


def test_to_user_inverts_the_display_space_of_the_reader():
    pdf = pdfium.PdfDocument(SOCIAL_WORK)
    page = pdf[12]
    left, bottom, right, top = to_user(page.get_cropbox(), page.get_rotation(), (477.5, 127.2, 536.2, 141.3))
    assert page.get_textpage().get_text_bounded(left, bottom, right, top).strip() == "10.23"
    # rotations: the corners map back to where the reader's matrix took them
    assert to_user((0, 0, 600, 800), 90, (10, 20, 30, 40)) == (20, 10, 40, 30)
    assert to_user((0, 0, 600, 800), 180, (10, 20, 30, 40)) == (570, 20, 590, 40)
    assert to_user((0, 0, 600, 800), 270, (10, 20, 30, 40)) == (560, 770, 580, 790)


def test_text_lines_marked_by_cell():
    path = EXAMPLES / "sample_final_accounts.txt"
    _, findings = load(path)
    hierarchy = next(f for f in findings if f.rule == "sum.hierarchy")
    with EvidenceSource(path) as source:
        ev = source.evidence(hierarchy)
        assert not ev.crops
        first = ev.lines[0]
        assert first.cells[:3] == ["20103", "政府办公厅（室）及相关机构事务", "1083.70"]
        assert first.marks == {2: FINDING}
        assert all(line.marks == {2: RELATED} for line in ev.lines[1:])
        missing = next(f for f in findings if f.rule == "complete.section")
        assert not source.evidence(missing).located and "整份文件" in (source.evidence(missing).reason or "")
