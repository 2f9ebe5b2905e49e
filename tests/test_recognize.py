"""Recognition on crafted layouts the seeds do not cover."""

from __future__ import annotations

from decimal import Decimal

from yjsgk.read.text import parse_text
from yjsgk.recognize import recognize
from yjsgk.recognize.segment import match_title

EXPENDITURE_HEADER = """项 目\t本年支出合计\t基本支出\t项目支出\t上缴上级支出\t经营支出\t对附属单位补助支出
功能分类科目编码\t科目名称\t\t\t\t\t\t
"""
EXPENDITURE_ROWS = (
    EXPENDITURE_HEADER
    + """合计\t\t10.00\t4.00\t6.00\t\t\t
201\t一般公共服务支出\t10.00\t4.00\t6.00\t\t\t
"""
)


def disclosure(text: str):
    return recognize(parse_text(text, "t.txt"))


def test_title_matching():
    assert (
        match_title("附件五                   一般公共预算财政拨款支出决算表").id == "final.general_budget_expenditure"
    )
    assert match_title("2023年部门收支总体情况表").id == "budget.summary"
    assert match_title("一般公共预算财政拨款基本支出决算明细表").id == "final.general_budget_basic"
    assert match_title("公开 03 表") is None
    # narrative headings are not titles
    assert match_title("四、财政拨款收入支出决算总体情况说明") is None
    assert match_title("七、一般公共预算财政拨款三公经费支出决算情况说明") is None


def test_table_known_only_by_its_number():
    d = disclosure("2021年度某某局部门决算\n\n公开 03 表\n\n部门：某某局\n\n单位：万元\n\n" + EXPENDITURE_ROWS)
    [table] = d.tables
    assert (table.id, table.number, table.title) == ("final.expenditure", "03", "公开03表")
    assert table.find(code="201").values["project"].amount == Decimal("6.00")
    assert (d.department, d.year, d.unit, d.kind) == ("某某局", 2021, "万元", "final")


def test_contents_lines_do_not_become_tables():
    text = (
        "2021年度某某局部门决算\n\n目录\n\n- 三、支出决算表\n- 四、财政拨款收入支出决算总表\n\n"
        "第一部分 概况\n\n本部门主要职责是负责全市某某工作，内设机构三个，下属单位一个，"
        "编制人数二十人，实有人数十八人，年末无离退休人员。\n\n支出决算表\n\n公开 03 表\n\n" + EXPENDITURE_ROWS
    )
    d = disclosure(text)
    assert [t.id for t in d.tables] == ["final.expenditure"]
    assert d.tables[0].location.line == 12


def test_repeated_title_and_header_continue_the_table():
    page2 = "支出决算表\n\n单位：万元\n\n" + EXPENDITURE_HEADER + "208\t社会保障和就业支出\t2.00\t2.00\t\t\t\t\n"
    d = disclosure(
        "支出决算表\n\n公开 03 表\n\n单位：万元\n\n"
        + EXPENDITURE_ROWS
        + "\n"
        + page2
        + "\n注：本表反映部门本年度各项支出情况。\n"
    )
    [table] = d.tables
    assert [r.code for r in table.coded_rows()] == ["201", "208"]
    assert table.notes == ["注：本表反映部门本年度各项支出情况。"]


def test_missing_metadata_is_reported_not_invented():
    d = disclosure("支出决算表\n\n" + EXPENDITURE_ROWS)
    assert (d.department, d.year, d.unit) == (None, None, None)
    messages = sorted(p.message for p in d.recognition if p.rule == "recognize.metadata")
    assert messages == ["未找到年度", "未找到部门名称", "未找到金额单位"]


def test_amount_rows_outside_any_table_are_reported():
    d = disclosure("2021年度某某局部门决算\n\n某张没有标题的表\n\n" + EXPENDITURE_ROWS)
    assert d.tables == []
    [problem] = [p for p in d.recognition if p.rule == "recognize.unknown-table"]
    assert problem.message.startswith("有 2 行金额数据不属于任何已识别的标准表")


def test_summary_row_with_amount_but_no_name():
    text = (
        "收入支出决算总表\n\n公开 01 表\n\n单位：万元\n\n"
        "收入\t\t\t支出\t\t\n项 目\t行次\t决算数\t项 目\t行次\t决算数\n"
        "一、一般公共预算财政拨款收入\t1\t5.00\t一、一般公共服务支出\t14\t3.00\n"
        "七、附属单位上缴收入\t7\t\t20\t2.00\n"
        "本年收入合计\t10\t5.00\t本年支出合计\t23\t5.00\n"
    )
    d = disclosure(text)
    table = d.tables[0]
    [problem] = [p for p in d.recognition if p.rule == "recognize.missing-name"]
    assert "行次 20 有金额但项目名称为空" in problem.message
    nameless = [r for r in table.rows if r.side == "expenditure" and not r.name]
    assert [r.values["amount"].amount for r in nameless] == [Decimal("2.00")]


def test_summary_with_one_amount_column_headed_only_by_its_kind():
    # 广东 template: each side's only amount column is headed 预算
    text = (
        "2026年某某局部门预算\n\n收支总体情况表\n\n单位：万元\n\n"
        "收入\t\t支出\t\n项目\t预算\t项目\t预算\n"
        "一、预算拨款\t5.00\t一、一般公共服务支出\t5.00\n"
        "本年收入合计\t5.00\t本年支出合计\t5.00\n"
        "\t\t结转结余下年\t0.00\n"
    )
    table = disclosure(text).tables[0]
    assert table.find(key="fiscal", side="income").values["amount"].amount == Decimal("5.00")
    assert table.find(code="201", side="expenditure").values["amount"].amount == Decimal("5.00")
    assert table.find(key="closing_balance", side="expenditure").values["amount"].amount == Decimal("0.00")


