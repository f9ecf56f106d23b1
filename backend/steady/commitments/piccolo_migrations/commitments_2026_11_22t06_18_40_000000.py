"""Index change feeds, and completions by commitment and day. Frozen: the SQL it ran, importing nothing from Steady."""

from piccolo.apps.migrations.auto.migration_manager import MigrationManager
from piccolo.engine.finder import engine_finder

ID = "2026-11-22T06:18:40:000000"
VERSION = "1.38.0"
DESCRIPTION = "Index change feeds, and completions by commitment and day"

STATEMENTS = [
    "CREATE INDEX IF NOT EXISTS commitment_account_revision_idx ON commitment (account, revision)",
    "CREATE INDEX IF NOT EXISTS commitment_tombstone_account_revision_idx ON commitment_tombstone (account, revision)",
    "CREATE INDEX IF NOT EXISTS completion_account_revision_idx ON completion (account, revision)",
    "CREATE INDEX IF NOT EXISTS completion_tombstone_account_revision_idx ON completion_tombstone (account, revision)",
    "CREATE INDEX IF NOT EXISTS completion_account_local_date_idx ON completion (account, local_date)",
    "CREATE INDEX IF NOT EXISTS completion_commitment_id_local_date_idx ON completion (commitment_id, local_date)",
]


async def forwards() -> MigrationManager:
    manager = MigrationManager(migration_id=ID, app_name="commitments", description=DESCRIPTION)

    async def run() -> None:
        engine = engine_finder()
        assert engine is not None
        for statement in STATEMENTS:
            await engine.run_ddl(statement)

    manager.add_raw(run)
    return manager
