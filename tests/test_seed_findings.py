"""The table-arithmetic findings on the real documents, each verified by hand against the text.

Narrative, performance and completeness rules have their own seed tests; here only the rules
over the standard tables run (TABLE_RULES), so each family's findings are asserted once.

For every seed the complete set of errors and warnings is stated (so a new false alarm or a
lost finding fails), and every rounding notice is listed with its sums worked out below.
Line numbers are 1-based lines of the seed files in ../shared/seeds.
"""

from __future__ import annotations

from collections import Counter
from decimal import Decimal as D

import pytest

from conftest import EXAMPLES, SEED_FILES, TABLE_RULES, load_disclosure
from yjsgk.check import check


@pytest.fixture(scope="module")
def seed_findings():
    cache = {}

    def findings(name):
        if name not in cache:
            cache[name] = check(load_disclosure(SEED_FILES[name]), select=TABLE_RULES)
        return cache[name]

    return findings


def facts(f) -> tuple:
    """What a finance officer needs to find and judge the finding."""
    return (
        f.rule,
        f.severity,
        f.table,
        f.row,
        f.column,
        f.expected,
        f.found,
        f.difference,
        f.location.line if f.location else None,
    )


def F(rule, severity, table, row, column, expected, found, difference, line) -> tuple:
    dec = lambda x: None if x is None else D(x)  # noqa: E731
    return (rule, severity, table, row, column, dec(expected), dec(found), dec(difference), line)


def of_severity(findings, severity: str) -> list[tuple]:
    return sorted((facts(f) for f in findings if f.severity == severity), key=repr)


def bound_of(finding) -> D:
    """The rounding bound the notice states: “在尾数误差范围（±0.035）内”."""
    return D(finding.message.rsplit("（±", 1)[1].split("）", 1)[0].replace(",", ""))


# -- errors: the complete set per seed ---------------------------------------------------------

SEED_ERRORS = {
    "000": [],
    "001": [],
    "002": [
        # 03 line 157: 2010399 prints 本年支出合计 76.21 but 基本支出 49.06 + 项目支出 76.21 (= 125.27):
        # the 基本支出 of 2010301 (line 156) was copied into 2010399, whose 基本支出 is 0.00 in 05 (line 224).
        F(
            "identity.row",
            "error",
            "final.expenditure",
            "2010399 其他政府办公厅（室）及相关机构事务支出",
            "本年支出合计",
            "125.27",
            "76.21",
            "-49.06",
            157,
        ),
        # and so 20103 (line 155) 基本支出 49.06 ≠ 2010301 49.06 + 2010399 49.06 = 98.12
        F(
            "sum.hierarchy",
            "error",
            "final.expenditure",
            "20103 政府办公厅（室）及相关机构事务",
            "基本支出",
            "98.12",
            "49.06",
            "-49.06",
            155,
        ),
    ],
    "003": [],
    "004": [],
}


@pytest.mark.parametrize("name", sorted(SEED_FILES))
def test_errors_are_exactly_the_real_inconsistencies(seed_findings, name):
    assert of_severity(seed_findings(name), "error") == sorted(SEED_ERRORS[name], key=repr)


# -- warnings ------------------------------------------------------------------------------------

SEED_WARNINGS = {
    "000": [],
    "001": [],
    "002": [
        # 02 line 134: 20103 prints “125,27” in 本年收入合计 and 财政拨款收入 (decimal comma)
        F(
            "format.number",
            "warning",
            "final.income",
            "20103 政府办公厅（室）及相关机构事务",
            "本年收入合计",
            None,
            "125.27",
            None,
            134,
        ),
        F(
            "format.number",
            "warning",
            "final.income",
            "20103 政府办公厅（室）及相关机构事务",
            "财政拨款收入",
            None,
            "125.27",
            None,
            134,
        ),
        # 02 line 135: 2010301 prints 49.06 in 本年收入合计 but “49,06” in 财政拨款收入
        F("format.number", "warning", "final.income", "2010301 行政运行", "财政拨款收入", None, "49.06", None, 135),
    ],
    "003": [],
    "004": [],  # plus the name warning below
}

