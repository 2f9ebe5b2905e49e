"""What a stored document keeps beyond its tables, so that `check --db` reads it as the file would be
read: the outline (text lines, headings, the 目录, grid cells) from which the narrative's claims are
extracted again, the template facts the cross rules pair on, and the 绩效自评 / 绩效目标 tables.

The outline and the performance objects are dataclasses of the package; they are written generically
(every field, nested dataclasses by their module and name), so a field added to them later is kept
without a change here. A text line the headings point at is written once and referred to by its
index; a performance object's table that is one of the disclosure's tables, by the table's index.
A place in the document's own file (every line and grid cell has one) is written as the list of
its fields but the source. The whole is JSON compressed with zlib (a 171-page PDF: 1.2 MB of JSON,
200 KB stored).
"""

from __future__ import annotations

import dataclasses
import importlib
import json
import zlib
from decimal import Decimal
from typing import Any

from ..document import Location
from ..model import Disclosure, Table

VERSION = 1
_PACKAGE = "yjsgk."


# a place in the document's own file, the commonest object (every line and grid cell): its fields
# but the source, in this order (written in the snapshot, so a field added later reads back)
LOCATION_FIELDS = tuple(f.name for f in dataclasses.fields(Location) if f.name != "source")


class _Writer:
    def __init__(self, lines: list, tables: list[Table], source: str) -> None:
        self.lines = {id(line): i for i, line in enumerate(lines)}
        self.tables = {id(table): i for i, table in enumerate(tables)}
        self.source = source

    def __call__(self, obj: Any, *, top: bool = False) -> Any:
        if obj is None or isinstance(obj, (bool, int, float, str)):
            return obj
        if type(obj) is Location and obj.source == self.source:
            return {"@": [self(getattr(obj, name)) for name in LOCATION_FIELDS]}
        if not top and id(obj) in self.lines:
            return {"$line": self.lines[id(obj)]}
        if isinstance(obj, Table) and id(obj) in self.tables:
            return {"$table": self.tables[id(obj)]}
        if isinstance(obj, Decimal):
            return {"$dec": str(obj)}
        if isinstance(obj, tuple):
            return {"$tuple": [self(v) for v in obj]}
        if isinstance(obj, (set, frozenset)):
            return {"$set": sorted((self(v) for v in obj), key=repr)}
        if isinstance(obj, list):
            return [self(v) for v in obj]
        if isinstance(obj, dict):
            return {"$dict": [[self(k), self(v)] for k, v in obj.items()]}
        if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
            kind = type(obj)
            if not kind.__module__.startswith(_PACKAGE):
                raise TypeError(f"not a yjsgk dataclass: {kind!r}")
            out = {"$": f"{kind.__module__}:{kind.__qualname__}"}
            for f in dataclasses.fields(obj):
                out[f.name] = self(getattr(obj, f.name))
            return out
        raise TypeError(f"cannot store {type(obj).__name__} in a document snapshot")


class _Reader:
    def __init__(self, tables: list[Table], source: str, location_fields: list[str]) -> None:
        self.lines: list = []
        self.tables = tables
        self.source = source
        self.location_fields = location_fields

    def __call__(self, data: Any) -> Any:
        if data is None or isinstance(data, (bool, int, float, str)):
            return data
        if isinstance(data, list):
            return [self(v) for v in data]
        if "@" in data:
            given = dict(zip(self.location_fields, (self(v) for v in data["@"]), strict=True))
            return Location(self.source, **{k: v for k, v in given.items() if k in LOCATION_FIELDS})
        if "$line" in data:
            return self.lines[data["$line"]]
        if "$table" in data:
            return self.tables[data["$table"]]
        if "$dec" in data:
            return Decimal(data["$dec"])
        if "$tuple" in data:
            return tuple(self(v) for v in data["$tuple"])
        if "$set" in data:
            return frozenset(self(v) for v in data["$set"])
        if "$dict" in data:
            return {self(k): self(v) for k, v in data["$dict"]}
        module, _, name = data["$"].partition(":")
        if not module.startswith(_PACKAGE):
            raise ValueError(f"not a yjsgk class: {data['$']}")
        kind: Any = importlib.import_module(module)
        for part in name.split("."):
            kind = getattr(kind, part)
        if not isinstance(kind, type) or not dataclasses.is_dataclass(kind):
            raise ValueError(f"not a dataclass: {data['$']}")
        fields = {f.name: f for f in dataclasses.fields(kind)}
        given = {k: self(v) for k, v in data.items() if k != "$" and k in fields}
        obj = kind(**{k: v for k, v in given.items() if fields[k].init})
        for k, v in given.items():
            if not fields[k].init:
                object.__setattr__(obj, k, v)
        return obj


def dump(d: Disclosure) -> bytes:
    """The snapshot of a recognized disclosure, compressed."""
    lines = d.outline.lines if d.outline is not None else []
    write = _Writer(lines, d.tables, d.source)
    outline = None
    if d.outline is not None:
        outline = write(d.outline)
        outline["lines"] = [write(line, top=True) for line in d.outline.lines]
    data = {
        "version": VERSION,
        "location": list(LOCATION_FIELDS),
        "format": d.format,
        "template": d.template,
        "family": write(d.template_family),
        "outline": outline,
        "evaluations": write(d.evaluations),
        "targets": write(d.targets),
    }
    return zlib.compress(json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode(), 6)


def restore(d: Disclosure, blob: bytes) -> None:
    """Put a snapshot back into a disclosure loaded with its tables, and extract its claims again
    from the outline against those tables (as recognition did)."""
    from ..narrative import extract_claims

    data = json.loads(zlib.decompress(blob))
    read = _Reader(d.tables, d.source, data["location"])
    d.format = data["format"]
    d.template = data["template"]
    d.template_family = read(data["family"])
    outline = data["outline"]
    if outline is not None:
        read.lines = [read(line) for line in outline["lines"]]
        d.outline = read({k: v for k, v in outline.items() if k != "lines"})
        d.outline.lines = read.lines
    d.evaluations = read(data["evaluations"])
    d.targets = read(data["targets"])
    d.claims = extract_claims(d.outline, d) if d.outline is not None else []
