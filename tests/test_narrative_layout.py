"""Paragraphs and wrapped headings of real PDFs told by the page layout, not by where lines break.

A PDF's narrative is built from printed lines. Where the document starts its paragraphs with a
first-line indent, a line that runs to the right margin followed by a line at the left margin is
one paragraph going on — even when the line happens to end with 。, and across a page break —
and a numbered heading that runs to the margin goes on in the line below. Every case is a real
page of ../shared (read in place); page and line numbers are as printed (1-based).
"""

from __future__ import annotations

import os
from collections import Counter
from decimal import Decimal
from pathlib import Path

import pytest

from conftest import SEED_FILES, SHARED, load_disclosure
from yjsgk.check import check
from yjsgk.draft.run import soffice
from yjsgk.narrative.claims import rejoin_wrapped_titles
from yjsgk.narrative.sections import split_sections
from yjsgk.read import read_path
from yjsgk.recognize.outline import build_outline

JIANGSU = SHARED / "samples/open-budget/江苏省委办公厅/江苏省委办公厅2018年度部门预算公开文件.pdf"
HUZHOU = SHARED / "samples/renwu/079_湖州/2026年湖州市交通运输局部门预算.pdf"
SUZHOU = SHARED / "corpus/renwu/006_苏州/2026年苏州市水务局部门预算.pdf"
WUHAN = SHARED / "samples/renwu/009_武汉/2026年武汉市信访局部门预算.pdf"
PUTUO = SHARED / "samples/GovBudgetChecker/samples/good/上海市普陀区财政局2024年度部门决算.pdf"


def _paragraph(narrative, page: int, line: int):
    return next(p for p in narrative.paragraphs if any(loc.page == page and loc.line == line for _, loc in p.spans))


def test_layout_of_an_indented_document():
    outline = build_outline(read_path(JIANGSU))
    layout = outline.layout
    assert layout.indented
    lines = {(ln.location.page, ln.location.line): ln for ln in outline.lines}
    # p.6 l.18 “2．社会保障和就业（类）支出…” starts indented and runs to the margin; l.19 goes on
    # at the margin and ends with 。 at the margin; l.17 “…项目经费。” stops short
    assert layout.indent(lines[6, 18]) and layout.full(lines[6, 18])
    assert layout.flush(lines[6, 19]) and layout.full(lines[6, 19])
    assert not layout.full(lines[6, 17])
    assert layout.continues(lines[6, 19], lines[6, 20])
    assert not layout.continues(lines[6, 17], lines[6, 18])


def test_sentence_ended_at_the_line_end_goes_on_and_its_growth_has_its_operand():
    # 江苏省委办公厅 p.6: l.19 “休人员支出、缴纳在职人员基本养老保险和职业年金的支出。” fills the line,
    # l.20 “与上年相比减少710.87万元，减少35.54%。” goes on at the margin: one paragraph, so the
    # growth rate has its current amount (1289.52) and is checked: 710.87 / (1289.52 + 710.87)
    d = load_disclosure(JIANGSU)
    narrative = split_sections(d.outline)
    paragraph = _paragraph(narrative, 6, 20)
    assert paragraph is _paragraph(narrative, 6, 18)
    assert "职业年金的支出。与上年相比减少710.87万元" in paragraph.text
    growth = next(c for c in d.claims if c.kind == "growth" and c.value == Decimal("35.54"))
    assert (growth.location.page, growth.location.line) == (6, 20)
    current = d.claims[growth.refs["current"]]
    assert (current.kind, current.value) == ("amount", Decimal("1289.52"))
    # a paragraph whose last line stops short ends there, 。 or not: l.17 ends the one before
    assert _paragraph(narrative, 6, 17) is not paragraph


def test_list_after_a_full_line_ending_with_a_semicolon_is_one_paragraph():
    # 普陀区财政局 p.21: “…卫生健康支出（类）60.99万元，占2.07%；住房保障支出（类）445.69万元，占” /
    # “15.16%；” — the four 类 listed after 主要用于以下方面 add up to 2,940.06 against the stated
    # 2940.05: a rounding notice, found once the list is one paragraph (the last 类 was cut off)
    d = load_disclosure(PUTUO)
    housing = next(c for c in d.claims if c.value == Decimal("445.69") and c.kind == "amount")
    stated = d.claims[housing.refs["whole"]]
    assert (stated.value, stated.location.page) == (Decimal("2940.05"), 21)
    assert "主要用于以下方面" in stated.sentence
    parts = [f for f in check(d, select=["narrative.parts"]) if f.found == Decimal("2940.05")]
    assert [(f.severity, f.expected) for f in parts] == [("notice", Decimal("2940.06"))]


