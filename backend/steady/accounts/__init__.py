"""Accounts: a username and a passphrase, sessions, time zones, keys, and the revision
counter sync uses."""

from litestar import Litestar

from steady.accounts.passphrases import Passphrases
from steady.accounts.routes import router
from steady.feature import Feature


async def _prepare_passphrases(app: Litestar) -> None:
    settings = app.state.settings
    app.state.passphrases = Passphrases(
        time_cost=settings.argon2_time_cost,
        memory_kib=settings.argon2_memory_kib,
        parallelism=settings.argon2_parallelism,
        slots=settings.argon2_slots,
    )


FEATURE = Feature(name="accounts", router=router, on_startup=(_prepare_passphrases,))
