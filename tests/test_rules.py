"""Every rule of the catalogue on small disclosures written out as text.

Each disclosure is built as the tab-separated text of a real export (title line, 公开 0N 表,
部门, 单位, header rows, data rows; see seeds/002 lines 70–310) and goes through the real
pipeline: parse_text → recognize → check. The clean sample below satisfies every identity of
the domain notes, ../shared/docs/domain.md beside the checkout (the sums are worked out next to
the data); each failing case changes one or two printed cells and states the finding a finance
officer should get, value by value.
"""

from __future__ import annotations

from decimal import Decimal as D
from itertools import zip_longest

import pytest

import test_abstain  # noqa: F401  (the engine's recognize.suspect-table cases live there)
from conftest import ACROSS_DOCUMENTS, TABLE_RULES, VIOLATED, violates
from yjsgk.check import RULES, check
from yjsgk.read.text import parse_text
from yjsgk.recognize import recognize

DEPARTMENT = "示范市测试局"

# -- building the text of a disclosure ---------------------------------------------------------


def tsv(*cells: str) -> str:
    return "\t".join(cells)


def caption(title: str, number: str | None, unit: str = "万元") -> list[str]:
    lines = [title, ""]
    if number:
        lines += [f"公开 {number} 表", ""]
    return lines + [f"部门：{DEPARTMENT}", "", f"单位：{unit}", ""]


def note(text: str = "注：本套报表金额单位转换时可能存在尾数误差。") -> list[str]:
    return ["", text, ""]


def coded_rows(rows, width: int) -> list[str]:
    """(code or "合计", name, *amounts) → one tab row per table row, padded to `width` amounts."""
    out = []
    for code, name, *amounts in rows:
        amounts = list(amounts) + [""] * (width - len(amounts))
        if code == "合计":
            out.append(tsv("合计", "", *amounts))
        else:
            out.append(tsv(code, name, *amounts))
    return out


def income_02(rows) -> list[str]:
    """收入决算表: 本年收入合计, 财政拨款, 上级补助, 事业, 经营, 附属单位上缴, 其他收入."""
    return (
        caption("收入决算表", "02")
        + [
            tsv(
                "项 目",
                "",
                "本年收入合计",
                "财政拨款收入",
                "上级补助收入",
                "事业收入",
                "经营收入",
                "附属单位上缴收入",
                "其他收入",
            ),
            tsv("功能分类科目编码", "科目名称", *[""] * 7),
            tsv("栏次", "", *[str(i) for i in range(1, 8)]),
        ]
        + coded_rows(rows, 7)
        + note("注：本表反映部门本年度取得的各项收入情况。")
    )


def expenditure_03(rows) -> list[str]:
    """支出决算表: 本年支出合计, 基本, 项目, 上缴上级, 经营, 对附属单位补助."""
    return (
        caption("支出决算表", "03")
        + [
            tsv("项 目", "", "本年支出合计", "基本支出", "项目支出", "上缴上级支出", "经营支出", "对附属单位补助支出"),
            tsv("功能分类科目编码", "科目名称", *[""] * 6),
            tsv("栏次", "", *[str(i) for i in range(1, 7)]),
        ]
        + coded_rows(rows, 6)
        + note("注：本表反映部门本年度各项支出情况。")
    )


def general_budget_05(rows) -> list[str]:
    """一般公共预算财政拨款支出决算表: 本年支出 小计, 基本支出, 项目支出."""
    return (
        caption("一般公共预算财政拨款支出决算表", "05")
        + [
            tsv("项 目", "", "本年支出", "", ""),
            tsv("功能分类科目编码", "科目名称", "小计", "基本支出", "项目支出"),
            tsv("栏次", "", "1", "2", "3"),
        ]
        + coded_rows(rows, 3)
        + note("注：本表反映部门本年度一般公共预算财政拨款支出情况。")
    )


def gov_fund_08(rows) -> list[str]:
    """政府性基金预算财政拨款收入支出决算表: 年初, 本年收入, 本年支出 小计/基本/项目, 年末."""
    return (
        caption("政府性基金预算财政拨款收入支出决算表", "08")
        + [
            tsv("项 目", "", "年初结转和结余", "本年收入", "本年支出", "", "", "年末结转和结余"),
            tsv("功能分类科目编码", "科目名称", "", "", "小计", "基本支出", "项目支出", ""),
            tsv("栏次", "", *[str(i) for i in range(1, 7)]),
        ]
        + coded_rows(rows, 6)
        + note("注：本表无数据。" if not any(a for r in rows for a in r[2:]) else "注：本表反映政府性基金收支情况。")
    )


def summary_01(income, expenditure) -> list[str]:
    """收入支出决算总表: (item, 决算数) on each side, 行次 numbered like the printed form."""
    lines = caption("收入支出决算总表", "01") + [
        tsv("收入", "", "", "支出", "", ""),
        tsv("项 目", "行次", "决算数", "项 目", "行次", "决算数"),
        tsv("栏 次", "", "1", "栏 次", "", "2"),
    ]
    n = len(income)
    for i, (left, right) in enumerate(zip_longest(income, expenditure, fillvalue=("", "")), start=1):
        lines.append(
            tsv(left[0], str(i) if left[0] else "", left[1], right[0], str(n + i) if right[0] else "", right[1])
        )
    return lines + note("注：本表反映部门本年度的总收支和年末结转结余情况。")


def fiscal_summary_04(income, expenditure) -> list[str]:
    """财政拨款收入支出决算总表: income (item, 金额); expenditure (item, 合计, 一般公共预算, 基金, 国资)."""
    lines = caption("财政拨款收入支出决算总表", "04") + [
        tsv("收入", "", "", "支出", "", "", "", "", ""),
        tsv(
            "项 目",
            "行次",
            "金额",
            "项 目",
            "行次",
            "合计",
            "一般公共预算财政拨款",
            "政府性基金预算财政拨款",
            "国有资本经营预算财政拨款",
        ),
        tsv("栏 次", "", "1", "栏 次", "", "2", "3", "4", "5"),
    ]
    n = len(income)
    for i, (left, right) in enumerate(zip_longest(income, expenditure, fillvalue=None), start=1):
        left = left or ("", "")
        right = right or ("", "", "", "", "")
        lines.append(tsv(left[0], str(i), left[1], right[0], str(n + i), *right[1:]))
    return lines + note()


def basic_06(personnel, public, capital, personnel_total: str, public_total: str) -> list[str]:
    """一般公共预算财政拨款基本支出决算表: three side-by-side (code, name, 决算数) groups."""
    lines = caption("一般公共预算财政拨款基本支出决算表", "06") + [
        tsv(*["经济分类科目编码", "科目名称", "决算数"] * 3),
    ]
    for groups in zip_longest(personnel, public, capital, fillvalue=("", "", "")):
        lines.append(tsv(*[cell for group in groups for cell in group]))
    lines.append(tsv("人员经费合计", "", personnel_total, "公用经费合计", "", public_total))
    return lines + note("注：本表反映部门本年度一般公共预算财政拨款基本支出明细情况。")


