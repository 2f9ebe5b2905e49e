"""`yjsgk annotate FILE.pdf -o OUT.pdf`: the original PDF with each finding as standard PDF comments.

Every finding with a page box gets one Square annotation on its own cell, row or sentence (red),
holding the message, the rule and its title in /Contents with a /Popup note; each cell it was
compared with (its `related` locations) gets a blue Square: grouped with the finding's
annotation (/IRT, /RT /Group) on the same page, a note of its own on other pages. They appear in
any PDF reader's comment list. Written with pypdf's annotation classes (no hand-made PDF syntax);
the original file is only read.

Boxes come from `Location.bbox` (display space: origin top-left, /Rotate and the crop box applied)
and are turned back into the page's user space with `report.evidence.to_user`.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

TYPE_CHECKING = False  # `yjsgk --version` stays fast: nothing but the parser is imported at start
if TYPE_CHECKING:
    import argparse
    from collections.abc import Iterable
    from typing import Any

AUTHOR = "yjsgk"
PAD = 1.0  # pt around a cell, so the frame does not cover the printed rule
POPUP_SIZE = (220.0, 110.0)
RED, BLUE = "d62020", "2060d6"


class Annotated:
    """What `annotate` wrote."""

    def __init__(self, findings: int = 0, boxes: int = 0, skipped: int = 0):
        self.findings = findings  # findings annotated (one red Square each)
        self.boxes = boxes  # Square annotations written, red and blue
        self.skipped = skipped  # findings with no page box (the whole file: a missing table or section)


def _field(finding: Any, name: str) -> Any:
    return finding.get(name) if isinstance(finding, dict) else getattr(finding, name)


def note(finding: Any) -> str:
    """The text of a finding's comment: severity, rule and its title, then the message."""
    from .check.findings import SEVERITY_LABELS
    from .check.registry import RULES

    rule_id, severity = _field(finding, "rule"), _field(finding, "severity")
    rule = RULES.get(rule_id)
    head = f"{SEVERITY_LABELS.get(severity, severity)} {rule_id}" + (f" {rule.title}" if rule else "")
    return f"{head}\n{_field(finding, 'message')}"


