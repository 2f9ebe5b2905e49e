"""What recognition must find in the five real documents of ../shared/seeds.

Every expected value was read off the seed text itself; the comments give the seed line
(`sed -n <line>p` on the seed shows it). 000 prints one cell per line (a blank line ends a
row), 002 and 004 are tab-separated rows, 003 is Markdown converted from a PDF with split
类/款/项 code columns, 001 holds performance self-evaluation tables only.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from conftest import assert_printed, row, table, value
from yjsgk.model import Table

# -- helpers ------------------------------------------------------------------------------


def amounts(t: Table) -> list[Decimal]:
    return [v.amount for r in t.rows for v in r.values.values()]


# -- metadata and the tables found ---------------------------------------------------------


@pytest.mark.parametrize(
    "name, kind, department, year, unit",
    [
        # 000: 部门：… on line 10, 金额单位：万元 line 13, "2019年度部门整体支出绩效评价报告" line 2229
        ("000", "final_with_performance", "衡阳市行政审批服务局", 2019, "万元"),
        # 001: the self-evaluation table prints 预算部门名称 | 雁峰区行政审批服务局 (lines 7–8) and
        # "（ 2021年度）" (line 5); no 单位： caption anywhere (only "（万元）" inside row labels)
        ("001", "performance", "雁峰区行政审批服务局", 2021, None),
        # 002: cover "2020年度" line 3, 单位：万元 line 78, 部门：… line 80, 绩效自评表 at 544–604
        ("002", "final_with_performance", "株洲市石峰区行政审批服务局", 2020, "万元"),
        # 003: cover lines 3–5 "长沙市行政审批服务局 / 2023 年部门预算公开", 单位：万元 line 144
        ("003", "budget", "长沙市行政审批服务局", 2023, "万元"),
        # 004: cover lines 3–5, 单位：万元 line 76, 部门：… line 78, 绩效自评报告 line 436
        ("004", "final_with_performance", "醴陵市行政审批服务局", 2021, "万元"),
    ],
)
def test_metadata(seed, name, kind, department, year, unit):
    d = seed(name)
    assert (d.kind, d.department, d.year, d.unit) == (kind, department, year, unit)


FINAL_01_TO_08 = [
    "final.summary",
    "final.income",
    "final.expenditure",
    "final.fiscal_summary",
    "final.general_budget_expenditure",
    "final.general_budget_basic",
    "final.three_public",
    "final.gov_fund",
]


@pytest.mark.parametrize(
    "name, ids",
    [
        # 000 prints 公开01表–公开08表 (no 09 table, no 国有资本 anywhere); the attached 绩效评价报告
        # (line 2229) is narrative with an indicator list, not a self-evaluation table
        ("000", FINAL_01_TO_08),
        # 001: 附件1 部门整体支出绩效自评表 (line 3), 附件2/附件3 专项资金绩效自评表 (274, 518)
        (
            "001",
            [
                "performance.self_evaluation_department",
                "performance.self_evaluation_project",
                "performance.self_evaluation_project",
            ],
        ),
        # 002: 公开01–09表 (74–308), then 附件1 and two 附件2 自评表 (544, 573, 604)
        (
            "002",
            FINAL_01_TO_08
            + [
                "final.state_capital",
                "performance.self_evaluation_department",
                "performance.self_evaluation_project",
                "performance.self_evaluation_project",
            ],
        ),
        # 003: the ten tables listed in its contents (lines 21–30); it has no 国有资本经营预算 table
        (
            "003",
            [
                "budget.summary",
                "budget.income",
                "budget.expenditure",
                "budget.fiscal_summary",
                "budget.general_budget_expenditure",
                "budget.general_budget_basic",
                "budget.three_public",
                "budget.gov_fund",
                "performance.target_project",
                "performance.target_department",
            ],
        ),
        # 004: 公开01–09表 (73–274); its 绩效自评报告 (436) is narrative only
        ("004", FINAL_01_TO_08 + ["final.state_capital"]),
    ],
)
def test_table_ids(seed, name, ids):
    assert [t.id for t in seed(name).tables] == ids


@pytest.mark.parametrize("name", ["000", "002", "004"])
def test_final_table_numbers(seed, name):
    numbers = [t.number for t in seed(name).tables if t.id.startswith("final.")]
    assert numbers == [f"{n:02d}" for n in range(1, len(numbers) + 1)]


def test_budget_tables_have_no_number(seed):
    assert all(t.number is None for t in seed("003").tables)


# -- extracted values ---------------------------------------------------------------------
# (seed, table, row locator, column, expected amount; None = printed blank → no value)

CELLS = [
    # ---- 000 (one cell per line) ----
    # 01 收入支出决算总表
    ("000", "final.summary", "income:fiscal_general_budget", "amount", "25537.82"),  # 34
    ("000", "final.summary", "income:fiscal_gov_fund", "amount", None),  # 41
    ("000", "final.summary", "income:other", "amount", "22.96"),  # 76
    ("000", "final.summary", "income:total_income", "amount", "25560.78"),  # 195
    ("000", "final.summary", "income:use_non_fiscal_balance", "amount", None),  # 202 用事业基金弥补收支差额
    ("000", "final.summary", "income:opening_balance", "amount", "911.58"),  # 209
    ("000", "final.summary", "income:grand_total", "amount", "26472.36"),  # 223
    ("000", "final.summary", "expenditure:201", "amount", "7239.35"),  # 37
    ("000", "final.summary", "expenditure:202", "amount", None),  # 44
    ("000", "final.summary", "expenditure:212", "amount", "16234.84"),  # 107
    ("000", "final.summary", "expenditure:221", "amount", "61.25"),  # 163
    ("000", "final.summary", "expenditure:total_expenditure", "amount", "23717.76"),  # 198
    ("000", "final.summary", "expenditure:balance_distribution", "amount", None),  # 205
    ("000", "final.summary", "expenditure:closing_balance", "amount", "2754.60"),  # 212
    ("000", "final.summary", "expenditure:grand_total", "amount", "26472.36"),  # 226
    # 02 收入决算表
    ("000", "final.income", "key:total", "total", "25560.78"),  # 334
    ("000", "final.income", "key:total", "fiscal", "25537.82"),  # 335
    ("000", "final.income", "key:total", "higher_subsidy", None),  # 336
    ("000", "final.income", "key:total", "other", "22.96"),  # 340
    ("000", "final.income", "code:201", "total", "6723.49"),  # 344
    ("000", "final.income", "code:201", "other", "21.86"),  # 350
    ("000", "final.income", "code:20103", "fiscal", "1194.14"),  # 355
    ("000", "final.income", "code:2010301", "total", "218.58"),  # 364
    ("000", "final.income", "code:2010301", "other", None),  # 370
    ("000", "final.income", "code:2010399", "fiscal", None),  # 385
    ("000", "final.income", "code:2010399", "other", "21.86"),  # 390
    ("000", "final.income", "code:213", "fiscal", "0.54"),  # 585
    ("000", "final.income", "code:2210201", "total", "53.00"),  # 654
    # 03 支出决算表
    ("000", "final.expenditure", "key:total", "total", "23717.76"),  # 728
    ("000", "final.expenditure", "key:total", "basic", "2228.36"),  # 729
    ("000", "final.expenditure", "key:total", "project", "21489.40"),  # 730
    ("000", "final.expenditure", "key:total", "to_higher", None),  # 731
    ("000", "final.expenditure", "code:201", "project", "5254.57"),  # 739
    ("000", "final.expenditure", "code:20105", "basic", "844.06"),  # 783
    ("000", "final.expenditure", "code:2010302", "project", "136.43"),  # 766
    ("000", "final.expenditure", "code:212", "basic", None),  # 945
    ("000", "final.expenditure", "code:2210201", "basic", "61.25"),  # 1035
    # 04 财政拨款收入支出决算总表
    ("000", "final.fiscal_summary", "income:fiscal_general_budget", "amount", "25537.82"),  # 1090
    ("000", "final.fiscal_summary", "income:total_income", "amount", "25537.82"),  # 1297
    ("000", "final.fiscal_summary", "income:opening_balance", "amount", "911.58"),  # 1306
    ("000", "final.fiscal_summary", "income:opening_balance.general_budget", "amount", "911.58"),  # 1315
    ("000", "final.fiscal_summary", "income:grand_total", "amount", "26449.40"),  # 1342
    ("000", "final.fiscal_summary", "expenditure:201", "total", "7217.49"),  # 1093
    ("000", "final.fiscal_summary", "expenditure:201", "general_budget", "7217.49"),  # 1094
    ("000", "final.fiscal_summary", "expenditure:201", "gov_fund", None),  # 1095
    ("000", "final.fiscal_summary", "expenditure:213", "total", "0.54"),  # 1192
    ("000", "final.fiscal_summary", "expenditure:total_expenditure", "total", "23694.80"),  # 1300
    ("000", "final.fiscal_summary", "expenditure:closing_balance", "general_budget", "2754.60"),  # 1310
    ("000", "final.fiscal_summary", "expenditure:grand_total", "total", "26449.40"),  # 1345
    ("000", "final.fiscal_summary", "expenditure:grand_total", "general_budget", "26449.40"),  # 1346
    # 05 一般公共预算财政拨款支出决算表
    ("000", "final.general_budget_expenditure", "key:total", "total", "23694.80"),  # 1462
    ("000", "final.general_budget_expenditure", "key:total", "basic", "2205.40"),  # 1463
    ("000", "final.general_budget_expenditure", "key:total", "project", "21489.40"),  # 1464
    ("000", "final.general_budget_expenditure", "code:201", "basic", "1962.92"),  # 1469
    ("000", "final.general_budget_expenditure", "code:20103", "total", "1243.04"),  # 1474
    ("000", "final.general_budget_expenditure", "code:2010301", "project", None),  # 1482
    ("000", "final.general_budget_expenditure", "code:2120399", "project", "16234.84"),  # 1614
    ("000", "final.general_budget_expenditure", "code:2210201", "total", "61.25"),  # 1648
    # 06 基本支出决算表: three side-by-side groups
    ("000", "final.general_budget_basic", "code:301", "amount", "1171.04"),  # 1714
    ("000", "final.general_budget_basic", "code:30101", "amount", "272.87"),  # 1724
    ("000", "final.general_budget_basic", "code:30301", "amount", None),  # 1864
    ("000", "final.general_budget_basic", "code:30399", "amount", "61.87"),  # 1964
    ("000", "final.general_budget_basic", "code:302", "amount", "929.33"),  # 1717
    ("000", "final.general_budget_basic", "code:30217", "amount", "2.18"),  # 1877
    ("000", "final.general_budget_basic", "code:30231", "amount", "13.97"),  # 1957
    ("000", "final.general_budget_basic", "code:30299", "amount", "150.46"),  # 1987
    ("000", "final.general_budget_basic", "code:310", "amount", "14.50"),  # 1750
    ("000", "final.general_budget_basic", "code:31002", "amount", "14.50"),  # 1770
    ("000", "final.general_budget_basic", "code:399", "amount", None),  # 1920
    ("000", "final.general_budget_basic", "key:personnel_total", "amount", "1261.57"),  # 1993
    ("000", "final.general_budget_basic", "key:public_total", "amount", "943.83"),  # 1995
    # 07 三公 (one row, lines 2065–2076)
    ("000", "final.three_public", "key:values", "budget_total", "43.6"),
    ("000", "final.three_public", "key:values", "budget_abroad", None),
    ("000", "final.three_public", "key:values", "budget_vehicle", "26"),
    ("000", "final.three_public", "key:values", "budget_vehicle_purchase", None),
    ("000", "final.three_public", "key:values", "budget_vehicle_operation", "26"),
    ("000", "final.three_public", "key:values", "budget_reception", "17.6"),
    ("000", "final.three_public", "key:values", "final_total", "16.15"),
    ("000", "final.three_public", "key:values", "final_abroad", None),
    ("000", "final.three_public", "key:values", "final_vehicle", "13.97"),
    ("000", "final.three_public", "key:values", "final_vehicle_purchase", None),
    ("000", "final.three_public", "key:values", "final_vehicle_operation", "13.97"),
    ("000", "final.three_public", "key:values", "final_reception", "2.18"),
    # ---- 002 (tab-separated rows) ----
    # 01 (lines 85–115)
    ("002", "final.summary", "income:fiscal_general_budget", "amount", "125.27"),  # 85
    ("002", "final.summary", "income:fiscal_gov_fund", "amount", "0.00"),  # 86
    ("002", "final.summary", "income:other", "amount", "0.19"),  # 92
    ("002", "final.summary", "income:total_income", "amount", "125.46"),  # 112
    ("002", "final.summary", "income:use_non_fiscal_balance", "amount", "0.00"),  # 113
    ("002", "final.summary", "income:opening_balance", "amount", "0.00"),  # 114
    ("002", "final.summary", "income:grand_total", "amount", "125.46"),  # 115
    ("002", "final.summary", "expenditure:201", "amount", "125.27"),  # 85
    ("002", "final.summary", "expenditure:207", "amount", None),  # 91
    ("002", "final.summary", "expenditure:229", "amount", "0.19"),  # 108
    ("002", "final.summary", "expenditure:total_expenditure", "amount", "125.46"),  # 112
    ("002", "final.summary", "expenditure:closing_balance", "amount", "0.00"),  # 114
    ("002", "final.summary", "expenditure:grand_total", "amount", "125.46"),  # 115
    # 02 (lines 132–139; 134/135 carry decimal commas)
    ("002", "final.income", "key:total", "total", "125.46"),
    ("002", "final.income", "key:total", "fiscal", "125.27"),
    ("002", "final.income", "key:total", "other", "0.19"),
    ("002", "final.income", "code:201", "fiscal", "125.27"),
    ("002", "final.income", "code:20103", "total", "125.27"),  # printed 125,27
    ("002", "final.income", "code:2010301", "total", "49.06"),
    ("002", "final.income", "code:2010301", "fiscal", "49.06"),  # printed 49,06
    ("002", "final.income", "code:2010399", "total", "76.21"),
    ("002", "final.income", "code:22999", "other", "0.19"),
    ("002", "final.income", "code:2299901", "fiscal", "0.00"),
    # 03 (lines 153–160; 157 prints 49.06 as 基本支出 of 2010399 — the document's own slip)
    ("002", "final.expenditure", "key:total", "total", "125.46"),
    ("002", "final.expenditure", "key:total", "basic", "49.25"),
    ("002", "final.expenditure", "key:total", "project", "76.21"),
    ("002", "final.expenditure", "code:201", "basic", "49.06"),
    ("002", "final.expenditure", "code:2010399", "basic", "49.06"),
    ("002", "final.expenditure", "code:2010399", "project", "76.21"),
    ("002", "final.expenditure", "code:2299901", "basic", "0.19"),
    ("002", "final.expenditure", "code:2299901", "to_subordinate", "0.00"),
    # 04 (lines 174–206)
    ("002", "final.fiscal_summary", "income:fiscal_general_budget", "amount", "125.27"),  # 174
    ("002", "final.fiscal_summary", "income:fiscal_state_capital", "amount", "0.00"),  # 176
    ("002", "final.fiscal_summary", "income:total_income", "amount", "125.27"),  # 201
    ("002", "final.fiscal_summary", "income:opening_balance", "amount", "0.00"),  # 202
    ("002", "final.fiscal_summary", "income:opening_balance.state_capital", "amount", "0.00"),  # 205
    ("002", "final.fiscal_summary", "income:grand_total", "amount", "125.27"),  # 206
    ("002", "final.fiscal_summary", "expenditure:201", "general_budget", "125.27"),  # 174
    ("002", "final.fiscal_summary", "expenditure:201", "state_capital", "0.00"),  # 174
    ("002", "final.fiscal_summary", "expenditure:210", "total", None),  # 182
    ("002", "final.fiscal_summary", "expenditure:total_expenditure", "total", "125.27"),  # 201
    ("002", "final.fiscal_summary", "expenditure:closing_balance", "total", "0.00"),  # 202
    ("002", "final.fiscal_summary", "expenditure:grand_total", "total", "125.27"),  # 206
    ("002", "final.fiscal_summary", "expenditure:grand_total", "gov_fund", "0.00"),  # 206
    # 05 (lines 220–224)
    ("002", "final.general_budget_expenditure", "key:total", "total", "125.27"),
    ("002", "final.general_budget_expenditure", "key:total", "basic", "49.06"),
    ("002", "final.general_budget_expenditure", "code:20103", "project", "76.21"),
    ("002", "final.general_budget_expenditure", "code:2010301", "project", "0.00"),
    ("002", "final.general_budget_expenditure", "code:2010399", "total", "76.21"),
    # 06 (lines 236–264)
    ("002", "final.general_budget_basic", "code:301", "amount", "36.21"),  # 236
    ("002", "final.general_budget_basic", "code:30101", "amount", "10.64"),  # 237
    ("002", "final.general_budget_basic", "code:303", "amount", "7.10"),  # 250
    ("002", "final.general_budget_basic", "code:30311", "amount", "0.00"),  # 261
    ("002", "final.general_budget_basic", "code:302", "amount", "5.76"),  # 236
    ("002", "final.general_budget_basic", "code:30239", "amount", "2.22"),  # 261
    ("002", "final.general_budget_basic", "code:30299", "amount", "0.23"),  # 263
    ("002", "final.general_budget_basic", "code:310", "amount", "0.00"),  # 239
    ("002", "final.general_budget_basic", "code:39999", "amount", "0.00"),  # 260
    ("002", "final.general_budget_basic", "key:personnel_total", "amount", "43.30"),  # 264
    ("002", "final.general_budget_basic", "key:public_total", "amount", "5.76"),  # 264
    # 07 (line 279)
    ("002", "final.three_public", "key:values", "budget_total", "0.10"),
    ("002", "final.three_public", "key:values", "budget_abroad", "0.00"),
    ("002", "final.three_public", "key:values", "budget_vehicle", "0.00"),
    ("002", "final.three_public", "key:values", "budget_vehicle_purchase", "0.00"),
    ("002", "final.three_public", "key:values", "budget_vehicle_operation", "0.00"),
    ("002", "final.three_public", "key:values", "budget_reception", "0.10"),
    ("002", "final.three_public", "key:values", "final_total", "0.00"),
    ("002", "final.three_public", "key:values", "final_abroad", "0.00"),
    ("002", "final.three_public", "key:values", "final_vehicle", "0.00"),
    ("002", "final.three_public", "key:values", "final_vehicle_purchase", "0.00"),
    ("002", "final.three_public", "key:values", "final_vehicle_operation", "0.00"),
    ("002", "final.three_public", "key:values", "final_reception", "0.00"),
    # ---- 003 (budget; Markdown from PDF, tables continued over several pages) ----
    # 部门收支总体情况表 (lines 148–155, continued 165–166)
    ("003", "budget.summary", "income:fiscal", "amount", "5073.08"),  # 148
    ("003", "budget.summary", "income:special_account_business", "amount", None),  # 149
    ("003", "budget.summary", "income:total_income", "amount", "5073.08"),  # 154
    ("003", "budget.summary", "income:opening_balance", "amount", None),  # 155 七、上年结转
    ("003", "budget.summary", "income:grand_total", "amount", "5073.08"),  # 166
    ("003", "budget.summary", "expenditure:basic", "amount", "2598.03"),  # 148
    ("003", "budget.summary", "expenditure:project", "amount", "2475.05"),  # 149
    ("003", "budget.summary", "expenditure:total_expenditure", "amount", "5073.08"),  # 154
    ("003", "budget.summary", "expenditure:closing_balance", "amount", None),  # 165 七、结转下年
    ("003", "budget.summary", "expenditure:grand_total", "amount", "5073.08"),  # 166
    # 部门收入总体情况表 (lines 179–185)
    ("003", "budget.income", "key:total", "total", "5073.08"),
    ("003", "budget.income", "key:total", "fiscal", "5073.08"),
    ("003", "budget.income", "key:total", "fiscal_operating_appropriation", "5073.08"),
    ("003", "budget.income", "key:total", "other", None),
    ("003", "budget.income", "code:201", "total", "5073.08"),
    ("003", "budget.income", "code:20103", "fiscal", "5073.08"),
    ("003", "budget.income", "code:2010301", "total", "2285.05"),
    ("003", "budget.income", "code:2010399", "fiscal", "1955.15"),
    # 部门支出总体情况表 (lines 200–206)
    ("003", "budget.expenditure", "key:total", "total", "5073.08"),
    ("003", "budget.expenditure", "key:total", "basic", "2598.03"),
    ("003", "budget.expenditure", "key:total", "project", "2475.05"),
    ("003", "budget.expenditure", "code:20103", "project", "2475.05"),
    ("003", "budget.expenditure", "code:2010301", "basic", "2285.05"),
    ("003", "budget.expenditure", "code:2010301", "project", None),
    ("003", "budget.expenditure", "code:2010302", "project", "519.90"),
    ("003", "budget.expenditure", "code:2010350", "basic", "312.98"),
    # 财政拨款收支总体情况表 (lines 218–239, continued 249–251)
    ("003", "budget.fiscal_summary", "income:total_income", "amount", "5073.08"),  # 218 一、本年收入
    ("003", "budget.fiscal_summary", "income:fiscal_general_budget", "amount", "5073.08"),  # 219
    ("003", "budget.fiscal_summary", "income:fiscal_gov_fund", "amount", None),  # 220
    ("003", "budget.fiscal_summary", "income:opening_balance", "amount", None),  # 250 二、上年结转
    ("003", "budget.fiscal_summary", "income:grand_total", "amount", "5073.08"),  # 251
    ("003", "budget.fiscal_summary", "expenditure:total_expenditure", "total", "5073.08"),  # 218
    ("003", "budget.fiscal_summary", "expenditure:total_expenditure", "general_budget", "5073.08"),  # 218
    ("003", "budget.fiscal_summary", "expenditure:201", "general_budget", "5073.08"),  # 219
    ("003", "budget.fiscal_summary", "expenditure:229", "total", None),  # 249
    ("003", "budget.fiscal_summary", "expenditure:closing_balance", "total", None),  # 250
    ("003", "budget.fiscal_summary", "expenditure:grand_total", "total", "5073.08"),  # 251
    ("003", "budget.fiscal_summary", "expenditure:grand_total", "general_budget", None),  # 251
    # 一般公共预算支出情况表 (lines 264–270)
    ("003", "budget.general_budget_expenditure", "key:total", "total", "5073.08"),
    ("003", "budget.general_budget_expenditure", "key:total", "basic", "2598.03"),
    ("003", "budget.general_budget_expenditure", "code:201", "project", "2475.05"),
    ("003", "budget.general_budget_expenditure", "code:2010301", "total", "2285.05"),
    ("003", "budget.general_budget_expenditure", "code:2010399", "project", "1955.15"),
    # 一般公共预算基本支出情况表 (three pages: 282–297, 307–322, 332–333)
    ("003", "budget.general_budget_basic", "key:total", "total", "2598.03"),
    ("003", "budget.general_budget_basic", "key:total", "personnel", "2326.86"),
    ("003", "budget.general_budget_basic", "key:total", "public", "271.17"),
    ("003", "budget.general_budget_basic", "code:301", "personnel", "2286.20"),
    ("003", "budget.general_budget_basic", "code:30101", "total", "264.87"),
    ("003", "budget.general_budget_basic", "code:302", "public", "271.17"),
    ("003", "budget.general_budget_basic", "code:30201", "personnel", None),
    ("003", "budget.general_budget_basic", "code:30203", "public", "7.00"),  # 307, second page
    ("003", "budget.general_budget_basic", "code:303", "personnel", "40.66"),  # 320
    ("003", "budget.general_budget_basic", "code:30399", "total", "20.77"),  # 333, third page
    # 一般公共预算“三公”经费支出情况表 (lines 344–346)
    ("003", "budget.three_public", "key:total", "total", "18.34"),
    ("003", "budget.three_public", "key:total", "reception", "7.70"),
    ("003", "budget.three_public", "key:total", "abroad", None),
    ("003", "budget.three_public", "key:total", "vehicle", "10.64"),
    ("003", "budget.three_public", "key:total", "vehicle_purchase", None),
    ("003", "budget.three_public", "key:total", "vehicle_operation", "10.64"),
    ("003", "budget.three_public", "name:长沙市行政审批服务局", "total", "18.34"),
    # ---- 004 (tab-separated rows, amounts partly without thousands separators) ----
    # 01 (lines 83–95)
    ("004", "final.summary", "income:fiscal_general_budget", "amount", "2211.04"),
    ("004", "final.summary", "income:fiscal_gov_fund", "amount", None),
    ("004", "final.summary", "income:other", "amount", "56.87"),
    ("004", "final.summary", "income:total_income", "amount", "2267.91"),
    ("004", "final.summary", "income:opening_balance", "amount", "14.22"),
    ("004", "final.summary", "income:grand_total", "amount", "2282.14"),
    ("004", "final.summary", "expenditure:201", "amount", "2254.50"),
    ("004", "final.summary", "expenditure:210", "amount", "23.26"),
    ("004", "final.summary", "expenditure:total_expenditure", "amount", "2277.76"),
    ("004", "final.summary", "expenditure:closing_balance", "amount", "4.37"),
    ("004", "final.summary", "expenditure:grand_total", "amount", "2282.14"),
    # 02 (lines 111–116: only 项 rows)
    ("004", "final.income", "key:total", "total", "2267.91"),
    ("004", "final.income", "key:total", "other", "56.87"),
    ("004", "final.income", "code:2010301", "fiscal", "959.07"),
    ("004", "final.income", "code:2010399", "total", "1146.90"),
    ("004", "final.income", "code:2010399", "fiscal", "1090.03"),
    ("004", "final.income", "code:2101101", "total", "23.26"),
    ("004", "final.income", "code:2101101", "other", None),
    # 03 (lines 131–136)
    ("004", "final.expenditure", "key:total", "total", "2277.76"),
    ("004", "final.expenditure", "key:total", "basic", "1239.29"),
    ("004", "final.expenditure", "key:total", "project", "1038.47"),
    ("004", "final.expenditure", "code:2010302", "basic", None),
    ("004", "final.expenditure", "code:2010399", "project", "897.79"),
    ("004", "final.expenditure", "code:2101101", "basic", "23.26"),
    # 04 (lines 150–163)
    ("004", "final.fiscal_summary", "income:fiscal_general_budget", "amount", "2211.04"),
    ("004", "final.fiscal_summary", "income:total_income", "amount", "2211.04"),
    ("004", "final.fiscal_summary", "income:opening_balance", "amount", "14.22"),
    ("004", "final.fiscal_summary", "income:opening_balance.general_budget", "amount", "14.22"),
    ("004", "final.fiscal_summary", "income:grand_total", "amount", "2225.27"),
    ("004", "final.fiscal_summary", "expenditure:201", "total", "2201.98"),
    ("004", "final.fiscal_summary", "expenditure:210", "general_budget", "23.26"),
    ("004", "final.fiscal_summary", "expenditure:210", "state_capital", None),
    ("004", "final.fiscal_summary", "expenditure:total_expenditure", "general_budget", "2225.24"),
    ("004", "final.fiscal_summary", "expenditure:closing_balance", "total", "0.02"),
    ("004", "final.fiscal_summary", "expenditure:grand_total", "total", "2225.27"),
    # 05 (lines 177–187)
    ("004", "final.general_budget_expenditure", "key:total", "total", "2225.24"),
    ("004", "final.general_budget_expenditure", "key:total", "project", "985.95"),
    ("004", "final.general_budget_expenditure", "code:201", "basic", "1216.03"),
    ("004", "final.general_budget_expenditure", "code:20103", "project", "861.26"),
    ("004", "final.general_budget_expenditure", "code:2010399", "total", "1102.23"),
    ("004", "final.general_budget_expenditure", "code:20199", "basic", None),
    ("004", "final.general_budget_expenditure", "code:2101101", "basic", "23.26"),
    # 06 基本支出决算明细表 (lines 199–227)
    ("004", "final.general_budget_basic", "code:301", "amount", "659.53"),
    ("004", "final.general_budget_basic", "code:30106", "amount", "243.38"),
    ("004", "final.general_budget_basic", "code:30109", "amount", None),
    ("004", "final.general_budget_basic", "code:303", "amount", None),
    ("004", "final.general_budget_basic", "code:302", "amount", "579.76"),
    ("004", "final.general_budget_basic", "code:30201", "amount", "136.76"),
    ("004", "final.general_budget_basic", "code:30299", "amount", "19.97"),
    ("004", "final.general_budget_basic", "code:310", "amount", None),
    ("004", "final.general_budget_basic", "code:39908", "amount", None),
    ("004", "final.general_budget_basic", "key:personnel_total", "amount", "659.53"),
    ("004", "final.general_budget_basic", "key:public_total", "amount", "579.76"),
    # 07 (line 242)
    ("004", "final.three_public", "key:values", "budget_total", "0.20"),
    ("004", "final.three_public", "key:values", "budget_abroad", None),
    ("004", "final.three_public", "key:values", "budget_vehicle", None),
    ("004", "final.three_public", "key:values", "budget_vehicle_purchase", None),
    ("004", "final.three_public", "key:values", "budget_vehicle_operation", None),
    ("004", "final.three_public", "key:values", "budget_reception", "0.20"),
    ("004", "final.three_public", "key:values", "final_total", "0.20"),
    ("004", "final.three_public", "key:values", "final_abroad", None),
    ("004", "final.three_public", "key:values", "final_vehicle", None),
    ("004", "final.three_public", "key:values", "final_vehicle_purchase", None),
    ("004", "final.three_public", "key:values", "final_vehicle_operation", None),
    ("004", "final.three_public", "key:values", "final_reception", "0.20"),
    # 09 prints a 合计 row of zeros (line 272)
    ("004", "final.state_capital", "key:total", "total", "0.00"),
    ("004", "final.state_capital", "key:total", "basic", "0.00"),
    ("004", "final.state_capital", "key:total", "project", "0.00"),
]


@pytest.mark.parametrize(
    "name, table_id, locator, column, expected",
    CELLS,
    ids=[f"{n}-{t.split('.', 1)[1]}-{loc}-{col}" for n, t, loc, col, _ in CELLS],
)
def test_cell(seed, name, table_id, locator, column, expected):
    assert_printed(value(seed(name), table_id, column, locator), expected)


# -- coded rows: first, last and how many ---------------------------------------------------

CODED = [
    # (seed, table, first code, last code, number of coded rows)
    ("000", "final.income", "201", "2210201", 32),  # 342 … 652
    ("000", "final.expenditure", "201", "2210201", 34),  # 735 … 1032
    ("000", "final.general_budget_expenditure", "201", "2210201", 31),  # 1466 … 1646
    ("000", "final.general_budget_basic", "301", "39999", 79),  # 301…303 | 302 | 307, 310, 399 groups
    ("002", "final.income", "201", "2299901", 7),
    ("002", "final.expenditure", "201", "2299901", 7),
    ("002", "final.general_budget_expenditure", "201", "2010399", 4),
    ("002", "final.general_budget_basic", "301", "39999", 80),
    ("003", "budget.income", "201", "2010399", 6),
    ("003", "budget.expenditure", "201", "2010399", 6),
    ("003", "budget.general_budget_expenditure", "201", "2010399", 6),
    ("003", "budget.general_budget_basic", "301", "30399", 33),
    ("004", "final.income", "2010301", "2101101", 5),
    ("004", "final.expenditure", "2010301", "2101101", 5),
    ("004", "final.general_budget_expenditure", "201", "2101101", 10),
    ("004", "final.general_budget_basic", "301", "39999", 80),
]


@pytest.mark.parametrize("name, table_id, first, last, count", CODED)
def test_coded_rows(seed, name, table_id, first, last, count):
    coded = table(seed(name), table_id).coded_rows()
    assert (coded[0].code, coded[-1].code, len(coded)) == (first, last, count)


def test_levels_and_names(seed):
    income = table(seed("000"), "final.income")
    assert [income.find(code=c).level for c in ("201", "20103", "2010301")] == ["类", "款", "项"]
    assert income.find(code="2010301").name == "行政运行"  # printed "  行政运行" (line 363)
    assert income.find(code="20105").name == "统计信息事务"  # 393
    basic = table(seed("004"), "final.general_budget_basic")
    assert basic.find(code="30108").name == "机关事业单位基本养老保险"  # 205, as printed


# -- 003: split 类/款/项 codes and tables continued over pages -------------------------------


@pytest.mark.parametrize("table_id", ["budget.income", "budget.expenditure", "budget.general_budget_expenditure"])
def test_split_codes_are_joined(seed, table_id):
    t = table(seed("003"), table_id)
    # `201 | | |` → 201, `| 03 | |` → 20103, `201 | 03 | 01` → 2010301, `201 | 03 | 50` → 2010350
    assert [r.code for r in t.coded_rows()] == ["201", "20103", "2010301", "2010302", "2010350", "2010399"]
    assert t.find(code="20103").name == "政府办公厅（室）及相关机构事务"
    assert t.find(code="2010350").name == "事业运行"


def test_budget_basic_table_continues_over_three_pages(seed):
    t = table(seed("003"), "budget.general_budget_basic")
    assert len(seed("003").tables_by_id("budget.general_budget_basic")) == 1
    assert len(t.rows) == 34  # 合计 + 15 rows (283–297) + 16 (307–322) + 2 (332–333)
    last = t.rows[-1]
    assert (last.code, last.name, last.location.line) == ("30399", "其他对个人和家庭的补助", 333)
    assert last.values["personnel"].amount == Decimal("20.77")


def test_summary_tables_continue_over_pages(seed):
    d = seed("003")
    assert len(d.tables_by_id("budget.summary")) == 1
    assert len(d.tables_by_id("budget.fiscal_summary")) == 1
    # rows printed after the repeated title and header
    assert row(d, "budget.summary", "expenditure:closing_balance").location.line == 165
    assert row(d, "budget.fiscal_summary", "expenditure:229").location.line == 249
    assert row(d, "budget.fiscal_summary", "income:grand_total").location.line == 251


# -- 002: decimal commas ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "code, column, text, amount",
    [
        ("20103", "total", "125,27", "125.27"),  # line 134
        ("20103", "fiscal", "125,27", "125.27"),  # line 134
        ("2010301", "fiscal", "49,06", "49.06"),  # line 135
    ],
)
def test_decimal_comma_read_with_issue(seed, code, column, text, amount):
    cell = row(seed("002"), "final.income", f"code:{code}").values[column]
    assert (cell.text, cell.amount, cell.decimals) == (text, Decimal(amount), 2)
    assert cell.issue


def test_ordinary_cell_has_no_issue(seed):
    cell = row(seed("002"), "final.income", "code:2010301").values["total"]  # "49.06", line 135
    assert (cell.text, cell.issue) == ("49.06", None)


# -- empty tables -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name, table_id",
    [
        ("000", "final.gov_fund"),  # 2112–2204, 故本表无数据
        ("002", "final.gov_fund"),  # 283–295, 合计 row with blank cells
        ("002", "final.state_capital"),  # 297–310, 合计 row with blank cells
        ("004", "final.gov_fund"),  # 246–259, 合计 row with blank cells
    ],
)
def test_empty_tables_have_no_values(seed, name, table_id):
    t = table(seed(name), table_id)
    assert t.is_empty()
    assert not any(r.values for r in t.rows)
    assert any("无数据" in note for note in t.notes)


def test_budget_gov_fund_prints_only_zeros(seed):
    t = table(seed("003"), "budget.gov_fund")  # line 361: `0 | 0 | 0 | | 0.00 | 0.00 | 0.00`
    assert amounts(t) and all(a == 0 for a in amounts(t))
    assert not t.coded_rows()  # "0" is no function code


def test_empty_table_notes_are_its_own(seed):
    # 002 line 310 is the only note under 公开09表; lines 382 and 450 are narrative sentences of
    # 第三部分 (九、国有资本经营预算支出决算情况 / 十五、其他重要事项) and are not notes of table 09
    assert table(seed("002"), "final.state_capital").notes == ["注：本单位无国有资本经营预算拨款，故本表无数据。"]


# -- locations --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name, table_id, locator, column, line",
    [
        ("002", "final.income", "code:2010301", None, 135),
        ("002", "final.income", "code:2010301", "fiscal", 135),
        ("000", "final.income", "code:2010301", None, 362),  # one cell per line: the code's line
        ("000", "final.income", "code:2010301", "total", 364),
        ("000", "final.income", "code:2010301", "fiscal", 365),
        ("000", "final.summary", "expenditure:grand_total", "amount", 226),
        ("000", "final.fiscal_summary", "income:opening_balance.general_budget", "amount", 1315),
        ("000", "final.general_budget_basic", "code:31002", "amount", 1770),
        ("000", "final.general_budget_basic", "key:public_total", "amount", 1995),
        ("000", "final.three_public", "key:values", "final_total", 2071),
        ("003", "budget.general_budget_basic", "code:30203", None, 307),
        ("004", "final.summary", "expenditure:grand_total", "amount", 95),
        ("004", "final.general_budget_basic", "key:personnel_total", "amount", 227),
    ],
)
def test_locations(seed, name, table_id, locator, column, line):
    r = row(seed(name), table_id, locator)
    where = r.location if column is None else r.values[column].location
    assert where.line == line
    assert Path(where.source).name.startswith(f"{name}_")


def test_cell_column_index(seed):
    # 002 line 135: 2010301 | 行政运行 | 49.06 | 49,06 | … | 0.00 (其他收入 is the 9th cell)
    values = row(seed("002"), "final.income", "code:2010301").values
    assert (values["total"].location.column, values["fiscal"].location.column, values["other"].location.column) == (
        2,
        3,
        8,
    )


@pytest.mark.parametrize(
    "name, table_id, line",
    [
        ("000", "final.summary", 1),
        ("000", "final.general_budget_basic", 1672),
        ("002", "final.summary", 74),
        ("002", "final.state_capital", 297),
        ("003", "budget.summary", 140),
        ("003", "budget.gov_fund", 352),
        ("004", "final.three_public", 231),
    ],
)
def test_table_title_lines(seed, name, table_id, line):
    assert table(seed(name), table_id).location.line == line


# -- performance tables (raw) -----------------------------------------------------------------


@pytest.mark.parametrize(
    "name, table_id, index, title, line, first_row",
    [
        ("001", "performance.self_evaluation_department", 0, "部门整体支出绩效自评表", 3, "预算部门名称"),
        ("001", "performance.self_evaluation_project", 0, "专项资金绩效自评表", 274, "项目支出名称"),
        ("001", "performance.self_evaluation_project", 1, "专项资金绩效自评表", 518, "项目支出名称"),
        ("002", "performance.self_evaluation_department", 0, "2020 年度部门整体支出绩效自评表", 544, "部门名称"),
        ("002", "performance.self_evaluation_project", 0, "2020 年度项目支出绩效自评表", 573, "部门名称"),
        ("002", "performance.self_evaluation_project", 1, "2020 年度项目支出绩效自评表", 604, "部门名称"),
        ("003", "performance.target_project", 0, "2023年项目支出绩效目标表", 366, "单位编码"),
        ("003", "performance.target_department", 0, "2023年部门整体支出绩效目标表", 597, "单位编码"),
    ],
)
def test_performance_tables(seed, name, table_id, index, title, line, first_row):
    t = table(seed(name), table_id, index)
    assert (t.title, t.location.line) == (title, line)
    assert t.columns == [] and t.rows and all(r.cells is not None and not r.values for r in t.rows)
    assert t.rows[0].name.replace(" ", "") == first_row  # 001 prints "项目支" / "出名称" on two lines


@pytest.mark.parametrize(
    "name, index, project",
    [
        ("001", 0, "一门式全覆盖硬件采购"),  # line 280
        ("001", 1, "政务中心提质改造"),  # line 524
        ("002", 0, "互联网+政务服务四级联动系统建设费"),  # line 576
        ("002", 1, "第六届社会治理创新博鳌论坛相关工作经费"),  # line 607
    ],
)
def test_project_self_evaluations_name_their_project(seed, name, index, project):
    t = table(seed(name), "performance.self_evaluation_project", index)
    assert any(project in (r.cells or []) for r in t.rows[:3])
