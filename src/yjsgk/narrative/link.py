"""Linking claims to the table cells they restate, and to the other claims they depend on.

A subject names one cell per document kind (本年收入合计 → 01 本年收入合计, else 02 合计;
基本支出 read in an 一般公共预算 section → 05 合计 基本支出; a 类 → its 05 row; 机关运行经费 →
06 公用经费合计, a customary equality only). A blank cell in a printed row is zero, and so is
every cell of a table that says 本表无数据. A share is taken of its whole (the 其中 total, the
words after 占, or the customary whole of its part), a growth rate of the current amount of
the changed quantity; each operand is looked for in the same sentence, then paragraph, then
the tables, then the section.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from ..definitions import function_class_by_name, table_def
from ..dictionary import name_key
from ..model import Disclosure, Table, Value
from ..textnorm import key
from .model import MONEY_UNITS, Claim, Link
from .vocabulary import AMBIGUOUS_TOTALS, AMBIGUOUS_WORDS, DEFAULT_WHOLE, DEFINITE_WORDS, label


@dataclass(frozen=True, slots=True)
class Cell:
    table: str
    column: str
    key: str | None = None
    side: str | None = None
    code: str | None = None
    klass: str | None = None  # a 类: its row, or the sum of its top printed rows
    soft: bool = False


def _k(table: str, column: str, row_key: str, side: str | None = None, soft: bool = False) -> Cell:
    return Cell(table, column, key=row_key, side=side, soft=soft)


_FINAL_INCOME = {
    "income.higher_subsidy": ("higher_subsidy", "higher_subsidy"),
    "income.business": ("business", "business"),
    "income.operating": ("operating", "operating"),
    "income.subordinate": ("subordinate", "subordinate"),
    "income.other": ("other", "other"),
}

FINAL_CELLS: dict[str, tuple[Cell, ...]] = {
    "grand_total": (
        _k("final.summary", "amount", "grand_total", "income"),
        _k("final.summary", "amount", "grand_total", "expenditure"),
    ),
    "fiscal.grand_total": (
        _k("final.fiscal_summary", "amount", "grand_total", "income"),
        _k("final.fiscal_summary", "total", "grand_total", "expenditure"),
    ),
    "income.total": (_k("final.summary", "amount", "total_income", "income"), _k("final.income", "total", "total")),
    "income.fiscal": (
        _k("final.income", "fiscal", "total"),
        _k("final.fiscal_summary", "amount", "total_income", "income"),
    ),
    "income.general_budget": (
        _k("final.summary", "amount", "fiscal_general_budget", "income"),
        _k("final.fiscal_summary", "amount", "fiscal_general_budget", "income"),
    ),
    "income.gov_fund": (
        _k("final.summary", "amount", "fiscal_gov_fund", "income"),
        _k("final.gov_fund", "income", "total"),
    ),
    **{
        s: (_k("final.income", col, "total"), _k("final.summary", "amount", item, "income"))
        for s, (col, item) in _FINAL_INCOME.items()
    },
    "expenditure.total": (
        _k("final.summary", "amount", "total_expenditure", "expenditure"),
        _k("final.expenditure", "total", "total"),
    ),
    "expenditure.basic": (_k("final.expenditure", "basic", "total"),),
    "expenditure.project": (_k("final.expenditure", "project", "total"),),
    "expenditure.to_higher": (_k("final.expenditure", "to_higher", "total"),),
    "expenditure.operating": (_k("final.expenditure", "operating", "total"),),
    "expenditure.to_subordinate": (_k("final.expenditure", "to_subordinate", "total"),),
    "gb.expenditure": (
        _k("final.general_budget_expenditure", "total", "total"),
        _k("final.fiscal_summary", "general_budget", "total_expenditure", "expenditure"),
    ),
    "fiscal.expenditure": (_k("final.fiscal_summary", "total", "total_expenditure", "expenditure"),),
    "gb.basic": (_k("final.general_budget_expenditure", "basic", "total"),),
    "gb.project": (_k("final.general_budget_expenditure", "project", "total"),),
    "personnel": (_k("final.general_budget_basic", "amount", "personnel_total"),),
    "public": (_k("final.general_budget_basic", "amount", "public_total"),),
    "admin_cost": (_k("final.general_budget_basic", "amount", "public_total", soft=True),),
    "gov_fund.expenditure": (_k("final.gov_fund", "expenditure_total", "total"),),
    "gov_fund.basic": (_k("final.gov_fund", "expenditure_basic", "total"),),
    "gov_fund.project": (_k("final.gov_fund", "expenditure_project", "total"),),
    "gov_fund.opening": (_k("final.gov_fund", "opening", "total"),),
    "gov_fund.closing": (_k("final.gov_fund", "closing", "total"),),
    "state_capital.basic": (_k("final.state_capital", "basic", "total"),),
    "state_capital.project": (_k("final.state_capital", "project", "total"),),
    "opening_balance": (_k("final.summary", "amount", "opening_balance", "income"),),
    "closing_balance": (_k("final.summary", "amount", "closing_balance", "expenditure"),),
    "fiscal.opening": (_k("final.fiscal_summary", "amount", "opening_balance", "income"),),
    "fiscal.closing": (_k("final.fiscal_summary", "total", "closing_balance", "expenditure"),),
}
_THREE_PUBLIC = ("total", "abroad", "vehicle", "vehicle_purchase", "vehicle_operation", "reception")
for _item in _THREE_PUBLIC:
    FINAL_CELLS[f"three_public.{_item}"] = (_k("final.three_public", f"final_{_item}", "values"),)
    FINAL_CELLS[f"three_public.{_item}@budget"] = (_k("final.three_public", f"budget_{_item}", "values"),)

BUDGET_CELLS: dict[str, tuple[Cell, ...]] = {
    "grand_total": (
        _k("budget.summary", "amount", "grand_total", "income"),
        _k("budget.summary", "amount", "grand_total", "expenditure"),
    ),
    "fiscal.grand_total": (
        _k("budget.fiscal_summary", "amount", "grand_total", "income"),
        _k("budget.fiscal_summary", "total", "grand_total", "expenditure"),
    ),
    "income.total": (_k("budget.summary", "amount", "total_income", "income"), _k("budget.income", "total", "total")),
    "income.fiscal": (_k("budget.summary", "amount", "fiscal", "income"), _k("budget.income", "fiscal", "total")),
    "income.general_budget": (
        _k("budget.fiscal_summary", "amount", "fiscal_general_budget", "income"),
        _k("budget.summary", "amount", "fiscal_general_budget", "income"),
        _k("budget.income", "fiscal", "total"),
    ),
    "income.higher_subsidy": (
        _k("budget.income", "higher_subsidy", "total"),
        _k("budget.summary", "amount", "higher_subsidy", "income"),
    ),
    "income.business": (_k("budget.income", "business", "total"), _k("budget.summary", "amount", "business", "income")),
    "income.operating": (
        _k("budget.income", "operating", "total"),
        _k("budget.summary", "amount", "operating", "income"),
    ),
    "income.other": (_k("budget.income", "other", "total"), _k("budget.summary", "amount", "other", "income")),
    "expenditure.total": (
        _k("budget.summary", "amount", "total_expenditure", "expenditure"),
        _k("budget.expenditure", "total", "total"),
    ),
    "expenditure.basic": (
        _k("budget.summary", "amount", "basic", "expenditure"),
        _k("budget.expenditure", "basic", "total"),
    ),
    "expenditure.project": (
        _k("budget.summary", "amount", "project", "expenditure"),
        _k("budget.expenditure", "project", "total"),
    ),
    "expenditure.operating": (_k("budget.expenditure", "operating", "total"),),
    "expenditure.to_subordinate": (_k("budget.expenditure", "to_subordinate", "total"),),
    "expenditure.to_higher": (_k("budget.expenditure", "to_higher", "total"),),
    "gb.expenditure": (
        _k("budget.general_budget_expenditure", "total", "total"),
        _k("budget.fiscal_summary", "general_budget", "total_expenditure", "expenditure"),
    ),
    "fiscal.expenditure": (
        _k("budget.fiscal_expenditure", "total", "total"),
        _k("budget.fiscal_summary", "total", "total_expenditure", "expenditure"),
    ),
    "gb.basic": (
        _k("budget.general_budget_expenditure", "basic", "total"),
        _k("budget.general_budget_basic", "total", "total"),
    ),
    "gb.project": (_k("budget.general_budget_expenditure", "project", "total"),),
    # every table that prints the split: a statement agreeing with one of them is not wrong when
    # the tables differ among themselves by rounding (西安交通运输局: 表5/表7 1,703.46, 表8 1,703.48)
    "personnel": (
        _k("budget.general_budget_basic", "personnel", "total"),
        _k("budget.general_budget_expenditure", "personnel", "total"),
        _k("budget.general_budget_basic_function", "personnel", "total"),
    ),
    "public": (
        _k("budget.general_budget_basic", "public", "total"),
        _k("budget.general_budget_expenditure", "public", "total"),
        _k("budget.general_budget_basic_function", "public", "total"),
    ),
    "admin_cost": (_k("budget.general_budget_basic", "public", "total", soft=True),),
    "gov_fund.expenditure": (_k("budget.gov_fund", "total", "total"),),
    "gov_fund.basic": (_k("budget.gov_fund", "basic", "total"),),
    "gov_fund.project": (_k("budget.gov_fund", "project", "total"),),
}
for _item in _THREE_PUBLIC:
    BUDGET_CELLS[f"three_public.{_item}"] = (_k("budget.three_public", _item, "total"),)

# totals that include the money of earlier years by definition
CARRY_OVER_TOTALS = frozenset({"grand_total", "fiscal.grand_total"})

CLASS_TABLES = {
    ("final", "gb"): (("final.general_budget_expenditure", "total"), ("final.fiscal_summary", "general_budget")),
    ("final", "expenditure"): (("final.expenditure", "total"), ("final.summary", "amount")),
    ("budget", "gb"): (("budget.general_budget_expenditure", "total"), ("budget.fiscal_summary", "general_budget")),
    ("budget", "expenditure"): (("budget.expenditure", "total"),),
}
ITEM_TABLES = {"final": "final.general_budget_expenditure", "budget": "budget.general_budget_expenditure"}


def printed_once(table: Table, code: str) -> bool:
    """Whether a statement about `code` can name its row: a code printed on several rows with
    different figures (a table listed unit by unit, or 类/款/项 rows named alike and mapped to one
    code by their name: 其他支出) does not say which one the narrative restates."""
    rows = [r for r in table.rows if r.code == code]
    return len({tuple(sorted((c, v.amount) for c, v in r.values.items())) for r in rows}) <= 1


def class_amount(table: Table, code: str, column: str) -> tuple[Value | None, list[Value]]:
    """A 类's amount: its row, or its top printed rows when the table prints no 类 row (nothing
    when the rows that would say are not certain)."""
    row = table.find(code=code)
    if row is not None:
        return (row.values.get(column) if printed_once(table, code) else None), []
    rows = [r for r in table.coded_rows() if r.code and r.code.startswith(code)]
    shortest = min((len(r.code or "") for r in rows), default=0)
    top = [r for r in rows if len(r.code or "") == shortest]
    if len({r.code for r in top}) != len(top):
        return None, []
    return None, [r.values[column] for r in top if column in r.values]


def disclosure_family(disclosure: Disclosure) -> str | None:
    """final or budget: which tables the narrative restates (None for other kinds)."""
    if disclosure.kind in ("final", "final_with_performance"):
        return "final"
    if disclosure.kind == "budget":
        return "budget"
    return None


def resolve(disclosure: Disclosure, cell: Cell) -> Link | None:
    table = disclosure.table(cell.table)
    if table is None or cell.column not in table.columns:
        return None
    unit = table.unit or disclosure.unit or "万元"
    column = table.column_labels.get(cell.column, cell.column)
    if cell.klass is not None:
        if not printed_once(table, cell.klass):
            return None
        value, terms = class_amount(table, cell.klass, cell.column)
        row = table.find(code=cell.klass)
        label = row.label if row is not None else f"{cell.klass}（类）"
        if value is not None:
            return Link(
                table.id,
                table.display_name,
                label,
                column,
                value.amount,
                value.decimals,
                unit,
                value.location,
                soft=cell.soft,
            )
        if terms:
            total = sum((t.amount for t in terms), Decimal(0))
            return Link(
                table.id,
                table.display_name,
                label,
                column,
                total,
                max(t.decimals for t in terms),
                unit,
                terms[0].location,
                soft=cell.soft,
                terms=len(terms),
            )
        if row is not None and _column_printed(table, cell.column, row):
            return Link(
                table.id,
                table.display_name,
                label,
                column,
                Decimal(0),
                2,
                unit,
                row.location,
                blank=True,
                soft=cell.soft,
            )
        return None
    if cell.code is not None:
        if not printed_once(table, cell.code):
            return None
        row = table.find(code=cell.code)
    else:
        row = table.find(key=cell.key, side=cell.side)
    if row is None or (table.is_empty() and row.values.get(cell.column) is None):
        if _says_no_data(table):
            return Link(
                table.id,
                table.display_name,
                "",
                column,
                Decimal(0),
                2,
                unit,
                table.location,
                blank=True,
                soft=cell.soft,
            )
        return None
    value = row.values.get(cell.column)
    if value is None:
        if not _column_printed(table, cell.column, row):
            return None  # a table whose figures were not read: recognition, not a zero
        return Link(
            table.id,
            table.display_name,
            row.label,
            column,
            Decimal(0),
            2,
            unit,
            row.location,
            blank=True,
            soft=cell.soft,
        )
    return Link(
        table.id,
        table.display_name,
        row.label,
        column,
        value.amount,
        value.decimals,
        unit,
        value.location,
        soft=cell.soft,
    )


def _column_printed(table: Table, column: str, row=None) -> bool:
    """A blank cell is 0 only in a table whose figures were read, and only when the row's own
    identities vouch for it: 合计 2,267.91 = 财政拨款 2,211.04 + 其他收入 56.87 holds with the blank
    上级补助收入 at 0 (a blank that breaks them is a figure the reader missed, not a zero)."""
    if column not in table.columns or not any(r.values for r in table.rows):
        return False
    if row is not None and row.side and table_def(table.id).layout == "summary":
        return _summary_vouches(table, row, column)
    identities = table_def(table.id).identities
    involved = [i for i in identities if column == i.total or column in (c for _, c in i.parts)]
    if row is None or not involved:
        return True
    printed = set(row.values)
    vouched: set[str] = set()
    changed = True
    while changed:
        changed = False
        for identity in identities:
            if identity.total not in printed and identity.total not in vouched:
                continue
            amount = lambda c: row.values[c].amount if c in row.values else Decimal(0)  # noqa: E731
            expected = sum((sign * amount(c) for sign, c in identity.parts), Decimal(0))
            terms = sum(1 for _, c in identity.parts if c in printed) + (identity.total in printed)
            if abs(amount(identity.total) - expected) > Decimal("0.005") * max(terms, 1):
                continue
            blanks = {c for _, c in identity.parts if c not in printed} - vouched
            if blanks:
                vouched |= blanks
                changed = True
    return column in vouched


_SIDE_TOTAL = {"income": "total_income", "expenditure": "total_expenditure"}


def _summary_vouches(table: Table, row, column: str) -> bool:
    """In a 总表 a blank item is 0 when the printed items add up to 本年收入合计 (本年支出合计),
    and a blank 结转/结余 line is 0 when 合计 and the printed lines add up to 总计."""
    rows = [r for r in table.rows if r.side == row.side]
    keys = [r.key for r in rows]
    if _SIDE_TOTAL[row.side] not in keys:
        return False
    at = keys.index(_SIDE_TOTAL[row.side])
    total = rows[at]
    if row in rows[:at]:
        terms, whole = [r for r in rows[:at] if r.key not in ("grand_total",)], total
    else:
        if "grand_total" not in keys:
            return False
        end = keys.index("grand_total")
        terms, whole = [total] + [r for r in rows[at + 1 : end] if "." not in (r.key or "")], rows[end]
    if column not in whole.values:
        return False
    printed = [r.values[column] for r in terms if column in r.values]
    found = sum((v.amount for v in printed), Decimal(0))
    return abs(whole.values[column].amount - found) <= Decimal("0.005") * (len(printed) + 1)


def _says_no_data(table: Table) -> bool:
    """An empty table is all zeros only when its note says so (本表无数据, 没有…支出)."""
    notes = key("".join(table.notes))
    return table.is_empty() and any(
        w in notes for w in ("无数据", "空表", "没有", "无相关", "不涉及", "无此项", "无收支")
    )


def cells_for(disclosure: Disclosure, subject: str, measure: str, qualifier: str | None = None) -> tuple[Cell, ...]:
    family = disclosure_family(disclosure)
    if family is None:
        return ()
    column = qualifier if qualifier in ("basic", "project") else "total"
    if subject.startswith(("gb.class.", "expenditure.class.")):
        if measure not in ("amount", "final"):
            return ()
        scope = "gb" if subject.startswith("gb.") else "expenditure"
        code = subject.rsplit(".", 1)[1]
        out = []
        for i, (table, col) in enumerate(CLASS_TABLES[(family, scope)]):
            if i > 0 and column != "total":
                break
            out.append(Cell(table, column if col == "total" else col, klass=code))
        return tuple(out)
    if subject.startswith("item."):
        if measure not in ("amount", "final"):
            return ()
        return (Cell(ITEM_TABLES[family], column, code=subject[5:]),)
    cells = FINAL_CELLS if family == "final" else BUDGET_CELLS
    if measure in ("budget", "adjusted_budget") and family == "final":
        return cells.get(f"{subject}@budget", ())  # 07's 预算数 is the adjusted full-year budget
    if measure not in ("amount", "final", "budget"):
        return ()
    return cells.get(subject, ())


def cell_link(
    disclosure: Disclosure,
    subject: str | None,
    measure: str,
    qualifier: str | None = None,
    value: Decimal | None = None,
    unit: str = "万元",
) -> Link | None:
    """The cell a subject names; with `value`, the first candidate that agrees with it."""
    if subject is None:
        return None
    links = [link for cell in cells_for(disclosure, subject, measure, qualifier) if (link := resolve(disclosure, cell))]
    if not links:
        return None
    if value is not None:
        for link in links:
            if link.value == value:
                return link
    return links[0]


def _same_name(a: str, b: str) -> bool:
    ka, kb = key(a), key(b)
    return ka == kb or ka.removesuffix("支出") == kb.removesuffix("支出")


def resolve_item(disclosure: Disclosure, lei: str, kuan: str, xiang: str) -> str | None:
    """The 项 code of “一般公共服务支出（类）政府办公厅（室）及相关机构事务（款）行政运行（项）”."""
    names = function_class_by_name()
    lei_key = key(lei)
    code = None
    for start in range(len(lei_key)):  # the class name ends the words before （类）
        code = names.get(lei_key[start:]) or names.get(lei_key[start:] + "支出")
        if code is not None:
            break
    if code is None:
        return None
    for table_id in (
        "final.general_budget_expenditure",
        "budget.general_budget_expenditure",
        "final.expenditure",
        "budget.expenditure",
    ):
        table = disclosure.table(table_id)
        if table is None:
            continue
        rows = [r for r in table.coded_rows() if r.code and r.code.startswith(code)]
        kuans = {r.code for r in rows if len(r.code or "") == 5 and _same_name(r.name, kuan)}
        items = [
            r
            for r in rows
            if len(r.code or "") == 7 and _same_name(r.name, xiang) and (not kuans or (r.code or "")[:5] in kuans)
        ]
        if len({r.code for r in items}) == 1:
            return items[0].code
    return None


# -- claims that depend on other claims ---------------------------------------------------


def _equivalent(a: str, b: str) -> bool:
    norm = {"final": "amount"}
    return norm.get(a, a) == norm.get(b, b)


def _chapter(section: str) -> str:
    return " › ".join(section.split(" › ")[:2])


def find_claim(
    claims: list[Claim],
    context: Claim,
    subject: str,
    measure: str,
    qualifier: str | None = None,
    where: str = "sentence",
) -> Claim | None:
    """The last amount claim of `subject` before `context` in the same sentence/paragraph/chapter."""
    best = None
    for c in claims:
        if c.id >= context.id and where != "chapter":
            break
        if (
            c.kind != "amount"
            or c.subject != subject
            or not _equivalent(c.measure, measure)
            or c.qualifier != qualifier
        ):
            continue
        if where == "sentence" and c.sentence_no != context.sentence_no:
            continue
        if where == "paragraph" and c.paragraph != context.paragraph:
            continue
        if where == "previous" and (c.paragraph != context.paragraph - 1 or c.section != context.section):
            continue
        if where == "chapter" and _chapter(c.section) != _chapter(context.section):
            continue
        if where == "chapter" and best is not None and c.id > context.id:
            break
        best = c
    return best


def default_whole(part: Claim) -> str | None:
    subject = part.subject or ""
    if subject.startswith(("gb.class.", "item.")):
        return {"basic": "gb.basic", "project": "gb.project"}.get(part.qualifier or "", "gb.expenditure")
    if subject.startswith("expenditure.class."):
        return {"basic": "expenditure.basic", "project": "expenditure.project"}.get(
            part.qualifier or "", "expenditure.total"
        )
    return DEFAULT_WHOLE.get(subject)


def _operand(
    disclosure: Disclosure,
    claims: list[Claim],
    context: Claim,
    subject: str,
    measure: str,
    qualifier: str | None = None,
) -> tuple[Claim | None, Link | None]:
    for where in ("sentence", "paragraph"):
        if found := find_claim(claims, context, subject, measure, qualifier, where):
            return found, None
    if (
        not context.scope.startswith("unit:")
        and not about_an_item(context)
        and (link := cell_link(disclosure, subject, measure, qualifier))
    ):
        return None, link
    return find_claim(claims, context, subject, measure, qualifier, "chapter"), None


# a heading that names one item by its code or as a 款/项: （9）行政事业单位医疗（21011）117.69 万元,
# 2.机关商品和服务支出（502）…, 行政运行（项）. A heading marked only （类） does not scope: Jiangsu's
# “1．公共安全（类）支出 …” goes on “此外，基本支出预算数为 …”, the department's
_ITEM_HEADING = re.compile(r"[（(]\d{3}(?:\d{2}){0,2}[）)]|（[款项]）")


_ITEM_LEAD = re.compile(r"^[^，,。；;]{0,30}?[（(]\d{3}(?:\d{2}){0,2}[）)]")


def item_paragraphs(claims: list[Claim]) -> set[int]:
    """Paragraphs that open by naming a classification item (②机关商品和服务支出（502）996.33 万元，…)."""
    first: dict[int, Claim] = {}
    for c in claims:
        first.setdefault(c.paragraph, c)
    return {p for p, c in first.items() if _ITEM_LEAD.match(c.sentence)}


def about_an_item(c: Claim, items: frozenset[int] | set[int] = frozenset()) -> bool:
    """A department-level quantity (人员经费, 公用经费, 基本支出 …) stated under a heading, or in a
    paragraph, that names one classification item is that item's share of it, which no table
    prints: not the department's."""
    subject = c.subject or ""
    if "class." in subject or subject.startswith("item."):
        return False
    *above, _innermost = c.section.split(" › ")
    return (
        c.paragraph in items
        or any(_names_an_item(title) for title in c.section.split(" › "))
        # one sub-heading per item under 支出按功能科目分类的明细情况 (西安: （1）行政运行（行政及参公
        # 单位基本支出）2678.58 万元)
        or any(_BY_ITEM.search(key(title)) for title in above)
    )


