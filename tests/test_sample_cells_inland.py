"""Cells of every standard table in inland 2026 budget PDFs (苏州, 长沙, 泉州, 长春, 西安), read in place.

Every expected value was read off the rendered page (pdftoppm); the comment gives the PDF page.
Expected values are what the page prints: a cell printed blank is None, a printed 0.00 is 0.00.
"""

from __future__ import annotations

import pytest

from conftest import SHARED, assert_printed, load_disclosure, table, value

RENWU = SHARED / "samples" / "renwu"
DOCS = {
    "suzhou": RENWU / "006_苏州/2026年苏州市交通运输局部门预算.pdf",
    "changsha": RENWU / "015_长沙/2026年长沙市信访局部门预算.pdf",
    "quanzhou": RENWU / "021_泉州/2026年泉州市人民政府办公室部门预算.pdf",
    "changchun": RENWU / "040_长春/2026年长春市信访局部门预算.pdf",
    "xian": RENWU / "020_西安/2026年西安市人民政府办公厅部门预算.pdf",
    "xian_health": RENWU / "020_西安/卫生健康委员会_2026年部门预算.pdf",  # a 2022 决算
    "wuhan": RENWU / "009_武汉/2026年武汉市信访局部门预算.pdf",
}


def doc(name: str):
    return load_disclosure(DOCS[name])


# -- the tables each document prints ------------------------------------------------------

TABLES = {
    # contents (page 2) lists 一–十三; each table page prints 公开01表 … 公开13表 (pages 8–26)
    "suzhou": [
        ("01", "budget.summary"),
        ("02", "budget.income"),
        ("03", "budget.expenditure"),  # 支出总表, pages 10–11
        ("04", "budget.fiscal_summary"),
        ("05", "budget.fiscal_expenditure"),
        ("06", "budget.fiscal_basic"),
        ("07", "budget.general_budget_expenditure"),
        ("08", "budget.general_budget_basic"),
        ("09", "budget.three_public"),
        ("10", "budget.gov_fund"),  # 公开 10 表, page 23 (empty)
        ("11", "budget.state_capital"),  # 公开 11 表, page 24 (empty)
        ("12", "budget.office_operation"),
        ("13", "budget.procurement"),
    ],
    # contents (page 2) lists 1–10; the table pages (12–32) print no number
    "changsha": [
        (None, "budget.summary"),
        (None, "budget.income"),
        (None, "budget.expenditure"),
        (None, "budget.fiscal_summary"),
        (None, "budget.general_budget_expenditure"),
        (None, "budget.general_budget_basic"),
        (None, "budget.three_public"),
        (None, "budget.gov_fund"),
        (None, "performance.target_project"),
        (None, "performance.target_department"),
    ],
    # contents (page 2) lists 一–十 (pages 13–22, no numbers printed); 八 一般公共预算支出经济分类情况表
    # is page 20. Pages 29–36 print eight separately titled
    # project target tables (each its own 资金总额), page 37 the 部门整体 table.
    "quanzhou": [
        (None, "budget.summary"),
        (None, "budget.income"),
        (None, "budget.expenditure"),
        (None, "budget.fiscal_summary"),
        (None, "budget.general_budget_expenditure"),
        (None, "budget.gov_fund"),
        (None, "budget.state_capital"),
        (None, "budget.general_budget_economic"),
        (None, "budget.general_budget_basic"),
        (None, "budget.three_public"),
        *[(None, "performance.target_project")] * 8,
        (None, "performance.target_department"),
    ],
    # contents (page 2) lists 一–十一; each title prints its number: 收支总表（预算表 1）… （预算表 11）
    "changchun": [
        ("01", "budget.summary"),
        ("02", "budget.income"),
        ("03", "budget.expenditure"),  # 支出总表（预算表 3）, page 8
        ("04", "budget.fiscal_summary"),
        ("05", "budget.general_budget_expenditure"),
        ("06", "budget.general_budget_basic"),
        ("07", "budget.three_public"),
        ("08", "budget.gov_fund"),  # page 13, empty
        ("09", "budget.project_summary"),  # 项目支出表（预算表 9）, page 14
        ("10", "budget.state_capital"),  # 国有资本经营预算支出明细表（预算表 10）, page 15, empty
        ("11", "performance.target_project"),
    ],
    # 报表目录 p.19: 表1–表16 printed as "表N" above each title (pp.20–44), amounts in 元; 表11
    # 财政拨款上年结转资金支出表 p.31 has no standard definition; 表14-1…14-9 one project each
    "xian": [
        ("01", "budget.summary"),  # p20, 支出 by 功能分类, 部门经济分类 and 政府经济分类 side by side
        ("02", "budget.income"),
        ("03", "budget.expenditure"),
        ("04", "budget.fiscal_summary"),  # p23, the same three breakdowns
        ("05", "budget.general_budget_expenditure"),  # p24 …支出明细表（按支出功能分类科目）
        ("06", "budget.general_budget_economic"),  # pp25–26 …（按支出经济分类科目）
        ("07", "budget.general_budget_basic_function"),  # p27 基本支出明细表（按支出功能分类科目）
        ("08", "budget.general_budget_basic"),  # p28 基本支出明细表（按支出经济分类科目）
        ("09", "budget.gov_fund"),  # p29 政府性基金收支表 (empty)
        ("10", "budget.project_summary"),  # p30 专项业务经费支出表: the projects, 合计 = 项目支出
        ("12", "budget.procurement"),  # p32
        ("13", "budget.three_public"),  # p33 上年 | 当年 | 增减变化情况
        *[(None, "performance.target_project")] * 9,
        ("15", "performance.target_department"),
    ],
}


