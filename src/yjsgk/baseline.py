"""Baselines: findings a reviewer has accepted, kept in a file and suppressed on later runs.

A finding is accepted by the document it is in and what it says: the SHA-256 of the document's
bytes and a key of rule, table, row, column and statement (the finding's fingerprint without the
file's name). The same file renamed or moved is the same document, so nothing is reported again;
a changed figure is a new statement and is reported.

A document whose bytes the baseline does not know (an edited file, or a baseline written before
version 2, which kept only the name-based `Finding.fingerprint`) is matched by that fingerprint,
so moved lines of an edited file do not bring its accepted findings back. Old files are read as
they are (migrated on read) and rewritten in the new form by `--write-baseline`.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from .check.findings import Finding
from .check.registry import ALIASES
from .errors import YjsgkError

VERSION = 2


class BaselineError(YjsgkError):
    pass


def document_hash(path: str | Path) -> str:
    """SHA-256 of a document's bytes (the same as the corpus database's content hash)."""
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def finding_key(finding: Finding) -> str:
    """What the finding says, wherever the document lies: rule, table, row, column, statement."""
    basis = "|".join(str(x) for x in (finding.rule, finding.table, finding.row, finding.column, finding.message))
    return hashlib.sha1(basis.encode("utf-8")).hexdigest()[:16]


@dataclass
class Baseline:
    keys: set[tuple[str, str]] = field(default_factory=set)  # (document sha256, finding key)
    fingerprints: set[str] = field(default_factory=set)  # name-based fingerprints (all versions)
    documents: set[str] = field(default_factory=set)  # the documents (sha256) the baseline knows

    def accepts(self, finding: Finding, document: str | None) -> bool:
        spellings = [finding, *_former_spellings(finding)]
        if document is not None and document in self.documents:
            return any((document, finding_key(f)) in self.keys for f in spellings)
        return any(f.fingerprint in self.fingerprints for f in spellings)


def read_baseline(path: Path) -> Baseline:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        entries = data["accepted"]
        baseline = Baseline()
        for entry in entries:
            baseline.fingerprints.add(entry["fingerprint"])
            document, key = entry.get("document"), entry.get("key")  # absent in version 1
            if isinstance(document, str) and isinstance(key, str):
                baseline.keys.add((document, key))
                baseline.documents.add(document)
        return baseline
    except FileNotFoundError as exc:
        raise BaselineError(f"{path}: 基线文件不存在") from exc
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise BaselineError(f"{path}: 基线文件格式不正确") from exc


def _former_spellings(finding: Finding) -> list[Finding]:
    """The finding under former spellings of its rule id (baselines written before)."""
    return [replace(finding, rule=old) for old, new in ALIASES.items() if new == finding.rule]


def write_baseline(path: Path, documents: Iterable[tuple[str | None, list[Finding]]] | Iterable[Finding]) -> int:
    """Accept every finding of these (document sha256, findings) pairs; returns how many entries.
    Bare findings (no document hash) are accepted by name and key only, as in version 1."""
    accepted = {}
    pairs = [(None, [item]) if isinstance(item, Finding) else item for item in documents]
    for document, findings in pairs:
        for f in findings:
            key = finding_key(f)
            accepted[(document, key, f.fingerprint)] = {
                "fingerprint": f.fingerprint,
                "document": document,
                "key": key,
                "rule": f.rule,
                "source": Path(f.location.source).name if f.location else None,
                "table": f.table,
                "row": f.row,
                "column": f.column,
                "message": f.message,
            }
    entries = sorted(accepted.values(), key=lambda e: (e["source"] or "", e["rule"], e["fingerprint"]))
    try:
        path.write_text(
            json.dumps({"version": VERSION, "accepted": entries}, ensure_ascii=False, indent=2) + "\n",
            encoding="utf-8",
        )
    except OSError as exc:
        raise BaselineError(f"{path}: 无法写入基线文件：{exc.strerror or exc}") from exc
    return len(entries)


def apply_baseline(
    findings: list[Finding], accepted: Baseline | Iterable[str], document: str | None = None
) -> tuple[list[Finding], int]:
    """The findings the baseline does not accept, and how many it hid. `document`: the sha256.
    A plain set of fingerprints is a baseline of the former kind (matched by name and key)."""
    if not isinstance(accepted, Baseline):
        accepted = Baseline(fingerprints=set(accepted))
    kept = [f for f in findings if not accepted.accepts(f, document)]
    return kept, len(findings) - len(kept)
