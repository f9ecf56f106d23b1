"""Piccolo app for peer sharing: invites, connections, blocks, summaries and replies."""

from pathlib import Path

from piccolo.conf.apps import AppConfig

from steady.sharing.tables import (
    Invite,
    PeerBlock,
    PeerLink,
    SharedSummary,
    SharingPrefs,
    SummaryReply,
)

APP_CONFIG = AppConfig(
    app_name="sharing",
    migrations_folder_path=str(Path(__file__).parent / "piccolo_migrations"),
    table_classes=[Invite, PeerLink, PeerBlock, SharedSummary, SummaryReply, SharingPrefs],
    migration_dependencies=["steady.accounts.piccolo_app"],
)
