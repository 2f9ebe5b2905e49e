"""Target tables (项目支出绩效目标表, 部门整体支出绩效目标表) from the raw rows recognition keeps.

These tables come from PDFs and continue over many pages: each page repeats the header and
the unit/project cells of the block it continues, and text extraction often drops empty cells
so a row's cells sit left or right of their columns. Cells are therefore placed by what they
are, not only where they are:

- a unit starts with its 6-digit 单位编码, a name and its amount(s) and nothing else (项目表) or
  with its funds (资金总额, 按收入性质分, 按支出性质分) and its goal (整体表);
- a project starts with a name and an amount printed to the cent (and its unit code, which a
  shifted row may lose), followed by its goal and its first indicator;
- an indicator starts at its 一级/二级 label when printed (产出指标, 数量指标, …) or at its first
  cell; the cells after the 三级 name are read from the 指标值类型 cell (≥ ≤ = 定性 定量) when
  there is one, else from the 分值 at the right end.

An indicator whose cells sat exactly where the header puts them is `aligned`; the value
rule judges only those.
"""

from __future__ import annotations

import re

from ..amounts import parse_amount
from ..model import Row, Table, Value
from ..patterns import lazy_pattern
from ..textnorm import key, norm
from .cells import (
    CATEGORY_SECTION,
    at,
    category_name,
    figure,
    is_category,
    is_section,
    is_value_type,
    name,
    section_label,
    tidy,
)
from .model import FundLine, TargetIndicator, TargetProject, Targets, TargetUnit

_UNIT_CODE = lazy_pattern(r"^\d{6}$")
_LOOKS_NUMERIC = lazy_pattern(r"^[\d.,]+\s*\S{0,2}$")
_WEIGHT = lazy_pattern(r"\d+(?:\.\d+)?")
HEADER_KEYS = {"单位编码", "一级指标"}
SOURCE_LABELS = ("一般公共预算", "政府性基金", "财政专户", "纳入专户", "其他资金", "其他收入", "上年结转")
PLACEHOLDERS = {"", "/", "无", "-", "—"}
# 已剔除涉密部分, 涉密项目不予公开, 不含涉密项目, 涉密内容未公开 (whitespace removed)
_WITHHELD = lazy_pattern(
    r"(剔除|删除|去除|不含|未含|除外|扣除).{0,4}涉密|涉密.{0,6}(不予公开|不公开|未公开|不予列示|未列示|已剔除|除外)"
)


def _header_rest(cells: list[str]) -> bool:
    """The header's last row (按收入性质分's 一般公共预算 | 政府性基金拨款 | …) carried over a page
    break, with the end of a taller header cell that broke with it (评（扣）分 / 标准): two fund
    labels or more, no figure and no indicator label."""
    labels = sum(1 for c in cells if key(c).startswith(SOURCE_LABELS))
    return (
        labels >= 2
        and not any(_is_label(c) for c in cells)
        and not any(parse_amount(c) is not None for c in cells if c.strip())
    )


def _is_label(text: str) -> bool:
    return bool(text.strip()) and (is_section(text) or is_category(text))


