"""Cells of every standard table in four eastern sample PDFs, read off the rendered pages.

Each expected value was checked on the page image (`pdftoppm -r 110 -f N -l N -png`); the
comment gives the page it is printed on. None = the cell is printed blank (no value, not zero).

- JIANGSU: 江苏省人民检察院 2018 budget, 公开01–12表 (contents on page 2).
- SHANGHAI_FINAL: 上海市普陀区财政局 2024 final accounts, nine unnumbered tables (contents page 2).
- SHANGHAI_UNIT: 上海交通职业技术学院 2026 unit budget (file named after 上海市交通运输局), amounts
  in 元 except the 三公 table (万元).
- FOSHAN: 佛山市轨道交通局 2019 final accounts (file named as a 2026 交通运输局 budget), tables
  printed as 表1–表8, each 合计 row repeated at the top of every continuation page.
"""

from __future__ import annotations

import pytest

from conftest import SHARED, assert_printed, load_disclosure, table, value

SAMPLES = SHARED / "samples"
DOCS = {
    "jiangsu": SAMPLES / "open-budget/江苏省人民检察院/2018年省检察院部门预算公开.pdf",
    "shanghai_final": SAMPLES / "GovBudgetChecker/samples/good/上海市普陀区财政局2024年度部门决算.pdf",
    "shanghai_unit": SAMPLES / "renwu/001_上海/2026年上海市交通运输局_部门预算.pdf",
    "foshan": SAMPLES / "renwu/022_佛山/2026年佛山市交通运输局部门预算.pdf",
}


# -- the tables found (number as printed above the table, id, page of the title) ------------

TABLES = {
    # contents page 2 lists 一–十二; each table prints "公开 NN 表：…"
    "jiangsu": [
        ("01", "budget.summary", 13),
        ("02", "budget.income", 14),
        ("03", "budget.expenditure", 15),
        ("04", "budget.fiscal_summary", 15),
        ("05", "budget.fiscal_expenditure", 15),
        ("06", "budget.fiscal_basic", 16),
        ("07", "budget.general_budget_expenditure", 17),
        ("08", "budget.general_budget_basic", 18),
        ("09", "budget.three_public", 19),
        ("10", "budget.gov_fund", 19),
        ("11", "budget.office_operation", 20),
        ("12", "budget.procurement", 20),
    ],
    # contents page 2 lists 一–九; the tables themselves print no number
    "shanghai_final": [
        (None, "final.summary", 6),
        (None, "final.income", 8),
        (None, "final.expenditure", 10),
        (None, "final.fiscal_summary", 12),
        (None, "final.general_budget_expenditure", 15),
        (None, "final.general_budget_basic", 16),
        (None, "final.three_public", 18),
        (None, "final.gov_fund", 19),
        (None, "final.state_capital", 20),  # printed as 国有资本经营预算财政拨款收入支出决算表
    ],
    # contents page 2 lists 1–9; the tables print no number
    "shanghai_unit": [
        (None, "budget.summary", 7),
        (None, "budget.income", 8),
        (None, "budget.expenditure", 10),
        (None, "budget.fiscal_summary", 12),
        (None, "budget.general_budget_expenditure", 13),
        (None, "budget.gov_fund", 15),
        (None, "budget.state_capital", 16),
        (None, "budget.general_budget_basic", 17),
        (None, "budget.three_public", 20),
    ],
    # contents page 2 lists 一–八; "表1" … "表8" is printed above each table (and repeated on
    # its continuation pages)
    "foshan": [
        ("01", "final.summary", 5),
        ("02", "final.income", 8),
        ("03", "final.expenditure", 10),
        ("04", "final.fiscal_summary", 12),
        ("05", "final.general_budget_expenditure", 15),
        ("06", "final.general_budget_basic", 17),
        ("07", "final.three_public", 21),
        ("08", "final.gov_fund", 22),
    ],
}


@pytest.mark.parametrize("doc", list(TABLES))
def test_tables_found(doc):
    d = load_disclosure(DOCS[doc])
    assert [(t.number, t.id) for t in d.tables] == [(n, i) for n, i, _ in TABLES[doc]]


@pytest.mark.parametrize("doc", list(TABLES))
def test_table_pages(doc):
    d = load_disclosure(DOCS[doc])
    assert [(t.id, t.location.page) for t in d.tables] == [(i, p) for _, i, p in TABLES[doc]]


# -- tables printed with no amount at all ("本表无数据" / "此表为空") ------------------------
# Every cell is blank, so nothing may come out as an amount (least of all 0.00).

