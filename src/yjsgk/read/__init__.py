"""Readers: one per format, each turning a file into the neutral `Document`."""

from __future__ import annotations

from pathlib import Path

from ..document import Document
from ..errors import ReadError
from .office import OFFICE_SUFFIXES
from .text import read_text

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text", ""}
PDF_SUFFIXES = {".pdf"}
SUPPORTED_SUFFIXES = (TEXT_SUFFIXES - {""}) | PDF_SUFFIXES | OFFICE_SUFFIXES


def read_path(path: Path | str, *, ocr: bool = False) -> Document:
    """The file as a neutral document; `ocr` reads a scanned PDF by OCR instead of refusing it."""
    path = Path(path)
    source = str(path)
    if not path.exists():
        raise ReadError(source, "文件不存在 (no such file)")
    if path.is_dir():
        raise ReadError(source, "这是一个目录，请指定文件 (is a directory)")
    suffix = path.suffix.lower()
    try:
        if suffix in TEXT_SUFFIXES:
            return read_text(path, source)
        if suffix in PDF_SUFFIXES:
            from .pdf import read_pdf  # imported on demand: PDFium is not needed for text

            return read_pdf(path, source, ocr=ocr)
        if suffix in OFFICE_SUFFIXES:
            from .office import read_office  # Word, Excel and web pages, by their content

            return read_office(path, source)
    except OSError as exc:
        raise ReadError(source, f"无法读取文件：{exc.strerror or exc}") from exc
    raise ReadError(
        source,
        f"暂不支持的文件格式 {suffix}（目前支持 .txt / .md / .pdf / .docx / .doc / .xlsx / .xlsm / .xls / .html / .htm）",
    )
