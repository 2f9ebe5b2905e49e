"""`yjsgk draft`: drafts of real documents give back every table value of their source, pass our
own rules (only the marked placeholders are reported), and have the printed structure."""

from __future__ import annotations

import json
import re
import time
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Cm

from conftest import SEED_FILES, SHARED
from yjsgk.cli import main
from yjsgk.draft import GateError, write_draft
from yjsgk.draft.roundtrip import compare, new_findings
from yjsgk.draft.run import soffice
from yjsgk.draft.workbook import write_tables, write_template
from yjsgk.errors import YjsgkError
from yjsgk.pipeline import load

SAMPLES = SHARED / "samples"
JIANGSU = SAMPLES / "open-budget"
# final accounts and budgets of the samples that yjsgk reads without an error, one per family
# (the whole set: bench/draft_roundtrip.py)
SAMPLE_FILES = [
    SAMPLES / "renwu/015_长沙/2026年长沙市信访局部门预算.pdf",  # hunan budget
    SAMPLES / "renwu/001_上海/2026年上海市交通运输局_部门预算.pdf",  # shanghai budget
    SAMPLES / "renwu/022_佛山/2026年佛山市交通运输局部门预算.pdf",  # guangdong final (2019)
    # 三公 rows by year under the unit (2025年 / 2026年 / 增减变化金额): last year's and the change
    SAMPLES / "renwu/003_深圳/2026年深圳市交通运输局部门预算.pdf",
    # 教育收费 printed under 财政专户拨款收入: read as such only under it
    SAMPLES / "renwu/077_珠海/2026年珠海市商务局部门预算.pdf",
    # 合计（含会议费、培训费） beside the “三公”经费小计; 财政专户管理事业收入 in the 说明
    JIANGSU / "江苏省委办公厅/江苏省委办公厅2017年预算公开表格.pdf",
    # the 江苏 说明 (收支预算总体情况说明 …): the draft is recognized back as 江苏's
    JIANGSU / "江苏省高级人民法院/省法院2018年度部门预算公开.pdf",
    # the 西安 部门综合预算: its sections spread over 第二部分 and 第三部分, 人员情况说明, 专业名词解释
    SAMPLES / "renwu/020_西安/2026年西安市信访局部门预算.pdf",
    # the 上海 决算 (预算绩效管理情况, 其他重要事项的情况说明 › 机关运行经费支出情况 …)
    SAMPLES / "GovBudgetChecker/samples/bad/中共上海市普陀区委社会工作部 2024 年度部门决算.pdf",
]

_loaded: dict[Path, tuple] = {}
_drafts: dict[tuple, tuple] = {}


def loaded(path: Path) -> tuple:
    if path not in _loaded:
        _loaded[path] = load(path)
    return _loaded[path]


def drafted(source: Path, tmp_path_factory, previous: Path | None = None, **options) -> tuple:
    """(source disclosure, source findings, draft path, draft disclosure, draft findings)."""
    key = (source, previous, tuple(sorted(options.items())))
    if key not in _drafts:
        out = tmp_path_factory.mktemp("draft") / "draft.docx"
        src, src_findings = loaded(source)
        write_draft(src, src_findings, out, previous=loaded(previous)[0] if previous else None, **options)
        back, back_findings = load(out)
        _drafts[key] = (src, src_findings, out, back, back_findings)
    return _drafts[key]


@pytest.mark.parametrize("seed", ["000", "003", "004"])
def test_seed_round_trip(seed, tmp_path_factory):
    src, src_findings, _, back, back_findings = drafted(SEED_FILES[seed], tmp_path_factory)
    trip = compare(src, back)
    assert trip.source_values > 100
    # seed 003 prints "0 0 0" in the 类/款/项 cells of its empty 政府性基金 table: printed back
    # there, not as a name that reads as code 000
    assert trip.missing == [], trip.missing[:10]
    assert new_findings(src_findings, back_findings) == []
    assert not [f for f in back_findings if f.severity == "error"]
    placeholders = [f for f in back_findings if f.rule == "complete.placeholder"]
    assert len(placeholders) >= 5  # every 【请填写：…】 is reported until filled in


def test_forced_seed_keeps_its_table_errors_only(tmp_path_factory):
    """Seed 002 has errors: the gate refuses it; forced, the draft reproduces the table values
    (with their errors) and writes a new 情况说明 whose statements hold."""
    with pytest.raises(GateError) as refused:
        write_draft(*loaded(SEED_FILES["002"]), tmp_path_factory.mktemp("gate") / "x.docx")
    assert "sum.hierarchy" in str(refused.value) and "narrative.growth" in str(refused.value)
    src, src_findings, out, back, back_findings = drafted(SEED_FILES["002"], tmp_path_factory, force=True)
    assert compare(src, back).missing == []
    assert new_findings(src_findings, back_findings) == []
    errors = {f.rule for f in back_findings if f.severity == "error"}
    assert "narrative.growth" not in errors and "narrative.amount" not in errors
    assert "sum.hierarchy" in errors  # the source's own table error, faithfully reproduced
    first = docx.Document(str(out)).paragraphs[0].text
    assert first.startswith("【警告") and "sum.hierarchy" in first


