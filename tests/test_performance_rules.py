"""Every performance rule, passing and failing, on small disclosures written out as text.

The self-evaluation tables are built in the tab layout of seeds/002 (lines 546-600: name row,
funds header and rows, goals, indicator header, one row per 三级指标 with the 一级/二级 label on
the first row of its group, 总分 row, 备注 with the grade scale); the target tables in the
layout of seeds/003 (lines 366-706). They go through the real pipeline (parse_text →
recognize → check). The clean documents satisfy every rule; each failing case changes one or
two printed cells and states the finding a finance officer should get.
"""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from conftest import VIOLATED, violates
from yjsgk.check import RULES, CheckContext, cases, check
from yjsgk.config import ConfigError, parse_config
from yjsgk.performance.grades import parse_scale
from yjsgk.read.text import parse_text
from yjsgk.recognize import recognize

DEPARTMENT = "示范市测试局"
PERFORMANCE_RULES = {r for r in RULES if r.startswith("performance.")}


def tsv(*cells: str) -> str:
    return "\t".join(cells)


# -- a self-evaluation table (seeds/002 layout) ------------------------------------------------

SCALE_NOTE = "2.总分设置为100分,等级划分为:90分(含)—100分为优,80分(含)—90分为良,60分(含)—80分为中,60分以下为差。"

# (一级 label or "", 二级 or "", 三级, 分值, 得分, 偏差原因): 产出 20+15+10+5 = 50, 效益 5+15+10 = 30,
# 满意度 10; scores 50 + 28 + 9 = 87, with the funds score 10: 97
INDICATORS = [
    ("产出指标 (50分)", "数量指标", "办件数量", "20", "20", ""),
    ("", "质量指标", "按时办结率", "15", "15", ""),
    ("", "时效指标", "完成时限", "10", "10", ""),
    ("", "成本指标", "成本控制", "5", "5", ""),
    ("效益指标 (30分)", "经济效益指标", "审批提速", "5", "5", ""),
    ("", "社会效益指标", "群众好评率", "15", "13", "好评率未达100%"),
    ("", "可持续影响指标", "服务能力提升", "10", "10", ""),
    ("满意度指标 (10分)", "服务对象满意度指标", "群众满意度", "10", "9", "未达到100%"),
]
FUNDS = ("44.93", "125.46", "125.46", "10", "100%", "10")


def self_evaluation(
    *,
    kind: str = "部门整体",
    name: str = "",
    funds=FUNDS,
    sources=None,
    inline_split: list[tuple[str, str]] | None = None,
    indicators=INDICATORS,
    total: tuple[str, str] | None = None,
    grade: str | None = "优",
    scale_note: str | None = SCALE_NOTE,
) -> list[str]:
    """The lines of one self-evaluation table; the 总分 row is the true sum unless given."""
    title = "2020 年度部门整体支出绩效自评表" if kind == "部门整体" else "2020 年度项目支出绩效自评表"
    lines = [title, ""]
    if kind == "部门整体":
        lines.append(tsv("部门名称", DEPARTMENT, "", "", "", "", "", ""))
    else:
        lines.append(tsv("部门名称", "", DEPARTMENT, "", "", "", "", "", ""))
        lines.append(tsv("项目支出名称", "专项名称", "", name, "", "", "", "", ""))
    lines.append(
        tsv(
            "资金情况 (万元)",
            "年度资金总额",
            "年初 预算数",
            "全年 预算数",
            "全年执行数",
            "分值",
            "执行 率",
            "得分(分 值×执行 率)",
        )
    )
    lines.append(tsv("", "合计", *funds))
    if sources is None:  # the year's money all from 当年财政拨款
        sources = [("其中: 当年财政拨款", funds[0], funds[1]), ("上年结转资金", "0", "0"), ("其他资金", "0", "0")]
    for label, initial, budget in sources:
        lines.append(tsv("", label, initial, budget, "", "", "", ""))
    for left, right in inline_split or []:
        lines.append(tsv("", left, right))
    lines.append(tsv("年度总 体目标", "预期目标", "", "", "实际完成情况", "", "", ""))
    lines.append(tsv("", "完成年度工作任务", "", "", "已完成年度工作任务", "", "", ""))
    lines.append(
        tsv(
            "", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"
        )
    )
    for i, (section, category, third, weight, score, reason) in enumerate(indicators):
        lines.append(tsv("绩效指标" if i == 0 else "", section, category, third, "完成", "完成", weight, score, reason))
    if total is None:
        score_total = D(funds[5]) + sum(D(row[4]) for row in indicators)
        total = ("100", format(score_total, "f"))
    lines.append(tsv("", "总分", "", "", "", "", total[0], total[1], f"等级: {grade}" if grade else ""))
    lines += ["", "备注: 1.“执行率”=“全年执行数”/“全年预算数”;", ""]
    if scale_note:
        lines += [scale_note, ""]
    return lines


