"""`yjsgk serve` and `yjsgk user add NAME --role …` (registered by yjsgk/cli.py)."""

from __future__ import annotations

import argparse
import sys

COMMANDS = ("serve", "user")


def add_commands(sub) -> None:
    serve = sub.add_parser("serve", help="启动审核台网页服务 (start the web application)")
    serve.add_argument("--host", default="127.0.0.1", help="监听地址（默认 127.0.0.1）")
    serve.add_argument("--port", type=int, default=8000, help="端口（默认 8000）")
    serve.add_argument(
        "--db", metavar="URL", help="数据库：SQLite 文件或 PostgreSQL URL（默认 $YJSGK_DB 或 ./yjsgk.db）"
    )
    serve.add_argument("--uploads", metavar="DIR", help="上传文件的存放目录（默认在 SQLite 文件旁，如 yjsgk.uploads/）")
    serve.add_argument("--workers", type=int, metavar="N", help="后台处理进程数（默认 2 或 CPU 核数中较小者）")
    serve.add_argument(
        "--secure-cookies", action="store_true", help="会话 Cookie 只经 HTTPS 发送（在 HTTPS 反向代理后面时使用）"
    )
    user = sub.add_parser("user", help="管理审核台用户 (manage web users)")
    verbs = user.add_subparsers(dest="user_command", required=True)
    add = verbs.add_parser("add", help="添加用户；密码从标准输入读取")
    add.add_argument("name")
    add.add_argument("--role", choices=("admin", "reviewer", "viewer"), required=True)
    add.add_argument("--db", metavar="URL")
    passwd = verbs.add_parser("password", help="修改用户密码；新密码从标准输入读取")
    passwd.add_argument("name")
    passwd.add_argument("--db", metavar="URL")


def _password() -> str:
    import getpass

    if sys.stdin.isatty():
        first = getpass.getpass("密码：")
        if getpass.getpass("再输一遍：") != first:
            raise SystemExit("yjsgk: 两次输入的密码不同")
        return first
    return sys.stdin.readline().rstrip("\r\n")


def run(args: argparse.Namespace) -> int:
    from ..store.db import Store
    from . import auth

    if args.command == "user":
        store = Store(args.db)
        try:
            if args.user_command == "add":
                auth.add_user(store, args.name, args.role, _password())
                print(f"yjsgk: 已添加用户 {args.name}（{auth.ROLE_LABELS[args.role]}）", file=sys.stderr)
            else:
                auth.set_password(store, args.name, _password())
                print(f"yjsgk: 已修改 {args.name} 的密码", file=sys.stderr)
        finally:
            store.close()
        return 0
    import uvicorn

    from .app import create_app

    app = create_app(args.db, uploads=args.uploads, workers=args.workers, secure_cookies=args.secure_cookies)
    store = app.state.web.store
    print(f"yjsgk: 审核台 http://{args.host}:{args.port}/ （数据库 {store.display_url}）", file=sys.stderr)
    from sqlalchemy import select

    from ..store.web_models import User

    with store.read() as session:
        if session.scalar(select(User.id).limit(1)) is None:
            print("yjsgk: 还没有用户：yjsgk user add 用户名 --role admin（密码从标准输入读取）", file=sys.stderr)
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning", access_log=False)
    return 0
