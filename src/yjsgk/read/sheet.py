"""Reader for spreadsheet disclosures: Excel .xlsx/.xlsm (openpyxl) and .xls (xlrd).

Each visible sheet becomes one `Grid` of its non-empty rows (a row holding only a title is
still a grid row: recognition finds titles in one-cell rows). Every row has the sheet's width
(from the first to the last column holding anything); the positions covered by a merged range
are "" (only its top-left cell keeps the text). A sheet that is only text (no row has more than
one non-empty cell: a cover, the 情况说明 or 名词解释 typed into merged cells) is a page of
text: each line of its cells is a `TextBlock`, so the narrative is read as in other formats.

Numbers are read as displayed, never as a float's repr: the cell's number format decides the
decimals (`#,##0.00` → `1,234.50`), grouping and percent (`0.00%` → `12.50%`); a zero shown as
a dash by an accounting format is "-"; without a format (General) the value is written plainly
at Excel's 15 significant digits (125.27000000000001 → 125.27).

Location: `page` is the sheet's 1-based position in the workbook, `line` the 1-based row number
in the sheet, `column` the 0-based cell index in the grid row (leading columns empty in the whole
sheet are dropped, so it is the sheet column counted from the first used one).

.xlsx needs openpyxl's normal (not read-only) mode: read-only sheets do not expose merged
ranges. Formulas are read as their cached values (what Excel last displayed).
"""

from __future__ import annotations

import datetime as dt
import io
import re
import struct
import warnings
import zipfile
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from pathlib import Path

from .. import limits
from ..document import Block, Cell, Document, Grid, GridRow, Location, TextBlock
from ..errors import ReadError
from .package import check_package

# -- numbers as displayed ------------------------------------------------------------------

_QUOTED = re.compile(r'"[^"]*"|\\.|_.|\*.|\[[^\]]*\]')
_DATE_CODES = re.compile(r"[ymdhsYMDHS]")


def number_text(value: float | int | Decimal, number_format: str | None) -> str:
    """A number as a spreadsheet displays it with this number format."""
    try:
        exact = Decimal(format(value, ".15g")) if isinstance(value, float) else Decimal(value)
    except (InvalidOperation, ValueError):
        return str(value)
    if not exact.is_finite():
        return str(value)
    fmt = (number_format or "General").strip()
    sections = fmt.split(";")
    section = sections[0]
    negative_section = False
    if exact == 0 and len(sections) >= 3:
        section = sections[2]
    elif exact < 0 and len(sections) >= 2 and sections[1].strip():
        section, negative_section = sections[1], True
    plain = _QUOTED.sub("", section)
    if section.strip().lower() in ("general", "@", "") or not re.search(r"[0#]", plain):
        literal = _literal(section)
        if exact == 0 and len(sections) >= 3 and literal.strip():
            return literal.strip()  # an accounting format shows zero as "-"
        return _plain(exact)
    percent = "%" in plain
    if percent:
        exact *= 100
    decimals = 0
    if "." in plain:
        fraction = plain.split(".", 1)[1]
        decimals = len(fraction) - len(fraction.lstrip("0#?"))  # the digit placeholders after the point
    quantum = Decimal(1).scaleb(-decimals)
    rounded = abs(exact).quantize(quantum, rounding=ROUND_HALF_UP)
    grouping = "," in plain.split(".", 1)[0]
    text = format(rounded, ",f" if grouping else "f")
    if percent:
        text += "%"
    if exact < 0 and rounded != 0:
        if negative_section and "(" in _literal(section):
            return f"({text})"
        return f"-{text}"
    return text


def _literal(section: str) -> str:
    out = re.sub(r'"([^"]*)"', r"\1", section)
    out = re.sub(r"\\(.)", r"\1", out)
    out = re.sub(r"_.|\*.|\[[^\]]*\]|\?", "", out)
    return out if out.lower() not in ("general", "@") else ""


def _plain(value: Decimal) -> str:
    text = format(value.normalize(), "f")
    return "0" if text in ("-0", "") else text


def _date_text(value: dt.datetime | dt.date | dt.time) -> str:
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    return value.isoformat()


def _text(value: object, number_format: str | None) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, (int, float, Decimal)):
        return number_text(value, number_format)
    if isinstance(value, (dt.datetime, dt.date, dt.time)):
        return _date_text(value)
    if isinstance(value, dt.timedelta):
        return str(value)
    return str(value).replace("\r\n", "\n").replace("\r", "\n")


# -- sheets → grids ------------------------------------------------------------------------


def _sheet_blocks(rows: list[tuple[int, list[str]]], source: str, page: int) -> list[Block]:
    """A table sheet as one grid of its non-empty rows; a text-only sheet as text blocks."""
    rows = [(n, texts) for n, texts in rows if any(t.strip() for t in texts)]
    if not rows:
        return []
    if all(sum(1 for t in texts if t.strip()) == 1 for _, texts in rows):
        blocks: list[Block] = []
        for number, texts in rows:
            column = next(i for i, t in enumerate(texts) if t.strip())
            location = Location(source, line=number, page=page)
            blocks.extend(TextBlock(line, location) for line in texts[column].split("\n") if line.strip())
        return blocks
    return [_grid(rows, source, page)]


