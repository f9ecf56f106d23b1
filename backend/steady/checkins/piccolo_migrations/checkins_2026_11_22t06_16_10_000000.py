"""Earlier check-ins get their day; days and marks indexed for insights. Frozen: the SQL it ran, importing nothing from Steady."""

from piccolo.apps.migrations.auto.migration_manager import MigrationManager
from piccolo.engine.finder import engine_finder

ID = "2026-11-22T06:16:10:000000"
VERSION = "1.38.0"
DESCRIPTION = "Give earlier check-ins their day; index days and marks for insights"

POSTGRES_DAY = "CAST(recorded_at AS DATE)"
SQLITE_DAY = "date(recorded_at)"
STATEMENTS = [
    "CREATE INDEX IF NOT EXISTS checkin_account_local_date_idx ON checkin (account, local_date)",
    "CREATE INDEX IF NOT EXISTS checkin_mark_account_kind_local_date_idx ON checkin_mark (account, kind, local_date)",
    "CREATE INDEX IF NOT EXISTS checkin_mark_checkin_idx ON checkin_mark (checkin)",
]


async def forwards() -> MigrationManager:
    manager = MigrationManager(migration_id=ID, app_name="checkins", description=DESCRIPTION)

    async def run() -> None:
        engine = engine_finder()
        assert engine is not None
        day = POSTGRES_DAY if engine.engine_type == "postgres" else SQLITE_DAY
        await engine.run_ddl(f"UPDATE checkin SET local_date = {day}")  # noqa: S608
        for statement in STATEMENTS:
            await engine.run_ddl(statement)

    manager.add_raw(run)
    return manager
