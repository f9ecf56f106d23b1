"""Index due reminders, each person's reminders and pushes, and subscriptions. Frozen: the SQL it ran, importing nothing from Steady."""

from piccolo.apps.migrations.auto.migration_manager import MigrationManager
from piccolo.engine.finder import engine_finder

ID = "2026-11-22T07:23:20:000000"
VERSION = "1.38.0"
DESCRIPTION = "Index due reminders, each person's reminders and pushes, and subscriptions"

STATEMENTS = [
    "CREATE INDEX IF NOT EXISTS reminder_due_at_idx ON reminder (due_at)",
    "CREATE INDEX IF NOT EXISTS reminder_account_kind_idx ON reminder (account, kind)",
    "CREATE INDEX IF NOT EXISTS reminder_about_idx ON reminder (about)",
    "CREATE INDEX IF NOT EXISTS sent_push_account_local_date_idx ON sent_push (account, local_date)",
    "CREATE INDEX IF NOT EXISTS sent_push_account_sent_at_idx ON sent_push (account, sent_at)",
    "CREATE INDEX IF NOT EXISTS push_subscription_account_idx ON push_subscription (account)",
    "CREATE INDEX IF NOT EXISTS shift_account_started_at_idx ON shift (account, started_at)",
]


async def forwards() -> MigrationManager:
    manager = MigrationManager(migration_id=ID, app_name="reminders", description=DESCRIPTION)

    async def run() -> None:
        engine = engine_finder()
        assert engine is not None
        for statement in STATEMENTS:
            await engine.run_ddl(statement)

    manager.add_raw(run)
    return manager
