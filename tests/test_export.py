"""Exports: Excel read back with openpyxl and compared with the model, CSV, JSON, and the Fiscal
Data Package validated with frictionless. Documents come from the bundled example and the seeds
(read in place); the corpus from a SQLite store they are ingested into."""

from __future__ import annotations

import csv
import json
import shutil
from decimal import Decimal

import frictionless
import pytest
from openpyxl import load_workbook

from conftest import EXAMPLES, SEED_FILES
from yjsgk.export import bundle_from_file, export_documents, export_result
from yjsgk.export.datapackage import validate_datapackage
from yjsgk.export.excel import FINDINGS_SHEET, INFO_SHEET, table_layout
from yjsgk.pipeline import load
from yjsgk.report.json_report import disclosure_dict
from yjsgk.store import Store, corpus_bundles, ingest, load_bundle, queries

EXAMPLE = EXAMPLES / "sample_final_accounts.txt"


@pytest.fixture(scope="module")
def example():
    return bundle_from_file(EXAMPLE)


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    store = Store(tmp_path_factory.mktemp("export") / "corpus.db")
    summary = ingest([*SEED_FILES.values(), EXAMPLE], store)
    assert not summary.failed
    yield store
    store.close()


def _number(cell) -> Decimal | None:
    if cell.value is None:
        return None
    assert isinstance(cell.value, (int, float)), (cell.coordinate, cell.value)
    return Decimal(str(cell.value))


def _same_amount(cell, value) -> None:
    """The cell holds the amount as a number, formatted with the printed number of decimals."""
    assert _number(cell) == value.amount, (cell.coordinate, cell.value, value.amount)
    expected_format = "#,##0" + ("." + "0" * value.decimals if value.decimals else "")
    assert cell.number_format == expected_format, cell.coordinate


def _check_sheet(ws, table) -> dict[int, int]:
    """Compare one table sheet with the model; returns model row index → sheet row."""
    layout = table_layout(table)
    assert ws["A1"].value == table.display_name
    first = int(ws.freeze_panes[1:])  # the header is frozen: data start on that row
    where = {}
    if layout == "summary":
        income = [r for r in table.rows if r.side == "income"]
        spend = [r for r in table.rows if r.side != "income"]
        left = [c for c in table.columns if any(c in r.values for r in income)] or table.columns[:1]
        right = [c for c in table.columns if c not in left or any(c in r.values for r in spend)] or left
        rcol = 2 + len(left)
        assert ws.cell(3, 1).value == "收入项目" and ws.cell(3, rcol).value == "支出项目"
        # every row of each side appears once, in order, with its amounts; the sides are
        # aligned on 本年收入合计/本年支出合计 and on 总计
        for rows, name_col, columns in ((income, 1, left), (spend, rcol, right)):
            sheet_rows = [n for n in range(first, ws.max_row + 1) if ws.cell(n, name_col).value is not None]
            assert [ws.cell(n, name_col).value for n in sheet_rows][: len(rows)] == [r.name for r in rows]
            for n, r in zip(sheet_rows, rows, strict=False):  # the sheet may go on (notes)
                for k, c in enumerate(columns):
                    if c in r.values:
                        _same_amount(ws.cell(n, name_col + 1 + k), r.values[c])
                    else:
                        assert ws.cell(n, name_col + 1 + k).value is None
        grand = {col: r.name for col, side in ((1, income), (rcol, spend)) for r in side if r.key == "grand_total"}
        totals = [
            n for n in range(first, ws.max_row + 1) for col, name in grand.items() if ws.cell(n, col).value == name
        ]
        assert len(totals) == len(grand) and len(set(totals)) <= 1
        return where
    if layout == "raw":  # performance tables, not typed yet: the cells as printed
        for n, r in enumerate(table.rows):
            cells = [ws.cell(first + n, 1 + k).value for k in range(len(r.cells or []))]
            assert [c or "" for c in cells] == [c or "" for c in r.cells or []]
        return where
    assert ws.freeze_panes == f"C{first}"
    labels = [table.column_labels.get(c, c) for c in table.columns]
    header = []
    for k in range(len(labels)):
        top, below = ws.cell(3, 3 + k).value, ws.cell(first - 1, 3 + k).value
        if first - 3 == 2 and below is not None and top is not None and below != top:
            header.append(f"{top} {below}")
        elif first - 3 == 2 and top is None:  # under a merged group title
            group = next(ws.cell(3, j).value for j in range(3 + k, 2, -1) if ws.cell(3, j).value is not None)
            header.append(f"{group} {below}")
        else:
            header.append(top)
    assert header == labels
    for n, r in enumerate(table.rows):
        row = first + n
        assert ws.cell(row, 1).value == r.code
        assert ws.cell(row, 2).value == (r.name or r.label)
        for k, c in enumerate(table.columns):
            if c in r.values:
                _same_amount(ws.cell(row, 3 + k), r.values[c])
            else:
                assert ws.cell(row, 3 + k).value is None, (ws.title, row, c)
        where[n] = row
    return where


