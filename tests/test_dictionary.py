"""The classification-code dictionary shipped as package data (data/classification/*.csv)."""

from __future__ import annotations

import csv
import re
from importlib import resources

import pytest

from conftest import ROOT, SEED_FILES, SHARED, load_disclosure
from yjsgk.check import CheckContext, check
from yjsgk.definitions import table_def
from yjsgk.dictionary import (
    crosswalk,
    economic_classification,
    function_classification,
    government_economic,
    name_key,
    sources,
)
from yjsgk.read.text import parse_text
from yjsgk.recognize import recognize

FUNCTION = function_classification()
ECONOMIC = economic_classification()


# -- lookups -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "scheme, code, year, name, level, parent",
    [
        (FUNCTION, "201", 2021, "一般公共服务支出", "类", None),
        (FUNCTION, "20103", 2021, "政府办公厅（室）及相关机构事务", "款", "201"),
        (FUNCTION, "2010399", 2021, "其他政府办公厅（室）及相关机构事务支出", "项", "20103"),
        (FUNCTION, "2080505", 2019, "机关事业单位基本养老保险缴费支出", "项", "20805"),
        (FUNCTION, "2296002", 2023, "用于社会福利的彩票公益金支出", "项", "22960"),
        (FUNCTION, "2146907", 2026, "通用航空发展", "项", "21469"),
        (ECONOMIC, "302", 2021, "商品和服务支出", "类", None),
        (ECONOMIC, "30217", 2021, "公务接待费", "款", "302"),
        (ECONOMIC, "39908", 2021, "对民间非营利组织和群众性自治组织补贴", "款", "399"),
        (ECONOMIC, "309", 2026, "资本性支出（基本建设）", "类", None),
    ],
)
def test_lookup(scheme, code, year, name, level, parent):
    entry = scheme.lookup(code, year)
    assert (entry.name, entry.level, entry.parent) == (name, level, parent)
    assert scheme.name(code, year) == name
    assert entry.confirmed and entry.sources


def test_names_compare_beyond_punctuation():
    assert (
        FUNCTION.match("2010399", "其他政府办公厅(室)及相关机构事务支出").name
        == "其他政府办公厅（室）及相关机构事务支出"
    )
    assert FUNCTION.match("2010399", "其他政府办公厅(室)及相关机构事务") is None  # “支出” is a word, not punctuation
    assert name_key("七、文化旅游体育与传媒支出") == name_key("文化旅游体育与传媒支出")


def test_expense_groups_follow_the_2024_template():
    assert (ECONOMIC.lookup("30113").expense_group, ECONOMIC.lookup("30231").expense_group) == ("人员经费", "公用经费")
    assert ECONOMIC.lookup("30399").expense_group == "人员经费"


def test_unknown_codes():
    assert "2019998" not in FUNCTION and FUNCTION.lookup("2019998") is None
    assert "30101" not in FUNCTION and "2010301" not in ECONOMIC


# -- years and renamed codes ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "scheme, code, names_by_year",
    [
        # 2019: 文化和旅游部, 卫生健康委, 自然资源部 — the 类 were renamed with the ministries
        (FUNCTION, "207", {2018: "文化体育与传媒支出", 2019: "文化旅游体育与传媒支出"}),
        (FUNCTION, "210", {2013: "医疗卫生支出", 2016: "医疗卫生与计划生育支出", 2019: "卫生健康支出"}),
        (FUNCTION, "220", {2018: "国土海洋气象等支出", 2019: "自然资源海洋气象等支出"}),
        # seeds: 000 (2019) prints 资源勘探信息等支出, 002 (2020) 资源勘探工业信息等支出
        (FUNCTION, "215", {2018: "资源勘探信息等支出", 2020: "资源勘探工业信息等支出"}),
        # the 2018 reform of the economic classification, seen in the Jiangsu 2017 and 2018 samples
        (ECONOMIC, "30307", {2017: "医疗费", 2018: "医疗费补助"}),
        (ECONOMIC, "30311", {2017: "住房公积金", 2018: "代缴社会保险费"}),
        (ECONOMIC, "310", {2017: "其他资本性支出", 2018: "资本性支出"}),
    ],
)
def test_renamed_codes(scheme, code, names_by_year):
    assert code in scheme.renamed()
    for year, name in names_by_year.items():
        assert scheme.name(code, year) == name, year


def test_an_unsettled_rename_accepts_both_names_in_between():
    # 20805: 行政事业单位离退休 in the 2017–2019 documents, 行政事业单位养老支出 from 2022 on
    both = {e.name for e in FUNCTION.accepted_names("20805", 2021)}
    assert both == {"行政事业单位离退休", "行政事业单位养老支出"}
    assert [e.name for e in FUNCTION.accepted_names("20805", 2019)] == ["行政事业单位离退休"]
    assert [e.name for e in FUNCTION.accepted_names("20805", 2023)] == ["行政事业单位养老支出"]
    assert FUNCTION.match("20805", "行政事业单位离退休").years == "2021年及以前"


