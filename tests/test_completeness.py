"""Completeness and compliance rules (complete.*, code.*) under a profile.

The failing cases are the real seed texts with one part changed (a line dropped, a number or a
name reprinted), written to a temporary file and read through the real pipeline. Every finding
the rules leave on the unchanged seeds was checked against the seed text by hand; the lines
quoted below are 1-based lines of ../shared/seeds.
"""

from __future__ import annotations

from decimal import Decimal as D
from pathlib import Path

import pytest

from conftest import SEED_FILES, SHARED, load_disclosure
from yjsgk.check import RULES, CheckContext, cases, check
from yjsgk.check.profiles import ProfileError, load_profile
from yjsgk.check.rules.completeness import heading_key
from yjsgk.config import ConfigError, parse_config
from yjsgk.pipeline import recognize_path

COMPLIANCE = ("complete.", "code.")
SHANGHAI_BUDGET = SHARED / "corpus/renwu/001_上海/2026年上海市住房和建设局_部门预算.pdf"


def compliance(disclosure, profile: str = "hunan", custom: dict | None = None) -> list:
    context = CheckContext.with_profile(profile, custom)
    return [f for f in check(disclosure, context) if f.rule.startswith(COMPLIANCE)]


def seed_compliance(name: str, profile: str = "hunan") -> list:
    return compliance(load_disclosure(SEED_FILES[name]), profile)


def facts(f) -> tuple:
    return (f.rule, f.severity, f.table, f.row, f.location.line if f.location else None)


def variant(tmp_path: Path, name: str, *, drop=(), replace=None, swap=None, filename="variant.txt") -> Path:
    """The seed text with lines dropped (1-based, inclusive ranges), replaced or swapped."""
    lines = SEED_FILES[name].read_text(encoding="utf-8").split("\n")
    for n, (old, new) in (replace or {}).items():
        assert old in lines[n - 1], (n, lines[n - 1])
        lines[n - 1] = lines[n - 1].replace(old, new)
    if swap:
        a, b = swap
        lines[a - 1], lines[b - 1] = lines[b - 1], lines[a - 1]
    dropped = {n for first, last in drop for n in range(first, last + 1)}
    path = tmp_path / filename
    path.write_text("\n".join(line for i, line in enumerate(lines, start=1) if i not in dropped), encoding="utf-8")
    return path


def run(path: Path, profile: str = "hunan") -> list:
    return compliance(recognize_path(path), profile)


def only(findings, rule_id: str) -> list:
    return [f for f in findings if f.rule == rule_id]


# -- the switch ----------------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(SEED_FILES))
def test_without_a_profile_the_compliance_rules_stay_off(name):
    assert CheckContext().profile is None
    assert [f for f in check(load_disclosure(SEED_FILES[name])) if f.rule.startswith(COMPLIANCE)] == []


# the failing case of every compliance rule (the parent rule also in test_dictionary.py)
FAILING_CASES = {
    "complete.table": [
        "test_missing_table_by_year",
        "test_the_2019_set_has_no_09",
        "test_no_table_at_all_is_one_finding",
    ],
    "complete.numbering": ["test_wrong_table_number"],
    "complete.empty-note": ["test_empty_table_without_a_reason", "test_a_general_note_covers_every_empty_table"],
    "complete.section": [
        "test_missing_section",
        "test_general_expenditure_must_name_meetings_and_training",
        "test_state_capital_section_only_when_there_is_data",
        "test_seed_000_has_no_narrative",
    ],
    "complete.glossary": ["test_glossary_term_missing", "test_glossary_missing"],
    "complete.detail": ["test_general_budget_not_detailed_to_xiang", "test_basic_expenditure_not_detailed_to_kuan"],
    "complete.placeholder": [
        "test_template_phrase_left_in",
        "test_ellipsis_placeholder_but_not_contents_leaders",
        "test_seed_003_placeholder_message",
    ],
    "complete.year-unit": ["test_last_years_title_left_in", "test_table_without_unit"],
    "complete.contents-order": ["test_contents_out_of_order", "test_missing_table_by_year"],
    "complete.budget-variance": [
        "test_item_left_out_of_the_detail",
        "test_difference_without_a_reason",
        "test_seed_002_unexplained_item",
    ],
    "code.unknown": ["test_unknown_code", "test_code_outside_its_years"],
    "code.name": ["test_former_name_of_a_renamed_code", "test_seed_004_official_names"],
    "code.parent": ["test_code_under_the_wrong_parent"],
}


