"""Cells of every standard table in four southern budget PDFs (深圳, 重庆, 广州, 珠海), read in place.

Every expected value was read off the rendered page (pdftoppm); the comment gives the PDF page
(1-based, as pdftoppm -f counts, not the printed page footer). None means the cell is printed
blank. A test that fails here means the extraction disagrees with the printed page.
"""

from __future__ import annotations

import pytest

from conftest import SHARED, assert_printed, load_disclosure, row, value

RENWU = SHARED / "samples" / "renwu"
DOCS = {
    "shenzhen": RENWU / "003_深圳/2026年深圳市交通运输局部门预算.pdf",
    "chongqing": RENWU / "004_重庆/2026年重庆市人民政府办公厅部门预算.pdf",
    "guangzhou": RENWU / "005_广州/2026年广州市人民政府办公厅部门预算.pdf",
    "zhuhai": RENWU / "077_珠海/2026年珠海市商务局部门预算.pdf",
}

SZ_UNIT = "name:深圳市交通运输局（本级）"  # these tables print the unit row as their total

# -- the tables of each document ------------------------------------------------------------
# Budget sets print "表1"/"表一", not 公开NN表: number stays None (as for the budget seed).

TABLES = {
    # contents page (PDF p.1) lists （一）…（十一）; 表3 支出总表 is printed on PDF pp.27–31
    "shenzhen": [
        ("01", "budget.summary"),  # "表1"… printed above each title
        ("02", "budget.income"),
        ("03", "budget.expenditure"),
        ("04", "budget.basic_summary"),
        ("05", "budget.project_summary"),
        ("06", "budget.fiscal_summary"),
        ("07", "budget.general_budget_expenditure"),  # 表7 按功能分类
        ("08", "budget.general_budget_economic"),  # 表8 按经济分类
        ("09", "budget.three_public"),
        ("10", "budget.gov_fund"),
        ("11", "budget.state_capital"),
    ],
    # no contents page: 表一…表十二 on PDF pp.9–24; 表十一 (p.23) is an empty
    # 市级重点专项资金绩效目标表（一级项目）, a project performance-target table
    "chongqing": [
        (None, "budget.summary"),
        (None, "budget.income"),
        (None, "budget.expenditure"),
        (None, "budget.fiscal_summary"),
        (None, "budget.general_budget_expenditure"),
        (None, "budget.general_budget_basic"),
        (None, "budget.gov_fund"),
        (None, "budget.three_public"),
        (None, "budget.procurement"),
        (None, "performance.target_department"),
        (None, "performance.target_project"),
        (None, "performance.target_project"),
    ],
    # contents page (PDF p.2) lists 一…十二; "表1"…"表12" is printed above each title; 表7
    # 一般公共预算项目支出情况表（按经济分类科目） is PDF p.16
    "guangzhou": [
        ("01", "budget.summary"),
        ("02", "budget.income"),
        ("03", "budget.expenditure"),
        ("04", "budget.fiscal_summary"),
        ("05", "budget.general_budget_expenditure"),
        ("06", "budget.general_budget_basic"),
        ("07", "budget.general_budget_project"),
        ("08", "budget.three_public"),
        ("09", "budget.gov_fund"),
        ("10", "budget.state_capital"),
        ("11", "budget.basic_summary"),
        ("12", "budget.project_summary"),
    ],
    # same template as 广州 (contents PDF p.2); 表7 is PDF p.17
    "zhuhai": [
        ("01", "budget.summary"),
        ("02", "budget.income"),
        ("03", "budget.expenditure"),
        ("04", "budget.fiscal_summary"),
        ("05", "budget.general_budget_expenditure"),
        ("06", "budget.general_budget_basic"),
        ("07", "budget.general_budget_project"),
        ("08", "budget.three_public"),
        ("09", "budget.gov_fund"),
        ("10", "budget.state_capital"),
        ("11", "budget.basic_summary"),
        ("12", "budget.project_summary"),
    ],
}


@pytest.mark.parametrize("doc", list(DOCS))
def test_tables_recognized(doc):
    d = load_disclosure(DOCS[doc])
    assert [(t.number, t.id) for t in d.tables] == TABLES[doc]


# -- cells ------------------------------------------------------------------------------------
# (document, table id, canonical column, row locator, printed amount or None for a blank cell)
# "table#1" is the second table with that id in the document.