def three_public_07(budget: list[str], final: list[str]) -> list[str]:
    """三公 table: 预算数 and 决算数, each 合计, 出国, 用车小计, 购置, 运行, 接待 (one data row)."""
    return (
        caption("一般公共预算财政拨款“三公”经费支出决算表", "07")
        + [
            tsv("预算数", "", "", "", "", "", "决算数", "", "", "", "", ""),
            tsv(*["合计", "因公出国（境）费", "公务用车购置及运行费", "", "", "公务接待费"] * 2),
            tsv(*["", "", "小计", "公务用车购置费", "公务用车运行费", ""] * 2),
            tsv(*[str(i) for i in range(1, 13)]),
            tsv(*budget, *final),
        ]
        + note()
    )


def document(*tables: list[str], year: int | None = 2023) -> str:
    cover = [f"{year}年度", DEPARTMENT, "部门决算", ""] if year else [DEPARTMENT, "部门决算", ""]
    lines = cover + ["第二部分", "", "部门决算表", ""]
    for table in tables:
        lines += table
    return "\n".join(lines) + "\n"


def disclosure(text: str):
    return recognize(parse_text(text, source="t.txt"))


def run(text: str):
    return check(disclosure(text))


def facts(finding) -> tuple:
    return (
        finding.rule,
        finding.severity,
        finding.table,
        finding.row,
        finding.column,
        finding.expected,
        finding.found,
        finding.difference,
    )


def F(rule, severity, table, row, column, expected=None, found=None, difference=None) -> tuple:
    """An expected finding, amounts as printed strings."""
    dec = lambda x: None if x is None else D(x)  # noqa: E731
    return (rule, severity, table, row, column, dec(expected), dec(found), dec(difference))


def assert_findings(text: str, *expected: tuple) -> list:
    """The findings are exactly these (in any order) — no more, no fewer."""
    findings = run(text)
    assert sorted(map(facts, findings), key=repr) == sorted(expected, key=repr)
    return findings


def line_of(text: str, fragment: str) -> int:
    """1-based number of the only line containing `fragment`."""
    hits = [i for i, line in enumerate(text.split("\n"), start=1) if fragment in line]
    assert len(hits) == 1, (fragment, hits)
    return hits[0]


# -- a consistent sample department (万元) ------------------------------------------------------
#
# 支出决算表 03: 2010301 300.00 = 300.00 + 0; 2010350 150.50 = 100.50 + 50.00; 20103 = 201 = 450.50
# (400.50 + 50.00); 2080505 = 20805 = 208 = 40.25; 合计 490.75 = 440.75 + 50.00.

EXP_03 = [
    ("合计", "", "490.75", "440.75", "50.00", "0.00", "0.00", "0.00"),
    ("201", "一般公共服务支出", "450.50", "400.50", "50.00", "0.00", "0.00", "0.00"),
    ("20103", "政府办公厅（室）及相关机构事务", "450.50", "400.50", "50.00", "0.00", "0.00", "0.00"),
    ("2010301", "行政运行", "300.00", "300.00", "0.00", "0.00", "0.00", "0.00"),
    ("2010350", "事业运行", "150.50", "100.50", "50.00", "0.00", "0.00", "0.00"),
    ("208", "社会保障和就业支出", "40.25", "40.25", "0.00", "0.00", "0.00", "0.00"),
    ("20805", "行政事业单位养老支出", "40.25", "40.25", "0.00", "0.00", "0.00", "0.00"),
    ("2080505", "机关事业单位基本养老保险缴费支出", "40.25", "40.25", "0.00", "0.00", "0.00", "0.00"),
]

# 收入决算表 02: 合计 480.75 = 财政拨款 470.75 + 事业收入 10.00; 201 440.50 = 430.50 + 10.00.
INC_02 = [
    ("合计", "", "480.75", "470.75", "0.00", "10.00", "0.00", "0.00", "0.00"),
    ("201", "一般公共服务支出", "440.50", "430.50", "0.00", "10.00", "0.00", "0.00", "0.00"),
    ("20103", "政府办公厅（室）及相关机构事务", "440.50", "430.50", "0.00", "10.00", "0.00", "0.00", "0.00"),
    ("2010301", "行政运行", "300.00", "300.00", "0.00", "0.00", "0.00", "0.00", "0.00"),
    ("2010350", "事业运行", "140.50", "130.50", "0.00", "10.00", "0.00", "0.00", "0.00"),
    ("208", "社会保障和就业支出", "40.25", "40.25", "0.00", "0.00", "0.00", "0.00", "0.00"),
    ("20805", "行政事业单位养老支出", "40.25", "40.25", "0.00", "0.00", "0.00", "0.00", "0.00"),
    ("2080505", "机关事业单位基本养老保险缴费支出", "40.25", "40.25", "0.00", "0.00", "0.00", "0.00", "0.00"),
]

# 收入支出决算总表 01: 本年收入合计 480.75 = 470.75 + 10.00; 总计 500.75 = 480.75 + 0.00 + 20.00
# = 本年支出合计 490.75 (450.50 + 40.25) + 0.00 + 10.00.
SUMMARY_INCOME = [
    ("一、一般公共预算财政拨款收入", "470.75"),
    ("二、政府性基金预算财政拨款收入", "0.00"),
    ("三、国有资本经营预算财政拨款收入", "0.00"),
    ("四、上级补助收入", "0.00"),
    ("五、事业收入", "10.00"),
    ("六、经营收入", "0.00"),
    ("七、附属单位上缴收入", "0.00"),
    ("八、其他收入", "0.00"),
    ("本年收入合计", "480.75"),
    ("使用非财政拨款结余", "0.00"),
    ("年初结转和结余", "20.00"),
    ("总计", "500.75"),
]
SUMMARY_EXPENDITURE = [
    ("一、一般公共服务支出", "450.50"),
    ("二、外交支出", ""),
    ("三、国防支出", ""),
    ("八、社会保障和就业支出", "40.25"),
    ("九、卫生健康支出", ""),
    ("", ""),
    ("", ""),
    ("", ""),
    ("本年支出合计", "490.75"),
    ("结余分配", "0.00"),
    ("年末结转和结余", "10.00"),
    ("总计", "500.75"),
]

# 财政拨款收入支出决算总表 04: 470.75 + 年初 15.00 = 总计 485.75 = 本年支出合计 485.75 (445.50 +
# 40.25) + 年末 0.00; every expenditure row: 合计 = 一般公共预算 + 0 + 0.
FISCAL_INCOME = [
    ("一、一般公共预算财政拨款", "470.75"),
    ("二、政府性基金预算财政拨款", "0.00"),
    ("三、国有资本经营预算财政拨款", "0.00"),
    ("", ""),
    ("本年收入合计", "470.75"),
    ("年初财政拨款结转和结余", "15.00"),
    ("一般公共预算财政拨款", "15.00"),
    ("政府性基金预算财政拨款", "0.00"),
    ("国有资本经营预算财政拨款", "0.00"),
    ("总计", "485.75"),
]
FISCAL_EXPENDITURE = [
    ("一、一般公共服务支出", "445.50", "445.50", "0.00", "0.00"),
    ("二、外交支出", "", "", "", ""),
    ("八、社会保障和就业支出", "40.25", "40.25", "0.00", "0.00"),
    ("九、卫生健康支出", "", "", "", ""),
    ("本年支出合计", "485.75", "485.75", "0.00", "0.00"),
    ("年末财政拨款结转和结余", "0.00", "0.00", "0.00", "0.00"),
    ("", "", "", "", ""),
    ("", "", "", "", ""),
    ("", "", "", "", ""),
    ("总计", "485.75", "485.75", "0.00", "0.00"),
]

