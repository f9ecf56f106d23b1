"""Index the change feed. Frozen: the SQL it ran, importing nothing from Steady."""

from piccolo.apps.migrations.auto.migration_manager import MigrationManager
from piccolo.engine.finder import engine_finder

ID = "2026-11-22T04:16:24:343507"
VERSION = "1.38.0"
DESCRIPTION = "Index the change feed by (account, revision)"

STATEMENTS = [
    "CREATE INDEX IF NOT EXISTS checkin_account_revision_idx ON checkin (account, revision)",
    "CREATE INDEX IF NOT EXISTS checkin_account_recorded_at_idx ON checkin (account, recorded_at)",
    "CREATE INDEX IF NOT EXISTS checkin_tombstone_account_revision_idx ON checkin_tombstone (account, revision)",
]


async def forwards() -> MigrationManager:
    manager = MigrationManager(migration_id=ID, app_name="checkins", description=DESCRIPTION)

    async def run() -> None:
        engine = engine_finder()
        assert engine is not None
        for statement in STATEMENTS:
            await engine.run_ddl(statement)

    manager.add_raw(run)
    return manager
