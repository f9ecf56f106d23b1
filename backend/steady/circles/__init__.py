"""Peer circles: small groups holding a peer-supervision round that fits around shifts."""

import asyncio
import contextlib
import logging

from litestar import Litestar

from steady.circles.membership import now
from steady.circles.rounds import advance
from steady.circles.routes import router
from steady.feature import Feature

log = logging.getLogger("steady.circles")


async def _keep_time(interval: float) -> None:
    """Open, close and tidy rounds as their times come (every ``interval`` seconds)."""
    while True:
        try:
            await advance(now())
        except Exception:
            log.exception("advancing circle rounds failed; trying again shortly")
        await asyncio.sleep(interval)


async def _start(app: Litestar) -> None:
    interval = app.state.settings.circle_tick_seconds
    if interval > 0:
        app.state.circle_clock = asyncio.create_task(_keep_time(interval), name="steady-circles")


async def _stop(app: Litestar) -> None:
    task = getattr(app.state, "circle_clock", None)
    if task is not None:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task


FEATURE = Feature(name="circles", router=router, on_startup=[_start], on_shutdown=[_stop])