_BY_ITEM = re.compile(r"按(?:支出)?(?:功能|经济)(?:分类)?科目")


_MARKER = re.compile(r"^(?:[（(][0-9一二三四五六七八九十]+[）)]|[0-9]+[.．、]|[①-⑳])\s*")


def _names_an_item(title: str) -> bool:
    """By its code (（21011）), as a 款/项, or by the official name of a 款 or 项 before its gloss or
    amount: （1）行政运行（行政及参公单位基本支出）2678.58 万元."""
    if _ITEM_HEADING.search(title):
        return True
    name = re.split(r"[（(0-9]", _MARKER.sub("", title), maxsplit=1)[0]
    return bool(name) and name_key(name) in _item_names()


@cache
def _item_names() -> frozenset[str]:
    """The official names of the function classification's 款 and 项."""
    from ..dictionary import function_classification  # the dictionary is read only when asked

    table = function_classification()
    return frozenset(
        name_key(entry.name)
        for code in table.codes()
        if len(code) in (5, 7)
        for entry in table.entries(code)
        if not entry.harvested
    )


def heading_column(section: str) -> str | None:
    """basic or project when the innermost heading that names either names only that one
    (（二）项目支出情况): the 类 and 项 of its paragraphs are read in that column."""
    for title in reversed(section.split(" › ")):
        named = [column for column, word in (("basic", "基本支出"), ("project", "项目支出")) if word in title]
        if named:
            return named[0] if len(named) == 1 else None
    return None


