"""The performance tables of the real documents, typed, and every performance finding on them.

Seeds: 001 (绩效自评: one 部门整体 table, two 专项资金 tables in the cell-per-line layout, and the
自评报告), 002 (决算 with one 部门整体 and two 项目 self-evaluations, tab layout, each with its
备注 grade scale), 003 (预算 with the 项目支出 and 部门整体支出 target tables over many pages).
Every figure below was read off the seed text; line numbers are 1-based lines of the seeds.
"""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from yjsgk.check import check

D0 = D("0")


def amount(value):
    return None if value is None else value.amount


def funds_of(evaluation) -> tuple:
    f = evaluation.funds
    return tuple(amount(getattr(f, k)) for k in ("initial_budget", "budget", "executed", "weight", "rate", "score"))


def sections_of(evaluation) -> list[tuple]:
    return [(s.name, amount(s.points), len(s.indicators)) for s in evaluation.sections]


def indicator(evaluation, path: str):
    (found,) = [i for i in evaluation.indicators() if i.path == path]
    return found


def weight_score(evaluation, path: str) -> tuple:
    i = indicator(evaluation, path)
    return amount(i.weight), amount(i.score)


# -- 001: cell-per-line layout, vertical merges, rows broken at blank lines -------------------


def test_001_has_three_self_evaluations(seed):
    d = seed("001")
    assert [(e.kind, e.table.id, e.name) for e in d.evaluations] == [
        ("department", "performance.self_evaluation_department", "雁峰区行政审批服务局"),
        ("project", "performance.self_evaluation_project", "一门式全覆盖硬件采购"),
        ("project", "performance.self_evaluation_project", "政务中心提质改造"),
    ]
    assert [e.department for e in d.evaluations] == ["雁峰区行政审批服务局"] * 3
    assert d.targets == []


def test_001_department_funds_block(seed):
    # lines 24-51: 年度资金总额 103.52 | 419.99 | 419.99 | 10 | 100% | 10, then 按收入性质分
    # (一般公共预算：419.99, 政府性基金拨款：0, 纳入专户…：blank, 其他资金：0) beside 按支出性质分
    # (基本支出：76.25, 项目支出：343.74)
    ev = seed("001").evaluations[0]
    assert funds_of(ev) == (D("103.52"), D("419.99"), D("419.99"), D("10"), D("100"), D("10"))
    assert ev.funds.rate.text == "100%"
    assert [(s.name, amount(s.values.get("amount"))) for s in ev.funds.sources] == [
        ("一般公共预算", D("419.99")),
        ("政府性基金拨款", D0),
        ("纳入专户管理的非税收入拨款", None),
        ("其他资金", D0),
    ]
    assert (ev.funds.basic.amount, ev.funds.project.amount) == (D("76.25"), D("343.74"))
    assert ev.goal_expected.startswith("目标1：保障预算单位人员及日常办公正常运转")
    assert ev.goal_actual.startswith("目标1：保障在编在岗人员经费及日常办公正常运转")


def test_001_department_indicators(seed):
    ev = seed("001").evaluations[0]
    # 产出指标 (50分) lines 100-180: 7 三级指标; 效益指标（30分） 182-250: 6; 满意度指标（10分） 252-264: 1
    assert sections_of(ev) == [("产出指标", D("50"), 7), ("效益指标", D("30"), 6), ("满意度指标", D("10"), 1)]
    assert ev.has_reason_column
    # lines 114-123: the row is broken after its 三级指标 (blank lines in the cell); joined again
    joined = indicator(ev, "产出指标/数量指标/持续深化“一件事一次办”改革")
    assert joined.target.startswith("“三化”后办结时限缩短90%以上")
    assert (joined.actual, joined.weight.amount, joined.score.amount) == ("基本提高", D("10"), D("10"))
    # lines 182-205: the two 经济效益指标 score 10 against a weight of 5
    assert weight_score(ev, "效益指标/经济效益指标/实施综合窗口改革") == (D("5"), D("10"))
    assert weight_score(ev, "效益指标/经济效益指标/是加快推进部门进驻") == (D("5"), D("10"))
    assert weight_score(ev, "效益指标/可持续影响指标/提高城市管理水平") == (D("5"), D("4"))
    assert weight_score(ev, "满意度指标/服务对象满意度指标/群众满意度") == (D("10"), D("9"))
    assert indicator(ev, "满意度指标/服务对象满意度指标/群众满意度").actual == "99%"
    # line 266: 总分 100 | 98, no grade and no stated scale
    assert (ev.total_weight.amount, ev.total_score.amount, ev.grade, ev.thresholds) == (D("100"), D("98"), None, None)


