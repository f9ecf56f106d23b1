"""One membership per person per circle, one post of each kind per member per round, one
case per round, one number per round, as unique indexes; and the indexes the round clock
reads by.

Frozen: the SQL it ran (the same on SQLite and PostgreSQL), importing nothing from Steady.
"""

from piccolo.apps.migrations.auto.migration_manager import MigrationManager
from piccolo.engine.finder import engine_finder

ID = "2026-11-28T05:20:00:000000"
VERSION = "1.38.0"
DESCRIPTION = "Circles: unique memberships, posts and rounds"

STATEMENTS = [
    "CREATE UNIQUE INDEX IF NOT EXISTS circle_member_once ON circle_member (circle, account)",
    "CREATE UNIQUE INDEX IF NOT EXISTS circle_post_one_kind ON circle_post (round, author, kind)",
    "CREATE UNIQUE INDEX IF NOT EXISTS circle_post_one_case ON circle_post (round)"
    " WHERE kind = 'case'",
    "CREATE UNIQUE INDEX IF NOT EXISTS circle_round_number ON circle_round (circle, number)",
    "CREATE INDEX IF NOT EXISTS circle_round_open ON circle_round (closes_at)"
    " WHERE closed_at IS NULL",
    "CREATE INDEX IF NOT EXISTS circle_round_purge ON circle_round (purge_at) WHERE purged = false",
    "CREATE INDEX IF NOT EXISTS circle_next_opening ON circle (next_opens_at)",
]


async def forwards() -> MigrationManager:
    manager = MigrationManager(migration_id=ID, app_name="circles", description=DESCRIPTION)

    async def unique_indexes() -> None:
        engine = engine_finder()
        assert engine is not None
        for statement in STATEMENTS:
            await engine.run_ddl(statement)

    manager.add_raw(unique_indexes)
    return manager
