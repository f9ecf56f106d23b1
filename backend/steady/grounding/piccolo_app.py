"""Piccolo app for grounding sessions."""

from pathlib import Path

from piccolo.conf.apps import AppConfig

from steady.grounding.tables import GroundingSession, GroundingSessionTombstone

APP_CONFIG = AppConfig(
    app_name="grounding",
    migrations_folder_path=str(Path(__file__).parent / "piccolo_migrations"),
    table_classes=[GroundingSession, GroundingSessionTombstone],
    migration_dependencies=["steady.accounts.piccolo_app"],
)
