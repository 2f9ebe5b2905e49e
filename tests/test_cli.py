"""The command line as a user runs it: real processes, real files, exit codes and messages."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import CLI_ENV, EXAMPLES, SEED_FILES
from conftest import run_cli as run


def test_check_seed_with_errors_exits_1_and_groups_by_table():
    result = run("check", str(SEED_FILES["002"]))
    assert result.returncode == 1
    assert result.stderr == ""
    out = result.stdout
    assert "株洲市石峰区行政审批服务局 · 2020年度 · 部门决算（含绩效附件） · 金额单位：万元" in out
    assert "  支出决算表（公开03表）\n" in out
    assert "错误 identity.row [第157行]" in out
    assert "应为 125.27，表中为 76.21，相差 -49.06" in out


def test_check_seed_without_errors_exits_0():
    result = run("check", str(SEED_FILES["003"]))
    assert result.returncode == 0, result.stdout
    assert "    错误 " not in result.stdout and "错误 0 条" in result.stdout


def test_check_json_shape():
    result = run("check", "--format", "json", "--select", "sum.", "--select", "identity.", str(SEED_FILES["002"]))
    assert result.returncode == 1
    payload = json.loads(result.stdout)
    assert payload["schema"] == 1 and payload["unreadable"] == []
    [doc] = payload["documents"]
    assert (doc["department"], doc["year"], doc["unit"], doc["kind"]) == (
        "株洲市石峰区行政审批服务局",
        2020,
        "万元",
        "final_with_performance",
    )
    errors = [f for f in doc["findings"] if f["severity"] == "error"]
    assert doc["summary"]["error"] == len(errors) == 2
    identity = next(f for f in errors if f["rule"] == "identity.row")
    assert identity == {
        **identity,
        "table": "final.expenditure",
        "table_title": "支出决算表（公开03表）",
        "row": "2010399 其他政府办公厅（室）及相关机构事务支出",
        "column": "本年支出合计",
        "expected": "125.27",
        "found": "76.21",
        "difference": "-49.06",
    }
    assert identity["location"] == {"source": str(SEED_FILES["002"]), "line": 157, "column": 2}
    assert len(identity["fingerprint"]) == 16


def test_extract_json_shape():
    result = run("extract", str(SEED_FILES["004"]))
    assert result.returncode == 0
    [doc] = json.loads(result.stdout)["documents"]
    expenditure = next(t for t in doc["tables"] if t["id"] == "final.expenditure")
    assert expenditure["number"] == "03"
    assert expenditure["columns"][:3] == ["total", "basic", "project"]
    row = next(r for r in expenditure["rows"] if r["code"] == "2010399")
    assert row["values"] == {"total": "1154.75", "basic": "256.96", "project": "897.79"}
    assert row["location"]["line"] == 134


def test_extract_text():
    result = run("extract", "--format", "text", str(SEED_FILES["003"]))
    assert result.returncode == 0
    assert "部门收入总体情况表  [budget.income]" in result.stdout
    assert "2010301 行政运行 | 2,285.05" in result.stdout


def test_select_and_ignore():
    only_format = run("check", "--format", "json", "--select", "format.", str(SEED_FILES["002"]))
    rules = {f["rule"] for f in json.loads(only_format.stdout)["documents"][0]["findings"]}
    assert rules == {"format.number"}
    assert only_format.returncode == 0  # warnings only
    ignored = run(
        "check",
        "--format",
        "json",
        "--select",
        "sum.",
        "--select",
        "identity.",
        "--select",
        "format.",
        "--ignore",
        "identity.",
        "--ignore",
        "sum.",
        str(SEED_FILES["002"]),
    )
    rules = {f["rule"] for f in json.loads(ignored.stdout)["documents"][0]["findings"]}
    assert rules == {"format.number"}
    assert ignored.returncode == 0


def test_bundled_example_reports_its_mistakes():
    result = run("check", str(EXAMPLES / "sample_final_accounts.txt"))
    assert result.returncode == 1
    assert "示范市数据资源管理局 · 2023年度" in result.stdout
    # as examples/MISTAKES.md lists them: 6 errors, 4 warnings (2 of them completeness), 1 rounding notice
    assert result.stdout.rstrip().endswith("错误 6 条，警告 4 条，提示 1 条")


def test_folder_is_walked(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "seed.txt").write_bytes(SEED_FILES["003"].read_bytes())
    (tmp_path / "ignored.pdf.bak").write_text("x")
    result = run("check", "--format", "json", str(tmp_path))
    docs = json.loads(result.stdout)["documents"]
    assert [Path(d["source"]).name for d in docs] == ["seed.txt"]


@pytest.mark.parametrize(
    "name, content, reason",
    [
        ("empty.txt", b"", "文件为空"),
        ("blank.txt", b"\n\n  \n", "文件为空"),
        ("garbage.txt", bytes(range(256)) * 40, "不是文本文件"),
        ("unrelated.txt", "今天天气很好。\n我们去公园散步。\n".encode(), "不是预决算公开文件"),
        ("latin1.txt", "caf\xe9 na\xefve \xff\xfe".encode("latin-1") * 50, "无法识别文本编码"),
        ("table.numbers", b"PK\x03\x04 an Apple Numbers file", "暂不支持的文件格式"),
    ],
)
def test_bad_input_gets_one_line_and_exit_2(tmp_path, name, content, reason):
    path = tmp_path / name
    path.write_bytes(content)
    result = run("check", str(path))
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and reason in lines[0] and str(path) in lines[0]
    assert "Traceback" not in result.stderr


def test_missing_file_and_directory(tmp_path):
    missing = run("check", str(tmp_path / "nope.txt"))
    assert missing.returncode == 2 and "文件不存在" in missing.stderr
    extract_dir = run("extract", str(tmp_path))  # an empty folder has nothing to read: said, exit 2
    assert extract_dir.returncode == 2
    assert extract_dir.stderr == f"yjsgk: {tmp_path}: 文件夹为空 (empty folder)\n"
    assert json.loads(extract_dir.stdout) == {"schema": 1, "documents": []}


def test_one_bad_file_does_not_stop_the_others(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    result = run("check", "--format", "json", str(bad), str(SEED_FILES["003"]))
    assert result.returncode == 2
    payload = json.loads(result.stdout)
    assert len(payload["documents"]) == 1
    assert payload["unreadable"] == [f"{bad}: 文件为空 (empty file)"]


def test_notes_about_a_disclosure_are_not_a_disclosure():
    # MISTAKES.md talks about a 部门决算公开 and quotes its cells, but is none itself
    result = run("check", str(EXAMPLES / "MISTAKES.md"))
    assert result.returncode == 2 and "不是预决算公开文件" in result.stderr
    folder = run("check", "--format", "json", str(EXAMPLES))
    payload = json.loads(folder.stdout)
    assert [Path(d["source"]).name for d in payload["documents"]] == ["sample_final_accounts.txt"]
    assert len(payload["unreadable"]) == 1 and "MISTAKES.md" in payload["unreadable"][0]


def test_progress_bar_on_a_terminal_for_a_folder():
    master, slave = pty.openpty()
    result = subprocess.run(
        [sys.executable, "-m", "yjsgk", "check", "--format", "json", str(SEED_FILES["000"].parent)],
        stdout=subprocess.PIPE,
        stderr=slave,
        env=CLI_ENV,
        timeout=60,
    )
    os.close(slave)
    shown = os.read(master, 65536).decode("utf-8", "replace")
    os.close(master)
    assert result.returncode == 1  # seed 002 has errors
    assert "] 5/5" in shown and "\r" in shown
    assert json.loads(result.stdout)["documents"]  # the report itself is untouched


def test_no_progress_bar_when_stderr_is_not_a_terminal():
    result = run("check", "--format", "json", str(SEED_FILES["000"].parent))
    assert result.stderr == ""


def test_parallel_check_gives_the_same_report():
    one = run("check", "--format", "json", "--jobs", "1", str(SEED_FILES["000"].parent), str(EXAMPLES))
    two = run("check", "--format", "json", "--jobs", "2", str(SEED_FILES["000"].parent), str(EXAMPLES))
    assert one.returncode == two.returncode == 2  # MISTAKES.md is not a disclosure
    assert json.loads(one.stdout) == json.loads(two.stdout)
    assert len(json.loads(two.stdout)["documents"]) == 6
