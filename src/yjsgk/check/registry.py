"""The rule catalogue: every rule is one record — id, title, severity, kinds, rationale, example, check."""

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
    example: str = ""  # what a violation looks like, as reported
    # compliance rules run only under a profile, and only for budgets and final accounts
    needs_profile: bool = False


RULES: dict[str, Rule] = {}

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
    example: str = "",
    needs_profile: bool = False,
):
    def register(fn: CheckFn) -> CheckFn:
        if id in RULES:
            raise ValueError(f"duplicate rule id {id}")
        RULES[id] = Rule(id, title, severity, kinds, " ".join(rationale.split()), fn, example, needs_profile)
        return fn

    return register
