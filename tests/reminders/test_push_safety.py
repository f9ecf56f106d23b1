"""Pushes go only to push services, and one bad subscription never harms anyone else's."""

from __future__ import annotations

import logging
from collections import Counter
from datetime import timedelta

import pytest

from steady.accounts.tables import Account
from steady.push_hosts import PushHosts, is_public_address
from steady.reminders.dispatcher import Dispatcher
from steady.reminders.tables import PushSubscription, Reminder, SentPush
from tests.clock import Clock
from tests.conftest import CLOSED_PUSH_PORT
from tests.helpers import Api, field_names
from tests.reminders.helpers import dispatch_at, people_with_due_reminders, person_with_phone
from tests.reminders.push_service import LocalPushService

GOOD_KEYS = {
    "p256dh": (
        "BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM"
    ),
    "auth": "tBHItJI5svbpez7KI4CCXg",
}
SSRF_ENDPOINTS = {
    "loopback address": "http://127.0.0.1:5432/x",
    "localhost": "https://localhost/push/1",
    "IPv6 loopback": "https://[::1]/push/1",
    "private range": "https://10.0.0.8/push/1",
    "private range 192.168": "https://192.168.1.1/push",
    "link-local (cloud metadata)": "http://169.254.169.254/latest/meta-data/",
    "user and password": "https://user:pw@fcm.googleapis.com/fcm/send/abc",
    "non-ASCII": "https://fcm.googleapis.com/fcm/send/\u0100",
    "plain http to a listed host": "http://fcm.googleapis.com/fcm/send/abc",
    "plain http to an unlisted host": "http://example.com/push",
    "https to an unlisted host": "https://example.com/push",
    "a listed host's look-alike": "https://fcm.googleapis.com.evil.example/push",
    "this server's own API": "http://127.0.0.1:8000/api/account/deletion",
    "not a web address": "javascript:alert(1)",
    "a listed host on another port": "https://fcm.googleapis.com:8443/fcm/send/abc",
}


@pytest.mark.parametrize("endpoint", SSRF_ENDPOINTS.values(), ids=SSRF_ENDPOINTS.keys())
async def test_registration_refuses_addresses_that_are_not_push_services(
    api: Api, endpoint: str
) -> None:
    await api.sign_up("sam")
    answer = await api.put(
        "/api/reminders/subscriptions", json={"endpoint": endpoint, "keys": GOOD_KEYS}
    )
    assert answer.status_code == 400, answer.text
    assert field_names(answer) == ["endpoint"]
    assert await PushSubscription.count() == 0


async def test_real_push_services_are_accepted(api: Api) -> None:
    await api.sign_up("sam")
    for endpoint in (
        "https://fcm.googleapis.com/fcm/send/dXJ0aGlzaXNhdGVzdA",
        "https://updates.push.services.mozilla.com/wpush/v2/gAAAAA",
        "https://web.push.apple.com/QGm0T9Y",
        "https://wns2-par02p.notify.windows.com/w/?token=BQYAAA",
    ):
        answer = await api.put(
            "/api/reminders/subscriptions", json={"endpoint": endpoint, "keys": GOOD_KEYS}
        )
        assert answer.status_code == 200, (endpoint, answer.text)


BAD_KEYS = {
    "p256dh too short": ({"p256dh": "AAAA", "auth": GOOD_KEYS["auth"]}, "keys.p256dh"),
    "p256dh not on the curve": (
        {"p256dh": "BA" + "A" * 85, "auth": GOOD_KEYS["auth"]},
        "keys.p256dh",
    ),
    "p256dh compressed": (
        {"p256dh": "Az" + GOOD_KEYS["p256dh"][2:44], "auth": GOOD_KEYS["auth"]},
        "keys.p256dh",
    ),
    "auth too short": ({"p256dh": GOOD_KEYS["p256dh"], "auth": "AAAA"}, "keys.auth"),
    "auth too long": ({"p256dh": GOOD_KEYS["p256dh"], "auth": "A" * 40}, "keys.auth"),
}


@pytest.mark.parametrize(("keys", "field"), BAD_KEYS.values(), ids=BAD_KEYS.keys())
async def test_keys_no_push_could_use_are_refused(
    api: Api, push_service: LocalPushService, keys: dict[str, str], field: str
) -> None:
    await api.sign_up("sam")
    endpoint = push_service.subscribe()["endpoint"]
    answer = await api.put(
        "/api/reminders/subscriptions", json={"endpoint": endpoint, "keys": keys}
    )
    assert answer.status_code == 400, answer.text
    assert field_names(answer) == [field]
    assert await PushSubscription.count() == 0


