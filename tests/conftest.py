"""Shared fixtures: the real documents are read in place from ../shared (never copied)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from yjsgk.model import Disclosure
from yjsgk.pipeline import recognize_path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
EXAMPLES = ROOT / "examples"

SEED_FILES = {
    "000": SEEDS / "000_58a4a338f4d57f7e.txt",
    "001": SEEDS / "001_6b377b9776e57d4c.txt",
    "002": SEEDS / "002_98add52c02d21372.txt",
    "003": SEEDS / "003_c182bc71c99e727c.txt",
    "004": SEEDS / "004_29854a2ad7a55738.txt",
}

_cache: dict[Path, Disclosure] = {}

# the rule families over the standard tables (narrative, performance and completeness rules have
# their own test files)
TABLE_RULES = ("sum.", "identity.", "balance.", "cross.", "format.", "name.", "recognize.")

# rule ids exercised by a failing case (filled by @violates at import); each rule family's test
# file checks that its rules are all covered
VIOLATED: set[str] = set()


def violates(*rule_ids: str):
    """Mark a test as a failing case of these rules."""

    def mark(fn):
        VIOLATED.update(rule_ids)
        return fn

    return mark


def load_disclosure(path: Path) -> Disclosure:
    """Recognize once per test session; the model is not mutated by tests."""
    if path not in _cache:
        _cache[path] = recognize_path(path)
    return _cache[path]


@pytest.fixture(scope="session")
def seed():
    if not SEEDS.is_dir():
        pytest.fail(f"the shared documents are missing: {SEEDS}")
    return lambda name: load_disclosure(SEED_FILES[name])


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """`python -m yjsgk …` as a user runs it: a real process, plain output."""
    return subprocess.run(
        [sys.executable, "-m", "yjsgk", *args],
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin", "NO_COLOR": "1"},
        cwd=cwd,
        timeout=60,
    )
