"""Template families: which province's or city's disclosure template a document follows.

Documents follow their province's or city's template, not only the national one (Shanghai's
budget has no 一般性支出 section and says 国有资产占有使用; Beijing publishes the 情况说明 and the
tables as two files; Shenzhen prints 基本支出总表 instead of 一般公共预算基本支出表). Which
family a document follows is read from its own table titles and headings: every family of
`data/requirements.toml` lists, per kind, the features of its template (`[profile.NAME.detect.KIND]`:
`tables` = patterns of table titles, `headings` = patterns of part headings and 目录 entries).

A family is recognized when the document shows at least `MIN_FEATURES` of its features and
most of those it can show (a file of tables only cannot show headings), or most of its table
(heading) features alone; a family that extends another needs one feature its ancestors do not
have, and then wins over them when both are recognized (it is the more specific template). The
certainty is the share of the family's features seen; when two families are recognized alike
the recognition is unsure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..definitions import requirements_data
from ..model import Disclosure
from ..textnorm import key
from .outline import heading_key, heading_marker, heading_title

KINDS = {"final": "final", "final_with_performance": "final", "budget": "budget"}
MIN_FEATURES = 2  # features a family needs to show to be recognized
MIN_SHARE = 0.6  # and the share of those it can show
MIN_CHANNEL = 3  # or of its table (heading) features, when it shows this many of them
MIN_TABLES = 3  # a document with fewer tables shows no table features
MIN_HEADINGS = 3  # nor one with fewer headings heading features
SECTION_LEVEL = 3  # the headings read: 第X部分, 一、, （一） and named parts
_LEADER = re.compile(r"[.．…·]{3,}.*$")  # contents dot leaders and the page number


@dataclass(frozen=True, slots=True)
class Features:
    family: str
    kind: str
    tables: tuple[re.Pattern[str], ...]
    headings: tuple[re.Pattern[str], ...]


@dataclass(frozen=True, slots=True)
class TemplateFamily:
    name: str  # the profile of data/requirements.toml
    title: str
    certainty: float  # the share of the family's features the document shows, of those it can show
    sure: bool  # recognized, and no other family alike
    evidence: tuple[str, ...] = ()  # the features seen

    def to_dict(self) -> dict:
        return {
            "name": self.name,
            "title": self.title,
            "certainty": round(self.certainty, 2),
            "sure": self.sure,
            "evidence": list(self.evidence),
        }


@cache
def family_features() -> tuple[Features, ...]:
    out = []
    for name, raw in requirements_data()["profile"].items():
        for kind, detect in raw.get("detect", {}).items():
            out.append(
                Features(
                    name,
                    kind,
                    tuple(re.compile(p) for p in detect.get("tables", ())),
                    tuple(re.compile(p) for p in detect.get("headings", ())),
                )
            )
    return tuple(out)


def _depth(name: str) -> int:
    profiles = requirements_data()["profile"]
    depth, current = 0, profiles.get(name, {}).get("extends")
    while current is not None and depth < 10:
        depth += 1
        current = profiles.get(current, {}).get("extends")
    return depth


def _ancestors(name: str) -> set[str]:
    profiles = requirements_data()["profile"]
    out: set[str] = set()
    current = profiles.get(name, {}).get("extends")
    while current is not None and current not in out:
        out.add(current)
        current = profiles.get(current, {}).get("extends")
    return out


def _headings(disclosure: Disclosure) -> list[str]:
    """The keys of the document's part headings and 目录 entries."""
    outline = disclosure.outline
    if outline is None:
        return []
    keys = [h.key for h in outline.parts() if h.level <= SECTION_LEVEL]
    for line in outline.contents:
        found = heading_marker(line.text)
        keys.append(heading_key(heading_title(_LEADER.sub("", found[2] if found else line.text))))
    return [k for k in keys if k]


def _own_evidence(name: str, kind: str, titles: list[str], headings: list[str]) -> bool:
    """The family (when it extends another) matches a table title or heading that none of its
    ancestors' features match."""
    ancestors = _ancestors(name)
    if not ancestors:
        return True
    mine = [f for f in family_features() if f.family == name and f.kind == kind]
    theirs = [f for f in family_features() if f.family in ancestors and f.kind == kind]
    for texts, field in ((titles, "tables"), (headings, "headings")):
        for text in texts:
            if any(p.search(text) for f in mine for p in getattr(f, field)) and not any(
                p.search(text) for f in theirs for p in getattr(f, field)
            ):
                return True
    return False


def detect_family(disclosure: Disclosure) -> TemplateFamily | None:
    kind = KINDS.get(disclosure.kind)
    if kind is None:
        return None
    titles = [key(t.title) for t in disclosure.tables]
    headings = _headings(disclosure)
    show_tables = len(titles) >= MIN_TABLES
    show_headings = len(headings) >= MIN_HEADINGS
    scored: list[tuple[str, float, tuple[str, ...]]] = []
    for features in family_features():
        if features.kind != kind:
            continue
        channels = []
        if show_tables:
            channels.append((features.tables, [p.pattern for p in features.tables if any(p.search(t) for t in titles)]))
        if show_headings:
            channels.append(
                (features.headings, [p.pattern for p in features.headings if any(p.search(h) for h in headings)])
            )
        seen = [pattern for _, found in channels for pattern in found]
        possible = sum(len(patterns) for patterns, _ in channels)
        if not possible or len(seen) < MIN_FEATURES:
            continue
        # the share of all it can show, or of one kind of evidence that is clear on its own
        # (the tables of a family, while the headings are another file's or not read)
        share = max(
            [len(seen) / possible]
            + [len(found) / len(patterns) for patterns, found in channels if len(found) >= MIN_CHANNEL]
        )
        if share >= MIN_SHARE:
            scored.append((features.family, share, tuple(seen)))
    # a family that extends another is recognized by what sets it apart: a document showing
    # only what its ancestors show too (a national budget's 部门收支总体情况, 一般公共预算拨款支出…)
    # follows the ancestor, whichever shares more of the family's list
    scored = [s for s in scored if _own_evidence(s[0], kind, titles, headings)]
    if not scored:
        return None
    # a family that extends a recognized one is the more specific template
    recognized = {name for name, _, _ in scored}
    specific = [s for s in scored if not any(s[0] in _ancestors(other) for other in recognized)]
    specific.sort(key=lambda s: (-s[1], -_depth(s[0])))
    name, share, evidence = specific[0]
    rivals = [s for s in specific[1:] if s[1] >= share - 0.15]
    title = requirements_data()["profile"][name].get("title", name)
    return TemplateFamily(name, title, share, not rivals, evidence)
