"""One cell's text read: its amount or its name, either of which exports may wrap inside the cell."""

from __future__ import annotations

import re

from ..amounts import parse_amount
from ..document import Cell
from ..model import Value

TOTAL_NAMES = {"合计", "总计", "本年合计", "合计数", "总合计"}


def trim(cells: list[Cell]) -> list[Cell]:
    """Drop trailing empty cells (exports pad rows unevenly)."""
    end = len(cells)
    while end > 0 and not cells[end - 1].text.strip():
        end -= 1
    return cells[:end]


_WRAPPED_DIGITS = re.compile(r"(?<=[\d.,])[ \t]*\n\s*(?=\d)")


def cell_value(cell: Cell) -> Value | None:
    amount = parse_amount(cell.text)
    if amount is None and "\n" in cell.text:
        # an amount wrapped inside a narrow cell: "143,999.0\n0"
        amount = parse_amount(_WRAPPED_DIGITS.sub("", cell.text))
    if amount is None:
        return None
    return Value(amount.value, amount.text, amount.decimals, cell.location, amount.issue)


_WRAPPED = re.compile(r"(?<=[\u4e00-\u9fff（）])\s*\n\s*(?=[\u4e00-\u9fff（）])")


_NUMBER = re.compile(r"^[+-]?[\d,]*\d(?:\.\d+)?[%％]?$")


def tidy(text: str) -> str:
    """Whitespace tidied; a name wrapped inside its cell ("…缴\n费") joined again, and a number
    wrapped inside a narrow cell ("271.9\n0", "15200\n2": the whole cell one number once joined)."""
    if "\n" in text and _NUMBER.match(joined := _WRAPPED_DIGITS.sub("", text).strip()):
        return joined
    return re.sub(r"\s+", " ", _WRAPPED.sub("", text).replace("\u3000", " ")).strip()
