"""Normalized narrative text that remembers where each character was printed.

Claims are found on a folded form of a paragraph (full-width digits and punctuation folded by
NFKC, quotes and spaces dropped) while the sentence quoted to the reader comes from the
original text: every folded character keeps the offset of the character it came from.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_QUOTES = frozenset("“”‘’\"'「」『』")
_OPENING = frozenset("“‘「『")
_CLOSING = frozenset("”’」』")
_SPACES = re.compile(r"\s+")
_SPACE_BETWEEN_WIDE = re.compile(r"(?<=[^\x00-\x7f]) (?=[^\x00-\x7f])")


@dataclass(frozen=True, slots=True)
class Folded:
    text: str  # the folded text
    origin: tuple[int, ...]  # origin[i]: offset in the original text of folded character i
    quotes: tuple[tuple[int, int], ...] = ()  # folded [start, end) of each quoted name

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """The original offsets covering folded characters start..end (end exclusive)."""
        if not self.origin:
            return 0, 0
        start = min(max(start, 0), len(self.origin) - 1)
        end = min(max(end, start + 1), len(self.origin))
        return self.origin[start], self.origin[end - 1] + 1


def fold(text: str) -> Folded:
    """NFKC per character, quotes dropped, whitespace dropped unless it separates two digits."""
    chars: list[str] = []
    origin: list[int] = []
    marks: list[tuple[int, str]] = []  # (index in chars, opening or closing quote)
    for i, ch in enumerate(text):
        if ch in _OPENING or ch in _CLOSING:
            marks.append((len(chars), "open" if ch in _OPENING else "close"))
            continue
        for c in unicodedata.normalize("NFKC", ch):
            if c in _QUOTES:
                continue
            chars.append(c)
            origin.append(i)
    out: list[str] = []
    out_origin: list[int] = []
    position: dict[int, int] = {}  # index in chars → index in out
    n = len(chars)
    for j, c in enumerate(chars):
        position[j] = len(out)
        if c.isspace():
            prev = out[-1] if out else ""
            k = j + 1
            while k < n and chars[k].isspace():
                k += 1
            nxt = chars[k] if k < n else ""
            if prev.isdigit() and nxt.isdigit() and prev != " ":
                out.append(" ")
                out_origin.append(origin[j])
            continue
        out.append(c)
        out_origin.append(origin[j])
    position[n] = len(out)
    quotes: list[tuple[int, int]] = []
    start: int | None = None
    for index, what in marks:
        if what == "open":
            start = position[index]
        elif start is not None:
            quotes.append((start, position[index]))
            start = None
    return Folded("".join(out), tuple(out_origin), tuple(quotes))


def tidy(text: str) -> str:
    """A sentence as quoted in a message: whitespace runs between CJK dropped, others single."""
    text = _SPACES.sub(" ", text.replace("\u3000", " ")).strip()
    return _SPACE_BETWEEN_WIDE.sub("", text)