def test_excel_document_matches_the_model(example, tmp_path):
    path = export_documents([example], tmp_path / "doc.xlsx", "xlsx")
    wb = load_workbook(path)
    d = example.disclosure
    assert wb.sheetnames[0] == INFO_SHEET and wb.sheetnames[-1] == FINDINGS_SHEET
    assert wb.sheetnames[1:-1] == [f"{t.number} {t.standard_title}" for t in d.tables]
    assert wb.sheetnames[1] == "01 收入支出决算总表"
    info = {row[0].value: row[1].value for row in wb[INFO_SHEET].iter_rows(min_row=3)}
    assert (info["部门"], info["年度"], info["文件类型"], info["金额单位"]) == (
        "示范市数据资源管理局",
        2023,
        "部门决算",
        "万元",
    )
    for table, name in zip(d.tables, wb.sheetnames[1:-1], strict=True):
        _check_sheet(wb[name], table)

    # the familiar layout, spot-checked against the text: 03 line 140, 01 line 86, 07 line 288
    ws03 = wb["03 支出决算表"]
    row = next(r for r in ws03.iter_rows(min_row=4) if r[0].value == "2010302")
    assert [row[1].value, _number(row[2]), _number(row[3]), _number(row[4])] == [
        "一般行政管理事务",
        Decimal("160.36"),
        Decimal("0"),
        Decimal("148.36"),
    ]
    ws01 = wb["01 收入支出决算总表"]
    totals = [r for r in ws01.iter_rows(min_row=4) if r[0].value == "总计"]
    assert [(_number(totals[0][1]), totals[0][2].value, _number(totals[0][3]))] == [
        (Decimal("1874.13"), "总计", Decimal("1879.13"))
    ]
    ws07 = wb["07 一般公共预算财政拨款“三公”经费支出决算表"]
    assert [ws07.cell(3, c).value for c in (3, 9)] == ["预算数", "决算数"]  # grouped header, two rows
    assert [ws07.cell(4, c).value for c in (11, 12)] == ["公务用车购置及运行费 小计", "公务用车购置费"]
    assert [_number(ws07.cell(5, c)) for c in range(3, 15)] == [
        Decimal(x)
        for x in ("9.00", "0.00", "6.00", "0.00", "6.00", "3.00", "6.96", "0.00", "6.12", "0.00", "5.12", "1.84")
    ]


@pytest.mark.parametrize("name", sorted(SEED_FILES))
def test_excel_of_every_seed_reads_back_as_its_model(name, tmp_path):
    bundle = bundle_from_file(SEED_FILES[name])
    wb = load_workbook(export_documents([bundle], tmp_path / f"{name}.xlsx", "xlsx"))
    assert len(wb.sheetnames) == len(bundle.disclosure.tables) + 2
    for table, sheet in zip(bundle.disclosure.tables, wb.sheetnames[1:-1], strict=True):
        _check_sheet(wb[sheet], table)
    assert wb[FINDINGS_SHEET].max_row == len(bundle.findings) + 1


