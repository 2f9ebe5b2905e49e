"""Reader for web-page disclosures (.html/.htm, a page saved from a government site or Word).

* the encoding comes from a byte-order mark, else the page's `<meta charset>` (or
  `http-equiv … charset=`), else UTF-8 if the bytes are valid UTF-8, else GB18030; GB2312 and
  GBK pages are decoded as GB18030, their superset (pages labelled GB2312 often hold GBK
  characters);
* headings, paragraphs, list items and other block elements become `TextBlock`s, a `<br>` ends
  a line; whitespace is collapsed as a browser does, except `&nbsp;` (a space that is kept, so
  `部门：…&nbsp;&nbsp;单位：万元` stays separable);
* a `<table>` becomes a `Grid` (its `<caption>` a text block before it) with `rowspan` and
  `colspan` expanded: a spanning cell's text is in its first position and the positions it
  covers are "", so every row has the table's width; the lines of a cell (`<p>`, `<br>`) are
  joined by "\\n";
* a table holding another table is page layout, not data: its cells are read as blocks;
* scripts, styles, the `<head>` and elements hidden with `display:none` are not read;
* the page is walked with an explicit stack, not by recursion, so a page nested thousands of
  elements deep is read like a flat one (up to the `depth` limit, at most libxml2's 2,048 levels);
  table spans count towards the `cells` limit.

Location: `line` is the 1-based position in reading order where each text block and each
table row counts as one line (a page's own line numbers mean little: pages are often minified
onto one line), `column` the 0-based cell index in the row.
"""

from __future__ import annotations

import codecs
import re

from lxml import etree
from lxml import html as lxml_html

from .. import limits
from ..document import Block, Cell, Document, Grid, GridRow, Location, TextBlock
from ..errors import ReadError

MAX_SPAN = 1000
_PARSER_DEPTH = 2048  # libxml2's ceiling with huge_tree

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
_WHITESPACE = re.compile(r"[ \t\n\r\f\v]+")  # collapsed as a browser does; &nbsp; is kept
_CHINESE = {
    "gb2312",
    "gbk",
    "gb_2312-80",
    "x-gbk",
    "cp936",
    "euc-cn",
    "hz-gb-2312",
    "gb18030",
    "csgb2312",
    "windows-936",
}

_SKIP = {
    "script",
    "style",
    "head",
    "title",
    "noscript",
    "template",
    "iframe",
    "object",
    "embed",
    "svg",
    "math",
    "select",
    "textarea",
    "button",
    "map",
}
_BLOCK = {
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "section",
    "article",
    "header",
    "footer",
    "nav",
    "aside",
    "main",
    "blockquote",
    "pre",
    "center",
    "form",
    "fieldset",
    "legend",
    "address",
    "figure",
    "figcaption",
    "caption",
    "hr",
    "body",
    "html",
    "tr",
    "td",
    "th",
    "thead",
    "tbody",
    "tfoot",
    "details",
    "summary",
}


def decode_html(data: bytes, source: str) -> str:
    if not data.strip():
        raise ReadError(source, "文件为空 (empty file)")
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    declared = None
    if m := _META_CHARSET.search(data[:8192]):
        declared = m.group(1).decode("ascii", "ignore").lower()
        if declared in _CHINESE:
            declared = "gb18030"
        try:
            codecs.lookup(declared)
        except LookupError:
            declared = None
    for encoding in ([declared] if declared else []) + ["utf-8", "gb18030"]:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode(declared or "gb18030", errors="replace")


def parse_html(text: str, source: str, fmt: str = "html") -> Document:
    text = _XML_DECLARATION.sub("", text, count=1)
    if "\x00" in text[:65536]:
        raise ReadError(source, "不是网页文件：包含二进制数据 (binary data, not a web page)")
    parser = lxml_html.HTMLParser(huge_tree=True)  # libxml2 stops at 256 levels otherwise, dropping the rest
    try:
        root = lxml_html.document_fromstring(text, parser=parser)
    except (etree.ParserError, ValueError) as exc:
        raise ReadError(source, "无法解析网页内容 (unparsable HTML)") from exc
    if any(e.type_name == "ERR_RESOURCE_LIMIT" for e in parser.error_log):  # deeper than libxml2 goes
        raise ReadError(source, limits.message("depth", _PARSER_DEPTH, at_least=True))
    reader = _PageReader(source)
    body = root.find("body")
    reader.read(body if body is not None else root)
    if not reader.blocks:
        raise ReadError(source, "网页中没有可读的正文或表格 (no text in the page)")
    return Document(source=source, format=fmt, blocks=reader.blocks)


def _tag(element) -> str:
    tag = element.tag
    if not isinstance(tag, str):
        return ""  # comments, processing instructions
    return tag.rsplit("}", 1)[-1].lower()  # Word's <o:p> stays "o:p": inline, not a paragraph


def _hidden(element) -> bool:
    style = (element.get("style") or "").replace(" ", "").lower()
    return "display:none" in style or element.get("hidden") is not None


def _collapse(parts: list[str]) -> str:
    """Text as a browser shows it: whitespace runs collapsed, &nbsp; kept as a space."""
    return _WHITESPACE.sub(" ", "".join(parts)).replace("\xa0", " ").strip()


def _span(value: str | None) -> int:
    m = re.match(r"\s*(\d+)", value or "")
    return max(1, min(int(m.group(1)), MAX_SPAN)) if m else 1


