"""Cells of every standard table in three more sample PDFs (杭州, 无锡, 上海普陀万里), read in place.

Every expected value was read off the rendered page (pdftoppm); the comment gives the PDF page.
Expected values are what the page prints: a cell printed blank is None, a printed 0 is 0.
"""

from __future__ import annotations

import pytest

from conftest import SHARED, assert_printed, load_disclosure, table, value

SAMPLES = SHARED / "samples"
DOCS = {
    "hangzhou": SAMPLES / "renwu/008_杭州/2026年杭州市交通运输局部门预算.pdf",
    "wuxi": SAMPLES / "renwu/014_无锡/2026年无锡市住房和建设局部门预算.pdf",
    "wanli": SAMPLES / "GovBudgetChecker/X/上海市普陀区人民政府万里街道办事处24年预算.pdf",
}


def doc(name: str):
    return load_disclosure(DOCS[name])


# -- the tables each document prints ------------------------------------------------------

TABLES = {
    # 表1–表11 (pp.22–41, 万元); the number is part of the title ("表1：…"); rows name the
    # 功能/经济 科目 without codes
    "hangzhou": [
        (None, "budget.summary"),  # p22–23
        (None, "budget.income"),  # p24–25
        (None, "budget.expenditure"),  # p26–27
        (None, "budget.fiscal_summary"),  # p28–29
        (None, "budget.general_budget_expenditure"),  # p30–31
        (None, "budget.general_budget_basic"),  # p32–33
        (None, "budget.three_public"),  # p34
        (None, "budget.gov_fund"),  # p35
        (None, "budget.state_capital"),  # p36 (empty)
        (None, "budget.project_summary"),  # p37–38
        (None, "performance.target_project"),  # p39–41 项目支出绩效表
    ],
    # 公开01表 … 公开13表 (pp.9–25, 万元)
    "wuxi": [
        ("01", "budget.summary"),
        ("02", "budget.income"),
        ("03", "budget.expenditure"),  # pp.11–12
        ("04", "budget.fiscal_summary"),  # pp.13–14
        ("05", "budget.fiscal_expenditure"),  # pp.15–16
        ("06", "budget.fiscal_basic"),
        ("07", "budget.general_budget_expenditure"),  # pp.18–19
        ("08", "budget.general_budget_basic"),
        ("09", "budget.three_public"),
        ("10", "budget.gov_fund"),
        ("11", "budget.state_capital"),  # p23 (empty)
        ("12", "budget.office_operation"),
        ("13", "budget.procurement"),
    ],
    # 2024 budget (pp.10–31, 元; the 三公 table p31 in 万元); split 类/款/项 code columns, 合计 last
    "wanli": [
        (None, "budget.summary"),  # p10
        (None, "budget.income"),  # pp.11–15
        (None, "budget.expenditure"),  # pp.16–20
        (None, "budget.fiscal_summary"),  # p21
        (None, "budget.general_budget_expenditure"),  # pp.22–26
        (None, "budget.gov_fund"),  # p27 (empty)
        (None, "budget.state_capital"),  # p28 (empty)
        (None, "budget.general_budget_basic"),  # pp.29–30
        (None, "budget.three_public"),  # p31
    ],
}


@pytest.mark.parametrize("name", list(TABLES))
def test_recognized_tables(name):
    assert [(t.number, t.id) for t in doc(name).tables] == TABLES[name]


# -- cells ----------------------------------------------------------------------------------
# (document, table, row locator, column, amount as printed; None = printed blank)

