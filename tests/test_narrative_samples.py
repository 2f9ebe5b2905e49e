"""The narrative of real PDF samples (../shared/samples), read in place."""

from __future__ import annotations

from decimal import Decimal

from conftest import SHARED, load_disclosure
from yjsgk.check import check

WUXI = SHARED / "samples/renwu/014_无锡/2026年无锡市交通运输局部门预算.pdf"


def test_running_header_is_not_read_into_a_sentence_over_a_page_break():
    # p.36 l.24 breaks “增长27.64%” over the page; p.37 starts with the running header
    # “无锡市交通运输局（本级）2026 年度单位预算公开”, printed at the top of every page
    d = load_disclosure(WUXI)
    assert not [c for c in d.claims if "单位预算公开" in c.sentence]
    growth = next(c for c in d.claims if c.kind == "growth" and c.value == Decimal("27.64"))
    assert "增长27.64%" in growth.sentence.replace(" ", "")


def test_fiscal_totals_are_all_funds():
    # p.35: 财政拨款收、支总预算 372,917.67 (04 p.18 收入总计), “财政拨款支出增加 163,364.19 万元，
    # 增长 77.96%” — of 372,917.67 (05 财政拨款支出表), not of 07's 一般公共预算 196,278.67
    d = load_disclosure(WUXI)
    linked = {(c.subject, c.link.table, c.link.value) for c in d.claims if c.link and c.location.page == 35}
    assert ("fiscal.grand_total", "budget.fiscal_summary", Decimal("372917.67")) in linked
    assert ("fiscal.expenditure", "budget.fiscal_expenditure", Decimal("372917.67")) in linked
    assert not [f for f in check(d, select=["narrative."]) if f.severity == "error"]


def test_heading_broken_over_two_lines_is_one_title():
    # 湖州 p.7: “（三）关于湖州市交通运输局 2026 年支出预算情况说” / “明” — the “明” completes the
    # heading; it is not the start of the paragraph below (“明湖州市交通运输局 2026 年支出预算…”)
    d = load_disclosure(SHARED / "samples/renwu/079_湖州/2026年湖州市交通运输局部门预算.pdf")
    spent = next(c for c in d.claims if c.location.page == 7 and c.value == Decimal("201286.11"))
    assert spent.section.endswith("（三）关于湖州市交通运输局 2026 年支出预算情况说明")
    assert spent.sentence.startswith("湖州市交通运输局")
    # and the department's own name before 支出预算 does not hide the subject: 01's 本年支出合计
    assert (spent.subject, spent.link.table, spent.link.value) == (
        "expenditure.total",
        "budget.summary",
        Decimal("201286.11"),
    )
