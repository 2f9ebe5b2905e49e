"""Fuzz the readers with mutated real files, and measure the refusal of decompression bombs.

    python bench/fuzz_readers.py fuzz [--cases 2000] [--formats pdf,docx,…] [--seed 1] [--jobs 2]
    python bench/fuzz_readers.py case pdf 123 -o /tmp/case.pdf    # write one case out to reproduce it
    python bench/fuzz_readers.py bombs                            # time and peak memory of each refusal

Bases are real documents from ../shared, made small: the first pages of corpus and sample PDFs
(cut with pikepdf), the seeds rendered into .docx/.xlsx/.html the way tests/test_read_office.py
renders them, the published .xls and .xlsx templates, the corpus web page, the seed texts.
Each case is one base mutated by a seeded RNG (case `i` of format `f` is the same in every run):
truncation, bit flips, overwritten or duplicated byte ranges; for zip packages, members dropped,
swapped, duplicated, their XML damaged and re-zipped with a valid CRC, and the size fields of the
zip directory and local headers lied about; for PDFs, damage to the xref table, `startxref` and
object headers (keeping `%%EOF` so the damage is parsed, not caught by the envelope check).

Every case runs in a worker process with a memory cap (RLIMIT_AS: its size after imports plus
`--memory` MB) and a per-file time limit (`--timeout` s; the worker is killed and replaced on a
hang). Outcomes: ok (a document), refused (ReadError: a one-line message), traceback (any other
exception), hang, over-memory (MemoryError), crash (the worker died from a signal).
"""

from __future__ import annotations

import argparse
import collections
import io
import multiprocessing as mp
import os
import random
import re
import resource
import struct
import sys
import tempfile
import time
import traceback
import warnings
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
FORMATS = ("pdf", "docx", "xlsx", "xls", "html", "txt")
CACHE = Path(tempfile.gettempdir()) / f"yjsgk-fuzz-bases-{os.getuid()}"

PDF_BASES = [  # (file under ../shared, first page, pages): small pieces of real PDFs of several producers
    ("corpus/renwu/001_上海/2026年上海市水务局_部门预算.pdf", 3, 2),
    ("corpus/renwu/002_北京/2026年北京市信访办公室部门预算.pdf", 2, 2),
    ("samples/open-budget/江苏省委办公厅/江苏省委办公厅2018年度部门预算公开表.pdf", 1, 2),
    ("samples/GovBudgetChecker/X/上海市普陀区商务委员会单位25年预算.pdf", 4, 2),
]


# -- bases -----------------------------------------------------------------------------------


def _tests_helpers():
    sys.path.insert(0, str(ROOT / "tests"))
    import test_read_office  # the seeds rendered as Word, Excel and web pages

    return test_read_office


def build_bases(small: bool = False) -> dict[str, list[Path]]:
    """The base files of each format (cached under the temp folder)."""
    CACHE.mkdir(exist_ok=True)
    out: dict[str, list[Path]] = {f: [] for f in FORMATS}
    import pikepdf

    for name, first, count in PDF_BASES[: 2 if small else None]:
        target = CACHE / f"{Path(name).stem}-p{first}.pdf"
        if not target.exists():
            with pikepdf.open(SHARED / name) as src:
                dst = pikepdf.new()
                for page in src.pages[first - 1 : first - 1 + count]:
                    dst.pages.append(page)
                dst.save(target)
        out["pdf"].append(target)
    helpers = None
    for seed in ("004", "002") if small else ("004", "002", "003"):
        for fmt in ("docx", "xlsx", "html"):
            target = CACHE / f"seed{seed}.{fmt}"
            if not target.exists():
                helpers = helpers or _tests_helpers()
                if fmt == "docx":
                    helpers.render_docx(seed, target)
                elif fmt == "xlsx":
                    helpers.render_xlsx(seed, target)
                else:
                    helpers.render_html(seed, target, "utf-8")
            out[fmt].append(target)
    out["html"].append(SHARED / "corpus/renwu/016_郑州/规划和自然资源局_2026年部门预算.html")
    templates = SHARED / "samples/tianbaoxitong/templates"
    if not small:
        out["xlsx"] += sorted((templates / "excel").glob("*.xlsx"))
    out["xls"].append(templates / "budget_template.xls")
    seeds = sorted((SHARED / "seeds").glob("*.txt"))
    out["txt"] += seeds[:2] if small else seeds
    return out


