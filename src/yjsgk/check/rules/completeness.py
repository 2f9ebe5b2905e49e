"""Completeness and compliance: what a full disclosure must contain, per profile, kind and year.

Which tables, narrative sections and glossary terms are required is data
(`data/requirements.toml`), grouped in named profiles (`national`, `hunan`, or one defined in
yjsgk.toml). These rules — and the classification-code rules in `codes.py` — run only when a
profile is active (`use_profile`): without one the checker cannot know whether a file is a
whole publication or one part of it (tables and 情况说明 are often published separately).

The text is read from the outline recognition built (`recognize.outline`): the parts headed
第X部分 / 一、 / （一） or named by a short line (名词解释), with the 目录 kept apart so the
contents never stand in for the body.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from ...definitions import table_def
from ...dictionary import classification
from ...document import Location
from ...model import Disclosure, Table
from ...narrative import Claim
from ...patterns import lazy_pattern
from ...recognize.outline import TITLE_MAX, Heading, Line, Outline, heading_key, heading_marker, heading_title
from ...recognize.segment import match_title
from ...textnorm import key, norm
from ..context import CheckContext
from ..findings import Finding, row_finding
from ..profiles import KIND_NAMES, Profile, Requirement, doc_kind, empty_subjects, printed_titles
from ..reading import (
    agreed_year,
    codes_read_reliably,
    outline_of,
    titled_years,
)
from ..registry import ANY, BUDGET, FINAL, rule


@dataclass(frozen=True, slots=True)
class _Scope:
    profile: Profile
    kind: str  # final | budget
    # the profile is the document's own (chosen, or the template family it was recognized to
    # follow): what it requires and the document lacks is a warning; else a notice
    certain: bool


def _scope(disclosure: Disclosure, ctx: CheckContext) -> _Scope:
    """The engine runs these rules only under a profile (needs_profile)."""
    kind = doc_kind(disclosure)
    profile, certain = ctx.profile_for(disclosure)
    assert profile is not None and kind is not None
    return _Scope(profile, kind, certain)


UNSURE = "（未能确定本文件所依的地方公开模板，仅作提示）"


# -- the document's text ---------------------------------------------------------------------


# -- helpers -----------------------------------------------------------------------------------


def _has_data(table: Table | None) -> bool:
    if table is None:
        return False
    return any(v.amount != 0 for row in table.rows for v in row.values.values())


def _printed_empty(table: Table, source_format: str | None) -> bool:
    """The table is printed without figures: a few blank rows, or every row printing zeros.

    Many item rows with no figure at all more likely mean the figures were not read (a PDF
    layout the reader did not follow) than an empty table; so does a PDF table of which no row
    was read at all.
    """
    labelled = [r for r in table.rows if r.name or r.code]
    if not labelled and source_format == "pdf":
        return False
    return len(labelled) <= 3 or all(r.values for r in labelled)


def _data_condition(req: Requirement, disclosure: Disclosure) -> bool:
    if req.when == "always":
        return True
    table_id = req.when.split(":", 1)[1]
    return any(_has_data(t) for t in disclosure.tables_by_id(table_id))


def _start(disclosure: Disclosure) -> Location:
    return Location(disclosure.source, line=1)


def _finding(
    rule_id: str, severity: str, message: str, disclosure: Disclosure, scope: _Scope | None = None, **kw
) -> Finding:
    """A finding; under a profile that may not be the document's own (`scope`), a notice."""
    if scope is not None and not scope.certain:
        severity, message = "notice", message + UNSURE
    kw.setdefault("location", _start(disclosure))
    return Finding(rule=rule_id, severity=severity, message=message, **kw)


SECTION_LEVEL = 3  # a required part is headed 第X部分, 一、, （一） or named (名词解释)
TOP_LEVEL = 2  # the contents list the top-level parts: 第X部分, 一、 or named


def _parts(outline: Outline) -> list[Heading]:
    """The parts of the disclosure, without the terms of the 名词解释 (十六、“三公”经费 is a term
    explained, not the part on 三公经费)."""
    parts = outline.parts()
    glossary = _glossary(parts)
    if glossary is None:
        return parts
    body = outline.body(glossary, parts)
    inside = {line.index for line in body[1:]}
    return [h for h in parts if h.line.index not in inside]


def _title_location(heading: Heading) -> Location:
    """Where the heading's title is printed (“名词解释” on the line below a bare “第四部分”)."""
    if heading.tail is not None and not heading.title:
        return heading.tail.location
    return heading.line.location


def _find_sections(parts: list[Heading], req: Requirement) -> list[Heading]:
    assert req.pattern is not None
    return [h for h in parts if h.level <= SECTION_LEVEL and req.pattern.search(h.key)]