CELLS = [
    # ==== 杭州市交通运输局 (万元) ====
    # 表1 收支预算总表
    ("hangzhou", "budget.summary", "income:fiscal", "amount", "636376.38"),  # p22 一、财政拨款
    ("hangzhou", "budget.summary", "income:fiscal_gov_fund", "amount", "221493.00"),  # p22
    ("hangzhou", "budget.summary", "income:fiscal_state_capital", "amount", None),  # p22
    ("hangzhou", "budget.summary", "income:business", "amount", "9680.97"),  # p22 三、事业收入
    ("hangzhou", "budget.summary", "income:total_income", "amount", "648105.52"),  # p23
    ("hangzhou", "budget.summary", "income:opening_balance", "amount", "17858.84"),  # p23 上年结转结余
    ("hangzhou", "budget.summary", "income:grand_total", "amount", "665964.37"),  # p23
    ("hangzhou", "budget.summary", "expenditure:201", "amount", "6651.38"),  # p22 (as printed; 款 sum 6701.98)
    ("hangzhou", "budget.summary", "expenditure:214", "amount", "174982.14"),  # p22
    ("hangzhou", "budget.summary", "expenditure:229", "amount", "10493.00"),  # p23 (continuation)
    ("hangzhou", "budget.summary", "expenditure:total_expenditure", "amount", "665964.37"),  # p23
    ("hangzhou", "budget.summary", "expenditure:closing_balance", "amount", None),  # p23 年终结转结余
    ("hangzhou", "budget.summary", "expenditure:grand_total", "amount", "665964.37"),  # p23
    # 表2 收入预算总表 (rows are units)
    ("hangzhou", "budget.income", "key:total", "total", "665964.37"),  # p24
    ("hangzhou", "budget.income", "key:total", "current_total", "648105.52"),  # p24 本年收入 小计
    ("hangzhou", "budget.income", "key:total", "gov_fund", "221493.00"),  # p24
    ("hangzhou", "budget.income", "key:total", "business", "9680.97"),  # p24 7 事业收入
    ("hangzhou", "budget.income", "key:total", "other", "2048.18"),  # p24 11 其他收入
    ("hangzhou", "budget.income", "key:total", "operating", None),  # p24 8 事业单位经营收入
    ("hangzhou", "budget.income", "key:total", "opening_balance", "17858.84"),  # p24 上年结转结余 小计
    ("hangzhou", "budget.income", "name:杭州市道路运输管理服务中心", "opening_balance", "14400.56"),  # p24
    # the name "杭州市综合交通运输研究|中心" is broken over pp.24–25
    ("hangzhou", "budget.income", "name:杭州市综合交通运输研究中心", "total", "5290.70"),  # p24
    ("hangzhou", "budget.income", "name:杭州市交通运输发展保障中心", "total", "18286.81"),  # p25
    ("hangzhou", "budget.income", "name:杭州市交通运输发展保障中心", "business", "4390.27"),  # p25
    # 表3 支出预算总表 (基本支出 = 人员支出 + 日常公用支出, no 小计 column)
    ("hangzhou", "budget.expenditure", "key:total", "total", "665964.37"),  # p26
    ("hangzhou", "budget.expenditure", "key:total", "personnel", "73924.43"),  # p26
    ("hangzhou", "budget.expenditure", "key:total", "public", "15868.83"),  # p26
    ("hangzhou", "budget.expenditure", "key:total", "project", "576171.11"),  # p26 wraps "576,171.1|1"
    ("hangzhou", "budget.expenditure", "key:total", "operating", None),  # p26
    ("hangzhou", "budget.expenditure", "name:一般公共服务支出", "personnel", None),  # p26
    ("hangzhou", "budget.expenditure", "name:行政单位离退休", "public", "1.50"),  # p26
    ("hangzhou", "budget.expenditure", "name:交通运输支出", "project", "116780.62"),  # p27
    ("hangzhou", "budget.expenditure", "name:其他政府性基金安排的支出", "total", "10493.00"),  # p27 last row
    # 表4 财政拨款收支预算总表
    ("hangzhou", "budget.fiscal_summary", "income:fiscal", "amount", "636376.38"),  # p28
    ("hangzhou", "budget.fiscal_summary", "income:fiscal_general_budget", "amount", "414883.38"),  # p28
    ("hangzhou", "budget.fiscal_summary", "income:fiscal_state_capital", "amount", None),  # p28
    ("hangzhou", "budget.fiscal_summary", "income:opening_balance", "amount", "17858.84"),  # p28
    ("hangzhou", "budget.fiscal_summary", "income:grand_total", "amount", "654235.22"),  # p29
    ("hangzhou", "budget.fiscal_summary", "expenditure:total_expenditure", "amount", "654235.22"),  # p28
    ("hangzhou", "budget.fiscal_summary", "expenditure:205", "amount", "22262.08"),  # p28
    ("hangzhou", "budget.fiscal_summary", "expenditure:214", "amount", "165831.11"),  # p28
    ("hangzhou", "budget.fiscal_summary", "expenditure:229", "amount", "10493.00"),  # p29
    ("hangzhou", "budget.fiscal_summary", "expenditure:closing_balance", "amount", None),  # p29
    ("hangzhou", "budget.fiscal_summary", "expenditure:grand_total", "amount", "654235.22"),  # p29
    # 表5 一般公共预算支出预算表
    ("hangzhou", "budget.general_budget_expenditure", "key:total", "total", "432513.70"),  # p30
    ("hangzhou", "budget.general_budget_expenditure", "key:total", "basic", "82479.29"),  # p30 小计
    ("hangzhou", "budget.general_budget_expenditure", "key:total", "personnel", "67627.51"),  # p30
    ("hangzhou", "budget.general_budget_expenditure", "key:total", "public", "14902.37"),  # p30
    ("hangzhou", "budget.general_budget_expenditure", "key:total", "project", "350034.42"),  # p30
    ("hangzhou", "budget.general_budget_expenditure", "name:一般公共服务支出", "basic", None),  # p30
    ("hangzhou", "budget.general_budget_expenditure", "name:事业单位离退休", "personnel", "887.91"),  # p30
    ("hangzhou", "budget.general_budget_expenditure", "name:其他公路水路运输支出", "basic", "8464.39"),  # p31
    ("hangzhou", "budget.general_budget_expenditure", "name:公共交通运营补助", "project", "68000.00"),  # p31
    # 表6 一般公共预算基本支出预算表 (合计 printed 82,529.89)
    ("hangzhou", "budget.general_budget_basic", "key:total", "total", "82529.89"),  # p32
    ("hangzhou", "budget.general_budget_basic", "key:total", "personnel", "67627.51"),  # p32
    ("hangzhou", "budget.general_budget_basic", "key:total", "public", "14902.37"),  # p32
    ("hangzhou", "budget.general_budget_basic", "name:工资福利支出", "public", None),  # p32
    ("hangzhou", "budget.general_budget_basic", "name:基本工资", "personnel", "10588.60"),  # p32
    ("hangzhou", "budget.general_budget_basic", "name:办公费", "public", "626.9"),  # p32 printed 626.9
    ("hangzhou", "budget.general_budget_basic", "name:其他对个人和家庭的补助", "public", "2008.00"),  # p33
    ("hangzhou", "budget.general_budget_basic", "name:办公设备购置", "total", "360.60"),  # p33 last row
    # 表7 “三公”经费预算表 (rows are units)
    ("hangzhou", "budget.three_public", "key:total", "total", "873.20"),  # p34
    ("hangzhou", "budget.three_public", "key:total", "abroad", None),  # p34
    ("hangzhou", "budget.three_public", "key:total", "vehicle", "846.10"),  # p34
    ("hangzhou", "budget.three_public", "key:total", "vehicle_purchase", "421.30"),  # p34
    ("hangzhou", "budget.three_public", "key:total", "vehicle_operation", "424.80"),  # p34
    ("hangzhou", "budget.three_public", "key:total", "reception", "27.10"),  # p34
    ("hangzhou", "budget.three_public", "name:杭州市交通运输行政执法队", "total", "684.00"),  # p34
    # 表8 政府性基金预算支出预算表
    ("hangzhou", "budget.gov_fund", "key:total", "total", "221670.92"),  # p35
    ("hangzhou", "budget.gov_fund", "key:total", "basic", None),  # p35
    ("hangzhou", "budget.gov_fund", "key:total", "project", "221670.92"),  # p35
    ("hangzhou", "budget.gov_fund", "name:城市建设支出", "project", "211000.00"),  # p35
    ("hangzhou", "budget.gov_fund", "name:其他政府性基金安排的支出", "total", "10493.00"),  # p35 last row
    # 表9 国有资本经营预算支出预算表: 合计 printed blank
    ("hangzhou", "budget.state_capital", "key:total", "project", None),  # p36
    # ==== 无锡市住房和城乡建设局（本级） (万元) ====
    # 公开01表 收支总表
    ("wuxi", "budget.summary", "income:fiscal_general_budget", "amount", "38420.00"),  # p9
    ("wuxi", "budget.summary", "income:fiscal_gov_fund", "amount", "67808.00"),  # p9
    ("wuxi", "budget.summary", "income:fiscal_state_capital", "amount", None),  # p9
    ("wuxi", "budget.summary", "income:other", "amount", "200.00"),  # p9 九、其他收入
    ("wuxi", "budget.summary", "income:total_income", "amount", "106428.00"),  # p9
    ("wuxi", "budget.summary", "income:opening_balance", "amount", None),  # p9 上年结转结余
    ("wuxi", "budget.summary", "income:grand_total", "amount", "106428.00"),  # p9
    ("wuxi", "budget.summary", "expenditure:201", "amount", None),  # p9
    ("wuxi", "budget.summary", "expenditure:212", "amount", "100930.75"),  # p9
    ("wuxi", "budget.summary", "expenditure:221", "amount", "4033.22"),  # p9
    ("wuxi", "budget.summary", "expenditure:total_expenditure", "amount", "106428.00"),  # p9
    ("wuxi", "budget.summary", "expenditure:closing_balance", "amount", None),  # p9
    ("wuxi", "budget.summary", "expenditure:grand_total", "amount", "106428.00"),  # p9
    # 公开02表 收入总表 (合计 + one unit, 364001)
    ("wuxi", "budget.income", "key:total", "total", "106428.00"),  # p10
    ("wuxi", "budget.income", "key:total", "current_total", "106428.00"),  # p10
    ("wuxi", "budget.income", "key:total", "general_budget", "38420.00"),  # p10
    ("wuxi", "budget.income", "key:total", "gov_fund", "67808.00"),  # p10
    ("wuxi", "budget.income", "key:total", "other", "200.00"),  # p10
    ("wuxi", "budget.income", "key:total", "business", None),  # p10
    ("wuxi", "budget.income", "key:total", "opening_balance", None),  # p10 上年结转结余 小计
    ("wuxi", "budget.income", "name:无锡市住房和城乡建设局（本级）", "total", "106428.00"),  # p10
    # 公开03表 支出总表
    ("wuxi", "budget.expenditure", "key:total", "total", "106428.00"),  # p11
    ("wuxi", "budget.expenditure", "key:total", "basic", "5067.10"),  # p11
    ("wuxi", "budget.expenditure", "key:total", "project", "101360.90"),  # p11
    ("wuxi", "budget.expenditure", "key:total", "operating", None),  # p11
    ("wuxi", "budget.expenditure", "code:208", "total", "446.73"),  # p11 first row
    ("wuxi", "budget.expenditure", "code:21201", "project", "825.20"),  # p11
    ("wuxi", "budget.expenditure", "code:2120101", "project", None),  # p11
    ("wuxi", "budget.expenditure", "code:2210111", "project", "200.00"),  # p12 配租型住房保障
    ("wuxi", "budget.expenditure", "code:2210203", "basic", "250.37"),  # p12 last row
    # 公开04表 财政拨款收支总表
    ("wuxi", "budget.fiscal_summary", "income:total_income", "amount", "106228.00"),  # p13 一、本年收入
    ("wuxi", "budget.fiscal_summary", "income:fiscal_general_budget", "amount", "38420.00"),  # p13
    ("wuxi", "budget.fiscal_summary", "income:fiscal_gov_fund", "amount", "67808.00"),  # p13
    ("wuxi", "budget.fiscal_summary", "income:opening_balance", "amount", None),  # p13 二、上年结转
    ("wuxi", "budget.fiscal_summary", "income:grand_total", "amount", "106228.00"),  # p14
    ("wuxi", "budget.fiscal_summary", "expenditure:total_expenditure", "amount", "106228.00"),  # p13
    ("wuxi", "budget.fiscal_summary", "expenditure:212", "amount", "100930.75"),  # p13
    ("wuxi", "budget.fiscal_summary", "expenditure:221", "amount", "3833.22"),  # p14 (continuation)
    ("wuxi", "budget.fiscal_summary", "expenditure:229", "amount", None),  # p14
    ("wuxi", "budget.fiscal_summary", "expenditure:grand_total", "amount", "106228.00"),  # p14
    # 公开05表 财政拨款支出表（功能科目）
    ("wuxi", "budget.fiscal_expenditure", "key:total", "total", "106228.00"),  # p15
    ("wuxi", "budget.fiscal_expenditure", "key:total", "basic", "5067.10"),  # p15 小计
    ("wuxi", "budget.fiscal_expenditure", "key:total", "personnel", "4840.30"),  # p15
    ("wuxi", "budget.fiscal_expenditure", "key:total", "public", "226.80"),  # p15
    ("wuxi", "budget.fiscal_expenditure", "key:total", "project", "101160.90"),  # p15
    ("wuxi", "budget.fiscal_expenditure", "code:208", "public", None),  # p15
    ("wuxi", "budget.fiscal_expenditure", "code:2120101", "personnel", "3466.80"),  # p15
    ("wuxi", "budget.fiscal_expenditure", "code:2120803", "project", "67808.00"),  # p16
    ("wuxi", "budget.fiscal_expenditure", "code:2210203", "total", "250.37"),  # p16 last row
    # 公开06表 财政拨款基本支出表（经济科目）
    ("wuxi", "budget.fiscal_basic", "key:total", "total", "5067.10"),  # p17
    ("wuxi", "budget.fiscal_basic", "key:total", "personnel", "4840.30"),  # p17
    ("wuxi", "budget.fiscal_basic", "key:total", "public", "226.80"),  # p17
    ("wuxi", "budget.fiscal_basic", "code:301", "public", None),  # p17
    ("wuxi", "budget.fiscal_basic", "code:30101", "personnel", "521.19"),  # p17 first coded row
    ("wuxi", "budget.fiscal_basic", "code:30239", "public", "83.78"),  # p17
    ("wuxi", "budget.fiscal_basic", "code:30305", "total", "3.78"),  # p17 last row
    # 公开07表 一般公共预算支出表
    ("wuxi", "budget.general_budget_expenditure", "key:total", "total", "38420.00"),  # p18
    ("wuxi", "budget.general_budget_expenditure", "key:total", "basic", "5067.10"),  # p18
    ("wuxi", "budget.general_budget_expenditure", "key:total", "project", "33352.90"),  # p18
    ("wuxi", "budget.general_budget_expenditure", "code:212", "total", "33122.75"),  # p18
    ("wuxi", "budget.general_budget_expenditure", "code:2110302", "basic", None),  # p18
    ("wuxi", "budget.general_budget_expenditure", "code:2120399", "project", "28083.00"),  # p19
    ("wuxi", "budget.general_budget_expenditure", "code:221", "project", "3036.75"),  # p19
    ("wuxi", "budget.general_budget_expenditure", "code:2210203", "personnel", "250.37"),  # p19 last row
    # 公开08表 一般公共预算基本支出表
    ("wuxi", "budget.general_budget_basic", "key:total", "total", "5067.10"),  # p20
    ("wuxi", "budget.general_budget_basic", "key:total", "personnel", "4840.30"),  # p20
    ("wuxi", "budget.general_budget_basic", "key:total", "public", "226.80"),  # p20
    ("wuxi", "budget.general_budget_basic", "code:302", "personnel", None),  # p20
    ("wuxi", "budget.general_budget_basic", "code:30102", "total", "1408.11"),  # p20
    ("wuxi", "budget.general_budget_basic", "code:30217", "public", "7.00"),  # p20
    ("wuxi", "budget.general_budget_basic", "code:30302", "personnel", "1501.10"),  # p20
    # 公开09表 三公、会议费、培训费 (one unnamed row; zeros printed 0.00)
    ("wuxi", "budget.three_public", "name:", "three_public", "7.00"),  # p21
    ("wuxi", "budget.three_public", "name:", "abroad", "0.00"),  # p21
    ("wuxi", "budget.three_public", "name:", "vehicle", "0.00"),  # p21
    ("wuxi", "budget.three_public", "name:", "vehicle_operation", "0.00"),  # p21
    ("wuxi", "budget.three_public", "name:", "reception", "7.00"),  # p21
    ("wuxi", "budget.three_public", "name:", "meeting", "1.40"),  # p21
    ("wuxi", "budget.three_public", "name:", "training", "7.32"),  # p21
    # 公开10表 政府性基金预算支出表
    ("wuxi", "budget.gov_fund", "key:total", "total", "67808.00"),  # p22
    ("wuxi", "budget.gov_fund", "key:total", "basic", None),  # p22
    ("wuxi", "budget.gov_fund", "code:212", "project", "67808.00"),  # p22
    ("wuxi", "budget.gov_fund", "code:2120803", "total", "67808.00"),  # p22 last row
    # 公开11表 国有资本经营预算支出预算表 (注：本单位无…故本表无数据)
    ("wuxi", "budget.state_capital", "key:total", "total", None),  # p23
    # ==== 上海市普陀区人民政府万里街道办事处 (元) ====
    # 2024年部门财务收支预算总表 (no 本年收入合计 row)
    ("wanli", "budget.summary", "income:fiscal", "amount", "156211123"),  # p10 一、财政拨款收入
    ("wanli", "budget.summary", "income:fiscal_general_budget", "amount", "156211123"),  # p10
    ("wanli", "budget.summary", "income:fiscal_gov_fund", "amount", None),  # p10 "2. 政府性基金"
    ("wanli", "budget.summary", "income:business", "amount", None),  # p10 二、事业收入
    ("wanli", "budget.summary", "income:other", "amount", None),  # p10 四、其他收入
    ("wanli", "budget.summary", "income:grand_total", "amount", "156211123"),  # p10 收入总计
    ("wanli", "budget.summary", "expenditure:201", "amount", "2932700"),  # p10
    ("wanli", "budget.summary", "expenditure:212", "amount", "119385303"),  # p10
    ("wanli", "budget.summary", "expenditure:221", "amount", "8882399"),  # p10 九、住房保障支出
    ("wanli", "budget.summary", "expenditure:grand_total", "amount", "156211123"),  # p10 支出总计
    # 2024年部门收入预算总表 (合计 at the end, p15; zeros printed 0)
    ("wanli", "budget.income", "key:total", "total", "156211123"),  # p15
    ("wanli", "budget.income", "key:total", "fiscal", "156211123"),  # p15
    ("wanli", "budget.income", "key:total", "business", "0"),  # p15
    ("wanli", "budget.income", "code:201", "total", "2932700"),  # p11 first row
    ("wanli", "budget.income", "code:20105", "fiscal", "257700"),  # p11 款
    ("wanli", "budget.income", "code:2080505", "total", "4608515"),  # p13
    ("wanli", "budget.income", "code:2101102", "fiscal", "1601424"),  # p13
    ("wanli", "budget.income", "code:2210399", "total", "2177200"),  # p14 last coded row
    # 2024年部门支出预算总表
    ("wanli", "budget.expenditure", "key:total", "total", "156211123"),  # p20
    ("wanli", "budget.expenditure", "key:total", "basic", "99706020"),  # p20
    ("wanli", "budget.expenditure", "key:total", "project", "56505103"),  # p20
    ("wanli", "budget.expenditure", "code:201", "basic", "0"),  # p16 first row
    ("wanli", "budget.expenditure", "code:212", "project", "42776303"),  # p19
    ("wanli", "budget.expenditure", "code:2120101", "basic", "16353248"),  # p19
    ("wanli", "budget.expenditure", "code:2210399", "project", "2177200"),  # p19 last coded row
    # 2024年部门财政拨款收支预算总表 (expenditure by fund)
    ("wanli", "budget.fiscal_summary", "income:fiscal_general_budget", "amount", "156211123"),  # p21
    ("wanli", "budget.fiscal_summary", "income:fiscal_gov_fund", "amount", None),  # p21 二、政府性基金
    ("wanli", "budget.fiscal_summary", "income:fiscal_state_capital", "amount", None),  # p21
    ("wanli", "budget.fiscal_summary", "income:grand_total", "amount", "156211123"),  # p21
    ("wanli", "budget.fiscal_summary", "expenditure:201", "total", "2932700"),  # p21
    ("wanli", "budget.fiscal_summary", "expenditure:208", "general_budget", "19604064"),  # p21
    ("wanli", "budget.fiscal_summary", "expenditure:221", "gov_fund", None),  # p21
    ("wanli", "budget.fiscal_summary", "expenditure:grand_total", "total", "156211123"),  # p21
    ("wanli", "budget.fiscal_summary", "expenditure:grand_total", "general_budget", "156211123"),  # p21
    ("wanli", "budget.fiscal_summary", "expenditure:grand_total", "state_capital", None),  # p21
    # 2024年部门一般公共预算支出功能分类预算表
    ("wanli", "budget.general_budget_expenditure", "key:total", "total", "156211123"),  # p26
    ("wanli", "budget.general_budget_expenditure", "key:total", "basic", "99706020"),  # p26
    ("wanli", "budget.general_budget_expenditure", "key:total", "project", "56505103"),  # p26
    ("wanli", "budget.general_budget_expenditure", "code:201", "total", "2932700"),  # p22 first row
    ("wanli", "budget.general_budget_expenditure", "code:208", "basic", "13368164"),  # p23
    ("wanli", "budget.general_budget_expenditure", "code:2080505", "project", "0"),  # p24
    ("wanli", "budget.general_budget_expenditure", "code:2120101", "project", "250000"),  # p25
    ("wanli", "budget.general_budget_expenditure", "code:2210399", "total", "2177200"),  # p26 last coded row
    # 2024年部门一般公共预算基本支出部门预算经济分类预算表 (类 | 款 columns: "301 | 01")
    ("wanli", "budget.general_budget_basic", "key:total", "total", "99706020"),  # p30
    ("wanli", "budget.general_budget_basic", "key:total", "personnel", "88537451"),  # p30
    ("wanli", "budget.general_budget_basic", "key:total", "public", "11168569"),  # p30
    ("wanli", "budget.general_budget_basic", "code:301", "total", "88282511"),  # p29 first row
    ("wanli", "budget.general_budget_basic", "code:30101", "personnel", "5873551"),  # p29 "301 | 01"
    ("wanli", "budget.general_budget_basic", "code:30199", "total", "40683477"),  # p29 "301 | 99"
    ("wanli", "budget.general_budget_basic", "code:30239", "public", "691680"),  # p30 "302 | 39"
    ("wanli", "budget.general_budget_basic", "code:30302", "personnel", "254940"),  # p30 last coded row
    # 部门“三公”经费和机关运行经费预算表 (万元, one unnamed row)
    ("wanli", "budget.three_public", "name:", "total", "47.91"),  # p31
    ("wanli", "budget.three_public", "name:", "abroad", "0"),  # p31
    ("wanli", "budget.three_public", "name:", "reception", "1.35"),  # p31
    ("wanli", "budget.three_public", "name:", "vehicle", "46.56"),  # p31
    ("wanli", "budget.three_public", "name:", "vehicle_purchase", "25"),  # p31
    ("wanli", "budget.three_public", "name:", "vehicle_operation", "21.56"),  # p31
    ("wanli", "budget.three_public", "name:", "office_operation", "443.18"),  # p31
]


