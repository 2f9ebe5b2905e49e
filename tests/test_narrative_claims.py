"""Reading the narrative: sections, claims, and how numbers are told from years and codes.

The narratives below are written into the bundled example (its tables stay; its 第三部分 is
replaced), so that claims are read and linked by the real pipeline against real tables:
examples/sample_final_accounts.txt prints 01 总计 1874.13, 本年收入合计 1826.63, 02 财政拨款收入
1791.77 and 06 公用经费合计 158.63 (see examples/MISTAKES.md, “Key correct values”).
"""

from __future__ import annotations

import json
import subprocess
import sys
from decimal import Decimal as D

from conftest import EXAMPLES, SEED_FILES
from yjsgk.check import check
from yjsgk.document import Document, Location, TextBlock
from yjsgk.narrative.sections import split_sections
from yjsgk.read.text import parse_text
from yjsgk.recognize import recognize

SAMPLE = EXAMPLES / "sample_final_accounts.txt"
SAMPLE_TEXT = SAMPLE.read_text(encoding="utf-8")
NARRATIVE = "第三部分\n\n2023年度部门决算情况说明\n\n"
TABLES = SAMPLE_TEXT[: SAMPLE_TEXT.index(NARRATIVE)]


def with_narrative(body: str):
    text = TABLES + NARRATIVE + body.strip() + "\n\n第四部分\n\n名词解释\n"
    return text, recognize(parse_text(text, "narrative.txt"))


def line_of(text: str, fragment: str) -> int:
    (line,) = [i for i, t in enumerate(text.split("\n"), start=1) if fragment in t]
    return line


def claims(disclosure) -> list[tuple]:
    return [(c.kind, c.subject, c.value, c.unit) for c in disclosure.claims]


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "yjsgk", *args],
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin", "NO_COLOR": "1"},
        timeout=60,
    )


# -- numbers ------------------------------------------------------------------------------------


def test_number_split_by_a_line_break():
    text, d = with_narrative(
        "一、收入支出决算总体情况说明\n\n2023 年度收、支总计 1874.\n13 万元。与上年相比，增加 171.\n68 万元，增长 10.08%。"
    )
    assert claims(d) == [
        ("amount", "grand_total", D("1874.13"), "万元"),
        ("change", "grand_total", D("171.68"), "万元"),
        ("growth", "grand_total", D("10.08"), "%"),
    ]
    assert d.claims[0].location.line == line_of(text, "收、支总计 1874.")
    assert d.claims[0].sentence == "2023 年度收、支总计 1874.13 万元。"
    assert check(d, select=["narrative."]) == []  # 1874.13 is 01's 总计; 171.68 ÷ 1702.45 = 10.08%


def test_full_width_digits_and_punctuation():
    _, d = with_narrative(
        "二、收入决算情况说明\n\n本年收入合计１８２６．６３万元，其中：财政拨款收入１７９１．７７万元，占９８．０９％。"
    )
    assert claims(d) == [
        ("amount", "income.total", D("1826.63"), "万元"),
        ("amount", "income.fiscal", D("1791.77"), "万元"),
        ("share", "income.fiscal", D("98.09"), "%"),
    ]
    assert [c.decimals for c in d.claims] == [2, 2, 2]
    assert check(d, select=["narrative."]) == []


def test_amounts_in_yuan_and_yi_yuan():
    _, d = with_narrative(
        "一、收入支出决算总体情况说明\n\n2023 年度收、支总计 0.1874130 亿元。\n\n"
        "五、机关运行经费\n\n本部门 2023 年度机关运行经费支出 1586300 元。"
    )
    total, admin = d.claims
    assert (total.value, total.unit, total.in_unit("万元")) == (D("0.1874130"), "亿元", D("1874.1300000"))
    assert (admin.value, admin.unit, admin.in_unit("万元")) == (D("1586300"), "元", D("158.63"))
    assert (total.link.value, admin.link.value) == (D("1874.13"), D("158.63"))
    assert check(d, select=["narrative."]) == []


