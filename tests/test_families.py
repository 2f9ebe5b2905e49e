"""Template families: the provincial/municipal template a document follows, and the complete.*
rules under it.

Every document here is a real disclosure of ../shared read in place; each expectation was
checked on the rendered page (pages are 1-based).
"""

from __future__ import annotations

import json

import pytest

from conftest import SEED_FILES, SHARED, load_disclosure
from yjsgk.check import CheckContext, check
from yjsgk.config import Config
from yjsgk.pipeline import recognize_path
from yjsgk.report.json_report import dumps, extract_payload

CORPUS = SHARED / "corpus" / "renwu"
SAMPLES = SHARED / "samples"

DOCS = {
    "shanghai": CORPUS / "001_上海/2026年上海市住房和建设局_部门预算.pdf",
    "shanghai-final": SAMPLES / "GovBudgetChecker/samples/good/上海市普陀区财政局2024年度部门决算.pdf",
    "beijing-narrative": SAMPLES / "renwu/002_北京/2026年北京市交通委员会部门预算.pdf",
    "beijing-tables": SHARED / "corpus/renwu_hist/002_北京/司法局_附件2：北京市司法局2026年度部门预算报表.pdf",
    "beijing-glossary": CORPUS / "002_北京/2026年北京市规划和自然资源委员会部门预算.pdf",
    "shenzhen": CORPUS / "003_深圳/2026年深圳市人民政府口岸办公室部门预算.pdf",
    "chongqing": CORPUS / "004_重庆/2026年重庆市商务委员会部门预算.pdf",
    "guangdong": SAMPLES / "renwu/005_广州/2026年广州市交通运输局部门预算.pdf",
    "jiangsu": CORPUS / "006_苏州/2026年苏州市审计局部门预算.pdf",
    "jiangsu-2017": SAMPLES / "open-budget/江苏省人民检察院/2017年省检察院部门预算.pdf",
    "zhejiang": CORPUS / "008_杭州/2026年杭州市公安局部门预算.pdf",
    "zhejiang-office": CORPUS / "008_杭州/2026年杭州市气象局部门预算.pdf",
    "fujian": SAMPLES / "renwu/017_福州/2026年福州市公安局部门预算.pdf",
    "xian": CORPUS / "020_西安/2026年西安市公安局部门预算.pdf",
    "xian-2019": CORPUS / "020_西安/应急管理局_2026年部门预算.pdf",
    "xian-blank-form": CORPUS / "020_西安/医疗保障局_2026年部门预算.pdf",
    "shandong": CORPUS / "025_烟台/2026年烟台市司法局部门预算.pdf",
    "shandong-cut": CORPUS / "025_烟台/2026年烟台市教育局部门预算.pdf",
    "central": SAMPLES / "renwu/009_武汉/2026年武汉市信访局部门预算.pdf",
    "suzhou-water": CORPUS / "006_苏州/2026年苏州市水务局部门预算.pdf",
    "shandong-aid": CORPUS / "025_烟台/2026年烟台市发展和改革委员会部门预算.pdf",
}


def doc(name: str):
    return load_disclosure(DOCS[name])


def by_family(disclosure) -> list:
    """The complete.* findings under the default profile: the document's template family."""
    context = CheckContext.from_config(Config())
    assert context.by_family
    return [f for f in check(disclosure, context) if f.rule.startswith("complete.")]


def warnings(findings, rule: str | None = None) -> list:
    return [f for f in findings if f.severity == "warning" and (rule is None or f.rule == rule)]


# -- recognition ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name, family",
    [
        ("shanghai", "shanghai"),  # 财务收支预算总表 …, 预算编制说明, 其他相关情况说明
        ("shanghai-final", "shanghai"),  # 国有资产占有使用情况, 预算绩效管理情况
        ("beijing-narrative", "beijing"),  # 附件1: 部门情况说明 … 其他情况说明, no table
        ("beijing-tables", "beijing"),  # 附件2: 预算01表 收支总表 … no heading
        ("shenzhen", "shenzhen"),  # 基本支出总表, 项目支出总表, 部门预算支出具体情况
        ("chongqing", "chongqing"),  # 财政拨款情况说明, 专业性名词解释
        ("guangdong", "guangdong"),  # 财政拨款安排的行政经费及“三公”经费预算表
        ("jiangsu", "jiangsu"),  # 财政拨款支出表（功能科目）, 机关运行经费支出预算表
        ("jiangsu-2017", "jiangsu"),
        ("zhejiang", "zhejiang"),  # 表1：2026年市级部门收支预算总表, 收支预算情况的总体说明
        ("fujian", "fujian"),  # 一般公共预算支出经济分类情况表, 预算收支总体情况
        ("xian", "xian"),  # 部门综合预算收支总表, 专业名词解释
        ("shandong", "shandong"),  # 基本支出预算情况表, 政策和项目预算绩效目标表
    ],
)
def test_family_recognized(name, family):
    found = doc(name).template_family
    assert found is not None and (found.name, found.sure) == (family, True)
    assert 0.6 <= found.certainty <= 1 and len(found.evidence) >= 2