def test_001_report_statements(seed):
    report = seed("001").evaluations[0].report
    assert report.title == "2021年度部门整体支出绩效自评报告"
    assert report.location.line == 749
    # line 801: 基本支出76.25万元; 805: 项目支出419.20万元; 821: 总得分98分，结果：优秀. The budget
    # sentence of line 795 (支出预算…基本支出50.52万元) and the 政府性基金 paragraph (809) are not read.
    assert [(s.what, amount(s.value), s.grade, s.location.line) for s in report.statements] == [
        ("basic", D("76.25"), None, 801),
        ("project", D("419.20"), None, 805),
        ("total", D("98"), None, 821),
        ("grade", None, "优秀", 821),
    ]
    assert all(e.report is None for e in seed("001").evaluations[1:])


@pytest.mark.parametrize(
    ("index", "line", "funds", "sections", "samples"),
    [
        (
            1,
            278,
            (D0, D("199.62"), D("199.62"), D("10"), D("100"), D("10")),
            [("产出指标", D("50"), 6), ("效益指标", D("30"), 4), ("满意度指标", D("10"), 1)],
            {
                # lines 406-417: broken after 持续优化政务服务水平, joined again
                "产出指标/质量指标/持续优化政务服务水平": (D("10"), D("10")),
                "产出指标/成本指标/公用日常经费": (D("5"), D("5")),
                "效益指标/可持续影响指标/基层服务能力": (D("5"), D("4")),
                "满意度指标/服务对象满意度指标/群众满意度": (D("10"), D("9")),
            },
        ),
        (
            2,
            522,
            (D0, D("79.71"), D("79.71"), D("10"), D("100"), D("10")),
            [("产出指标", D("50"), 6), ("效益指标", D("30"), 4), ("满意度指标", D("10"), 1)],
            {
                "产出指标/成本指标/政府采购招标": (D("10"), D("10")),
                "效益指标/社会效益指标/为民服务、为民办事的宗旨深入人心。": (D("10"), D("10")),
                "效益指标/可持续影响指标/提升服务能力": (D("5"), D("4")),
            },
        ),
    ],
)
def test_001_project_tables(seed, index, line, funds, sections, samples):
    ev = seed("001").evaluations[index]
    assert ev.location.line == line
    assert funds_of(ev) == funds
    # 其中：当年财政拨款 / 上年结转资金 / 其他资金 are printed blank
    assert [(s.name, s.values) for s in ev.funds.sources] == [
        ("当年财政拨款", {}),
        ("上年结转资金", {}),
        ("其他资金", {}),
    ]
    assert ev.funds.basic is ev.funds.project is None
    assert sections_of(ev) == sections
    for path, expected in samples.items():
        assert weight_score(ev, path) == expected
    assert (ev.total_weight.amount, ev.total_score.amount) == (D("100"), D("98"))


# -- 002: tab layout, section labels printed once (and again after a page break) -------------

SCALE_002 = [("优", D("90")), ("良", D("80")), ("中", D("60")), ("差", D0)]


