"""Classification codes in label cells, printed whole or split over 类/款/项 columns."""

from __future__ import annotations

import re

from ..textnorm import norm
from .cells import tidy

CODE = re.compile(r"^\d{3}(?:\d{2}){0,2}$")
PART = re.compile(r"^\d{2}$")
# "201 一般公共服务支出", or the code bracketed before the name: "[201]一般公共服务支出"
_CODE_AND_NAME = re.compile(r"^(?:(\d{3}(?:\d{2}){0,2})\s+|[\[【［]\s*(\d{3}(?:\d{2}){0,2})\s*[\]】］]\s*)(\S.*)$")


def code_and_name(label_cells: list[str], context: dict[str, str]) -> tuple[str | None, str]:
    """Join split 类/款/项 columns (`201 | 03 | 01` → 2010301) and find the name."""
    keys = [norm(t) for t in label_cells]
    if _ordinal_first(keys):
        # a 序号 column before the code (西安: 3 | 30101 | 基本工资): a row number, no part of code or name
        label_cells, keys = label_cells[1:], keys[1:]
    if (second := _second_classification(keys)) is not None:
        # 类 | 款 | name | 类 | 款 | name (烟台: 301 | 01 | 基本工资 | 501 | 01 | 工资奖金津补贴), or whole codes
        # (30101 | 基本工资 | 50101 | 工资奖金津补贴): a second classification printed alongside
        # (部门经济科目 → 政府经济科目); the first code and name are the row's
        label_cells, keys = label_cells[:second], keys[:second]
    if len(keys) > 1 and CODE.match(keys[0]) and len(keys[0]) == 3 and len(keys[1]) == 1 and keys[1].isdigit():
        keys[1] = "0" + keys[1]  # "301 | 2": the 款 02 printed without its leading zero
    name_parts = [
        tidy(t) for t, k in zip(label_cells, keys, strict=True) if k and not CODE.match(k) and not PART.match(k)
    ]
    name = " ".join(name_parts)
    codes = [(i, k) for i, k in enumerate(keys) if k and (CODE.match(k) or PART.match(k))]
    if not codes:
        if len(label_cells) == 1 and (m := _CODE_AND_NAME.match(label_cells[0].strip())):
            return _remember(m.group(1) or m.group(2), context), tidy(m.group(3))
        return None, name
    if len(codes) == 1 and CODE.match(codes[0][1]) and len(keys) <= 2:
        return _remember(codes[0][1], context), name
    full = [k for _, k in codes if CODE.match(k)]
    if len(full) > 1 and all(b.startswith(a) for a, b in zip(full, full[1:], strict=False)):
        # split columns that print the whole code each (205 | 20505 | 2050508): the longest
        return _remember(full[-1], context), name
    # split columns: positions 0, 1, 2 hold 类, 款, 项
    parts = {i: k for i, k in codes if i < 3}
    lei = parts.get(0) if parts.get(0) and len(parts[0]) == 3 else None
    kuan = parts.get(1)
    xiang = parts.get(2)
    if lei is None and (kuan or xiang):
        lei = context.get("lei")
    if lei is None:
        code = next((k for _, k in codes if CODE.match(k)), None)
        return (_remember(code, context) if code else None), name
    if kuan is None and xiang:
        kuan = context.get("kuan", "")[3:5] or None
    code = lei + (kuan or "") + (xiang if kuan and xiang else "")
    if not CODE.match(code):  # not a 类/款/项 code after all: keep what was printed
        code = next((k for _, k in reversed(codes) if CODE.match(k)), None)
        return (_remember(code, context) if code else None), name
    return _remember(code, context), name


def _is_code(k: str) -> bool:
    return bool(k) and bool(CODE.match(k) or PART.match(k))


def _ordinal_first(keys: list[str]) -> bool:
    """The first cell is a row number: digits that cannot begin the code printed after them."""
    if len(keys) < 3 or not keys[0].isdigit() or not CODE.match(keys[1]):
        return False
    # 3 | 30101 is a row number; 301 | 30101 prints the 类 and the whole 款 (split columns)
    return len(keys[0]) < 3 or not keys[1].startswith(keys[0])


def _second_classification(keys: list[str]) -> int | None:
    """Where a second code-and-name group starts after the row's own code and name, if one does."""
    first_code = next((i for i, k in enumerate(keys) if _is_code(k)), None)
    if first_code is None:
        return None
    name = next((i for i in range(first_code + 1, len(keys)) if keys[i] and not _is_code(keys[i])), None)
    if name is None:
        return None
    code = next((i for i in range(name + 1, len(keys)) if _is_code(keys[i])), None)
    if code is None or not any(keys[i] and not _is_code(keys[i]) for i in range(code + 1, len(keys))):
        return None
    if not CODE.match(keys[code]):
        return None  # a 款/项 part after the name is no second classification (it starts with a 类 or a whole code)
    return code


def _remember(code: str, context: dict[str, str]) -> str:
    if len(code) >= 3:
        context["lei"] = code[:3]
    if len(code) >= 5:
        context["kuan"] = code[:5]
    return code
