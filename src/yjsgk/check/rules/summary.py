"""The two-sided 总表 (决算 01/04, 预算 收支总表/财政拨款收支总表) and the 基本支出 composition."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...model import Disclosure, Row, Table
from ...recognize import summary_items
from ...textnorm import strip_ordinal
from ..compare import Term, added_up_from_leaves, compare, describe_terms
from ..context import CheckContext
from ..findings import Finding
from ..registry import BUDGET, FINAL, rule

SUMMARY_TABLES = ("final.summary", "final.fiscal_summary", "budget.summary", "budget.fiscal_summary")
# the items a side's 本年合计 sums: every item the recognizer names but the totals and carry-over
INCOME_ITEMS = tuple(k for k in summary_items.INCOME_ITEMS if k not in summary_items.TOTALS_AND_CARRY_OVER)
EXPENDITURE_ITEMS = tuple(k for k in summary_items.EXPENDITURE_ITEMS if k not in summary_items.TOTALS_AND_CARRY_OVER)
FUNDS = ("general_budget", "gov_fund", "state_capital")


def _side(table: Table, side: str) -> list[Row]:
    return [r for r in table.rows if r.side == side]


def _sum_check(
    ctx: CheckContext, table: Table, total: Row | None, parts: list[Row], what: str, column: str | None = None
) -> Iterator[Finding | None]:
    if total is None:
        return
    columns = [column] if column else list(total.values)
    for col in columns:
        found = total.values.get(col)
        terms = [Term(p.values[col], 1, p.name.strip() or (p.key or "")) for p in parts if col in p.values]
        label = table.column_labels.get(col, col)
        yield compare(
            ctx,
            found=found,
            terms=terms,
            what=f"{(total.name or total.key or '').replace(' ', '')}{'' if len(columns) == 1 else f'（{label}）'}{what}",
            table=table,
            row=total,
            row_label=f"{'收入' if total.side == 'income' else '支出'}：{total.name.replace(' ', '')}",
            column=label,
        )


@rule(
    "balance.summary",
    "总表收支平衡",
    kinds=FINAL + BUDGET,
    rationale="""The 收入支出决算总表 and 财政拨款收入支出决算总表 (and the budget 收支总表) balance:
    本年收入合计 is the sum of the income items; 总计 = 本年收入合计 + 使用非财政拨款结余 +
    年初结转和结余 on the income side and 本年支出合计 + 结余分配 + 年末结转和结余 on the
    expenditure side; 本年支出合计 is the sum of the expenditure lines; both 总计 are equal.""",
)
def summary_balance(disclosure: Disclosure, ctx: CheckContext) -> Iterator[Finding | None]:
    for table in disclosure.tables:
        if table.id not in SUMMARY_TABLES:
            continue
        income, expenditure = _side(table, "income"), _side(table, "expenditure")
        by_key_in = {r.key: r for r in income if r.key}
        by_key_out = {r.key: r for r in expenditure if r.key}
        items, fiscal_parts = _nest_fiscal(
            _top_level([r for r in _before(income, "total_income") if r.key in INCOME_ITEMS or _unknown_item(r)])
        )
        known_items = not any(_unknown_item(r) for r in items)  # an item we cannot name may be a part
        if known_items:
            yield from _sum_check(ctx, table, by_key_in.get("total_income"), items, "应等于各项收入之和")
        if fiscal_parts:
            yield from _sum_check(ctx, table, by_key_in.get("fiscal"), fiscal_parts, "应等于其分项之和")
        lines = [r for r in expenditure if r.code] or [r for r in expenditure if r.key in EXPENDITURE_ITEMS]
        if not any(_unknown_item(r) for r in _before(expenditure, "total_expenditure")):
            yield from _sum_check(ctx, table, by_key_out.get("total_expenditure"), lines, "应等于各项支出之和")
        opening_parts = [r for r in income if r.key and r.key.startswith("opening_balance.")]
        yield from _sum_check(ctx, table, by_key_in.get("opening_balance"), opening_parts, "应等于其分项之和")
        if "total_income" in by_key_in:
            # items printed between 本年收入合计 and 总计 (上级补助收入 in some templates) add to it
            current = [by_key_in["total_income"], *_after_total(income)]
        else:
            current = items if known_items else []  # no 本年收入合计 row: its items count directly
        parts_in = current + [by_key_in[k] for k in summary_items.INCOME_CARRY_OVER if k in by_key_in]
        if current:
            yield from _grand_total_check(
                ctx,
                table,
                by_key_in.get("grand_total"),
                parts_in,
                _grand_total_what(current, by_key_in),
                items if known_items else [],
            )
        parts_out = [
            by_key_out[k] for k in ("total_expenditure", *summary_items.EXPENDITURE_CARRY_OVER) if k in by_key_out
        ]
        what_out = "应等于本年支出合计 + 结余分配 + 年末结转和结余" + _local_carry_over(by_key_out)
        classes = [r for r in lines if r.code and len(r.code) == 3]
        if "total_expenditure" not in by_key_out and classes and not any(_unknown_item(r) for r in expenditure):
            # no 本年支出合计 row (湖州 04): the function classes count directly
            parts_out = classes + parts_out
            what_out = "应等于各类支出之和 + 结余分配 + 年末结转和结余"
        yield from _grand_total_check(ctx, table, by_key_out.get("grand_total"), parts_out, what_out, lines)
        yield from _fund_columns(ctx, table, expenditure)
        total_in, total_out = by_key_in.get("grand_total"), by_key_out.get("grand_total")
        if total_in and total_out:
            found = total_out.values.get("total") or total_out.values.get("amount")
            expected = total_in.values.get("amount") or total_in.values.get("total")
            if found and expected:
                yield compare(
                    ctx,
                    found=found,
                    terms=[Term(expected, 1, "收入总计")],
                    what="支出总计应等于收入总计",
                    table=table,
                    row=total_out,
                    row_label=f"支出：{total_out.name.replace(' ', '')}",
                    column=table.column_labels.get("total" if "total" in total_out.values else "amount"),
                )


def _grand_total_check(
    ctx: CheckContext, table: Table, total: Row | None, parts: list[Row], what: str, items: list[Row]
) -> Iterator[Finding | None]:
    """总计 = the year's total + carry-over; when it misses that by more than rounding but equals
    the side's items + carry-over, it was added up from the rounded items: a rounding notice."""
    if total is None:
        return
    for column, finding in zip(list(total.values), _sum_check(ctx, table, total, parts, what), strict=True):
        # the year's total with the side's items, each carry-over line by itself
        subtotals = [
            (
                p.values[column],
                [r.values[column] for r in items if column in r.values]
                if p.key in ("total_income", "total_expenditure")
                else [p.values[column]],
            )
            for p in parts
            if column in p.values
        ]
        yield added_up_from_leaves(ctx, finding, total.values.get(column), subtotals if items else [], "各项及结转")


