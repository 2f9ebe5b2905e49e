"""Harvest the code–name pairs printed in real disclosures into the classification dictionary.

    python -m yjsgk.harvest [PATH …] [--jobs N] [--write]

Every document under PATH (default: the development corpus, ``../shared/seeds``, ``samples`` and
``corpus`` beside the checkout) is read through the real pipeline (read → recognize). From each
recognized coded table whose codes are read reliably (the tables the ``code.*`` rules judge), every
printed code and name is a *sighting*: 支出功能分类 类/款/项 and 部门预算支出经济分类 类/款, and the
7-digit economic sub-codes some places print under a 款 (3010201 under 30102), marked local.

Sightings are grouped into pairs (scheme, code, name compared beyond punctuation) and each pair is
judged against the curated dictionary, which stays authoritative:

* ``official`` — the curated dictionary has this name for the code: nothing to add;
* ``variant``  — the curated dictionary knows the code under another name, and the printed one is a
  name, not an artefact: not merged (the curated name stays the reference; ``code.name`` reports
  the difference);
* ``added`` / ``local`` — a new code, or a local economic sub-code, merged into ``function.csv`` /
  ``economic.csv`` with ``source = harvested: N documents, first …``;
* ``rejected`` — a reading artefact or a pair without enough agreement, with the reason (see
  ``REASONS``).

A pair is added only when it is a name (no digits, not two cells glued together, not truncated or
extended from a better-attested name of the code), its parent code is known, and it has agreement:
printed by at least two independent documents (different department or year), or, printed by one,
consistent with its parent (xx99 其他… under its 款, the standard name of its suffix such as 01 行政运行),
or a 款 whose 项 two independent documents print (then unconfirmed).
It is ``confirmed`` (used to judge other documents' names) when two independent documents agree and
no other name of the code survives; local sub-codes never are.

``--write`` rewrites the harvested rows of ``function.csv`` / ``economic.csv`` (curated rows are kept
as they are), ``harvest.csv`` (every pair with its status, reason, documents and count) and adds the
documents read to ``sources.csv`` (kind ``corpus``, ids ``C001`` …). Without it, only the report.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import json
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass, field
from importlib import resources
from pathlib import Path

from .dictionary import Classification, classification, name_key, sources
from .textnorm import key, squeeze_cjk_spaces, strip_ordinal

SCHEME_DIGIT = {"function": "2", "economic": "3"}
LEVELS = {3: "类", 5: "款", 7: "项"}
HARVESTED = "harvested:"
LOCAL_NOTE = "地方细化科目（非全国统一编码）"

REASONS = {
    "not-a-name": "not a name: digits, letters or header words read into the name cell",
    "glued": "two cells glued together (a part is itself the name of a code)",
    "truncated": "a truncated form of a better-attested name of the code",
    "extended": "a better-attested name of the code with text of a neighbouring cell",
    "minority": "another name of the code is printed by more documents",
    "wrong-code": "the name of another code: a sibling's in the dictionary, or one the same table prints",
    "one-document": "printed by one document only, not implied by its parent nor attested by its 项",
    "parent-unknown": "its 类/款 is neither in the dictionary nor harvested",
}


@dataclass(frozen=True, slots=True)
class Sighting:
    scheme: str
    code: str
    name: str  # as printed (ordinal stripped, whitespace tidied)
    document: str  # the document's path as given (relative to the corpus root when under it)
    table: int  # index of the table in the document
    page: int | None


@dataclass(slots=True)
class DocumentInfo:
    path: str
    sha256: str
    department: str
    year: int | None

    @property
    def independent(self) -> tuple[str, int | None]:
        """Documents of one department and year (a report and its attachment) count once."""
        return (key(self.department) or self.path, self.year)


@dataclass(slots=True)
class Pair:
    scheme: str
    code: str
    key: str
    names: Counter[str] = field(default_factory=Counter)  # printed forms
    documents: set[str] = field(default_factory=set)
    count: int = 0
    status: str = ""
    reason: str = ""
    detail: str = ""

    @property
    def level(self) -> str:
        return LEVELS[len(self.code)]

    @property
    def parent(self) -> str:
        return self.code[:-2] if len(self.code) > 3 else ""

    @property
    def name(self) -> str:
        """The printed form most documents use, with full-width brackets like the curated names."""
        best = max(self.names.items(), key=lambda kv: (kv[1], -len(kv[0])))[0]
        return squeeze_cjk_spaces(best).replace("(", "（").replace(")", "）")

    @property
    def local(self) -> bool:
        return self.scheme == "economic" and len(self.code) == 7


# -- reading -------------------------------------------------------------------------------------


def read_document(path: Path, root: Path | None = None) -> tuple[DocumentInfo, list[Sighting]]:
    """Read one file through the pipeline; its sightings from the tables the code rules judge."""
    from .check.reading import codes_read_reliably
    from .definitions import table_def
    from .pipeline import recognize_path

    shown = str(path.relative_to(root)) if root and path.is_relative_to(root) else str(path)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    disclosure = recognize_path(path)
    manifest = _manifest_entry(path)
    info = DocumentInfo(
        path=shown,
        sha256=digest,
        department=manifest.get("department") or disclosure.department or "",
        year=int(manifest["year"]) if manifest.get("year", "").isdigit() else disclosure.year,
    )
    found: list[Sighting] = []
    for index, table in enumerate(disclosure.tables):
        defn = table_def(table.id)
        scheme = defn.codes
        if scheme not in SCHEME_DIGIT or defn.layout == "summary" or not codes_read_reliably(table, scheme):
            continue
        for row in table.coded_rows():
            code = row.code or ""
            name = strip_ordinal(row.name).strip()
            if len(code) not in LEVELS or code[0] != SCHEME_DIGIT[scheme] or not name:
                continue
            found.append(Sighting(scheme, code, name, shown, index, row.location.page if row.location else None))
    return info, found


def _manifest_entry(path: Path) -> dict[str, str]:
    """The file's row in the nearest MANIFEST.tsv above it (true department and year), if any."""
    for folder in path.parents:
        manifest = folder / "MANIFEST.tsv"
        if manifest.is_file():
            relative = str(path.relative_to(folder))
            with manifest.open(encoding="utf-8") as f:
                for row in csv.DictReader(f, delimiter="\t"):
                    if row.get("path") == relative:
                        return row
            return {}
    return {}


