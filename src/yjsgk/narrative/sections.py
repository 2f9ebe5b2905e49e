"""Section scoping: the narrative cut into numbered sections and paragraphs.

A 情况说明 is numbered 第三部分 › 一、… › （一）… › 1、… › （1）…; performance self-evaluation
reports (…绩效自评报告) open their own section. Each paragraph belongs to the innermost open
section, so a claim is always read in the context of its headings (一般公共预算财政拨款…,
政府性基金…, the 类/款/项 of an execution item), never by keyword search over the document.

Lines broken inside a sentence (PDF and Word exports break lines anywhere, even inside a
number) are joined back into one paragraph; a table (grid) always ends a paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..document import Document, Grid, Location, TextBlock

_CN = "一二三四五六七八九十百"
# (rank, pattern): a smaller rank is an outer level
MARKERS: tuple[tuple[int, re.Pattern[str]], ...] = (
    (0, re.compile(rf"^第[{_CN}]+部分\s*")),
    (2, re.compile(rf"^[{_CN}]+\s*[、．.]\s*")),
    (3, re.compile(rf"^[（(]\s*[{_CN}]+\s*[)）]\s*[、．.]?\s*")),
    (4, re.compile(r"^[0-9０-９]{1,2}\s*[、．.](?![0-9０-９])\s*")),
    (5, re.compile(r"^[（(]\s*[0-9０-９]{1,2}\s*[)）]\s*[、．.]?\s*")),
)
REPORT_RANK = 1  # a performance report inside an annex
_REPORT = re.compile(r"(绩效自评报告|绩效评价报告|自评报告|绩效报告)")
_BULLET = re.compile(r"^\s*(?:[-*+•·]\s+)")
_TERMINATORS = "。！？!?；;：:"
TITLE_ONLY = 40  # a heading line this short, without punctuation or amounts, is a title only
_STATES_NUMBER = re.compile(r"\d\s*(?:万元|亿元|元|%|％|辆|台|个)")


@dataclass(slots=True, eq=False)
class Section:
    index: int
    rank: int
    marker: str
    title: str
    location: Location | None
    parent: Section | None = None

    @property
    def path(self) -> list[Section]:
        out: list[Section] = []
        node: Section | None = self
        while node is not None:
            if node.rank >= 0:
                out.append(node)
            node = node.parent
        return out[::-1]

    def label(self) -> str:
        return f"{self.marker}{self.title}".strip()

    def describe(self) -> str:
        """The heading path as a reader cites it: 第三部分 › 五、… › （三）…"""
        return " › ".join(s.label() for s in self.path) or "正文"

    def within(self, other: Section) -> bool:
        node: Section | None = self
        while node is not None:
            if node is other:
                return True
            node = node.parent
        return False


@dataclass(slots=True, eq=False)
class Paragraph:
    index: int
    section: Section
    text: str = ""
    spans: list[tuple[int, Location]] = field(default_factory=list)  # (start offset, where printed)
    heading: bool = False  # the paragraph is the body of a heading line (1、因公出国…为 0 万元。)

    def location_at(self, offset: int) -> Location:
        where = self.spans[0][1]
        for start, loc in self.spans:
            if start > offset:
                break
            where = loc
        return where

    def append(self, text: str, location: Location) -> None:
        if self.text and _needs_space(self.text[-1], text[:1]):
            self.text += " "
        self.spans.append((len(self.text), location))
        self.text += text

    def open(self) -> bool:
        """A paragraph not yet ended by a sentence terminator continues on the next line."""
        return bool(self.text) and self.text.rstrip()[-1:] not in _TERMINATORS


def _needs_space(left: str, right: str) -> bool:
    # join CJK and digits directly (a sentence or a number broken by a line end);
    # keep a space between two Latin words
    return left.isascii() and left.isalpha() and right.isascii() and right.isalpha()


@dataclass(slots=True)
class Narrative:
    root: Section
    sections: list[Section]
    paragraphs: list[Paragraph]


def heading_marker(text: str) -> tuple[int, str, str] | None:
    """(rank, marker, rest) when the line starts with a section number."""
    for rank, pattern in MARKERS:
        if m := pattern.match(text):
            rest = text[m.end() :]
            if not rest.strip() and rank != 0:
                return None
            return rank, m.group(0).strip(), rest
    return None


def _title(rest: str) -> str:
    m = re.search(r"[。：:；;，,]", rest)
    title = rest[: m.start()] if m else rest
    return title.strip()


RUNNING_PAGES = 3
_HEADING_END = re.compile(r"(?:说明|情况|概况|解释|分析|报告|预算表|决算表)$")


def _title_tail(title: str, line: str) -> bool:
    """A short line that completes the heading above it into a heading's usual ending."""
    return (
        len(line) <= 12
        and not _HEADING_END.search(title)
        and bool(_HEADING_END.search(title + line))
        and not re.search(r"[\d。：:；;，,]", line)
        and heading_marker(line) is None
    )


def running_lines(document: Document) -> frozenset[str]:
    """Lines printed first or last on several pages (“XX局2026年度部门预算公开”): page furniture,
    which a PDF puts in the middle of a sentence that runs over the page break."""
    edges: dict[int, list[str]] = {}
    for block in document.blocks:
        if isinstance(block, TextBlock) and block.location.page is not None:
            edges.setdefault(block.location.page, []).append(block.text)
    pages: dict[str, set[int]] = {}
    for page, texts in edges.items():
        for text in {texts[0], texts[-1]}:
            pages.setdefault(text, set()).add(page)
    return frozenset(t for t, p in pages.items() if len(p) >= RUNNING_PAGES and not _STATES_NUMBER.search(t))


def split_sections(document: Document) -> Narrative:
    root = Section(0, -1, "", "", None)
    sections: list[Section] = [root]
    stack: list[Section] = [root]
    paragraphs: list[Paragraph] = []
    current: Paragraph | None = None

    def open_section(rank: int, marker: str, title: str, location: Location) -> Section:
        while stack[-1].rank >= rank and stack[-1] is not root:
            stack.pop()
        section = Section(len(sections), rank, marker, title, location, stack[-1])
        sections.append(section)
        stack.append(section)
        return section

    running = running_lines(document)
    heading: Section | None = None  # the section whose title line was just read
    for block in document.blocks:
        if isinstance(block, Grid):
            current = None
            continue
        if not isinstance(block, TextBlock) or block.text in running:
            continue
        line = _BULLET.sub("", block.text).strip().replace("\u3000", " ").strip()
        if not line:
            continue
        if heading is not None and _title_tail(heading.title, line):
            heading.title += line  # “（三）关于…支出预算情况说” / “明”: a title broken over two lines
            heading = None
            continue
        heading = None
        found = heading_marker(line)
        if found is None and _REPORT.search(line) and len(line) < 60 and "。" not in line:
            found = (REPORT_RANK, "", line)
        if found is not None:
            rank, marker, rest = found
            title = _title(rest)
            section = open_section(rank, marker, title, block.location)
            body = rest.strip()
            if len(body) <= TITLE_ONLY and not re.search(r"[。：:；;]", body) and not _STATES_NUMBER.search(body):
                current = None  # a title line
                heading = section
                continue
            current = Paragraph(len(paragraphs), section, heading=True)
            current.append(body, block.location)
            paragraphs.append(current)
            if not current.open():
                current = None
            continue
        if current is not None and current.open():
            current.append(line, block.location)
        else:
            current = Paragraph(len(paragraphs), stack[-1])
            current.append(line, block.location)
            paragraphs.append(current)
        if not current.open():
            current = None
    return Narrative(root, sections, paragraphs)
