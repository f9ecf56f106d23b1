"""The page objects' part for pushes: deliver one to the service worker as a push service
would (through the DevTools Protocol: there is no push service here), and read or press
the notifications it shows."""

from __future__ import annotations

from typing import Any

import msgspec
from playwright.sync_api import CDPSession, Page

from steady.reminders.notices import Notice


class Notifications:
    """Pushes and notifications on one phone (mixed into ``e2e.pages.App``)."""

    page: Page
    base_url: str

    def worker_registration_id(self) -> tuple[CDPSession, str]:
        """A DevTools session and the id of the app's service worker registration."""
        cdp = self.page.context.new_cdp_session(self.page)
        registrations: dict[str, str] = {}
        cdp.on(
            "ServiceWorker.workerRegistrationUpdated",
            lambda event: registrations.update(
                {
                    r["scopeURL"]: r["registrationId"]
                    for r in event["registrations"]
                    if not r["isDeleted"]
                }
            ),
        )
        cdp.send("ServiceWorker.enable")
        scope = self.base_url + "/"
        for _ in range(400):
            if scope in registrations:
                return cdp, registrations[scope]
            self.page.wait_for_timeout(50)
        raise AssertionError("the service worker never registered")

    def deliver_push(self, notice: Notice) -> None:
        """Hand a push message to the service worker, as the browser's push service would."""
        cdp, registration = self.worker_registration_id()
        data = msgspec.json.encode(notice).decode()
        cdp.send(
            "ServiceWorker.deliverPushMessage",
            {"origin": self.base_url, "registrationId": registration, "data": data},
        )

    def notifications(self) -> list[dict[str, Any]]:
        """The notifications the service worker is showing."""
        shown: list[dict[str, Any]] = self.page.evaluate(
            "navigator.serviceWorker.ready.then(r => r.getNotifications()).then(list => list.map("
            "n => ({title: n.title, body: n.body, tag: n.tag,"
            " actions: n.actions.map(a => a.title)})))"
        )
        return shown

    def wait_for_notifications(self, count: int, timeout_ms: int = 30_000) -> list[dict[str, Any]]:
        """The notifications shown once there are ``count`` (a worker woken by a push can
        take a while to start on a busy machine)."""
        waited = 0
        while len(shown := self.notifications()) != count:
            if waited >= timeout_ms:
                raise AssertionError(f"expected {count} notifications, saw {shown}")
            self.page.wait_for_timeout(50)
            waited += 50
        return shown

    def notification_action(self, tag: str, action: str) -> None:
        """Press a notification's button (the worker runs the same code as for a real tap)."""
        self.page.evaluate(
            "([tag, action]) => navigator.serviceWorker.ready.then("
            "r => r.active.postMessage({type: 'NOTIFICATION_ACTION', tag, action}))",
            [tag, action],
        )