def document(*tables: list[str], cover: str = "2020年度 部门决算") -> str:
    lines = [DEPARTMENT, cover, "", "附件", ""]
    for table in tables:
        lines += table
    return "\n".join(lines) + "\n"


def disclosure(text: str):
    return recognize(parse_text(text, source="t.txt"))


def performance_findings(text: str, context: CheckContext | None = None) -> list:
    return [f for f in check(disclosure(text), context) if f.rule.startswith("performance.")]


def facts(f) -> tuple:
    return (f.rule, f.severity, f.row, f.column, f.expected, f.found, f.difference)


def F(rule, severity, row, column, expected=None, found=None, difference=None) -> tuple:
    dec = lambda x: None if x is None else D(x)  # noqa: E731
    return (f"performance.{rule}", severity, row, column, dec(expected), dec(found), dec(difference))


def assert_findings(text: str, *expected: tuple, context: CheckContext | None = None) -> list:
    findings = performance_findings(text, context)
    assert sorted(map(facts, findings), key=repr) == sorted(expected, key=repr)
    return findings


def changed(indicators, third: str, **cells) -> list[tuple]:
    """INDICATORS with one row's cells replaced (weight=, score=, reason=, section=)."""
    fields = ("section", "category", "third", "weight", "score", "reason")
    out = []
    for row in indicators:
        if row[2] == third:
            row = tuple(cells.get(f, v) for f, v in zip(fields, row, strict=True))
        out.append(row)
    return out


# -- the clean documents ------------------------------------------------------------------------


def test_clean_self_evaluations_raise_nothing():
    text = document(
        self_evaluation(),
        self_evaluation(
            kind="项目",
            name="政务服务系统建设费",
            funds=("0", "10.00", "6.80", "10", "68%", "6.8"),
            sources=[("其中：当年财政拨款", "0", "10.00"), ("上年结转资金", "0", "0")],
        ),
    )
    d = disclosure(text)
    department, project = d.evaluations
    assert (department.kind, department.name, project.kind, project.name) == (
        "department",
        DEPARTMENT,
        "project",
        "政务服务系统建设费",
    )
    assert (department.total_score.amount, department.grade) == (D("97"), "优")
    assert (project.funds.rate.amount, project.funds.score.amount, project.total_score.amount) == (
        D("68"),
        D("6.8"),
        D("93.8"),
    )
    assert [(s.name, s.points.amount, len(s.indicators)) for s in department.sections] == [
        ("产出指标", D("50"), 4),
        ("效益指标", D("30"), 3),
        ("满意度指标", D("10"), 1),
    ]
    assert department.thresholds.source == project.thresholds.source == "document"
    assert performance_findings(text) == []


# -- execution rate and funds score -------------------------------------------------------------


@violates("performance.execution-rate")
def test_execution_rate():
    # 6.80 ÷ 10.00 = 68%: printed 68% passes, 86% does not; a rate printed to 0.01 is judged to 0.01
    passing = document(self_evaluation(funds=("0", "10.00", "6.80", "10", "68%", "6.8")))
    assert_findings(passing)
    assert_findings(document(self_evaluation(funds=("0", "3.00", "2.00", "10", "66.67%", "6.667"))))
    failing = document(self_evaluation(funds=("0", "10.00", "6.80", "10", "86%", "6.8")))
    (finding,) = assert_findings(failing, F("execution-rate", "error", "年度资金总额", "执行率", "68", "86", "18"))
    assert finding.message == (
        "部门整体支出绩效自评表年度资金总额的执行率应为 全年执行数 6.80 ÷ 全年预算数 10.00 = 68%，表中为 86%。"
    )
    # 2000.00 ÷ 3000.00 = 66.6667% truncated to 66.66%: one unit of the last digit off, a notice
    (notice,) = assert_findings(
        document(self_evaluation(funds=("0", "3000.00", "2000.00", "10", "66.66%", "6.666"))),
        F("execution-rate", "notice", "年度资金总额", "执行率", "66.67", "66.66", "-0.01"),
    )
    assert notice.message.endswith("表中为 66.66%，相差不足一个末位单位（截尾或凑整）。")
    # two units off is an error
    assert_findings(
        document(self_evaluation(funds=("0", "3000.00", "2000.00", "10", "66.65%", "6.665"))),
        F("execution-rate", "error", "年度资金总额", "执行率", "66.67", "66.65", "-0.02"),
    )
    # the amounts are rounded too: 2.00 ÷ 3.00 may be anything from 1.995 ÷ 3.005 = 66.39% to
    # 2.005 ÷ 2.995 = 66.94%, so 66.66% is right at the printed precision
    assert_findings(document(self_evaluation(funds=("0", "3.00", "2.00", "10", "66.66%", "6.666"))))
    # a printed 1000% (a PDF sample prints it where the 分值 cell is empty) is no plausible rate: not judged
    assert_findings(document(self_evaluation(funds=("0", "400", "400", "10", "1000%", "10"))))