# -- mutations -------------------------------------------------------------------------------


def _flip(data: bytearray, rng: random.Random, n: int) -> None:
    for _ in range(n):
        i = rng.randrange(len(data))
        data[i] ^= 1 << rng.randrange(8)


def mutate_bytes(data: bytes, rng: random.Random, keep_tail: bytes = b"") -> tuple[str, bytes]:
    buf = bytearray(data)
    kind = rng.choice(("truncate", "flip", "flip", "overwrite", "duplicate", "zero", "insert"))
    if kind == "truncate":
        buf = buf[: rng.randrange(1, len(buf))]
    elif kind == "flip":
        _flip(buf, rng, rng.choice((1, 2, 4, 16, 64)))
    elif kind == "overwrite":
        start = rng.randrange(len(buf))
        size = rng.choice((1, 4, 16, 256, 4096))
        buf[start : start + size] = rng.randbytes(min(size, len(buf) - start))
    elif kind == "duplicate":
        start = rng.randrange(len(buf))
        piece = buf[start : start + rng.choice((16, 256, 4096, 65536))]
        at = rng.randrange(len(buf))
        buf[at:at] = piece * rng.choice((1, 2, 50))
    elif kind == "zero":
        start = rng.randrange(len(buf))
        buf[start : start + rng.choice((8, 512, 8192))] = bytes(min(8192, len(buf) - start))[: len(buf[start:])]
    else:
        at = rng.randrange(len(buf))
        buf[at:at] = rng.choice((b"\x00", b"\xff\xfe", b"<", b"</table>", b"<div>" * 300, b"\r\n", b"\t" * 50))
    if keep_tail and not bytes(buf[-1024:]).rstrip().endswith(keep_tail):
        buf += b"\n" + keep_tail + b"\n"
    return kind, bytes(buf)


def _members(data: bytes) -> list[tuple[zipfile.ZipInfo, bytes]]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return [(info, zf.read(info)) for info in zf.infolist()]


def _zip(members: list[tuple[str, bytes]]) -> bytes:
    out = io.BytesIO()
    with warnings.catch_warnings(), zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        warnings.simplefilter("ignore")  # "Duplicate name": a duplicated member is one of the mutations
        for name, blob in members:
            zf.writestr(name, blob)
    return out.getvalue()


def _lie_about_sizes(data: bytes, rng: random.Random) -> bytes:
    """Change the sizes (and sometimes CRCs) written in the central directory or local headers."""
    buf = bytearray(data)
    central = [m.start() for m in re.finditer(rb"PK\x01\x02", data)]
    local = [m.start() for m in re.finditer(rb"PK\x03\x04", data)]
    choices = [v for v in (rng.choice((0, 1, 7, 1000, 2**31 - 1, 2**32 - 1)), rng.randrange(1, 2**32)) if v is not None]
    for _ in range(rng.choice((1, 2, 5))):
        if central and (not local or rng.random() < 0.7):
            at = rng.choice(central)
            field = rng.choice((16, 20, 24))  # crc, compressed size, uncompressed size
        elif local:
            at = rng.choice(local)
            field = rng.choice((14, 18, 22))
        else:
            break
        if at + field + 4 <= len(buf):
            struct.pack_into("<I", buf, at + field, rng.choice(choices))
    return bytes(buf)


