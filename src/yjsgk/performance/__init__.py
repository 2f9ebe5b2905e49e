"""Performance evaluation: self-evaluation (绩效自评表) and target (绩效目标表) tables, typed.

Recognition keeps these tables as rows of raw cells; `attach` reads them into the model of
`performance.model` and hangs it on the disclosure (`disclosure.evaluations`,
`disclosure.targets`), with the grade scale each table states and the self-evaluation report.
The rules are in `check/rules/performance.py`.
"""

from __future__ import annotations

from ..document import Document
from ..model import Disclosure
from .evaluation import parse_evaluations
from .model import Evaluation, Targets
from .report import find_report, stated_scale
from .targets import parse_targets

__all__ = ["attach", "Evaluation", "Targets"]

SELF_EVALUATION = {
    "performance.self_evaluation_department": "department",
    "performance.self_evaluation_project": "project",
}
TARGETS = {
    "performance.target_project": "project",
    "performance.target_department": "department",
}


def attach(document: Document, disclosure: Disclosure) -> None:
    """Type the performance tables of a recognized disclosure, in place."""
    tables = disclosure.tables
    for index, table in enumerate(tables):
        if table.id in SELF_EVALUATION:
            following = next((t.location.line for t in tables[index + 1 :] if t.location.line), None)
            scale = stated_scale(document, table, following)
            for evaluation in parse_evaluations(table, SELF_EVALUATION[table.id]):
                evaluation.thresholds = scale
                disclosure.evaluations.append(evaluation)
        elif table.id in TARGETS:
            disclosure.targets.append(parse_targets(table, TARGETS[table.id]))
    department = next((e for e in disclosure.evaluations if e.kind == "department"), None)
    if department is not None:
        department.report = find_report(document)