# 一般公共预算财政拨款支出决算表 05: 合计 485.75 = 基本 435.75 + 项目 50.00; 201 445.50 = 395.50 + 50.00.
GB_05 = [
    ("合计", "", "485.75", "435.75", "50.00"),
    ("201", "一般公共服务支出", "445.50", "395.50", "50.00"),
    ("20103", "政府办公厅（室）及相关机构事务", "445.50", "395.50", "50.00"),
    ("2010301", "行政运行", "300.00", "300.00", "0.00"),
    ("2010350", "事业运行", "145.50", "95.50", "50.00"),
    ("208", "社会保障和就业支出", "40.25", "40.25", "0.00"),
    ("20805", "行政事业单位养老支出", "40.25", "40.25", "0.00"),
    ("2080505", "机关事业单位基本养老保险缴费支出", "40.25", "40.25", "0.00"),
]

# 基本支出表 06: 301 360.00 = 200.00 + 100.00 + 40.25 + 19.75; 303 5.00; 人员经费 365.00;
# 302 62.75 = 20.00 + 10.00 + 2.50 + 6.00 + 24.25; 310 8.00; 公用经费 70.75 = 62.75 + 0.00 + 8.00;
# 365.00 + 70.75 = 435.75 = 05 基本支出.
PERSONNEL = [
    ("301", "工资福利支出", "360.00"),
    ("30101", "基本工资", "200.00"),
    ("30102", "津贴补贴", "100.00"),
    ("30108", "机关事业单位基本养老保险缴费", "40.25"),
    ("30199", "其他工资福利支出", "19.75"),
    ("303", "对个人和家庭的补助", "5.00"),
    ("30302", "退休费", "5.00"),
]
PUBLIC = [
    ("302", "商品和服务支出", "62.75"),
    ("30201", "办公费", "20.00"),
    ("30211", "差旅费", "10.00"),
    ("30217", "公务接待费", "2.50"),
    ("30231", "公务用车运行维护费", "6.00"),
    ("30299", "其他商品和服务支出", "24.25"),
]
CAPITAL = [
    ("307", "债务利息及费用支出", "0.00"),
    ("310", "资本性支出", "8.00"),
    ("31002", "办公设备购置", "8.00"),
]

# 三公 07: 预算 12.00 = 0.00 + 8.00 + 4.00, 8.00 = 0.00 + 8.00; 决算 9.00 = 0.00 + 6.00 + 3.00,
# 6.00 = 0.00 + 6.00. 06 30217 2.50 ≤ 3.00 and 30231 6.00 ≤ 6.00.
BUDGET_07 = ["12.00", "0.00", "8.00", "0.00", "8.00", "4.00"]
FINAL_07 = ["9.00", "0.00", "6.00", "0.00", "6.00", "3.00"]

# 政府性基金 08 (checked on its own: the sample department has no fund money, its 08 is empty):
# 年初 5.00 + 收入 20.00 − 支出 22.00 (0.00 + 22.00) = 年末 3.00 in every row.
FUND_08 = [
    ("合计", "", "5.00", "20.00", "22.00", "0.00", "22.00", "3.00"),
    ("229", "其他支出", "5.00", "20.00", "22.00", "0.00", "22.00", "3.00"),
    ("22960", "彩票公益金安排的支出", "5.00", "20.00", "22.00", "0.00", "22.00", "3.00"),
    ("2296002", "用于社会福利的彩票公益金支出", "5.00", "20.00", "22.00", "0.00", "22.00", "3.00"),
]


def changed(rows, code: str, index: int, value: str):
    """A copy of `rows` with the amount at `index` (0 = first amount) of row `code` reprinted."""
    out = []
    for row in rows:
        if row[0] == code:
            row = (*row[: 2 + index], value, *row[3 + index :])
        out.append(row)
    return out


def changed_item(items, name: str, index: int, value: str):
    """A copy of a 总表 side with the amount at `index` of item `name` reprinted."""
    return [(n, *v[:index], value, *v[index + 1 :]) if n == name else (n, *v) for n, *v in items]


def full(**overrides) -> str:
    parts = {
        "s01": summary_01(SUMMARY_INCOME, SUMMARY_EXPENDITURE),
        "i02": income_02(INC_02),
        "e03": expenditure_03(EXP_03),
        "f04": fiscal_summary_04(FISCAL_INCOME, FISCAL_EXPENDITURE),
        "g05": general_budget_05(GB_05),
        "b06": basic_06(PERSONNEL, PUBLIC, CAPITAL, "365.00", "70.75"),
        "t07": three_public_07(BUDGET_07, FINAL_07),
        "f08": gov_fund_08([("合计", "", "", "", "", "", "", "")]),
    }
    parts.update(overrides)
    return document(*parts.values())


# -- the clean sample ------------------------------------------------------------------------


def test_the_clean_sample_is_recognized_as_printed():
    d = disclosure(full())
    assert (d.kind, d.department, d.year, d.unit) == ("final", DEPARTMENT, 2023, "万元")
    assert [t.id for t in d.tables] == [
        "final.summary",
        "final.income",
        "final.expenditure",
        "final.fiscal_summary",
        "final.general_budget_expenditure",
        "final.general_budget_basic",
        "final.three_public",
        "final.gov_fund",
    ]
    e03 = d.table("final.expenditure")
    assert e03.number == "03"
    assert e03.columns == ["total", "basic", "project", "to_higher", "operating", "to_subordinate"]
    assert e03.find(code="2010350").values["project"].amount == D("50.00")
    s01 = d.table("final.summary")
    assert s01.find(key="grand_total", side="expenditure").values["amount"].amount == D("500.75")
    assert s01.find(code="208", side="expenditure").values["amount"].amount == D("40.25")
    b06 = d.table("final.general_budget_basic")
    assert b06.find(key="public_total").values["amount"].amount == D("70.75")
    assert b06.find(code="31002").values["amount"].amount == D("8.00")
    t07 = d.table("final.three_public")
    assert t07.rows[0].values["final_vehicle_operation"].amount == D("6.00")
    assert t07.rows[0].values["budget_reception"].amount == D("4.00")


def test_the_clean_sample_passes_every_rule():
    """The passing case of every rule at once: all identities hold, so nothing is reported."""
    assert run(full()) == []


# -- sum.total-row ---------------------------------------------------------------------------


@violates("sum.total-row")
def test_total_row_with_a_class_left_out():
    # 208 (40.25, all 基本支出) is not printed, so the 合计 row no longer adds up in two columns
    rows = [r for r in EXP_03 if not r[0].startswith("208")]
    text = document(expenditure_03(rows))
    findings = assert_findings(
        text,
        F("sum.total-row", "error", "final.expenditure", "合计", "本年支出合计", "450.50", "490.75", "40.25"),
        F("sum.total-row", "error", "final.expenditure", "合计", "基本支出", "400.50", "440.75", "40.25"),
    )
    assert {f.location.line for f in findings} == {line_of(text, "合计\t\t490.75")}


