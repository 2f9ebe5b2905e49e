"""The performance model as JSON-ready dicts and as terminal lines (for `yjsgk extract`)."""

from __future__ import annotations

from decimal import Decimal

from ..model import Value
from ..performance.model import (
    Evaluation,
    FundLine,
    Funds,
    Grading,
    Indicator,
    Report,
    TargetIndicator,
    Targets,
    TargetUnit,
)

FUNDS_LABELS = {
    "initial_budget": "年初预算数",
    "budget": "全年预算数",
    "executed": "全年执行数",
    "weight": "分值",
    "rate": "执行率",
    "score": "得分",
}
FUNDS_FIELDS = tuple(FUNDS_LABELS)
STATEMENT_LABELS = {"total": "总得分", "grade": "等级", "basic": "基本支出", "project": "项目支出"}


def _dec(value: Value | Decimal | None) -> str | None:
    if value is None:
        return None
    return format(value.amount if isinstance(value, Value) else value, "f")


# -- JSON -------------------------------------------------------------------------------


def _fund_line(line: FundLine) -> dict:
    return {"name": line.name, "values": {k: _dec(v) for k, v in line.values.items()}}


def _funds(funds: Funds | None) -> dict | None:
    if funds is None:
        return None
    out: dict = {f: _dec(getattr(funds, f)) for f in FUNDS_FIELDS}
    out["sources"] = [_fund_line(s) for s in funds.sources]
    out["basic"] = _dec(funds.basic)
    out["project"] = _dec(funds.project)
    out["location"] = funds.location.to_dict()
    return out


def _indicator(indicator: Indicator) -> dict:
    return {
        "path": indicator.path,
        "section": indicator.section,
        "category": indicator.category,
        "name": indicator.name,
        "target": indicator.target,
        "actual": indicator.actual,
        "weight": _dec(indicator.weight),
        "score": _dec(indicator.score),
        "reason": indicator.reason,
        "location": indicator.location.to_dict(),
    }


def _grading(grading: Grading | None) -> dict | None:
    if grading is None:
        return None
    return {
        "source": grading.source,
        "bands": [{"label": label, "from": _dec(lower)} for label, lower in grading.bands],
        "text": grading.text,
    }


def _report(report: Report | None) -> dict | None:
    if report is None:
        return None
    return {
        "title": report.title,
        "location": report.location.to_dict(),
        "statements": [
            {
                "what": s.what,
                "value": _dec(s.value),
                "grade": s.grade,
                "text": s.text,
                "location": s.location.to_dict(),
            }
            for s in report.statements
        ],
    }


def evaluation_dict(evaluation: Evaluation) -> dict:
    """One self-evaluation; amounts and points as decimal strings, 执行率 in percentage points."""
    return {
        "kind": evaluation.kind,
        "table": evaluation.table.id,
        "title": evaluation.title,
        "name": evaluation.name,
        "department": evaluation.department,
        "funds": _funds(evaluation.funds),
        "goals": {"expected": evaluation.goal_expected, "actual": evaluation.goal_actual},
        "sections": [
            {
                "name": s.name,
                "label": s.label,
                "points": _dec(s.points),
                "indicators": [_indicator(i) for i in s.indicators],
            }
            for s in evaluation.sections
        ],
        "total": {"weight": _dec(evaluation.total_weight), "score": _dec(evaluation.total_score)},
        "grade": evaluation.grade,
        "thresholds": _grading(evaluation.thresholds),
        "report": _report(evaluation.report),
        "location": evaluation.location.to_dict(),
    }


def _target_indicator(indicator: TargetIndicator) -> dict:
    return {
        "path": indicator.path,
        "section": indicator.section,
        "category": indicator.category,
        "name": indicator.name,
        "value": indicator.value,
        "amount": _dec(indicator.amount),
        "unit": indicator.unit,
        "value_type": indicator.value_type,
        "description": indicator.description,
        "standard": indicator.standard,
        "weight": _dec(indicator.weight),
        "aligned": indicator.aligned,
        "location": indicator.location.to_dict(),
    }


