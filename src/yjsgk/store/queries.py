"""Questions asked of the corpus, as a Python API returning `Result` tables (the CLI prints them).

- `department_overview` / `department_classes`: one department across years.
- `rank`: all departments (of a region) in one year, ranked by a measure.
- `findings` / `findings_count`: findings by rule, severity, region, year.
- `missing`: budget/final documents a department has not published (for the years asked).
- `documents`, `departments`: what is stored.

Unless `all_versions=True`, only the newest version of each department/year/family counts.
Amounts are exact decimals, converted to 万元 when a table is printed in 元 (or 千元/亿元).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from decimal import Decimal

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import aliased

from ..departments import normalize_name
from ..labels import DOCUMENT_LABELS, FINDING_LABELS
from ..records import UNIT_FACTORS, plain
from .db import Store
from .models import Department, Document, LineItem, StoredFinding, StoredRow, StoredTable
from .types import printed, tidy

FAMILY_LABELS = {"final": "决算", "budget": "预算", "performance": "绩效自评", "unknown": "未识别"}
CLASS_TABLES = {"final": "final.expenditure", "budget": "budget.expenditure"}


@dataclass
class Result:
    """A query result: named columns (with Chinese labels) and rows of plain values."""

    name: str
    title: str
    columns: list[str]
    labels: dict[str, str]
    rows: list[dict] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            "schema": 1,
            "query": self.name,
            "title": self.title,
            "columns": [{"id": c, "label": self.labels.get(c, c)} for c in self.columns],
            "rows": [{c: plain(r.get(c)) for c in self.columns} for r in self.rows],
        }

    def column(self, name: str) -> list:
        return [r.get(name) for r in self.rows]


# ---------------------------------------------------------------------------------------------
# measures: where a figure is found in each family's tables, first source that has it wins


@dataclass(frozen=True)
class Source:
    table: str
    column: str
    key: str | None = None
    code: str | None = None
    side: str | None = None
    # the one row of the document's tables of this id that carries no key: a table that prints a
    # single row of figures and no 合计 row (江苏's 三公 table, 深圳's row of the year between the
    # keyed rows of the previous year and the change); several such rows: no figure
    lone: bool = False


@dataclass(frozen=True)
class Measure:
    id: str
    label: str
    final: tuple[Source, ...]
    budget: tuple[Source, ...]

    def sources(self, family: str) -> tuple[Source, ...]:
        return self.final if family == "final" else self.budget if family == "budget" else ()


def _three_public(part: str, label: str) -> Measure:
    """A 三公 figure. A budget's 三公 table prints its total as 合计 or, beside 会议费 and 培训费 (whose
    合计 column is `all_total`), as the “三公”经费小计; in a 合计 row, else in the table's one row."""
    suffix = f"_{part}" if part else "_total"
    columns = (part,) if part else ("three_public", "total")
    return Measure(
        f"three_public{'_' + part if part else ''}",
        label,
        final=(Source("final.three_public", f"final{suffix}", key="values"),),
        budget=(
            *(Source("budget.three_public", c, key="total") for c in columns),
            *(Source("budget.three_public", c, lone=True) for c in columns),
        ),
    )


def _side_total(side: str, label: str) -> Measure:
    """收入合计 / 支出合计: the total of that side's table, else the 总表 line."""
    return Measure(
        side,
        label,
        final=(
            Source(f"final.{side}", "total", key="total"),
            Source("final.summary", "amount", key=f"total_{side}", side=side),
        ),
        budget=(
            Source(f"budget.{side}", "total", key="total"),
            Source("budget.summary", "amount", key=f"total_{side}", side=side),
        ),
    )


def _expenditure_class(part: str, label: str) -> Measure:
    """基本支出 / 项目支出: a column of the 支出表; budgets also print it in the 总表."""
    return Measure(
        part,
        label,
        final=(Source("final.expenditure", part, key="total"),),
        budget=(
            Source("budget.expenditure", part, key="total"),
            Source("budget.summary", "amount", key=part, side="expenditure"),
        ),
    )


