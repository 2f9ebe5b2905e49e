"""The rule catalogue: every rule is one record — id, title, severity, kinds, rationale, check; its
good and bad cases are data (data/cases/), and the documented example is the bad case run."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..model import Disclosure
from .findings import Finding

if TYPE_CHECKING:
    from .context import CheckContext

# None: a comparison that holds. The engine stamps the rule's id and severity on what it yields.
CheckFn = Callable[[Disclosure, "CheckContext"], Iterable[Finding | None]]


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    title: str
    severity: str  # the severity of a violation beyond rounding
    kinds: tuple[str, ...]  # document kinds it applies to
    rationale: str
    check: CheckFn
    # compliance rules run only under a profile, and only for budgets and final accounts
    needs_profile: bool = False


RULES: dict[str, Rule] = {}

# former spellings of rule ids (ids are dotted and hyphenated); configurations, --select/--ignore
# and baselines written with them keep working
ALIASES = {
    "recognize.missing_name": "recognize.missing-name",
    "recognize.repeated_codes": "recognize.repeated-codes",
    "recognize.unknown_table": "recognize.unknown-table",
}


def canonical(rule_id: str) -> str:
    """A rule id or prefix in today's spelling."""
    return ALIASES.get(rule_id, rule_id)


FINAL = ("final", "final_with_performance")
BUDGET = ("budget",)
ANY = ("final", "final_with_performance", "budget", "performance", "unknown")


def rule(
    id: str,
    title: str,
    *,
    severity: str = "error",
    kinds: tuple[str, ...] = ANY,
    rationale: str,
    needs_profile: bool = False,
):
    def register(fn: CheckFn) -> CheckFn:
        if id in RULES:
            raise ValueError(f"duplicate rule id {id}")
        RULES[id] = Rule(id, title, severity, kinds, " ".join(rationale.split()), fn, needs_profile)
        return fn

    return register
