"""The review desk: `yjsgk serve`, a web application over the corpus database.

FastAPI with server-rendered Jinja2 pages; uploads processed in the background by a process pool
running the same pipeline and store code as `yjsgk check` and `yjsgk ingest`; review marks keyed
by finding fingerprint and document content, so they survive re-analysis.
"""

from __future__ import annotations

__all__ = ["create_app"]


def create_app(*args, **kwargs):
    from .app import create_app as _create

    return _create(*args, **kwargs)
