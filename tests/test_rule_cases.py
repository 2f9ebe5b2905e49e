"""Every rule of the catalogue has a bad case it reports at its own severity and a good case on
which it is silent — the coverage check for every family, complete.* and code.* included.

The cases are data (src/yjsgk/data/cases/*.toml, run by yjsgk/check/cases.py): documents built
from our own synthetic bases (final_2023.txt, a clean 2023 final account; performance_2023.txt;
targets_2024.txt) by a few edits, or small documents of their own, read through the real pipeline
(parse_text → recognize → check). A bad case names the rule, its severity and where the finding
is (line, table, row), never its message: the message is the rule's to word, and the rule
reference shows the one it gives (docs/rules.md, checked current in test_catalogue.py).
"""

from __future__ import annotations

import pytest

from conftest import EXAMPLES
from yjsgk.check import RULES, CheckContext, applies, check
from yjsgk.check.cases import (
    CaseError,
    Edit,
    all_cases,
    apply_edits,
    base_document,
    example,
    outcome,
    parse_cases,
)
from yjsgk.read.text import parse_text
from yjsgk.recognize import recognize
from yjsgk.report.rules_report import example_text, explain_text, reference_markdown, reported

PAIRS = [(rule_id, verdict) for rule_id in sorted(RULES) for verdict in ("bad", "good")]


def test_every_rule_has_a_bad_and_a_good_case():
    cases = all_cases()
    assert sorted(cases) == sorted(RULES), "a case pair for every rule of RULES, and none for a rule not there"
    assert all(sorted(pair) == ["bad", "good"] for pair in cases.values())
    # the compliance families too (they have no meta-test of their own)
    assert {r for r in cases if r.startswith(("complete.", "code."))} == {
        r for r in RULES if r.startswith(("complete.", "code."))
    }


@pytest.mark.parametrize(("rule_id", "verdict"), PAIRS)
def test_case_holds(rule_id, verdict):
    """bad: at least one finding of the rule at its own severity, where the case says;
    good: no finding of the rule at all."""
    result = outcome(rule_id, verdict)
    assert result is not None
    assert result.problems() == []


@pytest.mark.parametrize("rule_id", sorted(RULES))
def test_good_case_is_a_document_the_rule_judges(rule_id):
    """A good case proves something only if the rule runs on it: the rule applies to its kind
    (and, for complete.* and code.*, a profile is on), with the bad case's options."""
    bad, good = outcome(rule_id, "bad"), outcome(rule_id, "good")
    assert bad is not None and good is not None
    rule = RULES[rule_id]
    for result in (bad, good):
        assert applies(rule, result.disclosure, result.case.context()), result.case.verdict
    assert (good.case.profile, good.case.verbose) == (bad.case.profile, bad.case.verbose)
    if rule.needs_profile:
        assert bad.case.profile is not None


def test_suspect_table_comes_from_the_engine():
    """recognize.suspect-table is emitted by the abstain step, not by a rule body: its bad case
    shows the errors of the table turned into notices and the one warning."""
    result = outcome("recognize.suspect-table", "bad")
    assert result is not None
    (suspect,) = result.own
    assert (suspect.severity, suspect.table) == ("warning", "final.expenditure")
    rows = [f for f in result.findings if f.rule == "identity.row"]
    assert len(rows) == 8 and {f.severity for f in rows} == {"notice"}


@pytest.mark.parametrize(
    ("base", "profile"),
    [("final_2023.txt", "national"), ("performance_2023.txt", None), ("targets_2024.txt", None)],
)
def test_the_bases_are_clean(base, profile):
    """The bases raise nothing (the final account under the national profile: it is complete),
    so every finding of a bad case comes from its edits."""
    disclosure = recognize(parse_text(base_document(base), base))
    context = CheckContext.with_profile(profile) if profile else CheckContext()
    assert check(disclosure, context) == []
    assert disclosure.department == "示范市数据资源管理局"


def test_the_clean_final_account_is_the_bundled_example_corrected():
    """final_2023.txt is examples/sample_final_accounts.txt with the six mistakes of
    examples/MISTAKES.md corrected (and a complete 情况说明): the tables are line for line the same."""
    sample = (EXAMPLES / "sample_final_accounts.txt").read_text(encoding="utf-8")
    corrected = [
        ("2010302\t一般行政管理事务\t160.36", "2010302\t一般行政管理事务\t148.36"),
        ("总计\t28\t1874.13\t总计\t56\t1879.13", "总计\t28\t1874.13\t总计\t56\t1874.13"),
        ("36,50", "36.50"),
        ("6.96\t0.00\t6.12\t0.00\t5.12\t1.84", "6.96\t0.00\t5.12\t0.00\t5.12\t1.84"),
        ("30299\t其他商品和服务支出\t3.07", "30299\t其他商品和服务支出\t3.06"),
        ("2010350\t事业单位运行", "2010350\t事业运行"),
    ]
    fixed = apply_edits(sample, tuple(Edit(old, new) for old, new in corrected))
    tables = fixed.split("第三部分\n\n2023年度部门决算情况说明")[0]
    assert base_document("final_2023.txt").startswith(tables)


def test_the_example_is_the_bad_cases_finding():
    """The documented example is generated: what the rule reports on its bad case, today."""
    finding = example("sum.hierarchy")
    assert finding is not None
    assert (finding.rule, finding.severity, finding.table, finding.row) == (
        "sum.hierarchy",
        "error",
        "final.expenditure",
        "20103 政府办公厅（室）及相关机构事务",
    )
    text = reported(finding)
    assert text.startswith("错误 sum.hierarchy [第") and finding.message in text
    assert example_text(RULES["sum.hierarchy"]) == text
    assert f"Example: {text}" in reference_markdown()
    explained = explain_text(RULES["sum.hierarchy"])
    assert f"示例 example:\n  {text}" in explained
    # the bad case's edit, shown as a diff against the base
    assert "\n  -2010302 │ 一般行政管理事务 │ 148.36" in explained
    assert "\n  +2010302 │ 一般行政管理事务 │ 160.36" in explained


# -- the case files are read strictly ---------------------------------------------------------------


def _cases(data: dict) -> list:
    return list(parse_cases(data, "t.toml"))


def test_a_case_file_with_a_typo_is_refused():
    with pytest.raises(CaseError, match="unknown keys"):
        _cases({"sum.hierarchy": {"bad": {"base": "final_2023.txt", "edit": []}}})
    with pytest.raises(CaseError, match="should hold a bad and a good case"):
        _cases({"sum.hierarchy": {"worse": {"base": "final_2023.txt"}}})
    with pytest.raises(CaseError, match="needs a base or a text"):
        _cases({"sum.hierarchy": {"bad": {"what": "…"}}})


def test_an_edit_must_name_text_printed_exactly_once():
    (case,) = _cases({"base": "final_2023.txt", "sum.hierarchy": {"bad": {"edits": [{"old": "万元", "new": "元"}]}}})
    with pytest.raises(CaseError, match="printed [0-9]+ times, not once"):
        _ = case.text
    (case,) = _cases({"sum.hierarchy": {"bad": {"text": "a\nb a\n", "at": "a"}}})
    assert case.line == 1  # the line equal to `at` wins over lines containing it
    (case,) = _cases({"sum.hierarchy": {"bad": {"text": "ab\nb a\n", "at": "a"}}})
    with pytest.raises(CaseError, match="on 2 lines"):
        _ = case.line
