"""Sending due reminders: claim a batch atomically, push concurrently, plan the next time
(the reads and writes of a pass are in ``batches.py``)."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

import msgspec

from steady import clock
from steady.push import PushTarget, VapidAuthorizations, post_push, push_connections
from steady.push_encryption import Encryptor
from steady.push_hosts import EndpointRefused, PushHosts
from steady.push_http import PushConnectionError
from steady.reminders.batches import (
    Target,
    claim_due_reminders,
    push_targets,
    sent_lately,
    settle_batch,
)
from steady.reminders.kinds import Cadence, ReminderKind
from steady.reminders.notices import notice_for
from steady.reminders.planning import POLICIES, Person
from steady.reminders.plans import people
from steady.reminders.schedule import shift_holding

log = logging.getLogger("steady.reminders")


@dataclass(frozen=True)
class Send:
    """Send it now."""


@dataclass(frozen=True)
class Skip:
    """Not this time (why, for the logs and tests); the next time is planned as usual."""

    why: str


@dataclass(frozen=True)
class Hold:
    """Wait: a tapped shift runs until ``until``."""

    until: datetime


Verdict = Send | Skip | Hold


@dataclass
class DispatchReport:
    """What one pass did, for logs, tests and the benchmark."""

    claimed: int = 0
    sent: int = 0
    skipped: int = 0
    held: int = 0
    pruned: int = 0
    failed: int = 0
    outcomes: Counter[str] = field(default_factory=Counter)


@dataclass(frozen=True)
class DispatchSettings:
    """The knobs a dispatcher runs with."""

    batch: int = 500
    concurrency: int = 200
    lease: timedelta = timedelta(minutes=3)
    grace: timedelta = timedelta(minutes=30)
    attempts: int = 4
    first_backoff: float = 1.0
    longest_wait: float = 30.0
    # Processes that encrypt pushes beside the event loop (0: encrypt in the loop).
    encrypt_workers: int = 0
    passes_in_flight: int = 5


class Dispatcher:
    """Turns due reminder rows into pushes; one per server process."""

    def __init__(
        self, vapid: VapidAuthorizations, settings: DispatchSettings, hosts: PushHosts
    ) -> None:
        self.vapid = vapid
        self.settings = settings
        self.hosts = hosts
        self._connections = push_connections(hosts.may_connect)
        self._slots = asyncio.Semaphore(settings.concurrency)
        self._encryptor = Encryptor(settings.encrypt_workers)

    async def close(self) -> None:
        """Close the HTTP connections to push services and the encrypting processes."""
        self._encryptor.close()
        await self._connections.close()

    async def warm_up(self) -> None:
        """Get ready to send (start the encrypting processes) before the first pass."""
        await self._encryptor.warm_up()

    def worker_pids(self) -> list[int]:
        """The encrypting processes' ids (for the benchmark's CPU accounting)."""
        return self._encryptor.worker_pids()

    async def run(self, interval: float) -> None:
        """Dispatch until cancelled: drain what is due, then look again after ``interval``."""
        await self.warm_up()
        while True:
            try:
                await self.drain()
            except Exception:
                log.exception("reminder dispatch failed; trying again shortly")
            await asyncio.sleep(interval)

    async def drain(self) -> DispatchReport:
        """Send everything due, with a few passes in flight at once so one batch's slowest
        pushes never leave the connections idle (each pass claims its own rows)."""
        total = DispatchReport()

        async def passes() -> None:
            while (report := await self.dispatch_once()).claimed:
                for name in ("claimed", "sent", "skipped", "held", "pruned", "failed"):
                    setattr(total, name, getattr(total, name) + getattr(report, name))
                total.outcomes.update(report.outcomes)

        await asyncio.gather(*(passes() for _ in range(self.settings.passes_in_flight)))
        return total

    async def dispatch_once(self) -> DispatchReport:
        """Claim one batch of due reminders, send them, and plan what comes next."""
        now = clock.now()
        report = DispatchReport()
        rows = await claim_due_reminders(now, self.settings.batch, self.settings.lease)
        report.claimed = len(rows)
        if not rows:
            return report
        accounts = sorted({row["account"] for row in rows})
        persons = await people(accounts, now)
        targets = await push_targets(accounts)
        sent_today, recent = await sent_lately(accounts, persons, now)
        sends: list[tuple[dict[str, Any], asyncio.Task[list[str]]]] = []
        held: list[tuple[int, datetime]] = []
        for row in rows:
            person = persons.get(row["account"])
            verdict = self._verdict(row, person, now, sent_today, recent)
            if person is None or isinstance(verdict, Skip):
                report.skipped += 1
            elif isinstance(verdict, Hold):
                held.append((row["id"], verdict.until))
            elif not targets.get(row["account"]):
                report.skipped += 1
            else:
                sent_today[row["account"]] += 1
                task = asyncio.create_task(self._deliver(row, person, targets[row["account"]]))
                sends.append((row, task))
        delivered: list[dict[str, Any]] = []
        gone: set[int] = set()
        for row, task in sends:
            try:
                outcomes = await task
            except Exception:  # one person's push never stops the others being settled
                log.exception("a push failed unexpectedly")
                outcomes = ["failed"] * len(targets[row["account"]])
            report.outcomes.update(outcomes)
            if "sent" in outcomes:
                delivered.append(row)
            else:
                report.failed += 1
            gone.update(
                t.id for t, o in zip(targets[row["account"]], outcomes, strict=True) if o == "gone"
            )
        report.sent, report.held, report.pruned = len(delivered), len(held), len(gone)
        await settle_batch(rows, persons, delivered, held, gone, now)
        return report

    def _verdict(
        self,
        row: dict[str, Any],
        person: Person | None,
        now: datetime,
        sent_today: Counter[int],
        recent: set[tuple[int, str, Any]],
    ) -> Verdict:
        if person is None or row["due_at"] < now - self.settings.grace:
            return Skip("missed while the server was down: never sent late in a burst")
        if row["time_zone"] and row["time_zone"] != str(person.zone):
            return Skip("planned for a zone the person has left: planned again below")
        shift = shift_holding(now, person.tapped)
        if shift is not None:
            if POLICIES[ReminderKind(row["kind"])].respect == "hold":
                return Hold(shift[1])
            return Skip("on shift")
        if sent_today[row["account"]] >= person.daily_cap:
            return Skip("the day's cap is reached")
        after_shift = (
            row["cadence"] == Cadence.AFTER_SHIFT or row["kind"] == ReminderKind.DECOMPRESS
        )
        if after_shift and (row["account"], row["kind"], row["about"]) in recent:
            return Skip("already sent for this shift")
        return Send()

    async def _deliver(
        self, row: dict[str, Any], person: Person, targets: list[Target]
    ) -> list[str]:
        local_date = row["due_at"].astimezone(person.zone).date()
        notice = notice_for(
            ReminderKind(row["kind"]),
            str(row["about"]) if row["about"] else None,
            row["title"],
            local_date,
            show_details=person.show_details,
        )
        payload = msgspec.json.encode(notice)
        policy = POLICIES[ReminderKind(row["kind"])]
        sends = [self._send(t.target, payload, policy.ttl_seconds, policy.urgency) for t in targets]
        if len(sends) == 1:  # the usual case, one phone: no extra task
            return [await sends[0]]
        return list(await asyncio.gather(*sends))

    async def _send(self, target: PushTarget, payload: bytes, ttl: int, urgency: str) -> str:
        """One push with retries: "sent", "gone" (404/410, or keys no push can use),
        "refused" (not an allowed push service) or "failed". Whatever goes wrong with one
        push is settled here, so it never touches anyone else's."""
        try:
            parts = self.hosts.check(target.endpoint)
        except EndpointRefused as refused:
            log.warning("a push was not sent: its endpoint %s", refused)
            return "refused"
        origin = parts.netloc
        authorization = self.vapid.header_for(f"{parts.scheme}://{parts.netloc}")
        try:
            body = await self._encryptor.encrypt(target, payload)
        except Exception as error:  # malformed keys: this subscription can never be used
            log.warning("a push to %s could not be encrypted (%s)", origin, type(error).__name__)
            return "gone"
        status: int | str = "no answer"
        detail = ""
        for attempt in range(self.settings.attempts):
            wait = self.settings.first_backoff * 2**attempt
            try:
                async with self._slots:
                    answer = await post_push(
                        self._connections,
                        target.endpoint,
                        parts,
                        body,
                        authorization,
                        ttl=ttl,
                        urgency=urgency,
                    )
            except (PushConnectionError, TimeoutError) as error:
                status, detail = type(error).__name__, str(error)
            except Exception as error:  # anything else is this push's alone, and final
                status, detail = type(error).__name__, ""
                break
            else:
                status, detail = answer.status, readable(answer.body)
                if 200 <= answer.status < 300:
                    return "sent"
                if answer.status in {404, 410}:
                    return "gone"
                if answer.status != 429 and answer.status < 500:
                    break
                wait = answer.retry_after if answer.retry_after is not None else wait
            if attempt + 1 < self.settings.attempts:
                await asyncio.sleep(min(wait, self.settings.longest_wait))
        log.warning(
            "push to %s gave up after %s tries (last answer: %s %s)",
            origin,
            attempt + 1,
            status,
            detail,
        )
        return "failed"


def readable(body: bytes) -> str:
    """A push service's refusal as one short, printable line for the log (it names no one:
    only the service's own words, capped)."""
    text = body.decode("utf-8", "replace")
    return "".join(ch if ch.isprintable() else " " for ch in text).strip()[:300]


def start_dispatching(dispatcher: Dispatcher, interval: float) -> asyncio.Task[None]:
    """Run the dispatcher in the background of this server process."""
    return asyncio.create_task(dispatcher.run(interval), name="steady-reminders")


async def stop_dispatching(task: asyncio.Task[None], dispatcher: Dispatcher) -> None:
    """Stop sending and close connections (a claimed batch's lease lets another take it)."""
    task.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await task
    await dispatcher.close()
