"""Performance tables: self-evaluation scores (绩效自评表) and targets (绩效目标表).

The typed model is built at recognition (`yjsgk.performance`); these rules judge it. A finding's
row is the indicator path (产出指标/数量指标/<三级指标>), or the line of the funds block, or 总分.
Scores and weights are points, not rounded amounts: their sums must agree exactly unless the
scores themselves carry two decimals (8.33), when the usual rounding bound applies.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from ...document import Location
from ...model import Disclosure, Value
from ...performance.grades import known_grade, same_grade
from ...performance.model import Evaluation, Funds, Grading, Section, TargetIndicator, Targets
from ..compare import (
    Term,
    describe_terms,
    fmt,
    imbalance,
    operands,
    percent_tail,
    percent_verdict,
    ratio_range,
    restatement,
    rounded,
    rounding_tail,
    table_bound,
    within_bound,
)
from ..context import CheckContext
from ..findings import Finding
from ..registry import rule

FUNDS_ROW = "年度资金总额"
MAX_RATE = Decimal(200)  # a printed 执行率 above this is a misread cell, not a rate
TOTAL_ROW = "总分"


# -- helpers ------------------------------------------------------------------------------


def _finding(
    owner: Evaluation | Targets,
    message: str,
    *,
    severity: str = "",
    row: str | None,
    column: str | None = None,
    expected: Decimal | None = None,
    found: Decimal | None = None,
    location: Location | None = None,
    related: list[Location] | None = None,
) -> Finding:
    """A finding about a performance table; the engine stamps the rule and, when `severity` is
    empty, its default severity."""
    return Finding(
        severity=severity,
        message=f"{owner.title}{message}",
        table=owner.table.id,
        table_title=owner.title,
        row=row,
        column=column,
        expected=expected,
        found=found,
        difference=None if expected is None or found is None else found - expected,
        location=location,
        related=related or [],
    )


def _sum_finding(
    ctx: CheckContext,
    owner: Evaluation | Targets,
    found: Value,
    terms: list[Term],
    what: str,
    *,
    row: str,
    column: str | None,
    points: bool = False,
) -> Finding | None:
    """`found` = Σ terms, else an error (or a rounding notice within the bound)."""
    values = [found] + [t.value for t in terms]
    # whole or tenth points are exact, not rounded
    gap = imbalance(
        found, terms, exact=points and max(v.decimals for v in values) < 2, multiplier=ctx.rounding_multiplier
    )
    if gap is None:
        return None
    return _finding(
        owner,
        gap.statement(what, found.amount),
        severity="notice" if gap.within else "",
        row=row,
        column=column,
        expected=gap.expected,
        found=found.amount,
        location=found.location,
        related=[t.value.location for t in terms],
    )


def _plain(value: Decimal) -> Decimal:
    """Trailing zeros dropped (6.80 → 6.8, 10.00 → 10), never in exponent form."""
    return value.quantize(Decimal(1)) if value == value.to_integral() else value.normalize()


def _pct(value: Decimal) -> str:
    return f"{fmt(value)}%"


def _funds(disclosure: Disclosure) -> Iterator[tuple[Evaluation, Funds]]:
    for evaluation in disclosure.evaluations:
        if evaluation.funds is not None:
            yield evaluation, evaluation.funds


# -- self-evaluation: the funds block -----------------------------------------------------


@rule(
    "performance.execution-rate",
    "执行率等于全年执行数除以全年预算数",
    rationale="""The funds block of a self-evaluation states 全年预算数, 全年执行数 and 执行率; the
    rate is 全年执行数 ÷ 全年预算数 (the tables' own 备注 says so), judged at the precision it is
    printed (68% to whole points, 68.25% to hundredths) over the rounding of the printed amounts
    (99.99% for 8,858.95 ÷ 8,859 is right: 8,859 may be 8,858.5 … 8,859.5); missing by less than one
    unit of its last digit is a notice. A wrong rate feeds a wrong funds score.""",
)
def execution_rate(disclosure: Disclosure, ctx: CheckContext) -> Iterator[Finding]:
    for evaluation, funds in _funds(disclosure):
        rate, budget, executed = funds.rate, funds.budget, funds.executed
        if rate is None or budget is None or executed is None or budget.amount <= 0:
            continue
        if not 0 <= rate.amount <= MAX_RATE:
            continue  # not a plausible reading of the cell (cells run together in extraction)
        exact = executed.amount / budget.amount * 100
        expected = rounded(exact, rate.decimals)
        if expected == rate.amount:
            continue
        # the amounts are rounded too: the true ratio lies in the range their printing allows
        spent, planned = operands([executed, budget])
        span = ratio_range(spent, planned, ctx.rounding_multiplier) or (exact, exact)
        verdict = percent_verdict(rate.amount, rate.decimals, span)
        if verdict == "ok":
            continue
        yield _finding(
            evaluation,
            f"年度资金总额的执行率应为 全年执行数 {fmt(executed.amount)} ÷ 全年预算数 {fmt(budget.amount)} = {_pct(expected)}，表中为 {rate.text}"
            + percent_tail(verdict),
            severity="notice" if verdict == "notice" else "",
            row=FUNDS_ROW,
            column="执行率",
            expected=expected,
            found=rate.amount,
            location=rate.location,
            related=[executed.location, budget.location],
        )


@rule(
    "performance.funds-score",
    "资金得分等于分值乘以执行率",
    rationale="""The funds indicator scores its weight times the execution rate (得分 = 分值 ×
    执行率), never more than the weight. The score is judged at its printed precision, against the
    printed rate and against the rate the amounts give; it passes if it agrees with either.""",
)
def funds_score(disclosure: Disclosure, ctx: CheckContext) -> Iterator[Finding]:
    for evaluation, funds in _funds(disclosure):
        if funds.score is None or funds.weight is None:
            continue
        rates = []
        if funds.rate is not None:
            rates.append(funds.rate.amount)
        if funds.budget is not None and funds.executed is not None and funds.budget.amount:
            rates.append(funds.executed.amount / funds.budget.amount * 100)
        if not rates:
            continue
        exact = [min(funds.weight.amount, funds.weight.amount * r / 100) for r in rates]
        if funds.score.amount in [rounded(e, funds.score.decimals) for e in exact]:
            continue
        expected = _plain(rounded(exact[0], max(funds.score.decimals, 2)))
        rate_text = funds.rate.text if funds.rate is not None else _pct(rounded(rates[0], 2))
        yield _finding(
            evaluation,
            f"年度资金的得分应为 分值 {fmt(funds.weight.amount)} × 执行率 {rate_text} = {fmt(expected)}（不超过分值），表中为 {funds.score.text}。",
            row=FUNDS_ROW,
            column="得分",
            expected=expected,
            found=funds.score.amount,
            location=funds.score.location,
            related=[funds.weight.location] + ([funds.rate.location] if funds.rate is not None else []),
        )


@rule(
    "performance.funds-split",
    "资金来源和支出性质之和等于年度资金总额",
    rationale="""The funds block splits the year's money by source (当年财政拨款 / 一般公共预算,
    上年结转资金, 其他资金, …) and by nature (基本支出 + 项目支出); each split adds up to the total,
    column by column where the split is printed under 年初预算数 / 全年预算数. An inline split
    (`一般公共预算：419.99`) is compared with 全年预算数 and with 全年执行数 and passes if it equals
    either. The same holds for each unit of a 部门整体支出绩效目标表 (资金总额 = Σ 按收入性质分 =
    基本支出 + 项目支出).""",
)
def funds_split(disclosure: Disclosure, ctx: CheckContext) -> Iterator[Finding]:
    for evaluation, funds in _funds(disclosure):
        totals = [
            (label, v) for label, v in (("全年执行数", funds.executed), ("全年预算数", funds.budget)) if v is not None
        ]
        for parts, what in (
            (
                [Term(v, 1, n) for n, v in (("基本支出", funds.basic), ("项目支出", funds.project)) if v is not None],
                "按支出性质分",
            ),
            ([Term(s.values["amount"], 1, s.name) for s in funds.sources if "amount" in s.values], "按收入性质分"),
        ):
            if len(parts) < 2 or not totals:
                continue
            findings = [
                _sum_finding(
                    ctx,
                    evaluation,
                    total,
                    parts,
                    f"{what}“{describe_terms(parts)}”应等于年度资金总额（{label}）",
                    row=f"{FUNDS_ROW}/{what}",
                    column=label,
                )
                for label, total in totals
            ]
            found = [f for f in findings if f is not None]
            if len(found) == len(findings):  # off from every total it may be: the closest
                yield min(found, key=lambda f: abs(f.difference or Decimal(0)))
        for column, label in (("initial_budget", "年初预算数"), ("budget", "全年预算数"), ("executed", "全年执行数")):
            total = getattr(funds, column)
            parts = [Term(s.values[column], 1, s.name) for s in funds.sources if column in s.values]
            if total is None or len(parts) < 2:
                continue
            finding = _sum_finding(
                ctx,
                evaluation,
                total,
                parts,
                f"“{label}”应等于各资金来源之和（{describe_terms(parts)}）",
                row=f"{FUNDS_ROW}/按收入性质分",
                column=label,
            )
            if finding:
                yield finding
    for targets in disclosure.targets:
        if targets.kind != "department":
            continue
        for unit in targets.units:
            if unit.amount is None:
                continue
            label = unit.label
            if unit.basic is not None and unit.project is not None:
                parts = [Term(unit.basic, 1, "基本支出"), Term(unit.project, 1, "项目支出")]
                finding = _sum_finding(
                    ctx,
                    targets,
                    unit.amount,
                    parts,
                    f"{label}的资金总额应等于 基本支出 + 项目支出",
                    row=label,
                    column="资金总额",
                )
                if finding:
                    yield finding
            sources = [Term(s.values["amount"], 1, s.name) for s in unit.sources if "amount" in s.values]
            if sources:
                finding = _sum_finding(
                    ctx,
                    targets,
                    unit.amount,
                    sources,
                    f"{label}的资金总额应等于按收入性质分的合计（{describe_terms(sources)}）",
                    row=label,
                    column="资金总额",
                )
                if finding:
                    yield finding


# -- self-evaluation: weights and scores ---------------------------------------------------


@rule(
    "performance.score-cap",
    "得分不超过分值",
    rationale="""No indicator can score more than its weight (分值): a 得分 above its 分值 inflates the
    total and the grade that decides next year's funding. The funds score is held to its weight
    the same way.""",
)
def score_cap(disclosure: Disclosure, ctx: CheckContext) -> Iterator[Finding]:
    for evaluation in disclosure.evaluations:
        items = [(i.path, i.weight, i.score) for i in evaluation.indicators()]
        if evaluation.funds is not None:
            items.insert(0, (FUNDS_ROW, evaluation.funds.weight, evaluation.funds.score))
        for path, weight, score in items:
            if weight is None or score is None or score.amount <= weight.amount:
                continue
            yield _finding(
                evaluation,
                f"{path}的得分 {score.text} 超过其分值 {weight.text}。",
                row=path,
                column="得分",
                expected=weight.amount,
                found=score.amount,
                location=score.location,
                related=[weight.location],
            )


def _section_weight(section: Section) -> Decimal:
    if section.points is not None:
        return section.points.amount
    return sum((i.weight.amount for i in section.indicators if i.weight is not None), Decimal(0))


def _total_excludes_funds(evaluation: Evaluation) -> bool:
    """Some forms print a 总分 of the indicators only (分值 90) and score the funds apart."""
    funds, stated = evaluation.funds, evaluation.total_weight
    if funds is None or funds.weight is None or stated is None or not evaluation.sections:
        return False
    sections = sum((_section_weight(s) for s in evaluation.sections), Decimal(0))
    return stated.amount == sections and sections + funds.weight.amount == 100


@rule(
    "performance.section-points",
    "各项分值等于其指标分值之和，合计 100 分",
    rationale="""A section label states its points (产出指标（50分）, 效益指标（30分）, 满意度指标
    （10分）); its 三级指标 weights add up to exactly that. The funds weight and the section points
    together make the 100 points of the table, which the 总分 row's 分值 states (or, on forms
    whose 总分 leaves the funds out, the 90 points of the indicators).""",
)
def section_points(disclosure: Disclosure, ctx: CheckContext) -> Iterator[Finding]:
    for evaluation in disclosure.evaluations:
        weights: list[Term] = []
        for section in evaluation.sections:
            terms = [Term(i.weight, 1, fmt(i.weight.amount)) for i in section.indicators if i.weight is not None]
            if section.points is not None and terms:
                finding = _sum_finding(
                    ctx,
                    evaluation,
                    section.points,
                    terms,
                    f"{section.label}的分值应等于其各三级指标分值之和 {describe_terms(terms)}",
                    row=section.name,
                    column="分值",
                    points=True,
                )
                if finding:
                    yield finding
            if section.points is not None:
                weights.append(Term(section.points, 1, f"{section.name} {fmt(section.points.amount)}"))
            elif terms:
                total = sum((t.value.amount for t in terms), Decimal(0))
                weights.append(Term(Value(total, fmt(total), 0, section.location), 1, f"{section.name} {fmt(total)}"))
        if evaluation.funds is not None and evaluation.funds.weight is not None:
            weights.insert(0, Term(evaluation.funds.weight, 1, f"资金 {fmt(evaluation.funds.weight.amount)}"))
        if not weights or not evaluation.sections:
            continue
        if evaluation.funds is not None and evaluation.funds.weight is None:
            continue  # the funds weight could not be read: the whole cannot be judged
        excludes_funds = _total_excludes_funds(evaluation)
        if excludes_funds:
            weights = weights[1:]  # a 总分 of the indicators only (90), the funds scored apart
        stated = evaluation.total_weight
        if stated is None:
            stated = Value(Decimal(100), "100", 0, evaluation.total_location or evaluation.location)
        finding = _sum_finding(
            ctx,
            evaluation,
            stated,
            weights,
            f"总分的分值应等于各项分值之和 {describe_terms(weights)}",
            row=TOTAL_ROW,
            column="分值",
            points=True,
        )
        if finding:
            yield finding
        elif stated.amount != 100 and not excludes_funds:
            yield _finding(
                evaluation,
                f"总分的分值应为 100，表中为 {stated.text}。",
                row=TOTAL_ROW,
                column="分值",
                expected=Decimal(100),
                found=stated.amount,
                location=stated.location,
            )


@rule(
    "performance.total",
    "总分等于各项得分之和",
    rationale="""The 总分 row's 得分 is the funds score plus the score of every 三级指标 (only the
    indicators' on forms whose 总分 分值 of 90 leaves the funds out). A total that is not the sum
    of the printed scores means a score was changed without the total, or the total was written
    to fit a grade.""",
)
def total_score(disclosure: Disclosure, ctx: CheckContext) -> Iterator[Finding]:
    for evaluation in disclosure.evaluations:
        if evaluation.total_score is None:
            continue
        terms = [Term(i.score, 1, i.path) for i in evaluation.indicators() if i.score is not None]
        if not terms:
            continue
        if evaluation.funds is not None and not _total_excludes_funds(evaluation):
            if evaluation.funds.score is None:
                continue  # the funds score could not be read: the total cannot be judged
            terms.insert(0, Term(evaluation.funds.score, 1, FUNDS_ROW))
        finding = _sum_finding(
            ctx,
            evaluation,
            evaluation.total_score,
            terms,
            "总分的得分应等于资金得分与各三级指标得分之和",
            row=TOTAL_ROW,
            column="得分",
            points=True,
        )
        if finding:
            yield finding


def _scale_phrase(evaluation: Evaluation, grading: Grading) -> tuple[str, Grading]:
    scale = evaluation.thresholds or grading
    source = {"document": "按本表备注的等级划分", "config": "按配置的等级划分", "default": "按默认等级划分"}[
        scale.source
    ]
    return f"{source}（{scale.describe()}）", scale


def _grade_instead(grade: str, scale: Grading, score: Decimal) -> str | None:
    """The grade `score` earns on `scale` when the printed `grade` is a known one and differs."""
    expected = scale.grade(score)
    if expected is None or not known_grade(grade, scale) or same_grade(grade, expected):
        return None
    return expected


@rule(
    "performance.grade",
    "等级与总分和等级划分一致",
    rationale="""The grade follows from the total score and the thresholds the document states
    under the table (备注: 90分（含）—100分为优, …). When a document states none, the configured
    scale (`[grades]` in yjsgk.toml) or the default applies: 优 ≥ 90, 良 80–90, 中 60–80,
    差 < 60. A grade that contradicts the document's own thresholds is an error; a printed grade
    that names no label of the scale is not judged.""",
)
def grade(disclosure: Disclosure, ctx: CheckContext) -> Iterator[Finding]:
    for evaluation in disclosure.evaluations:
        if not evaluation.grade or evaluation.total_score is None:
            continue
        phrase, scale = _scale_phrase(evaluation, ctx.grading)
        score, score_text = evaluation.total_score.amount, evaluation.total_score.text
        if _total_excludes_funds(evaluation) and evaluation.funds and evaluation.funds.score:
            score += evaluation.funds.score.amount  # graded on the 100 points, funds included
            score_text = f"{score_text} + 资金得分 {evaluation.funds.score.text}"
        expected = _grade_instead(evaluation.grade, scale, score)
        if expected is None:
            continue
        yield _finding(
            evaluation,
            f"总分 {score_text} {phrase}应为“{expected}”，表中为“{evaluation.grade}”。",
            row=TOTAL_ROW,
            column="等级",
            location=evaluation.grade_location,
            related=[evaluation.total_score.location],
        )


@rule(
    "performance.deviation-reason",
    "未得满分的指标说明偏差原因",
    severity="warning",
    rationale="""Where an indicator scores below its weight, the table's 偏差原因分析及改进措施
    column must say why and what will change; an empty cell leaves the lost points unexplained.
    Only tables that print the column are judged.""",
)
def deviation_reason(disclosure: Disclosure, ctx: CheckContext) -> Iterator[Finding]:
    for evaluation in disclosure.evaluations:
        if not evaluation.has_reason_column:
            continue
        for indicator in evaluation.indicators():
            if indicator.weight is None or indicator.score is None or indicator.reason:
                continue
            if indicator.score.amount >= indicator.weight.amount:
                continue
            yield _finding(
                evaluation,
                f"{indicator.path}得分 {indicator.score.text} 低于分值 {indicator.weight.text}，但未填写偏差原因分析及改进措施。",
                row=indicator.path,
                column="偏差原因分析及改进措施",
                location=indicator.score.location,
            )


# -- the self-evaluation report ------------------------------------------------------------


@rule(
    "performance.report",
    "自评报告与自评表一致",
    rationale="""The self-evaluation report restates the department table: its total score
    (总得分98分), its grade (结果：优秀, which must also follow from the thresholds) and the year's
    spending by nature (基本支出 … 万元, 项目支出 … 万元). Sentences about the budget, the previous
    year or other funds (政府性基金, 国有资本经营) are not compared.""",
)
def report(disclosure: Disclosure, ctx: CheckContext) -> Iterator[Finding]:
    for evaluation in disclosure.evaluations:
        if evaluation.report is None:
            continue
        funds = evaluation.funds
        for statement in evaluation.report.statements:
            quote = _quote(statement.text)
            if statement.what == "total" and statement.value is not None and evaluation.total_score is not None:
                if statement.value.amount != evaluation.total_score.amount:
                    yield _report_finding(
                        evaluation, statement.value, evaluation.total_score, "总得分", quote, TOTAL_ROW, "得分"
                    )
            elif statement.what == "grade" and statement.grade:
                phrase, scale = _scale_phrase(evaluation, ctx.grading)
                score = (
                    next((s.value for s in evaluation.report.statements if s.what == "total" and s.value), None)
                    or evaluation.total_score
                )
                if score is None:
                    continue
                expected = _grade_instead(statement.grade, scale, score.amount)
                if expected is None:
                    continue
                yield _finding(
                    evaluation,
                    f"自评报告所述等级“{statement.grade}”与总分 {score.text} 不符：{phrase}应为“{expected}”（报告原文：{quote}）。",
                    row=TOTAL_ROW,
                    column="等级",
                    location=statement.location,
                    related=[score.location],
                )
            elif statement.what in ("basic", "project") and statement.value is not None and funds is not None:
                table_value = funds.basic if statement.what == "basic" else funds.project
                if table_value is None:
                    continue
                stated, printed = operands([statement.value, table_value])
                judged = restatement(stated.amount - printed.amount, stated, printed, ctx.rounding_multiplier)
                if judged.verdict != "error":
                    continue  # the same amount, rounded or truncated
                label = "基本支出" if statement.what == "basic" else "项目支出"
                yield _report_finding(
                    evaluation,
                    statement.value,
                    table_value,
                    label,
                    quote,
                    f"{FUNDS_ROW}/按支出性质分",
                    label,
                    unit="万元",
                )


def _quote(sentence: str) -> str:
    sentence = sentence.strip().rstrip("。")
    return sentence if len(sentence) <= 60 else sentence[:58] + "……"


def _report_finding(
    evaluation: Evaluation,
    stated: Value,
    table_value: Value,
    what: str,
    quote: str,
    row: str,
    column: str,
    unit: str = "分",
) -> Finding:
    difference = stated.amount - table_value.amount
    return _finding(
        evaluation,
        f"自评报告所述{what} {fmt(stated.amount)} {unit}与自评表的{what} {fmt(table_value.amount)} 不一致（相差 {fmt(difference)}；报告原文：{quote}）。",
        row=row,
        column=column,
        expected=table_value.amount,
        found=stated.amount,
        location=stated.location,
        related=[table_value.location],
    )


# -- target tables -------------------------------------------------------------------------


def _budget_reference(disclosure: Disclosure) -> tuple[str, dict[str, Value]] | None:
    """The budget's totals by nature: 部门支出总表's 合计 row, else the 收支总表's lines."""
    table = disclosure.table("budget.expenditure")
    if table is not None and (total := table.find(key="total")) is not None and total.values:
        return table.display_name, {c: total.values[c] for c in ("total", "basic", "project") if c in total.values}
    table = disclosure.table("budget.summary")
    if table is not None:
        out: dict[str, Value] = {}
        for column, item in (("total", "total_expenditure"), ("basic", "basic"), ("project", "project")):
            row = table.find(key=item, side="expenditure")
            if row is not None and row.values:
                out[column] = next(iter(row.values.values()))
        if out:
            return table.display_name, out
    return None