def test_total_row_adds_only_the_top_level_rows():
    # 款 and 项 rows printed under their 类 are not added to the 合计 a second time
    assert run(document(expenditure_03(EXP_03))) == []


# -- sum.hierarchy and the rounding bound ------------------------------------------------------


@violates("sum.hierarchy")
def test_hierarchy_child_amount_in_the_wrong_column():
    # seeds/002 line 157: a 项 row repeats its neighbour's 基本支出 (49.06 where 0.00 belongs)
    text = document(expenditure_03(changed(EXP_03, "2010350", 1, "150.50")))
    findings = assert_findings(
        text,
        # 20103 基本支出 400.50 ≠ 2010301 300.00 + 2010350 150.50 = 450.50
        F(
            "sum.hierarchy",
            "error",
            "final.expenditure",
            "20103 政府办公厅（室）及相关机构事务",
            "基本支出",
            "450.50",
            "400.50",
            "-50.00",
        ),
        # 2010350: 150.50 ≠ 150.50 + 50.00 + 0 + 0 + 0
        F(
            "identity.row",
            "error",
            "final.expenditure",
            "2010350 事业运行",
            "本年支出合计",
            "200.50",
            "150.50",
            "-50.00",
        ),
    )
    hierarchy = findings[0] if findings[0].rule == "sum.hierarchy" else findings[1]
    assert hierarchy.location.line == line_of(text, "20103\t政府办公厅")
    assert hierarchy.message.startswith("支出决算表（公开03表）20103 政府办公厅（室）及相关机构事务（款）的“基本支出”")


def gb05_with_20103_total(value: str) -> str:
    return document(general_budget_05(changed(GB_05, "20103", 0, value)))


def test_rounding_within_the_bound_is_a_notice():
    # 20103 小计 printed 445.51 (true sum 445.50). Bounds: 0.005 per printed figure involved:
    # 20103 = 2010301 + 2010350 → 3 figures → ±0.015; 20103 = 基本 + 项目 → ±0.015;
    # 201 = 20103 → 2 figures → ±0.010, and a difference exactly at the bound is still rounding.
    findings = assert_findings(
        gb05_with_20103_total("445.51"),
        F(
            "sum.hierarchy",
            "notice",
            "final.general_budget_expenditure",
            "20103 政府办公厅（室）及相关机构事务",
            "小计",
            "445.50",
            "445.51",
            "0.01",
        ),
        F(
            "identity.row",
            "notice",
            "final.general_budget_expenditure",
            "20103 政府办公厅（室）及相关机构事务",
            "小计",
            "445.50",
            "445.51",
            "0.01",
        ),
        F(
            "sum.hierarchy",
            "notice",
            "final.general_budget_expenditure",
            "201 一般公共服务支出",
            "小计",
            "445.51",
            "445.50",
            "-0.01",
        ),
    )
    bounds = sorted(f.message.rsplit("（±", 1)[1].split("）")[0] for f in findings)
    assert bounds == ["0.010", "0.015", "0.015"]


def test_rounding_beyond_the_bound_is_an_error():
    assert_findings(
        gb05_with_20103_total("445.52"),
        F(
            "sum.hierarchy",
            "error",
            "final.general_budget_expenditure",
            "20103 政府办公厅（室）及相关机构事务",
            "小计",
            "445.50",
            "445.52",
            "0.02",
        ),
        F(
            "identity.row",
            "error",
            "final.general_budget_expenditure",
            "20103 政府办公厅（室）及相关机构事务",
            "小计",
            "445.50",
            "445.52",
            "0.02",
        ),
        F(
            "sum.hierarchy",
            "error",
            "final.general_budget_expenditure",
            "201 一般公共服务支出",
            "小计",
            "445.52",
            "445.50",
            "-0.02",
        ),
    )


@pytest.mark.parametrize(
    ("printed_302", "printed_public", "severity"),
    [
        # 302 = 5 printed 款 → 6 figures → ±0.03; 公用经费合计 = 302 + 307 + 310 → 4 figures → ±0.02
        ("62.77", "70.77", "notice"),
        ("62.79", "70.79", "error"),
    ],
)
def test_the_bound_grows_with_the_number_of_printed_figures(printed_302, printed_public, severity):
    # 302 printed above Σ 302xx = 62.75; 公用经费合计 follows it, so only the 类 row is off
    public = changed(PUBLIC, "302", 0, printed_302)
    text = document(basic_06(PERSONNEL, public, CAPITAL, "365.00", printed_public))
    diff = str(D(printed_302) - D("62.75"))
    assert_findings(
        text,
        F(
            "sum.hierarchy",
            severity,
            "final.general_budget_basic",
            "302 商品和服务支出",
            "决算数",
            "62.75",
            printed_302,
            diff,
        ),
    )


@pytest.mark.parametrize(
    ("budget_total", "severity", "difference"),
    [
        # printed in whole 万元: each figure may be off by 0.5, four figures → ±2
        ("11", "notice", "-1"),
        ("10", "notice", "-2"),
        ("9", "error", "-3"),
    ],
)
def test_the_bound_follows_the_printed_precision(budget_total, severity, difference):
    budget = [budget_total, "0", "8", "0", "8", "4"]
    text = document(three_public_07(budget, FINAL_07))
    assert_findings(
        text,
        F("identity.row", severity, "final.three_public", "数据行", "预算数 合计", "12", budget_total, difference),
    )


def test_a_blank_cell_is_no_value_not_zero():
    # 上缴上级 / 经营 / 对附属单位补助 left blank, as many departments print them
    rows = [(code, name, *amounts[:3]) for code, name, *amounts in EXP_03]
    d = disclosure(document(expenditure_03(rows)))
    row = d.table("final.expenditure").find(code="2010301")
    assert set(row.values) == {"total", "basic", "project"}
    assert run(document(expenditure_03(rows))) == []


def test_blank_cells_do_not_widen_the_rounding_bound():
    # 2010350 printed 150.52 with three blank cells: 150.52 ≠ 100.50 + 50.00 involves three printed
    # figures (±0.015), so 0.02 is an error. Counted as printed zeros they would give ±0.03.
    rows = [(code, name, *amounts[:3]) for code, name, *amounts in EXP_03]
    text = document(expenditure_03(changed(rows, "2010350", 0, "150.52")))
    findings = assert_findings(
        text,
        F("identity.row", "error", "final.expenditure", "2010350 事业运行", "本年支出合计", "150.50", "150.52", "0.02"),
        F(
            "sum.hierarchy",
            "error",
            "final.expenditure",
            "20103 政府办公厅（室）及相关机构事务",
            "本年支出合计",
            "450.52",
            "450.50",
            "-0.02",
        ),
    )
    identity = next(f for f in findings if f.rule == "identity.row")
    assert identity.location.line == line_of(text, "2010350\t事业运行")
    assert len(identity.related) == 2  # 基本支出 and 项目支出, not the blank cells