def test_gate_exit_status(tmp_path, capsys):
    assert main(["draft", str(SEED_FILES["002"]), "-o", str(tmp_path / "x.docx")]) == 1
    err = capsys.readouterr().err
    assert "源数据有 6 条错误" in err and "identity.row" in err
    assert not (tmp_path / "x.docx").exists()
    assert main(["draft", str(SEED_FILES["002"]), "-o", str(tmp_path / "x.docx"), "--force"]) == 0
    assert (tmp_path / "x.docx").exists()


@pytest.mark.parametrize("source", SAMPLE_FILES, ids=lambda p: f"{p.parent.name}-{p.stem[:12]}")
def test_sample_round_trip(source, tmp_path_factory):
    src, src_findings, _, back, back_findings = drafted(source, tmp_path_factory)
    trip = compare(src, back)
    assert trip.source_values > 50
    assert trip.missing == []
    assert new_findings(src_findings, back_findings) == []
    # drafted in the family the source follows, and recognized back as it: the family's rules
    # (its sections, its tables) apply to the draft as to the source
    if src.template_family is not None and src.template_family.sure:
        assert back.template_family is not None and back.template_family.name == src.template_family.name


def test_a_draft_of_no_family_is_not_read_as_hunans(tmp_path_factory):
    """武汉 2026 follows no family: drafted in the national words, whose bare budget titles
    (一般公共预算拨款支出, 政府性基金预算支出) are also 湖南's features — read back as 湖南 it was warned
    of 湖南's 部门整体支出绩效目标表; and its 基本支出 shares (of the 一般公共预算 only; it has other
    funds) were read as shares of all funds' 基本支出: two false narrative.share errors."""
    source = SAMPLES / "renwu/009_武汉/2026年武汉市信访局部门预算.pdf"
    src, src_findings, _, back, back_findings = drafted(source, tmp_path_factory, force=True)  # it has errors
    assert src.template_family is None
    assert back.template_family is None or back.template_family.name == "national"
    assert compare(src, back).missing == []
    assert new_findings(src_findings, back_findings) == []


def test_rows_by_year_keep_last_year_and_the_change(tmp_path_factory):
    src, _, _, back, _ = drafted(SAMPLES / "renwu/003_深圳/2026年深圳市交通运输局部门预算.pdf", tmp_path_factory)
    rows = {r.key: r for r in back.table("budget.three_public").rows}
    assert str(rows["previous_year"].values["total"].amount) == "176.01"
    assert str(rows["change"].values["total"].amount) == "-28.11"


def test_amount_columns_hold_their_amounts(tmp_path_factory):
    """An amount column is at least as wide as its longest amount (388,763.56 wrapped after the
    decimal point in a 1.75 cm column of the landscape 收入总表)."""
    _, _, out, _, _ = drafted(SAMPLES / "renwu/003_深圳/2026年深圳市交通运输局部门预算.pdf", tmp_path_factory)
    document = docx.Document(str(out))
    table, column = next(
        (t, n)
        for t in document.tables
        for row in t.rows
        for n, cell in enumerate(row.cells)
        if cell.text == "388,763.56"
    )
    widths = [int(col.get(qn("w:w"))) for col in table._tbl.tblGrid.findall(qn("w:gridCol"))]
    assert widths[column] * 635 >= Cm(2.2)  # twentieths of a point → EMU


def test_draft_writes_long_tables_in_linear_time(tmp_path):
    """python-docx's Table.cell rebuilds the whole grid on every call: filled cell by cell, seed
    003's draft took 222 s (6 970 values of 深圳人社: hours); row by row it takes seconds."""
    start = time.perf_counter()
    write_draft(*loaded(SEED_FILES["003"]), tmp_path / "draft.docx")
    assert time.perf_counter() - start < 60


def test_office_cost_is_never_the_public_cost(tmp_path):
    """机关运行经费 is the 公用经费 of the 行政单位 (and 参公 units) only: seed 000 states 5.76 万元
    of a larger 公用经费. Without a table printing it, the draft asks for it."""
    out = tmp_path / "draft.md"
    src, findings = loaded(SEED_FILES["000"])
    write_draft(src, findings, out, fmt="md")
    text = out.read_text("utf-8")
    assert "机关运行经费支出：【请填写：机关运行经费数" in text
    public = src.table("final.general_budget_basic").find(key="public_total").values
    assert f"机关运行经费支出{next(iter(public.values())).amount}" not in text


