"""Cells of every standard table in three 2026 budget PDFs (烟台, 武汉 file = 国家信访局, 福州), read in place.

Every expected value was read off the rendered page (pdftoppm); the comment gives the PDF page.
Expected values are what the page prints: a cell printed blank is None, a printed 0.00 is 0.00.
"""

from __future__ import annotations

import pytest

from conftest import SHARED, assert_printed, load_disclosure, table, value

RENWU = SHARED / "samples" / "renwu"
DOCS = {
    "yantai": RENWU / "025_烟台/2026年烟台市交通运输局部门预算.pdf",
    # the file name says 武汉; the document is 国家信访局's (MANIFEST agrees)
    "wuhan": RENWU / "009_武汉/2026年武汉市信访局部门预算.pdf",
    # a 单位 budget of 福州市公安局治安管理支队
    "fuzhou": RENWU / "017_福州/2026年福州市公安局部门预算.pdf",
}


def doc(name: str):
    return load_disclosure(DOCS[name])


# -- the tables each document prints ------------------------------------------------------

TABLES = {
    # 公开表1–12 (pp8–32, printed top right); pp37–78 forty 政策和项目预算绩效目标表 (two run over
    # two pages: 39–40, 49–50)
    "yantai": [
        ("01", "budget.summary"),
        ("02", "budget.income"),  # pp9–11
        ("03", "budget.expenditure"),  # pp12–13
        ("04", "budget.fiscal_summary"),  # pp14–15
        ("05", "budget.general_budget_expenditure"),  # pp16–17
        ("06", "budget.general_budget_basic"),  # pp18–21, 部门 and 政府经济分类 side by side
        ("07", "budget.three_public"),  # p22, 2025 | 2026 groups
        ("08", "budget.gov_fund"),
        ("09", "budget.state_capital"),
        ("10", "budget.basic_summary"),  # pp25–28
        ("11", "budget.project_summary"),  # pp29–31
        ("12", "budget.procurement"),  # p32
        *[(None, "performance.target_project")] * 40,
    ],
    # 部门公开表1–9 (pp5–16); pp30–32 three project target tables titled by the project
    "wuhan": [
        ("01", "budget.summary"),
        ("02", "budget.income"),
        ("03", "budget.expenditure"),  # pp7–8
        ("04", "budget.fiscal_summary"),
        ("05", "budget.general_budget_expenditure"),  # pp10–11
        ("06", "budget.general_budget_basic"),  # pp12–13
        ("07", "budget.gov_fund"),  # p14, empty
        ("08", "budget.state_capital"),  # p15, empty
        ("09", "budget.three_public"),  # p16
        (None, "performance.target_project"),
        (None, "performance.target_project"),
        (None, "performance.target_project"),
    ],
    # 一–十 headed by Chinese ordinals only (pp8–23; pp12, 15, 18, 22, 24 are blank); pp29–30 two
    # project target tables
    "fuzhou": [
        (None, "budget.summary"),
        (None, "budget.income"),
        (None, "budget.expenditure"),
        (None, "budget.fiscal_summary"),
        (None, "budget.general_budget_expenditure"),  # p13
        (None, "budget.gov_fund"),  # p14, a 合计 row of 0.00
        (None, "budget.state_capital"),  # p16, a 合计 row of 0.00
        (None, "budget.general_budget_economic"),  # p17
        (None, "budget.general_budget_basic"),  # pp19–21
        (None, "budget.three_public"),  # p23, items as rows
        (None, "performance.target_project"),
        (None, "performance.target_project"),
    ],
}


@pytest.mark.parametrize("name", list(TABLES))
def test_recognized_tables(name):
    assert [(t.number, t.id) for t in doc(name).tables] == TABLES[name]


# -- cells ----------------------------------------------------------------------------------
# (document, table, row locator, column, amount as printed; None = printed blank)

