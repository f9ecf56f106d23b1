"""Peer sharing: invites, connections, summaries chosen part by part, replies, withdrawal."""

from datetime import timedelta

from steady import clock
from steady.feature import Feature
from steady.jobs import every
from steady.settings import Settings
from steady.sharing.routes import router
from steady.sharing.service import take_off_plaintext


async def _take_off_old_plaintext(settings: Settings) -> None:
    """What was stored readable goes after the grace period the README states."""
    await take_off_plaintext(clock.now() - timedelta(days=settings.plaintext_grace_days))


_start, _stop = every(
    "steady-sharing-plaintext", lambda settings: settings.tidy_seconds, _take_off_old_plaintext
)

FEATURE = Feature(name="sharing", router=router, on_startup=[_start], on_shutdown=[_stop])
