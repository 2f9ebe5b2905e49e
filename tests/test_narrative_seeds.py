"""Narrative claims and findings on the real documents, each verified by hand against the text.

For every seed with a narrative, the claims of each section are listed in full as (line, kind,
subject, measure, number as printed), in document order: a claim the reader should not make, or a
lost one, fails. Line numbers are 1-based lines of ../shared/seeds (or examples/). Subjects are
the canonical ids of yjsgk.narrative.vocabulary (gb.* = 一般公共预算财政拨款, item.CODE = a 项 named
by its heading, project:NAME = a named project); None means the words before the number name no
known subject (those claims are never errors).

Verified by reading the text: e.g. 002 line 322 prints 本年收入合计 125.46 万元，其中：财政拨款收入
125.27 万元，占 99%；…其他收入 0.19 万元，占 1%; 004 lines 300/302 break 一般公共预算财政拨|款支出
增加314.85万元 over two lines; 003 line 120/122 breaks 因|公出国（境）费 0.00 万元; 002 line 398 prints
单位价值 50 万元以上通用设备 0 台（套） (50 万元 bounds a category and is no claim). The sentences
that carry no numbered unit (years 2021年度, codes 2010301, 醴财预指〔2021〕0145号, 12 月 31 日) give
no claims.
"""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from conftest import EXAMPLES, SEED_FILES, load_disclosure
from yjsgk.check import check

SAMPLE = EXAMPLES / "sample_final_accounts.txt"
PATHS = {**SEED_FILES, "sample": SAMPLE}


def claims_by_section(name: str) -> dict[str, list[tuple]]:
    out: dict[str, list[tuple]] = {}
    for c in load_disclosure(PATHS[name]).claims:
        text = c.relation if c.kind == "direction" else c.text
        out.setdefault(c.section, []).append((c.location.line, c.kind, c.subject, c.measure, text))
    return out


def narrative_findings(name: str) -> list:
    return [f for f in check(load_disclosure(PATHS[name])) if f.rule.startswith("narrative.")]


# -- the claims of each section ------------------------------------------------------------------

