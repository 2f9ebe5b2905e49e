"""Precision of the findings on the development corpus, against the verdicts judged by hand.

    .venv/bin/python bench/precision.py [PATH ...] [--jobs N] [--sample N] [--seed S]
                                        [--from-json FILE ...] [--save FILE] [--write-todo FILE]

Runs `yjsgk check --format json` (the CLI of this checkout, every core) over PATH (default:
../shared/seeds, ../shared/samples and ../shared/corpus), or reads saved outputs of that command
with `--from-json FILE ...` (e.g. /tmp/base/corpus.json). It takes every error finding and a
deterministic random sample of the warnings (`--sample`, default 120), and matches them with the
verdict files `bench/verdicts/*.tsv`:

    rule  document  page  table  row  column  found  verdict  reason

(tab-separated, one header line; document relative to ../shared, e.g. `corpus/renwu/020_西安/…pdf`;
page = location.page, empty when none; table/row/column/found as in the JSON, empty for null;
verdict `true` = a real mistake of the document worth an officer's time, `false` = the tool is
wrong; empty verdict = not judged yet; lines starting with `#` are comments). The key of a finding
is (rule, document, page, table, row, column, found): it does not depend on the message, the
line or the fingerprint, so a verdict still applies after a rule's wording changes.

The warning sample orders warnings by SHA-256 of (seed, key, how many findings with that key came
before it) and takes the first N: a uniform random sample that is the same on every run, and a
warning that persists keeps its place, so it is sampled again as long as no new warning sorts
before it (fewer warnings only move it up).
Sampling a subset (`--from-json corpus.json --sample 60`) gives the first warnings of the larger
sample of a run over more documents.

Prints, per severity (and per set: seeds/samples/corpus), judged/true/false/unjudged counts and
the precision over judged findings; errors per rule; warnings per document on average and per
rule; then every unjudged error and sampled warning, one line each with its key and message.
`--write-todo FILE` writes those as verdict rows with an empty verdict (the message as a `#`
comment line above each), ready to fill in and move to bench/verdicts/. Always exits 0: this is
a measurement, CI does not run it.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import os
import re
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
VERDICTS = ROOT / "bench" / "verdicts"
DEFAULT_PATHS = [SHARED / "seeds", SHARED / "samples", SHARED / "corpus"]
FIELDS = ["rule", "document", "page", "table", "row", "column", "found", "verdict", "reason"]
KEY_FIELDS = FIELDS[:7]
_UNDER_SHARED = re.compile(r"(?:^|/)shared/(.+)$")


def document_of(source: str) -> str:
    """The document's path relative to ../shared (as the verdict files name it)."""
    text = source.replace("\\", "/")
    match = _UNDER_SHARED.search(text)
    if match:
        return match.group(1)
    try:
        return Path(os.path.abspath(source)).relative_to(SHARED.resolve()).as_posix()
    except ValueError:
        return text


def _text(value: object) -> str:
    """A key field: None is empty, runs of whitespace (tabs, line breaks) are one space."""
    return "" if value is None else " ".join(str(value).split())


def key_of(finding: dict) -> tuple[str, ...]:
    location = finding.get("location") or {}
    return (
        _text(finding["rule"]),
        _text(document_of(location.get("source") or finding.get("_source", ""))),
        _text(location.get("page")),
        _text(finding.get("table")),
        _text(finding.get("row")),
        _text(finding.get("column")),
        _text(finding.get("found")),
    )


def run_check(paths: list[Path], jobs: int, cross: bool = False) -> dict:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT / "src"), env.get("PYTHONPATH", "")) if p)
    command = [sys.executable, "-m", "yjsgk", "check", *map(str, paths), "--format", "json", "--jobs", str(jobs)]
    if cross:  # every document also checked against the others (cross.year.*, cross.document.*)
        command += ["--with", *map(str, paths)]
    print(f"running: {' '.join(command)}", file=sys.stderr)
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    if done.returncode not in (0, 1, 2) or not done.stdout.strip():
        sys.exit(f"yjsgk check failed (exit {done.returncode}):\n{done.stderr[-3000:]}")
    return json.loads(done.stdout)


