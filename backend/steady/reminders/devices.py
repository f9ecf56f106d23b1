"""The devices that receive a person's pushes (their browsers' push subscriptions)."""

from __future__ import annotations

from steady import db
from steady.reminders.schemas import SubscriptionView
from steady.reminders.tables import PushSubscription


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
