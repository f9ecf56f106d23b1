"""SQLite, the embedded default: one long-lived connection in WAL mode, used in turn.

Piccolo's own ``SQLiteEngine`` opens a fresh connection (and thread) per query, which caps
writes near 500/s with second-long tails; this engine keeps one connection, runs its
statements inline on the event loop, and lets one transaction have it at a time.

It leans on three of Piccolo's internals, pinned by ``tests/platform/test_piccolo_contract.py``
so an upgrade that moves them fails loudly: ``SQLiteEngine._run_in_new_connection`` and
``_run_in_existing_connection`` (where queries outside and inside a transaction run), and
``SQLiteTransaction`` (``get_connection``, ``_parent``, ``_committed``, ``_rolled_back``,
``context`` and the engine's ``current_transaction``).
"""

from __future__ import annotations

import asyncio
import contextlib
import sqlite3
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from piccolo.engine.sqlite import SQLiteEngine, SQLiteTransaction, TransactionType, dict_factory
from piccolo.table import Table

SQLITE_PRAGMAS = (
    "PRAGMA journal_mode = WAL",
    "PRAGMA synchronous = NORMAL",
    "PRAGMA foreign_keys = ON",
    "PRAGMA busy_timeout = 30000",
    # Checkpoints (and their fsync) run in a worker thread instead; see ``checkpoints``.
    "PRAGMA wal_autocheckpoint = 0",
)
CHECKPOINT_SECONDS = 2.0


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
        running: asyncio.Future[sqlite3.Cursor] | None = None
        try:
            while True:
                await asyncio.sleep(CHECKPOINT_SECONDS)
                running = asyncio.ensure_future(
                    asyncio.to_thread(checkpoint.execute, "PRAGMA wal_checkpoint(PASSIVE)")
                )
                await asyncio.shield(running)
        finally:
            # Cancelling stops the waiting, not the thread: closing the connection while a
            # checkpoint still runs on it in that thread crashed the process (a segfault
            # seen twice in CI). Let the checkpoint finish first.
            if running is not None:
                await asyncio.wait([running])
                if not running.cancelled():
                    running.exception()  # seen: a checkpoint failing at shutdown is no news
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