def test_split_code_columns_are_joined_and_checked():
    # budget layout of seeds/003 lines 261-270: 类 | 款 | 项 in separate columns, the 款 row
    # printing only its 款 part; 20103 基本支出 mistyped 2,589.03 for 2,598.03
    text = document(
        [
            "2023年一般公共预算支出情况表",
            "",
            f"部门名称：{DEPARTMENT}",
            "",
            "单位：万元",
            "",
            tsv("科目编码", "", "", "功能科目", "总 计", "基本支出", "项目支出"),
            tsv("类", "款", "项", "", "", "", ""),
            tsv("栏次", "", "", "", "1", "2", "3"),
            tsv("", "", "", "合计", "5,073.08", "2,598.03", "2,475.05"),
            tsv("201", "", "", "一般公共服务支出", "5,073.08", "2,598.03", "2,475.05"),
            tsv("", "03", "", "政府办公厅（室）及相关机构事务", "5,073.08", "2,589.03", "2,475.05"),
            tsv("201", "03", "01", "行政运行", "2,285.05", "2,285.05", ""),
            tsv("201", "03", "02", "一般行政管理事务", "519.90", "", "519.90"),
            tsv("201", "03", "50", "事业运行", "312.98", "312.98", ""),
            tsv("201", "03", "99", "其他政府办公厅（室）及相关机构事务支出", "1,955.15", "", "1,955.15"),
            *note("注：本表反映部门本年度一般公共预算支出情况。"),
        ],
        year=None,
    ).replace("部门决算", "2023年部门预算")
    d = disclosure(text)
    assert d.kind == "budget"
    table = d.table("budget.general_budget_expenditure")
    assert [r.code for r in table.rows] == [None, "201", "20103", "2010301", "2010302", "2010350", "2010399"]
    assert table.find(code="2010399").values["project"].amount == D("1955.15")
    assert_findings(
        text,
        # 20103 基本支出 2,589.03 ≠ 2,285.05 + 312.98 = 2,598.03
        F(
            "sum.hierarchy",
            "error",
            "budget.general_budget_expenditure",
            "20103 政府办公厅（室）及相关机构事务",
            "基本支出",
            "2598.03",
            "2589.03",
            "-9.00",
        ),
        # 201 基本支出 2,598.03 ≠ 20103 2,589.03
        F(
            "sum.hierarchy",
            "error",
            "budget.general_budget_expenditure",
            "201 一般公共服务支出",
            "基本支出",
            "2589.03",
            "2598.03",
            "9.00",
        ),
        # 20103: 5,073.08 ≠ 2,589.03 + 2,475.05
        F(
            "identity.row",
            "error",
            "budget.general_budget_expenditure",
            "20103 政府办公厅（室）及相关机构事务",
            "总计",
            "5064.08",
            "5073.08",
            "9.00",
        ),
    )


# -- identity.row --------------------------------------------------------------------------------


@violates("identity.row")
def test_three_public_vehicle_subtotal_and_total():
    # 决算数 用车小计 printed 7.00: 7.00 ≠ 购置 0.00 + 运行 6.00, and 合计 9.00 ≠ 0.00 + 7.00 + 3.00
    final = ["9.00", "0.00", "7.00", "0.00", "6.00", "3.00"]
    text = document(three_public_07(BUDGET_07, final))
    findings = assert_findings(
        text,
        F(
            "identity.row",
            "error",
            "final.three_public",
            "数据行",
            "决算数 公务用车购置及运行费 小计",
            "6.00",
            "7.00",
            "1.00",
        ),
        F("identity.row", "error", "final.three_public", "数据行", "决算数 合计", "10.00", "9.00", "-1.00"),
    )
    values_line = line_of(text, "12.00\t0.00\t8.00")
    assert {(f.location.line, f.location.column) for f in findings} == {(values_line, 8), (values_line, 6)}


@violates("identity.row")
def test_fund_roll_forward():
    # 08: 年末 = 年初 + 本年收入 − 本年支出; the 项 row prints 年末 4.00 where 5.00 + 20.00 − 22.00 = 3.00
    assert run(document(gov_fund_08(FUND_08))) == []
    text = document(gov_fund_08(changed(FUND_08, "2296002", 5, "4.00")))
    assert_findings(
        text,
        F(
            "identity.row",
            "error",
            "final.gov_fund",
            "2296002 用于社会福利的彩票公益金支出",
            "年末结转和结余",
            "3.00",
            "4.00",
            "1.00",
        ),
        # the 款 above it still prints 3.00
        F(
            "sum.hierarchy",
            "error",
            "final.gov_fund",
            "22960 彩票公益金安排的支出",
            "年末结转和结余",
            "4.00",
            "3.00",
            "-1.00",
        ),
    )


# -- balance.summary: the 总表 identities -------------------------------------------------------


def summary_text(income=SUMMARY_INCOME, expenditure=SUMMARY_EXPENDITURE) -> str:
    return document(summary_01(income, expenditure))


def test_summary_balances():
    assert run(summary_text()) == []


@violates("balance.summary")
@pytest.mark.parametrize(
    ("side", "item", "printed", "total", "expected", "found", "difference"),
    [
        # 事业收入 printed 12.00: 本年收入合计 480.75 ≠ 470.75 + 0 + 0 + 0 + 12.00 + 0 + 0 + 0
        ("income", "五、事业收入", "12.00", "本年收入合计", "482.75", "480.75", "-2.00"),
        # 年初结转和结余 printed 25.00: 总计 500.75 ≠ 480.75 + 0.00 + 25.00
        ("income", "年初结转和结余", "25.00", "总计", "505.75", "500.75", "-5.00"),
        # 年末结转和结余 printed 15.00: 总计 500.75 ≠ 490.75 + 0.00 + 15.00
        ("expenditure", "年末结转和结余", "15.00", "总计", "505.75", "500.75", "-5.00"),
        # 社会保障和就业支出 printed 41.25: 本年支出合计 490.75 ≠ 450.50 + 41.25 (blank classes are no value)
        ("expenditure", "八、社会保障和就业支出", "41.25", "本年支出合计", "491.75", "490.75", "-1.00"),
    ],
    ids=["income-total", "income-grand-total", "expenditure-grand-total", "expenditure-total"],
)
def test_summary_total_is_the_sum_of_its_items(side, item, printed, total, expected, found, difference):
    items = {"income": SUMMARY_INCOME, "expenditure": SUMMARY_EXPENDITURE}[side]
    text = summary_text(**{side: changed_item(items, item, 0, printed)})
    label = {"income": "收入", "expenditure": "支出"}[side]
    findings = assert_findings(
        text,
        F("balance.summary", "error", "final.summary", f"{label}：{total}", "决算数", expected, found, difference),
    )
    assert findings[0].location.line == line_of(text, total)


@violates("balance.summary")
def test_summary_both_grand_totals_are_equal():
    # the expenditure side balances on its own (490.75 + 0.00 + 15.00 = 505.75) but its 总计
    # differs from the income 总计 500.75
    expenditure = changed_item(SUMMARY_EXPENDITURE, "年末结转和结余", 0, "15.00")
    expenditure = changed_item(expenditure, "总计", 0, "505.75")
    assert_findings(
        summary_text(expenditure=expenditure),
        F("balance.summary", "error", "final.summary", "支出：总计", "决算数", "500.75", "505.75", "5.00"),
    )


def test_summary_rounding_notice():
    # 总计 printed 500.76 on both sides: 480.75 + 0.00 + 20.00 involves four printed figures (±0.02)
    income = changed_item(SUMMARY_INCOME, "总计", 0, "500.76")
    expenditure = changed_item(SUMMARY_EXPENDITURE, "总计", 0, "500.76")
    assert_findings(
        summary_text(income, expenditure),
        F("balance.summary", "notice", "final.summary", "收入：总计", "决算数", "500.75", "500.76", "0.01"),
        F("balance.summary", "notice", "final.summary", "支出：总计", "决算数", "500.75", "500.76", "0.01"),
    )


