"""Classification codes on real documents: how they are read, harvested and judged (issue 12, class 3 and 7)."""

from __future__ import annotations

from conftest import SHARED, load_disclosure
from yjsgk.check import check
from yjsgk.check.context import CheckContext
from yjsgk.model import Disclosure
from yjsgk.read.text import parse_text
from yjsgk.recognize import recognize

CORPUS = SHARED / "corpus" / "renwu"
XIAN_TRANSPORT = CORPUS / "020_西安" / "交通运输局_2026年部门预算.pdf"
YANTAI_EMERGENCY = CORPUS / "025_烟台" / "2026年烟台市应急管理局部门预算.pdf"


def findings(path, rule: str, profile: str | None = "national") -> list:
    context = CheckContext.with_profile(profile) if profile else CheckContext()
    return [f for f in check(load_disclosure(path), context) if f.rule == rule]


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


# -- code.parent: local extensions are the usual case, not the only one --------------------------

XIAN_EMERGENCY = CORPUS / "020_西安" / "应急管理局_2026年部门预算.pdf"


def test_local_subcodes_without_their_kuan_are_not_misplaced():
    # 西安 应急管理局 表8 p.19: 30101 基本工资, 3010201 津贴补贴, 3010202 改革性补贴, 30108 … — local
    # sub-codes of 30102 in a flat list without a 30102 row: 16 code.parent errors before
    assert findings(XIAN_EMERGENCY, "code.parent") == []
    rows = rows_on_page(XIAN_EMERGENCY, "budget.general_budget_basic", 19)
    assert [c for c, _ in rows if c][:5] == ["301", "30101", "3010201", "3010202", "30108"]
    # 3010201/3010202 are local codes the dictionary lists (重庆 prints them too): not unknown
    assert not [f for f in findings(XIAN_EMERGENCY, "code.unknown") if f.row.startswith("30102")]


def basic_budget(rows: list[tuple[str, str, str]]) -> Disclosure:
    """A 一般公共预算基本支出情况表 (budget, one code/name/amount list) in the tab-separated text layout."""
    lines = ["示范市测试局", "2026年部门预算", "", "一般公共预算基本支出情况表", "", "单位：万元", ""]
    lines += ["科目编码\t科目名称\t合计\t人员经费\t公用经费"]
    lines += ["\t".join((code, name, amount, amount, "")) for code, name, amount in rows]
    return recognize(parse_text("\n".join([*lines, "", ""]), source="t.txt"))


def rule_findings(disclosure: Disclosure, rule: str) -> list:
    return [f for f in check(disclosure, CheckContext.with_profile("national")) if f.rule == rule]


def test_a_parent_printed_elsewhere_in_the_run_is_still_required():
    rows = [
        ("301", "工资福利支出", "30.00"),
        ("30101", "基本工资", "20.00"),
        ("3020101", "办公费（细化）", "5.00"),  # 302 and 30201 are printed below: under the wrong 款
        ("302", "商品和服务支出", "5.00"),
        ("30201", "办公费", "5.00"),
    ]
    disclosure = basic_budget(rows)
    assert [r.code for r in disclosure.tables[0].coded_rows()] == [c for c, _, _ in rows]
    (finding,) = rule_findings(disclosure, "code.parent")
    assert finding.row == "3020101 办公费（细化）"
    assert finding.message.endswith("列在 30101 基本工资 之下，其上级科目应为 30201。")
    # with no 302 or 30201 row in the table, nothing says where the sub-code belongs
    assert rule_findings(basic_budget(rows[:3]), "code.parent") == []


# -- code.unknown: warnings only for codes that cannot be right -----------------------------------

YANTAI_HRSS = SHARED / "samples" / "renwu" / "025_烟台" / "2026年烟台市人力资源和社会保障局部门预算.pdf"