def link_claims(disclosure: Disclosure, claims: list[Claim]) -> None:
    by_id = {c.id: c for c in claims}
    # a 类 or 项 listed under 基本支出 or 项目支出, or stated under a heading about one of them,
    # is read in that column
    for c in claims:
        if not (c.subject and c.subject.startswith(("gb.class.", "expenditure.class.", "item."))):
            continue
        whole = by_id.get(c.refs.get("whole", -1))
        if whole is not None and whole.subject and whole.subject.endswith((".basic", ".project")):
            c.qualifier = whole.subject.rsplit(".", 1)[1]
        elif c.qualifier is None:
            c.qualifier = heading_column(c.section)
    items = item_paragraphs(claims)
    for c in claims:
        if c.kind == "amount" and c.money and c.subject and not c.scope.startswith("unit:"):
            if about_an_item(c, items):
                continue  # （9）行政事业单位医疗（21011）… 具体为：人员经费 …: the item's, not the department's
            if c.with_carry_over and c.subject not in CARRY_OVER_TOTALS:
                continue  # 财政拨款收入 …，其中：…、上年结转 …: more than the table's 本年 line
            whole = by_id.get(c.refs.get("whole", -1))
            if whole is not None and whole.subject == c.subject:
                continue  # 收入合计 …，其中：局本级收入合计 …: a unit's part of the total, not the total
            c.link = cell_link(disclosure, c.subject, c.measure, c.qualifier, c.in_unit(None))
            if c.link is not None and _ambiguous(c):
                _read_ambiguous(disclosure, c)
    for c in claims:
        if c.kind == "share":
            _link_share(disclosure, claims, by_id, c)
        elif c.kind == "growth":
            _link_growth(disclosure, claims, by_id, c)
        elif c.kind in ("execution", "direction") and c.relation != "flat":
            _link_execution(claims, by_id, c)
        elif c.kind == "direction":
            for x in claims:  # 与上年持平，减少 0.44 万元: a change of the same quantity, same part of the sentence
                if x.sentence_no == c.sentence_no and x.segment == c.segment and x.kind in ("change", "growth"):
                    if x.subject is None or c.subject is None or x.subject == c.subject:
                        c.refs.setdefault(x.kind, x.id)
    _repeats(disclosure, claims)


