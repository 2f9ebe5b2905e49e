"""Certain or silent: the engine's abstention on uncertain readings (yjsgk/check/abstain.py).

Seed 002 prints one real mistake in its 支出决算表 (03): row 2010399 基本支出 49.06 copied from
2010301, so 基本 + 项目 = 125.27 ≠ 76.21 (an identity.row error, tests/test_seed_findings.py).
The tests below change how that real table was *read* and show what the engine then reports.
"""

from __future__ import annotations

from decimal import Decimal as D

from conftest import SEED_FILES, violates
from yjsgk.check import check
from yjsgk.model import Value
from yjsgk.pipeline import recognize_path


def fresh():
    """Recognized anew: these tests change the model (conftest's cache must stay untouched)."""
    return recognize_path(SEED_FILES["002"])


def errors(findings, rule: str) -> list:
    return [f for f in findings if f.rule == rule and f.severity == "error"]


def test_the_real_error_is_an_error_when_the_reading_is_certain():
    d = fresh()
    (error,) = errors(check(d, select=["identity."]), "identity.row")
    assert (error.table, error.row, error.found, error.expected) == (
        "final.expenditure",
        "2010399 其他政府办公厅（室）及相关机构事务支出",
        D("76.21"),
        D("125.27"),
    )


def test_an_error_on_an_uncertain_table_is_a_notice_that_names_the_reason():
    d = fresh()
    d.table("final.expenditure").uncertain.append("表头未能识别，列按标准顺序对应")
    findings = check(d, select=["identity."])
    assert errors(findings, "identity.row") == []
    (notice,) = [f for f in findings if f.rule == "identity.row" and f.row.startswith("2010399")]
    assert notice.severity == "notice"
    assert notice.message.endswith("（表头未能识别，列按标准顺序对应，读表不能确定，未判为错误）")
    # another table's errors are untouched: the hierarchy error of 03 itself is the same table …
    d2 = fresh()
    d2.table("final.general_budget_expenditure").uncertain.append("跨页续表未能确定")
    assert len(errors(check(d2, select=["identity."]), "identity.row")) == 1  # … 05 is not involved


@violates("recognize.suspect-table")
def test_a_column_summed_as_a_part_in_every_row_is_one_warning_not_n_errors():
    d = fresh()
    table = d.table("final.expenditure")
    # read as if 经营支出 were a 其中 column copied from 基本支出 (the class of failure of issue 12)
    for row in table.rows:
        basic = row.values["basic"]
        row.values["operating"] = Value(basic.amount, basic.text, basic.decimals, row.values["operating"].location)
    findings = check(d, select=["identity.", "recognize."])
    assert errors(findings, "identity.row") == []
    (suspect,) = [f for f in findings if f.rule == "recognize.suspect-table"]
    assert suspect.severity == "warning" and suspect.table == "final.expenditure"
    assert "“经营支出”列的数与差额逐行相同" in suspect.message
    notices = [f for f in findings if f.rule == "identity.row"]
    assert len(notices) >= 4 and all("可能是读表问题" in f.message for f in notices)


def test_the_suspect_warning_follows_select_and_ignore():
    d = fresh()
    table = d.table("final.expenditure")
    for row in table.rows:
        basic = row.values["basic"]
        row.values["operating"] = Value(basic.amount, basic.text, basic.decimals, row.values["operating"].location)
    assert [f for f in check(d, select=["identity."]) if f.rule == "recognize.suspect-table"] == []
    ignored = check(d, ignore=["recognize.suspect-table"])
    assert [f for f in ignored if f.rule == "recognize.suspect-table"] == []
    assert errors(ignored, "identity.row") == []  # still notices: the doubt stands


def test_former_rule_ids_still_select_and_suppress(tmp_path):
    from yjsgk.baseline import apply_baseline
    from yjsgk.check import CheckContext
    from yjsgk.check.findings import Finding

    # recognize.unknown_table was renamed recognize.unknown-table (one id spelling); the old id
    # still selects, and a baseline written with it still suppresses
    finding = Finding(message="有 2 行金额数据不属于任何已识别的标准表", rule="recognize.unknown-table")
    old = Finding(message=finding.message, rule="recognize.unknown_table")
    assert apply_baseline([finding], {old.fingerprint}) == ([], 1)
    from yjsgk.check.cases import cases_of, run_case

    d = run_case(cases_of("recognize.unknown-table")["bad"]).disclosure  # rows under no known table
    by_old = check(d, CheckContext(), select=["recognize.unknown_table"])
    assert by_old and {f.rule for f in by_old} == {"recognize.unknown-table"}
    assert by_old == check(d, CheckContext(), select=["recognize.unknown-table"])