def test_002_department_table(seed):
    ev = seed("002").evaluations[0]
    assert (ev.kind, ev.name, ev.location.line) == ("department", "株洲市石峰区行政审批服务局", 546)
    # line 548: 合计 44.93 | 125.46 | 125.46 | 10 | 100% | 10; 549-551 the split by source per column
    assert funds_of(ev) == (D("44.93"), D("125.46"), D("125.46"), D("10"), D("100"), D("10"))
    assert [(s.name, {k: v.amount for k, v in s.values.items()}) for s in ev.funds.sources] == [
        ("当年财政拨款", {"initial_budget": D("44.93"), "budget": D("125.46")}),
        ("上年结转资金", {"initial_budget": D0, "budget": D0}),
        ("其他资金", {"initial_budget": D0, "budget": D0}),
    ]
    assert sections_of(ev) == [("产出指标", D("50"), 4), ("效益指标", D("30"), 4), ("满意度指标", D("10"), 1)]
    first = indicator(
        ev, "产出指标/数量指标/进一步简化办事流程和办理时限,让企业、群众办事服务体验得到持续优化。提升办事服务好评率。"
    )
    assert (first.weight.amount, first.score.amount, first.reason) == (
        D("20"),
        D("18"),
        "因系统原因,办事服务好评率未达100%",
    )
    assert weight_score(ev, "产出指标/成本指标/少于或等于当年预算") == (D("5"), D("5"))
    assert weight_score(ev, "效益指标/生态效益指标/无") == (D0, D0)
    assert weight_score(ev, "满意度指标/服务对象满意度指标/95%以上") == (D("10"), D("8"))
    # line 565: 总分 100 | 90 | 等级: 良; line 569 states the scale
    assert (ev.total_weight.amount, ev.total_score.amount, ev.grade) == (D("100"), D("90"), "良")
    assert (ev.thresholds.source, ev.thresholds.bands, ev.thresholds.location.line) == ("document", SCALE_002, 569)
    assert ev.report.title == "2020 年度部门整体支出绩效评价报告"
    # line 498: 2020 年支出 125.46 万元，其中：基本支出 49.25 万元，项目支出 76.21 万元
    assert [(s.what, amount(s.value)) for s in ev.report.statements] == [("basic", D("49.25")), ("project", D("76.21"))]


def test_002_project_tables(seed):
    internet, forum = seed("002").evaluations[1:]
    assert (internet.name, forum.name) == (
        "互联网+政务服务四级联动系统建设费",
        "第六届社会治理创新博鳌论坛相关工作经费",
    )
    # line 580: 合计 0 | 69.41 | 69.41 | 10 | 100% | 10
    assert funds_of(internet) == (D0, D("69.41"), D("69.41"), D("10"), D("100"), D("10"))
    # line 611: 合计 0 | 10.00 | 6.80 | 10 | 68% | 6.8
    assert funds_of(forum) == (D0, D("10.00"), D("6.80"), D("10"), D("68"), D("6.8"))
    assert forum.funds.sources[0].values["budget"].amount == D("10.00")
    for ev in (internet, forum):
        assert sections_of(ev) == [("产出指标", D("50"), 4), ("效益指标", D("30"), 4), ("满意度指标", D("10"), 1)]
        assert ev.thresholds.bands == SCALE_002
    # line 593 repeats 效益指标 (30分) after a page break: same section, 社会效益指标 read
    assert weight_score(
        internet,
        "效益指标/社会效益指标/切实牵头抓好政务服务优化行动，进一步提高服务效能、提升服务水平，让广大企业、群众办事更便捷、更满意。",
    ) == (D("15"), D("13"))
    assert weight_score(internet, "产出指标/数量指标/积极对接市局、平台公司做好互动平板、自助终端对接问题。") == (
        D("15"),
        D("14"),
    )
    assert (internet.total_weight.amount, internet.total_score.amount, internet.grade) == (D("100"), D("94"), "优")
    # line 621: 成本指标 10 | 8; line 625 repeats the label before 生态效益指标 0 | 0
    assert weight_score(forum, "产出指标/成本指标/按会务组相关规定支付") == (D("10"), D("8"))
    assert weight_score(forum, "效益指标/生态效益指标/无") == (D0, D0)
    assert [amount(i.weight) for i in forum.sections[1].indicators] == [D("5"), D("10"), D0, D("10")]
    assert (forum.total_weight.amount, forum.total_score.amount, forum.grade) == (D("100"), D("86.8"), "良")