def mutate_zip(data: bytes, rng: random.Random) -> tuple[str, bytes]:
    members = _members(data)
    kind = rng.choice(("bytes", "drop", "swap", "xml", "xml", "xml", "lie", "lie", "duplicate", "truncate-member"))
    names = [(i.filename, b) for i, b in members]
    if kind == "bytes":
        return mutate_bytes(data, rng)
    if kind == "lie":
        return kind, _lie_about_sizes(data, rng)
    if kind == "drop":
        names.pop(rng.randrange(len(names)))
    elif kind == "swap":
        i, j = rng.randrange(len(names)), rng.randrange(len(names))
        names[i], names[j] = (names[i][0], names[j][1]), (names[j][0], names[i][1])
    elif kind == "duplicate":
        names.append(rng.choice(names))
    elif kind == "truncate-member":
        i = rng.randrange(len(names))
        names[i] = (names[i][0], names[i][1][: rng.randrange(max(1, len(names[i][1])))])
    else:  # damage the text of one XML member and zip it again (so the CRC is valid: the parser sees it)
        xml = [i for i, (n, _) in enumerate(names) if n.endswith((".xml", ".rels"))]
        i = rng.choice(xml)
        _, blob = mutate_xml(names[i][1], rng)
        names[i] = (names[i][0], blob)
    return kind, _zip(names)


_XML_EDITS = (
    (rb'w:val="\d+"', lambda r: b'w:val="%d"' % r.choice((0, -1, 99999, 2**31))),
    (rb'r="[A-Z]+\d+"', lambda r: r.choice((b'r="XFD1048576"', b'r="A0"', b'r="ZZZZ9"', b'r=""'))),
    (rb'ref="[A-Z]+\d+:[A-Z]+\d+"', lambda r: r.choice((b'ref="A1:XFD1048576"', b'ref="B2:A1"', b'ref="A1"'))),
    (rb"<v>[^<]*</v>", lambda r: r.choice((b"<v>NaN</v>", b"<v>1e309</v>", b"<v>-</v>", b"<v>99999999999</v>"))),
    (rb's="\d+"', lambda r: b's="%d"' % r.choice((999, 2**31, 0))),
    (rb't="\w+"', lambda r: r.choice((b't="s"', b't="e"', b't="b"', b't="d"', b't="inlineStr"', b't="x"'))),
    (rb"<w:tc>", lambda r: b'<w:tc><w:tcPr><w:gridSpan w:val="%d"/><w:vMerge/></w:tcPr>' % r.choice((0, 5, 500))),
    (rb"<w:tr>", lambda r: b'<w:tr><w:trPr><w:gridBefore w:val="%d"/></w:trPr>' % r.choice((1, 300))),
)


def mutate_xml(blob: bytes, rng: random.Random) -> tuple[str, bytes]:
    if rng.random() < 0.5:
        edits = [(p, f) for p, f in _XML_EDITS if re.search(p, blob)]
        if edits:
            pattern, make = rng.choice(edits)
            matches = list(re.finditer(pattern, blob))
            chosen = rng.sample(matches, min(len(matches), rng.choice((1, 3, 20))))
            out = bytearray(blob)
            for m in sorted(chosen, key=lambda m: -m.start()):
                out[m.start() : m.end()] = make(rng)
            return "xml-edit", bytes(out)
    return mutate_bytes(blob, rng)


