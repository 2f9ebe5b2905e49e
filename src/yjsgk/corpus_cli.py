"""Command line for the corpus: `yjsgk ingest`, `yjsgk query …`, `yjsgk export`.

The one place that wires the corpus database (store/) and the exports (export/) together: they
share records.py and do not import each other. Kept apart from yjsgk/cli.py, which only
registers these commands and hands them over; heavy
imports (SQLAlchemy, openpyxl, frictionless) happen when a command runs, not at start-up.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .cli import at_least
from .outputs import check_output as _check_output
from .outputs import write_output

COMMANDS = ("ingest", "query", "export")
EXIT_OK, EXIT_PROBLEMS, EXIT_FAILED = 0, 1, 2
DB_HELP = "数据库：SQLite 文件路径或 URL（postgresql://user@host/db）；默认 $YJSGK_DB，否则 ./yjsgk.db"


def add_commands(sub) -> None:
    """Register the subcommands on the main parser's subparsers."""
    ingest = sub.add_parser("ingest", help="读取、核对并存入数据库 (read, check and store documents)")
    ingest.add_argument("paths", nargs="*", metavar="PATH", help="文件或文件夹")
    ingest.add_argument("--db", metavar="URL", help=DB_HELP)
    ingest.add_argument("--config", type=Path, metavar="FILE", help="核对配置（yjsgk.toml）")
    ingest.add_argument("--format", choices=("text", "json"), default="text", help="结束时的汇总格式")
    ingest.add_argument("--no-progress", action="store_true", help="不显示进度条")
    from .limits import add_option

    add_option(ingest)  # --limits NAME=VALUE (yjsgk/limits.py)

    from .cluster import add_arguments as add_cluster_arguments

    add_cluster_arguments(ingest)

    query = sub.add_parser("query", help="查询数据库 (query the corpus)")
    qsub = query.add_subparsers(dest="query", required=True, metavar="QUERY")

    def common(p):
        p.add_argument("--db", metavar="URL", help=DB_HELP)
        p.add_argument("--format", choices=("text", "json", "csv"), default="text")
        p.add_argument("-o", "--output", type=Path, metavar="FILE", help="写入文件：.xlsx / .csv / .json")
        return p

    p = common(qsub.add_parser("documents", help="已入库的文件"))
    _scope(p, department=True, region=True, year=True, family=True, versions=True)
    p = common(qsub.add_parser("departments", help="部门及其地区、层级"))
    p.add_argument("--region", metavar="REGION")
    p = common(
        qsub.add_parser("department", help="一个部门的历年情况（合计、基本/项目、三公、机关运行经费、功能分类）")
    )
    p.add_argument("name", metavar="DEPARTMENT", help="部门名称（可只写一部分）")
    _scope(p, family=True, versions=True)
    p = common(qsub.add_parser("rank", help="某年某地区各部门按指标排名"))
    p.add_argument("--year", type=int, required=True)
    p.add_argument("--measure", default="expenditure", metavar="MEASURE", help=_measure_help())
    p.add_argument("--region", metavar="REGION", help="地区（含下辖地区），如 株洲市")
    p.add_argument("--family", choices=("final", "budget"), default="final", help="决算（默认）或预算")
    p.add_argument("--ascending", action="store_true", help="从小到大")
    p.add_argument("--limit", type=at_least(1), metavar="N")
    p = common(qsub.add_parser("findings", help="按规则、严重程度、地区、年度查问题"))
    p.add_argument("--rule", action="append", default=[], metavar="RULE", help="规则编号或前缀，可重复")
    p.add_argument("--severity", action="append", default=[], choices=("error", "warning", "notice"))
    _scope(p, department=True, region=True, year=True, family=True, versions=True)
    p.add_argument(
        "--count-by", metavar="FIELDS", help="只统计数量，按这些字段分组：rule,severity,region,year,department,family"
    )
    p.add_argument("--limit", type=at_least(1), metavar="N")
    p = common(qsub.add_parser("missing", help="缺失的预算/决算文件"))
    _scope(p, department=True, region=True)
    p.add_argument(
        "--years", type=_years, metavar="FROM-TO", help="年度范围，如 2019-2023 或 2021,2023（默认：库中最早到最近）"
    )
    p.add_argument("--family", action="append", choices=("final", "budget"), help="只查决算或预算")

    export = sub.add_parser("export", help="导出文件、整个数据库 (export documents or the corpus)")
    export.add_argument(
        "documents", nargs="*", metavar="DOCUMENT", help="文件路径（直接读取），或库中文件编号/内容哈希前缀"
    )
    export.add_argument("--all", action="store_true", help="导出整个数据库（每个部门/年度/类别的最新版本）")
    export.add_argument("--all-versions", action="store_true", help="包括旧版本")
    export.add_argument("--db", metavar="URL", help=DB_HELP)
    export.add_argument("--format", choices=("xlsx", "csv", "json", "datapackage"), help="默认按 --output 的后缀")
    export.add_argument("-o", "--output", type=Path, metavar="PATH", help="输出文件（CSV、数据包：文件夹）")
    export.add_argument("--config", type=Path, metavar="FILE", help="核对配置（直接读取文件时）")
    _scope(export, department=True, region=True, year=True, family=True)


