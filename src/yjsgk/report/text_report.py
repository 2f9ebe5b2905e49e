"""Terminal output: findings grouped by document and table, colored when the terminal allows."""

from __future__ import annotations

import os
from collections.abc import Iterable

from ..check.findings import SEVERITY_LABELS, Finding
from ..model import KIND_LABELS, Disclosure
from .performance import evaluation_lines, targets_lines

COLORS = {"error": "31", "warning": "33", "notice": "36", "bold": "1", "dim": "2", "green": "32"}


class Style:
    def __init__(self, enabled: bool):
        self.enabled = enabled

    def __call__(self, text: str, style: str) -> str:
        if not self.enabled:
            return text
        return f"\033[{COLORS[style]}m{text}\033[0m"


def use_color(stream) -> bool:
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return hasattr(stream, "isatty") and stream.isatty()


def header(disclosure: Disclosure, style: Style) -> str:
    parts = [
        disclosure.department or "（未识别部门）",
        f"{disclosure.year}年度" if disclosure.year else "（未识别年度）",
        KIND_LABELS.get(disclosure.kind, disclosure.kind),
        f"金额单位：{disclosure.unit}" if disclosure.unit else "（未识别金额单位）",
    ]
    return f"{style(disclosure.source, 'bold')}\n  {' · '.join(parts)}"


def render_findings(disclosure: Disclosure, findings: list[Finding], style: Style) -> str:
    lines = [header(disclosure, style)]
    if not findings:
        lines.append("  " + style("未发现问题", "green"))
        return "\n".join(lines)
    current = object()
    for f in findings:
        if f.table_title != current:
            current = f.table_title
            lines.append("  " + style(f.table_title or "文件整体", "bold"))
        where = []
        if f.location is not None:
            if f.location.page is not None:
                where.append(f"第{f.location.page}页")
            if f.location.line is not None:
                where.append(f"第{f.location.line}行")
        place = f"[{' '.join(where)}] " if where else ""
        label = style(f"{SEVERITY_LABELS[f.severity]} {f.rule}", f.severity)
        message = f.message
        if f.table_title and message.startswith(f.table_title):
            message = message[len(f.table_title) :]  # the group heading already names the table
        lines.append(f"    {label} {style(place, 'dim')}{message}")
    counts = summary_counts(findings)
    lines.append("  " + "，".join(f"{SEVERITY_LABELS[s]} {n} 条" for s, n in counts.items()))
    return "\n".join(lines)


def summary_counts(findings: Iterable[Finding]) -> dict[str, int]:
    counts = {"error": 0, "warning": 0, "notice": 0}
    for f in findings:
        counts[f.severity] += 1
    return counts


def render_extract(disclosure: Disclosure, style: Style) -> str:
    lines = [header(disclosure, style)]
    for table in disclosure.tables:
        lines.append("")
        lines.append(
            "  " + style(f"{table.display_name}  [{table.id}]", "bold") + style(f"  第{table.location.line}行起", "dim")
        )
        if table.columns:
            lines.append(
                "    " + style(" | ".join(["科目/项目"] + [table.column_labels[c] for c in table.columns]), "dim")
            )
        for row in table.rows:
            if row.cells is not None:
                lines.append("    " + " | ".join(c for c in row.cells if c)[:120])
                continue
            side = {"income": "收入 ", "expenditure": "支出 "}.get(row.side or "", "")
            values = " | ".join(format(row.values[c].amount, ",f") if c in row.values else "" for c in table.columns)
            lines.append(f"    {side}{row.label} | {values}")
        if table.is_empty():
            lines.append("    " + style("（本表无数据）", "dim"))
    for evaluation in disclosure.evaluations:
        lines.append("")
        lines.append(
            "  " + style(f"绩效自评：{evaluation.title}", "bold") + style(f"  第{evaluation.location.line}行起", "dim")
        )
        lines.extend("    " + line for line in evaluation_lines(evaluation))
    for targets in disclosure.targets:
        lines.append("")
        lines.append(
            "  " + style(f"绩效目标：{targets.title}", "bold") + style(f"  第{targets.location.line}行起", "dim")
        )
        lines.extend("    " + line for line in targets_lines(targets))
    if disclosure.claims:
        lines.append("")
        lines.append("  " + style(f"情况说明中的数字（{len(disclosure.claims)} 项）", "bold"))
        lines.extend("    " + line for line in claim_lines(disclosure.claims, style))
    return "\n".join(lines)


def claim_lines(claims: list, style: Style) -> list[str]:
    """One line per narrative claim: where, kind, subject, value, and what it was linked to."""
    from ..narrative.model import KIND_LABELS as CLAIM_KINDS
    from ..narrative.model import REF_LABELS, RELATION_LABELS

    by_id = {c.id: c for c in claims}
    out = []
    for c in claims:
        where = style(f"[第{c.location.line}行]", "dim")
        text = RELATION_LABELS.get(c.relation or "", c.text) if c.kind == "direction" else c.text
        line = f"{where} #{c.id} {CLAIM_KINDS[c.kind]} {c.subject_label()} {text}"
        if c.link is not None:
            line += f" → {c.link.describe()}"
        refs = [f"{REF_LABELS.get(name, name)} #{i}（{by_id[i].text}）" for name, i in c.refs.items() if i in by_id]
        if refs:
            line += " ← " + "，".join(refs)
        if c.peer is not None and c.peer in by_id:
            line += f" = #{c.peer}（第{by_id[c.peer].location.line}行）"
        out.append(line)
    return out
