"""Recognition of the development corpus (../shared/corpus), read in place: kind, department, year.

Each case is a real document whose metadata was read wrong or not at all before (MANIFEST.tsv
gives the truth; `bench/metadata.py` measures the whole corpus).
"""

from __future__ import annotations

import pytest

from conftest import SHARED, load_disclosure
from yjsgk.pipeline import recognize_path
from yjsgk.read.ocr import ocr_available

CORPUS = SHARED / "corpus"
GUANGZHOU_TARGETS = CORPUS / "renwu_hist/005_广州/生态环境局_广州市生态环境局2026年部门整体预算绩效目标申报表.pdf.pdf"
BEIJING_OFFICE = CORPUS / "renwu/002_北京/2026年北京市人民政府办公厅部门预算.pdf"
BEIJING_WEATHER = CORPUS / "renwu_hist/002_北京/气象局_附件1：北京市气象局2026年度部门预算情况说明.pdf"
BEIJING_PETITIONS = CORPUS / "renwu/002_北京/2026年北京市信访办公室部门预算.pdf"
BEIJING_STATISTICS = CORPUS / "renwu/002_北京/2026年北京市统计局部门预算.pdf"
BEIJING_ASSETS = CORPUS / "renwu/002_北京/2026年北京市人民政府国有资产监督管理委员会部门预算.pdf"
BEIJING_REFORM_TABLES = (
    CORPUS / "renwu_hist/002_北京/发展和改革局_附件2：北京市发展和改革委员会2026年度部门预算报表.pdf"
)
QUANZHOU_POLICE = CORPUS / "renwu_hist/021_泉州/公安局_2026年度泉州市公安局（本级）单位预算.pdf.pdf"
SHENSHAN = CORPUS / "renwu_hist/003_深圳/市场监督管理局_2026年深圳市市场监督管理局深汕监管局部门预算.pdf.pdf"
ZHENGZHOU_PAGE = CORPUS / "renwu/016_郑州/规划和自然资源局_2026年部门预算.html"
CHANGSHA_SCAN = CORPUS / "renwu/015_长沙/公安局交通警察局_2026年部门预算.pdf"


def test_standalone_department_target_declaration_is_read():
    # one page (rendered): "广州市生态环境局2026年部门整体预算绩效目标申报表", then the form:
    # 部门名称 | 广州市生态环境局, 预算整体情况 (基本支出 58,118.59 …), 年度重点工作任务, 绩效指标.
    # It was refused as "not a disclosure": its title named no table we knew
    d = recognize_path(GUANGZHOU_TARGETS)
    assert (d.kind, d.department, d.year) == ("budget", "广州市生态环境局", 2026)
    assert [t.id for t in d.tables] == ["performance.target_department"]
    table = d.tables[0]
    assert table.title == "广州市生态环境局2026年部门整体预算绩效目标申报表"
    assert [c for c in table.rows[0].cells if c] == ["部门名称", "广州市生态环境局"]
    assert not any(p.rule == "recognize.unknown-table" for p in d.recognition)


def test_a_sentence_is_no_department():
    # 情况说明 without a cover (page 1 is the contents): the name was taken from a duty in the
    # 部门职责 list ("4.研究审核各区政府和市政府各部门、各市属机构向市政府"), and from a sentence
    # "单位：北京市人工影响天气中心；全市 14 个区设气象局，" (page 4) read as a caption. The
    # document names itself at its end: "附件：北京市气象局 2026 年度部门预算报表" (page 8)
    office = load_disclosure(BEIJING_OFFICE)
    assert (office.kind, office.department, office.year) == ("budget", "北京市人民政府办公厅", 2026)
    weather = load_disclosure(BEIJING_WEATHER)
    assert (weather.kind, weather.department, weather.year) == ("budget", "北京市气象局", 2026)


@pytest.mark.parametrize(
    ("path", "department", "year"),
    [
        # "北京市信访办公室部门 2026 年度部门预算" / "信息公开": 部门 between the name and the year
        (BEIJING_PETITIONS, "北京市信访办公室", 2026),
        # "北京市统计局部门 2026 年度" / "部门预算信息公开": wrapped after the year
        (BEIJING_STATISTICS, "北京市统计局", 2026),
        # "北京市人民政府国有资产监督管理委员会" / "2026 部门预算情况的说明": a year without 年
        # (read before as a bare name; kept)
        (BEIJING_ASSETS, "北京市人民政府国有资产监督管理委员会", 2026),
        # "2026 年度" / "泉州市公安局（本级）" / "单位预算": the name's scope in brackets
        (QUANZHOU_POLICE, "泉州市公安局（本级）", 2026),
        # "2026 年深圳市市场监督管理局深汕监" / "管局部门预算": the year before the name, and no
        # "2026年部门预算" anywhere else
        (SHENSHAN, "深圳市市场监督管理局深汕监管局", 2026),
        # a web page: "繁體 登录" / "005252370/2015-00036" (the site's header and the item's
        # number) / "郑州市国土资源局" / "部门预算"; no site furniture in the name
        (ZHENGZHOU_PAGE, "郑州市国土资源局", 2015),
    ],
    ids=["name-部门-year", "wrapped", "year-without-年", "bracketed-scope", "year-name-kind", "web-page"],
)
def test_cover_title_forms(path, department, year):
    d = load_disclosure(path)
    assert (d.kind, d.department, d.year) == ("budget", department, year)


def test_year_of_a_table_title_far_down_beats_a_mention():
    # tables alone (附件2): the only title with a year is "（2026年度）" under the 部门整体支出绩效目标表
    # on page 81, past the first 200 lines; "综合分析2025年度北京市能源发展特征" (page 60) is a
    # project's content, not the document's year
    d = load_disclosure(BEIJING_REFORM_TABLES)
    assert (d.department, d.year) == ("北京市发展和改革委员会", 2026)


@pytest.mark.skipif(not ocr_available(), reason="yjsgk[ocr] not installed")
def test_evaluation_result_title_names_the_unit():
    # a scan (7 pages): "2023年度长沙市公安局交通警察支队" / "专项资金绩效评价结果", the finance
    # bureau's evaluation of the unit's special funds. Read before too (a bare name near the top);
    # kept as names became stricter (no sentences, no glued headings)
    d = recognize_path(CHANGSHA_SCAN, ocr=True)
    assert (d.kind, d.department, d.year) == ("performance", "长沙市公安局交通警察支队", 2023)
