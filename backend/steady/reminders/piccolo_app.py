"""Piccolo app for push subscriptions, reminder preferences and due reminders."""

from pathlib import Path

from piccolo.conf.apps import AppConfig

from steady.reminders.tables import PushSubscription, Reminder, ReminderPrefs, SentPush

APP_CONFIG = AppConfig(
    app_name="reminders",
    migrations_folder_path=str(Path(__file__).parent / "piccolo_migrations"),
    table_classes=[PushSubscription, ReminderPrefs, Reminder, SentPush],
    migration_dependencies=["steady.accounts.piccolo_app"],
)
