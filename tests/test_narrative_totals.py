"""An ambiguous total (收支总预算, 收入预算, 支出预算 — without 本年, 合计 or 总计) is the total of
its table it agrees with; one that agrees with none is a notice naming what it could mean.

Seed 004 (a real 2021 决算) prints in its 收入支出决算总表 本年收入合计 2267.91, 本年支出合计
2277.76 and 总计 2282.14; its narrative says “2021年度收、支总计2282.14万元。”. A copy written
to tmp_path states another of the table's totals under an ambiguous name.
"""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from conftest import SEED_FILES
from yjsgk.check import check
from yjsgk.pipeline import recognize_path

STATED = "2021年度收、支总计2282.14万元。"


def restated(tmp_path, sentence: str):
    text = SEED_FILES["004"].read_text(encoding="utf-8")
    assert text.count(STATED) == 1
    path = tmp_path / "004.txt"
    path.write_text(text.replace(STATED, sentence), encoding="utf-8")
    disclosure = recognize_path(path)
    (claim,) = [c for c in disclosure.claims if c.sentence == sentence and c.kind == "amount"]
    return disclosure, claim


@pytest.mark.parametrize(
    ("sentence", "subject", "row"),
    [
        ("2021年度收支总预算2267.91万元。", "income.total", "本年收入合计"),  # was an error: 总计 2282.14
        ("2021年度收支总预算2277.76万元。", "expenditure.total", "本年支出合计"),
        ("2021年度收支总预算2282.14万元。", "grand_total", "总计"),
    ],
)
def test_ambiguous_total_is_the_total_it_equals(tmp_path, sentence, subject, row):
    disclosure, claim = restated(tmp_path, sentence)
    assert claim.subject == subject
    assert claim.link is not None and claim.link.row == row
    assert claim.readings == ()
    assert check(disclosure, None, select=["narrative.amount"]) == []


def test_ambiguous_total_equal_to_none_is_a_notice_naming_the_totals(tmp_path):
    disclosure, claim = restated(tmp_path, "2021年度收支总预算2270.00万元。")
    (finding,) = [f for f in check(disclosure, None, select=["narrative.amount"]) if f.location == claim.location]
    assert finding.severity == "notice"
    assert (finding.found, finding.expected) == (D("2270.00"), D("2282.14"))
    assert claim.readings == ("收、支总计 2,282.14 万元", "本年收入合计 2,267.91 万元", "本年支出合计 2,277.76 万元")
    assert "可指：收、支总计 2,282.14 万元；本年收入合计 2,267.91 万元；本年支出合计 2,277.76 万元" in finding.message


def test_definite_total_stays_an_error(tmp_path):
    """收、支总计 says which total it is: stating 本年收入合计's figure is a certain error."""
    disclosure, claim = restated(tmp_path, "2021年度收、支总计2267.91万元。")
    assert claim.subject == "grand_total" and claim.readings == ()
    (finding,) = [f for f in check(disclosure, None, select=["narrative.amount"]) if f.location == claim.location]
    assert finding.severity == "error"
    assert (finding.found, finding.expected) == (D("2267.91"), D("2282.14"))
