"""The devices that receive a person's pushes (their browsers' push subscriptions)."""

from __future__ import annotations

import base64
import binascii

from cryptography.hazmat.primitives.asymmetric import ec

from steady import db
from steady.bounds import keep_newest
from steady.domain import InvalidField
from steady.push_hosts import EndpointRefused, PushHosts
from steady.reminders.schemas import SubscriptionView
from steady.reminders.tables import PushSubscription

# Phones one person may receive pushes on; a new one beyond this replaces the oldest.
DEVICES_MAX = 10


def _unb64url(text: str) -> bytes | None:
    try:
        return base64.urlsafe_b64decode(text.rstrip("=") + "=" * (-len(text.rstrip("=")) % 4))
    except (binascii.Error, ValueError):
        return None


def check_subscription(hosts: PushHosts, endpoint: str, p256dh: str, auth: str) -> None:
    """Refuse a subscription no push could (or may) ever be sent to, naming the field."""
    try:
        hosts.check(endpoint)
    except EndpointRefused as refused:
        raise InvalidField("endpoint", f"This phone's push address {refused}.") from refused
    point = _unb64url(p256dh)
    try:
        if point is None or len(point) != 65 or point[0] != 4:
            raise ValueError(p256dh)
        ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), point)
    except ValueError as bad:
        raise InvalidField(
            "keys.p256dh",
            "This phone's push key isn't one a push can be sealed for. Turn reminders off and"
            " on again.",
        ) from bad
    secret = _unb64url(auth)
    if secret is None or len(secret) != 16:
        raise InvalidField(
            "keys.auth",
            "This phone's push secret isn't the right length. Turn reminders off and on again.",
        )


async def save_subscription(
    account_id: int, endpoint: str, p256dh: str, auth: str, label: str
) -> SubscriptionView:
    """Register this device for pushes; an endpoint belongs to whoever registered it last
    (a shared phone that changes hands must not keep pushing to the previous person)."""
    async with db.current_engine().transaction():
        await PushSubscription.delete().where(PushSubscription.endpoint == endpoint)
        row = await PushSubscription.insert(
            PushSubscription(
                account=account_id, endpoint=endpoint, p256dh=p256dh, auth=auth, label=label
            )
        ).returning(PushSubscription.id, PushSubscription.created_at)
        await keep_newest(
            PushSubscription, PushSubscription.account, account_id, PushSubscription.id, DEVICES_MAX
        )
    return SubscriptionView(
        id=row[0]["id"], label=label, endpoint=endpoint, created_at=row[0]["created_at"]
    )


async def list_subscriptions(account_id: int) -> list[SubscriptionView]:
    """The devices that receive this person's reminders."""
    rows = await (
        PushSubscription.select(
            PushSubscription.id,
            PushSubscription.label,
            PushSubscription.endpoint,
            PushSubscription.created_at,
        )
        .where(PushSubscription.account == account_id)
        .order_by(PushSubscription.id)
    )
    return [SubscriptionView(**row) for row in rows]


async def forget_endpoint(account_id: int, endpoint: str) -> None:
    """The browser replaced a subscription: stop pushing to the old endpoint."""
    await PushSubscription.delete().where(
        (PushSubscription.endpoint == endpoint) & (PushSubscription.account == account_id)
    )


async def remove_subscription(account_id: int, subscription_id: int) -> bool:
    """Stop pushing to one device; owner-scoped."""
    gone = await (
        PushSubscription.delete()
        .where((PushSubscription.id == subscription_id) & (PushSubscription.account == account_id))
        .returning(PushSubscription.id)
    )
    return bool(gone)
