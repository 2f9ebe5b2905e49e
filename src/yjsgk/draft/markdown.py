"""Blocks → Markdown. Merged header cells are repeated over the columns they span (Markdown
tables have no spans); the 栏次 row follows the header."""

from __future__ import annotations

from pathlib import Path

from .blocks import Block, Contents, Heading, PageBreak, Paragraph, TableBlock
from .layout import Layout


def _grid(layout: Layout) -> list[list[str]]:
    rows = [[""] * layout.width for _ in range(layout.header_rows)]
    for cell in layout.header:
        for r in range(cell.row, cell.row + cell.rows):
            for c in range(cell.col, cell.col + cell.cols):
                rows[r][c] = cell.text if (r == cell.row or cell.cols == 1) else ""
    return rows


def _table(layout: Layout, department: str | None) -> list[str]:
    out = []
    if layout.number:
        out.append(f"公开{layout.number}表")
        out.append("")
    out += [f"### {layout.title}", "", f"编制单位：{department or ''}　　单位：{layout.unit or '万元'}", ""]
    grid = _grid(layout)
    header = [" / ".join(dict.fromkeys(t for t in col if t)) for col in zip(*grid, strict=True)] if grid else None
    body = ([layout.index_row] if layout.index_row else []) + layout.body
    if header is None:
        header, body = body[0], body[1:]
    out.append("| " + " | ".join(header) + " |")
    out.append("|" + "|".join("---:" if n else "---" for n in layout.numeric) + "|")
    out += ["| " + " | ".join(t.replace("|", "\\|").replace("\n", " ") for t in line) + " |" for line in body]
    out.append("")
    out += [note + "\n" for note in layout.notes]
    return out


def write_markdown(blocks: list[Block], path: Path) -> Path:
    lines: list[str] = []
    for block in blocks:
        if isinstance(block, Heading):
            lines += [("#" * max(block.level, 1)) + " " + block.text, ""]
        elif isinstance(block, Paragraph):
            text = f"**{block.text}**" if block.style in ("warning", "cover") else block.text
            lines += [text, ""]
        elif isinstance(block, Contents):
            lines += ["## 目录", ""] + [("  " * (level - 1)) + f"- {text}" for level, text in block.entries] + [""]
        elif isinstance(block, TableBlock):
            lines += _table(block.layout, block.department)
        elif isinstance(block, PageBreak):
            lines += ["---", ""]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines), "utf-8")
    return path
