"""Checks across documents (cross.year.*, cross.document.*) on real pairs of ../shared, and the data
they rest on: previous-year columns kept in the model and the database, one department under
several printed names."""

from __future__ import annotations

import copy
import dataclasses
import json
from decimal import Decimal
from functools import cache
from pathlib import Path

import pytest

from conftest import ACROSS_DOCUMENTS, SEED_FILES, VIOLATED, violates
from yjsgk.check import RULES, CheckContext, check
from yjsgk.check.rules import cross
from yjsgk.cli import main
from yjsgk.departments import abbreviates, identity
from yjsgk.model import Disclosure
from yjsgk.pipeline import recognize_path
from yjsgk.records import Bundle, line_item_records

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
JIANGSU = SHARED / "samples" / "open-budget"
RD_2017 = JIANGSU / "江苏省人大办公厅" / "江苏省人大办公厅2017年度预算公开.pdf"
RD_2018 = JIANGSU / "江苏省人大办公厅" / "省人大办公厅2018预算公开.pdf"
SW_2017_DOC = JIANGSU / "江苏省委办公厅" / "江苏省委办公厅2017年部门预算.pdf"
SW_2017_TABLES = JIANGSU / "江苏省委办公厅" / "江苏省委办公厅2017年预算公开表格.pdf"
SW_2018_TABLES = JIANGSU / "江苏省委办公厅" / "江苏省委办公厅2018年度部门预算公开表.pdf"
YANTAI = SHARED / "corpus" / "renwu" / "025_烟台" / "2026年烟台市信访局部门预算.pdf"
PUTUO_DEPT = SHARED / "samples" / "GovBudgetChecker" / "X" / "上海市普陀区商务委员会25年预算.pdf"
PUTUO_UNIT = SHARED / "samples" / "GovBudgetChecker" / "X" / "上海市普陀区商务委员会单位25年预算.pdf"
CROSS = ["cross.year.", "cross.document."]

pytestmark = pytest.mark.skipif(not JIANGSU.is_dir(), reason="../shared not beside the checkout")


@cache
def read(path: Path) -> Disclosure:
    return recognize_path(path)


def cross_findings(d: Disclosure, *others: Disclosure):
    return check(d, CheckContext().with_neighbours(others), select=CROSS)


def test_one_department_under_three_printed_names():
    names = ["中共江苏省委办公厅", "江苏省委办公厅", "中国共产党江苏省委员会办公厅"]
    assert {identity(n) for n in names} == {"江苏省委办公厅"}
    # the documents themselves print two of them, and pair
    assert read(SW_2017_TABLES).department == "中国共产党江苏省委员会办公厅"
    assert read(SW_2018_TABLES).department == "中共江苏省委办公厅"
    assert identity(read(SW_2017_TABLES).department) == identity(read(SW_2017_DOC).department)
    # a unit of the department ((本级)) and other departments stay apart
    assert identity("泉州市公安局（本级）") != identity("泉州市公安局")
    assert identity("北京市委宣传部") != identity("西安市委宣传部")
    assert identity("中国共产党北京市委员会宣传部") == "北京市委宣传部"
    assert abbreviates("江苏省人大办公厅", "江苏省人大常委会办公厅")
    assert not abbreviates("上海交通职业技术学院", "上海市交通运输局")


def test_previous_year_columns_are_kept_in_the_model_and_the_records():
    d = read(YANTAI)
    table = d.table("budget.three_public")
    assert table is not None and table.earlier_labels["previous.total"] == "2025年预算数/合计"
    row = next(r for r in table.rows if r.values)
    assert row.values["total"].amount == Decimal("17.00")
    assert row.earlier["previous.total"].amount == Decimal("22.00")
    assert row.earlier["previous.vehicle_operation"].amount == Decimal("20.00")
    assert "previous.total" not in table.columns  # never a term of the table's identities
    items = [
        i for i in line_item_records(Bundle.of(d, [], filename="x.pdf", content_hash="0")) if i["table"] == table.id
    ]
    previous = [i for i in items if i["column"] == "previous.total"]
    assert [(i["amount"], i["column_label"]) for i in previous] == [(Decimal("22.00"), "2025年预算数/合计")]


