"""Piccolo app for tapped shifts.

The ``shift`` table began in reminders' migrations, which still make it on a new
database; shifts' own migrations run after them and adopt it (see the first one).
"""

from pathlib import Path

from piccolo.conf.apps import AppConfig

from steady.shifts.tables import Shift

APP_CONFIG = AppConfig(
    app_name="shifts",
    migrations_folder_path=str(Path(__file__).parent / "piccolo_migrations"),
    table_classes=[Shift],
    migration_dependencies=["steady.accounts.piccolo_app", "steady.reminders.piccolo_app"],
)