def _ambiguous(c: Claim) -> bool:
    """收入预算 / 支出预算 / 收支总预算 with neither 本年 nor 合计 nor 总计: which total is meant?"""
    words = c.subject_text
    return (
        c.subject in AMBIGUOUS_TOTALS
        and not c.inherited
        and bool(AMBIGUOUS_WORDS.search(words))
        and not DEFINITE_WORDS.search(words)
    )


def _agrees(c: Claim, link: Link) -> bool:
    """The claim restates the cell at its printed precision (935,447 万元 for 935,446.79)."""
    value = c.in_unit(link.unit)
    if value is None:
        return False
    half = Decimal(5) / Decimal(10) ** (c.decimals + 1)
    if c.money:
        half = half * MONEY_UNITS[c.unit] / MONEY_UNITS.get(link.unit, MONEY_UNITS["万元"])
    return abs(value - link.value) <= half


def _read_ambiguous(disclosure: Disclosure, c: Claim) -> None:
    """An ambiguous total is the total it agrees with when exactly one does; when none does and
    the totals differ, which one is wrong is not certain: the claim keeps its readings."""
    assert c.link is not None and c.subject is not None
    if _agrees(c, c.link):
        return
    readings = [(c.subject, c.link)]
    for other in AMBIGUOUS_TOTALS[c.subject]:
        link = cell_link(disclosure, other, c.measure, None, c.in_unit(None))
        if link is not None:
            readings.append((other, link))
    agreeing = [(s, link) for s, link in readings if _agrees(c, link)]
    if len({link.value for _s, link in agreeing}) == 1:
        c.subject, c.link = agreeing[0]
    elif not agreeing and len({link.value for _s, link in readings}) > 1:
        c.readings = tuple(f"{label(s)} {format(link.value, ',f')} {link.unit}" for s, link in readings)