MEASURES: dict[str, Measure] = {
    m.id: m
    for m in (
        _side_total("expenditure", "支出合计"),
        _expenditure_class("basic", "基本支出"),
        _expenditure_class("project", "项目支出"),
        _side_total("income", "收入合计"),
        _three_public("", "“三公”经费合计"),
        _three_public("abroad", "因公出国（境）费"),
        _three_public("vehicle", "公务用车购置及运行费"),
        _three_public("vehicle_purchase", "公务用车购置费"),
        _three_public("vehicle_operation", "公务用车运行费"),
        _three_public("reception", "公务接待费"),
        Measure(
            "personnel",
            "人员经费",
            final=(Source("final.general_budget_basic", "amount", key="personnel_total"),),
            budget=(Source("budget.general_budget_basic", "personnel", key="total"),),
        ),
        Measure(
            # 机关运行经费 is stated in the narrative; in the tables it is normally the 公用经费
            # of the basic-expenditure table, which is what this measure reads
            "operating_costs",
            "机关运行经费（公用经费）",
            final=(Source("final.general_budget_basic", "amount", key="public_total"),),
            budget=(Source("budget.general_budget_basic", "public", key="total"),),
        ),
    )
}


# tables a measure may read from a row without a key (Source.lone)
LONE_TABLES = sorted({src.table for m in MEASURES.values() for src in (*m.final, *m.budget) if src.lone})


def measure(spec: str) -> Measure:
    """A measure id, or `class:NNN` for one function class (支出功能分类 类/款/项) of the 支出表."""
    if spec in MEASURES:
        return MEASURES[spec]
    if spec.startswith("class:") and spec[6:].isdigit():
        code = spec[6:]
        return Measure(
            spec,
            f"功能分类 {code} 支出",
            final=(Source("final.expenditure", "total", code=code),),
            budget=(Source("budget.expenditure", "total", code=code),),
        )
    known = ", ".join([*MEASURES, "class:NNN"])
    raise ValueError(f"未知的指标 {spec}（可用：{known}）")


OVERVIEW_MEASURES = (
    "expenditure",
    "basic",
    "project",
    "income",
    "three_public",
    "three_public_abroad",
    "three_public_vehicle",
    "three_public_vehicle_purchase",
    "three_public_vehicle_operation",
    "three_public_reception",
    "personnel",
    "operating_costs",
)


# ---------------------------------------------------------------------------------------------
# filters shared by the queries


def latest_only():
    """Documents that are the newest version of their department/year/family."""
    newer = aliased(Document)
    return Document.version == (
        select(func.max(newer.version))
        .where(
            newer.department_id.is_not_distinct_from(Document.department_id),
            newer.year.is_not_distinct_from(Document.year),
            newer.family == Document.family,
        )
        .scalar_subquery()
    )


def _region(region: str):
    return Department.region.startswith(region, autoescape=True)


def _department(name: str):
    return Department.name.contains(normalize_name(name), autoescape=True)


def _documents_where(
    *,
    department: str | None = None,
    region: str | None = None,
    year: int | None = None,
    years: Sequence[int] | None = None,
    family: str | None = None,
    all_versions: bool = False,
) -> list:
    where = []
    if department:
        where.append(_department(department))
    if region:
        where.append(_region(region))
    if year is not None:
        where.append(Document.year == year)
    if years:
        where.append(Document.year.in_(list(years)))
    if family:
        where.append(Document.family == family)
    if not all_versions:
        where.append(latest_only())
    return where


def _factor(unit: str | None) -> Decimal:
    return UNIT_FACTORS.get(unit or "万元", Decimal(1))


def _in_wan(amount: Decimal | None, unit: str | None) -> Decimal | None:
    if amount is None:
        return None
    factor = _factor(unit)
    return amount if factor == 1 else tidy(amount * factor)


# ---------------------------------------------------------------------------------------------
# queries


DOC_COLUMNS = ["document_id", "department", "region", "level", "year", "family", "kind", "version", "unit"]
DOC_LABELS = {**DOCUMENT_LABELS, "unit": "原单位"}  # the unit the document printed its amounts in


