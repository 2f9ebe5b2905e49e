"""Grade thresholds: the document's own (备注), the configured scale, or the default.

Most documents state their scale under the table ("90分（含）—100分为优，80分（含）—90分为良，
60分（含）—80分为中，60分以下为差"); a stated scale always wins. Otherwise the run's scale applies:
`[grades]` in yjsgk.toml (provinces use other labels, e.g. 优秀/良好/合格/不合格), else the
Ministry's default 优 ≥ 90, 良 80–90, 中 60–80, 差 < 60.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from decimal import Decimal

from ..document import Location
from ..patterns import lazy_pattern
from ..textnorm import key
from .model import Grading

DEFAULT_BANDS: tuple[tuple[str, Decimal], ...] = (
    ("优", Decimal(90)),
    ("良", Decimal(80)),
    ("中", Decimal(60)),
    ("差", Decimal(0)),
)

# printed grades that mean a label of the scale (优秀 is 优)
SYNONYMS = {
    "优": ("优秀",),
    "良": ("良好",),
    "中": ("中等", "合格", "及格"),
    "差": ("较差", "不合格", "不及格"),
}


def scale_from_mapping(bands: Mapping[str, object]) -> Grading:
    """`{"优": 90, "良": 80, "中": 60, "差": 0}` → a scale, highest band first."""
    ordered = sorted(((str(label), Decimal(str(lower))) for label, lower in bands.items()), key=lambda b: -b[1])
    return Grading(bands=ordered, source="config")


def default_scale() -> Grading:
    """The Ministry's scale, for documents that state none when the run configures none."""
    return Grading(bands=list(DEFAULT_BANDS), source="default")


_CLAUSE_SPLIT = lazy_pattern(r"[，,；;。]")
_LABEL = lazy_pattern(r"为\s*[“\"]?([^\s“”\"，,；;。、（）()]{1,4})[”\"]?\s*$")
_NUMBER = lazy_pattern(r"\d+(?:\.\d+)?")


def parse_scale(text: str, location: Location | None = None) -> Grading | None:
    """The scale a note states, or None when the text states none (fewer than two bands)."""
    plain = unicodedata.normalize("NFKC", text)
    if "为" not in plain or "分" not in plain:
        return None
    start = plain.find("等级")
    body = plain[start:] if start >= 0 else plain
    body = re.sub(r"^等级(?:划分|分为|设置)?(?:为)?\s*[:：]?", "", body)
    bands: list[tuple[str, Decimal]] = []
    for clause in _CLAUSE_SPLIT.split(body):
        clause = clause.strip()
        label = _LABEL.search(clause)
        numbers = _NUMBER.findall(clause)
        if not label or not numbers or "分" not in clause:
            continue
        name = label.group(1)
        if "以下" in clause or "以内" in clause or "不足" in clause or "低于" in clause:
            lower = Decimal(0)
        else:
            lower = Decimal(numbers[0])
        bands.append((name, lower))
    if len(bands) < 2:
        return None
    bands.sort(key=lambda b: -b[1])
    if len({lower for _, lower in bands}) != len(bands):
        return None  # two labels for one bound: not a scale we can read
    return Grading(bands=bands, source="document", text=text.strip(), location=location)


def same_grade(printed: str, label: str) -> bool:
    """Does a printed grade (`优秀`, `良`) mean this label of the scale?"""
    p = key(printed)
    lab = key(label)
    if not p or not lab:
        return False
    return p == lab or p in SYNONYMS.get(lab, ())


def known_grade(printed: str, scale: Grading) -> bool:
    """Whether a printed grade names one of the scale's labels (else it is not judged)."""
    return any(same_grade(printed, label) for label, _ in scale.bands)
