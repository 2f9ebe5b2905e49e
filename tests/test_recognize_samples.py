"""Recognition of other provinces' PDF disclosures (../shared/samples), read in place."""

from __future__ import annotations

import csv
from decimal import Decimal

import pytest

from conftest import SHARED, load_disclosure
from yjsgk.check import check
from yjsgk.errors import ReadError
from yjsgk.pipeline import recognize_path
from yjsgk.read import read_path
from yjsgk.recognize import recognize

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
# the MANIFEST names a department as people call it; the file prints its full name
PRINTED_NAMES = {"江苏省委办公厅": {"中共江苏省委办公厅"}}
SCANNED_SAMPLE = (
    "renwu_hist/002_北京/政务服务和数据管理局_附件1：北京市政务服务和数据管理局2026年度部门预算情况说明.pdf"
)


def _tables(family: str, spec: str) -> list[tuple[str | None, str]]:
    """ "01:summary income performance.target_project*9" → [("01", "budget.summary"), …]."""
    out: list[tuple[str | None, str]] = []
    for token in spec.split():
        token, _, times = token.partition("*")
        number, _, name = token.rpartition(":")
        table_id = name if "." in name else f"{family}.{name}"
        out += [(number or None, table_id)] * int(times or 1)
    return out


JS17 = "summary income expenditure fiscal_summary fiscal_expenditure fiscal_basic gov_fund general_budget_expenditure general_budget_basic office_operation three_public procurement"
JS18 = "summary income expenditure fiscal_summary fiscal_expenditure fiscal_basic general_budget_expenditure general_budget_basic three_public gov_fund office_operation procurement"
JS18_NUMBERED = " ".join(f"{n:02}:{name}" for n, name in enumerate(JS18.split(), 1))
SH_FINAL = "summary income expenditure fiscal_summary general_budget_expenditure general_budget_basic three_public gov_fund state_capital"
SH_BUDGET = "summary income expenditure fiscal_summary general_budget_expenditure gov_fund state_capital general_budget_basic three_public"
GZ = "01:summary 02:income 03:expenditure 04:fiscal_summary 05:general_budget_expenditure 06:general_budget_basic 07:general_budget_project 08:three_public 09:gov_fund 10:state_capital 11:basic_summary 12:project_summary"
SZ = "01:summary 02:income 03:expenditure 04:basic_summary 05:project_summary 06:fiscal_summary 07:general_budget_expenditure 08:general_budget_economic 09:three_public 10:gov_fund 11:state_capital"
WX = "01:summary 02:income 03:expenditure 04:fiscal_summary 05:fiscal_expenditure 06:fiscal_basic 07:general_budget_expenditure 08:general_budget_basic 09:three_public 10:gov_fund 11:state_capital 12:office_operation 13:procurement"
YT = "01:summary 02:income 03:expenditure 04:fiscal_summary 05:general_budget_expenditure 06:general_budget_basic 07:three_public 08:gov_fund 09:state_capital 10:basic_summary 11:project_summary 12:procurement"
# 表7 基本支出明细表（按支出功能分类科目） and 表11 财政拨款上年结转资金支出表 have no standard definition
XA = "01:summary 02:income 03:expenditure 04:fiscal_summary 05:general_budget_expenditure 06:general_budget_economic 07:general_budget_basic_function 08:general_budget_basic 09:gov_fund 10:project_summary 12:procurement 13:three_public {}performance.target_project*9 15:performance.target_department"
FZ_QZ = "summary income expenditure fiscal_summary general_budget_expenditure gov_fund state_capital general_budget_economic general_budget_basic three_public"

