from piccolo.apps.migrations.auto.migration_manager import MigrationManager

from steady.db import create_index

ID = "2026-11-22T04:48:30:000000"
VERSION = "1.38.0"
DESCRIPTION = "Index the change feed by (account, revision) and summaries by (account, ended_at)"


async def forwards() -> MigrationManager:
    manager = MigrationManager(migration_id=ID, app_name="grounding", description=DESCRIPTION)

    async def feed_indexes() -> None:
        await create_index("grounding_session", ["account", "revision"])
        await create_index("grounding_session", ["account", "ended_at"])
        await create_index("grounding_session_tombstone", ["account", "revision"])

    manager.add_raw(feed_indexes)
    return manager