def _text_key(lines: list[Line]) -> str:
    return key("".join(line.text for line in lines))


NARRATIVE_PARTS = 2  # a file holds the 情况说明 when it has this many of its required parts


def _has_narrative(disclosure: Disclosure, scope: _Scope) -> bool:
    """The file holds the 情况说明 (parts the profile requires, or the 名词解释); a short line
    of a table's text that names one (政府采购…) does not make one."""
    outline = outline_of(disclosure)
    if outline is None:
        return False
    parts = _parts(outline)
    required = scope.profile.select("section", scope.kind, disclosure.year)
    found = sum(1 for r in required if _find_sections(parts, r))
    return _glossary(parts) is not None or found >= NARRATIVE_PARTS


APART = "如另行公开则无需处理"


def _tables_apart(disclosure: Disclosure, scope: _Scope) -> bool:
    """The file holds the tables alone (北京 附件2 …部门预算报表, 江苏 …预算公开表格): no part of
    the 情况说明, and no 第X部分 either — a publication numbered in parts that lacks them lacks
    its 情况说明 (衡阳 2019: 公开08表, then 第五部分 附件)."""
    if not disclosure.tables or _has_narrative(disclosure, scope):
        return False
    outline = outline_of(disclosure)
    return outline is None or not any(h.level == 0 and h.marker for h in outline.parts())


# -- complete.table ----------------------------------------------------------------------------


@rule(
    "complete.table",
    "规定的公开表格齐全",
    severity="warning",
    needs_profile=True,
    kinds=FINAL + BUDGET,
    rationale="""Every table the profile requires for the kind and year must be published, even
    when it has no data (then with a note). Runs when a profile is chosen (profile in yjsgk.toml):
    the required set changes by year (公开09表 国有资本经营 from 2020) and by province.
    Without a chosen profile the document's template family applies (notices when none is recognized).""",
)
def required_tables(disclosure: Disclosure, ctx: CheckContext) -> Iterator[Finding]:
    scope = _scope(disclosure, ctx)
    profile, kind = scope.profile, scope.kind
    required = profile.select("table", kind, disclosure.year)
    present = {t.id for t in disclosure.tables}
    missing = [r for r in required if r.id not in present]
    if not missing:
        return
    year = f" {disclosure.year} 年度" if disclosure.year else ""
    if len(missing) == len(required) and len(required) > 1:
        names = "、".join(table_def(r.id).title for r in required)
        if not disclosure.tables and _has_narrative(disclosure, scope):
            # the 情况说明 alone: the tables are often a file of their own (北京: 附件1 and 附件2)
            yield _finding(
                "complete.table",
                "notice",
                f"本文件只含情况说明，未含公开表格（{APART}）：{profile.title}规定{year}{KIND_NAMES[kind]}应公开 {len(required)} 张表（{names}）。",
                disclosure,
            )
            return
        yield _finding(
            "complete.table",
            "warning",
            f"未找到任何规定的公开表格：{profile.title}规定{year}{KIND_NAMES[kind]}应公开 {len(required)} 张表（{names}）。",
            disclosure,
            scope=scope,
        )
        return
    unread = _unread_titles(disclosure)
    for req in missing:
        title = table_def(req.id).title
        number = f"（公开{req.number}表）" if req.number and req.number.isdigit() and len(req.number) == 2 else ""
        printed = printed_titles().get(req.id)
        seen = next((t for t in unread if printed is not None and printed.search(key(t))), None)
        if seen is not None:
            # a title like it is printed: the table was not read, not left out
            yield _finding(
                "complete.table",
                "notice",
                f"未能识别{title}{number}：文件印有“{seen}”，可能即此表，未能核对是否齐全。",
                disclosure,
                table=req.id,
                table_title=f"{title}{number}",
            )
            continue
        yield _finding(
            "complete.table",
            "warning",
            f"未找到{title}{number}：{profile.title}规定{year}{KIND_NAMES[kind]}应公开此表。",
            disclosure,
            scope=scope,
            table=req.id,
            table_title=f"{title}{number}",
        )


_TITLE_LIKE = lazy_pattern(r"表")
_NOT_TITLE = lazy_pattern(r"[。，,；;]")


def _unread_titles(disclosure: Disclosure) -> list[str]:
    """Title-like lines and cells (short, naming a 表, no sentence) that are no recognized table's title."""
    outline = outline_of(disclosure)
    if outline is None:
        return []
    read = {key(t.title) for t in disclosure.tables}
    listed = {line.index for line in outline.contents}  # the 目录 lists tables, it prints none
    texts = [line.text for line in outline.lines if line.index not in listed]
    texts += [text for text, _ in outline.cells]
    out: list[str] = []
    for text in texts:
        flat = " ".join(text.split())
        if len(flat) <= TITLE_MAX + 20 and _TITLE_LIKE.search(flat) and not _NOT_TITLE.search(flat):
            if key(flat) not in read and not any(k and k in key(flat) for k in read):
                out.append(flat)
    return out