def _withheld(
    finding: Finding, targets: Targets, label: str, total: Value, terms: list[Term], items: str = "项目"
) -> Finding:
    """A total above the items shown, in a table that notes it leaves classified projects out
    (注：已剔除涉密部分): the gap is the withheld money, a notice rather than an error."""
    if finding.severity == "notice" or not targets.withheld or (finding.difference or 0) <= 0:
        return finding
    finding.severity = "notice"
    finding.message = (
        f"{targets.title}{label}的资金总额 {fmt(total.amount)} 比所列{items}之和 {describe_terms(terms)} = "
        f"{fmt(finding.expected or Decimal(0))} 多 {fmt(finding.difference or Decimal(0))}；表中注明“{targets.withheld}”，差额应为未公开的涉密项目。"
    )
    return finding


@rule(
    "performance.target-amount",
    "绩效目标表金额与预算表一致",
    rationale="""The 项目支出绩效目标表 lists every project with its amount under its unit: a unit's
    amount is the sum of its projects', the 合计 the sum of the units', and the 合计 is the
    budget's 项目支出 (部门支出总表 / 收支总表). The 部门整体支出绩效目标表 gives each unit's 基本支出
    and 项目支出: a unit's 项目支出 equals its amount in the project table, and the units together
    equal the budget's 总计, 基本支出 and 项目支出. A table that notes it leaves classified projects
    out (注：已剔除涉密部分) shows projects adding up to less than their unit: that gap is a notice.""",
)
def target_amount(disclosure: Disclosure, ctx: CheckContext) -> Iterator[Finding]:
    reference = _budget_reference(disclosure)
    project_tables = [t for t in disclosure.targets if t.kind == "project"]
    department_tables = [t for t in disclosure.targets if t.kind == "department"]
    for targets in project_tables:
        units = [u for u in targets.units if u.amount is not None]
        if targets.total is not None and units:
            terms = [Term(u.amount, 1, u.label) for u in units]  # type: ignore[arg-type]
            finding = _sum_finding(
                ctx,
                targets,
                targets.total,
                terms,
                "“合计”应等于各单位资金总额之和",
                row="合计",
                column="资金总额",
            )
            if finding:
                yield _withheld(finding, targets, "“合计”", targets.total, terms, "单位")
        for unit in units:
            projects = [p for p in unit.projects if p.amount is not None]
            if not projects or len(projects) != len(unit.projects):
                continue
            label = unit.label
            terms = [Term(p.amount, 1, p.amount.text) for p in projects]  # type: ignore[arg-type]
            finding = _sum_finding(
                ctx,
                targets,
                unit.amount,
                terms,  # type: ignore[arg-type]
                f"{label}的资金总额应等于其项目之和 {describe_terms(terms)}",
                row=label,
                column="资金总额",
            )
            if finding:
                yield _withheld(finding, targets, label, unit.amount, terms)  # type: ignore[arg-type]
        if reference is not None and targets.total is not None and "project" in reference[1]:
            source, values = reference
            finding = _sum_finding(
                ctx,
                targets,
                targets.total,
                [Term(values["project"], 1, f"{source}项目支出")],
                f"“合计”应等于{source}的项目支出",
                row="合计",
                column="资金总额",
            )
            if finding:
                yield finding
        for department in department_tables:
            by_code = {u.code: u for u in department.units if u.code}
            for unit in units:
                other = by_code.get(unit.code)
                if other is None or other.project is None:
                    continue
                label = unit.label
                finding = _sum_finding(
                    ctx,
                    targets,
                    unit.amount,
                    [Term(other.project, 1, f"{department.title}项目支出")],  # type: ignore[arg-type]
                    f"{label}的项目资金应等于{department.title}中该单位的项目支出",
                    row=label,
                    column="资金总额",
                )
                if finding:
                    yield finding
    if reference is None:
        return
    source, values = reference
    for department in department_tables:
        units = department.units
        for column, attr, label in (
            ("total", "amount", "资金总额"),
            ("basic", "basic", "基本支出"),
            ("project", "project", "项目支出"),
        ):
            if column not in values or not units or any(getattr(u, attr) is None for u in units):
                continue
            terms = [Term(getattr(u, attr), 1, f"{u.code}") for u in units]
            budget = values[column]
            total = sum((t.value.amount for t in terms), Decimal(0))
            difference = total - budget.amount
            if difference == 0:
                continue
            bound = table_bound([budget] + [t.value for t in terms], ctx.rounding_multiplier)
            within = within_bound(difference, bound)
            budget_label = "总计" if column == "total" else label
            yield _finding(
                department,
                f"各单位{label}之和（{describe_terms(terms)}）应等于{source}的{budget_label}：应为 {fmt(budget.amount)}，"
                f"表中合计为 {fmt(total)}，相差 {fmt(difference)}" + rounding_tail(within, bound),
                severity="notice" if within else "",
                row="合计",
                column=label,
                expected=budget.amount,
                found=total,
                location=department.location,
                related=[budget.location] + [t.value.location for t in terms],
            )


