"""What a disclosure's own printing says, read for the rules: whether a table's codes were read
as codes, and the year its titles agree on. Shared by the compliance, code and name rules, so no
rule module imports another."""

from __future__ import annotations

import re
from collections import Counter

from ..definitions import table_def
from ..document import Location
from ..model import Disclosure, Table
from ..recognize.outline import TITLE_MAX, Line, Outline

_TITLE_YEAR = re.compile(r"(20\d{2})\s*年度?\s*(?:部门|单位)?.{0,12}?(?:决算|预算)")
_TABLE_YEAR = re.compile(r"(20\d{2})\s*年")
_SENTENCE = re.compile(r"[。，,；;！？]")


SCHEME_DIGIT = {"function": "2", "economic": "3"}


def codes_read_reliably(table: Table, scheme: str) -> bool:
    """Most codes of the table have a code's shape in the table's scheme.

    When they do not (a PDF whose 类/款/项 cells ran together into 10-digit numbers, or an
    economic-classification table taken for a function one), the codes say more about the
    reading than about the document, and the code rules stay silent on the table.
    """
    codes = [r.code for r in table.rows if r.code]
    shaped = [c for c in codes if len(c) in (3, 5, 7) and c[0] == SCHEME_DIGIT[scheme]]
    return len(shaped) * 5 >= len(codes) * 4


def outline_of(disclosure: Disclosure) -> Outline | None:
    """The outline recognition read (None for a disclosure built otherwise)."""
    return disclosure.outline


def titled_years(disclosure: Disclosure) -> list[tuple[str, Location, list[int]]]:
    """(title, where, years it names) for the titles: tables', the cover's, the 目录's, headings'.

    A standard table's title names the year of its figures; a performance table's title may
    name a project's (西安市级…（2021年…补助资金）项目绩效自评表), so only a year of a 预算/决算
    counts there, as in the text.
    """
    titled: list[tuple[str, Location, list[int]]] = []
    for table in disclosure.tables:
        if table_def(table.id).layout == "raw":
            years = [int(m.group(1)) for m in _TITLE_YEAR.finditer(table.title)]
        else:
            years = [int(y) for y in _TABLE_YEAR.findall(table.title)]
        titled.append((table.title, table.location, years))
    outline = outline_of(disclosure)
    if outline is not None:
        for line in _title_lines(outline):
            text = " ".join(line.text.split())
            if len(text) <= TITLE_MAX and not _SENTENCE.search(text):
                titled.append((text, line.location, [int(m.group(1)) for m in _TITLE_YEAR.finditer(text)]))
    return titled


def _title_lines(outline: Outline) -> list[Line]:
    """The cover (the first page), the 目录 entries and the headings: not a line broken out of
    a paragraph (“…工程 2025 年在政府性基金预算拨款收入中列”)."""
    first = outline.lines[0].location.page if outline.lines else None
    chosen = {line.index for line in outline.contents}
    chosen |= {h.line.index for h in outline.headings}
    chosen |= {line.index for line in outline.lines if first is not None and line.location.page == first}
    return [line for line in outline.lines if line.index in chosen]


def document_year(disclosure: Disclosure) -> int | None:
    """The year the titles agree on (cover, contents, table titles, headings).

    Falls back to the recognized year when the titles name none or split evenly; the code
    rules judge names and validity in this year, so one stray date does not move them.
    """
    return agreed_year(titled_years(disclosure), disclosure.year)


def agreed_year(titled: list[tuple[str, Location, list[int]]], fallback: int | None) -> int | None:
    votes = Counter(y for _, _, years in titled for y in set(years))
    ranked = votes.most_common()
    if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
        return ranked[0][0]
    return fallback