def test_previous_year_columns_survive_the_database(tmp_path):
    from yjsgk.store.db import Store
    from yjsgk.store.documents import load_document
    from yjsgk.store.ingestion import ingest

    store = Store(str(tmp_path / "c.db"))
    summary = ingest([YANTAI], store)
    assert len(summary.ingested) == 1
    stored = load_document(store, 1).disclosure
    table = stored.table("budget.three_public")
    row = next(r for r in table.rows if r.values)
    assert row.earlier["previous.total"].amount == Decimal("22.00")
    assert table.earlier_labels["previous.total"] == "2025年预算数/合计"
    assert "previous.total" not in row.values and "previous.total" not in table.column_labels


@violates("cross.year.change")
def test_real_consecutive_budgets_agree_and_an_injected_change_is_found():
    this, last = read(RD_2018), read(RD_2017)
    ctx = CheckContext().with_neighbours([last])
    assert cross.neighbours(this, ctx, year=2017, fam="budget") == [last]
    # 2018 says 基本支出 7877.76 grew by 211.08 from 2017's 7666.68, and so on: all hold
    assert cross_findings(this, last) == []
    changed = copy.deepcopy(last)
    basic = changed.table("budget.summary").find(key="basic", side="expenditure")
    assert basic.values["amount"].amount == Decimal("7666.68")
    basic.values["amount"].amount = Decimal("7566.68")
    found = [f for f in cross_findings(this, changed) if f.severity != "notice"]
    assert [(f.rule, f.severity, f.table, f.row) for f in found] == [
        ("cross.year.change", "warning", "budget.summary", "一、基本支出")
    ]
    assert found[0].difference == Decimal("100")  # the actual change is 100 more than stated
    assert found[0].location.source == str(RD_2018) and found[0].related[-1].source == str(RD_2017)


@violates("cross.document.narrative")
def test_a_narrative_file_is_read_against_its_tables_file_and_a_change_there_is_found():
    text, tables = read(SW_2017_DOC), read(SW_2017_TABLES)
    assert not text.tables and tables.tables and text.claims
    ctx = CheckContext().with_neighbours([tables])
    merged = cross.narrative_with_tables(text, ctx)
    linked = [c for c in merged.claims if c.link is not None]
    assert len(linked) >= 10 and all(c.link.location.source == str(SW_2017_TABLES) for c in linked)
    assert cross_findings(text, tables) == []  # the 情况说明 agrees with the tables it restates

    # the tables file re-issued with one figure the text restates corrected wherever it is printed
    target = next(c.link for c in linked if c.kind == "amount" and c.link.terms == 1 and c.link.value > 0)
    changed = copy.deepcopy(tables)
    for value in (v for t in changed.tables for r in t.rows for v in r.values.values()):
        if value.amount == target.value:
            value.amount += Decimal("100")
    found = [f for f in cross_findings(text, changed) if f.severity != "notice"]
    assert found and {f.rule for f in found} == {"cross.document.narrative"}
    assert all(f.location.source == str(SW_2017_DOC) for f in found)
    assert any(r == target.location for f in found for r in f.related)


def test_a_narrative_file_of_this_year_is_checked_against_last_years_tables():
    this, this_tables = (
        read(JIANGSU / "江苏省政协办公厅" / "江苏省政协办公厅2018年度部门预算.pdf"),
        read(JIANGSU / "江苏省政协办公厅" / "江苏省政协办公厅2018度部门预算公开表.pdf"),
    )
    last_tables = read(JIANGSU / "江苏省政协办公厅" / "2017年度部门预算公开表.pdf")
    assert cross_findings(this, this_tables, last_tables) == []
    changed = copy.deepcopy(last_tables)
    basic = changed.table("budget.summary").find(key="basic", side="expenditure")
    basic.values["amount"].amount -= Decimal("50")
    found = [f for f in cross_findings(this, this_tables, changed) if f.rule == "cross.year.change"]
    assert [(f.severity, f.table, f.difference) for f in found] == [("warning", "budget.summary", Decimal("50"))]
    assert [r.source for r in found[0].related] == [str(this_tables.source), str(last_tables.source)]