def _doc_row(doc: Document, dept: Department | None) -> dict:
    return {
        "document_id": doc.id,
        "department": dept.name if dept else doc.department_printed,
        "region": dept.region if dept else None,
        "level": dept.level if dept else None,
        "year": doc.year,
        "family": doc.family,
        "kind": doc.kind,
        "version": doc.version,
        "unit": doc.unit,
        "source": doc.source,
        "content_hash": doc.content_hash,
        "errors": doc.errors,
        "warnings": doc.warnings,
        "notices": doc.notices,
        "ingested_at": _utc(doc.ingested_at),
    }


def _utc(moment: datetime | None) -> str | None:
    if moment is None:
        return None
    if moment.tzinfo is None:  # SQLite keeps no zone; we always store UTC
        moment = moment.replace(tzinfo=UTC)
    return moment.isoformat(timespec="seconds")


def documents(store: Store, **filters) -> Result:
    """Stored documents (newest versions unless all_versions=True), by department and year."""
    columns = [*DOC_COLUMNS, "errors", "warnings", "notices", "source", "content_hash", "ingested_at"]
    with store.read() as session:
        rows = _docs(session, **filters)
    return Result("documents", "已入库文件", columns, DOC_LABELS, [_doc_row(d, dep) for d, dep in rows])


def departments(store: Store, *, region: str | None = None) -> Result:
    with store.read() as session:
        query = (
            select(Department, func.count(Document.id), func.min(Document.year), func.max(Document.year))
            .outerjoin(Document, Document.department_id == Department.id)
            .group_by(Department.id)
            .order_by(Department.region, Department.name)
        )
        if region:
            query = query.where(_region(region))
        rows = session.execute(query).all()
    return Result(
        "departments",
        "部门",
        ["department", "region", "level", "documents", "first_year", "last_year"],
        {**DOC_LABELS, "documents": "文件数", "first_year": "最早年度", "last_year": "最近年度"},
        [
            {
                "department": d.name,
                "region": d.region,
                "level": d.level,
                "documents": n,
                "first_year": y0,
                "last_year": y1,
            }
            for d, n, y0, y1 in rows
        ],
    )


def _measure_items(session, doc_ids: list[int], codes: Sequence[str] = ()) -> dict:
    """(document id) → line items of the totals rows and, in the 支出表 of each family, of the
    function classes (类) and of any other `codes` asked for."""
    if not doc_ids:
        return {}
    class_tables = list(CLASS_TABLES.values())
    query = (
        select(
            LineItem.document_id,
            LineItem.row_id,
            StoredTable.standard_id,
            StoredTable.position,
            StoredTable.unit,
            StoredRow.key,
            StoredRow.side,
            StoredRow.code,
            StoredRow.name,
            LineItem.column,
            LineItem.amount,
            LineItem.decimals,
        )
        .join(StoredTable, LineItem.table_id == StoredTable.id)
        .join(StoredRow, LineItem.row_id == StoredRow.id)
        .where(
            LineItem.document_id.in_(doc_ids),
            or_(
                LineItem.key.is_not(None),
                StoredTable.standard_id.in_(LONE_TABLES),
                and_(
                    StoredTable.standard_id.in_(class_tables),
                    or_(func.length(LineItem.code) == 3, LineItem.code.in_(list(codes))),
                ),
            ),
        )
        .order_by(LineItem.document_id, StoredTable.position, StoredRow.position)
    )
    out: dict[int, list] = defaultdict(list)
    for row in session.execute(query):
        out[row.document_id].append(row)
    return out


def _pick(items: list, source: Source, doc_unit: str | None):
    if source.lone:
        return _pick_lone(items, source, doc_unit)
    for it in items:
        if it.standard_id != source.table or it.column != source.column:
            continue
        if source.key is not None and it.key != source.key:
            continue
        if source.code is not None and it.code != source.code:
            continue
        if source.side is not None and it.side != source.side:
            continue
        return _in_wan(printed(it.amount, it.decimals), it.unit or doc_unit)
    return None


