"""Performance findings on two real sample PDFs, every error checked by hand on the rendered page.

- 020_西安/卫生健康委员会_2026年部门预算.pdf is really 西安市卫生健康委员会's 2022 决算 with its
  绩效自评表 (one 部门整体 table on page 30, then one 项目 table per page, pages 55–143, each
  titled by its project). It states no scoring method of its own, so the funds score is
  分值 × 执行率 and a section's points are the sum of its 三级指标's 分值.
- 015_长沙/2026年长沙市信访局部门预算.pdf has a 项目支出绩效目标表 (pages 22–29) whose last row
  notes 注：已剔除涉密部分: the four projects shown do not add up to the unit's 资金总额.
"""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from conftest import SHARED, load_disclosure
from yjsgk.check import check
from yjsgk.performance.targets import withheld_note

XIAN = SHARED / "samples" / "renwu" / "020_西安" / "卫生健康委员会_2026年部门预算.pdf"
CHANGSHA = SHARED / "samples" / "renwu" / "015_长沙" / "2026年长沙市信访局部门预算.pdf"


def performance_findings(path):
    return check(load_disclosure(path), select=["performance."])


def errors(path) -> set[tuple]:
    return {(f.rule, f.location.page, f.expected, f.found) for f in performance_findings(path) if f.severity == "error"}


XIAN_ERRORS = {
    # funds-score: the document states no method of its own, so 得分 = 分值 × 执行率
    # p30 部门整体 金额合计: 2,495,142.55 | 2074962.01 | 分值 10 | 83.16% | 得分 10 (each task line
    # scores its full 0.58 whatever its rate, e.g. 其他教育支出 7.30%)
    ("performance.funds-score", 30, D("8.32"), D("10")),
    # p70 中职免学费补助（市级资金）: 352.74 | 352.66 | 10 | 99.98% | 9.98
    ("performance.funds-score", 70, D("10"), D("9.98")),
    # p77 医疗耗材和试剂: 840 | 701.17 | 10 | 83.50% | 8.6
    ("performance.funds-score", 77, D("8.35"), D("8.6")),
    # p94 超高端X射线体层摄影设备（CT）: 2500 | 2498.8 | 10 | 99.95% | 9
    ("performance.funds-score", 94, D("10"), D("9")),
    # p124 微生物质谱检测系统: 260 | 248.9 | 10 | 95.73% | 9
    ("performance.funds-score", 124, D("9.57"), D("9")),
    # p134 高端全身彩色多普勒超声诊断仪购置: 390 | 334 | 10 | 86% | 10.00
    ("performance.funds-score", 134, D("8.6"), D("10.00")),
    # p135 泌尿系内镜及显像设备系统购置: 260 | 234 | 10 | 90% | 10.00
    ("performance.funds-score", 135, D("9"), D("10.00")),
    # p136 移动式C型臂X光机购置: 360 | 263 | 10 | 73% | 10
    ("performance.funds-score", 136, D("7.3"), D("10")),
    # p137 移动式三维C型臂X光机购置: 350 | 281 | 10 | 80% | 10
    ("performance.funds-score", 137, D("8"), D("10")),
    # p143 卫生健康事业发展专项资金: 52110 | 51,552.90 | 10 | 98.93% | 9.00
    ("performance.funds-score", 143, D("9.89"), D("9.00")),
    # p139 医用激光仪器及设备 全年预算数: 年度资金总额 423, 当年财政拨款 423 + 其他资金 3258.5
    ("performance.funds-split", 139, D("3681.5"), D("423")),
    # p74 安保服务, p75 保洁, p76 食堂服务, p77 医疗耗材和试剂, p78 医疗设备维保采购, p79 运维服务,
    # p80 水电费用: 效益指标（30分）over two indicators of 13
    ("performance.section-points", 74, D("26"), D("30")),
    ("performance.section-points", 75, D("26"), D("30")),
    ("performance.section-points", 76, D("26"), D("30")),
    ("performance.section-points", 77, D("26"), D("30")),
    ("performance.section-points", 78, D("26"), D("30")),
    ("performance.section-points", 79, D("26"), D("30")),
    ("performance.section-points", 80, D("26"), D("30")),
    # p95 公立医院药品零差率补助, p96 职业病防治机构, p97 方舱医院一期建设: 产出指标（50分）
    # 10 + 20 + 10 + 20, 效益指标（30分）10 + 5 + 5
    ("performance.section-points", 95, D("60"), D("50")),
    ("performance.section-points", 95, D("20"), D("30")),
    ("performance.section-points", 96, D("60"), D("50")),
    ("performance.section-points", 96, D("20"), D("30")),
    ("performance.section-points", 97, D("60"), D("50")),
    ("performance.section-points", 97, D("20"), D("30")),
    # p114 人民医院区中建设医疗设备购置, p115 医疗服务与保障能力提升（第二批）, p116 航天院区超声
    # 诊断类医疗设备采购, p117 医疗卫生机构能力提升省级补助资金: 效益指标(30分）10 + 10 + 5
    ("performance.section-points", 114, D("25"), D("30")),
    ("performance.section-points", 115, D("25"), D("30")),
    ("performance.section-points", 116, D("25"), D("30")),
    ("performance.section-points", 117, D("25"), D("30")),
}


def test_xian_errors_are_the_ones_printed():
    assert errors(XIAN) == XIAN_ERRORS


@pytest.mark.parametrize(
    ("page", "row", "expected"),
    [
        # the section labels as printed on the page
        (96, "产出指标", "产出指标（ 50分）"),
        (115, "效益指标", "效益指标(30分）"),
    ],
)
def test_xian_section_points_name_the_section(page, row, expected):
    (finding,) = [
        f
        for f in performance_findings(XIAN)
        if f.rule == "performance.section-points" and f.location.page == page and f.row == row
    ]
    assert expected in finding.message


def test_changsha_has_no_performance_error():
    assert errors(CHANGSHA) == set()


def test_changsha_withheld_projects_are_a_notice():
    # p22: 合计 417.41, 126001 长沙市信访局 417.41; projects 35.78 (p22), 10.22 (p23), 102.80 (p25),
    # 138.11 (p27) = 286.91; p29 last row: 注：已剔除涉密部分. 417.41 is the budget's 项目支出 (p30).
    (project_table,) = [t for t in load_disclosure(CHANGSHA).targets if t.kind == "project"]
    assert project_table.withheld == "已剔除涉密部分"
    (finding,) = [
        f
        for f in performance_findings(CHANGSHA)
        if f.rule == "performance.target-amount" and f.row == "126001 长沙市信访局"
    ]
    assert (finding.severity, finding.location.page) == ("notice", 22)
    assert (finding.expected, finding.found, finding.difference) == (D("286.91"), D("417.41"), D("130.50"))
    assert "已剔除涉密部分" in finding.message


def test_xian_tables_note_nothing_withheld():
    # the 西安 document has no 绩效目标表 and no note about classified projects
    assert load_disclosure(XIAN).targets == []


@pytest.mark.parametrize(
    ("note", "expected"),
    [
        ("注：已剔除涉\n密部分", "已剔除涉密部分"),  # 015_长沙 p29, broken over two lines in its cell
        ("备注：涉密项目按要求不予公开。", "涉密项目按要求不予公开。"),  # 003_深圳 narrative wording
        ("涉密人员培训", ""),  # mentions 涉密 without withholding anything
    ],
)
def test_withheld_note(note, expected):
    assert withheld_note([note]) == expected