SEED_CLAIMS = {
    "000": {},  # a final-accounts file whose performance report is in table cells: no narrative numbers
    "001": {
        "2021年度部门整体支出绩效自评报告 › 四、一般公共预算支出情况": [
            (795, "amount", "income.total", "budget", "103.52 万元"),
            (795, "amount", "income.fiscal", "budget", "103.52 万元"),
            (795, "amount", "income.other", "budget", "0 万元"),
            (795, "amount", "gb.expenditure", "budget", "103.52 万元"),
            (795, "amount", "gb.basic", "budget", "50.52 万元"),
            (795, "amount", "gb.project", "budget", "53 万元"),
            (795, "change", "income.total", "amount", "2.52 万元"),
            (795, "change", "expenditure.total", "amount", "2.52 万元"),
            (797, "amount", "fiscal.grand_total", "amount", "419.99 万元"),
            (797, "change", "fiscal.grand_total", "amount", "56.88 万元"),
            (797, "growth", "fiscal.grand_total", "amount", "15.66%"),
        ],
        "2021年度部门整体支出绩效自评报告 › 四、一般公共预算支出情况 › （一）基本支出情况": [
            (801, "amount", "gb.basic", "amount", "76.25 万元"),
            (801, "amount", "personnel", "amount", "71.74 万元"),
            (801, "share", "personnel", "amount", "94.08%"),
            (801, "amount", None, "amount", "19.44 万元"),
            (801, "amount", None, "amount", "30.37 万元"),
            (801, "amount", None, "amount", "3.94 万元"),
            (801, "amount", None, "amount", "4.34 万元"),
            (801, "amount", None, "amount", "4.51 万元"),
            (801, "amount", None, "amount", "0.48 万元"),
            (801, "amount", None, "amount", "5.18 万元"),
            (801, "amount", None, "amount", "3.49 万元"),
            (801, "amount", "public", "amount", "4.51 万元"),
            (801, "share", "public", "amount", "5.92%"),
            (801, "amount", None, "amount", "4.51 万元"),
        ],
        "2021年度部门整体支出绩效自评报告 › 四、一般公共预算支出情况 › （二）项目支出情况": [
            (805, "amount", "gb.project", "amount", "419.20 万元"),
        ],
        "2021年度部门整体支出绩效自评报告 › 五、政府性基金预算支出情况": [
            (809, "amount", "income.gov_fund", "amount", "0 万元"),
            (809, "amount", "gov_fund.opening", "amount", "0 万元"),
            (809, "amount", "gov_fund.expenditure", "amount", "0 万元"),
            (809, "amount", "gov_fund.basic", "amount", "0 万元"),
            (809, "amount", "gov_fund.project", "amount", "0 万元"),
            (809, "amount", "gov_fund.closing", "amount", "0 万元"),
        ],
    },
    "002": {
        "第三部分 › 一、收入支出决算总体情况说明": [
            (318, "amount", "grand_total", "amount", "125.46 万元"),
            (318, "change", "grand_total", "amount", "88.31 万元"),
            (318, "growth", "grand_total", "amount", "71%"),
            (318, "amount", None, "amount", "69.41 万元"),
        ],
        "第三部分 › 二、收入决算情况说明": [
            (322, "amount", "income.total", "amount", "125.46 万元"),
            (322, "amount", "income.fiscal", "amount", "125.27 万元"),
            (322, "share", "income.fiscal", "amount", "99%"),
            (322, "amount", "income.higher_subsidy", "amount", "0 万元"),
            (322, "share", "income.higher_subsidy", "amount", "0%"),
            (322, "amount", "income.business", "amount", "0 万元"),
            (322, "share", "income.business", "amount", "0%"),
            (322, "amount", "income.operating", "amount", "0 万元"),
            (322, "share", "income.operating", "amount", "0%"),
            (322, "amount", "income.subordinate", "amount", "0 万元"),
            (322, "share", "income.subordinate", "amount", "0%"),
            (322, "amount", "income.other", "amount", "0.19 万元"),
            (322, "share", "income.other", "amount", "1%"),
        ],
        "第三部分 › 三、支出决算情况说明": [
            (326, "amount", "expenditure.total", "amount", "125.46 万元"),
            (326, "amount", "expenditure.basic", "amount", "49.25 万元"),
            (326, "share", "expenditure.basic", "amount", "39.3%"),
            (326, "amount", "expenditure.project", "amount", "76.21 万元"),
            (326, "share", "expenditure.project", "amount", "60.7%"),
            (326, "amount", "expenditure.to_higher", "amount", "0 万元"),
            (326, "share", "expenditure.to_higher", "amount", "0%"),
            (326, "amount", "expenditure.operating", "amount", "0 万元"),
            (326, "share", "expenditure.operating", "amount", "0%"),
            (326, "amount", "expenditure.to_subordinate", "amount", "0 万元"),
            (326, "share", "expenditure.to_subordinate", "amount", "0%"),
        ],
        "第三部分 › 四、财政拨款收入支出决算总体情况说明": [
            (330, "amount", "fiscal.grand_total", "amount", "125.27 万元"),
            (330, "change", "fiscal.grand_total", "amount", "88.12 万元"),
            (330, "growth", "fiscal.grand_total", "amount", "237.2%"),
            (330, "amount", "project:互联网+政务服务四级联动系统建设费", "amount", "69.42 万元"),
            (330, "amount", None, "amount", "10 万元"),
        ],
        "第三部分 › 五、一般公共预算财政拨款支出决算情况说明 › （一）财政拨款支出决算总体情况": [
            (336, "amount", "gb.expenditure", "amount", "125.27 万元"),
            (336, "share", "gb.expenditure", "amount", "99.9%"),
            (336, "change", "gb.expenditure", "amount", "88.12 万元"),
            (336, "growth", "gb.expenditure", "amount", "237.2%"),
        ],
        "第三部分 › 五、一般公共预算财政拨款支出决算情况说明 › （二）财政拨款支出决算结构情况": [
            (340, "amount", "gb.expenditure", "amount", "125.27 万元"),
            (340, "amount", "gb.class.201", "amount", "125.27 万元"),
            (340, "share", "gb.class.201", "amount", "100%"),
        ],
        "第三部分 › 五、一般公共预算财政拨款支出决算情况说明 › （三）财政拨款支出决算具体情况": [
            (344, "amount", "gb.expenditure", "budget", "44.93 万元"),
            (344, "amount", "gb.expenditure", "amount", "125.27 万元"),
            (344, "execution", "gb.expenditure", "amount", "278.8%"),
        ],
        "第三部分 › 五、一般公共预算财政拨款支出决算情况说明 › （三）财政拨款支出决算具体情况 › 1、一般公共服务支出（类）政府办公厅（室）及相关机构事务（款）其他政府办公厅（室）及相关机构事务支出（项）": [
            (348, "amount", "item.2010399", "budget", "44.93 万元"),
            (348, "amount", "item.2010399", "amount", "125.27 万元"),
            (348, "execution", "item.2010399", "amount", "278.8%"),
            (348, "direction", "item.2010399", "amount", "gt"),
            (348, "amount", "project:互联网+政务服务四级联动系统建设费", "amount", "69.42 万元"),
            (348, "amount", None, "amount", "10 万元"),
        ],
        "第三部分 › 六、一般公共预算财政拨款基本支出决算情况说明": [
            (352, "amount", "gb.basic", "amount", "49.06 万元"),
            (352, "amount", "personnel", "amount", "43.30 万元"),
            (352, "share", "personnel", "amount", "88.2%"),
            (352, "amount", "public", "amount", "5.76 万元"),
            (352, "share", "public", "amount", "11.8%"),
        ],
        "第三部分 › 七、一般公共预算财政拨款三公经费支出决算情况说明 › （一）“三公”经费财政拨款支出决算总体情况说明": [
            (358, "amount", "three_public.total", "budget", "0.1 万元"),
            (358, "amount", "three_public.total", "amount", "0 万元"),
            (358, "execution", "three_public.total", "amount", "0%"),
            (360, "amount", "three_public.abroad", "budget", "0 万元"),
            (360, "amount", "three_public.abroad", "amount", "0 万元"),
            (360, "execution", "three_public.abroad", "amount", "100%"),
            (360, "direction", "three_public.abroad", "amount", "eq"),
            (360, "direction", "three_public.abroad", "amount", "flat"),
            (362, "amount", "three_public.reception", "budget", "0.1 万元"),
            (362, "amount", "three_public.reception", "amount", "0 万元"),
            (362, "execution", "three_public.reception", "amount", "0%"),
            (362, "direction", "three_public.reception", "amount", "lt"),
            (362, "direction", "three_public.reception", "amount", "flat"),
            (364, "amount", "three_public.vehicle", "budget", "0 万元"),
            (364, "amount", "three_public.vehicle", "amount", "0 万元"),
            (364, "execution", "three_public.vehicle", "amount", "100%"),
            (364, "direction", "three_public.vehicle", "amount", "eq"),
            (364, "direction", "three_public.vehicle", "amount", "flat"),
        ],
        "第三部分 › 七、一般公共预算财政拨款三公经费支出决算情况说明 › （二）“三公”经费财政拨款支出决算具体情况说明": [
            (368, "amount", "three_public.reception", "amount", "0 万元"),
            (368, "share", "three_public.reception", "amount", "0%"),
            (368, "amount", "three_public.abroad", "amount", "0 万元"),
            (368, "share", "three_public.abroad", "amount", "0%"),
            (368, "amount", "three_public.vehicle", "amount", "0 万元"),
            (368, "share", "three_public.vehicle", "amount", "0%"),
        ],
        "第三部分 › 七、一般公共预算财政拨款三公经费支出决算情况说明 › （二）“三公”经费财政拨款支出决算具体情况说明 › 1、因公出国（境）费支出决算为 0 万元": [
            (370, "amount", "three_public.abroad", "amount", "0 万元"),
        ],
        "第三部分 › 七、一般公共预算财政拨款三公经费支出决算情况说明 › （二）“三公”经费财政拨款支出决算具体情况说明 › 2、公务接待费支出决算为 0 万元": [
            (371, "amount", "three_public.reception", "amount", "0 万元"),
        ],
        "第三部分 › 七、一般公共预算财政拨款三公经费支出决算情况说明 › （二）“三公”经费财政拨款支出决算具体情况说明 › 3、公务用车购置费及运行维护费支出决算为 0 万元": [
            (372, "amount", "three_public.vehicle", "amount", "0 万元"),
            (374, "amount", "three_public.vehicle_purchase", "amount", "0 万元"),
            (374, "count", "vehicles.purchased", "amount", "0 辆"),
            (374, "amount", "three_public.vehicle_operation", "amount", "0 万元"),
            (374, "count", "vehicles.total", "amount", "0 辆"),
        ],
        "第三部分 › 八、政府性基金预算收入支出决算情况": [
            (378, "amount", "income.gov_fund", "amount", "0 万元"),
            (378, "amount", "gov_fund.opening", "amount", "0 万元"),
            (378, "amount", "gov_fund.expenditure", "amount", "0 万元"),
            (378, "amount", "gov_fund.basic", "amount", "0 万元"),
            (378, "amount", "gov_fund.project", "amount", "0 万元"),
            (378, "amount", "gov_fund.closing", "amount", "0 万元"),
        ],
        "第三部分 › 十、关于机关运行经费支出说明": [
            (386, "amount", "admin_cost", "amount", "5.76 万元"),
            (386, "change", "admin_cost", "amount", "1.84 万元"),
            (386, "growth", "admin_cost", "amount", "24.2%"),
        ],
        "第三部分 › 十一、一般性支出情况": [
            (390, "amount", "meeting", "amount", "0 万元"),
            (390, "amount", "training", "amount", "0 万元"),
        ],
        "第三部分 › 十二、关于政府采购支出说明": [
            (394, "amount", "procurement.total", "amount", "0 万元"),
            (394, "amount", "procurement.goods", "amount", "0 万元"),
            (394, "amount", "procurement.works", "amount", "0 万元"),
            (394, "amount", "procurement.services", "amount", "0 万元"),
            (394, "amount", "procurement.sme", "amount", "0 万元"),
            (394, "share", "procurement.sme", "amount", "0%"),
            (394, "amount", "procurement.micro", "amount", "0 万元"),
            (394, "share", "procurement.micro", "amount", "0%"),
        ],
        "第三部分 › 十三、关于国有资产占用情况说明": [
            (398, "count", "vehicles.total", "amount", "0 辆"),
            (398, "count", "vehicles.leader", "amount", "0 辆"),
            (398, "count", "vehicles.confidential", "amount", "0 辆"),
            (398, "count", "vehicles.emergency", "amount", "0 辆"),
            (398, "count", "vehicles.law", "amount", "0 辆"),
            (398, "count", "vehicles.special", "amount", "0 辆"),
            (398, "count", "vehicles.other", "amount", "0 辆"),
            (398, "count", "equipment.general_50", "amount", "0 台（套）"),
            (398, "count", "equipment.special_100", "amount", "0 台（套）"),
        ],
        "第三部分 › 十四、重点项目预算的绩效评价结果等情况说明 › （一）本部门预算绩效管理开展情况": [
            (404, "amount", None, "amount", "76.21 万元"),
            (404, "share", None, "amount", "100%"),
            (404, "count", "performance.level2_projects", "amount", "0 个"),
            (406, "amount", None, "amount", "0 万元"),
        ],
        "第三部分 › 十四、重点项目预算的绩效评价结果等情况说明 › （二）绩效目标和绩效评价报告 › 2.项目绩效评价报告 › （1）互联网+政务服务四级联动系统建设费": [
            (420, "amount", "project:互联网+政务服务四级联动系统建设费", "amount", "69.41 万元"),
        ],
        "第三部分 › 十四、重点项目预算的绩效评价结果等情况说明 › （二）绩效目标和绩效评价报告 › 2.项目绩效评价报告 › （2）第六届社会治理创新博鳌论坛相关工作经费": [
            (434, "amount", "project:第六届社会治理创新博鳌论坛相关工作经费", "amount", "10 万元"),
            (434, "amount", "project:第六届社会治理创新博鳌论坛相关工作经费", "spent", "6.8 万元"),
            (434, "amount", None, "remaining", "3.2 万元"),
        ],
        "第五部分 › 2020 年度部门整体支出绩效评价报告 › 二、预算收支情况": [
            (496, "amount", None, "amount", "125.46 万元"),  # a bare 收入 names no table cell
            (496, "amount", "income.fiscal", "amount", "125.27 万元"),
            (496, "amount", None, "amount", "0.19 万元"),
            (498, "amount", None, "amount", "125.46 万元"),  # nor does a bare 支出
            (498, "amount", "expenditure.basic", "amount", "49.25 万元"),
            (498, "amount", "expenditure.project", "amount", "76.21 万元"),
        ],
        "第五部分 › 2020 年度部门整体支出绩效评价报告 › 三、资金使用及绩效情况（包含单位管理的公共专项） › （二）项目支出绩效情况 › （1）互联网+政务服务四级联动系统建设费": [
            (520, "amount", None, "spent", "69.4092 万元"),
        ],
        "第五部分 › 2020 年度部门整体支出绩效评价报告 › 三、资金使用及绩效情况（包含单位管理的公共专项） › （二）项目支出绩效情况 › （2）第六届社会治理创新博鳌论坛相关工作经费": [
            (524, "amount", None, "amount", "10 万元"),
            (524, "amount", "project:第六届社会治理创新博鳌论坛相关工作经费", "spent", "6.80 万元"),
            (524, "amount", None, "remaining", "3.20 万元"),
        ],
    },
    "003": {
        "第一部分部门预算公开说明 › 三、部门收支总体情况 › (一)收入预算": [
            (83, "amount", "income.total", "amount", "5073.08 万元"),
            (83, "amount", "income.general_budget", "amount", "5073.08 万元"),
            (83, "change", "income.total", "amount", "199.05 万元"),
            (83, "growth", "income.total", "amount", "3.78%"),
        ],
        "第一部分部门预算公开说明 › 三、部门收支总体情况 › (二)支出预算": [
            (92, "amount", "expenditure.total", "amount", "5073.08 万元"),
            (92, "amount", "expenditure.class.201", "amount", "5073.08 万元"),
            (92, "change", "expenditure.total", "amount", "199.05 万元"),
            (92, "growth", "expenditure.total", "amount", "3.78%"),
        ],
        "第一部分部门预算公开说明 › 四、一般公共预算拨款支出": [
            (102, "amount", "gb.expenditure", "amount", "5073.08 万元"),
            (102, "amount", "gb.class.201", "amount", "5073.08 万元"),
            (102, "share", "gb.class.201", "amount", "100.00%"),
        ],
        "第一部分部门预算公开说明 › 四、一般公共预算拨款支出 › （一）基本支出": [
            (104, "amount", "gb.basic", "amount", "2598.03 万元"),
        ],
        "第一部分部门预算公开说明 › 四、一般公共预算拨款支出 › （二）项目支出": [
            (106, "amount", "gb.project", "amount", "2475.05 万元"),
            (110, "amount", "gb.class.201", "amount", "2475.05 万元"),
        ],
        "第一部分部门预算公开说明 › 六、其他重要事项的情况说明 › （一）机关运行经费": [
            (118, "amount", "admin_cost", "amount", "271.17 万元"),
            (118, "change", "admin_cost", "amount", "18.53 万元"),
            (118, "growth", "admin_cost", "amount", "7.33%"),
        ],
        "第一部分部门预算公开说明 › 六、其他重要事项的情况说明 › （二）“三公”经费预算": [
            (120, "amount", "three_public.total", "amount", "18.34 万元"),
            (120, "amount", "three_public.reception", "amount", "7.70 万元"),
            (120, "amount", "three_public.vehicle", "amount", "10.64 万元"),
            (120, "amount", "three_public.vehicle_purchase", "amount", "0.00 万元"),
            (120, "amount", "three_public.vehicle_operation", "amount", "10.64 万元"),
            (122, "amount", "three_public.abroad", "amount", "0.00 万元"),
            (122, "change", "three_public.total", "amount", "2.14 万元"),
        ],
        "第一部分部门预算公开说明 › 六、其他重要事项的情况说明 › （三）一般性支出情况": [
            (124, "amount", "meeting", "amount", "16.3 万元"),
            (124, "amount", "training", "amount", "52.5 万元"),
        ],
        "第一部分部门预算公开说明 › 六、其他重要事项的情况说明 › （四）政府采购情况": [
            (126, "amount", "procurement.total", "amount", "2068.63 万元"),
            (126, "amount", "procurement.goods", "amount", "37.78 万元"),
            (126, "amount", "procurement.works", "amount", "0 万元"),
            (126, "amount", "procurement.services", "amount", "2030.85 万元"),
        ],
        "第一部分部门预算公开说明 › 六、其他重要事项的情况说明 › （五）国有资产占用使用及新增资产配置情况": [
            (128, "count", "vehicles.total", "amount", "3 辆"),
            (128, "count", "vehicles.confidential", "amount", "0 辆"),
            (128, "count", "vehicles.emergency", "amount", "2 辆"),
            (128, "count", "vehicles.law", "amount", "0 辆"),
            (128, "count", "vehicles.special", "amount", "0 辆"),
            (128, "count", "vehicles.other", "amount", "1 辆"),
            (128, "count", "equipment.general_50", "amount", "1 台"),
            (128, "count", "equipment.general_100", "amount", "1 台"),
            (128, "count", "equipment.special_100", "amount", "0 台"),
            (128, "count", "vehicles.new", "amount", "0 辆"),
            (128, "count", "vehicles.confidential", "amount", "0 辆"),
            (128, "count", "vehicles.emergency", "amount", "0 辆"),
            (128, "count", "vehicles.law", "amount", "0 辆"),
            (128, "count", "vehicles.special", "amount", "0 辆"),
            (128, "count", "vehicles.other", "amount", "0 辆"),
            (128, "count", "equipment.new.general_50", "amount", "0 台"),
            (128, "count", "equipment.new.special_100", "amount", "0 台"),
        ],
        "第一部分部门预算公开说明 › 六、其他重要事项的情况说明 › （六）预算绩效目标说明": [
            (130, "amount", None, "amount", "5073.08 万元"),
            (130, "amount", "expenditure.basic", "amount", "2598.03 万元"),
            (130, "amount", "expenditure.project", "amount", "2475.05 万元"),
        ],
    },
    "004": {
        "第三部分 › 一、收入支出决算总体情况说明": [
            (282, "amount", "grand_total", "amount", "2282.14 万元"),
            (282, "change", "grand_total", "amount", "354.34 万元"),
            (282, "growth", "grand_total", "amount", "18.38%"),
        ],
        "第三部分 › 二、收入决算情况说明": [
            (286, "amount", "income.total", "amount", "2267.91 万元"),
            (286, "amount", "income.fiscal", "amount", "2211.04 万元"),
            (286, "share", "income.fiscal", "amount", "97.49%"),
            (286, "amount", "income.higher_subsidy", "amount", "0 万元"),
            (286, "share", "income.higher_subsidy", "amount", "0%"),
            (286, "amount", "income.business", "amount", "0 万元"),
            (286, "share", "income.business", "amount", "0%"),
            (286, "amount", "income.operating", "amount", "0 万元"),
            (286, "share", "income.operating", "amount", "0%"),
            (286, "amount", "income.subordinate", "amount", "0 万元"),
            (286, "share", "income.subordinate", "amount", "0%"),
            (286, "amount", "income.other", "amount", "56.87 万元"),
            (286, "share", "income.other", "amount", "2.51%"),
        ],
        "第三部分 › 三、支出决算情况说明": [
            (290, "amount", "expenditure.total", "amount", "2277.76 万元"),
            (290, "amount", "expenditure.basic", "amount", "1239.29 万元"),
            (290, "share", "expenditure.basic", "amount", "54.41%"),
            (290, "amount", "expenditure.project", "amount", "1038.47 万元"),
            (290, "share", "expenditure.project", "amount", "45.59%"),
            (290, "amount", "expenditure.to_higher", "amount", "0 万元"),
            (290, "share", "expenditure.to_higher", "amount", "0%"),
            (290, "amount", "expenditure.operating", "amount", "0 万元"),
            (290, "share", "expenditure.operating", "amount", "0%"),
            (290, "amount", "expenditure.to_subordinate", "amount", "0 万元"),
            (290, "share", "expenditure.to_subordinate", "amount", "0%"),
        ],
        "第三部分 › 四、财政拨款收入支出决算总体情况说明": [
            (294, "amount", "fiscal.grand_total", "amount", "2225.27 万元"),
            (294, "change", "fiscal.grand_total", "amount", "306.53 万元"),
            (294, "growth", "fiscal.grand_total", "amount", "15.97%"),
        ],
        "第三部分 › 五、一般公共预算财政拨款支出决算情况说明 › （一）一般公共预算财政拨款支出决算总体情况": [
            (300, "amount", "gb.expenditure", "amount", "2225.24 万元"),
            (300, "share", "gb.expenditure", "amount", "97.69%"),
            (302, "change", "gb.expenditure", "amount", "314.85 万元"),
            (302, "growth", "gb.expenditure", "amount", "16.48%"),
        ],
        "第三部分 › 五、一般公共预算财政拨款支出决算情况说明 › (二)一般公共预算财政拨款支出决算结构情况": [
            (306, "amount", "gb.expenditure", "amount", "2225.24 万元"),
            (306, "amount", "gb.class.201", "amount", "2201.98 万元"),
            (306, "share", "gb.class.201", "amount", "98.95%"),
            (306, "amount", "gb.class.210", "amount", "23.26 万元"),
            (306, "share", "gb.class.210", "amount", "1.05%"),
        ],
        "第三部分 › 五、一般公共预算财政拨款支出决算情况说明 › (三)一般公共预算财政拨款支出决算具体情况": [
            (310, "amount", "gb.expenditure", "budget", "1878.12 万元"),
            (310, "amount", "gb.expenditure", "amount", "2225.24 万元"),
            (310, "execution", "gb.expenditure", "amount", "118.48%"),
        ],
        "第三部分 › 五、一般公共预算财政拨款支出决算情况说明 › (三)一般公共预算财政拨款支出决算具体情况 › 1、一般公共服务支出（类）政府办公厅（室）及相关机构事务(款)行政运行(项)": [
            (314, "amount", "item.2010301", "budget", "974.08 万元"),
            (314, "amount", "item.2010301", "amount", "959.07 万元"),
            (314, "execution", "item.2010301", "amount", "98.46%"),
            (314, "direction", "item.2010301", "amount", "lt"),
        ],
        "第三部分 › 五、一般公共预算财政拨款支出决算情况说明 › (三)一般公共预算财政拨款支出决算具体情况 › 2、一般公共服务支出（类）政府办公厅（室）及相关机构事务(款)一般行政管理事务(项)": [
            (318, "amount", "item.2010302", "budget", "0 万元"),
            (318, "amount", "item.2010302", "amount", "15.99 万元"),
            (318, "direction", "item.2010302", "amount", "gt"),
        ],
        "第三部分 › 五、一般公共预算财政拨款支出决算情况说明 › (三)一般公共预算财政拨款支出决算具体情况 › 3、一般公共服务支出(类)政府办公厅(室)及相关机构事务（款）其他政府办公厅(室)及相关机构事务(项)": [
            (322, "amount", "item.2010399", "budget", "881.22 万元"),
            (322, "amount", "item.2010399", "amount", "1102.23 万元"),
            (322, "execution", "item.2010399", "amount", "125.08%"),
            (322, "direction", "item.2010399", "amount", "gt"),
        ],
        "第三部分 › 五、一般公共预算财政拨款支出决算情况说明 › (三)一般公共预算财政拨款支出决算具体情况 › 4、一般公共服务支出(类)其他一般公共服务支出(款)其他一般公共服务支出(项)": [
            (328, "amount", "item.2019999", "budget", "0 万元"),
            (328, "amount", "item.2019999", "amount", "124.69 万元"),
            (328, "direction", "item.2019999", "amount", "gt"),
        ],
        "第三部分 › 五、一般公共预算财政拨款支出决算情况说明 › (三)一般公共预算财政拨款支出决算具体情况 › 5、卫生健康支出（类）行政事业单位医疗（款）行政单位医疗（项）": [
            (332, "amount", "item.2101101", "budget", "22.82 万元"),
            (332, "amount", "item.2101101", "amount", "23.26 万元"),
            (332, "execution", "item.2101101", "amount", "101.93%"),
            (332, "direction", "item.2101101", "amount", "gt"),
        ],
        "第三部分 › 六、一般公共预算财政拨款基本支出决算情况说明": [
            (336, "amount", "gb.basic", "amount", "1239.29 万元"),
            (336, "amount", "personnel", "amount", "659.53 万元"),
            (336, "share", "personnel", "amount", "53.22%"),
            (338, "amount", "public", "amount", "579.76 万元"),
            (338, "share", "public", "amount", "46.78%"),
        ],
        "第三部分 › 七、一般公共预算财政拨款“三公”经费支出决算情况说明 › （一）“三公”经费财政拨款支出决算总体情况说明": [
            (344, "amount", "three_public.total", "budget", "0.20 万元"),
            (344, "amount", "three_public.total", "amount", "0.20 万元"),
            (344, "execution", "three_public.total", "amount", "100%"),
            (346, "amount", "three_public.abroad", "budget", "0 万元"),
            (346, "amount", "three_public.abroad", "amount", "0 万元"),
            (346, "direction", "three_public.abroad", "amount", "flat"),
            (348, "amount", "three_public.reception", "budget", "0.20 万元"),
            (348, "amount", "three_public.reception", "amount", "0.20 万元"),
            (348, "execution", "three_public.reception", "amount", "100%"),
            (348, "direction", "three_public.reception", "amount", "eq"),
            (348, "change", "three_public.reception", "amount", "0.10 万元"),
            (348, "growth", "three_public.reception", "amount", "100%"),
            (350, "amount", "three_public.vehicle_purchase", "budget", "0 万元"),
            (350, "amount", "three_public.vehicle_purchase", "amount", "0 万元"),
            (350, "direction", "three_public.vehicle_purchase", "amount", "flat"),
            (352, "amount", "three_public.vehicle_operation", "budget", "0 万元"),
            (352, "amount", "three_public.vehicle_operation", "amount", "0 万元"),
            (352, "direction", "three_public.vehicle_operation", "amount", "flat"),
        ],
        "第三部分 › 七、一般公共预算财政拨款“三公”经费支出决算情况说明 › （二）“三公”经费财政拨款支出决算具体情况说明": [
            (356, "amount", "three_public.reception", "amount", "0.20 万元"),
            (356, "share", "three_public.reception", "amount", "100%"),
            (356, "amount", "three_public.abroad", "amount", "0 万元"),
            (356, "share", "three_public.abroad", "amount", "0%"),
            (356, "amount", "three_public.vehicle", "amount", "0 万元"),
            (356, "share", "three_public.vehicle", "amount", "0%"),
        ],
        "第三部分 › 七、一般公共预算财政拨款“三公”经费支出决算情况说明 › （二）“三公”经费财政拨款支出决算具体情况说明 › 1、因公出国（境）费支出决算为0万元": [
            (358, "amount", "three_public.abroad", "amount", "0 万元"),
            (358, "count", "three_public.abroad.groups", "amount", "0 个"),
            (358, "count", "three_public.abroad.persons", "amount", "0 人次"),
        ],
        "第三部分 › 七、一般公共预算财政拨款“三公”经费支出决算情况说明 › （二）“三公”经费财政拨款支出决算具体情况说明 › 2、公务接待费支出决算为0.20万元": [
            (360, "amount", "three_public.reception", "amount", "0.20 万元"),
            (360, "count", "three_public.reception.groups", "amount", "3 个"),
            (360, "count", "three_public.reception.persons", "amount", "16 人次"),
        ],
        "第三部分 › 七、一般公共预算财政拨款“三公”经费支出决算情况说明 › （二）“三公”经费财政拨款支出决算具体情况说明 › 3、公务用车购置费及运行维护费支出决算为 0 万元": [
            (362, "amount", "three_public.vehicle", "amount", "0 万元"),
            (362, "amount", "three_public.vehicle_purchase", "amount", "0 万元"),
            (362, "count", "vehicles.purchased", "amount", "0 辆"),
            (362, "amount", "three_public.vehicle_operation", "amount", "0 万元"),
            (362, "count", "vehicles.total", "amount", "0 辆"),
        ],
        "第三部分 › 九、机关运行经费支出说明": [
            (370, "amount", "admin_cost", "amount", "579.76 万元"),
            (370, "change", "admin_cost", "amount", "344.68 万元"),
            (370, "growth", "admin_cost", "amount", "146.62%"),
        ],
        "第三部分 › 十、一般性支出情况说明": [
            (374, "amount", "meeting", "amount", "0.16 万元"),
            (374, "amount", "training", "amount", "6.30 万元"),
            (376, "amount", None, "amount", "0 万元"),
        ],
        "第三部分 › 十一、政府采购支出说明": [
            (380, "amount", "procurement.total", "amount", "114.46 万元"),
            (380, "amount", "procurement.goods", "amount", "114.46 万元"),
            (380, "amount", "procurement.works", "amount", "0 万元"),
            (380, "amount", "procurement.services", "amount", "0 万元"),
            (380, "amount", "procurement.sme", "amount", "114.46 万元"),
            (380, "share", "procurement.sme", "amount", "100%"),
            (380, "amount", "procurement.micro", "amount", "0 万元"),
            (380, "share", "procurement.micro", "amount", "0%"),
            (380, "share", None, "amount", "100%"),
        ],
        "第三部分 › 十二、国有资产占用情况说明": [
            (384, "count", "vehicles.total", "amount", "0 辆"),
            (384, "count", "vehicles.leader", "amount", "0 辆"),
            (384, "count", "vehicles.confidential", "amount", "0 辆"),
            (384, "count", "vehicles.emergency", "amount", "0 辆"),
            (384, "count", "vehicles.law", "amount", "0 辆"),
            (384, "count", "vehicles.special", "amount", "0 辆"),
            (384, "count", "vehicles.other", "amount", "0 辆"),
            (384, "count", "equipment.general_50", "amount", "0 台（套）"),
            (384, "count", "equipment.special_100", "amount", "0 台（套）"),
        ],
        "第三部分 › 十三、2021年度预算绩效情况说明 › (1)绩效管理评价工作开展情况": [
            (390, "count", "performance.level1_projects", "amount", "0 个"),
            (390, "count", "performance.level2_projects", "amount", "11 个"),
            (390, "amount", None, "amount", "985.95 万元"),
            (390, "share", None, "amount", "100%"),
            (390, "amount", None, "amount", "0 万元"),
            (390, "amount", None, "amount", "0 万元"),
            (392, "amount", None, "amount", "681.22 万元"),
            (392, "amount", None, "amount", "0 万元"),
            (392, "amount", None, "amount", "0 万元"),
            (394, "amount", None, "amount", "1878.12 万元"),
            (394, "amount", None, "amount", "0 万元"),
        ],
        "第三部分 › 十三、2021年度预算绩效情况说明 › (3)部门评价项目绩效评价结果": [
            (402, "amount", None, "adjusted_budget", "92.42 万元"),
            (402, "amount", None, "spent", "75.12 万元"),
            (402, "execution", None, "amount", "81.28%"),
            (406, "amount", None, "adjusted_budget", "558.80 万元"),
            (406, "amount", None, "spent", "558.80 万元"),
            (406, "execution", None, "amount", "100%"),
        ],
        "第五部分 › 醴陵市行政审批服务局 2021 度 部门整体支出绩效自评报告 › 一、部门概况 › (二)部门整体支出规模、使用方向和主要内容、涉及": [
            (464, "amount", "expenditure.total", "amount", "2277.76 万元"),
            (464, "amount", "expenditure.basic", "amount", "1239.29 万元"),
            (464, "amount", "expenditure.project", "amount", "1038.47 万元"),
        ],
        "第五部分 › 醴陵市行政审批服务局 2021 度 部门整体支出绩效自评报告 › 二、部门整体支出管理及使用情况 › （一）基本支出": [
            (470, "amount", "expenditure.basic", "amount", "1239.29 万元"),
            (470, "amount", "personnel", "amount", "659.53 万元"),
            (470, "amount", "public", "amount", "579.76 万元"),
            (472, "amount", "three_public.total", "amount", "0.2 万元"),
            (472, "amount", "three_public.abroad", "amount", "0 元"),
            (472, "amount", "three_public.vehicle", "amount", "0 元"),
            (472, "amount", "three_public.reception", "amount", "0.2 万元"),
        ],
        "第五部分 › 醴陵市行政审批服务局 2021 度 部门整体支出绩效自评报告 › 二、部门整体支出管理及使用情况 › （二）专项支出": [
            (476, "amount", "expenditure.project", "amount", "1038.47 万元"),
            (476, "amount", None, "amount", "985.95 万元"),
            (476, "amount", None, "amount", "52.52 万元"),
            (476, "amount", None, "budget", "681.22 万元"),
            (476, "amount", None, "spent", "657.70 万元"),
            (476, "amount", None, "remaining", "23.52 万元"),
        ],
        "第五部分 › 醴陵市行政审批服务局 2021 度 部门整体支出绩效自评报告 › 四、部门整体支出绩效情况 › 5、创新服务方式": [
            (498, "share", None, "amount", "37.2%"),
            (498, "share", None, "amount", "62.8%"),
        ],
    },
    "sample": {
        "第三部分 › 一、收入支出决算总体情况说明": [
            (328, "amount", "grand_total", "amount", "1874.13 万元"),
            (328, "change", "grand_total", "amount", "171.68 万元"),
            (328, "growth", "grand_total", "amount", "10.08%"),
        ],
        "第三部分 › 二、收入决算情况说明": [
            (332, "amount", "income.total", "amount", "1826.63 万元"),
            (332, "amount", "income.fiscal", "amount", "1791.77 万元"),
            (332, "share", "income.fiscal", "amount", "98.09%"),
            (332, "amount", "income.higher_subsidy", "amount", "0 万元"),
            (332, "share", "income.higher_subsidy", "amount", "0%"),
            (332, "amount", "income.business", "amount", "30.00 万元"),
            (332, "share", "income.business", "amount", "1.64%"),
            (332, "amount", "income.operating", "amount", "0 万元"),
            (332, "share", "income.operating", "amount", "0%"),
            (332, "amount", "income.subordinate", "amount", "0 万元"),
            (332, "share", "income.subordinate", "amount", "0%"),
            (332, "amount", "income.other", "amount", "4.86 万元"),
            (332, "share", "income.other", "amount", "0.27%"),
        ],
        "第三部分 › 三、支出决算情况说明": [
            (336, "amount", "expenditure.total", "amount", "1845.09 万元"),
            (336, "amount", "expenditure.basic", "amount", "1172.93 万元"),
            (336, "share", "expenditure.basic", "amount", "63.57%"),
            (336, "amount", "expenditure.project", "amount", "672.16 万元"),
            (336, "share", "expenditure.project", "amount", "36.43%"),
            (336, "amount", "expenditure.to_higher", "amount", "0 万元"),
            (336, "share", "expenditure.to_higher", "amount", "0%"),
            (336, "amount", "expenditure.operating", "amount", "0 万元"),
            (336, "share", "expenditure.operating", "amount", "0%"),
            (336, "amount", "expenditure.to_subordinate", "amount", "0 万元"),
            (336, "share", "expenditure.to_subordinate", "amount", "0%"),
        ],
        "第三部分 › 四、一般公共预算财政拨款支出决算情况说明": [
            (340, "amount", "fiscal.grand_total", "amount", "1834.07 万元"),
            (340, "amount", "gb.expenditure", "amount", "1808.97 万元"),
            (340, "share", "gb.expenditure", "amount", "98.04%"),
            (340, "change", "gb.expenditure", "amount", "119.57 万元"),
            (340, "growth", "gb.expenditure", "amount", "7.08%"),
            (342, "amount", "gb.class.201", "amount", "1571.38 万元"),
            (342, "share", "gb.class.201", "amount", "86.87%"),
            (342, "amount", "gb.class.208", "amount", "109.52 万元"),
            (342, "share", "gb.class.208", "amount", "6.05%"),
            (342, "amount", "gb.class.210", "amount", "45.92 万元"),
            (342, "share", "gb.class.210", "amount", "2.54%"),
            (342, "amount", "gb.class.221", "amount", "82.15 万元"),
            (342, "share", "gb.class.221", "amount", "4.54%"),
            (344, "amount", "gb.expenditure", "budget", "1650.00 万元"),
            (344, "amount", "gb.expenditure", "amount", "1808.97 万元"),
            (344, "execution", "gb.expenditure", "amount", "109.63%"),
            (344, "direction", "gb.expenditure", "amount", "gt"),
        ],
        "第三部分 › 五、一般公共预算财政拨款基本支出决算情况说明": [
            (348, "amount", "gb.basic", "amount", "1136.81 万元"),
            (348, "amount", "personnel", "amount", "978.18 万元"),
            (348, "share", "personnel", "amount", "86.05%"),
            (348, "amount", "public", "amount", "158.63 万元"),
            (348, "share", "public", "amount", "13.95%"),
            (348, "amount", "admin_cost", "amount", "158.63 万元"),
        ],
        "第三部分 › 六、一般公共预算财政拨款“三公”经费支出决算情况说明": [
            (352, "amount", "three_public.total", "budget", "9.00 万元"),
            (352, "amount", "three_public.total", "amount", "6.96 万元"),
            (352, "execution", "three_public.total", "amount", "77.33%"),
            (352, "change", "three_public.total", "amount", "0.44 万元"),
            (352, "growth", "three_public.total", "amount", "5.95%"),
            (352, "amount", "three_public.abroad", "amount", "0 万元"),
            (352, "amount", "three_public.vehicle_purchase", "amount", "0 万元"),
            (352, "amount", "three_public.vehicle_operation", "budget", "6.00 万元"),
            (352, "amount", "three_public.vehicle_operation", "amount", "5.12 万元"),
            (352, "execution", "three_public.vehicle_operation", "amount", "85.33%"),
            (352, "share", "three_public.vehicle_operation", "amount", "73.56%"),
            (352, "amount", "three_public.reception", "budget", "3.00 万元"),
            (352, "amount", "three_public.reception", "amount", "1.84 万元"),
            (352, "execution", "three_public.reception", "amount", "61.33%"),
            (352, "share", "three_public.reception", "amount", "26.44%"),
            (352, "count", "three_public.reception.groups", "amount", "11 批次"),
            (352, "count", "three_public.reception.persons", "amount", "86 人次"),
        ],
    },
}


