"""Piccolo app for micro-commitments and their completions."""

from pathlib import Path

from piccolo.conf.apps import AppConfig

from steady.commitments.tables import (
    Commitment,
    CommitmentTombstone,
    Completion,
    CompletionTombstone,
)

APP_CONFIG = AppConfig(
    app_name="commitments",
    migrations_folder_path=str(Path(__file__).parent / "piccolo_migrations"),
    table_classes=[Commitment, CommitmentTombstone, Completion, CompletionTombstone],
    migration_dependencies=["steady.accounts.piccolo_app"],
)