@violates("cross.document.republished")
def test_a_silent_correction_between_two_printings_is_found_with_both_locations():
    first = read(SW_2017_TABLES)
    second = copy.deepcopy(first)
    second.source = "/elsewhere/江苏省委办公厅2017年预算公开表格（更正）.pdf"
    for value in (v for t in second.tables for r in t.rows for v in r.values.values()):
        value.location = dataclasses.replace(value.location, source=second.source)
    assert cross_findings(first, second) == []
    row = next(r for r in second.table("budget.three_public").rows if r.values)
    column = next(iter(row.values))
    cell = row.values[column]
    cell.amount += Decimal("1")
    found = cross_findings(first, second)
    assert [(f.rule, f.severity, f.table, f.difference) for f in found] == [
        ("cross.document.republished", "warning", "budget.three_public", Decimal("-1"))
    ]
    assert found[0].location.source == str(SW_2017_TABLES) and found[0].related[0].source == second.source


def test_a_unit_budget_is_no_printing_of_its_department_budget():
    dept, unit = read(PUTUO_DEPT), read(PUTUO_UNIT)
    assert identity(dept.department) == identity(unit.department)
    assert (cross.scope(dept), cross.scope(unit)) == ("department", "unit")
    assert cross_findings(dept, unit) == []


def test_check_with_on_the_command_line(capsys):
    status = main(["check", str(RD_2018), "--with", str(RD_2017), "--format", "json", "--select", "cross.year"])
    out = json.loads(capsys.readouterr().out)
    assert status == 0
    assert [d["source"] for d in out["documents"]] == [str(RD_2018)]
    assert out["documents"][0]["findings"] == []


def test_check_against_the_corpus_database(tmp_path, capsys):
    from sqlalchemy import update

    from yjsgk.store.db import Store
    from yjsgk.store.ingestion import ingest
    from yjsgk.store.models import LineItem

    url = str(tmp_path / "corpus.db")
    store = Store(url)
    assert len(ingest([RD_2017], store).ingested) == 1
    args = ["check", str(RD_2018), "--db", url, "--format", "json", "--select", "cross.year"]
    assert main(args) == 0
    assert json.loads(capsys.readouterr().out)["documents"][0]["findings"] == []
    # last year's stored 基本支出 corrected in the database: this year's “增加 211.08” no longer holds
    with store.write() as session:
        session.execute(
            update(LineItem)
            .where(LineItem.name == "一、基本支出", LineItem.column == "amount")
            .values(amount=Decimal("7566.68"))
        )
    main(args)
    findings = json.loads(capsys.readouterr().out)["documents"][0]["findings"]
    assert [(f["rule"], f["severity"], f["row"]) for f in findings] == [
        ("cross.year.change", "warning", "一、基本支出")
    ]
    assert findings[0]["related"][-1]["source"] == str(RD_2017)
    # check --db alone: every stored document against the others (one here: nothing to pair)
    assert main(["check", "--db", url, "--format", "json"]) == 0
    stored = json.loads(capsys.readouterr().out)["documents"]
    assert [(d["source"], d["findings"]) for d in stored] == [(str(RD_2017), [])]


def test_the_alias_harvest_learns_only_what_no_rule_folds():
    import tomllib

    from yjsgk.departments import _render, harvest

    # the two printings of 江苏省委办公厅 2017 print 江苏省委办公厅 and 中国共产党江苏省委员会办公厅: folded by rule
    assert harvest([str(SW_2017_DOC), str(SW_2017_TABLES)], jobs=1) == {}
    written = _render([], {("江苏省人大办公厅", "江苏省人大常委会办公厅"): ["/x/a.pdf"]}, "/x")
    entry = tomllib.loads(written)["department"][0]
    assert entry == {
        "name": "江苏省人大常委会办公厅",
        "aliases": ["江苏省人大办公厅"],
        "source": "harvested: 1 documents, first a.pdf",
    }