def test_every_compliance_rule_has_a_failing_case_and_documentation():
    assert set(FAILING_CASES) == {r for r in RULES if r.startswith(COMPLIANCE)}
    for rule_id, tests in FAILING_CASES.items():
        assert all(callable(globals()[t]) for t in tests), rule_id
        rule = RULES[rule_id]
        assert rule.title and cases.example(rule.id) is not None and len(rule.rationale.split()) >= 5
        assert "when a profile is chosen" in rule.rationale


# -- the seeds: every finding verified by hand -------------------------------------------------

SEED_FINDINGS = {
    # 000 (衡阳 2019 决算) prints the eight tables and the performance report only: it goes from
    # 公开08表 (line 2112) straight to “第五部分 附件” (line 2227) — no 情况说明, no 名词解释.
    "000": [
        ("complete.section", "warning", None, "情况说明", 1),
        ("complete.glossary", "warning", None, "名词解释", 1),
    ],
    "001": [],  # a performance self-evaluation: no profile requirement applies
    # 002 (石峰 2020): the 具体情况 (line 342) lists one 项, 2010399, with 年初预算 44.93 = the whole
    # 年初预算数 44.93 (line 344); 公开05表 also has 2010301 行政运行 49.06 (line 223), never explained.
    "002": [
        ("complete.budget-variance", "warning", "final.general_budget_expenditure", "2010301 行政运行", 342),
    ],
    # 003 (长沙 2023 预算): the 部门整体支出绩效目标表 prints the template's scoring standard
    # “偏离目标30%得XX分…” unfilled on lines 687 and 688.
    "003": [
        ("complete.placeholder", "warning", "performance.target_department", None, 687),
        ("complete.placeholder", "warning", "performance.target_department", None, 688),
    ],
    # 004 (醴陵 2021): 公开06表 truncates two official names — line 205 “30108 机关事业单位基本养老保险”
    # (…缴费) and line 222 “39908 对民间非营利组织和群众性自治组织” (…补贴). Its 2010399 drops “支出” in
    # 02 only, which name.same-code reports.
    "004": [
        ("code.name", "notice", "final.general_budget_basic", "30108 机关事业单位基本养老保险", 205),
        ("code.name", "notice", "final.general_budget_basic", "39908 对民间非营利组织和群众性自治组织", 222),
    ],
}


@pytest.mark.parametrize("name", sorted(SEED_FILES))
def test_seed_findings_are_exactly_the_verified_ones(name):
    assert sorted(map(facts, seed_compliance(name)), key=repr) == sorted(SEED_FINDINGS[name], key=repr)


def test_seed_000_has_no_narrative():
    section, glossary = seed_compliance("000")
    assert section.message.startswith(
        "部门决算情况说明不完整：湖南省规定的 16 个部分一个也未找到（收入支出决算总体情况说明、"
    )
    # the annex title “2019年度部门整体支出绩效评价报告” (line 2229) is not the 绩效 part of a 情况说明
    assert section.message.endswith("国有资产占用情况说明、预算绩效情况说明）。")
    assert glossary.message == "未找到名词解释部分。"


def test_seed_002_unexplained_item():
    (finding,) = seed_compliance("002")
    assert finding.message == (
        "一般公共预算财政拨款支出决算具体情况未说明 2010301 行政运行：说明所列各项年初预算已合计 44.93 万元"
        "（等于年初预算总数 44.93 万元），未列出的项年初预算应为 0，决算数49.06万元与之不同。"
    )
    assert (finding.expected, finding.found, finding.difference) == (D("0.00"), D("49.06"), D("49.06"))


def test_seed_003_placeholder_message():
    first = seed_compliance("003")[0]
    assert first.message.startswith("第687行留有模板占位符“XX”：“偏离目标40%不得分，偏离目标30%得XX分")


def test_seed_004_official_names():
    messages = [f.message for f in seed_compliance("004")]
    assert messages == [
        "科目 30108 的规范名称为“机关事业单位基本养老保险缴费”，一般公共预算财政拨款基本支出决算表（公开06表）中印为“机关事业单位基本养老保险”。",
        "科目 39908 的规范名称为“对民间非营利组织和群众性自治组织补贴”，一般公共预算财政拨款基本支出决算表（公开06表）中印为“对民间非营利组织和群众性自治组织”。",
    ]


