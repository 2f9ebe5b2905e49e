"""The classification-code dictionary (政府收支分类科目), loaded from package data.

`data/classification/` holds one CSV per scheme; every row names its evidence in `source`
(ids listed in `sources.csv`: seeds, samples, reference data, or K = maintainers' knowledge):

* `function.csv` — 支出功能分类 类/款/项;
* `economic.csv` — 部门预算支出经济分类 类/款 (and a few local 7-digit subdivisions);
* `government_economic.csv` and `crosswalk.csv` — 政府预算支出经济分类 (501–599) and the
  department → government economic code correspondence where it could be established.

A code whose name changed has one row per name, each with the years it was used
(`valid_from`/`valid_to`, empty = not known to be bounded). Where the year of a change is not
established the two ranges overlap, so both names are accepted in the uncertain years.
`confirmed = no` marks a name seen in one document only and not known otherwise: the code
counts as known, but its name is not used to judge documents.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from importlib import resources

from .textnorm import key, strip_ordinal

SCHEMES = ("function", "economic")


@dataclass(frozen=True, slots=True)
class Entry:
    """One name of one code, with the years it was used."""

    scheme: str
    code: str
    name: str
    level: str
    parent: str | None
    valid_from: int | None
    valid_to: int | None
    confirmed: bool
    sources: tuple[str, ...]
    note: str = ""
    expense_group: str = ""  # economic codes: 人员经费 / 公用经费
    provenance: str = ""  # harvested rows: "harvested: N documents, first …" (harvest.csv lists them all)

    @property
    def harvested(self) -> bool:
        """Added by the harvest of printed pairs (yjsgk.harvest), not curated."""
        return self.sources == ("harvested",)

    @property
    def local(self) -> bool:
        """A local subdivision of a code (7-digit economic sub-codes), not a national code."""
        return self.scheme == "economic" and len(self.code) == 7

    def valid_in(self, year: int | None) -> bool:
        if year is None:
            return True
        return (self.valid_from is None or self.valid_from <= year) and (self.valid_to is None or year <= self.valid_to)

    @property
    def years(self) -> str:
        """`2019年起`, `2017年及以前`, `2014–2018年`, or empty."""
        if self.valid_from and self.valid_to:
            return f"{self.valid_from}–{self.valid_to}年"
        if self.valid_from:
            return f"{self.valid_from}年起"
        if self.valid_to:
            return f"{self.valid_to}年及以前"
        return ""


@dataclass(frozen=True, slots=True)
class Source:
    id: str
    kind: str  # seed | sample | refdata | knowledge
    reference: str
    department: str
    year: str


def name_key(name: str) -> str:
    """Names compared beyond punctuation, spacing and list ordinals."""
    return key(strip_ordinal(name))


class Classification:
    """All entries of one scheme, by code."""

    def __init__(self, scheme: str, entries: list[Entry]):
        self.scheme = scheme
        self._by_code: dict[str, list[Entry]] = {}
        for entry in entries:
            self._by_code.setdefault(entry.code, []).append(entry)

    def __contains__(self, code: str) -> bool:
        return code in self._by_code

    def __len__(self) -> int:
        return len(self._by_code)

    def codes(self) -> list[str]:
        return list(self._by_code)

    def entries(self, code: str) -> list[Entry]:
        return list(self._by_code.get(code, ()))

    def valid_in(self, code: str, year: int | None) -> bool:
        """The code exists in that year (any of its names is valid then)."""
        return any(e.valid_in(year) for e in self._by_code.get(code, ()))

    def lookup(self, code: str, year: int | None = None) -> Entry | None:
        """The official entry of a code in a year (the latest name when the year is not given)."""
        entries = [e for e in self._by_code.get(code, ()) if e.valid_in(year)]
        if not entries:
            return None
        confirmed = [e for e in entries if e.confirmed] or entries
        # the latest name in force; a dated name before an undated one; then the later row
        ranked = sorted(enumerate(confirmed), key=lambda ie: (ie[1].valid_from or 0, ie[1].years != "", ie[0]))
        return ranked[-1][1]

    def name(self, code: str, year: int | None = None) -> str | None:
        entry = self.lookup(code, year)
        return entry.name if entry else None

    def accepted_names(self, code: str, year: int | None) -> list[Entry]:
        """Confirmed names valid in the year (one, or two across an unsettled change)."""
        return [e for e in self._by_code.get(code, ()) if e.confirmed and e.valid_in(year)]

    def match(self, code: str, name: str) -> Entry | None:
        """The entry of this code whose name equals `name` beyond punctuation, in any year."""
        wanted = name_key(name)
        return next((e for e in self._by_code.get(code, ()) if name_key(e.name) == wanted), None)

    def renamed(self) -> dict[str, list[Entry]]:
        """Codes that carried more than one name."""
        return {c: list(es) for c, es in self._by_code.items() if len({name_key(e.name) for e in es}) > 1}

    def parent(self, code: str) -> str | None:
        entries = self._by_code.get(code)
        if entries:
            return entries[0].parent
        return code[:-2] if len(code) in (5, 7) else None

    def children(self, code: str) -> list[str]:
        return [c for c, es in self._by_code.items() if es[0].parent == code]


def _read(name: str) -> list[dict[str, str]]:
    text = resources.files("yjsgk.data").joinpath("classification", name).read_text("utf-8")
    return list(csv.DictReader(text.splitlines()))


def _year(value: str) -> int | None:
    return int(value) if value.strip() else None


HARVESTED = "harvested:"


def _sources(value: str) -> tuple[tuple[str, ...], str]:
    """Evidence ids, or for a harvested row ("harvested: 5 documents, first …") the marker and the text."""
    if value.startswith(HARVESTED):
        return ("harvested",), value
    return tuple(value.split()), ""


@cache
def classification(scheme: str) -> Classification:
    if scheme not in SCHEMES:
        raise ValueError(f"unknown classification scheme {scheme!r}")
    entries = [
        Entry(
            scheme=scheme,
            code=r["code"],
            name=r["name"],
            level=r["level"],
            parent=r["parent"] or None,
            valid_from=_year(r["valid_from"]),
            valid_to=_year(r["valid_to"]),
            confirmed=r["confirmed"] == "yes",
            sources=sources,
            note=r.get("note", ""),
            expense_group=r.get("expense_group", ""),
            provenance=provenance,
        )
        for r in _read(f"{scheme}.csv")
        for sources, provenance in [_sources(r["source"])]
    ]
    return Classification(scheme, entries)


def function_classification() -> Classification:
    return classification("function")


def economic_classification() -> Classification:
    return classification("economic")


@cache
def sources() -> dict[str, Source]:
    return {
        r["id"]: Source(r["id"], r["kind"], r["reference"], r["department"], r["year"]) for r in _read("sources.csv")
    }


@cache
def government_economic() -> dict[str, str]:
    """政府预算支出经济分类 code → name (the part the crosswalk uses)."""
    return {r["code"]: r["name"] for r in _read("government_economic.csv")}


@cache
def _crosswalk() -> dict[str, tuple[tuple[str, str], ...]]:
    out: dict[str, list[tuple[str, str]]] = {}
    for r in _read("crosswalk.csv"):
        out.setdefault(r["department_code"], []).append((r["government_code"], r["unit_type"]))
    return {k: tuple(v) for k, v in out.items()}


UNIT_TYPES = ("机关", "事业单位")


def crosswalk(department_code: str, unit_type: str = "机关") -> tuple[str, ...]:
    """The 政府预算支出经济分类 code(s) of a 部门预算支出经济分类 code.

    The government classification depends on who spends: 机关 (行政单位, 501–503 …) or
    事业单位 (对事业单位补助, 505/506); 对个人和家庭的补助 (509) and 债务利息 (511) are common to
    both. () when the correspondence is not established in the dictionary.
    """
    if unit_type not in UNIT_TYPES:
        raise ValueError(f"unit_type should be one of {UNIT_TYPES}")
    return tuple(g for g, u in _crosswalk().get(department_code, ()) if u in (unit_type, "通用"))
