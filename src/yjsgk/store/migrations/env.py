"""Alembic environment: run with the connection yjsgk.store.db.upgrade passes in, or a URL.

`alembic -x db=URL upgrade head` also works from the command line for maintenance:
`alembic -c /dev/null -x db=sqlite:///yjsgk.db …` with `script_location` set to this folder.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from yjsgk.store.models import Base

config = context.config
target_metadata = Base.metadata


def _run(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",  # SQLite alters tables by copying
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    from yjsgk.store.db import resolve_url

    url = context.get_x_argument(as_dictionary=True).get("db")
    engine = create_engine(resolve_url(url))
    with engine.connect() as connection:
        _run(connection)


def run_migrations_offline() -> None:
    url = context.get_x_argument(as_dictionary=True).get("db", "sqlite://")
    from yjsgk.store.db import resolve_url

    context.configure(url=resolve_url(url), target_metadata=target_metadata, literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
