"""Self-evaluation tables (绩效自评表) from the raw rows recognition keeps.

The layouts of the seeds, all read by one walk down the rows:

- a name row (预算部门名称 / 项目支出名称 / 部门名称, 主管部门);
- the funds header (年初预算数, 全年预算数, 全年执行数, 分值, 执行率, 得分) and its rows: the total
  (年度资金总额 / 合计), then the split by source either under the same columns (当年财政拨款, 上年结转资金,
  其他资金) or inline (`一般公共预算：419.99`) beside the split by 基本/项目支出;
- the goals header (年度总体目标 | 预期目标 | 实际完成情况) and its text;
- the indicator header (一级指标, 二级指标, 三级指标, 年度指标值, 实际完成值, 分值, 得分, 偏差原因) and
  one row per 三级指标, the 一级 and 二级 printed on the first row of their group only (merged
  cells) and repeated after a page break;
- the 总分 row (分值, 得分, and sometimes 等级: 良).

Cell-per-line exports break a row where a cell holds blank lines; those halves are joined first.
"""

from __future__ import annotations

import re

from ..model import Table
from ..patterns import lazy_pattern
from ..textnorm import key
from .cells import (
    RawRow,
    category_name,
    figure,
    is_section,
    merge_split_rows,
    raw_rows,
    section_label,
    tidy,
)
from .cells import (
    name as label_text,
)
from .model import Evaluation, FundLine, Funds, Indicator, Section

NAME_LABELS = {
    "预算部门名称": "department",
    "部门名称": "department",
    "单位名称": "department",
    "主管部门": "department",
}
PROJECT_LABELS = ("项目支出名称", "项目名称", "专项名称", "专项资金名称")
OTHER_LABELS = ("实施单位", "支出方向名称", "项目总投资", "其中财政拨款", "项目总实施期")
TOTAL_KEYS = {"总分", "总得分", "合计得分", "自评总分", "自评得分"}
FUND_TOTAL_KEYS = {
    "年度资金总额",
    "合计",
    "资金总额",
    "总额",
    "年度资金总额万元",
    "金额合计",
    "资金合计",
    "合计金额",
    "项目资金总额",
}
# what a line of the split by source is called (a 部门整体 table may list tasks under the funds
# header instead: those lines are not sources)
SOURCE_WORDS = (
    "财政拨款",
    "结转",
    "其他资金",
    "一般公共预算",
    "政府性基金",
    "财政专户",
    "专户",
    "国有资本",
    "事业收入",
    "其他收入",
    "自有资金",
    "上级补助",
    "非税收入",
)
_INLINE = lazy_pattern(r"^(?:其中\s*[:：]\s*)?(.+?)\s*[:：]\s*([-\d.,，%]*)\s*$")
_GRADE = lazy_pattern(r"(?:评价|自评|考核)?等级\s*[:：]?\s*(\S+)")


def _is_funds_header(cells: list[str]) -> bool:
    keys = [key(c) for c in cells]
    return (
        any("全年执行" in k for k in keys)
        and any("预算" in k for k in keys)
        and any(k.startswith("分值") or k == "执行率" or k.startswith("得分") for k in keys)
    )


def _is_goals_header(cells: list[str]) -> bool:
    keys = [key(c) for c in cells]
    return any("总体目标" in k for k in keys) and any("预期目标" in k or "实际完成" in k for k in keys)


def _is_indicator_header(cells: list[str]) -> bool:
    keys = [key(c) for c in cells]
    return "一级指标" in keys and "二级指标" in keys


def _is_header(cells: list[str]) -> bool:
    return _is_funds_header(cells) or _is_goals_header(cells) or _is_indicator_header(cells)


def _funds_positions(cells: list[str]) -> dict[int, str]:
    out: dict[int, str] = {}
    for i, cell in enumerate(cells):
        k = key(cell)
        if k.startswith("得分"):
            out[i] = "score"
        elif k.startswith("执行率"):
            out[i] = "rate"
        elif k.startswith("分值"):
            out[i] = "weight"
        elif "年初" in k:
            out[i] = "initial_budget"
        elif "全年预算" in k:
            out[i] = "budget"
        elif "全年执行" in k:
            out[i] = "executed"
    return out


def _indicator_positions(cells: list[str]) -> dict[str, int]:
    out: dict[str, int] = {}
    for i, cell in enumerate(cells):
        k = key(cell)
        field = None
        if k == "一级指标":
            field = "section"
        elif k == "二级指标":
            field = "category"
        elif k == "三级指标":
            field = "name"
        elif k.startswith("实际完成"):
            field = "actual"
        elif "指标值" in k:
            field = "target"
        elif k.startswith("分值") or k == "权重":
            field = "weight"
        elif k.startswith("得分"):
            field = "score"
        elif k.startswith("偏差") or "原因" in k:
            field = "reason"
        if field and field not in out:
            out[field] = i
    return out