@pytest.mark.parametrize("name", list(TABLES))
def test_recognized_tables(name):
    assert [(t.number, t.id) for t in doc(name).tables] == TABLES[name]


# -- cells ----------------------------------------------------------------------------------
# (document, table, row locator, column, amount as printed; None = printed blank)

CELLS = [
    # ==== 苏州市交通运输局 ====
    # 公开01表 收支总表
    ("suzhou", "budget.summary", "income:fiscal_general_budget", "amount", "242360.10"),  # p8
    ("suzhou", "budget.summary", "income:fiscal_gov_fund", "amount", None),  # p8
    ("suzhou", "budget.summary", "income:other", "amount", "7617.01"),  # p8
    ("suzhou", "budget.summary", "income:total_income", "amount", "249977.11"),  # p8
    ("suzhou", "budget.summary", "income:grand_total", "amount", "249977.11"),  # p8 收入总计
    ("suzhou", "budget.summary", "expenditure:201", "amount", None),  # p8
    ("suzhou", "budget.summary", "expenditure:208", "amount", "3061.29"),  # p8
    ("suzhou", "budget.summary", "expenditure:214", "amount", "237947.90"),  # p8
    ("suzhou", "budget.summary", "expenditure:closing_balance", "amount", None),  # p8 年终结转结余
    ("suzhou", "budget.summary", "expenditure:grand_total", "amount", "249977.11"),  # p8
    # 公开02表 收入总表 (rows are units, by 部门代码)
    ("suzhou", "budget.income", "key:total", "total", "249977.11"),  # p9
    ("suzhou", "budget.income", "key:total", "other", "7617.01"),  # p9
    ("suzhou", "budget.income", "key:total", "business", None),  # p9
    ("suzhou", "budget.income", "key:total", "current_total", "249977.11"),  # p9 本年收入 小计
    ("suzhou", "budget.income", "key:total", "general_budget", "242360.10"),  # p9 本年收入 一般公共预算
    ("suzhou", "budget.income", "key:total", "gov_fund", None),  # p9
    ("suzhou", "budget.income", "key:total", "opening_balance", None),  # p9 上年结转结余 小计
    ("suzhou", "budget.income", "name:苏州市铁路与航空事业发展中心", "total", "747.05"),  # p9, code 123008
    # 公开03表 支出总表
    ("suzhou", "budget.expenditure", "key:total", "total", "249977.11"),  # p10
    ("suzhou", "budget.expenditure", "key:total", "basic", "29606.33"),  # p10
    ("suzhou", "budget.expenditure", "key:total", "project", "220370.78"),  # p10
    ("suzhou", "budget.expenditure", "code:2140104", "basic", None),  # p10 公路建设
    ("suzhou", "budget.expenditure", "code:2140104", "project", "4397.01"),  # p10
    ("suzhou", "budget.expenditure", "code:2210203", "total", "3414.62"),  # p11 (continuation)
    # 公开04表 财政拨款收支总表
    ("suzhou", "budget.fiscal_summary", "income:total_income", "amount", "242360.10"),  # p12 一、本年收入
    ("suzhou", "budget.fiscal_summary", "income:fiscal_general_budget", "amount", "242360.10"),  # p12
    ("suzhou", "budget.fiscal_summary", "income:fiscal_state_capital", "amount", None),  # p12
    ("suzhou", "budget.fiscal_summary", "income:grand_total", "amount", "242360.10"),  # p13
    ("suzhou", "budget.fiscal_summary", "expenditure:total_expenditure", "amount", "242360.10"),  # p12
    ("suzhou", "budget.fiscal_summary", "expenditure:214", "amount", "230330.89"),  # p12
    ("suzhou", "budget.fiscal_summary", "expenditure:221", "amount", "8967.92"),  # p13 (continuation)
    ("suzhou", "budget.fiscal_summary", "expenditure:closing_balance", "amount", None),  # p13 年终结转结余
    ("suzhou", "budget.fiscal_summary", "expenditure:grand_total", "amount", "242360.10"),  # p13
    # 公开05表 财政拨款支出表（功能科目）
    ("suzhou", "budget.fiscal_expenditure", "key:total", "total", "242360.10"),  # p14
    ("suzhou", "budget.fiscal_expenditure", "key:total", "basic", "29606.33"),  # p14 基本支出 小计
    ("suzhou", "budget.fiscal_expenditure", "key:total", "project", "212753.77"),  # p14
    ("suzhou", "budget.fiscal_expenditure", "code:208", "project", None),  # p14
    ("suzhou", "budget.fiscal_expenditure", "code:21401", "total", "37461.79"),  # p14
    ("suzhou", "budget.fiscal_expenditure", "code:2080501", "basic", "155.66"),  # p14
    ("suzhou", "budget.fiscal_expenditure", "code:2149901", "project", "186525.21"),  # p15
    ("suzhou", "budget.fiscal_expenditure", "code:2210203", "total", "3414.62"),  # p15
    # 公开06表 财政拨款基本支出表（经济科目）
    ("suzhou", "budget.fiscal_basic", "key:total", "total", "29606.33"),  # p16
    ("suzhou", "budget.fiscal_basic", "key:total", "personnel", "26143.66"),  # p16
    ("suzhou", "budget.fiscal_basic", "key:total", "public", "3462.67"),  # p16
    ("suzhou", "budget.fiscal_basic", "code:301", "public", None),  # p16
    ("suzhou", "budget.fiscal_basic", "code:30101", "personnel", "3389.57"),  # p16
    ("suzhou", "budget.fiscal_basic", "code:30299", "public", "1407.36"),  # p17
    ("suzhou", "budget.fiscal_basic", "code:30399", "total", "40.84"),  # p17
    # 公开07表 一般公共预算支出表
    ("suzhou", "budget.general_budget_expenditure", "key:total", "total", "242360.10"),  # p18
    ("suzhou", "budget.general_budget_expenditure", "key:total", "basic", "29606.33"),  # p18
    ("suzhou", "budget.general_budget_expenditure", "key:total", "project", "212753.77"),  # p18
    ("suzhou", "budget.general_budget_expenditure", "code:2140101", "basic", "2729.18"),  # p18
    ("suzhou", "budget.general_budget_expenditure", "code:2140101", "project", None),  # p18
    ("suzhou", "budget.general_budget_expenditure", "code:2149999", "project", "5997.60"),  # p19
    ("suzhou", "budget.general_budget_expenditure", "code:2210203", "basic", "3414.62"),  # p19
    # 公开08表 一般公共预算基本支出表
    ("suzhou", "budget.general_budget_basic", "key:total", "total", "29606.33"),  # p20
    ("suzhou", "budget.general_budget_basic", "key:total", "personnel", "26143.66"),  # p20
    ("suzhou", "budget.general_budget_basic", "key:total", "public", "3462.67"),  # p20
    ("suzhou", "budget.general_budget_basic", "code:302", "personnel", None),  # p20
    ("suzhou", "budget.general_budget_basic", "code:30231", "total", "144.15"),  # p20
    ("suzhou", "budget.general_budget_basic", "code:303", "personnel", "2413.72"),  # p21
    ("suzhou", "budget.general_budget_basic", "code:30399", "total", "40.84"),  # p21
    # 公开09表 三公、会议费、培训费 (one unnamed row)
    ("suzhou", "budget.three_public", "name:", "three_public", "345.63"),  # p22 “三公”经费合计
    ("suzhou", "budget.three_public", "name:", "abroad", "0.00"),  # p22
    ("suzhou", "budget.three_public", "name:", "vehicle", "299.12"),  # p22
    ("suzhou", "budget.three_public", "name:", "vehicle_purchase", "154.97"),  # p22
    ("suzhou", "budget.three_public", "name:", "vehicle_operation", "144.15"),  # p22
    ("suzhou", "budget.three_public", "name:", "reception", "46.51"),  # p22
    ("suzhou", "budget.three_public", "name:", "meeting", "45.12"),  # p22
    ("suzhou", "budget.three_public", "name:", "training", "305.79"),  # p22
    # ==== 长沙市信访局 ====
    # 部门收支总体情况表
    ("changsha", "budget.summary", "income:fiscal", "amount", "1935.36"),  # p12
    ("changsha", "budget.summary", "income:special_account_business", "amount", None),  # p12
    ("changsha", "budget.summary", "income:total_income", "amount", "1935.36"),  # p12
    ("changsha", "budget.summary", "income:opening_balance", "amount", None),  # p12 七、上年结转
    ("changsha", "budget.summary", "income:grand_total", "amount", "1935.36"),  # p12
    ("changsha", "budget.summary", "expenditure:basic", "amount", "1517.95"),  # p12
    ("changsha", "budget.summary", "expenditure:project", "amount", "417.41"),  # p12
    ("changsha", "budget.summary", "expenditure:total_expenditure", "amount", "1935.36"),  # p12
    ("changsha", "budget.summary", "expenditure:closing_balance", "amount", None),  # p12 七、结转下年
    ("changsha", "budget.summary", "expenditure:grand_total", "amount", "1935.36"),  # p12
    # 部门收入总体情况表 (split 类/款/项 columns)
    ("changsha", "budget.income", "key:total", "total", "1935.36"),  # p13
    ("changsha", "budget.income", "key:total", "fiscal", "1935.36"),  # p13 本级财政拨款 金额
    ("changsha", "budget.income", "key:total", "other", None),  # p13
    ("changsha", "budget.income", "code:201", "total", "1935.36"),  # p13
    ("changsha", "budget.income", "code:20140", "fiscal", "1935.36"),  # p13
    ("changsha", "budget.income", "code:2014001", "total", "1517.95"),  # p13
    ("changsha", "budget.income", "code:2014004", "fiscal_operating_appropriation", "417.41"),  # p13
    # 部门支出总体情况表
    ("changsha", "budget.expenditure", "key:total", "total", "1935.36"),  # p14
    ("changsha", "budget.expenditure", "key:total", "basic", "1517.95"),  # p14
    ("changsha", "budget.expenditure", "key:total", "project", "417.41"),  # p14
    ("changsha", "budget.expenditure", "key:total", "operating", None),  # p14
    ("changsha", "budget.expenditure", "code:201", "total", "1935.36"),  # p14
    ("changsha", "budget.expenditure", "code:20140", "basic", "1517.95"),  # p14
    ("changsha", "budget.expenditure", "code:2014001", "project", None),  # p14
    ("changsha", "budget.expenditure", "code:2014004", "project", "417.41"),  # p14
    # 财政拨款收支总体情况表 (expenditure side by fund)
    ("changsha", "budget.fiscal_summary", "income:total_income", "amount", "1935.36"),  # p15
    ("changsha", "budget.fiscal_summary", "income:fiscal_general_budget", "amount", "1935.36"),  # p15
    ("changsha", "budget.fiscal_summary", "income:fiscal_gov_fund", "amount", None),  # p15
    ("changsha", "budget.fiscal_summary", "income:grand_total", "amount", "1935.36"),  # p16
    ("changsha", "budget.fiscal_summary", "expenditure:total_expenditure", "total", "1935.36"),  # p15
    ("changsha", "budget.fiscal_summary", "expenditure:total_expenditure", "gov_fund", None),  # p15
    ("changsha", "budget.fiscal_summary", "expenditure:201", "general_budget", "1935.36"),  # p15
    ("changsha", "budget.fiscal_summary", "expenditure:208", "total", None),  # p15
    ("changsha", "budget.fiscal_summary", "expenditure:229", "total", None),  # p16 22、其他支出
    ("changsha", "budget.fiscal_summary", "expenditure:grand_total", "general_budget", "1935.36"),  # p16
    # 一般公共预算支出情况表
    ("changsha", "budget.general_budget_expenditure", "key:total", "total", "1935.36"),  # p17
    ("changsha", "budget.general_budget_expenditure", "key:total", "basic", "1517.95"),  # p17
    ("changsha", "budget.general_budget_expenditure", "key:total", "project", "417.41"),  # p17
    ("changsha", "budget.general_budget_expenditure", "code:201", "total", "1935.36"),  # p17
    ("changsha", "budget.general_budget_expenditure", "code:20140", "project", "417.41"),  # p17
    ("changsha", "budget.general_budget_expenditure", "code:2014001", "project", None),  # p17
    ("changsha", "budget.general_budget_expenditure", "code:2014004", "total", "417.41"),  # p17
    # 一般公共预算基本支出情况表 (人员类 / 公用经费)
    ("changsha", "budget.general_budget_basic", "key:total", "total", "1517.95"),  # p18
    ("changsha", "budget.general_budget_basic", "key:total", "personnel", "1394.97"),  # p18
    ("changsha", "budget.general_budget_basic", "key:total", "public", "122.98"),  # p18
    ("changsha", "budget.general_budget_basic", "code:301", "public", None),  # p18
    ("changsha", "budget.general_budget_basic", "code:30101", "personnel", "225.08"),  # p18
    ("changsha", "budget.general_budget_basic", "code:302", "personnel", "48.80"),  # p18
    ("changsha", "budget.general_budget_basic", "code:30228", "personnel", "10.92"),  # p19
    ("changsha", "budget.general_budget_basic", "code:30399", "total", "9.30"),  # p19
    # 一般公共预算“三公”经费支出情况表 (rows by unit)
    ("changsha", "budget.three_public", "key:total", "total", "8.00"),  # p20 小计
    ("changsha", "budget.three_public", "key:total", "reception", "3.00"),  # p20
    ("changsha", "budget.three_public", "key:total", "abroad", None),  # p20
    ("changsha", "budget.three_public", "key:total", "vehicle", "5.00"),  # p20
    ("changsha", "budget.three_public", "key:total", "vehicle_purchase", None),  # p20
    ("changsha", "budget.three_public", "key:total", "vehicle_operation", "5.00"),  # p20
    ("changsha", "budget.three_public", "name:长沙市信访局", "total", "8.00"),  # p20
    # ==== 泉州市人民政府办公室 (blank amounts are printed as 0.00) ====
    # 收支预算总表
    ("quanzhou", "budget.summary", "income:fiscal_general_budget", "amount", "10984.81"),  # p13
    ("quanzhou", "budget.summary", "income:fiscal_gov_fund", "amount", "0.00"),  # p13
    ("quanzhou", "budget.summary", "income:other", "amount", "4200.00"),  # p13
    ("quanzhou", "budget.summary", "income:total_income", "amount", "15184.81"),  # p13 本年收入合计
    ("quanzhou", "budget.summary", "income:opening_balance", "amount", "0.00"),  # p13 上年结转结余
    ("quanzhou", "budget.summary", "income:grand_total", "amount", "15184.81"),  # p13 bottom 收入合计
    ("quanzhou", "budget.summary", "expenditure:201", "amount", "13215.69"),  # p13
    ("quanzhou", "budget.summary", "expenditure:221", "amount", "696.98"),  # p13
    ("quanzhou", "budget.summary", "expenditure:233", "amount", "0.00"),  # p13 二十六、债务发行费用支出
    ("quanzhou", "budget.summary", "expenditure:total_expenditure", "amount", "15184.81"),  # p13
    ("quanzhou", "budget.summary", "expenditure:closing_balance", "amount", "0.00"),  # p13 结转下年支出
    ("quanzhou", "budget.summary", "expenditure:grand_total", "amount", "15184.81"),  # p13 bottom 支出合计
    # 收入预算总表 (rows are units, no codes)
    ("quanzhou", "budget.income", "key:total", "total", "15184.81"),  # p14
    ("quanzhou", "budget.income", "key:total", "other", "4200.00"),  # p14
    ("quanzhou", "budget.income", "key:total", "business", "0.00"),  # p14
    ("quanzhou", "budget.income", "key:total", "general_budget", "10984.81"),  # p14 一般公共预算拨款收入
    ("quanzhou", "budget.income", "key:total", "subordinate", "0.00"),  # p14 附属单位上缴收入
    ("quanzhou", "budget.income", "key:total", "opening_balance", "0.00"),  # p14 上年结转结余
    ("quanzhou", "budget.income", "name:泉州市12345政务服务便民热线中心", "total", "1182.04"),  # p14
    ("quanzhou", "budget.income", "name:泉州市机关事务服务中心", "total", "7488.22"),  # p14
    ("quanzhou", "budget.income", "name:泉州市机关事务服务中心", "other", "4200.00"),  # p14
    ("quanzhou", "budget.income", "name:泉州市机关事务服务中心", "general_budget", "3288.22"),  # p14
    # 支出预算总表 (项 rows only)
    ("quanzhou", "budget.expenditure", "key:total", "total", "15184.81"),  # p15
    ("quanzhou", "budget.expenditure", "key:total", "basic", "5915.38"),  # p15
    ("quanzhou", "budget.expenditure", "key:total", "project", "9269.43"),  # p15
    ("quanzhou", "budget.expenditure", "key:total", "to_higher", "0.00"),  # p15
    ("quanzhou", "budget.expenditure", "code:2010301", "basic", "3452.35"),  # p15
    ("quanzhou", "budget.expenditure", "code:2010399", "project", "8142.61"),  # p15
    ("quanzhou", "budget.expenditure", "code:2210203", "total", "12.63"),  # p15
    # 财政拨款收支预算总表 (one 收入合计 / 支出合计 row each side)
    ("quanzhou", "budget.fiscal_summary", "income:fiscal_general_budget", "amount", "10984.81"),  # p16
    ("quanzhou", "budget.fiscal_summary", "income:fiscal_state_capital", "amount", "0.00"),  # p16
    ("quanzhou", "budget.fiscal_summary", "income:total_income", "amount", "10984.81"),  # p16
    ("quanzhou", "budget.fiscal_summary", "expenditure:201", "amount", "9015.69"),  # p16
    ("quanzhou", "budget.fiscal_summary", "expenditure:202", "amount", "0.00"),  # p16
    ("quanzhou", "budget.fiscal_summary", "expenditure:208", "amount", "1095.52"),  # p16
    ("quanzhou", "budget.fiscal_summary", "expenditure:total_expenditure", "amount", "10984.81"),  # p16
    # 一般公共预算拨款支出预算表
    ("quanzhou", "budget.general_budget_expenditure", "key:total", "total", "10984.81"),  # p17
    ("quanzhou", "budget.general_budget_expenditure", "key:total", "basic", "5915.38"),  # p17
    ("quanzhou", "budget.general_budget_expenditure", "key:total", "project", "5069.43"),  # p17
    ("quanzhou", "budget.general_budget_expenditure", "code:2010301", "project", "0.00"),  # p17
    ("quanzhou", "budget.general_budget_expenditure", "code:2010399", "total", "3942.61"),  # p17
    ("quanzhou", "budget.general_budget_expenditure", "code:2210203", "basic", "12.63"),  # p17
    # 政府性基金 / 国有资本经营预算拨款支出预算表: only a 合计 row of 0.00
    ("quanzhou", "budget.gov_fund", "key:total", "total", "0.00"),  # p18
    ("quanzhou", "budget.gov_fund", "key:total", "basic", "0.00"),  # p18
    ("quanzhou", "budget.state_capital", "key:total", "total", "0.00"),  # p19
    ("quanzhou", "budget.state_capital", "key:total", "project", "0.00"),  # p19
    # 一般公共预算支出经济分类情况表: one 预算数 column, 类 rows only
    ("quanzhou", "budget.general_budget_economic", "key:total", "total", "10984.81"),  # p20
    ("quanzhou", "budget.general_budget_economic", "code:302", "total", "5474.56"),  # p20
    ("quanzhou", "budget.general_budget_economic", "code:399", "total", "0.00"),  # p20 last row
    # 一般公共预算基本支出经济分类情况表: one 预算数 column
    ("quanzhou", "budget.general_budget_basic", "key:total", "total", "5915.38"),  # p21
    ("quanzhou", "budget.general_budget_basic", "code:301", "total", "4407.07"),  # p21
    ("quanzhou", "budget.general_budget_basic", "code:30101", "total", "1027.39"),  # p21
    ("quanzhou", "budget.general_budget_basic", "code:302", "total", "832.69"),  # p21
    ("quanzhou", "budget.general_budget_basic", "code:31002", "total", "2.00"),  # p21 last row
    # 一般公共预算“三公”经费支出预算表: printed transposed (items as rows under one 预算数
    # column); read as the one 合计 row of the standard columns
    ("quanzhou", "budget.three_public", "key:total", "total", "312.75"),  # p22 合计
    ("quanzhou", "budget.three_public", "key:total", "abroad", "0.00"),  # p22
    ("quanzhou", "budget.three_public", "key:total", "reception", "18.85"),  # p22
    ("quanzhou", "budget.three_public", "key:total", "vehicle", "293.90"),  # p22
    ("quanzhou", "budget.three_public", "key:total", "vehicle_purchase", "261.90"),  # p22
    ("quanzhou", "budget.three_public", "key:total", "vehicle_operation", "32.00"),  # p22
    # ==== 长春市信访局 (amounts under 本年预算 / 合计; 上年结转 columns are all 0.00) ====
    # 收支总表（预算表 1）
    ("changchun", "budget.summary", "income:fiscal", "amount", "1682.76"),  # p6 一、财政拨款收入
    ("changchun", "budget.summary", "income:fiscal_general_budget", "amount", "1682.76"),  # p6
    ("changchun", "budget.summary", "income:fiscal_gov_fund", "amount", "0.00"),  # p6
    ("changchun", "budget.summary", "income:unit_funds", "amount", "0.00"),  # p6 三、单位资金收入
    ("changchun", "budget.summary", "income:total_income", "amount", "1682.76"),  # p6
    ("changchun", "budget.summary", "income:grand_total", "amount", "1682.76"),  # p6
    ("changchun", "budget.summary", "expenditure:201", "amount", "1378.41"),  # p6
    ("changchun", "budget.summary", "expenditure:221", "amount", "93.27"),  # p6
    ("changchun", "budget.summary", "expenditure:total_expenditure", "amount", "1682.76"),  # p6
    ("changchun", "budget.summary", "expenditure:closing_balance", "amount", "0.00"),  # p6 结转下年支出
    ("changchun", "budget.summary", "expenditure:grand_total", "amount", "1682.76"),  # p6
    # 收入总表(预算表 2): one unit row (105001), no 合计 row
    ("changchun", "budget.income", "name:长春市信访局", "total", "1682.76"),  # p7
    ("changchun", "budget.income", "name:长春市信访局", "other", "0.00"),  # p7
    ("changchun", "budget.income", "name:长春市信访局", "current_total", "1682.76"),  # p7 编制预算 小计
    ("changchun", "budget.income", "name:长春市信访局", "general_budget", "1682.76"),  # p7 编制预算 一般公共预算
    ("changchun", "budget.income", "name:长春市信访局", "opening_balance", "0.00"),  # p7 上年结转 小计
    # 支出总表（预算表 3）
    ("changchun", "budget.expenditure", "key:total", "total", "1682.76"),  # p8 总计
    ("changchun", "budget.expenditure", "key:total", "basic", "1208.20"),  # p8 printed 1208.2
    ("changchun", "budget.expenditure", "key:total", "project", "474.56"),  # p8
    ("changchun", "budget.expenditure", "code:201", "total", "1378.41"),  # p8
    ("changchun", "budget.expenditure", "code:2014002", "basic", "0.00"),  # p8
    ("changchun", "budget.expenditure", "code:2014002", "project", "458.00"),  # p8
    ("changchun", "budget.expenditure", "code:2210201", "total", "93.27"),  # p8 last row
    # 财政拨款收支总表(预算表 4)
    ("changchun", "budget.fiscal_summary", "income:total_income", "amount", "1682.76"),  # p9
    ("changchun", "budget.fiscal_summary", "income:fiscal_general_budget", "amount", "1682.76"),  # p9
    ("changchun", "budget.fiscal_summary", "income:fiscal_state_capital", "amount", "0.00"),  # p9
    ("changchun", "budget.fiscal_summary", "income:grand_total", "amount", "1682.76"),  # p9
    ("changchun", "budget.fiscal_summary", "expenditure:total_expenditure", "amount", "1682.76"),  # p9
    ("changchun", "budget.fiscal_summary", "expenditure:208", "amount", "178.42"),  # p9
    ("changchun", "budget.fiscal_summary", "expenditure:closing_balance", "amount", None),  # p9 blank
    ("changchun", "budget.fiscal_summary", "expenditure:grand_total", "amount", "1682.76"),  # p9
    # 本年一般公共预算支出表（预算表 5）: narrow cells wrap "1682.7|6", "1208.2|0", "1378.4|1"
    ("changchun", "budget.general_budget_expenditure", "key:total", "total", "1682.76"),  # p10
    ("changchun", "budget.general_budget_expenditure", "key:total", "basic", "1208.20"),  # p10
    ("changchun", "budget.general_budget_expenditure", "key:total", "project", "474.56"),  # p10
    ("changchun", "budget.general_budget_expenditure", "code:201", "total", "1378.41"),  # p10
    ("changchun", "budget.general_budget_expenditure", "code:2014001", "basic", "903.85"),  # p10
    ("changchun", "budget.general_budget_expenditure", "code:2014002", "project", "458.00"),  # p10
    ("changchun", "budget.general_budget_expenditure", "code:2210201", "total", "93.27"),  # p10
    # 本年一般公共预算基本支出表(预算表 6)
    ("changchun", "budget.general_budget_basic", "key:total", "total", "1208.20"),  # p11
    ("changchun", "budget.general_budget_basic", "key:total", "personnel", "997.20"),  # p11
    ("changchun", "budget.general_budget_basic", "key:total", "public", "211.00"),  # p11
    ("changchun", "budget.general_budget_basic", "code:301", "public", "0.00"),  # p11
    ("changchun", "budget.general_budget_basic", "code:30101", "personnel", "297.50"),  # p11
    ("changchun", "budget.general_budget_basic", "code:30299", "public", "12.59"),  # p11
    ("changchun", "budget.general_budget_basic", "code:30307", "total", "7.10"),  # p11 last row
    # 本年一般公共预算“三公”经费支出表(预算表 7): one unnamed row
    ("changchun", "budget.three_public", "name:", "total", "7.61"),  # p12 “三公”经费合计
    ("changchun", "budget.three_public", "name:", "three_public", "7.61"),  # p12 当年预算 小计
    ("changchun", "budget.three_public", "name:", "abroad", "0.00"),  # p12
    ("changchun", "budget.three_public", "name:", "vehicle", "6.75"),  # p12
    ("changchun", "budget.three_public", "name:", "vehicle_purchase", "0.00"),  # p12
    ("changchun", "budget.three_public", "name:", "vehicle_operation", "6.75"),  # p12
    ("changchun", "budget.three_public", "name:", "reception", "0.86"),  # p12
    # ==== 西安市人民政府办公厅 (元) ====
    # 表1 部门综合预算收支总表: 收入 | 支出 by 功能分类 | by 部门预算经济分类 | by 政府预算经济分类
    ("xian", "budget.summary", "income:fiscal", "amount", "92165133.99"),  # p20 1、财政拨款
    ("xian", "budget.summary", "income:fiscal_general_budget", "amount", "92165133.99"),  # p20
    ("xian", "budget.summary", "income:fiscal_gov_fund", "amount", None),  # p20 (2)政府性基金拨款
    ("xian", "budget.summary", "income:total_income", "amount", "92165133.99"),  # p20
    ("xian", "budget.summary", "income:grand_total", "amount", "92165133.99"),  # p20 收入总计
    ("xian", "budget.summary", "expenditure:201", "amount", "72302752.62"),  # p20
    ("xian", "budget.summary", "expenditure:202", "amount", None),  # p20 2、外交支出
    ("xian", "budget.summary", "expenditure:221", "amount", "7343316.06"),  # p20 20、住房保障支出
    ("xian", "budget.summary", "expenditure:basic", "amount", "64662533.99"),  # p20 1、人员经费和公用经费支出
    ("xian", "budget.summary", "expenditure:project", "amount", "27502600.00"),  # p20 2、专项业务经费支出
    ("xian", "budget.summary", "expenditure:total_expenditure", "amount", "92165133.99"),  # p20
    ("xian", "budget.summary", "expenditure:grand_total", "amount", "92165133.99"),  # p20 支出总计
    # 表4 部门综合预算财政拨款收支总表
    ("xian", "budget.fiscal_summary", "income:fiscal", "amount", "92165133.99"),  # p23 一、财政拨款
    ("xian", "budget.fiscal_summary", "income:fiscal_general_budget", "amount", "92165133.99"),  # p23
    ("xian", "budget.fiscal_summary", "income:total_income", "amount", "92165133.99"),  # p23
    ("xian", "budget.fiscal_summary", "expenditure:208", "amount", "8991664.59"),  # p23
    ("xian", "budget.fiscal_summary", "expenditure:basic", "amount", "64662533.99"),  # p23
    ("xian", "budget.fiscal_summary", "expenditure:closing_balance", "amount", None),  # p23 结转下年
    ("xian", "budget.fiscal_summary", "expenditure:grand_total", "amount", "92165133.99"),  # p23
    # 表5 一般公共预算支出明细表（按支出功能分类科目）: 合计 | 人员经费支出 | 公用经费支出 | 专项业务经费支出
    ("xian", "budget.general_budget_expenditure", "key:total", "total", "92165133.99"),  # p24
    ("xian", "budget.general_budget_expenditure", "key:total", "personnel", "60272768.69"),  # p24
    ("xian", "budget.general_budget_expenditure", "key:total", "public", "4389765.30"),  # p24
    ("xian", "budget.general_budget_expenditure", "key:total", "project", "27502600.00"),  # p24
    ("xian", "budget.general_budget_expenditure", "code:2010301", "personnel", "39886274.44"),  # p24
    ("xian", "budget.general_budget_expenditure", "code:2010301", "project", None),  # p24
    ("xian", "budget.general_budget_expenditure", "code:2010302", "project", "13102600.00"),  # p24
    ("xian", "budget.general_budget_expenditure", "code:2050803", "public", "30000.00"),  # p24
    # 表6 一般公共预算支出明细表（按支出经济分类科目）: 部门经济科目 code | name | 政府经济科目 code | name | …
    ("xian", "budget.general_budget_economic", "key:total", "total", "92165133.99"),  # p25
    ("xian", "budget.general_budget_economic", "code:30101", "total", "13846140.00"),  # p25 基本工资 (50101)
    ("xian", "budget.general_budget_economic", "code:30101", "personnel", "13846140.00"),  # p25
    ("xian", "budget.general_budget_economic", "code:30201", "public", "1711988.00"),  # p25 办公费
    ("xian", "budget.general_budget_economic", "code:30201", "project", "5750000.00"),  # p25
    ("xian", "budget.general_budget_economic", "code:310", "project", "7100000.00"),  # p26
    ("xian", "budget.general_budget_economic", "code:31002", "public", "42960.00"),  # p26 办公设备购置
    # 表8 一般公共预算基本支出明细表（按支出经济分类科目）
    ("xian", "budget.general_budget_basic", "key:total", "total", "64662533.99"),  # p28
    ("xian", "budget.general_budget_basic", "key:total", "personnel", "60272768.69"),  # p28
    ("xian", "budget.general_budget_basic", "key:total", "public", "4389765.30"),  # p28
    ("xian", "budget.general_budget_basic", "code:30239", "personnel", "2258676.00"),  # p28 其他交通费用
    ("xian", "budget.general_budget_basic", "code:30217", "public", "30000.00"),  # p28 公务接待费
    ("xian", "budget.general_budget_basic", "code:309", "total", None),  # p28 资本性支出（基本建设）
    # 表13 “三公”经费及会议费、培训费支出预算表: the 当年 group (上年 and 增减变化情况 are not its values)
    ("xian", "budget.three_public", "key:total", "all_total", "260000.00"),  # p33 当年 合计
    ("xian", "budget.three_public", "key:total", "three_public", "30000.00"),  # p33 当年 小计
    ("xian", "budget.three_public", "key:total", "abroad", None),  # p33
    ("xian", "budget.three_public", "key:total", "reception", "30000.00"),  # p33
    ("xian", "budget.three_public", "key:total", "vehicle", None),  # p33
    ("xian", "budget.three_public", "key:total", "meeting", None),  # p33
    ("xian", "budget.three_public", "key:total", "training", "230000.00"),  # p33 (上年 402,400.00)
    # ==== 西安市卫生健康委员会 (2022 决算, 万元) ====
    # 公开09表 财政拨款“三公”经费及会议费、培训费支出决算表 p161: rows 预算数 and 决算数
    ("xian_health", "final.three_public", "key:values", "budget_total", "593.46"),  # p161
    ("xian_health", "final.three_public", "key:values", "budget_abroad", None),  # p161
    ("xian_health", "final.three_public", "key:values", "budget_vehicle", "591.60"),  # p161
    ("xian_health", "final.three_public", "key:values", "budget_vehicle_operation", "455.12"),  # p161
    ("xian_health", "final.three_public", "key:values", "budget_training", "2795.78"),  # p161
    ("xian_health", "final.three_public", "key:values", "final_total", "587.55"),  # p161
    ("xian_health", "final.three_public", "key:values", "final_vehicle_purchase", "136.48"),  # p161
    ("xian_health", "final.three_public", "key:values", "final_reception", "0.11"),  # p161
    ("xian_health", "final.three_public", "key:values", "final_meeting", "86.81"),  # p161
]


