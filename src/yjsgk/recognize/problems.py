"""What recognition can fail to settle: one record per problem, used by the recognizer as constants
and registered as `recognize.*` rules (check/rules/recognition.py), so id, title, severity and
rationale are written once."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ProblemKind:
    id: str
    title: str
    severity: str  # of the finding, unless the problem states its own
    rationale: str


METADATA = ProblemKind(
    "recognize.metadata",
    "部门、年度、金额单位应当列明",
    "notice",
    """The department, the year and the money unit must be printed; when one cannot be found it is reported rather than guessed.""",
)

KIND = ProblemKind(
    "recognize.kind",
    "文件类型可识别",
    "notice",
    """The document should say whether it is a budget, final accounts or a performance evaluation; when it does not, kind-specific rules may not apply.""",
)

UNIT = ProblemKind(
    "recognize.unit",
    "金额单位前后一致",
    "warning",
    """All tables of one disclosure should use one money unit; mixed units (元 and 万元) are a common source of wrong figures.""",
)

COLUMNS = ProblemKind(
    "recognize.columns",
    "表头可识别",
    "warning",
    """A table whose header cannot be matched to the standard columns is read by the standard column order or not checked at all; either way a reader should look at it (a notice when the table prints no amount, or when only an unknown column keeps its row identities from being checked). One cause in several tables of a document is said once, naming them.""",
)

MISSING_NAME = ProblemKind(
    "recognize.missing-name",
    "有金额的行应有项目名称",
    "warning",
    """A 总表 row that carries an amount but no item name cannot be attributed to an income or expenditure item.""",
)

TEMPLATE = ProblemKind(
    "recognize.template",
    "空白模板",
    "notice",
    """A blank template (a placeholder department such as 上海市XX局, no amounts in any table) is recognized as such; its empty values and placeholders are not reported as mistakes.""",
)

REPEATED_CODES = ProblemKind(
    "recognize.repeated-codes",
    "科目编码在表中唯一",
    "notice",
    """A coded table that prints the same code several times (one block per unit, or a 部门经济 科目 split by 政府经济科目) cannot be summed by code: the 合计 and 类/款/项 sums of such a table are not checked, and this says so (a notice: nothing is wrong with the document).""",
)

UNKNOWN_TABLE = ProblemKind(
    "recognize.unknown-table",
    "表格可识别",
    "warning",
    """Rows with amounts that belong to no recognized standard table are not checked; the table title may be missing or non-standard.""",
)

ALL = (METADATA, KIND, UNIT, COLUMNS, MISSING_NAME, TEMPLATE, REPEATED_CODES, UNKNOWN_TABLE)
