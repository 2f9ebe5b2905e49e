"""read → recognize → check for one file: the one path every front end uses."""

from __future__ import annotations

import re
from pathlib import Path

from .check import CheckContext, Finding, check
from .config import Config
from .document import Document
from .errors import ReadError
from .model import Disclosure
from .read import SUPPORTED_SUFFIXES, read_path
from .recognize import recognize
from .textnorm import key

__all__ = ["SUPPORTED_SUFFIXES", "load", "recognize_path"]


_TITLE = re.compile(
    r"(?:部门|单位)(?:整体)?(?:支出)?(?:决算|预算)|(?:决算|预算)(?:公开|情况说明|说明)|绩效(?:自评|评价)"
)


def _has_disclosure_title(document: Document) -> bool:
    """A file with no standard table is a disclosure only if it says so at the top (情况说明 alone)."""
    lines = (key(block.text) for block in document.text_lines()[:15])
    return any(len(line) <= 40 and _TITLE.search(line) for line in lines)


def warm() -> None:
    """Import the readers now: a batch worker does it before its first file's clock starts."""
    from .read import office, pdf  # noqa: F401


def recognize_path(path: Path | str, *, ocr: bool = False) -> Disclosure:
    document = read_path(path, ocr=ocr)
    disclosure = recognize(document)
    if not disclosure.tables and (disclosure.kind == "unknown" or not _has_disclosure_title(document)):
        raise ReadError(str(path), "不是预决算公开文件：未找到标准表格或预决算字样 (not a disclosure)")
    if not disclosure.tables and not disclosure.department and disclosure.year is None:
        # a page that only mentions 部门预算: `check` would pass it as clean and `ingest` refuse it
        raise ReadError(str(path), "不是预决算公开文件：没有标准表格，也未识别出部门和年度 (not a disclosure)")
    return disclosure


def load(
    path: Path | str, config: Config | None = None, *, context: CheckContext | None = None, ocr: bool = False
) -> tuple[Disclosure, list[Finding]]:
    """Read, recognize and check one file. `context` (profile, grades, rounding) is built from
    `config` when not given; a batch builds it once and passes it to every file."""
    config = config or Config()
    context = context or CheckContext.from_config(config)
    disclosure = recognize_path(path, ocr=ocr)
    findings = check(disclosure, context, select=config.select, ignore=config.ignore, severity=config.severity)
    return disclosure, findings