def _read_one(args: tuple[Path, Path | None]) -> tuple[DocumentInfo, list[Sighting]] | tuple[str, str]:
    path, root = args
    try:
        return read_document(path, root)
    except Exception as exc:  # an unreadable file is reported, the harvest goes on
        return str(path), f"{type(exc).__name__}: {exc}"


def collect(
    paths: Sequence[Path], root: Path | None = None, jobs: int = 1
) -> tuple[list[DocumentInfo], list[Sighting], list[tuple[str, str]]]:
    """Read every supported file under the paths; documents, sightings and unreadable files."""
    from .read import SUPPORTED_SUFFIXES

    files: list[Path] = []
    for p in paths:
        if p.is_dir():
            files += sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUPPORTED_SUFFIXES)
        else:
            files.append(p)
    work = [(f, root) for f in files]
    if jobs > 1:
        with ProcessPoolExecutor(jobs) as pool:
            results = list(pool.map(_read_one, work, chunksize=2))
    else:
        results = [_read_one(w) for w in work]
    documents: list[DocumentInfo] = []
    sightings: list[Sighting] = []
    failed: list[tuple[str, str]] = []
    seen: set[str] = set()
    for result in results:
        if isinstance(result[0], str):
            failed.append(result)  # type: ignore[arg-type]
            continue
        info, found = result  # type: ignore[misc]
        if info.sha256 in seen:
            continue  # the same file twice
        seen.add(info.sha256)
        documents.append(info)
        sightings += found
    return documents, sightings, failed


def save(path: Path, documents: list[DocumentInfo], sightings: list[Sighting], failed: list[tuple[str, str]]) -> None:
    data = {
        "documents": [asdict(d) for d in documents],
        "sightings": [asdict(s) for s in sightings],
        "failed": failed,
    }
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")


def load(path: Path) -> tuple[list[DocumentInfo], list[Sighting], list[tuple[str, str]]]:
    data = json.loads(path.read_text("utf-8"))
    return (
        [DocumentInfo(**d) for d in data["documents"]],
        [Sighting(**s) for s in data["sightings"]],
        [tuple(f) for f in data["failed"]],
    )


# -- judging -------------------------------------------------------------------------------------


_NOT_A_NAME = re.compile(r"[0-9０-９A-Za-z]|^(?:科目名称|项目|合计|总计|小计|类|款|项)$")


