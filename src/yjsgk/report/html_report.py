"""`yjsgk check --format html -o report.html`: one self-contained HTML file a reviewer opens anywhere.

No network and no other file: page crops are inline PNG data URIs, CSS and JS are inline (the JS
only filters by severity and rule), the rules' explanations are embedded. Every text taken from a
document is untrusted input and escaped by Jinja2's autoescape.

For each document: a summary (kind, department, year, unit, template, counts by severity, the
tables recognized and those not), then its findings grouped by table or section, each with its
rule's title and a link to the explanation, and its evidence from `report/evidence.py`: the page
crop with the finding's own cells boxed in red and the cells compared with in blue (SVG drawn
over the image, so the labels are text), or for text formats the rows with the same marking.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import __version__
from ..check.findings import SEVERITIES, SEVERITY_LABELS, Finding
from ..check.registry import RULES
from ..model import KIND_LABELS, Disclosure
from .evidence import Evidence, EvidenceSource

TEMPLATES = Path(__file__).parent / "templates"

# rules whose findings say what recognition could not read or what a publication lacks: the
# summary lists them as "not recognized" next to the tables that were
NOT_RECOGNIZED_RULES = ("recognize.unknown-table", "recognize.columns", "complete.table")


@dataclass(slots=True)
class Item:
    """One finding as the template shows it."""

    index: int
    finding: Finding
    evidence: Evidence
    where: str

    @property
    def severity_label(self) -> str:
        return SEVERITY_LABELS.get(self.finding.severity, self.finding.severity)

    @property
    def rule_title(self) -> str:
        rule = RULES.get(self.finding.rule)
        return rule.title if rule else ""


@dataclass(slots=True)
class Group:
    title: str
    items: list[Item] = field(default_factory=list)


@dataclass(slots=True)
class DocumentView:
    anchor: str
    disclosure: Disclosure
    counts: dict[str, int]
    groups: list[Group]
    tables: list[dict]
    not_recognized: list[str]

    @property
    def kind_label(self) -> str:
        return KIND_LABELS.get(self.disclosure.kind, self.disclosure.kind)


def _where(finding: Finding) -> str:
    loc = finding.location
    if loc is None:
        return ""
    parts = []
    if loc.page is not None:
        parts.append(f"第{loc.page}页")
    if loc.line is not None and not (loc.line == 1 and loc.page is None and loc.column is None):
        parts.append(f"第{loc.line}行")
    return " ".join(parts)


def _group_title(finding: Finding) -> str:
    if finding.table_title:
        return finding.table_title
    if finding.rule.startswith("narrative."):
        return "情况说明"
    if finding.rule.startswith("complete."):
        return "完整性"
    return "文件整体"


def _tables(disclosure: Disclosure) -> list[dict]:
    out = []
    for table in disclosure.tables:
        loc = table.location
        out.append(
            {
                "name": table.display_name,
                "id": table.id,
                "printed": table.title,
                "where": f"第{loc.page}页" if loc.page is not None else (f"第{loc.line}行" if loc.line else ""),
                "rows": len(table.rows),
                # performance tables are typed by yjsgk.performance from their raw cells
                "typed": bool(table.columns) or table.id.startswith("performance."),
                "empty": table.is_empty(),
                "uncertain": "；".join(table.uncertain),
            }
        )
    return out


def document_view(index: int, disclosure: Disclosure, findings: list[Finding], start: int) -> DocumentView:
    """The document's summary and its findings with their evidence (pages rendered here)."""
    groups: dict[str, Group] = {}
    counts = dict.fromkeys(SEVERITIES, 0)
    with EvidenceSource(disclosure.source) as source:
        for offset, finding in enumerate(findings):
            counts[finding.severity] = counts.get(finding.severity, 0) + 1
            try:
                evidence = source.evidence(finding)
            except Exception as exc:  # a page that cannot be rendered must not lose the finding
                evidence = Evidence(reason=f"无法显示页面：{type(exc).__name__}")
            title = _group_title(finding)
            groups.setdefault(title, Group(title)).items.append(
                Item(start + offset, finding, evidence, _where(finding))
            )
    not_recognized = [f.message for f in findings if f.rule in NOT_RECOGNIZED_RULES]
    return DocumentView(f"doc-{index}", disclosure, counts, list(groups.values()), _tables(disclosure), not_recognized)


