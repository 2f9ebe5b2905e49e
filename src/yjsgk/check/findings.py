"""Findings: what a rule says about one place in a disclosure."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import PurePath

from ..document import Location
from ..model import Row, Table

SEVERITIES = ("error", "warning", "notice")
SEVERITY_LABELS = {"error": "错误", "warning": "警告", "notice": "提示"}


@dataclass(slots=True)
class Finding:
    message: str  # a sentence a finance officer understands
    rule: str = ""  # stamped by the engine with the running rule's id when a rule leaves it empty
    severity: str = ""  # likewise its default severity; "notice" for rounding-sized differences
    table: str | None = None  # table id, e.g. "final.expenditure"
    table_title: str | None = None  # as the officer knows it, e.g. 支出决算表（公开03表）
    row: str | None = None  # code and name, or the item name
    column: str | None = None  # column label
    expected: Decimal | None = None
    found: Decimal | None = None
    difference: Decimal | None = None
    location: Location | None = None
    related: list[Location] = field(default_factory=list)  # the other cells involved

    @property
    def fingerprint(self) -> str:
        """Stable across runs and line shifts: rule, document, table, row, column and the statement."""
        document = PurePath(self.location.source).name if self.location else ""
        basis = "|".join(str(x) for x in (self.rule, document, self.table, self.row, self.column, self.message))
        return hashlib.sha1(basis.encode("utf-8")).hexdigest()[:16]

    def to_dict(self) -> dict:
        return {
            "rule": self.rule,
            "severity": self.severity,
            "message": self.message,
            "table": self.table,
            "table_title": self.table_title,
            "row": self.row,
            "column": self.column,
            "expected": _dec(self.expected),
            "found": _dec(self.found),
            "difference": _dec(self.difference),
            "location": self.location.to_dict() if self.location else None,
            "related": [loc.to_dict() for loc in self.related],
            "fingerprint": self.fingerprint,
        }


def row_finding(rule: str, severity: str, message: str, table: Table, row: Row, column: str) -> Finding:
    """A finding about what a row prints in one column (its code or name), located at the row."""
    return Finding(
        rule=rule,
        severity=severity,
        message=message,
        table=table.id,
        table_title=table.display_name,
        row=row.label,
        column=column,
        location=row.location,
    )


def _dec(value: Decimal | None) -> str | None:
    return None if value is None else format(value, "f")
