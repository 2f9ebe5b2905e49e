"""The text-level rules (check/rules/text.py) on real documents.

Where the development corpus has the slip, the rule must find it there, at its page; where it
has none, the slip is put into a copy of a real document at test time (tmp_path, never
committed) and the unedited document stays silent. The legitimate forms — titles glued to the
next line by the reader, a period printed alone at a page's foot, 低空航空航天, rates with a
spaced percent sign, dates other than a year-end — stay silent on the real documents that print
them.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from conftest import SEED_FILES, SHARED, load_disclosure
from yjsgk.check import CheckContext, check
from yjsgk.check.cases import base_document
from yjsgk.pipeline import recognize_path
from yjsgk.read.text import parse_text
from yjsgk.recognize import recognize

CORPUS = SHARED / "corpus" / "renwu"
SAMPLES = SHARED / "samples"
NATIONAL = CheckContext.with_profile("national")


def findings(path: Path, prefix: str, context: CheckContext | None = None):
    return [f for f in check(load_disclosure(path), context or CheckContext()) if f.rule.startswith(prefix)]


def edited(tmp_path: Path, source: Path, old: str, new: str, count: int = 1) -> Path:
    """A copy of a real text document with one passage changed (printed exactly `count` times)."""
    text = source.read_text(encoding="utf-8")
    assert text.count(old) == count, f"{old!r} is printed {text.count(old)} times"
    copy = tmp_path / source.name
    copy.write_text(text.replace(old, new), encoding="utf-8")
    return copy


def checked(path: Path, prefix: str, context: CheckContext | None = None):
    return [f for f in check(recognize_path(path), context or CheckContext()) if f.rule.startswith(prefix)]


# -- text.punctuation ----------------------------------------------------------------------------


def test_doubled_full_stop_is_found_on_its_page():
    found = findings(CORPUS / "017_福州" / "2026年福州市商务局部门预算.pdf", "text.punctuation")
    assert [(f.severity, f.location.page, f.row) for f in found] == [("warning", 9, "。。")]
    assert "贡献商务力量。。围绕上述任务" in found[0].message


def test_mixed_marks_are_found():
    """，。 left after a clause was cut: 增加144.81%，。"""
    found = findings(SAMPLES / "renwu" / "020_西安" / "卫生健康委员会_2026年部门预算.pdf", "text.punctuation")
    assert [(f.location.page, f.row) for f in found] == [(11, "，。")]


def test_a_full_stop_alone_at_a_page_foot_is_not_doubled():
    """北京卫健委 prints a lone 。 at the foot of p.104 and the head of p.105 (page furniture):
    joined they read 。。, but they are not printed in a row."""
    path = (
        SHARED
        / "corpus"
        / "renwu_hist"
        / "002_北京"
        / "卫生健康委员会_附件2：北京市卫生健康委员会2026年度部门预算报表.pdf"
    )
    assert [f for f in findings(path, "text.punctuation") if f.location.page in (104, 105)] == []


# -- text.repeated-word ---------------------------------------------------------------------------


def test_doubled_word_is_found():
    found = findings(CORPUS / "006_苏州" / "2026年苏州市水务局部门预算.pdf", "text.repeated-word")
    assert [(f.severity, f.location.page, f.row) for f in found] == [("warning", 37, "用于用于")]


def test_doubled_unit_across_a_line_break_is_found():
    """万元万 / 元。: the slip straddles the printed line break of a paragraph."""
    found = findings(CORPUS / "020_西安" / "交通运输局_2026年部门预算.pdf", "text.repeated-word")
    assert [(f.severity, f.location.page, f.row) for f in found] == [("warning", 22, "万元万元")]


def test_titles_glued_by_the_reader_and_compounds_are_not_doubled_words():
    """无锡's table titles read “…2026年度部门预算公开” then “公开01表…” (two printed lines, a title
    each); 广州 prints 低空航空航天 (not 空航 twice)."""
    assert findings(CORPUS / "014_无锡" / "教育局_2026年部门预算.pdf", "text.repeated-word") == []
    assert findings(CORPUS / "005_广州" / "2026年广州市发展和改革委员会部门预算.pdf", "text.repeated-word") == []


def test_a_doubling_that_may_be_two_words_is_a_notice():
    """在职人员人员经费: 在职人员 + 人员经费, both terms of the document."""
    path = SAMPLES / "open-budget" / "江苏省政协办公厅" / "江苏省政协办公厅2018年度部门预算.pdf"
    found = findings(path, "text.repeated-word")
    assert [(f.severity, f.row) for f in found] == [("notice", "人员人员")]


# -- text.percent-sign ----------------------------------------------------------------------------


def test_rate_without_percent_sign_is_found(tmp_path):
    """No document of the corpus drops the sign: put the slip into seed 002's growth sentence."""
    source = SEED_FILES["002"]
    assert findings(source, "text.percent-sign") == []
    text = source.read_text(encoding="utf-8")
    import re

    rate = re.search(r"增长\s*([0-9]+\.[0-9]+)\s*%", text)
    assert rate is not None
    copy = edited(tmp_path, source, rate.group(0), rate.group(0).rstrip("%").rstrip(), count=text.count(rate.group(0)))
    found = checked(copy, "text.percent-sign")
    assert found and {f.severity for f in found} == {"warning"}
    assert found[0].row == rate.group(1)