def _link_share(disclosure: Disclosure, claims: list[Claim], by_id: dict[int, Claim], c: Claim) -> None:
    part = by_id.get(c.refs.get("part", -1))
    if part is None:
        return
    measure = c.whole_measure or part.measure
    if not c.whole_text:
        whole = by_id.get(part.refs.get("whole", -1))
        if whole is not None:  # the total its list opened with (收入预算总计 50,616.94 万元，其中：…)
            c.refs["whole"] = whole.id
            c.whole_subject = whole.subject
            return
        c.whole_subject = default_whole(part)
    if c.whole_subject is None:
        return
    # 其中 opening a paragraph lists the parts of the total the paragraph before stated
    places = ("sentence", "paragraph", "previous") if key(c.sentence).startswith("其中") else ("sentence", "paragraph")
    for where in places:
        if found := find_claim(claims, c, c.whole_subject, measure, None, where):
            c.refs["whole"] = found.id
            return
    # a whole looked up beyond the paragraph only for a part whose subject is known, and for a
    # 类 only where the section says which funds (一般公共预算): elsewhere the list may be of a
    # fund's classes (政府性基金) whose total no table line gives
    if part.subject is None or c.scope.startswith("unit:"):
        return
    if part.subject.startswith("expenditure.class.") and not c.whole_text:
        return
    if link := cell_link(disclosure, c.whole_subject, measure):
        c.link = link
    elif found := find_claim(claims, c, c.whole_subject, measure, None, "chapter"):
        c.refs["whole"] = found.id