# codes printed with two names: 004 02 line 114 “其他政府办公厅(室)及相关机构事务” while 03 line 134
# and 05 line 182 print the official “其他政府办公厅（室）及相关机构事务支出”
SEED_NAME_WARNINGS = {"000": [], "001": [], "002": [], "003": [], "004": ["2010399"]}


@pytest.mark.parametrize("name", sorted(SEED_FILES))
def test_warnings_are_exactly_the_real_problems(seed_findings, name):
    findings = seed_findings(name)
    warnings = [f for f in findings if f.severity == "warning" and f.rule != "name.same-code"]
    assert sorted(map(facts, warnings), key=repr) == sorted(SEED_WARNINGS[name], key=repr)
    names = [f for f in findings if f.rule == "name.same-code"]
    assert [f.row.split()[0] for f in names] == SEED_NAME_WARNINGS[name]
    assert all(f.severity == "warning" for f in names)


def test_seed_004_name_warning_names_both_printed_names(seed_findings):
    (finding,) = [f for f in seed_findings("004") if f.rule == "name.same-code"]
    assert "其他政府办公厅(室)及相关机构事务”" in finding.message
    assert "其他政府办公厅（室）及相关机构事务支出”" in finding.message


# -- notices: genuine rounding differences -----------------------------------------------------