@violates("performance.funds-score")
def test_funds_score():
    # 分值 10 × 68% = 6.8; a score printed to whole points may round it (7)
    assert_findings(document(self_evaluation(funds=("0", "10.00", "6.80", "10", "68%", "7"))))
    # capped at the weight: 11.00 executed of 10.00 is 110%, the score stays 10
    assert_findings(document(self_evaluation(funds=("0", "10.00", "11.00", "10", "110%", "10"))))
    (finding,) = assert_findings(
        document(self_evaluation(funds=("0", "10.00", "6.80", "10", "68%", "10"))),
        F("funds-score", "error", "年度资金总额", "得分", "6.8", "10", "3.2"),
    )
    assert finding.message.endswith("年度资金的得分应为 分值 10 × 执行率 68% = 6.8（不超过分值），表中为 10。")
    assert_findings(
        document(self_evaluation(funds=("0", "10.00", "11.00", "10", "110%", "11"))),
        F("funds-score", "error", "年度资金总额", "得分", "10", "11", "1"),
        F("score-cap", "error", "年度资金总额", "得分", "10", "11", "1"),
    )


@violates("performance.funds-split")
def test_funds_split_by_column():
    # 当年财政拨款 120.46 + 0 + 0 ≠ 全年预算数 125.46
    sources = [("其中: 当年财政拨款", "44.93", "120.46"), ("上年结转资金", "0", "0"), ("其他资金", "0", "0")]
    (finding,) = assert_findings(
        document(self_evaluation(sources=sources)),
        F("funds-split", "error", "年度资金总额/按收入性质分", "全年预算数", "120.46", "125.46", "5.00"),
    )
    assert "“全年预算数”应等于各资金来源之和（当年财政拨款 + 上年结转资金 + 其他资金）" in finding.message


@violates("performance.funds-split")
def test_funds_split_inline():
    # seeds/001 lines 33-51: the split printed inline, by source beside by nature
    split = [
        ("按收入性质分：", "按支出性质分："),
        ("其中： 一般公共预算：125.46", "其中：基本支出：49.25"),
        ("政府性基金拨款：0", "项目支出：76.21"),
        ("其他资金：0", ""),
    ]
    d = disclosure(document(self_evaluation(sources=[], inline_split=split)))
    funds = d.evaluations[0].funds
    assert (funds.basic.amount, funds.project.amount) == (D("49.25"), D("76.21"))
    assert [(s.name, s.values["amount"].amount) for s in funds.sources] == [
        ("一般公共预算", D("125.46")),
        ("政府性基金拨款", D("0")),
        ("其他资金", D("0")),
    ]
    assert_findings(document(self_evaluation(sources=[], inline_split=split)))
    wrong = [split[0], split[1], ("政府性基金拨款：0", "项目支出：75.21"), split[3]]
    assert_findings(
        document(self_evaluation(sources=[], inline_split=wrong)),
        F("funds-split", "error", "年度资金总额/按支出性质分", "全年执行数", "124.46", "125.46", "1.00"),
    )
    # within the rounding bound of three printed figures (±0.015): a notice
    rounded = [split[0], split[1], ("政府性基金拨款：0", "项目支出：76.20"), split[3]]
    assert_findings(
        document(self_evaluation(sources=[], inline_split=rounded)),
        F("funds-split", "notice", "年度资金总额/按支出性质分", "全年执行数", "125.45", "125.46", "0.01"),
    )


