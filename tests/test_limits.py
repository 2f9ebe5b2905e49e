"""Hostile files are refused early, with one line naming the limit passed; `--limits` moves them.

The bombs are built at test time from real bases (the seeds rendered as .docx/.xlsx, the corpus
web page, the published template) by the helpers of bench/fuzz_readers.py.
"""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from conftest import ROOT, SHARED
from yjsgk import limits
from yjsgk.cli import main
from yjsgk.errors import ReadError
from yjsgk.read import read_path

sys.path.insert(0, str(ROOT / "bench"))
import fuzz_readers as fz  # noqa: E402

TEMPLATE = SHARED / "samples/tianbaoxitong/templates/excel/unit_budget_template.xlsx"
MB = 1024 * 1024


@pytest.fixture(scope="module")
def bases():
    from yjsgk.read import office, pdf, sheet, web, word  # noqa: F401  (imported: only the refusal is timed)

    return fz.build_bases(small=True)


def refused(path: Path, limit: str, seconds: float = 10.0) -> str:
    """The one-line reason; `seconds` is generous: the test machine may be shared and loaded (the
    times measured on a quiet one are in bench/fuzz_readers.py bombs)."""
    started = time.perf_counter()
    with pytest.raises(ReadError) as caught:
        read_path(path)
    took = time.perf_counter() - started
    assert f"(limit {limit} exceeded)" in caught.value.reason, caught.value.reason
    assert f"--limits {limit}=" in caught.value.reason
    assert "\n" not in caught.value.reason
    assert took < seconds, f"refused after {took:.1f} s"
    return caught.value.reason


