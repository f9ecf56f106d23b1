"""What Steady's SQLite engine takes from Piccolo's internals, pinned: if a Piccolo upgrade
renames or reshapes any of it, this fails loudly instead of queries quietly going around the
shared connection (see ``steady/sqlite_engine.py``)."""

from __future__ import annotations

import inspect

import piccolo
from piccolo.engine.sqlite import SQLiteEngine, SQLiteTransaction

from steady.sqlite_engine import SerialSQLiteEngine, SerialSQLiteTransaction

PICCOLO_VERSION_CHECKED = "1.38.0"


def _parameters(function: object) -> list[str]:
    return list(inspect.signature(function).parameters)  # type: ignore[arg-type]


def test_piccolo_is_the_version_these_internals_were_read_from() -> None:
    assert piccolo.__VERSION__ == PICCOLO_VERSION_CHECKED, (
        "Piccolo changed: read piccolo/engine/sqlite.py again and check SerialSQLiteEngine"
    )


def test_the_query_paths_the_engine_overrides_still_exist_with_the_same_shape() -> None:
    expected = ["self", "query", "args", "query_type", "table"]
    assert _parameters(SQLiteEngine._run_in_new_connection) == expected
    assert _parameters(SQLiteEngine._run_in_existing_connection) == [
        "self",
        "connection",
        *expected[1:],
    ]
    # Piccolo's public entry points still go through them.
    source = inspect.getsource(SQLiteEngine.run_querystring)
    assert "_run_in_new_connection" in source and "_run_in_existing_connection" in source


def test_the_transaction_hooks_the_engine_relies_on_still_exist() -> None:
    source = inspect.getsource(SQLiteTransaction)
    for name in ("get_connection", "_parent", "_committed", "_rolled_back", "context"):
        assert name in source, name
    assert "current_transaction" in inspect.getsource(SQLiteEngine)
    assert issubclass(SerialSQLiteTransaction, SQLiteTransaction)
    assert issubclass(SerialSQLiteEngine, SQLiteEngine)


async def test_queries_inside_and_outside_a_transaction_use_the_one_connection(
    tmp_path: object,
) -> None:
    engine = SerialSQLiteEngine(str(tmp_path) + "/contract.db")  # type: ignore[operator]
    try:
        await engine.run_ddl("CREATE TABLE t (n INTEGER)")
        shared = engine.shared_connection()
        async with engine.transaction():
            await engine.run_ddl("INSERT INTO t VALUES (1)")
            assert engine.current_transaction.get() is not None
        assert engine.shared_connection() is shared
        rows = await engine.run_ddl("SELECT n FROM t")
        assert rows == [{"n": 1}]
    finally:
        await engine.close()
