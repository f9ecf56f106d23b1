"""Shared fixtures: settings before the app is imported, a fresh database per test.

Every API test runs on SQLite, and again on PostgreSQL when ``STEADY_TEST_DATABASE_URL``
is set (that database is wiped). SQLite tests copy a migrated template file; PostgreSQL
tests share one migrated schema, emptied before each test.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import AsyncExitStack
from pathlib import Path
from typing import Any

from steady.settings import PUBLIC_PUSH_SERVICES
from tests.environment import free_port, use_test_settings

_SESSION_DIR = Path(tempfile.mkdtemp(prefix="steady-tests-"))
# The stand-in push service listens here; the second port is listed but never listened on
# (a push service that refuses connections).
PUSH_SERVICE_PORT = free_port()
CLOSED_PUSH_PORT = free_port()
use_test_settings(
    _SESSION_DIR / "data",
    _SESSION_DIR / "no-frontend",
    STEADY_PUSH_HOSTS=(
        f"{PUBLIC_PUSH_SERVICES},"
        f"http://127.0.0.1:{PUSH_SERVICE_PORT},http://127.0.0.1:{CLOSED_PUSH_PORT}"
    ),
)

import asyncio  # noqa: E402

import hypothesis  # noqa: E402
import pytest  # noqa: E402
from litestar import Litestar  # noqa: E402
from piccolo.engine.base import Engine  # noqa: E402

from steady import db, dialect, migrations  # noqa: E402
from steady.app import create_app  # noqa: E402
from steady.settings import Settings  # noqa: E402
from tests import databases  # noqa: E402
from tests.clock import POSTGRES_START, SWEEP, Clock, default_start, running_from  # noqa: E402
from tests.helpers import Api, NewPerson, http_client, lifespan_running  # noqa: E402
from tests.node_bundle import bundle_for_node, run_node  # noqa: E402

# Property tests check answers, never speed: on a shared two-core machine running the
# browser tests beside them, Hypothesis's timing checks failed while the answers held.
hypothesis.settings.register_profile(
    "steady", deadline=None, suppress_health_check=[hypothesis.HealthCheck.too_slow]
)
hypothesis.settings.load_profile("steady")

POSTGRES_URL = databases.postgres_url()
BACKENDS = ["sqlite", "postgres"] if POSTGRES_URL else ["sqlite"]


def pytest_sessionfinish() -> None:
    shutil.rmtree(_SESSION_DIR, ignore_errors=True)


def pytest_configure(config: pytest.Config) -> None:
    databases.make_sure_it_exists()
    config.addinivalue_line(
        "markers", "calendar_sweep: run from every start in tests.clock.SWEEP (dates, hours, DST)"
    )


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if metafunc.definition.get_closest_marker("calendar_sweep"):
        metafunc.parametrize("clock", SWEEP, indirect=True, ids=[s.label for s in SWEEP])


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """A swept test's PostgreSQL pass runs from one start: the calendar logic is the same
    code on both databases, and what differs by database is met at that start."""
    items[:] = [
        item
        for item in items
        if not (
            isinstance(item, pytest.Function)
            and item.get_closest_marker("calendar_sweep")
            and item.callspec.params.get("database_url") == "postgres"
            and item.callspec.params["clock"].label != POSTGRES_START
        )
    ]


@pytest.fixture(autouse=True)
def clock(request: pytest.FixtureRequest) -> Iterator[Clock]:
    """The test's clock (time-machine): the server and the test read only this, and a
    test that schedules moves it forward."""
    with running_from(getattr(request, "param", None) or default_start()) as moving:
        yield moving


async def _migrate_fresh_sqlite(path: Path) -> None:
    engine = db.make_engine(f"sqlite:///{path}")
    try:
        await migrations.migrate(engine)
    finally:
        await db.close_engine(engine)


async def _migrate_fresh_postgres() -> None:
    engine = db.make_engine(POSTGRES_URL)
    await engine.run_ddl("DROP SCHEMA public CASCADE")
    await engine.run_ddl("CREATE SCHEMA public")
    await migrations.migrate(engine)


@pytest.fixture(scope="session")
def sqlite_template() -> Path:
    """A migrated SQLite file, copied for each test."""
    path = _SESSION_DIR / "template.db"
    asyncio.run(_migrate_fresh_sqlite(path))
    return path


@pytest.fixture(scope="session")
def postgres_emptying() -> str:
    """Migrate the PostgreSQL test database once; the statement that empties it between
    tests. Deleting rows (foreign keys set aside for the moment) and restarting sequences
    takes milliseconds where TRUNCATE of every table took most of a second."""
    asyncio.run(_migrate_fresh_postgres())

    async def names(query: str, column: str) -> list[str]:
        engine = db.make_engine(POSTGRES_URL)
        return [row[column] for row in await engine.run_ddl(query)]

    tables = asyncio.run(
        names(
            "SELECT tablename FROM pg_tables"
            " WHERE schemaname = 'public' AND tablename <> 'migration'",
            "tablename",
        )
    )
    sequences = asyncio.run(
        names(
            "SELECT sequence_name FROM information_schema.sequences"
            " WHERE sequence_schema = 'public'",
            "sequence_name",
        )
    )
    deletes = " ".join(f'DELETE FROM "{table}";' for table in tables)  # noqa: S608 - our tables
    restarts = " ".join(f"PERFORM setval('\"{name}\"', 1, false);" for name in sequences)
    return f"DO $$ BEGIN SET LOCAL session_replication_role = replica; {deletes} {restarts} END $$"


@pytest.fixture(params=BACKENDS)
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The backend under test, prepared outside the event loop (migrations run once)."""
    if request.param == "sqlite":
        path = tmp_path / "steady.db"
        shutil.copyfile(request.getfixturevalue("sqlite_template"), path)
        return f"sqlite:///{path}"
    request.getfixturevalue("postgres_emptying")
    return POSTGRES_URL


