"""Applying every feature's pending Piccolo migrations, one instance at a time."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import asyncpg
from piccolo.engine.base import Engine
from piccolo.engine.postgres import PostgresEngine

from steady.db import use_engine


@asynccontextmanager
async def _migration_lock(engine: Engine[Any]) -> AsyncIterator[None]:
    """Keep two PostgreSQL instances that start together from migrating at once."""
    if not isinstance(engine, PostgresEngine):
        yield
        return
    connection = await asyncpg.connect(dsn=engine.config["dsn"])
    try:
        await connection.execute("SELECT pg_advisory_lock(472061)")
        yield
    finally:
        await connection.close()


async def migrate(engine: Engine[Any]) -> None:
    """Apply every feature's pending Piccolo migrations to ``engine``."""
    from piccolo.apps.migrations.commands.forwards import run_forwards

    use_engine(engine)
    async with _migration_lock(engine):
        result = await run_forwards(app_name="all")
    if not result.success:
        raise RuntimeError(f"migrations failed: {result.message}")
