"""The corpus database: ingest, versions, failures, concurrency and queries, on SQLite and on a
real PostgreSQL server started for the session (skipped, with the reason, when the PostgreSQL
server programs are not installed).

Besides the seeds and the bundled example, a few variants of the example are written to a
temporary folder, each one edit away from it (the values asserted follow from the edit and from
reading examples/sample_final_accounts.txt):

- fixed.txt      line 140: 2010302 本年支出合计 160.36 → 148.36 (mistake 1 of MISTAKES.md corrected):
                 the same department/year/family, so it becomes version 2.
- year2022.txt   every 2023 → 2022: the same department one year earlier.
- transport.txt  department 示范市交通运输局, and line 136 (03 合计) 本年支出合计 1845.09 → 2845.09.
- bad_amount.txt department 示范市测试局, and line 139 (2010301) 612.48 → 612.4812345 (seven decimals,
                 finer than any disclosure prints), which cannot be stored exactly: it fails inside its transaction, after its department, document,
                 tables and rows were written.
"""

from __future__ import annotations

import json
import os
import pwd
import shutil
import socket
import subprocess
import sys
import tempfile
import textwrap
import time
import uuid
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import func, select

from conftest import EXAMPLES, SEED_FILES, SEEDS, SHARED
from yjsgk.cli import main
from yjsgk.departments import level_of, region_of
from yjsgk.pipeline import load
from yjsgk.store import Store, ingest, load_document, queries
from yjsgk.store.models import (
    Base,
    Claim,
    Department,
    Document,
    LineItem,
    StoredFinding,
    StoredRow,
    StoredTable,
)

EXAMPLE = EXAMPLES / "sample_final_accounts.txt"
ALL_TABLES = (Department, Document, StoredTable, StoredRow, LineItem, StoredFinding, Claim)
BACKENDS = ["sqlite", "postgresql"]


# ---------------------------------------------------------------------------------------------
# a throwaway PostgreSQL server