def _unit(unit: TargetUnit) -> dict:
    return {
        "code": unit.code,
        "name": unit.name,
        "amount": _dec(unit.amount),
        "sources": [_fund_line(s) for s in unit.sources],
        "basic": _dec(unit.basic),
        "project": _dec(unit.project),
        "goal": unit.goal,
        "indicators": [_target_indicator(i) for i in unit.indicators],
        "projects": [
            {
                "name": p.name,
                "amount": _dec(p.amount),
                "goal": p.goal,
                "indicators": [_target_indicator(i) for i in p.indicators],
                "location": p.location.to_dict(),
            }
            for p in unit.projects
        ],
        "location": unit.location.to_dict(),
    }


def targets_dict(targets: Targets) -> dict:
    return {
        "kind": targets.kind,
        "table": targets.table.id,
        "title": targets.title,
        "total": _dec(targets.total),
        "units": [_unit(u) for u in targets.units],
        "location": targets.location.to_dict(),
    }


# -- terminal ---------------------------------------------------------------------------


def _text(value: Value | None) -> str:
    return "" if value is None else value.text


def evaluation_lines(evaluation: Evaluation) -> list[str]:
    """The evaluation as indented lines (without the heading)."""
    lines: list[str] = []
    funds = evaluation.funds
    if funds is not None:
        lines.append("资金：" + " | ".join(f"{FUNDS_LABELS[f]} {_text(getattr(funds, f))}" for f in FUNDS_FIELDS))
        sources = "；".join(f"{s.name} {' / '.join(v.text for v in s.values.values()) or '—'}" for s in funds.sources)
        if sources:
            lines.append(f"  按收入性质分：{sources}")
        if funds.basic is not None or funds.project is not None:
            lines.append(f"  按支出性质分：基本支出 {_text(funds.basic)}；项目支出 {_text(funds.project)}")
    for section in evaluation.sections:
        weight = sum((i.weight.amount for i in section.indicators if i.weight), Decimal(0))
        score = sum((i.score.amount for i in section.indicators if i.score), Decimal(0))
        lines.append(f"{section.label}：{len(section.indicators)} 项指标，分值合计 {weight}，得分合计 {score}")
        for i in section.indicators:
            reason = f" | {i.reason[:30]}" if i.reason else ""
            lines.append(f"  {i.category}/{i.name[:40]} | {_text(i.weight)} | {_text(i.score)}{reason}")
    if evaluation.total_weight is not None or evaluation.total_score is not None:
        grade = f"  等级：{evaluation.grade}" if evaluation.grade else ""
        lines.append(f"总分：分值 {_text(evaluation.total_weight)} | 得分 {_text(evaluation.total_score)}{grade}")
    if evaluation.thresholds is not None:
        lines.append(f"等级划分（本表备注）：{evaluation.thresholds.describe()}")
    if evaluation.report is not None:
        stated = "；".join(
            f"{STATEMENT_LABELS[s.what]} {s.grade or _text(s.value)}" for s in evaluation.report.statements
        )
        lines.append(f"自评报告：{evaluation.report.title}" + (f"（{stated}）" if stated else ""))
    return lines


def _target_indicator_line(i: TargetIndicator) -> str:
    weight = f" | 分值 {_text(i.weight)}" if i.weight is not None else ""
    return f"{i.path[:50]} | {i.value_type} {i.value[:20]} {i.unit}".rstrip() + weight


def targets_lines(targets: Targets) -> list[str]:
    lines: list[str] = []
    if targets.total is not None:
        lines.append(f"合计 {targets.total.text}")
    for unit in targets.units:
        split = ""
        if unit.basic is not None or unit.project is not None:
            split = f"（基本支出 {_text(unit.basic)}，项目支出 {_text(unit.project)}）"
        lines.append(f"{unit.code} {unit.name} {_text(unit.amount)}{split}".strip())
        for i in unit.indicators:
            lines.append(f"  {_target_indicator_line(i)}")
        for project in unit.projects:
            lines.append(f"  项目：{project.name} {_text(project.amount)}（{len(project.indicators)} 项指标）")
            for i in project.indicators:
                lines.append(f"    {_target_indicator_line(i)}")
    return lines
