"""Round trip of `yjsgk draft` over the seeds and the samples: each final account and budget
that yjsgk reads without an error finding is drafted (DOCX), read back, and compared.

    python bench/draft_roundtrip.py [PATH…] [--jobs N] [--force]

With --force the sources with error findings are drafted too (as `yjsgk draft --force`: the
draft carries their table errors, which are then not new).

Prints per document: values given back / source values, and the draft's error and warning
findings that the source does not have (complete.placeholder excepted: the draft's marked
placeholders); then the totals. Exit status 1 when a document does not round-trip.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path

from yjsgk.draft import draft
from yjsgk.draft.roundtrip import compare, new_findings
from yjsgk.errors import YjsgkError
from yjsgk.pipeline import SUPPORTED_SUFFIXES, load

SHARED = Path(__file__).resolve().parents[2] / "shared"
FORCE = False  # --force: draft the sources with errors too (the draft carries their errors)


def one(path: Path) -> tuple[str, str, int, int, list[str], float] | None:
    start = time.perf_counter()
    try:
        source, findings = load(path)
    except YjsgkError:
        return None
    if source.kind not in ("final", "final_with_performance", "budget") or source.template:
        return None
    forced = any(f.severity == "error" for f in findings)
    if forced and not FORCE:
        return None
    with tempfile.TemporaryDirectory(prefix="yjsgk-bench-draft-") as tmp:
        out = Path(tmp) / "draft.docx"
        try:
            draft(path, out, force=forced)
        except YjsgkError as refused:  # e.g. a 情况说明 without its tables
            return (
                str(path),
                source.kind,
                0,
                0,
                [f"not drafted: {str(refused).splitlines()[0]}"],
                time.perf_counter() - start,
            )
        back, back_findings = load(out)
    trip = compare(source, back)
    family, again = source.template_family, back.template_family
    drifted = family is not None and family.sure and (again is None or again.name != family.name)
    extra = [
        f"{f.severity} {f.rule} {f.table or ''} {f.row or ''} {f.column or ''}"
        for f in new_findings(findings, back_findings)
    ]
    if drifted:  # the family's rules (sections, tables) would not apply to the draft as to the source
        extra.append(f"family {family.name} read back as {again.name if again else 'none'}")
    seconds = time.perf_counter() - start
    kind = source.kind + (" (forced)" if forced else "")
    return str(path), kind, trip.source_values - len(trip.missing), trip.source_values, extra, seconds


def main(argv=None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("paths", nargs="*", type=Path, default=[SHARED / "seeds", SHARED / "samples"])
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--force", action="store_true", help="draft the sources with error findings too")
    args = parser.parse_args(argv)
    global FORCE
    FORCE = args.force
    files = []
    for p in args.paths:
        files += sorted(q for q in p.rglob("*") if q.suffix.lower() in SUPPORTED_SUFFIXES) if p.is_dir() else [p]
    bad = refused = 0
    total_back = total = 0
    results = []
    with ProcessPoolExecutor(args.jobs) as pool:
        futures = {pool.submit(one, f): f for f in files}
        for done in as_completed(futures):  # printed as they come (a loaded machine is slow)
            try:
                result = done.result()
            except Exception as crash:  # a defect of the drafter: reported, the others go on
                bad += 1
                print(f"CRASH {futures[done]}: {type(crash).__name__}: {crash}", flush=True)
                continue
            if result is None:
                print(f"  - skipped {futures[done]}", flush=True)
                continue
            results.append(result)
            path, kind, back, values, extra, seconds = result
            if extra and extra[0].startswith("not drafted"):  # refused with a reason (no tables)
                refused += 1
                print(f"n/a {kind:<24} {seconds:5.0f}s {path}\n      {extra[0]}", flush=True)
                continue
            ok = back == values and not extra
            bad += not ok
            total_back += back
            total += values
            print(f"{'ok ' if ok else 'BAD'} {back}/{values} {kind:<24} {seconds:5.0f}s {path}", flush=True)
            for line in extra:
                print(f"      {line}", flush=True)
    drafted = len(results) - refused
    print(
        f"{drafted} documents drafted, {drafted - bad} round-trip clean; values {total_back}/{total}; "
        f"{refused} refused (no tables)"
    )
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