def _scope(p, *, department=False, region=False, year=False, family=False, versions=False) -> None:
    if department:
        p.add_argument("--department", metavar="NAME", help="部门名称（可只写一部分）")
    if region:
        p.add_argument("--region", metavar="REGION", help="地区（含下辖地区）")
    if year:
        p.add_argument("--year", type=int)
    if family:
        p.add_argument("--family", choices=("final", "budget", "performance"))
    if versions:
        p.add_argument("--all-versions", action="store_true", help="包括旧版本")


def _measure_help() -> str:
    return (
        "指标：expenditure 支出合计（默认）, basic, project, income, three_public 三公合计, "
        "three_public_abroad / _vehicle / _vehicle_purchase / _vehicle_operation / _reception, "
        "personnel 人员经费, operating_costs 机关运行经费（公用经费）, class:NNN 某功能分类"
    )


def run(args: argparse.Namespace) -> int:
    if args.command == "ingest":
        return _ingest(args)
    if args.command == "query":
        return _query(args)
    return _export(args)


# ---------------------------------------------------------------------------------------------
# ingest


def _open_store(url: str | None, *, create: bool):
    """The database of --db; a SQLite file is never put in a folder that does not exist (a typo
    in the path would otherwise create a new, empty corpus somewhere)."""
    from sqlalchemy.engine import make_url

    from .store.db import Store, StoreError, resolve_url

    sa_url = make_url(resolve_url(url))
    if sa_url.get_backend_name() == "sqlite" and sa_url.database not in (None, "", ":memory:"):
        folder = Path(sa_url.database).parent
        if not folder.is_dir():
            raise StoreError(f"数据库所在的文件夹不存在：{folder}（请先建立该文件夹，或用 --db 指定别的位置）")
    return Store(url, create=create)


def _ingest(args) -> int:
    import json

    from .cluster import ingest_arguments
    from .config import load_config
    from .inputs import collect
    from .report.terminal import Progress
    from .store.ingestion import ingest

    config = load_config(args.config)
    walked = collect(args.paths)  # folders that yield nothing are said, not ingested as 0 files
    for problem in walked.problems:
        print(f"yjsgk: {problem}", file=sys.stderr)
    if not walked.files and not getattr(args, "lists", None):
        return EXIT_FAILED
    inputs, parallel = ingest_arguments(args)
    store = _open_store(args.db, create=True)
    try:
        show = not args.no_progress and sys.stderr.isatty()
        if parallel is None:
            summary = ingest(walked.files, store, config=config, progress=Progress() if show else None)
        else:
            summary = parallel(inputs, store, config=config, progress=Progress() if show else None)
    finally:
        store.close()
    for o in summary.failed:  # failures go to stderr, whatever the format of the summary
        print(f"yjsgk: 失败：{o.path}: {o.reason}", file=sys.stderr)
    if args.format == "json":
        payload = {"schema": 1, "database": store.display_url, **summary.to_dict()}
        sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    else:
        out = sys.stdout
        n = len(summary.outcomes)
        rate = n / summary.seconds if summary.seconds > 0 else 0.0
        out.write(
            f"已入库 {len(summary.ingested)}，未变化 {len(summary.unchanged)}，失败 {len(summary.failed)}"
            f"（共 {n} 个文件，用时 {summary.seconds:.1f} 秒，{rate:.1f} 个/秒）\n"
        )
        for o in summary.ingested:
            if o.version and o.version > 1:
                out.write(f"  新版本 v{o.version}：{o.path}（{o.department} {o.year}）\n")
        out.write(f"数据库：{store.display_url}\n")
    return EXIT_FAILED if summary.failed or walked.problems else EXIT_OK


