"""Side-by-side groups (基本支出表): 人员经费 and 公用经费 printed next to each other."""

from __future__ import annotations

import re

from ..amounts import parse_amount
from ..definitions import TableDef
from ..model import Row
from ..textnorm import key, norm
from .built import Built
from .cells import cell_value, tidy
from .codes import PART
from .header import split_header
from .segment import Section

_ECON_CODE = re.compile(r"^(?:3\d{2}|399)(?:\d{2})?$")

GROUP_TOTALS = {
    "personnel_total": ("人员经费合计", "人员经费"),
    "public_total": ("公用经费合计", "公用经费"),
    "total": ("合计", "总计", "基本支出合计"),
}


def build_groups(section: Section, defn: TableDef, built: Built) -> None:
    table = built.table
    table.columns = ["amount"]
    table.column_labels = {"amount": defn.label("amount")}
    _header, data = split_header(section)
    total_index = {key(alias): item for item, aliases in GROUP_TOTALS.items() for alias in aliases}
    groups: dict[int, list[Row]] = {}
    totals: list[Row] = []
    width = max((len(r.cells) for r in data), default=0)
    per_group = 4 if width % 4 == 0 and width % 3 else 3  # code, (code,) name, amount

    def group_of(index: int) -> int:
        return index // per_group if width >= 2 * per_group else 0

    for row in data:
        cells = row.cells
        i = 0
        while i < len(cells):
            k = key(cells[i].text)
            if _ECON_CODE.match(k):
                # code, name, amount; separate 类/款 code columns hold "301 | 01" or "301 | (blank)"
                j = i + 1
                if len(k) == 3 and j < len(cells) and PART.match(norm(cells[j].text)):
                    k += norm(cells[j].text)
                    j += 1
                while j < len(cells) - 1 and not cells[j].text.strip() and j - i < 2:
                    j += 1
                if j < len(cells) and parse_amount(cells[j].text) is None and cells[j].text.strip():
                    out = Row(name=tidy(cells[j].text), location=cells[i].location, code=k)
                    if j + 1 < len(cells) and (value := cell_value(cells[j + 1])) is not None:
                        out.values["amount"] = value
                    groups.setdefault(group_of(i), []).append(out)
                    i = j + 2
                    continue
            if k in total_index:
                out = Row(name=tidy(cells[i].text), location=cells[i].location, key=total_index[k])
                j = i + 1
                while j < len(cells) and key(cells[j].text) not in total_index:
                    if (value := cell_value(cells[j])) is not None:
                        out.values["amount"] = value
                        break
                    j += 1
                totals.append(out)
                i = j + 1
                continue
            i += 1
    # read down each group (人员经费 first), not across the printed rows
    table.rows = [r for g in sorted(groups) for r in groups[g]] + totals
