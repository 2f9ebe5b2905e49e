"""The neutral document every reader produces: ordered text blocks and table grids.

Readers differ (text, PDF, Word, Excel, HTML) but all hand recognition the same shape,
so recognition and rules never depend on the source format.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Location:
    """Where something was printed. Text readers fill `line`; page-based readers add the rest."""

    source: str
    line: int | None = None
    page: int | None = None
    column: int | None = None  # 0-based cell index within its grid row
    bbox: tuple[float, float, float, float] | None = None

    def describe(self) -> str:
        parts = [self.source]
        if self.page is not None:
            parts.append(f"第{self.page}页")
        if self.line is not None:
            parts.append(f"第{self.line}行")
        return " ".join(parts)

    def to_dict(self) -> dict:
        out: dict = {"source": self.source}
        for key in ("page", "line", "column"):
            value = getattr(self, key)
            if value is not None:
                out[key] = value
        if self.bbox is not None:
            out["bbox"] = list(self.bbox)
        return out


@dataclass(slots=True)
class Cell:
    text: str  # as printed (paragraphs inside a cell joined by "\n")
    location: Location


@dataclass(slots=True)
class TextBlock:
    text: str
    location: Location


@dataclass(slots=True)
class GridRow:
    cells: list[Cell]
    location: Location

    @property
    def texts(self) -> list[str]:
        return [c.text for c in self.cells]

    def is_blank(self) -> bool:
        return all(not c.text.strip() for c in self.cells)


@dataclass(slots=True)
class Grid:
    rows: list[GridRow]
    location: Location


Block = TextBlock | Grid


@dataclass(slots=True)
class Document:
    source: str
    format: str
    blocks: list[Block] = field(default_factory=list)

    def text_lines(self) -> list[TextBlock]:
        return [b for b in self.blocks if isinstance(b, TextBlock)]
