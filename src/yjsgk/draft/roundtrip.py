"""Does a draft give back its source's tables? Every typed value of the source, by table id,
row (side, code or key, else name) and column, compared with the draft read back."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal

from ..model import Disclosure, Row


def _row_key(row: Row) -> tuple:
    return (row.side or "", row.code or row.key or row.name)


def values_of(disclosure: Disclosure) -> Counter:
    """(table id, side, row, column, amount) counted: a table listed by unit repeats codes."""
    out: Counter = Counter()
    for table in disclosure.tables:
        for row in table.rows:
            for column, value in row.values.items():
                out[(table.id, *_row_key(row), column, value.amount.normalize())] += 1
    return out


@dataclass
class RoundTrip:
    source_values: int
    missing: list[tuple] = field(default_factory=list)  # in the source, not given back
    extra: list[tuple] = field(default_factory=list)  # in the draft, not in the source

    @property
    def ok(self) -> bool:
        return not self.missing

    def summary(self) -> str:
        return f"{self.source_values - len(self.missing)}/{self.source_values} values back, {len(self.extra)} extra"


def compare(source: Disclosure, draft: Disclosure) -> RoundTrip:
    want, got = values_of(source), values_of(draft)
    missing = sorted((want - got).elements(), key=str)
    extra = sorted((got - want).elements(), key=str)
    return RoundTrip(sum(want.values()), missing, extra)


def amount(value: Decimal) -> str:
    return format(value, "f")


def _finding_key(f) -> tuple:
    return (f.rule, f.table or "", f.row or "", f.column or "")


_RANK = {"notice": 0, "warning": 1, "error": 2}


def new_findings(source_findings: list, draft_findings: list) -> list:
    """Errors and warnings of the draft that the source does not have at that severity or
    higher (by rule, table, row and column): the draft's check is never worse than the
    source's. A finding the source already has at a higher severity (a PDF's uncertain reading
    reported as a notice stays one) is not new; the draft's marked placeholders
    (complete.placeholder) are expected."""
    known: dict[tuple, int] = {}
    for f in source_findings:
        k = _finding_key(f)
        known[k] = max(known.get(k, -1), _RANK.get(f.severity, 0))
    return [
        f
        for f in draft_findings
        if f.severity in ("error", "warning")
        and f.rule != "complete.placeholder"
        and _RANK[f.severity] > known.get(_finding_key(f), -1)
    ]