# -- weights and scores ---------------------------------------------------------------------


@violates("performance.score-cap")
def test_score_cap():
    # seeds/001 line 182: 经济效益指标 scored 10 against a weight of 5
    indicators = changed(INDICATORS, "审批提速", score="10")
    (finding,) = assert_findings(
        document(self_evaluation(indicators=indicators)),
        F("score-cap", "error", "效益指标/经济效益指标/审批提速", "得分", "5", "10", "5"),
    )
    assert finding.message == "部门整体支出绩效自评表效益指标/经济效益指标/审批提速的得分 10 超过其分值 5。"
    assert_findings(document(self_evaluation(indicators=changed(INDICATORS, "审批提速", score="5"))))


@violates("performance.section-points")
def test_section_points():
    # 产出指标 (50分) holding 20 + 15 + 10 + 10 = 55
    indicators = changed(INDICATORS, "成本控制", weight="10", score="5", reason="成本超支")
    (finding,) = assert_findings(
        document(self_evaluation(indicators=indicators)),
        F("section-points", "error", "产出指标", "分值", "55", "50", "-5"),
    )
    assert finding.message.endswith(
        "产出指标(50分)的分值应等于其各三级指标分值之和 20 + 15 + 10 + 10：应为 55，表中为 50，相差 -5。"
    )


@violates("performance.section-points")
def test_sections_and_funds_make_100_points():
    # 产出指标 labelled (40分) and holding 10 + 15 + 10 + 5 = 40: the section agrees, but the
    # whole is 10 + 40 + 30 + 10 = 90 points (total score 10 + 40 + 28 + 9 = 87, 良)
    indicators = changed(INDICATORS, "办件数量", section="产出指标 (40分)", weight="10", score="10")
    assert_findings(
        document(self_evaluation(indicators=indicators, grade="良")),
        F("section-points", "error", "总分", "分值", "90", "100", "10"),
    )
    # the 总分 row printing 90 where the parts make 90: still not the 100 points of the form
    assert_findings(
        document(self_evaluation(indicators=indicators, total=("90", "87"), grade="良")),
        F("section-points", "error", "总分", "分值", "100", "90", "-10"),
    )


@violates("performance.total")
def test_total():
    # seeds/001 line 266: 总分 98 where the printed scores add to 108
    (finding,) = assert_findings(
        document(self_evaluation(total=("100", "98"))),
        F("total", "error", "总分", "得分", "97", "98", "1"),
    )
    assert finding.message.endswith("总分的得分应等于资金得分与各三级指标得分之和：应为 97，表中为 98，相差 1。")
    # a form whose 总分 (分值 90 = 50 + 30 + 10) leaves the funds out: its 得分 is the indicators'
    # 87, and the grade goes by 87 + the funds' 10 = 97
    assert_findings(document(self_evaluation(total=("90", "87"), grade="优")))
    assert_findings(
        document(self_evaluation(total=("90", "88"), grade="优")), F("total", "error", "总分", "得分", "87", "88", "1")
    )
    (graded,) = assert_findings(
        document(self_evaluation(total=("90", "87"), grade="良")), F("grade", "error", "总分", "等级")
    )
    assert "总分 87 + 资金得分 10 按本表备注的等级划分" in graded.message
    # scores with two decimals are rounded figures: a 0.01 gap is a rounding notice
    indicators = changed(changed(INDICATORS, "群众好评率", score="13.33"), "群众满意度", score="8.67")
    assert_findings(
        document(self_evaluation(indicators=indicators, total=("100", "97.01"))),
        F("total", "notice", "总分", "得分", "97.00", "97.01", "0.01"),
    )


@violates("performance.grade")
def test_grade_against_the_stated_scale():
    # seeds/002 line 565: 总分 90 graded 良 where line 569 says 90分(含)—100分为优
    indicators = changed(changed(INDICATORS, "按时办结率", score="10", reason="未完成"), "群众满意度", score="7")
    assert_findings(document(self_evaluation(indicators=indicators, grade="优")))  # 10 + 45 + 28 + 7 = 90
    (finding,) = assert_findings(
        document(self_evaluation(indicators=indicators, grade="良")),
        F("grade", "error", "总分", "等级"),
    )
    assert finding.message == (
        "部门整体支出绩效自评表总分 90 按本表备注的等级划分（优 ≥ 90，良 80–90，中 60–80，差 < 60）应为“优”，表中为“良”。"
    )


