"""Work a feature does on its own time (opening rounds, tidying old data): a task started
with the app that runs a job every so often and survives the job failing."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable

from litestar import Litestar

from steady.feature import LifespanHook
from steady.settings import Settings

log = logging.getLogger("steady.jobs")


def every(
    name: str,
    interval_of: Callable[[Settings], float],
    job: Callable[[Settings], Awaitable[object]],
) -> tuple[LifespanHook, LifespanHook]:
    """Start and stop hooks running ``job`` every ``interval_of(settings)`` seconds (not at
    all when that is 0, as in tests, which call the job themselves). Stopping waits for a
    job that is running to finish: a job cut off mid-transaction could leave a database
    connection holding locks."""

    async def keep_time(settings: Settings, interval: float, stopping: asyncio.Event) -> None:
        while not stopping.is_set():
            try:
                await job(settings)
            except Exception:
                log.exception("%s failed; trying again in %s s", name, interval)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stopping.wait(), interval)

    async def start(app: Litestar) -> None:
        settings: Settings = app.state.settings
        interval = interval_of(settings)
        if interval > 0:
            stopping = asyncio.Event()
            task = asyncio.create_task(keep_time(settings, interval, stopping), name=name)
            app.state[f"clock:{name}"] = (task, stopping)

    async def stop(app: Litestar) -> None:
        running = app.state.get(f"clock:{name}")
        if running is not None:
            task, stopping = running
            stopping.set()
            await task

    return start, stop
