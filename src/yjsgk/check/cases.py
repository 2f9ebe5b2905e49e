"""A good and a bad case for every rule, as data, and the runner that proves them.

In the manner of ruff (a fixture per rule) and sqlfluff (yaml test cases per rule): each rule of
the catalogue has, in `data/cases/<family>.toml`, a *bad* case — a small document on which the
rule must report at its own severity — and a *good* case on which it must stay silent. A case is
either a base document of `data/cases/` (our own synthetic texts: `final_2023.txt`, a clean 2023
final-accounts disclosure; `performance_2023.txt`, self-evaluation tables and report;
`targets_2024.txt`, a budget's expenditure table and its performance-target tables) with edits,
or a small text of its own:

    ["sum.hierarchy".bad]
    what = "…"                         # what the case shows (for the rule reference)
    base = "final_2023.txt"            # or text = \"\"\"…\"\"\" (a whole document)
    edits = [{ old = "…", new = "…" }] # each `old` printed exactly once in the text so far
    at = "20103\t政府办公厅"            # the finding's line: the line of the edited text equal to
                                       # this, else the one line containing it (or a number)
    table = "final.expenditure"        # optional: the finding's table and row
    row = "20103 政府办公厅（室）及相关机构事务"

    ["sum.hierarchy".good]
    what = "…"

A file may set `base`, `profile` and `verbose` once for all its cases. Cases run under the
`national` profile unless they say `profile = "none"`; `verbose = true` runs as `check --verbose`.
A bad case holds when the rule reports at least one finding at the rule's severity (at `at`,
`table` and `row` when given); a good case holds when the rule reports nothing at all. Cases
name a rule, its severity and a location, never a message: the message is the rule's to word,
and the rule reference (`yjsgk rules`) shows the one it actually gives on the bad case.
"""

from __future__ import annotations

import difflib
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable

from ..model import Disclosure
from ..read.text import parse_text
from ..recognize import recognize
from . import check
from .context import CheckContext
from .findings import Finding
from .registry import RULES

VERDICTS = ("bad", "good")
DEFAULT_PROFILE = "national"
NO_PROFILE = "none"
_CASE_KEYS = {"what", "base", "text", "edits", "at", "table", "row", "profile", "verbose", "with"}
_FILE_KEYS = {"base", "profile", "verbose"}


class CaseError(ValueError):
    """A case file that cannot be read as written (a typo, an edit whose text is not there)."""


@dataclass(frozen=True, slots=True)
class Edit:
    old: str
    new: str
    every: bool = False  # replace every occurrence (another year's copy: every = true), not exactly one


