"""The recognized disclosure: typed tables keyed by classification code and canonical column."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING

from .document import Location

if TYPE_CHECKING:
    from .recognize.family import TemplateFamily
    from .recognize.outline import Outline

KIND_LABELS = {
    "final": "部门决算",
    "final_with_performance": "部门决算（含绩效附件）",
    "budget": "部门预算",
    "performance": "绩效自评",
    "unknown": "未识别",
}

LEVEL_BY_LENGTH = {3: "类", 5: "款", 7: "项"}

# how rows without a code are named when their printed name is empty
KEY_LABELS = {
    "total": "合计",
    "values": "数据行",
    "personnel_total": "人员经费合计",
    "public_total": "公用经费合计",
}


@dataclass(slots=True)
class Value:
    amount: Decimal
    text: str  # as printed
    decimals: int
    location: Location
    issue: str | None = None  # a suspicious printed form (decimal comma, stray characters)


@dataclass(slots=True)
class Row:
    name: str  # as printed, whitespace tidied
    location: Location
    code: str | None = None  # classification code, split 类/款/项 columns joined
    key: str | None = None  # canonical item for rows without a code ("total", "grand_total", …)
    side: str | None = None  # "income" | "expenditure" in a two-sided 总表
    values: dict[str, Value] = field(default_factory=dict)
    cells: list[str] | None = None  # raw cells, for tables not typed yet
    # figures of another year printed beside the table's own (上年预算数, 2025年执行数, 增减): keyed
    # "previous.<column>" (last year's budget), "previous_actual.<column>" (its 执行数/决算数),
    # "change.<column>" / "change_pct.<column>"; never a term of the table's identities
    earlier: dict[str, Value] = field(default_factory=dict)
    # the unit or department code printed in a 部门代码/单位编码 column (no classification code)
    unit_code: str | None = None
    cell_locations: list[Location] | None = None  # where each raw cell was printed (index as in cells)

    @property
    def level(self) -> str | None:
        return LEVEL_BY_LENGTH.get(len(self.code)) if self.code else None

    @property
    def label(self) -> str:
        """How a finance officer names the row: the code and name, or the item name."""
        if self.code:
            return f"{self.code} {self.name}".strip()
        return self.name or KEY_LABELS.get(self.key or "", self.key or "")


@dataclass(slots=True)
class Table:
    id: str
    title: str  # as printed
    standard_title: str
    location: Location
    number: str | None = None  # "03" from 公开03表
    columns: list[str] = field(default_factory=list)
    column_labels: dict[str, str] = field(default_factory=dict)
    rows: list[Row] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    unit: str | None = None
    # printed amount columns no canonical column matched: the row identities are then incomplete
    unmapped_columns: list[str] = field(default_factory=list)
    # codes printed more than once (a table listed by unit): totals and hierarchy are not checked
    repeated_codes: list[str] = field(default_factory=list)
    # columns printed as a part of another one (其中：…, 扣除…后): column id → the column it is part
    # of ("" when not known); never a term of the row's total
    parts_of: dict[str, str] = field(default_factory=dict)
    # why reading this table is not certain (columns placed by position, a continuation guessed…):
    # a rule's error on it is reported as a notice that says so ("certain or silent")
    uncertain: list[str] = field(default_factory=list)
    # the printed header of each `Row.earlier` key ("2025年预算数/合计", "上年/合计")
    earlier_labels: dict[str, str] = field(default_factory=dict)

    @property
    def display_name(self) -> str:
        number = f"（公开{self.number}表）" if self.number else ""
        return f"{self.standard_title}{number}"

    def is_empty(self) -> bool:
        return not any(r.values for r in self.rows) and not any(r.cells for r in self.rows)

    def find(self, *, code: str | None = None, key: str | None = None, side: str | None = None) -> Row | None:
        for row in self.rows:
            if side is not None and row.side != side:
                continue
            if code is not None and row.code == code:
                return row
            if key is not None and row.key == key:
                return row
        return None

    def coded_rows(self) -> list[Row]:
        return [r for r in self.rows if r.code]


@dataclass(slots=True)
class Disclosure:
    source: str
    kind: str = "unknown"
    department: str | None = None
    year: int | None = None
    unit: str | None = None
    tables: list[Table] = field(default_factory=list)
    # recognition problems are findings too (rule ids under "recognize."), kept here
    recognition: list = field(default_factory=list)
    # numeric claims of the narrative (情况说明, performance reports): narrative.Claim
    claims: list = field(default_factory=list)
    # performance tables typed by `yjsgk.performance` (Evaluation, Targets), in document order
    evaluations: list = field(default_factory=list)
    targets: list = field(default_factory=list)
    # a blank template (placeholder department, no amounts): only recognition is reported
    template: bool = False
    # the reader's format (pdf, docx, xlsx, html, text, …)
    format: str | None = None
    # the document's outline: text lines, headings, the 目录 (recognize.outline.Outline)
    outline: Outline | None = field(default=None, repr=False)
    # the provincial/municipal template the document follows, with its certainty (None: no known one)
    template_family: TemplateFamily | None = None

    def table(self, table_id: str) -> Table | None:
        for t in self.tables:
            if t.id == table_id:
                return t
        return None

    def tables_by_id(self, table_id: str) -> list[Table]:
        return [t for t in self.tables if t.id == table_id]
