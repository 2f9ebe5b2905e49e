"""Draft a disclosure from its data: `yjsgk draft`.

    from yjsgk.draft import draft
    result = draft("公开.pdf", "草稿.docx", previous="上年.pdf")

The source is read and checked with our own rules first (the gate): any error stops the draft
unless `force` is given, and then the draft carries a visible warning. The tables are laid out
as printed (layout.py), the 情况说明 is written from the numbers (facts.py) in the words of the
chosen family's phrase table (data/draft/*.toml, phrases.py), and the blocks (compose.py) are
written as DOCX, PDF (through LibreOffice) or Markdown.
"""

from __future__ import annotations

__all__ = ["FORMATS", "DraftResult", "GateError", "draft", "write_draft", "write_template_workbook"]


def __getattr__(name: str):
    """Imported when used: `yjsgk --help` loads only the command line (draft/cli.py)."""
    if name in __all__:
        from . import run

        return getattr(run, name)
    raise AttributeError(name)
