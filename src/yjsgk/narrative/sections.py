"""Section scoping: the narrative cut into numbered sections and paragraphs.

A 情况说明 is numbered 第三部分 › 一、… › （一）… › 1、… › （1）…; performance self-evaluation
reports (…绩效自评报告) open their own section. Each paragraph belongs to the innermost open
section, so a claim is always read in the context of its headings (一般公共预算财政拨款…,
政府性基金…, the 类/款/项 of an execution item), never by keyword search over the document.

Lines broken inside a sentence (PDF and Word exports break lines anywhere, even inside a
number) are joined back into one paragraph; a table (grid) always ends a paragraph. Where the
page layout is known (PDF: `recognize.outline.Layout`), it decides: a full line followed by a line
at the left margin goes on with its paragraph even when it ends with 。 (a paragraph across a page
break too). Elsewhere a paragraph ends at the line that ends a sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..document import Document, Location

if TYPE_CHECKING:  # recognize imports the narrative reader: no import back at load time
    from ..recognize.outline import Heading, Layout, Line, Outline

_TERMINATORS = "。！？!?；;：:"
_COLON_END = re.compile(r"[：:]\s*$")


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


def split_sections(source: Outline | Document) -> Narrative:
    """The narrative of a document, from its outline (built here when given the document)."""
    if isinstance(source, Document):
        from ..recognize.outline import build_outline

        outline = build_outline(source)
    else:
        outline = source
    root = Section(0, -1, "", "", None)
    sections: list[Section] = [root]
    stack: list[Section] = [root]
    paragraphs: list[Paragraph] = []
    current: Paragraph | None = None

    def open_section(heading: Heading) -> Section:
        while stack[-1].rank >= heading.level and stack[-1] is not root:
            stack.pop()
        section = Section(
            len(sections), heading.level, heading.marker, heading.full_title, heading.line.location, stack[-1]
        )
        sections.append(section)
        stack.append(section)
        return section

    # numbered headings and report titles open sections; a part named without a number
    # (名词解释) is read as text
    headings = {h.line.index: h for h in outline.headings if h.marker or h.report}
    skipped = {h.tail.index for h in outline.headings if h.tail is not None}
    layout = outline.layout
    last: Line | None = None  # the line the current paragraph ends with
    for line in outline.lines:
        if line.after_grid:
            current = None  # a table always ends a paragraph
        if line.running or line.index in skipped:
            continue
        heading = headings.get(line.index)
        if heading is not None:
            section = open_section(heading)
            if not heading.body:
                current = None  # a title line
                continue
            current = Paragraph(len(paragraphs), section, heading=True)
            current.append(heading.body, line.location)
            paragraphs.append(current)
            # a title closed by its colon at the end of its line (11.…项目绩效自评综述：) is
            # a title line whatever the layout: its body starts on the next line
            titled = _COLON_END.search(heading.body) and heading.body.rstrip(" ：:") == heading.title
            last = None if titled else line
            continue
        if current is not None and (current.open() if last is None else _goes_on(current, last, line, layout)):
            current.append(line.text, line.location)
        else:
            current = Paragraph(len(paragraphs), stack[-1])
            current.append(line.text, line.location)
            paragraphs.append(current)
        last = line
    return Narrative(root, sections, paragraphs)


def _goes_on(paragraph: Paragraph, above: Line, below: Line, layout: Layout) -> bool:
    """`below` continues `paragraph`, whose last line is `above`: by layout where it says so (a
    full line, the next at the left margin), else while no terminator has ended it. (A first-line
    indent after a line ending without a terminator does not end the paragraph: a sentence broken
    by a stray paragraph mark reads on, as in the text form.)"""
    return layout.continues(above, below) or paragraph.open()
