"""Searching a whole database for words that must not be in it: every text (and JSON and
blob) column of every table, for the words raw, in hex and in base64 at each alignment. A
search for something that must be found (a username) keeps it from passing vacuously."""

from __future__ import annotations

import base64

from piccolo.engine.base import Engine

from steady import dialect


def at_rest_forms(canary: str) -> list[str]:
    """The canary raw, in hex, and in base64 at each byte alignment (only the characters
    that don't depend on what comes before or after it)."""
    raw = canary.encode()
    forms = [canary, raw.hex(), raw.hex().upper()]
    for pad in range(3):
        for encode in (base64.b64encode, base64.urlsafe_b64encode):
            encoded = encode(b"\0" * pad + raw).decode()
            forms.append(encoded[(pad * 4 + 2) // 3 + 1 : -3])
    return forms


async def _text_columns(engine: Engine) -> list[tuple[str, str]]:
    if dialect.is_postgres(engine):
        rows = await engine.run_ddl(
            "SELECT table_name, column_name FROM information_schema.columns"
            " WHERE table_schema = 'public' AND data_type IN"
            " ('text', 'character varying', 'json', 'jsonb', 'bytea')"
        )
        return [(row["table_name"], row["column_name"]) for row in rows]
    tables = await engine.run_ddl("SELECT name FROM sqlite_master WHERE type = 'table'")
    found = []
    for table in tables:
        for column in await engine.run_ddl(f"PRAGMA table_info('{table['name']}')"):
            found.append((table["name"], column["name"]))  # SQLite: any column may hold text
    return found


async def places_holding(engine: Engine, canary: str) -> list[str]:
    """Every table.column holding the canary in any of its at-rest forms."""
    cast = "::text" if dialect.is_postgres(engine) else ""
    places = []
    for table, column in await _text_columns(engine):
        for form in at_rest_forms(canary):
            rows = await engine.run_ddl(
                f'SELECT count(*) AS n FROM "{table}" WHERE "{column}"{cast} LIKE '  # noqa: S608
                f"'%{form}%'"
            )
            if rows[0]["n"]:
                places.append(f"{table}.{column}")
    return places
