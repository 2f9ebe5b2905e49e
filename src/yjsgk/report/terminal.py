"""Terminal helpers: display width of CJK text and a one-line progress bar on stderr."""

from __future__ import annotations

import shutil
import sys
import time
import unicodedata
from pathlib import Path


def width(text: str) -> int:
    """Columns a text takes in a terminal (CJK characters count double)."""
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)


def clip(text: str, columns: int) -> str:
    while width(text) > columns:
        text = text[:-1]
    return text


def pad(text: str, columns: int, right: bool) -> str:
    gap = " " * max(0, columns - width(text))
    return gap + text if right else text + gap


class Progress:
    """A one-line progress bar on a terminal (stderr); silent otherwise."""

    def __init__(self, stream=sys.stderr, width: int = 28):
        self.stream = stream
        self.width = width
        self.started = time.perf_counter()

    def __call__(self, done: int, total: int, current: str, *, failed: int | None = None) -> None:
        """`done` of `total` files (`failed` of them, when given: shown with the files remaining)."""
        if total == 0:
            return
        filled = int(self.width * done / total)
        rate = done / max(time.perf_counter() - self.started, 1e-9)
        name = Path(current).name if current else ""
        if len(name) > 40:
            name = "…" + name[-39:]
        columns = max(40, min(120, shutil.get_terminal_size().columns - 1))
        counts = f"{done}/{total}" if failed is None else f"{done}/{total} 失败 {failed} 剩余 {total - done}"
        line = f"[{'#' * filled}{'.' * (self.width - filled)}] {counts} {rate:5.1f}/s {name}"
        self.stream.write("\r" + pad(clip(line, columns), columns, False))
        if done == total:
            self.stream.write("\r" + " " * columns + "\r")
        self.stream.flush()