# -- 003: target tables over many pages ----------------------------------------------------------


def test_003_project_targets(seed):
    (projects, department) = seed("003").targets
    assert (projects.kind, department.kind) == ("project", "department")
    assert seed("003").evaluations == []
    assert projects.total.amount == D("2475.05")  # line 374
    # unit rows 375, 498, 559; projects by their first row (a shifted row may lose the unit code)
    assert [(u.code, u.name, u.amount.amount) for u in projects.units] == [
        ("152001", "长沙市行政审批服务局", D("248.00")),
        ("152002", "长沙市政务服务中心", D("271.90")),
        ("152003", "长沙市12345政务热线中心", D("1955.15")),
    ]
    assert [[(p.name, p.amount.amount, len(p.indicators)) for p in u.projects] for u in projects.units] == [
        [
            ("“互联网+政务服务”能力专项", D("25.00"), 9),
            ("行政审批服务宣传专项", D("30.00"), 4),
            ("行政审批服务运行费", D("88.00"), 17),
            ("行政审批聘请法律服务专项经费", D("70.00"), 9),
            ("政务公开评估专项", D("35.00"), 10),
        ],
        [
            ("审批受理服务专项", D("19.95"), 1),
            ("网络技术与信息保障工作专项经费", D("19.95"), 5),
            ("政务服务工作专项经费", D("190.00"), 13),
            ("中介超市运行管理专项工作经费", D("42.00"), 6),
        ],
        [("“12345”市民热线工作专项经费", D("1955.15"), 13)],
    ]
    internet = projects.units[0].projects[0]
    (count,) = [i for i in internet.indicators if i.name == "评估市直部门个数"]  # line 381
    assert (count.path, count.value, count.unit, count.value_type, count.weight.amount, count.aligned) == (
        "产出指标/数量指标/评估市直部门个数",
        "40",
        "个",
        "≥",
        D("5"),
        True,
    )
    (cost,) = [i for i in internet.indicators if i.name == "项目总成本"]  # line 397
    assert (cost.path, cost.amount.amount, cost.unit, cost.value_type, cost.weight.amount) == (
        "成本指标/经济成本指标/项目总成本",
        D("25"),
        "万元",
        "≤",
        D("20"),
    )
    # line 383: the row slid six cells left on its page; still read from its 指标值类型
    (training,) = [i for i in internet.indicators if i.name == "开展全市培训"]
    assert (training.value, training.unit, training.value_type, training.weight.amount) == ("1", "次", "≥", D("5"))
    hotline = projects.units[2].projects[0]
    (rate,) = [i for i in hotline.indicators if i.name == "现场电话接通率"]  # line 577
    assert (rate.path, rate.value, rate.unit, rate.value_type, rate.description) == (
        "产出指标/数量指标/现场电话接通率",
        "95",
        "率",
        "定量",
        "现场电话接通率不低于75%。现场电话接通率",
    )


