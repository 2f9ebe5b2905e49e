"""Shared fixtures: the real documents are read in place from ../shared (never copied)."""

from __future__ import annotations

import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from yjsgk.model import Disclosure, Row, Table
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
# checks across documents (test_cross.py): not rules over one document's tables
ACROSS_DOCUMENTS = ("cross.year.", "cross.document.")

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


# the command line of this checkout (not whichever yjsgk the interpreter has installed)
CLI_ENV = {"PATH": "/usr/bin:/bin", "NO_COLOR": "1", "PYTHONPATH": str(ROOT / "src")}


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """`python -m yjsgk …` as a user runs it: a real process, plain output."""
    return subprocess.run(
        [sys.executable, "-m", "yjsgk", *args],
        capture_output=True,
        text=True,
        env=CLI_ENV,
        cwd=cwd,
        timeout=60,
    )


# -- locating cells of a recognized document (seeds and samples) -----------------------------


def table(disclosure: Disclosure, table_id: str, index: int = 0) -> Table:
    """A recognized table by id; "id#N" (or index=N) is the N-th table with that id (from 0)."""
    table_id, _, nth = table_id.partition("#")
    index = int(nth) if nth else index
    found = disclosure.tables_by_id(table_id)
    assert len(found) > index, f"table {table_id} not recognized in {disclosure.source}"
    return found[index]


def row(disclosure: Disclosure, table_id: str, locator: str) -> Row:
    """A row by locator: "code:2010301", "key:total", "name:…", or "<side>:<code or key>"."""
    t = table(disclosure, table_id)
    kind, _, what = locator.partition(":")
    if kind in ("income", "expenditure"):
        found = t.find(code=what, side=kind) if what.isdigit() else t.find(key=what, side=kind)
    elif kind == "code":
        found = t.find(code=what)
    elif kind == "key":
        found = t.find(key=what)
    elif kind == "name":
        found = next((r for r in t.rows if r.name == what), None)
    else:
        raise ValueError(locator)
    assert found is not None, f"{table_id}: no row {locator}"
    return found


def value(disclosure: Disclosure, table_id: str, column: str, locator: str) -> Decimal | None:
    """The amount of a cell, None when the cell is printed blank (the row must exist)."""
    cell = row(disclosure, table_id, locator).values.get(column)
    return None if cell is None else cell.amount


def assert_printed(got: Decimal | None, expected: str | None) -> None:
    """A cell's value against what the page prints: None for a blank cell (never zero)."""
    if expected is None:
        assert got is None, "a blank cell must have no value (not zero)"
    else:
        assert got == Decimal(expected)


# Debian's chromium driven by Playwright (browser downloads are impossible here); the flags keep it off the
# closed network (background networking, component updates, sync) and let it run as root.
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def launch_chromium(playwright):
    """Debian's chromium through Playwright's executable_path."""
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