def _pick_lone(items: list, source: Source, doc_unit: str | None):
    rows = [it for it in items if it.standard_id == source.table and it.key is None]
    if len({it.row_id for it in rows}) != 1:
        return None
    for it in rows:
        if it.column == source.column:
            return _in_wan(printed(it.amount, it.decimals), it.unit or doc_unit)
    return None


def _value(items: list, m: Measure, family: str, doc_unit: str | None) -> Decimal | None:
    for source in m.sources(family):
        value = _pick(items, source, doc_unit)
        if value is not None:
            return value
    return None


def _docs(session, **filters) -> list[tuple[Document, Department | None]]:
    return session.execute(
        select(Document, Department)
        .outerjoin(Department, Document.department_id == Department.id)
        .where(*_documents_where(**filters))
        .order_by(Department.name, Document.year, Document.family, Document.version)
    ).all()


def _shown(asked: str, rows: list[dict]) -> str:
    names = {r["department"] for r in rows}
    return names.pop() if len(names) == 1 else asked


def department_overview(
    store: Store, department: str, *, family: str | None = None, all_versions: bool = False
) -> Result:
    """One department across years: totals, 基本/项目, 三公 and its parts, 人员经费, 机关运行经费 (万元)."""
    with store.read() as session:
        docs = [
            (d, dep)
            for d, dep in _docs(session, department=department, family=family, all_versions=all_versions)
            if d.family in ("final", "budget")
        ]
        items = _measure_items(session, [d.id for d, _ in docs])
    rows = []
    for doc, dept in docs:
        row = _doc_row(doc, dept)
        for mid in OVERVIEW_MEASURES:
            row[mid] = _value(items.get(doc.id, []), MEASURES[mid], doc.family, doc.unit)
        rows.append(row)
    labels = {**DOC_LABELS, **{mid: MEASURES[mid].label + "（万元）" for mid in OVERVIEW_MEASURES}}
    return Result(
        "department", f"{_shown(department, rows)}：历年概况", [*DOC_COLUMNS, *OVERVIEW_MEASURES], labels, rows
    )


def department_classes(
    store: Store, department: str, *, family: str | None = None, all_versions: bool = False
) -> Result:
    """One department across years by function class (类) of the 支出表: 合计, 基本, 项目 (万元)."""
    with store.read() as session:
        docs = _docs(session, department=department, family=family, all_versions=all_versions)
        items = _measure_items(session, [d.id for d, _ in docs])
    rows: list[dict] = []
    for doc, dept in docs:
        table = CLASS_TABLES.get(doc.family)
        by_code: dict[str, dict] = {}
        for it in items.get(doc.id, []):
            if it.standard_id != table or not it.code or len(it.code) != 3:
                continue
            entry = by_code.setdefault(
                it.code,
                {
                    "document_id": doc.id,
                    "department": dept.name if dept else doc.department_printed,
                    "year": doc.year,
                    "family": doc.family,
                    "version": doc.version,
                    "code": it.code,
                    "name": it.name,
                },
            )
            if it.column in ("total", "basic", "project"):
                entry.setdefault(it.column, _in_wan(printed(it.amount, it.decimals), it.unit or doc.unit))
        rows.extend(by_code[c] for c in sorted(by_code))
    return Result(
        "department_classes",
        f"{_shown(department, rows)}：按功能分类（类）",
        ["document_id", "department", "year", "family", "version", "code", "name", "total", "basic", "project"],
        {
            **DOC_LABELS,
            "code": "科目编码",
            "name": "科目名称",
            "total": "合计（万元）",
            "basic": "基本支出（万元）",
            "project": "项目支出（万元）",
        },
        rows,
    )


