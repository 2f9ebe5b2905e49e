"""Reading printed amounts as exact `Decimal`s, noting suspicious forms."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

_BLANK = {"", "-", "--", "—", "——", "－", "/", "／", "…", "……", "*"}
_PLAIN = re.compile(r"^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")
_DECIMAL_COMMA = re.compile(r"^[+-]?\d+,\d{1,2}$")
_SPACED = re.compile(r"^[+-]?[\d,]+\s*\.\s*\d+$|^[+-]?\d[\d ]*\d(?:\.\d+)?$")


@dataclass(frozen=True, slots=True)
class Amount:
    value: Decimal
    text: str  # as printed
    decimals: int  # digits after the decimal point as printed (for the rounding bound)
    issue: str | None = None  # why the printed form is suspicious, if it is


def parse_amount(text: str) -> Amount | None:
    """Return the amount a cell states, or None when the cell states no value.

    Blanks and dashes are "no value", not zero. A decimal comma (`125,27`), spaces inside
    the number (`9746. 50`) or stray characters are read as their evident value with an issue.
    """
    raw = text.strip()
    s = unicodedata.normalize("NFKC", raw).strip().replace("\u3000", "")
    if s in _BLANK:
        return None
    negative = False
    if s.startswith("(") and s.endswith(")"):
        negative, s = True, s[1:-1]
    if _PLAIN.match(s):
        return _make(s.replace(",", ""), raw, negative)
    if _DECIMAL_COMMA.match(s):
        return _make(s.replace(",", "."), raw, negative, "小数点误写为逗号")
    if _SPACED.match(s) and " " in s:
        return _make(s.replace(" ", "").replace(",", ""), raw, negative, "数字中间有空格")
    stripped = re.sub(r"^[¥￥]|[万元]+$", "", s)
    if stripped != s and _PLAIN.match(stripped):
        return _make(stripped.replace(",", ""), raw, negative, "金额中含有多余字符")
    return None


def _make(number: str, raw: str, negative: bool, issue: str | None = None) -> Amount | None:
    try:
        value = Decimal(number)
    except InvalidOperation:
        return None
    if negative:
        value = -value
    decimals = len(number.split(".", 1)[1]) if "." in number else 0
    return Amount(value, raw, decimals, issue)