def test_rates_with_a_spaced_sign_or_thousands_separator_are_silent():
    """增长 16.47 % (a space before %) and 增长 3,593.7% are printed right."""
    assert (
        findings(SAMPLES / "open-budget" / "江苏省人大办公厅" / "省人大办公厅2018预算公开.pdf", "text.percent-sign")
        == []
    )
    assert findings(SAMPLES / "renwu" / "008_杭州" / "2026年杭州市交通运输局部门预算.pdf", "text.percent-sign") == []


# -- text.template-alternative ---------------------------------------------------------------------


def test_template_alternatives_left_in_are_found():
    found = findings(CORPUS / "020_西安" / "医疗保障局_2026年部门预算.pdf", "text.template-alternative")
    assert found and {(f.severity, f.location.page, f.row) for f in found} == {("warning", 23, "增加（减少）")}


def test_plain_directions_are_silent():
    for name in ("000", "002", "003"):
        assert findings(SEED_FILES[name], "text.template-alternative") == []


# -- complete.placeholder: the new forms -----------------------------------------------------------


@pytest.mark.parametrize("token", ["待填写", "（待）", "（略）", "[待]", "{单位}", "某某"])
def test_more_placeholder_forms(tmp_path, token):
    source = SEED_FILES["002"]
    assert [f for f in findings(source, "complete.placeholder", NATIONAL)] == []
    sentence = "截至 2020 年 12 月 31 日，本单位共有车辆"
    copy = edited(tmp_path, source, sentence, f"{token}，{sentence}")
    found = checked(copy, "complete.placeholder", NATIONAL)
    assert found and token in found[0].message


# -- text.year-end --------------------------------------------------------------------------------


def test_a_future_year_end_in_a_budget_is_found():
    found = findings(CORPUS / "025_烟台" / "2026年烟台市审计局部门预算.pdf", "text.year-end")
    assert [(f.severity, f.location.page, f.row) for f in found] == [("warning", 28, "截至2026年12月31日")]


def test_last_years_end_in_a_final_account_is_found(tmp_path):
    source = SEED_FILES["002"]  # the 2020 final account: 截至 2020 年 12 月 31 日
    assert findings(source, "text.year-end") == []
    copy = edited(tmp_path, source, "截至 2020 年 12 月 31 日，本单位", "截至上年12月31日，本单位")
    found = checked(copy, "text.year-end")
    assert found and {f.row for f in found} == {"截至上年12月31日"}


def test_other_dates_are_silent():
    """广州's budgets state assets 截至2026年1月31日, 上海's 截至2025年8月31日: not year-ends."""
    assert findings(CORPUS / "005_广州" / "2026年广州市商务局部门预算.pdf", "text.year-end") == []
    assert findings(CORPUS / "001_上海" / "2026年上海市商务局_部门预算.pdf", "text.year-end") == []


def test_a_heading_naming_another_year_is_found(tmp_path):
    """The heading year (2019年度…情况说明 in a 2020 document) is complete.year-unit's."""
    source = SEED_FILES["002"]
    text = source.read_text(encoding="utf-8")
    heading = next(line for line in text.splitlines() if "2020年度" in line and "情况说明" in line and len(line) < 40)
    copy = edited(tmp_path, source, heading, heading.replace("2020", "2019"), count=text.count(heading))
    found = checked(copy, "complete.year-unit", NATIONAL)
    assert any("2019" in f.message for f in found)


# -- narrative.blank-table --------------------------------------------------------------------------


def test_a_blank_table_against_the_narrative_is_found():
    """烟台市信访局 prints 财政拨款收支总体情况表 with its row names and no figure (and a note that
    no 财政拨款 was used) while the 情况说明 states 一般公共预算收入 1,717.85 万元."""
    found = findings(CORPUS / "025_烟台" / "2026年烟台市信访局部门预算.pdf", "narrative.blank-table")
    assert [(f.severity, f.table, f.location.page, f.found) for f in found] == [
        ("warning", "budget.fiscal_summary", 11, Decimal("1717.85"))
    ]