@pytest.mark.parametrize("name", sorted(SEED_CLAIMS))
def test_claims_of_each_section(name):
    assert claims_by_section(name) == SEED_CLAIMS[name]


def claim_at(name: str, line: int, subject: str | None, text: str, measure: str = "amount"):
    (claim,) = [
        c
        for c in load_disclosure(PATHS[name]).claims
        if c.location.line == line and c.subject == subject and c.text == text and c.measure == measure
    ]
    return claim


# -- links: the cell each claim restates, read in the context of its section ---------------------


@pytest.mark.parametrize(
    ("name", "line", "subject", "text", "measure", "cell"),
    [
        # 002 三、支出决算 (line 326): 基本支出 is 03's 合计 row (49.25, line 153) …
        ("002", 326, "expenditure.basic", "49.25 万元", "amount", ("final.expenditure", "合计", "基本支出", "49.25")),
        # … while in 六、一般公共预算财政拨款基本支出 (line 352) it is 05's 合计 (49.06, line 220)
        (
            "002",
            352,
            "gb.basic",
            "49.06 万元",
            "amount",
            ("final.general_budget_expenditure", "合计", "基本支出", "49.06"),
        ),
        # 002 line 348: the 项 named by the heading of line 346 is 2010399, 05 line 224 prints 76.21
        (
            "002",
            348,
            "item.2010399",
            "125.27 万元",
            "amount",
            ("final.general_budget_expenditure", "2010399 其他政府办公厅（室）及相关机构事务支出", "小计", "76.21"),
        ),
        # 002 line 358: the 三公 budget is 07's 预算数 合计 0.10 (line 279)
        (
            "002",
            358,
            "three_public.total",
            "0.1 万元",
            "budget",
            ("final.three_public", "数据行", "预算数 合计", "0.10"),
        ),
        # 002 line 378: 08 is empty (本表无数据), so every figure of it is 0
        ("002", 378, "gov_fund.expenditure", "0 万元", "amount", ("final.gov_fund", "", "本年支出 小计", "0")),
        # 004 line 286: 上级补助收入 is blank in 02's 合计 row (line 111): 0
        ("004", 286, "income.higher_subsidy", "0 万元", "amount", ("final.income", "合计", "上级补助收入", "0")),
        # 004 line 330/332: 行政单位医疗（项） → 05 2101101 23.26 (line 187)
        (
            "004",
            332,
            "item.2101101",
            "23.26 万元",
            "amount",
            ("final.general_budget_expenditure", "2101101 行政单位医疗", "小计", "23.26"),
        ),
        # 004 line 370: 机关运行经费 is compared with 06 公用经费合计 579.76 (line 227), customarily
        (
            "004",
            370,
            "admin_cost",
            "579.76 万元",
            "amount",
            ("final.general_budget_basic", "公用经费合计", "决算数", "579.76"),
        ),
        # 003 line 110: 一般公共服务支出 listed under 项目支出 (line 106) is 201's 项目支出 column (一般公共预算支出情况表 line 265)
        (
            "003",
            110,
            "gb.class.201",
            "2475.05 万元",
            "amount",
            ("budget.general_budget_expenditure", "201 一般公共服务支出", "项目支出", "2475.05"),
        ),
        # 003 line 122: 因公出国（境）费 0.00 is blank in the 三公 table's 合计 row (line 345)
        (
            "003",
            122,
            "three_public.abroad",
            "0.00 万元",
            "amount",
            ("budget.three_public", "合计", "因公出国（境）费", "0"),
        ),
        # sample line 342: 一般公共服务支出（类）1571.38 → 05 201 (line 214)
        (
            "sample",
            342,
            "gb.class.201",
            "1571.38 万元",
            "amount",
            ("final.general_budget_expenditure", "201 一般公共服务支出", "小计", "1571.38"),
        ),
    ],
)
def test_claim_links_to_the_cell_it_restates(name, line, subject, text, measure, cell):
    link = claim_at(name, line, subject, text, measure).link
    assert (link.table, link.row, link.column, link.value) == (cell[0], cell[1], cell[2], D(cell[3]))


