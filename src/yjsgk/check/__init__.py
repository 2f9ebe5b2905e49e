"""Check: run the rule catalogue over a recognized disclosure."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal

from ..model import Disclosure
from . import rules as _rules  # noqa: F401  (registers the catalogue)
from .compare import ROUNDING_MULTIPLIER
from .findings import SEVERITIES, Finding
from .registry import RULES, Rule

__all__ = ["Finding", "RULES", "Rule", "check"]

_ORDER = {s: i for i, s in enumerate(SEVERITIES)}


def check(
    disclosure: Disclosure,
    *,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    severity: Mapping[str, str] | None = None,
    rounding_multiplier: Decimal = Decimal(1),
) -> list[Finding]:
    """All findings for a disclosure, in document order.

    `select`/`ignore` take rule ids or prefixes; `severity` overrides a rule's severity for
    violations (rounding notices stay notices); `rounding_multiplier` scales the rounding bound.
    """
    selected = tuple(select or ())
    ignored = tuple(ignore or ())
    overrides = dict(severity or {})
    findings: list[Finding] = []
    token = ROUNDING_MULTIPLIER.set(rounding_multiplier)
    try:
        for rule in RULES.values():
            if selected and not rule.id.startswith(selected):
                continue
            if ignored and rule.id.startswith(ignored):
                continue
            if disclosure.kind not in rule.kinds:
                continue
            if disclosure.template and not rule.id.startswith("recognize."):
                continue  # a blank template's empty values and placeholders are not mistakes
            for finding in rule.check(disclosure):
                if finding is None:  # a comparison that holds (rules may yield compare() as is)
                    continue
                if rule.id in overrides and finding.severity == rule.severity:
                    finding.severity = overrides[rule.id]
                findings.append(finding)
    finally:
        ROUNDING_MULTIPLIER.reset(token)
    table_order = {t.id: i for i, t in enumerate(disclosure.tables)}
    findings.sort(
        key=lambda f: (
            table_order.get(f.table or "", -1),
            f.location.line or 0 if f.location else 0,
            _ORDER[f.severity],
        )
    )
    return findings
