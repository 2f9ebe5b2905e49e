"""Regular expressions compiled when first used, not when their module is imported.

    TITLE = lazy_pattern(r"…")       # instead of re.compile(r"…") at module level
    TITLE.search(text)                # as with a compiled pattern

A run uses only some of the module-level patterns (a PDF budget never meets the performance
tables' or the text reader's), and compiling one costs 0.1–1 ms: `yjsgk check` on one file
compiled ~150 at import. The first use compiles the pattern and puts the compiled pattern's
methods on the object itself, so later calls cost what they cost on the compiled pattern.
Use it where a pattern is only called (`.search`, `.match`, `.sub` …); where it is passed to
the `re` functions or tested with isinstance, keep re.compile.
"""

from __future__ import annotations

import re

_METHODS = ("match", "search", "fullmatch", "findall", "finditer", "sub", "subn", "split")


class lazy_pattern:  # noqa: N801 - used like re.compile
    __slots__ = ("_args", "_compiled", "__dict__")

    def __init__(self, pattern: str, flags: int = 0):
        self._args = (pattern, flags)
        self._compiled: re.Pattern[str] | None = None

    def __getattr__(self, name: str):
        if name.startswith("__"):
            raise AttributeError(name)
        if self._compiled is None:
            self._compiled = re.compile(*self._args)
            for attribute in (*_METHODS, "pattern", "flags", "groups", "groupindex"):
                setattr(self, attribute, getattr(self._compiled, attribute))
        return getattr(self._compiled, name)

    def __repr__(self) -> str:
        return f"lazy_pattern({self._args[0]!r})"
