"""narrative.execution-basis: a completion rate computed on the 全年预算 and named after the 年初预算
(or the reverse), on the one real case of ../shared and on a seed edited at test time (tmp_path,
never committed); the legitimate forms stay silent."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from conftest import SHARED, violates
from yjsgk.check import CheckContext, check
from yjsgk.pipeline import recognize_path

SEED = SHARED / "seeds" / "002_98add52c02d21372.txt"
PUTUO_BAD = (
    SHARED / "samples" / "GovBudgetChecker" / "samples" / "bad" / "中共上海市普陀区委社会工作部 2024 年度部门决算.pdf"
)
ITEM = "年初预算为 44.93 万元，支出决算为 125.27 万元，完成年初预算的 278.8%"
RATES = ("narrative.execution", "narrative.share")

pytestmark = pytest.mark.skipif(not SEED.is_file(), reason="../shared not beside the checkout")


def findings(path: Path):
    """The rate findings of a document, less those the seed as printed has (its own 占 notices)."""
    known = {(f.rule, f.message) for f in _rates(SEED)} if path != SEED else set()
    return [f for f in _rates(path) if (f.rule, f.message) not in known]


def _rates(path: Path):
    return [f for f in check(recognize_path(path), CheckContext()) if f.rule.startswith(RATES)]


def edited(tmp_path: Path, new: str) -> Path:
    text = SEED.read_text(encoding="utf-8")
    assert text.count(ITEM) == 1
    copy = tmp_path / SEED.name
    copy.write_text(text.replace(ITEM, new), encoding="utf-8")
    return copy


@violates("narrative.execution-basis")
def test_a_rate_on_the_full_year_budget_named_after_the_initial_one_is_a_warning(tmp_path):
    # 125.27 ÷ 124.37 = 100.72 %: the 全年预算's rate under the 年初预算's name
    copy = edited(
        tmp_path, "年初预算为 44.93 万元，全年预算为 124.37 万元，支出决算为 125.27 万元，完成年初预算的 100.7%"
    )
    found = findings(copy)
    assert [(f.rule, f.severity, f.found, f.expected) for f in found] == [
        ("narrative.execution-basis", "warning", Decimal("100.7"), Decimal("278.8"))
    ]
    assert "= 100.724%" in found[0].message and "应为 278.8%" in found[0].message  # both rates
    assert "应为“完成全年预算的 100.7%”" in found[0].message


def test_the_reverse_a_rate_on_the_initial_budget_named_after_the_full_year(tmp_path):
    copy = edited(
        tmp_path, "年初预算为 44.93 万元，全年预算为 124.37 万元，支出决算为 125.27 万元，完成全年预算的 278.8%"
    )
    found = findings(copy)
    assert [(f.rule, f.severity, f.found) for f in found] == [
        ("narrative.execution-basis", "warning", Decimal("278.8"))
    ]
    assert "按年初预算计算" in found[0].message and "按全年预算计算应为 100.7%" in found[0].message


@pytest.mark.parametrize(
    "sentence",
    [
        ITEM,  # the seed as printed: one budget stated
        "年初预算为 44.93 万元，全年预算为 124.37 万元，支出决算为 125.27 万元，完成年初预算的 278.8%",
        "年初预算为 44.93 万元，全年预算为 124.37 万元，支出决算为 125.27 万元，完成全年预算的 100.7%",
        "年初预算为 44.93 万元，调整后预算为 124.37 万元，支出决算为 125.27 万元，完成调整后预算的 100.7%",
        "年初预算为 44.93 万元，全年预算为 124.37 万元，支出决算为 125.27 万元，完成预算的 100.7%",  # 预算: either
    ],
)
def test_the_legitimate_forms_stay_silent(tmp_path, sentence):
    assert findings(edited(tmp_path, sentence)) == []


def test_a_rate_wrong_on_both_budgets_stays_an_execution_finding(tmp_path):
    copy = edited(
        tmp_path, "年初预算为 44.93 万元，全年预算为 124.37 万元，支出决算为 125.27 万元，完成年初预算的 150.1%"
    )
    assert [f.rule for f in findings(copy)] == ["narrative.execution"]


def test_the_real_case_a_zero_initial_budget_and_a_rate_on_the_full_year():
    """普陀区委社会工作部 2024 决算 p.18: 年初预算为 0 万元，全年预算为 321.02 万元，支出决算为
    307.82 万元，完成年初预算的 95.89% (= 307.82 ÷ 321.02); its 项 that say 完成全年预算数的 stay silent."""
    found = [f for f in findings(PUTUO_BAD) if f.rule == "narrative.execution-basis"]
    assert [(f.severity, f.location.page, f.found) for f in found] == [("warning", 18, Decimal("95.89"))]
    assert "95.8881%" in found[0].message and "年初预算为 0 万元" in found[0].message