@pytest.mark.parametrize(
    "scheme, code, valid, invalid",
    [
        (FUNCTION, "224", 2019, 2018),  # 灾害防治及应急管理支出, new in 2019
        (FUNCTION, "234", 2020, 2019),  # 抗疫特别国债安排的支出, new in 2020
        (ECONOMIC, "30312", 2017, 2018),  # 提租补贴, gone with the 2018 reform
        (ECONOMIC, "30104", 2017, 2018),
        (ECONOMIC, "30110", 2018, 2017),  # 职工基本医疗保险缴费, new in 2018
    ],
)
def test_codes_valid_by_year(scheme, code, valid, invalid):
    assert scheme.valid_in(code, valid)
    assert not scheme.valid_in(code, invalid)
    assert scheme.valid_in(code, None)


# -- the parent rule -----------------------------------------------------------------------------


def test_parents():
    assert (
        FUNCTION.parent("2010301") == "20103" and FUNCTION.parent("20103") == "201" and FUNCTION.parent("201") is None
    )
    assert set(FUNCTION.children("20103")) == {"2010301", "2010302", "2010350", "2010399"}
    assert ECONOMIC.parent("3010201") == "30102"  # a local 7-digit subdivision (重庆 2026)


def basic_06(rows: list[tuple[str, str, str]]) -> str:
    """A 公开06表 with one code/name/amount group (the tab-separated layout of seeds/002)."""
    lines = [
        "2021年度",
        "示范市测试局",
        "部门决算",
        "",
        "一般公共预算财政拨款基本支出决算表",
        "",
        "公开 06 表",
        "",
        "部门：示范市测试局",
        "",
        "单位：万元",
        "",
        "经济分类科目编码\t科目名称\t决算数",
    ]
    lines += ["\t".join(r) for r in rows]
    return "\n".join(lines + ["", "注：本表反映部门本年度一般公共预算财政拨款基本支出明细情况。", ""])


def parent_findings(rows) -> list:
    disclosure = recognize(parse_text(basic_06(rows), source="t.txt"))
    return [f for f in check(disclosure, CheckContext.with_profile("national")) if f.rule == "code.parent"]


def test_parent_rule():
    good = [
        ("301", "工资福利支出", "30.00"),
        ("30101", "基本工资", "30.00"),
        ("302", "商品和服务支出", "5.00"),
        ("30201", "办公费", "5.00"),
    ]
    assert parent_findings(good) == []
    # 30201 办公费 printed inside the 301 block, before 302
    misplaced = [good[0], good[1], good[3], good[2]]
    (finding,) = parent_findings(misplaced)
    assert (finding.severity, finding.row, finding.table) == ("error", "30201 办公费", "final.general_budget_basic")
    assert finding.message.endswith("中 30201 办公费 列在 301 工资福利支出 之下，其上级科目应为 302。")


# -- the data: sources, structure, coverage ------------------------------------------------------


def rows(name: str) -> list[dict]:
    text = resources.files("yjsgk.data").joinpath("classification", name).read_text("utf-8")
    return list(csv.DictReader(text.splitlines()))


@pytest.mark.parametrize("name", ["function.csv", "economic.csv"])
def test_every_entry_is_well_formed_and_sourced(name):
    known = sources()
    harvest = {(r["code"], r["name"]): r for r in rows("harvest.csv") if r["scheme"] == name.split(".")[0]}
    for r in rows(name):
        code = r["code"]
        assert code.isdigit() and len(code) in (3, 5, 7), r
        assert r["level"] == {3: "类", 5: "款", 7: "项"}[len(code)], r
        assert r["parent"] == ("" if len(code) == 3 else code[:-2]), r
        if r["source"].startswith("harvested:"):
            # "harvested: N documents, first PATH": harvest.csv lists them; confirmed only when two agree
            m = re.fullmatch(r"harvested: (\d+) documents, first (.+)", r["source"])
            assert m and (SHARED / m.group(2)).is_file(), r
            entry = harvest[(code, r["name"])]
            assert entry["status"] in ("added", "local") and entry["documents"] == m.group(1), r
            assert r["confirmed"] == "no" or int(m.group(1)) >= 2, r
            continue
        assert r["source"].split(), r
        assert all(s in known for s in r["source"].split()), r
        if r["valid_from"] and r["valid_to"]:
            assert int(r["valid_from"]) <= int(r["valid_to"]), r
        # a name counts as official when the maintainers know it or two independent documents print it
        ids = r["source"].split()
        if r["confirmed"] == "yes" and "K" not in ids:
            documents = {(known[s].department, known[s].year) for s in ids if known[s].kind in ("seed", "sample")}
            assert len(documents) >= 2, r


def test_every_parent_is_in_the_dictionary():
    for scheme in (FUNCTION, ECONOMIC):
        for code in scheme.codes():
            parent = scheme.parent(code)
            assert parent is None or parent in scheme, code