def test_a_code_missing_only_from_our_list_is_a_notice_once_per_document():
    # 9 warnings before: 2080704 社会保险补贴, 20826 and 2082601 in three tables each
    found = findings(YANTAI_HRSS, "code.unknown")
    assert {f.severity for f in found} == {"notice"}
    assert sorted(f.row for f in found) == ["2080704 社会保险补贴", "2082601 财政对企业职工基本养老保险基金的补助"]
    (social,) = [f for f in found if f.row.startswith("2080704")]
    assert social.message == (
        "部门收入总体情况表（公开02表）中的科目编码 2080704（社会保险补贴）未收录在本工具的支出功能分类科目表中"
        "（类级科目 208、款级科目 20807 已收录），未核对其名称。"
    )


def test_unknown_class_and_local_subcodes():
    rows = [
        ("301", "工资福利支出", "30.00"),
        ("30102", "津贴补贴", "20.00"),
        ("3010299", "其他地方津贴", "20.00"),  # a local sub-code the dictionary does not list
        ("30101", "基本工资", "10.00"),
        ("308", "不存在的类", "1.00"),
        ("30801", "不存在的款", "1.00"),
    ]
    found = {f.row: (f.severity, f.message) for f in rule_findings(basic_budget(rows), "code.unknown")}
    assert found == {
        "3010299 其他地方津贴": (
            "notice",
            "一般公共预算基本支出情况表中的科目编码 3010299（其他地方津贴）是款级科目 30102 津贴补贴 下的地方细化科目（非全国统一编码），未核对其名称。",
        ),
        "308 不存在的类": (
            "warning",
            "一般公共预算基本支出情况表中的科目编码 308（不存在的类）的类级科目 308 不在部门预算支出经济分类科目中。",
        ),
        "30801 不存在的款": (
            "warning",
            "一般公共预算基本支出情况表中的科目编码 30801（不存在的款）的类级科目 308 不在部门预算支出经济分类科目中。",
        ),
    }


def test_harvested_codes_are_known():
    # 上海、广州、烟台 司法局 print 20408 强制隔离戒毒 and its 项: missing from the curated list
    from yjsgk.dictionary import function_classification

    entry = function_classification().lookup("2040801")
    assert (entry.name, entry.harvested, entry.confirmed) == ("行政运行", True, True)
    assert entry.provenance.startswith("harvested: 3 documents, first corpus/renwu/001_上海/")


# -- name.same-code: only a real difference of names ----------------------------------------------


def test_same_code_compares_names_not_neighbouring_cells():
    def table(title: str, rows: list[tuple[str, str]]) -> list[str]:
        lines = [title, "", "单位：万元", "", "科目编码\t科目名称\t合计\t人员经费\t公用经费"]
        return lines + ["\t".join((code, name, "30.00", "30.00", "")) for code, name in rows] + ["", ""]

    text = ["示范市测试局", "2026年部门预算", ""]
    text += table("一般公共预算基本支出情况表", [("301", "工资福利支出"), ("30101", "基本工资")])
    # the government classification's name read into the name cell, a row number, and one real difference
    text += table(
        "一般公共预算支出经济分类情况表",
        [("301", "工资福利支出"), ("30101", "基本工资 工资奖金津补贴"), ("30102", "津贴补贴"), ("30101", "奖金")],
    )
    text += table("一般公共预算支出经济分类情况表", [("30102", "5 津贴补贴 工资福利支出")])
    found = rule_findings(recognize(parse_text("\n".join(text), source="t.txt")), "name.same-code")
    assert [f.message for f in found] == [
        "科目 30101 在一般公共预算支出经济分类情况表中名为“奖金”，其他表（一般公共预算基本支出情况表）均为“基本工资”。"
    ]


def test_a_name_cut_by_a_narrow_pdf_cell_is_the_same_name():
    # 西安市科技创新局 表5 pp.46–47 prints “其他社会保障和就业支” clipped by its narrow 功能科目名称 column,
    # 表7 p.52 the full “其他社会保障和就业支出”; 国资委 表8 p.31 prints “…基本养老保险缴” with 费 wrapped
    # under the border into the next row (“费职业年金缴费”): reading artefacts, not two names

    for name in ("科技创新局_2026年部门预算.pdf", "国有资产监督管理委员会_2026年部门预算.pdf"):
        d = load_disclosure(SHARED / "corpus/renwu/020_西安" / name)
        assert [f for f in check(d, select=["name."])] == []
