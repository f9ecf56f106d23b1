"""Database engines, the active-engine switch and migrations.

SQLite is the embedded default: Piccolo's own ``SQLiteEngine`` opens a fresh connection
(and thread) per query, which caps writes near 500/s with second-long tails, so Steady
keeps one long-lived connection in WAL mode, runs its statements inline, and takes turns.
PostgreSQL uses Piccolo's engine with a connection pool. Nothing here knows about features:
tables are rebound by walking ``Table`` subclasses; migrations come from the app registry.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import sqlite3
from collections.abc import AsyncIterator, Iterable, Sequence
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

import asyncpg
from piccolo.columns import Column
from piccolo.columns.combination import WhereRaw
from piccolo.engine.base import Engine
from piccolo.engine.postgres import PostgresEngine
from piccolo.engine.sqlite import SQLiteEngine, SQLiteTransaction, TransactionType, dict_factory
from piccolo.table import Table

os.environ.setdefault("PICCOLO_CONF", "steady.piccolo_conf")

SQLITE_PRAGMAS = (
    "PRAGMA journal_mode = WAL",
    "PRAGMA synchronous = NORMAL",
    "PRAGMA foreign_keys = ON",
    "PRAGMA busy_timeout = 30000",
    # Checkpoints (and their fsync) run in a worker thread instead; see ``checkpoints``.
    "PRAGMA wal_autocheckpoint = 0",
)
CHECKPOINT_SECONDS = 2.0

_active: Engine[Any] | None = None


class InlineConnection:
    """A sqlite3 connection used directly on the event loop.

    An indexed statement takes microseconds; handing each one to a worker thread (as
    aiosqlite does) cost several times the work itself, and a write makes several. The
    methods are async only to match what Piccolo's transactions await.
    """

    def __init__(self, path: str) -> None:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(
            path,
            detect_types=sqlite3.PARSE_DECLTYPES | sqlite3.PARSE_COLNAMES,
            isolation_level=None,
            check_same_thread=False,
        )
        self._db.row_factory = dict_factory
        for pragma in SQLITE_PRAGMAS:
            self._db.execute(pragma)

    async def execute(self, sql: str, parameters: Sequence[Any] = ()) -> None:
        self._db.execute(sql, parameters)

    async def execute_fetchall(self, sql: str, parameters: Sequence[Any] = ()) -> list[Any]:
        return self._db.execute(sql, parameters).fetchall()

    async def close(self) -> None:
        self._db.close()


class SerialSQLiteEngine(SQLiteEngine):
    """A SQLite engine with one long-lived connection (WAL), used inline and in turn.

    The lock gives a transaction the connection until it commits, so no other query can
    slip into it; outside transactions, each query takes the lock for its own moment.
    """

    def __init__(self, path: str) -> None:
        super().__init__(path=path, timeout=30)
        self._shared: InlineConnection | None = None
        self._lock = asyncio.Lock()
        self._checkpointer: asyncio.Task[None] | None = None

    def start_checkpoints(self) -> None:
        """Copy the WAL into the database every few seconds, off the event loop.

        SQLite's automatic checkpoint runs inside a commit and fsyncs; on the event loop
        that stalled every request behind it (a p99 of a quarter second under load).
        """
        if self._checkpointer is None:
            self._checkpointer = asyncio.get_running_loop().create_task(self._checkpoints())

    async def _checkpoints(self) -> None:
        checkpoint = sqlite3.connect(self.path, check_same_thread=False)
        try:
            while True:
                await asyncio.sleep(CHECKPOINT_SECONDS)
                await asyncio.to_thread(checkpoint.execute, "PRAGMA wal_checkpoint(PASSIVE)")
        finally:
            checkpoint.close()

    def shared_connection(self) -> InlineConnection:
        """The long-lived connection, opened (with WAL and pragmas) on first use."""
        if self._shared is None:
            self._shared = InlineConnection(self.path)
        return self._shared

    async def _run_in_new_connection(
        self,
        query: str,
        args: list[Any] | None = None,
        query_type: str = "generic",
        table: type[Table] | None = None,
    ) -> Any:
        async with self._lock:
            return await self._run_in_existing_connection(
                self.shared_connection(), query, args=args, query_type=query_type, table=table
            )

    async def _run_in_existing_connection(
        self,
        connection: InlineConnection,
        query: str,
        args: list[Any] | None = None,
        query_type: str = "generic",
        table: type[Table] | None = None,
    ) -> Any:
        return await connection.execute_fetchall(query, args or [])

    def transaction(
        self,
        transaction_type: TransactionType = TransactionType.deferred,
        allow_nested: bool = True,
    ) -> SerialSQLiteTransaction:
        return SerialSQLiteTransaction(
            engine=self, transaction_type=transaction_type, allow_nested=allow_nested
        )

    async def acquire(self) -> InlineConnection:
        """Take exclusive use of the shared connection (released by ``release``)."""
        await self._lock.acquire()
        try:
            return self.shared_connection()
        except BaseException:
            self._lock.release()
            raise

    def release(self) -> None:
        """Give the shared connection back to other queries."""
        self._lock.release()

    async def close(self) -> None:
        """Close the shared connection so the process can exit cleanly."""
        if self._checkpointer is not None:
            self._checkpointer.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._checkpointer
            self._checkpointer = None
        async with self._lock:
            if self._shared is not None:
                await self._shared.close()
                self._shared = None


class SerialSQLiteTransaction(SQLiteTransaction):
    """A transaction that holds the shared connection until it commits or rolls back."""

    def __init__(self, engine: SerialSQLiteEngine, **kwargs: Any) -> None:
        super().__init__(engine=engine, **kwargs)
        self.serial_engine = engine

    async def get_connection(self) -> InlineConnection:
        return await self.serial_engine.acquire()

    async def __aexit__(self, exception_type: Any, exception: Any, traceback: Any) -> bool:
        if self._parent:
            return exception is None
        engine = self.serial_engine
        try:
            if exception:
                if not self._rolled_back:
                    await self.connection.execute("ROLLBACK")
            elif not self._committed and not self._rolled_back:
                await self.connection.execute("COMMIT")
        finally:
            engine.release()
            engine.current_transaction.reset(self.context)
        return exception is None


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


def is_unique_violation(error: BaseException) -> bool:
    """Whether a failed write collided with a unique constraint, on either engine."""
    if isinstance(error, sqlite3.IntegrityError):
        return "UNIQUE" in str(error)
    return isinstance(error, asyncpg.UniqueViolationError)


def is_postgres(engine: Engine[Any]) -> bool:
    """Whether the engine speaks PostgreSQL (for the few queries that differ by dialect)."""
    return bool(engine.engine_type == "postgres")


def one_of(column: Column, ids: Iterable[int]) -> WhereRaw:
    """``column IN ids`` with every id in one parameter.

    Piccolo's ``is_in`` inspects and binds each value on its own, which for a batch of a
    few hundred ids cost more than running the query (Piccolo's own warning says to bypass
    it for large lists). PostgreSQL takes an array; SQLite reads a JSON list.
    """
    name = f'"{column._meta.db_column_name}"'
    values = [int(value) for value in ids]
    if is_postgres(current_engine()):
        return WhereRaw(f"{name} = ANY({{}}::bigint[])", values)
    # Only the column name (from the table definition) is formatted in; ids are a parameter.
    return WhereRaw(f"{name} IN (SELECT value FROM json_each({{}}))", json.dumps(values))  # noqa: S608


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


async def create_index(table: str, columns: Sequence[str], *, unique: bool = False) -> None:
    """Add a (composite) index from a migration; Piccolo columns only index one column."""
    name = f"{table}_{'_'.join(columns)}_{'key' if unique else 'idx'}"
    kind = "UNIQUE INDEX" if unique else "INDEX"
    await current_engine().run_ddl(
        f"CREATE {kind} IF NOT EXISTS {name} ON {table} ({', '.join(columns)})"
    )


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
