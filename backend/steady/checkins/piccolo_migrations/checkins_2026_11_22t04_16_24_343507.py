from piccolo.apps.migrations.auto.migration_manager import MigrationManager

from steady.db import create_index

ID = "2026-11-22T04:16:24:343507"
VERSION = "1.38.0"
DESCRIPTION = "Index the change feed by (account, revision)"


async def forwards() -> MigrationManager:
    manager = MigrationManager(migration_id=ID, app_name="checkins", description=DESCRIPTION)

    async def feed_indexes() -> None:
        await create_index("checkin", ["account", "revision"])
        await create_index("checkin", ["account", "recorded_at"])
        await create_index("checkin_tombstone", ["account", "revision"])

    manager.add_raw(feed_indexes)
    return manager