def test_seeds_follow_the_national_and_hunan_templates():
    assert load_disclosure(SEED_FILES["004"]).template_family.name == "national"  # 醴陵 2021 决算
    assert load_disclosure(SEED_FILES["003"]).template_family.name == "hunan"  # 长沙 2023 预算


def test_a_family_that_extends_another_needs_a_feature_of_its_own(tmp_path):
    """长沙 2023 预算 (seed 003) without what sets 湖南's template apart (the 部门预算单位构成
    section, the 绩效目标表 tables): its headings and tables are the national template's, and 湖南,
    which lists them too, must not win over national for them (it did: 湖南 0.8)."""
    text = SEED_FILES["003"].read_text(encoding="utf-8")
    kept = [line for line in text.splitlines() if "部门预算单位构成" not in line and "绩效目标表" not in line]
    copy = tmp_path / "national-budget.txt"
    copy.write_text("\n".join(kept), encoding="utf-8")
    found = recognize_path(copy).template_family
    assert found is not None and (found.name, found.sure) == ("national", True)
    assert "^部门预算单位构成$" in load_disclosure(SEED_FILES["003"]).template_family.evidence


def test_a_template_no_family_knows_is_not_recognized():
    # 武汉 sample = 国家信访局 2026 预算: the central departments' 关于部门收支总表的说明 layout
    assert doc("central").template_family is None


def test_extract_json_shows_the_family():
    family = json.loads(dumps(extract_payload([doc("chongqing")])))["documents"][0]["template_family"]
    assert (family["name"], family["title"], family["sure"]) == ("chongqing", "重庆市", True)


# -- the default profile is the document's family -------------------------------------------------


def test_unknown_template_gives_notices_only():
    # 国家信访局: no family recognized; what the national profile misses is a notice that says so
    findings = by_family(doc("central"))
    sections = [f for f in findings if f.rule == "complete.section"]
    assert sections and all(f.severity == "notice" for f in sections)
    assert all(f.message.endswith("（未能确定本文件所依的地方公开模板，仅作提示）") for f in sections)


def test_a_chosen_profile_applies_as_asked():
    # the Shanghai budget under an explicit `--profile national`: its template's parts are not the
    # national ones (no 收入预算 part: the 预算编制说明 states it), warnings as before
    context = CheckContext.with_profile("national")
    findings = [f for f in check(doc("shanghai"), context) if f.rule == "complete.section"]
    assert warnings(findings) and not by_family_warnings("shanghai", "complete.section")


def by_family_warnings(name: str, rule: str) -> list:
    return warnings(by_family(doc(name)), rule)


@pytest.mark.parametrize(
    "name",
    ["shanghai", "shanghai-final", "beijing-narrative", "shenzhen", "chongqing", "guangdong", "jiangsu"]
    + ["zhejiang", "fujian", "xian", "shandong"],
)
def test_a_complete_document_of_its_family_has_no_section_warning(name):
    # every part its template prints is found, whatever its wording (部门预算收支增减变化情况,
    # 收支预算情况的总体说明, 财政拨款情况说明, 国有资产占有使用情况 …), and its 名词解释 too
    findings = by_family(doc(name))
    assert warnings(findings, "complete.section") == []
    assert warnings(findings, "complete.glossary") == []


# -- classes of false warnings --------------------------------------------------------------------


def test_contents_end_where_the_unnumbered_body_begins():
    # 上海 p. 2: the 目录 numbers its entries 一、…六、; the body names its parts without a number
    # (…（单位）主要职能, 名词解释, 2026年单位预算编制说明): they are no 目录 entries
    outline = doc("shanghai").outline
    assert outline.contents[-1].text == "六、其他相关情况说明"
    named = {h.key: h.line.location.page for h in outline.parts() if h.named}
    assert named["名词解释"] == 5 and named["单位预算编制说明"] == 6


def test_contents_entries_with_dot_leaders():
    # 福州 p. 2: “一、单位主要职责……………” lines run past 80 characters with their leaders
    outline = doc("fujian").outline
    assert len(outline.contents) == 25 and outline.contents[-1].text.startswith("第四部分 名词解释")


