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
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from ...amounts import parse_amount
from ...document import Location
from ...model import Disclosure, Table
from ...narrative.link import cells_for
from ...narrative.text import tidy
from ...narrative.vocabulary import RATE_WORDS, TEMPLATE_ALTERNATIVES
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


def _word_counts(lines: list[_Line]) -> Counter[str]:
    """How often each run of 2–6 CJK characters is printed in the document (a word of the document
    is printed elsewhere too; 空航 of 低空航空航天 is not)."""
    counts: Counter[str] = Counter()
    for line in lines:
        text = line.text
        for n in range(2, 7):
            for i in range(len(text) - n + 1):
                chunk = text[i : i + n]
                if _CJK.fullmatch(chunk[0]) and _CJK.fullmatch(chunk[-1]):
                    counts[chunk] += 1
    return counts


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
    counts = _word_counts(lines)
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
    cells = [text.strip() for text, where in outline.cells if start <= _order(where) < end]
    if len(cells) < max(6, len(table.columns)):
        return False  # too little of the grid was read to say it is empty
    for text in cells:
        if parse_amount(text) is not None and not _CODE_OR_ORDINAL.fullmatch(text):
            return False  # a figure is printed: the rows were not read, the table is not blank
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
