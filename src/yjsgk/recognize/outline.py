"""The document outline: its text lines, headings and 目录, read once during recognition.

A disclosure's text is numbered 第三部分 › 一、… › （一）… › 1、… › （1）…; unnumbered short lines
name a part (名词解释, 附件) and a performance report opens its own part (…绩效自评报告). The
outline keeps every text line with where it was printed, every heading with its level, marker
and title, and the 目录 entries apart from the body (the contents never stand in for the parts
they list). The narrative reader (`narrative.sections`) cuts it into sections and paragraphs;
the completeness rules look up parts and read their text in it. It holds no reference to the
neutral document, so a recognized disclosure travels between processes as it is.

Levels (a smaller level is an outer one): 0 第X部分, 1 a named part or a performance report,
2 一、, 3 （一）, 4 1、, 5 （1）.

Where the reader gives each line its box (PDF), the outline also reads the page layout
(`Layout`): each page's text block (left and right margins), and whether the document starts its
paragraphs with a first-line indent. Paragraphs and wrapped headings are then told by layout, not
by where lines happen to break: in a document that indents, a full line followed by a line at
the left margin goes on (even after a 。 that ends the line, and across a page break), and a
numbered heading running to the margin goes on in the line below (`narrative.sections`,
`narrative.claims.rejoin_wrapped_titles`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from ..definitions import requirements_data
from ..document import Document, Grid, Location, TextBlock
from ..textnorm import key, norm
from .segment import match_title

_CN = "一二三四五六七八九十百"
# (level, pattern) of the section numbers
MARKERS: tuple[tuple[int, re.Pattern[str]], ...] = (
    (0, re.compile(rf"^第[{_CN}]+部分\s*")),
    (2, re.compile(rf"^[{_CN}]+\s*[、．.]\s*")),
    (3, re.compile(rf"^[（(]\s*[{_CN}]+\s*[)）]\s*[、．.]?\s*")),
    (4, re.compile(r"^[0-9０-９]{1,2}\s*[、．.](?![0-9０-９])\s*")),
    (5, re.compile(r"^[（(]\s*[0-9０-９]{1,2}\s*[)）]\s*[、．.]?\s*")),
)
PART_LEVEL = 1  # a named part (名词解释) or a performance report, between 第X部分 and 一、
_REPORT = re.compile(r"(绩效自评报告|绩效评价报告|自评报告|绩效报告)")
_BULLET = re.compile(r"^\s*(?:[-*+•·]\s+)")
_TITLE_END = re.compile(r"[。：:；;，,]")
_YEAR_PREFIX = re.compile(r"^(?:20\d{2}年度?|关于)+")
_PART_WORDS = ("名词解释", "附件", "情况说明", "编制说明", "部门决算表", "部门预算表", "部门概况", "单位概况")
_STATES_NUMBER = re.compile(r"\d\s*(?:万元|亿元|元|%|％|辆|台|个)")
_HEADING_END = re.compile(r"(?:说明|情况|概况|解释|分析|报告|预算表|决算表)$")
TITLE_MAX = 40  # a part's title is at most this long (第X部分 excepted)
TITLE_ONLY = 40  # a heading line this short, without punctuation or amounts, is a title only
PART_MAX = 30  # an unnumbered line naming a part is at most this long
RUNNING_PAGES = 3
CONTENTS_SCAN = 120  # the 目录 title is looked for among the first lines
CONTENTS_ENTRY_MAX = 80
_CONTENTS_TITLE = {"目录", "目次"}
_LEADER = re.compile(r"\s*(?:[.．…·]{3,}|…{2,})\s*\d*\s*$")  # dot leaders and a page number
_PROSE = re.compile(r"[。；;]|[:：]$")
_PART = re.compile(rf"^第[{_CN}]+部分")
_ENDS_SENTENCE = re.compile(r"[。！？!?；;]$")
# layout, in ems of the line's own size (a line's box is 1.1 em high: see read/pdf.py `_line`)
EM_PER_BOX = 1.1
FULL_EM = 1.5  # a line ending closer than this to the right margin is full: its paragraph goes on
FLUSH_EM = 0.6  # a line starting closer than this to the left margin is not indented
INDENT_EM = (1.2, 4.5)  # a first-line indent: this far right of the left margin (two characters, typically)
NEXT_LINE_EM = 2.6  # a line at most this far below the one before (top to top) is the next line
MARGIN_SAME = 1.5  # pt: line edges this close count as one margin
INDENTED_SHARE = 0.7  # of the paragraph starts that are indented, for a document that indents
INDENTED_MIN = 3
INDENT_LEVEL = 3  # numbered lines from this level on (（一）…) are set like body paragraphs


@dataclass(slots=True)
class Line:
    index: int
    text: str  # bullets removed, spaces trimmed
    location: Location
    running: bool = False  # page furniture: printed first or last on several pages
    after_grid: bool = False  # a table grid is printed between this line and the one before


@dataclass(slots=True)
class Heading:
    line: Line
    level: int
    marker: str  # 第三部分, 一、, （一）, … ("" for a named part or a report)
    title: str  # as printed on its line, up to the first colon/full stop
    key: str  # of the full title, for matching: punctuation, quotes, a leading 20XX年度/关于 removed
    body: str = ""  # what the line states after its title (1、因公出国…为 0 万元。), "" for a title line
    named: bool = False  # an unnumbered short line naming a part (名词解释, 附件, …情况说明)
    report: bool = False  # a performance report's title (…绩效自评报告)
    tail: Line | None = None  # the next line, when it completes the title (“…情况说” / “明”)
    listed: bool = False  # an entry of the 目录, not a heading of the body
    part: bool = False  # it heads a part of the disclosure (see `_is_part`)

    @property
    def full_title(self) -> str:
        """The title with the line that completes it (a title broken over two lines)."""
        return self.title + self.tail.text if self.tail is not None else self.title


def _is_part(heading: Heading) -> bool:
    """A heading of a part of the disclosure: numbered with a short title (第X部分: any), or a
    named part; never a table's title (known or not) nor a performance report's, nor a 目录 entry."""
    if heading.listed:
        return False
    if not heading.named:
        title = heading.full_title
        if not heading.marker or (heading.level != 0 and (not title or len(title) > TITLE_MAX)):
            return False
    return not (heading.key.endswith("表") or match_title(heading.full_title) is not None)


@dataclass(slots=True)
class Layout:
    """The page layout of a document whose lines have boxes: each page's text block and
    whether paragraphs start with a first-line indent. Lines without a box have no layout (every
    answer is False, and the narrative falls back to sentence terminators)."""

    margins: dict[int, tuple[float, float]] = field(default_factory=dict)  # page → (left, right)
    first: dict[int, int] = field(default_factory=dict)  # page → index of its first body line
    last: dict[int, int] = field(default_factory=dict)  # page → index of its last body line
    indented: bool = False  # the document starts its paragraphs with a first-line indent

    def _box(self, line: Line) -> tuple[tuple[float, float, float, float], float, float, float] | None:
        box, page = line.location.bbox, line.location.page
        if box is None or page is None or page not in self.margins:
            return None
        left, right = self.margins[page]
        return box, left, right, max(box[3] - box[1], 1.0) / EM_PER_BOX

    def full(self, line: Line) -> bool:
        """The line runs to the right margin of its page's text."""
        found = self._box(line)
        return found is not None and found[0][2] >= found[2] - FULL_EM * found[3]

    def flush(self, line: Line) -> bool:
        """The line starts at the left margin (a paragraph's continuation, not its first line)."""
        found = self._box(line)
        return found is not None and found[0][0] <= found[1] + FLUSH_EM * found[3]

    def indent(self, line: Line) -> bool:
        """The line starts with a first-line indent."""
        found = self._box(line)
        if found is None:
            return False
        box, left, _right, em = found
        return INDENT_EM[0] * em <= box[0] - left <= INDENT_EM[1] * em

    def next_line(self, above: Line, below: Line) -> bool:
        """`below` is printed right under `above`, or first on the next page when `above` is last
        on its page (running headers, footers and page numbers left out), with no table between."""
        if below.after_grid:
            return False
        a, b = above.location, below.location
        if a.bbox is None or b.bbox is None or a.page is None or b.page is None:
            return False
        if b.page == a.page:
            em = max(a.bbox[3] - a.bbox[1], 1.0) / EM_PER_BOX
            return 0 < b.bbox[1] - a.bbox[1] <= NEXT_LINE_EM * EM_PER_BOX * em
        return b.page == a.page + 1 and self.last.get(a.page) == above.index and self.first.get(b.page) == below.index

    def continues(self, above: Line, below: Line) -> bool:
        """By layout, `below` goes on with the paragraph `above` is part of: `above` is full, `below`
        is the next line and starts at the left margin, in a document whose paragraphs are indented
        (where they are not, a line at the margin may as well start a paragraph)."""
        return self.indented and self.full(above) and self.flush(below) and self.next_line(above, below)