def fiscal_text(income=FISCAL_INCOME, expenditure=FISCAL_EXPENDITURE) -> str:
    return document(fiscal_summary_04(income, expenditure))


def test_fiscal_summary_balances():
    assert run(fiscal_text()) == []


@violates("balance.summary")
def test_fiscal_summary_fund_columns_add_up():
    # 一般公共服务支出 prints 1.00 under 政府性基金 but its 合计 stays 445.50
    expenditure = changed_item(FISCAL_EXPENDITURE, "一、一般公共服务支出", 2, "1.00")
    assert_findings(
        fiscal_text(expenditure=expenditure),
        F(
            "balance.summary",
            "error",
            "final.fiscal_summary",
            "支出：一、一般公共服务支出",
            "合计",
            "446.50",
            "445.50",
            "-1.00",
        ),
        # and the 政府性基金 column no longer adds up to its 本年支出合计 0.00
        F(
            "balance.summary",
            "error",
            "final.fiscal_summary",
            "支出：本年支出合计",
            "政府性基金预算财政拨款",
            "1.00",
            "0.00",
            "-1.00",
        ),
    )


@violates("balance.summary")
def test_fiscal_summary_opening_balance_by_fund():
    # 年初财政拨款结转和结余 15.00 ≠ 一般公共预算 14.00 + 政府性基金 0.00 + 国有资本经营 0.00
    income = changed_item(FISCAL_INCOME, "一般公共预算财政拨款", 0, "14.00")
    assert_findings(
        fiscal_text(income=income),
        F(
            "balance.summary",
            "error",
            "final.fiscal_summary",
            "收入：年初财政拨款结转和结余",
            "金额",
            "14.00",
            "15.00",
            "1.00",
        ),
    )


# -- identity.basic-composition ------------------------------------------------------------------


@violates("identity.basic-composition")
def test_personnel_total_is_301_plus_303():
    # 人员经费合计 printed 366.00: ≠ 301 360.00 + 303 5.00
    text = document(basic_06(PERSONNEL, PUBLIC, CAPITAL, "366.00", "70.75"))
    findings = assert_findings(
        text,
        F(
            "identity.basic-composition",
            "error",
            "final.general_budget_basic",
            "人员经费合计",
            "决算数",
            "365.00",
            "366.00",
            "1.00",
        ),
    )
    assert findings[0].location.line == line_of(text, "人员经费合计")


@violates("identity.basic-composition")
def test_public_total_is_302_307_310_399():
    # 公用经费合计 printed 62.75 (302 alone): ≠ 302 62.75 + 307 0.00 + 310 8.00
    assert_findings(
        document(basic_06(PERSONNEL, PUBLIC, CAPITAL, "365.00", "62.75")),
        F(
            "identity.basic-composition",
            "error",
            "final.general_budget_basic",
            "公用经费合计",
            "决算数",
            "70.75",
            "62.75",
            "-8.00",
        ),
    )


def test_a_qizhong_column_is_part_of_the_column_before_it_not_a_term_of_the_total():
    # 本年支出合计 | 基本支出 | 项目支出 | 其中 (上缴上级 | 经营 | 对附属单位补助): the 其中 columns
    # are parts of 项目支出 (北京's 支出总表); summed as terms they made every row "wrong"
    rows = [
        ("合计", "", "490.75", "440.75", "50.00", "0.00", "20.00", "0.00"),
        ("201", "一般公共服务支出", "450.50", "400.50", "50.00", "0.00", "20.00", "0.00"),
        ("20103", "政府办公厅（室）及相关机构事务", "450.50", "400.50", "50.00", "0.00", "20.00", "0.00"),
        ("2010301", "行政运行", "300.00", "300.00", "0.00", "0.00", "0.00", "0.00"),
        ("2010350", "事业运行", "150.50", "100.50", "50.00", "0.00", "20.00", "0.00"),
        ("208", "社会保障和就业支出", "40.25", "40.25", "0.00", "0.00", "0.00", "0.00"),
        ("20805", "行政事业单位养老支出", "40.25", "40.25", "0.00", "0.00", "0.00", "0.00"),
        ("2080501", "行政单位离退休", "40.25", "40.25", "0.00", "0.00", "0.00", "0.00"),
    ]
    lines = (
        caption("支出决算表", "03")
        + [
            tsv("项 目", "", "本年支出合计", "基本支出", "项目支出", "其中", "", ""),
            tsv("功能分类科目编码", "科目名称", "", "", "", "上缴上级支出", "经营支出", "对附属单位补助支出"),
        ]
        + coded_rows(rows, 6)
        + note("注：本表反映部门本年度各项支出情况。")
    )
    d = disclosure(document(lines))
    t = d.table("final.expenditure")
    assert t.parts_of == {"to_higher": "project", "operating": "project", "to_subordinate": "project"}
    assert t.unmapped_columns == []
    assert_findings(document(lines))


# -- cross.table ---------------------------------------------------------------------------------


@violates("cross.table")
def test_link_05_basic_equals_06_personnel_plus_public():
    # 06 is consistent in itself (30201 21.00, 302 63.75, 公用经费合计 71.75), but
    # 05 基本支出 435.75 ≠ 人员经费合计 365.00 + 公用经费合计 71.75
    public = changed(changed(PUBLIC, "30201", 0, "21.00"), "302", 0, "63.75")
    text = full(b06=basic_06(PERSONNEL, public, CAPITAL, "365.00", "71.75"))
    findings = assert_findings(
        text,
        F("cross.table", "error", "final.general_budget_expenditure", "合计", "基本支出", "436.75", "435.75", "-1.00"),
    )
    assert "一般公共预算财政拨款基本支出" in findings[0].message
    assert findings[0].location.line == line_of(text, "合计\t\t485.75\t435.75")


@violates("cross.table")
def test_link_04_class_rows_equal_05():
    # 04 prints 社会保障和就业支出 41.25 (合计 and 一般公共预算); 05 prints 40.25
    expenditure = changed_item(FISCAL_EXPENDITURE, "八、社会保障和就业支出", 0, "41.25")
    expenditure = changed_item(expenditure, "八、社会保障和就业支出", 1, "41.25")
    assert_findings(
        full(f04=fiscal_summary_04(FISCAL_INCOME, expenditure)),
        F(
            "cross.table",
            "error",
            "final.general_budget_expenditure",
            "208 社会保障和就业支出",
            "小计",
            "41.25",
            "40.25",
            "-1.00",
        ),
        F(
            "balance.summary",
            "error",
            "final.fiscal_summary",
            "支出：本年支出合计",
            "合计",
            "486.75",
            "485.75",
            "-1.00",
        ),
        F(
            "balance.summary",
            "error",
            "final.fiscal_summary",
            "支出：本年支出合计",
            "一般公共预算财政拨款",
            "486.75",
            "485.75",
            "-1.00",
        ),
    )