@pytest.mark.parametrize("name, table_id, locator, column, expected", CELLS)
def test_cell(name, table_id, locator, column, expected):
    assert_printed(value(doc(name), table_id, column, locator), expected)


# -- tables printed with no data --------------------------------------------------------------

EMPTY = [
    ("hangzhou", "budget.state_capital"),  # p36 备注：…故本表无数据 (header row "** | 1" is column numbers)
    ("wuxi", "budget.state_capital"),  # p23 注：本单位无…故本表无数据
    ("wanli", "budget.gov_fund"),  # p27 注:…故本表为空表
    ("wanli", "budget.state_capital"),  # p28 注:…故本表为空表
]


@pytest.mark.parametrize("name, table_id", EMPTY)
def test_empty_table(name, table_id):
    assert not any(r.values for r in table(doc(name), table_id).rows)


# -- tables kept raw (not typed): a few printed cells ----------------------------------------
# (document, table, a cell printed in the row, how many cells to its right, text printed there)

RAW = [
    ("hangzhou", "budget.project_summary", "合计", 1, "576,171.11"),  # p37 总计
    ("hangzhou", "budget.project_summary", "合计", 3, "221,670.92"),  # p37 政府性基金
    ("hangzhou", "budget.project_summary", "行业内相关政府补偿", 3, "200,000.00"),  # p37 政府性基金
    ("hangzhou", "budget.project_summary", "航道养护和疏浚服务", 1, "905.00"),  # p38 (continuation)
    ("hangzhou", "performance.target_project", "综合交通规划及发展研究", 1, "360.00"),  # p39 金额
    ("hangzhou", "performance.target_project", "交通应急保障和战备管理", 1, "465.37"),  # p41
    ("wuxi", "budget.office_operation", "合计", 2, "226.80"),  # p24
    ("wuxi", "budget.office_operation", "30299", 2, "18.55"),  # p24 last row
    ("wuxi", "budget.procurement", "合计", 5, "25.30"),  # p25 一般公共预算资金
    ("wuxi", "budget.procurement", "合计", 9, "25.30"),  # p25 总计
    ("wuxi", "budget.procurement", "复印纸", 2, "2.00"),  # p25
]


@pytest.mark.parametrize("name, table_id, label, offset, expected", RAW)
def test_raw_cell(name, table_id, label, offset, expected):
    found = next((r.cells for r in table(doc(name), table_id).rows if r.cells and label in r.cells), None)
    assert found is not None, f"{table_id}: no row with {label}"
    assert found[found.index(label) + offset] == expected