class _Walk:
    def __init__(self, table: Table, kind: str):
        self.targets = Targets(kind=kind, table=table, location=table.location)
        self.kind = kind
        self.unit: TargetUnit | None = None
        self.project: TargetProject | None = None
        self.section = ""
        self.category = ""
        self.source_labels: dict[int, str] = {}

    # -- units and projects -----------------------------------------------------------

    def unit_for(self, code: str, unit_name: str, row: Row) -> TargetUnit:
        for unit in self.targets.units:
            if unit.code == code:
                return unit
        unit = TargetUnit(code=code, name=unit_name, location=row.location)
        self.targets.units.append(unit)
        return unit

    def project_for(self, unit: TargetUnit, project_name: str, row: Row, index: int) -> TargetProject:
        for project in unit.projects:
            if key(project.name) == key(project_name):
                return project
        project = TargetProject(unit_code=unit.code, name=project_name, location=at(row, index))
        unit.projects.append(project)
        return project

    # -- rows -------------------------------------------------------------------------

    def row(self, row: Row, cells: list[str]) -> None:
        keys = [key(c) for c in cells]
        if any(k in HEADER_KEYS for k in keys):
            return
        nonempty = [(i, c) for i, c in enumerate(cells) if c.strip()]
        if not nonempty:
            return
        if all(k.startswith(SOURCE_LABELS) or k in ("基本支出", "项目支出") for k in keys if k) or _header_rest(cells):
            self.source_labels = {i: name(c) for i, c in enumerate(cells) if key(c).startswith(SOURCE_LABELS)}
            return
        if key(nonempty[0][1]) == "合计":
            values = [v for i, c in nonempty[1:] if (v := figure(c, at(row, i)))]
            if values and self.targets.total is None:
                self.targets.total = values[0]
            return
        label_at = next((i for i, c in enumerate(cells) if _is_label(c)), None)
        prefix_end = label_at if label_at is not None else len(cells)
        is_header = self.header(row, cells, prefix_end, has_labels=label_at is not None)
        if label_at is not None:
            self.labelled_indicator(row, cells, label_at)
        elif not is_header:
            self.indicator(row, cells, nonempty[0][0])

    def header(self, row: Row, cells: list[str], end: int, has_labels: bool) -> bool:
        """Read a unit or project header in cells[:end]; False when the cells are not one."""
        items = [(i, c) for i, c in enumerate(cells[:end]) if c.strip()]
        if not items:
            return False
        code = None
        if _UNIT_CODE.match(norm(items[0][1])):
            code = norm(items[0][1])
            items = items[1:]
        if not items or figure(items[0][1], row.location) is not None:
            return False
        name_at, title = items[0][0], name(items[0][1])
        amounts: list[tuple[int, Value]] = []
        rest = items[1:]
        while rest and (value := figure(rest[0][1], at(row, rest[0][0]))) is not None:
            amounts.append((rest[0][0], value))
            rest = rest[1:]
        if not amounts:
            return False
        if code is None and (not has_labels or amounts[0][1].decimals < 2):
            return False  # an indicator's cells (`开展全市培训 | 1 | …`), not a project
        goal = tidy(" ".join(c for _, c in rest))
        if self.kind == "department":
            unit = self.unit_for(code or (self.unit.code if self.unit else ""), title, row)
            self.unit = unit
            if unit.amount is None:
                self.unit_amounts(unit, row, amounts)
            if goal and not unit.goal:
                unit.goal = goal
            self.section = self.category = ""
            return True
        if code is not None and not has_labels and not goal:
            unit = self.unit_for(code, title, row)  # a unit row: code, name, amount
            unit.amount = unit.amount or amounts[0][1]
            self.unit = unit
            self.project = None
            return True
        current = self.unit_for(code, "", row) if code else self.unit
        unit = current if current is not None else self.unit_for("", "", row)
        self.unit = unit
        project = self.project_for(unit, title, row, name_at)
        if project.amount is None:
            project.amount = amounts[0][1]
        if goal and not project.goal:
            project.goal = goal
        if project is not self.project:
            self.section = self.category = ""
        self.project = project
        return True

    def unit_amounts(self, unit: TargetUnit, row: Row, amounts: list[tuple[int, Value]]) -> None:
        """资金总额, then the split by source, then 基本支出 and 项目支出 (the last two)."""
        unit.amount = amounts[0][1]
        rest = amounts[1:]
        if (
            len(rest) >= 3
            or len(rest) == 2
            and rest[0][1].amount + rest[1][1].amount == unit.amount.amount
            and not self.source_labels
        ):
            (_, unit.basic), (_, unit.project) = rest[-2], rest[-1]
            rest = rest[:-2]
        for i, value in rest:
            unit.sources.append(
                FundLine(name=self.source_labels.get(i, "收入来源"), location=value.location, values={"amount": value})
            )

    def labelled_indicator(self, row: Row, cells: list[str], label_at: int) -> None:
        first = cells[label_at]
        second = cells[label_at + 1] if label_at + 1 < len(cells) else ""
        start = label_at + 1
        first_name = section_label(first)[0] if is_section(first) else ""
        if first_name and (is_category(second) or first_name != "成本指标" and is_section(second)):
            self.section, self.category = first_name, category_name(second)
            start = label_at + 2
        elif first_name == "成本指标" and self.section == "产出指标" and not is_category(second):
            self.category = "成本指标"  # 整体表: 产出指标 / 成本指标 / 基本支出
        elif first_name:
            self.section, self.category = first_name, ""
        else:
            category = category_name(first)
            self.category = category
            owner = CATEGORY_SECTION.get(key(first))
            if owner and owner != self.section and not (owner == "成本指标" and self.section == "产出指标"):
                self.section = owner
        self.indicator(row, cells, start)

    def indicator(self, row: Row, cells: list[str], start: int) -> None:
        owner = self.project if self.kind == "project" else self.unit
        if owner is None or start >= len(cells):
            return
        title = name(cells[start])
        if not title or title in PLACEHOLDERS:
            return
        layout = self.project_layout if self.kind == "project" else self.department_layout
        fields, aligned = layout(cells, start)
        value_text = tidy(fields.get("value", ""))
        unit_text = tidy(fields.get("unit", ""))
        if not value_text and _LOOKS_NUMERIC.match(unit_text) and unit_text[:1].isdigit():
            value_text, unit_text = unit_text, ""  # the value slid into the unit's cell
        weight_at = fields.get("weight_at", -1)
        indicator = TargetIndicator(
            section=self.section,
            category=self.category,
            name=title,
            location=at(row, start),
            value=value_text,
            amount=figure(value_text, at(row, fields.get("value_at", start))) if value_text else None,
            unit=unit_text,
            value_type=norm(fields.get("type", "")),
            description=tidy(fields.get("description", "")),
            standard=tidy(fields.get("standard", "")),
            weight=figure(cells[weight_at], at(row, weight_at)) if 0 <= weight_at < len(cells) else None,
            aligned=aligned,
        )
        owner.indicators.append(indicator)

    @staticmethod
    def project_layout(cells: list[str], s: int) -> tuple[dict, bool]:
        """三级 | 指标值 | 指标值内容 | 评（扣）分标准 | 度量单位 | 指标值类型 | 备注(分值)."""
        t = next((i for i in range(s + 1, len(cells)) if is_value_type(cells[i])), None)
        if t is None:
            t, aligned = s + 5, False
        else:
            aligned = t == s + 5
        get = lambda i: cells[i] if s < i < len(cells) else ""  # noqa: E731
        return {
            "value": get(t - 4),
            "value_at": t - 4,
            "description": get(t - 3),
            "standard": get(t - 2),
            "unit": get(t - 1),
            "type": get(t),
            "weight_at": t + 1,
        }, aligned

    @staticmethod
    def department_layout(cells: list[str], s: int) -> tuple[dict, bool]:
        """三级 | 指标值类型 | 指标值 | 计量单位 | 指标解释 | 评（扣）分标准 | 备注(分值)."""
        get = lambda i: cells[i] if s < i < len(cells) else ""  # noqa: E731
        last = max((i for i in range(s + 1, len(cells)) if cells[i].strip()), default=None)
        w = last if last is not None and _WEIGHT.fullmatch(norm(cells[last])) else None
        if w == s + 6 and is_value_type(get(s + 1)):
            return {
                "type": get(s + 1),
                "value": get(s + 2),
                "value_at": s + 2,
                "unit": get(s + 3),
                "description": get(s + 4),
                "standard": get(s + 5),
                "weight_at": w,
            }, True
        if w is None:  # the row is cut short: read the cells by what they are
            return _read_by_kind(cells, s + 1, len(cells), {"weight_at": -1}, short_unit=True), False
        # cells lost: 分值, 评分标准 and 指标解释 from the right, the rest read by what they are
        fields = {"description": get(w - 2), "standard": get(w - 1), "weight_at": w}
        return _read_by_kind(cells, s + 1, w - 2, fields, short_unit=False), False


