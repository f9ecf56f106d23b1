"""What accounts announce (see ``steady.events``)."""

from steady.events import Event


class AccountKeysReset(Event, frozen=True):
    """The host reset someone's keys: what was sealed to the old ones can't reach them."""

    account_id: int
