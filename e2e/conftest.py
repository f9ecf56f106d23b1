"""Browser tests: the built PWA served by the real app, driven in headless Chromium.

One server per test session (SQLite in a temporary data folder); each test gets fresh
browser contexts at a phone-sized viewport (Pixel 7). Debian's Chromium is launched
through ``executable_path`` because Playwright cannot download its own browser here.
"""

from __future__ import annotations

import asyncio
import logging
import os
import shutil
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from tests.environment import free_port, use_test_settings

ROOT = Path(__file__).resolve().parent.parent
DIST = ROOT / "frontend" / "dist"
_DATA = Path(tempfile.mkdtemp(prefix="steady-e2e-"))
# The server serves a copy of the build, so a test can publish a "new version" of it.
SERVED = _DATA / "dist"
SERVER_LOG = _DATA / "server.log"
# Pushes reach the worker through the DevTools Protocol (no push service here), so the
# server keeps what it queued for a test to read instead of dispatching it.
use_test_settings(_DATA, SERVED)

import uvicorn  # noqa: E402
from playwright.sync_api import Browser, BrowserContext, Page, Playwright  # noqa: E402

from steady import db, migrations  # noqa: E402
from steady.app import create_app  # noqa: E402
from steady.settings import Settings  # noqa: E402

from .pages import App  # noqa: E402
from .server_db import ServerDatabase  # noqa: E402

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/lib/chromium/chromium")
DEVICE = "Pixel 7"


@pytest.fixture(scope="session")
def server() -> Iterator[str]:
    """The real app (API and built PWA) on a loopback port, for the whole session."""
    if not (DIST / "index.html").is_file():
        raise RuntimeError("The PWA is not built: run `make build` (make test does it).")
    shutil.copytree(DIST, SERVED, dirs_exist_ok=True)
    settings = Settings.from_env()
    # Everything the server logs goes to a file too, so tests can check what it never logs.
    to_file = logging.FileHandler(SERVER_LOG)
    to_file.setLevel(logging.DEBUG)
    logging.getLogger().addHandler(to_file)
    logging.getLogger().setLevel(logging.INFO)
    port = free_port()
    config = uvicorn.Config(create_app(settings), host="127.0.0.1", port=port, log_level="warning")
    instance = uvicorn.Server(config)

    def migrate_then_serve() -> None:
        # Playwright's sync API owns this thread's event loop; the server gets its own.
        engine = db.make_engine(settings.resolved_database_url)
        asyncio.run(migrations.migrate(engine))
        asyncio.run(db.close_engine(engine))
        instance.run()

    thread = threading.Thread(target=migrate_then_serve, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not instance.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the Steady server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    instance.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="session")
def base_url(server: str) -> str:
    return server


@pytest.fixture(scope="session")
def server_db() -> ServerDatabase:
    """Read-only look at what the server stored, to count rows exactly."""
    return ServerDatabase(_DATA / "steady.db")


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": ["--disable-quic"]}


@pytest.fixture(scope="session")
def phone(playwright: Playwright) -> dict[str, Any]:
    """Pixel 7 viewport, touch and user agent, for every context a test opens."""
    device = dict(playwright.devices[DEVICE])
    device.pop("default_browser_type", None)
    return device


@pytest.fixture(scope="session")
def browser_context_args(
    browser_context_args: dict[str, Any], phone: dict[str, Any], base_url: str
) -> dict[str, Any]:
    return {**browser_context_args, **phone, "base_url": base_url}


@pytest.fixture
def new_context(browser: Browser, browser_context_args: dict[str, Any]) -> Iterator[Any]:
    """Open extra phones (a second device, a second person) within one test."""
    opened: list[BrowserContext] = []

    def make(**overrides: Any) -> BrowserContext:
        context = browser.new_context(**{**browser_context_args, **overrides})
        opened.append(context)
        return context

    yield make
    for context in opened:
        context.close()


@pytest.fixture
def app(page: Page, base_url: str) -> App:
    """Page object for the PWA in the test's default context."""
    return App(page, base_url)