def mutate_pdf(data: bytes, rng: random.Random) -> tuple[str, bytes]:
    kind = rng.choice(("bytes", "bytes", "xref", "startxref", "objects", "streams"))
    buf = bytearray(data)
    if kind == "bytes":
        return mutate_bytes(data, rng, keep_tail=b"%%EOF")
    if kind == "xref":
        at = data.rfind(b"xref")
        if at < 0:  # a cross-reference stream: damage the object the trailer points to
            at = max(0, len(data) - 2048)
        end = min(len(buf), at + rng.choice((20, 200, 2000)))
        for _ in range(rng.choice((1, 5, 30))):
            i = rng.randrange(at, end) if end > at else at
            buf[i] = rng.choice(b"0123456789 fn\n")
    elif kind == "startxref":
        m = list(re.finditer(rb"startxref\s+(\d+)", data))
        if m:
            last = m[-1]
            value = rng.choice((0, 1, len(data) - 10, len(data) * 2, int(last.group(1)) + rng.randrange(-50, 50)))
            buf[last.start(1) : last.end(1)] = str(max(0, value)).encode()
    elif kind == "objects":
        heads = list(re.finditer(rb"(\d+) (\d+) obj", data))
        for m in rng.sample(heads, min(len(heads), rng.choice((1, 3, 10)))):
            buf[m.start(1) : m.end(1)] = (
                str(rng.choice((0, 1, 999999, int(m.group(1)) + 1)))
                .encode()
                .ljust(m.end(1) - m.start(1))[: m.end(1) - m.start(1)]
            )
    else:  # damage the inside of content streams (compressed: random bytes into the deflate data)
        streams = list(re.finditer(rb"stream\r?\n", data))
        for m in rng.sample(streams, min(len(streams), rng.choice((1, 3)))):
            start = m.end()
            for _ in range(rng.choice((1, 8, 64))):
                i = start + rng.randrange(0, 4096)
                if i < len(buf):
                    buf[i] = rng.randrange(256)
    return kind, bytes(buf)


