"""The harvest of printed code–name pairs (yjsgk.harvest) on real documents."""

from __future__ import annotations

import csv
import shutil
from importlib import resources
from pathlib import Path

import pytest

from conftest import SHARED
from yjsgk.harvest import Sighting, collect, judge, write

CORPUS = SHARED / "corpus" / "renwu"
DOCUMENTS = [
    CORPUS / "001_上海" / "2026年上海市司法局_部门预算.pdf",  # 20408 强制隔离戒毒 and its 项
    CORPUS / "005_广州" / "司法局_2026年部门预算.pdf",  # the same, a second department
    CORPUS / "005_广州" / "统计局_2026年部门预算.pdf",  # 2010508 统计抽样调查, printed by no other
    CORPUS / "020_西安" / "国有资产监督管理委员会_2026年部门预算.pdf",  # names cut over two rows
    SHARED / "samples" / "renwu" / "040_长春" / "2026年长春市信访局部门预算.pdf",  # 30208 印为 物业管理费
]


@pytest.fixture(scope="module")
def harvest():
    documents, sightings, failed = collect(DOCUMENTS, SHARED)
    assert failed == []
    return documents, sightings, {(p.code, p.name): p for p in judge(sightings, documents)}


def test_sightings_carry_their_document_and_page(harvest):
    documents, sightings, _ = harvest
    assert [d.path for d in documents] == [str(p.relative_to(SHARED)) for p in DOCUMENTS]
    assert {(d.department, d.year) for d in documents if "上海" in d.path} == {("上海市戒毒康复中心", 2026)}
    shanghai = [s for s in sightings if s.code == "2040801" and "上海" in s.document]
    assert shanghai and {s.name for s in shanghai} == {"行政运行"} and all(s.page for s in shanghai)


def test_two_departments_agreeing_add_a_code(harvest):
    pairs = harvest[2]
    for code, name in [("20408", "强制隔离戒毒"), ("2040801", "行政运行")]:
        pair = pairs[(code, name)]
        assert (pair.status, pair.detail, len(pair.documents)) == ("added", "confirmed", 2), code


def test_one_document_is_not_agreement(harvest):
    pair = harvest[2][("2010508", "统计抽样调查")]
    assert (pair.status, pair.reason) == ("rejected", "one-document")
    # 2010550 事业运行: one document too, but the standard name of the suffix 50
    assert harvest[2][("2010550", "事业运行")].status == "added"


def test_reading_artefacts_are_rejected(harvest):
    pairs = harvest[2]
    # 西安 国资委 表8 p.31: the 费 of 机关事业单位基本养老保险缴费 overflows into the next row
    assert (
        pairs[("30108", "机关事业单位基本养老保险缴")].status,
        pairs[("30108", "机关事业单位基本养老保险缴")].reason,
    ) == (
        "rejected",
        "truncated",
    )
    # the 费 overflowing into 30109's cell is drawn outside its clip: not printed, not read (it was
    # read as "费职业年金缴费" before the PDF reader honoured clip paths)
    assert ("30109", "费职业年金缴费") not in pairs
    # 长春 p.11 prints 30208 twice, the second time with the name of 30209 (a mistake of the document)
    assert (pairs[("30208", "物业管理费")].reason, pairs[("30208", "物业管理费")].detail) == ("wrong-code", "30209")
    assert pairs[("30208", "取暖费")].status == "official"


def test_glued_cells_are_rejected_even_when_many_documents_print_them():
    # how 烟台 公开表6 read before the second classification was cut off: 部门 and 政府 names as one
    sightings = [Sighting("economic", "30101", "基本工资 工资奖金津补贴", f"doc{i}.pdf", 0, 17) for i in range(3)] + [
        Sighting("function", "2040899", "其他强制隔离戒毒支出 工资福利支出", "doc0.pdf", 1, 9)
    ]
    pairs = {p.code: p for p in judge(sightings, [])}
    assert (pairs["30101"].status, pairs["30101"].reason) == ("rejected", "glued")
    assert pairs["30101"].detail == "基本工资 | 工资奖金津补贴"
    assert pairs["2040899"].reason == "glued"


def test_write_merges_new_codes_and_keeps_curated_rows(harvest, tmp_path):
    documents, _, pairs = harvest
    source = Path(str(resources.files("yjsgk.data").joinpath("classification")))
    for name in ("function.csv", "economic.csv", "sources.csv"):
        shutil.copy(source / name, tmp_path / name)
    curated = [r for r in _rows(tmp_path / "function.csv") if not r["source"].startswith("harvested:")]
    write(list(pairs.values()), documents, SHARED, tmp_path)
    rows = _rows(tmp_path / "function.csv")
    assert [r for r in rows if not r["source"].startswith("harvested:")] == curated
    harvested = {r["code"]: r for r in rows if r["source"].startswith("harvested:")}
    assert set(harvested) >= {"20408", "2040801", "2010550"} and "2010508" not in harvested
    assert (
        harvested["2040801"]["source"]
        == "harvested: 2 documents, first corpus/renwu/001_上海/2026年上海市司法局_部门预算.pdf"
    )
    assert (harvested["2040801"]["confirmed"], harvested["2010550"]["confirmed"]) == ("yes", "no")
    report = {(r["code"], r["name"]): r for r in _rows(tmp_path / "harvest.csv")}
    assert report[("2010508", "统计抽样调查")]["reason"] == "one-document"
    ids = {r["id"]: r for r in _rows(tmp_path / "sources.csv")}
    assert {ids[i]["reference"] for i in report[("20408", "强制隔离戒毒")]["sources"].split()} == {
        "../shared/" + str(p.relative_to(SHARED)) for p in DOCUMENTS[:2]
    }


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as f:
        return list(csv.DictReader(f))
