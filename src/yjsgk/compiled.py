"""Work every new process repeats, kept between processes: compiled regular expressions and the
methods `dataclasses` generates.

A `yjsgk check` of one file compiles ~450 regular expressions (module level and first use, ours
and the standard library's) and generates the methods of ~80 dataclasses (`__init__`, `__eq__`,
`__repr__`… as source text, compiled one by one): ~45 ms and ~35 ms of CPU in every process,
about a sixth of checking a 30-page PDF. Both results are pure functions of their input and the
Python build:

* a pattern's SRE code, of (pattern, flags): it is handed to `_sre.compile`, the last step of
  `re`'s own compiler, instead of running the pure-Python compiler again (a character class
  with CJK characters alone builds a 65,536-entry map);
* a generated method's code object, of its source text: `dataclasses` runs `exec(text)`; here
  `exec` gets the code object compiled from that same text (as a .pyc holds a module's).

They are kept in one file per Python build (~/.cache/yjsgk, $XDG_CACHE_HOME/yjsgk or
$YJSGK_CACHE), read once at start and rewritten at exit when the process added to them. Any
problem with the file (missing, damaged, unwritable, another Python) only means compiling as
usual; YJSGK_CACHE=off turns it off.
"""

from __future__ import annotations

import os
import sys

LIMIT = 5000  # entries of each kind; a process that would go beyond starts the file afresh

_store: _Store | None = None


class _Store:
    def __init__(self, path: str) -> None:
        import re._compiler as compiler

        self.path = path
        self.compiler = compiler
        self.original_compile = compiler.compile
        self.patterns, self.code = self._load()
        self.new_patterns: dict = {}
        self.new_code: dict = {}

    def _load(self) -> tuple[dict, dict]:
        import marshal

        try:
            with open(self.path, "rb") as fh:
                patterns, code = marshal.loads(fh.read())  # marshal.load(fh) reads piecemeal: 30× slower
        except (OSError, EOFError, ValueError, TypeError):
            return {}, {}
        if isinstance(patterns, dict) and isinstance(code, dict):
            return patterns, code
        return {}, {}

    # -- regular expressions: replaces re._compiler.compile --

    def compile_pattern(self, p, flags=0):
        import _sre

        if not isinstance(p, (str, bytes)) or flags & self.compiler.SRE_FLAG_DEBUG:
            return self.original_compile(p, flags)
        key = (p, int(flags))
        args = self.patterns.get(key) or self.new_patterns.get(key)
        if args is not None:
            try:
                return _sre.compile(p, *args)
            except Exception:  # noqa: BLE001 - a bad entry: compiled again below
                self.patterns.pop(key, None)
        try:
            args = self._compiled(p, flags)
        except self.compiler.error:
            raise
        except Exception:  # noqa: BLE001 - internals of another Python: re's own compile
            return self.original_compile(p, flags)
        self.new_patterns[key] = args
        return _sre.compile(p, *args)

    def _compiled(self, p, flags) -> tuple:
        """re._compiler.compile up to its last step, keeping the arguments of that step."""
        tree = self.compiler._parser.parse(p, flags)
        code = self.compiler._code(tree, flags)
        groupindex = tree.state.groupdict
        indexgroup = [None] * tree.state.groups
        for name, index in groupindex.items():
            indexgroup[index] = name
        # plain ints: the opcodes are an int subclass marshal does not write; the same code
        args = (
            int(flags | tree.state.flags),
            [int(op) for op in code],
            tree.state.groups - 1,
            dict(groupindex),
            tuple(indexgroup),
        )
        return args

    # -- dataclasses: the module's `exec` --

    def exec_generated(self, source, globals=None, locals=None, /):  # noqa: A002 - exec's own names
        if isinstance(source, str):
            code = self.code.get(source) or self.new_code.get(source)
            if code is None:
                # exec(text) compiles as "<string>" without the caller's __future__ flags;
                # dont_inherit keeps this module's own out
                code = self.new_code[source] = compile(source, "<string>", "exec", dont_inherit=True)
            source = code
        return exec(source, globals, locals)

    def save(self) -> None:
        import marshal
        import tempfile

        if not self.new_patterns and not self.new_code:
            return
        patterns, code = self._load()  # what other processes added meanwhile
        for kept, new in ((patterns, self.new_patterns), (code, self.new_code)):
            if len(kept) + len(new) > LIMIT:
                kept.clear()
            kept.update(new)
        folder = os.path.dirname(self.path)
        try:
            os.makedirs(folder, exist_ok=True)
            fd, staged = tempfile.mkstemp(dir=folder, prefix=".compiled-")
            try:
                with os.fdopen(fd, "wb") as fh:
                    fh.write(marshal.dumps((patterns, code)))  # ValueError for an entry it cannot write
                os.replace(staged, self.path)
            except BaseException:
                os.unlink(staged)
                raise
        except (OSError, ValueError):
            pass  # a read-only home: compiled as usual next time


def path() -> str | None:
    """The file of this Python build, or None where the cache cannot apply (not CPython)."""
    try:
        import _sre
        from importlib.util import MAGIC_NUMBER
    except ImportError:
        return None
    if sys.implementation.name != "cpython":
        return None
    folder = os.environ.get("YJSGK_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "yjsgk"
    )
    build = "-".join(
        (
            sys.implementation.cache_tag,
            f"{sys.hexversion:x}",
            MAGIC_NUMBER.hex(),
            str(_sre.MAGIC),
            str(_sre.CODESIZE),
            f"{_sre.MAXREPEAT:x}",
        )
    )
    return os.path.join(folder, f"compiled-{build}.marshal")


def keep() -> None:
    """Use the file for the rest of this process, and update it at exit. Called by the command
    line first thing; a program using yjsgk as a library may call it too."""
    global _store
    if _store is not None or os.environ.get("YJSGK_CACHE") == "off":
        return
    import atexit
    import dataclasses
    import re._compiler as compiler  # Python 3.11 and later

    where = path()
    if where is None or not all(hasattr(compiler, name) for name in ("_parser", "_code", "compile")):
        return
    _store = _Store(where)
    compiler.compile = _store.compile_pattern
    dataclasses.exec = _store.exec_generated  # type: ignore[attr-defined]  # found before the builtin
    atexit.register(_store.save)