# (facts, stated bound). The bound is 0.005 per printed figure involved (the total and each
# printed term; blank cells are no figure). Every sum below was redone from the seed text.
SEED_NOTICES = {
    "000": [
        # 01 line 193ff: 本年支出合计 23,717.76; 7,239.35 + 105.26 + 75.43 + 16,234.84 + 1.64 + 61.25 = 23,717.77
        (
            F(
                "balance.summary",
                "notice",
                "final.summary",
                "支出：本年支出合计",
                "决算数",
                "23717.77",
                "23717.76",
                "-0.01",
                198,
            ),
            "0.035",
        ),
        # 03 合计 line 727: the six 类 rows give 23,717.77 (本年支出合计) and 5,254.57 + 16,234.84 = 21,489.41 (项目支出)
        (
            F(
                "sum.total-row",
                "notice",
                "final.expenditure",
                "合计",
                "本年支出合计",
                "23717.77",
                "23717.76",
                "-0.01",
                728,
            ),
            "0.035",
        ),
        (
            F("sum.total-row", "notice", "final.expenditure", "合计", "项目支出", "21489.41", "21489.40", "-0.01", 730),
            "0.015",
        ),
        # 03 201 基本支出 1,984.78; 1,128.47 + 844.06 + 6.23 + 6.03 = 1,984.79 (20199 blank)
        (
            F(
                "sum.hierarchy",
                "notice",
                "final.expenditure",
                "201 一般公共服务支出",
                "基本支出",
                "1984.79",
                "1984.78",
                "-0.01",
                738,
            ),
            "0.025",
        ),
        # 03 20105 and 2010504: 5,908.43 ≠ 844.06 + 5,064.38 = 5,908.44
        (
            F(
                "identity.row",
                "notice",
                "final.expenditure",
                "20105 统计信息事务",
                "本年支出合计",
                "5908.44",
                "5908.43",
                "-0.01",
                782,
            ),
            "0.015",
        ),
        (
            F(
                "identity.row",
                "notice",
                "final.expenditure",
                "2010504 信息事务",
                "本年支出合计",
                "5908.44",
                "5908.43",
                "-0.01",
                791,
            ),
            "0.015",
        ),
        # 03 20138 6.03 (both columns); 2013801 3.13 + 2013802 2.91 = 6.04
        (
            F(
                "sum.hierarchy",
                "notice",
                "final.expenditure",
                "20138 市场监督管理事务",
                "本年支出合计",
                "6.04",
                "6.03",
                "-0.01",
                818,
            ),
            "0.015",
        ),
        (
            F(
                "sum.hierarchy",
                "notice",
                "final.expenditure",
                "20138 市场监督管理事务",
                "基本支出",
                "6.04",
                "6.03",
                "-0.01",
                819,
            ),
            "0.015",
        ),
        # 04 本年支出合计 23,694.80; 7,217.49 + 105.26 + 75.43 + 16,234.84 + 0.54 + 61.25 = 23,694.81
        (
            F(
                "balance.summary",
                "notice",
                "final.fiscal_summary",
                "支出：本年支出合计",
                "合计",
                "23694.81",
                "23694.80",
                "-0.01",
                1300,
            ),
            "0.035",
        ),
        (
            F(
                "balance.summary",
                "notice",
                "final.fiscal_summary",
                "支出：本年支出合计",
                "一般公共预算财政拨款",
                "23694.81",
                "23694.80",
                "-0.01",
                1301,
            ),
            "0.035",
        ),
        # 05: the same sums as 03 on the 一般公共预算 amounts
        (
            F(
                "sum.total-row",
                "notice",
                "final.general_budget_expenditure",
                "合计",
                "小计",
                "23694.81",
                "23694.80",
                "-0.01",
                1462,
            ),
            "0.035",
        ),
        (
            F(
                "sum.total-row",
                "notice",
                "final.general_budget_expenditure",
                "合计",
                "项目支出",
                "21489.41",
                "21489.40",
                "-0.01",
                1464,
            ),
            "0.015",
        ),
        # 05 201 基本支出 1,962.92; 1,106.61 + 844.06 + 6.23 + 6.03 = 1,962.93
        (
            F(
                "sum.hierarchy",
                "notice",
                "final.general_budget_expenditure",
                "201 一般公共服务支出",
                "基本支出",
                "1962.93",
                "1962.92",
                "-0.01",
                1469,
            ),
            "0.025",
        ),
        (
            F(
                "identity.row",
                "notice",
                "final.general_budget_expenditure",
                "20105 统计信息事务",
                "小计",
                "5908.44",
                "5908.43",
                "-0.01",
                1492,
            ),
            "0.015",
        ),
        (
            F(
                "identity.row",
                "notice",
                "final.general_budget_expenditure",
                "2010504 信息事务",
                "小计",
                "5908.44",
                "5908.43",
                "-0.01",
                1498,
            ),
            "0.015",
        ),
        (
            F(
                "sum.hierarchy",
                "notice",
                "final.general_budget_expenditure",
                "20138 市场监督管理事务",
                "小计",
                "6.04",
                "6.03",
                "-0.01",
                1516,
            ),
            "0.015",
        ),
        (
            F(
                "sum.hierarchy",
                "notice",
                "final.general_budget_expenditure",
                "20138 市场监督管理事务",
                "基本支出",
                "6.04",
                "6.03",
                "-0.01",
                1517,
            ),
            "0.015",
        ),
        # 06 301 1,171.04; its 13 printed 款 (30101 272.87 … 30199 0.84) add up to 1,171.03
        (
            F(
                "sum.hierarchy",
                "notice",
                "final.general_budget_basic",
                "301 工资福利支出",
                "决算数",
                "1171.03",
                "1171.04",
                "0.01",
                1714,
            ),
            "0.070",
        ),
        # 06 302 929.33; its 20 printed 款 (30201 57.75 … 30299 150.46) add up to 929.31
        (
            F(
                "sum.hierarchy",
                "notice",
                "final.general_budget_basic",
                "302 商品和服务支出",
                "决算数",
                "929.31",
                "929.33",
                "0.02",
                1717,
            ),
            "0.105",
        ),
    ],
    "001": [],
    "002": [
        # 06 line 236: 302 5.76; 1.15 + 1.40 + 0.06 + 0.72 + 2.22 + 0.23 (+ 21 款 at 0.00) = 5.78
        (
            F(
                "sum.hierarchy",
                "notice",
                "final.general_budget_basic",
                "302 商品和服务支出",
                "决算数",
                "5.78",
                "5.76",
                "-0.02",
                236,
            ),
            "0.140",
        ),
        # 06 line 264: 人员经费合计 43.30; 301 36.21 + 303 7.10 = 43.31
        (
            F(
                "identity.basic-composition",
                "notice",
                "final.general_budget_basic",
                "人员经费合计",
                "决算数",
                "43.31",
                "43.30",
                "-0.01",
                264,
            ),
            "0.015",
        ),
    ],
    "003": [],
    "004": [
        # 01 line 95: 总计 2,282.14; 2,267.91 + 14.22 = 2,282.13 and 2,277.76 + 4.37 = 2,282.13 (blank 使用非财政拨款结余, 结余分配)
        (
            F("balance.summary", "notice", "final.summary", "收入：总计", "决算数", "2282.13", "2282.14", "0.01", 95),
            "0.015",
        ),
        (
            F("balance.summary", "notice", "final.summary", "支出：总计", "决算数", "2282.13", "2282.14", "0.01", 95),
            "0.015",
        ),
        # 04 line 163: 总计 2,225.27; 2,211.04 + 14.22 = 2,225.26 and 2,225.24 + 0.02 = 2,225.26
        (
            F(
                "balance.summary",
                "notice",
                "final.fiscal_summary",
                "收入：总计",
                "金额",
                "2225.26",
                "2225.27",
                "0.01",
                163,
            ),
            "0.015",
        ),
        (
            F(
                "balance.summary",
                "notice",
                "final.fiscal_summary",
                "支出：总计",
                "合计",
                "2225.26",
                "2225.27",
                "0.01",
                163,
            ),
            "0.015",
        ),
        (
            F(
                "balance.summary",
                "notice",
                "final.fiscal_summary",
                "支出：总计",
                "一般公共预算财政拨款",
                "2225.26",
                "2225.27",
                "0.01",
                163,
            ),
            "0.015",
        ),
        # 06 line 199: 301 659.53; its 10 printed 款 add up to 659.54
        (
            F(
                "sum.hierarchy",
                "notice",
                "final.general_budget_basic",
                "301 工资福利支出",
                "决算数",
                "659.54",
                "659.53",
                "-0.01",
                199,
            ),
            "0.055",
        ),
        # 06 line 199: 302 579.76; its 18 printed 款 add up to 579.75
        (
            F(
                "sum.hierarchy",
                "notice",
                "final.general_budget_basic",
                "302 商品和服务支出",
                "决算数",
                "579.75",
                "579.76",
                "0.01",
                199,
            ),
            "0.095",
        ),
    ],
}