def test_003_department_targets(seed):
    department = seed("003").targets[1]
    assert department.total is None
    # lines 606, 645, 671: 资金总额 = 一般公共预算, then 基本支出 and 项目支出; units repeat on every page
    assert [
        (
            u.code,
            u.name,
            u.amount.amount,
            [(s.name, s.values["amount"].amount) for s in u.sources],
            u.basic.amount,
            u.project.amount,
            len(u.indicators),
        )
        for u in department.units
    ] == [
        (
            "152001",
            "长沙市行政审批服务局",
            D("1093.68"),
            [("一般公共预算", D("1093.68"))],
            D("845.68"),
            D("248.00"),
            17,
        ),
        ("152002", "长沙市政务服务中心", D("1711.27"), [("一般公共预算", D("1711.27"))], D("1439.37"), D("271.90"), 13),
        (
            "152003",
            "长沙市12345政务热线中心",
            D("2268.13"),
            [("一般公共预算", D("2268.13"))],
            D("312.98"),
            D("1955.15"),
            14,
        ),
    ]
    first = department.units[0]
    (basic,) = [i for i in first.indicators if i.name == "基本支出"]  # line 626
    assert (basic.path, basic.value_type, basic.amount.amount, basic.unit, basic.weight.amount, basic.aligned) == (
        "产出指标/成本指标/基本支出",
        "≤",
        D("845.68"),
        "万元",
        D("10"),
        True,
    )
    hotline = department.units[2]
    (project,) = [i for i in hotline.indicators if i.name == "项目支出"]  # line 687, cells slid to the left
    assert (project.path, project.amount.amount, project.unit, project.weight.amount, project.aligned) == (
        "产出指标/成本指标/项目支出",
        D("3473.12"),
        "万元",
        D("10"),
        False,
    )
    (done,) = [i for i in hotline.indicators if i.name == "按时办结率"]  # line 685: the unit cell is missing
    assert (done.value, done.unit, done.description, done.weight.amount) == ("98%", "", "按时办结率", D("10"))


# -- every performance finding on the seeds ------------------------------------------------------


def facts(f) -> tuple:
    return (
        f.rule,
        f.severity,
        f.table,
        f.row,
        f.column,
        f.expected,
        f.found,
        f.difference,
        f.location.line if f.location else None,
    )


def F(rule, severity, table, row, column, expected, found, difference, line) -> tuple:
    dec = lambda x: None if x is None else D(x)  # noqa: E731
    return (
        f"performance.{rule}",
        severity,
        f"performance.{table}",
        row,
        column,
        dec(expected),
        dec(found),
        dec(difference),
        line,
    )


DEPT, PROJ = "self_evaluation_department", "self_evaluation_project"