# -- complete.numbering ------------------------------------------------------------------------


@rule(
    "complete.numbering",
    "表号与规定一致",
    severity="warning",
    needs_profile=True,
    kinds=FINAL + BUDGET,
    rationale="""A table printed with a number (公开05表) must carry the number the profile gives
    it: readers and auditors cite tables by number, so a swapped or shifted number sends them to
    the wrong table. Runs when a profile is chosen.""",
)
def table_numbers(disclosure: Disclosure, ctx: CheckContext) -> Iterator[Finding]:
    scope = _scope(disclosure, ctx)
    profile, kind = scope.profile, scope.kind
    for table in disclosure.tables:
        expected = profile.number(table.id, kind, disclosure.year)
        if not table.number or not expected or table.number.lstrip("0") == expected.lstrip("0"):
            continue
        if not _title_names_table(table):
            continue  # the title only contains the standard one (…“三公”经费及会议费、培训费支出决算表)
        yield _finding(
            "complete.numbering",
            "warning",
            f"{table.standard_title}印为“公开{table.number}表”，{profile.title}规定为公开{expected}表。",
            disclosure,
            scope=scope,
            table=table.id,
            table_title=table.display_name,
            location=table.location,
        )


def _title_names_table(table: Table) -> bool:
    """The printed title is (mostly) one of the table's standard titles, not a longer other one."""
    title_key = re.sub(r"^(?:附件[一二三四五六七八九十\d]+|20\d{2}年度?)", "", key(table.title))
    best = max((len(a) for a in table_def(table.id).aliases if a in title_key), default=0)
    return best * 10 >= len(title_key) * 6


# -- complete.empty-note -----------------------------------------------------------------------

_EMPTY_REASON = lazy_pattern(
    r"无数据|没有|无相关|无该项|无此项|无此类|不涉及|未发生|无发生|空表|为空|无(?:政府性基金|国有资本|.{0,12}?(?:收入|支出|拨款|收支))"
)


@rule(
    "complete.empty-note",
    "空表注明原因",
    severity="warning",
    needs_profile=True,
    kinds=FINAL + BUDGET,
    rationale="""A required table with no figures must still be published, with a note that says
    why (本单位没有政府性基金收入…，故本表无数据); a blank table without a reason reads as
    missing data. A general note covering every empty table (空表表示本部门无相关收支) counts.
    Runs when a profile is chosen.""",
)
def empty_table_note(disclosure: Disclosure, ctx: CheckContext) -> Iterator[Finding]:
    outline = outline_of(disclosure)
    general = outline is not None and any(
        "空表" in key(line.text) and _EMPTY_REASON.search(key(line.text)) for line in outline.lines
    )
    if general:
        return
    for table in disclosure.tables:
        defn = table_def(table.id)
        if (
            defn.layout == "raw"
            or not table.columns
            or _has_data(table)
            or not _printed_empty(table, disclosure.format)
        ):
            continue
        if any(_EMPTY_REASON.search(key(note)) for note in table.notes):
            continue
        if outline is not None and (_noted_on_page(outline, table) or _stated_nil(outline, table.id)):
            continue
        yield _finding(
            "complete.empty-note",
            "warning",
            f"{table.display_name}没有数据，但未注明原因（如“本单位无此项收支，故本表无数据”）。",
            disclosure,
            table=table.id,
            table_title=table.display_name,
            location=table.location,
        )


_NOTE = lazy_pattern(r"^[（(]?注")
_QUOTES = re.compile(r"[“”\"‘’'《》]")
_NIL = r"(?:为0(?![.\d])|为0?\.0+(?!\d)|为零|为空|0(?:\.0+)?万?元)"


def _noted_on_page(outline: Outline, table: Table) -> bool:
    """A note printed on the table's page says why (（注：…中没有使用政府性基金预算拨款安排的支出。）)."""
    page = table.location.page
    if page is None:
        return False
    return any(
        line.location.page == page and _NOTE.match(line.text) and _EMPTY_REASON.search(key(line.text))
        for line in outline.lines
    )


