"""Command line: `yjsgk extract` and `yjsgk check`.

Start-up is kept cheap: only argparse and the standard library are imported here; the reader,
recognizer, rules and reports are imported when a command runs (`yjsgk --version` and `--help`
load none of them).
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from . import __version__, limits
from .errors import ReadError, YjsgkError
from .web import cli as web_cli  # yjsgk serve / user: argparse only, the application is imported when run

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (~10 ms)
if TYPE_CHECKING:
    from .check import CheckContext
    from .config import Config

EXIT_OK, EXIT_FINDINGS, EXIT_UNREADABLE = 0, 1, 2
EXIT_BROKEN_PIPE = 128 + 13  # as a shell reports a process ended by SIGPIPE


def _paths(args: Sequence[str]) -> list[Path]:
    """Files as given; folders walked for supported files, in a stable order (yjsgk/inputs.py)."""
    from .inputs import collect

    return collect(args).files


def at_least(minimum: int):
    """An argparse type: a whole number not below `minimum` (--jobs 0 or more, --limit 1 or more)."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"应为整数，而不是 {text!r} (not an integer)") from None
        if value < minimum:
            hint = "（0 表示全部 CPU 核）" if minimum == 0 else ""
            raise argparse.ArgumentTypeError(f"应不小于 {minimum}，而不是 {value}{hint} (must be {minimum} or more)")
        return value

    return parse


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="yjsgk",
        description="读取、识别并核对部门预决算公开文件 (read, recognize and audit budget/final-account disclosures)",
    )
    parser.add_argument("--version", action="version", version=f"yjsgk {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    extract = sub.add_parser("extract", help="打印识别出的结构化数据 (print the recognized model)")
    extract.add_argument("paths", nargs="+", metavar="PATH")
    extract.add_argument("--format", choices=("json", "text"), default="json")
    extract.add_argument("--ocr", action="store_true", help="对扫描件做离线 OCR（需安装 yjsgk[ocr]；约 2 秒一页）")
    check = sub.add_parser("check", help="核对并列出发现的问题 (audit and list findings)")
    check.add_argument("paths", nargs="*", metavar="PATH")  # none with --db: the stored documents
    check.add_argument("--format", choices=("text", "json", "html"), default="text")
    check.add_argument(
        "-o", "--output", type=Path, metavar="FILE", help="HTML 报告写入的文件（--format html；默认 report.html）"
    )
    check.add_argument(
        "--select", action="append", default=[], metavar="RULE", help="只运行这些规则（编号或前缀，可用逗号分隔）"
    )
    check.add_argument(
        "--ignore", action="append", default=[], metavar="RULE", help="不运行这些规则（编号或前缀，可用逗号分隔）"
    )
    check.add_argument(
        "--config",
        type=Path,
        metavar="FILE",
        help="配置文件（默认：就近的 yjsgk.toml 或 pyproject.toml 的 [tool.yjsgk]）",
    )
    check.add_argument("--ocr", action="store_true", help="对扫描件做离线 OCR（需安装 yjsgk[ocr]；约 2 秒一页）")
    check.add_argument(
        "-j",
        "--jobs",
        type=at_least(0),
        metavar="N",
        help="并行进程数（0 为全部 CPU 核；默认 8 个文件以上时用全部核）",
    )
    check.add_argument(
        "--profile",
        metavar="NAME",
        help="完整性与合规检查配置档：national、hunan 等内置模板族、配置文件中的 [profiles]，或 none 关闭 complete.* 与 code.* 规则"
        "（默认：按每个文件所依的地方公开模板核对，未能识别时按 national 仅作提示）",
    )
    check.add_argument("--baseline", type=Path, metavar="FILE", help="已接受问题的基线文件，其中的问题不再报告")
    check.add_argument("--write-baseline", type=Path, metavar="FILE", help="把本次发现的全部问题写入基线文件")
    check.add_argument(
        "--verbose", action="store_true", help="同时列出情况说明中未能核对的数字（narrative.unlinked 提示）"
    )
    limits.add_option(extract)  # --limits NAME=VALUE (yjsgk/limits.py)
    limits.add_option(check)
    from . import cross_cli

    cross_cli.add_arguments(check)  # --with OTHER…, --db URL
    rules = sub.add_parser("rules", help="列出或解释核对规则 (list or explain the rules)")
    rules.add_argument(
        "rule", nargs="?", metavar="RULE", help="规则编号（解释该规则）或前缀（列出其下的规则），如 sum."
    )
    rules.add_argument("--format", choices=("text", "markdown"), default="text")
    _add_corpus_commands(sub)
    from .draft import cli as draft_cli  # yjsgk draft (src/yjsgk/draft/cli.py)

    draft_cli.add_commands(sub)
    __import__("yjsgk.annotate").annotate.add_commands(sub)  # yjsgk annotate (annotate.py)
    web_cli.add_commands(sub)  # yjsgk serve, yjsgk user (yjsgk/web/cli.py)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    from .compiled import keep

    keep()  # regular expressions and dataclass methods compiled in an earlier run (compiled.py)
    args = _parser().parse_args(argv)
    try:
        code = _run(args)
        sys.stdout.flush()  # a reader that went away shows here, not at interpreter exit
        return code
    except BrokenPipeError:
        return _reader_gone()
    except YjsgkError as exc:
        print(f"yjsgk: {exc}", file=sys.stderr)
        return EXIT_UNREADABLE
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # a bug must still end in one line, not a traceback
        if os.environ.get("YJSGK_DEBUG"):
            raise
        print(f"yjsgk: 内部错误 (internal error): {type(exc).__name__}: {exc}", file=sys.stderr)
        return EXIT_UNREADABLE


def _reader_gone() -> int:
    """The output was piped to a reader that stopped (`yjsgk … | head -1`): end quietly, as tools
    killed by SIGPIPE do. Whatever is still buffered goes to /dev/null, so the interpreter's own
    flush at exit cannot raise again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):  # stdout is not a real file (captured in-process)
        pass
    return EXIT_BROKEN_PIPE


def _rules(args: argparse.Namespace) -> int:
    from .check import RULES
    from .check.registry import canonical
    from .report import rules_report

    if args.rule is None:
        text = rules_report.reference_markdown() if args.format == "markdown" else rules_report.catalogue_text()
        sys.stdout.write(text.rstrip("\n") + "\n")
        return EXIT_OK
    rule = RULES.get(canonical(args.rule))
    if rule is not None:
        sys.stdout.write(rules_report.explain_text(rule) + "\n")
        return EXIT_OK
    under = [rule_id for rule_id in RULES if rule_id.startswith(canonical(args.rule))]
    if not under:
        print(f"yjsgk: 没有编号为 {args.rule} 的规则（yjsgk rules 列出全部规则）", file=sys.stderr)
        return EXIT_UNREADABLE
    sys.stdout.write(rules_report.catalogue_text(under) + "\n")  # a prefix: the rules under it
    return EXIT_OK


def _config(args: argparse.Namespace) -> Config:
    from .check.profiles import load_profile
    from .config import NO_PROFILE, Config, load_config, rule_list

    if args.command != "check":
        return Config()
    config = load_config(args.config)
    config.select += rule_list(args.select, name="--select")  # an unknown rule is an error, not a clean report
    config.ignore += rule_list(args.ignore, name="--ignore")
    if args.baseline is not None:
        config.baseline = args.baseline
    if args.profile is not None:
        if args.profile != NO_PROFILE:
            load_profile(args.profile, config.profiles)  # an unknown name is a one-line error
        config.profile = args.profile
    return config


def _run(args: argparse.Namespace) -> int:
    limits.configure(getattr(args, "limits", None))  # a bad value is a one-line error
    if args.command in CORPUS_COMMANDS:
        return _run_corpus(args)
    if args.command in web_cli.COMMANDS:
        return web_cli.run(args)
    if args.command == "rules":
        return _rules(args)
    if args.command == "draft":
        from .draft import cli as draft_cli

        return draft_cli.run(args)

    if args.command == "annotate":
        return __import__("yjsgk.annotate").annotate.run(args)
    if args.command == "check" and not args.paths and not getattr(args, "db", None):
        print("yjsgk: check 需要文件或文件夹（或 --db URL）", file=sys.stderr)
        return EXIT_UNREADABLE
    from .baseline import apply_baseline, read_baseline, write_baseline
    from .check import CheckContext
    from .inputs import collect
    from .report import json_report, text_report
    from .report.terminal import Progress

    gc.freeze()  # what the imports built lives to the end: the cyclic collector need not walk it (~15 ms)
    config = _config(args)
    writing = getattr(args, "write_baseline", None)
    accepted = read_baseline(config.baseline) if config.baseline and not writing else None
    results = []
    hashes: list[str | None] = []  # each document's sha256, when a baseline is read or written
    suppressed = 0
    inputs = collect(args.paths)
    unreadable: list[str] = list(inputs.problems)  # folders that yield nothing, then files that fail
    for problem in inputs.problems:
        print(f"yjsgk: {problem}", file=sys.stderr)
    paths = inputs.files
    # a progress bar on a terminal when there is more than a handful of files
    progress = Progress() if len(paths) > 3 and sys.stderr.isatty() else None
    context = CheckContext.from_config(config, verbose=bool(getattr(args, "verbose", False)))
    ocr = bool(getattr(args, "ocr", False))
    digest = accepted is not None or bool(writing)
    for index, (path, outcome) in enumerate(
        zip(paths, _load_all(paths, config, context, _jobs(args, len(paths)), ocr, digest), strict=True)
    ):
        if progress:
            progress(index, len(paths), str(path))
        if isinstance(outcome, str):
            unreadable.append(outcome)
            print(f"yjsgk: {outcome}", file=sys.stderr)
            continue
        disclosure, findings, document = outcome
        if accepted is not None:
            findings, hidden = apply_baseline(findings, accepted, document)
            suppressed += hidden
        results.append((disclosure, findings))
        hashes.append(document)
    if progress:
        progress(len(paths), len(paths), "")
    from . import cross_cli

    if args.command == "check" and cross_cli.wanted(args):
        results, more = cross_cli.extend(args, config, context, results, accepted.fingerprints if accepted else set())
        unreadable += more
    if writing:
        hash_of = dict(zip((d.source for d, _ in results), hashes, strict=False))
        count = write_baseline(writing, [(hash_of.get(d.source), fs) for d, fs in results])
        print(f"yjsgk: 已将 {count} 条问题写入基线 {writing}", file=sys.stderr)
        return EXIT_UNREADABLE if unreadable else EXIT_OK
    if suppressed:
        print(f"yjsgk: 基线中已接受的 {suppressed} 条问题未列出", file=sys.stderr)
    out = sys.stdout
    style = text_report.Style(text_report.use_color(out))
    if args.command == "extract":
        if args.format == "json":
            out.write(json_report.dumps(json_report.extract_payload([d for d, _ in results])) + "\n")
        elif results:
            out.write("\n\n".join(text_report.render_extract(d, style) for d, _ in results) + "\n")
        return EXIT_UNREADABLE if unreadable else EXIT_OK
    if args.format == "html":  # report/html_report.py: one self-contained file with the page crops
        from .outputs import write_output
        from .report import html_report

        target = write_output(
            Path(args.output or "report.html"), lambda staged: html_report.write(staged, results, unreadable) or staged
        )
        print(f"yjsgk: 报告已写入 {target}", file=sys.stderr)
    elif args.format == "json":
        out.write(json_report.dumps(json_report.check_payload(results, unreadable)) + "\n")
    else:
        if results:
            out.write("\n\n".join(text_report.render_findings(d, f, style) for d, f in results) + "\n")
    if unreadable:
        return EXIT_UNREADABLE
    return EXIT_FINDINGS if any(f.severity == "error" for _, fs in results for f in fs) else EXIT_OK


# the corpus database: ingest, query, export (implemented in yjsgk/corpus_cli.py)
CORPUS_COMMANDS = ("ingest", "query", "export")


def _add_corpus_commands(sub) -> None:
    from . import corpus_cli as commands

    commands.add_commands(sub)


def _jobs(args: argparse.Namespace, files: int) -> int:
    """Worker processes: --jobs N (0 = every core); by default all cores from 8 files on."""
    requested = getattr(args, "jobs", None)
    cores = os.cpu_count() or 1
    if requested is None:
        return min(cores, files) if files >= 8 else 1
    return min(requested or cores, max(files, 1))


def _load_one(path: Path, config: Config, context: CheckContext, ocr: bool = False, digest: bool = False):
    """One file, in this process or a worker: (disclosure, findings, sha256 if asked) or the one-line reason."""
    from .baseline import document_hash
    from .pipeline import load

    try:
        disclosure, findings = load(path, config, context=context, ocr=ocr)
        return disclosure, findings, document_hash(path) if digest else None
    except ReadError as exc:
        return str(exc)
    except OSError as exc:  # the file went away or became unreadable after it was read
        return f"{path}: 无法读取文件：{exc.strerror or exc}"


def _load_all(
    paths: list[Path], config: Config, context: CheckContext, jobs: int, ocr: bool = False, digest: bool = False
):
    if jobs <= 1:
        yield from (_load_one(p, config, context, ocr, digest) for p in paths)
        return
    from concurrent.futures import ProcessPoolExecutor
    from functools import partial

    with ProcessPoolExecutor(max_workers=jobs) as pool:
        yield from pool.map(partial(_load_one, config=config, context=context, ocr=ocr, digest=digest), paths)


def _run_corpus(args: argparse.Namespace) -> int:
    from . import corpus_cli as commands

    return commands.run(args)


if __name__ == "__main__":
    raise SystemExit(main())