_CN_ORDINAL = re.compile(r"^\s*[一二三四五六七八九十]+\s*[、.．]")
_ANY_ORDINAL = re.compile(r"^\s*(?:[一二三四五六七八九十]+\s*[、.．]|[（(]?\d+[)）]?\s*[、.．)）])")


def _before(rows: list[Row], total_key: str) -> list[Row]:
    """The rows printed before the side's total (what follows it is carry-over and totals)."""
    out: list[Row] = []
    for row in rows:
        if row.key == total_key:
            if out:  # a total printed first ("一、本年收入") heads the items below it instead
                break
            continue
        out.append(row)
    return out


def _top_level(rows: list[Row]) -> list[Row]:
    """ "一、财政拨款" with "1.一般公共预算拨款" under it: only the 一、二、三 items are summed."""
    top = [r for r in rows if _CN_ORDINAL.match(r.name)]
    return top if top and len(top) < len(rows) else rows


FISCAL_FUNDS = ("fiscal_general_budget", "fiscal_gov_fund", "fiscal_state_capital")


def _nest_fiscal(rows: list[Row]) -> tuple[list[Row], list[Row]]:
    """ "财政拨款" with "1.一般公共预算拨款 / 2.政府性基金预算拨款" printed under it: the funds are its
    parts, not further income items. Returns (items, the fiscal row's parts)."""
    out: list[Row] = []
    parts: list[Row] = []
    under_fiscal = False
    for row in rows:
        if row.key == "fiscal":
            under_fiscal = True
            out.append(row)
        elif under_fiscal and row.key in FISCAL_FUNDS:
            parts.append(row)
        else:
            under_fiscal = False
            out.append(row)
    return out, parts


