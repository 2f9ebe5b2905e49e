"""The text reader: three layouts, cell paragraphs, encodings, and matching normalization."""

from __future__ import annotations

from decimal import Decimal

from conftest import SEED_FILES
from yjsgk.amounts import parse_amount
from yjsgk.document import Grid, TextBlock
from yjsgk.read import read_path
from yjsgk.read.text import parse_text
from yjsgk.recognize import recognize
from yjsgk.textnorm import key, norm, squeeze_cjk_spaces, strip_ordinal


def grids(doc):
    return [b for b in doc.blocks if isinstance(b, Grid)]


def test_cell_per_line_rows_and_cell_paragraphs():
    doc = read_path(SEED_FILES["001"])
    first = grids(doc)[0]
    assert first.rows[0].texts == ["预算部门名称", "雁峰区行政审批服务局"]
    # "\t年度预算申请" then "（万元）" on the next line: one cell of two paragraphs
    assert first.rows[1].texts[0] == "年度预算申请\n（万元）"
    # "\t年初", a blank line, "预算数": still the same cell, the row goes on
    assert first.rows[1].texts[2] == "年初\n预算数"
    assert first.rows[1].cells[2].location.line == 13
    funds = first.rows[2]
    assert funds.texts[1:] == ["年度资金总额", "103.52", "419.99", "419.99", "10", "100%", "10"]
    assert funds.location.line == 24


def test_cell_per_line_text_between_tables():
    doc = read_path(SEED_FILES["001"])
    texts = [b.text for b in doc.blocks if isinstance(b, TextBlock)]
    assert texts[:3] == ["附件1", "部门整体支出绩效自评表", "（ 2021年度）"]
    assert "专项资金绩效自评表" in texts


def test_tab_separated_rows_merge_across_a_page_break():
    doc = read_path(SEED_FILES["002"])
    summary = next(g for g in grids(doc) if g.location.line == 82)
    lines = [r.location.line for r in summary.rows]
    assert lines[0] == 82 and 102 in lines and lines[-1] == 115  # line 101 is a blank page break
    assert summary.rows[0].texts == ["收入", "", "", "支出", "", ""]


def test_markdown_headings_bold_and_split_codes():
    doc = read_path(SEED_FILES["003"])
    assert doc.format == "markdown"
    texts = [b.text for b in doc.blocks if isinstance(b, TextBlock)]
    assert "长沙市行政审批服务局" in texts  # "**长沙市行政审批服务局**"
    assert "2023年部门收支总体情况表" in texts  # "## 2023年部门收支总体情况表"
    row = next(r for g in grids(doc) for r in g.rows if r.location.line == 178)
    assert row.texts[:5] == ["", "", "", "", "1"]  # "**" cells are Markdown, not content


def test_markdown_pipe_table():
    text = "## 支出决算表\n\n| 功能分类科目编码 | 科目名称 | 本年支出合计 |\n|---|---|---|\n| 201 | 一般公共服务支出 | 1.00 |\n"
    doc = parse_text(text, "t.md", markdown=True)
    [grid] = grids(doc)
    assert [r.texts for r in grid.rows] == [
        ["功能分类科目编码", "科目名称", "本年支出合计"],
        ["201", "一般公共服务支出", "1.00"],
    ]
    assert grid.rows[1].location.line == 5


def test_gb18030_and_crlf_read_like_utf8(tmp_path):
    original = SEED_FILES["003"].read_text(encoding="utf-8")
    path = tmp_path / "gbk.txt"
    path.write_bytes(original.replace("\n", "\r\n").encode("gb18030"))
    a, b = recognize(read_path(SEED_FILES["003"])), recognize(read_path(path))
    assert (b.department, b.year, b.unit, b.kind) == (a.department, a.year, a.unit, a.kind)
    assert [t.id for t in b.tables] == [t.id for t in a.tables]
    assert b.table("budget.income").find(code="2010301").values["total"].amount == Decimal("2285.05")


def test_normalization_is_for_matching_only():
    assert norm("⼀般公共预算 ⾦额") == "一般公共预算金额"  # Kangxi radicals folded
    assert key("因 公 出 国 （ 境 ） 费 用") == "因公出国境费用"
    assert squeeze_cjk_spaces("公务 接待费 12.50") == "公务接待费 12.50"
    assert strip_ordinal("十一、城乡社区支出") == "城乡社区支出"
    assert strip_ordinal("1、部门收支总表") == "部门收支总表"
    assert strip_ordinal("（二）项目支出") == "项目支出"
    assert strip_ordinal("2010301") == "2010301"


def test_amounts_are_decimals_with_their_printed_form():
    assert parse_amount("25,537.82").value == Decimal("25537.82")
    assert parse_amount("25,537.82").issue is None
    assert parse_amount("") is None and parse_amount("—") is None and parse_amount(" ") is None
    assert parse_amount("0.00").value == Decimal("0.00")
    comma = parse_amount("125,27")
    assert (comma.value, comma.decimals, comma.issue) == (Decimal("125.27"), 2, "小数点误写为逗号")
    spaced = parse_amount("9746. 50")
    assert (spaced.value, spaced.issue) == (Decimal("9746.50"), "数字中间有空格")
    assert parse_amount("１２.５").value == Decimal("12.5")  # full-width digits
    assert parse_amount("(3.20)").value == Decimal("-3.20")
    assert parse_amount("16.15").decimals == 2 and parse_amount("26").decimals == 0
    assert parse_amount("行政运行") is None and parse_amount("100%") is None
