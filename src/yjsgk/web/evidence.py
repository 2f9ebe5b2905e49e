"""Page crops with boxes for findings, from `yjsgk.report.evidence` (shared with the HTML report);
absent until that module is installed, and then the pages simply show no crop."""

from __future__ import annotations

import threading
from collections import OrderedDict
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
    with LOCK:
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
