"""Speed work that must not change a result: compiled patterns kept between processes
(yjsgk/patterns.py) give the same SRE code and the same report as compiling them."""

from __future__ import annotations

import marshal
import os
import re._compiler as compiler
import subprocess
import sys
from pathlib import Path

from conftest import ROOT, SHARED

SAMPLE = SHARED / "samples/GovBudgetChecker/X/上海市普陀区人民政府万里街道办事处24年预算.pdf"


def _check(cache: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "YJSGK_CACHE": cache, "PYTHONPATH": str(ROOT / "src")}
    return subprocess.run(
        [sys.executable, "-m", "yjsgk", "check", str(SAMPLE), "--format", "json"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def test_cached_patterns_are_the_compiled_code_and_give_the_same_report(tmp_path: Path):
    uncached = _check("off")
    first = _check(str(tmp_path))  # compiles and records
    [cache_file] = list(tmp_path.glob("re-*.marshal"))
    entries = marshal.loads(cache_file.read_bytes())
    second = _check(str(tmp_path))  # takes every pattern from the cache
    assert uncached.returncode == first.returncode == second.returncode == 0  # warnings and notices only
    assert uncached.stdout.count('"rule": ') >= 1
    assert first.stdout == uncached.stdout and second.stdout == uncached.stdout
    assert first.stderr == second.stderr == uncached.stderr == ""
    # hundreds of patterns (ours, the standard library's), each exactly what re compiles
    assert len(entries) > 300
    assert any(isinstance(pattern, str) and "局" in pattern for pattern, _flags in entries)
    for (pattern, flags), (all_flags, code, groups, groupindex, indexgroup) in entries.items():
        tree = compiler._parser.parse(pattern, flags)
        assert code == [int(op) for op in compiler._code(tree, flags)], pattern
        assert all_flags == flags | tree.state.flags and groups == tree.state.groups - 1
        assert groupindex == dict(tree.state.groupdict) and len(indexgroup) == tree.state.groups


def test_a_damaged_cache_file_is_compiled_again(tmp_path: Path):
    _check(str(tmp_path))
    [cache_file] = list(tmp_path.glob("re-*.marshal"))
    cache_file.write_bytes(b"\x00not marshal")
    again = _check(str(tmp_path))
    assert again.returncode == 0 and again.stderr == "" and again.stdout == _check("off").stdout
    assert len(marshal.loads(cache_file.read_bytes())) > 300  # rewritten whole