@pytest.mark.parametrize("name, table_id, locator, column, expected", CELLS)
def test_cell(name, table_id, locator, column, expected):
    assert_printed(value(doc(name), table_id, column, locator), expected)


# -- tables printed with no data --------------------------------------------------------------

EMPTY = [
    ("suzhou", "budget.gov_fund"),  # p23 注：…故本表无数据
    ("suzhou", "budget.state_capital"),  # p24 注：…故本表无数据
    ("changsha", "budget.gov_fund"),  # p21
    ("changchun", "budget.gov_fund"),  # p13: three blank rows
    ("changchun", "budget.state_capital"),  # p15: five blank rows
    ("xian", "budget.gov_fund"),  # p29 政府性基金收支表, every amount cell blank
]


@pytest.mark.parametrize("name, table_id", EMPTY)
def test_empty_table(name, table_id):
    assert not any(r.values for r in table(doc(name), table_id).rows)


def test_changchun_income_holds_only_its_unit_row():
    # 收入总表 (page 7) prints one row, 105001 长春市信访局; the 支出总表 on page 8 is another table
    rows = table(doc("changchun"), "budget.income").rows
    assert len(rows) == 1
    assert {v.location.page for v in rows[0].values.values()} == {7}


# -- tables kept raw (not typed): a few printed cells ----------------------------------------
# (document, table, a cell printed in the row, how many cells to its right, text printed there)