def test_years_codes_dates_and_bounds_are_not_amounts():
    _, d = with_narrative(
        "十、国有资产占用情况说明\n\n"
        "2021年度至2023年度，科目 2010301 行政运行按醴财预指〔2021〕0145号文件执行。截至 2023 年 12 月 31 日，"
        "单位价值 50 万元以上通用设备 2 台（套），单位价值 100 万元以上专用设备 0 台（套）。"
    )
    assert claims(d) == [
        ("count", "equipment.general_50", D("2"), "台（套）"),
        ("count", "equipment.special_100", D("0"), "台（套）"),
    ]


def test_direction_words_and_flat():
    _, d = with_narrative(
        "六、三公经费\n\n公务接待费支出预算为 3.00 万元，支出决算为 1.84 万元，完成预算的 61.33%，决算数小于预算数，与上年持平。"
    )
    assert [(c.kind, c.subject, c.measure, c.relation, c.text) for c in d.claims] == [
        ("amount", "three_public.reception", "budget", None, "3.00 万元"),
        ("amount", "three_public.reception", "amount", None, "1.84 万元"),
        ("execution", "three_public.reception", "amount", None, "61.33%"),
        ("direction", "three_public.reception", "amount", "lt", "决算数小于预算数"),
        ("direction", "three_public.reception", "amount", "flat", "持平"),
    ]
    budget, final, rate, smaller, _flat = d.claims
    assert (rate.refs, smaller.refs["budget"], smaller.refs["final"]) == (
        {"budget": budget.id, "final": final.id},
        budget.id,
        final.id,
    )
    # 07 (line 288): 预算数 公务接待费 3.00, 决算数 1.84
    assert (budget.link.column, budget.link.value, final.link.column, final.link.value) == (
        "预算数 公务接待费",
        D("3.00"),
        "决算数 公务接待费",
        D("1.84"),
    )


def test_words_that_only_resemble_a_subject_give_none():
    # 共涉及资金 … 占 … 的: no subject is guessed for the amount, so it is never compared with a table
    _, d = with_narrative("十一、绩效\n\n本部门组织对 3 个项目开展绩效自评，共涉及一般公共预算支出 500.00 万元。")
    assert claims(d) == [("amount", None, D("500.00"), "万元")]
    assert d.claims[0].link is None


def test_item_named_inline_links_to_its_row():
    # 05 (lines 216 and 218): 2010301 行政运行 612.48, 2010350 事业运行 286.74
    _, d = with_narrative(
        "四、一般公共预算财政拨款支出决算情况说明\n\n"
        "一般公共服务支出（类）政府办公厅（室）及相关机构事务（款）行政运行（项）：年初预算为600.00万元，支出决算为612.48万元，"
        "完成年初预算的102.08%，决算数大于年初预算数。其中一般公共服务支出（类）政府办公厅（室）及相关机构事务（款）事业运行（项）支出 286.74 万元。"
    )
    assert [(c.kind, c.subject, c.measure, c.text) for c in d.claims] == [
        ("amount", "item.2010301", "budget", "600.00 万元"),
        ("amount", "item.2010301", "amount", "612.48 万元"),
        ("execution", "item.2010301", "amount", "102.08%"),
        ("direction", "item.2010301", "amount", "决算数大于年初预算数"),
        ("amount", "item.2010350", "amount", "286.74 万元"),
    ]
    assert [(c.link.row, c.link.value) for c in d.claims if c.link] == [
        ("2010301 行政运行", D("612.48")),
        ("2010350 事业运行", D("286.74")),
    ]
    assert check(d, select=["narrative."]) == []  # 612.48 ÷ 600.00 = 102.08%


def test_a_scope_that_leaves_the_subject_open():
    # 基本支出 in 财政拨款收入支出决算总体: neither 03 (all funds) nor 05 states it, so no subject
    _, d = with_narrative(
        "三、财政拨款收入支出决算总体情况说明\n\n本年财政拨款基本支出 1136.81 万元，基本支出 1000.00 万元。"
    )
    assert [(c.subject, c.text) for c in d.claims] == [("gb.basic", "1136.81 万元"), (None, "1000.00 万元")]
    assert check(d, select=["narrative."]) == []


