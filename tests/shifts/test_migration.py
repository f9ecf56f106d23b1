"""The shift table moved from reminders' migrations to shifts' own: a database migrated
before the move keeps its shifts, a database without the table gets it from shifts'
migrations, and each app's schema (what Piccolo reads from its migrations) holds the
table once, in shifts."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path
from typing import Any
from uuid import uuid4

import pytest
from piccolo.apps.migrations.commands.forwards import ForwardsMigrationManager
from piccolo.apps.migrations.commands.new import AutoMigrationManager
from piccolo.apps.migrations.tables import Migration
from piccolo.conf.apps import Finder
from piccolo.engine.base import Engine

from steady import db, dialect, migrations
from steady.accounts.tables import Account
from steady.shifts.tables import Shift
from tests.clock import Clock
from tests.conftest import BACKENDS, POSTGRES_URL

# Reminders' last migration before the move.
PREVIOUS_HEAD = "2026-11-28T03:02:30:000000"


async def _wipe(engine: Engine[Any]) -> None:
    await engine.run_ddl("DROP SCHEMA public CASCADE")
    await engine.run_ddl("CREATE SCHEMA public")


@pytest.fixture(params=BACKENDS)
def blank_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Where an empty database will be (prepared outside the event loop). PostgreSQL's is
    the suite's shared one, migrated for the other tests first."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'blank.db'}"
    request.getfixturevalue("postgres_emptying")
    return POSTGRES_URL


@pytest.fixture
async def blank(blank_url: str) -> AsyncIterator[Engine[Any]]:
    """An empty database; PostgreSQL's is wiped, and left fully migrated again afterwards
    for the tests that follow."""
    engine = db.make_engine(blank_url)
    postgres = dialect.is_postgres(engine)
    if postgres:
        await _wipe(engine)
    db.use_engine(engine)
    try:
        yield engine
    finally:
        if postgres:
            await _wipe(engine)
            await migrations.migrate(engine)
        await db.close_engine(engine)


async def _forwards(app_name: str, up_to: str = "all") -> None:
    result = await ForwardsMigrationManager(app_name=app_name, migration_id=up_to).run()
    assert result.success, result.message


async def _ran(app_name: str) -> list[str]:
    return sorted(await Migration.get_migrations_which_ran(app_name=app_name))


async def test_a_database_from_before_the_move_keeps_its_shifts(
    blank: Engine[Any], clock: Clock
) -> None:
    for app_name in Finder().get_sorted_app_names():
        if app_name != "shifts":
            await _forwards(app_name, PREVIOUS_HEAD if app_name == "reminders" else "all")
    assert await _ran("shifts") == []
    rows = await Account.insert(
        Account(username="sam", passphrase_hash="-", time_zone="UTC")
    ).returning(Account.id)
    started = clock.now() - timedelta(hours=9)
    shift_id = uuid4()
    await Shift.insert(
        Shift(account=rows[0]["id"], uid=shift_id, started_at=started, ended_at=clock.now())
    )

    await migrations.migrate(blank)

    (kept,) = await Shift.select()
    assert (kept["uid"], kept["started_at"]) == (shift_id, started)
    assert "2026-12-02T08:00:00:000000" in await _ran("reminders")
    assert await _ran("shifts") == ["2026-12-02T08:00:01:000000"]
    with pytest.raises(Exception) as clash:  # one shift per id, still
        await Shift.insert(Shift(account=rows[0]["id"], uid=shift_id, started_at=started))
    assert dialect.is_unique_violation(clash.value)


async def test_shifts_own_migrations_make_the_table_where_there_is_none(
    blank: Engine[Any], clock: Clock
) -> None:
    await _forwards("accounts")
    await _forwards("shifts")
    rows = await Account.insert(
        Account(username="sam", passphrase_hash="-", time_zone="UTC")
    ).returning(Account.id)
    shift_id = uuid4()
    await Shift.insert(Shift(account=rows[0]["id"], uid=shift_id, started_at=clock.now()))
    assert [row["uid"] for row in await Shift.select(Shift.uid)] == [shift_id]
    with pytest.raises(Exception) as clash:
        await Shift.insert(Shift(account=rows[0]["id"], uid=shift_id, started_at=clock.now()))
    assert dialect.is_unique_violation(clash.value)


async def test_the_shift_table_is_in_shifts_schema_and_not_in_reminders() -> None:
    """What ``piccolo migrations new --auto`` would write: nothing about the shift table."""
    finder = Finder()
    for app_name in ("reminders", "shifts"):
        changes = await AutoMigrationManager().get_alter_statements(finder.get_app_config(app_name))
        statements = [line for change in changes for line in change.statements]
        assert not [line for line in statements if "tablename='shift'" in line], app_name
