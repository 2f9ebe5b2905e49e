"""Narrative and performance findings on documents the checker was not tuned on (../shared/corpus).

Every case is a false error the corpus produced (issue 12, classes 4–6), judged on the rendered
page, and now gone or a notice; the real errors found next to them are still errors. Verdicts on
the narrative errors that remain are in bench/verdicts/narrative.tsv.
"""

from __future__ import annotations

from decimal import Decimal as D

from conftest import SHARED, load_disclosure
from yjsgk.check import check

CORPUS = SHARED / "corpus/renwu"
SAMPLES = SHARED / "samples/renwu"


def narrative(path, severity: str | None = None) -> list:
    found = check(load_disclosure(path), select=["narrative."])
    return [f for f in found if severity is None or f.severity == severity]


def claim(d, kind: str, value: str, page: int | None = None):
    (c,) = [c for c in d.claims if c.kind == kind and c.value == D(value) and page in (None, c.location.page)]
    return c


# -- class 4: printed precision -----------------------------------------------------------------


def test_whole_wan_yuan_truncated_from_a_yuan_table_is_a_notice():
    # 上海市文物保护研究中心 p.6: “财政拨款收入1,237万元” for the 收支总表's 12,376,671 元 (1,237.67 万元,
    # truncated), “支出预算1,361万元” for 13,616,271 元: within one unit of the last printed digit
    path = SHARED / "corpus/renwu_hist/001_上海/文化广电旅游体育局_上海市文物保护研究中心2026年度预算.pdf"
    found = [f for f in narrative(path) if f.rule == "narrative.amount"]
    assert sorted((f.severity, f.expected, f.found) for f in found) == [
        ("notice", D("12376671"), D("12370000")),
        ("notice", D("12376671"), D("12370000")),
        ("notice", D("13616271"), D("13610000")),
    ]
    assert all(f.message.endswith("相差不足一个末位单位（截尾或凑整）。") for f in found)


def test_hundredths_of_wan_yuan_truncated_from_yuan_is_a_notice():
    # 西安市科技创新局 p.21: 财政拨款收入 93664.78 万元 for 936,647,884.33 元 (93,664.79 rounded): a
    # truncation, 84.33 元 short of one unit (100 元) of the last digit printed
    found = narrative(CORPUS / "020_西安/科技创新局_2026年部门预算.pdf")
    truncated = [f for f in found if f.found == D("936647800.00")]
    assert len(truncated) >= 3 and {f.severity for f in truncated} == {"notice"}
    assert not [f for f in found if f.severity == "error"]


def test_table_figure_printed_with_one_decimal_is_judged_at_its_own_precision():
    # 西安市医疗保障局: the 收入总表's 收入总计 prints 480,544,221.6 (one decimal: eleven digits are
    # all the cell shows) for the 收支总表's 480,544,221.62: a rounding of that cell, not an error
    d = load_disclosure(CORPUS / "020_西安/医疗保障局_2026年部门预算.pdf")
    found = [f for f in check(d, select=["cross.table"]) if f.found == D("480544221.6")]
    assert len(found) == 2 and {f.severity for f in found} == {"notice"}
    assert all("在尾数误差范围（±0.055）内" in f.message for f in found)


def test_execution_rate_within_the_rounding_of_a_whole_budget_is_right():
    # 西安市卫生健康委员会 p.63: 99.99% for 全年执行数 8,858.95 ÷ 全年预算数 8,859 (printed whole: it may
    # be 8,858.5 … 8,859.5, so the rate 99.99 … 100.005%): right at the printed precision
    d = load_disclosure(SAMPLES / "020_西安/卫生健康委员会_2026年部门预算.pdf")
    rates = {f.found for f in check(d, select=["performance.execution-rate"])}
    assert D("99.99") not in rates and D("83.50") not in rates


# -- class 5: words -----------------------------------------------------------------------------


def test_roughly_flat_is_not_flat():
    # 杭州市气象局 p.4: “比上年执行数增加48.92 万元，增长 0.8%，与上年基本持平” — 基本持平 allows a change
    path = CORPUS / "008_杭州/2026年杭州市气象局部门预算.pdf"
    d = load_disclosure(path)
    assert not [c for c in d.claims if c.relation == "flat" and "基本持平" in c.sentence]
    assert not [f for f in narrative(path) if f.rule == "narrative.direction"]


