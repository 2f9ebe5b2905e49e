"""The numbers the 情况说明 states, taken from the tables: amounts as printed, shares and rates
computed at the printed precision, and — with last year's document — the changes.

Everything here is a number or a list of numbers with names; the words around them are the
phrase tables' (`data/draft/*.toml`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import overload

from ..definitions import table_def
from ..dictionary import classification
from ..model import Disclosure, Row, Table, Value
from ..recognize.summary_items import INCOME_CARRY_OVER

RATE_PLACES = Decimal("0.01")


@dataclass(slots=True)
class Amount:
    value: Decimal
    decimals: int

    @overload
    @classmethod
    def of(cls, value: Value) -> Amount: ...
    @overload
    @classmethod
    def of(cls, value: None) -> None: ...
    @overload
    @classmethod
    def of(cls, value: Value | None) -> Amount | None: ...
    @classmethod
    def of(cls, value: Value | None) -> Amount | None:
        if value is None:
            return None
        return cls(value.amount, max(value.decimals or 0, 0))

    @property
    def text(self) -> str:
        return format(self.value.quantize(Decimal(1).scaleb(-self.decimals)), "f")

    def is_zero(self) -> bool:
        return self.value == 0


def rate(part: Decimal, whole: Decimal) -> str | None:
    """part / whole in percent, two decimals, ".00" dropped (100%, 45.50%)."""
    if whole == 0:
        return None
    value = (part * 100 / whole).quantize(RATE_PLACES, rounding=ROUND_HALF_UP)
    text = format(value, "f")
    return text[:-3] if text.endswith(".00") else text


def difference(now: Amount, before: Amount) -> Amount:
    return Amount(now.value - before.value, max(now.decimals, before.decimals))


@dataclass(slots=True)
class Item:
    """A named amount: an income source, a 类/款/项, a 三公 item."""

    name: str
    amount: Amount
    code: str | None = None
    share: str | None = None
    budget: Amount | None = None  # the 预算数 the amount executes (三公)
    before: Amount | None = None  # last year's amount


@dataclass(slots=True)
class Change:
    now: Amount
    before: Amount

    @property
    def direction(self) -> str:
        diff = self.now.value - self.before.value
        return "up" if diff > 0 else "down" if diff < 0 else "same"

    @property
    def diff(self) -> str:
        d = difference(self.now, self.before)
        return Amount(abs(d.value), d.decimals).text

    @property
    def rate(self) -> str | None:
        if self.before.value == 0:
            return None
        return rate(abs(self.now.value - self.before.value), self.before.value)


@dataclass
class Facts:
    year: int | None
    department: str
    unit: str
    kind: str  # final | budget
    amounts: dict[str, Amount] = field(default_factory=dict)
    lists: dict[str, list[Item]] = field(default_factory=dict)
    previous: dict[str, Amount] = field(default_factory=dict)

    def change(self, name: str) -> Change | None:
        now, before = self.amounts.get(name), self.previous.get(name)
        if now is None or before is None:
            return None
        return Change(now, before)


def _cell(table: Table | None, column: str, *, key: str | None = None, side: str | None = None) -> Amount | None:
    if table is None:
        return None
    row = table.find(key=key, side=side) if key else None
    return Amount.of(row.values.get(column)) if row else None


def _total_row(table: Table | None) -> Row | None:
    if table is None:
        return None
    return table.find(key="total")


def _class_name(code: str, name: str, year: int | None) -> str:
    return classification("function").name(code, year) or name


def _items(table: Table | None, row: Row | None, columns: dict[str, str], whole: Amount | None) -> list[Item]:
    if table is None or row is None:
        return []
    out = []
    for column, label in columns.items():
        amount = Amount.of(row.values.get(column))
        if amount is None or amount.is_zero():
            continue
        share = rate(amount.value, whole.value) if whole else None
        out.append(Item(label, amount, share=share))
    return out


def _first(disclosure: Disclosure, *ids: str) -> Table | None:
    for table_id in ids:
        table = disclosure.table(table_id)
        if table is not None:
            return table
    return None


def collect(disclosure: Disclosure, labels: dict[str, str]) -> Facts:
    """The quantities of one disclosure. `labels`: the phrase table's names of income and
    expenditure items by column id (收入 by source, 支出 by kind)."""
    kind = "budget" if disclosure.kind == "budget" else "final"
    p = kind + "."
    facts = Facts(disclosure.year, disclosure.department or "", disclosure.unit or "万元", kind)
    a, lists = facts.amounts, facts.lists
    summary = disclosure.table(p + "summary")
    if summary is not None:
        for name, key, side in (
            ("grand_total", "grand_total", "income"),
            ("income_total", "total_income", "income"),
            ("expenditure_total", "total_expenditure", "expenditure"),
            ("opening_balance", "opening_balance", "income"),
            ("closing_balance", "closing_balance", "expenditure"),
        ):
            row = summary.find(key=key, side=side)
            if row is not None and row.values:
                a[name] = Amount.of(next(iter(row.values.values())))
    income = disclosure.table(p + "income")
    row = _total_row(income)
    if income is not None and row is not None and "total" in row.values:
        a.setdefault("income_total", Amount.of(row.values["total"]))
        parts = _top_parts(income, labels, "income")
        for part in INCOME_CARRY_OVER:  # not this year's income: the 本年收入合计 leaves them out
            parts.pop(part, None)
        lists["income_items"] = _items(income, row, parts, a.get("income_total"))
    spend = disclosure.table(p + "expenditure")
    row = _total_row(spend)
    if spend is not None and row is not None and "total" in row.values:
        a.setdefault("expenditure_total", Amount.of(row.values["total"]))
        parts = _top_parts(spend, labels, "expenditure")
        lists["expenditure_items"] = _items(spend, row, parts, a.get("expenditure_total"))
        for column in ("basic", "project"):
            if column in row.values:
                a[column] = Amount.of(row.values[column])
        if kind == "budget":
            lists["expenditure_classes"] = _classes(spend, "total", a.get("expenditure_total"), disclosure.year)
    fiscal = disclosure.table(p + "fiscal_summary")
    if fiscal is not None:
        row = fiscal.find(key="grand_total", side="income") or fiscal.find(key="grand_total")
        if row is not None and row.values:
            a["fiscal_grand_total"] = Amount.of(next(iter(row.values.values())))
        row = fiscal.find(key="total_income", side="income")
        if row is not None and row.values:
            a["fiscal_income_total"] = Amount.of(next(iter(row.values.values())))
    general = disclosure.table(p + "general_budget_expenditure")
    row = _total_row(general)
    if general is not None and row is not None and "total" in row.values:
        a["gb_total"] = Amount.of(row.values["total"])
        for column in ("basic", "project"):
            if column in row.values:
                a["gb_" + column] = Amount.of(row.values[column])
        if a.get("expenditure_total") and kind == "final":
            share = rate(a["gb_total"].value, a["expenditure_total"].value)
            if share is not None:
                facts.lists["gb_share"] = [Item("", a["gb_total"], share=share)]
        lists["gb_classes"] = _classes(general, "total", a["gb_total"], disclosure.year)
        lists["gb_items"] = [
            Item(_path_name(general, r, disclosure.year), Amount.of(r.values["total"]), code=r.code)
            for r in general.rows
            if r.code and len(r.code) == 7 and "total" in r.values
        ]
    _basic(disclosure, facts)
    _three_public(disclosure, facts)
    for name, ids in (("gov_fund", (p + "gov_fund",)), ("state_capital", (p + "state_capital",))):
        table = _first(disclosure, *ids)
        if table is None:
            continue
        row = _total_row(table) or next((r for r in table.rows if r.values), None)
        total = None
        if row is not None:
            total = row.values.get("expenditure_total") or row.values.get("total")
        a[name] = Amount.of(total) if total is not None else Amount(Decimal(0), 2)
    procurement = disclosure.table("budget.procurement")
    if procurement is not None:
        row = _total_row(procurement)
        if row is not None and row.values:
            a["procurement"] = Amount.of(next(iter(row.values.values())))
    return facts


def _top_parts(table: Table, labels: dict[str, str], side: str) -> dict[str, str]:
    """The columns that add up to the table's 合计 (its first identity), in printed order."""
    identities = table_def(table.id).identities
    terms = {c for sign, c in identities[0].parts if sign > 0} if identities else set(table.columns)
    return {
        c: labels.get(f"{side}.{c}", table.column_labels.get(c, c))
        for c in table.columns
        if c in terms and c not in table.parts_of
    }


