"""The shift table moves to the shifts feature: it leaves reminders' schema and stays in
the database, rows and all (shifts' first migration adopts it).

Faked: recorded as run without running, so nothing is dropped; only the schema Piccolo
reads from reminders' migrations loses the table. Importing nothing from Steady.
"""

from piccolo.apps.migrations.auto.migration_manager import MigrationManager

ID = "2026-12-02T08:00:00:000000"
VERSION = "1.38.0"
DESCRIPTION = "Shifts move to their own feature (the table stays)"


async def forwards() -> MigrationManager:
    manager = MigrationManager(
        migration_id=ID, app_name="reminders", description=DESCRIPTION, fake=True
    )
    manager.drop_table(class_name="Shift", tablename="shift", schema=None)
    return manager