@violates("cross.table")
def test_link_01_income_items_equal_02_total_row():
    # 02 合计 prints 事业收入 11.00; 01 and the 02 class rows say 10.00
    text = full(i02=income_02(changed(INC_02, "合计", 3, "11.00")))
    assert_findings(
        text,
        F("cross.table", "error", "final.income", "合计", "事业收入", "10.00", "11.00", "1.00"),
        F("sum.total-row", "error", "final.income", "合计", "事业收入", "10.00", "11.00", "1.00"),
        F("identity.row", "error", "final.income", "合计", "本年收入合计", "481.75", "480.75", "-1.00"),
    )


@violates("cross.table")
def test_link_01_classes_equal_03_class_rows():
    # 01 prints 社会保障和就业支出 41.25, 03 prints 40.25
    expenditure = changed_item(SUMMARY_EXPENDITURE, "八、社会保障和就业支出", 0, "41.25")
    assert_findings(
        full(s01=summary_01(SUMMARY_INCOME, expenditure)),
        F(
            "cross.table",
            "error",
            "final.expenditure",
            "208 社会保障和就业支出",
            "本年支出合计",
            "41.25",
            "40.25",
            "-1.00",
        ),
        F("balance.summary", "error", "final.summary", "支出：本年支出合计", "决算数", "491.75", "490.75", "-1.00"),
    )


def test_link_01_classes_to_03_without_class_rows():
    # seeds/004 prints only 项 rows in 03: 01's 类 amount is compared with the sum of its rows
    rows = [r for r in EXP_03 if len(r[0]) == 7 or r[0] == "合计"]
    assert run(full(e03=expenditure_03(rows))) == []
    expenditure = changed_item(SUMMARY_EXPENDITURE, "一、一般公共服务支出", 0, "451.50")
    expenditure = changed_item(expenditure, "本年支出合计", 0, "491.75")
    expenditure = changed_item(expenditure, "年末结转和结余", 0, "9.00")
    assert_findings(
        full(s01=summary_01(SUMMARY_INCOME, expenditure), e03=expenditure_03(rows)),
        # 01 201 451.50 ≠ 03 2010301 300.00 + 2010350 150.50
        F("cross.table", "error", "final.summary", "支出：一、一般公共服务支出", "决算数", "450.50", "451.50", "1.00"),
        # 01 本年支出合计 491.75 ≠ 03 合计 490.75
        F("cross.table", "error", "final.expenditure", "合计", "本年支出合计", "491.75", "490.75", "-1.00"),
    )


def test_every_cross_table_link_names_printed_tables_and_columns():
    """The links are data (tables.toml): each names a defined table, its column, and a row key
    the recognizer gives (a 总表 item or a coded table's 合计)."""
    from yjsgk.definitions import table_def, table_defs
    from yjsgk.recognize.summary_items import EXPENDITURE_ITEMS, INCOME_ITEMS

    keys = {"income": set(INCOME_ITEMS), "expenditure": set(EXPENDITURE_ITEMS)}
    links = [(d, link) for d in table_defs() for link in d.links]
    assert len(links) == 26
    for defn, link in links:
        for ref in (link.cell, *link.sources):
            target = table_def(ref.table)
            assert target.column(ref.column) is not None, (defn.id, ref)
            if ref.side:
                assert ref.key in keys[ref.side], (defn.id, ref)
            else:
                assert ref.key in ("total", "personnel_total", "public_total"), (defn.id, ref)
        for column in link.when + link.unless:
            assert defn.column(column) is not None, (defn.id, column)
    class_links = [(d.id, c.summary) for d in table_defs() for c in d.class_links]
    assert ("final.expenditure", "final.summary") in class_links and len(class_links) == 5


# -- cross.three-public-basic --------------------------------------------------------------------


@violates("cross.three-public-basic")
def test_basic_reception_cannot_exceed_three_public_final():
    # 06 30217 公务接待费 3.50 (302 and 公用经费合计 follow) > 07 决算 公务接待费 3.00
    public = changed(changed(PUBLIC, "30217", 0, "3.50"), "302", 0, "63.75")
    text = document(basic_06(PERSONNEL, public, CAPITAL, "365.00", "71.75"), three_public_07(BUDGET_07, FINAL_07))
    findings = assert_findings(
        text,
        F(
            "cross.three-public-basic",
            "error",
            "final.general_budget_basic",
            "30217 公务接待费",
            "决算数",
            "3.00",
            "3.50",
            "0.50",
        ),
    )
    assert findings[0].location.line == line_of(text, "30217\t公务接待费")
    assert [loc.line for loc in findings[0].related] == [line_of(text, "12.00\t0.00\t8.00")]


def test_basic_vehicle_operation_may_equal_three_public_final():
    # 30231 公务用车运行维护费 6.00 = 07 决算 运行费 6.00: 三公 may be all basic spending
    text = document(basic_06(PERSONNEL, PUBLIC, CAPITAL, "365.00", "70.75"), three_public_07(BUDGET_07, FINAL_07))
    assert run(text) == []


# -- format.number -------------------------------------------------------------------------------


@violates("format.number")
def test_decimal_comma_is_read_as_its_evident_value_and_reported():
    # seeds/002 line 134: 125,27; here 05's 2010301 小计 printed 300,00
    text = document(general_budget_05(changed(GB_05, "2010301", 0, "300,00")))
    findings = assert_findings(
        text,
        F(
            "format.number",
            "warning",
            "final.general_budget_expenditure",
            "2010301 行政运行",
            "小计",
            None,
            "300.00",
            None,
        ),
    )
    assert "300,00" in findings[0].message
    assert findings[0].location.line == line_of(text, "300,00")


def test_thousands_separators_are_not_a_format_problem():
    rows = [
        ("合计", "", "1,045.50", "995.50", "50.00"),
        ("201", "一般公共服务支出", "1,045.50", "995.50", "50.00"),
        ("20103", "政府办公厅（室）及相关机构事务", "1,045.50", "995.50", "50.00"),
        ("2010301", "行政运行", "900.00", "900.00", "0.00"),
        ("2010350", "事业运行", "145.50", "95.50", "50.00"),
    ]
    text = document(general_budget_05(rows))
    assert disclosure(text).table("final.general_budget_expenditure").rows[0].values["total"].amount == D("1045.50")
    assert run(text) == []


# -- name.same-code ------------------------------------------------------------------------------


@violates("name.same-code")
def test_one_code_two_names():
    inc = [(c, "事业单位运行" if c == "2010350" else n, *a) for c, n, *a in INC_02]
    text = document(income_02(inc), expenditure_03(EXP_03))
    findings = assert_findings(
        text,
        F("name.same-code", "warning", "final.expenditure", "2010350 事业运行", "科目名称"),
    )
    assert "事业单位运行" in findings[0].message and "事业运行" in findings[0].message


def test_punctuation_and_ordinals_do_not_make_another_name():
    # 02 prints (室) where 03 prints （室）; 01 prints 一、一般公共服务支出 for 类 201
    inc = [(c, "政府办公厅(室)及相关机构事务" if c == "20103" else n, *a) for c, n, *a in INC_02]
    text = document(summary_01(SUMMARY_INCOME, SUMMARY_EXPENDITURE), income_02(inc), expenditure_03(EXP_03))
    assert disclosure(text).table("final.summary").find(code="201").name == "一、一般公共服务支出"
    assert run(text) == []


