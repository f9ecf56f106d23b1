from piccolo.apps.migrations.auto.migration_manager import MigrationManager

from steady.db import create_index, current_engine, is_postgres

ID = "2026-11-22T06:16:10:000000"
VERSION = "1.38.0"
DESCRIPTION = "Give earlier check-ins their day; index days and marks for insights"


async def forwards() -> MigrationManager:
    manager = MigrationManager(migration_id=ID, app_name="checkins", description=DESCRIPTION)

    async def days_and_indexes() -> None:
        engine = current_engine()
        day = "CAST(recorded_at AS DATE)" if is_postgres(engine) else "date(recorded_at)"
        await engine.run_ddl(f"UPDATE checkin SET local_date = {day}")  # noqa: S608
        await create_index("checkin", ["account", "local_date"])
        await create_index("checkin_mark", ["account", "kind", "local_date"])
        await create_index("checkin_mark", ["checkin"])

    manager.add_raw(days_and_indexes)
    return manager