# Every sample: the standard tables recognized, in document order, as checked on the pages (the
# 目录 and each table's title). Tables a document prints that have no standard definition are
# named in the comment.
TABLES = {
    # 目录 p.1 lists 一…十二 tables; pp.7–20 print them (财政拨款支出预算表 p.11 before 收支总表 p.12)
    "open-budget/江苏省人大办公厅/江苏省人大办公厅2017年度预算公开.pdf": (
        "budget",
        "summary income expenditure fiscal_expenditure fiscal_summary fiscal_basic gov_fund general_budget_expenditure general_budget_basic office_operation three_public procurement",
    ),
    # 公开01–12表 on pp.8–17 (09 三公 and 10 政府性基金 both on p.15)
    "open-budget/江苏省人大办公厅/省人大办公厅2018预算公开.pdf": ("budget", JS18_NUMBERED),
    # 目录 p.2: 一…十二, titles "一、收支预算总表" … pp.10–16
    "open-budget/江苏省人民检察院/2017年省检察院部门预算.pdf": ("budget", JS17),
    # "公开 01 表：收支预算总表" … 公开12表, pp.13–20
    "open-budget/江苏省人民检察院/2018年省检察院部门预算公开.pdf": ("budget", JS18_NUMBERED),
    # narrative only: p.5 "第二部分 … 部门预算表 / 具体公开表样附后" (tables in a separate file)
    "open-budget/江苏省委办公厅/江苏省委办公厅2017年部门预算.pdf": ("budget", ""),
    # the tables alone, one a page pp.1–12, no cover; 12 is "2017年政府采购预算表"
    "open-budget/江苏省委办公厅/江苏省委办公厅2017年预算公开表格.pdf": ("budget", JS17),
    # narrative only: p.5 "第二部分 2018年度部门预算表 / 具体公开表样附后"
    "open-budget/江苏省委办公厅/江苏省委办公厅2018年度部门预算公开文件.pdf": ("budget", ""),
    # cover p.1 "江苏省2018年度 省级部门预算公开报表 部门:中共江苏省委办公厅", tables pp.3–14
    "open-budget/江苏省委办公厅/江苏省委办公厅2018年度部门预算公开表.pdf": ("budget", JS18),
    # the tables alone ("表一" …), pp.1–12; 12 is "2017年政府采购预算表"
    "open-budget/江苏省政协办公厅/2017年度部门预算公开表.pdf": ("budget", JS17),
    # narrative only: p.7 "2017 年度部门预算公开表附后", p.20 "附件：2017 年度部门预算公开表"
    "open-budget/江苏省政协办公厅/江苏省政协办公厅2017年度部门预算.pdf": ("budget", ""),
    # narrative only: p.7 "2018 年度部门预算公开表附后"
    "open-budget/江苏省政协办公厅/江苏省政协办公厅2018年度部门预算.pdf": ("budget", ""),
    # 公开01–12表 one a page pp.1–12; 12 is "2018年政府采购预算表"
    "open-budget/江苏省政协办公厅/江苏省政协办公厅2018度部门预算公开表.pdf": ("budget", JS18_NUMBERED),
    # 目录 p.1: 一…十二; "一、2017年度江苏省高级人民法院部门收支预算总表" … pp.11–17
    "open-budget/江苏省高级人民法院/省法院2017年度部门预算公开.pdf": ("budget", JS17),
    # "一、2018年度江苏省高级人民法院收支预算总表" … "十二、…政府采购预算表" pp.9–15
    "open-budget/江苏省高级人民法院/省法院2018年度部门预算公开.pdf": ("budget", JS18),
    # 目录 p.2: 一…九 (三公 seventh), pp.5–16
    "GovBudgetChecker/samples/bad/中共上海市普陀区委社会工作部 2024 年度部门决算.pdf": ("final", SH_FINAL),
    # 目录 p.2: 一…九, pp.6–20
    "GovBudgetChecker/samples/good/上海市普陀区财政局2024年度部门决算.pdf": ("final", SH_FINAL),
    # the template: 目录 p.2 "上海市 XX 局", the nine tables pp.5–14 without amounts
    "GovBudgetChecker/samples/templates/附件2：部门决算模板.pdf": ("final", SH_FINAL),
    # 目录 p.2: 1.…9. "2024年部门财务收支预算总表" … "部门“三公”经费和机关运行经费预算表"
    "GovBudgetChecker/X/上海市普陀区人民政府万里街道办事处24年预算.pdf": ("budget", SH_BUDGET),
    # 目录 p.2: 1.…9. (2025年部门…)
    "GovBudgetChecker/X/上海市普陀区商务委员会25年预算.pdf": ("budget", SH_BUDGET),
    # 目录 p.2: 1.…9. (2025年预算单位…)
    "GovBudgetChecker/X/上海市普陀区商务委员会单位25年预算.pdf": ("budget", SH_BUDGET),
    # sheets 7–15 "单位收支总表" … "单位“三公”经费和机关运行费预算表"; 1–6 and 16 are text
    "tianbaoxitong/templates/budget_template.xls": ("budget", SH_BUDGET),
    # sheets 7–15 "部门收支总表" … (titles "2026年部门财务收支预算总表" …)
    "tianbaoxitong/templates/excel/department_budget_template.xlsx": ("budget", SH_BUDGET),
    # sheets 7–15 as in budget_template.xls
    "tianbaoxitong/templates/excel/unit_budget_template.xlsx": ("budget", SH_BUDGET),
    # 目录 p.2: 五、单位预算表 1.…9.
    "renwu/001_上海/2026年上海市交通运输局_部门预算.pdf": ("budget", SH_BUDGET),
    # 目录 p.2: 五、单位预算表 1.…9.
    "renwu/001_上海/2026年上海市人力资源和社会保障局_部门预算.pdf": ("budget", SH_BUDGET),
    # narrative only: 目录 p.1 lists 13 tables but p.11 ends "附件：北京市交通委员会 2026 年度部门预算报表"
    "renwu/002_北京/2026年北京市交通委员会部门预算.pdf": ("budget", ""),
    # narrative only: p.10 ends "附件：北京市人力资源和社会保障局 2026 年度部门预算报表"
    "renwu/002_北京/2026年北京市人力资源和社会保障局部门预算.pdf": ("budget", ""),
    # 目录 p.2 (一)…(十一), 表1–表11 pp.22–48; 表8 一般公共预算支出表（按经济分类） p.43
    "renwu/003_深圳/2026年深圳市交通运输局部门预算.pdf": ("budget", SZ),
    # the same eleven, pp.57–262
    "renwu/003_深圳/2026年深圳市人力资源和社会保障局部门预算.pdf": ("budget", SZ),
    # 表一…表十二 pp.9–24; 表十 部门整体绩效目标表, 表十一 重点专项资金绩效目标表 (empty), 表十二 一般性项目绩效目标表
    "renwu/004_重庆/2026年重庆市人民政府办公厅部门预算.pdf": (
        "budget",
        "summary income expenditure fiscal_summary general_budget_expenditure general_budget_basic gov_fund three_public procurement performance.target_department performance.target_project*2",
    ),
    # 目录 p.2 一…十二, 表1–表12 pp.7–27 (表7 一般公共预算项目支出情况表（按经济分类科目） p.19)
    "renwu/005_广州/2026年广州市交通运输局部门预算.pdf": ("budget", GZ),
    # the same twelve, 表1–表12 pp.5–21
    "renwu/005_广州/2026年广州市人民政府办公厅部门预算.pdf": ("budget", GZ),
    # 公开01–13表 pp.8–26 (目录 p.2 一…十三)
    "renwu/006_苏州/2026年苏州市交通运输局部门预算.pdf": ("budget", WX),
    # 表1：…表11： pp.22–39 (表11 项目支出绩效表 one list)
    "renwu/008_杭州/2026年杭州市交通运输局部门预算.pdf": (
        "budget",
        "summary income expenditure fiscal_summary general_budget_expenditure general_budget_basic three_public gov_fund state_capital project_summary performance.target_project",
    ),
    # 部门公开表 1–9 pp.5–16 (7 at the foot of p.13, its table on p.14); project targets pp.30–32,
    # p.32 titled by the project alone ("信访业务培训绩效目标表")
    "renwu/009_武汉/2026年武汉市信访局部门预算.pdf": (
        "budget",
        "01:summary 02:income 03:expenditure 04:fiscal_summary 05:general_budget_expenditure 06:general_budget_basic 07:gov_fund 08:state_capital 09:three_public performance.target_project*3",
    ),
    # 公开01–13表 pp.14–30
    "renwu/014_无锡/2026年无锡市交通运输局部门预算.pdf": ("budget", WX),
    # 公开01–13表 pp.9–25
    "renwu/014_无锡/2026年无锡市住房和建设局部门预算.pdf": ("budget", WX),
    # 目录 p.2: 1…10; 项目支出绩效目标表 one list pp.22–29, 部门整体 pp.30–32
    "renwu/015_长沙/2026年长沙市信访局部门预算.pdf": (
        "budget",
        "summary income expenditure fiscal_summary general_budget_expenditure general_budget_basic three_public gov_fund performance.target_project performance.target_department",
    ),
    # 目录 p.2: 一…十 (八 一般公共预算支出经济分类情况表 p.15); a project target each on pp.29, 30
    "renwu/017_福州/2026年福州市公安局部门预算.pdf": ("budget", FZ_QZ + " performance.target_project*2"),
    # 报表目录 p.19 (a grid, not tables): 表1–16; 表14-1…14-9 one project each pp.34–42
    "renwu/020_西安/2026年西安市人民政府办公厅部门预算.pdf": ("budget", XA.format("")),
    # 报表目录 p.18: 表1–16; 表14 printed once per project pp.33–41
    "renwu/020_西安/2026年西安市信访局部门预算.pdf": ("budget", XA.format("14:")),
    # 整体自评表 p.30, 88 project 自评表 pp.55–143 (one a page), 目录 p.145 (a grid), 公开01–09表
    # pp.146–161; 09 财政拨款“三公”经费及会议费、培训费支出决算表 p.161
    "renwu/020_西安/卫生健康委员会_2026年部门预算.pdf": (
        "final",
        "performance.self_evaluation_department performance.self_evaluation_project*88 01:summary 02:income 03:expenditure 04:fiscal_summary 05:general_budget_expenditure 06:general_budget_basic 07:gov_fund 08:state_capital 09:three_public",
    ),
    # 目录 p.2: 一…十 (八 经济分类情况表); eight "…项目绩效目标表" pp.29–36, 部门整体 p.37
    "renwu/021_泉州/2026年泉州市人民政府办公室部门预算.pdf": (
        "budget",
        FZ_QZ + " performance.target_project*8 performance.target_department",
    ),
    # 目录 p.2: 一…八 (2019 决算, no 国有资本 table), "表1"…"表8" above the titles pp.5–23
    "renwu/022_佛山/2026年佛山市交通运输局部门预算.pdf": (
        "final",
        "01:summary 02:income 03:expenditure 04:fiscal_summary 05:general_budget_expenditure 06:general_budget_basic 07:three_public 08:gov_fund",
    ),
    # 公开表1–12 pp.8–32 (公开表2 over pp.9–11); 40 project targets pp.37–78 (pp.40, 50 continue)
    "renwu/025_烟台/2026年烟台市交通运输局部门预算.pdf": ("budget", YT + " performance.target_project*40"),
    # 公开表1–12 pp.8–31; 28 project targets pp.36–68 (pp.48, 58, 61, 65, 66 continue)
    "renwu/025_烟台/2026年烟台市人力资源和社会保障局部门预算.pdf": ("budget", YT + " performance.target_project*28"),
    # 预算表1–11 pp.6–16 (3 支出总表, 9 项目支出表, 10 国有资本经营预算支出明细表)
    "renwu/040_长春/2026年长春市信访局部门预算.pdf": (
        "budget",
        "01:summary 02:income 03:expenditure 04:fiscal_summary 05:general_budget_expenditure 06:general_budget_basic 07:three_public 08:gov_fund 09:project_summary 10:state_capital 11:performance.target_project",
    ),
    # 目录 p.2: 一…十二 as 广州, 表1–表12
    "renwu/077_珠海/2026年珠海市商务局部门预算.pdf": ("budget", GZ),
    # 目录 p.2 (一)…(十一), "表01"…"表11" pp.21–40; 表11 项目支出绩效表 one list over pp.39–40
    "renwu/079_湖州/2026年湖州市交通运输局部门预算.pdf": (
        "budget",
        "01:summary 02:income 03:expenditure 04:fiscal_summary 05:general_budget_expenditure 06:general_budget_basic 07:three_public 08:gov_fund 09:state_capital 10:project_summary 11:performance.target_project",
    ),
}