@violates("performance.grade")
def test_grade_with_a_document_scale_of_its_own():
    # a province with other bands and labels: 97 is 优秀 here, 良好 is wrong
    note = "2.等级划分为：95分(含)以上为优秀，85分(含)-95分为良好，60分(含)-85分为合格，60分以下为不合格。"
    assert_findings(document(self_evaluation(grade="优秀", scale_note=note)))
    (finding,) = assert_findings(
        document(self_evaluation(grade="良好", scale_note=note)), F("grade", "error", "总分", "等级")
    )
    assert (
        "按本表备注的等级划分（优秀 ≥ 95，良好 85–95，合格 60–85，不合格 < 60）应为“优秀”，表中为“良好”"
        in finding.message
    )


def test_document_scale_parsing():
    scale = parse_scale(
        "2.等级划分为：95分(含)以上为优秀，85分(含)-95分为良好，60分(含)-85分为合格，60分以下为不合格。"
    )
    assert scale.bands == [("优秀", D("95")), ("良好", D("85")), ("合格", D("60")), ("不合格", D("0"))]
    assert (scale.grade(D("97")), scale.grade(D("94.9")), scale.grade(D("59"))) == ("优秀", "良好", "不合格")
    assert parse_scale("备注: 1.“执行率”=“全年执行数”/“全年预算数”;") is None
    assert parse_scale(SCALE_NOTE).bands == [("优", D("90")), ("良", D("80")), ("中", D("60")), ("差", D("0"))]


@violates("performance.grade")
def test_grade_with_the_default_and_a_configured_scale():
    # no 备注 scale: the default 优 ≥ 90 …
    assert_findings(document(self_evaluation(grade="优秀", scale_note=None)))
    (finding,) = assert_findings(
        document(self_evaluation(grade="良", scale_note=None)), F("grade", "error", "总分", "等级")
    )
    assert "按默认等级划分（优 ≥ 90，良 80–90，中 60–80，差 < 60）应为“优”" in finding.message
    # … or the configured one ([grades] in yjsgk.toml)
    config = parse_config({"grades": {"优秀": 98, "良好": 85, "合格": 60, "不合格": 0}})
    assert config.grades == {"优秀": D("98"), "良好": D("85"), "合格": D("60"), "不合格": D("0")}
    context = CheckContext.from_config(config)
    assert context.grading.source == "config"
    assert_findings(document(self_evaluation(grade="良好", scale_note=None)), context=context)  # 97 < 98
    (finding,) = assert_findings(
        document(self_evaluation(grade="优秀", scale_note=None)), F("grade", "error", "总分", "等级"), context=context
    )
    assert "按配置的等级划分（优秀 ≥ 98，良好 85–98，合格 60–85，不合格 < 60）应为“良好”" in finding.message
    assert CheckContext().grading.source == "default"
    # a grade that names no label of the scale is not judged
    assert_findings(document(self_evaluation(grade="A", scale_note=None)))


def test_grades_config_is_validated():
    with pytest.raises(ConfigError, match="grades.优 应为 0 到 100 之间的分数"):
        parse_config({"grades": {"优": "九十", "良": 80}})
    with pytest.raises(ConfigError, match="至少需要两个等级"):
        parse_config({"grades": {"优": 90}})
    assert parse_config({}).grades == {}


@violates("performance.deviation-reason")
def test_deviation_reason():
    indicators = changed(INDICATORS, "群众满意度", reason="")
    (finding,) = assert_findings(
        document(self_evaluation(indicators=indicators)),
        F("deviation-reason", "warning", "满意度指标/服务对象满意度指标/群众满意度", "偏差原因分析及改进措施"),
    )
    assert finding.message.endswith(
        "满意度指标/服务对象满意度指标/群众满意度得分 9 低于分值 10，但未填写偏差原因分析及改进措施。"
    )
    # full marks need no reason
    assert_findings(document(self_evaluation(indicators=changed(INDICATORS, "群众满意度", score="10", reason=""))))


# -- the self-evaluation report -------------------------------------------------------------

SPLIT = [
    ("按收入性质分：", "按支出性质分："),
    ("其中： 一般公共预算：125.46", "其中：基本支出：49.25"),
    ("其他资金：0", "项目支出：76.21"),
]