def annotate(source: Path | str, output: Path | str, findings: Iterable[Any]) -> Annotated:
    """Write `output`: `source` with the findings (`Finding`s or their JSON dicts) as annotations."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.annotations import Popup, Rectangle
    from pypdf.generic import NameObject, TextStringObject

    from .report.evidence import FINDING, RELATED, locations, to_user

    source, output = Path(source), Path(output)
    if output.exists() and source.resolve() == output.resolve():
        raise ValueError("输出文件不能与原文件相同（原文件不会被修改）")
    import pypdfium2 as pdfium

    reader = PdfReader(source)
    writer = PdfWriter(clone_from=reader)
    pdf = pdfium.PdfDocument(str(source))
    result = Annotated()

    def user_rect(page_number: int, bbox: list[float]) -> tuple[float, float, float, float]:
        page = writer.pages[page_number - 1]
        box = page.cropbox
        cropbox = (float(box.left), float(box.bottom), float(box.right), float(box.top))
        x0, y0, x1, y1 = to_user(cropbox, int(page.rotation or 0), tuple(bbox))  # type: ignore[arg-type]
        return (x0 - PAD, y0 - PAD, x1 + PAD, y1 + PAD)

    def square(page: int, rect, colour: str, contents: str, name: str, parent=None):
        kwargs: dict[str, Any] = {"title_bar": AUTHOR}
        if parent is not None:
            kwargs.update(in_reply_to=parent, reply_type="Group", annotation_name=name)
        annotation = Rectangle(rect, border_color=colour, **kwargs)
        annotation[NameObject("/Contents")] = TextStringObject(contents)
        if parent is None:
            annotation[NameObject("/NM")] = TextStringObject(name)
        result.boxes += 1
        return writer.add_annotation(page - 1, annotation)

    for index, finding in enumerate(findings):
        placed = [(role, d) for role, d in locations(finding) if d.get("page") and d.get("bbox")]
        if not placed:
            result.skipped += 1
            continue
        placed.sort(key=lambda item: item[0] != FINDING)  # its own place first (a related one if none)
        text = note(finding)
        (_, first), rest = placed[0], placed[1:]
        page = int(first["page"])
        rect = user_rect(page, first["bbox"])
        main = square(page, rect, RED, text, f"yjsgk-{index}")
        media = writer.pages[page - 1].mediabox
        width, height = POPUP_SIZE
        left = min(rect[2] + 4, float(media.right) - width)
        top = min(rect[3], float(media.top))
        popup = writer.add_annotation(page - 1, Popup(rect=(left, top - height, left + width, top), parent=main))
        main[NameObject("/Popup")] = popup.indirect_reference
        result.findings += 1
        for j, (role, d) in enumerate(rest, start=1):
            assert role == RELATED
            other = int(d["page"])
            label = _cell_text(pdf, other, d)
            if other == page:
                contents = f"与之核对：{label}" if label else "与之核对的单元格"
                square(other, user_rect(other, d["bbox"]), BLUE, contents, f"yjsgk-{index}-{j}", parent=main)
            else:
                contents = f"与第{page}页的问题核对{('：' + label) if label else ''}\n{text}"
                square(other, user_rect(other, d["bbox"]), BLUE, contents, f"yjsgk-{index}-{j}")
    pdf.close()
    with open(output, "wb") as out:
        writer.write(out)
    return result


def _cell_text(pdf: Any, page: int, location: dict) -> str:
    """The printed text of a cell, read by PDFium (none for a whole line or row)."""
    from .report.evidence import to_user

    if location.get("column") is None:
        return ""
    pdf_page = pdf[page - 1]
    textpage = pdf_page.get_textpage()
    try:
        left, bottom, right, top = to_user(pdf_page.get_cropbox(), pdf_page.get_rotation(), tuple(location["bbox"]))
        return " ".join(textpage.get_text_bounded(left, bottom, right, top).split())[:40]
    finally:
        textpage.close()


# -- command line ---------------------------------------------------------------------------------


def add_commands(sub) -> None:
    parser = sub.add_parser("annotate", help="在 PDF 上标注发现的问题 (write the findings into a copy of the PDF)")
    parser.add_argument("path", metavar="FILE.pdf")
    parser.add_argument("-o", "--output", type=Path, required=True, metavar="OUT.pdf")
    parser.add_argument("--select", action="append", default=[], metavar="RULE", help="只标注这些规则（编号或前缀）")
    parser.add_argument("--ignore", action="append", default=[], metavar="RULE", help="不标注这些规则（编号或前缀）")
    parser.add_argument("--config", type=Path, metavar="FILE", help="配置文件（默认：就近的 yjsgk.toml）")
    parser.add_argument("--profile", metavar="NAME", help="完整性与合规检查配置档（同 yjsgk check）")


def run(args: argparse.Namespace) -> int:
    from .config import load_config
    from .errors import ReadError
    from .pipeline import load

    path = Path(args.path)
    if path.suffix.lower() != ".pdf":
        print(f"yjsgk: {path}: 只能标注 PDF 文件", file=sys.stderr)
        return 2
    if args.output.exists() and path.resolve() == args.output.resolve():
        print("yjsgk: 输出文件不能与原文件相同（原文件不会被修改）", file=sys.stderr)
        return 2
    config = load_config(args.config)
    config.select += args.select
    config.ignore += args.ignore
    if args.profile is not None:
        config.profile = args.profile
    try:
        _disclosure, findings = load(path, config)
    except ReadError as exc:
        print(f"yjsgk: {exc}", file=sys.stderr)
        return 2
    done = annotate(path, args.output, findings)
    skipped = f"，{done.skipped} 条涉及整份文件、无页面位置" if done.skipped else ""
    print(
        f"yjsgk: 已在 {os.fspath(args.output)} 标注 {done.findings} 条问题（{done.boxes} 个方框）{skipped}",
        file=sys.stderr,
    )
    return 1 if any(f.severity == "error" for f in findings) else 0