def rank(
    store: Store,
    *,
    year: int,
    measure_id: str = "expenditure",
    region: str | None = None,
    family: str = "final",
    ascending: bool = False,
    limit: int | None = None,
) -> Result:
    """All departments (of a region) in one year, ranked by a measure (万元); missing figures last."""
    m = measure(measure_id)
    with store.read() as session:
        docs = _docs(session, region=region, year=year, family=family)
        codes = [src.code for src in m.sources(family) if src.code]
        items = _measure_items(session, [d.id for d, _ in docs], codes)
    rows = []
    for doc, dept in docs:
        row = _doc_row(doc, dept)
        row["amount"] = _value(items.get(doc.id, []), m, family, doc.unit)
        rows.append(row)
    present = sorted((r for r in rows if r["amount"] is not None), key=lambda r: r["amount"], reverse=not ascending)
    absent = sorted((r for r in rows if r["amount"] is None), key=lambda r: r["department"] or "")
    ranked = present + absent
    for i, r in enumerate(ranked, 1):
        r["rank"] = i if r["amount"] is not None else None
    if limit:
        ranked = ranked[:limit]
    scope = f"{region}" if region else "全部地区"
    return Result(
        "rank",
        f"{scope} {year}年{FAMILY_LABELS.get(family, family)}：按{m.label}排名",
        ["rank", "department", "region", "level", "amount", "year", "family", "version", "unit", "document_id"],
        {**DOC_LABELS, "rank": "名次", "amount": f"{m.label}（万元）"},
        ranked,
    )


FINDING_COLUMNS = [
    "document_id",
    "department",
    "region",
    "year",
    "family",
    "version",
    "rule",
    "severity",
    "table",
    "row",
    "column",
    "expected",
    "found",
    "difference",
    "message",
    "line",
    "page",
    "fingerprint",
]


def _finding_where(rules: Iterable[str], severities: Iterable[str]) -> list:
    where = []
    rules = [r for r in rules if r]
    if rules:
        where.append(or_(*[StoredFinding.rule.startswith(r, autoescape=True) for r in rules]))
    severities = [s for s in severities if s]
    if severities:
        where.append(StoredFinding.severity.in_(severities))
    return where


def findings(
    store: Store,
    *,
    rules: Iterable[str] = (),
    severities: Iterable[str] = (),
    region: str | None = None,
    year: int | None = None,
    department: str | None = None,
    family: str | None = None,
    all_versions: bool = False,
    limit: int | None = None,
) -> Result:
    """Findings filtered by rule (id or prefix), severity, region, year, department."""
    where = _finding_where(rules, severities) + _documents_where(
        department=department, region=region, year=year, family=family, all_versions=all_versions
    )
    with store.read() as session:
        query = (
            select(StoredFinding, Document, Department)
            .join(Document, StoredFinding.document_id == Document.id)
            .outerjoin(Department, Document.department_id == Department.id)
            .where(*where)
            .order_by(Department.name, Document.year, Document.id, StoredFinding.position)
        )
        if limit:
            query = query.limit(limit)
        rows = session.execute(query).all()
    out = []
    for f, doc, dept in rows:
        out.append(
            {
                "document_id": doc.id,
                "department": dept.name if dept else doc.department_printed,
                "region": dept.region if dept else None,
                "year": doc.year,
                "family": doc.family,
                "version": doc.version,
                "rule": f.rule,
                "severity": f.severity,
                "table": f.table_title or f.table_ref,
                "row": f.row_label,
                "column": f.column_label,
                "expected": Decimal(f.expected) if f.expected is not None else None,
                "found": Decimal(f.found) if f.found is not None else None,
                "difference": Decimal(f.difference) if f.difference is not None else None,
                "message": f.message,
                "line": f.line,
                "page": f.page,
                "fingerprint": f.fingerprint,
            }
        )
    return Result("findings", "问题清单", FINDING_COLUMNS, FINDING_LABELS, out)


COUNT_FIELDS = {
    "rule": StoredFinding.rule,
    "severity": StoredFinding.severity,
    "region": Department.region,
    "year": Document.year,
    "department": Department.name,
    "family": Document.family,
}


