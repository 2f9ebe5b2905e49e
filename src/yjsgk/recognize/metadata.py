"""Document kind, department, year and money unit: found where printed, never invented."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ..document import Document, Location, TextBlock
from ..model import Disclosure, Table
from ..patterns import lazy_pattern
from ..textnorm import norm
from . import problems
from .segment import Segmentation

_YEAR = re.compile(
    r"(20\d{2})\s*年\s*(?:度)?\s*(?:[省市区县]级)?\s*(?:部门|单位)?\s*(?:整体)?\s*(?:支出)?\s*(决算|预算|绩效|部门决算|部门预算)"
)
_YEAR_PAREN = re.compile(r"[（(]\s*(20\d{2})\s*年度?\s*[)）]")
_ANY_YEAR = lazy_pattern(r"(20\d{2})\s*年度")
_TITLE_YEAR = lazy_pattern(r"^(?:[一二三四五六七八九十]+、|表\d+[:：]?)?(20\d{2})年")
_ORG_SUFFIX = lazy_pattern(
    r"(局|厅|委员会|委|办公室|办公厅|院|中心|部|会|所|站|队|馆|校|学院|政府|办事处|街道|法院|检察院|处|联|协|室|园|办|社|台)"
    r"(?:[（(][\u4e00-\u9fff]{1,20}[)）])?$"
)
# A name is words, not a sentence or glued headings: CJK characters, a bracketed qualifier
# (（本级）), the party's ·, a template's placeholder (上海市XX局); no punctuation, digits or
# ordinals (一、主要职能二、…)
_NAME = re.compile(
    r"^(?!目录|附件|附表|说明|第[一二三四五六七八九十]+[部章节])[\u4e00-\u9fff·X×]+(?:[（(][\u4e00-\u9fff]{1,20}[)）])?$"
)
# The document's title for itself, on its cover or as a heading: [year] NAME [year] 部门预算…
# ("2026年度 / 福州市民政局(本级) / 单位预算", "北京市统计局部门 2026 年度 / 部门预算信息公开",
# "附件：北京市气象局 2026 年度部门预算报表", "第二部分 上海市XX局2024年度部门决算表",
# "2023年度长沙市公安局交通警察支队 / 专项资金绩效评价结果")
_TITLE = lazy_pattern(
    r"^(?:附件\d*[：:]?|第[一二三四五六七八九十]+部分)?(?:(20\d{2})年度?)?"
    r"([\u4e00-\u9fff·X×]{1,40}?"
    r"(?:局|厅|委员会|委|办公室|办公厅|院|中心|部|会|所|站|队|馆|校|学院|政府|办事处|街道|法院|检察院|处|联|协|室|园|办|社|台)"
    r"(?:[（(][\u4e00-\u9fff]{1,20}[)）])?)"
    r"(?:部门|单位)?(?:(20\d{2})(?:年度?)?)?(?:[省市区县]级)?(?:部门|单位)?(?:整体)?(?:支出)?"
    r"(?:预算|决算|(?:专项资金|项目支出|项目)?绩效(?:自评|评价))"
    r"[\u4e00-\u9fff（）()“”]{0,20}$"
)
_BARE_NAME = lazy_pattern(r"^(?:20\d{2}年度?)?(.{2,40}?)(?:20\d{2}年度?)?$")
COVER_LINES = 8  # the cover title is among the first lines
_EVALUATION_TITLE = lazy_pattern(r"绩效(?:自评|评价)(?:报告|表)")
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
                problems.UNIT.id,
                f"文件中出现不同的金额单位：{'、'.join(sorted({u for u, _ in seg.units}))}",
                seg.units[0][1],
                None,
            )
        )
    where = Location(document.source, line=1)
    for label, value in (("部门名称", disclosure.department), ("年度", disclosure.year), ("金额单位", disclosure.unit)):
        if value is None and (label != "金额单位" or _has_amount_tables(disclosure)):
            disclosure.recognition.append(Problem(problems.METADATA.id, f"未找到{label}", where, None))
    if _is_template(disclosure, texts):
        disclosure.template = True
        disclosure.recognition.append(
            Problem(
                problems.TEMPLATE.id,
                "这是一份空白模板（单位名称为占位符，表中没有金额），未核对其数据与完整性",
                where,
                None,
            )
        )
    if disclosure.kind == "unknown":
        disclosure.recognition.append(
            Problem(problems.KIND.id, "未能判断文件类型（决算、预算或绩效自评）", where, None)
        )


_PLACEHOLDER = lazy_pattern(r"[XＸ×xｘ]{2,}|\*{2,}|某某")


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


def _fold(text: str) -> str:
    """`norm` for reading a title, but the printed brackets kept: 福州市民政局(本级), 深圳市公安局（本级）."""
    return "".join(c if c in "（）" else norm(c) for c in text).replace("**", "")


def _cover_title(texts: list[TextBlock]) -> re.Match[str] | None:
    """The title on the cover: among the first lines, wrapped over up to four lines of one page
    ("中共上海市普陀区委" / "社会工作部2024年度" / "部门决算"). The longest name read wins, since
    a wrapped name's tail also reads as a name (社会工作部)."""
    lines = [(_fold(t.text), t.location.page) for t in texts[:COVER_LINES]]
    found = [
        m
        for size in (1, 2, 3, 4)
        for i in range(len(lines) - size + 1)
        if len({page for _, page in lines[i : i + size]}) == 1
        and (m := _TITLE.match("".join(text for text, _ in lines[i : i + size])))
        and _NAME.match(m.group(2))
    ]
    return max(found, key=lambda m: len(m.group(2)), default=None)