@pytest.mark.parametrize("name", sorted(SEED_FILES))
def test_rounding_notices(seed_findings, name):
    notices = [f for f in seed_findings(name) if f.severity == "notice"]
    assert len(notices) == len(SEED_NOTICES[name])
    assert sorted((facts(f), str(bound_of(f))) for f in notices) == sorted(SEED_NOTICES[name])


@pytest.mark.parametrize("name", sorted(SEED_FILES))
def test_every_notice_is_within_its_stated_bound(seed_findings, name):
    for f in seed_findings(name):
        if f.severity != "notice":
            continue
        figures = 1 + len(f.related)  # the printed total and each printed term
        assert bound_of(f) == D("0.005") * figures  # all seeds print two decimals
        assert f.difference == f.found - f.expected
        assert 0 < abs(f.difference) <= bound_of(f)


def test_documents_without_findings(seed_findings):
    # 001: performance self-evaluation only (no standard tables); 003: a budget whose tables all
    # agree (收支总表 5,073.08 = 基本 2,598.03 + 项目 2,475.05; 301 2,286.20, 302 271.17, 303 40.66)
    assert seed_findings("001") == []
    assert seed_findings("003") == []


# -- the bundled example against examples/MISTAKES.md -------------------------------------------

SAMPLE = EXAMPLES / "sample_final_accounts.txt"


@pytest.fixture(scope="module")
def sample_findings():
    return check(load_disclosure(SAMPLE), select=TABLE_RULES)