def _stated_nil(outline: Outline, table_id: str) -> bool:
    """The 情况说明 says what the table would show is nil (政府性基金拨款支出预算为0；无国有资本经营预算)."""
    subject = empty_subjects().get(table_id)
    if subject is None:
        return False
    said = re.compile(rf"{subject}[^。；;，,]{{0,16}}?{_NIL}|(?:无|没有|未安排|不涉及)[^。；;，,]{{0,8}}{subject}")
    listed = {line.index for line in outline.contents}
    text = "".join(line.text for line in outline.lines if line.index not in listed)
    return bool(said.search(_QUOTES.sub("", norm(text))))


# -- complete.section / complete.glossary -----------------------------------------------------


def _scope_with_outline(disclosure: Disclosure, ctx: CheckContext) -> tuple[_Scope, Outline] | None:
    """(scope, outline) for the rules that read the document's text."""
    outline = outline_of(disclosure)
    if outline is None:
        return None
    return _scope(disclosure, ctx), outline


@rule(
    "complete.section",
    "情况说明包含规定的部分",
    severity="warning",
    needs_profile=True,
    kinds=FINAL + BUDGET,
    rationale="""The 情况说明 restates the tables part by part (收入支出总体, 收入, 支出, 财政拨款,
    一般公共预算 总体/结构/具体, 基本支出, 三公经费, 政府性基金, 国有资本经营, 机关运行经费,
    一般性支出 会议费/培训费, 政府采购, 国有资产占用, 绩效). A part the profile requires and the
    document lacks leaves that item unexplained. Runs when a profile is chosen. Without a chosen
    profile the document's template family applies (notices when none is recognized): Shanghai's
    template has no 一般性支出 part and says 国有资产占有使用.""",
)
def required_sections(disclosure: Disclosure, ctx: CheckContext) -> Iterator[Finding]:
    found_scope = _scope_with_outline(disclosure, ctx)
    if found_scope is None:
        return
    scope, outline = found_scope
    profile, kind = scope.profile, scope.kind
    required = [r for r in profile.select("section", kind, disclosure.year) if _data_condition(r, disclosure)]
    if not required:
        return
    parts = _parts(outline)
    found = {r.id: _find_sections(parts, r) for r in required}
    missing = [r for r in required if not found[r.id]]
    summarised = len(missing) * 2 > len(required) and len(required) > 2
    if summarised and _tables_apart(disclosure, scope):
        # the tables alone: the 情况说明 is often a file of its own (北京: 附件1 and 附件2)
        names = "、".join(r.title for r in missing)
        yield _finding(
            "complete.section",
            "notice",
            f"本文件只含公开表格，未含{KIND_NAMES[kind]}情况说明（{APART}）：{profile.title}规定的 {len(required)} 个部分（{names}）。",
            disclosure,
            row="情况说明",
        )
        return
    if summarised:
        # most of the 情况说明 is absent (a fragment): one finding
        names = "、".join(r.title for r in missing)
        none = "一个也未找到" if len(missing) == len(required) else f"有 {len(missing)} 个未找到"
        yield _finding(
            "complete.section",
            "warning",
            f"{KIND_NAMES[kind]}情况说明不完整：{profile.title}规定的 {len(required)} 个部分{none}（{names}）。",
            disclosure,
            scope=scope,
            row="情况说明",
        )
    for req in required:
        if not found[req.id]:
            if not summarised:
                yield _finding(
                    "complete.section",
                    "warning",
                    f"情况说明中未找到“{req.title}”部分（{profile.title}规定）。",
                    disclosure,
                    scope=scope,
                    row=req.title,
                )
            continue
        if not req.mentions:
            continue
        text = "".join(_text_key(outline.body(h, parts)) for h in found[req.id])
        absent = [w for w in req.mentions if key(w) not in text]
        if absent:
            heading = found[req.id][0]
            yield _finding(
                "complete.section",
                "warning",
                f"“{heading.title}”部分未说明{'、'.join(absent)}。",
                disclosure,
                scope=scope,
                row=req.title,
                location=_title_location(heading),
            )


def _glossary(parts: list[Heading]) -> Heading | None:
    """The 名词解释 (专业名词解释, 专业性名词解释)."""
    return next((h for h in parts if h.key.startswith("名词解释") or h.key.endswith("名词解释")), None)


