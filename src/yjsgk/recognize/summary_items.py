"""The items of a two-sided 总表 and how a printed row is named as one."""

from __future__ import annotations

import re

from ..definitions import function_class_by_name
from ..document import Cell, Location
from ..model import Row, Value
from ..textnorm import key, strip_ordinal
from .cells import TOTAL_NAMES, cell_value, tidy

INCOME_ITEMS = {
    "fiscal_general_budget": [
        "一般公共预算财政拨款收入",
        "一般公共预算财政拨款",
        "一般公共预算拨款收入",
        "一般公共预算收入",
        "一般公共预算拨款",
        "一般公共预算",
    ],
    "fiscal_gov_fund": [
        "政府性基金预算财政拨款收入",
        "政府性基金预算财政拨款",
        "政府性基金预算拨款收入",
        "政府性基金收入",
        "政府性基金预算拨款",
        "政府性基金预算",
        "政府性基金拨款",
        "政府性基金",
        "政府性基金预算收入",
    ],
    "fiscal_state_capital": [
        "国有资本经营预算财政拨款收入",
        "国有资本经营预算财政拨款",
        "国有资本经营预算拨款收入",
        "国有资本经营预算收入",
        "国有资本经营预算拨款",
        "国有资本经营预算",
    ],
    "fiscal": ["本级财政拨款收入", "财政拨款收入", "财政拨款", "预算拨款"],
    "special_account_business": ["财政专户管理事业收入", "财政专户管理资金收入", "财政专户管理资金", "财政专户拨款"],
    "unit_funds": ["单位资金", "单位资金收入", "其他资金"],  # 其他资金: 事业、经营、其他收入 and loans
    "higher_subsidy": ["上级补助收入"],
    "business": ["事业收入", "事业收入（不含教育收费）"],
    "operating": ["经营收入", "事业单位经营服务收入", "事业单位经营收入"],
    "subordinate": ["附属单位上缴收入"],
    "other": ["其他收入", "其它收入"],
    # 西安 heads the items with "一、部门预算" (财政拨款收支总表: "一、财政拨款", the fiscal item)
    "total_income": ["本年收入合计", "本年收入", "收入合计", "当年收入小计", "当年收入", "部门预算"],
    "use_non_fiscal_balance": ["使用非财政拨款结余", "用事业基金弥补收支差额", "使用非财政拨款结余含专用结余"],
    "opening_balance": [
        "年初结转和结余",
        "年初财政拨款结转和结余",
        "上年结转",
        "上年结转结余",
        "上年结转和结余",
        "上年结余结转",
        "上年结余",
        "上年结转资金",
    ],
    # 西安: the balance of the units' own bank accounts (实户资金) carried over, beside 上年结转
    "account_balance": ["上年实户资金余额", "实户资金余额"],
    "grand_total": ["总计", "收入总计"],
}
EXPENDITURE_ITEMS = {
    "basic": ["基本支出", "人员经费和公用经费支出"],  # 西安's names for 基本支出 and 项目支出
    "project": ["项目支出", "专项业务经费支出"],
    "operating": ["事业单位经营支出", "经营支出"],
    "to_subordinate": ["对附属单位补助支出", "对附属单位的补助支出"],
    "to_higher": ["上缴上级支出"],
    "reserve": ["单位预留机动经费"],
    # "一、部门预算" / "一、财政拨款" heading each 西安 breakdown: all of the year's spending
    "total_expenditure": ["本年支出合计", "本年支出", "支出合计", "当年支出小计", "当年支出", "部门预算", "财政拨款"],
    "balance_distribution": ["结余分配"],
    "closing_balance": [
        "年末结转和结余",
        "年末财政拨款结转和结余",
        "结转下年",
        "年末结转结余",
        "结转结余下年",
        "结转下年资金",
        "结转下年支出",
        "年终结转结余",
    ],
    # 西安: what of the 实户资金 is not spent this year, beside 结转下年
    "account_unallocated": ["未安排支出的实户资金", "未安排支出实户资金"],
    "grand_total": ["总计", "支出总计"],
}
# what the 总计 adds to the year's total on each side: carry-over lines, national and local
INCOME_CARRY_OVER = ("use_non_fiscal_balance", "opening_balance", "account_balance")
EXPENDITURE_CARRY_OVER = ("balance_distribution", "closing_balance", "account_unallocated")
SIDE_TOTAL = {"income": "total_income", "expenditure": "total_expenditure"}
_BARE_TOTALS = {"合计", "收入合计", "支出合计"}
# the totals and the carry-over lines printed after the items (what a 本年合计 does not sum)
TOTALS_AND_CARRY_OVER = frozenset(
    {
        "total_income",
        "total_expenditure",
        "use_non_fiscal_balance",
        "opening_balance",
        "balance_distribution",
        "closing_balance",
        "account_balance",
        "account_unallocated",
        "grand_total",
    }
)
FUND_KEYS = {
    "fiscal_general_budget": "general_budget",
    "fiscal_gov_fund": "gov_fund",
    "fiscal_state_capital": "state_capital",
}


def _item_index(items: dict[str, list[str]]) -> dict[str, str]:
    return {key(alias): item for item, aliases in items.items() for alias in aliases}


_INCOME_INDEX = _item_index(INCOME_ITEMS)
_EXPENDITURE_INDEX = _item_index(EXPENDITURE_ITEMS)
_CARRY_SUFFIX = re.compile(r"(?:结转|结余|和|及)+$")


def summary_row(side: str, cells: list[Cell], positions: dict[int, str], where: Location, state: dict) -> Row | None:
    if not cells:
        return None
    name = tidy(cells[0].text)
    values: dict[str, Value] = {}
    for pos, column in positions.items():
        if pos < len(cells):
            value = cell_value(cells[pos])
            if value is not None:
                values[column] = value
    if not key(name) and not values:
        return None
    location = cells[0].location if key(name) else where
    row = Row(name=name, location=location, side=side, values=values)
    item_key = key(strip_ordinal(name))
    if side == "expenditure" and (code := function_class_by_name().get(item_key)):
        row.code = code
        return row
    index = _INCOME_INDEX if side == "income" else _EXPENDITURE_INDEX
    item = index.get(item_key)
    if item is None and state[side] in ("opening_balance", "closing_balance"):
        # "1.一般公共预算拨款结余、结转" under 上年结余、结转: the fund's part of the carry-over
        item = index.get(_CARRY_SUFFIX.sub("", item_key))
        if item not in FUND_KEYS:
            item = None
    if item is None and item_key.endswith("资金"):
        item = index.get(item_key[:-2])  # 一般公共预算资金, 事业收入资金: the source, named as funds
    if item is None and item_key in TOTAL_NAMES:
        item = SIDE_TOTAL[side]  # a bare 合计: the year's total (or, after the carry-over, the grand total below)
    if item == SIDE_TOTAL[side] and item_key in _BARE_TOTALS and state[side] in ("opening_balance", "closing_balance"):
        item = "grand_total"  # 收入合计 after 上年结转 adds the carry-over: it is the grand total
    if item in ("opening_balance", "closing_balance", "grand_total", "total_income", "total_expenditure"):
        state[side] = item
    elif item in FUND_KEYS and state[side] in ("opening_balance", "closing_balance"):
        item = f"{state[side]}.{FUND_KEYS[item]}"
    row.key = item
    return row