def test_excel_findings_link_back_to_their_rows(example, tmp_path):
    path = export_documents([example], tmp_path / "doc.xlsx", "xlsx")
    wb = load_workbook(path)
    ws = wb[FINDINGS_SHEET]
    assert ws.freeze_panes == "A2"
    rows = list(ws.iter_rows(min_row=2))
    assert len(rows) == len(example.findings)
    for cells, finding in zip(rows, example.findings, strict=True):
        assert (cells[1].value, cells[2].value, cells[3].value, cells[4].value) == (
            finding.rule,
            finding.table_title,
            finding.row,
            finding.column,
        )
        assert cells[11].value == finding.fingerprint
        assert cells[9].value == (finding.location.page if finding.location else None)
        link = cells[3].hyperlink
        if finding.table is None:  # about the document as a whole (a missing section): no row to link
            assert link is None, finding.rule
            continue
        assert link is not None and link.location, finding.rule
        sheet, address = link.location.rsplit("!", 1)
        target = wb[sheet.strip("'")][address]
        linked_row = [c.value for c in target.parent[target.row]]
        # the linked row is the one the finding is about: its code, or its item name
        code = finding.row.split(" ")[0] if finding.row and finding.row[0].isdigit() else None
        label = (finding.row or "").split("：")[-1]
        if code:
            assert code in linked_row, (finding.rule, finding.row, linked_row)
        elif label != "数据行":
            assert label in linked_row, (finding.rule, finding.row, linked_row)
    # 03 2010302 (identity.row, MISTAKES.md 1) points at line 140's row in the 03 sheet
    cells = next(r for r in rows if r[1].value == "identity.row" and r[3].value == "2010302 一般行政管理事务")
    # … at its 本年支出合计 cell (column C), highlighted, with the 基本/项目 cells compared in blue
    assert cells[3].hyperlink.location.startswith("'03 支出决算表'!C")
    sheet, address = cells[3].hyperlink.location.rsplit("!", 1)
    target = wb[sheet.strip("'")][address]
    assert _number(target) == Decimal("160.36") and target.fill.fgColor.rgb.endswith("FFC7CE")
    assert "identity.row" in target.comment.text
    related = [target.parent.cell(target.row, c) for c in (4, 5)]
    assert [_number(c) for c in related] == [Decimal("0.00"), Decimal("148.36")]
    assert all(c.fill.fgColor.rgb.endswith("BDD7EE") for c in related)
    assert _number(cells[5]) == Decimal("148.36") and _number(cells[6]) == Decimal("160.36")


def test_excel_of_a_stored_document_equals_the_file_export(example, store, tmp_path):
    stored_id = queries.documents(store, department="示范市数据资源管理局").rows[0]["document_id"]
    direct = load_workbook(export_documents([example], tmp_path / "direct.xlsx", "xlsx"))
    stored = load_workbook(export_documents([load_bundle(store, stored_id)], tmp_path / "stored.xlsx", "xlsx"))
    assert direct.sheetnames == stored.sheetnames
    for name in direct.sheetnames[1:]:  # 概况 differs only in the stored id/version
        a = [[c.value for c in row] for row in direct[name].iter_rows()]
        b = [[c.value for c in row] for row in stored[name].iter_rows()]
        assert a == b, name


def test_excel_corpus_and_query_result(store, tmp_path):
    bundles = list(corpus_bundles(store))
    path = export_documents(bundles, tmp_path / "corpus.xlsx", "xlsx")
    wb = load_workbook(path)
    assert wb.sheetnames == ["文件", "明细", "问题"]
    docs = list(wb["文件"].iter_rows(min_row=2, values_only=True))
    assert len(docs) == 6
    items = wb["明细"]
    assert items.freeze_panes == "A2"
    header = [c.value for c in items[1]]
    assert items.max_row - 1 == sum(len(r.values) for b in bundles for t in b.disclosure.tables for r in t.rows)
    col = {name: header.index(name) for name in ("部门", "表", "科目编码", "列", "金额")}
    rows = [r for r in items.iter_rows(min_row=2) if r[col["部门"]].value == "长沙市行政审批服务局"]
    hit = next(
        r
        for r in rows
        if r[col["表"]].value == "budget.expenditure"
        and r[col["科目编码"]].value == "2010301"
        and r[col["列"]].value == "total"
    )
    assert _number(hit[col["金额"]]) == Decimal("2285.05")  # seed 003 line 203: 2,285.05
    assert hit[col["金额"]].number_format == "#,##0.00"

    ranked = queries.rank(store, year=2021)
    wb = load_workbook(export_result(ranked, tmp_path / "rank.xlsx"))
    ws = wb.active
    assert [c.value for c in ws[1]][:5] == ["名次", "部门", "地区", "层级", "支出合计（万元）"]
    assert [ws.cell(2, 2).value, _number(ws.cell(2, 5))] == ["醴陵市行政审批服务局", Decimal("2277.76")]