@dataclass(frozen=True, slots=True)
class Case:
    rule: str
    verdict: str  # "bad" | "good"
    what: str
    origin: str  # the case file, e.g. "sum.toml"
    base: str | None = None  # a base document of data/cases/, edited
    own_text: str | None = None  # or a document of its own
    edits: tuple[Edit, ...] = ()
    at: str | int | None = None
    table: str | None = None
    row: str | None = None
    profile: str | None = DEFAULT_PROFILE  # None: no profile (complete.* and code.* off)
    verbose: bool = False
    # related documents the case is checked with (`check --with`): each a base document with edits
    # or a text of its own, for the cross.year.* and cross.document.* rules
    neighbours: tuple[tuple[str | None, str | None, tuple[Edit, ...]], ...] = ()

    def neighbour_texts(self) -> list[tuple[str, str]]:
        """(source name, text) of each related document."""
        out = []
        for i, (base, text, edits) in enumerate(self.neighbours, start=1):
            where = f"{self.origin} [{self.rule}.{self.verdict}] with #{i}"
            own = text if text is not None else base_document(base or "")
            out.append((f"{self.rule}.{self.verdict}.with{i}.txt", apply_edits(own, edits, where=where)))
        return out

    @property
    def source(self) -> str:
        """The name the document is read under (findings' location.source)."""
        return self.base or f"{self.rule}.{self.verdict}.txt"

    @property
    def base_text(self) -> str:
        if self.own_text is not None:
            return self.own_text
        assert self.base is not None
        return base_document(self.base)

    @property
    def text(self) -> str:
        return apply_edits(self.base_text, self.edits, where=f"{self.origin} [{self.rule}.{self.verdict}]")

    @property
    def line(self) -> int | None:
        """The line the finding must be located on (bad cases that say where)."""
        if self.at is None or isinstance(self.at, int):
            return self.at
        lines = self.text.split("\n")
        hits = [n for n, line in enumerate(lines, start=1) if line == self.at]
        if not hits:
            hits = [n for n, line in enumerate(lines, start=1) if self.at in line]
        if len(hits) != 1:
            raise CaseError(
                f"{self.origin} [{self.rule}.{self.verdict}]: at = {self.at!r} is on {len(hits)} lines, not one"
            )
        return hits[0]

    def context(self) -> CheckContext:
        if self.profile is None:
            return CheckContext(verbose=self.verbose)
        return CheckContext.with_profile(self.profile, verbose=self.verbose)

    def changed_lines(self) -> list[str]:
        """The edits as diff lines against the base: -old, +new, and around each place edited the
        nearest printed line before and after it as context (a space before it); "…" between places."""
        if self.base is None:
            return []
        old, new = self.base_text.split("\n"), self.text.split("\n")
        out: list[str] = []
        for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
            if tag == "equal":
                continue
            before = next((old[i] for i in range(i1 - 1, -1, -1) if old[i].strip()), None)
            after = next((old[i] for i in range(i2, len(old)) if old[i].strip()), None)
            if out and before is not None and out[-1] == f" {before}":
                pass  # the previous place ended on this line
            else:
                if out:
                    out.append("…")
                if before is not None:
                    out.append(f" {before}")
            out += [f"-{line}" for line in old[i1:i2] if line.strip()]
            out += [f"+{line}" for line in new[j1:j2] if line.strip()]
            if after is not None:
                out.append(f" {after}")
        return out


@dataclass(slots=True)
class Outcome:
    """A case run through the real pipeline: parse_text → recognize → check."""

    case: Case
    disclosure: Disclosure
    findings: list[Finding] = field(default_factory=list)  # every finding of the document

    @property
    def own(self) -> list[Finding]:
        """The findings of the case's rule."""
        return [f for f in self.findings if f.rule == self.case.rule]

    def matching(self) -> list[Finding]:
        """The findings that make a bad case hold: the rule's own severity, where the case says."""
        rule = RULES[self.case.rule]
        line = self.case.line
        return [
            f
            for f in self.own
            if f.severity == rule.severity
            and (line is None or (f.location is not None and f.location.line == line))
            and (self.case.table is None or f.table == self.case.table)
            and (self.case.row is None or f.row == self.case.row)
        ]

    def problems(self) -> list[str]:
        """Why the case does not hold (empty when it does)."""
        case = self.case
        if case.verdict == "good":
            return [f"good case reports {_describe(f)}" for f in self.own]
        if self.matching():
            return []
        rule = RULES[case.rule]
        wanted = f"a {rule.severity} of {case.rule}"
        if case.at is not None:
            wanted += f" on line {case.line}"
        if case.table is not None:
            wanted += f" in {case.table}"
        if case.row is not None:
            wanted += f" at row {case.row!r}"
        got = "; ".join(_describe(f) for f in self.own) or "nothing of this rule"
        return [f"bad case: expected {wanted}, got {got}"]


def _describe(finding: Finding) -> str:
    line = finding.location.line if finding.location else None
    return f"{finding.severity} line {line} table {finding.table} row {finding.row!r}: {finding.message}"


# -- reading the case files ----------------------------------------------------------------------


def _cases_dir() -> Traversable:
    return resources.files("yjsgk.data").joinpath("cases")


