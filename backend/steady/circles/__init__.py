"""Peer circles: small groups holding a peer-supervision round that fits around shifts."""

from steady.accounts.events import AccountKeysReset
from steady.circles.membership import leave_every_circle
from steady.circles.rounds import advance
from steady.circles.routes import router
from steady.events import listens_to
from steady.feature import Feature
from steady.jobs import every
from steady.settings import Settings


async def _advance_rounds(_: Settings) -> None:
    """Open, close and tidy rounds as their times come."""
    await advance()


_start, _stop = every(
    "steady-circles", lambda settings: settings.circle_tick_seconds, _advance_rounds
)


@listens_to(AccountKeysReset)
async def leave_circles_after_a_key_reset(event: AccountKeysReset) -> None:
    """New keys mean the circles' keys can't reach this person: they are let go, to be
    invited again (announced by accounts when the host resets someone's keys)."""
    await leave_every_circle(event.account_id)


FEATURE = Feature(
    name="circles",
    router=router,
    on_startup=[_start],
    on_shutdown=[_stop],
    listeners=[leave_circles_after_a_key_reset],
)