def test_a_blanked_three_public_table_is_found(tmp_path):
    """Seed 004's 三公 table (公务接待费 0.20 万元) with its figures blanked, against the
    narrative's “三公”经费 of 0.20 万元: the issue's blanked 三公 table."""
    source = SEED_FILES["004"]
    assert findings(source, "narrative.blank-table") == []
    copy = edited(tmp_path, source, "\n0.20\t\t\t\t\t0.20\t0.20\t\t\t\t\t0.20\n", "\n" + "\t" * 11 + "\n")
    found = checked(copy, "narrative.blank-table")
    assert [(f.severity, f.table, f.found) for f in found] == [("warning", "final.three_public", Decimal("0.20"))]


def test_a_table_that_says_it_has_no_data_and_unread_tables_are_silent():
    """普陀区社会工作部's 三公 table is empty and says so, as does its narrative; tables the
    reader did not read (no grid) are never taken as blank."""
    path = SAMPLES / "GovBudgetChecker" / "samples" / "bad" / "中共上海市普陀区委社会工作部 2024 年度部门决算.pdf"
    assert findings(path, "narrative.blank-table") == []


def test_the_case_base_is_clean_of_text_slips():
    disclosure = recognize(parse_text(base_document("final_2023.txt"), "final_2023.txt"))
    assert [f for f in check(disclosure, CheckContext()) if f.rule.startswith(("text.", "narrative.blank"))] == []


# -- narrative.general-expense ----------------------------------------------------------------------


def test_meeting_and_training_against_the_three_public_table():
    """西安市气象局 states 2022 会议费 0.24 / 培训费 0.71 万元; its 表13 prints 0 for 2022 (the
    figures are the 2021 columns)."""
    found = findings(CORPUS / "020_西安" / "气象局_2026年部门预算.pdf", "narrative.general-expense")
    assert [(f.severity, f.location.page, f.column, f.found, f.expected) for f in found] == [
        ("warning", 13, "会议费", Decimal("0.24"), Decimal("0")),
        ("warning", 13, "培训费", Decimal("0.71"), Decimal("0")),
    ]


def test_a_figure_in_wan_restating_a_cell_in_yuan_is_silent():
    """西安市公安局's table prints 培训费 8,059,215.00 元; the narrative's 805.92 万元 restates it."""
    assert findings(CORPUS / "020_西安" / "2026年西安市公安局部门预算.pdf", "narrative.general-expense") == []


def test_meeting_cost_below_the_basic_tables_row_is_found(tmp_path):
    """Seed 004 states 会议费 0.16 万元, as 06's 30215 prints; 0.06 is less than the basic part alone."""
    source = SEED_FILES["004"]
    assert findings(source, "narrative.general-expense") == []
    copy = edited(tmp_path, source, "开支会议费0.16万元", "开支会议费0.06万元")
    found = checked(copy, "narrative.general-expense")
    assert [(f.severity, f.table, f.found, f.expected) for f in found] == [
        ("warning", "final.general_budget_basic", Decimal("0.06"), Decimal("0.16"))
    ]


# -- narrative.report-income ------------------------------------------------------------------------


def test_report_income_against_the_self_evaluation_table(tmp_path):
    """Seed 001's 自评报告 states 单位预算收入 103.52 万元, the table's 年初预算数; 113.52 matches
    neither 年初 (103.52) nor 全年 (419.99)."""
    source = SEED_FILES["001"]
    assert findings(source, "narrative.report-income") == []
    copy = edited(tmp_path, source, "2021年单位预算收入103.52万元", "2021年单位预算收入113.52万元")
    found = checked(copy, "narrative.report-income")
    assert [(f.severity, f.found, f.expected) for f in found] == [("warning", Decimal("113.52"), Decimal("103.52"))]


def test_a_blank_table_the_narrative_says_is_zero_is_silent():
    """上海市发展和改革局 prints its “三公”经费和机关运行经费预算表 with an empty data row, and its
    情况说明 states every 三公 item as 0.00 万元: blank and zero agree."""
    path = CORPUS / "001_上海" / "2026年上海市发展和改革局_部门预算.pdf"
    disclosure = load_disclosure(path)
    table = disclosure.table("budget.three_public")
    assert table is not None and not any(r.values for r in table.rows)
    assert findings(path, "narrative.blank-table") == []