# printed standard tables not recognized yet: their titles miss from data/tables.toml aliases
def _manifest() -> list[dict]:
    with MANIFEST.open(encoding="utf-8") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def _param(row: dict):
    return pytest.param(row, id=row["path"].rsplit("/", 1)[-1][:30])


READABLE = [_param(r) for r in _manifest() if r["path"] != SCANNED_SAMPLE]


def test_every_sample_has_its_tables_listed():
    assert {r["path"] for r in _manifest()} - {SCANNED_SAMPLE} == set(TABLES)


@pytest.mark.parametrize("row", [p for p in READABLE if not p.values[0]["type"].startswith("模板")])
def test_sample_kind_department_and_year(row):
    d = load_disclosure(SAMPLES / row["path"])
    family = "final" if row["type"].startswith("决算") else "budget"
    assert d.kind.split("_")[0] == family
    department = (d.department or "").removesuffix("（本级）")
    assert department == row["department"] or department in PRINTED_NAMES.get(row["department"], ())
    # the three Jiangsu files of tables alone print the year only in "2017年政府采购预算表" (p.12)
    assert d.year == int(row["year"])
    assert not d.template


@pytest.mark.parametrize("row", [p for p in READABLE if p.values[0]["type"].startswith("模板")])
def test_templates_are_recognized_as_templates(row):
    # placeholder names (上海市XX局, 上海市普陀区XX单位) and no amount in any table
    d = load_disclosure(SAMPLES / row["path"])
    assert d.template
    assert d.year == int(row["year"])
    assert d.kind == ("final" if "决算" in row["path"] else "budget")


