"""Recognition: neutral document → typed disclosure (kind, department, year, unit, tables)."""

from __future__ import annotations

from ..document import Document
from ..model import Disclosure
from ..narrative import extract_claims
from ..performance import attach as attach_performance
from .family import detect_family
from .layouts import build
from .metadata import Problem, find_metadata
from .outline import build_outline
from .segment import segment

__all__ = ["recognize", "Problem"]


def recognize(document: Document) -> Disclosure:
    seg = segment(document)
    outline = build_outline(document)
    disclosure = Disclosure(source=document.source, format=document.format, outline=outline)
    for section in seg.sections:
        built = build(section)
        disclosure.tables.append(built.table)
        disclosure.recognition.extend(Problem(rule, msg, where, built.table) for rule, msg, where in built.problems)
    for row in seg.orphans[:1]:
        disclosure.recognition.append(
            Problem(
                "recognize.unknown_table",
                f"有 {len(seg.orphans)} 行金额数据不属于任何已识别的标准表，未做核对（首行：{' | '.join(c.text.strip() for c in row.cells if c.text.strip())[:60]}）",
                row.location,
                None,
            )
        )
    find_metadata(document, seg, disclosure)
    disclosure.template_family = detect_family(disclosure)
    attach_performance(document, disclosure)
    disclosure.claims = extract_claims(outline, disclosure)
    return disclosure