def _path_name(table: Table, row: Row, year: int | None) -> str:
    """一般公共服务支出（类）政府办公厅（室）及相关机构事务（款）行政运行（项）."""
    code = row.code or ""
    parts = []
    for length, level in ((3, "类"), (5, "款"), (7, "项")):
        sub = code[:length]
        printed = table.find(code=sub)
        name = _class_name(sub, printed.name if printed else "", year)
        if length == 7:
            name = _class_name(code, row.name, year)
        parts.append(f"{name}（{level}）")
    return "".join(parts)


def _classes(table: Table, column: str, whole: Amount | None, year: int | None) -> list[Item]:
    out = []
    for row in table.rows:
        if row.code and len(row.code) == 3 and column in row.values:
            amount = Amount.of(row.values[column])
            if amount is None or amount.is_zero():
                continue
            share = rate(amount.value, whole.value) if whole else None
            out.append(Item(_class_name(row.code, row.name, year), amount, code=row.code, share=share))
    return out


def _basic(disclosure: Disclosure, facts: Facts) -> None:
    a = facts.amounts
    if facts.kind == "final":
        table = disclosure.table("final.general_budget_basic")
        if table is None:
            return
        personnel = _cell(table, "amount", key="personnel_total")
        public = _cell(table, "amount", key="public_total")
        names = {"personnel": ("301", "303"), "public": ("302", "310", "399")}
        for name, amount in (("personnel", personnel), ("public", public)):
            if amount is None:
                continue
            a[name] = amount
            facts.lists[name + "_names"] = [
                Item(classification("economic").name(r.code, facts.year) or r.name, Amount.of(v))
                for r in table.rows
                if r.code and len(r.code) == 5 and r.code[:3] in names[name]
                for v in [r.values.get("amount")]
                if v is not None and v.amount != 0
            ]
        if personnel is not None and public is not None:
            basic = Amount(personnel.value + public.value, max(personnel.decimals, public.decimals))
            a["basic_total"] = basic
            # no 机关运行经费 from the 公用经费: it is the 公用经费 of the 行政单位 (and 参公 units)
            # only — seed 000 states 5.76 万元 of a far larger 公用经费; a table must print it
    else:
        table = disclosure.table("budget.general_budget_basic")
        row = _total_row(table)
        if row is None:
            return
        for column, name in (("total", "basic_total"), ("personnel", "personnel"), ("public", "public")):
            if column in row.values:
                a[name] = Amount.of(row.values[column])
    if "basic_total" in a:
        for name in ("personnel", "public"):
            if name in a:
                share = rate(a[name].value, a["basic_total"].value)
                facts.lists[name + "_share"] = [Item("", a[name], share=share)]