def test_paragraph_goes_on_across_a_page_break():
    # 湖州 p.6 l.24–26 “其中：一般公共预算拨款收入 52244.36 万元，占 26.0%；…事业单位经营收入
    # 200.00 万元，占 0.1%；” fills the last line of the page; p.7 l.1 “其他收入 8446.35 万元，占 4.2%。”
    # goes on at the margin: the last part of the 其中 list belongs to it
    d = load_disclosure(HUZHOU)
    narrative = split_sections(d.outline)
    assert _paragraph(narrative, 7, 1) is _paragraph(narrative, 6, 24)
    other = next(c for c in d.claims if c.kind == "share" and c.value == Decimal("4.2"))
    assert (other.location.page, other.location.line) == (7, 1)
    assert other.subject == "income.other"
    whole = d.claims[other.refs["whole"]]
    assert whole.value == Decimal("201286.11")  # 收入预算 总计, stated on p.6


def test_wrapped_item_heading_ending_like_a_title_is_joined():
    # 苏州市水务局 p.37 l.16 “1.城乡社区支出（类）国有土地使用权出让收入安排的支出” runs to the margin
    # (its last word 支出 ends many titles); l.17 “（款）城市建设支出（项）支出 31,003.26 万元，…” goes on
    # at the margin: one 项 heading, so the amount is the 项 2120803's
    d = load_disclosure(SUZHOU)
    claim = next(c for c in d.claims if c.value == Decimal("31003.26") and c.location.page == 37)
    assert claim.subject == "item.2120803"
    assert claim.section.endswith("1.城乡社区支出（类）国有土地使用权出让收入安排的支出（款）城市建设支出（项）支出")
    # 湖州 p.10 l.2 “（12）农林水支出（类）农业农村（款）其他农业农村支出” / “（项）15.00 万，…”
    outline = load_disclosure(HUZHOU).outline
    narrative = rejoin_wrapped_titles(outline, split_sections(outline))
    section = next(s for s in narrative.sections if s.location and (s.location.page, s.location.line) == (10, 2))
    assert section.label() == "（12）农林水支出（类）农业农村（款）其他农业农村支出（项）"
    assert _paragraph(narrative, 10, 3).text.startswith(
        "农林水支出（类）农业农村（款）其他农业农村支出（项）15.00 万，"
    )


def test_heading_stating_its_body_gets_its_whole_title():
    # 武汉市信访局 p.22: “8.社会保障和就业支出（类）行政事业单位养老支出” runs to the margin and
    # the line below completes the 项 “（款）行政单位离退休（项）2026 年预算数为 929.97 万元，比 2025
    # 年执行数减少 126.49 万元，减幅 11.97%”: the amount and its change are the 项's, linked to it
    d = load_disclosure(WUHAN)
    amount = next(c for c in d.claims if c.kind == "amount" and c.value == Decimal("929.97"))
    assert amount.subject == "item.2080501"
    assert amount.link is not None and amount.link.value == Decimal("929.97")
    growth = next(c for c in d.claims if c.kind == "growth" and c.value == Decimal("11.97"))
    assert growth.subject == "item.2080501" and "current" in growth.refs


@pytest.fixture(scope="module")
def rendered_seeds(tmp_path_factory) -> dict[str, Path]:
    """Seeds 002–004 printed the way a department does (tests/rendered.py: Word, LibreOffice)."""
    if soffice() is None:
        if os.environ.get("CI"):
            pytest.fail("LibreOffice (soffice) must be installed in CI")
        pytest.skip("LibreOffice (soffice) is not installed: the PDF renderings cannot be made")
    from rendered import render

    sources = [SEED_FILES[name] for name in ("002", "003", "004")]
    pdfs = render(sources, tmp_path_factory.mktemp("layout"))
    return {name: pdfs[SEED_FILES[name]] for name in ("002", "003", "004")}


def _claims_with_refs(disclosure) -> Counter:
    """Each claim with what it was read against (the whole of a part, the current amount of a
    growth rate, …): a paragraph cut short loses these even where the claim itself is read."""

    def refs(c) -> tuple:
        return tuple(
            sorted((name, disclosure.claims[i].kind, str(disclosure.claims[i].value)) for name, i in c.refs.items())
        )

    return Counter((c.kind, str(c.value), c.subject, c.measure, refs(c)) for c in disclosure.claims)


@pytest.mark.parametrize("name", ["002", "003", "004"])
def test_rendered_seed_reads_its_paragraphs_as_the_text_form(rendered_seeds, name):
    # the Word rendering breaks lines where its page width does: 004's “…财政拨款收入2211.04万元，
    # 占97.49%；” fills its line, and the list of income sources goes on below; read by line ends,
    # the six parts after it lost their 其中 whole (and their shares the total they are a share of)
    text = load_disclosure(SEED_FILES[name])
    pdf = load_disclosure(rendered_seeds[name])
    expected, got = _claims_with_refs(text), _claims_with_refs(pdf)
    assert got - expected == Counter(), "claims read only from the PDF"
    assert expected - got == Counter(), "claims of the text form the PDF loses"