def test_source_without_tables_is_refused(tmp_path):
    """A 情况说明 published without its tables (北京 publishes them as another file) gives nothing to
    draft from: refused with the reason, no file of placeholders."""
    with pytest.raises(YjsgkError, match="未读出任何公开表格"):
        write_draft(*loaded(SAMPLES / "renwu/002_北京/2026年北京市交通委员会部门预算.pdf"), tmp_path / "x.docx")
    assert not (tmp_path / "x.docx").exists()


def _cross_year(this: Path, last: Path, capsys) -> list[dict]:
    main(["check", str(this), "--with", str(last), "--format", "json"])
    report = json.loads(capsys.readouterr().out)
    return [f for d in report["documents"] for f in d["findings"] if f["rule"].startswith("cross.year")]


def test_previous_growth_is_checked_by_the_cross_year_rules(tmp_path_factory, capsys):
    """江苏人大 2018 drafted over its 2017 budget: the growth statements agree with the 2017
    document (no cross.year finding); with last year's 当年支出小计 changed by 100 the statement
    about the 支出 is found to disagree (the rule runs on the draft's statements)."""
    last_path = JIANGSU / "江苏省人大办公厅/江苏省人大办公厅2017年度预算公开.pdf"
    _, _, out, back, _ = drafted(JIANGSU / "江苏省人大办公厅/省人大办公厅2018预算公开.pdf", tmp_path_factory, last_path)
    text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert "与上年相比，增加2248.37万元，增长16.47%" in text
    assert _cross_year(out, last_path, capsys) == []
    last, last_findings = load(last_path)  # a copy of its own, changed
    spend = last.table("budget.summary").find(key="total_expenditure", side="expenditure")
    value = spend.values["amount"]
    spend.values["amount"] = replace(value, amount=value.amount + 100, text=format(value.amount + 100, "f"))
    changed = write_draft(last, last_findings, tmp_path_factory.mktemp("last") / "last.docx").path
    found = _cross_year(out, changed, capsys)
    assert [f["rule"] for f in found] == ["cross.year.change"]
    assert "2,148.37" in found[0]["message"] and "当年支出小计" in found[0]["message"]


def test_docx_structure(tmp_path_factory):
    src, _, out, _, _ = drafted(SEED_FILES["004"], tmp_path_factory)
    document = docx.Document(str(out))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings[:1] == ["第一部分 部门概况"]
    assert "第三部分 2021年度部门决算情况说明" in headings
    assert "七、“三公”经费支出决算情况说明" in headings
    assert "（三）一般公共预算财政拨款支出决算具体情况" in headings
    assert len(document.tables) == len(src.tables)
    # 支出决算表: 科目编码 merged over 类 | 款 | 项, value headers merged down two rows
    spend = document.tables[2]
    first = spend.rows[0]._tr
    spans = [tc.tcPr.gridSpan.val if tc.tcPr is not None and tc.tcPr.gridSpan is not None else 1 for tc in first.tc_lst]
    assert spans[0] == 3 and spend.cell(0, 0).text == "科目编码"
    assert [spend.cell(1, i).text for i in range(3)] == ["类", "款", "项"]
    assert spend.cell(0, 4).text == "本年支出合计" and spend.cell(1, 4)._tc is spend.cell(0, 4)._tc  # vertical merge
    assert spend.cell(2, 0).text == "栏次"
    # 三公 table (labels of tables.toml), one row of amounts and no row label column: 预算数
    # over six columns, 公务用车购置及运行费 over 小计, 因公出国（境）费 merged down two rows
    three = document.tables[6]
    assert three.cell(0, 0).text == "预算数" and three.cell(0, 0)._tc is three.cell(0, 5)._tc
    assert three.cell(1, 2).text == "公务用车购置及运行费" and three.cell(2, 2).text == "小计"
    assert three.cell(1, 1).text == "因公出国（境）费" and three.cell(2, 1)._tc is three.cell(1, 1)._tc
    assert [c.text for c in three.rows[4].cells][:6] == ["0.20", "", "", "", "", "0.20"]
    text = "\n".join(p.text for p in document.paragraphs)
    assert "公开05表" in text and "编制单位：醴陵市行政审批服务局" in text