def _after_total(income: list[Row]) -> list[Row]:
    """Income items printed after 本年收入合计 (when it closes its items) and before 总计."""
    out: list[Row] = []
    seen_items = seen_total = False
    for row in income:
        if row.key == "total_income":
            if not seen_items:
                return []  # "一、本年收入" heads the items below it
            seen_total = True
        elif row.key == "grand_total" or row.key in summary_items.INCOME_CARRY_OVER:
            if seen_total:
                break
        elif seen_total and row.key in INCOME_ITEMS:
            out.append(row)
        else:
            seen_items = True
    return out


def _grand_total_what(current: list[Row], by_key: dict[str, Row]) -> str:
    if len(current) == 1 and current[0].key == "total_income":
        names = ["本年收入合计"]
    else:
        names = [strip_ordinal(r.name).replace(" ", "") or (r.key or "") for r in current]
    names += ["使用非财政拨款结余", "年初结转和结余"]
    return "应等于" + " + ".join(names) + _local_carry_over(by_key)


_LOCAL_CARRY_OVER = ("account_balance", "account_unallocated")


def _local_carry_over(by_key: dict[str, Row]) -> str:
    """ " + 上年实户资金余额": a local carry-over line the side prints, named as printed."""
    return "".join(f" + {strip_ordinal(by_key[k].name).replace(' ', '')}" for k in _LOCAL_CARRY_OVER if k in by_key)


def _unknown_item(row: Row) -> bool:
    """A numbered item with an amount that is neither a known item nor a function class."""
    return (
        row.key is None
        and row.code is None
        and bool(_ANY_ORDINAL.match(row.name))
        and any(v.amount != 0 for v in row.values.values())
    )


def _fund_columns(ctx: CheckContext, table: Table, expenditure: list[Row]) -> Iterator[Finding | None]:
    """财政拨款总表: in each expenditure row 合计 = 一般公共预算 + 政府性基金 + 国有资本经营."""
    if "total" not in table.columns:
        return  # 01 and the budget 收支总表 have one amount column
    for row in expenditure:
        found = row.values.get("total")
        terms = [Term(row.values[f], 1, table.column_labels[f]) for f in FUNDS if f in row.values]
        yield compare(
            ctx,
            found=found,
            terms=terms,
            what=f"{row.name.strip()}：合计应等于 {describe_terms(terms)}",
            table=table,
            row=row,
            row_label=f"支出：{row.name.replace(' ', '')}",
            column=table.column_labels["total"],
        )


PERSONNEL = ("301", "303")
PUBLIC_USE = ("302", "307", "309", "310", "311", "312", "313", "399")


@rule(
    "identity.basic-composition",
    "人员经费、公用经费构成",
    kinds=FINAL,
    rationale="""In the 一般公共预算财政拨款基本支出决算表, 人员经费合计 = 301 工资福利支出 + 303
    对个人和家庭的补助, and 公用经费合计 = 302 商品和服务支出 + 307 债务利息及费用支出 + 310 资本性
    支出 + 399 其他支出 (and other 类 printed on the 公用经费 side).""",
)
def basic_composition(disclosure: Disclosure, ctx: CheckContext) -> Iterator[Finding | None]:
    for table in disclosure.tables_by_id("final.general_budget_basic"):
        for total_key, codes, label in (
            ("personnel_total", PERSONNEL, "人员经费合计"),
            ("public_total", PUBLIC_USE, "公用经费合计"),
        ):
            total = table.find(key=total_key)
            if total is None or "amount" not in total.values:
                continue
            parts = [r for r in table.rows if r.code in codes and "amount" in r.values]
            terms = [Term(r.values["amount"], 1, r.code or "") for r in parts]
            if not terms:
                continue
            yield compare(
                ctx,
                found=total.values["amount"],
                terms=terms,
                what=f"{label}应等于 {describe_terms(terms)}",
                table=table,
                row=total,
                column=table.column_labels["amount"],
            )
