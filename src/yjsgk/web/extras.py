"""Downloads that other parts of yjsgk provide when installed: the HTML report
(`yjsgk.report.html_report.render`) and the annotated PDF (`yjsgk.annotate.annotate`)."""

from __future__ import annotations

import importlib
from functools import cache
from types import ModuleType


@cache
def _module(name: str, attribute: str) -> ModuleType | None:
    try:
        module = importlib.import_module(name)
    except ImportError:
        return None
    return module if hasattr(module, attribute) else None


def html_report() -> ModuleType | None:
    return _module("yjsgk.report.html_report", "render")


def annotate() -> ModuleType | None:
    return _module("yjsgk.annotate", "annotate")
