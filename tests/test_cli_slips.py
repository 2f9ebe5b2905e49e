"""Command-line slips a new user makes, each answered in one line on stderr with the right exit
status (issue 17): unknown rules, comma lists, negative --jobs, broken pipes, bad --years,
outputs that cannot be written, empty folders, a --db in a missing folder; and the query gaps
(三公 of budgets, blank templates as departments, documents not due yet, rank without a hint,
a findings table too wide for a terminal), baselines keyed on the path, and the example's notes
against what `check` really prints. Real processes on real documents, as a user runs them.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections import Counter
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from conftest import CLI_ENV, EXAMPLES, ROOT, SEED_FILES, SHARED
from conftest import run_cli as run
from yjsgk.check import RULES
from yjsgk.report.terminal import width
from yjsgk.store import Store, ingest, queries
from yjsgk.store.models import Department, Document

SAMPLE = EXAMPLES / "sample_final_accounts.txt"
# 江苏 2017 budgets print their 三公 table as one row of figures with no 合计 row (page 16 of the
# 检察院's: 合计 1,452.35 | “三公”经费 小计 584.35 | 因公出国（境）费 110.00 | 公务用车购置及运行维护费
# 小计 317.80, 购置费 50.00, 运行维护费 267.80 | 公务接待费 156.55 | 会议费 168.00 | 培训费 700.00, 万元)
JIANGSU = SHARED / "samples/open-budget/江苏省人民检察院/2017年省检察院部门预算.pdf"
# blank templates: 上海市普陀区XX单位 (a budget template) and 上海市XX局 (a final-accounts template)
TEMPLATES = [
    SHARED / "samples/tianbaoxitong/templates/budget_template.xls",
    SHARED / "samples/GovBudgetChecker/samples/templates/附件2：部门决算模板.pdf",
]


def cli(*args: str, columns: int | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    env = dict(CLI_ENV, **({"COLUMNS": str(columns)} if columns else {}))
    return subprocess.run(
        [sys.executable, "-m", "yjsgk", *args], capture_output=True, text=True, env=env, cwd=cwd, timeout=120
    )


def one_line_error(result: subprocess.CompletedProcess, *needles: str) -> str:
    """Exit 2, nothing on stdout, one line on stderr that says what is wrong."""
    assert result.returncode == 2, (result.returncode, result.stdout[:300], result.stderr[-600:])
    assert result.stdout == ""
    assert "Traceback" not in result.stderr and "内部错误" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    for needle in needles:
        assert needle in lines[0]
    return lines[0]


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    """Seeds, the example, the 江苏 2017 检察院 budget and two blank templates, in a SQLite file."""
    path = tmp_path_factory.mktemp("slips") / "corpus.db"
    store = Store(str(path))
    summary = ingest([*SEED_FILES.values(), SAMPLE, JIANGSU, *TEMPLATES], store)
    assert [o.status for o in summary.outcomes] == ["ingested"] * 9, [o.reason for o in summary.failed]
    store.close()
    return path


# ---------------------------------------------------------------------------------------------
# rules: unknown ids, comma lists, prefixes


@pytest.mark.parametrize("flag", ["--select", "--ignore"])
def test_an_unknown_rule_is_refused_not_a_clean_report(flag):
    # before: exit 0 and 未发现问题 (no rule ran)
    one_line_error(run("check", flag, "nosuch", str(SEED_FILES["002"])), "没有编号或前缀为 nosuch 的规则")
    one_line_error(run("check", flag, "sum.,nosuch.", str(SEED_FILES["002"])), "nosuch.")


def test_a_former_spelling_of_a_rule_id_is_known():
    result = run("check", "--format", "json", "--select", "recognize.missing_name", str(SEED_FILES["002"]))
    assert result.returncode == 0 and result.stderr == ""


def test_comma_lists_on_the_command_line_and_in_the_config(tmp_path):
    def rules(result):
        assert result.stderr == ""
        return Counter(f["rule"] for f in json.loads(result.stdout)["documents"][0]["findings"])

    repeated = run("check", "--format", "json", "--select", "sum.", "--select", "identity.", str(SEED_FILES["002"]))
    comma = run("check", "--format", "json", "--select", "sum.,identity.", str(SEED_FILES["002"]))
    assert comma.returncode == repeated.returncode == 1
    assert rules(comma) == rules(repeated) and sum(rules(comma).values()) >= 2  # 2 errors (test_cli)
    (tmp_path / "yjsgk.toml").write_text('select = ["sum.,identity."]\nignore = "name.,format."\n', encoding="utf-8")
    configured = run("check", "--format", "json", str(SEED_FILES["002"]), cwd=tmp_path)
    assert rules(configured) == rules(repeated)
    (tmp_path / "yjsgk.toml").write_text('select = ["sum.,nosuch"]\n', encoding="utf-8")
    one_line_error(run("check", str(SEED_FILES["002"]), cwd=tmp_path), "yjsgk.toml", "nosuch")


def test_rules_prefix_lists_the_rules_under_it():
    result = run("rules", "sum.")  # before: 没有编号为 sum. 的规则, exit 2
    assert result.returncode == 0 and result.stderr == ""
    listed = [line.split()[0] for line in result.stdout.splitlines()]
    assert listed == sorted(r for r in RULES if r.startswith("sum.")) and len(listed) >= 2
    family = run("rules", "recognize")
    assert [line.split()[0] for line in family.stdout.splitlines()] == sorted(
        r for r in RULES if r.startswith("recognize")
    )
    assert run("rules", "identity.row").stdout.startswith("identity.row  ")  # an exact id is explained
    one_line_error(run("rules", "nosuch."), "没有编号为 nosuch. 的规则")


@pytest.mark.parametrize("value", ["-1", "-8"])
def test_negative_jobs_are_refused(value):
    result = run("check", "--jobs", value, str(SEED_FILES["003"]))  # before: ran, exit 0
    assert result.returncode == 2 and result.stdout == ""
    assert f"argument -j/--jobs: 应不小于 0，而不是 {value}" in result.stderr and "Traceback" not in result.stderr


def test_negative_jobs_are_refused_by_ingest_too(tmp_path):
    result = run("ingest", "--jobs", "-1", "--db", str(tmp_path / "c.db"), str(SEED_FILES["003"]))  # before: accepted
    assert result.returncode == 2 and not (tmp_path / "c.db").exists()
    assert "argument -j/--jobs: 应不小于 0，而不是 -1" in result.stderr


# ---------------------------------------------------------------------------------------------
# internal errors that are messages


@pytest.mark.parametrize(
    "args",
    [
        ("query", "findings"),
        ("query", "findings", "--format", "csv"),
        ("query", "documents", "--format", "json"),
        ("check", str(SAMPLE)),
        ("check", "--format", "json", str(SEED_FILES["002"])),
        ("rules",),
    ],
)
def test_a_reader_that_goes_away_ends_the_command_quietly(db, args):
    """`yjsgk … | head -1` when head has already gone: no traceback, no 内部错误, exit 141."""
    db_args = ("--db", str(db)) if args[0] == "query" else ()
    process = subprocess.Popen(
        [sys.executable, "-m", "yjsgk", *args, *db_args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=CLI_ENV,
    )
    process.stdout.close()  # the reader is gone before the first line is written
    stderr = process.stderr.read().decode()
    assert process.wait(timeout=120) == 141
    assert stderr == ""  # before: "Exception ignored … BrokenPipeError" (exit 120) or 内部错误 (exit 2)


def test_head_of_a_pipe(db):
    pipeline = f"{sys.executable} -m yjsgk query findings --format csv --db {db} | head -1"
    result = subprocess.run(["bash", "-c", pipeline], capture_output=True, text=True, env=CLI_ENV, timeout=120)
    assert result.stdout.startswith("document_id,department,region,year,family,version,rule,severity")
    assert result.stderr == ""


def test_years_that_are_not_years(db):
    result = run("query", "missing", "--db", str(db), "--years", "abc")  # before: 内部错误: ValueError
    assert result.returncode == 2 and result.stdout == "" and "Traceback" not in result.stderr
    assert "argument --years: 应为年度或年度范围，如 2019-2023" in result.stderr


def test_an_output_that_cannot_be_written(db, tmp_path):
    # before: 内部错误: FileNotFoundError
    one_line_error(run("export", "--all", "--db", str(db), "-o", "/proc/x.xlsx"), "/proc/x.xlsx", "无法写入")
    one_line_error(run("query", "findings", "--db", str(db), "-o", "/proc/x.csv"), "/proc/x.csv", "无法写入")
    html = run("check", "--format", "html", "-o", "/proc/x.html", str(SAMPLE))
    assert html.returncode == 2 and html.stderr == "yjsgk: /proc/x.html: 无法写入：No such file or directory\n"
    # a name taken by a folder: refused, and nothing half-written is left beside it
    (tmp_path / "taken.xlsx").mkdir()
    before = sorted(p.name for p in tmp_path.iterdir())
    one_line_error(run("export", "--all", "--db", str(db), "-o", str(tmp_path / "taken.xlsx")), "无法写入")
    assert sorted(p.name for p in tmp_path.iterdir()) == before
    assert list((tmp_path / "taken.xlsx").iterdir()) == []
    one_line_error(run("export", "--all", "--db", str(db), "-o", str(tmp_path / "no" / "x.xlsx")), "输出文件夹不存在")
    assert not (tmp_path / "no").exists()


def test_an_output_extension_we_do_not_write_is_refused(db, tmp_path):
    for args in (("export", "--all"), ("export", str(SAMPLE)), ("query", "findings")):
        target = tmp_path / "out.pdf"
        line = one_line_error(run(*args, "--db", str(db), "-o", str(target)), "out.pdf", ".xlsx、.csv、.json")
        assert "不能写成 .pdf 文件" in line
        assert not target.exists()  # before: a CSV folder named out.pdf
    written = run("export", "--all", "--db", str(db), "-o", str(tmp_path / "corpus.xlsx"))
    assert written.returncode == 0 and (tmp_path / "corpus.xlsx").stat().st_size > 1000
    assert [p.name for p in tmp_path.iterdir()] == ["corpus.xlsx"]  # no staging folder left behind


def test_an_empty_folder_or_one_without_documents_is_said(tmp_path, db):
    empty = tmp_path / "empty"
    empty.mkdir()
    other = tmp_path / "other"
    other.mkdir()
    (other / "notes.bin").write_bytes(b"\x00\x01")
    # before: exit 0 and nothing at all
    one_line_error(run("check", str(empty)), f"{empty}: 文件夹为空")
    one_line_error(run("check", str(other)), f"{other}: 文件夹中没有可读取的文件", ".pdf")
    one_line_error(run("ingest", "--db", str(tmp_path / "x.db"), str(empty)), "文件夹为空")
    assert not (tmp_path / "x.db").exists()
    # with a readable document beside it: the document is checked, the folder still reported
    both = run("check", "--format", "json", str(empty), str(SEED_FILES["003"]))
    assert both.returncode == 2 and both.stderr == f"yjsgk: {empty}: 文件夹为空 (empty folder)\n"
    payload = json.loads(both.stdout)
    assert len(payload["documents"]) == 1 and payload["unreadable"] == [f"{empty}: 文件夹为空 (empty folder)"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads a folder whatever its permissions")
def test_an_unreadable_folder_is_said(tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    shutil.copy(SEED_FILES["003"], locked / "seed.txt")
    locked.chmod(0)
    try:
        one_line_error(run("check", str(locked)), "无法读取文件夹", "权限不足")
    finally:
        locked.chmod(0o755)


def test_a_db_in_a_missing_folder_is_refused(tmp_path):
    missing = tmp_path / "nowhere" / "corpus.db"
    # before: the folder and an empty corpus were created, exit 0
    one_line_error(run("ingest", "--db", str(missing), str(SEED_FILES["003"])), "数据库所在的文件夹不存在")
    one_line_error(run("query", "documents", "--db", str(missing)), "nowhere")
    assert not missing.parent.exists()


def test_ingest_failures_go_to_stderr(tmp_path):
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    result = run("ingest", "--db", str(tmp_path / "c.db"), str(bad), str(SEED_FILES["003"]))
    assert result.returncode == 2
    assert result.stdout.startswith("已入库 1，未变化 0，失败 1") and "失败：" not in result.stdout
    assert result.stderr == f"yjsgk: 失败：{bad}: 文件为空 (empty file)\n"


# ---------------------------------------------------------------------------------------------
# queries


def test_three_public_of_a_budget_printed_as_one_row(db):
    store = Store(str(db), create=False)
    try:
        [row] = queries.department_overview(store, "江苏省人民检察院").rows
        ranked = queries.rank(store, year=2017, family="budget", measure_id="three_public").rows
    finally:
        store.close()
    assert (row["year"], row["family"]) == (2017, "budget")
    got = {k: row[k] for k in row if k.startswith("three_public")}
    assert got == {  # before: all None
        "three_public": Decimal("584.35"),
        "three_public_abroad": Decimal("110.00"),
        "three_public_vehicle": Decimal("317.80"),
        "three_public_vehicle_purchase": Decimal("50.00"),
        "three_public_vehicle_operation": Decimal("267.80"),
        "three_public_reception": Decimal("156.55"),
    }
    assert [(r["department"], r["rank"], r["amount"]) for r in ranked] == [("江苏省人民检察院", 1, Decimal("584.35"))]
    text = cli("query", "rank", "--db", str(db), "--year", "2017", "--family", "budget", "--measure", "three_public")
    assert "   1  江苏省人民检察院" in text.stdout and "584.35" in text.stdout


def test_blank_templates_are_not_departments(db):
    store = Store(str(db), create=False)
    try:
        with store.read() as session:
            names = set(session.scalars(Department.__table__.select().with_only_columns(Department.name)))
            templates = session.execute(
                Document.__table__.select()
                .with_only_columns(Document.filename, Document.department_id, Document.department_printed)
                .where(Document.filename.in_([p.name for p in TEMPLATES]))
            ).all()
    finally:
        store.close()
    assert names == {  # before: 上海市普陀区XX单位 and 上海市XX局 too
        "株洲市石峰区行政审批服务局",
        "衡阳市行政审批服务局",
        "醴陵市行政审批服务局",
        "长沙市行政审批服务局",
        "雁峰区行政审批服务局",
        "示范市数据资源管理局",
        "江苏省人民检察院",
    }
    assert sorted(templates) == sorted((p.name, None, None) for p in TEMPLATES)


def test_missing_asks_only_for_documents_that_can_exist(db):
    store = Store(str(db), create=False)
    try:

        def asked(today, years):
            rows = queries.missing(store, department="长沙市行政审批服务局", years=years, today=today).rows
            return [(r["year"], r["family"]) for r in rows]

        # 长沙 has its 2023 budget (seed 003): its 2023 决算 is due from the summer of 2024
        assert asked(date(2024, 6, 30), [2022, 2023]) == [(2022, "budget"), (2022, "final")]
        assert asked(date(2024, 7, 1), [2022, 2023]) == [(2022, "budget"), (2022, "final"), (2023, "final")]
        # a year's budget from early in that year
        assert asked(date(2025, 2, 28), [2025]) == []
        assert asked(date(2025, 3, 1), [2025]) == [(2025, "budget")]
        # the latest year stored is 2023 for the seeds; this year's (2026) 决算 is never asked today
        today = queries.missing(store, years=[date.today().year]).rows
        assert not any(r["family"] == "final" for r in today)
    finally:
        store.close()


def test_rank_without_documents_of_the_family_says_which_family_has_them(db):
    result = cli("query", "rank", "--db", str(db), "--year", "2017")  # default family: 决算
    assert result.returncode == 0 and "（无结果）" in result.stdout
    # before: stderr empty
    assert result.stderr == "yjsgk: 2017 年没有决算文件；有 1 个预算文件：加 --family budget 查看\n"
    nothing = cli("query", "rank", "--db", str(db), "--year", "2010")
    assert nothing.stderr.startswith("yjsgk: 2010 年没有预算或决算文件（库中年度：2017、2019、")


@pytest.mark.parametrize("columns", [80, 120])
def test_the_findings_table_fits_the_terminal(db, columns):
    result = cli("query", "findings", "--db", str(db), columns=columns)
    assert result.returncode == 0 and result.stderr == ""
    lines = result.stdout.splitlines()
    assert len(lines) > 20
    assert max(width(line) for line in lines) <= columns  # before: ~600 columns
    assert any(line.endswith("…") for line in lines)  # long messages are cut …
    full = json.loads(cli("query", "findings", "--db", str(db), "--format", "json").stdout)
    longest = max((r["message"] for r in full["rows"]), key=len)
    assert width(longest) > columns and not longest.endswith("…")  # … and whole in JSON
    assert "  错误 identity.row [第140行] 支出决算表（公开03表）2010302 一般行政管理事务" in result.stdout


# ---------------------------------------------------------------------------------------------
# baselines


def test_a_baseline_follows_the_document_not_its_name(tmp_path):
    original = tmp_path / "a.txt"
    shutil.copy(SAMPLE, original)
    base = tmp_path / "baseline.json"
    written = run("check", "--write-baseline", str(base), str(original))
    assert written.returncode == 0 and "已将 11 条问题写入基线" in written.stderr
    renamed = tmp_path / "moved" / "renamed.txt"
    renamed.parent.mkdir()
    shutil.copy(original, renamed)
    again = run("check", "--baseline", str(base), str(renamed))  # before: all 11 reported again, exit 1
    assert again.returncode == 0, again.stdout
    assert "未发现问题" in again.stdout and "基线中已接受的 11 条问题未列出" in again.stderr
    # a changed figure is a new finding, reported; the others stay accepted (by name and key)
    edited = tmp_path / "a.txt"
    edited.write_text(SAMPLE.read_text(encoding="utf-8").replace("160.36", "170.36"), encoding="utf-8")
    changed = json.loads(run("check", "--format", "json", "--baseline", str(base), str(edited)).stdout)
    reported = [(f["rule"], f["found"]) for f in changed["documents"][0]["findings"]]
    assert ("identity.row", "170.36") in reported and len(reported) <= 3


def test_a_baseline_of_the_former_format_is_still_read(tmp_path):
    """Version 1 kept only the name-based fingerprint: it still suppresses what it lists."""
    payload = json.loads(run("check", "--format", "json", str(SAMPLE)).stdout)
    fingerprints = [f["fingerprint"] for f in payload["documents"][0]["findings"]]
    old = tmp_path / "old.json"
    old.write_text(json.dumps({"version": 1, "accepted": [{"fingerprint": fp} for fp in fingerprints[:-1]]}))
    result = run("check", "--format", "json", "--baseline", str(old), str(SAMPLE))
    left = json.loads(result.stdout)["documents"][0]["findings"]
    assert [f["fingerprint"] for f in left] == fingerprints[-1:]


# ---------------------------------------------------------------------------------------------
# the example's notes and the README against what check prints

SEVERITY_WORDS = {"error": "Errors", "warning": "Warnings", "notice": "Notice"}


def test_mistakes_md_lists_what_check_prints():
    notes = (EXAMPLES / "MISTAKES.md").read_text(encoding="utf-8")
    result = run("check", "--format", "json", str(SAMPLE))
    findings = json.loads(result.stdout)["documents"][0]["findings"]
    printed = Counter(f["severity"] for f in findings)
    heading = re.search(r"prints: (\d+) errors, (\d+) warnings, (\d+) notices?", notes)
    assert heading, "MISTAKES.md must say what check prints"
    assert tuple(map(int, heading.groups())) == (printed["error"], printed["warning"], printed["notice"])
    text = run("check", str(SAMPLE)).stdout
    summary = f"错误 {printed['error']} 条，警告 {printed['warning']} 条，提示 {printed['notice']} 条"
    assert text.rstrip().endswith(summary) and f"`{summary}`" in notes
    for severity, word in SEVERITY_WORDS.items():
        section = re.search(rf"^{word} \((\d+)\):\n\n(.*?)(?=\n\n(?:[A-Z#]))", notes, re.S | re.M)
        assert section, f"MISTAKES.md: no '{word} (N):' list"
        items = re.findall(r"^\d+\. `([a-z.-]+)`", section.group(2), re.M)
        assert int(section.group(1)) == len(items) == printed[severity]
        assert Counter(items) == Counter(f["rule"] for f in findings if f["severity"] == severity)


def test_readme_sample_is_real_output():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("`yjsgk check examples/sample_final_accounts.txt` prints", 1)[1].split("```")[1]
    sample = [line for line in block.splitlines() if line.strip()]
    output = run("check", "examples/sample_final_accounts.txt", cwd=ROOT).stdout.splitlines()
    assert len(sample) >= 8
    assert all(line in output for line in sample), [line for line in sample if line not in output]
    assert sample[-1] == output[-1]