class _PageReader:
    def __init__(self, source: str):
        self.source = source
        self.blocks: list[Block] = []
        self.buffer: list[str] = []
        self.line = 0

    # -- text --------------------------------------------------------------------------

    def flush(self) -> None:
        text = _collapse(self.buffer)
        self.buffer = []
        if text:
            self.line += 1
            self.blocks.append(TextBlock(text, Location(self.source, line=self.line)))

    def read(self, root) -> None:
        """Walk the page in document order with an explicit stack of actions (no recursion)."""
        depth_limit = limits.current().depth
        # actions: (0, element, depth) visit; (1, text, _) add text; (2, None, _) flush;
        # (3, table, depth) the table's grid, once its caption has been read
        stack: list[tuple[int, object, int]] = []
        self._push_children(stack, root, 1)
        while stack:
            action, item, depth = stack.pop()
            if action == 1:
                self.buffer.append(item)  # type: ignore[arg-type]
            elif action == 2:
                self.flush()
            elif action == 3:
                self._table(item)
            else:
                if depth > depth_limit:
                    raise ReadError(self.source, limits.message("depth", depth, at_least=True))
                self._visit(stack, item, depth)
        self.flush()

    @staticmethod
    def _push_children(stack: list, element, depth: int) -> None:
        for child in reversed(element):
            if child.tail:
                stack.append((1, child.tail, depth))
            stack.append((0, child, depth))

    def _visit(self, stack: list, element, depth: int) -> None:
        tag = _tag(element)
        if not tag or tag in _SKIP or _hidden(element):
            return
        if tag == "br":
            self.flush()
        elif tag == "table":
            self.flush()
            if _is_layout(element):
                for tr in reversed(_rows(element)):
                    stack.append((2, None, depth))
                    for cell in reversed(tr):
                        if _tag(cell) in ("td", "th"):
                            stack.append((0, cell, depth + 1))
            else:
                stack.append((3, element, depth))
                for caption in reversed([c for c in element if _tag(c) == "caption"]):  # often the table's title
                    stack.append((0, caption, depth + 1))
        elif tag == "pre":
            self.flush()
            for line in element.text_content().splitlines():
                self.buffer.append(line)
                self.flush()
        elif tag in _BLOCK:
            self.flush()
            if element.text:
                self.buffer.append(element.text)
            stack.append((2, None, depth))
            self._push_children(stack, element, depth + 1)
        else:
            if element.text:
                self.buffer.append(element.text)
            self._push_children(stack, element, depth + 1)

    # -- tables ------------------------------------------------------------------------

    def _table(self, table) -> None:
        rows = _rows(table)
        placed: dict[tuple[int, int], str] = {}
        # the positions the spans cover, counted before any is placed (1000 × 1000 spans blow a page up)
        positions, limit = 0, limits.current().cells
        for r, tr in enumerate(rows):
            for cell in tr:
                if _tag(cell) in ("td", "th"):
                    positions += _span(cell.get("colspan")) * min(_span(cell.get("rowspan")), len(rows) - r)
            if positions > limit:
                raise ReadError(self.source, limits.message("cells", positions, at_least=True))
        for r, tr in enumerate(rows):
            c = 0
            for cell in tr:
                if _tag(cell) not in ("td", "th") or _hidden(cell):
                    continue
                while (r, c) in placed:
                    c += 1
                colspan, rowspan = _span(cell.get("colspan")), _span(cell.get("rowspan"))
                rowspan = min(rowspan, len(rows) - r)
                for dr in range(rowspan):
                    for dc in range(colspan):
                        placed[(r + dr, c + dc)] = ""
                placed[(r, c)] = cell_text(cell)
                c += colspan
        if not placed:
            return
        width = max(c for _, c in placed) + 1
        grid_rows = []
        for r in range(len(rows)):
            self.line += 1
            texts = [placed.get((r, c), "") for c in range(width)]
            grid_rows.append(
                GridRow(
                    cells=[Cell(t, Location(self.source, line=self.line, column=i)) for i, t in enumerate(texts)],
                    location=Location(self.source, line=self.line),
                )
            )
        self.blocks.append(Grid(rows=grid_rows, location=grid_rows[0].location))


def _rows(table) -> list:
    """The table's own rows (not those of a nested table), in document order."""
    rows = []
    for child in table:
        tag = _tag(child)
        if tag == "tr":
            rows.append(child)
        elif tag in ("thead", "tbody", "tfoot"):
            rows.extend(r for r in child if _tag(r) == "tr")
    return rows


def _is_layout(table) -> bool:
    return any(_tag(e) == "table" for e in table.iterdescendants())


def cell_text(cell) -> str:
    lines: list[str] = []
    buffer: list[str] = []

    def flush() -> None:
        text = _collapse(buffer)
        buffer.clear()
        if text:
            lines.append(text)

    # an explicit stack (no recursion): (0, element) walk it; (1, text) add text; (2, None) flush
    stack: list[tuple[int, object]] = [(0, cell)]
    while stack:
        action, item = stack.pop()
        if action == 1:
            buffer.append(item)  # type: ignore[arg-type]
            continue
        if action == 2:
            flush()
            continue
        element = item
        if element.text:  # type: ignore[attr-defined]
            buffer.append(element.text)  # type: ignore[attr-defined]
        for child in reversed(element):  # type: ignore[call-overload]
            if child.tail:
                stack.append((1, child.tail))
            tag = _tag(child)
            if tag and tag not in _SKIP and not _hidden(child):
                if tag == "br":
                    stack.append((2, None))
                elif tag in _BLOCK:
                    stack.extend(((2, None), (0, child), (2, None)))
                else:
                    stack.append((0, child))
    flush()
    return "\n".join(lines)
