"""Events between features (``steady.events``): every event a feature announces lives in
its ``events.py`` and is heard by some feature; ``announce`` runs each listener of that
kind of event, in turn, and a listener's failure fails the announcing write; and a
listener declared for one event but taking another is a type error."""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from mypy import api as mypy

from steady import events
from steady.app import FEATURES
from steady.events import Event, Listener, announce, hear, listens_to

BACKEND = Path(__file__).resolve().parents[2] / "backend"
PYPROJECT = BACKEND.parent / "pyproject.toml"


class Saved(Event, frozen=True):
    account_id: int


class Deleted(Event, frozen=True):
    account_id: int


@pytest.fixture
def restored() -> Iterator[None]:
    """Put the app's own listeners back after a test that hears others."""
    yield
    hear(found for feature in FEATURES for found in feature.listeners)


def _announced_events() -> set[type[Event]]:
    for path in BACKEND.glob("steady/*/events.py"):
        importlib.import_module(f"steady.{path.parent.name}.events")

    def below(kind: type[Event]) -> set[type[Event]]:
        return {found for sub in kind.__subclasses__() for found in {sub, *below(sub)}}

    return {kind for kind in below(Event) if kind.__module__.startswith("steady.")}


def test_every_event_lives_with_its_feature_and_is_heard() -> None:
    announced = _announced_events()
    assert len(announced) >= 10
    assert all(kind.__module__.endswith(".events") for kind in announced)
    heard = {found.event for feature in FEATURES for found in feature.listeners}
    assert announced - heard == set()


async def test_each_listener_of_the_event_runs_in_turn(restored: None) -> None:
    seen: list[str] = []

    @listens_to(Saved)
    async def first(event: Saved) -> None:
        seen.append(f"first {event.account_id}")

    @listens_to(Saved)
    async def second(event: Saved) -> None:
        seen.append(f"second {event.account_id}")

    @listens_to(Deleted)
    async def other(event: Deleted) -> None:
        seen.append("deleted")

    hear([first, second, other])
    await announce(Saved(account_id=7))
    assert seen == ["first 7", "second 7"]
    assert events.listeners_of(Deleted) == [other]


async def test_a_failing_listener_fails_the_announcement(restored: None) -> None:
    async def fail(event: Saved) -> None:
        raise RuntimeError("the listener failed")

    hear([Listener(Saved, fail)])
    with pytest.raises(RuntimeError, match="the listener failed"):
        await announce(Saved(account_id=1))


def test_a_listener_for_the_wrong_event_is_a_type_error(tmp_path: Path) -> None:
    lines = [
        "from steady.events import Event, listens_to",
        "class Saved(Event, frozen=True):\n    account_id: int",
        "class Deleted(Event, frozen=True):\n    account_id: int",
        "@listens_to(Saved)\nasync def right(event: Saved) -> None: ...",
        "@listens_to(Saved)\nasync def wrong(event: Deleted) -> None: ...",
    ]
    source = tmp_path / "listeners.py"
    source.write_text("\n".join(lines) + "\n")
    wrong_at = len(source.read_text().splitlines()) - 1  # the last listener's decorator
    report, _, status = mypy.run(
        ["--config-file", str(PYPROJECT), "--cache-dir", "/dev/null", str(source)]
    )
    assert status == 1, report
    (error,) = [line for line in report.splitlines() if ": error:" in line]
    assert error.startswith(f"{source}:{wrong_at}:") and "Deleted" in error, report
