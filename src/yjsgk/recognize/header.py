"""A section's rows split into header and data rows (a page break reprints the header among the data)."""

from __future__ import annotations

from ..amounts import parse_amount
from ..document import GridRow
from ..textnorm import key, norm
from .cells import TOTAL_NAMES
from .codes import CODE
from .columns import LABEL_WORDS, is_index_row
from .segment import Section


def _is_data(texts: list[str]) -> bool:
    first = norm(texts[0]) if texts else ""
    if CODE.match(first):
        return True
    if key(first) in TOTAL_NAMES and not any(key(t) for t in texts[1:]):
        return True  # a 合计 row printed blank (an empty table) is still a row
    return any(parse_amount(t) is not None for t in texts) and not is_index_row(texts)


def split_header(section: Section) -> tuple[list[GridRow], list[GridRow]]:
    """Header rows (before the first data row) and data rows, without repeated headers."""
    header: list[GridRow] = []
    data: list[GridRow] = []
    header_keys: set[str] = set()
    for row in section.rows:
        texts = [c.text for c in row.cells]
        row_key = key("".join(texts))
        if not row_key:
            continue
        if is_index_row(texts):
            header_keys.add(row_key)
            continue
        if not data and not _is_data(texts):
            header.append(row)
            header_keys.add(row_key)
        elif row_key in header_keys:
            continue  # the header repeated on a new page
        elif data and not _is_data(texts) and _looks_like_header(texts):
            header_keys.add(row_key)
        else:
            data.append(row)
    return header, data


def _looks_like_header(texts: list[str]) -> bool:
    keys = [key(t) for t in texts if key(t)]
    return bool(keys) and sum(k in LABEL_WORDS or "编码" in k for k in keys) >= 2
