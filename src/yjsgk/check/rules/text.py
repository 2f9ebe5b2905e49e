"""Text-level slips of the printed narrative: what a reviewer finds by eye.

Doubled punctuation (。。), a doubled word (用于用于), a rate without its percent sign
(增长13.95。), the template's alternatives left in (增加（减少）), and a year-end date that is
not the document's (截至2026年12月31日 in a 2026 budget). They are read on the outline's text
lines as printed — page furniture (running headers) and the 目录 left out — and across a line
break only where the break falls inside a sentence, so a title glued to the next line by the
reader (…部门预算公开 / 公开01表…) is never taken for a doubled word.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from ...amounts import parse_amount
from ...document import Location
from ...model import Disclosure, Row, Table, Value
from ...narrative.link import cells_for, printed_once
from ...narrative.model import MONEY_UNITS
from ...narrative.text import tidy
from ...narrative.vocabulary import RATE_WORDS, TEMPLATE_ALTERNATIVES
from ...textnorm import key as key_of
from ..compare import fmt, half_unit, within_bound
from ..context import CheckContext
from ..findings import Finding
from ..reading import document_year, outline_of
from ..registry import BUDGET, FINAL, rule

_TERMINATORS = "。！？!?；;：:"
_PROSE = re.compile(r"[。，,；;！？]")
_EXCERPT = 18  # characters quoted on each side of a slip


@dataclass(slots=True)
class _Line:
    text: str
    location: Location
    prose: bool  # it holds sentence punctuation or runs long: a line of a paragraph, not a title


def _text_lines(disclosure: Disclosure) -> list[_Line]:
    """The printed text lines: page furniture and the 目录 left out."""
    outline = outline_of(disclosure)
    if outline is None:
        return []
    contents = {line.index for line in outline.contents}
    out = []
    for line in outline.lines:
        if line.running or line.index in contents:
            continue
        text = line.text.strip()
        if not text:
            continue
        out.append(_Line(text, line.location, bool(_PROSE.search(text)) or len(text) >= 30))
    return out


def _joined(lines: list[_Line]) -> Iterator[tuple[str, int, _Line, _Line | None]]:
    """(text, where the second line starts or -1, first line, second line): each line alone, and
    each line with the next where the break falls inside a sentence of a paragraph (the first
    line is prose and does not end one)."""
    for i, line in enumerate(lines):
        yield line.text, -1, line, None
        if i + 1 >= len(lines):
            continue
        nxt = lines[i + 1]
        if not line.prose or line.text[-1] in _TERMINATORS:
            continue
        if line.location.page != nxt.location.page and line.location.page is not None:
            continue  # a page break: headers and footers may sit between
        yield line.text + nxt.text, len(line.text), line, nxt


def _excerpt(text: str, start: int, end: int) -> str:
    left = text[max(0, start - _EXCERPT) : start]
    right = text[end : end + _EXCERPT]
    return tidy(
        f"{'…' if start > _EXCERPT else ''}{left}{text[start:end]}{right}{'…' if end + _EXCERPT < len(text) else ''}"
    )


def _where(location: Location) -> str:
    return f"第{location.page}页" if location.page is not None else ""  # a text file: the finding names its line


def _spans_break(start: int, end: int, cut: int) -> bool:
    """A match of a joined text that crosses the line break (those within one line are found
    on that line alone)."""
    return cut >= 0 and start < cut < end


def _finding(message: str, location: Location, *, severity: str = "", row: str | None = None) -> Finding:
    return Finding(message=message, severity=severity, row=row, location=location)


# -- text.punctuation --------------------------------------------------------------------------

# two marks of a sentence's punctuation in a row: 。。 ，， 、、 ；； and mixed ，。 。，
_DOUBLE_MARK = re.compile(r"[。，、；,][。，、；,]")


@rule(
    "text.punctuation",
    "标点不重复",
    severity="warning",
    rationale="""Two sentence marks in a row (。。, ，，, 、、, ，。) are a slip of editing: a clause
    deleted or a mark typed twice. Dot leaders of the 目录 (……) and ellipses are not sentence
    marks and are never reported.""",
)
def doubled_punctuation(disclosure: Disclosure, ctx: CheckContext) -> Iterator[Finding]:
    seen: set[tuple] = set()
    for text, cut, line, _nxt in _joined(_text_lines(disclosure)):
        for m in _DOUBLE_MARK.finditer(text):
            if cut >= 0 and not _spans_break(m.start(), m.end(), cut):
                continue
            mark = (line.location.page, line.location.line, m.group(0), m.start())
            if mark in seen:
                continue
            seen.add(mark)
            yield _finding(
                f"{_where(line.location)}标点重复“{m.group(0)}”：“{_excerpt(text, m.start(), m.end())}”。",
                line.location,
                row=m.group(0),
            )


# -- text.repeated-word ------------------------------------------------------------------------

_DOUBLED = re.compile(r"([\u4e00-\u9fff]{2,4})\1")
_CJK = re.compile(r"[\u4e00-\u9fff]")


class _Printed:
    """How often a run of characters is printed in the document's lines (a word of the document
    is printed elsewhere too; 空航 of 低空航空航天 is not). Counted on demand: doublings are rare."""

    def __init__(self, lines: list[_Line]) -> None:
        self.text = "\n".join(line.text for line in lines)
        self.cache: dict[str, int] = {}

    def __getitem__(self, chunk: str) -> int:
        if chunk not in self.cache:
            self.cache[chunk] = _overlapping(self.text, chunk)
        return self.cache[chunk]


def _overlapping(text: str, chunk: str) -> int:
    count, start = 0, text.find(chunk)
    while start >= 0:
        count += 1
        start = text.find(chunk, start + 1)
    return count


@rule(
    "text.repeated-word",
    "词语不重复",
    severity="warning",
    rationale="""A word printed twice in a row (预算预算, 用于用于, 万元万元) is a slip of editing.
    Only a word the document prints elsewhere counts (so 低空航空航天 is not 空航 twice), and only
    within a sentence. When the second copy may start a compound and the first end one
    (在职人员人员经费: 在职人员 + 人员经费), the doubling may be meant and is a notice.
    Single characters (一一, 常常) are never reported.""",
)
def repeated_word(disclosure: Disclosure, ctx: CheckContext) -> Iterator[Finding]:
    lines = _text_lines(disclosure)
    counts = _Printed(lines)
    seen: set[tuple] = set()
    for text, cut, line, _nxt in _joined(lines):
        for m in _DOUBLED.finditer(text):
            if cut >= 0 and not _spans_break(m.start(), m.end(), cut):
                continue
            word = m.group(1)
            elsewhere = counts[word] - 2 * counts[word * 2] - (2 if cut >= 0 else 0)
            if elsewhere < 1:
                continue  # the word is printed only here: not a word of the document
            before, after = text[max(0, m.start() - 2) : m.start()], text[m.end() : m.end() + 2]
            compound = len(after) == 2 and counts[word + after] > 1 and len(before) == 2 and counts[before + word] > 1
            mark = (line.location.page, line.location.line, word, m.start() - max(cut, 0))
            if mark in seen:
                continue
            seen.add(mark)
            hint = "（前后可能各成一词，请核对）" if compound else ""
            yield _finding(
                f"{_where(line.location)}词语重复“{word}{word}”{hint}：“{_excerpt(text, m.start(), m.end())}”。",
                line.location,
                severity="notice" if compound else "",
                row=word + word,
            )


# -- text.percent-sign -------------------------------------------------------------------------

_NUMBER = r"([0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?)(?![0-9.,，]?[0-9])"
_NUMBER_AFTER = rf"(?:为|了|达到?|是)?\s*{_NUMBER}"
# a rate word right before a number that no unit follows: 增长13.95。 占总支出的45.2，
_RATE = re.compile(
    rf"(?:{RATE_WORDS})\s*{_NUMBER_AFTER}(?=\s*(?:[。，；;,）)]|$))"
    rf"|占[^。，；;,%％0-9]{{1,24}}?(?:的|比[重例]为?)\s*{_NUMBER}(?=\s*(?:[。，；;,）)]|$))"
)


@rule(
    "text.percent-sign",
    "百分比带百分号",
    severity="warning",
    rationale="""A rate printed without its percent sign (增长13.95。, 占总支出的45.2，) leaves the
    reader guessing whether a rate, an amount or a count is meant. Reported when a rate word
    (增长, 下降, 增幅, 降幅, 执行率, 完成率, 占…的) is followed by a bare number and the sentence goes
    on with a mark, not a unit.""",
)
def percent_sign(disclosure: Disclosure, ctx: CheckContext) -> Iterator[Finding]:
    for text, cut, line, _nxt in _joined(_text_lines(disclosure)):
        for m in _RATE.finditer(text):
            if cut >= 0 and not _spans_break(m.start(), m.end(), cut):
                continue
            number = m.group(1) or m.group(2)
            yield _finding(
                f"{_where(line.location)}比率“{number}”缺少百分号：“{_excerpt(text, m.start(), m.end())}”。",
                line.location,
                row=number,
            )


# -- text.template-alternative -----------------------------------------------------------------

_ALTERNATIVE = re.compile(TEMPLATE_ALTERNATIVES)


@rule(
    "text.template-alternative",
    "未保留模板的备选表述",
    severity="warning",
    rationale="""The template offers both directions of a change — 增加（减少）, 增长（下降）,
    大于（小于）, （持平） — for the department to keep the one that applies. Both printed
    (较上年增加（减少）0 万元) means the sentence was never edited.""",
)
def template_alternative(disclosure: Disclosure, ctx: CheckContext) -> Iterator[Finding]:
    seen: set[tuple] = set()
    for text, cut, line, _nxt in _joined(_text_lines(disclosure)):
        for m in _ALTERNATIVE.finditer(text):
            if cut >= 0 and not _spans_break(m.start(), m.end(), cut):
                continue
            if (line.location.page, line.location.line) in seen:
                continue
            seen.add((line.location.page, line.location.line))
            yield _finding(
                f"{_where(line.location)}留有模板的备选表述“{m.group(0)}”：“{_excerpt(text, m.start(), m.end())}”。",
                line.location,
                row=m.group(0),
            )


# -- text.year-end -----------------------------------------------------------------------------

_YEAR_END = re.compile(
    r"(?<![比与较同])截[至止]到?\s*(20[0-9]{2}|上一?年|本年|当年)\s*(?:年度?)?\s*"
    r"(?:12\s*月\s*31\s*日|12\s*月\s*(?:末|底)|年末|年底)"
)


@rule(
    "text.year-end",
    "年末时点与文件年度一致",
    severity="warning",
    kinds=FINAL + BUDGET,
    rationale="""A final account states its assets and vehicles as at the end of its own year
    (截至2023年12月31日 in the 2023 final account); a budget, prepared before its year starts, as
    at the end of the year before. A year-end of another year — 截至上年12月31日 or 截至2022年12月31日
    in a 2023 final account, 截至2026年12月31日 in a 2026 budget — is a date left over from another
    year's document. Other dates (截至2025年8月31日, a project's start) are not judged.""",
)
def year_end(disclosure: Disclosure, ctx: CheckContext) -> Iterator[Finding]:
    year = document_year(disclosure)
    if year is None:
        return
    final = disclosure.kind in FINAL
    expected = year if final else year - 1
    seen: set[tuple] = set()
    for text, cut, line, _nxt in _joined(_text_lines(disclosure)):
        for m in _YEAR_END.finditer(text):
            if cut >= 0 and not _spans_break(m.start(), m.end(), cut):
                continue
            token = m.group(1)
            if token.isdigit():
                printed = int(token)
            elif token.startswith("上"):
                printed = year - 1
            else:
                printed = year
            if printed == expected:
                continue
            if not final and printed < expected:
                continue  # a budget may cite an earlier year-end (a project's progress)
            if (line.location.page, line.location.line, m.group(0)) in seen:
                continue
            seen.add((line.location.page, line.location.line, m.group(0)))
            kind = "决算" if final else "预算"
            why = "决算应反映本年末的情况" if final else "预算编制时该时点尚未到来"
            yield _finding(
                f"{_where(line.location)}“{tidy(m.group(0))}”指 {printed} 年末，与 {year} 年度{kind}应述的"
                f" {expected} 年末不一致（{why}）：“{_excerpt(text, m.start(), m.end())}”。",
                line.location,
                row=tidy(m.group(0)),
            )


# -- narrative.blank-table ---------------------------------------------------------------------

_DECIMAL = re.compile(r"[0-9]\.[0-9]{2}(?![0-9])")
_CODE_OR_ORDINAL = re.compile(r"[0-9]{1,3}|[235][0-9]{2}(?:[0-9]{2}){0,2}")


def _order(location: Location) -> tuple[int, int]:
    return (location.page or 0, location.line or 0)


def _printed_blank(disclosure: Disclosure, table: Table) -> bool:
    """The table's grid was read and holds no amount: its labels are printed (header, row names)
    and every figure cell is empty. A table the reader did not read (no grid cells where it is
    printed) or whose figures it could not place (a number in a cell) is never taken as blank."""
    outline = outline_of(disclosure)
    if outline is None or any(r.values for r in table.rows) or not table.columns:
        return False
    start = _order(table.location)
    later = [_order(t.location) for t in disclosure.tables if _order(t.location) > start]
    end = min(later) if later else (10**9, 0)
    if table.location.page is not None:
        end = min(end, (table.location.page + 2, 0))  # a table runs over two pages at most here
    cells = [text.strip() for text, where in outline.cells if start <= _order(where) < end]
    if len(cells) < 6:
        return False  # too little of the grid was read to say it is empty
    for text in cells:
        if parse_amount(text) is not None and not _CODE_OR_ORDINAL.fullmatch(text):
            return False  # a figure is printed: the rows were not read, the table is not blank
    lines = [line.text for line in outline.lines if start <= _order(line.location) < end]
    if any(_DECIMAL.search(text) for text in lines):
        return False  # figures printed outside a grid the reader saw: not read, not blank
    return True


@rule(
    "narrative.blank-table",
    "叙述有数的表不应空白",
    severity="warning",
    kinds=FINAL + BUDGET,
    rationale="""A standard table printed blank — its header and row names read, every figure cell
    empty, sometimes with a note that there is no such money — while the 情况说明 states non-zero
    amounts for its items (一般公共预算收入 1,717.85 万元 against a blank 财政拨款收支总表) has
    lost its figures in publishing, or the narrative describes money the table denies. A table
    the reader could not read (no grid, or figures it could not place) is not judged, and a
    claim already checked against a note saying 本表无数据 is left to narrative.amount.""",
)
def blank_table(disclosure: Disclosure, ctx: CheckContext) -> Iterator[Finding]:
    claims = [
        c
        for c in disclosure.claims
        if c.kind == "amount" and c.money and c.value and c.subject and not c.with_carry_over
    ]
    if not claims:
        return
    for table in disclosure.tables:
        if not _printed_blank(disclosure, table):
            continue
        stated = [
            c
            for c in claims
            if (c.link is None or c.link.table != table.id)  # a blank cell it was linked to: narrative.amount's
            and any(cell.table == table.id for cell in cells_for(disclosure, c.subject, c.measure, c.qualifier))
        ]
        if not stated:
            continue
        first = stated[0]
        listed = "；".join(f"{c.subject_label()} {c.text}" for c in stated[:3])
        more = f"等 {len(stated)} 项" if len(stated) > 3 else ""
        yield Finding(
            message=(
                f"{table.display_name}各数据栏空白，而情况说明列有其中项目的非零金额：{listed}{more}"
                f"（如“{tidy(first.sentence)[:60]}”）。"
            ),
            table=table.id,
            table_title=table.display_name,
            row=first.subject_label(),
            found=first.value,
            location=table.location,
            related=[c.location for c in stated[:3]],
        )


# -- narrative.general-expense -----------------------------------------------------------------

_ORDINAL = re.compile(r"^[0-9]+")  # a 序号 printed before the row name (1 合计)
_GENERAL = {"meeting": ("30215", "会议费"), "training": ("30216", "培训费")}
_BASIC_TABLES = ("final.general_budget_basic", "budget.general_budget_basic")
# a sentence about a part: 本级 or 各单位 only, the 项目支出 or the 机关运行经费/公用经费 it is listed in
_OTHER_SCOPE = re.compile(r"本级|项目支出|各单位|所属|下属|以前年度|机关运行经费|公用经费|基本支出")


def _table_amount(table: Table, value: Value) -> tuple[Decimal, Decimal]:
    """A printed cell in 万元 and half a unit of its last digit (万元)."""
    scale = MONEY_UNITS.get(table.unit or "万元", MONEY_UNITS["万元"]) / MONEY_UNITS["万元"]
    return value.amount * scale, half_unit(value.decimals) * scale


def _three_public_cell(disclosure: Disclosure, subject: str, measure: str) -> tuple[Table, Row, Value] | None:
    """The 会议费/培训费 column of a 三公 table that prints them (西安's “三公”经费、会议费、培训费表),
    in its 合计 row (or its only row)."""
    for table in disclosure.tables:
        if not table.id.endswith("three_public"):
            continue
        if table.id.startswith("final."):
            column = f"{'budget' if measure == 'budget' else 'final'}_{subject}"
        else:
            column = subject
        rows = [r for r in table.rows if column in r.values]
        if not rows:
            continue
        total = next((r for r in rows if r.key == "total" or _ORDINAL.sub("", key_of(r.name)) == "合计"), None)
        if total is None and len(rows) == 1:
            total = rows[0]
        if total is not None:
            return table, total, total.values[column]
    return None


def _basic_cell(disclosure: Disclosure, subject: str) -> tuple[Table, Row, Value] | None:
    code = _GENERAL[subject][0]
    for table in disclosure.tables:
        if table.id not in _BASIC_TABLES or not printed_once(table, code):
            continue
        row = table.find(code=code)
        if row is None:
            continue
        value = row.values.get("total") or row.values.get("amount")
        if value is None and set(row.values) <= {"personnel", "public"}:
            value = row.values.get("public")
        if value is not None:
            return table, row, value
    return None


@rule(
    "narrative.general-expense",
    "一般性支出与表格一致",
    severity="warning",
    kinds=FINAL + BUDGET,
    rationale="""The 情况说明's 一般性支出 — 会议费 and 培训费 — restate the tables: where the 三公
    table prints 会议费 and 培训费 columns (西安's “三公”经费、会议费、培训费表) the narrative's figure
    equals them; and the 一般公共预算财政拨款基本支出表 lists 30215 会议费 and 30216 培训费 of the
    basic expenditure alone, so the narrative's whole-year figure cannot be smaller. A sentence
    scoped to a part (本级, 各单位, 项目支出, the 机关运行经费 it is listed in) is not judged; a difference within the rounding of
    the printed figures is a notice.""",
)
def general_expense(disclosure: Disclosure, ctx: CheckContext) -> Iterator[Finding]:
    for claim in disclosure.claims:
        if claim.subject not in _GENERAL or claim.kind != "amount" or not claim.money or claim.value is None:
            continue
        if not claim.subject_text or _OTHER_SCOPE.search(claim.sentence):
            continue
        name = _GENERAL[claim.subject][1]
        stated = claim.in_unit("万元")
        assert stated is not None
        half = half_unit(claim.decimals) * MONEY_UNITS[claim.unit] / MONEY_UNITS["万元"]
        same = _three_public_cell(disclosure, claim.subject, claim.measure)
        if same is not None:
            table, row, value = same
            printed, table_half = _table_amount(table, value)
            if abs(stated - printed) > half:  # beyond the figure as the narrative rounds it
                bound = (half + table_half) * ctx.rounding_multiplier
                rounding = within_bound(stated - printed, bound)
                yield _claim_finding(
                    claim,
                    f"情况说明所述{name} {claim.text} 与{table.display_name}“{table.column_labels.get(_column_of(row, value), name)}”"
                    f" {fmt(printed.normalize())} 万元不一致{'（在尾数误差范围内）' if rounding else ''}：“{tidy(claim.sentence)[:80]}”。",
                    table,
                    row,
                    value,
                    expected=printed,
                    severity="notice" if rounding else "",
                )
            continue
        basic = _basic_cell(disclosure, claim.subject)
        if basic is None:
            continue
        table, row, value = basic
        printed, table_half = _table_amount(table, value)
        if stated >= printed:
            continue
        bound = (half + table_half) * ctx.rounding_multiplier
        rounding = within_bound(stated - printed, bound)
        yield _claim_finding(
            claim,
            f"情况说明所述{name} {claim.text} 小于{table.display_name}中基本支出的 {row.label} {fmt(printed.normalize())} 万元"
            f"（一般性支出包括基本支出与项目支出，不应少于其基本支出部分）"
            f"{'，差额在尾数误差范围内' if rounding else ''}：“{tidy(claim.sentence)[:80]}”。",
            table,
            row,
            value,
            expected=printed,
            severity="notice" if rounding else "",
        )


def _column_of(row: Row, value: Value) -> str:
    return next((c for c, v in row.values.items() if v is value), "")


def _claim_finding(
    claim, message: str, table: Table, row: Row, value: Value, *, expected: Decimal, severity: str
) -> Finding:
    stated = claim.in_unit("万元")
    return Finding(
        message=message,
        severity=severity,
        table=table.id,
        table_title=table.display_name,
        row=row.label,
        column=table.column_labels.get(_column_of(row, value), _column_of(row, value)),
        expected=expected,
        found=stated,
        difference=stated - expected if stated is not None else None,
        location=claim.location,
        related=[value.location],
    )


# -- narrative.report-income -------------------------------------------------------------------

_REPORT_SECTION = re.compile(r"自评报告|评价报告|绩效报告")
_BUDGET_INCOME = re.compile(r"预算收入|收入预算")
_FISCAL_SOURCE = re.compile(r"当年财政拨款|一般公共预算|财政拨款")


@rule(
    "narrative.report-income",
    "自评报告所述预算收入与自评表一致",
    severity="warning",
    kinds=("final_with_performance", "performance"),
    rationale="""A 部门整体支出绩效自评报告 restates the funds of its self-evaluation table: the
    单位预算收入 it states is the table's 年度资金总额, at 年初预算数 (or 全年预算数), and its
    财政拨款 part is the 当年财政拨款 (一般公共预算) line in the same column. A stated figure that
    matches neither column of the table contradicts it; a difference within the rounding of the
    printed figures is a notice.""",
)
def report_income(disclosure: Disclosure, ctx: CheckContext) -> Iterator[Finding]:
    evaluations = [e for e in disclosure.evaluations if e.kind == "department" and e.funds is not None]
    if len(evaluations) != 1:
        return  # several departments' tables: which one a report restates is not certain
    funds = evaluations[0].funds
    assert funds is not None
    columns = {"initial_budget": funds.initial_budget, "budget": funds.budget}
    printed = {name: value for name, value in columns.items() if value is not None}
    if not printed:
        return
    for claim in disclosure.claims:
        if claim.kind != "amount" or claim.measure != "budget" or not claim.money or claim.value is None:
            continue
        if not _REPORT_SECTION.search(claim.section) or not _BUDGET_INCOME.search(claim.sentence):
            continue
        if claim.subject == "income.total":
            targets = printed
            what = "年度资金总额"
        elif claim.subject in ("income.fiscal", "income.general_budget"):
            line = next((s for s in funds.sources if _FISCAL_SOURCE.search(s.name)), None)
            if line is None:
                continue
            targets = {c: v for c, v in line.values.items() if c in columns}
            what = f"其中{line.name}"
        else:
            continue
        if not targets:
            continue
        stated = claim.in_unit("万元")
        assert stated is not None
        half = half_unit(claim.decimals)
        gaps = {c: stated - v.amount for c, v in targets.items()}
        if any(abs(g) <= half for g in gaps.values()):
            continue  # it restates one of the columns, rounded as printed
        column, gap = min(gaps.items(), key=lambda cg: abs(cg[1]))
        value = targets[column]
        bound = (half + half_unit(value.decimals)) * ctx.rounding_multiplier
        rounding = within_bound(gap, bound)
        shown = "；".join(
            f"{'年初预算数' if c == 'initial_budget' else '全年预算数'} {fmt(v.amount)} 万元"
            for c, v in targets.items()
        )
        yield Finding(
            message=(
                f"自评报告所述{claim.subject_text or claim.subject_label()} {claim.text} 与部门整体支出绩效自评表{what}（{shown}）不一致"
                f"{'（在尾数误差范围内）' if rounding else ''}：“{tidy(claim.sentence)[:80]}”。"
            ),
            severity="notice" if rounding else "",
            table=evaluations[0].table.id,
            table_title=evaluations[0].table.title,
            row=what,
            column="年初预算数" if column == "initial_budget" else "全年预算数",
            expected=value.amount,
            found=stated,
            difference=gap,
            location=claim.location,
            related=[value.location],
        )