def _year(texts: list[TextBlock], disclosure: Disclosure) -> int | None:
    """The year of the accounts: from the cover and titles first, then any `20XX年度`."""
    if (cover := _cover_title(texts)) and (printed := cover.group(1) or cover.group(3)):
        return int(printed)  # "2026 年深圳市市场监督管理局深汕监管局部门预算"
    cover_text = "".join(t.text for t in texts[:COVER_LINES])
    if m := _YEAR.search(cover_text):  # the cover names the year before any comparison does
        return int(m.group(1))
    # a title's year: "2024年度部门决算" near the top, "（2026年度）" under a table's title anywhere
    for pattern, lines in ((_YEAR, texts[:200]), (_YEAR_PAREN, texts)):
        counts = Counter(int(m.group(1)) for t in lines for m in pattern.finditer(t.text))
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


def _is_name(text: str) -> bool:
    """A department's name, not a sentence, a heading or glued heading text."""
    name = norm(text)
    return bool(_NAME.match(name)) and (bool(_ORG_SUFFIX.search(name)) or len(name) >= 6)


def _department(seg: Segmentation, texts: list[TextBlock], disclosure: Disclosure) -> str | None:
    """The name the document prints for itself: its cover title first, then the 部门名称/编制单位
    captions of its tables, a performance table's 部门名称, a title line anywhere
    ("附件：北京市气象局 2026 年度部门预算报表" in a 情况说明 without a cover), a name alone on a
    line near the top. Never a sentence or glued headings (see `_NAME`)."""
    if cover := _cover_title(texts):
        return cover.group(2)
    counts = Counter(d for d, _ in seg.departments if _is_name(d))
    if counts:
        return counts.most_common(1)[0][0]
    for table in disclosure.tables:
        for row in table.rows[:6]:
            cells = [c for c in (row.cells or []) if c]
            if len(cells) >= 2 and norm(cells[0]) in _PERF_DEPT:
                name = cells[1].strip().lstrip("\u3000").strip()
                if _is_name(name):
                    return name
    titles = Counter(
        m.group(2)
        for t in texts
        if (m := _TITLE.match(_fold(t.text))) and (m.group(1) or m.group(3)) and _NAME.match(m.group(2))
    )
    if titles:
        return titles.most_common(1)[0][0]
    # a name alone on a line near the top ("2023年度长沙市公安局交通警察支队" over "专项资金…")
    for t in texts[:30]:
        line = _fold(t.text)
        if (m := _BARE_NAME.match(line)) and _NAME.match(m.group(1)) and _ORG_SUFFIX.search(m.group(1)):
            return m.group(1)
    return None