@rule(
    "complete.glossary",
    "名词解释包含规定的术语",
    severity="warning",
    needs_profile=True,
    kinds=FINAL + BUDGET,
    rationale="""The glossary (名词解释) explains the terms readers meet in the tables; the profile
    names the minimum (e.g. 财政拨款收入, 三公经费, 机关运行经费). Runs when a profile is chosen;
    without one, the terms of the document's template family (notices when none is recognized).""",
)
def glossary_terms(disclosure: Disclosure, ctx: CheckContext) -> Iterator[Finding]:
    found_scope = _scope_with_outline(disclosure, ctx)
    if found_scope is None:
        return
    scope, outline = found_scope
    profile, kind = scope.profile, scope.kind
    required = profile.select("glossary", kind, disclosure.year)
    if not required:
        return
    parts = _parts(outline)
    heading = _glossary(parts)
    if heading is None:
        if _tables_apart(disclosure, scope):
            message = f"本文件只含公开表格，未含名词解释（{APART}）。"
            yield _finding("complete.glossary", "notice", message, disclosure, row="名词解释")
            return
        yield _finding("complete.glossary", "warning", "未找到名词解释部分。", disclosure, scope, row="名词解释")
        return
    text = _text_key(outline.body(heading, parts))
    for req in required:
        for term in req.terms:
            if key(term) not in text:
                yield _finding(
                    "complete.glossary",
                    "warning",
                    f"名词解释未解释“{term}”。",
                    disclosure,
                    scope=scope,
                    row="名词解释",
                    location=_title_location(heading),
                )


# -- complete.detail ---------------------------------------------------------------------------

_DIGIT = lazy_pattern(r"[0-9]")
DETAIL = {
    "final.general_budget_expenditure": (7, "项", "一般公共预算支出应细化到项级科目（7位编码）"),
    "budget.general_budget_expenditure": (7, "项", "一般公共预算支出应细化到项级科目（7位编码）"),
    "final.general_budget_basic": (5, "款", "基本支出应细化到经济分类款级科目（5位编码）"),
    "budget.general_budget_basic": (5, "款", "基本支出应细化到经济分类款级科目（5位编码）"),
}


@rule(
    "complete.detail",
    "支出细化到规定的科目级次",
    severity="warning",
    needs_profile=True,
    kinds=FINAL + BUDGET,
    rationale="""一般公共预算 expenditure is published down to 项 (7-digit function codes) and
    basic expenditure down to 款 (5-digit economic codes). A 类 or 款 row with an amount and no
    rows below it hides where the money went. Runs when a profile is chosen.""",
)
def detail_level(disclosure: Disclosure, ctx: CheckContext) -> Iterator[Finding]:
    for table in disclosure.tables:
        if table.id not in DETAIL:
            continue
        depth, level, why = DETAIL[table.id]
        if not codes_read_reliably(table, table_def(table.id).codes or ""):
            continue
        coded = table.coded_rows()
        codes = [r.code for r in coded]
        for row in coded:
            code = row.code or ""
            if len(code) >= depth or not any(v.amount != 0 for v in row.values.values()):
                continue
            if any(len(c or "") > len(code) and (c or "").startswith(code) for c in codes):
                continue  # its children are listed (their own depth is judged on their rows)
            if row is coded[-1] and not table.notes:
                continue  # the table may go on where the reader lost it (no closing note)
            if _DIGIT.search(row.name):
                continue  # amounts read into the name: the row was not read cleanly
            if not classification(table_def(table.id).codes or "function").children(code):
                continue  # no 项 (款) below it that we know of: 219 援助其他地区支出 › 21999 其他支出 ends at 款
            amount = next((v for v in row.values.values() if v.amount != 0), None)
            shown = f"（{amount.text} {table.unit or disclosure.unit or ''}）".replace(" ）", "）") if amount else ""
            message = f"{table.display_name}中 {row.label}{shown}没有列出下级{level}级科目：{why}。"
            yield row_finding("complete.detail", "warning", message, table, row, "科目编码")


# -- complete.placeholder ----------------------------------------------------------------------

PLACEHOLDERS = re.compile(
    r"(?<![A-Za-z])(?:[XＸ×]{2,}|[xｘ]{2,})(?![A-Za-z])|……|如持平作持平表述|不涉及的不列|待补充|此处填写|请填写"
    r"|待填写|[（(【\[]\s*[待略]\s*[)）】\]]|[{｛][^{}｛｝\s]{1,8}[}｝]|某某"  # 待填写, （待）, （略）, [待], {单位}, 某某
)
_LEADER = lazy_pattern(r"(?:[.．…·]{3,}|…{2,})\s*\d+\s*$")  # contents dot leaders before a page number
PAGE_GROUP = 3  # placeholders on one page from this many on: one finding for the page