def test_profiles_differ_where_the_provinces_do():
    # 长沙 2023 has no 财政拨款收支总体情况 section: hunan drops it, the national profile asks for it
    national = seed_compliance("003", "national")
    (section,) = only(national, "complete.section")
    assert section.message == "情况说明中未找到“财政拨款收支总体情况”部分（全国通用（财政部统一格式）规定）。"
    assert only(seed_compliance("003", "hunan"), "complete.section") == []


# -- complete.table ------------------------------------------------------------------------------


def test_missing_table_by_year(tmp_path):
    # 004 without its 公开09表 (lines 261–275): required from 2020
    path = variant(tmp_path, "004", drop=[(261, 275)])
    findings = run(path)
    (table,) = only(findings, "complete.table")
    assert (
        table.message
        == "未找到国有资本经营预算财政拨款支出决算表（公开09表）：湖南省规定 2021 年度部门决算应公开此表。"
    )
    assert table.table == "final.state_capital"
    # its contents still lists the table (line 24)
    (listed,) = only(findings, "complete.contents-order")
    assert listed.message == "目录列出“九、国有资本经营预算财政拨款支出决算表”，正文中未找到该表。"
    assert listed.location.line == 24


def test_the_2019_set_has_no_09(tmp_path):
    # seed 000 (2019) has 01–08 only and nothing is missing; the same tables dated 2020 lack 09
    assert only(seed_compliance("000"), "complete.table") == []
    text = SEED_FILES["000"].read_text(encoding="utf-8").replace("2019", "2020")
    path = tmp_path / "v.txt"
    path.write_text(text, encoding="utf-8")
    (table,) = only(run(path), "complete.table")
    assert table.table == "final.state_capital"


def test_no_table_at_all_is_one_finding(tmp_path):
    # 003's 预算说明 without the tables that follow it (lines 138–705): a 情况说明 published alone
    # (北京 publishes it and the tables as two files) — one notice
    findings = run(variant(tmp_path, "003", drop=[(138, 705)]))
    (table,) = only(findings, "complete.table")
    assert table.severity == "notice"
    assert table.message.startswith(
        "本文件只含情况说明，未含公开表格（如另行公开则无需处理）：湖南省规定 2023 年度部门预算应公开 10 张表（部门收支总体情况表、"
    )
    # its 目录 lists the tables of the other file: not “listed but absent”
    assert only(findings, "complete.contents-order") == []


# -- complete.numbering --------------------------------------------------------------------------


def test_wrong_table_number(tmp_path):
    (finding,) = only(run(variant(tmp_path, "004", replace={195: ("公开06表", "公开05表")})), "complete.numbering")
    assert finding.message == "一般公共预算财政拨款基本支出决算表印为“公开05表”，湖南省规定为公开06表。"
    assert finding.table == "final.general_budget_basic"


# -- complete.empty-note -------------------------------------------------------------------------


def test_empty_table_without_a_reason(tmp_path):
    # 002 公开08表 has no figures; its note (line 295) says why, and so does the 情况说明 (line 378:
    # 政府性基金预算财政拨款收入 0 万元…本单位无政府性基金收支) — drop both
    findings = run(variant(tmp_path, "002", drop=[(295, 295), (378, 378)]))
    (finding,) = only(findings, "complete.empty-note")
    assert finding.table == "final.gov_fund"
    assert (
        finding.message
        == "政府性基金预算财政拨款收入支出决算表（公开08表）没有数据，但未注明原因（如“本单位无此项收支，故本表无数据”）。"
    )


def test_a_general_note_covers_every_empty_table(tmp_path):
    # 003 states once, under its contents (line 32): 空表表示本部门无相关收支情况; its empty
    # 政府性基金预算支出情况表 (0.00 on line 361) also has its own note (line 364), and the 情况说明
    # says so (line 114: 2023 年本部门无政府性基金安排的支出). Without the three:
    path = variant(tmp_path, "003", drop=[(364, 364), (114, 114)])
    assert only(run(path), "complete.empty-note") == []
    path = variant(tmp_path, "003", drop=[(32, 32), (364, 364), (114, 114)], filename="v2.txt")
    (finding,) = only(run(path), "complete.empty-note")
    assert finding.table == "budget.gov_fund"


def test_the_narrative_saying_nil_explains_an_empty_table(tmp_path):
    # 002 公开08表 without its note (line 295): the 情况说明 still says why (line 378:
    # 2020 年度政府性基金预算财政拨款收入 0 万元…本单位无政府性基金收支)
    assert only(run(variant(tmp_path, "002", drop=[(295, 295)])), "complete.empty-note") == []