def report(*sentences: str) -> list[str]:
    return ["", f"{DEPARTMENT}2020年度部门整体支出绩效自评报告", ""] + [
        s for sentence in sentences for s in (sentence, "")
    ]


REPORT = (
    "2020年单位支出预算44.93万元，其中：基本支出40.00万元，项目支出4.93万元。",
    "2020年度财政拨款基本支出49.25万元，其中：人员经费40.00万元。",
    "项目支出76.21万元。",
    "2020年度政府性基金预算财政拨款支出0万元，其中基本支出0万元，项目支出0万元。",
    "根据考核评分细则，总得分97分，结果：优秀。",
)


@violates("performance.report")
def test_report():
    table = self_evaluation(sources=[], inline_split=SPLIT)
    # the budget sentence and the 政府性基金 sentence are not the year's spending: not compared
    assert_findings(document(table, report(*REPORT)))
    wrong = document(
        table,
        report(REPORT[0], REPORT[1], "项目支出86.21万元。", REPORT[3], "根据考核评分细则，总得分96分，结果：良好。"),
    )
    findings = assert_findings(
        wrong,
        F("report", "error", "年度资金总额/按支出性质分", "项目支出", "76.21", "86.21", "10.00"),
        F("report", "error", "总分", "得分", "97", "96", "-1"),
        F("report", "error", "总分", "等级"),
    )
    messages = {f.column: f.message for f in findings}
    assert messages["项目支出"].endswith(
        "自评报告所述项目支出 86.21 万元与自评表的项目支出 76.21 不一致（相差 10.00；报告原文：项目支出86.21万元）。"
    )
    assert (
        "自评报告所述等级“良好”与总分 96 不符：按本表备注的等级划分（优 ≥ 90，良 80–90，中 60–80，差 < 60）应为“优”"
        in messages["等级"]
    )


# -- target tables (seeds/003 layout) -----------------------------------------------------------

PROJECT_HEADER = [
    tsv("单位编码", "单位（项目）名称", "资金总额", "绩效目标", "绩效指标", "", "", "", "", "", "", "", ""),
    tsv(
        "",
        "",
        "",
        "",
        "一级指标",
        "二级指标",
        "三级指标",
        "指标值",
        "指标值内容",
        "评（扣）分标准",
        "度量单位",
        "指标值类型",
        "备注",
    ),
]


def project_targets(
    *,
    total="60.00",
    unit_amount="60.00",
    amounts=("25.00", "35.00"),
    cost="25",
    rate="95",
    rate_text="接通率不低于95%。",
) -> list[str]:
    return [
        "2023年项目支出绩效目标表",
        "",
        f"部门名称：{DEPARTMENT}",
        "",
        "单位：万元",
        "",
        *PROJECT_HEADER,
        tsv("合计", "", total, *[""] * 10),
        tsv("152001", DEPARTMENT, unit_amount, *[""] * 10),
        tsv(
            "152001",
            "热线运行专项",
            amounts[0],
            "热线平稳运行",
            "产出指标",
            "数量指标",
            "现场电话接通率",
            rate,
            rate_text,
            "完成率*分值",
            "率",
            "≥",
            "10",
        ),
        tsv("", "", "", "", "", "", "席位配置", "180", "现场配置180个话务席位。", "每少1个扣0.2分", "个", "定量", "10"),
        tsv(
            "",
            "",
            "",
            "",
            "成本指标",
            "经济成本指标",
            "项目总成本",
            cost,
            "反映项目总成本",
            "偏离10%以下得满分",
            "万元",
            "≤",
            "20",
        ),
        "",
        "2023年项目支出绩效目标表",
        "",
        f"部门名称：{DEPARTMENT}",
        "",
        "单位：万元",
        "",
        *PROJECT_HEADER,
        tsv(
            "",
            "宣传专项",
            amounts[1],
            "加强宣传",
            "产出指标",
            "数量指标",
            "宣传报道数量",
            "10",
            "相关报道次数",
            "完成率*分值",
            "篇",
            "≥",
            "5",
        ),
        "",
    ]