# ---------------------------------------------------------------------------------------------
# query


def _years(text: str) -> list[int]:
    """--years 2019-2023 or 2021,2023 (argparse refuses anything else with this message)."""
    try:
        if "-" in text:
            a, b = text.split("-", 1)
            years = list(range(int(a), int(b) + 1))
        else:
            years = [int(y) for y in text.split(",")]
    except ValueError:
        years = []
    if not years or not all(1949 < y < 2200 for y in years):
        raise argparse.ArgumentTypeError(f"应为年度或年度范围，如 2019-2023 或 2021,2023，而不是 {text!r}")
    return years


def _query(args) -> int:
    import json

    from .store import queries

    if args.output:
        _check_output(args.output, QUERY_SUFFIXES)  # before the query: a typo costs nothing
    store = _open_store(args.db, create=False)
    try:
        q = args.query
        if q == "documents":
            results = [
                queries.documents(
                    store,
                    department=args.department,
                    region=args.region,
                    year=args.year,
                    family=args.family,
                    all_versions=args.all_versions,
                )
            ]
        elif q == "departments":
            results = [queries.departments(store, region=args.region)]
        elif q == "department":
            opts = {"family": args.family, "all_versions": args.all_versions}
            results = [
                queries.department_overview(store, args.name, **opts),
                queries.department_classes(store, args.name, **opts),
            ]
        elif q == "rank":
            try:
                queries.measure(args.measure)
            except ValueError as exc:
                print(f"yjsgk: {exc}", file=sys.stderr)
                return EXIT_FAILED
            results = [
                queries.rank(
                    store,
                    year=args.year,
                    measure_id=args.measure,
                    region=args.region,
                    family=args.family,
                    ascending=args.ascending,
                    limit=args.limit,
                )
            ]
            if not results[0].rows:
                _rank_hint(store, args)
        elif q == "findings":
            scope = {
                "rules": args.rule,
                "severities": args.severity,
                "region": args.region,
                "year": args.year,
                "department": args.department,
                "family": args.family,
                "all_versions": args.all_versions,
            }
            if args.count_by:
                try:
                    results = [queries.findings_count(store, by=[b.strip() for b in args.count_by.split(",")], **scope)]
                except ValueError as exc:
                    print(f"yjsgk: {exc}", file=sys.stderr)
                    return EXIT_FAILED
            else:
                results = [queries.findings(store, limit=args.limit, **scope)]
        else:  # missing
            results = [
                queries.missing(
                    store,
                    department=args.department,
                    region=args.region,
                    years=args.years,
                    families=tuple(args.family or ("budget", "final")),
                )
            ]
    finally:
        store.close()
    if args.output:
        from .export import export_result

        path = write_output(args.output, lambda staged: export_result(results, staged))
        print(f"yjsgk: 已写入 {path}", file=sys.stderr)
        return EXIT_OK
    out = sys.stdout
    if args.format == "json":
        from .export.json import results_payload

        out.write(json.dumps(results_payload(results), ensure_ascii=False, indent=2) + "\n")
    elif args.format == "csv":
        import csv

        writer = csv.writer(out)
        for i, result in enumerate(results):
            if i:
                out.write("\n")
            writer.writerow(result.columns)
            for row in result.rows:
                writer.writerow(["" if row.get(c) is None else _cell(row.get(c)) for c in result.columns])
    else:
        texts = [
            render_findings(r, _columns()) if r.name == "findings" else render_text(r, transpose=r.name == "department")
            for r in results
        ]
        out.write("\n\n".join(texts) + "\n")
    return EXIT_OK


