"""Check: run the rule catalogue over a recognized disclosure in one explicit context."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from ..model import Disclosure
from . import rules as _rules  # noqa: F401  (registers the catalogue)
from .abstain import SUSPECT, abstain
from .context import CheckContext
from .findings import SEVERITIES, Finding
from .profiles import doc_kind
from .registry import RULES, Rule, canonical

__all__ = ["RULES", "CheckContext", "Finding", "Rule", "check"]

_ORDER = {s: i for i, s in enumerate(SEVERITIES)}


def applies(rule: Rule, disclosure: Disclosure, context: CheckContext) -> bool:
    if disclosure.kind not in rule.kinds:
        return False
    if disclosure.template and not rule.id.startswith("recognize."):
        return False  # a blank template's empty values and placeholders are not mistakes
    return not rule.needs_profile or (context.profile is not None and doc_kind(disclosure) is not None)


def check(
    disclosure: Disclosure,
    context: CheckContext | None = None,
    *,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    severity: Mapping[str, str] | None = None,
) -> list[Finding]:
    """All findings for a disclosure, in document order.

    `context` holds what rules depend on (profile, grades, rounding policy; default: no profile);
    `select`/`ignore` take rule ids or prefixes; `severity` overrides a rule's severity for
    violations (rounding notices stay notices).
    """
    context = context or CheckContext()
    selected = tuple(canonical(s) for s in select or ())
    ignored = tuple(canonical(s) for s in ignore or ())
    overrides = {canonical(k): v for k, v in (severity or {}).items()}
    findings: list[Finding] = []
    wanted = [
        rule
        for rule in RULES.values()
        if (not selected or rule.id.startswith(selected))
        and not (ignored and rule.id.startswith(ignored))
        and applies(rule, disclosure, context)
    ]
    for rule in wanted:
        for finding in rule.check(disclosure, context):
            if finding is None:  # a comparison that holds (rules may yield compare() as is)
                continue
            finding.rule = finding.rule or rule.id
            finding.severity = finding.severity or rule.severity
            if rule.id in overrides and finding.severity == rule.severity:
                finding.severity = overrides[rule.id]
            findings.append(finding)
    findings = abstain(disclosure, findings, suspect_wanted=any(r.id == SUSPECT for r in wanted))
    table_order = {t.id: i for i, t in enumerate(disclosure.tables)}
    findings.sort(
        key=lambda f: (
            table_order.get(f.table or "", -1),
            f.location.line or 0 if f.location else 0,
            _ORDER[f.severity],
        )
    )
    return findings
