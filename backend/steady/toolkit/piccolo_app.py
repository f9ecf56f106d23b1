"""Piccolo app for the crisis toolkit."""

from pathlib import Path

from piccolo.conf.apps import AppConfig

from steady.toolkit.tables import Toolkit

APP_CONFIG = AppConfig(
    app_name="toolkit",
    migrations_folder_path=str(Path(__file__).parent / "piccolo_migrations"),
    table_classes=[Toolkit],
    migration_dependencies=["steady.accounts.piccolo_app"],
)