CELLS = [
    # ---- 深圳市交通运输局（本级） ----
    # 表1 收支总表, PDF pp.22–25
    ("shenzhen", "budget.summary", "amount", "income:fiscal", "388561.78"),  # p.22
    ("shenzhen", "budget.summary", "amount", "income:fiscal_general_budget", "384396.78"),  # p.22
    ("shenzhen", "budget.summary", "amount", "income:total_income", "388561.78"),  # p.24
    ("shenzhen", "budget.summary", "amount", "income:opening_balance", "201.78"),  # p.25
    ("shenzhen", "budget.summary", "amount", "income:grand_total", "388763.56"),  # p.25
    ("shenzhen", "budget.summary", "amount", "expenditure:205", "41.99"),  # p.22
    ("shenzhen", "budget.summary", "amount", "expenditure:224", "470.29"),  # p.24
    ("shenzhen", "budget.summary", "amount", "expenditure:total_expenditure", "388763.56"),  # p.24
    ("shenzhen", "budget.summary", "amount", "expenditure:closing_balance", "0.00"),  # p.25
    ("shenzhen", "budget.summary", "amount", "expenditure:grand_total", "388763.56"),  # p.25
    # 表2 收入总表, PDF p.26: one unit row
    ("shenzhen", "budget.income", "total", SZ_UNIT, "388763.56"),
    ("shenzhen", "budget.income", "special_account_business", SZ_UNIT, "0.00"),
    ("shenzhen", "budget.income", "business", SZ_UNIT, "0.00"),
    ("shenzhen", "budget.income", "other", SZ_UNIT, "0.00"),
    # 表3 支出总表, PDF pp.27–31
    ("shenzhen", "budget.expenditure", "total", SZ_UNIT, "388763.56"),  # p.27
    ("shenzhen", "budget.expenditure", "basic", SZ_UNIT, "11826.97"),  # p.27
    ("shenzhen", "budget.expenditure", "project", SZ_UNIT, "376936.60"),  # p.27
    ("shenzhen", "budget.expenditure", "to_higher", SZ_UNIT, "0.00"),  # p.27
    ("shenzhen", "budget.expenditure", "total", "code:205", "41.99"),  # p.27
    ("shenzhen", "budget.expenditure", "total", "code:214", "357233.33"),  # p.28
    ("shenzhen", "budget.expenditure", "project", "code:2140112", "184465.55"),  # p.29
    ("shenzhen", "budget.expenditure", "total", "code:2240106", "470.29"),  # p.31
    # 表6 财政拨款收支总表, PDF pp.37–39
    ("shenzhen", "budget.fiscal_summary", "amount", "income:fiscal", "388561.78"),  # p.37
    ("shenzhen", "budget.fiscal_summary", "amount", "income:fiscal_general_budget", "384396.78"),  # p.37
    ("shenzhen", "budget.fiscal_summary", "amount", "income:total_income", "388561.78"),  # p.39
    ("shenzhen", "budget.fiscal_summary", "amount", "income:opening_balance", "201.78"),  # p.39
    ("shenzhen", "budget.fiscal_summary", "amount", "income:grand_total", "388763.56"),  # p.39
    ("shenzhen", "budget.fiscal_summary", "amount", "expenditure:205", "41.99"),  # p.37
    ("shenzhen", "budget.fiscal_summary", "amount", "expenditure:221", "2706.50"),  # p.39
    ("shenzhen", "budget.fiscal_summary", "amount", "expenditure:total_expenditure", "388763.56"),  # p.39
    ("shenzhen", "budget.fiscal_summary", "amount", "expenditure:closing_balance", "0.00"),  # p.39
    # 表7 一般公共预算支出表（按功能分类）, PDF pp.40–42
    ("shenzhen", "budget.general_budget_expenditure", "total", SZ_UNIT, "384598.56"),  # p.40
    ("shenzhen", "budget.general_budget_expenditure", "basic", SZ_UNIT, "11826.97"),  # p.40
    ("shenzhen", "budget.general_budget_expenditure", "project", SZ_UNIT, "372771.60"),  # p.40
    ("shenzhen", "budget.general_budget_expenditure", "total", "code:205", "41.99"),  # p.40
    ("shenzhen", "budget.general_budget_expenditure", "total", "code:214", "353068.33"),  # p.41
    ("shenzhen", "budget.general_budget_expenditure", "project", "code:2140101", "0.00"),  # p.41
    ("shenzhen", "budget.general_budget_expenditure", "project", "code:2240106", "470.29"),  # p.42
    # 表8 一般公共预算支出表（按经济分类）, PDF pp.43–45
    ("shenzhen", "budget.general_budget_economic", "project", SZ_UNIT, "372771.60"),  # p.43
    ("shenzhen", "budget.general_budget_economic", "total", "code:301", "8305.83"),  # p.43
    ("shenzhen", "budget.general_budget_economic", "basic", "code:30101", "1636.40"),  # p.43
    ("shenzhen", "budget.general_budget_economic", "basic", "code:30231", "27.80"),  # p.45
    ("shenzhen", "budget.general_budget_economic", "project", "code:31204", "357350.52"),  # p.45
    # 表9 财政拨款“三公”经费支出表, PDF p.46: rows by 年度 under each unit (the unit's merged
    # cell is carried down: a multi-unit table prints 2026年 once per unit), each group split by
    # fund; the 一般公共预算 sub-column of the 2026年 row (政府性基金/国有资本 are all 0.00)
    ("shenzhen", "budget.three_public", "total", SZ_UNIT + " 2026年", "147.90"),
    ("shenzhen", "budget.three_public", "abroad", SZ_UNIT + " 2026年", "115.00"),
    ("shenzhen", "budget.three_public", "reception", SZ_UNIT + " 2026年", "5.10"),
    ("shenzhen", "budget.three_public", "vehicle", SZ_UNIT + " 2026年", "27.80"),
    ("shenzhen", "budget.three_public", "vehicle_purchase", SZ_UNIT + " 2026年", "0.00"),
    ("shenzhen", "budget.three_public", "vehicle_operation", SZ_UNIT + " 2026年", "27.80"),
    # 表10 政府性基金预算支出表, PDF p.47
    ("shenzhen", "budget.gov_fund", "total", SZ_UNIT, "4165.00"),
    ("shenzhen", "budget.gov_fund", "basic", SZ_UNIT, "0.00"),
    ("shenzhen", "budget.gov_fund", "project", "code:214", "4165.00"),
    ("shenzhen", "budget.gov_fund", "total", "code:2146903", "69.00"),
    ("shenzhen", "budget.gov_fund", "total", "code:2146999", "43.00"),
    # 表11 国有资本经营预算支出表, PDF p.48 (本表本年无发生额, printed 0.00)
    ("shenzhen", "budget.state_capital", "total", SZ_UNIT, "0.00"),
    ("shenzhen", "budget.state_capital", "project", SZ_UNIT, "0.00"),
    # ---- 重庆市人民政府办公厅 ----
    # 表一 部门收支总体情况表, PDF p.9: 合计 printed first; no carry-over rows
    ("chongqing", "budget.summary", "amount", "income:total_income", "19230.18"),
    ("chongqing", "budget.summary", "amount", "income:fiscal_general_budget", "18417.70"),  # 一般公共预算资金
    ("chongqing", "budget.summary", "amount", "income:business", "812.48"),  # 五、事业收入资金
    ("chongqing", "budget.summary", "amount", "name:二、政府性基金预算资金", None),
    ("chongqing", "budget.summary", "amount", "name:九、其他收入资金", None),
    ("chongqing", "budget.summary", "amount", "expenditure:total_expenditure", "19230.18"),
    ("chongqing", "budget.summary", "amount", "expenditure:201", "15958.96"),
    ("chongqing", "budget.summary", "amount", "expenditure:221", "539.91"),
    # 表二 部门收入总体情况表, PDF pp.10–11
    ("chongqing", "budget.income", "total", "key:total", "19230.18"),  # p.10
    ("chongqing", "budget.income", "business", "key:total", "812.48"),  # p.10
    ("chongqing", "budget.income", "other", "key:total", None),  # p.10
    ("chongqing", "budget.income", "total", "code:201", "15958.96"),  # p.10
    ("chongqing", "budget.income", "business", "code:2010350", "2.48"),  # p.10
    ("chongqing", "budget.income", "business", "code:2010301", None),  # p.10
    ("chongqing", "budget.income", "total", "code:215", "673.17"),  # p.11
    ("chongqing", "budget.income", "total", "code:2210201", "539.91"),  # p.11
    # 表三 部门支出总体情况表, PDF pp.12–13
    ("chongqing", "budget.expenditure", "total", "key:total", "19230.18"),  # p.12
    ("chongqing", "budget.expenditure", "basic", "key:total", "9018.47"),  # p.12
    ("chongqing", "budget.expenditure", "project", "key:total", "10211.71"),  # p.12
    ("chongqing", "budget.expenditure", "total", "code:208", "1595.94"),  # p.12
    ("chongqing", "budget.expenditure", "basic", "code:2010302", None),  # p.12
    ("chongqing", "budget.expenditure", "project", "code:2010302", "8220.69"),  # p.12
    ("chongqing", "budget.expenditure", "project", "code:2150516", "673.17"),  # p.13
    ("chongqing", "budget.expenditure", "basic", "code:2210201", "539.91"),  # p.13
    # 表四 财政拨款收支总体情况表, PDF p.14: 收入合计 = 本年收入 + 上年结转 (the grand total);
    # the expenditure side prints 总计 and 一般公共预算 columns
    ("chongqing", "budget.fiscal_summary", "amount", "income:total_income", "17552.65"),  # 一、本年收入
    ("chongqing", "budget.fiscal_summary", "amount", "income:fiscal_general_budget", "17552.65"),
    ("chongqing", "budget.fiscal_summary", "amount", "income:opening_balance", "865.06"),
    ("chongqing", "budget.fiscal_summary", "amount", "income:grand_total", "18417.70"),  # 收入合计
    ("chongqing", "budget.fiscal_summary", "total", "expenditure:total_expenditure", "18417.70"),
    ("chongqing", "budget.fiscal_summary", "general_budget", "expenditure:total_expenditure", "18417.70"),
    ("chongqing", "budget.fiscal_summary", "total", "expenditure:201", "15146.48"),
    ("chongqing", "budget.fiscal_summary", "general_budget", "expenditure:201", "15146.48"),
    ("chongqing", "budget.fiscal_summary", "gov_fund", "expenditure:201", None),
    ("chongqing", "budget.fiscal_summary", "general_budget", "expenditure:closing_balance", None),
    ("chongqing", "budget.fiscal_summary", "general_budget", "expenditure:grand_total", "18417.70"),  # 支出合计
    # 表五 一般公共预算支出情况表, PDF pp.15–16 (2025年预算数 column before 总计)
    ("chongqing", "budget.general_budget_expenditure", "total", "key:total", "18417.70"),  # p.15
    ("chongqing", "budget.general_budget_expenditure", "basic", "key:total", "9018.47"),  # p.15
    ("chongqing", "budget.general_budget_expenditure", "project", "key:total", "9399.23"),  # p.15
    ("chongqing", "budget.general_budget_expenditure", "project", "code:201", "8726.06"),  # p.15
    ("chongqing", "budget.general_budget_expenditure", "basic", "code:2010302", None),  # p.15
    ("chongqing", "budget.general_budget_expenditure", "total", "code:2010399", "505.37"),  # p.15
    ("chongqing", "budget.general_budget_expenditure", "project", "code:2150516", "673.17"),  # p.16
    ("chongqing", "budget.general_budget_expenditure", "total", "code:2210201", "539.91"),  # p.16
    # 表六 一般公共预算基本支出情况表, PDF pp.17–18
    ("chongqing", "budget.general_budget_basic", "total", "key:total", "9018.47"),  # p.17
    ("chongqing", "budget.general_budget_basic", "personnel", "key:total", "7180.92"),  # p.17
    ("chongqing", "budget.general_budget_basic", "public", "key:total", "1837.55"),  # p.17
    ("chongqing", "budget.general_budget_basic", "public", "code:301", None),  # p.17
    ("chongqing", "budget.general_budget_basic", "personnel", "code:30101", "1576.86"),  # p.17
    ("chongqing", "budget.general_budget_basic", "public", "code:302", "1837.55"),  # p.17
    ("chongqing", "budget.general_budget_basic", "total", "code:30231", "200.00"),  # p.17
    ("chongqing", "budget.general_budget_basic", "personnel", "code:303", "671.51"),  # p.18
    ("chongqing", "budget.general_budget_basic", "total", "code:30307", "34.00"),  # p.18
    # 表七 政府性基金预算支出情况表, PDF p.19: empty, 合计 row printed blank
    ("chongqing", "budget.gov_fund", "total", "key:total", None),
    # 表八 财政拨款“三公”经费支出情况表, PDF p.20: one unnamed row, 2025年预算数 then
    # 2026年预算数; the budget year's figures are the 2026 half
    ("chongqing", "budget.three_public", "total", "name:", "394.49"),
    ("chongqing", "budget.three_public", "abroad", "name:", "184.49"),
    ("chongqing", "budget.three_public", "vehicle", "name:", "200.00"),
    ("chongqing", "budget.three_public", "vehicle_purchase", "name:", None),
    ("chongqing", "budget.three_public", "vehicle_operation", "name:", "200.00"),
    ("chongqing", "budget.three_public", "reception", "name:", "10.00"),
    # ---- 广州市人民政府办公厅 ----
    # 表1 收支总体情况表, PDF pp.5–6 (amount column headed 预算)
    ("guangzhou", "budget.summary", "amount", "name:一、预算拨款", "16410.71"),  # p.5
    ("guangzhou", "budget.summary", "amount", "income:fiscal", "16410.71"),  # p.5 一、预算拨款
    ("guangzhou", "budget.summary", "amount", "income:special_account_business", "0.00"),  # p.5 二、财政专户拨款
    ("guangzhou", "budget.summary", "amount", "income:business", "0.00"),  # p.5
    ("guangzhou", "budget.summary", "amount", "income:total_income", "16410.71"),  # p.6
    ("guangzhou", "budget.summary", "amount", "income:opening_balance", "0.00"),  # p.6
    ("guangzhou", "budget.summary", "amount", "income:grand_total", "16410.71"),  # p.6
    ("guangzhou", "budget.summary", "amount", "expenditure:201", "8812.33"),  # p.5
    ("guangzhou", "budget.summary", "amount", "expenditure:221", "4735.85"),  # p.5
    ("guangzhou", "budget.summary", "amount", "expenditure:230", "0.00"),  # p.6 二十八、转移性支出
    ("guangzhou", "budget.summary", "amount", "expenditure:total_expenditure", "16410.71"),  # p.6
    ("guangzhou", "budget.summary", "amount", "name:结转结余下年", "0.00"),  # p.6
    ("guangzhou", "budget.summary", "amount", "expenditure:closing_balance", "0.00"),  # p.6 结转结余下年
    ("guangzhou", "budget.summary", "amount", "expenditure:grand_total", "16410.71"),  # p.6
    # 表2 收入总体情况表, PDF p.7: 合计 then one row per unit
    ("guangzhou", "budget.income", "total", "key:total", "16410.71"),
    ("guangzhou", "budget.income", "business", "key:total", "0.00"),
    ("guangzhou", "budget.income", "other", "key:total", "0.00"),
    # 财政专户拨款收入 printed by its two parts only: 教育收费 | 其他专户收入拨款 (p.7)
    ("guangzhou", "budget.income", "special_account_tuition", "key:total", "0.00"),
    ("guangzhou", "budget.income", "special_account_other", "key:total", "0.00"),
    ("guangzhou", "budget.income", "total", "name:广州市人民政府办公厅", "14554.26"),
    ("guangzhou", "budget.income", "total", "name:广州地区公文交换站（广州市人民政府公报编辑部）", "896.54"),
    # 表3 本年支出总体情况表, PDF pp.8–9
    ("guangzhou", "budget.expenditure", "total", "key:total", "16410.71"),  # p.8
    ("guangzhou", "budget.expenditure", "basic", "key:total", "14913.65"),  # p.8
    ("guangzhou", "budget.expenditure", "project", "key:total", "1497.06"),  # p.8
    ("guangzhou", "budget.expenditure", "to_higher", "key:total", "0.00"),  # p.8
    ("guangzhou", "budget.expenditure", "total", "code:201", "8812.33"),  # p.8
    ("guangzhou", "budget.expenditure", "project", "code:2010350", "65.15"),  # p.8
    ("guangzhou", "budget.expenditure", "basic", "code:221", "4735.85"),  # p.9
    ("guangzhou", "budget.expenditure", "total", "code:2210203", "3841.71"),  # p.9
    # 表4 财政拨款收支总体情况表, PDF pp.10–11 (amount column headed 预算)
    ("guangzhou", "budget.fiscal_summary", "amount", "income:fiscal_general_budget", "16410.71"),  # p.10
    ("guangzhou", "budget.fiscal_summary", "amount", "income:fiscal_gov_fund", "0.00"),  # p.10
    ("guangzhou", "budget.fiscal_summary", "amount", "income:total_income", "16410.71"),  # p.11
    ("guangzhou", "budget.fiscal_summary", "amount", "income:grand_total", "16410.71"),  # p.11
    ("guangzhou", "budget.fiscal_summary", "amount", "expenditure:201", "8812.33"),  # p.10
    ("guangzhou", "budget.fiscal_summary", "amount", "expenditure:208", "2808.48"),  # p.10
    ("guangzhou", "budget.fiscal_summary", "amount", "expenditure:total_expenditure", "16410.71"),  # p.11
    ("guangzhou", "budget.fiscal_summary", "amount", "expenditure:closing_balance", "0.00"),  # p.11
    ("guangzhou", "budget.fiscal_summary", "amount", "expenditure:grand_total", "16410.71"),  # p.11
    # 表5 一般公共预算支出情况表（按功能分类科目）, PDF pp.12–13: codes printed as "[201]…"
    ("guangzhou", "budget.general_budget_expenditure", "total", "key:total", "16410.71"),  # p.12
    ("guangzhou", "budget.general_budget_expenditure", "basic", "key:total", "14913.65"),  # p.12
    ("guangzhou", "budget.general_budget_expenditure", "project", "key:total", "1497.06"),  # p.12
    ("guangzhou", "budget.general_budget_expenditure", "total", "code:201", "8812.33"),  # p.12
    ("guangzhou", "budget.general_budget_expenditure", "project", "code:20103", "1459.98"),  # p.12
    ("guangzhou", "budget.general_budget_expenditure", "project", "code:2010301", "0.00"),  # p.12
    ("guangzhou", "budget.general_budget_expenditure", "basic", "code:2210201", "894.14"),  # p.13
    ("guangzhou", "budget.general_budget_expenditure", "total", "code:2210203", "3841.71"),  # p.13
    # 表6 一般公共预算基本支出情况表（按经济分类科目）, PDF pp.14–15: one column 预算
    ("guangzhou", "budget.general_budget_basic", "total", "key:total", "14913.65"),  # p.14
    ("guangzhou", "budget.general_budget_basic", "total", "code:301", "10613.19"),  # p.14
    ("guangzhou", "budget.general_budget_basic", "total", "code:30101", "1525.99"),  # p.14
    ("guangzhou", "budget.general_budget_basic", "total", "code:302", "903.26"),  # p.14
    ("guangzhou", "budget.general_budget_basic", "total", "code:303", "3397.19"),  # p.15
    ("guangzhou", "budget.general_budget_basic", "total", "code:30399", "0.08"),  # p.15
    # 表7 一般公共预算项目支出情况表（按经济分类科目）, PDF p.16: one column 预算
    ("guangzhou", "budget.general_budget_project", "total", "key:total", "1497.06"),
    ("guangzhou", "budget.general_budget_project", "total", "code:302", "1432.54"),
    ("guangzhou", "budget.general_budget_project", "total", "code:30212", "215.60"),
    ("guangzhou", "budget.general_budget_project", "total", "code:31007", "49.72"),
    # 表8 财政拨款安排的行政经费及“三公”经费预算表, PDF p.17: printed transposed (items as
    # rows; columns 合计 and one per fund); read as the 合计 row of the standard columns
    ("guangzhou", "budget.three_public", "office_operation", "key:total", "1443.41"),  # 行政经费
    ("guangzhou", "budget.three_public", "total", "key:total", "226.86"),  # “三公”经费
    ("guangzhou", "budget.three_public", "abroad", "key:total", "215.60"),
    ("guangzhou", "budget.three_public", "vehicle", "key:total", "0.00"),
    ("guangzhou", "budget.three_public", "vehicle_purchase", "key:total", "0.00"),
    ("guangzhou", "budget.three_public", "vehicle_operation", "key:total", "0.00"),
    ("guangzhou", "budget.three_public", "reception", "key:total", "11.26"),
    ("guangzhou", "budget.three_public", "total", "name:一般公共预算", "226.86"),
    ("guangzhou", "budget.three_public", "abroad", "name:政府性基金预算", "0.00"),
    # 表9 政府性基金预算支出情况表, PDF p.18; 表10 国有资本经营预算支出情况表, PDF p.19
    ("guangzhou", "budget.gov_fund", "total", "key:total", "0.00"),
    ("guangzhou", "budget.gov_fund", "project", "key:total", "0.00"),
    ("guangzhou", "budget.state_capital", "total", "key:total", "0.00"),
    # ---- 珠海市商务局 ----
    # 表1 收支总体情况表, PDF pp.6–7 (amount column headed 预算)
    ("zhuhai", "budget.summary", "amount", "name:一、预算拨款", "46402.33"),  # p.6
    ("zhuhai", "budget.summary", "amount", "income:fiscal", "46402.33"),  # p.6 一、预算拨款
    ("zhuhai", "budget.summary", "amount", "income:other", "1.64"),  # p.6
    ("zhuhai", "budget.summary", "amount", "income:business", "0.00"),  # p.6
    ("zhuhai", "budget.summary", "amount", "income:total_income", "46403.97"),  # p.7
    ("zhuhai", "budget.summary", "amount", "income:opening_balance", "19904.01"),  # p.7
    ("zhuhai", "budget.summary", "amount", "income:grand_total", "66307.98"),  # p.7
    ("zhuhai", "budget.summary", "amount", "expenditure:201", "42753.31"),  # p.6
    ("zhuhai", "budget.summary", "amount", "expenditure:216", "20904.83"),  # p.6
    ("zhuhai", "budget.summary", "amount", "expenditure:total_expenditure", "66307.98"),  # p.7
    ("zhuhai", "budget.summary", "amount", "name:结转结余下年", "0.00"),  # p.7
    ("zhuhai", "budget.summary", "amount", "expenditure:closing_balance", "0.00"),  # p.7 结转结余下年
    ("zhuhai", "budget.summary", "amount", "expenditure:grand_total", "66307.98"),  # p.7
    # 表2 收入总体情况表, PDF p.8
    ("zhuhai", "budget.income", "total", "key:total", "66307.98"),
    ("zhuhai", "budget.income", "other", "key:total", "1.64"),
    ("zhuhai", "budget.income", "total", "name:珠海市商务局", "64704.94"),
    ("zhuhai", "budget.income", "business", "name:珠海市贸易服务中心", "0.00"),
    ("zhuhai", "budget.income", "total", "name:珠海市会议展览局", "512.90"),
    # 表3 本年支出总体情况表, PDF pp.9–10
    ("zhuhai", "budget.expenditure", "total", "key:total", "66307.98"),  # p.9
    ("zhuhai", "budget.expenditure", "basic", "key:total", "7519.44"),  # p.9
    ("zhuhai", "budget.expenditure", "project", "key:total", "58788.54"),  # p.9
    ("zhuhai", "budget.expenditure", "total", "code:201", "42753.31"),  # p.9
    ("zhuhai", "budget.expenditure", "basic", "code:2011301", "4967.40"),  # p.9
    ("zhuhai", "budget.expenditure", "total", "code:216", "20904.83"),  # p.10
    ("zhuhai", "budget.expenditure", "total", "code:2150299", "0.00"),  # p.10
    ("zhuhai", "budget.expenditure", "project", "code:2169999", "18788.79"),  # p.10
    # 表4 财政拨款收支总体情况表, PDF pp.11–12 (amount column headed 预算)
    ("zhuhai", "budget.fiscal_summary", "amount", "income:fiscal_general_budget", "46402.33"),  # p.11
    ("zhuhai", "budget.fiscal_summary", "amount", "income:fiscal_state_capital", "0.00"),  # p.11
    ("zhuhai", "budget.fiscal_summary", "amount", "income:total_income", "46402.33"),  # p.11
    ("zhuhai", "budget.fiscal_summary", "amount", "income:grand_total", "46402.33"),  # p.12
    ("zhuhai", "budget.fiscal_summary", "amount", "expenditure:201", "41350.29"),  # p.11
    ("zhuhai", "budget.fiscal_summary", "amount", "expenditure:216", "2500.00"),  # p.11
    ("zhuhai", "budget.fiscal_summary", "amount", "expenditure:total_expenditure", "46402.33"),  # p.11
    ("zhuhai", "budget.fiscal_summary", "amount", "expenditure:closing_balance", "0.00"),  # p.12
    ("zhuhai", "budget.fiscal_summary", "amount", "expenditure:grand_total", "46402.33"),  # p.12
    # 表5 一般公共预算支出情况表（按功能分类科目）, PDF pp.13–14: codes printed as "[201]…"
    ("zhuhai", "budget.general_budget_expenditure", "total", "key:total", "46402.33"),  # p.13
    ("zhuhai", "budget.general_budget_expenditure", "basic", "key:total", "7517.32"),  # p.13
    ("zhuhai", "budget.general_budget_expenditure", "project", "key:total", "38885.01"),  # p.13
    ("zhuhai", "budget.general_budget_expenditure", "total", "code:201", "41350.29"),  # p.13
    ("zhuhai", "budget.general_budget_expenditure", "basic", "code:20113", "4965.28"),  # p.13
    ("zhuhai", "budget.general_budget_expenditure", "project", "code:2011302", "3.00"),  # p.13
    ("zhuhai", "budget.general_budget_expenditure", "basic", "code:216", "0.00"),  # p.14
    ("zhuhai", "budget.general_budget_expenditure", "total", "code:2169999", "2500.00"),  # p.14
    # 表6 一般公共预算基本支出情况表（按经济分类科目）, PDF pp.15–16: one column 预算
    ("zhuhai", "budget.general_budget_basic", "total", "key:total", "7517.32"),  # p.15
    ("zhuhai", "budget.general_budget_basic", "total", "code:301", "5132.74"),  # p.15
    ("zhuhai", "budget.general_budget_basic", "total", "code:30101", "636.67"),  # p.15
    ("zhuhai", "budget.general_budget_basic", "total", "code:302", "524.04"),  # p.15
    ("zhuhai", "budget.general_budget_basic", "total", "code:303", "1802.38"),  # p.16
    ("zhuhai", "budget.general_budget_basic", "total", "code:31099", "40.00"),  # p.16
    # 表7 一般公共预算项目支出情况表（按经济分类科目）, PDF p.17
    ("zhuhai", "budget.general_budget_project", "total", "key:total", "38885.01"),
    ("zhuhai", "budget.general_budget_project", "total", "code:30206", "6420.00"),
    ("zhuhai", "budget.general_budget_project", "total", "code:31204", "9450.00"),
    # 表8 财政拨款安排的行政经费及“三公”经费预算表, PDF p.18 (transposed, as 广州's)
    ("zhuhai", "budget.three_public", "office_operation", "key:total", "10884.55"),  # 行政经费
    ("zhuhai", "budget.three_public", "total", "key:total", "19.84"),  # “三公”经费
    ("zhuhai", "budget.three_public", "abroad", "key:total", "13.20"),
    ("zhuhai", "budget.three_public", "vehicle_operation", "key:total", "0.00"),  # 2.公务用车运行维护费
    ("zhuhai", "budget.three_public", "reception", "key:total", "6.64"),
    # 表9 政府性基金预算支出情况表, PDF p.19; 表10 国有资本经营预算支出情况表, PDF p.20
    ("zhuhai", "budget.gov_fund", "total", "key:total", "0.00"),
    ("zhuhai", "budget.gov_fund", "project", "key:total", "0.00"),
    ("zhuhai", "budget.state_capital", "total", "key:total", "0.00"),
]


