"""Index the change feed and summaries. Frozen: the SQL it ran, importing nothing from Steady."""

from piccolo.apps.migrations.auto.migration_manager import MigrationManager
from piccolo.engine.finder import engine_finder

ID = "2026-11-22T04:48:30:000000"
VERSION = "1.38.0"
DESCRIPTION = "Index the change feed by (account, revision) and summaries by (account, ended_at)"

STATEMENTS = [
    "CREATE INDEX IF NOT EXISTS grounding_session_account_revision_idx ON grounding_session (account, revision)",
    "CREATE INDEX IF NOT EXISTS grounding_session_account_ended_at_idx ON grounding_session (account, ended_at)",
    "CREATE INDEX IF NOT EXISTS grounding_session_tombstone_account_revision_idx ON grounding_session_tombstone (account, revision)",
]


async def forwards() -> MigrationManager:
    manager = MigrationManager(migration_id=ID, app_name="grounding", description=DESCRIPTION)

    async def run() -> None:
        engine = engine_finder()
        assert engine is not None
        for statement in STATEMENTS:
            await engine.run_ddl(statement)

    manager.add_raw(run)
    return manager