def department_targets(
    *, total="100.00", general="100.00", basic="40.00", project="60.00", cost_project="60.00"
) -> list[str]:
    return [
        "2023年部门整体支出绩效目标表",
        "",
        f"部门名称：{DEPARTMENT}",
        "",
        "单位：万元",
        "",
        tsv(
            "单位编码",
            "单位名称",
            "年度预算申请",
            "",
            "",
            "",
            "",
            "",
            "",
            "整体绩效目标",
            "部门整体支出年度绩效目标",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
        ),
        tsv(
            "",
            "",
            "资金总额",
            "按收入性质分",
            "",
            "",
            "",
            "按支出性质分",
            "",
            "",
            "一级指标",
            "二级指标",
            "三级指标",
            "指标值类型",
            "指标值",
            "计量单位",
            "指标解释",
            "评（扣）分标准",
            "备注",
        ),
        tsv(
            "",
            "",
            "",
            "一般公共预算",
            "政府性基金拨款",
            "财政专户管理资金",
            "其他资金",
            "基本支出",
            "项目支出",
            *[""] * 10,
        ),
        tsv(
            "152001",
            DEPARTMENT,
            total,
            general,
            "",
            "",
            "",
            basic,
            project,
            "保障运转",
            "产出指标",
            "数量指标",
            "开展培训次数",
            "≥",
            "4",
            "次",
            "开展业务培训",
            "每次1分",
            "4",
        ),
        tsv(
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "成本指标",
            "项目支出",
            "≤",
            cost_project,
            "万元",
            "项目支出的成本控制情况",
            "偏离10%以下得满分",
            "10",
        ),
        tsv(
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "满意度指标",
            "服务对象满意度指标",
            "服务对象满意度",
            "≥",
            "90",
            "%",
            "满意度不低于90%",
            "90%以上得满分",
            "10",
        ),
        "",
    ]


def budget_expenditure(total="100.00", basic="40.00", project="60.00") -> list[str]:
    return [
        "2023年部门支出总体情况表",
        "",
        f"部门名称：{DEPARTMENT}",
        "",
        "单位：万元",
        "",
        tsv("科目编码", "科目名称", "总计", "基本支出", "项目支出"),
        tsv("合计", "", total, basic, project),
        tsv("2010301", "行政运行", basic, basic, ""),
        tsv("2010399", "其他政府办公厅（室）及相关机构事务支出", project, "", project),
        "",
        "注：本表反映部门本年度各项支出情况。",
        "",
    ]


def budget(*tables: list[str]) -> str:
    return document(*tables, cover="2023年部门预算")


def test_clean_targets_raise_nothing():
    text = budget(budget_expenditure(), project_targets(), department_targets())
    d = disclosure(text)
    projects, department = d.targets
    assert projects.total.amount == D("60.00")
    [unit] = projects.units
    assert [(p.name, p.amount.amount, len(p.indicators)) for p in unit.projects] == [
        ("热线运行专项", D("25.00"), 3),
        ("宣传专项", D("35.00"), 1),
    ]
    rate = unit.projects[0].indicators[0]
    assert (rate.path, rate.amount.amount, rate.unit, rate.value_type, rate.weight.amount, rate.aligned) == (
        "产出指标/数量指标/现场电话接通率",
        D("95"),
        "率",
        "≥",
        D("10"),
        True,
    )
    [dept] = department.units
    assert (dept.amount.amount, dept.basic.amount, dept.project.amount, [s.name for s in dept.sources]) == (
        D("100.00"),
        D("40.00"),
        D("60.00"),
        ["一般公共预算"],
    )
    assert [i.path for i in dept.indicators] == [
        "产出指标/数量指标/开展培训次数",
        "产出指标/成本指标/项目支出",
        "满意度指标/服务对象满意度指标/服务对象满意度",
    ]
    assert performance_findings(text) == []


@violates("performance.target-amount")
def test_target_amounts_add_up():
    # a project amount that no longer adds up to its unit, its 合计 and the budget's 项目支出
    text = budget(budget_expenditure(), project_targets(amounts=("25.00", "45.00")), department_targets())
    assert_findings(
        text,
        F("target-amount", "error", f"152001 {DEPARTMENT}", "资金总额", "70.00", "60.00", "-10.00"),
    )
    # the 合计 against the units and against the budget's 项目支出 (部门支出总体情况表)
    text = budget(budget_expenditure(), project_targets(total="70.00"), department_targets())
    assert_findings(
        text,
        F("target-amount", "error", "合计", "资金总额", "60.00", "70.00", "10.00"),
        F("target-amount", "error", "合计", "资金总额", "60.00", "70.00", "10.00"),
    )