THREE_PUBLIC = ("total", "abroad", "vehicle", "vehicle_purchase", "vehicle_operation", "reception")


def _three_public(disclosure: Disclosure, facts: Facts) -> None:
    a = facts.amounts
    if facts.kind == "final":
        table = disclosure.table("final.three_public")
        row = next((r for r in table.rows if r.values), None) if table else None
        if row is None:
            return
        for item in THREE_PUBLIC + ("meeting", "training"):
            budget, spent = row.values.get("budget_" + item), row.values.get("final_" + item)
            if spent is not None or budget is not None:
                a["tp_" + item] = Amount.of(spent) or Amount(Decimal(0), (budget.decimals if budget else 2))
                a["tp_budget_" + item] = Amount.of(budget) or Amount(Decimal(0), a["tp_" + item].decimals)
        if "tp_total" not in a and any(k.startswith("tp_") for k in a):
            parts = [a[k] for k in ("tp_abroad", "tp_vehicle", "tp_reception") if k in a]
            a["tp_total"] = Amount(sum((p.value for p in parts), Decimal(0)), max(p.decimals for p in parts))
    else:
        table = disclosure.table("budget.three_public")
        row = _total_row(table) or (next((r for r in table.rows if r.values), None) if table else None)
        if row is None:
            return
        for item in THREE_PUBLIC + ("meeting", "training", "office_operation"):
            value = row.values.get(item) or (row.values.get("three_public") if item == "total" else None)
            if value is not None:
                a["tp_" + item] = Amount.of(value)
        if "tp_total" in a:  # a blank cell of a printed row is a zero
            for item in THREE_PUBLIC:
                a.setdefault("tp_" + item, Amount(Decimal(0), a["tp_total"].decimals))
        if "tp_office_operation" in a:
            a["office"] = a["tp_office_operation"]
    for item in ("meeting", "training"):
        if "tp_" + item in a:
            a[item] = a["tp_" + item]