def test_summary_whose_amount_columns_are_not_found_says_so():
    text = (
        "2026年某某局部门预算\n\n收支总体情况表\n\n单位：万元\n\n"
        "收入\t\t\t支出\t\t\n项目\t上年\t本年\t项目\t上年\t本年\n"
        "一、预算拨款\t4.00\t5.00\t一、一般公共服务支出\t4.00\t5.00\n"
    )
    d = disclosure(text)
    problems = [p.message for p in d.recognition if p.rule == "recognize.columns"]
    assert problems == [
        "部门收支总体情况表：收入侧无法从表头确定金额列，本侧未做核对",
        "部门收支总体情况表：支出侧无法从表头确定金额列，本侧未做核对",
    ]


def test_bracketed_codes_and_a_single_amount_column():
    text = (
        "2026年某某局部门预算\n\n一般公共预算基本支出情况表（按经济分类科目）\n\n单位：万元\n\n"
        "部门预算支出经济科目\t预算\n合计\t3.00\n[301]工资福利支出\t3.00\n [30101]基本工资\t3.00\n"
    )
    table = disclosure(text).tables[0]
    assert table.id == "budget.general_budget_basic"
    assert table.find(key="total").values["total"].amount == Decimal("3.00")
    row = table.find(code="30101")
    assert (row.name, row.values["total"].amount) == ("基本工资", Decimal("3.00"))


def test_three_public_table_printed_transposed():
    # items as rows, one column per fund: read back as rows of the standard columns
    text = (
        "2026年某某局部门预算\n\n财政拨款安排的行政经费及“三公”经费预算表\n\n单位：万元\n\n"
        "项目\t合计\t一般公共预算\n"
        "行政经费\t9.00\t9.00\n"
        "“三公”经费\t3.00\t3.00\n"
        "其中：（一）因公出国（境）支出\t1.00\t1.00\n"
        "（二）公务用车购置及运行维护支出\t1.50\t1.50\n"
        "1.公务用车购置费\t0.50\t0.50\n"
        "2.公务用车运行维护费\t1.00\t1.00\n"
        "（三）公务接待费支出\t0.50\t0.50\n"
    )
    table = disclosure(text).tables[0]
    assert table.id == "budget.three_public"
    total = table.find(key="total")
    assert {c: str(v.amount) for c, v in total.values.items()} == {
        "office_operation": "9.00",
        "total": "3.00",
        "abroad": "1.00",
        "vehicle": "1.50",
        "vehicle_purchase": "0.50",
        "vehicle_operation": "1.00",
        "reception": "0.50",
    }
    assert [r.name for r in table.rows] == ["合计", "一般公共预算"]


def test_earlier_year_columns_are_not_the_tables_values():
    from yjsgk.recognize.columns import earlier_year_columns

    labels = {0: "科目编码", 1: "2025年预算数", 2: "2026年预算数/总计", 3: "2026年预算数/基本支出"}
    assert earlier_year_columns(labels) == {1}
    assert earlier_year_columns({0: "2026年预算数/合计", 1: "2026年预算数/因公出国"}) == set()


def test_number_wrapped_inside_its_pdf_cell_is_joined():
    from yjsgk.read.pdf import _cell_text, _Line

    cell = (0.0, 0.0, 57.9, 30.0)
    wrapped = [_Line("376,936.6", 0.0, (6.0, 0.0, 51.0, 10.0)), _Line("0", 12.0, (46.0, 12.0, 51.0, 22.0))]
    assert _cell_text(wrapped, cell) == "376,936.60"
    # two numbers, each complete, stay two lines
    two = [_Line("1,234.56", 0.0, (6.0, 0.0, 51.0, 10.0)), _Line("7,890.12", 12.0, (6.0, 12.0, 51.0, 22.0))]
    assert _cell_text(two, cell) == "1,234.56\n7,890.12"


def test_columns_the_header_names_otherwise_are_not_filled_in_standard_order():
    # 深圳 表3 p.27: nine value columns as many as 支出总表 defines, but the last three are
    # 2026年政府采购项目 columns — they stay unmapped rather than become 预留机动经费/人员/公用
    from yjsgk.definitions import table_def
    from yjsgk.recognize.columns import map_columns

    defn = table_def("budget.expenditure")
    labels = dict(
        enumerate(
            [
                "科目编码",
                "科目名称",
                "支出总计",
                "基本支出",
                "项目支出",
                "事业单位经营支出",
                "对附属单位补助支出",
                "上缴上级支出",
                "2026年政府采购项目/小计",
                "2026年政府采购项目/其中：预留给中小企业",
                "2026年政府采购项目/其中：预留给小型、微型企业",
            ]
        )
    )
    cmap = map_columns(defn, labels, 11, 9)
    assert sorted(cmap.positions.items()) == [
        (2, "total"),
        (3, "basic"),
        (4, "project"),
        (5, "operating"),
        (6, "to_subordinate"),
        (7, "to_higher"),
    ]
    # 泉州 p.15: 小计 heads the first value column of a table whose other columns are named
    labels = dict(
        enumerate(
            [
                "科目编码",
                "科目名称",
                "小计",
                "基本支出",
                "项目支出",
                "事业单位经营支出",
                "上缴上级支出",
                "对附属单位补助支出",
            ]
        )
    )
    assert map_columns(defn, labels, 8, 6).positions[2] == "total"
