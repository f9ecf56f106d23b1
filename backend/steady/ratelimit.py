"""Counting attempts: rate limits per window, and the growing wait after wrong passphrases.

Counts live in the app's ``rate_limits`` store: Litestar's ``MemoryStore`` by default, or
its ``RedisStore`` when ``STEADY_REDIS_URL`` is set, so several instances share one count
and a restart forgets nothing. Increments are atomic either way (a lock in memory, ``INCR``
in Redis), so parallel requests cannot slip past a limit between a read and a write.
"""

from __future__ import annotations

import asyncio
from typing import Any

from litestar import Request
from litestar.exceptions import TooManyRequestsException
from litestar.stores.base import Store
from redis.asyncio import Redis

from steady import clock
from steady.tokens import hash_token

# A username's wrong passphrases are remembered this long after the last one.
FAILURE_MEMORY_SECONDS = 24 * 3600
FIRST_WAIT_SECONDS = 60
LONGEST_WAIT_SECONDS = 3600


class RateLimited(TooManyRequestsException):
    """Too many attempts; ``Retry-After`` says when to try again."""

    def __init__(self, retry_after: int, detail: str = "") -> None:
        super().__init__(
            detail=detail or "Too many attempts. Please wait a little and try again.",
            headers={"Retry-After": str(max(1, retry_after))},
        )


class Attempts:
    """Atomic counters with expiry over a Litestar store (and its Redis client, if any)."""

    def __init__(self, store: Store, redis: Redis | None = None, prefix: str = "steady") -> None:
        self.store = store
        self._redis = redis
        self._prefix = prefix
        self._lock = asyncio.Lock()

    async def add(self, key: str, expires_in: int) -> int:
        """Count one more under ``key`` (forgotten ``expires_in`` seconds after the last)."""
        if self._redis is not None:
            name = f"{self._prefix}:{key}"
            async with self._redis.pipeline(transaction=True) as pipe:
                pipe.incr(name)
                pipe.expire(name, expires_in)
                counted, _ = await pipe.execute()
            return int(counted)
        async with self._lock:
            count = int(await self.store.get(key) or 0) + 1
            await self.store.set(key, str(count), expires_in=expires_in)
        return count

    async def put(self, key: str, value: int, expires_in: int) -> None:
        """Store ``value`` under ``key`` (a time, say), forgotten after ``expires_in``."""
        if self._redis is not None:
            await self._redis.set(f"{self._prefix}:{key}", value, ex=expires_in)
        else:
            await self.store.set(key, str(value), expires_in=expires_in)

    async def read(self, key: str) -> int:
        """The current count under ``key`` (0 when none)."""
        if self._redis is not None:
            raw = await self._redis.get(f"{self._prefix}:{key}")
        else:
            raw = await self.store.get(key)
        return int(raw or 0)

    async def forget(self, key: str) -> None:
        """Drop the count under ``key``."""
        if self._redis is not None:
            await self._redis.delete(f"{self._prefix}:{key}")
        else:
            await self.store.delete(key)


def attempts_of(request: Request[Any, Any, Any]) -> Attempts:
    """The app's attempt counters (made by ``create_app``)."""
    found: Attempts = request.app.state.attempts
    return found


async def enforce_rate_limit(
    request: Request[Any, Any, Any], bucket: str, key: str, limit: int, window_seconds: int
) -> None:
    """Count one attempt for ``key`` in ``bucket``; refuse it past ``limit`` per window."""
    now = int(clock.epoch_seconds())
    window_start = now - now % window_seconds
    count = await attempts_of(request).add(
        f"{bucket}:{hash_token(key)}:{window_start}", window_seconds
    )
    if count > limit:
        raise RateLimited(window_start + window_seconds - now)


class SigninWaits:
    """The wait a username's sign-in takes after too many wrong passphrases.

    Checked before the passphrase, so once it applies the answer is 429 whether or not the
    passphrase is right, from every address. Past ``free`` failures the wait starts at a
    minute and doubles with each further failure, up to an hour: guessing stays hopeless,
    and the owner is held up for an hour at most (a signed-in device is never affected).
    """

    def __init__(self, attempts: Attempts, free: int) -> None:
        self._attempts = attempts
        self._free = free

    @staticmethod
    def _keys(username: str) -> tuple[str, str]:
        hashed = hash_token(username)
        return f"signin-failures:{hashed}", f"signin-last-failure:{hashed}"

    def wait_after(self, failures: int) -> int:
        """Seconds to wait after the last of ``failures`` wrong passphrases."""
        if failures < self._free:
            return 0
        doublings = min(failures - self._free, 12)
        return min(LONGEST_WAIT_SECONDS, FIRST_WAIT_SECONDS * (1 << doublings))

    async def check(self, username: str) -> None:
        """Refuse (429 with ``Retry-After``) while this username must wait."""
        count_key, last_key = self._keys(username)
        failures = await self._attempts.read(count_key)
        wait = self.wait_after(failures)
        if not wait:
            return
        last = await self._attempts.read(last_key)
        left = last + wait - clock.epoch_seconds()
        if left > 0:
            raise RateLimited(
                int(left) + 1,
                "This account has had too many wrong passphrases, so signing in is paused"
                " for a while. Please try again later.",
            )

    async def failed(self, username: str) -> None:
        """Note one more wrong passphrase for this username."""
        count_key, last_key = self._keys(username)
        await self._attempts.add(count_key, FAILURE_MEMORY_SECONDS)
        await self._attempts.put(last_key, int(clock.epoch_seconds()), FAILURE_MEMORY_SECONDS)

    async def succeeded(self, username: str) -> None:
        """The right passphrase, while no wait applied: start counting afresh."""
        for key in self._keys(username):
            await self._attempts.forget(key)