RAW = [
    ("suzhou", "budget.office_operation", "合计", 2, "379.20"),  # p25
    ("suzhou", "budget.office_operation", "30299", 2, "130.90"),  # p25 last row
    ("suzhou", "budget.procurement", "合计", 5, "3,668.17"),  # p26 一般公共预算资金
    ("suzhou", "budget.procurement", "合计", 9, "3,668.17"),  # p26 总计
    ("suzhou", "budget.procurement", "苏州地方铁路专题研究", 4, "40.00"),  # p30 (continuation)
    ("changsha", "performance.target_project", "合计", 2, "417.41"),  # p22 资金总额
    ("changsha", "performance.target_project", "基层及其他信访业务工作经费专项", 1, "35.78"),  # p22
    ("changsha", "performance.target_department", "长沙市信访局", 1, "1,935.36"),  # p30 资金总额
    ("changsha", "performance.target_department", "长沙市信访局", 6, "1,517.95"),  # p30 基本支出
    ("quanzhou", "performance.target_project", "资金总额：", 1, "1778.31"),  # p29
    ("quanzhou", "performance.target_department", "资金总额", 1, "8200.95"),  # p37
    ("changchun", "performance.target_project", "2026年信访专项经费", 1, "30.00"),  # p16
    ("changchun", "performance.target_project", "2026年信访接待中心运行费", 1, "116.00"),  # p16
    ("xian", "budget.project_summary", "合计", 2, "27,502,600.00"),  # p30 项目金额
    ("xian", "budget.project_summary", "政务公开及网站监管", 1, "2,095,800.00"),  # p30
    ("xian", "budget.procurement", "合计", 14, "4,186,460.00"),  # p32 预算金额
    ("xian", "budget.procurement", "A05040101复印纸", 9, "105,000.00"),  # p32
]


@pytest.mark.parametrize("name, table_id, label, offset, expected", RAW)
def test_raw_cell(name, table_id, label, offset, expected):
    found = next((r.cells for r in table(doc(name), table_id).rows if r.cells and label in r.cells), None)
    assert found is not None, f"{table_id}: no row with {label}"
    assert found[found.index(label) + offset] == expected


def test_wuhan_project_titled_by_its_name():
    # p.32 "信访业务培训绩效目标表" (the project's name + 绩效目标表), its form right below
    t = table(doc("wuhan"), "performance.target_project", 2)
    assert t.title == "信访业务培训绩效目标表"
    cells = next(r.cells for r in t.rows if r.cells and "年度资金总额：" in r.cells)
    assert cells[cells.index("年度资金总额：") + 2] == "118.01"
