"""`check FILE --with OTHER…` and `check --db URL`: disclosures checked against their neighbours.

The files given (PATH and --with) are read once; each checked file is then checked by the
cross.year.* and cross.document.* rules with every other document as a possible neighbour (the
rules pair only the same department, year and kind, for certain: check/rules/cross.py). With
--db, the documents of the corpus database (every version) are neighbours too; without PATH,
every stored document is checked against the others.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

TYPE_CHECKING = False  # as cli.py: no typing import at start-up
if TYPE_CHECKING:
    from .check import CheckContext, Finding
    from .config import Config
    from .model import Disclosure

CROSS_RULES = ("cross.year.", "cross.document.")
DB_HELP = "与语料库数据库中的文件对照（SQLite 文件或 URL）；不给 PATH 时核对库中全部文件"


def add_arguments(check_parser: argparse.ArgumentParser) -> None:
    check_parser.add_argument(
        "--with",
        dest="with_paths",
        nargs="+",
        action="extend",
        default=[],
        metavar="OTHER",
        help="相关文件或文件夹（上年的、同年预算或决算、另一版本），用于跨文件核对 cross.year.* / cross.document.*",
    )
    check_parser.add_argument("--db", metavar="URL", help=DB_HELP)


def wanted(args: argparse.Namespace) -> bool:
    return bool(getattr(args, "with_paths", None) or getattr(args, "db", None))


def _selected(config: Config) -> list[str]:
    """The cross rules the run selects (--select/--ignore apply to them as to the others)."""
    chosen = [s for s in config.select if s.startswith("cross.year") or s.startswith("cross.document")]
    if config.select and not chosen and not any(s in ("cross", "cross.") for s in config.select):
        return []
    return chosen or list(CROSS_RULES)


def _stored(url: str) -> list[Disclosure]:
    from .store import queries
    from .store.db import Store
    from .store.documents import load_document

    store = Store(url, create=False)
    rows = queries.documents(store, all_versions=True).rows
    return [load_document(store, row["document_id"], narrative=True).disclosure for row in rows]


def extend(
    args: argparse.Namespace,
    config: Config,
    context: CheckContext,
    results: list[tuple[Disclosure, list[Finding]]],
    accepted: set[str],
) -> tuple[list[tuple[Disclosure, list[Finding]]], list[str]]:
    """The results with the cross-document findings added; the --with files that could not be read."""
    from .baseline import apply_baseline
    from .check import check
    from .cli import _paths
    from .errors import ReadError
    from .pipeline import recognize_path

    rules = _selected(config)
    unreadable: list[str] = []
    others: list[Disclosure] = []
    checked = {str(Path(d.source).resolve()) for d, _ in results}
    for path in _paths(getattr(args, "with_paths", []) or []):
        if str(path.resolve()) in checked:
            continue  # a file checked anyway: read once
        try:
            others.append(recognize_path(Path(path)))
        except ReadError as exc:
            unreadable.append(str(exc))
            print(f"yjsgk: {exc}", file=sys.stderr)
    stored = _stored(args.db) if getattr(args, "db", None) else []
    if not results and stored:  # check --db alone: every stored document against the others
        results = [(d, []) for d in stored]
    if not rules:
        return results, unreadable
    pool = [d for d, _ in results] + others + [d for d in stored if all(d.source != r.source for r, _ in results)]
    out = []
    for disclosure, findings in results:
        ctx = context.with_neighbours(d for d in pool if d is not disclosure)
        found = check(disclosure, ctx, select=rules, ignore=config.ignore, severity=config.severity)
        found, _hidden = apply_baseline(found, accepted)
        out.append((disclosure, findings + found))
    return out, unreadable
