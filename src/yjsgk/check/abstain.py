"""Certain or silent: an error is reported only when the reading it rests on is certain.

Two mechanisms, applied by the engine to every rule's findings (no rule repeats them):

1. A table whose reading recognition marked uncertain (`Table.uncertain`: columns placed by
   position, a continuation guessed …): an error involving any of its cells becomes a notice
   that names the reason.
2. A table failing the same identity in many rows at once: the likely cause is the reading
   (a 其中 column taken for a part, a page not joined, a shifted column), not the document.
   Its errors become notices, and one `recognize.suspect-table` warning names the probable
   cause, so a reviewer meets one doubt instead of N false errors.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from decimal import Decimal

from ..document import Location
from ..model import Disclosure, Row, Table
from .findings import Finding
from .registry import rule

# rules whose errors rest on how a table was read
TABLE_RULES = ("sum.", "identity.", "balance.", "cross.")
# "many rows at once": at least this many rows, and at least this share of the table's rows
MASS_ROWS = 4
MASS_SHARE = Decimal(1) / Decimal(3)
SUSPECT = "recognize.suspect-table"


@rule(
    SUSPECT,
    "表格多行同时不平衡时提示识别问题",
    severity="warning",
    rationale="""When one table fails the same identity in many rows at once, the cause is almost
    always the reading (a 其中 column taken for a part of the total, a table continued on the next
    page and not joined, a column shifted), not the document. Its errors are then reported as
    notices and this one warning names the probable cause, so a reviewer meets one doubt, not
    N false errors. Emitted by the engine after the other rules have run.""",
)
def _suspect_table(disclosure: Disclosure, ctx) -> Iterator[Finding]:
    return iter(())  # produced by `abstain`, which sees the other rules' findings


class _Cells:
    """Which table and row printed a cell, by the cell's location."""

    def __init__(self, disclosure: Disclosure) -> None:
        self.by_location: dict[Location, tuple[Table, Row]] = {}
        for table in disclosure.tables:
            for row in table.rows:
                for value in row.values.values():
                    self.by_location.setdefault(value.location, (table, row))

    def table(self, location: Location | None) -> Table | None:
        hit = self.by_location.get(location) if location is not None else None
        return hit[0] if hit else None

    def row(self, location: Location | None) -> Row | None:
        hit = self.by_location.get(location) if location is not None else None
        return hit[1] if hit else None


def abstain(disclosure: Disclosure, findings: list[Finding], *, suspect_wanted: bool = True) -> list[Finding]:
    """The findings with errors resting on an uncertain reading turned into notices."""
    cells = _Cells(disclosure)
    for finding in findings:
        if finding.severity != "error":
            continue
        reasons: list[str] = []
        for location in [finding.location, *finding.related]:
            table = cells.table(location)
            for reason in table.uncertain if table else ():
                if reason not in reasons:
                    reasons.append(reason)
        if reasons:
            finding.severity = "notice"
            finding.message += f"（{'；'.join(reasons)}，读表不能确定，未判为错误）"
    return findings + list(_mass_failures(disclosure, findings, cells, suspect_wanted))


def _mass_failures(
    disclosure: Disclosure, findings: list[Finding], cells: _Cells, suspect_wanted: bool
) -> Iterator[Finding]:
    groups: dict[tuple[int, str], list[Finding]] = defaultdict(list)
    tables: dict[int, Table] = {}
    for finding in findings:
        if finding.severity != "error" or not finding.rule.startswith(TABLE_RULES):
            continue
        table = cells.table(finding.location)
        if table is None:
            continue
        tables[id(table)] = table
        groups[(id(table), finding.rule)].append(finding)
    for (table_key, rule_id), group in groups.items():
        table = tables[table_key]
        rows = {f.row for f in group}
        with_values = sum(1 for r in table.rows if r.values) or 1
        if len(rows) < MASS_ROWS or Decimal(len(rows)) / with_values < MASS_SHARE:
            continue
        for finding in group:
            finding.severity = "notice"
            finding.message += "（本表多行同时不成立，可能是读表问题，见识别提示）"
        if suspect_wanted:
            yield _suspect(table, rule_id, group, cells)


_RULE_WORDS = {
    "identity.row": "行内合计",
    "sum.total-row": "合计行",
    "sum.hierarchy": "类款项汇总",
    "balance.summary": "收支平衡",
    "cross.table": "表间一致",
}


def _suspect(table: Table, rule_id: str, group: list[Finding], cells: _Cells) -> Finding:
    rows = sorted({f.row or "" for f in group})
    cause = _column_cause(table, group, cells) or "多半是表格识别（列的对应、跨页续表、层级）而非文件本身的问题"
    what = _RULE_WORDS.get(rule_id, rule_id)
    return Finding(
        rule=SUSPECT,
        severity="warning",
        message=(
            f"{table.display_name}有 {len(rows)} 行的“{what}”同时不成立：{cause}；这些差额已降为提示，请对照原表核对。"
        ),
        table=table.id,
        table_title=table.display_name,
        row="、".join(rows[:5]) + (" 等" if len(rows) > 5 else ""),
        location=group[0].location,
        related=[f.location for f in group[1:] if f.location is not None],
    )


def _column_cause(table: Table, group: list[Finding], cells: _Cells) -> str | None:
    """A column whose value equals the difference in (nearly) every failing row: a 其中 column
    summed as a part, or a column taken for another."""
    votes: dict[str, int] = defaultdict(int)
    for finding in group:
        row = cells.row(finding.location)
        if row is None or finding.difference is None or finding.difference == 0:
            continue
        for column, value in row.values.items():
            if value.amount != 0 and abs(value.amount) == abs(finding.difference):
                votes[column] += 1
    if not votes:
        return None
    # on a tie the later column: a 其中 column follows the column it is part of
    order = {c: i for i, c in enumerate(table.columns)}
    column, count = max(votes.items(), key=lambda kv: (kv[1], order.get(kv[0], -1)))
    if count * 5 < len(group) * 4:  # in at least four rows of five
        return None
    label = table.column_labels.get(column, column)
    return f"“{label}”列的数与差额逐行相同，可能是前一列的其中项而被计入了合计，或列的对应有误"
