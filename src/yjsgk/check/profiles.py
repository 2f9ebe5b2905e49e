"""Compliance profiles: which tables, narrative sections and glossary terms a full disclosure contains.

What a full publication contains depends on the province and the year, so it is data
(`data/requirements.toml`), grouped in named profiles (`national`, `hunan`, or one defined in
yjsgk.toml under [profiles.NAME], with `extends` and `drop`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..definitions import requirements_data, table_def
from ..errors import YjsgkError
from ..model import Disclosure

DEFAULT_PROFILE = "national"  # the base of every template family; the profile when none is chosen
DOC_KINDS = {"final": "final", "final_with_performance": "final", "budget": "budget"}
KIND_NAMES = {"final": "部门决算", "budget": "部门预算"}


class ProfileError(YjsgkError, ValueError):
    pass


@dataclass(frozen=True, slots=True)
class Requirement:
    what: str  # table | section | glossary
    kind: str  # final | budget
    id: str
    title: str = ""
    number: str | None = None
    pattern: re.Pattern[str] | None = None
    mentions: tuple[str, ...] = ()
    terms: tuple[str, ...] = ()
    since: int | None = None
    until: int | None = None
    when: str = "always"
    source: str = ""

    def applies(self, kind: str, year: int | None) -> bool:
        if kind != self.kind:
            return False
        if year is None:
            return self.since is None and self.until is None
        return (self.since is None or self.since <= year) and (self.until is None or year <= self.until)


@dataclass(frozen=True, slots=True)
class Profile:
    name: str
    title: str
    description: str = ""
    requirements: tuple[Requirement, ...] = ()

    def select(self, what: str, kind: str, year: int | None) -> list[Requirement]:
        return [r for r in self.requirements if r.what == what and r.applies(kind, year)]

    def number(self, table_id: str, kind: str, year: int | None) -> str | None:
        req = next((r for r in self.select("table", kind, year) if r.id == table_id), None)
        return req.number if req else None


WHATS = ("table", "section", "glossary")


def builtin_profiles() -> dict[str, dict]:
    return requirements_data()["profile"]


def _requirement(what: str, raw: dict, where: str) -> Requirement:
    try:
        kind = raw["kind"]
        ident = raw["id"]
    except KeyError as exc:
        raise ProfileError(f"{where}：缺少 {exc.args[0]}") from None
    if kind not in KIND_NAMES:
        raise ProfileError(f"{where}：kind 应为 final 或 budget，而不是 {kind}")
    when = raw.get("when", "always")
    if when != "always" and not when.startswith("data:"):
        raise ProfileError(f"{where}：when 应为 always 或 data:表编号")
    pattern = None
    if what == "section":
        try:
            pattern = re.compile(raw["pattern"])
        except (KeyError, re.error) as exc:
            raise ProfileError(f"{where}：section {ident} 的 pattern 无效（{exc}）") from None
    if what == "table":
        try:
            table_def(ident)
        except StopIteration:
            raise ProfileError(f"{where}：没有编号为 {ident} 的表（见 tables.toml）") from None
    number = raw.get("number")
    return Requirement(
        what=what,
        kind=kind,
        id=ident,
        title=raw.get("title", "") or (table_def(ident).title if what == "table" else ident),
        number=str(number) if number is not None else None,
        pattern=pattern,
        mentions=tuple(raw.get("mentions", ())),
        terms=tuple(raw.get("terms", ())),
        since=raw.get("since"),
        until=raw.get("until"),
        when=when,
        source=raw.get("source", ""),
    )


def load_profile(name: str, custom: dict | None = None) -> Profile:
    """A built-in profile or one defined in yjsgk.toml ([profiles.NAME]), with `extends` applied."""
    every = {**builtin_profiles(), **(custom or {})}
    chain: list[tuple[str, dict]] = []
    current: str | None = name
    while current is not None:
        if current not in every:
            known = "、".join(sorted(every))
            raise ProfileError(f"没有名为 {current} 的配置档（可用：{known}）")
        if any(n == current for n, _ in chain):
            raise ProfileError(f"配置档 {name} 的 extends 形成循环")
        raw = every[current]
        chain.append((current, raw))
        current = raw.get("extends")
    merged: dict[tuple[str, str, str], Requirement] = {}
    for pname, raw in reversed(chain):
        for dropped in raw.get("drop", []):
            what, _, ident = dropped.partition(":")
            for k in [k for k in merged if k[0] == what and k[2] == ident]:
                del merged[k]
        for what in WHATS:
            for i, entry in enumerate(raw.get(what, [])):
                req = _requirement(what, entry, f"配置档 {pname} 的第 {i + 1} 个 {what}")
                merged[(what, req.kind, req.id)] = req
    top = chain[0][1]
    return Profile(name, top.get("title", name), top.get("description", ""), tuple(merged.values()))


@cache
def printed_titles() -> dict[str, re.Pattern[str]]:
    """Table id → how its title reads loosely ([printed] of requirements.toml)."""
    return {table_id: re.compile(p) for table_id, p in requirements_data().get("printed", {}).items()}


@cache
def empty_subjects() -> dict[str, str]:
    """Table id → the words by which the 情况说明 says the table has nothing to show ([empty])."""
    return dict(requirements_data().get("empty", {}))


@cache
def builtin_profile(name: str) -> Profile:
    return load_profile(name)


def doc_kind(disclosure: Disclosure) -> str | None:
    """final | budget for the kinds a profile has requirements for, else None."""
    return DOC_KINDS.get(disclosure.kind)
