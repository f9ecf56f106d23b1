"""One circle key per epoch per circle, as a unique index (the server's compare-and-set
on ``circle.epoch`` relies on it too).

Frozen: the SQL it ran (the same on SQLite and PostgreSQL), importing nothing from Steady.
"""

from piccolo.apps.migrations.auto.migration_manager import MigrationManager
from piccolo.engine.finder import engine_finder

ID = "2026-11-28T11:00:00:000000"
VERSION = "1.38.0"
DESCRIPTION = "Circles: one key per epoch"

STATEMENT = "CREATE UNIQUE INDEX IF NOT EXISTS circle_epoch_once ON circle_epoch (circle, epoch)"


async def forwards() -> MigrationManager:
    manager = MigrationManager(migration_id=ID, app_name="circles", description=DESCRIPTION)

    async def unique_index() -> None:
        engine = engine_finder()
        assert engine is not None
        await engine.run_ddl(STATEMENT)

    manager.add_raw(unique_index)
    return manager