def test_sources_point_at_real_files():
    for source in sources().values():
        if source.kind in ("seed", "sample", "refdata", "corpus"):
            path = ROOT / source.reference.split(" (")[0]
            assert path.is_file(), source


@pytest.mark.parametrize("name", sorted(SEED_FILES))
def test_every_code_printed_in_the_seeds_is_known_for_its_year(name):
    disclosure = load_disclosure(SEED_FILES[name])
    for table in disclosure.tables:
        scheme = table_def(table.id).codes
        for row in table.coded_rows():
            dictionary = ECONOMIC if scheme == "economic" else FUNCTION
            assert dictionary.valid_in(row.code, disclosure.year), (name, table.id, row.code)


def test_every_code_of_the_shared_reference_lists_is_known():
    # refdata/harvested_codes_from_sample_pdfs.csv: 21968 is “万元” read as a code (noise)
    with open(SHARED / "refdata" / "harvested_codes_from_sample_pdfs.csv", encoding="utf-8") as f:
        harvested = [r["code"] for r in csv.DictReader(f) if r["code"] != "21968"]
    with open(SHARED / "refdata" / "econ_class_basic_expenditure_2024_shanghai_template.csv", encoding="utf-8") as f:
        template = list(csv.DictReader(f))
    assert all(c in FUNCTION or c in ECONOMIC for c in harvested)
    for r in template:
        assert name_key(ECONOMIC.name(r["code"], 2024)) == name_key(r["name"]), r


@pytest.mark.parametrize(
    "scheme, code, sample, printed",
    [
        # read from the sample PDFs with pdftotext -layout
        (FUNCTION, "2146907", "renwu/003_深圳/2026年深圳市交通运输局部门预算.pdf", "通用航空发展"),
        (FUNCTION, "21301", "renwu/079_湖州/2026年湖州市交通运输局部门预算.pdf", "农业农村"),
        (FUNCTION, "2296003", "renwu/022_佛山/2026年佛山市交通运输局部门预算.pdf", "用于体育事业的彩票公益金支出"),
        (ECONOMIC, "3010201", "renwu/004_重庆/2026年重庆市人民政府办公厅部门预算.pdf", "规范性津补贴"),
        (ECONOMIC, "30311", "open-budget/江苏省人民检察院/2017年省检察院部门预算.pdf", "住房公积金"),
    ],
)
def test_sample_codes_name_their_document(scheme, code, sample, printed):
    by_reference = {s.reference: s.id for s in sources().values()}
    source_id = by_reference[f"../shared/samples/{sample}"]
    entry = scheme.match(code, printed)
    assert entry is not None and source_id in entry.sources


def test_local_codes_are_not_used_to_judge_names():
    entry = ECONOMIC.lookup("3010201")
    assert not entry.confirmed and "地方细化" in entry.note


# -- the crosswalk to the government economic classification (501–599) -------------------------


@pytest.mark.parametrize(
    "department, unit_type, government, name",
    [
        ("30101", "机关", "50101", "工资奖金津补贴"),
        ("30108", "机关", "50102", "社会保障缴费"),
        ("30215", "机关", "50202", "会议费"),
        ("30217", "机关", "50206", "公务接待费"),
        ("30231", "机关", "50208", "公务用车运行维护费"),
        ("31002", "机关", "50306", "设备购置"),
        ("30302", "机关", "50905", "离退休费"),
        ("30302", "事业单位", "50905", "离退休费"),
        ("30701", "机关", "51101", "国内债务付息"),
        # printed side by side in the 烟台 2026 基本支出情况表 (公开表6): 30228 工会经费 → 501 01 … 办公经费
        ("30228", "机关", "50201", "办公经费"),
        ("30226", "机关", "50205", "委托业务费"),
        ("30101", "事业单位", "50501", "工资福利支出"),
        ("30201", "事业单位", "50502", "商品和服务支出"),
    ],
)
def test_crosswalk(department, unit_type, government, name):
    assert crosswalk(department, unit_type) == (government,)
    assert government_economic()[government] == name


def test_crosswalk_sources():
    by_reference = {s.reference: s.id for s in sources().values()}
    yantai = by_reference["../shared/samples/renwu/025_烟台/2026年烟台市交通运输局部门预算.pdf"]
    entry = next(r for r in rows("crosswalk.csv") if (r["department_code"], r["government_code"]) == ("30228", "50201"))
    assert yantai in entry["source"].split()
    assert all(r["source"].split() for r in rows("crosswalk.csv"))


def test_crosswalk_only_where_established():
    assert crosswalk("30214") == ()  # 租赁费: not mapped (办公经费 or 其他商品和服务支出 is not settled here)
    assert all(ECONOMIC.lookup(r["department_code"]) for r in rows("crosswalk.csv"))
    with pytest.raises(ValueError):
        crosswalk("30101", "企业")