def _rank_hint(store, args) -> None:
    """`rank` found no document of the family asked for: say which family the year has, if any."""
    from .store import queries

    other = "budget" if args.family == "final" else "final"
    label = {"final": "决算", "budget": "预算"}
    found = queries.documents(store, year=args.year, region=args.region, family=other).rows
    where = f"{args.region} " if args.region else ""
    if found:
        print(
            f"yjsgk: {where}{args.year} 年没有{label[args.family]}文件；有 {len(found)} 个{label[other]}文件："
            f"加 --family {other} 查看",
            file=sys.stderr,
        )
    else:
        years = sorted({r["year"] for r in queries.documents(store, region=args.region).rows if r["year"]})
        shown = f"（库中年度：{'、'.join(map(str, years))}）" if years else "（库中还没有文件）"
        print(f"yjsgk: {where}{args.year} 年没有预算或决算文件{shown}", file=sys.stderr)


def _columns() -> int:
    """Width of the terminal (or $COLUMNS); 100 when the output is not a terminal."""
    import shutil

    return max(40, shutil.get_terminal_size((100, 24)).columns)


def render_findings(result, columns: int = 100) -> str:
    """Findings grouped by document, one line each, cut with … to the terminal's width (the whole
    message is in --format json/csv and -o)."""
    from .check.findings import SEVERITY_LABELS

    if not result.rows:
        return f"{result.title}\n（无结果）"
    lines = [f"{result.title}（{len(result.rows)} 条）"]
    current = None
    for r in result.rows:
        document = r.get("document_id")
        if document != current:
            current = document
            head = [r.get("department") or "（未识别部门）"]
            if r.get("year"):
                head.append(f"{r['year']}年")
            head.append(f"{_family_short(r.get('family'))} v{r.get('version')}")
            lines.append(_fit(f"#{document} " + " · ".join(head), columns))
        where = " ".join(
            part
            for part in (f"第{r['page']}页" if r.get("page") else "", f"第{r['line']}行" if r.get("line") else "")
            if part
        )
        severity = SEVERITY_LABELS.get(r.get("severity") or "", r.get("severity") or "")
        text = f"  {severity} {r.get('rule')} " + (f"[{where}] " if where else "") + (r.get("message") or "")
        lines.append(_fit(text, columns))
    return "\n".join(lines)


def _fit(text: str, columns: int) -> str:
    """One line of at most `columns` terminal columns, ending in … when cut."""
    from .report.terminal import width as _width

    text = " ".join(text.splitlines())
    if _width(text) <= columns:
        return text
    used = 0
    for i, ch in enumerate(text):
        used += _width(ch)
        if used > columns - 1:  # room for the …
            return text[:i] + "…"
    return text


def _cell(value) -> str:
    from decimal import Decimal

    return format(value, "f") if isinstance(value, Decimal) else str(value)


TEXT_HIDDEN = {"source", "content_hash", "ingested_at", "fingerprint", "message"}


