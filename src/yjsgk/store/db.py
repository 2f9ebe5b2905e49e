"""Opening a corpus database: a SQLite file by default, PostgreSQL by URL; schema kept current by Alembic."""

from __future__ import annotations

import json
import os
from contextlib import contextmanager
from functools import cache
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.orm import Session

from ..errors import YjsgkError

DEFAULT_DB = "yjsgk.db"
ENV_VAR = "YJSGK_DB"
MIGRATIONS = Path(__file__).with_name("migrations")
_PG_LOCK = 0x796A73676B  # "yjsgk": serializes schema upgrades between processes


class StoreError(YjsgkError):
    """The database could not be opened or is not a yjsgk corpus."""


def resolve_url(url: str | os.PathLike | None = None) -> str:
    """`--db` value → SQLAlchemy URL. None: $YJSGK_DB, else ./yjsgk.db. A bare path is a SQLite file."""
    if url is None:
        url = os.environ.get(ENV_VAR) or DEFAULT_DB
    url = str(url)
    if "://" not in url:
        return f"sqlite:///{Path(url).expanduser().resolve()}"
    scheme, rest = url.split("://", 1)
    if scheme in ("postgres", "postgresql"):  # psycopg 3 is the driver we depend on
        return f"postgresql+psycopg://{rest}"
    return url


def _sqlite_setup(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection, _record):
        dbapi_connection.isolation_level = None  # we issue BEGIN ourselves, below
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=120000")
        cursor.execute("PRAGMA journal_mode=WAL")  # readers are not blocked by a writer
        cursor.execute("PRAGMA synchronous=NORMAL")  # safe with WAL; a commit needs no fsync
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(conn: Connection):
        # a writing transaction takes the write lock at once, so two processes queue instead of
        # deadlocking on a lock upgrade; reads start a plain (deferred) transaction
        immediate = conn.get_execution_options().get("yjsgk_write", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def _json(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))  # 汉字 as UTF-8 rather than as escapes


def make_engine(url: str) -> Engine:
    sa_url = make_url(url)
    if sa_url.get_backend_name() == "sqlite":
        database = sa_url.database
        if database and database != ":memory:":
            Path(database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": 120}, json_serializer=_json)
        _sqlite_setup(engine)
        return engine
    return create_engine(url, pool_pre_ping=True, json_serializer=_json)


@cache
def _alembic_config():
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(_alembic_config()).get_current_head()
    if head is None:
        raise StoreError(f"no database migrations in {MIGRATIONS}")
    return head


def current_revision(conn: Connection) -> str | None:
    from alembic.runtime.migration import MigrationContext

    return MigrationContext.configure(conn).get_current_revision()


def upgrade(engine: Engine) -> None:
    """Bring the schema to the newest migration; safe when several processes start at once."""
    from alembic import command

    head = head_revision()
    with engine.connect() as conn:
        if current_revision(conn) == head:
            return
    with engine.connect().execution_options(yjsgk_write=True) as conn:
        with conn.begin():
            if conn.dialect.name == "postgresql":
                conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_LOCK})
            if current_revision(conn) == head:
                return
            config = _alembic_config()
            config.attributes["connection"] = conn
            try:
                command.upgrade(config, "head")
            finally:
                config.attributes.pop("connection", None)


class Store:
    """A corpus database. `Store(url)` opens it (creating or upgrading the schema as needed)."""

    def __init__(self, url: str | os.PathLike | None = None, *, migrate: bool = True, create: bool = True):
        self.url = resolve_url(url)
        sa_url = make_url(self.url)
        if not create and sa_url.get_backend_name() == "sqlite" and sa_url.database not in (None, "", ":memory:"):
            if not Path(sa_url.database).exists():
                raise StoreError(f"数据库不存在：{sa_url.database}（先用 yjsgk ingest 建立，或用 --db 指定）")
        try:
            self.engine = make_engine(self.url)
            if migrate:
                upgrade(self.engine)
        except YjsgkError:
            raise
        except Exception as exc:  # driver errors become one line for the user
            detail = (str(getattr(exc, "orig", None) or exc).strip().splitlines() or [type(exc).__name__])[0]
            raise StoreError(f"无法打开数据库 {self.display_url}: {detail}") from exc

    @property
    def display_url(self) -> str:
        return make_url(self.url).render_as_string(hide_password=True)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def session(self) -> Session:
        return Session(self.engine, expire_on_commit=False)

    @contextmanager
    def write(self):
        """One writing transaction: committed at the end of the block, rolled back on any error."""
        with self.engine.connect().execution_options(yjsgk_write=True) as conn:
            with Session(bind=conn, expire_on_commit=False) as session:
                with session.begin():
                    yield session

    @contextmanager
    def read(self):
        with Session(self.engine, expire_on_commit=False) as session:
            yield session

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def open_store(url: str | os.PathLike | None = None) -> Store:
    return Store(url)