@violates("performance.target-amount")
def test_target_amounts_against_the_department_table_and_the_budget():
    # the 部门整体 table's 项目支出 65.00 (and so 资金总额 105.00) against 60.00 in the project table
    # and in the budget
    text = budget(
        budget_expenditure(),
        project_targets(),
        department_targets(total="105.00", general="105.00", project="65.00", cost_project="65.00"),
    )
    findings = assert_findings(
        text,
        F("target-amount", "error", f"152001 {DEPARTMENT}", "资金总额", "65.00", "60.00", "-5.00"),
        F("target-amount", "error", "合计", "资金总额", "100.00", "105.00", "5.00"),
        F("target-amount", "error", "合计", "项目支出", "60.00", "65.00", "5.00"),
    )
    budget_finding = next(f for f in findings if f.column == "项目支出")
    assert budget_finding.message == (
        "部门整体支出绩效目标表各单位项目支出之和（152001）应等于部门支出总体情况表的项目支出：应为 60.00，表中合计为 65.00，相差 5.00。"
    )


@violates("performance.funds-split")
def test_target_unit_funds_split():
    text = budget(budget_expenditure(), project_targets(), department_targets(total="100.00", general="90.00"))
    assert_findings(text, F("funds-split", "error", f"152001 {DEPARTMENT}", "资金总额", "90.00", "100.00", "10.00"))


@violates("performance.cost-target")
def test_cost_target():
    # seeds/003 line 687: a 成本指标 项目支出 3473.12 万元 for a unit whose 项目支出 is 1,955.15
    text = budget(budget_expenditure(), project_targets(cost="35"), department_targets(cost_project="80.00"))
    findings = assert_findings(
        text,
        F("cost-target", "warning", "成本指标/经济成本指标/项目总成本", "指标值", "25.00", "35", "10.00"),
        F("cost-target", "warning", "产出指标/成本指标/项目支出", "指标值", "60.00", "80.00", "20.00"),
    )
    assert {f.message for f in findings} == {
        f"项目支出绩效目标表152001 {DEPARTMENT}/热线运行专项：成本指标/经济成本指标/项目总成本的指标值 35 万元与该项目的资金总额 25.00 不一致。",
        f"部门整体支出绩效目标表152001 {DEPARTMENT}：产出指标/成本指标/项目支出的指标值 80.00 万元与该单位的项目支出 60.00 不一致。",
    }


@violates("performance.indicator-value")
def test_indicator_value():
    # seeds/003 line 577: 指标值 95 while its 指标值内容 says 不低于75%
    (finding,) = assert_findings(
        budget(budget_expenditure(), project_targets(rate_text="接通率不低于75%。"), department_targets()),
        F("indicator-value", "warning", "产出指标/数量指标/现场电话接通率", "指标值", None, "95"),
    )
    assert finding.message == (
        f"项目支出绩效目标表152001 {DEPARTMENT}/热线运行专项：产出指标/数量指标/现场电话接通率的指标值 95（率）与指标值内容所述 75% 不一致。"
    )
    # numbers in another unit (a year, 29项), a formula's ×100% or a range are no stated target
    for text in ("2023年推进29项改革。", "接通电话数 ÷ 来电总数 ×100%", "接通率保持在90%-98%之间"):
        assert_findings(budget(budget_expenditure(), project_targets(rate_text=text), department_targets()))


@violates("performance.funds-final")
def test_an_own_self_evaluation_whose_executed_funds_the_final_accounts_do_not_print():
    """performance.funds-final (check/rules/performance_funds.py; real documents in test_cross.py):
    全年执行数 1798.97 is neither the 本年支出合计 1845.09 nor the 一般公共预算 合计 1808.97."""
    result = cases.outcome("performance.funds-final", "bad")
    assert result is not None and result.problems() == []
    (found,) = result.own
    assert (found.severity, found.found) == ("warning", D("1798.97"))
    assert "1,845.09" in found.message and "1,808.97" in found.message


def test_every_performance_rule_has_a_failing_case_here():
    assert {r for r in VIOLATED if r.startswith("performance.")} == PERFORMANCE_RULES


def test_performance_rules_are_documented():
    for rule_id in PERFORMANCE_RULES:
        rule = RULES[rule_id]
        assert rule.title and cases.example(rule.id) is not None and len(rule.rationale) > 40
        assert rule.severity in ("error", "warning")