def render_text(result, *, transpose: bool = False) -> str:
    """An aligned plain-text table (CJK characters count double)."""
    from decimal import Decimal

    from .report.terminal import pad as _pad
    from .report.terminal import width as _width

    if not result.rows:
        return f"{result.title}\n（无结果）"
    columns = [c for c in result.columns if c not in TEXT_HIDDEN or result.name == "findings" and c == "message"]
    if transpose:
        head = [""] + [f"{r.get('year')}{_family_short(r.get('family'))} v{r.get('version')}" for r in result.rows]
        body = [
            [result.labels.get(c, c)] + ["" if r.get(c) is None else _cell(r.get(c)) for r in result.rows]
            for c in columns
            if c not in ("year", "family", "version", "department")
        ]
        numeric = [False] + [True] * len(result.rows)
    else:
        head = [result.labels.get(c, c) for c in columns]
        body = [["" if r.get(c) is None else _cell(r.get(c)) for c in columns] for r in result.rows]
        numeric = [all(isinstance(r.get(c), (int, Decimal)) or r.get(c) is None for r in result.rows) for c in columns]
    widths = [max(_width(row[i]) for row in [head, *body]) for i in range(len(head))]
    lines = [result.title]
    lines.append("  ".join(_pad(h, widths[i], numeric[i]) for i, h in enumerate(head)).rstrip())
    lines.append("  ".join("-" * w for w in widths))
    for row in body:
        lines.append("  ".join(_pad(v, widths[i], numeric[i]) for i, v in enumerate(row)).rstrip())
    return "\n".join(lines)


def _family_short(family: str | None) -> str:
    return {"final": "决算", "budget": "预算", "performance": "绩效"}.get(family or "", family or "")


# ---------------------------------------------------------------------------------------------
# output files (query -o, export -o)

QUERY_SUFFIXES = (".xlsx", ".csv", ".json")
EXPORT_SUFFIXES = (".xlsx", ".csv", ".json")  # or a folder name without one (CSV), datapackage.json


# ---------------------------------------------------------------------------------------------
# export


def _export(args) -> int:
    from .config import load_config
    from .export import FORMATS, bundle_from_file, export_documents, format_for

    if args.output and not args.format:
        _check_output(args.output, EXPORT_SUFFIXES, folder_ok=True)  # the name chooses the format
    fmt = args.format or (format_for(args.output) if args.output else "xlsx")
    if fmt not in FORMATS:
        print(f"yjsgk: 未知的导出格式 {fmt}", file=sys.stderr)
        return EXIT_FAILED
    scoped = any(getattr(args, k, None) for k in ("department", "region", "year", "family"))
    if not args.documents and not args.all and not scoped:
        print("yjsgk: 请指定要导出的文件（路径或库中编号），或用 --all 导出整个数据库", file=sys.stderr)
        return EXIT_FAILED
    store = None
    bundles = []
    try:
        for ref in args.documents:
            if Path(ref).exists():
                bundles.append(bundle_from_file(ref, load_config(args.config)))
                continue
            from .store.documents import load_bundle, resolve_document

            store = store or _open_store(args.db, create=False)
            bundles.append(load_bundle(store, resolve_document(store, ref)))
        if args.all or scoped:
            from .store.documents import corpus_bundles

            store = store or _open_store(args.db, create=False)
            bundles.extend(
                corpus_bundles(
                    store,
                    all_versions=args.all_versions,
                    department=args.department,
                    region=args.region,
                    year=args.year,
                    family=args.family,
                )
            )
    finally:
        if store is not None:
            store.close()
    if not bundles:
        print("yjsgk: 没有可导出的文件", file=sys.stderr)
        return EXIT_FAILED
    single = len(bundles) == 1 and not args.all and not scoped
    output = args.output or _default_output(bundles, fmt, single)
    path = write_output(output, lambda staged: export_documents(bundles, staged, fmt, single=single))
    print(f"yjsgk: 已导出 {len(bundles)} 个文件 → {path}", file=sys.stderr)
    if fmt == "datapackage":
        from .export.datapackage import validate_datapackage

        problems = validate_datapackage(path)
        if problems:
            for p in problems:
                print(f"yjsgk: 数据包校验：{p}", file=sys.stderr)
            return EXIT_PROBLEMS
        print("yjsgk: 数据包已通过 frictionless 校验", file=sys.stderr)
    return EXIT_OK


def _default_output(bundles, fmt: str, single: bool) -> Path:
    stem = Path(bundles[0].meta.get("filename") or "document").stem if single else "yjsgk-corpus"
    if fmt == "csv":
        return Path(f"{stem}-csv")
    if fmt == "datapackage":
        return Path(f"{stem}-datapackage")
    return Path(f"{stem}.{fmt}")
