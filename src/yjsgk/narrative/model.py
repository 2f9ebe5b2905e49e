"""Typed claims: one number the narrative states, with its subject, sentence and links."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from ..document import Location
from .vocabulary import MEASURE_LABELS, label

KIND_LABELS = {
    "amount": "金额",
    "share": "占比",
    "change": "增减额",
    "growth": "增减率",
    "execution": "预算完成率",
    "direction": "比较",
    "count": "数量",
}
REF_LABELS = {
    "part": "部分",
    "whole": "总数",
    "change": "增减额",
    "current": "本年数",
    "current_alt": "本年数（另一读法）",
    "budget": "预算数",
    "final": "决算数",
    "execution": "完成率",
    "growth": "增减率",
}
RELATION_LABELS = {"gt": "决算数大于预算数", "lt": "决算数小于预算数", "eq": "决算数等于预算数", "flat": "与上年持平"}
MONEY_UNITS = {"元": Decimal(1), "千元": Decimal(1000), "万元": Decimal(10000), "亿元": Decimal(100000000)}


@dataclass(slots=True)
class Link:
    """The table cell a claim restates (a blank cell counts as zero)."""

    table: str
    table_title: str
    row: str
    column: str
    value: Decimal
    decimals: int
    unit: str
    location: Location
    blank: bool = False  # the cell is printed empty (or the table says 本表无数据)
    soft: bool = False  # a customary equality (机关运行经费 = 公用经费), not an identity
    terms: int = 1  # printed figures summed into the value (a 类 without its own row)

    def describe(self) -> str:
        where = f"{self.table_title}“{self.row}”行" if self.row else self.table_title
        column = f"“{self.column}”" if self.column else ""
        shown = "空白（视为 0）" if self.blank else f"{format(self.value, ',f')} {self.unit}"
        return f"{where}{column}为 {shown}"

    def to_dict(self) -> dict:
        out: dict[str, object] = {
            "table": self.table,
            "table_title": self.table_title,
            "row": self.row,
            "column": self.column,
            "value": format(self.value, "f"),
            "unit": self.unit,
            "location": self.location.to_dict(),
        }
        if self.blank:
            out["blank"] = True
        if self.soft:
            out["customary"] = True
        return out


@dataclass(slots=True, eq=False)
class Claim:
    id: int
    kind: str
    value: Decimal | None  # as printed, in `unit` (percent points for %)
    text: str  # the number as printed, with its unit
    decimals: int
    unit: str
    subject: str | None  # canonical subject id, None when not recognized
    subject_text: str  # the words that name it as printed ("" when carried from the sentence or heading)
    measure: str  # amount | budget | final | spent | remaining
    sentence: str  # the sentence, as printed (tidied)
    location: Location
    section: str  # heading path
    scope: str  # all | gb | fiscal | gov_fund | state_capital
    paragraph: int = 0
    sentence_no: int = 0
    segment: int = 0  # the ；-separated part of the sentence it is in
    qualifier: str | None = None  # column a part is read in (基本支出/项目支出 of a 类)
    sign: int = 0  # change and growth: +1 increase, -1 decrease, 0 unchanged
    base: str | None = None  # change and growth: previous_year | budget
    relation: str | None = None  # direction: gt | lt | eq | flat
    whole_text: str | None = None  # share: the words after 占
    whole_subject: str | None = None  # share: the whole it is a share of
    whole_measure: str | None = None  # share: 预算数 or 决算数 of the whole, when the words say
    inherited: bool = False  # the subject is carried from the sentence or the heading
    refs: dict[str, int] = field(default_factory=dict)  # part, whole, change, current, budget, final
    group: int | None = None  # the 其中 list (or budget = spent + remaining) this claim is a part of
    link: Link | None = None
    peer: int | None = None  # another claim stating the same quantity (first statement)
    # a total whose listed parts include money of earlier years (上年结转, 实户资金余额): not the
    # year's own income or spending that a table's 本年 line states
    with_carry_over: bool = False
    # an ambiguous total (收入预算) that agrees with none of the totals it may mean: their labels
    readings: tuple[str, ...] = ()

    @property
    def money(self) -> bool:
        return self.unit in MONEY_UNITS

    def in_unit(self, unit: str | None) -> Decimal | None:
        """The value in another money unit (万元 by default)."""
        if self.value is None or not self.money:
            return self.value
        target = MONEY_UNITS.get(unit or "万元", MONEY_UNITS["万元"])
        return self.value * MONEY_UNITS[self.unit] / target

    def subject_label(self) -> str:
        if self.subject and self.subject.startswith("item.") and self.subject_text:
            text = f"{self.subject[5:]} {self.subject_text}（项）"
        else:
            text = label(self.subject) if self.subject else (self.subject_text or "（未识别）")
        if self.qualifier and self.subject and (self.subject.startswith(("gb.class.", "expenditure.class.", "item."))):
            text += {"basic": "（基本支出）", "project": "（项目支出）"}.get(self.qualifier, "")
        measure = MEASURE_LABELS.get(self.measure, "")
        if measure and self.kind in ("amount", "change"):
            text += measure
        return text

    def to_dict(self) -> dict:
        out: dict = {
            "id": self.id,
            "kind": self.kind,
            "subject": self.subject,
            "subject_label": self.subject_label(),
            "subject_text": self.subject_text,
            "measure": self.measure,
            "value": None if self.value is None else format(self.value, "f"),
            "text": self.text,
            "unit": self.unit,
            "sentence": self.sentence,
            "section": self.section,
            "location": self.location.to_dict(),
            "link": self.link.to_dict() if self.link else None,
        }
        if self.kind in ("change", "growth"):
            out["direction"] = {1: "increase", -1: "decrease", 0: "unchanged"}[self.sign]
            out["base"] = self.base
        if self.relation:
            out["relation"] = self.relation
        if self.whole_subject or self.whole_text is not None:
            out["whole"] = self.whole_subject
        if self.qualifier:
            out["qualifier"] = self.qualifier
        if self.refs:
            out["refs"] = dict(self.refs)
        if self.group is not None:
            out["group"] = self.group
        if self.peer is not None:
            out["same_as"] = self.peer
        if self.with_carry_over:
            out["with_carry_over"] = True
        if self.readings:
            out["readings"] = list(self.readings)
        return out
