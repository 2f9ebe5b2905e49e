"""A fast subset of bench/fuzz_readers.py: 200 mutated small real files per format, each read in a
worker process with a memory cap and a time limit; none may end in a traceback, a hang, a memory
error or a dead worker — only in a document or a one-line refusal."""

from __future__ import annotations

import sys

from conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))
import fuzz_readers as fz  # noqa: E402

CASES = 200


def test_mutated_real_files_are_read_or_refused_in_one_line():
    result = fz.fuzz(CASES, seed=17, jobs=2, memory_mb=768, timeout=30.0, small=True)
    problems = [f"{p[4]} {p[0]}:{p[1]} {p[2]} {p[3]}: {p[5]}" for p in result["problems"]]
    assert problems == []
    for fmt in fz.FORMATS:
        counts = result["counts"][fmt]
        assert sum(counts.values()) == CASES
        # the mutations reach the parsers: some files are still read, some refused
        assert counts["ok"] > 0 and counts["refused"] > 0, (fmt, dict(counts))