COST_NAMES = {"项目总成本", "项目成本", "预算金额", "项目资金", "资金总额", "项目支出", "基本支出", "项目总投入"}


def _is_cost(indicator: TargetIndicator) -> bool:
    return "成本" in indicator.section or "成本" in indicator.category


def _in_wan(indicator: TargetIndicator) -> bool:
    return indicator.unit == "万元" or indicator.value.endswith("万元")


@rule(
    "performance.cost-target",
    "成本指标金额与预算一致",
    severity="warning",
    rationale="""A cost indicator that names the money itself (项目总成本, 预算金额, 项目支出, 基本支出,
    or the project's own name) in 万元 restates a budget figure: the project's amount in the
    项目支出绩效目标表, the unit's 基本支出 or 项目支出 in the 部门整体支出绩效目标表. A cost target
    that matches no budget figure is either a typo or a target set for different money.""",
)
def cost_target(disclosure: Disclosure, ctx: CheckContext) -> Iterator[Finding]:
    for targets in disclosure.targets:
        for unit in targets.units:
            owners: list[tuple[str, list[TargetIndicator], dict[str, Value | None]]] = []
            label = unit.label
            if targets.kind == "department":
                owners.append((label, unit.indicators, {"基本支出": unit.basic, "项目支出": unit.project}))
            for project in unit.projects:
                names = {n: project.amount for n in COST_NAMES - {"基本支出"}}
                names[project.name] = project.amount
                owners.append((f"{label}/{project.name}".strip("/"), project.indicators, names))
            for owner_label, indicators, expected_by_name in owners:
                for indicator in indicators:
                    if not _is_cost(indicator) or indicator.amount is None or not _in_wan(indicator):
                        continue
                    expected = expected_by_name.get(indicator.name)
                    if expected is None or indicator.amount.amount == expected.amount:
                        continue
                    what = "该项目的资金总额" if targets.kind == "project" else f"该单位的{indicator.name}"
                    yield _finding(
                        targets,
                        f"{owner_label}：{indicator.path}的指标值 {indicator.value}{'' if indicator.value.endswith('万元') else ' 万元'}与{what} {expected.text} 不一致。",
                        row=indicator.path,
                        column="指标值",
                        expected=expected.amount,
                        found=indicator.amount.amount,
                        location=indicator.amount.location,
                        related=[expected.location],
                    )


