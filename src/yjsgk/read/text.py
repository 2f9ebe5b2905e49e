"""Reader for plain-text and Markdown disclosures.

Three layouts are found in real exports:

* **cell per line** (Word "save as text"): each table cell is a line starting with a tab; a
  line without a tab right after a cell, or after a single blank line inside a row, continues
  that cell (paragraphs inside a cell); a blank line followed by a cell starts a new row;
* **tab-separated rows**: one table row per line, cells separated by tabs;
* **Markdown**: headings, bold markers, list bullets, tab rows or pipe tables.

The layout is decided per file from the shape of its tab lines.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from .. import limits
from ..document import Cell, Document, Grid, GridRow, Location, TextBlock
from ..errors import ReadError
from ..patterns import lazy_pattern

_MD_HEADING = lazy_pattern(r"^\s{0,3}#{1,6}\s*")
_MD_ATX_HEADING = lazy_pattern(r"^#{1,6} ", re.MULTILINE)
_MD_BULLET = lazy_pattern(r"^\s*[-*+]\s+")
_MD_PIPE_SEPARATOR = lazy_pattern(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")


def decode(data: bytes, source: str) -> str:
    if not data.strip():
        raise ReadError(source, "文件为空 (empty file)")
    text = decode_utf16(data)
    if text is not None:
        if _looks_like_text(text):
            return text.lstrip("\ufeff")
        raise ReadError(source, "无法识别文本编码，文件可能已损坏 (undecodable UTF-16 text)")
    if b"\x00" in data[:65536]:
        raise ReadError(source, "不是文本文件：包含二进制数据 (binary data, not a text disclosure)")
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _looks_like_text(text):
            return text
    raise ReadError(source, "无法识别文本编码，文件可能已损坏 (undecodable text)")


def decode_utf16(data: bytes) -> str | None:
    """UTF-16 text (Notepad's "Unicode", Excel's "Unicode text"), with or without a byte-order mark.

    Without a mark, the zero bytes tell: text in UTF-16 has a zero high byte in every ASCII
    character (digits, spaces, tabs, line ends), all on the odd positions (little-endian) or all
    on the even ones (big-endian); binary data has zeros on both. None when it is not UTF-16.
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace")
    sample = data[:65536]
    zeros = sample.count(0)
    if zeros < max(4, len(sample) // 64):  # a line end or a digit every 32 characters, at least
        return None
    odd = sample[1::2].count(0)
    if odd >= 0.95 * zeros:
        encoding = "utf-16-le"
    elif zeros - odd >= 0.95 * zeros:
        encoding = "utf-16-be"
    else:
        return None
    text = data[: len(data) // 2 * 2].decode(encoding, errors="replace")
    return text if _plausible(text) else None


def _plausible(text: str) -> bool:
    """Mostly characters a disclosure is written in: CJK, ASCII, CJK and full-width punctuation."""
    sample = text[:20000]
    good = sum(
        1
        for ch in sample
        if " " <= ch <= "~"
        or ch in "\t\r\n"
        or "\u3000" <= ch <= "\u303f"
        or "\u4e00" <= ch <= "\u9fff"
        or "\uff00" <= ch <= "\uffef"
        or "\u2000" <= ch <= "\u206f"
    )
    return good >= 0.9 * len(sample)


def _looks_like_text(text: str) -> bool:
    sample = text[:20000]
    if not sample:
        return False
    control = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\r\f")
    return control / len(sample) < 0.01


def read_text(path: Path, source: str | None = None) -> Document:
    source = source or str(path)
    size = path.stat().st_size  # before reading: a huge file is refused without loading it
    if size > limits.current().text_bytes:
        raise ReadError(source, limits.message("text_bytes", size))
    text = decode(path.read_bytes(), source)
    markdown = path.suffix.lower() in {".md", ".markdown"} or _looks_like_markdown(text)
    return parse_text(text, source, markdown=markdown)


def _looks_like_markdown(text: str) -> bool:
    return bool(_MD_ATX_HEADING.search(text)) or "**" in text


def parse_text(text: str, source: str, *, markdown: bool = False) -> Document:
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    fmt = "markdown" if markdown else "text"
    if _is_cell_per_line(lines):
        blocks = _CellPerLineParser(source, markdown).parse(lines)
    else:
        blocks = _parse_row_per_line(lines, source, markdown)
    return Document(source=source, format=fmt, blocks=blocks)


def _is_cell_per_line(lines: list[str]) -> bool:
    single = multi = 0
    for line in lines:
        tabs = line.count("\t")
        if tabs == 0:
            continue
        if tabs == 1 and line.lstrip(" ").startswith("\t"):
            single += 1
        else:
            multi += 1
    return single > multi


def _clean_markdown(text: str) -> str:
    text = _MD_HEADING.sub("", text)
    text = _MD_BULLET.sub("", text)
    return text.replace("**", "").replace("__", "")


def _clean_cell(text: str, markdown: bool) -> str:
    return text.replace("**", "") if markdown else text


def _row(cells: list[str], source: str, line_no: int, markdown: bool) -> GridRow:
    return GridRow(
        cells=[Cell(_clean_cell(t, markdown), Location(source, line=line_no, column=i)) for i, t in enumerate(cells)],
        location=Location(source, line=line_no),
    )


def _pipe_cells(line: str) -> list[str] | None:
    stripped = line.strip()
    if not (stripped.startswith("|") and stripped.endswith("|") and len(stripped) > 1):
        return None
    return [c.strip() for c in stripped[1:-1].split("|")]


def _parse_row_per_line(lines: list[str], source: str, markdown: bool) -> list:
    blocks: list = []
    grid: Grid | None = None
    blank_run = 0
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            blank_run += 1
            continue
        cells: list[str] | None = None
        if "\t" in line:
            cells = line.split("\t")
        elif markdown:
            cells = _pipe_cells(line)
            if cells is not None and _MD_PIPE_SEPARATOR.match(line):
                blank_run = 0
                continue
        if cells is not None:
            # a single blank line inside a table is a page break, not the table's end
            if grid is None or blank_run > 1:
                grid = Grid(rows=[], location=Location(source, line=number))
                blocks.append(grid)
            grid.rows.append(_row(cells, source, number, markdown))
        else:
            grid = None
            text = _clean_markdown(line) if markdown else line
            if text.strip():
                blocks.append(TextBlock(text, Location(source, line=number)))
        blank_run = 0
    return blocks


class _CellPerLineParser:
    def __init__(self, source: str, markdown: bool):
        self.source = source
        self.markdown = markdown
        self.blocks: list = []
        self.grid: Grid | None = None
        self.row: GridRow | None = None

    def _close_row(self) -> None:
        if self.row is not None and self.grid is not None:
            self.grid.rows.append(self.row)
        self.row = None

    def _close_grid(self) -> None:
        self._close_row()
        self.grid = None

    def parse(self, lines: list[str]) -> list:
        blanks = 0
        for number, line in enumerate(lines, start=1):
            if not line.strip(" "):
                blanks += 1
                continue
            stripped = line.lstrip(" ")
            if stripped.startswith("\t"):
                if self.row is not None and blanks >= 1:
                    self._close_row()
                if self.grid is None:
                    self.grid = Grid(rows=[], location=Location(self.source, line=number))
                    self.blocks.append(self.grid)
                if self.row is None:
                    self.row = GridRow(cells=[], location=Location(self.source, line=number))
                for text in stripped[1:].split("\t"):
                    loc = Location(self.source, line=number, column=len(self.row.cells))
                    self.row.cells.append(Cell(_clean_cell(text, self.markdown), loc))
            elif self.row is not None and self.row.cells and blanks <= 1:
                last = self.row.cells[-1]
                last.text = f"{last.text}\n{line.strip()}" if last.text.strip() else line.strip()
            else:
                self._close_grid()
                text = _clean_markdown(line) if self.markdown else line
                if text.strip():
                    self.blocks.append(TextBlock(text, Location(self.source, line=number)))
            blanks = 0
        self._close_grid()
        return self.blocks
