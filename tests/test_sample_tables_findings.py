"""Table-rule errors on the samples, each checked by hand against the rendered page.

False alarms that were fixed are pinned by the cells whose extraction or mapping caused them (and
by the absence of the error); the real inconsistencies are pinned as findings. Page numbers are
PDF pages (`pdftoppm -f N -l N`), not the page numbers printed in the footer.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from conftest import SHARED, load_disclosure, value
from yjsgk.check import check

SAMPLES = SHARED / "samples" / "renwu"
SZ_TRANSPORT = SAMPLES / "003_深圳/2026年深圳市交通运输局部门预算.pdf"
SZ_HRSS = SAMPLES / "003_深圳/2026年深圳市人力资源和社会保障局部门预算.pdf"
HZ_TRANSPORT = SAMPLES / "008_杭州/2026年杭州市交通运输局部门预算.pdf"
WX_TRANSPORT = SAMPLES / "014_无锡/2026年无锡市交通运输局部门预算.pdf"
YT_TRANSPORT = SAMPLES / "025_烟台/2026年烟台市交通运输局部门预算.pdf"
YT_HRSS = SAMPLES / "025_烟台/2026年烟台市人力资源和社会保障局部门预算.pdf"

D = Decimal
FS = "budget.fiscal_summary"
INC = "budget.income"

CELLS = [
    # 深圳交通 财政拨款收支总表: "财政拨款" (no ordinal) with 1./2./3. funds under it (p.37); the
    # funds are its parts, not more income items (本年收入合计 was expected at twice its value)
    (SZ_TRANSPORT, FS, "amount", "income:fiscal", "388561.78"),  # p.37
    (SZ_TRANSPORT, FS, "amount", "income:fiscal_general_budget", "384396.78"),  # p.37
    (SZ_TRANSPORT, FS, "amount", "income:fiscal_gov_fund", "4165.00"),  # p.37
    (SZ_TRANSPORT, FS, "amount", "income:fiscal_state_capital", "0.00"),  # p.37 "3.国有资本经营预算拨款"
    (SZ_TRANSPORT, FS, "amount", "income:total_income", "388561.78"),  # p.39
    (SZ_TRANSPORT, FS, "amount", "income:opening_balance", "201.78"),  # p.39 上年结余、结转
    (SZ_TRANSPORT, FS, "amount", "income:opening_balance.general_budget", "201.78"),  # p.39 1.…结余、结转
    (SZ_TRANSPORT, FS, "amount", "income:opening_balance.gov_fund", "0.00"),  # p.39
    (SZ_TRANSPORT, FS, "amount", "income:grand_total", "388763.56"),  # p.39
    (SZ_HRSS, FS, "amount", "income:fiscal", "533162.27"),  # p.160
    (SZ_HRSS, FS, "amount", "income:fiscal_general_budget", "533162.27"),  # p.160
    (SZ_HRSS, FS, "amount", "income:total_income", "533162.27"),  # p.163
    (SZ_HRSS, FS, "amount", "income:opening_balance.general_budget", "2582.06"),  # p.163
    (SZ_HRSS, FS, "amount", "income:grand_total", "535744.34"),  # p.163
    # 杭州 表4 prints no 本年收入合计: 收入总计 = 一、财政拨款 + 二、上年结转结余 (p.28–29)
    (HZ_TRANSPORT, FS, "amount", "income:fiscal", "636376.38"),  # p.28
    (HZ_TRANSPORT, FS, "amount", "income:opening_balance", "17858.84"),  # p.28
    (HZ_TRANSPORT, FS, "amount", "income:grand_total", "654235.22"),  # p.29
    # 杭州 表2: 总计 includes 上年结转结余; 本年收入/小计 is the 总表's 本年收入合计 (p.24)
    (HZ_TRANSPORT, INC, "total", "key:total", "665964.37"),
    (HZ_TRANSPORT, INC, "current_total", "key:total", "648105.52"),
    (HZ_TRANSPORT, INC, "general_budget", "key:total", "414883.38"),
    (HZ_TRANSPORT, INC, "gov_fund", "key:total", "221493.00"),
    (HZ_TRANSPORT, INC, "business", "key:total", "9680.97"),
    (HZ_TRANSPORT, INC, "other", "key:total", "2048.18"),
    (HZ_TRANSPORT, INC, "opening_balance", "key:total", "17858.84"),  # 上年结转结余/小计
    # 无锡 公开04表 "（三）国有资本经营预算拨款" 32,640.00 was not recognized as an item (p.18)
    (WX_TRANSPORT, FS, "amount", "income:total_income", "372917.67"),
    (WX_TRANSPORT, FS, "amount", "income:fiscal_general_budget", "196278.67"),
    (WX_TRANSPORT, FS, "amount", "income:fiscal_gov_fund", "143999.00"),
    (WX_TRANSPORT, FS, "amount", "income:fiscal_state_capital", "32640.00"),
    # 无锡 公开02表: amounts wrapped inside narrow cells ("143,999.0" / "0") (p.15)
    (WX_TRANSPORT, INC, "total", "key:total", "984760.87"),
    (WX_TRANSPORT, INC, "current_total", "key:total", "984760.87"),
    (WX_TRANSPORT, INC, "gov_fund", "key:total", "143999.00"),
    (WX_TRANSPORT, INC, "state_capital", "key:total", "32640.00"),
    (WX_TRANSPORT, INC, "other", "key:total", "611843.20"),
    # 烟台 公开表2: one table over three pages; 使用非财政拨款结余 is not 财政拨款收入 (p.9–11)
    (YT_TRANSPORT, INC, "total", "key:total", "45761.72"),  # p.9
    (YT_TRANSPORT, INC, "fiscal", "key:total", "39748.67"),  # p.9 财政拨款收入/小计
    (YT_TRANSPORT, INC, "general_budget", "key:total", "39664.33"),  # p.9
    (YT_TRANSPORT, INC, "gov_fund", "key:total", "80.34"),  # p.9
    (YT_TRANSPORT, INC, "state_capital", "key:total", "4.00"),  # p.9
    (YT_TRANSPORT, INC, "other", "key:total", "6013.05"),  # p.9
    (YT_TRANSPORT, INC, "total", "code:2101199", "512.60"),  # p.10, first row of the page
    (YT_TRANSPORT, INC, "total", "code:214", "34960.28"),  # p.10
    (YT_TRANSPORT, INC, "other", "code:2140106", "6001.00"),  # p.10 公路养护
    (YT_TRANSPORT, INC, "total", "code:2210201", "2196.37"),  # p.11: 项 "01" under 221/02 of p.10
    (YT_HRSS, INC, "total", "key:total", "191394.79"),  # p.9
    (YT_HRSS, INC, "fiscal", "key:total", "191195.79"),  # p.9
    (YT_HRSS, INC, "general_budget", "key:total", "191114.39"),  # p.9
    (YT_HRSS, INC, "state_capital", "key:total", "81.40"),  # p.9
    (YT_HRSS, INC, "other", "key:total", "26.00"),  # p.9
    (YT_HRSS, INC, "higher_subsidy", "key:total", "173.00"),  # p.9
    (YT_HRSS, INC, "total", "code:20826", "38000.00"),  # p.10
    # 烟台 公开表1 prints 上级补助收入 below 本年收入合计; 收入总计 includes it (p.8)
    (YT_HRSS, "budget.summary", "amount", "income:total_income", "191221.79"),
    (YT_HRSS, "budget.summary", "amount", "income:higher_subsidy", "173.00"),
    (YT_HRSS, "budget.summary", "amount", "income:grand_total", "191394.79"),
]


@pytest.mark.parametrize("path, table_id, column, locator, expected", CELLS, ids=lambda v: str(v)[-24:])
def test_cells(path, table_id, column, locator, expected):
    assert value(load_disclosure(path), table_id, column, locator) == D(expected)


def test_blank_cells_stay_blank():
    # 杭州 表2 合计 row: 国有资本经营预算 and 上级补助收入 are printed empty (p.24)
    d = load_disclosure(HZ_TRANSPORT)
    assert value(d, INC, "state_capital", "key:total") is None
    assert value(d, INC, "higher_subsidy", "key:total") is None


@pytest.mark.parametrize("path", [YT_TRANSPORT, YT_HRSS])
def test_income_table_over_pages_is_one_table(path):
    assert len(load_disclosure(path).tables_by_id(INC)) == 1


def _table_errors(path):
    return sorted(
        (f.rule, f.table, f.expected, f.found)
        for f in check(load_disclosure(path))
        if f.severity == "error" and f.rule.split(".")[0] in ("sum", "balance", "cross", "identity")
    )


@pytest.mark.parametrize("path", [SZ_TRANSPORT, SZ_HRSS, WX_TRANSPORT, YT_TRANSPORT, YT_HRSS])
def test_no_table_errors(path):
    assert _table_errors(path) == []


def test_hangzhou_real_inconsistencies():
    assert _table_errors(HZ_TRANSPORT) == sorted(
        [
            # 表1 p.22: 一般公共服务支出 printed 6651.38 while its items are 1.98 + 6,700.00 (表4 p.28
            # prints 6,701.98); the 类 rows add to 665,913.77, 本年支出合计 (p.23) is 665,964.37
            ("balance.summary", "budget.summary", D("665913.77"), D("665964.37")),
            # 表5 p.30 合计 基本支出/小计 82,479.29 (≠ 人员经费 67,627.51 + 日常公用 14,902.37);
            # 表6 p.32 合计 82,529.89
            ("cross.table", "budget.general_budget_basic", D("82479.29"), D("82529.89")),
            # the same 表5 rows in themselves: 基本支出/小计 ≠ 人员经费 + 日常公用支出 (合计; 交通运输支出 and
            # 公路水路运输 print 51,417.49 over 41,277.20 + 10,190.89)
            ("identity.row", "budget.general_budget_expenditure", D("82529.88"), D("82479.29")),
            ("identity.row", "budget.general_budget_expenditure", D("51468.09"), D("51417.49")),
            ("identity.row", "budget.general_budget_expenditure", D("51468.09"), D("51417.49")),
        ]
    )