def _link_growth(disclosure: Disclosure, claims: list[Claim], by_id: dict[int, Claim], c: Claim) -> None:
    change = by_id.get(c.refs.get("change", -1))
    if "current" in c.refs:
        return  # read with the sentence (the total of a list, or its last item)
    if change is None or change.subject is None:
        return  # what changed is not known: the amount before it may be another quantity
    if change.inherited:  # 收入较去年减少 …: the current amount must be stated, not looked up
        for where in ("sentence", "paragraph"):
            if found := find_claim(claims, change, change.subject, "amount", change.qualifier, where):
                c.refs["current"] = found.id
                return
        return
    claim, link = _operand(disclosure, claims, change, change.subject, "amount", change.qualifier)
    if claim is not None:
        c.refs["current"] = claim.id
    elif link is not None:
        c.link = link


def _link_execution(claims: list[Claim], by_id: dict[int, Claim], c: Claim) -> None:
    """Budget and final of an execution rate or a 决算数大于预算数 statement, from its paragraph."""
    if "budget" in c.refs and "final" in c.refs:
        return
    subject = c.subject
    for x in reversed(claims[: c.id]):
        if x.paragraph != c.paragraph:
            break
        if x.kind != "amount" or (subject is not None and x.subject != subject):
            continue
        if x.measure in ("budget", "adjusted_budget"):
            c.refs.setdefault("budget", x.id)
        elif x.measure in ("amount", "final", "spent") and "budget" not in c.refs:
            c.refs.setdefault("final", x.id)


def _stated_once(c: Claim) -> bool:
    """Quantities a department has one of: its 年初预算 (whole, or of a 项) and a named project's funds."""
    subject = c.subject or ""
    if subject.startswith("project:"):
        return True
    return subject.startswith(("gb.expenditure", "item.")) and c.measure in ("budget", "adjusted_budget")


def _repeats(disclosure: Disclosure, claims: list[Claim]) -> None:
    """The same quantity stated twice: later statements point to the first.

    Only quantities no table holds (年初预算, a project's funds, 政府采购, 会议费) are compared this
    way, within one unit of the department; a quantity a table should hold but whose cell was not
    read is left alone (the sentences may speak of different units).
    """
    first: dict[tuple, Claim] = {}
    for c in claims:
        if c.kind != "amount" or not c.money or c.subject is None or c.link is not None:
            continue
        if cells_for(disclosure, c.subject, c.measure, c.qualifier) or not _stated_once(c):
            continue
        unit = c.scope if c.scope.startswith("unit:") else None
        quantity = (c.subject, c.qualifier, "amount" if c.measure == "final" else c.measure, unit)
        if quantity in first:
            c.peer = first[quantity].id
        else:
            first[quantity] = c
