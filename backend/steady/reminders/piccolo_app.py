"""Piccolo app for push subscriptions, reminder preferences, shifts and due reminders."""

from pathlib import Path

from piccolo.conf.apps import AppConfig

from steady.reminders.tables import PushSubscription, Reminder, ReminderPrefs, SentPush, Shift

APP_CONFIG = AppConfig(
    app_name="reminders",
    migrations_folder_path=str(Path(__file__).parent / "piccolo_migrations"),
    table_classes=[PushSubscription, ReminderPrefs, Shift, Reminder, SentPush],
    migration_dependencies=["steady.accounts.piccolo_app"],
)