def mutate_text(data: bytes, rng: random.Random) -> tuple[str, bytes]:
    kind = rng.random()
    if kind < 0.15:
        text = data.decode("utf-8", "replace")
        encoding = rng.choice(("utf-16", "utf-16-le", "utf-16-be", "gb18030", "utf-32"))
        return f"encode-{encoding}", text.encode(encoding, "replace")
    if kind < 0.2:
        return "bom", rng.choice((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")) + data
    return mutate_bytes(data, rng)


def make_case(fmt: str, index: int, bases: dict[str, list[Path]], seed: int, cache: dict) -> tuple[str, str, bytes]:
    """(base name, mutation, bytes) of case `index` of a format; the same in every run."""
    rng = random.Random(f"{seed}:{fmt}:{index}")
    base = rng.choice(bases[fmt])
    if base not in cache:
        cache[base] = base.read_bytes()
    data = cache[base]
    if fmt == "pdf":
        kind, out = mutate_pdf(data, rng)
    elif fmt in ("docx", "xlsx"):
        kind, out = mutate_zip(data, rng)
    elif fmt in ("html", "txt"):
        kind, out = mutate_text(data, rng)
    else:
        kind, out = mutate_bytes(data, rng)
    return base.name, kind, out


# -- workers ---------------------------------------------------------------------------------


def _worker(conn, memory_mb: int, bases: dict[str, list[Path]], seed: int) -> None:
    import docx  # noqa: F401
    import openpyxl  # noqa: F401
    import pypdfium2  # noqa: F401  (imported before the cap: its library is mapped once)
    import xlrd  # noqa: F401

    from yjsgk.errors import ReadError
    from yjsgk.read import office, pdf, read_path, sheet, web, word  # noqa: F401

    vm = _vm_bytes()
    cap = vm + memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
    cache: dict = {}
    folder = Path(tempfile.mkdtemp(prefix="yjsgk-fuzz-"))
    while True:
        try:
            job = conn.recv()
        except EOFError:
            return
        if job is None:
            return
        fmt, index = job
        base, kind, data = make_case(fmt, index, bases, seed, cache)
        path = folder / f"case.{fmt}"
        path.write_bytes(data)
        started = time.perf_counter()
        try:
            read_path(path)
            status, detail = "ok", ""
        except ReadError as exc:
            status, detail = "refused", exc.reason
            if "\n" in exc.reason:
                status = "traceback"
                detail = "multi-line message: " + exc.reason[:200]
        except MemoryError:
            status, detail = "over-memory", ""
        except RecursionError as exc:
            status, detail = "traceback", _where(exc)
        except Exception as exc:
            status, detail = "traceback", _where(exc)
        conn.send((fmt, index, base, kind, status, detail, time.perf_counter() - started))


def _vm_bytes() -> int:
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmSize:"):
                return int(line.split()[1]) * 1024
    return 0


def _where(exc: BaseException) -> str:
    frames = traceback.extract_tb(exc.__traceback__)
    ours = [f for f in frames if "yjsgk" in f.filename] or frames
    last = ours[-1] if ours else None
    where = f"{Path(last.filename).name}:{last.lineno} {last.name}" if last else "?"
    return f"{type(exc).__name__}: {str(exc)[:120]} @ {where}"


class Pool:
    """Worker processes with a memory cap; a case past the time limit kills and replaces its worker."""

    def __init__(self, jobs: int, memory_mb: int, timeout: float, bases, seed: int):
        self.args = (memory_mb, bases, seed)
        self.timeout = timeout
        self.ctx = mp.get_context("fork")
        self.workers = [self._start() for _ in range(jobs)]

    def _start(self):
        parent, child = self.ctx.Pipe()
        proc = self.ctx.Process(target=_worker, args=(child, *self.args), daemon=True)
        proc.start()
        child.close()
        return [proc, parent, None, 0.0]  # process, pipe, job, started

    def run(self, jobs: list[tuple[str, int]], on_result) -> None:
        pending = list(reversed(jobs))
        busy = 0
        while pending or busy:
            for w in self.workers:
                if w[2] is None and pending:
                    w[2] = pending.pop()
                    w[3] = time.monotonic()
                    w[1].send(w[2])
                    busy += 1
            ready = mp.connection.wait([w[1] for w in self.workers if w[2] is not None], timeout=0.5)
            now = time.monotonic()
            for i, w in enumerate(self.workers):
                if w[2] is None:
                    continue
                fmt, index = w[2]
                if w[1] in ready:
                    try:
                        result = w[1].recv()
                    except (EOFError, OSError):
                        w[0].join(5)
                        code = w[0].exitcode
                        on_result((fmt, index, "", "", "crash", f"worker died (exit {code})", now - w[3]))
                        self.workers[i] = self._start()
                        busy -= 1
                        continue
                    on_result(result)
                    w[2] = None
                    busy -= 1
                elif now - w[3] > self.timeout:
                    w[0].kill()
                    w[0].join(5)
                    on_result((fmt, index, "", "", "hang", f"over {self.timeout:.0f} s", now - w[3]))
                    self.workers[i] = self._start()
                    busy -= 1

    def close(self) -> None:
        for w in self.workers:
            try:
                w[1].send(None)
            except OSError:
                pass
        for w in self.workers:
            w[0].join(5)
            if w[0].is_alive():
                w[0].kill()


def fuzz(
    cases: int,
    formats=FORMATS,
    *,
    seed: int = 1,
    jobs: int = 2,
    memory_mb: int = 768,
    timeout: float = 30.0,
    small: bool = False,
    verbose: bool = False,
) -> dict:
    """Run `cases` cases of each format; the counts per format and outcome, and the problems found."""
    bases = build_bases(small)
    counts: dict[str, collections.Counter] = {f: collections.Counter() for f in formats}
    problems: list[tuple] = []
    slowest: dict[str, float] = collections.defaultdict(float)

    def on_result(result) -> None:
        fmt, index, base, kind, status, detail, seconds = result
        counts[fmt][status] += 1
        slowest[fmt] = max(slowest[fmt], seconds)
        if status not in ("ok", "refused"):
            problems.append(result)
            if verbose:
                print(f"{status:11} {fmt}:{index} {base} {kind}: {detail}", file=sys.stderr, flush=True)

    pool = Pool(jobs, memory_mb, timeout, bases, seed)
    try:
        # interleaved, so a short run still covers every format
        pool.run([(f, i) for i in range(cases) for f in formats], on_result)
    finally:
        pool.close()
    return {"counts": counts, "problems": problems, "slowest": dict(slowest)}


# -- bombs -----------------------------------------------------------------------------------


def build_bombs(folder: Path, *, gigabytes: float = 3.0) -> dict[str, Path]:
    """Hostile files built from real bases: what each limit is there to refuse."""
    folder.mkdir(parents=True, exist_ok=True)
    bases = build_bases(small=True)
    out: dict[str, Path] = {}
    docx_base = bases["docx"][0].read_bytes()
    xlsx_base = bases["xlsx"][0].read_bytes()

    # 1. a .docx whose word/document.xml inflates to `gigabytes` GB (an honest directory)
    path = folder / "bomb_honest.docx"
    if not path.exists():
        _write_bomb(path, docx_base, "word/document.xml", int(gigabytes * 1024**3))
    out[f"docx: document.xml inflates to {gigabytes:.0f} GB"] = path
    # 2. the same, its directory lying: the sizes say the original document.xml
    path = folder / "bomb_lying.docx"
    if not path.exists():
        honest = (folder / "bomb_honest.docx").read_bytes()
        with zipfile.ZipFile(io.BytesIO(docx_base)) as zf:
            small = zf.getinfo("word/document.xml").file_size
        path.write_bytes(_patch_sizes(honest, "word/document.xml", small))
    out["docx: same bomb, its directory giving the original size"] = path
    # 3. a .xlsx of 1,000,000 rows
    path = folder / "rows_1m.xlsx"
    if not path.exists():
        rows = b"".join(
            b'<row r="%d"><c r="A%d"><v>%d</v></c><c r="B%d"><v>1.5</v></c></row>' % (r, r, r, r)
            for r in range(1, 1_000_001)
        )
        _replace_member(path, xlsx_base, "xl/worksheets/sheet1.xml", _sheet_xml(rows))
    out["xlsx: 1,000,000 rows"] = path
    # 4. a .xlsx with two cells, at A1 and XFD1048576 (a huge used rectangle)
    path = folder / "far_cell.xlsx"
    if not path.exists():
        rows = b'<row r="1"><c r="A1"><v>1</v></c></row><row r="1048576"><c r="XFD1048576"><v>2</v></c></row>'
        _replace_member(path, xlsx_base, "xl/worksheets/sheet1.xml", _sheet_xml(rows))
    out["xlsx: cells at A1 and XFD1048576"] = path
    # 5. a .xlsx of 20,000 members
    path = folder / "entries.xlsx"
    if not path.exists():
        members = _members(xlsx_base)
        extra = [(f"xl/media/pad{i}.bin", b"x") for i in range(20_000)]
        path.write_bytes(_zip([(i.filename, b) for i, b in members] + extra))
    out["xlsx: 20,000 members"] = path
    # 6. a page nested 100,000 elements deep, and one of 30 MB
    html = bases["html"][0].read_text("utf-8")
    path = folder / "deep.html"
    if not path.exists():
        body = html.index("<body>") + len("<body>")
        path.write_text(html[:body] + "<div>" * 100_000 + html[body:], "utf-8")
    out["html: nested 100,000 deep"] = path
    path = folder / "big.html"
    if not path.exists():
        body = html.index("<body>") + len("<body>")
        path.write_text(html[:body] + "<p>部门预算</p>" * 1_600_000 + html[body:], "utf-8")
    out["html: 30 MB"] = path
    # 7. a table whose cells span 1000 × 1000
    path = folder / "spans.html"
    if not path.exists():
        cells = '<td colspan="1000" rowspan="1000">1</td>' * 50
        path.write_text(f"<html><body><table>{('<tr>' + cells + '</tr>') * 1000}</table></body></html>", "utf-8")
    out["html: 50×1000 cells spanning 1000×1000"] = path
    # 8. a .docx table of cells spanning 200 columns each
    path = folder / "spans.docx"
    if not path.exists():
        with zipfile.ZipFile(io.BytesIO(docx_base)) as zf:
            document = zf.read("word/document.xml")
        cell = b'<w:tc><w:tcPr><w:gridSpan w:val="200"/></w:tcPr><w:p/></w:tc>'
        table = b"<w:tbl>" + (b"<w:tr>" + cell * 500 + b"</w:tr>") * 100 + b"</w:tbl>"
        at = document.index(b"<w:body>") + len(b"<w:body>")
        _replace_member(path, docx_base, "word/document.xml", document[:at] + table + document[at:])
    out["docx: 50,000 cells spanning 200 columns"] = path
    # 9. text of 30 MB; a PDF of 600 pages; a PDF of 110 MB
    path = folder / "big.txt"
    if not path.exists():
        seed = bases["txt"][0].read_bytes()
        path.write_bytes(seed * (30 * 1024 * 1024 // len(seed) + 1))
    out["txt: 30 MB"] = path
    import pikepdf

    path = folder / "pages_600.pdf"
    if not path.exists():
        with pikepdf.open(bases["pdf"][0]) as src:
            dst = pikepdf.new()
            for _ in range(300):
                for page in src.pages:
                    dst.pages.append(page)
            dst.save(path)
    out["pdf: 600 pages"] = path
    path = folder / "big.pdf"
    if not path.exists():
        with pikepdf.open(bases["pdf"][0]) as src:
            src.Root.Padding = pikepdf.Stream(src, random.Random(1).randbytes(110 * 1024 * 1024))
            src.save(path, compress_streams=False)
    out["pdf: 110 MB"] = path
    path = folder / "big.xls"
    if not path.exists():
        data = bases["xls"][0].read_bytes()
        path.write_bytes(data + bytes(110 * 1024 * 1024))
    out["xls: 110 MB"] = path
    return out


def _sheet_xml(rows: bytes) -> bytes:
    return (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
        + rows
        + b"</sheetData></worksheet>"
    )


def _replace_member(path: Path, base: bytes, name: str, blob: bytes) -> None:
    members = [(i.filename, b) for i, b in _members(base)]
    path.write_bytes(_zip([(n, blob if n == name else b) for n, b in members]))


def _write_bomb(path: Path, base: bytes, name: str, size: int) -> None:
    """The member `name` followed by `size` bytes of spaces (well-formed XML: trailing whitespace)."""
    chunk = b" " * (16 * 1024 * 1024)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out, zipfile.ZipFile(io.BytesIO(base)) as zf:
        for info in zf.infolist():
            blob = zf.read(info)
            if info.filename != name:
                out.writestr(info.filename, blob)
                continue
            entry = zipfile.ZipInfo(name, date_time=info.date_time)
            entry.compress_type = zipfile.ZIP_DEFLATED  # a ZipInfo is stored uncompressed unless told
            with out.open(entry, "w", force_zip64=True) as member:
                member.write(blob)
                written = 0
                while written < size:
                    member.write(chunk)
                    written += len(chunk)


def _patch_sizes(data: bytes, name: str, size: int) -> bytes:
    """Write `size` as the member's uncompressed size in its central directory record(s)."""
    buf = bytearray(data)
    encoded = name.encode()
    for m in re.finditer(rb"PK\x01\x02", data):
        at = m.start()
        name_len = struct.unpack_from("<H", data, at + 28)[0]
        if data[at + 46 : at + 46 + name_len] == encoded:
            if struct.unpack_from("<I", data, at + 24)[0] == 0xFFFFFFFF:  # zip64: the size is in the extra field
                extra = at + 46 + name_len
                struct.pack_into("<Q", buf, extra + 4, size)
            else:
                struct.pack_into("<I", buf, at + 24, size)
    return bytes(buf)


_MEASURE = """
import sys, time
from yjsgk.read import read_path
from yjsgk.errors import ReadError
import yjsgk.read.office, yjsgk.read.word, yjsgk.read.sheet, yjsgk.read.web, yjsgk.read.pdf, docx, openpyxl, xlrd
def hwm():  # VmHWM: ru_maxrss would count the parent's memory at fork (it survives exec)
    return next(int(l.split()[1]) for l in open("/proc/self/status") if l.startswith("VmHWM"))
before = hwm()
t = time.perf_counter()
try:
    read_path(sys.argv[1]); outcome = "READ"
except ReadError as e:
    outcome = e.reason
seconds = time.perf_counter() - t
after = hwm()
print(f"{seconds:.3f}\\t{before / 1024:.0f}\\t{after / 1024:.0f}\\t{outcome}")
"""


def measure_bombs(folder: Path) -> list[tuple[str, str, float, float, float, str]]:
    """(what, file, seconds, RSS after imports MB, peak RSS MB, message) of each refusal."""
    import subprocess

    rows = []
    for what, path in build_bombs(folder).items():
        env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
        env.pop("YJSGK_LIMITS", None)
        result = subprocess.run(
            [sys.executable, "-c", _MEASURE, str(path)], capture_output=True, text=True, env=env, timeout=600
        )
        line = (result.stdout.strip().splitlines() or ["0\t0\t0\t" + result.stderr.strip()[-200:]])[-1]
        seconds, before, after, message = line.split("\t", 3)
        rows.append((what, path.name, float(seconds), float(before), float(after), message))
    return rows


# -- command line ----------------------------------------------------------------------------


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    f = sub.add_parser("fuzz")
    f.add_argument("--cases", type=int, default=2000)
    f.add_argument("--formats", default=",".join(FORMATS))
    f.add_argument("--seed", type=int, default=1)
    f.add_argument("--jobs", type=int, default=2)
    f.add_argument("--memory", type=int, default=768, help="MB a worker may add to its size after imports")
    f.add_argument("--timeout", type=float, default=30.0, help="seconds per file")
    f.add_argument("--small", action="store_true", help="the small bases of the test suite")
    c = sub.add_parser("case")
    c.add_argument("format", choices=FORMATS)
    c.add_argument("index", type=int)
    c.add_argument("--seed", type=int, default=1)
    c.add_argument("--small", action="store_true")
    c.add_argument("-o", "--output", type=Path, required=True)
    b = sub.add_parser("bombs")
    b.add_argument("--folder", type=Path, default=Path(tempfile.gettempdir()) / f"yjsgk-bombs-{os.getuid()}")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT / "src"))
    if args.command == "case":
        base, kind, data = make_case(args.format, args.index, build_bases(args.small), args.seed, {})
        args.output.write_bytes(data)
        print(f"{args.format}:{args.index} from {base} ({kind}) → {args.output}")
        return 0
    if args.command == "bombs":
        print("| file | refused in | RSS after imports | peak RSS | message |")
        print("|---|---|---|---|---|")
        for what, _name, seconds, before, after, message in measure_bombs(args.folder):
            print(f"| {what} | {seconds:.2f} s | {before:.0f} MB | {after:.0f} MB | {message} |", flush=True)
        return 0
    formats = tuple(args.formats.split(","))
    started = time.perf_counter()
    result = fuzz(
        args.cases,
        formats,
        seed=args.seed,
        jobs=args.jobs,
        memory_mb=args.memory,
        timeout=args.timeout,
        small=args.small,
        verbose=True,
    )
    statuses = ("ok", "refused", "traceback", "hang", "over-memory", "crash")
    print(f"{args.cases} cases per format, seed {args.seed}, {time.perf_counter() - started:.0f} s")
    print("| format | " + " | ".join(statuses) + " | slowest |")
    print("|---" * (len(statuses) + 2) + "|")
    for fmt in formats:
        counts = result["counts"][fmt]
        print(f"| {fmt} | " + " | ".join(str(counts[s]) for s in statuses) + f" | {result['slowest'][fmt]:.1f} s |")
    classes = collections.Counter((p[0], p[4], re.sub(r"\d+", "N", p[5])[:150]) for p in result["problems"])
    for (fmt, status, detail), n in classes.most_common():
        print(f"{n:5} {fmt} {status}: {detail}")
    return 1 if result["problems"] else 0


if __name__ == "__main__":
    raise SystemExit(main())