def test_customary_link_is_marked():
    assert claim_at("004", 370, "admin_cost", "579.76 万元").link.soft
    assert not claim_at("004", 286, "income.total", "2267.91 万元").link.soft


@pytest.mark.parametrize(
    ("name", "line", "subject", "text", "measure"),
    [
        # amounts no table contains are not linked (年初预算, project funds, 政府采购, 会议费)
        ("002", 344, "gb.expenditure", "44.93 万元", "budget"),
        ("002", 420, "project:互联网+政务服务四级联动系统建设费", "69.41 万元", "amount"),
        ("004", 380, "procurement.total", "114.46 万元", "amount"),
        ("004", 374, "meeting", "0.16 万元", "amount"),
        # 共涉及资金 985.95 万元 (004 line 390) names no subject: never linked to 05's 合计
        ("004", 390, None, "985.95 万元", "amount"),
    ],
)
def test_amounts_without_a_cell_are_not_linked(name, line, subject, text, measure):
    assert claim_at(name, line, subject, text, measure).link is None


def test_growth_and_share_operands():
    by_id = {c.id: c for c in load_disclosure(SEED_FILES["002"]).claims}
    # line 318: 增长 71% is read against 增加 88.31 万元 and the 收、支总计 125.46 of the sentence before
    (growth,) = [c for c in by_id.values() if c.kind == "growth" and c.location.line == 318]
    assert (by_id[growth.refs["change"]].text, by_id[growth.refs["current"]].text) == ("88.31 万元", "125.46 万元")
    # line 336: 占本年支出合计的 99.9% takes its whole from 01 本年支出合计 125.46 (line 112)
    (share,) = [c for c in by_id.values() if c.kind == "share" and c.location.line == 336]
    assert by_id[share.refs["part"]].text == "125.27 万元"
    assert (share.link.table, share.link.row, share.link.value) == ("final.summary", "本年支出合计", D("125.46"))