EMPTY = [
    ("jiangsu", "budget.gov_fund"),  # page 19: 合计 row blank, "此表为空"
    ("shanghai_final", "final.gov_fund"),  # page 19
    ("shanghai_final", "final.state_capital"),  # page 20
    ("shanghai_unit", "budget.gov_fund"),  # page 15
    ("shanghai_unit", "budget.state_capital"),  # page 16
]


@pytest.mark.parametrize("doc, table_id", EMPTY)
def test_empty_tables_carry_no_amounts(doc, table_id):
    t = table(load_disclosure(DOCS[doc]), table_id)
    assert [v for r in t.rows for v in r.values.values()] == []


# -- cells ------------------------------------------------------------------------------
# (document, table, row locator, column, printed amount or None for a blank cell)
# Jiangsu 11 机关运行经费 and 12 政府采购 are recognized as raw tables (no typed values): not here.

CELLS = [
    # ==== JIANGSU 2018 budget (万元) ====
    # 01 收支预算总表 (pages 13–14): function classes and 支出用途 side by side on the right
    ("jiangsu", "budget.summary", "income:fiscal", "amount", "21940.96"),  # 13 一、财政拨款
    ("jiangsu", "budget.summary", "income:fiscal_general_budget", "amount", "21940.96"),  # 13
    ("jiangsu", "budget.summary", "income:fiscal_gov_fund", "amount", None),  # 13
    ("jiangsu", "budget.summary", "income:special_account_business", "amount", None),  # 13
    # 三、其他资金 groups 事业收入, 经营收入, 其他收入 and loans (02): the unit's own funds, not 其他收入
    ("jiangsu", "budget.summary", "income:unit_funds", "amount", "14.39"),  # 13 三、其他资金
    ("jiangsu", "budget.summary", "income:total_income", "amount", "21955.35"),  # 14
    ("jiangsu", "budget.summary", "expenditure:201", "amount", None),  # 13
    ("jiangsu", "budget.summary", "expenditure:204", "amount", "16458.75"),  # 13
    ("jiangsu", "budget.summary", "expenditure:221", "amount", "3660.38"),  # 14 continuation
    ("jiangsu", "budget.summary", "expenditure:basic", "amount", "13994.31"),  # 13
    ("jiangsu", "budget.summary", "expenditure:project", "amount", "5573.00"),  # 13
    ("jiangsu", "budget.summary", "expenditure:total_expenditure", "amount", "21955.35"),  # 14
    ("jiangsu", "budget.summary", "expenditure:220", "amount", None),  # 13–14, name broken over the page
    ("jiangsu", "budget.summary", "expenditure:reserve", "amount", "2388.04"),  # 13 三、单位预留机动经费
    # 02 收入预算总表 (page 14): printed transposed, one 金额 per income item; read as the 合计 row
    # (公共财政拨款(补助)资金 is the only line naming 财政拨款; 一般公共预算资金 小计 equals it here)
    ("jiangsu", "budget.income", "key:total", "total", "21955.35"),  # 收入总计
    ("jiangsu", "budget.income", "key:total", "fiscal", "21940.96"),  # 公共财政拨款(补助)资金
    ("jiangsu", "budget.income", "key:total", "special_account_business", None),  # 财政专户 小计
    ("jiangsu", "budget.income", "key:total", "business", None),  # 事业收入
    ("jiangsu", "budget.income", "key:total", "other", "14.39"),  # 其他收入
    # 03 支出预算总表 (page 15): a single unnamed row of values
    ("jiangsu", "budget.expenditure", "name:", "total", "21955.35"),
    ("jiangsu", "budget.expenditure", "name:", "basic", "13994.31"),
    ("jiangsu", "budget.expenditure", "name:", "project", "5573.00"),
    ("jiangsu", "budget.expenditure", "name:", "reserve", "2388.04"),  # 单位预留机动经费
    # 04 财政拨款收支预算总表 (page 15): one 金额 column per side
    ("jiangsu", "budget.fiscal_summary", "income:fiscal_general_budget", "amount", "21940.96"),
    ("jiangsu", "budget.fiscal_summary", "income:fiscal_gov_fund", "amount", None),
    ("jiangsu", "budget.fiscal_summary", "income:total_income", "amount", "21940.96"),  # 收入合计
    ("jiangsu", "budget.fiscal_summary", "expenditure:basic", "amount", "13979.92"),
    ("jiangsu", "budget.fiscal_summary", "expenditure:project", "amount", "5573.00"),
    ("jiangsu", "budget.fiscal_summary", "expenditure:reserve", "amount", "2388.04"),
    ("jiangsu", "budget.fiscal_summary", "expenditure:total_expenditure", "amount", "21940.96"),
    # 05 财政拨款支出预算表 (pages 15–16)
    ("jiangsu", "budget.fiscal_expenditure", "key:total", "total", "21940.96"),  # 15
    ("jiangsu", "budget.fiscal_expenditure", "code:204", "total", "16444.36"),  # 15
    ("jiangsu", "budget.fiscal_expenditure", "code:2040401", "total", "10883.36"),  # 15
    ("jiangsu", "budget.fiscal_expenditure", "code:2040405", "total", "1895.00"),  # 16, no comma
    ("jiangsu", "budget.fiscal_expenditure", "code:20805", "total", "1836.22"),  # 16
    ("jiangsu", "budget.fiscal_expenditure", "code:2210202", "total", "2586.61"),  # 16, last
    # 06 财政拨款基本支出预算表 (pages 16–17)
    ("jiangsu", "budget.fiscal_basic", "key:total", "total", "13979.92"),  # 16
    ("jiangsu", "budget.fiscal_basic", "code:301", "total", "10204.52"),  # 16
    ("jiangsu", "budget.fiscal_basic", "code:30101", "total", "2117.68"),  # 16
    ("jiangsu", "budget.fiscal_basic", "code:30207", "total", "60.00"),  # 17 continuation
    ("jiangsu", "budget.fiscal_basic", "code:30211", "total", "45.00"),  # 17, printed after 30299
    ("jiangsu", "budget.fiscal_basic", "code:30309", "total", "1.04"),  # 17, last
    # 07 一般公共预算支出预算表 (pages 17–18)
    ("jiangsu", "budget.general_budget_expenditure", "key:total", "total", "21940.96"),  # 17
    ("jiangsu", "budget.general_budget_expenditure", "code:204", "total", "16444.36"),  # 17
    ("jiangsu", "budget.general_budget_expenditure", "code:2040401", "total", "10883.36"),  # 17
    ("jiangsu", "budget.general_budget_expenditure", "code:221", "total", "3660.38"),  # 18
    ("jiangsu", "budget.general_budget_expenditure", "code:2210202", "total", "2586.61"),  # 18
    # 08 一般公共预算基本支出预算表 (pages 18–19)
    ("jiangsu", "budget.general_budget_basic", "key:total", "total", "13979.92"),  # 18
    ("jiangsu", "budget.general_budget_basic", "code:301", "total", "10204.52"),  # 18
    ("jiangsu", "budget.general_budget_basic", "code:30101", "total", "2117.68"),  # 18
    ("jiangsu", "budget.general_budget_basic", "code:30239", "total", "468.37"),  # 18
    ("jiangsu", "budget.general_budget_basic", "code:30299", "total", "994.54"),  # 19 continuation
    ("jiangsu", "budget.general_budget_basic", "code:30309", "total", "1.04"),  # 19, last
    # 09 “三公”经费、会议费、培训费 (page 19): one unnamed row
    ("jiangsu", "budget.three_public", "name:", "all_total", "1384.74"),
    ("jiangsu", "budget.three_public", "name:", "three_public", "484.30"),
    ("jiangsu", "budget.three_public", "name:", "abroad", "100.00"),
    ("jiangsu", "budget.three_public", "name:", "vehicle", "267.80"),
    ("jiangsu", "budget.three_public", "name:", "vehicle_purchase", None),
    ("jiangsu", "budget.three_public", "name:", "vehicle_operation", "267.80"),
    ("jiangsu", "budget.three_public", "name:", "reception", "116.50"),
    ("jiangsu", "budget.three_public", "name:", "meeting", "200.44"),
    ("jiangsu", "budget.three_public", "name:", "training", "700.00"),
    # ==== SHANGHAI 普陀区财政局 2024 final accounts (万元) ====
    # 收入支出决算总表 (pages 6–7)
    ("shanghai_final", "final.summary", "income:fiscal_general_budget", "amount", "2940.05"),  # 6
    ("shanghai_final", "final.summary", "income:fiscal_gov_fund", "amount", None),  # 6
    ("shanghai_final", "final.summary", "income:other", "amount", "6.20"),  # 6
    ("shanghai_final", "final.summary", "income:total_income", "amount", "2946.25"),  # 6
    ("shanghai_final", "final.summary", "income:use_non_fiscal_balance", "amount", None),  # 7
    ("shanghai_final", "final.summary", "income:opening_balance", "amount", "49.14"),  # 7
    ("shanghai_final", "final.summary", "income:grand_total", "amount", "2995.39"),  # 7
    ("shanghai_final", "final.summary", "expenditure:201", "amount", "2106.66"),  # 6
    ("shanghai_final", "final.summary", "expenditure:202", "amount", None),  # 6
    ("shanghai_final", "final.summary", "expenditure:208", "amount", "326.71"),  # 6 (02/03: 326.72)
    ("shanghai_final", "final.summary", "expenditure:221", "amount", "445.69"),  # 6
    ("shanghai_final", "final.summary", "expenditure:total_expenditure", "amount", "2940.05"),  # 6
    ("shanghai_final", "final.summary", "expenditure:balance_distribution", "amount", None),  # 7
    ("shanghai_final", "final.summary", "expenditure:closing_balance", "amount", "55.34"),  # 7
    ("shanghai_final", "final.summary", "expenditure:grand_total", "amount", "2995.39"),  # 7
    # 收入决算表 (pages 8–9), codes in separate 类/款/项 columns
    ("shanghai_final", "final.income", "key:total", "total", "2946.25"),  # 8
    ("shanghai_final", "final.income", "key:total", "fiscal", "2940.05"),  # 8
    ("shanghai_final", "final.income", "key:total", "higher_subsidy", None),  # 8
    ("shanghai_final", "final.income", "key:total", "other", "6.20"),  # 8
    ("shanghai_final", "final.income", "code:201", "total", "2112.86"),  # 8
    ("shanghai_final", "final.income", "code:20106", "other", "6.20"),  # 8
    ("shanghai_final", "final.income", "code:2010601", "total", "1511.90"),  # 8
    ("shanghai_final", "final.income", "code:2010601", "fiscal", "1511.89"),  # 8
    ("shanghai_final", "final.income", "code:2010607", "other", None),  # 8
    ("shanghai_final", "final.income", "code:2101101", "total", "60.99"),  # 9 continuation
    ("shanghai_final", "final.income", "code:2210203", "fiscal", "258.50"),  # 9, last
    # 支出决算表 (pages 10–11)
    ("shanghai_final", "final.expenditure", "key:total", "total", "2940.05"),  # 10
    ("shanghai_final", "final.expenditure", "key:total", "basic", "2336.91"),  # 10
    ("shanghai_final", "final.expenditure", "key:total", "project", "603.14"),  # 10
    ("shanghai_final", "final.expenditure", "key:total", "to_higher", None),  # 10
    ("shanghai_final", "final.expenditure", "code:201", "project", "603.14"),  # 10
    ("shanghai_final", "final.expenditure", "code:2010601", "project", "8.37"),  # 10
    ("shanghai_final", "final.expenditure", "code:2010602", "basic", None),  # 10
    ("shanghai_final", "final.expenditure", "code:2080599", "basic", "0.94"),  # 11 continuation
    ("shanghai_final", "final.expenditure", "code:2210203", "total", "258.50"),  # 11, last
    # 财政拨款收入支出决算总表 (pages 12–13)
    ("shanghai_final", "final.fiscal_summary", "income:fiscal_general_budget", "amount", "2940.05"),  # 12
    ("shanghai_final", "final.fiscal_summary", "income:fiscal_gov_fund", "amount", None),  # 12
    ("shanghai_final", "final.fiscal_summary", "income:total_income", "amount", "2940.05"),  # 13
    ("shanghai_final", "final.fiscal_summary", "income:opening_balance", "amount", "21.63"),  # 13
    ("shanghai_final", "final.fiscal_summary", "income:opening_balance.general_budget", "amount", "21.63"),  # 13
    ("shanghai_final", "final.fiscal_summary", "income:opening_balance.gov_fund", "amount", None),  # 13
    ("shanghai_final", "final.fiscal_summary", "income:grand_total", "amount", "2961.68"),  # 13
    ("shanghai_final", "final.fiscal_summary", "expenditure:201", "total", "2106.66"),  # 12
    ("shanghai_final", "final.fiscal_summary", "expenditure:201", "gov_fund", None),  # 12
    ("shanghai_final", "final.fiscal_summary", "expenditure:208", "general_budget", "326.71"),  # 12
    ("shanghai_final", "final.fiscal_summary", "expenditure:221", "total", "445.69"),  # 13 continuation
    ("shanghai_final", "final.fiscal_summary", "expenditure:total_expenditure", "general_budget", "2940.05"),  # 13
    ("shanghai_final", "final.fiscal_summary", "expenditure:closing_balance", "total", "21.63"),  # 13
    ("shanghai_final", "final.fiscal_summary", "expenditure:grand_total", "total", "2961.68"),  # 13
    ("shanghai_final", "final.fiscal_summary", "expenditure:grand_total", "state_capital", None),  # 13
    # 一般公共预算财政拨款支出决算表 (page 15): 合计 printed last
    ("shanghai_final", "final.general_budget_expenditure", "key:total", "total", "2940.05"),
    ("shanghai_final", "final.general_budget_expenditure", "key:total", "basic", "2336.91"),
    ("shanghai_final", "final.general_budget_expenditure", "key:total", "project", "603.14"),
    ("shanghai_final", "final.general_budget_expenditure", "code:201", "basic", "1503.52"),
    ("shanghai_final", "final.general_budget_expenditure", "code:20805", "total", "326.72"),
    ("shanghai_final", "final.general_budget_expenditure", "code:2010608", "basic", None),
    ("shanghai_final", "final.general_budget_expenditure", "code:2210203", "total", "258.50"),
    # 一般公共预算财政拨款基本支出决算表 (pages 16–17), two side-by-side groups
    ("shanghai_final", "final.general_budget_basic", "code:301", "amount", "2082.85"),  # 16
    ("shanghai_final", "final.general_budget_basic", "code:30101", "amount", "262.33"),  # 16
    ("shanghai_final", "final.general_budget_basic", "code:30103", "amount", None),  # 16
    ("shanghai_final", "final.general_budget_basic", "code:303", "amount", "69.41"),  # 16
    ("shanghai_final", "final.general_budget_basic", "code:30309", "amount", "0.31"),  # 17 continuation
    ("shanghai_final", "final.general_budget_basic", "code:302", "amount", "171.07"),  # 16
    ("shanghai_final", "final.general_budget_basic", "code:30299", "amount", "11.53"),  # 17
    ("shanghai_final", "final.general_budget_basic", "code:310", "amount", "13.58"),  # 17
    ("shanghai_final", "final.general_budget_basic", "code:31099", "amount", None),  # 17, last
    ("shanghai_final", "final.general_budget_basic", "key:personnel_total", "amount", "2152.26"),  # 17
    ("shanghai_final", "final.general_budget_basic", "key:public_total", "amount", "184.65"),  # 17
    # 财政拨款“三公”经费支出决算表 (page 18): 预算数/决算数 pairs under each item
    ("shanghai_final", "final.three_public", "key:values", "budget_total", "0.95"),
    ("shanghai_final", "final.three_public", "key:values", "final_total", None),
    ("shanghai_final", "final.three_public", "key:values", "budget_abroad", None),
    ("shanghai_final", "final.three_public", "key:values", "budget_vehicle", None),
    ("shanghai_final", "final.three_public", "key:values", "final_vehicle_operation", None),
    ("shanghai_final", "final.three_public", "key:values", "budget_reception", "0.95"),
    ("shanghai_final", "final.three_public", "key:values", "final_reception", None),
    # ==== SHANGHAI 上海交通职业技术学院 2026 unit budget (元) ====
    # 财务收支预算总表 (page 7): expenditure 预算数 合计 column (人员/公用/项目 not canonical)
    ("shanghai_unit", "budget.summary", "income:fiscal", "amount", "304413900"),
    ("shanghai_unit", "budget.summary", "income:fiscal_general_budget", "amount", "304413900"),
    ("shanghai_unit", "budget.summary", "income:fiscal_gov_fund", "amount", None),
    ("shanghai_unit", "budget.summary", "income:business", "amount", "50000000"),
    ("shanghai_unit", "budget.summary", "income:operating", "amount", None),
    ("shanghai_unit", "budget.summary", "income:other", "amount", "54282100"),
    ("shanghai_unit", "budget.summary", "income:grand_total", "amount", "408696000"),
    ("shanghai_unit", "budget.summary", "expenditure:205", "amount", "326658710"),
    ("shanghai_unit", "budget.summary", "expenditure:221", "amount", "17717000"),
    ("shanghai_unit", "budget.summary", "expenditure:grand_total", "amount", "408696000"),
    # 收入预算总表 (pages 8–9): 合计 printed last
    ("shanghai_unit", "budget.income", "key:total", "total", "408696000"),  # 9
    ("shanghai_unit", "budget.income", "key:total", "fiscal", "304413900"),  # 9
    ("shanghai_unit", "budget.income", "key:total", "business", "50000000"),  # 9
    ("shanghai_unit", "budget.income", "key:total", "operating", None),  # 9
    ("shanghai_unit", "budget.income", "key:total", "other", "54282100"),  # 9
    ("shanghai_unit", "budget.income", "code:205", "total", "326658710"),  # 8
    ("shanghai_unit", "budget.income", "code:20503", "business", "42865320"),  # 8
    ("shanghai_unit", "budget.income", "code:2050302", "fiscal", None),  # 8
    ("shanghai_unit", "budget.income", "code:2050302", "other", "9600000"),  # 8
    ("shanghai_unit", "budget.income", "code:2101102", "total", "15502390"),  # 9 continuation
    ("shanghai_unit", "budget.income", "code:2210201", "other", "7382100"),  # 9, last
    # 支出预算总表 (pages 10–11)
    ("shanghai_unit", "budget.expenditure", "key:total", "total", "408696000"),  # 11
    ("shanghai_unit", "budget.expenditure", "key:total", "basic", "336310530"),  # 11
    ("shanghai_unit", "budget.expenditure", "key:total", "project", "72385470"),  # 11
    ("shanghai_unit", "budget.expenditure", "code:205", "basic", "254273240"),  # 10
    ("shanghai_unit", "budget.expenditure", "code:2050302", "basic", None),  # 10
    ("shanghai_unit", "budget.expenditure", "code:2050305", "project", "62785470"),  # 10
    ("shanghai_unit", "budget.expenditure", "code:2101102", "basic", "15502390"),  # 11 continuation
    ("shanghai_unit", "budget.expenditure", "code:2210201", "project", None),  # 11, last
    # 财政拨款收支预算总表 (page 12)
    ("shanghai_unit", "budget.fiscal_summary", "income:fiscal_general_budget", "amount", "304413900"),
    ("shanghai_unit", "budget.fiscal_summary", "income:fiscal_gov_fund", "amount", None),
    ("shanghai_unit", "budget.fiscal_summary", "income:grand_total", "amount", "304413900"),
    ("shanghai_unit", "budget.fiscal_summary", "expenditure:205", "total", "236893390"),
    ("shanghai_unit", "budget.fiscal_summary", "expenditure:205", "gov_fund", None),
    ("shanghai_unit", "budget.fiscal_summary", "expenditure:221", "general_budget", "9131460"),
    ("shanghai_unit", "budget.fiscal_summary", "expenditure:grand_total", "total", "304413900"),
    ("shanghai_unit", "budget.fiscal_summary", "expenditure:grand_total", "state_capital", None),
    # 一般公共预算支出功能分类预算表 (pages 13–14)
    ("shanghai_unit", "budget.general_budget_expenditure", "key:total", "total", "304413900"),  # 14
    ("shanghai_unit", "budget.general_budget_expenditure", "key:total", "basic", "282997600"),  # 14
    ("shanghai_unit", "budget.general_budget_expenditure", "key:total", "project", "21416300"),  # 14
    ("shanghai_unit", "budget.general_budget_expenditure", "code:205", "project", "21416300"),  # 13
    ("shanghai_unit", "budget.general_budget_expenditure", "code:2080502", "project", None),  # 13
    ("shanghai_unit", "budget.general_budget_expenditure", "code:22102", "basic", "9131460"),  # 14
    ("shanghai_unit", "budget.general_budget_expenditure", "code:2210201", "total", "9131460"),  # 14
    # 一般公共预算基本支出部门预算经济分类预算表 (pages 17–19)
    ("shanghai_unit", "budget.general_budget_basic", "key:total", "total", "282997600"),  # 19
    ("shanghai_unit", "budget.general_budget_basic", "key:total", "personnel", "197592536"),  # 19
    ("shanghai_unit", "budget.general_budget_basic", "key:total", "public", "85405064"),  # 19
    ("shanghai_unit", "budget.general_budget_basic", "code:301", "personnel", "186922536"),  # 17
    ("shanghai_unit", "budget.general_budget_basic", "code:301", "public", None),  # 17
    ("shanghai_unit", "budget.general_budget_basic", "code:30101", "total", "29228000"),  # 17
    ("shanghai_unit", "budget.general_budget_basic", "code:30209", "public", "28414100"),  # 18
    ("shanghai_unit", "budget.general_budget_basic", "code:30231", "total", "201000"),  # 18
    ("shanghai_unit", "budget.general_budget_basic", "code:303", "personnel", "10670000"),  # 19
    ("shanghai_unit", "budget.general_budget_basic", "code:31099", "public", "100000"),  # 19, last
    # 单位“三公”经费和机关运行经费预算表 (page 20, 万元): one unnamed row
    ("shanghai_unit", "budget.three_public", "name:", "total", "67.59"),
    ("shanghai_unit", "budget.three_public", "name:", "abroad", "35.00"),
    ("shanghai_unit", "budget.three_public", "name:", "reception", "12.49"),
    ("shanghai_unit", "budget.three_public", "name:", "vehicle", "20.10"),
    ("shanghai_unit", "budget.three_public", "name:", "vehicle_purchase", None),
    ("shanghai_unit", "budget.three_public", "name:", "vehicle_operation", "20.10"),  # 运行费
    ("shanghai_unit", "budget.three_public", "name:", "office_operation", None),
    # ==== FOSHAN 佛山市轨道交通局 2019 final accounts (万元, zeros printed as 0.00) ====
    # 表1 收入支出决算总表 (pages 5–7)
    ("foshan", "final.summary", "income:fiscal_general_budget", "amount", "1668.14"),  # 5
    ("foshan", "final.summary", "income:fiscal_gov_fund", "amount", "0.00"),  # 5
    ("foshan", "final.summary", "income:other", "amount", "0.01"),  # 5
    ("foshan", "final.summary", "income:total_income", "amount", "1668.14"),  # 6
    ("foshan", "final.summary", "income:use_non_fiscal_balance", "amount", "0.00"),  # 7
    ("foshan", "final.summary", "income:opening_balance", "amount", "0.00"),  # 7
    ("foshan", "final.summary", "income:grand_total", "amount", "1668.14"),  # 7
    ("foshan", "final.summary", "expenditure:201", "amount", "0.00"),  # 5
    ("foshan", "final.summary", "expenditure:208", "amount", "76.23"),  # 5
    ("foshan", "final.summary", "expenditure:214", "amount", "1531.04"),  # 6 continuation
    ("foshan", "final.summary", "expenditure:221", "amount", "60.87"),  # 6
    ("foshan", "final.summary", "expenditure:total_expenditure", "amount", "1668.14"),  # 6
    ("foshan", "final.summary", "expenditure:closing_balance", "amount", "0.01"),  # 7
    ("foshan", "final.summary", "expenditure:grand_total", "amount", "1668.14"),  # 7
    # 表2 收入决算表 (pages 8–9)
    ("foshan", "final.income", "key:total", "total", "1668.14"),  # 8
    ("foshan", "final.income", "key:total", "fiscal", "1668.14"),  # 8
    ("foshan", "final.income", "key:total", "higher_subsidy", "0.00"),  # 8
    ("foshan", "final.income", "key:total", "other", "0.01"),  # 8
    ("foshan", "final.income", "code:208", "total", "76.23"),  # 8
    ("foshan", "final.income", "code:2140101", "total", "609.30"),  # 8
    ("foshan", "final.income", "code:2140101", "fiscal", "609.29"),  # 8
    ("foshan", "final.income", "code:2140101", "other", "0.01"),  # 8
    ("foshan", "final.income", "code:2210201", "total", "60.87"),  # 9 continuation, last
    # 表3 支出决算表 (pages 10–11)
    ("foshan", "final.expenditure", "key:total", "total", "1668.14"),  # 10
    ("foshan", "final.expenditure", "key:total", "basic", "746.39"),  # 10
    ("foshan", "final.expenditure", "key:total", "project", "921.75"),  # 10
    ("foshan", "final.expenditure", "key:total", "to_subordinate", "0.00"),  # 10
    ("foshan", "final.expenditure", "code:214", "basic", "609.29"),  # 10
    ("foshan", "final.expenditure", "code:2140102", "project", "905.60"),  # 10
    ("foshan", "final.expenditure", "code:22102", "basic", "60.87"),  # 11 continuation
    ("foshan", "final.expenditure", "code:2210201", "total", "60.87"),  # 11, last
    # 表4 财政拨款收入支出决算总表 (pages 12–14)
    ("foshan", "final.fiscal_summary", "income:fiscal_general_budget", "amount", "1668.14"),  # 12
    ("foshan", "final.fiscal_summary", "income:fiscal_gov_fund", "amount", "0.00"),  # 12
    ("foshan", "final.fiscal_summary", "income:total_income", "amount", "1668.14"),  # 13
    ("foshan", "final.fiscal_summary", "income:opening_balance", "amount", "0.00"),  # 13
    ("foshan", "final.fiscal_summary", "income:opening_balance.gov_fund", "amount", "0.00"),  # 14
    ("foshan", "final.fiscal_summary", "income:grand_total", "amount", "1668.14"),  # 14
    ("foshan", "final.fiscal_summary", "expenditure:208", "general_budget", "76.23"),  # 12
    ("foshan", "final.fiscal_summary", "expenditure:208", "gov_fund", "0.00"),  # 12
    ("foshan", "final.fiscal_summary", "expenditure:214", "total", "1531.04"),  # 13 continuation
    ("foshan", "final.fiscal_summary", "expenditure:total_expenditure", "total", "1668.14"),  # 13
    ("foshan", "final.fiscal_summary", "expenditure:closing_balance", "general_budget", "0.00"),  # 13
    ("foshan", "final.fiscal_summary", "expenditure:grand_total", "total", "1668.14"),  # 14
    ("foshan", "final.fiscal_summary", "expenditure:grand_total", "gov_fund", "0.00"),  # 14
    # 表5 一般公共预算财政拨款支出决算表 (pages 15–16)
    ("foshan", "final.general_budget_expenditure", "key:total", "total", "1668.14"),  # 15
    ("foshan", "final.general_budget_expenditure", "key:total", "basic", "746.39"),  # 15
    ("foshan", "final.general_budget_expenditure", "key:total", "project", "921.75"),  # 15
    ("foshan", "final.general_budget_expenditure", "code:208", "project", "0.00"),  # 15
    ("foshan", "final.general_budget_expenditure", "code:21401", "basic", "609.29"),  # 15
    ("foshan", "final.general_budget_expenditure", "code:2140199", "project", "16.15"),  # 15
    ("foshan", "final.general_budget_expenditure", "code:2210201", "total", "60.87"),  # 16 continuation
    # 表6 一般公共预算财政拨款基本支出决算表 (pages 17–20), 人员经费 | 公用经费 groups
    ("foshan", "final.general_budget_basic", "code:301", "amount", "649.20"),  # 17
    ("foshan", "final.general_budget_basic", "code:30101", "amount", "301.79"),  # 17
    ("foshan", "final.general_budget_basic", "code:30107", "amount", "0.00"),  # 17
    ("foshan", "final.general_budget_basic", "code:302", "amount", "94.65"),  # 17
    ("foshan", "final.general_budget_basic", "code:303", "amount", "0.00"),  # 18
    ("foshan", "final.general_budget_basic", "code:30217", "amount", "0.16"),  # 18
    ("foshan", "final.general_budget_basic", "code:30239", "amount", "16.19"),  # 18
    ("foshan", "final.general_budget_basic", "code:310", "amount", "2.54"),  # 19
    ("foshan", "final.general_budget_basic", "code:31002", "amount", "2.54"),  # 19
    ("foshan", "final.general_budget_basic", "code:39999", "amount", "0.00"),  # 20, last
    ("foshan", "final.general_budget_basic", "key:personnel_total", "amount", "649.20"),  # 20
    ("foshan", "final.general_budget_basic", "key:public_total", "amount", "97.19"),  # 20
    # 表7 “三公”经费支出决算表 (page 21)
    ("foshan", "final.three_public", "key:values", "budget_total", "0.00"),
    ("foshan", "final.three_public", "key:values", "budget_vehicle_operation", "0.00"),
    ("foshan", "final.three_public", "key:values", "final_total", "0.16"),
    ("foshan", "final.three_public", "key:values", "final_abroad", "0.00"),
    ("foshan", "final.three_public", "key:values", "final_vehicle", "0.00"),
    ("foshan", "final.three_public", "key:values", "final_reception", "0.16"),
    # 表8 政府性基金预算财政拨款收入支出决算表 (pages 22–23), all 0.00
    ("foshan", "final.gov_fund", "key:total", "opening", "0.00"),  # 22
    ("foshan", "final.gov_fund", "key:total", "expenditure_total", "0.00"),  # 22
    ("foshan", "final.gov_fund", "key:total", "closing", "0.00"),  # 22
    ("foshan", "final.gov_fund", "code:208", "income", "0.00"),  # 22
    ("foshan", "final.gov_fund", "code:2121100", "expenditure_project", "0.00"),  # 22
    ("foshan", "final.gov_fund", "code:2296003", "closing", "0.00"),  # 23 continuation, last
]


@pytest.mark.parametrize("doc, table_id, locator, column, expected", CELLS)
def test_cell(doc, table_id, locator, column, expected):
    assert_printed(value(load_disclosure(DOCS[doc]), table_id, column, locator), expected)


# -- a 合计 row reprinted at the top of each continuation page is one row, not one per page ------


@pytest.mark.parametrize(
    "table_id", ["final.income", "final.expenditure", "final.general_budget_expenditure", "final.gov_fund"]
)
def test_repeated_total_read_once(table_id):
    t = table(load_disclosure(DOCS["foshan"]), table_id)
    assert len([r for r in t.rows if r.key == "total"]) == 1
