"""Events between features: a feature announces what happened; the features that care listen.

A check-in with a hard moment is saved, a shift ends, a summary is shared: the feature it
happened in says so (``await announce("summary.shared", ...)``) and knows nothing of who
listens; reminders, say, hears it and plans its part. Listeners are declared with
``@listens_to(...)`` and handed to ``create_app`` in each feature's ``Feature``; the app
registers them as Litestar listeners too, so ``app.emit`` reaches them.

``announce`` runs the listeners at once, in the announcing write's own transaction, rather
than through ``app.emit``, which queues them for a background task after the response: a
summary and its peer's notice, or a shift's end and the reminders it releases, must be
stored together or not at all.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass
from typing import Any

from litestar.events import EventListener, listener

Handler = Callable[..., Awaitable[None]]


@dataclass(frozen=True)
class Listener:
    """A function that runs when any of ``events`` is announced."""

    events: frozenset[str]
    fn: Handler

    def for_litestar(self) -> EventListener:
        """The same function as a Litestar listener, for ``Litestar(listeners=...)``."""
        return listener(*self.events)(self.fn)


def listens_to(*events: str) -> Callable[[Handler], Listener]:
    """Declare a listener for one or more events (``"checkin.saved"``, ...)."""

    def declare(fn: Handler) -> Listener:
        return Listener(frozenset(events), fn)

    return declare


_heard: dict[str, list[Listener]] = {}


def hear(listeners: Iterable[Listener]) -> None:
    """Make these the listeners announcements reach (``create_app`` calls it once)."""
    _heard.clear()
    for found in listeners:
        for event in found.events:
            _heard.setdefault(event, []).append(found)


def listeners_of(event: str) -> list[Listener]:
    """Who hears ``event`` (for tests and the README's map of events)."""
    return list(_heard.get(event, ()))


async def announce(event: str, **payload: Any) -> None:
    """Tell every listener that ``event`` happened, now, inside the caller's transaction:
    if a listener fails, the whole write fails with it."""
    for found in _heard.get(event, ()):
        await found.fn(**payload)
