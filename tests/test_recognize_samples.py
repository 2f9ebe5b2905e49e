"""Recognition of other provinces' PDF disclosures (../shared/samples), read in place."""

from __future__ import annotations

import csv
from decimal import Decimal

import pytest

from conftest import SHARED, load_disclosure

from yjsgk.check import check

SAMPLES = SHARED / "samples"
JIANGSU_2018 = SAMPLES / "open-budget/江苏省人民检察院/2018年省检察院部门预算公开.pdf"
SHANGHAI_FINAL = SAMPLES / "GovBudgetChecker/samples/good/上海市普陀区财政局2024年度部门决算.pdf"
SHANGHAI_BUDGET = SAMPLES / "renwu/001_上海/2026年上海市交通运输局_部门预算.pdf"
SHENZHEN = SAMPLES / "renwu/003_深圳/2026年深圳市交通运输局部门预算.pdf"


def test_jiangsu_budget_numbers_its_own_tables():
    # 公开01表 … 公开12表 are budget tables here (contents, page 2); "公开 01 表：收支预算总表"
    # prints number and title on one line, and 公开09表's title wraps over two lines
    d = load_disclosure(JIANGSU_2018)
    assert (d.kind, d.year, d.department) == ("budget", 2018, "江苏省人民检察院")
    assert [(t.number, t.id) for t in d.tables] == [
        ("01", "budget.summary"),
        ("02", "budget.income"),
        ("03", "budget.expenditure"),
        ("04", "budget.fiscal_summary"),
        ("05", "budget.fiscal_expenditure"),
        ("06", "budget.fiscal_basic"),
        ("07", "budget.general_budget_expenditure"),
        ("08", "budget.general_budget_basic"),
        ("09", "budget.three_public"),
        ("10", "budget.gov_fund"),
        ("11", "budget.office_operation"),
        ("12", "budget.procurement"),
    ]


def test_shanghai_basic_table_with_separate_lei_and_kuan_columns():
    # page 16: "301 | 01 | 基本工资 | 262.33 | 302 | 01 | 办公费 | 21.21"
    table = load_disclosure(SHANGHAI_FINAL).table("final.general_budget_basic")
    amounts = {r.code: r.values["amount"].amount for r in table.rows if r.code and "amount" in r.values}
    assert amounts["301"] == Decimal("2082.85") and amounts["302"] == Decimal("171.07")
    assert amounts["30101"] == Decimal("262.33") and amounts["30102"] == Decimal("1238.58")
    assert amounts["30201"] == Decimal("21.21") and amounts["30207"] == Decimal("4.88")
    assert table.find(code="30108").name == "机关事业单位基本养老保险缴费"  # wrapped in its cell
    assert "30103" not in amounts  # printed blank: no value, not zero
    assert table.find(key="personnel_total").values["amount"].amount == Decimal("2152.26")


def test_shanghai_budget_set_of_nine():
    d = load_disclosure(SHANGHAI_BUDGET)
    assert [t.title for t in d.tables][4:] == [
        "2026年预算单位一般公共预算支出功能分类预算表",
        "2026年预算单位政府性基金预算支出功能分类预算表",
        "2026年预算单位国有资本经营预算支出功能分类预算表",
        "2026年预算单位一般公共预算基本支出部门预算经济分类预算表",
        "2026年单位“三公”经费和机关运行经费预算表",
    ]
    three = d.table("budget.three_public")
    assert "office_operation" in three.columns


def test_shenzhen_summary_items_with_sub_items_balance():
    # 一、财政拨款 388,561.78 with 1.一般公共预算拨款 384,396.78 and 2.政府性基金预算拨款 4,165.00 under it
    d = load_disclosure(SHENZHEN)
    summary = d.table("budget.summary")
    assert summary.find(key="fiscal", side="income").values["amount"].amount == Decimal("388561.78")
    assert summary.find(key="opening_balance", side="income").values["amount"].amount == Decimal("201.78")
    findings = [f for f in check(d, select=["balance."]) if f.table == "budget.summary" and f.severity == "error"]
    assert not [f for f in findings if "各项收入之和" in f.message]


MANIFEST = SAMPLES / "MANIFEST.tsv"
# known gaps, left out below and listed in the issue notes: 福州 is a 单位预算 of 治安管理支队 but
# its captions print 福州市公安局; 江苏省委办公厅2018 prints 中共江苏省委办公厅; three Jiangsu table-only
# files print no year
KNOWN_GAPS = {
    "renwu/017_福州/2026年福州市公安局部门预算.pdf",
    "open-budget/江苏省委办公厅/江苏省委办公厅2018年度部门预算公开表.pdf",
    "open-budget/江苏省委办公厅/江苏省委办公厅2017年预算公开表格.pdf",
    "open-budget/江苏省政协办公厅/2017年度部门预算公开表.pdf",
    "open-budget/江苏省政协办公厅/江苏省政协办公厅2018度部门预算公开表.pdf",
}


def _manifest_rows():
    with MANIFEST.open(encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            if row["format"] == "PDF" and row["path"] not in KNOWN_GAPS and row["type"][:2] in ("预算", "决算"):
                yield pytest.param(row, id=row["path"].rsplit("/", 1)[-1][:30])


@pytest.mark.parametrize("row", list(_manifest_rows()))
def test_sample_kind_department_and_year(row):
    d = load_disclosure(SAMPLES / row["path"])
    family = "final" if row["type"].startswith("决算") else "budget"
    assert d.kind.split("_")[0] == family
    assert (d.department or "").removesuffix("（本级）") == row["department"]
    assert d.year == int(row["year"])
