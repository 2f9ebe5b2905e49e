"""Speed work that must not change a result: what yjsgk/compiled.py keeps between processes
(compiled regular expressions, dataclass methods) is exactly what compiling gives, and a
report is the same with the file off, cold or warm."""

from __future__ import annotations

import marshal
import os
import re._compiler as compiler
import subprocess
import sys
from pathlib import Path

from conftest import ROOT, SHARED

SAMPLE = SHARED / "samples/GovBudgetChecker/X/上海市普陀区人民政府万里街道办事处24年预算.pdf"

# every dataclass method of the modules a check imports, as a fingerprint of its code
METHODS = """
import dataclasses, hashlib, sys
from yjsgk import compiled
compiled.keep()
import yjsgk.pipeline, yjsgk.baseline, yjsgk.report.json_report, yjsgk.read.pdf
def fields(code):
    consts = tuple(fields(c) if hasattr(c, "co_code") else c for c in code.co_consts)
    return (code.co_name, code.co_code, consts, code.co_names, code.co_varnames, code.co_flags, code.co_filename)
out = []
for name, module in sorted(sys.modules.items()):
    if not name.startswith("yjsgk"):
        continue
    for value in list(vars(module).values()):
        if isinstance(value, type) and dataclasses.is_dataclass(value) and value.__module__ == name:
            for attr, fn in sorted(vars(value).items()):
                code = getattr(fn, "__code__", None)
                if code is not None:
                    out.append((value.__qualname__, attr, fields(code), repr(fn.__annotations__),
                                repr(fn.__defaults__), repr(fn.__kwdefaults__)))
print(len(out), hashlib.sha256(repr(out).encode()).hexdigest())
"""


def _env(cache: str) -> dict:
    return {**os.environ, "YJSGK_CACHE": cache, "PYTHONPATH": str(ROOT / "src")}


def _check(cache: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "yjsgk", "check", str(SAMPLE), "--format", "json"],
        capture_output=True,
        text=True,
        env=_env(cache),
        timeout=120,
    )


def _methods(cache: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", METHODS], capture_output=True, text=True, env=_env(cache), timeout=120, check=True
    )
    return done.stdout


def test_kept_patterns_and_methods_are_the_compiled_ones_and_give_the_same_report(tmp_path: Path):
    uncached = _check("off")
    first = _check(str(tmp_path))  # compiles and records
    [kept] = list(tmp_path.glob("compiled-*.marshal"))
    patterns, code = marshal.loads(kept.read_bytes())
    second = _check(str(tmp_path))  # takes every pattern and method from the file
    assert uncached.returncode == first.returncode == second.returncode == 0  # warnings and notices only
    assert uncached.stdout.count('"rule": ') >= 1
    assert first.stdout == uncached.stdout and second.stdout == uncached.stdout
    assert first.stderr == second.stderr == uncached.stderr == ""
    # hundreds of patterns (ours, the standard library's), each exactly what re compiles
    assert len(patterns) > 300
    assert any(isinstance(pattern, str) and "局" in pattern for pattern, _flags in patterns)
    for (pattern, flags), (all_flags, sre, groups, groupindex, indexgroup) in patterns.items():
        tree = compiler._parser.parse(pattern, flags)
        assert sre == [int(op) for op in compiler._code(tree, flags)], pattern
        assert all_flags == flags | tree.state.flags and groups == tree.state.groups - 1
        assert groupindex == dict(tree.state.groupdict) and len(indexgroup) == tree.state.groups
    # the generated methods of ~80 dataclasses: the code exec(text) compiles, and the same
    # functions (code, annotations, defaults) with the file as without
    assert len(code) > 200 and all(text.startswith("def __create_fn__(") for text in code)
    for text, kept_code in code.items():
        assert kept_code == compile(text, "<string>", "exec", dont_inherit=True)
    without = _methods("off")
    assert int(without.split()[0]) > 200
    assert _methods(str(tmp_path)) == without


def test_a_damaged_file_is_compiled_again(tmp_path: Path):
    _check(str(tmp_path))
    [kept] = list(tmp_path.glob("compiled-*.marshal"))
    kept.write_bytes(b"\x00not marshal")
    again = _check(str(tmp_path))
    assert again.returncode == 0 and again.stderr == "" and again.stdout == _check("off").stdout
    patterns, code = marshal.loads(kept.read_bytes())  # rewritten whole
    assert len(patterns) > 300 and len(code) > 200
