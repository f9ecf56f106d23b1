"""Events between features: a feature announces what happened; the features that care listen.

A check-in with a hard moment is saved, a shift ends, a summary is shared: the feature it
happened in says so with one small frozen struct (``await announce(CheckinSaved(...))``)
and knows nothing of who listens; reminders, say, hears it and plans its part. Each event
class belongs to the feature that announces it, in that feature's ``events.py`` (the one
module of a feature others may import besides its ``service.py``). A listener is declared
by the class it takes, ``@listens_to(CheckinSaved)`` over ``async def ...(event:
CheckinSaved)``, so mypy holds the two to each other, and handed to ``create_app`` in its
feature's ``Feature``.

``announce`` runs the listeners at once, in the announcing write's own transaction, rather
than queueing them for after the response: a summary and its peer's notice, or a shift's
end and the reminders it releases, are stored together or not at all; if a listener
fails, the whole write fails with it.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

import msgspec


class Event(msgspec.Struct, frozen=True, kw_only=True):
    """What happened, as the announcing feature tells it: each event subclasses this
    (frozen too, so no listener can change what the next one hears)."""


E = TypeVar("E", bound=Event)


@dataclass(frozen=True)
class Listener(Generic[E]):
    """A function that runs when an ``event`` is announced."""

    event: type[E]
    fn: Callable[[E], Awaitable[None]]


def listens_to(event: type[E]) -> Callable[[Callable[[E], Awaitable[None]]], Listener[E]]:
    """Declare a listener for one kind of event (a listener for two is two listeners)."""

    def declare(fn: Callable[[E], Awaitable[None]]) -> Listener[E]:
        return Listener(event, fn)

    return declare


_heard: dict[type[Event], list[Listener[Any]]] = {}


def hear(listeners: Iterable[Listener[Any]]) -> None:
    """Make these the listeners announcements reach (``create_app`` calls it once)."""
    _heard.clear()
    for found in listeners:
        _heard.setdefault(found.event, []).append(found)


def listeners_of(event: type[Event]) -> list[Listener[Any]]:
    """Who hears ``event`` (for tests)."""
    return list(_heard.get(event, ()))


async def announce(event: Event) -> None:
    """Tell every listener of this kind of event that it happened, now, inside the
    caller's transaction: if a listener fails, the whole write fails with it."""
    for found in _heard.get(type(event), ()):
        await found.fn(event)
