"""What the server holds, read straight from its SQLite file (read-only)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any


class ServerDatabase:
    def __init__(self, path: Path) -> None:
        self.path = path

    def _rows(self, sql: str, *values: object) -> list[sqlite3.Row]:
        """One read-only query; rows can be read by column name or position."""
        with sqlite3.connect(f"file:{self.path}?mode=ro", uri=True) as connection:
            connection.row_factory = sqlite3.Row
            return list(connection.execute(sql, values).fetchall())

    def _mine(self, table: str, columns: str, username: str, rest: str = "") -> list[Any]:
        """``columns`` of one person's rows in ``table`` (aliased ``t``)."""
        return self._rows(
            f"SELECT {columns} FROM {table} t JOIN account a ON a.id = t.account"  # noqa: S608
            f" WHERE a.username = ? {rest}",
            username,
        )

    def count(self, table: str, username: str | None = None) -> int:
        if username is None:
            return int(self._rows(f"SELECT count(*) FROM {table}")[0][0])  # noqa: S608
        return int(self._mine(table, "count(*)", username)[0][0])

    def notes(self, table: str, username: str) -> list[str]:
        return [str(r[0]) for r in self._mine(table, "t.note", username, "ORDER BY t.recorded_at")]

    def toolkit(self, username: str) -> dict[str, object] | None:
        """The stored plan (version and decoded document), or None if never saved."""
        rows = self._mine("toolkit", "t.version, t.document", username)
        return {"version": int(rows[0][0]), **json.loads(rows[0][1])} if rows else None

    def grounding(self, username: str) -> list[tuple[str, int, bool]]:
        """(exercise, seconds, completed) for each recorded grounding session."""
        rows = self._mine(
            "grounding_session",
            "t.exercise_id, t.duration_seconds, t.completed",
            username,
            "ORDER BY t.ended_at",
        )
        return [(str(r[0]), int(r[1]), bool(r[2])) for r in rows]

    def ids(self, table: str, username: str) -> set[str]:
        """The ids of one person's rows in a table."""
        return {str(r[0]) for r in self._mine(table, "t.id", username)}

    def queued_notices(self, username: str, kind: str) -> list[tuple[str, str]]:
        """(about, title) of the pushes waiting for one person, as the server planned them."""
        rows = self._rows(
            "SELECT r.about, r.title FROM reminder r JOIN account a ON a.id = r.account"
            " WHERE a.username = ? AND r.kind = ? ORDER BY r.id",
            username,
            kind,
        )
        return [(str(r[0]), str(r[1])) for r in rows]

    def snoozed(self, username: str) -> list[str]:
        """The kinds of one person's snoozed reminders (one-offs planned by "Snooze")."""
        return [
            str(r[0])
            for r in self._mine("reminder", "t.kind", username, "AND t.cadence = 'snooze'")
        ]

    def checkins(self, username: str) -> list[dict[str, object]]:
        """One person's stored check-ins (scales, context, tags, note, setting down)."""
        columns = (
            "t.id, t.mood, t.energy, t.stress, t.connected, t.context, t.tags, t.note,"
            " t.setting_down"
        )
        return [dict(r) for r in self._mine("checkin", columns, username, "ORDER BY t.recorded_at")]

    def shifts(self, username: str) -> list[tuple[str, str, str | None]]:
        """(id, started, ended) of one person's shifts, oldest first, as stored."""
        rows = self._mine(
            "shift", "t.uid, t.started_at, t.ended_at", username, "ORDER BY t.started_at"
        )
        return [(str(r[0]), str(r[1]), None if r[2] is None else str(r[2])) for r in rows]

    def circle_posts(self, username: str, kind: str) -> int:
        """How many posts of one kind one person has in circles."""
        rows = self._rows(
            "SELECT count(*) FROM circle_post p JOIN account a ON a.id = p.author"
            " WHERE a.username = ? AND p.kind = ?",
            username,
            kind,
        )
        return int(rows[0][0])

    def login_kind(self, username: str) -> str:
        """How the account signs in: "passphrase" (before sealing) or "login_key"."""
        return str(self._rows("SELECT login_kind FROM account WHERE username = ?", username)[0][0])

    def key_bundle(self, username: str) -> dict[str, str] | None:
        """The key bundle the server holds for one person, if any."""
        rows = self._mine("key_bundle", "t.*", username)
        return {key: str(rows[0][key]) for key in rows[0].keys()}  # noqa: SIM118 - sqlite3.Row iterates values if rows else None
