from piccolo.apps.migrations.auto.migration_manager import MigrationManager

from steady.db import create_index

ID = "2026-11-22T06:18:40:000000"
VERSION = "1.38.0"
DESCRIPTION = "Index change feeds, and completions by commitment and day"


async def forwards() -> MigrationManager:
    manager = MigrationManager(migration_id=ID, app_name="commitments", description=DESCRIPTION)

    async def indexes() -> None:
        for table in ("commitment", "commitment_tombstone", "completion", "completion_tombstone"):
            await create_index(table, ["account", "revision"])
        await create_index("completion", ["account", "local_date"])
        await create_index("completion", ["commitment_id", "local_date"])

    manager.add_raw(indexes)
    return manager