class _Walk:
    def __init__(self, table: Table, kind: str):
        self.table = table
        self.kind = kind
        self.evaluations: list[Evaluation] = []
        self.current: Evaluation | None = None
        self.state: str | None = None
        self.funds_at: dict[int, str] = {}
        self.goals_at: dict[str, int] = {}
        self.indicators_at: dict[str, int] = {}
        self.indicator_width = 0
        self.category = ""

    # -- evaluation boundaries --------------------------------------------------------

    def evaluation(self, row: RawRow) -> Evaluation:
        if self.current is None:
            self.current = Evaluation(kind=self.kind, table=self.table, location=row.location)
            self.evaluations.append(self.current)
        return self.current

    def start_new_if_filled(self, row: RawRow) -> Evaluation:
        """A name row after a finished evaluation starts the next one (tables printed back to back)."""
        ev = self.current
        if ev is not None and (ev.sections or ev.funds is not None):
            self.current = None
            self.state = None
        return self.evaluation(row)

    # -- rows -------------------------------------------------------------------------

    def row(self, row: RawRow, cells: list[str]) -> None:
        keys = [key(c) for c in cells]
        if self.name_row(row, cells, keys):
            return
        if _is_funds_header(cells):
            ev = self.evaluation(row)
            self.funds_at = _funds_positions(cells)
            ev.funds = Funds(location=row.location)
            self.state = "funds"
            return
        if _is_goals_header(cells):
            self.goals_at = {}
            for i, k in enumerate(keys):
                if "预期目标" in k:
                    self.goals_at["expected"] = i
                elif "实际完成" in k:
                    self.goals_at["actual"] = i
            self.state = "goals"
            return
        if _is_indicator_header(cells):
            ev = self.evaluation(row)
            self.indicators_at = _indicator_positions(cells)
            self.indicator_width = len(cells)
            ev.has_reason_column = "reason" in self.indicators_at
            self.state = "indicators"
            return
        if any(k in TOTAL_KEYS for k in keys):
            self.total_row(row, cells, keys)
            return
        if self.state == "funds":
            self.funds_row(row, cells, keys)
        elif self.state == "goals":
            self.goals_row(cells)
        elif self.state == "indicators":
            self.indicator_row(row, cells)
        elif self.state == "total":
            self.grade_row(row, cells)

    def name_row(self, row: RawRow, cells: list[str], keys: list[str]) -> bool:
        if not any(keys):
            return False
        labels = [i for i, k in enumerate(keys) if k in NAME_LABELS or k.startswith(PROJECT_LABELS)]
        if not labels or self.state in ("indicators", "goals") and labels[0] > 1:
            return False
        first = labels[0]
        is_project = keys[first].startswith(PROJECT_LABELS)
        value = ""
        for k, cell in zip(keys[first + 1 :], cells[first + 1 :], strict=True):
            if not k or k in NAME_LABELS or k.startswith(PROJECT_LABELS) or k.startswith(OTHER_LABELS):
                if value:
                    break
                continue
            value = label_text(cell)
            break
        if is_project:
            self.start_new_if_filled(row).name = value
        else:
            ev = self.evaluation(row)
            if not ev.department:
                ev.department = value
            if self.kind == "department" and not ev.name:
                ev.name = value
        return True

    def funds_row(self, row: RawRow, cells: list[str], keys: list[str]) -> None:
        funds = self.evaluation(row).funds
        assert funds is not None
        label_index = next((i for i, k in enumerate(keys) if k and figure(cells[i], row.location) is None), None)
        values = {
            field: v for i, field in self.funds_at.items() if i < len(cells) and (v := figure(cells[i], row.at(i)))
        }
        label = keys[label_index] if label_index is not None else ""
        if label in FUND_TOTAL_KEYS:
            if funds.budget is None and funds.executed is None:
                for field, value in values.items():
                    setattr(funds, field, value)
            return
        inline = [(i, m) for i, c in enumerate(cells) if (m := _INLINE.match(tidy(c)))]
        if inline and not any(f in values for f in ("initial_budget", "budget", "executed")):
            for i, m in inline:
                name = label_text(m.group(1))
                if "性质" in key(name) or not any(w in key(name) for w in SOURCE_WORDS + ("基本支出", "项目支出")):
                    continue
                amount = figure(m.group(2), row.at(i)) if m.group(2) else None
                if "基本支出" in key(name):
                    funds.basic = amount
                elif "项目支出" in key(name):
                    funds.project = amount
                else:
                    line = FundLine(name=name, location=row.at(i))
                    if amount is not None:
                        line.values["amount"] = amount
                    funds.sources.append(line)
            return
        if label_index is None or not any(w in label for w in SOURCE_WORDS):
            return
        name = re.sub(r"^其中\s*[:：]\s*", "", label_text(cells[label_index]))
        line = FundLine(name=name, location=row.at(label_index))
        for field in ("initial_budget", "budget", "executed"):
            if field in values:
                line.values[field] = values[field]
        funds.sources.append(line)

    def goals_row(self, cells: list[str]) -> None:
        ev = self.current
        if ev is None:
            return
        for field, attr in (("expected", "goal_expected"), ("actual", "goal_actual")):
            i = self.goals_at.get(field)
            if i is not None and i < len(cells) and cells[i].strip():
                text = tidy(cells[i])
                setattr(ev, attr, f"{getattr(ev, attr)} {text}".strip())

    def cell(self, cells: list[str], field: str) -> tuple[int, str]:
        i = self.indicators_at.get(field)
        if i is None or i >= len(cells):
            return -1, ""
        return i, cells[i]

    def indicator_row(self, row: RawRow, cells: list[str]) -> None:
        ev = self.evaluation(row)
        if len(cells) < self.indicator_width:  # leading merged cells left out: align on the right
            pad = self.indicator_width - len(cells)
            parts = [(first + pad, where) for first, where in row.parts] or [(pad, row.location)]
            row = RawRow(row.row, [""] * pad + cells, parts, [*[None] * pad, *row.locations] if row.locations else None)
            cells = row.cells
        _, section_text = self.cell(cells, "section")
        if section_text.strip() and is_section(section_text):
            name, points = section_label(section_text)
            current = ev.sections[-1] if ev.sections else None
            if current is None or current.name != name:
                i = self.indicators_at["section"]
                points_value = figure(str(points), row.at(i)) if points is not None else None
                ev.sections.append(
                    Section(name=name, label=label_text(section_text), location=row.at(i), points=points_value)
                )
                self.category = ""
        if not ev.sections:
            return
        section = ev.sections[-1]
        _, category = self.cell(cells, "category")
        if category.strip():
            self.category = category_name(category)
        name_at, name = self.cell(cells, "name")
        weight_at, weight = self.cell(cells, "weight")
        score_at, score = self.cell(cells, "score")
        indicator = Indicator(
            section=section.name,
            category=self.category,
            name=label_text(name),
            location=row.at(name_at if name_at >= 0 else 0),
            target=tidy(self.cell(cells, "target")[1]),
            actual=tidy(self.cell(cells, "actual")[1]),
            weight=figure(weight, row.at(weight_at)) if weight_at >= 0 else None,
            score=figure(score, row.at(score_at)) if score_at >= 0 else None,
            reason=tidy(self.cell(cells, "reason")[1]),
        )
        if indicator.name or indicator.weight is not None or indicator.score is not None:
            section.indicators.append(indicator)

    def total_row(self, row: RawRow, cells: list[str], keys: list[str]) -> None:
        ev = self.evaluation(row)
        k = next(i for i, kk in enumerate(keys) if kk in TOTAL_KEYS)
        ev.total_location = row.at(k)
        if len(cells) == self.indicator_width and "weight" in self.indicators_at and "score" in self.indicators_at:
            wi, si = self.indicators_at["weight"], self.indicators_at["score"]
            ev.total_weight = figure(cells[wi], row.at(wi))
            ev.total_score = figure(cells[si], row.at(si))
        else:
            numbers = [(i, v) for i, c in enumerate(cells) if i > k and (v := figure(c, row.at(i))) is not None]
            if len(numbers) >= 2:
                ev.total_weight, ev.total_score = numbers[0][1], numbers[1][1]
            elif len(numbers) == 1:
                ev.total_score = numbers[0][1]
        self.grade_row(row, cells)
        self.state = "total"

    def grade_row(self, row: RawRow, cells: list[str]) -> None:
        ev = self.current
        if ev is None or ev.grade:
            return
        for i, cell in enumerate(cells):
            text = tidy(cell)
            if m := _GRADE.fullmatch(text.replace(" ", "")):
                ev.grade, ev.grade_location = m.group(1), row.at(i)
                return
            if key(text) in ("等级", "评价等级", "自评等级") and i + 1 < len(cells) and cells[i + 1].strip():
                ev.grade, ev.grade_location = tidy(cells[i + 1]), row.at(i + 1)
                return


def parse_evaluations(table: Table, kind: str) -> list[Evaluation]:
    walk = _Walk(table, kind)
    for raw in merge_split_rows(raw_rows(table.rows), _is_header):
        walk.row(raw, raw.cells)
    return [e for e in walk.evaluations if e.funds is not None or e.sections]
