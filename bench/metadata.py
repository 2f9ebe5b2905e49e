"""Recognition of document kind, department and year, measured against the MANIFEST ground truth.

    .venv/bin/python bench/metadata.py [ROOT ...] [--jobs N] [--ocr]

ROOT defaults to ../shared/samples and ../shared/corpus; each holds a MANIFEST.tsv whose columns
path, department, year and type give the truth for every file. Every file is read and recognized
as `yjsgk check` does (`yjsgk.pipeline.recognize_path`); the script prints, per root and overall,
the accuracy of each field and then every mismatch. A file that cannot be read (a scan without
`--ocr`, a file refused as not a disclosure) counts as a mismatch on all three fields. This is a
measurement, not a test: CI does not run it, nothing here asserts a figure.

How a match is counted:

* kind: the MANIFEST type's family — 预算(部门), 预算(单位) and 预算(绩效目标表) are `budget` (a
  绩效目标表 belongs to the budget), 决算(…) is `final` (`final_with_performance`, a 决算 with its
  绩效自评 appended, counts as `final`), 绩效(…) is `performance`, 模板(…) is `template`, matched
  when the product flags the file as a blank template (`Disclosure.template`) whatever its kind.
* year: the same year.
* department: the product reports the name the document prints for itself (its cover or title:
  "2026年度 / 福州市民政局(本级) / 单位预算" gives 福州市民政局(本级)). The MANIFEST sometimes names
  the unit (预算(单位)) and writes the same organ in another customary form, so the two names are
  compared in a normalized form: compatibility characters folded, whitespace and punctuation
  dropped, a trailing bracketed qualifier removed (深圳市公安局（本级）, 西安市信访局（汇总）,
  郑州市国土资源局(郑州市土地储备中心): the unit's scope or a second name of the same office), and
  the party prefix unified (中国共产党X委员会…, 中共X委… and X委… are one form). A match is exact
  when the printed names are equal, normalized otherwise (both count as matches; the number of
  normalized-only matches is printed). For a template (the MANIFEST says 模板) the department
  matches when the product flags the template (its placeholder name 上海市XX局 is not a name).
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import unicodedata
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
DEFAULT_ROOTS = (ROOT.parent / "shared" / "samples", ROOT.parent / "shared" / "corpus")
FIELDS = ("kind", "department", "year")

_TRAILING_BRACKET = re.compile(r"[(（][^()（）]*[)）]$")
_PUNCT = re.compile(r"[\s()（）\[\]【】“”\"'、，,。.:：;；·•\-—_/\\]")
_PARTY = re.compile(r"^中国共产党(.+?)委员会")


def normalize_department(name: str) -> str:
    text = re.sub(r"\s+", "", unicodedata.normalize("NFKC", name))
    text = _TRAILING_BRACKET.sub("", text)
    text = _PARTY.sub(r"中共\1委", text).removeprefix("中共")
    return _PUNCT.sub("", text)


def expected_kind(manifest_type: str) -> str:
    for prefix, kind in (("预算", "budget"), ("决算", "final"), ("绩效", "performance"), ("模板", "template")):
        if manifest_type.startswith(prefix):
            return kind
    return manifest_type


@dataclass
class Result:
    root: str
    path: str
    truth: dict[str, str]
    got: dict[str, object]
    error: str | None = None


def recognize_one(args: tuple[str, str, dict[str, str], bool]) -> Result:
    from yjsgk.errors import ReadError
    from yjsgk.pipeline import recognize_path

    root, path, truth, ocr = args
    try:
        d = recognize_path(Path(root) / path, ocr=ocr)
    except ReadError as exc:
        return Result(root, path, truth, {}, str(exc).splitlines()[0][-160:])
    except Exception as exc:  # a crash is a measured failure too
        return Result(root, path, truth, {}, f"{type(exc).__name__}: {exc}"[:160])
    return Result(
        root,
        path,
        truth,
        {"kind": d.kind, "department": d.department, "year": d.year, "template": d.template},
    )


def judge(r: Result) -> dict[str, str]:
    """Per field: 'exact', 'normalized' (department only) or 'mismatch'."""
    if r.error:
        return dict.fromkeys(FIELDS, "mismatch")
    out = {}
    kind = expected_kind(r.truth["type"])
    got_kind = "template" if r.got["template"] else str(r.got["kind"]).replace("final_with_performance", "final")
    out["kind"] = "exact" if got_kind == kind else "mismatch"
    out["year"] = "exact" if str(r.got["year"]) == r.truth["year"] else "mismatch"
    name, truth = r.got["department"], r.truth["department"]
    if kind == "template":
        out["department"] = "exact" if r.got["template"] else "mismatch"
    elif name == truth:
        out["department"] = "exact"
    elif isinstance(name, str) and normalize_department(name) == normalize_department(truth):
        out["department"] = "normalized"
    else:
        out["department"] = "mismatch"
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("roots", nargs="*", type=Path, default=list(DEFAULT_ROOTS))
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--ocr", action="store_true", help="read scanned PDFs with OCR")
    parser.add_argument("--json", type=Path, help="also write every file's result here (to compare two runs)")
    args = parser.parse_args(argv)
    work = []
    for root in args.roots:
        with open(root / "MANIFEST.tsv", encoding="utf-8") as fh:
            for row in csv.DictReader(fh, delimiter="\t"):
                work.append((str(root), row["path"], row, args.ocr))
    with ProcessPoolExecutor(max_workers=args.jobs) as pool:
        results = list(pool.map(recognize_one, work, chunksize=1))
    verdicts = [(r, judge(r)) for r in results]
    if args.json:
        rows = [{"path": f"{Path(r.root).name}/{r.path}", **r.got, "error": r.error, "match": v} for r, v in verdicts]
        args.json.write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"{'set':<10} {'files':>5}  " + "  ".join(f"{f:>16}" for f in FIELDS))
    for label, group in [(Path(root).name, [v for v in verdicts if v[0].root == str(root)]) for root in args.roots] + [
        ("all", verdicts)
    ]:
        if not group:
            continue
        cells = []
        for field in FIELDS:
            ok = sum(v[field] != "mismatch" for _, v in group)
            cells.append(f"{ok:>4}/{len(group):<4} {100 * ok / len(group):5.1f}%")
        print(f"{label:<10} {len(group):>5}  " + "  ".join(f"{c:>16}" for c in cells))
    normalized = sum(v["department"] == "normalized" for _, v in verdicts)
    print(f"department matches by normalized form only: {normalized}")
    for r, v in verdicts:
        if v["department"] == "normalized":
            print(f"    {r.got['department']}  ~  {r.truth['department']}")
    unreadable = [r for r, _ in verdicts if r.error]
    print(f"unreadable: {len(unreadable)}")
    counts = Counter(f for _, v in verdicts for f in FIELDS if v[f] == "mismatch")
    print("mismatches: " + ", ".join(f"{f} {counts[f]}" for f in FIELDS))
    print()
    for r, v in verdicts:
        if r.error:
            print(f"UNREADABLE {Path(r.root).name}/{r.path}\n    truth: {_truth(r)}\n    error: {r.error}")
            continue
        bad = [f for f in FIELDS if v[f] == "mismatch"]
        if bad:
            got = (
                f"{r.got['kind']}{' (template)' if r.got['template'] else ''} | {r.got['department']} | {r.got['year']}"
            )
            print(f"{','.join(bad):<22} {Path(r.root).name}/{r.path}\n    truth: {_truth(r)}\n    got:   {got}")
    return 0


def _truth(r: Result) -> str:
    return f"{r.truth['type']} | {r.truth['department']} | {r.truth['year']}"


if __name__ == "__main__":
    sys.exit(main())