def _grid(rows: list[tuple[int, list[str]]], source: str, page: int) -> Grid:
    """One grid of the sheet's rows, all of the sheet's used width."""
    first = min(next(i for i, t in enumerate(texts) if t.strip()) for _, texts in rows)
    last = max(max(i for i, t in enumerate(texts) if t.strip()) for _, texts in rows)
    grid_rows = []
    for number, texts in rows:
        texts = (texts + [""] * (last + 1 - len(texts)))[first : last + 1]
        grid_rows.append(
            GridRow(
                cells=[Cell(t, Location(source, line=number, page=page, column=i)) for i, t in enumerate(texts)],
                location=Location(source, line=number, page=page),
            )
        )
    return Grid(rows=grid_rows, location=grid_rows[0].location)


def read_xlsx(path: Path, source: str | None = None) -> Document:
    source = source or str(path)
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    check_package(path, source, "Excel", cells=True)  # sizes and cells counted before openpyxl builds a cell
    try:
        with warnings.catch_warnings():  # "extension not supported" and the like: not for the user
            warnings.simplefilter("ignore")
            workbook = load_workbook(str(path), data_only=True, read_only=False)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError, IndexError) as exc:
        raise ReadError(source, "Excel 文件已损坏，无法打开 (corrupt .xlsx)") from exc
    except Exception as exc:  # openpyxl raises parser errors of its XML library for damaged parts
        raise ReadError(source, f"Excel 文件已损坏，无法打开 (corrupt .xlsx: {type(exc).__name__})") from exc
    blocks: list[Block] = []
    try:
        for page, sheet in enumerate(workbook.worksheets, start=1):
            if sheet.sheet_state != "visible":
                continue
            # the used rectangle, which iter_rows walks: one cell far away makes a huge sheet of few cells
            rectangle = (sheet.max_row or 0) * (sheet.max_column or 0)
            if rectangle > limits.current().cells:
                raise ReadError(source, f"工作表“{sheet.title}”：" + limits.message("cells", rectangle))
            rows = []
            for row in sheet.iter_rows():
                texts = [_text(c.value, c.number_format) for c in row]
                if any(t.strip() for t in texts):
                    rows.append((row[0].row, texts))
            blocks.extend(_sheet_blocks(rows, source, page))
    finally:
        workbook.close()
    return Document(source=source, format="xlsx", blocks=blocks)


# what xlrd raises on damaged records: it unpacks them with struct and indexes them without checks
_XLRD_DAMAGE = (
    struct.error,
    OSError,
    ValueError,
    IndexError,
    KeyError,
    AssertionError,
    EOFError,
    TypeError,
    OverflowError,
)


def read_xls(path: Path, source: str | None = None) -> Document:
    source = source or str(path)
    import xlrd

    try:
        # xlrd writes its warnings to stdout unless given a log file: keep them off the report
        book = xlrd.open_workbook(str(path), formatting_info=True, on_demand=True, logfile=io.StringIO(), verbosity=0)
    except xlrd.XLRDError as exc:
        if "encrypt" in str(exc).lower():
            raise ReadError(source, "Excel 文件已加密（受密码保护），请先取消密码 (encrypted .xls)") from exc
        raise ReadError(source, "Excel 文件已损坏或不是 .xls 格式，无法打开 (corrupt .xls)") from exc
    except (*_XLRD_DAMAGE, xlrd.compdoc.CompDocError) as exc:
        raise ReadError(source, "Excel 文件已损坏，无法打开 (corrupt .xls)") from exc
    blocks: list[Block] = []
    try:
        for index in range(book.nsheets):
            try:
                sheet = book.sheet_by_index(index)
            except (*_XLRD_DAMAGE, xlrd.XLRDError) as exc:
                raise ReadError(source, "Excel 文件已损坏，无法读取工作表 (corrupt .xls)") from exc
            if sheet.visibility != 0:
                continue
            rectangle = sheet.nrows * sheet.ncols
            if rectangle > limits.current().cells:
                raise ReadError(source, f"工作表“{sheet.name}”：" + limits.message("cells", rectangle))
            covered: set[tuple[int, int]] = set()
            for rlo, rhi, clo, chi in sheet.merged_cells:  # a damaged range may reach past the sheet
                covered.update(
                    (r, c)
                    for r in range(rlo, min(rhi, sheet.nrows))
                    for c in range(clo, min(chi, sheet.ncols))
                    if (r, c) != (rlo, clo)
                )
            rows = []
            for r in range(sheet.nrows):
                texts = ["" if (r, c) in covered else _xls_text(book, sheet.cell(r, c)) for c in range(sheet.ncols)]
                rows.append((r + 1, texts))
            blocks.extend(_sheet_blocks(rows, source, index + 1))
            book.unload_sheet(index)
    finally:
        book.release_resources()
    return Document(source=source, format="xls", blocks=blocks)


def _xls_text(book, cell) -> str:
    import xlrd

    kind = cell.ctype
    if kind in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
        return ""
    if kind == xlrd.XL_CELL_TEXT:
        return str(cell.value).replace("\r\n", "\n").replace("\r", "\n")
    if kind == xlrd.XL_CELL_BOOLEAN:
        return "TRUE" if cell.value else "FALSE"
    if kind == xlrd.XL_CELL_ERROR:
        return xlrd.error_text_from_code.get(cell.value, "")
    fmt = None
    try:
        xf = book.xf_list[cell.xf_index]
        fmt = book.format_map[xf.format_key].format_str
    except (IndexError, KeyError, AttributeError, TypeError):
        pass
    if kind == xlrd.XL_CELL_DATE:
        try:
            return _date_text(xlrd.xldate_as_datetime(cell.value, book.datemode))
        except (xlrd.xldate.XLDateError, ValueError, OverflowError):
            pass
    return number_text(cell.value, fmt)