def test_subjects_named_by_the_whole_phrase_not_its_tail():
    # real wordings (苏州/无锡 2026 budgets p.33/34, 长春 p.17, 江苏检察院 2018 p.25): the tail
    # 一般公共预算收入 / 支出合计 alone would name another quantity
    _, d = with_narrative(
        "二、收入决算情况说明\n\n上年结转结余的一般公共预算收入 0 万元，占 0%。\n\n"
        "三、支出决算情况说明\n\n其中:基本支出合计为1172.93万元，项目支出合计为672.16万元。\n\n"
        "检察（款）：2023年预算支出合计 612.48 万元。"
    )
    assert [(c.kind, c.subject, c.text) for c in d.claims] == [
        ("amount", "opening.general_budget", "0 万元"),
        ("share", "opening.general_budget", "0%"),
        ("amount", "expenditure.basic", "1172.93 万元"),
        ("amount", "expenditure.project", "672.16 万元"),
        ("amount", None, "612.48 万元"),
    ]
    assert d.claims[0].link is None  # no table prints the carry-over by fund
    assert check(d, select=["narrative."]) == []


def test_fiscal_expenditure_is_all_funds_unless_a_heading_names_one():
    # 财政拨款支出 is 04's 本年支出合计 (all funds, 1808.97 in the example); under a heading naming
    # 一般公共预算 it is 05's total
    _, d = with_narrative(
        "五、财政拨款支出决算情况说明\n\n本年财政拨款支出 1808.97 万元。\n\n"
        "六、一般公共预算财政拨款支出决算情况说明\n\n（一）财政拨款支出决算总体情况\n\n本年财政拨款支出 1808.97 万元。"
    )
    assert [(c.subject, c.scope, c.link.table, c.link.value) for c in d.claims] == [
        ("fiscal.expenditure", "fiscal", "final.fiscal_summary", D("1808.97")),
        ("gb.expenditure", "gb", "final.general_budget_expenditure", D("1808.97")),
    ]


def test_a_paragraph_opening_with_qizhong_lists_parts_of_the_total_before_it():
    # 杭州 2026 p.6: 收入预算 665,964.37 (with 上年结转), then a paragraph “其中：…占 62.3%” of it
    # here the stated total (1874.13) is not 01's 本年收入合计 (1826.63): 4.86 is 0.259% of the first
    _, d = with_narrative(
        "二、收入决算情况说明\n\n2023年度本年收入合计1874.13万元。\n\n其中：其他收入4.86万元，占0.259%。"
    )
    share = d.claims[-1]
    assert (share.kind, d.claims[share.refs["whole"]].value) == ("share", D("1874.13"))
    assert check(d, select=["narrative.share"]) == []


# -- sections -----------------------------------------------------------------------------------


def test_sections_nest_by_their_numbering():
    lines = [
        "第三部分",
        "2023年度部门决算情况说明",
        "一、收入支出决算总体情况说明",
        "正文一。",
        "（一）总体情况",
        "正文二。",
        "1、一般公共服务支出（类）行政运行（项）。",
        "正文三。",
        "（1）某项目：10 万元。",
        "二、收入决算情况说明",
        "正文四。",
        "单位 2021 度 部门整体支出绩效自评报告",
        "一、部门概况",
        "正文五。",
    ]
    document = Document(
        "t.txt", "text", [TextBlock(t, Location("t.txt", line=i)) for i, t in enumerate(lines, start=1)]
    )
    narrative = split_sections(document)
    where = {p.text: p.section.describe() for p in narrative.paragraphs}
    assert where["正文一。"] == "第三部分 › 一、收入支出决算总体情况说明"
    assert where["正文二。"] == "第三部分 › 一、收入支出决算总体情况说明 › （一）总体情况"
    assert (
        where["正文三。"]
        == "第三部分 › 一、收入支出决算总体情况说明 › （一）总体情况 › 1、一般公共服务支出（类）行政运行（项）"
    )
    assert where["某项目：10 万元。"].endswith("1、一般公共服务支出（类）行政运行（项） › （1）某项目")
    assert where["正文四。"] == "第三部分 › 二、收入决算情况说明"
    assert where["正文五。"] == "第三部分 › 单位 2021 度 部门整体支出绩效自评报告 › 一、部门概况"