def _environment():
    from jinja2 import Environment, FileSystemLoader, select_autoescape

    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(["html", "j2"], default=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals["SEVERITY_LABELS"] = SEVERITY_LABELS
    env.filters["crop_view"] = crop_view
    return env


def _explanation(rule_id: str) -> str:
    """The rule's reference as `yjsgk rules ID` prints it, less the example (which runs the rule's
    bad case: seconds per report for nothing the reader lacks, the finding itself is above)."""
    from ..check import cases
    from .rules_report import case_lines, kinds_label

    rule = RULES.get(rule_id)
    if rule is None:
        return ""
    lines = [
        f"{rule.id}  {rule.title}",
        f"级别 severity: {rule.severity}（{SEVERITY_LABELS[rule.severity]}）；适用 applies to: {kinds_label(rule)}",
        "",
        rule.rationale,
    ]
    try:
        pair = cases.cases_of(rule.id)
    except Exception:  # the reference cases are documentation: a broken one leaves the rationale
        pair = {}
    for verdict, label in (("bad", "反例 bad case"), ("good", "正例 good case")):
        case = pair.get(verdict)
        if case is not None:
            lines += ["", f"{label}: {case.what}", *(f"  {line}" for line in case_lines(case))]
    return "\n".join(lines)


def render(results: Iterable[tuple[Disclosure, list[Finding]]], unreadable: list[str] | None = None) -> str:
    """The whole report as one HTML string."""
    documents = []
    start = 0
    for index, (disclosure, findings) in enumerate(results):
        documents.append(document_view(index, disclosure, findings, start))
        start += len(findings)
    used = sorted({i.finding.rule for d in documents for g in d.groups for i in g.items})
    totals = dict.fromkeys(SEVERITIES, 0)
    for d in documents:
        for s, n in d.counts.items():
            totals[s] = totals.get(s, 0) + n
    rules = [{"id": r, "title": RULES[r].title if r in RULES else "", "text": _explanation(r)} for r in used]
    template = _environment().get_template("report.html.j2")
    return template.render(
        documents=documents,
        unreadable=unreadable or [],
        rules=rules,
        totals=totals,
        severities=SEVERITIES,
        version=__version__,
        generated=dt.datetime.now().strftime("%Y-%m-%d %H:%M"),
        css=(TEMPLATES / "report.css").read_text(encoding="utf-8"),
        js=(TEMPLATES / "report.js").read_text(encoding="utf-8"),
    )


def write(path: Path | str, results: Iterable[tuple[Disclosure, list[Finding]]], unreadable: list[str] | None = None):
    Path(path).write_text(render(results, unreadable), encoding="utf-8")


LABEL_HEIGHT = 12  # px of a box's label tag (font 10 px)


def _label_width(label: str) -> float:
    return 5 + sum(6 if ch.isascii() else 10.5 for ch in label)


def crop_view(crop: Any) -> dict:
    """What the template needs of a crop: the data URI, the size, the boxes in pixels, and where
    each box's label goes: inside its top-left corner when it fits in the blank left part of a
    cell (amounts stand right or centred), else just above its top-right corner."""
    width, height = crop.size_px
    boxes = []
    for box, (x0, y0, x1, y1) in crop.boxes_px():
        label = box.label or ""
        w, h = max(x1 - x0, 1), max(y1 - y0, 1)
        label_width = _label_width(label)
        inside = label_width <= 0.45 * w and h >= 2 * LABEL_HEIGHT
        lx, ly = (x0 + 1, y0 + 1) if inside else (x1 + 2, max(y0 - LABEL_HEIGHT - 1, 0))
        boxes.append(
            {
                "role": box.role,
                "x": x0,
                "y": y0,
                "w": w,
                "h": h,
                "label": label,
                "label_x": round(lx, 1),
                "label_y": round(ly, 1),
                "label_width": label_width,
                "label_height": LABEL_HEIGHT,
            }
        )
    return {"page": crop.page, "uri": crop.data_uri(), "width": width, "height": height, "boxes": boxes}