def _renamed(d: Disclosure, *, year: int, department: str | None = None) -> Disclosure:
    """A copy of a real document standing for another one (another year, another department's
    budget): a neighbour made in memory, its figures set by the test."""
    copied = copy.deepcopy(d)
    copied.source = f"/elsewhere/{year}-{Path(d.source).name}"
    copied.year = year
    copied.department = department or d.department
    for value in (v for t in copied.tables for r in t.rows for v in [*r.values.values(), *r.earlier.values()]):
        value.location = dataclasses.replace(value.location, source=copied.source)
    return copied


@violates("cross.year.previous-budget")
def test_a_budgets_previous_year_columns_against_last_years_budget():
    this = read(YANTAI)
    last = _renamed(this, year=2025)
    row = next(r for r in this.table("budget.three_public").rows if r.values)
    last_row = next(r for r in last.table("budget.three_public").rows if r.values)
    last_row.values = {k.split(".", 1)[1]: copy.deepcopy(v) for k, v in row.earlier.items()}
    assert cross_findings(this, last) == []  # 2025年预算数 22.00 … = the 2025 budget's figures
    last_row.values["total"].amount = Decimal("25.00")
    found = cross_findings(this, last)
    assert [(f.rule, f.severity, f.column, f.found, f.expected) for f in found] == [
        ("cross.year.previous-budget", "warning", "2025年预算数/合计", Decimal("22.00"), Decimal("25.00"))
    ]


@violates("cross.year.carry-over")
def test_this_years_opening_balance_against_last_years_closing():
    this = read(SEED_FILES["002"])
    last = _renamed(this, year=this.year - 1)

    def carry(found):  # (the copy's figures equal this year's: cross.year.change reports its changes)
        return [f for f in found if f.rule == "cross.year.carry-over"]

    assert carry(cross_findings(this, last)) == []  # 年初结转和结余 0.00 = last year's 年末 0.00
    closing = last.table("final.summary").find(key="closing_balance")
    closing.values["amount"].amount = Decimal("5.00")
    found = carry(cross_findings(this, last))
    assert [(f.rule, f.severity, f.table, f.row, f.difference) for f in found] == [
        ("cross.year.carry-over", "warning", "final.summary", "年初结转和结余", Decimal("-5.00"))
    ]


def _budget_for(final: Disclosure) -> Disclosure:
    return _renamed(read(YANTAI), year=final.year, department=final.department)


@violates("cross.document.three-public-budget")
def test_the_final_accounts_three_public_budget_against_the_years_budget():
    final = read(SEED_FILES["002"])  # 07表 预算数 合计 0.10, 公务接待费 0.10 (全年预算数, 调整后)
    budget = _budget_for(final)
    row = next(r for r in budget.table("budget.three_public").rows if r.values)
    for column in row.values:
        row.values[column].amount = Decimal("0.10") if column in ("total", "reception") else Decimal("0")
    assert [f for f in cross_findings(final, budget) if f.rule.endswith("three-public-budget")] == []
    row.values["reception"].amount = row.values["total"].amount = Decimal("0.50")
    found = [f for f in cross_findings(final, budget) if f.rule.endswith("three-public-budget")]
    # the 预算数 are the 调整后 全年预算 (the table's note): a notice; a plain 预算数 would be a warning
    assert [(f.severity, f.column, f.found, f.expected) for f in found] == [
        ("notice", "预算数 合计", Decimal("0.10"), Decimal("0.50")),
        ("notice", "预算数 公务接待费", Decimal("0.10"), Decimal("0.50")),
    ]
    plain = copy.deepcopy(final)
    plain.table("final.three_public").notes = []
    assert {f.severity for f in cross_findings(plain, budget) if f.rule.endswith("three-public-budget")} == {"warning"}