def _margin(values: list[float], lowest: bool) -> float:
    """The leftmost (or rightmost) edge that two lines or more share: one stray line is no margin."""
    ordered = sorted(values, reverse=not lowest)
    for i, v in enumerate(ordered):
        if any(abs(w - v) <= MARGIN_SAME for w in ordered[i + 1 : i + 3]):
            return v
    return ordered[0]


def read_layout(lines: list[Line]) -> Layout:
    layout = Layout()
    pages: dict[int, list[Line]] = {}
    for line in lines:
        if not line.running and line.location.bbox is not None and line.location.page is not None:
            pages.setdefault(line.location.page, []).append(line)
    for page, on_page in pages.items():
        layout.margins[page] = (
            _margin([ln.location.bbox[0] for ln in on_page], lowest=True),  # type: ignore[index]
            _margin([ln.location.bbox[2] for ln in on_page], lowest=False),  # type: ignore[index]
        )
        layout.first[page], layout.last[page] = on_page[0].index, on_page[-1].index
    # paragraph starts beyond doubt: the line after a short line ending a sentence; unnumbered
    # ones tell, or where there are too few, numbered ones below 一、 (（一）, 1、, （1）: mostly
    # set like the body, where 一、 is often set apart)
    starts = {True: [0, 0], False: [0, 0]}  # unnumbered? → [indented, at the margin]
    for on_page in pages.values():
        for above, below in zip(on_page, on_page[1:], strict=False):
            marker = heading_marker(below.text)
            if (
                _ENDS_SENTENCE.search(above.text)
                and not layout.full(above)
                and (marker is None or marker[0] >= INDENT_LEVEL)
                and layout.next_line(above, below)
            ):
                starts[marker is None][0] += layout.indent(below)
                starts[marker is None][1] += layout.flush(below)
    indented, flush = starts[True] if sum(starts[True]) >= INDENTED_MIN else starts[False]
    layout.indented = indented >= INDENTED_MIN and indented >= INDENTED_SHARE * (indented + flush)
    return layout


