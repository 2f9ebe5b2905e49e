"""What recognition could not settle, reported as findings so nothing is guessed silently."""

from __future__ import annotations

from collections.abc import Iterator

from ...model import Disclosure
from ...recognize import problems
from ...recognize.problems import ProblemKind
from ..context import CheckContext
from ..findings import Finding
from ..registry import rule


def _register(kind: ProblemKind) -> None:
    rule_id, severity = kind.id, kind.severity

    @rule(rule_id, kind.title, severity=severity, rationale=kind.rationale)
    def check(disclosure: Disclosure, ctx: CheckContext) -> Iterator[Finding]:
        for problem in disclosure.recognition:
            if problem.rule != rule_id:
                continue
            table = problem.table
            yield Finding(
                rule=rule_id,
                severity=problem.severity or _problem_severity(problem, disclosure, severity),
                message=problem.message,
                table=table.id if table else None,
                table_title=table.display_name if table else None,
                location=problem.location,
            )


def _problem_severity(problem, disclosure: Disclosure, severity: str) -> str:
    """Mixed money units are no risk when every table with amounts states its own: a notice."""
    if problem.rule == problems.UNIT.id and all(t.unit for t in disclosure.tables if any(r.values for r in t.rows)):
        return "notice"
    return severity


for _kind in problems.ALL:
    _register(_kind)