CELLS = [
    # ==== 烟台市交通运输局 ====
    # 公开表1 收支总体情况表
    ("yantai", "budget.summary", "income:fiscal", "amount", "39748.67"),  # p8 一、财政拨款收入
    ("yantai", "budget.summary", "income:fiscal_general_budget", "amount", "39664.33"),  # p8
    ("yantai", "budget.summary", "income:fiscal_gov_fund", "amount", "80.34"),  # p8 政府性基金预算收入
    ("yantai", "budget.summary", "income:fiscal_state_capital", "amount", "4.00"),  # p8
    ("yantai", "budget.summary", "income:business", "amount", None),  # p8 三、事业收入（不含教育收费）
    ("yantai", "budget.summary", "income:other", "amount", "6013.05"),  # p8
    ("yantai", "budget.summary", "income:total_income", "amount", "45761.72"),  # p8
    ("yantai", "budget.summary", "income:opening_balance", "amount", None),  # p8 上年结转
    ("yantai", "budget.summary", "income:grand_total", "amount", "45761.72"),  # p8
    ("yantai", "budget.summary", "expenditure:201", "amount", None),  # p8
    ("yantai", "budget.summary", "expenditure:214", "amount", "34960.28"),  # p8
    ("yantai", "budget.summary", "expenditure:223", "amount", "4.00"),  # p8
    ("yantai", "budget.summary", "expenditure:total_expenditure", "amount", "45761.72"),  # p8
    ("yantai", "budget.summary", "expenditure:to_subordinate", "amount", None),  # p8 对附属单位的补助支出
    ("yantai", "budget.summary", "expenditure:closing_balance", "amount", None),  # p8 结转下年
    ("yantai", "budget.summary", "expenditure:grand_total", "amount", "45761.72"),  # p8
    # 公开表2 收入总体情况表
    ("yantai", "budget.income", "key:total", "total", "45761.72"),  # p9
    ("yantai", "budget.income", "key:total", "fiscal", "39748.67"),  # p9 财政拨款收入 小计
    ("yantai", "budget.income", "key:total", "general_budget", "39664.33"),  # p9
    ("yantai", "budget.income", "key:total", "gov_fund", "80.34"),  # p9
    ("yantai", "budget.income", "key:total", "state_capital", "4.00"),  # p9
    ("yantai", "budget.income", "key:total", "other", "6013.05"),  # p9
    ("yantai", "budget.income", "key:total", "business", None),  # p9
    ("yantai", "budget.income", "code:205", "total", "63.55"),  # p9 first coded row
    ("yantai", "budget.income", "code:2140106", "other", "6001.00"),  # p10 (continuation) 公路养护
    ("yantai", "budget.income", "code:2140106", "gov_fund", None),  # p10
    ("yantai", "budget.income", "code:2230107", "state_capital", "4.00"),  # p11 last row
    # 公开表3 支出总体情况表
    ("yantai", "budget.expenditure", "key:total", "total", "45761.72"),  # p12
    ("yantai", "budget.expenditure", "key:total", "basic", "32382.54"),  # p12
    ("yantai", "budget.expenditure", "key:total", "project", "13379.18"),  # p12
    ("yantai", "budget.expenditure", "code:205", "basic", "33.55"),  # p12
    ("yantai", "budget.expenditure", "code:20805", "project", None),  # p12 款
    ("yantai", "budget.expenditure", "code:2140112", "project", "443.60"),  # p13 (continuation)
    ("yantai", "budget.expenditure", "code:2230107", "total", "4.00"),  # p13 last row
    # 公开表4 财政拨款收支总体情况表
    ("yantai", "budget.fiscal_summary", "income:fiscal_general_budget", "amount", "39664.33"),  # p14
    ("yantai", "budget.fiscal_summary", "income:fiscal_gov_fund", "amount", "80.34"),  # p14 二、政府性基金预算收入
    ("yantai", "budget.fiscal_summary", "income:fiscal_state_capital", "amount", "4.00"),  # p14
    ("yantai", "budget.fiscal_summary", "income:total_income", "amount", "39748.67"),  # p15
    ("yantai", "budget.fiscal_summary", "income:opening_balance", "amount", None),  # p15
    ("yantai", "budget.fiscal_summary", "income:grand_total", "amount", "39748.67"),  # p15
    ("yantai", "budget.fiscal_summary", "expenditure:214", "amount", "28947.23"),  # p14 总计
    ("yantai", "budget.fiscal_summary", "expenditure:223", "amount", "4.00"),  # p15 (continuation)
    ("yantai", "budget.fiscal_summary", "expenditure:229", "amount", None),  # p15
    ("yantai", "budget.fiscal_summary", "expenditure:total_expenditure", "amount", "39748.67"),  # p15
    ("yantai", "budget.fiscal_summary", "expenditure:grand_total", "amount", "39748.67"),  # p15
    # 公开表5 一般公共预算支出情况表
    ("yantai", "budget.general_budget_expenditure", "key:total", "total", "39664.33"),  # p16
    ("yantai", "budget.general_budget_expenditure", "key:total", "basic", "32382.54"),  # p16 基本支出 小计
    ("yantai", "budget.general_budget_expenditure", "key:total", "personnel", "30085.37"),  # p16
    ("yantai", "budget.general_budget_expenditure", "key:total", "public", "2297.17"),  # p16 日常公用支出
    ("yantai", "budget.general_budget_expenditure", "key:total", "project", "7281.79"),  # p16
    ("yantai", "budget.general_budget_expenditure", "code:205", "personnel", None),  # p16
    ("yantai", "budget.general_budget_expenditure", "code:21401", "project", "6266.99"),  # p16
    ("yantai", "budget.general_budget_expenditure", "code:2140106", "public", "1703.09"),  # p17
    ("yantai", "budget.general_budget_expenditure", "code:2210201", "total", "2196.37"),  # p17 last row
    # 公开表6 一般公共预算基本支出情况表 (codes repeat under 501 and 505: unique ones only)
    ("yantai", "budget.general_budget_basic", "key:total", "total", "32382.54"),  # p18
    ("yantai", "budget.general_budget_basic", "key:total", "personnel", "30085.37"),  # p18
    ("yantai", "budget.general_budget_basic", "key:total", "public", "2297.17"),  # p18
    ("yantai", "budget.general_budget_basic", "code:30107", "personnel", "4241.05"),  # p18 绩效工资
    ("yantai", "budget.general_budget_basic", "code:30107", "public", None),  # p18
    ("yantai", "budget.general_budget_basic", "code:30202", "public", "11.15"),  # p19 印刷费
    ("yantai", "budget.general_budget_basic", "code:303", "public", "10.14"),  # p20
    ("yantai", "budget.general_budget_basic", "code:30399", "personnel", "35.62"),  # p21 last row
    # 公开表7 “三公”: the 2026年预算数 group (2025 合计 268.09 is not its value)
    ("yantai", "budget.three_public", "name:", "total", "211.18"),  # p22
    ("yantai", "budget.three_public", "name:", "abroad", None),  # p22
    ("yantai", "budget.three_public", "name:", "vehicle", "206.42"),  # p22
    ("yantai", "budget.three_public", "name:", "vehicle_purchase", None),  # p22
    ("yantai", "budget.three_public", "name:", "vehicle_operation", "206.42"),  # p22
    ("yantai", "budget.three_public", "name:", "reception", "4.76"),  # p22
    # 公开表8 政府性基金预算支出情况表
    ("yantai", "budget.gov_fund", "key:total", "total", "80.34"),  # p23
    ("yantai", "budget.gov_fund", "key:total", "basic", None),  # p23
    ("yantai", "budget.gov_fund", "code:2120803", "project", "80.34"),  # p23
    # 公开表9 国有资本经营预算支出情况表
    ("yantai", "budget.state_capital", "key:total", "total", "4.00"),  # p24
    ("yantai", "budget.state_capital", "key:total", "basic", None),  # p24
    ("yantai", "budget.state_capital", "code:2230107", "project", "4.00"),  # p24
    # ==== 国家信访局 (file 009_武汉) ====
    # 部门公开表1 部门收支总表
    ("wuhan", "budget.summary", "income:fiscal_general_budget", "amount", "16474.82"),  # p5
    ("wuhan", "budget.summary", "income:fiscal_gov_fund", "amount", None),  # p5
    ("wuhan", "budget.summary", "income:business", "amount", None),  # p5
    ("wuhan", "budget.summary", "income:other", "amount", "31888.00"),  # p5
    ("wuhan", "budget.summary", "income:total_income", "amount", "48362.82"),  # p5
    ("wuhan", "budget.summary", "income:opening_balance", "amount", "2254.12"),  # p5 上年结转
    ("wuhan", "budget.summary", "income:grand_total", "amount", "50616.94"),  # p5
    ("wuhan", "budget.summary", "expenditure:201", "amount", "47179.30"),  # p5
    ("wuhan", "budget.summary", "expenditure:221", "amount", "1111.44"),  # p5
    ("wuhan", "budget.summary", "expenditure:total_expenditure", "amount", "50616.94"),  # p5
    ("wuhan", "budget.summary", "expenditure:closing_balance", "amount", None),  # p5 结转下年
    ("wuhan", "budget.summary", "expenditure:grand_total", "amount", "50616.94"),  # p5
    # 部门公开表2 部门收入总表 (one unnamed row)
    ("wuhan", "budget.income", "name:", "total", "50616.94"),  # p6
    ("wuhan", "budget.income", "name:", "opening_balance", "2254.12"),  # p6 上年结转
    ("wuhan", "budget.income", "name:", "general_budget", "16474.82"),  # p6
    ("wuhan", "budget.income", "name:", "gov_fund", None),  # p6
    ("wuhan", "budget.income", "name:", "business", None),  # p6 事业收入 金额
    ("wuhan", "budget.income", "name:", "other", "31888.00"),  # p6
    # 部门公开表3 部门支出总表
    ("wuhan", "budget.expenditure", "key:total", "total", "50616.94"),  # p8
    ("wuhan", "budget.expenditure", "key:total", "basic", "11056.07"),  # p8
    ("wuhan", "budget.expenditure", "key:total", "project", "39560.87"),  # p8
    ("wuhan", "budget.expenditure", "key:total", "to_higher", None),  # p8
    ("wuhan", "budget.expenditure", "code:201", "total", "47179.30"),  # p7 first row
    ("wuhan", "budget.expenditure", "code:2014001", "project", None),  # p7
    ("wuhan", "budget.expenditure", "code:2014099", "project", "36230.56"),  # p7
    ("wuhan", "budget.expenditure", "code:2080506", "basic", "427.19"),  # p8 (continuation)
    ("wuhan", "budget.expenditure", "code:2210203", "total", "341.00"),  # p8 last row
    # 部门公开表4 财政拨款收支总表
    ("wuhan", "budget.fiscal_summary", "income:total_income", "amount", "16474.82"),  # p9 一、本年收入
    ("wuhan", "budget.fiscal_summary", "income:fiscal_general_budget", "amount", "16474.82"),  # p9
    ("wuhan", "budget.fiscal_summary", "income:fiscal_gov_fund", "amount", None),  # p9
    ("wuhan", "budget.fiscal_summary", "income:opening_balance", "amount", "2254.12"),  # p9 二、上年结转
    ("wuhan", "budget.fiscal_summary", "income:opening_balance.general_budget", "amount", "2254.12"),  # p9
    ("wuhan", "budget.fiscal_summary", "income:grand_total", "amount", "18728.94"),  # p9
    ("wuhan", "budget.fiscal_summary", "expenditure:total_expenditure", "amount", "18728.94"),  # p9
    ("wuhan", "budget.fiscal_summary", "expenditure:201", "amount", "15291.30"),  # p9
    ("wuhan", "budget.fiscal_summary", "expenditure:closing_balance", "amount", None),  # p9
    ("wuhan", "budget.fiscal_summary", "expenditure:grand_total", "amount", "18728.94"),  # p9
    # 部门公开表5 一般公共预算支出表: the 2026 年初预算数 columns (not 2025 执行数 or 增减)
    ("wuhan", "budget.general_budget_expenditure", "key:total", "total", "16474.82"),  # p11
    ("wuhan", "budget.general_budget_expenditure", "key:total", "basic", "9880.88"),  # p11
    ("wuhan", "budget.general_budget_expenditure", "key:total", "project", "6593.94"),  # p11
    ("wuhan", "budget.general_budget_expenditure", "code:201", "total", "13144.37"),  # p10 (执行数 33,586.67)
    ("wuhan", "budget.general_budget_expenditure", "code:2014003", "project", None),  # p10
    ("wuhan", "budget.general_budget_expenditure", "code:2101101", "total", None),  # p11 only 2025 printed
    ("wuhan", "budget.general_budget_expenditure", "code:2080506", "basic", "375.86"),  # p11 (continuation)
    ("wuhan", "budget.general_budget_expenditure", "code:2210203", "basic", "341.00"),  # p11 last row
    # 部门公开表6 一般公共预算基本支出表
    ("wuhan", "budget.general_budget_basic", "key:total", "total", "9880.88"),  # p13
    ("wuhan", "budget.general_budget_basic", "key:total", "personnel", "7504.62"),  # p13
    ("wuhan", "budget.general_budget_basic", "key:total", "public", "2376.26"),  # p13
    ("wuhan", "budget.general_budget_basic", "code:301", "public", None),  # p12
    ("wuhan", "budget.general_budget_basic", "code:30101", "personnel", "1156.05"),  # p12
    ("wuhan", "budget.general_budget_basic", "code:30212", "public", "30.36"),  # p13 (continuation)
    ("wuhan", "budget.general_budget_basic", "code:31099", "total", "15.00"),  # p13 last row
    # 部门公开表9 财政拨款预算“三公”经费支出表 (one unnamed row)
    ("wuhan", "budget.three_public", "name:", "total", "112.61"),  # p16
    ("wuhan", "budget.three_public", "name:", "abroad", "68.50"),  # p16
    ("wuhan", "budget.three_public", "name:", "vehicle", "38.60"),  # p16
    ("wuhan", "budget.three_public", "name:", "vehicle_purchase", None),  # p16
    ("wuhan", "budget.three_public", "name:", "vehicle_operation", "38.60"),  # p16
    ("wuhan", "budget.three_public", "name:", "reception", "5.51"),  # p16
    # ==== 福州市公安局治安管理支队 ====
    # 一、2026 年度收支预算总表
    ("fuzhou", "budget.summary", "income:fiscal_general_budget", "amount", "2796.14"),  # p8
    ("fuzhou", "budget.summary", "income:fiscal_gov_fund", "amount", None),  # p8
    ("fuzhou", "budget.summary", "income:other", "amount", None),  # p8
    ("fuzhou", "budget.summary", "income:total_income", "amount", "2796.14"),  # p8
    ("fuzhou", "budget.summary", "income:opening_balance", "amount", "0.00"),  # p8 上年结转结余
    ("fuzhou", "budget.summary", "income:grand_total", "amount", "2796.14"),  # p8 收入合计 (bottom)
    ("fuzhou", "budget.summary", "expenditure:201", "amount", None),  # p8
    ("fuzhou", "budget.summary", "expenditure:204", "amount", "1994.64"),  # p8
    ("fuzhou", "budget.summary", "expenditure:221", "amount", "290.70"),  # p8
    ("fuzhou", "budget.summary", "expenditure:total_expenditure", "amount", "2796.14"),  # p8
    ("fuzhou", "budget.summary", "expenditure:closing_balance", "amount", "0.00"),  # p8 结转下年支出
    ("fuzhou", "budget.summary", "expenditure:grand_total", "amount", "2796.14"),  # p8 支出合计 (bottom)
    # 二、2026 年度收入预算总表 (rows are units)
    ("fuzhou", "budget.income", "key:total", "total", "2796.14"),  # p9
    ("fuzhou", "budget.income", "key:total", "general_budget", "2796.14"),  # p9
    ("fuzhou", "budget.income", "key:total", "gov_fund", "0.00"),  # p9
    ("fuzhou", "budget.income", "key:total", "opening_balance", "0.00"),  # p9 上年结转结余
    ("fuzhou", "budget.income", "name:福州市公安局治安管理支队", "total", "2796.14"),  # p9
    ("fuzhou", "budget.income", "name:福州市公安局治安管理支队", "gov_fund", None),  # p9
    # 三、2026 年度支出预算总表
    ("fuzhou", "budget.expenditure", "key:total", "total", "2796.14"),  # p10
    ("fuzhou", "budget.expenditure", "key:total", "basic", "2507.88"),  # p10
    ("fuzhou", "budget.expenditure", "key:total", "project", "288.26"),  # p10
    ("fuzhou", "budget.expenditure", "key:total", "operating", "0.00"),  # p10 事业单位经营支出
    ("fuzhou", "budget.expenditure", "code:204", "total", "1994.64"),  # p10 first row
    ("fuzhou", "budget.expenditure", "code:2040220", "project", "90.00"),  # p10 执法办案
    ("fuzhou", "budget.expenditure", "code:2040220", "basic", None),  # p10
    ("fuzhou", "budget.expenditure", "code:2210203", "basic", "85.00"),  # p10 last row
    # 四、2026 年度财政拨款收支预算总表 (no 总计 rows: 收入合计 / 支出合计 close each side)
    ("fuzhou", "budget.fiscal_summary", "income:fiscal_general_budget", "amount", "2796.14"),  # p11
    ("fuzhou", "budget.fiscal_summary", "income:fiscal_state_capital", "amount", None),  # p11
    ("fuzhou", "budget.fiscal_summary", "income:total_income", "amount", "2796.14"),  # p11 收入合计
    ("fuzhou", "budget.fiscal_summary", "expenditure:204", "amount", "1994.64"),  # p11
    ("fuzhou", "budget.fiscal_summary", "expenditure:208", "amount", "510.80"),  # p11
    ("fuzhou", "budget.fiscal_summary", "expenditure:233", "amount", None),  # p11
    ("fuzhou", "budget.fiscal_summary", "expenditure:total_expenditure", "amount", "2796.14"),  # p11 支出合计
    # 五、2026 年度一般公共预算拨款支出预算表
    ("fuzhou", "budget.general_budget_expenditure", "key:total", "total", "2796.14"),  # p13 小计
    ("fuzhou", "budget.general_budget_expenditure", "key:total", "basic", "2507.88"),  # p13
    ("fuzhou", "budget.general_budget_expenditure", "key:total", "project", "288.26"),  # p13
    ("fuzhou", "budget.general_budget_expenditure", "code:20402", "project", "288.26"),  # p13 款
    ("fuzhou", "budget.general_budget_expenditure", "code:2040201", "project", None),  # p13
    ("fuzhou", "budget.general_budget_expenditure", "code:2210203", "total", "85.00"),  # p13 last row
    # 六、七、 printed with one 合计 row of 0.00
    ("fuzhou", "budget.gov_fund", "key:total", "total", "0.00"),  # p14
    ("fuzhou", "budget.gov_fund", "key:total", "project", "0.00"),  # p14
    ("fuzhou", "budget.state_capital", "key:total", "total", "0.00"),  # p16
    ("fuzhou", "budget.state_capital", "key:total", "basic", "0.00"),  # p16
    # 八、2026 年度一般公共预算支出经济分类情况表 (one 预算数 column)
    ("fuzhou", "budget.general_budget_economic", "key:total", "total", "2796.14"),  # p17
    ("fuzhou", "budget.general_budget_economic", "code:301", "total", "2120.90"),  # p17
    ("fuzhou", "budget.general_budget_economic", "code:307", "total", None),  # p17
    ("fuzhou", "budget.general_budget_economic", "code:310", "total", "12.00"),  # p17
    ("fuzhou", "budget.general_budget_economic", "code:399", "total", None),  # p17 last row
    # 九、2026 年度一般公共预算基本支出经济分类情况表 (one 预算数 column)
    ("fuzhou", "budget.general_budget_basic", "key:total", "total", "2507.88"),  # p19
    ("fuzhou", "budget.general_budget_basic", "code:301", "total", "2064.67"),  # p19 first row
    ("fuzhou", "budget.general_budget_basic", "code:30107", "total", None),  # p19 绩效工资
    ("fuzhou", "budget.general_budget_basic", "code:30228", "total", "17.00"),  # p19
    ("fuzhou", "budget.general_budget_basic", "code:30399", "total", "196.26"),  # p20 (continuation)
    ("fuzhou", "budget.general_budget_basic", "code:31002", "total", "9.20"),  # p20
    ("fuzhou", "budget.general_budget_basic", "code:39999", "total", None),  # p21 last row
    # 十、2026 年度一般公共预算“三公”经费支出预算表 (items printed as rows)
    ("fuzhou", "budget.three_public", "key:total", "total", "27.31"),  # p23 合计
    ("fuzhou", "budget.three_public", "key:total", "abroad", "0.00"),  # p23
    ("fuzhou", "budget.three_public", "key:total", "reception", "2.00"),  # p23
    ("fuzhou", "budget.three_public", "key:total", "vehicle", "25.31"),  # p23
    ("fuzhou", "budget.three_public", "key:total", "vehicle_purchase", "0.00"),  # p23
    ("fuzhou", "budget.three_public", "key:total", "vehicle_operation", "25.31"),  # p23
]


