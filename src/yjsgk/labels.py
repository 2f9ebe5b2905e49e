"""The Chinese headers of document and finding columns, shared by the corpus queries and the
exports (Excel sheets, CSV headers) so that one column is named the same everywhere."""

from __future__ import annotations

DOCUMENT_LABELS = {
    "document_id": "文件编号",
    "department": "部门",
    "region": "地区",
    "level": "层级",
    "year": "年度",
    "family": "类别",
    "kind": "文件类型",
    "kind_label": "文件类型（中文）",
    "version": "版本",
    "unit": "金额单位",
    "tables": "表格数",
    "errors": "错误",
    "warnings": "警告",
    "notices": "提示",
    "source": "来源",
    "filename": "文件名",
    "content_hash": "内容哈希",
    "ingested_at": "入库时间",
}
FINDING_FIELD_LABELS = {
    "severity": "严重程度",
    "severity_label": "严重程度（中文）",
    "rule": "规则",
    "table": "表",
    "table_title": "表名",
    "row": "行",
    "column": "列",
    "expected": "应为",
    "found": "实为",
    "difference": "差额",
    "message": "说明",
    "line": "行号",
    "page": "页码",
    "fingerprint": "指纹",
    "count": "数量",
}