@cache
def base_document(name: str) -> str:
    path = _cases_dir().joinpath(name)
    if not name.endswith(".txt") or not path.is_file():
        raise CaseError(f"no base document {name} in data/cases/")
    return path.read_text("utf-8")


def apply_edits(text: str, edits: tuple[Edit, ...], *, where: str = "") -> str:
    for edit in edits:
        count = text.count(edit.old)
        if edit.every and count:
            text = text.replace(edit.old, edit.new)
            continue
        if count != 1:
            raise CaseError(f"{where}: the text to replace is printed {count} times, not once: {edit.old!r}")
        text = text.replace(edit.old, edit.new)
    return text


def parse_cases(data: dict, origin: str) -> Iterator[Case]:
    """The cases of one file's TOML data."""
    defaults = {k: data[k] for k in _FILE_KEYS if k in data}
    for rule_id, pair in data.items():
        if rule_id in _FILE_KEYS:
            continue
        if not isinstance(pair, dict) or set(pair) - set(VERDICTS):
            raise CaseError(f"{origin}: [{rule_id!r}] should hold a bad and a good case, not {sorted(pair)}")
        for verdict, spec in pair.items():
            unknown = set(spec) - _CASE_KEYS
            if unknown:
                raise CaseError(f"{origin} [{rule_id}.{verdict}]: unknown keys {sorted(unknown)}")
            spec = {**defaults, **spec}
            if "text" in spec:
                spec.pop("base", None)
            elif "base" not in spec:
                raise CaseError(f"{origin} [{rule_id}.{verdict}]: needs a base or a text")
            profile = spec.get("profile", DEFAULT_PROFILE)
            yield Case(
                rule=rule_id,
                verdict=verdict,
                what=" ".join(str(spec.get("what", "")).split()),
                origin=origin,
                base=spec.get("base"),
                own_text=spec.get("text"),
                edits=tuple(Edit(e["old"], e["new"]) for e in spec.get("edits", [])),
                at=spec.get("at"),
                table=spec.get("table"),
                row=spec.get("row"),
                profile=None if profile == NO_PROFILE else profile,
                verbose=bool(spec.get("verbose", False)),
                neighbours=tuple(
                    (
                        None if "text" in other else other.get("base", spec.get("base")),
                        other.get("text"),
                        tuple(Edit(e["old"], e["new"], bool(e.get("every"))) for e in other.get("edits", [])),
                    )
                    for other in spec.get("with", [])
                ),
            )


@cache
def all_cases() -> dict[str, dict[str, Case]]:
    """rule id → {"bad": case, "good": case}, from every data/cases/*.toml."""
    out: dict[str, dict[str, Case]] = {}
    files = sorted((p for p in _cases_dir().iterdir() if p.name.endswith(".toml")), key=lambda p: p.name)
    for path in files:
        data = tomllib.loads(path.read_text("utf-8"))
        for case in parse_cases(data, path.name):
            pair = out.setdefault(case.rule, {})
            if case.verdict in pair:
                raise CaseError(f"{path.name}: a second {case.verdict} case of {case.rule}")
            pair[case.verdict] = case
    return out


def cases_of(rule_id: str) -> dict[str, Case]:
    return all_cases().get(rule_id, {})


# -- running ---------------------------------------------------------------------------------------


def run_case(case: Case) -> Outcome:
    disclosure = recognize(parse_text(case.text, case.source))
    context = case.context()
    if case.neighbours:
        context = context.with_neighbours(recognize(parse_text(t, name)) for name, t in case.neighbour_texts())
    return Outcome(case, disclosure, check(disclosure, context))


@cache
def outcome(rule_id: str, verdict: str) -> Outcome | None:
    """The outcome of a rule's case (cached: a case is a fixed document), None without one."""
    case = cases_of(rule_id).get(verdict)
    return None if case is None else run_case(case)


def example(rule_id: str) -> Finding | None:
    """What the rule reports on its bad case: the documented example."""
    result = outcome(rule_id, "bad")
    if result is None:
        return None
    found = result.matching()
    return found[0] if found else None
