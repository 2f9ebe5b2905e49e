"""Normalization for matching only; the original text is kept for display and evidence."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_CJK = r"\u3400-\u9fff\uf900-\ufaff"
_SPACE_BETWEEN_CJK = re.compile(rf"(?<=[{_CJK}（）()“”])\s+(?=[{_CJK}（）()“”])")
_ALL_SPACE = re.compile(r"\s+")
_PUNCT = re.compile(r"[()（）\[\]【】“”\"'‘’、，,。.:：;；\s·•\-—_/\\]")
_ORDINAL = re.compile(r"^\s*(?:[（(]?[一二三四五六七八九十百]+[)）、.．]|[（(]\d+[)）]|\d+[、.．](?!\d))\s*")


@lru_cache(maxsize=65536)
def norm(text: str) -> str:
    """Compatibility characters folded, all whitespace removed (`因 公 出 国` → `因公出国`)."""
    return _ALL_SPACE.sub("", unicodedata.normalize("NFKC", text))


@lru_cache(maxsize=65536)
def key(text: str) -> str:
    """Like `norm` but punctuation dropped too: for comparing names and titles."""
    return _PUNCT.sub("", norm(text))


def squeeze_cjk_spaces(text: str) -> str:
    """Drop spaces between CJK characters (letter-spaced cells) but keep other spacing."""
    return _SPACE_BETWEEN_CJK.sub("", text)


def strip_ordinal(text: str) -> str:
    """`一、一般公共服务支出` → `一般公共服务支出`; `1、部门收支总表` → `部门收支总表`."""
    return _ORDINAL.sub("", text.strip())