def test_title_after_a_colon():
    # 西安 p. 19: “第四部分：专业名词解释”
    glossary = [h for h in doc("xian").outline.parts() if h.key == "专业名词解释"]
    assert [(h.level, h.line.location.page) for h in glossary] == [(0, 19)]


def test_glossary_terms_are_not_the_parts_they_name():
    # 烟台市教育局 p. 39: the 预算情况说明 stops after 一、 and 五、政府采购情况; its 名词解释 explains
    # “三公”经费 and 机关运行经费 (p. 42–43), which does not make those parts present
    (finding,) = by_family_warnings("shandong-cut", "complete.section")
    assert "“三公”经费预算、机关运行经费、国有资产占用情况、预算绩效目标说明" in finding.message


def test_section_present_under_its_sub_items():
    # 烟台市司法局 p. 30: “一、预算收支增减变化情况说明” is not printed, its （一）收入预算 …
    # （三）增减变化情况 are
    assert by_family_warnings("shandong", "complete.section") == []


def test_tables_published_apart():
    # 北京 publishes the 情况说明 (附件1) and the 预算01–13表 (附件2) as two files
    tables = [f for f in by_family(doc("beijing-narrative")) if f.rule == "complete.table"]
    assert [(f.severity, f.message[:16]) for f in tables] == [("notice", "本文件只含情况说明，未含公开表格")]
    apart = by_family(doc("beijing-tables"))
    assert warnings(apart) == []
    assert {f.rule for f in apart if f.severity == "notice"} == {"complete.section", "complete.glossary"}


def test_a_glossary_of_its_own_template():
    # 北京's 名词解释 explains 基本支出, 项目支出, “三公”经费财政拨款预算数, 政府采购 (机关运行经费 has
    # its own part, 五、（二）); 规划和自然资源委员会 p. 11 leaves out “三公”经费
    (finding,) = by_family_warnings("beijing-glossary", "complete.glossary")
    assert finding.message == "名词解释未解释“三公经费”。"
    assert by_family_warnings("beijing-narrative", "complete.glossary") == []


def test_item_of_a_larger_part():
    # 杭州市气象局 p. 9–10: （十）其他重要事项的情况说明 lists 政府采购, 国有资产占有使用, 预算绩效,
    # 委托业务费 — not 机关运行经费, which the Zhejiang template's other documents state there
    (finding,) = by_family_warnings("zhejiang-office", "complete.section")
    assert finding.message == "“其他重要事项的情况说明”部分未说明机关运行经费。"


def test_a_table_printed_but_not_read_is_only_noted():
    # 西安市应急管理局 2019 p. 2: its 目录 (a grid) lists 表9 “2019年部门综合预算政府性基金收支表”
    # as 空表 with the reason 本单位无政府性基金预算; no table of that title was read — noted only
    (table,) = [f for f in by_family(doc("xian-2019")) if f.rule == "complete.table"]
    assert (table.severity, table.table) == ("notice", "budget.gov_fund")
    assert table.message.startswith("未能识别政府性基金预算支出情况表：文件印有“2019年部门综合预算政府性基金收支表”")


def test_contents_entry_broken_over_two_lines():
    # 江苏省检察院 2017 p. 2: “十一、一般公共预算“三公”经费、会议费、培训费支出预算” / “表”
    assert by_family_warnings("jiangsu-2017", "complete.contents-order") == []


def test_year_of_a_line_broken_out_of_a_paragraph():
    # 苏州市水务局 p. 28 line 11: “山塘江边泵站工程等工程 2025 年在政府性基金预算拨款收入中列”
    assert by_family_warnings("suzhou-water", "complete.year-unit") == []


def test_a_blank_form_is_one_placeholder_finding():
    # 西安市医疗保障局 p. 50: 表16 2022年专项资金总体绩效目标表 printed blank (目标1： … ……)
    (finding,) = [f for f in by_family_warnings("xian-blank-form", "complete.placeholder") if f.location.page == 50]
    assert finding.message.startswith("第50页留有模板占位符“……” 10 处（似为未填写的模板表格）")


def test_a_kuan_with_no_xiang_below_it_is_detailed_enough():
    # 烟台市发展和改革委员会 p. 15 公开表5: 219 援助其他地区支出 › 99 其他支出 3,206.80 — 21999 has no
    # 项 in the classification, so the row is as detailed as it can be
    assert by_family_warnings("shandong-aid", "complete.detail") == []
