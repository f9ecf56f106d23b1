"""Piccolo app for check-ins."""

from pathlib import Path

from piccolo.conf.apps import AppConfig

from steady.checkins.tables import Checkin, CheckinMark, CheckinTombstone

APP_CONFIG = AppConfig(
    app_name="checkins",
    migrations_folder_path=str(Path(__file__).parent / "piccolo_migrations"),
    table_classes=[Checkin, CheckinTombstone, CheckinMark],
    migration_dependencies=["steady.accounts.piccolo_app"],
)