def findings_count(
    store: Store,
    *,
    by: Sequence[str] = ("rule", "severity"),
    rules: Iterable[str] = (),
    severities: Iterable[str] = (),
    region: str | None = None,
    year: int | None = None,
    department: str | None = None,
    family: str | None = None,
    all_versions: bool = False,
) -> Result:
    """How many findings, grouped by any of rule, severity, region, year, department, family."""
    unknown = [b for b in by if b not in COUNT_FIELDS]
    if unknown or not by:
        raise ValueError(f"无法按 {', '.join(unknown) or '（空）'} 分组（可用：{', '.join(COUNT_FIELDS)}）")
    fields = [COUNT_FIELDS[b].label(b) for b in by]
    where = _finding_where(rules, severities) + _documents_where(
        department=department, region=region, year=year, family=family, all_versions=all_versions
    )
    count = func.count(StoredFinding.id).label("count")
    with store.read() as session:
        rows = session.execute(
            select(*fields, count)
            .select_from(StoredFinding)
            .join(Document, StoredFinding.document_id == Document.id)
            .outerjoin(Department, Document.department_id == Department.id)
            .where(*where)
            .group_by(*[COUNT_FIELDS[b] for b in by])
            .order_by(count.desc(), *[COUNT_FIELDS[b] for b in by])
        ).all()
    return Result(
        "findings_count",
        "问题统计",
        [*by, "count"],
        FINDING_LABELS,
        [dict(r._mapping) for r in rows],
    )


# when a year's document is published at the earliest: (years after the budget year, month, day).
# A budget is published once the people's congress has approved it, early in its year; the final
# accounts of a year once they are approved, in the summer after it.
PUBLISHED_FROM = {"budget": (0, 3, 1), "final": (1, 7, 1)}


def published_from(year: int, family: str) -> date:
    """The first day a department's budget/final accounts of `year` can be asked for."""
    after, month, day = PUBLISHED_FROM[family]
    return date(year + after, month, day)


def missing(
    store: Store,
    *,
    department: str | None = None,
    region: str | None = None,
    years: Sequence[int] | None = None,
    families: Sequence[str] = ("budget", "final"),
    today: date | None = None,
) -> Result:
    """Budget/final documents not in the corpus, per department and year, that are due by `today`
    (default: the current date; a year's 决算 is not asked for before the summer after it).

    Years: those given, else every year from the earliest to the latest year stored for the
    departments in scope."""
    today = today or date.today()
    with store.read() as session:
        query = select(Department.id, Department.name, Department.region, Department.level)
        if department:
            query = query.where(_department(department))
        if region:
            query = query.where(_region(region))
        depts = session.execute(query.order_by(Department.name)).all()
        ids = [d.id for d in depts]
        present = session.execute(
            select(Document.department_id, Document.year, Document.family, func.max(Document.version))
            .where(Document.department_id.in_(ids or [-1]), Document.year.is_not(None))
            .group_by(Document.department_id, Document.year, Document.family)
        ).all()
    have: dict[int, dict[int, set[str]]] = defaultdict(lambda: defaultdict(set))
    for dept_id, year, family, _ in present:
        have[dept_id][year].add(family)
    if years:
        span = sorted(set(years))
    else:
        stored = [y for per in have.values() for y in per]
        span = list(range(min(stored), max(stored) + 1)) if stored else []
    rows = []
    for d in depts:
        for year in span:
            for family in families:
                if family not in have[d.id][year] and published_from(year, family) <= today:
                    rows.append(
                        {
                            "department": d.name,
                            "region": d.region,
                            "level": d.level,
                            "year": year,
                            "family": family,
                            "missing": f"{year}年部门{FAMILY_LABELS.get(family, family)}",
                            "present": "、".join(FAMILY_LABELS.get(f, f) for f in sorted(have[d.id][year])) or None,
                        }
                    )
    return Result(
        "missing",
        f"缺失的文件（截至 {today.isoformat()} 应已公开的）",
        ["department", "region", "level", "year", "family", "missing", "present"],
        {**DOC_LABELS, "missing": "缺少", "present": "当年已有"},
        rows,
    )