def test_narrative_from_numbers(tmp_path_factory):
    _, _, out, back, _ = drafted(SEED_FILES["004"], tmp_path_factory)
    text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    # 收入: 2211.04 of 2267.91 = 97.49 %; 支出: 1239.29 of 2277.76 = 54.41 %
    assert "2021年度收入合计2267.91万元，其中：财政拨款收入2211.04万元，占97.49%；其他收入56.87万元，占2.51%。" in text
    assert "基本支出1239.29万元，占54.41%；项目支出1038.47万元，占45.59%" in text
    # 三公: 公务接待费 budget 0.20, spent 0.20
    assert "公务接待费支出预算为0.20万元，支出决算为0.20万元，完成预算的100%，决算数等于预算数" in text
    # 类/款/项 statements name the whole path; the 年初预算 the tables do not give is a placeholder
    assert (
        "一般公共服务支出（类）政府办公厅（室）及相关机构事务（款）行政运行（项）：年初预算为【请填写：年初预算数】"
        in text
    )
    assert "人员经费659.53万元，占基本支出的53.22%" in text
    claims = [c for c in back.claims if c.link is not None]
    assert len(claims) >= 10  # the statements are read back and linked to their cells


def test_previous_growth(tmp_path_factory):
    """With last year's document every change is stated at the printed precision, and the
    narrative rules (which recompute the rate from the amounts) find nothing to say."""
    src, src_findings, out, back, back_findings = drafted(
        SEED_FILES["004"], tmp_path_factory, previous=SEED_FILES["002"]
    )
    last, _ = loaded(SEED_FILES["002"])
    now_total = src.table("final.summary").find(key="grand_total", side="income").values["amount"].amount
    before = last.table("final.summary").find(key="grand_total", side="income").values["amount"].amount
    diff = now_total - before
    rate = (diff * 100 / before).quantize(Decimal("0.01"))
    text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert f"2021年度收、支总计{now_total}万元。与上年相比，增加{diff}万元，增长{rate}%" in text
    assert not [f for f in back_findings if f.rule.startswith("narrative.") and f.severity != "notice"]
    assert new_findings(src_findings, back_findings) == []


def test_hunan_wording(tmp_path):
    out = tmp_path / "draft.md"
    write_draft(*loaded(SEED_FILES["003"]), out, fmt="md")
    text = out.read_text("utf-8")
    assert "# 第一部分 部门预算公开说明" in text
    assert "## 三、部门收支总体情况" in text and "### （一）收入预算" in text
    assert "2023年本部门“三公”经费预算数为18.34万元，其中，公务接待费7.70万元" in text
    assert "2023年本部门无政府性基金预算安排的支出。" in text
    assert re.search(r"\| 201 \| 03 \| \d\d \|", text)  # the 类/款/项 columns


def test_template_is_chosen_or_given(tmp_path):
    out = tmp_path / "national.md"
    result = write_draft(*loaded(SEED_FILES["003"]), out, template="national")
    assert result.template == "national"
    assert "第二部分 2023年部门预算情况说明" in out.read_text("utf-8")
    with pytest.raises(Exception, match="没有名为 nowhere 的模板族"):
        write_draft(*loaded(SEED_FILES["003"]), tmp_path / "x.md", template="nowhere")


def test_workbook_template_and_filled_workbook(tmp_path):
    blank = write_template(tmp_path / "blank.xlsx")
    read, _ = load(blank)
    ids = [t.id for t in read.tables]
    assert ids == [
        "final.summary",
        "final.income",
        "final.expenditure",
        "final.fiscal_summary",
        "final.general_budget_expenditure",
        "final.general_budget_basic",
        "final.three_public",
        "final.gov_fund",
        "final.state_capital",
    ]
    # the same layout filled in with a real document's tables is read back value for value,
    # and drafts like any other source
    src, _ = loaded(SEED_FILES["004"])
    filled = write_tables(src, tmp_path / "filled.xlsx")
    back, _ = load(filled)
    assert compare(src, back).missing == []
    out = tmp_path / "from-workbook.docx"
    write_draft(*load(filled), out)
    assert compare(src, load(out)[0]).missing == []


def test_pdf_needs_libreoffice(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))  # no soffice on this PATH
    with pytest.raises(Exception, match="需要 LibreOffice"):
        write_draft(*loaded(SEED_FILES["004"]), tmp_path / "x.pdf")


@pytest.mark.skipif(soffice() is None, reason="LibreOffice (soffice) is not installed")
def test_pdf_through_libreoffice(tmp_path):
    out = tmp_path / "draft.pdf"
    write_draft(*loaded(SEED_FILES["004"]), out)
    import pypdfium2

    pdf = pypdfium2.PdfDocument(str(out))
    assert len(pdf) >= 12
    text = "".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
    assert "收入支出决算总表" in text and "2267.91" in text