@rule(
    "complete.placeholder",
    "未留模板占位内容",
    severity="warning",
    needs_profile=True,
    kinds=ANY,
    rationale="""Templates carry placeholders (XX, ……, 如持平作持平表述, 不涉及的不列, 待补充, 待填写,
    （待）, （略）, [待], {单位}, 某某) that the
    department replaces with its own text. One left in print means a sentence or a score standard
    was never filled in. Runs when a profile is chosen.""",
)
def placeholders(disclosure: Disclosure, ctx: CheckContext) -> Iterator[Finding]:
    outline = outline_of(disclosure)
    if outline is None:
        return
    contents = {line.index for line in outline.contents}
    texts = [(line.text, line.location) for line in outline.lines if line.index not in contents]
    texts += outline.cells
    seen: set[tuple] = set()
    rows_by_line = {
        _order(r.location): (t, r) for t in disclosure.tables for r in t.rows if r.location and r.location.line
    }
    hits: list[tuple[list[str], str, Location]] = []
    for text, location in sorted(texts, key=lambda tl: (*_order(tl[1]), tl[1].column or 0)):
        flat = " ".join(text.split())
        if _LEADER.search(flat):
            continue
        tokens = sorted({m.group(0) for m in PLACEHOLDERS.finditer(flat)})
        if not tokens or (_order(location), tuple(tokens)) in seen:
            continue
        seen.add((_order(location), tuple(tokens)))
        first = PLACEHOLDERS.search(flat)
        assert first is not None
        hits.append((tokens, flat[max(0, first.start() - 30) : first.end() + 30], location))
    pages = Counter(location.page for _, _, location in hits if location.page is not None)
    reported: set[int] = set()
    for tokens, excerpt, location in hits:
        owner = rows_by_line.get(_order(location))
        page = location.page
        if page is not None and pages[page] >= PAGE_GROUP:
            # a form printed blank (指标1：… ……): one finding for the page, not one per line
            if page in reported:
                continue
            reported.add(page)
            words = sorted({t for ts, _, loc in hits if loc.page == page for t in ts})
            message = (
                f"第{page}页留有模板占位符{'、'.join(f'“{t}”' for t in words)} {pages[page]} 处"
                f"（似为未填写的模板表格），如：“{excerpt}”。"
            )
        else:
            message = f"{_where(location)}留有模板占位符{'、'.join(f'“{t}”' for t in tokens)}：“{excerpt}”。"
        yield _finding(
            "complete.placeholder",
            "warning",
            message,
            disclosure,
            table=owner[0].id if owner else None,
            table_title=owner[0].display_name if owner else None,
            location=location,
        )


# -- complete.year-unit ------------------------------------------------------------------------

_SENTENCE = lazy_pattern(r"[。，,；;！？]")


@rule(
    "complete.year-unit",
    "年度与金额单位标注一致",
    severity="warning",
    needs_profile=True,
    kinds=FINAL + BUDGET,
    rationale="""The cover, contents, table titles and narrative headings name the year of the
    accounts, and every amount table states its money unit. A title carrying another year is a
    leftover of last year's document; a table without 单位 cannot be read. Runs when a profile is chosen.""",
)
def year_and_unit(disclosure: Disclosure, ctx: CheckContext) -> Iterator[Finding]:
    for table in disclosure.tables:
        defn = table_def(table.id)
        if defn.layout != "raw" and table.columns and table.unit is None:
            yield _finding(
                "complete.year-unit",
                "warning",
                f"{table.display_name}未标明金额单位。",
                disclosure,
                table=table.id,
                table_title=table.display_name,
                column="金额单位",
                location=table.location,
            )
    titled = titled_years(disclosure)
    year = agreed_year(titled, disclosure.year)
    if year is None:
        return
    reported: set[tuple[int, int]] = set()
    for text, location, years in titled:
        wrong = [y for y in years if y != year]
        if not wrong or _order(location) in reported:
            continue
        reported.add(_order(location))
        yield _finding(
            "complete.year-unit",
            "warning",
            f"{_where(location)}“{text.strip()}”所印年度 {wrong[0]} 与文件年度 {year} 不一致。",
            disclosure,
            column="年度",
            location=location,
        )


# -- complete.contents-order -------------------------------------------------------------------


def _contents_item(text: str, profile: Profile, kind: str, year: int | None) -> tuple[str, str] | None:
    """('table', id) or ('section', id) for a contents entry."""
    defn = match_title(text)
    if defn is not None:
        return "table", defn.id
    found = heading_marker(text)
    k = heading_key(heading_title(found[2] if found else text))
    if k.endswith("表"):
        return None  # a table this reader does not know, never a narrative section
    if k.startswith("名词解释"):
        return "section", "glossary"
    for req in profile.select("section", kind, year):
        if req.pattern is not None and req.pattern.search(k):
            return "section", req.id
    return None