@pytest.mark.parametrize("row", READABLE)
def test_sample_tables(row):
    family, spec = TABLES[row["path"]]
    d = load_disclosure(SAMPLES / row["path"])
    assert [(t.number, t.id) for t in d.tables] == _tables(family, spec)
    if not spec:
        # narrative only: no table data was left unrecognized either
        assert not [p for p in d.recognition if p.rule == "recognize.unknown-table"]


def test_scanned_sample_is_refused_with_a_reason():
    with pytest.raises(ReadError, match="扫描件，无文字层"):
        recognize_path(SAMPLES / SCANNED_SAMPLE)


def test_department_without_a_cover_is_never_glued_heading_text():
    # the 决算 with its cover page (page 1: "上海市普陀区财政局" / "2024年度部门决算") left out,
    # as files cut from a larger publication are: page 2 is the contents, "目 录" / "第一部分 …概况" /
    # "一、主要职能" / "二、部门决算单位构成" / "第二部分 上海市普陀区财政局2024年度部门决算表".
    # No name was found here before, and such contents joined into names like
    # "一、主要职能二、部门决算单位构成第二部分上海市…" elsewhere (issue 12): a name has no
    # ordinals or punctuation, and the department is the one the 第二部分 heading names
    document = read_path(SHANGHAI_FINAL)
    document.blocks = [b for b in document.blocks if b.location.page != 1]
    d = recognize(document)
    assert (d.kind, d.department, d.year) == ("final", "上海市普陀区财政局", 2024)
