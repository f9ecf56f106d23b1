from piccolo.apps.migrations.auto.migration_manager import MigrationManager

from steady.db import create_index

ID = "2026-11-22T07:23:20:000000"
VERSION = "1.38.0"
DESCRIPTION = "Index due reminders, each person's reminders and pushes, and subscriptions"


async def forwards() -> MigrationManager:
    manager = MigrationManager(migration_id=ID, app_name="reminders", description=DESCRIPTION)

    async def indexes() -> None:
        await create_index("reminder", ["due_at"])
        await create_index("reminder", ["account", "kind"])
        await create_index("reminder", ["about"])
        await create_index("sent_push", ["account", "local_date"])
        await create_index("sent_push", ["account", "sent_at"])
        await create_index("push_subscription", ["account"])
        await create_index("shift", ["account", "started_at"])

    manager.add_raw(indexes)
    return manager
