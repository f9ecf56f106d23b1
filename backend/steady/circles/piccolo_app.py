"""Piccolo app for peer circles: circles, members, invites, rounds and posts."""

from pathlib import Path

from piccolo.conf.apps import AppConfig

from steady.circles.tables import (
    Circle,
    CircleEpoch,
    CircleInvite,
    CircleMember,
    CirclePost,
    CircleRound,
)

APP_CONFIG = AppConfig(
    app_name="circles",
    migrations_folder_path=str(Path(__file__).parent / "piccolo_migrations"),
    table_classes=[Circle, CircleMember, CircleInvite, CircleRound, CirclePost, CircleEpoch],
    migration_dependencies=["steady.accounts.piccolo_app"],
)
