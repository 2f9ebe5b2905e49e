"""What a reader accepts from an untrusted file: every limit in one place, by name.

A disclosure is a few hundred pages and a few thousand table cells at most; a file far beyond
that is not one (a decompression bomb, a sheet formatted down to row 1,048,576, a page nested
thousands of elements deep) and is refused early, before it is parsed, with a one-line message
naming the limit that was passed and how to raise it (`--limits NAME=VALUE`, or the environment
variable `YJSGK_LIMITS="NAME=VALUE,…"`, which worker processes inherit).

Refusing is cheap on purpose: sizes and counts are read from the file system and the zip
directory first, and the zip's members are then inflated as a stream (never held) with a cap on
the bytes actually produced, since the directory may lie.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable

from .errors import YjsgkError

ENV = "YJSGK_LIMITS"

MB = 1024 * 1024


class Limit:
    """One limit: its name, default, unit ("bytes" or "count"), what it counts in Chinese (as a
    refusal shows it) and in English. (Plain classes: cli.py imports this module at start-up.)"""

    __slots__ = ("name", "default", "unit", "what", "doc")

    def __init__(self, name: str, default: int, unit: str, what: str, doc: str):
        self.name, self.default, self.unit, self.what, self.doc = name, default, unit, what, doc


LIMITS: dict[str, Limit] = {
    limit.name: limit
    for limit in (
        Limit("pages", 500, "count", "PDF 页数", "pages of a PDF"),
        Limit("bytes", 100 * MB, "bytes", "文件大小", "size of a PDF, Word or Excel file on disk"),
        Limit(
            "text_bytes",
            20 * MB,
            "bytes",
            "文本或网页文件大小",
            "size of a text, Markdown or HTML file (they are parsed whole, in memory)",
        ),
        Limit(
            "uncompressed_bytes",
            256 * MB,
            "bytes",
            "压缩包解压后的总大小",
            "total size of a .docx/.xlsx/.xlsm package's members once inflated (declared and actually inflated)",
        ),
        Limit("entries", 10_000, "count", "压缩包中的文件数", "members of a .docx/.xlsx/.xlsm package"),
        Limit(
            "cells",
            1_000_000,
            "count",
            "表格单元格数",
            "cells of a workbook (.xlsx: cells written in the sheets, and each sheet's used rectangle; .xls: rows × columns)",
        ),
        Limit(
            "depth",
            2_048,
            "count",
            "网页元素嵌套层数",
            "nesting depth of an HTML page (libxml2 reads at most 2,048 levels)",
        ),
    )
}


class Limits:
    """The limits in force: the defaults, with `overrides` by name."""

    pages: int
    bytes: int
    text_bytes: int
    uncompressed_bytes: int
    entries: int
    cells: int
    depth: int

    def __init__(self, **overrides: int):
        for name, limit in LIMITS.items():
            setattr(self, name, overrides.get(name, limit.default))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Limits) and vars(self) == vars(other)

    def __repr__(self) -> str:
        return f"Limits({', '.join(f'{k}={v}' for k, v in vars(self).items())})"


class LimitsError(YjsgkError):
    """A `--limits` value that cannot be used (a one-line error, exit status 2)."""


_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([kmgt]?)i?b?\s*$", re.IGNORECASE)
_FACTORS = {"": 1, "k": 1024, "m": MB, "g": 1024 * MB, "t": 1024 * 1024 * MB}


def parse(items: Iterable[str]) -> dict[str, int]:
    """`NAME=VALUE` items (several may be joined by commas) as overrides; sizes may say KB/MB/GB."""
    out: dict[str, int] = {}
    for item in items:
        for part in item.split(","):
            if not part.strip():
                continue
            name, sep, value = part.partition("=")
            name = name.strip().replace("-", "_")
            if not sep or name not in LIMITS:
                known = "、".join(LIMITS)
                raise LimitsError(f"--limits 需要 名称=数值，名称是 {known} 之一（收到 {part.strip()!r}）")
            m = _SIZE.match(value)
            if not m or (LIMITS[name].unit == "count" and m.group(2)):
                raise LimitsError(f"--limits {name} 的数值无效：{value.strip()!r}")
            number = int(float(m.group(1)) * _FACTORS[m.group(2).lower()])
            if number <= 0:
                raise LimitsError(f"--limits {name} 必须大于 0")
            out[name] = number
    return out


_cache: tuple[str, Limits] | None = None


def current() -> Limits:
    """The limits in force: the defaults with the overrides of $YJSGK_LIMITS."""
    global _cache
    raw = os.environ.get(ENV, "")
    if _cache is None or _cache[0] != raw:
        _cache = (raw, Limits(**parse([raw])))
    return _cache[1]


def configure(items: Iterable[str] | None) -> Limits:
    """Apply `--limits` overrides for this process and the workers it starts (through $YJSGK_LIMITS)."""
    items = [i for i in (items or []) if i.strip()]
    if items:
        merged = {**parse([os.environ.get(ENV, "")]), **parse(items)}
        os.environ[ENV] = ",".join(f"{k}={v}" for k, v in merged.items())
    return current()


def add_option(parser) -> None:
    """`--limits NAME=VALUE` on a command that reads files."""
    names = ", ".join(f"{name} ({human(lim.default, lim.unit)})" for name, lim in LIMITS.items())
    parser.add_argument(
        "--limits",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help=f"放宽读取限制，可重复或用逗号分隔（默认：{names}）",
    )


def human(value: int, unit: str) -> str:
    if unit != "bytes":
        return f"{value:,}"
    for suffix, factor in (("GB", 1024 * MB), ("MB", MB), ("KB", 1024)):
        if value >= factor:
            amount = value / factor
            return f"{amount:.0f} {suffix}" if amount >= 10 or amount == int(amount) else f"{amount:.1f} {suffix}"
    return f"{value} B"


def message(name: str, found: int | str, *, at_least: bool = False) -> str:
    """The one-line reason of a refusal: which limit, the file's value, the limit and how to raise it."""
    limit = LIMITS[name]
    value = getattr(current(), name)
    shown = found if isinstance(found, str) else human(found, limit.unit)
    more = "超过" if at_least else ""
    return (
        f"{limit.what}{more} {shown}，超过上限 {human(value, limit.unit)}"
        f"（确需读取请用 --limits {name}=… 提高）(limit {name} exceeded)"
    )