@pytest.fixture
async def engine(database_url: str, request: pytest.FixtureRequest) -> AsyncIterator[Engine]:
    """A fresh, migrated database for this test."""
    engine = db.make_engine(database_url)
    if dialect.is_postgres(engine):
        await engine.run_ddl(request.getfixturevalue("postgres_emptying"))
    db.use_engine(engine)
    await db.open_engine(engine)
    yield engine
    await db.close_engine(engine)


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """Settings for one test, with its own data folder."""
    return Settings.from_env({**os.environ, "STEADY_DATA_DIR": str(tmp_path / "data")})


@pytest.fixture(scope="session")
def built_app() -> Litestar:
    """The app with the test settings, built once: registering its routes costs Litestar
    about half a second, more than most tests take. Each test points it at its own fresh
    database and starts it with empty rate-limit counters (``app``)."""
    settings = Settings.from_env({**os.environ, "STEADY_DATA_DIR": str(_SESSION_DIR / "app")})
    return create_app(settings, db.make_engine(f"sqlite:///{_SESSION_DIR / 'unused.db'}"))


@pytest.fixture
async def app(built_app: Litestar, engine: Engine) -> Litestar:
    """The app, serving this test's database, its counters emptied."""
    built_app.state.engine = engine
    await built_app.stores.get("rate_limits").delete_all()
    return built_app


@pytest.fixture
async def running_app(app: Litestar) -> AsyncIterator[Litestar]:
    """The app with its start-up hooks run, in the test's own event loop."""
    async with lifespan_running(app):
        yield app


@pytest.fixture
async def new_person(running_app: Litestar) -> AsyncIterator[NewPerson]:
    """Makes browser-like clients, as many as a test needs: each keeps its own cookies
    (so is its own person, or device) and echoes the CSRF token."""
    async with AsyncExitStack() as clients:

        async def person() -> Api:
            return Api(await clients.enter_async_context(http_client(running_app)))

        yield person


@pytest.fixture
async def api(new_person: NewPerson) -> Api:
    """The person most tests are about."""
    return await new_person()


@pytest.fixture
async def other_api(new_person: NewPerson) -> Api:
    """A second person (or device) against the same app."""
    return await new_person()


@pytest.fixture(scope="session")
def sealing_driver(tmp_path_factory: pytest.TempPathFactory) -> Callable[[dict[str, Any]], Any]:
    """The PWA's sealing code (frontend/src/lib/crypto), bundled for Node: one JSON command
    in, its result out (see tests/platform/sealing_driver.ts)."""
    script = bundle_for_node(
        Path(__file__).parent / "platform" / "sealing_driver.ts",
        tmp_path_factory.mktemp("sealing") / "driver.mjs",
    )
    return lambda document: run_node(script, document)