def test_csv_and_json_exports(example, store, tmp_path):
    folder = export_documents([example], tmp_path / "csv", "csv")
    with (folder / "line_items.csv").open(encoding="utf-8-sig", newline="") as handle:
        items = list(csv.DictReader(handle))
    assert len(items) == sum(len(r.values) for t in example.disclosure.tables for r in t.rows)
    row = next(
        i
        for i in items
        if i["table"] == "final.general_budget_expenditure" and i["code"] == "2080506" and i["column"] == "total"
    )
    assert (row["amount"], row["printed"], row["line"]) == ("36.50", "36,50", "224")  # the decimal comma of line 224
    with (folder / "findings.csv").open(encoding="utf-8-sig", newline="") as handle:
        findings = list(csv.DictReader(handle))
    assert [f["fingerprint"] for f in findings] == [f.fingerprint for f in example.findings]

    path = export_documents([example], tmp_path / "doc.json", "json")
    payload = json.loads(path.read_text(encoding="utf-8"))
    (document,) = payload["documents"]
    original, findings = load(EXAMPLE)
    assert document["tables"] == json.loads(json.dumps(disclosure_dict(original)["tables"]))
    assert [f["fingerprint"] for f in document["findings"]] == [f.fingerprint for f in findings]
    assert document["summary"]["error"] == sum(f.severity == "error" for f in findings)

    result = queries.department_overview(store, "醴陵市行政审批服务局")
    path = export_result(result, tmp_path / "dept.csv")
    with path.open(encoding="utf-8-sig", newline="") as handle:
        (row,) = list(csv.DictReader(handle))
    # seed 004: 支出决算表 合计 2277.76 = 基本 1239.29 + 项目 1038.47; 三公 决算 接待 0.20
    assert (row["expenditure"], row["basic"], row["project"], row["three_public"]) == (
        "2277.76",
        "1239.29",
        "1038.47",
        "0.20",
    )


def test_fiscal_data_package_passes_frictionless_validation(store, tmp_path):
    path = export_documents(list(corpus_bundles(store)), tmp_path / "fdp", "datapackage")
    assert path.name == "datapackage.json"
    assert validate_datapackage(path) == []
    report = frictionless.validate(str(path))
    assert report.valid, report.flatten(["type", "note"])
    descriptor = json.loads(path.read_text(encoding="utf-8"))
    measures = descriptor["model"]["measures"]
    assert {name: (m["phase"], m["currency"], m["factor"]) for name, m in measures.items()} == {
        "budget": ("approved", "CNY", 10000),
        "final": ("executed", "CNY", 10000),
    }
    dims = descriptor["model"]["dimensions"]
    assert {dims[n].get("classificationType") for n in ("function", "economic", "administrative")} == {
        "functional",
        "economic",
        "administrative",
    }
    assert dims["date"]["dimensionType"] == "datetime"
    with (path.parent / "budget-lines.csv").open(encoding="utf-8", newline="") as handle:
        lines = list(csv.DictReader(handle))

    def one(**where):
        (hit,) = [r for r in lines if all(r[k] == v for k, v in where.items())]
        return hit

    # seed 003 (budget 2023) line 203: 2010301 行政运行 2,285.05 (all funds, total)
    hit = one(department="长沙市行政审批服务局", function_code="2010301", fund="all", spending="total")
    assert (hit["year"], hit["budget"], hit["final"], hit["function_level"]) == ("2023", "2285.05", "", "项")
    # the example (final 2023): 03 line 139, 2010301 行政运行 612.48; 06 line 260, 30217 公务接待费 1.26
    hit = one(department="示范市数据资源管理局", function_code="2010301", fund="all", spending="total")
    assert (hit["final"], hit["budget"], hit["region"]) == ("612.48", "", "示范市")
    hit = one(department="示范市数据资源管理局", economic_code="30217", fund="general_budget")
    assert (hit["final"], hit["economic_name"], hit["economic_level"]) == ("1.26", "公务接待费", "款")
    assert not [r for r in lines if r["department"] == "雁峰区行政审批服务局"]  # performance only: no fiscal lines


def test_fiscal_data_package_validation_catches_mistakes(example, tmp_path):
    path = export_documents([example], tmp_path / "fdp", "datapackage")
    assert validate_datapackage(path) == []
    broken = tmp_path / "broken"
    shutil.copytree(path.parent, broken)
    descriptor = json.loads((broken / "datapackage.json").read_text(encoding="utf-8"))
    descriptor["model"]["measures"]["final"]["phase"] = "final"  # not an FDP phase
    descriptor["model"]["dimensions"]["function"]["attributes"]["code"]["source"] = "function"  # no such field
    (broken / "datapackage.json").write_text(json.dumps(descriptor, ensure_ascii=False), encoding="utf-8")
    with (broken / "budget-lines.csv").open("a", encoding="utf-8") as handle:
        handle.write("二〇二三" + "," * 18 + "\n")  # a year that is not an integer
    problems = validate_datapackage(broken)
    assert any("phase" in p for p in problems)
    assert any("function.code" in p for p in problems)
    assert any("type-error" in p or "constraint" in p for p in problems)
