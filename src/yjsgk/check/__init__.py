"""Check: run the rule catalogue over a recognized disclosure."""

from __future__ import annotations

from collections.abc import Iterable

from ..model import Disclosure
from . import rules as _rules  # noqa: F401  (registers the catalogue)
from .findings import SEVERITIES, Finding
from .registry import RULES, Rule

__all__ = ["Finding", "RULES", "Rule", "check"]

_ORDER = {s: i for i, s in enumerate(SEVERITIES)}


def check(
    disclosure: Disclosure,
    *,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
) -> list[Finding]:
    """All findings for a disclosure, in document order; `select`/`ignore` take rule ids or prefixes."""
    selected = tuple(select or ())
    ignored = tuple(ignore or ())
    findings: list[Finding] = []
    for rule in RULES.values():
        if selected and not rule.id.startswith(selected):
            continue
        if ignored and rule.id.startswith(ignored):
            continue
        if disclosure.kind not in rule.kinds:
            continue
        findings.extend(rule.check(disclosure))
    table_order = {t.id: i for i, t in enumerate(disclosure.tables)}
    findings.sort(
        key=lambda f: (
            table_order.get(f.table or "", -1),
            f.location.line or 0 if f.location else 0,
            _ORDER[f.severity],
        )
    )
    return findings