PERFORMANCE_FINDINGS = {
    "000": [],  # no performance tables (its 绩效评价报告 has no scores)
    "001": [
        # lines 182-193 and 196-205: 经济效益指标 scored 10 with a weight of 5, twice
        F("score-cap", "error", DEPT, "效益指标/经济效益指标/实施综合窗口改革", "得分", "5", "10", "5", 182),
        F("score-cap", "error", DEPT, "效益指标/经济效益指标/是加快推进部门进驻", "得分", "5", "10", "5", 203),
        # line 266: 总分 98, but 10 (资金) + 50 (产出) + 10+10+5+5+5+4 (效益) + 9 (满意度) = 108
        F("total", "error", DEPT, "总分", "得分", "108", "98", "-10", 266),
        # report line 805 “项目支出419.20万元” while the table's 按支出性质分 says 项目支出 343.74 (line 43)
        F("report", "error", DEPT, "年度资金总额/按支出性质分", "项目支出", "343.74", "419.20", "75.46", 805),
        # every indicator below its weight with an empty 偏差原因 column (4/5 and 9/10 in each table)
        F(
            "deviation-reason",
            "warning",
            DEPT,
            "效益指标/可持续影响指标/提高城市管理水平",
            "偏差原因分析及改进措施",
            None,
            None,
            None,
            242,
        ),
        F(
            "deviation-reason",
            "warning",
            DEPT,
            "满意度指标/服务对象满意度指标/群众满意度",
            "偏差原因分析及改进措施",
            None,
            None,
            None,
            252,
        ),
        F(
            "deviation-reason",
            "warning",
            PROJ,
            "效益指标/可持续影响指标/基层服务能力",
            "偏差原因分析及改进措施",
            None,
            None,
            None,
            486,
        ),
        F(
            "deviation-reason",
            "warning",
            PROJ,
            "满意度指标/服务对象满意度指标/群众满意度",
            "偏差原因分析及改进措施",
            None,
            None,
            None,
            496,
        ),
        F(
            "deviation-reason",
            "warning",
            PROJ,
            "效益指标/可持续影响指标/提升服务能力",
            "偏差原因分析及改进措施",
            None,
            None,
            None,
            718,
        ),
        F(
            "deviation-reason",
            "warning",
            PROJ,
            "满意度指标/服务对象满意度指标/群众满意度",
            "偏差原因分析及改进措施",
            None,
            None,
            None,
            728,
        ),
    ],
    "002": [
        # line 565: 总分 90 graded 良, but line 569 says 90分（含）—100分为优
        F("grade", "error", DEPT, "总分", "等级", None, None, None, 565),
        # lines 622-626: 效益指标 (30分) holds 5 + 10 + 0 + 10 = 25 points
        F("section-points", "error", PROJ, "效益指标", "分值", "25", "30", "5", 622),
    ],
    "003": [
        # line 573/575: 指标值 90 while its 指标值内容 says 不低于95%; line 577: 95 against 不低于75%
        F(
            "indicator-value",
            "warning",
            "target_project",
            "满意度指标/服务对象满意度指标/群众回访满意率",
            "指标值",
            None,
            "90",
            None,
            573,
        ),
        F(
            "indicator-value",
            "warning",
            "target_project",
            "满意度指标/服务对象满意度指标/办事群众满意度",
            "指标值",
            None,
            "90",
            None,
            575,
        ),
        F(
            "indicator-value",
            "warning",
            "target_project",
            "产出指标/数量指标/现场电话接通率",
            "指标值",
            None,
            "95",
            None,
            577,
        ),
        # line 687: the hotline's 成本指标 项目支出 3473.12 万元, but its 项目支出 is 1,955.15 (line 671)
        F(
            "cost-target",
            "warning",
            "target_department",
            "产出指标/成本指标/项目支出",
            "指标值",
            "1955.15",
            "3473.12",
            "1517.97",
            687,
        ),
    ],
    "004": [],  # narrative only
}


@pytest.mark.parametrize("name", sorted(PERFORMANCE_FINDINGS))
def test_performance_findings_on_the_seeds(seed, name):
    findings = [f for f in check(seed(name)) if f.rule.startswith("performance.")]
    assert sorted(map(facts, findings), key=repr) == sorted(PERFORMANCE_FINDINGS[name], key=repr)


def test_seed_finding_messages(seed):
    by_rule = {f.rule: f for f in check(seed("002"), select=["performance."])}
    assert by_rule["performance.grade"].message == (
        "部门整体支出绩效自评表总分 90 按本表备注的等级划分（优 ≥ 90，良 80–90，中 60–80，差 < 60）应为“优”，表中为“良”。"
    )
    section = by_rule["performance.section-points"]
    assert section.table_title == "项目支出绩效自评表（第六届社会治理创新博鳌论坛相关工作经费）"
    assert section.message.endswith(
        "效益指标（30 分）的分值应等于其各三级指标分值之和 5 + 10 + 0 + 10：应为 25，表中为 30，相差 5。"
    )
    (report,) = check(seed("001"), select=["performance.report"])
    assert report.message == (
        "部门整体支出绩效自评表自评报告所述项目支出 419.20 万元与自评表的项目支出 343.74 不一致"
        "（相差 75.46；报告原文：项目支出419.20万元）。"
    )
    (cost,) = check(seed("003"), select=["performance.cost-target"])
    assert cost.message == (
        "部门整体支出绩效目标表152003 长沙市12345政务热线中心：产出指标/成本指标/项目支出的指标值 3473.12 万元"
        "与该单位的项目支出 1,955.15 不一致。"
    )
