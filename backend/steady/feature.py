"""What a feature hands to ``create_app``: its name and its one router.

Each feature folder is a Piccolo app (``steady.<name>.piccolo_app``) with its own tables
and migrations, and exports one ``Feature`` from its package (its router, start and stop
hooks, and the listeners it registers for other features' events), so adding a feature
to the app is one line in ``steady.app``.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from litestar import Litestar, Router

from steady.events import Listener

LifespanHook = Callable[[Litestar], Awaitable[None]]


@dataclass(frozen=True)
class Feature:
    """A capability of Steady as the app sees it."""

    name: str
    router: Router
    on_startup: Sequence[LifespanHook] = field(default_factory=tuple)
    on_shutdown: Sequence[LifespanHook] = field(default_factory=tuple)
    # What it does when other features announce something (``steady.events``).
    listeners: Sequence[Listener[Any]] = field(default_factory=tuple)
    # A feature that only combines others (export, for one) has no tables of its own.
    has_tables: bool = True

    @property
    def piccolo_app(self) -> str:
        """The module holding this feature's Piccolo ``APP_CONFIG``."""
        return f"steady.{self.name}.piccolo_app"