# -- findings: every narrative finding on the seeds --------------------------------------------

SEED_FINDINGS = {
    "000": [],
    "001": [],
    "002": [
        # line 318: 88.31 ÷ (125.46 − 88.31) = 88.31 ÷ 37.15 = 237.71%, printed 71%
        ("narrative.growth", "error", 318, "238", "71"),
        # line 322: 125.27 ÷ 125.46 = 99.85% → 100% at whole points, printed 99%
        ("narrative.share", "notice", 322, "100", "99"),
        # line 322: 0.19 ÷ 125.46 = 0.15% → 0%, printed 1% (the shares were forced to add up to 100)
        ("narrative.share", "notice", 322, "0", "1"),
        # line 348: the 项 2010399 (heading line 346) 支出决算为 125.27, but 05 line 224 prints 76.21
        ("narrative.amount", "error", 348, "76.21", "125.27"),
        # line 420: the project is 69.41 万元 here, 69.42 万元 at lines 330 and 348
        ("narrative.repeat", "notice", 420, "69.42", "69.41"),
    ],
    "003": [],
    "004": [
        # line 294: 306.53 ÷ (2225.27 − 306.53) = 306.53 ÷ 1918.74 = 15.9756% → 15.98%, printed 15.97% (truncated)
        ("narrative.growth", "notice", 294, "15.98", "15.97"),
    ],
    "sample": [],  # examples/MISTAKES.md: every narrative figure of the sample is correct
}


