"""The drafted document as a list of blocks, written out by the DOCX and Markdown writers."""

from __future__ import annotations

from dataclasses import dataclass, field

from .layout import Layout


@dataclass(slots=True)
class Heading:
    text: str
    level: int  # 0 the document title, 1 a part (第一部分), 2 a section (一、), 3 (（一）)


@dataclass(slots=True)
class Paragraph:
    text: str
    style: str = "body"  # body | cover | warning | placeholder | caption | right


@dataclass(slots=True)
class Contents:
    entries: list[tuple[int, str]] = field(default_factory=list)  # (level, text)


@dataclass(slots=True)
class TableBlock:
    layout: Layout
    department: str | None = None


@dataclass(slots=True)
class PageBreak:
    pass


Block = Heading | Paragraph | Contents | TableBlock | PageBreak
