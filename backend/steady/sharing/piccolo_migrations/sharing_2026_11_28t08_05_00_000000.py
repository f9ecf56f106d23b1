"""Link joins carry a MAC of the joiner's keys, for the inviter's phone to check."""

from piccolo.apps.migrations.auto.migration_manager import MigrationManager
from piccolo.columns.column_types import Varchar
from piccolo.columns.indexes import IndexMethod

ID = "2026-11-28T08:05:00:000000"
VERSION = "1.38.0"
DESCRIPTION = "Joiner MACs on connections"


async def forwards() -> MigrationManager:
    manager = MigrationManager(migration_id=ID, app_name="sharing", description=DESCRIPTION)
    manager.add_column(
        table_class_name="PeerLink",
        tablename="peer_link",
        column_name="joiner_mac",
        db_column_name="joiner_mac",
        column_class_name="Varchar",
        column_class=Varchar,
        params={
            "length": 64,
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
    return manager
