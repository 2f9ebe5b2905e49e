"""Reader for Word (.docx) disclosures: body paragraphs and real tables, in body order.

* a paragraph is a `TextBlock` (a soft line break splits it into several, empty paragraphs are
  dropped); tabs are kept as "\\t", so a caption `部门：…\\t单位：万元` stays separable;
* a table is a `Grid` laid on the table's column grid: a cell spanning columns (gridSpan, the
  legacy hMerge) or continuing a vertical merge (vMerge) leaves "" in the positions it covers,
  and cells skipped before or after a row (gridBefore/gridAfter) are "", so every row has the
  table's full width; the paragraphs of a cell are joined by "\\n"; a table nested in a cell is
  flattened into that cell's text;
* text deleted with tracked changes is not read; text boxes are read once (not their VML
  fallback copy).

Location: `line` is the 1-based position in the body where each paragraph and each table row
counts as one line (the order a reader scrolls through the document), `column` the 0-based cell
index in the row; Word has no stable pages, so `page` is None.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from lxml import etree

from .. import limits
from ..document import Block, Cell, Document, Grid, GridRow, Location, TextBlock
from ..errors import ReadError
from .package import check_package

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


_P, _TBL, _TR, _TC, _SDT, _SDT_CONTENT, _CUSTOM_XML = (
    _w("p"),
    _w("tbl"),
    _w("tr"),
    _w("tc"),
    _w("sdt"),
    _w("sdtContent"),
    _w("customXml"),
)
_T, _TAB, _PTAB, _BR, _CR, _NB_HYPHEN = _w("t"), _w("tab"), _w("ptab"), _w("br"), _w("cr"), _w("noBreakHyphen")
_SKIP = {
    _w("pPr"),
    _w("rPr"),
    _w("tblPr"),
    _w("trPr"),
    _w("tcPr"),
    _w("sectPr"),
    _w("del"),
    _w("moveFrom"),
    f"{{{MC}}}Fallback",
}
_CONTAINERS = {
    _SDT,
    _SDT_CONTENT,
    _CUSTOM_XML,
    _w("smartTag"),
    _w("ins"),
    _w("moveTo"),
    f"{{{MC}}}AlternateContent",
    f"{{{MC}}}Choice",
}
MAX_GRID_SPAN = 200


def read_docx(path: Path, source: str | None = None) -> Document:
    source = source or str(path)
    try:
        import docx  # python-docx: opens the package and finds the main document part
        from docx.opc.exceptions import PackageNotFoundError
    except ImportError as exc:  # pragma: no cover - a dependency of the package
        raise ReadError(source, "需要安装 python-docx 才能读取 .docx 文件 (pip install python-docx)") from exc
    check_package(path, source, "Word")
    try:
        body = docx.Document(str(path)).element.body
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, etree.XMLSyntaxError) as exc:
        raise ReadError(source, "Word 文件已损坏，无法打开 (corrupt .docx)") from exc
    except (AttributeError, TypeError, IndexError) as exc:
        # a part whose XML is not what its name and content type say (members swapped or replaced):
        # python-docx finds elements of another kind where it looks for its own
        raise ReadError(source, "Word 文件已损坏：文档部件的内容与其类型不符 (corrupt .docx)") from exc
    except ValueError as exc:  # python-docx: "file '…' is not a Word file, content type is …"
        raise ReadError(source, "不是 Word 文档 (.docx)，文件内容与扩展名不符 (not a Word document)") from exc
    if body is None:
        raise ReadError(source, "Word 文件已损坏：正文部件中没有正文 (corrupt .docx)")
    try:
        return _BodyReader(source).read(body)
    except _TooManyCells as exc:  # spans (gridSpan up to 200) blow a small document up
        raise ReadError(source, limits.message("cells", exc.count, at_least=True)) from exc


class _TooManyCells(Exception):
    def __init__(self, count: int):
        super().__init__(count)
        self.count = count


class _BodyReader:
    def __init__(self, source: str):
        self.source = source
        self.blocks: list[Block] = []
        self.line = 0
        self.budget = [limits.current().cells]  # table positions left before the `cells` limit

    def read(self, body) -> Document:
        self._children(body)
        return Document(source=self.source, format="docx", blocks=self.blocks)

    def _children(self, parent) -> None:
        for child in parent:
            tag = child.tag
            if tag == _P:
                self.line += 1
                self._paragraph(child)
            elif tag == _TBL:
                self._table(child)
            elif tag in _CONTAINERS:
                self._children(child)

    def _paragraph(self, p) -> None:
        location = Location(self.source, line=self.line)
        for part in paragraph_text(p).split("\n"):
            if part.strip():
                self.blocks.append(TextBlock(part, location))

    def _table(self, tbl) -> None:
        rows = table_rows(tbl, self.budget)
        if not rows:
            return
        width = max(len(r) for r in rows)
        grid_rows = []
        for texts in rows:
            self.line += 1
            texts = texts + [""] * (width - len(texts))
            grid_rows.append(
                GridRow(
                    cells=[Cell(t, Location(self.source, line=self.line, column=i)) for i, t in enumerate(texts)],
                    location=Location(self.source, line=self.line),
                )
            )
        self.blocks.append(Grid(rows=grid_rows, location=grid_rows[0].location))


def paragraph_text(p) -> str:
    out: list[str] = []
    _runs(p, out)
    return "".join(out)


def _runs(element, out: list[str]) -> None:
    for child in element:
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIP:
            continue
        if tag == _T:
            out.append(child.text or "")
        elif tag in (_TAB, _PTAB):
            out.append("\t")
        elif tag in (_BR, _CR):
            out.append("\n")
        elif tag == _NB_HYPHEN:
            out.append("-")
        elif tag == _P:  # a paragraph of a text box inside this one
            out.append("\n")
            _runs(child, out)
            out.append("\n")
        else:
            _runs(child, out)


def _val(element, tag: str) -> str | None:
    """The w:val of a property child (tcPr/gridSpan), "" when present without a value."""
    if element is None:
        return None
    prop = element.find(_w(tag))
    if prop is None:
        return None
    return prop.get(_w("val"), "")


def _int(value: str | None, default: int) -> int:
    m = re.match(r"\s*(\d+)", value or "")
    return max(0, min(int(m.group(1)), MAX_GRID_SPAN)) if m else default


def table_rows(tbl, budget: list[int] | None = None) -> list[list[str]]:
    """Rows of cell texts on the table's column grid, merged positions as "".

    `budget` ([positions left], by default the `cells` limit) is spent by each position;
    `_TooManyCells` when it runs out."""
    if budget is None:
        budget = [limits.current().cells]
    rows: list[list[str]] = []
    for tr in _iter(tbl, _TR):
        tr_pr = tr.find(_w("trPr"))
        texts: list[str] = [""] * _int(_val(tr_pr, "gridBefore"), 0)
        for tc in _iter(tr, _TC):
            tc_pr = tc.find(_w("tcPr"))
            span = max(1, _int(_val(tc_pr, "gridSpan"), 1))
            v_merge = _val(tc_pr, "vMerge")
            h_merge = _val(tc_pr, "hMerge")
            covered = (v_merge is not None and v_merge != "restart") or (h_merge is not None and h_merge != "restart")
            budget[0] -= span
            if budget[0] < 0:
                raise _TooManyCells(limits.current().cells - budget[0])
            texts.append("" if covered else cell_text(tc))
            texts.extend([""] * (span - 1))
        texts.extend([""] * _int(_val(tr_pr, "gridAfter"), 0))
        rows.append(texts)
    return rows


def _iter(parent, tag: str):
    """Direct children with this tag, looking through content controls and custom XML."""
    for child in parent:
        if child.tag == tag:
            yield child
        elif child.tag in (_SDT, _SDT_CONTENT, _CUSTOM_XML):
            yield from _iter(child, tag)


def cell_text(tc) -> str:
    parts: list[str] = []
    _cell_parts(tc, parts)
    return "\n".join(parts).strip("\n")


def _cell_parts(element, parts: list[str]) -> None:
    for child in element:
        tag = child.tag
        if tag == _P:
            parts.append(paragraph_text(child))
        elif tag == _TBL:  # a nested table: one line per row, cells separated by tabs
            for row in table_rows(child):
                line = "\t".join(t.replace("\n", " ") for t in row if t.strip())
                if line:
                    parts.append(line)
        elif tag in _CONTAINERS:
            _cell_parts(child, parts)
