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


# -- compiled patterns kept between processes ---------------------------------------------------
#
# Compiling the ~450 patterns a `yjsgk check` uses (module level and first use, ours and the
# standard library's) costs ~45 ms of CPU in every new process, mostly in `re`'s pure-Python
# compiler (a character class with CJK characters builds a 65,536-entry map). Its result, the
# SRE code, is a pure function of the pattern, its flags and the Python build, so it is kept in
# a small cache file per Python build and handed to `_sre.compile` directly the next time: the
# same code, without compiling. Any problem with the file (missing, damaged, unwritable, another
# Python) only means compiling as usual.

_CACHE_LIMIT = 5000  # entries; a process that would go beyond starts the file afresh


class _CompiledCache:
    def __init__(self, path, compiler) -> None:
        self.path = path
        self.compiler = compiler  # re._compiler
        self.original = compiler.compile
        self.entries: dict = self._load()
        self.new: dict = {}

    def _load(self) -> dict:
        import marshal

        try:
            with open(self.path, "rb") as fh:
                entries = marshal.load(fh)
        except (OSError, EOFError, ValueError, TypeError):
            return {}
        return entries if isinstance(entries, dict) else {}

    def compile(self, p, flags=0):
        """re._compiler.compile, with the SRE code taken from the cache or recorded for it."""
        import _sre

        if not isinstance(p, (str, bytes)) or flags & re.DEBUG:
            return self.original(p, flags)
        key = (p, int(flags))
        args = self.entries.get(key) or self.new.get(key)
        if args is not None:
            try:
                return _sre.compile(p, *args)
            except Exception:  # noqa: BLE001 - a bad entry: compile it as usual below
                self.entries.pop(key, None)
        parser, compiler = self.compiler._parser, self.compiler
        tree = parser.parse(p, flags)
        code = compiler._code(tree, flags)
        groupindex = tree.state.groupdict
        indexgroup = [None] * tree.state.groups
        for name, index in groupindex.items():
            indexgroup[index] = name
        # plain ints (the opcodes are an int subclass marshal does not write): the same code
        args = (
            int(flags | tree.state.flags),
            [int(op) for op in code],
            tree.state.groups - 1,
            dict(groupindex),
            tuple(indexgroup),
        )
        self.new[key] = args
        return _sre.compile(p, *args)

    def save(self) -> None:
        import marshal
        import os
        import tempfile

        if not self.new:
            return
        merged = self._load()  # what other processes added meanwhile
        if len(merged) + len(self.new) > _CACHE_LIMIT:
            merged = {}
        merged.update(self.new)
        try:
            os.makedirs(os.path.dirname(self.path), exist_ok=True)
            fd, staged = tempfile.mkstemp(dir=os.path.dirname(self.path), prefix=".re-")
            try:
                with os.fdopen(fd, "wb") as fh:
                    marshal.dump(merged, fh)  # ValueError for an entry marshal cannot write
                os.replace(staged, self.path)
            except BaseException:
                os.unlink(staged)
                raise
        except (OSError, ValueError):
            pass  # a read-only home: compile as usual next time


_cache: _CompiledCache | None = None


def cache_path() -> str | None:
    """The cache file of this Python build: $YJSGK_CACHE or $XDG_CACHE_HOME/yjsgk or ~/.cache/yjsgk."""
    import os
    import sys

    try:
        import _sre
    except ImportError:
        return None
    if sys.implementation.name != "cpython":
        return None
    folder = os.environ.get("YJSGK_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "yjsgk"
    )
    build = f"{sys.implementation.cache_tag}-{sys.hexversion:x}-{_sre.MAGIC}-{_sre.CODESIZE}-{_sre.MAXREPEAT:x}"
    return os.path.join(folder, f"re-{build}.marshal")


def keep_compiled_patterns() -> None:
    """Use (and at exit update) the cache of compiled patterns for the rest of this process.
    Called by the command line at start; a library user may call it too. YJSGK_CACHE=off skips it."""
    global _cache
    import atexit
    import os

    if _cache is not None or os.environ.get("YJSGK_CACHE") == "off":
        return
    import re._compiler as compiler  # Python ≥ 3.11; older ones keep compiling as usual

    path = cache_path()
    if path is None or not hasattr(compiler, "_code") or not hasattr(compiler, "_parser"):
        return
    _cache = _CompiledCache(path, compiler)
    compiler.compile = _cache.compile
    atexit.register(_cache.save)
