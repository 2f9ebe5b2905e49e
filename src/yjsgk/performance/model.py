"""The typed performance model: self-evaluations (绩效自评表) and targets (绩效目标表).

Every printed figure is a `Value` (amount as printed, decimals, location), so rules can judge
it at the printed precision and point at the cell. Percentages are kept in points (`100%` →
100). Texts are kept as printed, whitespace tidied.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from ..document import Location
from ..model import Table, Value


@dataclass(slots=True)
class FundLine:
    """One line of the split by source (一般公共预算, 上年结转资金, …).

    `values` is keyed by funds column ("initial_budget", "budget", "executed") when the line is
    printed under the funds header, or "amount" when it is printed inline (`一般公共预算：419.99`).
    """

    name: str
    location: Location
    values: dict[str, Value] = field(default_factory=dict)


@dataclass(slots=True)
class Funds:
    """The funds block: 年度资金总额 and its split."""

    location: Location
    initial_budget: Value | None = None  # 年初预算数
    budget: Value | None = None  # 全年预算数
    executed: Value | None = None  # 全年执行数
    weight: Value | None = None  # 分值
    rate: Value | None = None  # 执行率, in points
    score: Value | None = None  # 得分
    sources: list[FundLine] = field(default_factory=list)  # 按收入性质分
    basic: Value | None = None  # 按支出性质分：基本支出
    project: Value | None = None  # 按支出性质分：项目支出


def _path(*parts: str) -> str:
    """产出指标/数量指标/<三级指标>, leaving out the levels not printed."""
    return "/".join(p for p in parts if p)


@dataclass(slots=True)
class Indicator:
    """A 三级指标 of a self-evaluation."""

    section: str  # 一级指标, normalized: 产出指标 / 效益指标 / 满意度指标 / 成本指标
    category: str  # 二级指标, whitespace removed: 数量指标, 社会效益指标, …
    name: str  # 三级指标 as printed
    location: Location
    target: str = ""  # 年度指标值
    actual: str = ""  # 实际完成值
    weight: Value | None = None  # 分值
    score: Value | None = None  # 得分
    reason: str = ""  # 偏差原因分析及改进措施

    @property
    def path(self) -> str:
        return _path(self.section, self.category, self.name)


@dataclass(slots=True)
class Section:
    name: str  # 产出指标
    label: str  # as printed: 产出指标 (50分)
    location: Location
    points: Value | None = None  # the section's stated points (50分)
    indicators: list[Indicator] = field(default_factory=list)


@dataclass(slots=True)
class Grading:
    """Grade thresholds: (label, lower bound inclusive), highest first."""

    bands: list[tuple[str, Decimal]]
    source: str  # "document" | "config" | "default"
    text: str = ""  # the statement as printed, for a document's own thresholds
    location: Location | None = None

    def grade(self, score: Decimal) -> str | None:
        for label, lower in self.bands:
            if score >= lower:
                return label
        return None

    def describe(self) -> str:
        parts = []
        previous: Decimal | None = None
        for label, lower in self.bands:
            if previous is None:
                parts.append(f"{label} ≥ {_num(lower)}")
            elif lower > 0:
                parts.append(f"{label} {_num(lower)}–{_num(previous)}")
            else:
                parts.append(f"{label} < {_num(previous)}")
            previous = lower
        return "，".join(parts)


def _num(value: Decimal) -> str:
    return format(value.normalize(), "f") if value == value.to_integral() else format(value, "f")


@dataclass(slots=True)
class Statement:
    """A figure the self-evaluation report states in its text."""

    what: str  # "total" | "grade" | "basic" | "project"
    text: str  # the sentence, for the message
    location: Location
    value: Value | None = None
    grade: str | None = None


@dataclass(slots=True)
class Report:
    """The self-evaluation report (绩效自评报告) that goes with the department table."""

    title: str
    location: Location
    statements: list[Statement] = field(default_factory=list)


@dataclass(slots=True)
class Evaluation:
    """One self-evaluation table: 部门整体支出 (kind "department") or 项目支出 (kind "project")."""

    kind: str
    table: Table
    location: Location
    name: str = ""  # the department (整体) or the project (项目)
    department: str = ""  # 主管部门 / 部门名称
    funds: Funds | None = None
    goal_expected: str = ""  # 年度总体目标：预期目标
    goal_actual: str = ""  # 实际完成情况
    sections: list[Section] = field(default_factory=list)
    has_reason_column: bool = False
    total_weight: Value | None = None  # 总分 row: 分值
    total_score: Value | None = None  # 总分 row: 得分
    total_location: Location | None = None
    grade: str | None = None  # as printed: 良
    grade_location: Location | None = None
    thresholds: Grading | None = None  # stated by the document (备注), if it does
    report: Report | None = None

    @property
    def title(self) -> str:
        """How a finance officer names this table: its title and, for a project, the project."""
        base = self.table.display_name
        return f"{base}（{self.name}）" if self.kind == "project" and self.name else base

    def indicators(self) -> list[Indicator]:
        return [i for s in self.sections for i in s.indicators]


@dataclass(slots=True)
class TargetIndicator:
    """A 三级指标 of a target table (no scores: a value to reach and its weight)."""

    section: str
    category: str
    name: str
    location: Location
    value: str = ""  # 指标值 as printed
    amount: Value | None = None  # 指标值 when it is a number (`95`, `90%` → 90, `70万元` → 70)
    unit: str = ""  # 度量单位 / 计量单位
    value_type: str = ""  # 指标值类型: ≥ ≤ = 定性 定量
    description: str = ""  # 指标值内容 / 指标解释
    standard: str = ""  # 评（扣）分标准
    weight: Value | None = None  # 备注 / 分值
    aligned: bool = False  # the cells sat where the header puts them (not a shifted PDF row)

    @property
    def path(self) -> str:
        return _path(self.section, self.category, self.name)


@dataclass(slots=True)
class TargetProject:
    unit_code: str
    name: str
    location: Location
    amount: Value | None = None  # 资金总额
    goal: str = ""
    indicators: list[TargetIndicator] = field(default_factory=list)


@dataclass(slots=True)
class TargetUnit:
    """A budget unit (单位编码) of a target table, with its projects or its own indicators."""

    code: str
    name: str
    location: Location
    amount: Value | None = None  # 资金总额
    sources: list[FundLine] = field(default_factory=list)  # 按收入性质分 (部门整体)
    basic: Value | None = None  # 按支出性质分 (部门整体)
    project: Value | None = None
    goal: str = ""
    indicators: list[TargetIndicator] = field(default_factory=list)  # 部门整体
    projects: list[TargetProject] = field(default_factory=list)  # 项目支出

    @property
    def label(self) -> str:
        """How findings name the unit: its code and name."""
        return f"{self.code} {self.name}".strip()


@dataclass(slots=True)
class Targets:
    """One target table: 项目支出绩效目标表 (kind "project") or 部门整体支出绩效目标表 ("department")."""

    kind: str
    table: Table
    location: Location
    total: Value | None = None  # 合计
    units: list[TargetUnit] = field(default_factory=list)
    # the table's own note that it leaves classified projects out (注：已剔除涉密部分): the
    # projects shown then add up to less than their unit's 资金总额, by the withheld amount
    withheld: str = ""

    @property
    def title(self) -> str:
        return self.table.display_name

    def projects(self) -> list[TargetProject]:
        return [p for u in self.units for p in u.projects]
