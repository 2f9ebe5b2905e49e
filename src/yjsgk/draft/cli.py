"""`yjsgk draft`: the command line of the drafter (registered in yjsgk/cli.py)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

FORMATS = ("docx", "pdf", "md")  # run.FORMATS; repeated so that `yjsgk --help` imports nothing heavy

EXIT_OK, EXIT_GATE, EXIT_FAILED = 0, 1, 2


def add_commands(sub) -> None:
    p = sub.add_parser(
        "draft",
        help="由表格数据起草预决算公开文件 (draft a disclosure from its data)",
        description="读取预决算公开文件、本工具导出的 Excel 或标准表格工作簿，先核对，再生成完整的公开文件草稿"
        "（封面、目录、部门概况占位、全部公开表、按数据写成的情况说明、名词解释）。",
    )
    p.add_argument("source", nargs="?", metavar="SOURCE", help="来源：公开文件、yjsgk export 的 Excel 或标准表格工作簿")
    p.add_argument("-o", "--output", type=Path, metavar="OUT", help="草稿文件（.docx、.pdf 或 .md）")
    p.add_argument("--previous", type=Path, metavar="LAST_YEAR_DOC", help="上年同类文件：写出与上年相比的增减")
    p.add_argument("--template", metavar="FAMILY", help="模板族：national 或地方模板族（默认：来源文件所依的模板族）")
    p.add_argument("--format", choices=FORMATS, help="输出格式（默认按输出文件扩展名，否则 docx）")
    p.add_argument("--force", action="store_true", help="来源数据有错误时仍生成草稿（草稿首页标注警告）")
    p.add_argument(
        "--template-xlsx", type=Path, metavar="OUT.xlsx", help="写出空白的标准表格工作簿（格式见 docs/draft.md）"
    )
    p.add_argument("--kind", choices=("final", "budget"), default="final", help="空白工作簿的类型：决算或预算")


def run(args: argparse.Namespace) -> int:
    from ..errors import YjsgkError
    from .run import GateError, draft, write_template_workbook

    if args.template_xlsx:
        path = write_template_workbook(args.template_xlsx, args.kind)
        print(f"yjsgk: 已写出空白标准表格工作簿 → {path}", file=sys.stderr)
        return EXIT_OK
    if not args.source or not args.output:
        print("yjsgk: draft 需要 SOURCE 与 -o OUT（或 --template-xlsx OUT.xlsx）", file=sys.stderr)
        return EXIT_FAILED
    try:
        result = draft(
            args.source, args.output, previous=args.previous, template=args.template, fmt=args.format, force=args.force
        )
    except GateError as exc:
        print(f"yjsgk: {exc}", file=sys.stderr)
        return EXIT_GATE
    except YjsgkError as exc:
        print(f"yjsgk: {exc}", file=sys.stderr)
        return EXIT_FAILED
    note = "（来源数据有错误，已按 --force 生成并在首页标注警告）" if result.forced else ""
    print(f"yjsgk: 已按 {result.template} 模板生成草稿 → {result.path}{note}", file=sys.stderr)
    return EXIT_OK
