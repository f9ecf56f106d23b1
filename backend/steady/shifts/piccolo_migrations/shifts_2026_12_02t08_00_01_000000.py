"""The shift table, in shifts' own schema: made here, with its indexes, on a database
that has none; left as it is, rows and all, where reminders' earlier migrations made it
(on every database so far, as those run first).

Frozen: the columns and the SQL as they were, importing nothing from Steady.
"""

from piccolo.apps.migrations.auto.migration_manager import MigrationManager
from piccolo.columns.base import OnDelete, OnUpdate
from piccolo.columns.column_types import UUID, ForeignKey, Serial, Timestamptz
from piccolo.columns.defaults.timestamptz import TimestamptzNow
from piccolo.engine.finder import engine_finder
from piccolo.table import Table

ID = "2026-12-02T08:00:01:000000"
VERSION = "1.38.0"
DESCRIPTION = "Shifts: the shift table (made unless it is there)"

POSTGRES_FOUND = (
    "SELECT 1 AS found FROM information_schema.tables"
    " WHERE table_schema = current_schema() AND table_name = 'shift'"
)
SQLITE_FOUND = "SELECT 1 AS found FROM sqlite_master WHERE type = 'table' AND name = 'shift'"
INDEXES = [
    "CREATE INDEX IF NOT EXISTS shift_account_started_at_idx ON shift (account, started_at)",
    "CREATE UNIQUE INDEX IF NOT EXISTS shift_uid_key ON shift (uid)",
]


class Account(Table, tablename="account", schema=None):
    id = Serial(primary_key=True)


class MadeUnlessThere(MigrationManager):
    """Makes the table, then its indexes, in one transaction, only where there is no shift
    table yet (reminders' migrations made it with the same indexes)."""

    async def run(self, backwards: bool = False) -> None:
        engine = engine_finder()
        assert engine is not None
        found = POSTGRES_FOUND if engine.engine_type == "postgres" else SQLITE_FOUND
        async with engine.transaction():
            if not backwards and await engine.run_ddl(found):
                return
            await super().run(backwards)
            if not backwards:
                for statement in INDEXES:
                    await engine.run_ddl(statement)


async def forwards() -> MigrationManager:
    manager = MadeUnlessThere(migration_id=ID, app_name="shifts", description=DESCRIPTION)
    manager.add_table(class_name="Shift", tablename="shift", schema=None, columns=None)
    columns = {
        "id": (Serial, {"primary_key": True}),
        "uid": (UUID, {"default": None, "null": True}),
        "account": (
            ForeignKey,
            {
                "references": Account,
                "on_delete": OnDelete.cascade,
                "on_update": OnUpdate.cascade,
                "null": False,
            },
        ),
        "started_at": (Timestamptz, {"default": TimestamptzNow()}),
        "ended_at": (Timestamptz, {"default": None, "null": True}),
    }
    for name, (column_class, params) in columns.items():
        manager.add_column(
            table_class_name="Shift",
            tablename="shift",
            column_name=name,
            db_column_name=name,
            column_class_name=column_class.__name__,
            column_class=column_class,
            params=params,
            schema=None,
        )
    return manager
