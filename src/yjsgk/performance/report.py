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
        for following in blocks[index + 1 :]:
            if isinstance(following, Grid):
                break
            if isinstance(following, TextBlock):
                report.statements.extend(_statements(following))
        return report
    return None


def _statements(block: TextBlock) -> list[Statement]:
    other_funds = any(word in unicodedata.normalize("NFKC", block.text) for word in OTHER_FUNDS)
    out: list[Statement] = []
    for printed in _SENTENCE_END.split(block.text):
        printed = printed.strip()
        if not printed:
            continue
        sentence = unicodedata.normalize("NFKC", printed)  # matched normalized, quoted as printed
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