@dataclass(slots=True)
class Outline:
    format: str  # the reader's format (pdf, docx, text, …)
    lines: list[Line] = field(default_factory=list)
    headings: list[Heading] = field(default_factory=list)  # in document order (目录 entries flagged `listed`)
    contents: list[Line] = field(default_factory=list)  # the 目录 entries (its title excluded)
    cells: list[tuple[str, Location]] = field(default_factory=list)  # every non-empty grid cell
    layout: Layout = field(default_factory=Layout)  # the page layout (empty without line boxes)

    def parts(self) -> list[Heading]:
        """The headings of the disclosure's parts (numbered or named; table titles and reports excluded)."""
        return [h for h in self.headings if h.part]

    def body(self, heading: Heading, among: list[Heading] | None = None) -> list[Line]:
        """The heading line and the lines up to the next heading of the same or an outer level."""
        start = heading.line.index
        end = len(self.lines)
        for other in self.parts() if among is None else among:
            if other.line.index > start and other.level <= heading.level:
                end = other.line.index
                break
        return self.lines[start:end]


def heading_key(title: str) -> str:
    return _YEAR_PREFIX.sub("", key(title))


def heading_marker(text: str) -> tuple[int, str, str] | None:
    """(level, marker, rest) when the line starts with a section number."""
    for level, pattern in MARKERS:
        if m := pattern.match(text):
            rest = text[m.end() :]
            if not rest.strip() and level != 0:
                return None
            return level, m.group(0).strip(), rest
    return None


def heading_title(rest: str) -> str:
    """A heading's title: what follows the number (“第四部分：专业名词解释”), up to the first
    colon/full stop."""
    return _TITLE_END.split(rest.lstrip(" ：:、，,"), 1)[0].strip()


@cache
def section_patterns() -> tuple[re.Pattern[str], ...]:
    """Section patterns of the built-in profiles: what a short unnumbered heading may name."""
    return tuple(
        re.compile(entry["pattern"])
        for profile in requirements_data()["profile"].values()
        for entry in profile.get("section", ())
        if "pattern" in entry
    )


