"""Dump the neutral Document of every file given (folders walked) as one JSON line each.

    PYTHONPATH=src .venv/bin/python bench/document_dump.py ../shared/samples ../shared/corpus > /tmp/docs.jsonl

Each line: {"source", "sha256" of the full dump, "dump": every block (text, grid rows, cells, locations
with their boxes)}. Two dumps made by two versions of the readers are compared with `--diff A B`:
it prints every document whose dump differs and exits 1 if any does. Used to prove that a speed
change (bench/README.md) leaves what the readers produce byte-identical.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from dataclasses import asdict
from pathlib import Path


def dump(path: Path) -> dict:
    from yjsgk.errors import ReadError
    from yjsgk.read import read_path

    try:
        document = read_path(path)
    except ReadError as exc:
        payload: object = {"error": str(exc)}
    else:
        payload = {"format": document.format, "blocks": [[type(b).__name__, asdict(b)] for b in document.blocks]}
    text = json.dumps(payload, ensure_ascii=False, sort_keys=True)
    return {"source": str(path), "sha256": hashlib.sha256(text.encode()).hexdigest(), "dump": payload}


def files(args: list[str]) -> list[Path]:
    from yjsgk.read import SUPPORTED_SUFFIXES

    out: list[Path] = []
    for arg in args:
        p = Path(arg)
        if p.is_dir():
            out += sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUPPORTED_SUFFIXES)
        else:
            out.append(p)
    return out


def diff(a: Path, b: Path) -> int:
    def load(p: Path) -> dict[str, dict]:
        with p.open(encoding="utf-8") as fh:
            return {d["source"]: d for d in map(json.loads, fh)}

    left, right = load(a), load(b)
    differing = [
        s
        for s in sorted(left.keys() | right.keys())
        if (left.get(s) or {}).get("sha256") != (right.get(s) or {}).get("sha256")
    ]
    for source in differing:
        print(f"differs: {source}")
    print(f"{len(left)} / {len(right)} documents, {len(differing)} differ")
    return 1 if differing else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="*")
    parser.add_argument("--diff", nargs=2, type=Path, metavar=("A", "B"))
    args = parser.parse_args()
    if args.diff:
        return diff(*args.diff)
    for path in files(args.paths):
        sys.stdout.write(json.dumps(dump(path), ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
