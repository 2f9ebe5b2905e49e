"""The blank standard workbook (`yjsgk draft --template-xlsx OUT.xlsx`): a 封面 sheet (year,
department, kind) and one sheet per standard table in its printed layout — title, 编制单位 and
单位 line, the merged header, the 栏次 row, then the rows: the 总表 with its standard items on
both sides (the expenditure side by 类), coded tables with a 合计 row and blank rows to fill
(科目编码 as 类 | 款 | 项), the 基本支出 table with the 款 of the economic classification, the
三公 table with one row. The layouts are those of the draft (layout.py), so a workbook filled
in is read back like any disclosure. docs/draft.md describes it."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from ..definitions import function_classes, table_def, table_defs
from ..dictionary import classification
from ..document import Location
from ..model import Disclosure, Row, Table
from ..recognize.summary_items import EXPENDITURE_ITEMS, INCOME_ITEMS
from .compose import chinese_number
from .layout import Layout, layout_of

BLANK_ROWS = 25
THIN = Side(style="thin", color="999999")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)

TABLES = {
    "final": [d.id for d in table_defs() if d.kind == "final"],
    "budget": [
        "budget.summary",
        "budget.income",
        "budget.expenditure",
        "budget.fiscal_summary",
        "budget.general_budget_expenditure",
        "budget.general_budget_basic",
        "budget.three_public",
        "budget.gov_fund",
        "budget.state_capital",
    ],
}
SUMMARY_ROWS = {
    "summary": (
        [
            "fiscal_general_budget",
            "fiscal_gov_fund",
            "fiscal_state_capital",
            "higher_subsidy",
            "business",
            "operating",
            "subordinate",
            "other",
        ],
        ["total_income", "use_non_fiscal_balance", "opening_balance", "grand_total"],
        ["total_expenditure", "balance_distribution", "closing_balance", "grand_total"],
    ),
    "fiscal_summary": (
        ["fiscal_general_budget", "fiscal_gov_fund", "fiscal_state_capital"],
        ["total_income", "opening_balance", "grand_total"],
        ["total_expenditure", "closing_balance", "grand_total"],
    ),
}
HERE = Location("template")


def _summary_rows(kind: str) -> list[Row]:
    items, income_tail, spend_tail = SUMMARY_ROWS[kind]
    rows = [
        Row(f"{chinese_number(n)}、{INCOME_ITEMS[k][0]}", HERE, key=k, side="income") for n, k in enumerate(items, 1)
    ]
    rows += [Row(INCOME_ITEMS[k][0], HERE, key=k, side="income") for k in income_tail]
    classes = [c for c in function_classes() if not c.aliases or True]
    rows += [
        Row(f"{chinese_number(n)}、{c.name}", HERE, key=f"class.{c.code}", side="expenditure")
        for n, c in enumerate(classes, 1)
    ]
    rows += [Row(EXPENDITURE_ITEMS[k][0], HERE, key=k, side="expenditure") for k in spend_tail]
    return rows


def skeleton(table_id: str, year: int | None = None) -> Table:
    defn = table_def(table_id)
    table = Table(
        id=table_id,
        title=defn.title,
        standard_title=defn.title,
        location=HERE,
        number=defn.number,
        columns=[c.id for c in defn.columns],
        column_labels={c.id: c.label for c in defn.columns},
        unit="万元",
    )
    short = table_id.split(".", 1)[1]
    if defn.layout == "summary":
        table.rows = _summary_rows("fiscal_summary" if short == "fiscal_summary" else "summary")
    elif defn.layout == "groups":
        economic = classification("economic")
        codes = [
            c
            for c in economic.codes()
            if len(c) == 5 and c[:3] in ("301", "302", "303", "310", "399") and economic.valid_in(c, year)
        ]
        table.rows = [Row("", HERE, code=c) for c in codes]
        table.rows += [Row("", HERE, key="personnel_total"), Row("", HERE, key="public_total")]
    elif defn.layout in ("single", "named"):
        table.rows = [Row("", HERE, key="values")]
    else:
        table.rows = [Row("合计", HERE, key="total")] + [Row("", HERE) for _ in range(BLANK_ROWS)]
    return table


def _sheet(ws, layout: Layout, department: str = "") -> None:
    title = layout.title + (f"（公开{layout.number}表）" if layout.number else "")
    ws.cell(1, 1, title).font = Font(bold=True, size=14)
    ws.cell(1, 1).alignment = Alignment(horizontal="center")
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=max(layout.width, 2))
    ws.cell(2, 1, f"编制单位：{department}")
    ws.cell(2, max(layout.width, 2), f"单位：{layout.unit or '万元'}").alignment = Alignment(horizontal="right")
    top = 3
    for hc in layout.header:
        cell = ws.cell(top + hc.row, 1 + hc.col, hc.text)
        if hc.rows > 1 or hc.cols > 1:
            ws.merge_cells(
                start_row=top + hc.row,
                start_column=1 + hc.col,
                end_row=top + hc.row + hc.rows - 1,
                end_column=hc.col + hc.cols,
            )
    for r in range(top, top + layout.header_rows):
        for c in range(1, layout.width + 1):
            cell = ws.cell(r, c)
            cell.font, cell.fill, cell.alignment, cell.border = Font(bold=True), HEADER_FILL, CENTER, BOX
    row = top + layout.header_rows
    lines = [(True, layout.index_row)] if layout.index_row else []
    lines += [(False, line) for line in layout.body]
    for index, line in lines:
        for c, text in enumerate(line, 1):
            numeric = layout.numeric[c - 1] and not index
            value: object = Decimal(text.replace(",", "")) if numeric and text else (text or None)
            cell = ws.cell(row, c, value)
            cell.border = BOX
            if isinstance(value, Decimal):
                places = max(0, -int(value.as_tuple().exponent))
                cell.number_format = "#,##0" + ("." + "0" * places if places else "")
            elif numeric:
                cell.number_format = "#,##0.00"
            else:
                cell.number_format = "@"
        row += 1
    for c in range(1, layout.width + 1):
        ws.column_dimensions[get_column_letter(c)].width = 30 if not layout.numeric[c - 1] else 14


def write_template(path: Path, kind: str = "final") -> Path:
    wb = Workbook()
    cover = wb.active
    cover.title = "封面"
    label = "部门决算" if kind == "final" else "部门预算"
    for n, text in enumerate(
        ("XXXX年度", "（部门名称）", label, "说明：每张表一个工作表；金额单位万元；科目编码填入类、款、项三列。"), 1
    ):
        cover.cell(n, 1, text)
    cover.column_dimensions["A"].width = 80
    for table_id in TABLES[kind]:
        layout = layout_of(skeleton(table_id), None)
        name = f"{layout.number} {layout.title}" if layout.number else layout.title
        _sheet(wb.create_sheet(name[:31]), layout)
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path


def write_tables(disclosure: Disclosure, path: Path) -> Path:
    """A disclosure's standard tables in the workbook layout (a 封面 naming it, a sheet a table)."""
    wb = Workbook()
    cover = wb.active
    cover.title = "封面"
    label = "部门预算" if disclosure.kind == "budget" else "部门决算"
    year = f"{disclosure.year}年度" if disclosure.year else ""
    for n, text in enumerate((year, disclosure.department or "", label), 1):
        cover.cell(n, 1, text)
    taken: set[str] = set()
    for table in disclosure.tables:
        if table_def(table.id).layout == "raw":
            continue
        layout = layout_of(table, disclosure.year)
        name = (f"{layout.number} {layout.title}" if layout.number else layout.title)[:28]
        while name in taken:
            name += "_"
        taken.add(name)
        _sheet(wb.create_sheet(name), layout, disclosure.department or "")
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path
