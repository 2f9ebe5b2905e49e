"""The rule catalogue: every rule has a stable id, a title, a severity and a rationale."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ..model import Disclosure
from .findings import Finding

CheckFn = Callable[[Disclosure], Iterable[Finding | None]]  # None: a comparison that holds


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    title: str
    severity: str  # the severity of a violation beyond rounding
    kinds: tuple[str, ...]  # document kinds it applies to
    rationale: str
    check: CheckFn
    example: str = ""  # what a violation looks like, as reported


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
):
    def register(fn: CheckFn) -> CheckFn:
        if id in RULES:
            raise ValueError(f"duplicate rule id {id}")
        RULES[id] = Rule(id, title, severity, kinds, " ".join(rationale.split()), fn, example)
        return fn

    return register