_UNIT_WORDS = {"%": "%", "％": "%", "率": "%"}
_OPERATORS = set("×*xX÷/＊－-+＋（(~～—")
_RANGE = set("-－~～—至到")
_DESCRIBED = re.compile(r"(\d+(?:\.\d+)?)\s*(%|％|[个项篇次件份人台家户天日月起条名所场期套])")


def _stated_numbers(description: str, unit: str) -> set[Decimal]:
    wanted = _UNIT_WORDS.get(unit, unit)
    out: set[Decimal] = set()
    for m in _DESCRIBED.finditer(description):
        if description[: m.start()].rstrip()[-1:] in _OPERATORS or description[m.end() :].lstrip()[:1] in _RANGE:
            continue  # a formula (… ÷ 总数 ×100%) or a range (80%-90%), not a stated target
        found = _UNIT_WORDS.get(m.group(2), m.group(2))
        if found == wanted:
            out.add(Decimal(m.group(1)))
    return out


@rule(
    "performance.indicator-value",
    "指标值与指标内容所述数字一致",
    severity="warning",
    rationale="""A numeric target (指标值 95, 度量单位 %) often restates a number its own description
    gives (“现场电话接通率不低于75%”). When the description states numbers in the indicator's unit
    and none of them is the 指标值, one of the two is wrong. Only indicators whose cells sat where
    the header puts them are judged, and only numbers followed by the indicator's unit count.""",
)
def indicator_value(disclosure: Disclosure, ctx: CheckContext) -> Iterator[Finding]:
    for targets in disclosure.targets:
        for unit in targets.units:
            label = unit.label
            groups = [(label, unit.indicators)] + [(f"{label}/{p.name}", p.indicators) for p in unit.projects]
            for owner_label, indicators in groups:
                for indicator in indicators:
                    if not indicator.aligned or indicator.amount is None or not indicator.description:
                        continue
                    unit_word = "%" if indicator.value.endswith(("%", "％")) else indicator.unit
                    if not unit_word or unit_word in ("/", "无", "是", "-"):
                        continue
                    stated = _stated_numbers(indicator.description, unit_word)
                    if not stated or indicator.amount.amount in stated:
                        continue
                    shown = "、".join(
                        f"{fmt(n)}{'%' if _UNIT_WORDS.get(unit_word, unit_word) == '%' else unit_word}"
                        for n in sorted(stated)
                    )
                    column = "指标值内容" if targets.kind == "project" else "指标解释"
                    yield _finding(
                        targets,
                        f"{owner_label}：{indicator.path}的指标值 {indicator.value}（{indicator.unit or unit_word}）与{column}所述 {shown} 不一致。",
                        row=indicator.path,
                        column="指标值",
                        found=indicator.amount.amount,
                        location=indicator.amount.location,
                    )


__all__ = [
    "execution_rate",
    "funds_score",
    "funds_split",
    "score_cap",
    "section_points",
    "total_score",
    "grade",
    "deviation_reason",
    "report",
    "target_amount",
    "cost_target",
    "indicator_value",
]