def test_flat_before_the_comparison_is_hedged_too():
    # 广州市生态环境局 p.102: “公务接待费21.03万元，比上年减少0.2万元，…，主要原因是基本与上年持平”
    path = CORPUS / "005_广州/生态环境局_2026年部门预算.pdf"
    assert not [f for f in narrative(path) if f.rule == "narrative.direction"]


def test_flat_inside_another_word_is_not_a_word():
    # 西安市统计局 p.18: “需配置手持平板电脑” — 手持 + 平板, not 持平
    d = load_disclosure(CORPUS / "020_西安/2026年西安市统计局部门预算.pdf")
    assert not [c for c in d.claims if c.relation == "flat" and "手持平板" in c.sentence]
    # 与上年持平 stated plainly is still read
    assert not [f for f in narrative(CORPUS / "020_西安/2026年西安市统计局部门预算.pdf", "error")]


def test_name_broken_by_the_line_end_after_a_numbered_title_is_one_name():
    # 湖州市卫生健康委员会 p.12: “（33）卫生健康支出（类）其他卫生健康支出（款）其” / “他卫生健康支出（项）
    # 1027.17 万元” — the numbered first line runs to the margin: one paragraph, one 项 (2109999)
    d = load_disclosure(CORPUS / "079_湖州/2026年湖州市卫生健康委员会部门预算.pdf")
    other = claim(d, "amount", "1027.17", page=12)
    assert other.subject == "item.2109999"
    assert (other.link.row, other.link.value) == ("2109999 其他卫生健康支出", D("1027.17"))
    assert other.sentence.startswith("卫生健康支出（类）其他卫生健康支出（款）其他卫生健康支出（项）1027.17 万元")
    # p.9: “（7）…其” / “他科学技术支出（项）122.34 万元”; p.10 over a page break: “…养老支” / “出（款）…”
    assert claim(d, "amount", "122.34", page=9).subject == "item.2069999"
    assert claim(d, "amount", "117.15").subject == "item.2080501"
    # the real error of the document stays: 财政拨款收支总预算 64618.75 against the 04 table's 38191.21
    errors = narrative(CORPUS / "079_湖州/2026年湖州市卫生健康委员会部门预算.pdf", "error")
    assert [(f.rule, f.expected, f.found) for f in errors] == [("narrative.amount", D("38191.21"), D("64618.75"))]


# -- class 6: narrative scope and operands ------------------------------------------------------


def test_a_total_listed_with_money_of_earlier_years_is_not_the_tables_current_line():
    # 西安市民政局 p.19: 预算收入 87,203.20 万元，其中 … 上年实户资金余额 1,996.83 万元: the 收支总表's
    # 本年收入合计 (85,206.36) leaves the carry-over out; 西安市公安局 p.9: 财政拨款收入 337,741.21，其中
    # 一般公共预算拨款收入 324,638.50、上年结转 13,102.70
    minzheng = load_disclosure(CORPUS / "020_西安/民政局_2026年部门预算.pdf")
    total = claim(minzheng, "amount", "87203.20", page=19)
    assert total.with_carry_over and total.link is None
    police = load_disclosure(CORPUS / "020_西安/2026年西安市公安局部门预算.pdf")
    fiscal = claim(police, "amount", "337741.21", page=9)
    assert fiscal.subject == "income.fiscal" and fiscal.with_carry_over and fiscal.link is None
    assert not [f for f in narrative(CORPUS / "020_西安/民政局_2026年部门预算.pdf", "error")]


def test_growth_after_a_list_is_the_totals():
    # 西安市公安局 p.9: “预算收入344,447.70万元，其中：…、其他收入3,444.00万元，较上年减少129,422.00万元，
    # 下降27.31%” — 129,422.00 ÷ (344,447.70 + 129,422.00) = 27.31%, the total's rate
    # (the same words for the 支出 follow a 主要原因是 in the same sentence: their list is not read as
    # parts, so that rate is not judged at all)
    d = load_disclosure(CORPUS / "020_西安/2026年西安市公安局部门预算.pdf")
    income, spending = [c for c in d.claims if c.kind == "growth" and c.value == D("27.31")]
    assert d.claims[income.refs["current"]].value == D("344447.70")
    assert d.claims[income.refs["current_alt"]].value == D("3444.00")  # 其他收入, the other reading
    assert "current" not in spending.refs and spending.link is None
    assert not [f for f in narrative(CORPUS / "020_西安/2026年西安市公安局部门预算.pdf", "error")]


