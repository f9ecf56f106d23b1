"""What the server holds, read straight from its SQLite file (read-only)."""

from __future__ import annotations

import sqlite3
from pathlib import Path


class ServerDatabase:
    def __init__(self, path: Path) -> None:
        self.path = path

    def count(self, table: str, username: str | None = None) -> int:
        with sqlite3.connect(f"file:{self.path}?mode=ro", uri=True) as connection:
            if username is None:
                row = connection.execute(f"SELECT count(*) FROM {table}").fetchone()  # noqa: S608
            else:
                row = connection.execute(
                    f"SELECT count(*) FROM {table} t JOIN account a ON a.id = t.account"  # noqa: S608
                    " WHERE a.username = ?",
                    (username,),
                ).fetchone()
        return int(row[0])

    def notes(self, table: str, username: str) -> list[str]:
        with sqlite3.connect(f"file:{self.path}?mode=ro", uri=True) as connection:
            rows = connection.execute(
                f"SELECT t.note FROM {table} t JOIN account a ON a.id = t.account"  # noqa: S608
                " WHERE a.username = ? ORDER BY t.recorded_at",
                (username,),
            ).fetchall()
        return [str(row[0]) for row in rows]

    def toolkit(self, username: str) -> dict[str, object] | None:
        """The stored plan (version and decoded document), or None if never saved."""
        import json

        with sqlite3.connect(f"file:{self.path}?mode=ro", uri=True) as connection:
            row = connection.execute(
                "SELECT t.version, t.document FROM toolkit t JOIN account a ON a.id = t.account"
                " WHERE a.username = ?",
                (username,),
            ).fetchone()
        if row is None:
            return None
        return {"version": int(row[0]), **json.loads(row[1])}

    def grounding(self, username: str) -> list[tuple[str, int, bool]]:
        """(exercise, seconds, completed) for each recorded grounding session."""
        with sqlite3.connect(f"file:{self.path}?mode=ro", uri=True) as connection:
            rows = connection.execute(
                "SELECT g.exercise_id, g.duration_seconds, g.completed FROM grounding_session g"
                " JOIN account a ON a.id = g.account WHERE a.username = ? ORDER BY g.ended_at",
                (username,),
            ).fetchall()
        return [(str(r[0]), int(r[1]), bool(r[2])) for r in rows]

    def ids(self, table: str, username: str) -> set[str]:
        """The ids of one person's rows in a table."""
        with sqlite3.connect(f"file:{self.path}?mode=ro", uri=True) as connection:
            rows = connection.execute(
                f"SELECT t.id FROM {table} t JOIN account a ON a.id = t.account"  # noqa: S608
                " WHERE a.username = ?",
                (username,),
            ).fetchall()
        return {str(row[0]) for row in rows}

    def queued_notices(self, username: str, kind: str) -> list[tuple[str, str]]:
        """(about, title) of the pushes waiting for one person, as the server planned them."""
        with sqlite3.connect(f"file:{self.path}?mode=ro", uri=True) as connection:
            rows = connection.execute(
                "SELECT r.about, r.title FROM reminder r JOIN account a ON a.id = r.account"
                " WHERE a.username = ? AND r.kind = ? ORDER BY r.id",
                (username, kind),
            ).fetchall()
        return [(str(r[0]), str(r[1])) for r in rows]

    def checkins(self, username: str) -> list[dict[str, object]]:
        """One person's stored check-ins (scales, context, tags, note, setting down)."""
        with sqlite3.connect(f"file:{self.path}?mode=ro", uri=True) as connection:
            connection.row_factory = sqlite3.Row
            rows = connection.execute(
                "SELECT c.id, c.mood, c.energy, c.stress, c.connected, c.context, c.tags,"
                " c.note, c.setting_down FROM checkin c JOIN account a ON a.id = c.account"
                " WHERE a.username = ? ORDER BY c.recorded_at",
                (username,),
            ).fetchall()
        return [dict(row) for row in rows]

    def shifts(self, username: str) -> list[tuple[str, str, str | None]]:
        """(id, started, ended) of one person's shifts, oldest first, as stored."""
        with sqlite3.connect(f"file:{self.path}?mode=ro", uri=True) as connection:
            rows = connection.execute(
                "SELECT s.uid, s.started_at, s.ended_at FROM shift s"
                " JOIN account a ON a.id = s.account WHERE a.username = ? ORDER BY s.started_at",
                (username,),
            ).fetchall()
        return [(str(r[0]), str(r[1]), None if r[2] is None else str(r[2])) for r in rows]