def peak_mb(path: Path) -> tuple[float, float, str]:
    """(seconds, MB the read added to the peak resident size, message) in a fresh process."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    env.pop(limits.ENV, None)
    out = subprocess.run(
        [sys.executable, "-c", fz._MEASURE, str(path)], capture_output=True, text=True, env=env, timeout=300
    )
    seconds, before, after, message = out.stdout.strip().splitlines()[-1].split("\t", 3)
    return float(seconds), float(after) - float(before), message


def test_limits_are_named_data_with_defaults_and_overrides(monkeypatch):
    monkeypatch.setenv(limits.ENV, "")  # recorded: restored (removed) after the test
    assert set(limits.LIMITS) == {"pages", "bytes", "text_bytes", "uncompressed_bytes", "entries", "cells", "depth"}
    assert limits.current() == limits.Limits()
    assert limits.parse(["cells=2000000,uncompressed_bytes=1GB", "pages=800", "text-bytes=30MB"]) == {
        "cells": 2_000_000,
        "uncompressed_bytes": 1024 * MB,
        "pages": 800,
        "text_bytes": 30 * MB,
    }
    for bad in ("nosuch=1", "cells", "cells=10MB", "pages=0", "bytes=lots"):
        with pytest.raises(limits.LimitsError):
            limits.parse([bad])
    monkeypatch.setenv(limits.ENV, "pages=7")
    assert limits.current().pages == 7 and limits.current().cells == limits.LIMITS["cells"].default


def test_a_bad_limits_option_is_one_line_and_exit_2(capsys):
    assert main(["check", "--limits", "nosuch=1", str(SHARED / "seeds/000_58a4a338f4d57f7e.txt")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "--limits" in err and "cells" in err


def test_docx_bomb_refused_from_the_directory_in_a_fraction_of_a_second(tmp_path, bases):
    path = tmp_path / "bomb.docx"
    fz._write_bomb(path, bases["docx"][0].read_bytes(), "word/document.xml", 300 * MB)
    assert path.stat().st_size < 2 * MB
    reason = refused(path, "uncompressed_bytes", seconds=1.0)
    assert re.match(r"压缩包解压后的总大小 30\d MB，超过上限 256 MB（", reason)
    seconds, added, message = peak_mb(path)
    assert message == reason and added < 50, (seconds, added)
    # the directory lying about the size does not get it read: the inflated bytes do not match
    lying = tmp_path / "lying.docx"
    with zipfile.ZipFile(io.BytesIO(bases["docx"][0].read_bytes())) as zf:
        small = zf.getinfo("word/document.xml").file_size
    lying.write_bytes(fz._patch_sizes(path.read_bytes(), "word/document.xml", small))
    with pytest.raises(ReadError, match="已损坏"):
        read_path(lying)


def test_a_million_row_sheet_is_refused_by_counting_cells_before_openpyxl(tmp_path, bases):
    path = tmp_path / "rows.xlsx"
    rows = b"".join(
        b'<row r="%d"><c r="A%d"><v>%d</v></c><c r="B%d"><v>1.5</v></c></row>' % (r, r, r, r) for r in range(1, 400_001)
    )
    fz._replace_member(path, bases["xlsx"][0].read_bytes(), "xl/worksheets/sheet1.xml", fz._sheet_xml(rows))
    reason = refused(path, "cells")
    assert reason.startswith("表格单元格数超过 1,00")
    seconds, added, _ = peak_mb(path)
    assert added < 60, (seconds, added)


def test_a_far_cell_a_huge_merge_and_many_members_are_refused(tmp_path, bases):
    base = bases["xlsx"][0].read_bytes()
    far = tmp_path / "far.xlsx"
    rows = b'<row r="1"><c r="A1"><v>1</v></c></row><row r="1048576"><c r="XFD1048576"><v>2</v></c></row>'
    fz._replace_member(far, base, "xl/worksheets/sheet1.xml", fz._sheet_xml(rows))
    assert "17,179,869,184" in refused(far, "cells")
    merged = tmp_path / "merged.xlsx"
    with zipfile.ZipFile(io.BytesIO(base)) as zf:
        sheet = zf.read("xl/worksheets/sheet1.xml")
    sheet = sheet.replace(
        b"</worksheet>", b'<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells></worksheet>'
    )
    fz._replace_member(merged, base, "xl/worksheets/sheet1.xml", sheet)
    refused(merged, "cells")  # openpyxl would make 17 billion MergedCell objects (it hung the fuzz run)
    many = tmp_path / "many.xlsx"
    members = [(i.filename, b) for i, b in fz._members(base)] + [(f"xl/media/x{i}.bin", b"x") for i in range(10_001)]
    many.write_bytes(fz._zip(members))
    assert "压缩包中的文件数 10,0" in refused(many, "entries", seconds=1.0)


def test_deep_and_spanning_web_pages_and_docx_spans(tmp_path, bases):
    html = bases["html"][-1].read_text("utf-8")  # the corpus page
    body = html.index("<body>") + len("<body>")
    deep = tmp_path / "deep.html"
    deep.write_text(html[:body] + "<div>" * 100_000 + html[body:], "utf-8")
    assert refused(deep, "depth", seconds=1.0).startswith("网页元素嵌套层数超过 2,048")
    spans = tmp_path / "spans.html"
    cells = '<td colspan="1000" rowspan="1000">1</td>' * 50
    spans.write_text(f"<html><body><table>{('<tr>' + cells + '</tr>') * 1000}</table></body></html>", "utf-8")
    refused(spans, "cells")
    with zipfile.ZipFile(io.BytesIO(bases["docx"][0].read_bytes())) as zf:
        document = zf.read("word/document.xml")
    cell = b'<w:tc><w:tcPr><w:gridSpan w:val="200"/></w:tcPr><w:p/></w:tc>'
    table = b"<w:tbl>" + (b"<w:tr>" + cell * 500 + b"</w:tr>") * 20 + b"</w:tbl>"
    at = document.index(b"<w:body>") + len(b"<w:body>")
    docx_spans = tmp_path / "spans.docx"
    fz._replace_member(
        docx_spans, bases["docx"][0].read_bytes(), "word/document.xml", document[:at] + table + document[at:]
    )
    refused(docx_spans, "cells")


def test_big_text_and_page_count_refused_before_reading(tmp_path):
    big = tmp_path / "big.txt"
    with big.open("wb") as fh:
        fh.truncate(21 * MB)  # sparse: nothing is read
    assert refused(big, "text_bytes", seconds=0.5).startswith("文本或网页文件大小 21 MB，超过上限 20 MB")


def test_limits_option_lowers_and_raises_a_limit_for_check_and_ingest(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv(limits.ENV, "")  # recorded: restored (removed) after the test
    assert len(read_path(TEMPLATE).blocks) > 10  # read under the default limits
    assert main(["check", "--limits", "cells=100", "--format", "json", str(TEMPLATE)]) == 2
    out, err = capsys.readouterr()
    assert err.count("\n") == 1 and "(limit cells exceeded)" in err and "上限 100（" in err
    assert json.loads(out)["unreadable"] == [err.removeprefix("yjsgk: ").rstrip("\n")]
    monkeypatch.setenv(limits.ENV, "")  # recorded: restored (removed) after the test
    db = tmp_path / "t.db"
    assert main(["ingest", "--db", str(db), "--limits", "cells=100", "--format", "json", str(TEMPLATE)]) == 2
    payload = json.loads(capsys.readouterr().out)
    assert payload["files"][0]["status"] == "failed"
    assert "(limit cells exceeded)" in payload["files"][0]["reason"]
    monkeypatch.setenv(limits.ENV, "")  # recorded: restored (removed) after the test
    # lowered and raised again: a real 20-page PDF
    pdf = SHARED / "corpus/renwu/001_上海/2026年上海市水务局_部门预算.pdf"
    limits.configure(["pages=10"])
    assert refused(pdf, "pages").startswith("PDF 页数 20，超过上限 10（")
    limits.configure(["pages=30"])
    assert read_path(pdf).blocks
