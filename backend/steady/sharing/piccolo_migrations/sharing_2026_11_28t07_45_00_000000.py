"""Sealed summaries and replies: an envelope column beside the plaintext ones."""

from piccolo.apps.migrations.auto.migration_manager import MigrationManager
from piccolo.columns.column_types import Text
from piccolo.columns.indexes import IndexMethod

ID = "2026-11-28T07:45:00:000000"
VERSION = "1.38.0"
DESCRIPTION = "Sealed summaries and replies"


def _sealed_column(manager: MigrationManager, table_class_name: str, tablename: str) -> None:
    manager.add_column(
        table_class_name=table_class_name,
        tablename=tablename,
        column_name="sealed",
        db_column_name="sealed",
        column_class_name="Text",
        column_class=Text,
        params={
            "default": "",
            "null": False,
            "primary_key": False,
            "unique": False,
            "index": False,
            "index_method": IndexMethod.btree,
            "choices": None,
            "db_column_name": None,
            "secret": False,
        },
        schema=None,
    )


async def forwards() -> MigrationManager:
    manager = MigrationManager(migration_id=ID, app_name="sharing", description=DESCRIPTION)
    _sealed_column(manager, "SharedSummary", "shared_summary")
    _sealed_column(manager, "SummaryReply", "summary_reply")
    return manager
