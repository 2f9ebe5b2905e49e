"""Classification codes on real documents: how they are read, harvested and judged (issue 12, class 3 and 7)."""

from __future__ import annotations

from conftest import SHARED, load_disclosure
from yjsgk.check import check
from yjsgk.check.rules.completeness import use_profile

CORPUS = SHARED / "corpus" / "renwu"
XIAN_TRANSPORT = CORPUS / "020_西安" / "交通运输局_2026年部门预算.pdf"
YANTAI_EMERGENCY = CORPUS / "025_烟台" / "2026年烟台市应急管理局部门预算.pdf"


def findings(path, rule: str, profile: str | None = "national") -> list:
    with use_profile(profile):
        return [f for f in check(load_disclosure(path)) if f.rule == rule]


def rows_on_page(path, table_id: str, page: int) -> list[tuple[str | None, str]]:
    disclosure = load_disclosure(path)
    return [
        (r.code, r.name)
        for t in disclosure.tables
        if t.id == table_id
        for r in t.rows
        if r.location and r.location.page == page
    ]


# -- reading: a second classification printed alongside, a 序号 column ---------------------------


def test_row_number_and_government_classification_are_not_the_code():
    # 西安 表8 p.47: 序号 | 部门经济科目编码 | 名称 | 政府经济科目编码 | 名称 | amounts — read as
    # 50101 “3 基本工资 工资奖金津补贴” before: the government code and both names, with the row number
    rows = rows_on_page(XIAN_TRANSPORT, "budget.general_budget_basic", 47)
    assert rows[1:6] == [
        ("301", "工资福利支出"),
        ("30101", "基本工资"),
        ("30101", "基本工资"),  # the same department code for 机关 (50101) and 事业单位 (50501)
        ("30102", "津贴补贴"),
        ("30102", "津贴补贴"),
    ]


def test_split_codes_of_a_second_classification_are_cut_off():
    # 烟台 公开表6 p.18: 类 | 款 | 部门预算支出经济分类科目名称 | 类 | 款 | 政府预算支出经济分类科目名称
    rows = rows_on_page(YANTAI_EMERGENCY, "budget.general_budget_basic", 18)
    assert rows[1:4] == [("301", "工资福利支出"), ("30101", "基本工资"), ("30102", "津贴补贴")]
    assert ("301", "工资福利支出") in rows[4:]  # 301 again, for the 505 (事业单位) block


def test_two_classifications_side_by_side_are_not_two_names():
    # 51 and 23 name.same-code warnings before: “基本工资 工资奖金津补贴” against “基本工资 工资福利支出”
    assert findings(XIAN_TRANSPORT, "name.same-code", None) == []
    assert findings(YANTAI_EMERGENCY, "name.same-code", None) == []
