"""Page crops with boxes for findings, from `yjsgk.report.evidence` (shared with the HTML report);
absent until that module is installed, and then the pages simply show no crop."""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path

LOCK = threading.Lock()  # PDFium is not thread-safe: one rendering at a time
_SOURCES: OrderedDict[str, object] = OrderedDict()
_PNGS: OrderedDict[tuple, bytes] = OrderedDict()
KEEP_SOURCES, KEEP_PNGS = 4, 256


def available() -> bool:
    try:
        from ..report import evidence  # noqa: F401
    except ImportError:
        return False
    return True


def _source(path: Path):
    from ..report.evidence import EvidenceSource

    key = str(path)
    source = _SOURCES.pop(key, None) or EvidenceSource(path)
    _SOURCES[key] = source
    while len(_SOURCES) > KEEP_SOURCES:
        _, old = _SOURCES.popitem(last=False)
        old.close()  # type: ignore[attr-defined]
    return source


@dataclass
class PageCrop:
    """A crop to show, known without rendering: its page (the PNG is drawn when the image is asked for)."""

    page: int


@dataclass
class Planned:
    crops: list[PageCrop] = field(default_factory=list)
    lines: list = field(default_factory=list)
    reason: str | None = None
    more_pages: int = 0


def plan(path: Path, finding: dict):
    """What a finding's evidence will show: for a PDF, the pages of its crops in the order
    `EvidenceSource` draws them (its own page first), computed from the finding's locations without
    rendering anything; for the other formats, the marked lines themselves (cheap)."""
    if not available() or not path.exists():
        return None
    from ..report import evidence as ev

    if not ev.is_pdf(path):
        return evidence(path, finding)
    places = ev.locations(finding)
    boxed = [(role, d) for role, d in places if d.get("bbox") and d.get("page")]
    if not boxed:
        return evidence(path, finding)  # the reason, from the module itself (no rendering needed)
    own = next((int(d["page"]) for role, d in boxed if role == ev.FINDING), None)
    pages = sorted({int(d["page"]) for _, d in boxed}, key=lambda p: (p != own, p))
    return Planned([PageCrop(p) for p in pages[: ev.MAX_CROPS]], more_pages=max(0, len(pages) - ev.MAX_CROPS))


def evidence(path: Path, finding: dict):
    """The `Evidence` of one finding (crops for a PDF, marked lines otherwise), or None."""
    if not available() or not path.exists():
        return None
    with LOCK:
        return _source(path).evidence(finding)


def crop_png(path: Path, finding: dict, index: int, digest: str) -> bytes | None:
    key = (digest, finding.get("fingerprint"), index)
    with LOCK:
        if key in _PNGS:
            return _PNGS[key]
    found = evidence(path, finding)
    if found is None or index >= len(found.crops):
        return None
    with LOCK:
        data = found.crops[index].png(marked=True)
        _PNGS[key] = data
        while len(_PNGS) > KEEP_PNGS:
            _PNGS.popitem(last=False)
    return data


def forget(path: Path) -> None:
    """Before a re-analysis: the next crops are drawn from the new findings."""
    with LOCK:
        _PNGS.clear()
        source = _SOURCES.pop(str(path), None)
        if source is not None:
            source.close()  # type: ignore[attr-defined]


def close_all() -> None:
    """Close the documents kept open (at shutdown)."""
    with LOCK:
        while _SOURCES:
            _, source = _SOURCES.popitem()
            source.close()  # type: ignore[attr-defined]
        _PNGS.clear()