def test_shanghai_empty_tables_are_explained_by_the_budget_statement():
    # 上海 prints 政府性基金/国有资本经营 tables empty, without a note on the table page; its 预算编制
    # 说明 (p. 6) says 政府性基金拨款支出预算为0；国有资本经营预算拨款支出预算为0
    findings = compliance(recognize_path(SHANGHAI_BUDGET), "shanghai")
    assert only(findings, "complete.empty-note") == []


# -- complete.section ----------------------------------------------------------------------------


def test_missing_section(tmp_path):
    # 002 without “十二、关于政府采购支出说明” (lines 392–394)
    (finding,) = only(run(variant(tmp_path, "002", drop=[(392, 394)])), "complete.section")
    assert finding.message == "情况说明中未找到“政府采购支出情况说明”部分（湖南省规定）。"


def test_general_expenditure_must_name_meetings_and_training(tmp_path):
    # 002 line 390: “2020 年本部门开支会议费 0 万元，开支培训费 0 万元。”
    path = variant(tmp_path, "002", replace={390: ("，开支培训费 0 万元", "")})
    (finding,) = only(run(path), "complete.section")
    assert finding.message == "“一般性支出情况”部分未说明培训费。"
    assert finding.location.line == 388


def test_state_capital_section_only_when_there_is_data(tmp_path):
    # 004 has no 国有资本经营 section and an all-zero 公开09表 (line 272): not required …
    assert only(seed_compliance("004"), "complete.section") == []
    # … but once 09 prints an amount it is
    path = variant(tmp_path, "004", replace={272: ("0.00\t0.00\t0.00", "5.00\t5.00\t0.00")})
    (finding,) = only(run(path), "complete.section")
    assert finding.message == "情况说明中未找到“国有资本经营预算财政拨款支出决算情况说明”部分（湖南省规定）。"


def test_the_contents_page_does_not_count_as_the_body(tmp_path):
    # 004 lists “十一、政府采购支出说明” in its contents (line 42); dropping the body section
    # (lines 378–380) is still a missing section
    (finding,) = only(run(variant(tmp_path, "004", drop=[(378, 380)])), "complete.section")
    assert "政府采购支出情况说明" in finding.message


# -- complete.glossary ---------------------------------------------------------------------------


def test_glossary_term_missing(tmp_path):
    # 004 line 430: “八、机关运行经费：…”
    (finding,) = only(run(variant(tmp_path, "004", drop=[(430, 430)])), "complete.glossary")
    assert finding.message == "名词解释未解释“机关运行经费”。"
    assert finding.location.line == 414  # “第四部分” on line 412, its title “名词解释” below it


def test_glossary_missing(tmp_path):
    (finding,) = only(run(variant(tmp_path, "004", drop=[(412, 431)])), "complete.glossary")
    assert finding.message == "未找到名词解释部分。"


# -- complete.detail -----------------------------------------------------------------------------


def test_general_budget_not_detailed_to_xiang(tmp_path):
    # 004 公开05表 without 2101101 (line 187): 21011 行政事业单位医疗 23.26 has no 项 below it
    (finding,) = only(run(variant(tmp_path, "004", drop=[(187, 187)])), "complete.detail")
    assert finding.row == "21011 行政事业单位医疗"
    assert finding.message == (
        "一般公共预算财政拨款支出决算表（公开05表）中 21011 行政事业单位医疗（23.26 万元）没有列出下级项级科目："
        "一般公共预算支出应细化到项级科目（7位编码）。"
    )


def test_basic_expenditure_not_detailed_to_kuan(tmp_path):
    # 003 预算 基本支出表 without its 303 款 rows (30302, 30305 lines 321–322; 30309, 30399 lines 332–333)
    path = variant(tmp_path, "003", drop=[(321, 322), (332, 333)])
    (finding,) = only(run(path), "complete.detail")
    assert (finding.table, finding.row) == ("budget.general_budget_basic", "303 对个人和家庭的补助")


# -- complete.placeholder ------------------------------------------------------------------------


def test_template_phrase_left_in(tmp_path):
    # 004 line 350: “公务用车购置费支出预算为0万元，支出决算为0万元，与上年持平。”
    path = variant(tmp_path, "004", replace={350: ("与上年持平。", "与上年持平（如持平作持平表述）。")})
    (finding,) = only(run(path), "complete.placeholder")
    assert finding.message.startswith("第350行留有模板占位符“如持平作持平表述”")
    assert finding.location.line == 350


