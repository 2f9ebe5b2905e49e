"""Reading the standard tables of real documents the checker had not seen (../shared/corpus), one
test per class of failure that produced false errors or needless warnings (issue 12), each on a
document where it happened. Values are those the rendered page prints."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest

from conftest import SHARED, assert_printed, load_disclosure, row, table, value
from yjsgk.check import CheckContext, check
from yjsgk.model import Disclosure

XIAN = SHARED / "corpus" / "renwu" / "020_西安"
TABLE_RULES = ("sum.", "identity.", "balance.", "cross.")


def doc(path) -> Disclosure:
    if not path.is_file():
        pytest.fail(f"the shared corpus is missing: {path}")
    return load_disclosure(path)


def findings(disclosure: Disclosure, prefix: str | tuple[str, ...] = TABLE_RULES, table_id: str | None = None):
    return [
        f
        for f in check(disclosure, CheckContext())
        if f.rule.startswith(prefix) and (table_id is None or f.table == table_id)
    ]


def errors(disclosure: Disclosure, table_id: str | None = None):
    return [f for f in findings(disclosure, TABLE_RULES, table_id) if f.severity == "error"]


# -- tables continued on the next page ------------------------------------------------------------


def test_a_title_wrapped_over_two_lines_and_repeated_on_the_next_page_continues_the_table():
    # 宣传部 pp. 24–25: "…支出明细表（按支出功能分类科" / "目-不含上年结转）" printed on both pages;
    # the second line used to close the table, so p. 25 was a table of its own and the 合计 of
    # p. 24 was "wrong" by exactly the rows printed on p. 25
    d = doc(XIAN / "宣传部_2026年部门预算.pdf")
    expenditure = d.tables_by_id("budget.general_budget_expenditure")
    assert len(expenditure) == 1
    t = expenditure[0]
    assert t.title == "2021年部门综合预算一般公共预算支出明细表（按支出功能分类科目-不含上年结转）"
    assert {r.location.page for r in t.rows} == {24, 25}
    assert_printed(value(d, "budget.general_budget_expenditure", "total", "key:total"), "258596001.79")
    assert_printed(value(d, "budget.general_budget_expenditure", "total", "code:2210203"), "994470.60")
    assert_printed(value(d, "budget.general_budget_expenditure", "personnel", "code:208"), "2190776.93")
    classes = [r.values["total"].amount for r in t.rows if r.code and len(r.code) == 3]
    assert sum(classes) == Decimal("258596001.79")
    # the economic tables (pp. 26–29 and 30–31) are whole too: no table error is left
    assert len(d.tables_by_id("budget.general_budget_basic")) == 1
    assert {r.location.page for r in table(d, "budget.general_budget_economic").rows} == {26, 27}
    assert errors(d, "budget.general_budget_expenditure") == []
    assert errors(d, "budget.general_budget_economic") == []
    assert errors(d, "budget.general_budget_basic") == []


def test_a_row_broken_over_the_page_joins_its_name_and_the_digits_cut_off():
    # 杭州市公安局 pp. 21–22: "杭州市机动 | … | 12,437.3" / "车驾驶员考试服务中心 | … | 6"
    d = doc(SHARED / "corpus" / "renwu" / "008_杭州" / "2026年杭州市公安局部门预算.pdf")
    r = row(d, "budget.income", "name:杭州市机动车驾驶员考试服务中心")
    assert_printed(r.values["business"].amount, "12437.36")
    assert_printed(r.values["other"].amount, "2112.28")
    assert_printed(r.values["total"].amount, "14549.64")
    assert not [f for f in errors(d, "budget.income") if "机动" in (f.row or "")]


def test_a_numbering_column_and_a_name_run_on_into_the_amount_cell():
    # 气象局 p. 22: 序号 | 功能科目编码 | 名称 | 合计 …; the name "机关事业单位职业年金缴费支出" runs on
    # into the 合计 cell but is clipped at the name cell's edge: the page prints "机关事业单位职业年金"
    # (and before the PDF reader honoured clip paths, the 合计 cell was read as "缴费支出43608.96")
    d = doc(XIAN / "气象局_2026年部门预算.pdf")
    t = "budget.general_budget_expenditure"
    assert row(d, t, "key:total").name == "合计"
    assert row(d, t, "code:208").name == "社会保障和就业支出"
    assert row(d, t, "code:2080506").name == "机关事业单位职业年金"
    assert_printed(value(d, t, "total", "code:2080506"), "43608.96")
    assert_printed(value(d, t, "total", "code:2089999"), "1090.22")
    assert errors(d, t) == []


# -- 其中 columns -----------------------------------------------------------------------------------


def test_a_column_headed_qizhong_is_a_part_of_the_column_before_it_not_a_term():
    # 北京市统计局 预算03表: 合计 | 基本支出 | 项目支出 | 其中 (事业单位经营支出, 上缴上级支出,
    # 对附属单位补助支出): 合计 = 基本 + 项目
    d = doc(SHARED / "corpus" / "renwu_hist" / "002_北京" / "统计局_附件2：北京市统计局2026年度部门预算报表.pdf")
    t = table(d, "budget.expenditure")
    assert t.parts_of == {"operating": "project", "to_higher": "project", "to_subordinate": "project"}
    # 西安 收入总表: 一般公共预算拨款 小计 | 其中：专项资金列入部门预算项目 — no longer an unknown
    # column that stops the row identity from being checked
    d = doc(XIAN / "科技创新局_2026年部门预算.pdf")
    income = table(d, "budget.income")
    assert income.unmapped_columns == []
    assert "account_balance" in income.columns  # 上年实户资金余额, a local carry-over
    assert [f for f in findings(d, "recognize.columns") if f.table == "budget.income"] == []
    assert findings(d, "identity.row", "budget.income")  # checked now (rounding-sized notices)


def test_qizhong_breakdown_of_its_parent_stays_a_term():
    # 福州: 小计 | 其中：基本支出 | 项目支出 — the 其中 columns break the 小计 down: its parts
    d = doc(SHARED / "corpus" / "renwu" / "017_福州" / "2026年福州市商务局部门预算.pdf")
    t = table(d, "budget.state_capital")
    assert t.parts_of == {}
    assert t.columns == ["total", "basic", "project"]


def test_a_memo_column_and_the_breakdown_of_a_subtotal_are_no_unknown_terms():
    # 深圳 支出总表: 2026年政府采购项目 小计 | 其中：… (memo columns beside 基本/项目支出)
    d = doc(SHARED / "corpus" / "renwu" / "003_深圳" / "2026年深圳市信访局部门预算.pdf")
    assert table(d, "budget.expenditure").unmapped_columns == []
    # 深圳 三公表 by fund: 因公出国(境)费 / 一般公共预算 | 政府性基金预算 | 国有资本经营预算
    assert table(d, "budget.three_public").unmapped_columns == []
    # 北京 收入总表: 上年结转结余 / 小计 | 一般公共预算资金 | … | 单位资金
    d = doc(SHARED / "corpus" / "renwu_hist" / "002_北京" / "统计局_附件2：北京市统计局2026年度部门预算报表.pdf")
    assert table(d, "budget.income").unmapped_columns == []


# -- local extensions of the classification and of the 总表 ------------------------------------------


@pytest.mark.parametrize(
    ("name", "page", "account_balance"),
    [("民政局_2026年部门预算.pdf", 41, "19968361.41"), ("2026年西安市公安局部门预算.pdf", 22, "32624907.71")],
)
def test_local_carry_over_items_of_the_summary_are_part_of_its_grand_total(name, page, account_balance):
    # 上年实户资金余额 / 未安排支出的实户资金 (西安): a carry-over line, not "missing" from 收入总计
    d = doc(XIAN / name)
    assert row(d, "budget.summary", "income:account_balance").location.page == page
    assert_printed(value(d, "budget.summary", "amount", "income:account_balance"), account_balance)
    assert row(d, "budget.summary", "expenditure:account_unallocated").name == "未安排支出的实户资金"
    assert [f for f in errors(d) if f.rule == "balance.summary"] == []


def test_a_class_named_again_as_its_own_kuan_and_xiang_is_counted_once():
    # 深圳口岸办 收支总表 p. 16: "五、其他支出 / 其他支出 / 其他支出" (类, 款, 项 by name, no codes)
    d = doc(SHARED / "corpus" / "renwu" / "003_深圳" / "2026年深圳市人民政府口岸办公室部门预算.pdf")
    expenditure = [r for r in table(d, "budget.summary").rows if r.side == "expenditure" and r.code == "229"]
    assert [r.name for r in expenditure] == ["五、其他支出"]
    assert [f for f in errors(d) if f.rule == "balance.summary"] == []


def test_seven_digit_economic_sub_codes_in_a_flat_list_sum_into_their_class():
    # 应急管理局 p. 10: 3010201 津贴补贴, 3010202 改革性补贴 printed without a 30102 row, under 301
    from yjsgk.check.rules.sums import _children, hierarchy

    d = doc(XIAN / "应急管理局_2026年部门预算.pdf")
    t = table(d, "budget.general_budget_economic")
    # listed by unit (each unit's block repeats the codes): not summed, and said once per document
    assert t.repeated_codes
    said = findings(d, "recognize.repeated-codes")
    assert len(said) == 1 and said[0].severity == "notice" and "4 张表" in said[0].message
    # the first unit's block alone (125001): its 301 is the sum of its 款 and local 项, flat
    start = next(i for i, r in enumerate(t.rows) if r.code == "301")
    end = next(i for i, r in enumerate(t.rows) if i > start and r.code == "302")
    block = replace(t, rows=t.rows[start:end], repeated_codes=[])
    assert [r.code for r in _children(block)["301"]] == [
        "30101",
        "3010201",
        "3010202",
        "30108",
        "30110",
        "30112",
        "30113",
        "30199",
    ]
    assert_printed(block.rows[0].values["total"].amount, "970.84")
    alone = Disclosure(d.source, kind=d.kind, tables=[block])
    assert [f for f in hierarchy(alone, CheckContext()) if f is not None] == []


# -- rounding -----------------------------------------------------------------------------------


def test_a_total_added_up_from_the_lowest_rows_is_rounding_not_an_error():
    # 无锡人社 公开06表 p. 27: 合计 人员经费 25,530.51 = Σ of the 18 款 printed; 301 and 303 are
    # rounded on their own (23,647.92 + 1,882.57 = 25,530.49)
    d = doc(SHARED / "corpus" / "renwu" / "014_无锡" / "人力资源和社会保障局_2026年部门预算.pdf")
    total_row = [f for f in findings(d, "sum.total-row", "budget.fiscal_basic") if f.column == "人员经费"]
    assert [(f.severity, f.expected, f.found) for f in total_row] == [
        ("notice", Decimal("25530.49"), Decimal("25530.51"))
    ]
    assert "末级科目（18 项）之和 25,530.51 相符" in total_row[0].message
    # 04 p. 23: 支出总计 152,585.76 = the six classes printed; 本年支出 152,585.74
    grand = [f for f in findings(d, "balance.summary", "budget.fiscal_summary") if f.row == "支出：支出总计"]
    assert [f.severity for f in grand] == ["notice"]


# -- tables the checker did not know --------------------------------------------------------------


def test_xian_tables_by_their_own_titles_are_recognized_and_checked():
    d = doc(XIAN / "交通运输局_2026年部门预算.pdf")
    ids = [t.id for t in d.tables]
    # "一般公共预算支出明细表（按功能科目分）", "一般公共预算基本支出明细表（按功能科目分）"
    assert "budget.general_budget_expenditure" in ids and "budget.general_budget_basic_function" in ids
    basic = table(d, "budget.general_budget_basic_function")
    assert basic.columns == ["total", "personnel", "public"]
    assert not [f for f in findings(d, "recognize.unknown-table") if f.severity == "warning"]


def test_a_real_three_public_mistake_found_once_the_title_is_recognized():
    # 宣传部 p. 41, 2021年: 合计 1,171,100.00 ≠ 小计 65,100.00 + 会议费 320,000.00 + 培训费 1,096,000.00
    d = doc(XIAN / "宣传部_2026年部门预算.pdf")
    found = [f for f in errors(d, "budget.three_public") if f.row == "合计"]
    assert [(f.expected, f.found) for f in found] == [(Decimal("1481100.00"), Decimal("1171100.00"))]


# -- recognize.* said once, and as a notice when nothing is lost ------------------------------------


def test_rows_of_a_non_standard_table_are_a_notice_and_money_units_stated_per_table_too():
    d = doc(SHARED / "corpus" / "renwu" / "005_广州" / "2026年广州市商务局部门预算.pdf")
    orphans = findings(d, "recognize.unknown-table")
    assert [f.severity for f in orphans] == ["notice"] and "无科目编码" in orphans[0].message
    d = doc(SHARED / "corpus" / "renwu" / "001_上海" / "2026年上海市司法局_部门预算.pdf")
    units = findings(d, "recognize.unit")
    assert [f.severity for f in units] == ["notice"]
    assert table(d, "budget.three_public").unit == "万元" and table(d, "budget.summary").unit == "元"


def test_amounts_stated_for_one_item_are_not_the_departments_totals():
    # once the 西安 基本支出 tables are read whole (their 合计 found), the narrative's sections per
    # 类/款/项 must not be compared with them: "（1）进修及培训（20508）… 具体为：人员经费 0.00 万元"
    # (民政局 p. 21), "2.支出按功能科目分类的明细情况 › （1）行政运行（行政及参公单位基本支出）2678.58
    # 万元" (交通运输局 p. 17)
    d = doc(XIAN / "民政局_2026年部门预算.pdf")
    items = [c for c in d.claims if c.subject in ("personnel", "public") and "（20508）" in c.section]
    assert items and all(c.link is None for c in items)
    d = doc(XIAN / "交通运输局_2026年部门预算.pdf")
    (basic,) = [c for c in d.claims if c.kind == "amount" and c.value == Decimal("2678.58")]
    assert basic.link is None
    assert not [f for f in findings(d, "narrative.") if f.severity == "error" and f.found == Decimal("2678.58")]