def load_runs(args: argparse.Namespace) -> tuple[list[dict], list[str]]:
    """(documents, unreadable) of every run or saved output."""
    outputs = [json.loads(Path(f).read_text(encoding="utf-8")) for f in args.from_json] if args.from_json else []
    if not outputs:
        output = run_check(
            [Path(p) for p in args.paths] or DEFAULT_PATHS, args.jobs or os.cpu_count() or 1, cross=args.cross
        )
        if args.save:
            Path(args.save).write_text(json.dumps(output, ensure_ascii=False, indent=1), encoding="utf-8")
        outputs = [output]
    documents, unreadable = [], []
    for output in outputs:
        documents.extend(output.get("documents", []))
        unreadable.extend(output.get("unreadable", []))
    return documents, unreadable


def load_verdicts(folder: Path) -> tuple[dict[tuple[str, ...], tuple[str, str, str]], list[str]]:
    """key → (verdict, reason, file); and the problems found in the files."""
    verdicts: dict[tuple[str, ...], tuple[str, str, str]] = {}
    problems = []
    for path in sorted(folder.glob("*.tsv")):
        lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
        if not lines or lines[0].split("\t") != FIELDS:
            problems.append(f"{path.name}: header must be {chr(9).join(FIELDS)!r}")
            continue
        for number, row in enumerate(csv.reader(lines[1:], delimiter="\t", quoting=csv.QUOTE_NONE), start=2):
            if len(row) != len(FIELDS):
                problems.append(f"{path.name}:{number}: {len(row)} columns, expected {len(FIELDS)}")
                continue
            record = dict(zip(FIELDS, row, strict=True))
            verdict = record["verdict"].strip().lower()
            if not verdict:
                continue
            if verdict not in ("true", "false"):
                problems.append(f"{path.name}:{number}: verdict {record['verdict']!r} is neither true nor false")
                continue
            key = tuple(_text(record[f]) for f in KEY_FIELDS)
            previous = verdicts.get(key)
            if previous and previous[0] != verdict:
                problems.append(f"{path.name}:{number}: {verdict} contradicts {previous[0]} in {previous[2]}")
            verdicts[key] = (verdict, record["reason"], path.name)
    return verdicts, problems


def sample_rank(key: tuple[str, ...], occurrence: int, seed: str) -> str:
    """The place of a finding in the sample order: a hash of the seed, its key and the how-many-th
    finding with that key it is (ten placeholder warnings on one page are ten findings, sampled
    independently, though one verdict judges them all)."""
    return hashlib.sha256("\x1f".join((seed, *key, str(occurrence))).encode("utf-8")).hexdigest()


def ranked(findings: list[tuple[tuple[str, ...], dict]], seed: str) -> list[tuple[tuple[str, ...], dict]]:
    seen: Counter[tuple[str, ...]] = Counter()
    ranks = []
    for key, _ in findings:
        ranks.append(sample_rank(key, seen[key], seed))
        seen[key] += 1
    return [kf for _, kf in sorted(zip(ranks, findings, strict=True), key=lambda pair: pair[0])]


def set_of(key: tuple[str, ...]) -> str:
    return key[1].split("/", 1)[0]


def precision_line(label: str, keys: list[tuple[str, ...]], verdicts: dict) -> str:
    judged = [verdicts[k][0] for k in keys if k in verdicts]
    true = judged.count("true")
    false = judged.count("false")
    precision = f"{100 * true / len(judged):5.1f} %" if judged else "    –  "
    return (
        f"  {label:<28} {len(keys):>6} {len(judged):>7} {true:>6} {false:>6} {len(keys) - len(judged):>9}   {precision}"
    )


def table_header() -> str:
    return f"  {'':<28} {'total':>6} {'judged':>7} {'true':>6} {'false':>6} {'unjudged':>9}   precision"