def test_ellipsis_placeholder_but_not_contents_leaders(tmp_path):
    path = variant(
        tmp_path,
        "004",
        replace={
            16: ("一、收入支出决算总表", "一、收入支出决算总表……………………3"),  # a contents leader
            390: ("二级项目11个", "二级项目……个"),
        },
    )
    (finding,) = only(run(path), "complete.placeholder")
    assert finding.location.line == 390


# -- complete.year-unit --------------------------------------------------------------------------


def test_last_years_title_left_in(tmp_path):
    # 004 line 278: “2021年度部门决算情况说明”
    path = variant(tmp_path, "004", replace={278: ("2021年度", "2020年度")})
    (finding,) = only(run(path), "complete.year-unit")
    assert finding.message == "第278行“2020年度部门决算情况说明”所印年度 2020 与文件年度 2021 不一致。"


def test_table_without_unit(tmp_path):
    # 004 line 76: “单位：万元” above 公开01表 — the only unit line before the first table
    (finding,) = only(run(variant(tmp_path, "004", drop=[(76, 76)])), "complete.year-unit")
    assert finding.message == "收入支出决算总表（公开01表）未标明金额单位。"


# -- complete.contents-order ---------------------------------------------------------------------


def test_contents_out_of_order(tmp_path):
    # 004 contents lines 16–17 swapped: 二、收入决算表 now listed before 一、收入支出决算总表
    (finding,) = only(run(variant(tmp_path, "004", swap=(16, 17))), "complete.contents-order")
    assert finding.message.startswith("目录中“二、收入决算表”列在“一、收入支出决算总表”之前，正文中顺序相反")


# -- complete.budget-variance --------------------------------------------------------------------


def test_item_left_out_of_the_detail(tmp_path):
    # 004 without item 5 (lines 330–332, 2101101 行政单位医疗: 年初 22.82, 决算 23.26): the four
    # listed 项 account for 974.08 + 0 + 881.22 + 0 = 1,855.30 of the 1,878.12 年初预算
    (finding,) = only(run(variant(tmp_path, "004", drop=[(330, 332)])), "complete.budget-variance")
    assert finding.row == "2101101 行政单位医疗"
    assert (finding.expected, finding.found, finding.difference) == (D("22.82"), D("23.26"), D("0.44"))
    assert finding.message == (
        "一般公共预算财政拨款支出决算具体情况未说明 2101101 行政单位医疗：未列出的项年初预算合计应为 22.82 万元"
        "（总数 1878.12 减所列各项 1855.30），决算数合计 23.26 万元与之不同。"
    )


def test_difference_without_a_reason(tmp_path):
    # 004 line 332: item 5 differs (22.82 → 23.26) and gives 主要原因是缴费基数调整 — take the reason out
    path = variant(tmp_path, "004", replace={332: ("，决算数大于年初预算数的主要原因是缴费基数调整", "")})
    (finding,) = only(run(path), "complete.budget-variance")
    assert finding.message == (
        "一般公共预算财政拨款支出决算具体情况中 2101101 行政单位医疗 的决算数 23.26 万元与年初预算 22.82 万元不同，但未说明原因。"
    )
    assert finding.location.line == 330


# -- code.* --------------------------------------------------------------------------------------


def test_unknown_code(tmp_path):
    # 004 公开05表 line 184: 2019999 reprinted as 2019998
    (finding,) = only(run(variant(tmp_path, "004", replace={184: ("2019999", "2019998")})), "code.unknown")
    assert (
        finding.message
        == "一般公共预算财政拨款支出决算表（公开05表）中的科目编码 2019998（其他一般公共服务支出）不在支出功能分类科目中；"
        "本文件其他处“其他一般公共服务支出”的编码为 2019999，编码可能有误。"
    )


def test_code_outside_its_years(tmp_path):
    # 004 公开06表 line 224: 30311 代缴社会保险费 reprinted as the pre-2018 30312 提租补贴
    path = variant(tmp_path, "004", replace={224: ("30311\t代缴社会保险费", "30312\t提租补贴")})
    (finding,) = only(run(path), "code.unknown")
    assert (
        finding.message
        == "一般公共预算财政拨款基本支出决算表（公开06表）中的科目 30312 提租补贴在 2021 年不是有效科目（“提租补贴”2017年及以前）。"
    )


