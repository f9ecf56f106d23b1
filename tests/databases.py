"""The PostgreSQL database API tests run on, when ``STEADY_TEST_DATABASE_URL`` names one.

Under pytest-xdist each worker gets a database of its own beside the one named (``test``
becomes ``test_gw0``, ``test_gw1``, ...), made on first use, so no worker empties another's
tables mid-test. Everything in these databases is wiped by the tests.
"""

from __future__ import annotations

import asyncio
import os
from urllib.parse import urlsplit, urlunsplit

import asyncpg

NAMED_URL = os.environ.get("STEADY_TEST_DATABASE_URL", "")


def _with_database(url: str, name: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=f"/{name}"))


def postgres_url() -> str:
    """This worker's database ("" when the tests run on SQLite only)."""
    worker = os.environ.get("PYTEST_XDIST_WORKER", "")
    if not NAMED_URL or not worker:
        return NAMED_URL
    return _with_database(NAMED_URL, f"{urlsplit(NAMED_URL).path.lstrip('/')}_{worker}")


async def _create(url: str) -> None:
    connection = await asyncpg.connect(NAMED_URL)
    try:
        # Two CREATE DATABASE at once fail ("template1 is being accessed by other users").
        await connection.execute("SELECT pg_advisory_lock(472062)")
        name = urlsplit(url).path.lstrip("/")
        exists = await connection.fetchval("SELECT 1 FROM pg_database WHERE datname = $1", name)
        if not exists:
            await connection.execute(f'CREATE DATABASE "{name}"')
    finally:
        await connection.close()


def make_sure_it_exists() -> None:
    """Create this worker's database if it isn't there yet."""
    url = postgres_url()
    if url and url != NAMED_URL:
        asyncio.run(_create(url))
