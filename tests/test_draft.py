"""`yjsgk draft`: drafts of real documents give back every table value of their source, pass our
own rules (only the marked placeholders are reported), and have the printed structure."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import docx
import pytest

from conftest import SEED_FILES, SHARED
from yjsgk.cli import main
from yjsgk.draft import GateError, write_draft
from yjsgk.draft.roundtrip import compare, new_findings
from yjsgk.draft.run import soffice
from yjsgk.draft.workbook import write_tables, write_template
from yjsgk.pipeline import load

SAMPLES = SHARED / "samples"
# final accounts and budgets of the samples that yjsgk reads without an error, one per family
# (the whole set: bench/draft_roundtrip.py)
SAMPLE_FILES = [
    SAMPLES / "renwu/015_长沙/2026年长沙市信访局部门预算.pdf",  # hunan budget
    SAMPLES / "renwu/001_上海/2026年上海市交通运输局_部门预算.pdf",  # shanghai budget
    SAMPLES / "renwu/022_佛山/2026年佛山市交通运输局部门预算.pdf",  # guangdong final (2019)
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
    # seed 003 prints a garbled row "0 0 0" in its 政府性基金 table (three zeros): read back as code 000
    allowed = {"003": 3}.get(seed, 0)
    assert len(trip.missing) <= allowed, trip.missing[:10]
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


@pytest.mark.parametrize("source", SAMPLE_FILES, ids=lambda p: p.parent.name)
def test_sample_round_trip(source, tmp_path_factory):
    src, src_findings, _, back, back_findings = drafted(source, tmp_path_factory)
    trip = compare(src, back)
    assert trip.source_values > 50
    assert trip.missing == []
    assert new_findings(src_findings, back_findings) == []


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