def test_the_allowlist_reads_names_subdomains_and_plain_http_stand_ins() -> None:
    hosts = PushHosts.parse(".push.apple.com, fcm.googleapis.com ,http://127.0.0.1:9100")
    hosts.check("https://web.push.apple.com/x")
    hosts.check("https://fcm.googleapis.com/x")
    hosts.check("http://127.0.0.1:9100/push/1")
    for refused in (
        "https://push.apple.com/x",  # a leading dot means subdomains only
        "http://127.0.0.1:9101/push/1",
        "https://127.0.0.1:9100/push/1",
    ):
        with pytest.raises(ValueError):
            hosts.check(refused)
    assert hosts.may_connect("http", "127.0.0.1", 9100, "127.0.0.1")
    assert not hosts.may_connect("https", "fcm.googleapis.com", 443, "10.1.2.3")
    assert not hosts.may_connect("https", "fcm.googleapis.com", 443, "::ffff:127.0.0.1")
    assert hosts.may_connect("https", "fcm.googleapis.com", 443, "142.250.74.10")


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1",
        "10.0.0.1",
        "172.16.5.4",
        "192.168.0.1",
        "169.254.169.254",
        "::1",
        "fe80::1",
        "fc00::1",
        "224.0.0.1",
        "0.0.0.0",  # noqa: S104 - an address checked, never bound
        "::ffff:10.0.0.1",
        "100.64.0.1",
    ],
)
def test_inward_addresses_are_never_connected_to(address: str) -> None:
    assert not is_public_address(address)


async def test_a_row_planted_with_a_disallowed_endpoint_is_never_sent_to(
    api: Api, dispatcher: Dispatcher, caplog: pytest.LogCaptureFixture, clock: Clock
) -> None:
    await api.sign_up("sam")
    account = (await Account.select(Account.id).first())["id"]
    await PushSubscription.insert(
        PushSubscription(
            account=account,
            endpoint="http://127.0.0.1:5432/internal",
            p256dh=GOOD_KEYS["p256dh"],
            auth=GOOD_KEYS["auth"],
        )
    )
    due = clock.now() - timedelta(minutes=1)
    await Reminder.insert(
        Reminder(account=account, kind="checkin", cadence="daily", clock="09:00", due_at=due)
    )
    with caplog.at_level(logging.WARNING, logger="steady.reminders"):
        report = await dispatcher.dispatch_once()
    assert report.claimed == 1
    assert report.sent == 0
    assert report.outcomes["refused"] == 1
    assert await SentPush.count() == 0
    assert "127.0.0.1:5432/internal" not in caplog.text


async def test_a_bad_subscription_fails_alone_and_nobody_gets_a_push_twice(
    push_service: LocalPushService, dispatcher: Dispatcher, clock: Clock
) -> None:
    due = clock.now() - timedelta(minutes=1)
    phones = await people_with_due_reminders(push_service, 100, due)
    (broken,) = await people_with_due_reminders(push_service, 1, due, prefix="broken")
    (unreachable,) = await people_with_due_reminders(push_service, 1, due, prefix="away")
    # Planted straight in the database, as if stored before keys were checked: encrypting
    # for this one raises. The other's push service refuses connections.
    await PushSubscription.update({PushSubscription.p256dh: "AAAA"}).where(
        PushSubscription.endpoint == broken["endpoint"]
    )
    closed = f"http://127.0.0.1:{CLOSED_PUSH_PORT}/push/nobody-listens"
    await PushSubscription.update({PushSubscription.endpoint: closed}).where(
        PushSubscription.endpoint == unreachable["endpoint"]
    )

    now = clock.now()
    first = await dispatcher.dispatch_once()
    # The lease (three minutes) runs out twice; nothing may come again.
    later = [await dispatch_at(dispatcher, clock, now + timedelta(minutes=m)) for m in (4, 8)]

    assert first.claimed == 102
    assert first.sent == 100
    assert [report.claimed for report in later] == [0, 0]
    per_phone = Counter(r.subscription for r in push_service.received)
    assert set(per_phone) == {phone["endpoint"].rsplit("/", 1)[1] for phone in phones}
    assert set(per_phone.values()) == {1}
    assert await SentPush.count() == 100
    # The subscription no push can ever use is pruned; the unreachable one is kept.
    assert await PushSubscription.count().where(PushSubscription.endpoint == closed) == 1
    assert await PushSubscription.count().where(PushSubscription.p256dh == "AAAA") == 0
    assert await Reminder.count().where(Reminder.claimed_until.is_not_null()) == 0


async def test_a_refusing_push_service_is_logged_with_its_reason_and_no_one_named(
    api: Api,
    push_service: LocalPushService,
    dispatcher: Dispatcher,
    caplog: pytest.LogCaptureFixture,
    clock: Clock,
) -> None:
    phone = await person_with_phone(api, push_service, checkin_time="09:00")
    push_service.answer_next(phone["endpoint"], 400, body="BadJwtToken: the token expired")
    due = (await Reminder.select(Reminder.due_at).first())["due_at"]
    with caplog.at_level(logging.WARNING, logger="steady.reminders"):
        report = await dispatch_at(dispatcher, clock, due + timedelta(minutes=1))
    assert report.failed == 1
    assert "BadJwtToken: the token expired" in caplog.text
    assert phone["endpoint"] not in caplog.text
    assert "sam" not in caplog.text