@pytest.mark.parametrize(
    "doc, table_id, column, locator, expected",
    CELLS,
    ids=[f"{c[0]}-{c[1]}-{c[2]}-{c[3]}" for c in CELLS],
)
def test_cell(doc, table_id, column, locator, expected):
    assert_printed(value(load_disclosure(DOCS[doc]), table_id, column, locator), expected)


# -- raw (untyped) tables: a printed cell text is kept in the row's cells ---------------------

RAW = [
    # 深圳 表4 基本支出总表, PDF p.32: the unit row's 总计
    ("shenzhen", "budget.basic_summary", SZ_UNIT, "11,826.97"),
    # 深圳 表5 项目支出总表, PDF p.34: 总计 wraps inside its cell as "376,936.6" / "0"
    ("shenzhen", "budget.project_summary", SZ_UNIT, "376,936.60"),
    ("shenzhen", "budget.project_summary", SZ_UNIT, "372,569.82"),
    # 重庆 表九 政府采购预算明细表, PDF p.21
    ("chongqing", "budget.procurement", "name:合计", "4,542.69"),
    # 重庆 表十 部门整体绩效目标表, PDF p.22: 指标值 and 指标权重
    ("chongqing", "performance.target_department", "name:市政府网络可用率", "99.5"),
    ("chongqing", "performance.target_department", "name:市政府门户网站优化整改次数", "10"),
    # 重庆 表十二 市级一般性项目绩效目标表, PDF p.24 (the second target_project table, after
    # the empty 表十一): 当年财政拨款预算金额
    ("chongqing", "performance.target_project#1", "name:1", "8,534.17"),
    # 广州 表11 部门预算基本支出预算表, PDF p.20; 表12 部门预算项目支出及其他支出预算表, PDF p.21
    ("guangzhou", "budget.basic_summary", "name:广州市人民政府办公厅（本级）", "13,192.65"),
    ("guangzhou", "budget.project_summary", "name:广州市人民政府办公厅", "1,361.61"),
    # 珠海 表11, PDF p.21; 表12, PDF p.22
    ("zhuhai", "budget.basic_summary", "name:珠海市商务局", "6,258.73"),
    ("zhuhai", "budget.project_summary", "name:珠海市商务局", "58,446.21"),
]


@pytest.mark.parametrize("doc, table_id, locator, text", RAW, ids=[f"{r[0]}-{r[1]}-{r[3]}" for r in RAW])
def test_raw_cell(doc, table_id, locator, text):
    assert text in (row(load_disclosure(DOCS[doc]), table_id, locator).cells or [])