@violates("cross.document.initial-budget")
def test_the_initial_budget_the_final_accounts_state_against_the_years_budget():
    final = read(SEED_FILES["002"])  # “财政拨款支出年初预算数为 44.93 万元”
    budget = _budget_for(final)
    total = budget.table("budget.general_budget_expenditure").find(key="total")
    total.values["total"].amount = Decimal("44.93")
    assert [f for f in cross_findings(final, budget) if f.rule.endswith("initial-budget")] == []
    total.values["total"].amount = Decimal("54.93")
    found = [f for f in cross_findings(final, budget) if f.rule.endswith("initial-budget")]
    assert [(f.severity, f.found, f.expected, f.related[0].source) for f in found] == [
        ("warning", Decimal("44.93"), Decimal("54.93"), budget.source)
    ]


def test_every_rule_across_documents_has_a_failing_case_in_this_file():
    assert {r for r in VIOLATED if r.startswith(ACROSS_DOCUMENTS)} == {
        r for r in RULES if r.startswith(ACROSS_DOCUMENTS)
    }


# -- the 部门整体支出绩效自评 against the final accounts -----------------------------------------

SEED_002 = SHARED / "seeds" / "002_98add52c02d21372.txt"
XIAN_HEALTH = SHARED / "samples" / "renwu" / "020_西安" / "卫生健康委员会_2026年部门预算.pdf"
EVALUATED = "\t合计\t44.93\t125.46\t125.46\t10\t100%\t10"  # seed 002's 部门整体 funds row


def _seed_002_split(executed: str = "125.46") -> tuple[Disclosure, Disclosure]:
    """Seed 002 cut at test time into its final accounts and its self-evaluation (附件) as a file of
    its own under the same cover, as departments publish them apart."""
    from yjsgk.read.text import parse_text
    from yjsgk.recognize import recognize

    text = SEED_002.read_text(encoding="utf-8")
    assert text.count(EVALUATED) == 1
    text = text.replace(EVALUATED, EVALUATED.replace("\t125.46\t10", f"\t{executed}\t10"))
    lines = text.split("\n")
    start = next(i for i, line in enumerate(lines) if line.startswith("附件：1、2020 年度部门整体支出绩效自评表"))
    cover = "\n".join(lines[:5]).replace("部门决算", "部门绩效自评")
    final = recognize(parse_text("\n".join(lines[:start]), "seed002-final.txt"))
    evaluation = recognize(parse_text(cover + "\n\n" + "\n".join(lines[start:]), "seed002-evaluation.txt"))
    assert (final.kind, evaluation.kind) == ("final_with_performance", "performance") and not final.evaluations
    return final, evaluation


def test_the_executed_funds_of_a_real_self_evaluation_agree_with_its_final_accounts():
    for path in (SEED_002, XIAN_HEALTH):  # 125.46 and 2,074,962.01: the 本年支出合计 both
        assert [f for f in check(read(path), CheckContext()) if f.rule == "performance.funds-final"] == []
    final, evaluation = _seed_002_split()
    assert cross_findings(final, evaluation) == []


@violates("cross.document.performance-funds")
def test_a_separate_self_evaluation_whose_executed_funds_the_final_accounts_do_not_print():
    final, evaluation = _seed_002_split("120.46")
    found = cross_findings(final, evaluation)
    assert [(f.rule, f.severity, f.found) for f in found] == [
        ("cross.document.performance-funds", "warning", Decimal("120.46"))
    ]
    assert found[0].location.source == "seed002-final.txt"  # the 本年支出合计 125.46
    assert "125.46" in found[0].message and found[0].related[0].source == "seed002-evaluation.txt"


def test_an_own_self_evaluation_whose_executed_funds_differ_is_a_warning(tmp_path):
    text = SEED_002.read_text(encoding="utf-8").replace(EVALUATED, EVALUATED.replace("\t125.46\t10", "\t120.46\t10"))
    copy = tmp_path / SEED_002.name
    copy.write_text(text, encoding="utf-8")
    found = [f for f in check(recognize_path(copy), CheckContext()) if f.rule == "performance.funds-final"]
    assert [(f.severity, f.found) for f in found] == [("warning", Decimal("120.46"))]
    assert "本年支出合计”为 125.46" in found[0].message