def test_sample_errors_are_the_listed_mistakes(sample_findings):
    assert of_severity(sample_findings, "error") == sorted(
        [
            # 1. 03 2010302: 160.36 ≠ 0.00 + 148.36 + 0 + 0 + 0
            F(
                "identity.row",
                "error",
                "final.expenditure",
                "2010302 一般行政管理事务",
                "本年支出合计",
                "148.36",
                "160.36",
                "12.00",
                140,
            ),
            # 2. 03 20103: 1,083.70 ≠ 612.48 + 160.36 + 322.86
            F(
                "sum.hierarchy",
                "error",
                "final.expenditure",
                "20103 政府办公厅（室）及相关机构事务",
                "本年支出合计",
                "1095.70",
                "1083.70",
                "-12.00",
                138,
            ),
            # 3. 01 expenditure 总计 1,879.13 ≠ income 总计 1,874.13, and
            # 4. ≠ 1,845.09 + 0.00 + 29.04
            F("balance.summary", "error", "final.summary", "支出：总计", "决算数", "1874.13", "1879.13", "5.00", 86),
            F("balance.summary", "error", "final.summary", "支出：总计", "决算数", "1874.13", "1879.13", "5.00", 86),
            # 6. 07 决算 用车小计 6.12 ≠ 0.00 + 5.12, and 7. 合计 6.96 ≠ 0.00 + 6.12 + 1.84
            F(
                "identity.row",
                "error",
                "final.three_public",
                "数据行",
                "决算数 公务用车购置及运行费 小计",
                "5.12",
                "6.12",
                "1.00",
                288,
            ),
            F("identity.row", "error", "final.three_public", "数据行", "决算数 合计", "7.96", "6.96", "-1.00", 288),
        ],
        key=repr,
    )
    totals = [f.message for f in sample_findings if f.rule == "balance.summary"]
    assert any("支出总计应等于收入总计" in m for m in totals)
    assert any("本年支出合计 + 结余分配 + 年末结转和结余" in m for m in totals)


def test_sample_decimal_comma(sample_findings):
    # 5. 05 line 224: 2080506 小计 “36,50”, read as 36.50 (every sum of 05 then holds)
    assert [facts(f) for f in sample_findings if f.rule == "format.number"] == [
        F(
            "format.number",
            "warning",
            "final.general_budget_expenditure",
            "2080506 机关事业单位职业年金缴费支出",
            "小计",
            None,
            "36.50",
            None,
            224,
        ),
    ]


def test_sample_name_mismatch(sample_findings):
    # 8. code 2010350: 02 (line 108) 事业单位运行, 03 (line 141) and 05 (line 218) 事业运行
    (finding,) = [f for f in sample_findings if f.rule == "name.same-code"]
    assert finding.severity == "warning"
    assert finding.row.split()[0] == "2010350"
    assert "“事业单位运行”" in finding.message and "“事业运行”" in finding.message


@pytest.mark.parametrize(
    ("path", "code", "table", "row", "line"),
    [
        # MISTAKES.md #6: the odd name is 02's 事业单位运行 (line 108); 03 and 05 print the official 事业运行
        (SAMPLE, "2010350", "final.income", "2010350 事业单位运行", 108),
        # seeds/004: 02 line 114 drops the 支出 of the official name that 03 (134) and 05 (182) print
        (SEED_FILES["004"], "2010399", "final.income", "2010399 其他政府办公厅(室)及相关机构事务", 114),
    ],
    ids=["sample", "seed-004"],
)
def test_name_mismatch_points_at_the_odd_name(path, code, table, row, line):
    """When three tables print a code and two agree, the third one is the misprint to show."""
    (finding,) = [
        f for f in check(load_disclosure(path), select=TABLE_RULES) if f.rule == "name.same-code" and code in f.row
    ]
    assert (finding.table, finding.row, finding.location.line) == (table, row, line)


def test_sample_rounding_notice(sample_findings):
    # 06 line 244: 302 printed 146.03, its 27 printed 款 add up to 146.04 (30299 printed 3.07);
    # bound 0.005 × (27 + 1) = 0.14
    notices = [f for f in sample_findings if f.severity == "notice"]
    assert [(facts(f), bound_of(f)) for f in notices] == [
        (
            F(
                "sum.hierarchy",
                "notice",
                "final.general_budget_basic",
                "302 商品和服务支出",
                "决算数",
                "146.04",
                "146.03",
                "-0.01",
                244,
            ),
            D("0.14"),
        ),
    ]


def test_sample_has_nothing_else(sample_findings):
    # thousands separators (02 合计 1,826.63), blank cells in 01/04, the empty 08/09 with their
    # 本表无数据 notes and 06 30217 1.26 ≤ 07 1.84, 30231 4.35 ≤ 5.12 are not mistakes
    assert Counter(f.rule for f in sample_findings) == Counter(
        {"identity.row": 3, "balance.summary": 2, "sum.hierarchy": 2, "format.number": 1, "name.same-code": 1}
    )
    assert Counter(f.severity for f in sample_findings) == Counter({"error": 6, "warning": 2, "notice": 1})
