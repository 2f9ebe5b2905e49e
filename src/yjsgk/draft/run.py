"""The draft command's steps: read and gate the source, compose, write."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from ..check import Finding
from ..check.findings import SEVERITY_LABELS
from ..check.profiles import builtin_profiles
from ..errors import YjsgkError
from ..model import Disclosure
from ..pipeline import load
from .compose import compose
from .phrases import BASE, available

FORMATS = ("docx", "pdf", "md")


class GateError(YjsgkError):
    """The source fails our own rules: no draft is written (unless forced)."""

    def __init__(self, source: str, errors: list[Finding]):
        self.errors = errors
        lines = [f"{source}：源数据有 {len(errors)} 条错误，未生成草稿（更正后再起草，或用 --force 强制生成）："]
        for f in errors:
            where = f"［{f.table_title}］" if f.table_title else ""
            lines.append(f"  {SEVERITY_LABELS.get(f.severity, f.severity)} {f.rule} {where}{f.message}")
        super().__init__("\n".join(lines))


@dataclass
class DraftResult:
    path: Path
    disclosure: Disclosure
    template: str
    findings: list[Finding] = field(default_factory=list)  # the source's
    forced: bool = False


def template_for(disclosure: Disclosure, asked: str | None) -> str:
    """The family asked for, else the one the source follows when recognized for sure."""
    if asked:
        if asked not in builtin_profiles():
            raise YjsgkError(f"没有名为 {asked} 的模板族（可用：{'、'.join(sorted(builtin_profiles()))}）")
        return asked
    family = disclosure.template_family
    if family is not None and family.sure and family.name in builtin_profiles():
        return family.name
    return BASE


def phrase_table_for(template: str) -> str:
    """A family's own phrase table, else the national wording (under the family's structure)."""
    return template if template in available() else BASE


def warning_text(errors: list[Finding]) -> str:
    rules = "、".join(sorted({f.rule for f in errors}))
    return (
        f"【警告：本稿由未通过核对的数据强制生成（--force），源数据有 {len(errors)} 条错误（{rules}），"
        "更正前不得公开。】"
    )


def draft(
    source: str | Path,
    out: str | Path,
    *,
    previous: str | Path | None = None,
    template: str | None = None,
    fmt: str | None = None,
    force: bool = False,
) -> DraftResult:
    disclosure, findings = load(Path(source))
    last = load(Path(previous))[0] if previous else None
    return write_draft(disclosure, findings, out, previous=last, template=template, fmt=fmt, force=force)


def write_draft(
    disclosure: Disclosure,
    findings: list[Finding],
    out: str | Path,
    *,
    previous: Disclosure | None = None,
    template: str | None = None,
    fmt: str | None = None,
    force: bool = False,
) -> DraftResult:
    """The draft of a disclosure already read and checked (`findings`: the gate's input)."""
    source = disclosure.source
    out = Path(out)
    fmt = fmt or (out.suffix.lower().lstrip(".") if out.suffix.lower().lstrip(".") in FORMATS else "docx")
    if fmt not in FORMATS:
        raise YjsgkError(f"未知的草稿格式 {fmt}（可用：{', '.join(FORMATS)}）")
    if disclosure.kind not in ("final", "final_with_performance", "budget"):
        raise YjsgkError(f"{source}：不是部门预算或决算（识别为 {disclosure.kind}），无法起草")
    if not disclosure.tables:
        # a 情况说明 published without its tables (they are another file): nothing to draft from
        raise YjsgkError(f"{source}：未读出任何公开表格（表格可能另行公开），无法据以起草；请以含表格的文件为源")
    errors = [f for f in findings if f.severity == "error"]
    if errors and not force:
        raise GateError(str(source), errors)
    last = previous
    name = template_for(disclosure, template)
    blocks = compose(
        disclosure,
        template=name,
        phrase_table=phrase_table_for(name),
        previous=last,
        warning=warning_text(errors) if errors else None,
    )
    if fmt == "md":
        from .markdown import write_markdown

        write_markdown(blocks, out)
    else:
        from .docx_writer import write_docx

        if fmt == "docx":
            write_docx(blocks, out)
        else:
            with tempfile.TemporaryDirectory(prefix="yjsgk-draft-") as tmp:
                docx = write_docx(blocks, Path(tmp) / (out.stem + ".docx"))
                to_pdf(docx, out)
    return DraftResult(out, disclosure, name, findings, forced=bool(errors))


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def to_pdf(docx: Path, out: Path) -> Path:
    """DOCX → PDF through LibreOffice (headless)."""
    produced = to_pdfs([docx], out.parent, names=[out.name])
    return produced[0]


def to_pdfs(docxs: list[Path], outdir: Path, *, names: list[str] | None = None) -> list[Path]:
    """Several DOCX → PDF in one LibreOffice run (it starts once: a few seconds saved a file);
    outdir/NAME.pdf for each, or outdir/names[i]."""
    binary = soffice()
    if binary is None:
        raise YjsgkError(
            "生成 PDF 需要 LibreOffice（未找到 soffice）：请安装 LibreOffice（apt-get install libreoffice-writer），"
            "或改用 --format docx"
        )
    outs: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="yjsgk-soffice-") as tmp:
        profile = Path(tmp) / "profile"
        cmd = [
            binary,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            tmp,
            *(str(d) for d in docxs),
        ]
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=300 * len(docxs))
        for n, docx in enumerate(docxs):
            produced = Path(tmp) / (docx.stem + ".pdf")
            if done.returncode != 0 or not produced.exists():
                raise YjsgkError(f"LibreOffice 未能生成 PDF：{(done.stderr or done.stdout).strip()[:300]}")
            out = outdir / (names[n] if names else docx.stem + ".pdf")
            out.parent.mkdir(parents=True, exist_ok=True)
            shutil.move(str(produced), out)
            outs.append(out)
    return outs


def write_template_workbook(out: str | Path, kind: str = "final") -> Path:
    from .workbook import write_template

    return write_template(Path(out), kind)
