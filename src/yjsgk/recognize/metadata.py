"""Document kind, department, year and money unit: found where printed, never invented."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ..document import Document, Location, TextBlock
from ..model import Disclosure, Table
from ..textnorm import norm
from .segment import Segmentation

_YEAR = re.compile(
    r"(20\d{2})\s*年\s*(?:度)?\s*(?:[省市区县]级)?\s*(?:部门|单位)?\s*(?:整体支出)?\s*(决算|预算|绩效|部门决算|部门预算)"
)
_YEAR_PAREN = re.compile(r"[（(]\s*(20\d{2})\s*年度?\s*[)）]")
_ANY_YEAR = re.compile(r"(20\d{2})\s*年度")
_TITLE_YEAR = re.compile(r"^(?:[一二三四五六七八九十]+、|表\d+[:：]?)?(20\d{2})年")
_ORG_SUFFIX = re.compile(
    r"(局|厅|委员会|委|办公室|办公厅|院|中心|部|会|所|站|队|馆|校|学院|政府|办事处|街道|法院|检察院|处)$"
)
_DEPT_LINE = re.compile(
    r"^(?:\d{4}\s*年度?\s*)?(.{2,40}?(?:局|厅|委员会|办公室|办公厅|院|中心|政府|办事处|法院|检察院|部|支队|大队))\s*(?:\d{4}\s*年度?)?\s*(?:部门|单位)?\s*(?:决算|预算)?\s*(?:信息)?\s*(?:公开)?$"
)
_EVALUATION_TITLE = re.compile(r"绩效(?:自评|评价)(?:报告|表)")
_PERF_DEPT = ("预算部门名称", "部门名称", "主管部门", "单位名称")


@dataclass(slots=True)
class Problem:
    """Something recognition could not settle; reported as a finding by the checker."""

    rule: str
    message: str
    location: Location | None
    table: Table | None
    severity: str | None = None  # None: the rule's own (a notice when nothing is lost)


def find_metadata(document: Document, seg: Segmentation, disclosure: Disclosure) -> None:
    texts = document.text_lines()
    disclosure.kind = _kind(disclosure, texts)
    disclosure.year = _year(texts, disclosure)
    disclosure.department = _department(seg, texts, disclosure)
    units = Counter(u for u, _ in seg.units) + Counter(t.unit for t in disclosure.tables if t.unit)
    disclosure.unit = units.most_common(1)[0][0] if units else None
    if len({u for u, _ in seg.units}) > 1:
        disclosure.recognition.append(
            Problem(
                "recognize.unit",
                f"文件中出现不同的金额单位：{'、'.join(sorted({u for u, _ in seg.units}))}",
                seg.units[0][1],
                None,
            )
        )
    where = Location(document.source, line=1)
    for label, value in (("部门名称", disclosure.department), ("年度", disclosure.year), ("金额单位", disclosure.unit)):
        if value is None and (label != "金额单位" or _has_amount_tables(disclosure)):
            disclosure.recognition.append(Problem("recognize.metadata", f"未找到{label}", where, None))
    if _is_template(disclosure, texts):
        disclosure.template = True
        disclosure.recognition.append(
            Problem(
                "recognize.template",
                "这是一份空白模板（单位名称为占位符，表中没有金额），未核对其数据与完整性",
                where,
                None,
            )
        )
    if disclosure.kind == "unknown":
        disclosure.recognition.append(
            Problem("recognize.kind", "未能判断文件类型（决算、预算或绩效自评）", where, None)
        )


_PLACEHOLDER = re.compile(r"[XＸ×xｘ]{2,}|\*{2,}|某某")


def _is_template(disclosure: Disclosure, texts: list[TextBlock]) -> bool:
    """A placeholder name (上海市XX局) or a cover saying 模板, and not one non-zero amount."""
    placeholder = bool(disclosure.department and _PLACEHOLDER.search(norm(disclosure.department)))
    says_template = any("模板" in norm(t.text) for t in texts[:10])
    if not (placeholder or says_template):
        return False
    return not any(v.amount != 0 for t in disclosure.tables for r in t.rows for v in r.values.values())


def _has_amount_tables(disclosure: Disclosure) -> bool:
    return any(t.columns for t in disclosure.tables)


def _kind(disclosure: Disclosure, texts: list[TextBlock]) -> str:
    ids = {t.id for t in disclosure.tables}
    final = any(i.startswith("final.") for i in ids)
    budget = any(i.startswith("budget.") or i.startswith("performance.target") for i in ids)
    # a self-evaluation table, or the title of an evaluation report (not a mention in a sentence)
    evaluation = any(i.startswith("performance.self_evaluation") for i in ids) or any(
        len(norm(t.text)) <= 40 and _EVALUATION_TITLE.search(norm(t.text)) for t in texts
    )
    if final:
        return "final_with_performance" if evaluation else "final"
    if budget:
        return "budget"
    if evaluation:
        return "performance"
    head = "".join(norm(t.text) for t in texts[:15])
    if "决算" in head:
        return "final"
    if "预算" in head:
        return "budget"
    return "unknown"


def _year(texts: list[TextBlock], disclosure: Disclosure) -> int | None:
    """The year of the accounts: from the cover and titles first, then any `20XX年度`."""
    cover = "".join(t.text for t in texts[:8])
    if m := _YEAR.search(cover):  # the cover names the year before any comparison does
        return int(m.group(1))
    for pattern in (_YEAR, _YEAR_PAREN):
        counts = Counter(int(m.group(1)) for t in texts[:200] for m in pattern.finditer(t.text))
        for table in disclosure.tables:
            counts.update(int(m.group(1)) for m in pattern.finditer(table.title))
        if counts:
            return counts.most_common(1)[0][0]
    # a standard table's own title: "2017年政府采购预算表" (files of tables alone, no cover)
    counts = Counter(int(m.group(1)) for table in disclosure.tables if (m := _TITLE_YEAR.match(norm(table.title))))
    if counts:
        return counts.most_common(1)[0][0]
    counts = Counter(int(m.group(1)) for t in texts for m in _ANY_YEAR.finditer(t.text))
    for table in disclosure.tables:
        counts.update(int(m.group(1)) for m in _ANY_YEAR.finditer(table.title))
    return counts.most_common(1)[0][0] if counts else None


def _department(seg: Segmentation, texts: list[TextBlock], disclosure: Disclosure) -> str | None:
    # a caption value names a department when it ends like one (not "项目名称"), or is long
    counts = Counter(d for d, _ in seg.departments if _ORG_SUFFIX.search(d) or len(d) >= 6)
    if counts:
        return counts.most_common(1)[0][0]
    lines = [norm(t.text).replace("**", "") for t in texts[:30]]
    # the cover title, possibly wrapped over two to four lines ("中共上海市普陀区委" /
    # "社会工作部2024年度" / "部门决算"): the longest name found near the top. It comes
    # before a performance table's 主管部门, which is the unit's parent department
    cover = [
        m.group(1)
        for size in (1, 2, 3, 4)
        for i in range(max(0, min(len(lines), 8) - size + 1))
        if (m := _DEPT_LINE.match("".join(lines[i : i + size])))
    ]
    if cover:
        return max(cover, key=len)
    for table in disclosure.tables:
        for row in table.rows[:6]:
            cells = [c for c in (row.cells or []) if c]
            if len(cells) >= 2 and norm(cells[0]) in _PERF_DEPT:
                name = cells[1].strip().lstrip("\u3000").strip()
                if _ORG_SUFFIX.search(name) or len(name) >= 6:
                    return name
    for t in lines:
        if m := _DEPT_LINE.match(t):
            return m.group(1)
    return None
