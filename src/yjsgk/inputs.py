"""The files a command is given: files as named, folders walked for the formats yjsgk reads.

A folder that yields nothing (empty, no supported file, or not readable) is a problem the user
must hear about, not an empty report: `collect` returns it with its one-line reason.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Inputs:
    files: list[Path] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # "path: reason", one per folder that yields nothing


def supported(path: Path, suffixes: Iterable[str]) -> bool:
    # ~$name.docx: Office's lock file of an open document
    return path.suffix.lower() in suffixes and not path.name.startswith("~$")


def _reason(exc: OSError) -> str:
    if isinstance(exc, PermissionError):
        return "权限不足 (permission denied)"
    return exc.strerror or type(exc).__name__


def collect(args: Iterable[str | os.PathLike], suffixes: Iterable[str] | None = None) -> Inputs:
    """Files as given (a missing file is the reader's to report); folders walked, in a stable order,
    for the formats yjsgk reads (or `suffixes`)."""
    if suffixes is None:
        from .read import SUPPORTED_SUFFIXES

        suffixes = SUPPORTED_SUFFIXES
    suffixes = frozenset(suffixes)
    out = Inputs()
    for arg in args:
        path = Path(arg)
        if not path.is_dir():
            out.files.append(path)
            continue
        unreadable: list[str] = []

        def failed(exc: OSError, unreadable=unreadable) -> None:
            unreadable.append(f"{exc.filename}: 无法读取文件夹：{_reason(exc)}")

        found: list[Path] = []
        anything = False
        for folder, _dirs, names in os.walk(path, onerror=failed):
            anything = anything or bool(names) or bool(_dirs)
            found.extend(p for p in (Path(folder) / n for n in names) if supported(p, suffixes) and p.is_file())
        out.problems.extend(unreadable)
        if found:
            out.files.extend(sorted(found))
        elif not unreadable:
            shown = "、".join(sorted(suffixes))
            out.problems.append(
                f"{path}: 文件夹为空 (empty folder)"
                if not anything
                else f"{path}: 文件夹中没有可读取的文件（可读取：{shown}）(no supported file)"
            )
    return out