def _names_part(text: str) -> bool:
    """A short unnumbered line that names a part or starts like a section."""
    if len(text) > PART_MAX or _TITLE_END.search(text) or "、" in text:
        return False  # prose, or a line broken out of a paragraph
    title_key = heading_key(text)
    return any(w in title_key for w in _PART_WORDS) or any(p.match(title_key) for p in section_patterns())


def _title_tail(title: str, line: str) -> bool:
    """A short line that completes the heading above it into a heading's usual ending."""
    return (
        len(line) <= 12
        and not _HEADING_END.search(title)
        and bool(_HEADING_END.search(title + line))
        and not re.search(r"[\d。：:；;，,]", line)
        and heading_marker(line) is None
    )


def running_texts(document: Document) -> frozenset[str]:
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


def build_outline(document: Document) -> Outline:
    outline = Outline(document.format)
    running = running_texts(document)
    after_grid = False
    for block in document.blocks:
        if isinstance(block, Grid):
            after_grid = True
            for row in block.rows:
                outline.cells += [(c.text, c.location) for c in row.cells if c.text.strip()]
            continue
        if isinstance(block, TextBlock):
            text = _BULLET.sub("", block.text).replace("\u3000", " ").strip()
            if text:
                index = len(outline.lines)
                outline.lines.append(Line(index, text, block.location, block.text in running, after_grid))
                after_grid = False
    outline.layout = read_layout(outline.lines)
    contents = _contents_range(outline.lines)
    outline.contents = [outline.lines[i] for i in contents if i != contents.start]
    previous: Heading | None = None  # the title line just read, whose title may go on below
    for line in outline.lines:
        if line.running:
            continue
        if previous is not None and _title_tail(previous.title, line.text):
            previous.tail = line  # “（三）关于…支出预算情况说” / “明”: one title over two lines
            previous.key = heading_key(previous.full_title)
            previous = None
            continue
        heading = _heading(line)
        if heading is None:
            previous = None
            continue
        heading.listed = line.index in contents
        outline.headings.append(heading)
        # a numbered title line, or a report's, may go on below (a named part is one short line)
        previous = heading if not heading.body and (heading.marker or heading.report) else None
    for heading in outline.headings:
        heading.part = _is_part(heading)
    return outline


def _heading(line: Line) -> Heading | None:
    text = line.text
    found = heading_marker(text)
    if found is not None:
        level, marker, rest = found
        title = heading_title(rest)
        body = rest.strip()
        if len(body) <= TITLE_ONLY and not re.search(r"[。：:；;]", body) and not _STATES_NUMBER.search(body):
            body = ""
        return Heading(line, level, marker, title, heading_key(title), body)
    report = bool(_REPORT.search(text)) and len(text) < 60 and "。" not in text
    named = _names_part(text)
    if report or named:
        title = heading_title(text)
        return Heading(line, PART_LEVEL, "", title, heading_key(title), named=named, report=report)
    return None


def _contents_range(lines: list[Line]) -> range:
    """The 目录: its title line and its entries, up to where the body begins (the first entry
    printed again, a table, a long line, or a sentence)."""
    start = next((line.index for line in lines[:CONTENTS_SCAN] if key(line.text) in _CONTENTS_TITLE), None)
    if start is None:
        return range(0)
    entries = lines[start + 1 :]
    if not entries:
        return range(0)
    first = entries[0]
    part = _PART.match(norm(first.text))
    for line in entries[1:]:
        text = _LEADER.sub("", line.text)  # “一、部门职责…………2”: the dots and the page number
        if line.after_grid or len(text) > CONTENTS_ENTRY_MAX:
            return range(start, line.index)
        if part and norm(text).startswith(part.group(0)):
            return range(start, line.index)
        if not part and key(text) == key(_LEADER.sub("", first.text)):
            return range(start, line.index)
        if heading_marker(text) is None and _PROSE.search(text):
            # a sentence of the body; an unnumbered line just above it is its heading, not an entry
            above = lines[line.index - 1]
            unlike = above.index > first.index and heading_marker(above.text) is None and not _LEADER.search(above.text)
            return range(start, above.index if unlike else line.index)
    return range(0)  # no end found: not a contents page
