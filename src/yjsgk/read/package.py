"""The zip package under .docx/.xlsx/.xlsm, checked before a parser touches it.

A decompression bomb is a small file whose members inflate to gigabytes: python-docx holds
every member in memory and openpyxl builds a cell object for each cell written, so a 3 MB
.docx inflating to 3 GB, or a 1,000,000-row sheet, would take minutes and gigabytes before
failing. Here, in this order, each step refusing with the limit it passed (`yjsgk.limits`):

1. the zip directory: the number of members (`entries`), their compression (only stored and
   deflated, the two Office writes: bzip2 and LZMA members would inflate without a bound per
   read), encryption, and the sum of their declared sizes (`uncompressed_bytes`);
2. the members themselves, inflated as a stream in small reads and thrown away, counting the
   bytes actually produced (the directory may lie) and, for a workbook, the cells and rows
   written in its XML (`cells`), stopping as soon as a limit is passed; a damaged member (bad
   CRC, broken deflate stream) is found here too, as a corrupt file.

Memory stays at one read buffer; time is that of inflating at most `uncompressed_bytes`.
"""

from __future__ import annotations

import re
import struct
import zipfile
import zlib
from pathlib import Path

from .. import limits
from ..errors import ReadError

CHUNK = 64 * 1024
# the start of a cell or a row element of SpreadsheetML, with or without a namespace prefix
# (counted with bytes.count, which is many times faster than a regular expression)
# (each pattern is a pass over the bytes: three, and three more for a sheet written with a prefix)
_CELL_TAGS = (b"<c ", b"<c>", b"<row")
_PREFIXED_TAGS = (b":c ", b":c>", b":row")
_OVERLAP = 64  # a "<" this far from the end of a read has its tag name complete
# a merged range: openpyxl makes a cell object for every position it covers (A1:XFD1048576 hangs it)
_MERGE = re.compile(
    rb'<(?:[A-Za-z_][\w.-]*:)?mergeCell\s[^>]*?ref="\$?([A-Z]{1,3})\$?(\d{1,7}):\$?([A-Z]{1,3})\$?(\d{1,7})"'
)
_MIN_ENTRY = 46  # bytes of a central directory record without its name


def entry_count(fh, source: str, corrupt: str) -> None:
    """Refuse a package with too many members from its end record alone, before the directory
    is parsed (parsing 20,000 records takes seconds): the count it states, and the size of the
    directory (the count may lie; a record of a member named in 1 KB is 1,070 bytes)."""
    try:
        end = zipfile._EndRecData(fh)  # type: ignore[attr-defined]  # the stdlib's own reader of the end record
    except (OSError, ValueError, struct.error) as exc:
        raise ReadError(source, corrupt) from exc
    if end is None:
        raise ReadError(source, corrupt)
    stated = end[zipfile._ECD_ENTRIES_TOTAL]  # type: ignore[attr-defined]
    size = end[zipfile._ECD_SIZE]  # type: ignore[attr-defined]
    limit = limits.current().entries
    if stated > limit:
        raise ReadError(source, limits.message("entries", stated))
    if size > limit * (_MIN_ENTRY + 1024):
        raise ReadError(source, limits.message("entries", f"过多（目录 {limits.human(size, 'bytes')}）"))


def check_package(path: Path, source: str, label: str, *, cells: bool = False) -> None:
    """Refuse a zip package that passes a limit or is damaged; `label` names the format (Word, Excel)."""
    lim = limits.current()
    corrupt = f"{label} 文件已损坏，无法打开 (corrupt package)"
    with open(path, "rb") as fh:
        entry_count(fh, source, corrupt)
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError, NotImplementedError) as exc:
        raise ReadError(source, corrupt) from exc
    with archive:
        members = [i for i in archive.infolist() if not i.is_dir()]
        if len(members) > lim.entries:
            raise ReadError(source, limits.message("entries", len(members)))
        archive_size = path.stat().st_size
        for info in members:
            # a member cannot hold more compressed bytes than the file; a stored one holds its size:
            # a directory saying otherwise lies (and would make zipfile allocate gigabytes for one read)
            if info.compress_size > archive_size or (
                info.compress_type == zipfile.ZIP_STORED and info.compress_size != info.file_size
            ):
                raise ReadError(source, corrupt)
            if info.flag_bits & 0x1:
                raise ReadError(source, f"{label} 文件已加密（受密码保护），请先取消密码 (encrypted member)")
            if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
                raise ReadError(
                    source, f"{label} 文件使用了不支持的压缩方式（{info.compress_type}），文件可能已损坏 (compression)"
                )
        declared = sum(i.file_size for i in members)
        if declared > lim.uncompressed_bytes:
            raise ReadError(source, limits.message("uncompressed_bytes", declared))
        inflated = counted = 0
        try:
            for info in members:
                carry = b""  # from the last "<" of the previous read: a tag perhaps cut in two
                count_here = cells and info.filename.lower().endswith(".xml")
                tags: tuple[bytes, ...] = _CELL_TAGS
                with archive.open(info) as member:
                    while chunk := member.read(CHUNK):
                        inflated += len(chunk)
                        if inflated > lim.uncompressed_bytes:
                            raise ReadError(source, limits.message("uncompressed_bytes", inflated, at_least=True))
                        if count_here:
                            if not carry and tags is _CELL_TAGS and (b":sheetData" in chunk or b":worksheet" in chunk):
                                tags = _CELL_TAGS + _PREFIXED_TAGS
                            data = carry + chunk
                            cut = data.rfind(b"<")
                            if cut < 0 or len(data) - cut > _OVERLAP:
                                cut = len(data)
                            counted += sum(data.count(tag, 0, cut) for tag in tags)
                            if data.find(b"mergeCell", 0, cut) >= 0:
                                counted += sum(_merged_area(m) for m in _MERGE.finditer(data, 0, cut))
                            carry = data[cut:]
                            if counted > lim.cells:
                                raise ReadError(source, limits.message("cells", counted, at_least=True))
                    counted += sum(carry.count(tag) for tag in tags)
                    counted += sum(_merged_area(m) for m in _MERGE.finditer(carry))
                    if counted > lim.cells:
                        raise ReadError(source, limits.message("cells", counted, at_least=True))
        except (
            zipfile.BadZipFile,
            zlib.error,
            EOFError,
            OSError,
            ValueError,
            NotImplementedError,
            RuntimeError,
        ) as exc:
            raise ReadError(source, corrupt) from exc


def _column(letters: bytes) -> int:
    number = 0
    for ch in letters:
        number = number * 26 + ch - 64
    return number


def _merged_area(m: re.Match) -> int:
    """The positions a merged range covers, less its first cell (which is counted as a cell)."""
    c0, r0, c1, r1 = _column(m.group(1)), int(m.group(2)), _column(m.group(3)), int(m.group(4))
    return (abs(c1 - c0) + 1) * (abs(r1 - r0) + 1) - 1
