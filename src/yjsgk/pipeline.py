"""read → recognize → check for one file: the one path every front end uses."""

from __future__ import annotations

from pathlib import Path

from .check import Finding, check
from .config import Config
from .errors import ReadError
from .model import Disclosure
from .read import TEXT_SUFFIXES, read_path
from .recognize import recognize

SUPPORTED_SUFFIXES = TEXT_SUFFIXES - {""}


def recognize_path(path: Path | str) -> Disclosure:
    document = read_path(path)
    disclosure = recognize(document)
    if not disclosure.tables and disclosure.kind == "unknown":
        raise ReadError(str(path), "不是预决算公开文件：未找到标准表格或预决算字样 (not a disclosure)")
    return disclosure


def load(path: Path | str, config: Config | None = None) -> tuple[Disclosure, list[Finding]]:
    config = config or Config()
    disclosure = recognize_path(path)
    findings = check(
        disclosure,
        select=config.select,
        ignore=config.ignore,
        severity=config.severity,
        rounding_multiplier=config.rounding_multiplier,
    )
    return disclosure, findings