@pytest.mark.parametrize("name", sorted(SEED_FINDINGS))
def test_every_narrative_finding(name):
    found = [
        (f.rule, f.severity, f.location.line, format(f.expected, "f"), format(f.found, "f"))
        for f in narrative_findings(name)
    ]
    assert sorted(found) == sorted(SEED_FINDINGS[name])


def test_findings_quote_the_sentence_and_its_section():
    by_rule = {f.rule: f for f in narrative_findings("002") if f.severity == "error"}
    growth = by_rule["narrative.growth"]
    assert growth.table_title == "第三部分 › 一、收入支出决算总体情况说明"
    assert growth.message.startswith("“与上年相比，增加 88.31 万元，增长 71%，")
    assert "增减额 88.31 万元 ÷ 上年数（收、支总计 125.46 万元 − 88.31 = 37.15 万元）= 237.71%" in growth.message
    amount = by_rule["narrative.amount"]
    assert amount.table_title.endswith(
        "1、一般公共服务支出（类）政府办公厅（室）及相关机构事务（款）其他政府办公厅（室）及相关机构事务支出（项）"
    )
    assert "“年初预算为 44.93 万元，支出决算为 125.27 万元，完成年初预算的 278.8%" in amount.message
    assert "称2010399 其他政府办公厅（室）及相关机构事务支出（项）为 125.27 万元，" in amount.message
    assert (
        "一般公共预算财政拨款支出决算表（公开05表）“2010399 其他政府办公厅（室）及相关机构事务支出”行“小计”为 76.21 万元"
        in amount.message
    )
    assert (amount.expected, amount.found, amount.difference) == (D("76.21"), D("125.27"), D("49.06"))
    assert [loc.line for loc in amount.related] == [224]


def test_checks_that_hold_on_the_seeds_were_made():
    """Clean claims raise nothing because they were checked, not skipped."""
    from yjsgk.check.rules.narrative import checked_claims

    disclosure = load_disclosure(SEED_FILES["004"])
    checked = checked_claims(disclosure)
    by_line = {}
    for c in disclosure.claims:
        by_line.setdefault((c.location.line, c.kind), []).append(c.id in checked)
    # the 项 budgets 974.08 + 0 + 881.22 + 0 + 22.82 = 1878.12 and finals add up (lines 310–332)
    assert by_line[(310, "amount")] == [True, True]
    assert all(by_line[(line, "amount")] == [True, True] for line in (314, 318, 322, 328, 332))
    # every share, growth and completion rate of 第三部分 whose operands are stated was computed;
    # line 380's 货物采购授予中小企业合同金额占货物支出金额的100% states no amount for its part
    shares = [c for c in disclosure.claims if c.kind in ("share", "growth", "execution") and c.location.line < 390]
    assert [c.location.line for c in shares if c.id not in checked] == [380]
