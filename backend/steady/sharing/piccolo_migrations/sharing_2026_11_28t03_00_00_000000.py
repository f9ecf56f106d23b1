"""One live connection per pair of people, and one block per pair, as unique indexes.

Frozen: the SQL it ran, for each database, importing nothing from Steady. Duplicates that
races could leave behind are resolved first (the oldest live connection is kept).
"""

from piccolo.apps.migrations.auto.migration_manager import MigrationManager
from piccolo.engine.finder import engine_finder

ID = "2026-11-28T03:00:00:000000"
VERSION = "1.38.0"
DESCRIPTION = "One live connection and one block per pair"

POSTGRES = [
    """UPDATE peer_link SET ended_at = created_at WHERE id IN (
        SELECT id FROM (
            SELECT id, row_number() OVER (
                PARTITION BY LEAST(inviter, peer), GREATEST(inviter, peer)
                ORDER BY created_at, id) AS n
            FROM peer_link WHERE ended_at IS NULL) ranked
        WHERE n > 1)""",
    """CREATE UNIQUE INDEX IF NOT EXISTS peer_link_live_pair_key
        ON peer_link (LEAST(inviter, peer), GREATEST(inviter, peer)) WHERE ended_at IS NULL""",
    """DELETE FROM peer_block WHERE id IN (
        SELECT id FROM (
            SELECT id, row_number() OVER (PARTITION BY blocker, blocked ORDER BY id) AS n
            FROM peer_block) ranked
        WHERE n > 1)""",
    "CREATE UNIQUE INDEX IF NOT EXISTS peer_block_pair_key ON peer_block (blocker, blocked)",
]
SQLITE = [
    """UPDATE peer_link SET ended_at = created_at WHERE id IN (
        SELECT id FROM (
            SELECT id, row_number() OVER (
                PARTITION BY min(inviter, peer), max(inviter, peer)
                ORDER BY created_at, id) AS n
            FROM peer_link WHERE ended_at IS NULL) ranked
        WHERE n > 1)""",
    """CREATE UNIQUE INDEX IF NOT EXISTS peer_link_live_pair_key
        ON peer_link (min(inviter, peer), max(inviter, peer)) WHERE ended_at IS NULL""",
    """DELETE FROM peer_block WHERE id IN (
        SELECT id FROM (
            SELECT id, row_number() OVER (PARTITION BY blocker, blocked ORDER BY id) AS n
            FROM peer_block) ranked
        WHERE n > 1)""",
    "CREATE UNIQUE INDEX IF NOT EXISTS peer_block_pair_key ON peer_block (blocker, blocked)",
]


async def forwards() -> MigrationManager:
    manager = MigrationManager(migration_id=ID, app_name="sharing", description=DESCRIPTION)

    async def unique_pairs() -> None:
        engine = engine_finder()
        assert engine is not None
        for statement in POSTGRES if engine.engine_type == "postgres" else SQLITE:
            await engine.run_ddl(statement)

    manager.add_raw(unique_pairs)
    return manager