def _read_by_kind(cells: list[str], start: int, stop: int, fields: dict, *, short_unit: bool) -> dict:
    """Fill the fields not yet in `fields` from the non-blank cells in [start, stop), by what each
    looks like. short_unit: a long text is no unit (a row cut short may lack one)."""
    for i in range(start, stop):
        text = cells[i]
        if not text.strip():
            continue
        if is_value_type(text) and "type" not in fields:
            fields["type"] = text
        elif "value" not in fields:
            fields["value"], fields["value_at"] = text, i
        elif "unit" not in fields and (not short_unit or len(tidy(text)) <= 4):
            fields["unit"] = text
        elif "description" not in fields:
            fields["description"] = text
    return fields


def withheld_note(texts: list[str]) -> str:
    """The note saying classified projects are left out (注：已剔除涉密部分, 涉密项目不予公开), if any."""
    for text in texts:
        plain = key(text)
        if _WITHHELD.search(plain):
            return re.sub(r"^(?:备\s*)?注\s*\d*\s*[:：.、]\s*", "", name(text))
    return ""


def parse_targets(table: Table, kind: str) -> Targets:
    walk = _Walk(table, kind)
    for row in table.rows:
        if row.cells:
            walk.row(row, list(row.cells))
    cells = [c for row in table.rows for c in row.cells or () if "涉密" in c]
    walk.targets.withheld = withheld_note(list(table.notes) + cells)
    return walk.targets