# -- recognize.* ---------------------------------------------------------------------------------


@violates("recognize.metadata")
def test_missing_year_is_reported_not_guessed():
    text = document(expenditure_03(EXP_03), year=None)
    d = disclosure(text)
    assert d.year is None
    findings = run(text)
    assert [(f.rule, f.severity, f.message) for f in findings] == [("recognize.metadata", "notice", "未找到年度")]


@violates("recognize.kind", "recognize.unknown-table")
def test_unrecognized_document_and_table():
    text = "\n".join(
        [
            "示范市测试局工作台账",
            "",
            "办公用品领用统计",
            "单位：万元",
            tsv("项目", "金额"),
            tsv("办公费", "10.00"),
            tsv("印刷费", "2.50"),
            "",
        ]
    )
    d = disclosure(text)
    assert (d.kind, d.tables) == ("unknown", [])
    found = {(f.rule, f.severity, f.message) for f in run(text)}
    assert found == {
        ("recognize.kind", "notice", "未能判断文件类型（决算、预算或绩效自评）"),
        (
            # a table of another kind (no classification codes): nothing the rules would check
            "recognize.unknown-table",
            "notice",
            "有 2 行金额数据不属于任何已识别的标准表（无科目编码，非标准表格），未做核对（首行：办公费 | 10.00）",
        ),
        ("recognize.metadata", "notice", "未找到部门名称"),
        ("recognize.metadata", "notice", "未找到年度"),
    }


def test_mixed_money_units_each_stated_by_its_table():
    # 03 in 万元, 05 in 元, each table saying so: nothing is read in a wrong unit
    in_yuan = [line.replace("单位：万元", "单位：元") for line in general_budget_05(GB_05)]
    text = document(expenditure_03(EXP_03), in_yuan)
    findings = assert_findings(text, F("recognize.unit", "notice", None, None, None))
    assert findings[0].message == "文件中出现不同的金额单位：万元、元"


@violates("recognize.unit")
def test_mixed_money_units_with_a_table_that_states_none():
    # 05 printed first without a unit, 03 in 万元, and 元 stated at the end: 05's unit is unknown
    no_unit = [line for line in general_budget_05(GB_05) if not line.startswith("单位：")]
    text = document(no_unit, expenditure_03(EXP_03), ["金额单位：元", ""])
    found = [(f.rule, f.severity, f.message) for f in run(text) if f.rule == "recognize.unit"]
    assert found == [("recognize.unit", "warning", "文件中出现不同的金额单位：万元、元")]


@violates("recognize.unknown-table")
def test_rows_of_a_coded_table_without_a_title_are_a_warning():
    lines = expenditure_03(EXP_03)
    untitled = [line for line in lines if "支出决算表" not in line and "公开" not in line]
    findings = [f for f in run(document(untitled)) if f.rule == "recognize.unknown-table"]
    assert [(f.severity, f.message.split("（")[0]) for f in findings] == [
        ("warning", f"有 {len(EXP_03) + 1} 行金额数据不属于任何已识别的标准表，未做核对")  # and the 栏次 row
    ]


@violates("recognize.columns")
def test_header_that_names_no_standard_column():
    # 05 printed with meaningless column labels: read by the standard order and reported
    lines = general_budget_05(GB_05)
    lines = [tsv("功能分类科目编码", "科目名称", "甲", "乙", "丙") if "小计" in line else line for line in lines]
    lines = [line for line in lines if not line.startswith("项 目")]
    text = document(lines)
    findings = assert_findings(text, F("recognize.columns", "warning", "final.general_budget_expenditure", None, None))
    assert findings[0].message == "一般公共预算财政拨款支出决算表：表头无法逐列识别，已按标准列顺序读取"
    table = disclosure(text).table("final.general_budget_expenditure")
    assert table.find(code="2010350").values["project"].amount == D("50.00")
    assert table.uncertain == ["表头未能识别，列按标准顺序对应"]
    # a figure mistyped in such a table is not certain to be one: a notice that says why
    wrong = [line.replace("50.00", "51.00", 1) if line.startswith("2010350") else line for line in lines]
    found = [f for f in run(document(wrong)) if f.rule == "identity.row"]
    assert [(f.severity, f.row) for f in found] == [("notice", "2010350 事业运行")]
    assert found[0].message.endswith("（表头未能识别，列按标准顺序对应，读表不能确定，未判为错误）")


def test_a_column_with_a_blank_header_placed_by_the_standard_order_is_uncertain():
    lines = general_budget_05(GB_05)
    lines = [tsv("功能分类科目编码", "科目名称", "小计", "基本支出", "") if "小计" in line else line for line in lines]
    table = disclosure(document(lines)).table("final.general_budget_expenditure")
    assert table.columns == ["total", "basic", "project"]
    assert table.uncertain == ["有金额列表头为空，按标准列顺序对应"]


@violates("recognize.missing-name")
def test_summary_row_with_an_amount_but_no_item_name():
    # the 支出 item name cell is missing (seeds/004 line 89 has such a row, without an amount)
    lines = summary_01(SUMMARY_INCOME, SUMMARY_EXPENDITURE)
    lines = [
        tsv("三、国有资本经营预算财政拨款收入", "3", "0.00", "15", "0.00") if line.startswith("三、国有资本") else line
        for line in lines
    ]
    text = document(lines)
    findings = assert_findings(text, F("recognize.missing-name", "warning", "final.summary", None, None))
    assert findings[0].message == "收入支出决算总表支出侧行次 15 有金额但项目名称为空"
    assert findings[0].location.line == line_of(text, "三、国有资本")


# -- the catalogue ---------------------------------------------------------------------------------


def test_every_rule_has_a_failing_case_in_this_file():
    """The rules over the standard tables; other families keep the same meta-test in their files."""
    ours = {r for r in RULES if r.startswith(TABLE_RULES) and not r.startswith(ACROSS_DOCUMENTS)}
    assert {r for r in VIOLATED if r in ours} == ours


@violates("recognize.repeated-codes")
def test_a_table_listing_codes_per_unit_is_not_summed():
    # two units' blocks under one 合计: 2010301 twice; summing by code would be meaningless
    rows = EXP_03 + [("2010301", "行政运行", "5.00", "5.00", "0.00", "0.00", "0.00", "0.00")]
    text = document(expenditure_03(rows))
    findings = run(text)
    repeated = [f for f in findings if f.rule == "recognize.repeated-codes"]
    assert [(f.severity, f.table, f.message) for f in repeated] == [
        ("notice", "final.expenditure", "支出决算表中科目 2010301 出现多次（可能按单位分列），未核对合计与科目层级")
    ]
    assert not [f for f in findings if f.rule.startswith("sum.")]


@violates("recognize.template")
def test_a_blank_template_is_recognized_and_not_audited():
    # a placeholder department and no amounts: its blanks and placeholders are not mistakes
    lines = ["2024年度部门决算模板", "", "部门：上海市XX局", ""] + expenditure_03(
        [("合计", "", "", "", "", "", "", ""), ("201", "一般公共服务支出", "", "", "", "", "", "")]
    )
    text = "\n".join(lines)
    d = disclosure(text)
    assert d.template and d.department == "上海市XX局"
    findings = run(text)
    assert [(f.rule, f.severity) for f in findings] == [("recognize.template", "notice")]