@rule(
    "complete.contents-order",
    "目录与正文一致",
    severity="warning",
    needs_profile=True,
    kinds=FINAL + BUDGET,
    rationale="""The contents page lists the tables and sections in the order the body prints
    them. A table listed but absent, or printed in another order, sends the reader looking in the
    wrong place and often means a part was dropped or pasted twice. Runs when a profile is chosen.""",
)
def contents_order(disclosure: Disclosure, ctx: CheckContext) -> Iterator[Finding]:
    found_scope = _scope_with_outline(disclosure, ctx)
    if found_scope is None:
        return
    scope, outline = found_scope
    profile, kind = scope.profile, scope.kind
    if not outline.contents:
        return
    body: dict[tuple[str, str], Location] = {}
    for table in disclosure.tables:
        body.setdefault(("table", table.id), table.location)
    parts = _parts(outline)
    glossary = _glossary(parts)
    if glossary is not None:
        body[("section", "glossary")] = glossary.line.location
    for req in profile.select("section", kind, disclosure.year):
        # contents list top-level parts: position them by 一、/第X部分/unnumbered headings only
        hits = [h for h in _find_sections(parts, req) if h.level <= TOP_LEVEL]
        if hits:
            body[("section", req.id)] = hits[0].line.location
    listed: list[tuple[tuple[str, str], str, Location]] = []
    for text, location in _contents_entries(outline):
        item = _contents_item(text, profile, kind, disclosure.year)
        if item is not None and all(item != x[0] for x in listed):
            listed.append((item, text, location))
    absent = [(item, text, location) for item, text, location in listed if item[0] == "table" and item not in body]
    if not disclosure.tables:
        absent = []  # the 情况说明 alone: its 目录 lists the tables of their own file
    if len(absent) > 2:
        names = "、".join(f"“{text}”" for _, text, _ in absent)
        yield _finding(
            "complete.contents-order",
            "warning",
            f"目录列出的 {len(absent)} 张表正文中未找到：{names}。",
            disclosure,
            scope=scope,
            location=absent[0][2],
        )
        absent = []
    for item, text, location in absent:
        yield _finding(
            "complete.contents-order",
            "warning",
            f"目录列出“{text}”，正文中未找到该表。",
            disclosure,
            scope=scope,
            table=item[1],
            location=location,
        )
    present = [(item, text, location) for item, text, location in listed if item in body]
    for (a, a_text, a_loc), (b, b_text, _) in zip(present, present[1:], strict=False):
        if _order(body[a]) > _order(body[b]):
            yield _finding(
                "complete.contents-order",
                "warning",
                f"目录中“{a_text}”列在“{b_text}”之前，正文中顺序相反（正文{_where(body[b])}、{_where(body[a])}）。",
                disclosure,
                scope=scope,
                location=a_loc,
            )


CONTINUATION_MAX = 12
_ENTRY_LEADER = lazy_pattern(r"\s*(?:[.．…·]{3,}|…{2,})\s*\d*\s*$")  # dot leaders, a page number


def _contents_entries(outline: Outline) -> list[tuple[str, Location]]:
    """The 目录 entries, an entry broken over two lines joined (“十一、…会议费、培训费支” / “出预算表”)."""
    out: list[tuple[str, Location]] = []
    for line in outline.contents:
        text = _ENTRY_LEADER.sub("", line.text).strip()
        if (
            out
            and heading_marker(text) is None
            and len(text) <= CONTINUATION_MAX
            and heading_marker(out[-1][0]) is not None
            and not _ENTRY_LEADER.search(outline.lines[line.index - 1].text)
        ):
            out[-1] = (out[-1][0] + text, out[-1][1])
            continue
        out.append((text, line.location))
    return out


def _order(location: Location) -> tuple[int, int]:
    return (location.page or 0, location.line or 0)


def _where(location: Location) -> str:
    page = f"第{location.page}页" if location.page is not None else ""
    return f"{page}第{location.line}行" if location.line is not None else page or "开头"


# -- complete.budget-variance ------------------------------------------------------------------

_DETAIL_SECTION = lazy_pattern(r"^(一般公共预算)?财政拨款支出决算具体情况")
ITEM_LEVEL = 4  # the 项 of the section are numbered 1、2、…
_REASON = lazy_pattern(r"原因")


@dataclass(slots=True)
class _Item:
    heading: Heading
    text: str  # the item's lines, joined
    code: str | None = None
    initial: Decimal | None = None  # 年初预算, in 万元
    final: Decimal | None = None  # 决算数, in 万元


def _wan(claim: Claim) -> Decimal | None:
    return claim.in_unit("万元") if claim.money else None