@pytest.mark.parametrize("name, table_id, locator, column, expected", CELLS)
def test_cell(name, table_id, locator, column, expected):
    assert_printed(value(doc(name), table_id, column, locator), expected)


# -- tables printed with no data --------------------------------------------------------------

EMPTY = [
    ("wuhan", "budget.gov_fund"),  # p14: a blank 合计 row, 注：…没有使用政府性基金预算拨款安排的支出
    ("wuhan", "budget.state_capital"),  # p15: the same
]


@pytest.mark.parametrize("name, table_id", EMPTY)
def test_empty_table(name, table_id):
    assert not any(r.values for r in table(doc(name), table_id).rows)


# -- tables kept raw (not typed): a few printed cells ----------------------------------------
# (document, table, a cell printed in the row, how many cells to its right, text printed there)

RAW = [
    ("yantai", "budget.basic_summary", "工资福利支出", 4, "1,478.92"),  # p25 first row (301 | 501)
    ("yantai", "budget.basic_summary", "其他对个人和家庭的补助", 4, "35.62"),  # p28 last row
    ("yantai", "budget.project_summary", "合 计", 2, "13,379.18"),  # p29
    ("yantai", "budget.project_summary", "合 计", 8, "6,013.05"),  # p29 单位资金
    ("yantai", "budget.project_summary", "公路产权保护专项", 2, "1,340.00"),  # p30 (continuation)
    ("yantai", "budget.procurement", "合 计", 1, "2,920.90"),  # p32
    ("yantai", "budget.procurement", "合 计", 7, "103.00"),  # p32 单位资金
    ("yantai", "budget.procurement", "其他铁路运输支出", 1, "184.80"),  # p32 last row
    ("yantai", "performance.target_project#0", "年度预算资金总额：", 1, "9.00"),  # p37 交通战备专项
    ("yantai", "performance.target_project#39", "年度预算资金总额：", 1, "4.00"),  # p78 实施公车统管
    ("wuhan", "performance.target_project#0", "年度资金总额：", 2, "2,134.87"),  # p30 信息化运行维护
    ("wuhan", "performance.target_project#1", "年度资金总额：", 2, "2,706.79"),  # p31 信访综合保障经费
    ("fuzhou", "performance.target_project#0", "资金总额", 2, "44.47"),  # p29 警务辅助人员经费
    ("fuzhou", "performance.target_project#1", "资金总额", 2, "56.23"),  # p30 民警法定工作日之外加班补贴
]


@pytest.mark.parametrize("name, table_id, label, offset, expected", RAW)
def test_raw_cell(name, table_id, label, offset, expected):
    found = next((r.cells for r in table(doc(name), table_id).rows if r.cells and label in r.cells), None)
    assert found is not None, f"{table_id}: no row with {label}"
    assert found[found.index(label) + offset] == expected


def test_titles_name_the_project():
    # p29/p30 (福州) and p30 (国家信访局) print the project's own name above its form
    assert table(doc("fuzhou"), "performance.target_project#1").title == "民警法定工作日之外加班补贴项目绩效目标表"
    assert table(doc("wuhan"), "performance.target_project#0").title == "信息化运行维护绩效目标表"
