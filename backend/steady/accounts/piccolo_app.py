"""Piccolo app for accounts, sessions and key bundles."""

from pathlib import Path

from piccolo.conf.apps import AppConfig

from steady.accounts.tables import Account, AccountSession, KeyBundle

APP_CONFIG = AppConfig(
    app_name="accounts",
    migrations_folder_path=str(Path(__file__).parent / "piccolo_migrations"),
    table_classes=[Account, AccountSession, KeyBundle],
)
