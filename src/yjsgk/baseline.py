"""Baselines: findings a reviewer has accepted, kept in a file and suppressed on later runs.

Findings are matched by fingerprint (rule, document, table, row, column and the printed
figures), so line shifts do not matter but a changed figure shows up again.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from .check.findings import Finding
from .check.registry import ALIASES
from .errors import YjsgkError

VERSION = 1


class BaselineError(YjsgkError):
    pass


def read_baseline(path: Path) -> set[str]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return {entry["fingerprint"] for entry in data["accepted"]}
    except FileNotFoundError as exc:
        raise BaselineError(f"{path}: 基线文件不存在") from exc
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise BaselineError(f"{path}: 基线文件格式不正确") from exc


def _former_fingerprints(finding: Finding) -> list[str]:
    """The finding's fingerprint under former spellings of its rule id (baselines written before)."""
    former = [old for old, new in ALIASES.items() if new == finding.rule]
    return [replace(finding, rule=old).fingerprint for old in former]


def write_baseline(path: Path, findings: list[Finding]) -> int:
    accepted = {}
    for f in findings:
        accepted[f.fingerprint] = {
            "fingerprint": f.fingerprint,
            "rule": f.rule,
            "source": Path(f.location.source).name if f.location else None,
            "table": f.table,
            "row": f.row,
            "column": f.column,
            "message": f.message,
        }
    entries = sorted(accepted.values(), key=lambda e: (e["source"] or "", e["rule"], e["fingerprint"]))
    path.write_text(
        json.dumps({"version": VERSION, "accepted": entries}, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    return len(entries)


def apply_baseline(findings: list[Finding], accepted: set[str]) -> tuple[list[Finding], int]:
    kept = [f for f in findings if not ({f.fingerprint, *_former_fingerprints(f)} & accepted)]
    return kept, len(findings) - len(kept)
