"""Peer circles: small groups holding a peer-supervision round that fits around shifts."""

from steady.circles.membership import now
from steady.circles.rounds import advance
from steady.circles.routes import router
from steady.clock import every
from steady.feature import Feature
from steady.settings import Settings


async def _advance_rounds(_: Settings) -> None:
    """Open, close and tidy rounds as their times come."""
    await advance(now())


_start, _stop = every(
    "steady-circles", lambda settings: settings.circle_tick_seconds, _advance_rounds
)

FEATURE = Feature(name="circles", router=router, on_startup=[_start], on_shutdown=[_stop])
