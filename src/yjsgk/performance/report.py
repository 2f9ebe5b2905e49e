"""The text around the tables: the stated grade scale (备注) and the self-evaluation report.

The report (部门整体支出绩效自评报告 / 绩效评价报告) restates the department table: its total
score (总得分98分), its grade (结果：优秀) and the split of the year's spending (基本支出 76.25
万元, 项目支出 …万元). Only statements that can only mean the table's figures are read: a
sentence about the budget (预算) or the previous year, or a paragraph about other funds
(政府性基金, 国有资本经营, 社会保险基金), is not.
"""

from __future__ import annotations

import unicodedata

from ..document import Document, Grid, TextBlock
from ..model import Table
from ..patterns import lazy_pattern
from ..textnorm import key
from .cells import figure
from .grades import parse_scale
from .model import Grading, Report, Statement

_REPORT_TITLE = lazy_pattern(r"部门整体支出绩效(?:自评|评价)报告")
_TOTAL = lazy_pattern(r"(?:总得分|自评总分|自评得分|综合得分|总分)\s*(?:为|是|[:：])?\s*(\d+(?:\.\d+)?)\s*分")
_GRADE = lazy_pattern(
    r"(?:评价结果|自评结果|结果|评价等级|自评等级|评定等级|等级)\s*(?:为|是|[:：])?\s*[“\"]?"
    r"(优秀|良好|中等|合格|不合格|较差|优|良|中|差)"
)
_AMOUNT = lazy_pattern(r"(基本支出|项目支出)\s*(?:为|是|[:：])?\s*(\d[\d,]*(?:\.\d+)?)\s*万元")
_SENTENCE_END = lazy_pattern(r"(?<=[。！？!?])")
OTHER_FUNDS = ("政府性基金", "国有资本经营", "社会保险基金")
NOT_THE_YEAR = ("预算", "上年", "增加", "减少", "增长", "下降")


def find_report(document: Document) -> Report | None:
    """The department self-evaluation report and what it states, or None."""
    blocks = document.blocks
    for index, block in enumerate(blocks):
        if not isinstance(block, TextBlock):
            continue
        title = block.text.strip()
        if len(key(title)) > 40 or not _REPORT_TITLE.search(key(title)):
            continue
        report = Report(title=title, location=block.location)
        lines: list[TextBlock] = []
        for following in blocks[index + 1 :]:
            if isinstance(following, Grid):
                break
            if isinstance(following, TextBlock):
                lines.append(following)
        report.statements.extend(_statements(lines))
        return report
    return None


_ENDS = ("。", "！", "？", "!", "?")


def _sentences(blocks: list[TextBlock]) -> list[tuple[str, TextBlock, bool]]:
    """The sentences of the text, each with the block it starts in and whether it lies inside
    one block. A printed line (a block with a page) may end anywhere in a sentence, which then
    runs on into the next line; a text form's block is a paragraph and ends its sentence."""
    out: list[tuple[str, TextBlock, bool]] = []
    pending = ""
    start: TextBlock | None = None
    whole = True
    for block in blocks:
        for part in _SENTENCE_END.split(block.text):
            if not part.strip():
                continue
            if not pending:
                start, pending, whole = block, part.strip(), True
            else:
                pending += part.strip()
                whole = False
            if part.rstrip().endswith(_ENDS):
                out.append((pending, start or block, whole))
                pending = ""
        if pending and block.location.page is None:  # a paragraph ends its sentence
            out.append((pending, start or block, whole))
            pending = ""
    if pending:
        out.append((pending, start or blocks[-1], whole))
    return out


def _statements(blocks: list[TextBlock]) -> list[Statement]:
    """What the report states. A sentence in a paragraph about other funds is not read: the
    paragraph's words when the sentence is all in one block (a text form's paragraph), else
    the sentence's own (a PDF's lines)."""
    other = {id(b): any(w in unicodedata.normalize("NFKC", b.text) for w in OTHER_FUNDS) for b in blocks}
    out: list[Statement] = []
    for printed, block, whole in _sentences(blocks):
        sentence = unicodedata.normalize("NFKC", printed)  # matched normalized, quoted as printed
        other_funds = any(w in sentence for w in OTHER_FUNDS) or (whole and other[id(block)])
        about_projects = "项目" in sentence
        if not about_projects and (m := _TOTAL.search(sentence)):
            out.append(Statement("total", printed, block.location, value=figure(m.group(1), block.location)))
        if not about_projects and (g := _GRADE.search(sentence)):
            out.append(Statement("grade", printed, block.location, grade=g.group(1)))
        if other_funds:
            continue
        for m in _AMOUNT.finditer(sentence):
            before = sentence[: m.start()]
            if any(word in before for word in NOT_THE_YEAR):
                continue
            what = "basic" if m.group(1) == "基本支出" else "project"
            value = figure(m.group(2), block.location)
            if value is not None:
                out.append(Statement(what, printed, block.location, value=value))
    return out


def stated_scale(document: Document, table: Table, until_line: int | None) -> Grading | None:
    """The grade scale stated in the table's notes or the text right after it."""
    for note in table.notes:
        if scale := parse_scale(note, table.location):
            return scale
    last_line = max((r.location.line or 0 for r in table.rows), default=table.location.line or 0)
    for block in document.blocks:
        if not isinstance(block, TextBlock) or block.location.line is None:
            continue
        if block.location.line <= last_line:
            continue
        if until_line is not None and block.location.line >= until_line:
            break
        if block.location.line > last_line + 20:
            break
        if scale := parse_scale(block.text, block.location):
            return scale
    return None