def test_a_change_compared_in_its_own_clause_is_the_items():
    # 北京市国资委: “其中:一般公共预算支出 19,828.57 万元比 2025 年初预算数 20,292.85 万元减少 464.27 万元”
    # — the change of the item, stated in the item's clause: not the total's
    d = load_disclosure(CORPUS / "002_北京/2026年北京市人民政府国有资产监督管理委员会部门预算.pdf")
    change = [c for c in d.claims if c.kind == "change" and c.value == D("464.27")]
    assert change and not [c for c in change if "current" in c.refs]
    assert not [f for f in check(d, select=["narrative.growth"]) if f.severity == "error"]


# -- the real errors next to them ---------------------------------------------------------------


def test_real_narrative_errors_of_the_corpus_are_still_errors():
    # 烟台市发展和改革委员会 p.29: 支出预算 11,380.57 / 基本支出 6,015.67 / 项目支出 5,364.9 against the
    # 支出总体情况表's 11,174.30 / 5,839.90 / 5,334.40 (p.10)
    yantai = narrative(CORPUS / "025_烟台/2026年烟台市发展和改革委员会部门预算.pdf", "error")
    assert sorted((f.expected, f.found) for f in yantai) == [
        (D("5334.40"), D("5364.9")),
        (D("5839.90"), D("6015.67")),
        (D("11174.30"), D("11380.57")),
    ]
    # 湖州市退役军人事务局 p.5, p.9, p.11: rates that the stated change and amount do not give
    huzhou = narrative(CORPUS / "079_湖州/2026年湖州市退役军人事务局部门预算.pdf", "error")
    assert sorted((f.rule, f.found, f.expected) for f in huzhou) == [
        ("narrative.growth", D("4.0"), D("4.5")),
        ("narrative.growth", D("4.00"), D("4.86")),
        ("narrative.growth", D("95.0"), D("95.8")),
    ]


# -- class 6: a department-level quantity stated for one classification item ---------------------


def test_personnel_and_public_funds_of_one_item_are_not_the_departments():
    # 西安市民政局 p.27: under the heading “（9）行政事业单位医疗（21011）117.69 万元”, “具体为：人员经费
    # 117.69 万元 … 公用经费 0.00 万元” is that 款's split, which no table prints; it was compared with
    # the 基本支出 table's 合计 人员经费 138,276,215.50 元 (36 false errors over pp. 21–32)
    d = load_disclosure(CORPUS / "020_西安/民政局_2026年部门预算.pdf")
    (personnel,) = [c for c in d.claims if c.value == D("117.69") and c.subject == "personnel"]
    assert personnel.section.endswith("（9）行政事业单位医疗（21011）117.69 万元") and personnel.link is None
    assert [f for f in narrative(CORPUS / "020_西安/民政局_2026年部门预算.pdf", "error")] == []


def test_a_paragraph_opening_with_an_item_scopes_its_parts():
    # 西安市科技创新局 p.32: “②机关商品和服务支出（502）996.33 万元，…其中：…西安市社会科学院日常公用经费
    # 65.56 万元” and the next sentence “…日常公用经费109.15万元” are parts of 502, not the department's 公用经费
    path = CORPUS / "020_西安/科技创新局_2026年部门预算.pdf"
    d = load_disclosure(path)
    assert claim(d, "amount", "109.15", page=32).link is None
    assert [f for f in narrative(path, "error") if f.location.page == 32] == []


def test_a_heading_naming_an_item_by_its_official_name_scopes_its_gloss():
    # 西安市交通运输局 p.17: “（1）行政运行（行政及参公单位基本支出）2678.58 万元” is the 项 行政运行, glossed;
    # it was compared with the whole 基本支出 table's 总计 19,443.33 万元
    path = CORPUS / "020_西安/交通运输局_2026年部门预算.pdf"
    assert claim(load_disclosure(path), "amount", "2678.58", page=17).link is None
    assert [f for f in narrative(path, "error") if f.location.page == 17] == []