def test_the_same_words_read_in_their_section():
    d = recognize(parse_text(SAMPLE_TEXT, str(SAMPLE)))
    basic = [c for c in d.claims if c.kind == "amount" and c.subject in ("expenditure.basic", "gb.basic")]
    # line 336 三、支出决算: 基本支出 1172.93 is 03's (all funds); line 348 五、一般公共预算财政拨款基本支出: 05's
    assert [(c.location.line, c.subject, c.scope, c.link.table, c.link.value) for c in basic] == [
        (336, "expenditure.basic", "all", "final.expenditure", D("1172.93")),
        (348, "gb.basic", "gb", "final.general_budget_expenditure", D("1136.81")),
    ]


# -- the command line ---------------------------------------------------------------------------


def test_extract_json_lists_claims_with_links():
    result = run("extract", str(SAMPLE))
    assert result.returncode == 0
    [doc] = json.loads(result.stdout)["documents"]
    fiscal = next(c for c in doc["claims"] if c["subject"] == "income.fiscal")
    assert fiscal == {
        **fiscal,
        "kind": "amount",
        "subject_label": "财政拨款收入",
        "measure": "amount",
        "value": "1791.77",
        "text": "1791.77 万元",
        "unit": "万元",
        "section": "第三部分 › 二、收入决算情况说明",
        "location": {"source": str(SAMPLE), "line": 332},
        "link": {
            "table": "final.income",
            "table_title": "收入决算表（公开02表）",
            "row": "合计",
            "column": "财政拨款收入",
            "value": "1791.77",
            "unit": "万元",
            "location": fiscal["link"]["location"],
        },
    }
    assert fiscal["link"]["location"]["line"] == 103
    assert fiscal["sentence"].startswith(
        "2023 年度本年收入合计 1826.63 万元，其中：财政拨款收入 1791.77 万元，占 98.09%；"
    )
    share = next(c for c in doc["claims"] if c["kind"] == "share" and c["value"] == "98.09")
    assert (
        share["refs"] == {"part": fiscal["id"], "whole": fiscal["refs"]["whole"]} and share["whole"] == "income.total"
    )
    assert len(doc["claims"]) == 67


def test_extract_text_lists_claims():
    out = run("extract", "--format", "text", str(SAMPLE)).stdout
    assert "  情况说明中的数字（67 项）" in out
    assert (
        "[第332行] #4 金额 财政拨款收入 1791.77 万元 → 收入决算表（公开02表）“合计”行“财政拨款收入”为 1,791.77 万元 ← 总数 #3（1826.63 万元）"
        in out
    )


def test_check_reports_narrative_findings_and_verbose_notices():
    plain = run("check", "--select", "narrative.", str(SEED_FILES["002"]))
    assert plain.returncode == 1
    assert (
        "  第三部分 › 一、收入支出决算总体情况说明\n    错误 narrative.growth [第318行] “与上年相比，增加 88.31 万元，增长 71%，"
        in plain.stdout
    )
    assert "narrative.unlinked" not in plain.stdout
    verbose = run("check", "--verbose", "--select", "narrative.", str(SEED_FILES["002"]))
    assert (
        "提示 narrative.unlinked [第404行] “根据预算绩效管理要求，本单位组织对 2020 年度 2 个项目支出开展了绩效自评，共涉及资金 76.21 万元"
        in verbose.stdout
    )
    only_unlinked = run("check", "--verbose", "--select", "narrative.unlinked", str(SEED_FILES["002"]))
    assert only_unlinked.returncode == 0  # never an error