@rule(
    "complete.budget-variance",
    "决算与年初预算不同的项均有说明",
    severity="warning",
    needs_profile=True,
    kinds=FINAL,
    rationale="""The 财政拨款支出决算具体情况 explains, 项 by 项, why the final amount differs from
    the initial budget (决算数大于/小于年初预算数的主要原因是…). A 项 of 公开05表 left out while
    the listed 项 already account for the whole initial budget has an initial budget of zero and
    a final amount that is not, so its difference goes unexplained; a listed 项 whose two amounts
    differ needs its reason. Runs when a profile is chosen.""",
)
def budget_variance(disclosure: Disclosure, ctx: CheckContext) -> Iterator[Finding]:
    outline = outline_of(disclosure)
    table = disclosure.table("final.general_budget_expenditure")
    if outline is None or table is None:
        return
    parts = _parts(outline)
    heading = next((h for h in parts if h.level <= SECTION_LEVEL and _DETAIL_SECTION.search(h.key)), None)
    if heading is None:
        return
    lines = outline.body(heading, parts)
    end = lines[-1].index + 1
    numbered = [h for h in outline.headings if h.level == ITEM_LEVEL and heading.line.index < h.line.index < end]
    bounds = [h.line.index for h in numbered] + [end]
    items = [
        _Item(h, "".join(line.text for line in outline.lines[start:stop]))
        for h, start, stop in zip(numbered, bounds, bounds[1:], strict=False)
    ]
    # the narrative's claims, by the item (or the introduction before the items) they are printed in
    line_of = {line.location: line.index for line in lines}
    intro_total: Decimal | None = None
    for claim in disclosure.claims:
        index = line_of.get(claim.location)
        if index is None or claim.kind != "amount":
            continue
        if index < bounds[0]:
            if intro_total is None and claim.measure == "budget":
                intro_total = _wan(claim)
            continue
        item = next(i for i, stop in zip(items, bounds[1:], strict=True) if index < stop)
        subject = claim.subject or ""
        if not subject.startswith("item."):
            continue
        if item.code not in (None, subject[5:]):
            return  # one item naming two 项: no conclusion
        item.code = subject[5:]
        if claim.measure == "budget" and item.initial is None:
            item.initial = _wan(claim)
        elif claim.measure in ("amount", "final") and item.final is None:
            item.final = _wan(claim)
    xiang_rows = [r for r in table.coded_rows() if len(r.code or "") == 7]
    codes = {r.code for r in xiang_rows}
    matched: dict[str, _Item] = {}
    for item in items:
        if item.code not in codes or item.initial is None or item.final is None or item.code in matched:
            return  # an item this rule cannot read (or a 项 of no 公开05表 row): no conclusion
        matched[item.code or ""] = item
    for code, item in matched.items():
        if item.initial != item.final and not _REASON.search(item.text):
            row = table.find(code=code)
            yield _finding(
                "complete.budget-variance",
                "warning",
                f"一般公共预算财政拨款支出决算具体情况中 {row.label if row else code} 的决算数 {item.final} 万元与年初预算 {item.initial} 万元不同，但未说明原因。",
                disclosure,
                table=table.id,
                table_title=table.display_name,
                row=row.label if row else code,
                location=item.heading.line.location,
            )
    if intro_total is None or not matched:
        return
    initial_total = intro_total
    listed_initial = sum((i.initial or Decimal(0) for i in matched.values()), Decimal(0))
    unlisted = [
        r for r in xiang_rows if r.code not in matched and "total" in r.values and r.values["total"].amount != 0
    ]
    if not unlisted:
        return
    rest_initial = initial_total - listed_initial
    rest_final = sum((r.values["total"].amount for r in unlisted), Decimal(0))
    bound = Decimal("0.005") * (len(unlisted) + len(matched) + 2)
    if abs(rest_final - rest_initial) <= bound:
        return
    names = "、".join(r.label for r in unlisted)
    finals = "、".join(f"{r.values['total'].text}万元" for r in unlisted)
    if rest_initial == 0:
        why = (
            f"说明所列各项年初预算已合计 {listed_initial} 万元（等于年初预算总数 {initial_total} 万元），"
            f"未列出的项年初预算应为 0，决算数{finals}与之不同"
        )
    else:
        why = (
            f"未列出的项年初预算合计应为 {rest_initial} 万元（总数 {initial_total} 减所列各项 {listed_initial}），"
            f"决算数合计 {rest_final} 万元与之不同"
        )
    yield _finding(
        "complete.budget-variance",
        "warning",
        f"一般公共预算财政拨款支出决算具体情况未说明 {names}：{why}。",
        disclosure,
        table=table.id,
        table_title=table.display_name,
        row=unlisted[0].label if len(unlisted) == 1 else None,
        expected=rest_initial,
        found=rest_final,
        difference=rest_final - rest_initial,
        location=heading.line.location,
    )