def test_former_name_of_a_renamed_code(tmp_path):
    # 004 公开01表 line 90: “九、卫生健康支出” printed with the 2014–2018 name of 210
    path = variant(tmp_path, "004", replace={90: ("九、卫生健康支出", "九、医疗卫生与计划生育支出")})
    names = [f for f in only(run(path), "code.name") if f.row.startswith("210")]
    assert [f.message for f in names] == [
        "科目 210 在 2021 年的名称为“卫生健康支出”，收入支出决算总表（公开01表）中印为“医疗卫生与计划生育支出”（该名称2014–2018年使用）。"
    ]


def test_code_under_the_wrong_parent(tmp_path):
    # 004 公开05表 lines 183–184 swapped: 2019999 now sits under 20103's block
    findings = only(run(variant(tmp_path, "004", swap=(183, 184))), "code.parent")
    assert [(f.severity, f.row, f.location.line) for f in findings] == [("error", "2019999 其他一般公共服务支出", 183)]
    assert findings[0].message == (
        "一般公共预算财政拨款支出决算表（公开05表）中 2019999 其他一般公共服务支出 列在 "
        "20103 政府办公厅（室）及相关机构事务 之下，其上级科目应为 20199。"
    )


# -- profiles ------------------------------------------------------------------------------------


def test_builtin_profiles():
    national = load_profile("national")
    hunan = load_profile("hunan")
    assert [r.id for r in national.select("table", "final", 2019)] == [
        "final.summary",
        "final.income",
        "final.expenditure",
        "final.fiscal_summary",
        "final.general_budget_expenditure",
        "final.general_budget_basic",
        "final.three_public",
        "final.gov_fund",
    ]
    assert national.number("final.state_capital", "final", 2020) == "09"
    assert national.number("final.state_capital", "final", 2019) is None
    # hunan: the budget performance-target tables from 2023, numbered as in 003's contents
    assert hunan.number("performance.target_department", "budget", 2023) == "10"
    assert "performance.target_project" not in [r.id for r in hunan.select("table", "budget", 2022)]
    assert "budget.fiscal" in [r.id for r in national.select("section", "budget", 2023)]
    assert "budget.fiscal" not in [r.id for r in hunan.select("section", "budget", 2023)]
    assert [r.terms for r in hunan.select("glossary", "final", 2021)] == [("财政拨款收入", "三公经费", "机关运行经费")]


def test_profile_from_the_config_file(tmp_path):
    data = {
        "profile": "strict",
        "profiles": {
            "strict": {
                "extends": "hunan",
                "title": "本省",
                "glossary": [{"kind": "final", "id": "final.glossary", "terms": ["财政拨款收入", "结余分配"]}],
            }
        },
    }
    config = parse_config(data)
    assert config.profile == "strict"
    # 004's glossary (lines 416–430) explains no 结余分配
    (finding,) = only(
        compliance(load_disclosure(SEED_FILES["004"]), config.profile, config.profiles), "complete.glossary"
    )
    assert finding.message == "名词解释未解释“结余分配”。"


@pytest.mark.parametrize(
    "data, message",
    [
        ({"profile": "guangxi"}, "没有名为 guangxi 的配置档"),
        ({"profile": "x", "profiles": {"x": {"extends": "x"}}}, "extends 形成循环"),
        (
            {"profile": "x", "profiles": {"x": {"table": [{"kind": "final", "id": "final.nope"}]}}},
            "没有编号为 final.nope 的表",
        ),
        (
            {"profile": "x", "profiles": {"x": {"section": [{"kind": "final", "id": "s", "pattern": "("}]}}},
            "pattern 无效",
        ),
        (
            {"profile": "x", "profiles": {"x": {"table": [{"kind": "annual", "id": "final.summary"}]}}},
            "kind 应为 final 或 budget",
        ),
    ],
)
def test_bad_profiles_are_clear_errors(data, message):
    with pytest.raises(ConfigError, match=message):
        parse_config(data)


def test_unknown_profile_by_name():
    with pytest.raises(ProfileError):
        CheckContext.with_profile("atlantis")


def test_heading_keys():
    assert heading_key("2021年度预算绩效情况说明") == "预算绩效情况说明"
    assert heading_key("“三公”经费预算") == "三公经费预算"
    assert heading_key("关于机关运行经费支出说明") == "机关运行经费支出说明"
