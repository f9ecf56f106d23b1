"""The few things that differ between SQLite and PostgreSQL, for queries that care."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from typing import Any

import asyncpg
from piccolo.columns import Column
from piccolo.columns.combination import WhereRaw
from piccolo.engine.base import Engine

from steady.db import current_engine


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


def from_json_column(raw: Any) -> Any:
    """A JSON column's value as Python (Piccolo hands it back as text)."""
    return json.loads(raw) if isinstance(raw, str) else raw