def one_line(key: tuple[str, ...], message: str) -> str:
    rule, document, page, table, row, column, found = key
    where = f"{document} p.{page or '-'}"
    message = " ".join(message.split())
    return f"{rule}  {where}  [{table or '-'} | {row or '-'} | {column or '-'} | {found or '-'}]  {message}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", metavar="PATH", help="files or folders to check (default: ../shared)")
    parser.add_argument("--jobs", type=int, default=0, help="worker processes (default: every core)")
    parser.add_argument("--sample", type=int, default=120, metavar="N", help="warnings to sample (default 120)")
    parser.add_argument("--seed", default="12", help="seed of the warning sample (default 12)")
    parser.add_argument("--from-json", nargs="+", metavar="FILE", help="read saved `check --format json` outputs")
    parser.add_argument(
        "--cross", action="store_true", help="check the documents against each other too (check --with)"
    )
    parser.add_argument("--save", metavar="FILE", help="save the check output of this run as JSON")
    parser.add_argument("--verdicts", type=Path, default=VERDICTS, help="folder of verdict files")
    parser.add_argument("--write-todo", metavar="FILE", help="write the unjudged findings as verdict rows")
    args = parser.parse_args(argv)

    documents, unreadable = load_runs(args)
    verdicts, problems = load_verdicts(args.verdicts)

    findings: dict[str, list[tuple[tuple[str, ...], dict]]] = defaultdict(list)
    for document in documents:
        for finding in document.get("findings", []):
            finding.setdefault("_source", document.get("source", ""))
            findings[finding["severity"]].append((key_of(finding), finding))
    errors = findings["error"]
    warnings = ranked(findings["warning"], args.seed)
    sampled = warnings[: args.sample]

    print(f"documents {len(documents)}, unreadable {len(unreadable)}; verdicts {len(verdicts)} keys")
    for problem in problems:
        print(f"  verdict file problem: {problem}")
    print(
        "findings: " + ", ".join(f"{severity} {len(findings[severity])}" for severity in ("error", "warning", "notice"))
    )
    duplicates = sum(n - 1 for n in Counter(k for k, _ in errors).values() if n > 1)
    if duplicates:
        print(f"  ({duplicates} error findings share their key with another: one verdict judges both)")

    print("\nPrecision over judged findings")
    print(table_header())
    error_keys = [k for k, _ in errors]
    sample_keys = [k for k, _ in sampled]
    print(precision_line("errors", error_keys, verdicts))
    for name in sorted({set_of(k) for k in error_keys}):
        print(precision_line(f"  errors in {name}", [k for k in error_keys if set_of(k) == name], verdicts))
    print(precision_line(f"warnings (sample of {len(sampled)})", sample_keys, verdicts))
    for name in sorted({set_of(k) for k in sample_keys}):
        print(precision_line(f"  sampled in {name}", [k for k in sample_keys if set_of(k) == name], verdicts))
    judged_warnings = [k for k, _ in findings["warning"] if k in verdicts]
    if len(judged_warnings) > len([k for k in sample_keys if k in verdicts]):
        print(precision_line("warnings judged (any)", judged_warnings, verdicts))

    print("\nErrors per rule")
    print(table_header())
    by_rule: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for key in error_keys:
        by_rule[key[0]].append(key)
    for rule, keys in sorted(by_rule.items(), key=lambda item: (-len(item[1]), item[0])):
        print(precision_line(rule, keys, verdicts))

    count = max(len(documents), 1)
    print(f"\nWarnings per document: {len(warnings) / count:.2f} on average ({len(warnings)} in {len(documents)})")
    per_set: dict[str, set[str]] = defaultdict(set)
    for document in documents:
        name = document_of(document.get("source", ""))
        per_set[name.split("/", 1)[0]].add(name)
    for name, docs in sorted(per_set.items()):
        n = sum(1 for k, _ in warnings if set_of(k) == name)
        print(f"  {name:<28} {n / max(len(docs), 1):8.2f}  ({n} in {len(docs)})")
    print(f"  {'per rule':<28} {'per doc':>8} {'total':>7}")
    for rule, n in Counter(k[0] for k, _ in warnings).most_common():
        print(f"  {rule:<28} {n / count:8.2f} {n:>7}")

    unjudged = [(k, f) for k, f in errors if k not in verdicts]
    unjudged += [(k, f) for k, f in sampled if k not in verdicts]
    unique = list({k: (k, f) for k, f in reversed(unjudged)}.values())[::-1]  # first of each key, in order
    print(f"\nUnjudged: {len(unique)}")
    for key, finding in unique:
        print(f"  {finding['severity']:<7} {one_line(key, finding.get('message', ''))}")
    if args.write_todo:
        with open(args.write_todo, "w", encoding="utf-8", newline="") as out:
            out.write("\t".join(FIELDS) + "\n")
            for key, finding in unique:
                message = " ".join(finding.get("message", "").split())
                out.write(f"# {finding['severity']}: {message}\n")
                out.write("\t".join(key) + "\t\t\n")
        print(f"wrote {len(unique)} rows to {args.write_todo}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
