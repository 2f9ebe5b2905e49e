"""Remove the hand-written `example=` of every `@rule(...)` record (one-off, for the lead).

The rule reference now shows, as each rule's example, what the rule reports on its bad case
(src/yjsgk/data/cases/, yjsgk/check/cases.py); the hand-written strings only go stale. This
script deletes the `example=…` keyword of every `rule(...)` call under src/yjsgk, whatever its
value (a literal, `EXAMPLES[rule_id]`, …), with its comma and line, by the positions Python's own
parser gives, so the formatting of the rest is untouched.

    python bench/strip_examples.py            # show what would change
    python bench/strip_examples.py --write    # change the files, then: ruff format src && pytest

Afterwards: `rule.example` is "" for every rule; tests that assert it (grep -rn "rule.example"
tests/) should assert the generated example instead (`yjsgk.check.cases.example(rule_id)`), and
a module-level table of examples left unused (recognition.py's EXAMPLES) can go.
"""

from __future__ import annotations

import argparse
import ast
import difflib
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "src" / "yjsgk"


def _is_rule_call(node: ast.AST) -> bool:
    if not isinstance(node, ast.Call):
        return False
    func = node.func
    return (isinstance(func, ast.Name) and func.id == "rule") or (
        isinstance(func, ast.Attribute) and func.attr == "rule"
    )


def _offset(lines: list[str], lineno: int, col: int) -> int:
    """Character offset of (1-based line, 0-based UTF-8 byte column) in the text."""
    before = sum(len(line) for line in lines[: lineno - 1])
    return before + len(lines[lineno - 1].encode("utf-8")[:col].decode("utf-8"))


def strip(text: str) -> str:
    """The module text without the `example=` keywords of its rule(...) calls."""
    tree = ast.parse(text)
    lines = text.splitlines(keepends=True)
    spans: list[tuple[int, int]] = []
    for node in ast.walk(tree):
        if not _is_rule_call(node):
            continue
        assert isinstance(node, ast.Call)
        for kw in node.keywords:
            if kw.arg != "example":
                continue
            assert kw.end_lineno is not None and kw.end_col_offset is not None
            start = _offset(lines, kw.lineno, kw.col_offset)
            end = _offset(lines, kw.end_lineno, kw.end_col_offset)
            # the comma after it, and the rest of the line when the keyword stood on lines of its own
            rest = text[end:]
            stripped = rest.lstrip(" ")
            if stripped.startswith(","):
                end += len(rest) - len(stripped) + 1
            line_start = text.rfind("\n", 0, start) + 1
            newline = text.find("\n", end)
            if not text[line_start:start].strip() and newline != -1 and not text[end:newline].strip():
                start, end = line_start, newline + 1
            elif text[end:].lstrip(" ").startswith(")"):
                # the last argument of a call on one line: take the comma before it instead
                comma = text.rfind(",", 0, start)
                if comma != -1 and not text[comma + 1 : start].strip():
                    start, end = comma, _offset(lines, kw.end_lineno, kw.end_col_offset)
            spans.append((start, end))
    for start, end in sorted(spans, reverse=True):
        text = text[:start] + text[end:]
    ast.parse(text)  # still Python
    return text


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="change the files (default: show the diff)")
    args = parser.parse_args(argv)
    changed = 0
    for path in sorted(SOURCE.rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        if "example" not in text:
            continue
        new = strip(text)
        if new == text:
            continue
        changed += 1
        if args.write:
            path.write_text(new, encoding="utf-8")
        else:
            name = str(path.relative_to(ROOT))
            sys.stdout.writelines(difflib.unified_diff(text.splitlines(True), new.splitlines(True), name, name, n=1))
    print(f"{changed} file(s) {'changed' if args.write else 'would change'}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