def _pg_bindir() -> Path | None:
    candidates = []
    found = shutil.which("pg_ctl")
    if found:
        candidates.append(Path(found).resolve().parent)
    candidates += sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True)
    for folder in candidates:
        if (folder / "initdb").exists() and (folder / "pg_ctl").exists():
            return folder
    return None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def pg_server():
    """URL of a PostgreSQL server in a temporary folder on a free localhost port, for the session."""
    bindir = _pg_bindir()
    if bindir is None:
        pytest.skip(
            "PostgreSQL server programs (initdb, pg_ctl) not found: apt-get install -y postgresql (.ci/run does)"
        )
    root = Path(tempfile.mkdtemp(prefix="yjsgk-pg-"))
    as_user: list[str] = []
    if os.geteuid() == 0:  # initdb refuses to run as root
        try:
            pw = pwd.getpwnam("postgres")
        except KeyError:
            pytest.skip("running as root and there is no 'postgres' user to run the PostgreSQL server as")
        os.chown(root, pw.pw_uid, pw.pw_gid)
        as_user = ["runuser", "-u", "postgres", "--"]
    data, port = root / "data", _free_port()

    def run(*cmd):
        subprocess.run([*as_user, *map(str, cmd)], check=True, capture_output=True, timeout=120)

    run(bindir / "initdb", "-D", data, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C", "-N")
    options = f"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    run(bindir / "pg_ctl", "-D", data, "-l", root / "server.log", "-w", "-o", options, "start")
    try:
        yield f"postgresql://postgres@127.0.0.1:{port}"
    finally:
        subprocess.run(
            [*as_user, str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"], capture_output=True
        )
        shutil.rmtree(root, ignore_errors=True)


def _new_database(backend: str, folder: Path, request) -> str:
    if backend == "sqlite":
        return str(folder / f"corpus-{uuid.uuid4().hex[:8]}.db")
    import psycopg

    server = request.getfixturevalue("pg_server")
    name = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(f"{server}/postgres", autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return f"{server}/{name}"


@pytest.fixture(params=BACKENDS)
def db_url(request, tmp_path):
    """A new, empty database on each backend."""
    return _new_database(request.param, tmp_path, request)


# ---------------------------------------------------------------------------------------------
# variants of the example


def _edit(lines: list[str], number: int, old: str, new: str) -> None:
    assert old in lines[number - 1], (number, lines[number - 1])
    lines[number - 1] = lines[number - 1].replace(old, new)


@pytest.fixture(scope="session")
def variants(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("variants")
    text = EXAMPLE.read_text(encoding="utf-8")
    out = {}

    lines = text.split("\n")
    _edit(lines, 140, "2010302\t一般行政管理事务\t160.36", "2010302\t一般行政管理事务\t148.36")
    out["fixed"] = folder / "fixed.txt"
    out["fixed"].write_text("\n".join(lines), encoding="utf-8")

    out["year2022"] = folder / "year2022.txt"
    out["year2022"].write_text(text.replace("2023", "2022"), encoding="utf-8")

    lines = text.replace("示范市数据资源管理局", "示范市交通运输局").split("\n")
    _edit(lines, 136, "合计\t\t1845.09", "合计\t\t2845.09")
    out["transport"] = folder / "transport.txt"
    out["transport"].write_text("\n".join(lines), encoding="utf-8")

    lines = text.replace("示范市数据资源管理局", "示范市测试局").split("\n")
    _edit(lines, 139, "612.48\t612.48", "612.4812345\t612.4812345")
    out["bad_amount"] = folder / "bad_amount.txt"
    out["bad_amount"].write_text("\n".join(lines), encoding="utf-8")
    return out


def _corpus_files(variants) -> list[Path]:
    return [*SEED_FILES.values(), EXAMPLE, variants["fixed"], variants["year2022"], variants["transport"]]


@pytest.fixture(scope="module", params=BACKENDS)
def corpus(request, tmp_path_factory, variants):
    """Seeds, example and three variants ingested once per backend; tests only read it."""
    url = _new_database(request.param, tmp_path_factory.mktemp("corpus"), request)
    store = Store(url)
    summary = ingest(_corpus_files(variants), store)
    yield store, summary
    store.close()


def _counts(store: Store) -> dict[str, int]:
    with store.read() as session:
        return {m.__tablename__: session.scalar(select(func.count()).select_from(m)) for m in ALL_TABLES}


def _model_sizes(paths) -> dict[str, int]:
    """What storing these files should add: tables, rows, amounts and findings of their models."""
    sizes = {"documents": 0, "tables": 0, "table_rows": 0, "line_items": 0, "findings": 0}
    for path in paths:
        d, findings = load(path)
        sizes["documents"] += 1
        sizes["tables"] += len(d.tables)
        sizes["table_rows"] += sum(len(t.rows) for t in d.tables)
        sizes["line_items"] += sum(len(r.values) for t in d.tables for r in t.rows)
        sizes["findings"] += len(findings)
    return sizes


# ---------------------------------------------------------------------------------------------
# departments: region and level from the name


@pytest.mark.parametrize(
    "name, region, level",
    [
        ("衡阳市行政审批服务局", "衡阳市", "市级"),
        ("株洲市石峰区行政审批服务局", "株洲市石峰区", "县级"),
        ("雁峰区行政审批服务局", "雁峰区", "县级"),
        ("江苏省人大常委会办公厅", "江苏省", "省级"),
        ("中国共产党江苏省委员会办公厅", "江苏省", "省级"),
        ("中共上海市普陀区委社会工作部", "上海市普陀区", "县级"),
        ("北京市交通委员会", "北京市", "省级"),
        ("上海市普陀区人民政府万里街道办事处", "上海市普陀区", "县级"),
        ("衡阳市城市管理和综合执法局", "衡阳市", "市级"),  # 城市 is not a place
        ("上海交通职业技术学院", None, None),
    ],
)
def test_region_and_level_from_the_department_name(name, region, level):
    assert region_of(name) == region
    assert level_of(name) == level


def test_migrations_create_exactly_the_models(tmp_path):
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    store = Store(tmp_path / "schema.db")
    with store.engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []
    store.close()


# ---------------------------------------------------------------------------------------------
# ingest


def test_ingest_stores_every_document_once_with_versions(corpus, variants):
    store, summary = corpus
    assert [o.status for o in summary.outcomes] == ["ingested"] * 9
    by_path = {Path(o.path).name: o for o in summary.outcomes}
    assert by_path["sample_final_accounts.txt"].version == 1
    assert by_path["fixed.txt"].version == 2  # same department, year and family: a new version
    assert by_path["year2022.txt"].version == 1
    assert by_path["transport.txt"].version == 1
    assert by_path["000_58a4a338f4d57f7e.txt"].department == "衡阳市行政审批服务局"
    assert by_path["003_c182bc71c99e727c.txt"].kind == "budget"
    counts = _counts(store)
    expected = _model_sizes(_corpus_files(variants))
    for table in ("documents", "tables", "table_rows", "line_items", "findings"):
        assert counts[table] == expected[table], table
    assert counts["departments"] == 7  # five seeds, 示范市数据资源管理局, 示范市交通运输局


def test_stored_document_reads_back_as_the_model(corpus):
    store, summary = corpus
    outcome = next(o for o in summary.outcomes if Path(o.path) == EXAMPLE)
    stored = load_document(store, outcome.document_id)
    original, findings = load(EXAMPLE)
    assert stored.department == "示范市数据资源管理局"
    assert (stored.region, stored.level, stored.year, stored.family, stored.version) == (
        "示范市",
        "市级",
        2023,
        "final",
        1,
    )
    got = stored.disclosure
    assert (got.kind, got.department, got.year, got.unit) == ("final", "示范市数据资源管理局", 2023, "万元")
    assert [t.id for t in got.tables] == [t.id for t in original.tables]
    for mine, theirs in zip(got.tables, original.tables, strict=True):
        assert (mine.title, mine.number, mine.columns, mine.column_labels, mine.notes) == (
            theirs.title,
            theirs.number,
            theirs.columns,
            theirs.column_labels,
            theirs.notes,
        )
        assert len(mine.rows) == len(theirs.rows)
        for a, b in zip(mine.rows, theirs.rows, strict=True):
            assert (a.code, a.name, a.key, a.side, a.location.line) == (b.code, b.name, b.key, b.side, b.location.line)
            assert {c: (v.amount, v.decimals, v.text, v.location) for c, v in a.values.items()} == {
                c: (v.amount, v.decimals, v.text, v.location) for c, v in b.values.items()
            }
    # the amounts exactly as printed (lines 136 and 140 of the example)
    expenditure = got.table("final.expenditure")
    assert expenditure.find(key="total").values["total"].amount == Decimal("1845.09")
    assert str(expenditure.find(code="2010302").values["total"].amount) == "160.36"
    assert [f.fingerprint for f in stored.findings] == [f.fingerprint for f in findings]
    assert [(f.rule, f.severity, f.expected, f.found) for f in stored.findings] == [
        (f.rule, f.severity, f.expected, f.found) for f in findings
    ]
    # the decimal comma of line 224 (05, 2080506 小计 `36,50`) is kept as printed
    cell = got.table("final.general_budget_expenditure").find(code="2080506").values["total"]
    assert (cell.amount, cell.text) == (Decimal("36.50"), "36,50")


def test_narrative_claims_are_stored_when_the_model_has_them(corpus):
    store, summary = corpus
    original, _ = load(EXAMPLE)
    claims = getattr(original, "claims", None)
    if claims is None:
        pytest.skip("the model has no narrative claims (yet)")
    outcome = next(o for o in summary.outcomes if Path(o.path) == EXAMPLE)
    stored = load_document(store, outcome.document_id).claims
    assert len(stored) == len(claims)
    for mine, theirs in zip(stored, claims, strict=True):
        assert mine["kind"] == theirs.kind
        assert mine["subject"] == theirs.subject
        assert mine["value"] == (None if theirs.value is None else format(theirs.value, "f"))
        assert mine["text"] == theirs.sentence


def test_a_new_version_keeps_the_old_one(corpus):
    store, summary = corpus
    v1 = next(o for o in summary.outcomes if Path(o.path) == EXAMPLE)
    v2 = next(o for o in summary.outcomes if Path(o.path).name == "fixed.txt")
    old = load_document(store, v1.document_id).disclosure.table("final.expenditure").find(code="2010302")
    new = load_document(store, v2.document_id).disclosure.table("final.expenditure").find(code="2010302")
    assert old.values["total"].amount == Decimal("160.36")
    assert new.values["total"].amount == Decimal("148.36")


def test_reingesting_changes_nothing(corpus, variants):
    store, _ = corpus
    before = _counts(store)
    again = ingest([SEEDS, *_corpus_files(variants)], store)
    assert {o.status for o in again.outcomes} == {"unchanged"}
    assert len(again.outcomes) == 5 + 9  # the seed folder, then every file once more
    assert _counts(store) == before


def test_a_failing_file_leaves_nothing_and_the_batch_goes_on(db_url, variants):
    store = Store(db_url)
    before = _counts(store)
    assert set(before.values()) == {0}
    files = [
        SEED_FILES["004"],
        variants["bad_amount"],
        Path("/no/such/file.txt"),
        EXAMPLES / "MISTAKES.md",
        SEED_FILES["002"],
    ]
    summary = ingest(files, store)
    statuses = [(Path(o.path).name, o.status) for o in summary.outcomes]
    assert statuses == [
        ("004_29854a2ad7a55738.txt", "ingested"),
        ("bad_amount.txt", "failed"),
        ("file.txt", "failed"),
        ("MISTAKES.md", "failed"),
        ("002_98add52c02d21372.txt", "ingested"),
    ]
    reasons = [o.reason for o in summary.failed]
    assert "612.4812345" in reasons[0]
    assert "no such file" in reasons[1]
    assert "no department and no year" in reasons[2] or "not a disclosure" in reasons[2]
    # only the two good files are stored: nothing of the failed one (department, document,
    # tables, rows) survived its rolled-back transaction
    counts = _counts(store)
    expected = _model_sizes([SEED_FILES["004"], SEED_FILES["002"]])
    for table, n in expected.items():
        assert counts[table] == n, table
    with store.read() as session:
        assert sorted(session.scalars(select(Department.name))) == [
            "株洲市石峰区行政审批服务局",
            "醴陵市行政审批服务局",
        ]
    store.close()


_DRIVER = textwrap.dedent(
    """
    import json, sys, time
    from yjsgk.store import Store, ingest
    store = Store(sys.argv[1])
    start = float(sys.argv[2])
    time.sleep(max(0.0, start - time.time()))  # both processes begin together
    summary = ingest(sys.argv[3:], store)
    print(json.dumps(summary.to_dict()))
    """
)


def test_two_processes_ingesting_at_once_lose_and_duplicate_nothing(db_url, variants):
    # the database is empty: both processes also race to create the schema
    files = [str(p) for p in [*SEED_FILES.values(), EXAMPLE, variants["fixed"], variants["transport"]]]
    start = time.time() + 2.0
    orders = [files, files[::-1]]
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", _DRIVER, db_url, str(start), *order],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for order in orders
    ]
    results = []
    for proc in procs:
        out, err = proc.communicate(timeout=180)
        assert proc.returncode == 0, err
        results.append(json.loads(out))
    for result in results:
        assert result["failed"] == 0, result
        assert result["ingested"] + result["unchanged"] == len(files)
    assert results[0]["ingested"] + results[1]["ingested"] == len(files)  # each file stored once
    store = Store(db_url)
    with store.read() as session:
        hashes = session.scalars(select(Document.content_hash)).all()
        versions = session.scalars(
            select(Document.version)
            .join(Department, Document.department_id == Department.id)
            .where(Department.name == "示范市数据资源管理局")
        ).all()
    assert len(hashes) == len(set(hashes)) == len(files)
    assert sorted(versions) == [1, 2]  # the example and its fixed copy: two versions, whatever the order
    counts = _counts(store)
    expected = _model_sizes(files)
    for table in ("documents", "tables", "table_rows", "line_items"):
        assert counts[table] == expected[table], table
    with store.read() as session:  # every document has exactly the findings it counted
        recorded = session.scalar(select(func.sum(Document.errors + Document.warnings + Document.notices)))
    assert counts["findings"] == recorded
    store.close()


# ---------------------------------------------------------------------------------------------
# queries (newest versions unless all_versions)


def test_one_department_across_years(corpus):
    store, _ = corpus
    result = queries.department_overview(store, "示范市数据资源管理局")
    rows = {(r["year"], r["family"]): r for r in result.rows}
    assert sorted(rows) == [(2022, "final"), (2023, "final")]
    latest = rows[(2023, "final")]
    assert latest["version"] == 2
    # 03 合计 (line 136), 07 决算数 (line 288), 06 人员/公用经费合计 (line 272)
    assert (latest["expenditure"], latest["basic"], latest["project"]) == (
        Decimal("1845.09"),
        Decimal("1172.93"),
        Decimal("672.16"),
    )
    assert latest["income"] == Decimal("1826.63")  # 02 合计 (line 83 of 01 restates it)
    assert (
        latest["three_public"],
        latest["three_public_abroad"],
        latest["three_public_vehicle"],
        latest["three_public_vehicle_purchase"],
        latest["three_public_vehicle_operation"],
        latest["three_public_reception"],
    ) == tuple(Decimal(x) for x in ("6.96", "0.00", "6.12", "0.00", "5.12", "1.84"))
    assert latest["personnel"] == Decimal("978.18")
    assert latest["operating_costs"] == Decimal("158.63")  # the narrative's 机关运行经费 (line 348)
    assert rows[(2022, "final")]["expenditure"] == Decimal("1845.09")
    every = queries.department_overview(store, "示范市数据资源管理局", all_versions=True)
    assert [(r["year"], r["version"]) for r in every.rows] == [(2022, 1), (2023, 1), (2023, 2)]


def test_one_department_by_function_class(corpus):
    store, _ = corpus
    result = queries.department_classes(store, "示范市数据资源管理局", family="final")
    latest = [r for r in result.rows if r["year"] == 2023]
    # 03 lines 137, 144, 148, 152
    assert [(r["code"], r["name"], r["total"], r["basic"], r["project"]) for r in latest] == [
        ("201", "一般公共服务支出", Decimal("1607.50"), Decimal("935.34"), Decimal("672.16")),
        ("208", "社会保障和就业支出", Decimal("109.52"), Decimal("109.52"), Decimal("0.00")),
        ("210", "卫生健康支出", Decimal("45.92"), Decimal("45.92"), Decimal("0.00")),
        ("221", "住房保障支出", Decimal("82.15"), Decimal("82.15"), Decimal("0.00")),
    ]


def test_budget_figures_of_a_budget_document(corpus):
    store, _ = corpus
    row = queries.department_overview(store, "长沙市行政审批服务局").rows[0]
    # seed 003: 部门支出总体情况表 合计 5,073.08 / 2,598.03 / 2,475.05 (line 200),
    # 三公 合计 18.34, 接待 7.70, 用车 10.64 (line 345), 基本支出表 合计 人员 2326.86 公用 271.17
    assert (row["year"], row["family"]) == (2023, "budget")
    assert (row["expenditure"], row["basic"], row["project"]) == (
        Decimal("5073.08"),
        Decimal("2598.03"),
        Decimal("2475.05"),
    )
    assert (row["three_public"], row["three_public_reception"], row["three_public_vehicle"]) == (
        Decimal("18.34"),
        Decimal("7.70"),
        Decimal("10.64"),
    )
    assert (row["personnel"], row["operating_costs"]) == (Decimal("2326.86"), Decimal("271.17"))


def test_departments_of_a_region_ranked(corpus):
    store, _ = corpus
    ranked = queries.rank(store, year=2023, region="示范市")
    assert [(r["rank"], r["department"], r["amount"]) for r in ranked.rows] == [
        (1, "示范市交通运输局", Decimal("2845.09")),
        (2, "示范市数据资源管理局", Decimal("1845.09")),
    ]
    by_class = queries.rank(store, year=2023, region="示范市", measure_id="class:221", ascending=True)
    assert [r["amount"] for r in by_class.rows] == [Decimal("82.15"), Decimal("82.15")]
    budget = queries.rank(store, year=2023, family="budget", measure_id="three_public")
    assert [(r["department"], r["amount"]) for r in budget.rows] == [("长沙市行政审批服务局", Decimal("18.34"))]
    assert queries.rank(store, year=2023, region="株洲市").rows == []


def test_findings_by_rule_severity_region_and_year(corpus):
    store, _ = corpus
    result = queries.findings(
        store, rules=["identity.row"], severities=["error"], region="示范市", year=2023, department="数据资源"
    )
    # the newest version (fixed.txt) keeps the two 07 mistakes (MISTAKES.md 6 and 7), not the 03 one
    assert [(r["version"], r["row"], r["column"], r["expected"], r["found"]) for r in result.rows] == [
        (2, "数据行", "决算数 合计", Decimal("7.96"), Decimal("6.96")),
        (2, "数据行", "决算数 公务用车购置及运行费 小计", Decimal("5.12"), Decimal("6.12")),
    ]
    every = queries.findings(
        store,
        rules=["identity.row"],
        severities=["error"],
        department="示范市数据资源管理局",
        year=2023,
        all_versions=True,
    )
    assert sorted((r["version"], r["row"]) for r in every.rows) == [
        (1, "2010302 一般行政管理事务"),
        (1, "数据行"),
        (1, "数据行"),
        (2, "数据行"),
        (2, "数据行"),
    ]
    balance = queries.findings(store, rules=["balance."], severities=["error"], department="示范市数据资源管理局")
    assert {(r["year"], r["row"], r["expected"], r["found"]) for r in balance.rows} == {
        (2022, "支出：总计", Decimal("1874.13"), Decimal("1879.13")),
        (2023, "支出：总计", Decimal("1874.13"), Decimal("1879.13")),
    }
    counts = queries.findings_count(
        store, by=["region", "year", "rule"], rules=["identity.row"], severities=["error"], region="示范市"
    )
    assert {(r["region"], r["year"], r["count"]) for r in counts.rows if r["rule"] == "identity.row"} >= {
        ("示范市", 2022, 3),
    }


def test_missing_documents(corpus):
    store, _ = corpus
    result = queries.missing(store, department="示范市数据资源管理局")
    assert [(r["year"], r["family"], r["present"]) for r in result.rows] == [
        (2022, "budget", "决算"),
        (2023, "budget", "决算"),
    ]
    result = queries.missing(store, department="长沙市行政审批服务局", years=[2022, 2023])
    assert [(r["year"], r["family"]) for r in result.rows] == [(2022, "budget"), (2022, "final"), (2023, "final")]


PDF_SAMPLE = SHARED / "samples/GovBudgetChecker/samples/good/上海市普陀区财政局2024年度部门决算.pdf"


def test_a_pdf_disclosure_is_ingested_and_queried(db_url):
    from yjsgk.store.ingestion import expand_paths

    if PDF_SAMPLE not in expand_paths([PDF_SAMPLE.parent]):
        pytest.skip("PDF is not among the formats load() reads yet")
    store = Store(db_url)
    (outcome,) = ingest([PDF_SAMPLE], store).outcomes
    assert outcome.status == "ingested", outcome.reason
    row = queries.department_overview(store, "上海市普陀区财政局").rows[0]
    assert (row["region"], row["level"], row["year"], row["family"]) == ("上海市普陀区", "县级", 2024, "final")
    # read in the PDF itself (pdftotext -layout): 支出决算表 合计 2,940.05 = 基本 2,336.91 + 项目 603.14
    # (page 5; restated on page 9: 本年支出合计2940.05万元，其中：基本支出2336.91万元), 基本支出表
    # 人员经费合计 2,152.26, 公用经费合计 184.65 (= 机关运行经费支出184.65万元 of the narrative)
    assert (row["personnel"], row["operating_costs"]) == (Decimal("2152.26"), Decimal("184.65"))
    assert row["expenditure"] == Decimal("2940.05")
    assert (row["basic"], row["project"]) == (Decimal("2336.91"), Decimal("603.14"))
    stored = load_document(store, outcome.document_id).disclosure
    cells = [v for t in stored.tables for r in t.rows for v in r.values.values()]
    assert cells and all(v.location.page for v in cells)  # every amount keeps its page
    store.close()


# the 2026 部门预算报表 of Beijing's departments print 万元 to the fen (six decimals); until the
# store kept six decimals every one of them failed to store ("金额 501.398813 的小数位超过 4 位")
SIX_DECIMALS = (
    SHARED
    / "corpus/renwu_hist/002_北京/中共深圳市区委宣传部_附件2：中国共产党北京市委员会宣传部2026年度部门预算报表.pdf"
)


def test_amounts_printed_to_the_fen_in_wan_yuan_are_stored_exactly(db_url):
    store = Store(db_url)
    (outcome,) = ingest([SIX_DECIMALS], store).outcomes
    assert outcome.status == "ingested", outcome.reason
    recognized, _ = load(SIX_DECIMALS)
    stored = load_document(store, outcome.document_id).disclosure

    def amounts(d):
        return [
            (t.id, r.name, c, v.amount, v.decimals, v.text)
            for t in d.tables
            for r in t.rows
            for c, v in r.values.items()
        ]

    assert amounts(stored) == amounts(recognized)  # every amount, digit for digit
    assert len(amounts(stored)) > 900
    # page 1, 预算01表 收支总表 (万元): 一、一般公共预算拨款收入 116,200.000000, 九、其他收入 501.398813,
    # 七、文化旅游体育与传媒支出 122,136.821152
    printed = {(name, text): amount for _, name, _, amount, _, text in amounts(stored)}
    assert printed[("一、一般公共预算拨款收入", "116,200.000000")] == Decimal("116200")
    assert str(printed[("九、其他收入", "501.398813")]) == "501.398813"
    assert str(printed[("七、文化旅游体育与传媒支出", "122,136.821152")]) == "122136.821152"
    store.close()


def test_amounts_stored_on_the_old_sqlite_grid_are_migrated(tmp_path):
    """A SQLite database written before migration `storefix` kept 10⁻⁴ units; opening it moves
    them to 10⁻⁶ units, and the amounts read back unchanged."""
    from alembic import command

    from yjsgk.store.db import _alembic_config

    url = f"sqlite:///{tmp_path / 'old.db'}"
    store = Store(url)
    (outcome,) = ingest([EXAMPLE], store).outcomes
    before = load_document(store, outcome.document_id).disclosure
    with store.engine.begin() as conn:
        config = _alembic_config()
        config.attributes["connection"] = conn
        try:
            command.downgrade(config, "web")  # back to the 10⁻⁴ grid
        finally:
            config.attributes.pop("connection", None)
        raw = conn.exec_driver_sql("SELECT amount FROM line_items WHERE text IS NULL AND amount != 0").scalars().all()
    store.close()
    assert 18450900 in raw  # 1845.09 (example line 136) as 10⁻⁴ units
    store = Store(url)  # upgrades
    with store.engine.connect() as conn:
        assert 1845090000 in conn.exec_driver_sql("SELECT amount FROM line_items").scalars().all()
    after = load_document(store, outcome.document_id).disclosure
    assert [(r.name, r.values) for t in after.tables for r in t.rows] == [
        (r.name, r.values) for t in before.tables for r in t.rows
    ]
    store.close()


# ---------------------------------------------------------------------------------------------
# command line


def test_ingest_query_and_export_on_the_command_line(tmp_path, capsys, variants):
    db = str(tmp_path / "cli.db")
    assert main(["ingest", "--db", db, str(SEEDS), str(EXAMPLE)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("已入库 6，未变化 0，失败 0")
    assert main(["ingest", "--db", db, str(EXAMPLE), str(variants["bad_amount"])]) == 2
    captured = capsys.readouterr()
    assert captured.out.startswith("已入库 0，未变化 1，失败 1")
    assert "612.4812345" in captured.err and "612.4812345" not in captured.out  # failures go to stderr
    assert main(["query", "rank", "--db", db, "--year", "2021", "--format", "json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert [(r["department"], r["amount"]) for r in payload["rows"]] == [("醴陵市行政审批服务局", "2277.76")]
    assert (
        main(["query", "findings", "--db", db, "--rule", "balance.", "--severity", "error", "--count-by", "department"])
        == 0
    )
    text = capsys.readouterr().out
    assert "示范市数据资源管理局" in text
    assert main(["query", "department", "醴陵", "--db", db]) == 0
    assert "2021决算 v1" in capsys.readouterr().out
    assert main(["query", "missing", "--db", db, "--department", "醴陵", "-o", str(tmp_path / "missing.csv")]) == 0
    csv_text = (tmp_path / "missing.csv").read_text(encoding="utf-8-sig")
    assert csv_text.splitlines()[1].startswith("醴陵市行政审批服务局,醴陵市,市级,2021,budget")
    assert main(["export", "--all", "--db", db, "--format", "datapackage", "-o", str(tmp_path / "fdp")]) == 0
    assert "通过 frictionless 校验" in capsys.readouterr().err
    assert main(["query", "rank", "--db", db, "--year", "2021", "--measure", "nonsense"]) == 2


def test_the_whole_samples_folder_is_ingested(tmp_path):
    """All 50 real published files (PDF, XLS, XLSX): 49 stored, the scanned PDF refused."""
    store = Store(f"sqlite:///{tmp_path / 'samples.db'}")
    summary = ingest([SHARED / "samples"], store)
    statuses = [o.status for o in summary.outcomes]
    assert (statuses.count("ingested"), statuses.count("failed")) == (49, 1)
    (failed,) = [o for o in summary.outcomes if o.status == "failed"]
    assert Path(failed.path).name.endswith("2026年度部门预算情况说明.pdf")
    assert failed.reason.startswith("扫描件，无文字层")
    again = ingest([SHARED / "samples"], store)
    assert [o.status for o in again.outcomes].count("unchanged") == 49
    store.close()


# ---------------------------------------------------------------------------------------------
# checks across documents from the database (migration `cross`)

JIANGSU = SHARED / "samples" / "open-budget"
JCY_2017 = JIANGSU / "江苏省人民检察院" / "2017年省检察院部门预算.pdf"
JCY_2018 = JIANGSU / "江苏省人民检察院" / "2018年省检察院部门预算公开.pdf"
SW_2017_DOC = JIANGSU / "江苏省委办公厅" / "江苏省委办公厅2017年部门预算.pdf"
SW_2017_TABLES = JIANGSU / "江苏省委办公厅" / "江苏省委办公厅2017年预算公开表格.pdf"


def _cross_findings(capsys, args: list[str]) -> dict[str, list[dict]]:
    main([*args, "--format", "json", "--select", "cross.year", "--select", "cross.document"])
    out = {}
    for doc in json.loads(capsys.readouterr().out)["documents"]:
        found = []
        for f in doc["findings"]:
            f.pop("fingerprint", None)
            # the database keeps a cell's page, line and column, not its box on the page
            for loc in [f.get("location") or {}, *f.get("related", [])]:
                loc.pop("bbox", None)
            found.append(f)
        out[Path(doc["source"]).name] = found
    return out


def _seed_002_apart(folder: Path) -> list[Path]:
    """Seed 002's final accounts and its 部门整体支出绩效自评 (附件) as two files, as departments
    publish them apart, the 全年执行数 edited from 125.46 to 120.46 (at test time, in tmp_path)."""
    text = SEEDS.joinpath("002_98add52c02d21372.txt").read_text(encoding="utf-8")
    row = "\t合计\t44.93\t125.46\t125.46\t10\t100%\t10"
    assert text.count(row) == 1
    lines = text.replace(row, row.replace("\t125.46\t10", "\t120.46\t10")).split("\n")
    start = next(i for i, line in enumerate(lines) if line.startswith("附件：1、2020 年度部门整体支出绩效自评表"))
    cover = "\n".join(lines[:5]).replace("部门决算", "部门绩效自评")
    final, evaluation = folder / "seed002-final.txt", folder / "seed002-evaluation.txt"
    final.write_text("\n".join(lines[:start]), encoding="utf-8")
    evaluation.write_text(cover + "\n\n" + "\n".join(lines[start:]), encoding="utf-8")
    return [final, evaluation]


def test_check_db_reads_the_narrative_back_as_the_files_give_it(db_url, capsys, tmp_path):
    """`check --db` with the stored documents alone finds what `check FILE --with OTHER` finds: the
    narrative (outline, claims), the template facts and how each table was read are stored. Before
    migration `cross` a stored document had no claims and the change and narrative rules were
    silent on the database."""
    files = [JCY_2017, JCY_2018, SW_2017_DOC, SW_2017_TABLES, *_seed_002_apart(tmp_path)]
    store = Store(db_url)
    assert [o.status for o in ingest(files, store).outcomes] == ["ingested"] * 6
    store.close()
    from_db = _cross_findings(capsys, ["check", "--db", db_url])
    with_files = _cross_findings(capsys, ["check", *map(str, files), "--with", *map(str, files)])
    assert from_db == with_files
    # 江苏检察院 2018: “增加 3,958.98” where the 2017 budget gives 3,959.28 (twice), and its 基本支出
    # change computed on 12,323.46 where the 2017 table prints 12,323.48
    changes = from_db[JCY_2018.name]
    assert [(f["rule"], f["severity"]) for f in changes] == [("cross.year.change", "warning")] * 3
    assert {f["related"][-1]["source"] for f in changes} == {str(JCY_2017)}
    assert from_db[SW_2017_DOC.name] == [] and from_db[JCY_2017.name] == []
    # the self-evaluation's funds come back from the database too: 120.46 against 本年支出合计 125.46
    assert [(f["rule"], f["found"]) for f in from_db["seed002-final.txt"]] == [
        ("cross.document.performance-funds", "120.46")
    ]


def test_the_stored_narrative_gives_the_claims_of_the_file(db_url):
    from yjsgk.pipeline import recognize_path

    store = Store(db_url)
    (outcome,) = ingest([SW_2017_DOC], store).outcomes
    stored = load_document(store, outcome.document_id, narrative=True).disclosure
    plain = load_document(store, outcome.document_id).disclosure
    store.close()
    read = recognize_path(SW_2017_DOC)
    assert plain.outline is None and plain.claims == []
    assert stored.outline is not None and [line.text for line in stored.outline.lines] == [
        line.text for line in read.outline.lines
    ]
    assert [(h.level, h.title, h.line.index) for h in stored.outline.headings] == [
        (h.level, h.title, h.line.index) for h in read.outline.headings
    ]

    def claims(d):
        return [(c.kind, c.subject, c.value, c.unit, c.sentence, c.location, c.refs, c.section) for c in d.claims]

    assert len(read.claims) > 50 and claims(stored) == claims(read)
    assert (stored.format, stored.template, stored.template_family) == (
        read.format,
        read.template,
        read.template_family,
    )


def test_unit_codes_and_table_readings_are_stored(db_url):
    """单位编码 of the rows that list units, and how each table was read (columns uncertain, codes
    printed twice), which the checks across documents pair on, read back as recognized."""
    renwu = SHARED / "samples" / "renwu"
    files = [
        renwu / "006_苏州" / "2026年苏州市交通运输局部门预算.pdf",
        renwu / "003_深圳" / "2026年深圳市人力资源和社会保障局部门预算.pdf",
    ]
    store = Store(db_url)
    outcomes = ingest(files, store).outcomes
    for path, outcome in zip(files, outcomes, strict=True):
        read = load(path)[0]
        back = load_document(store, outcome.document_id).disclosure
        assert [(r.name, r.unit_code) for t in back.tables for r in t.rows] == [
            (r.name, r.unit_code) for t in read.tables for r in t.rows
        ]
        assert [(t.id, t.uncertain, t.repeated_codes, t.parts_of) for t in back.tables] == [
            (t.id, t.uncertain, t.repeated_codes, t.parts_of) for t in read.tables
        ]
    store.close()
    units = [r.unit_code for t in load(files[0])[0].tables for r in t.rows if r.unit_code]
    assert len(units) == 9
    assert any(t.uncertain or t.repeated_codes for t in load(files[1])[0].tables)