def group(sightings: Iterable[Sighting]) -> dict[tuple[str, str, str], Pair]:
    pairs: dict[tuple[str, str, str], Pair] = {}
    for s in sightings:
        k = name_key(s.name)
        if not k:
            continue
        pair = pairs.setdefault((s.scheme, s.code, k), Pair(s.scheme, s.code, k))
        pair.names[s.name] += 1
        pair.documents.add(s.document)
        pair.count += 1
    return pairs


class _Judge:
    def __init__(self, sightings: list[Sighting], documents: list[DocumentInfo]):
        self.sightings = sightings
        self.pairs = group(sightings)
        self.docs = {d.path: d for d in documents}
        self.dictionaries = {s: curated(s) for s in SCHEME_DIGIT}
        # every name known for a code: curated names and harvested keys
        self.names_of: dict[tuple[str, str], set[str]] = defaultdict(set)
        for scheme, dictionary in self.dictionaries.items():
            for code in dictionary.codes():
                for e in dictionary.entries(code):
                    self.names_of[(scheme, code)].add(name_key(e.name))
        self.known_names = {k for names in self.names_of.values() for k in names} | {p.key for p in self.pairs.values()}
        # (document, table) → name key → codes printed with it
        self.in_table: dict[tuple[str, int], dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
        for s in sightings:
            self.in_table[(s.document, s.table)][name_key(s.name)].add(s.code)
        self.suffix_names = self._suffix_names()

    def _suffix_names(self) -> dict[str, set[str]]:
        """The standard name of a 项 suffix: the name most curated codes with that suffix carry, when
        at least two do (01 行政运行, 02 一般行政管理事务, 03 机关服务, 50 事业运行)."""
        counts: dict[str, Counter[str]] = defaultdict(Counter)
        for code in self.dictionaries["function"].codes():
            if len(code) == 7:
                for e in self.dictionaries["function"].entries(code):
                    counts[code[-2:]][name_key(e.name)] += 1
        out = {}
        for suffix, names in counts.items():
            (name, n), *rest = names.most_common()
            if n >= 2 and all(m < n for _, m in rest):
                out[suffix] = {name}
        return out

    def independent(self, pair: Pair) -> int:
        return len({self.docs[d].independent if d in self.docs else (d, None) for d in pair.documents})

    def judge(self) -> list[Pair]:
        by_code: dict[tuple[str, str], list[Pair]] = defaultdict(list)
        for pair in self.pairs.values():
            by_code[(pair.scheme, pair.code)].append(pair)
        # parents first, so that a 项 can rely on a 款 accepted in this harvest
        accepted: set[tuple[str, str]] = set()
        for scheme, code in sorted(by_code, key=lambda sc: (len(sc[1]), sc)):
            for pair in self._judge_code(by_code[(scheme, code)], accepted):
                if pair.status in ("added", "local", "official"):
                    accepted.add((scheme, code))
        return sorted(self.pairs.values(), key=lambda p: (p.scheme, p.code, -len(p.documents), p.key))

    def _judge_code(self, pairs: list[Pair], accepted: set[tuple[str, str]]) -> list[Pair]:
        scheme, code = pairs[0].scheme, pairs[0].code
        support = {p.key: self.independent(p) for p in pairs}
        curated = self.names_of.get((scheme, code), set())
        for pair in pairs:
            pair.status, pair.reason, pair.detail = self._intrinsic(pair, curated)
        # the names a pair is measured against: the curated ones, else the other printed names
        # that are names and at least as well attested
        for pair in pairs:
            if pair.status:
                continue
            if curated:
                better = sorted(curated)
            else:
                better = [
                    p.key
                    for p in pairs
                    if p is not pair
                    and p.status != "rejected"
                    and (support[p.key], p.count) >= (support[pair.key], pair.count)
                ]
            pair.status, pair.reason, pair.detail = self._against(pair, better, bool(curated))
            if not pair.status and not curated:
                rivals = [
                    p for p in pairs if p is not pair and p.status != "rejected" and support[p.key] > support[pair.key]
                ]
                if rivals:
                    pair.status, pair.reason, pair.detail = "rejected", "minority", rivals[0].name
        if curated:
            return pairs
        parent = pairs[0].parent
        parent_known = not parent or (scheme, parent) in accepted or parent in self.dictionaries[scheme]
        for pair in pairs:
            if pair.status:
                continue
            if not parent_known:
                pair.status, pair.reason, pair.detail = "rejected", "parent-unknown", parent
            elif support[pair.key] < 2 and not self._implied_by_parent(pair) and not self._attested_below(pair, pairs):
                pair.status, pair.reason = "rejected", "one-document"
            else:
                pair.status = "local" if pair.local else "added"
        kept = [p for p in pairs if p.status in ("added", "local")]
        for pair in kept:
            pair.detail = "confirmed" if len(kept) == 1 and support[pair.key] >= 2 and not pair.local else ""
        return pairs

    def _intrinsic(self, pair: Pair, curated: set[str]) -> tuple[str, str, str]:
        """What the pair is on its own: the curated name, or not a name at all."""
        if pair.key in curated:
            return "official", "", ""
        printed = max(pair.names, key=lambda n: pair.names[n])
        if _NOT_A_NAME.search(key(printed)):
            return "rejected", "not-a-name", printed
        parts = [p for p in re.split(r"\s+", printed) if len(key(p)) >= 2]
        if len(parts) > 1 and any(name_key(p) in self.known_names for p in parts):
            return "rejected", "glued", " | ".join(parts)
        return "", "", ""

    def _against(self, pair: Pair, better: list[str], curated: bool) -> tuple[str, str, str]:
        """The pair measured against better-attested names of its code and the names around it."""
        for other in better:
            if other.startswith(pair.key):
                return "rejected", "truncated", other
            if other in pair.key:
                return "rejected", "extended", other
        if wrong := self._wrong_code(pair):
            return "rejected", "wrong-code", wrong
        if curated:
            return "variant", "", " / ".join(better)
        return "", "", ""

    def _wrong_code(self, pair: Pair) -> str:
        """Printed by one document, the name of a sibling in the dictionary (30208 印为 物业管理费, the
        name of 30209; several documents agreeing outweigh this: 2299999 and 2299901 are both 其他支出);
        or, in every document printing it, the name the same table prints on an unrelated code."""
        dictionary = self.dictionaries[pair.scheme]
        siblings = dictionary.children(pair.parent) if pair.parent and self.independent(pair) < 2 else []
        for sibling in siblings:
            if sibling != pair.code and pair.key in self.names_of.get((pair.scheme, sibling), ()):
                return sibling
        others: set[str] = set()
        for s in self.sightings:
            if s.scheme != pair.scheme or s.code != pair.code or name_key(s.name) != pair.key:
                continue
            codes = {
                c
                for c in self.in_table[(s.document, s.table)][pair.key]
                if c != pair.code
                and not c.startswith(pair.code)
                and not pair.code.startswith(c)
                and c[-2:] != pair.code[-2:]
            }
            if not codes:
                return ""
            others |= codes
        return " ".join(sorted(others))

    def _attested_below(self, pair: Pair, pairs: list[Pair]) -> bool:
        """A 款 printed with its name by one document, whose 项 two independent documents print: the
        code exists (a flat list of 项 never prints its 款 row), and the one name printed for it has
        no rival. Kept unconfirmed: one document's name does not judge others."""
        if len(pair.code) != 5 or len([p for p in pairs if not p.status or p.status in ("added", "local")]) > 1:
            return False
        below = {
            self.docs[s.document].independent if s.document in self.docs else (s.document, None)
            for s in self.sightings
            if s.scheme == pair.scheme and len(s.code) == 7 and s.code.startswith(pair.code)
        }
        return len(below) >= 2

    def _implied_by_parent(self, pair: Pair) -> bool:
        """One document suffices when the parent implies the name: 其他… under its 款 for xx99, the
        standard name of the suffix (01 行政运行, 02 一般行政管理事务, 50 事业运行), a local
        sub-code named like its 款."""
        parent = self.dictionaries[pair.scheme].name(pair.parent) if pair.parent else None
        parent_key = (
            name_key(parent)
            if parent
            else next(
                (
                    p.key
                    for p in self.pairs.values()
                    if (p.scheme, p.code) == (pair.scheme, pair.parent) and p.status in ("added", "local")
                ),
                "",
            )
        )
        if pair.scheme == "function" and len(pair.code) == 7 and pair.key in self.suffix_names.get(pair.code[-2:], ()):
            return True
        if parent_key and pair.code.endswith("99") and pair.key.startswith("其他"):
            core = re.sub(r"(?:支出|事务|管理事务)$", "", parent_key)
            return bool(core) and core in pair.key
        return pair.local and bool(parent_key) and parent_key in pair.key


def curated(scheme: str) -> Classification:
    """The dictionary without the rows an earlier harvest added: what a harvest is judged against."""
    dictionary = classification(scheme)
    return Classification(scheme, [e for c in dictionary.codes() for e in dictionary.entries(c) if not e.harvested])


def judge(sightings: list[Sighting], documents: list[DocumentInfo]) -> list[Pair]:
    """Every pair with its status (official, variant, added, local, rejected) and reason."""
    return _Judge(sightings, documents).judge()


# -- writing -------------------------------------------------------------------------------------


def _data_dir() -> Path:
    return Path(str(resources.files("yjsgk.data").joinpath("classification")))


def document_ids(documents: list[DocumentInfo], root: Path | None) -> dict[str, str]:
    """path → source id: the ids sources.csv already gives (seeds, samples), else a new C-number."""
    by_reference = {}
    for s in sources().values():
        ref = s.reference.split(" (")[0]
        if ref.startswith("../shared/"):
            ref = ref[len("../shared/") :]
        by_reference[ref] = s.id
    taken = [int(i[1:]) for i in sources() if re.fullmatch(r"C\d+", i)]
    n = max(taken, default=0)
    out = {}
    for d in sorted(documents, key=lambda d: d.path):
        seed = re.match(r"seeds/(\d+)_", d.path)
        if d.path in by_reference:
            out[d.path] = by_reference[d.path]
        elif seed:
            out[d.path] = f"S{seed.group(1)}"  # the seeds' own numbers, like S000
        else:
            n += 1
            out[d.path] = f"C{n:03d}"
    return out


def _kind(path: str) -> str:
    return {"seeds": "seed", "samples": "sample"}.get(path.split("/", 1)[0], "corpus")


def _first(pair: Pair, docs: dict[str, DocumentInfo]) -> str:
    """The earliest document printing the pair (by year, then path)."""
    return min(pair.documents, key=lambda d: (docs[d].year or 9999 if d in docs else 9999, d))


def write(pairs: list[Pair], documents: list[DocumentInfo], root: Path | None, folder: Path | None = None) -> None:
    folder = folder or _data_dir()
    docs = {d.path: d for d in documents}
    ids = document_ids(documents, root)
    _write_sources(folder / "sources.csv", documents, ids, root)
    for scheme in SCHEME_DIGIT:
        _merge(
            folder / f"{scheme}.csv",
            scheme,
            [p for p in pairs if p.scheme == scheme and p.status in ("added", "local")],
            docs,
        )
    with (folder / "harvest.csv").open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(
            ["scheme", "code", "name", "level", "status", "reason", "detail", "documents", "count", "years", "sources"]
        )
        for p in pairs:
            years = sorted({y for d in p.documents if d in docs and (y := docs[d].year)})
            span = f"{years[0]}–{years[-1]}" if len(years) > 1 else (str(years[0]) if years else "")
            w.writerow([
                p.scheme, p.code, p.name, p.level, p.status, p.reason, p.detail,
                len(p.documents), p.count, span, " ".join(sorted(ids[d] for d in p.documents)),
            ])  # fmt: skip


def _write_sources(path: Path, documents: list[DocumentInfo], ids: dict[str, str], root: Path | None) -> None:
    text = path.read_text("utf-8")
    rows = list(csv.reader(io.StringIO(text)))
    known = {r[0] for r in rows[1:]}
    rows = [r for r in rows if r[0] == "id" or r[1] != "corpus"]  # corpus rows are rewritten
    prefix = "../shared/" if root and root.name == "shared" else ""
    for d in sorted(documents, key=lambda d: ids[d.path]):
        source_id = ids[d.path]
        if source_id in known and not re.fullmatch(r"C\d+", source_id):
            continue
        rows.append([source_id, _kind(d.path), prefix + d.path, d.department, str(d.year or "")])
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    path.write_text(out.getvalue(), "utf-8")


def _merge(path: Path, scheme: str, pairs: list[Pair], docs: dict[str, DocumentInfo]) -> None:
    lines = path.read_text("utf-8").splitlines()
    header, body = lines[0], lines[1:]
    columns = header.split(",")
    at = columns.index("source")
    curated = [line for line in body if not next(csv.reader([line]))[at].startswith(HARVESTED)]
    dictionary = classification(scheme)
    new: list[str] = []
    for p in pairs:
        row = {
            "code": p.code,
            "name": p.name,
            "level": p.level,
            "parent": p.parent,
            "expense_group": _expense_group(dictionary, p.code) if scheme == "economic" else "",
            "valid_from": "",
            "valid_to": "",
            "confirmed": "yes" if p.detail == "confirmed" else "no",
            "source": f"{HARVESTED} {len(p.documents)} documents, first {_first(p, docs)}",
            "note": LOCAL_NOTE if p.local else "",
        }
        out = io.StringIO()
        csv.writer(out, lineterminator="").writerow([row[c] for c in columns])
        new.append(out.getvalue())
    merged = sorted(curated + new, key=lambda line: (line.split(",", 1)[0], line in new))
    path.write_text("\n".join([header, *merged]) + "\n", "utf-8")


def _expense_group(dictionary: Classification, code: str) -> str:
    for prefix in (code[:5], code[:3]):
        entry = dictionary.lookup(prefix)
        if entry and entry.expense_group:
            return entry.expense_group
    return ""


# -- report --------------------------------------------------------------------------------------


def report(pairs: list[Pair], documents: list[DocumentInfo], failed: list[tuple[str, str]]) -> str:
    lines = [f"documents read: {len(documents)}, unreadable: {len(failed)}"]
    for path, why in failed:
        lines.append(f"  unreadable {path}: {why[:100]}")
    lines.append(f"pairs: {len(pairs)}, sightings: {sum(p.count for p in pairs)}")
    status = Counter((p.scheme, p.status) for p in pairs)
    for (scheme, st), n in sorted(status.items()):
        lines.append(f"  {scheme:9} {st:9} {n}")
    codes = {(p.scheme, p.code) for p in pairs if p.status in ("added", "local")}
    lines.append(f"codes added: {len(codes)} ({Counter((s, len(c)) for s, c in codes)})")
    rejected = [p for p in pairs if p.status == "rejected"]
    lines.append(f"rejected: {len(rejected)}")
    for reason, n in Counter(p.reason for p in rejected).most_common():
        lines.append(f"  {reason:15} {n:4}  {REASONS[reason]}")
        for p in [p for p in rejected if p.reason == reason][:4]:
            lines.append(f"      {p.code} “{p.name}” ({len(p.documents)} doc.) {p.detail}")
    variants = [p for p in pairs if p.status == "variant"]
    lines.append(f"variants of curated names (not merged): {len(variants)}")
    for p in variants[:12]:
        lines.append(f"      {p.code} “{p.name}” ({len(p.documents)} doc.), the dictionary: {p.detail}")
    return "\n".join(lines)


def size(scheme: str) -> dict[str, int]:
    dictionary = classification(scheme)
    out = Counter(LEVELS[len(c)] for c in dictionary.codes())
    return {level: out[level] for level in LEVELS.values() if out[level]}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m yjsgk.harvest", description=__doc__.split("\n\n")[0])
    shared = Path(__file__).resolve().parents[2].parent / "shared"
    parser.add_argument("paths", nargs="*", type=Path)
    parser.add_argument("--root", type=Path, help="paths in the report are relative to it (default ../shared)")
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--write", action="store_true", help="merge into src/yjsgk/data/classification/")
    parser.add_argument("--save", type=Path, help="keep what was read in this JSON file")
    parser.add_argument("--load", type=Path, help="judge the sightings a --save kept instead of reading again")
    args = parser.parse_args(argv)
    root = (args.root or shared).resolve()
    paths = args.paths or [root / "seeds", root / "samples", root / "corpus"]
    if args.load:
        documents, sightings, failed = load(args.load)
    else:
        documents, sightings, failed = collect([p.resolve() for p in paths], root, args.jobs)
    if args.save:
        save(args.save, documents, sightings, failed)
    pairs = judge(sightings, documents)
    print(report(pairs, documents, failed))
    before = {s: size(s) for s in SCHEME_DIGIT}
    if args.write:
        write(pairs, documents, root)
        classification.cache_clear()
        sources.cache_clear()
        after = {s: size(s) for s in SCHEME_DIGIT}
        print(f"dictionary before: {before}\ndictionary after:  {after}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
