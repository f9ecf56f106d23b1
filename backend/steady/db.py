"""Which database Steady talks to: building the engine a URL names, making it the one
every table uses, and opening and closing its connections.

SQLite (the embedded default) runs on ``sqlite_engine.SerialSQLiteEngine``; PostgreSQL on
Piccolo's engine with a connection pool. Nothing here knows about features: tables are
rebound by walking ``Table`` subclasses. Dialect differences live in ``dialect.py``,
applying migrations in ``migrations.py``.
"""

from __future__ import annotations

import os
from typing import Any
from urllib.parse import unquote, urlparse

from piccolo.engine.base import Engine
from piccolo.engine.postgres import PostgresEngine
from piccolo.table import Table

from steady.sqlite_engine import SerialSQLiteEngine

os.environ.setdefault("PICCOLO_CONF", "steady.piccolo_conf")

_active: Engine[Any] | None = None


def make_engine(url: str) -> Engine[Any]:
    """Build the engine a database URL names: ``sqlite:///path`` or ``postgresql://...``."""
    parsed = urlparse(url)
    if parsed.scheme == "sqlite":
        # sqlite:///relative.db and sqlite:////absolute.db: drop the slash after the host.
        path = unquote(parsed.path)[1:]
        return SerialSQLiteEngine(path=path or "steady.db")
    if parsed.scheme in {"postgres", "postgresql"}:
        return PostgresEngine(config={"dsn": url})
    raise SystemExit(
        f"Steady configuration error: unsupported database URL scheme {parsed.scheme!r}"
    )


def use_engine(engine: Engine[Any]) -> None:
    """Make ``engine`` the one every table and Piccolo's migrations use from now on."""
    global _active
    _active = engine
    for table in _all_tables(Table):
        table._meta.db = engine


def current_engine() -> Engine[Any]:
    """The active engine, built from the environment's settings when none was chosen."""
    if _active is None:
        from steady.settings import Settings

        use_engine(make_engine(Settings.from_env().resolved_database_url))
    assert _active is not None
    return _active


def _all_tables(base: type[Table]) -> list[type[Table]]:
    found: list[type[Table]] = []
    for sub in base.__subclasses__():
        found.append(sub)
        found.extend(_all_tables(sub))
    return found


async def open_engine(engine: Engine[Any], pool_size: int = 30) -> None:
    """Warm the engine up: the SQLite connection (and WAL), or the PostgreSQL pool."""
    if isinstance(engine, SerialSQLiteEngine):
        engine.shared_connection()
        engine.start_checkpoints()
    elif isinstance(engine, PostgresEngine) and engine.pool is None:
        await engine.start_connection_pool(min_size=2, max_size=pool_size)


async def close_engine(engine: Engine[Any]) -> None:
    """Release the engine's connections."""
    if isinstance(engine, SerialSQLiteEngine):
        await engine.close()
    elif isinstance(engine, PostgresEngine) and engine.pool is not None:
        await engine.close_connection_pool()
