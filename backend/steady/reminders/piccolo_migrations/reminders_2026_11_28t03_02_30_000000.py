"""Earlier shifts get an id of their own, and ids are unique. Frozen: the SQL it ran on
each database, importing nothing from Steady."""

from piccolo.apps.migrations.auto.migration_manager import MigrationManager
from piccolo.engine.finder import engine_finder

ID = "2026-11-28T03:02:30:000000"
VERSION = "1.38.0"
DESCRIPTION = "Ids for earlier shifts; one shift per id"

POSTGRES_FILL = "UPDATE shift SET uid = gen_random_uuid() WHERE uid IS NULL"
# A random version-4 UUID as text, the way Piccolo stores UUIDs in SQLite.
SQLITE_FILL = """UPDATE shift SET uid = lower(
    hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2)
    || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2)
    || '-' || hex(randomblob(6))) WHERE uid IS NULL"""
UNIQUE = "CREATE UNIQUE INDEX IF NOT EXISTS shift_uid_key ON shift (uid)"


async def forwards() -> MigrationManager:
    manager = MigrationManager(migration_id=ID, app_name="reminders", description=DESCRIPTION)

    async def fill_and_index() -> None:
        engine = engine_finder()
        assert engine is not None
        postgres = engine.engine_type == "postgres"
        await engine.run_ddl(POSTGRES_FILL if postgres else SQLITE_FILL)
        await engine.run_ddl(UNIQUE)

    manager.add_raw(fill_and_index)
    return manager
