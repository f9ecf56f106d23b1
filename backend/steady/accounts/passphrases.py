"""Hashing passphrases: argon2id with the operator's cost settings, off the event loop and
bounded, so one sign-in never stalls the event loop and a flood of guesses can't make
everyone else wait."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager

import anyio.to_thread
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from steady.domain import Limited


class Passphrases:
    """argon2id hashing with the operator's cost settings, off the event loop and bounded.

    Each hash takes a slot; at most ``slots`` run at once and each client (an address or a
    signed-in person) holds at most one. When there is no slot the check is refused at
    once rather than queued, so a flood of guesses from one place cannot make everyone
    else's sign-in wait behind it.
    """

    def __init__(self, time_cost: int, memory_kib: int, parallelism: int, slots: int) -> None:
        self._hasher = PasswordHasher(
            time_cost=time_cost, memory_cost=memory_kib, parallelism=parallelism
        )
        # Verified against when a username is unknown, so that path costs the same.
        self._decoy = self._hasher.hash("steady-decoy-passphrase")
        self._slots = slots
        self._busy = 0
        self._holders: Counter[str] = Counter()

    @contextmanager
    def _slot(self, client: str) -> Iterator[None]:
        if self._holders[client]:
            raise Limited("One passphrase check at a time, please: try again in a moment.", 2)
        if self._busy >= self._slots:
            raise Limited("Steady is busy right now. Please try again in a moment.", 2, busy=True)
        self._busy += 1
        self._holders[client] += 1
        try:
            yield
        finally:
            self._busy -= 1
            self._holders[client] -= 1
            if not self._holders[client]:
                del self._holders[client]

    async def hash(self, passphrase: str, client: str) -> str:
        """A salted argon2id hash for storage."""
        with self._slot(client):
            return await anyio.to_thread.run_sync(self._hasher.hash, passphrase)

    async def verify(self, stored_hash: str | None, passphrase: str, client: str) -> bool:
        """Whether ``passphrase`` matches; with no stored hash, burn the same time and say no."""
        target = stored_hash or self._decoy
        with self._slot(client):
            try:
                matched = await anyio.to_thread.run_sync(self._hasher.verify, target, passphrase)
            except (VerifyMismatchError, VerificationError, InvalidHashError):
                return False
        return bool(matched) and stored_hash is not None
