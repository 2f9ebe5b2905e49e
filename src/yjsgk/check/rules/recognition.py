"""What recognition could not settle, reported as findings so nothing is guessed silently."""

from __future__ import annotations

from collections.abc import Iterator

from ...model import Disclosure
from ..context import CheckContext
from ..findings import Finding
from ..registry import rule

PROBLEMS = {
    "recognize.metadata": (
        "部门、年度、金额单位应当列明",
        "notice",
        """The department, the year and the money unit must be printed; when one cannot be
        found it is reported rather than guessed.""",
    ),
    "recognize.kind": (
        "文件类型可识别",
        "notice",
        """The document should say whether it is a budget, final accounts or a performance
        evaluation; when it does not, kind-specific rules may not apply.""",
    ),
    "recognize.unit": (
        "金额单位前后一致",
        "warning",
        """All tables of one disclosure should use one money unit; mixed units (元 and 万元) are
        a common source of wrong figures.""",
    ),
    "recognize.columns": (
        "表头可识别",
        "warning",
        """A table whose header cannot be matched to the standard columns is read by the standard
        column order or not checked at all; either way a reader should look at it.""",
    ),
    "recognize.missing_name": (
        "有金额的行应有项目名称",
        "warning",
        """A 总表 row that carries an amount but no item name cannot be attributed to an income or
        expenditure item.""",
    ),
    "recognize.template": (
        "空白模板",
        "notice",
        """A blank template (a placeholder department such as 上海市XX局, no amounts in any table)
        is recognized as such; its empty values and placeholders are not reported as mistakes.""",
    ),
    "recognize.repeated_codes": (
        "科目编码在表中唯一",
        "warning",
        """A coded table that prints the same code several times (usually one block per unit) cannot
        be summed by code: the 合计 and 类/款/项 sums of such a table are not checked, and this
        says so.""",
    ),
    "recognize.unknown_table": (
        "表格可识别",
        "warning",
        """Rows with amounts that belong to no recognized standard table are not checked; the
        table title may be missing or non-standard.""",
    ),
}


EXAMPLES = {
    "recognize.metadata": "未找到年度",
    "recognize.kind": "未能判断文件类型（决算、预算或绩效自评）",
    "recognize.unit": "文件中出现不同的金额单位：万元、元",
    "recognize.columns": "一般公共预算财政拨款“三公”经费支出决算表：无法从表头确定金额列，本表未做核对",
    "recognize.missing_name": "收入支出决算总表支出侧行次 20 有金额但项目名称为空",
    "recognize.template": "这是一份空白模板（单位名称为占位符，表中没有金额），未核对其数据与完整性",
    "recognize.repeated_codes": "一般公共预算支出情况表中科目 2080501、2080505 出现多次（可能按单位分列），未核对合计与科目层级",
    "recognize.unknown_table": "有 12 行金额数据不属于任何已识别的标准表，未做核对（首行：201 | 一般公共服务支出 | 125.27）",
}


def _register(rule_id: str, title: str, severity: str, rationale: str) -> None:
    @rule(rule_id, title, severity=severity, rationale=rationale, example=EXAMPLES[rule_id])
    def check(disclosure: Disclosure, ctx: CheckContext) -> Iterator[Finding]:
        for problem in disclosure.recognition:
            if problem.rule != rule_id:
                continue
            table = problem.table
            yield Finding(
                rule=rule_id,
                severity=problem.severity or _problem_severity(problem, disclosure, severity),
                message=problem.message,
                table=table.id if table else None,
                table_title=table.display_name if table else None,
                location=problem.location,
            )


def _problem_severity(problem, disclosure: Disclosure, severity: str) -> str:
    """Mixed money units are no risk when every table with amounts states its own: a notice."""
    if problem.rule == "recognize.unit" and all(t.unit for t in disclosure.tables if any(r.values for r in t.rows)):
        return "notice"
    return severity


for _id, (_title, _severity, _rationale) in PROBLEMS.items():
    _register(_id, _title, _severity, _rationale)
