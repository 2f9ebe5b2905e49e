"""Recognition: neutral document → typed disclosure (kind, department, year, unit, tables)."""

from __future__ import annotations

from ..amounts import parse_amount
from ..document import Document, GridRow
from ..model import Disclosure, Table
from ..narrative import extract_claims
from ..performance import attach as attach_performance
from ..textnorm import norm
from . import problems
from .built import Issue
from .codes import CODE
from .family import detect_family
from .layouts import build
from .metadata import Problem, find_metadata
from .outline import build_outline
from .segment import segment

__all__ = ["recognize", "Problem"]


def recognize(document: Document) -> Disclosure:
    seg = segment(document)
    outline = build_outline(document)
    disclosure = Disclosure(source=document.source, format=document.format, outline=outline)
    issues: list[tuple[Issue, Table]] = []
    for section in seg.sections:
        built = build(section)
        disclosure.tables.append(built.table)
        issues.extend((issue, built.table) for issue in built.problems)
    disclosure.recognition.extend(_problems(issues))
    if seg.orphans:
        disclosure.recognition.append(_orphans(seg.orphans))
    find_metadata(document, seg, disclosure)
    disclosure.template_family = detect_family(disclosure)
    attach_performance(document, disclosure)
    disclosure.claims = extract_claims(outline, disclosure)
    return disclosure


def _problems(issues: list[tuple[Issue, Table]]) -> list[Problem]:
    """One finding per issue; issues of one cause in several tables are reported once, naming them."""
    by_cause: dict[tuple[str, str, str | None], list[tuple[Issue, Table]]] = {}
    for issue, table in issues:
        if issue.cause:
            by_cause.setdefault((issue.rule, issue.cause, issue.severity), []).append((issue, table))
    out = []
    for issue, table in issues:
        group = by_cause.get((issue.rule, issue.cause or "", issue.severity), [])
        if len(group) <= 1:
            out.append(Problem(issue.rule, issue.message, issue.where, table, issue.severity))
        elif group[0][0] is issue:
            tables = "；".join(f"{t.standard_title}{i.detail}" for i, t in group)
            out.append(
                Problem(issue.rule, f"{issue.cause}（{len(group)} 张表）：{tables}", issue.where, None, issue.severity)
            )
    return out


def _orphans(rows: list[GridRow]) -> Problem:
    """Rows with amounts under no recognized title: a warning when they look like a standard
    table (classification codes), a notice for the other tables (project lists, …)."""
    first = " | ".join(c.text.strip() for c in rows[0].cells if c.text.strip())[:60]
    coded = any(_coded(r) for r in rows)
    return Problem(
        problems.UNKNOWN_TABLE.id,
        f"有 {len(rows)} 行金额数据不属于任何已识别的标准表，未做核对（首行：{first}）"
        if coded
        else f"有 {len(rows)} 行金额数据不属于任何已识别的标准表（无科目编码，非标准表格），未做核对（首行：{first}）",
        rows[0].location,
        None,
        None if coded else "notice",
    )


def _coded(row: GridRow) -> bool:
    """A row of a classification table: it opens (after a 序号) with a function or economic code,
    its name in the next cell."""
    cells = [c.text.strip() for c in row.cells]
    start = 1 if cells and cells[0].isdigit() and len(cells[0]) <= 2 else 0
    first = next((i for i in range(start, len(cells)) if cells[i]), None)
    if first is None or first + 1 >= len(cells):
        return False
    k, name = norm(cells[first]), cells[first + 1]
    return bool(CODE.match(k)) and k[0] in "235" and bool(name) and parse_amount(name) is None
