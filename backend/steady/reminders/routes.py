"""HTTP routes for push subscriptions, reminder preferences and snoozes."""

from __future__ import annotations

from typing import Annotated, Any

from litestar import Request, Router, delete, get, post, put
from litestar.datastructures import State
from litestar.di import NamedDependency
from litestar.exceptions import NotFoundException
from litestar.params import JSONBody, Parameter
from litestar.status_codes import HTTP_200_OK

from steady.auth import Principal
from steady.device_labels import device_label
from steady.reminders import devices, service
from steady.reminders.schemas import (
    PrefsView,
    PrefsWrite,
    PushKey,
    SnoozeView,
    SnoozeWrite,
    SubscriptionView,
    SubscriptionWrite,
)
from steady.structs import SERIAL_MAX


@get("/push-key", operation_id="push_key")
async def push_key(state: State) -> PushKey:
    """The server's VAPID public key: the browser subscribes with it."""
    return PushKey(public_key=state.vapid.public_key)


@get("/subscriptions", operation_id="list_subscriptions")
async def list_subscriptions(principal: NamedDependency[Principal]) -> list[SubscriptionView]:
    """The devices that receive this person's reminders."""
    return await devices.list_subscriptions(principal.user_id)


@put("/subscriptions", operation_id="save_subscription", status_code=HTTP_200_OK)
async def save_subscription(
    principal: NamedDependency[Principal],
    data: JSONBody[SubscriptionWrite],
    request: Request[Any, Any, Any],
    state: State,
) -> SubscriptionView:
    """Register (or renew, after ``pushsubscriptionchange``) this device's subscription."""
    devices.check_subscription(state.push_hosts, data.endpoint, data.keys.p256dh, data.keys.auth)
    if data.replaces:
        await devices.forget_endpoint(principal.user_id, data.replaces)
    return await devices.save_subscription(
        principal.user_id,
        data.endpoint,
        data.keys.p256dh,
        data.keys.auth,
        device_label(request.headers.get("user-agent", "")),
    )


@delete("/subscriptions/{subscription_id:int}", operation_id="remove_subscription")
async def remove_subscription(
    principal: NamedDependency[Principal],
    subscription_id: Annotated[int, Parameter(ge=1, le=SERIAL_MAX)],
) -> None:
    """Stop pushing to one device."""
    if not await devices.remove_subscription(principal.user_id, subscription_id):
        raise NotFoundException(detail="No such device.")


@get("/prefs", operation_id="reminder_prefs")
async def reminder_prefs(principal: NamedDependency[Principal]) -> PrefsView:
    """Quiet hours, the daily cap, and which reminders are on."""
    return await service.get_prefs(principal.user_id)


@put("/prefs", operation_id="save_reminder_prefs", status_code=HTTP_200_OK)
async def save_reminder_prefs(
    principal: NamedDependency[Principal], data: JSONBody[PrefsWrite]
) -> PrefsView:
    """Change preferences; every reminder's next time follows them."""
    return await service.save_prefs(principal.user_id, data)


@post(
    "/snooze",
    operation_id="snooze_reminder",
    status_code=HTTP_200_OK,
    opt={"answers": (404,)},
)
async def snooze_reminder(
    principal: NamedDependency[Principal], data: JSONBody[SnoozeWrite]
) -> SnoozeView:
    """Ask again in an hour or after the shift (from a notification's "Snooze")."""
    return SnoozeView(
        due_at=await service.snooze(principal.user_id, data.kind, data.ref, data.until)
    )


router = Router(
    path="/api/reminders",
    tags=["reminders"],
    route_handlers=[
        push_key,
        list_subscriptions,
        save_subscription,
        remove_subscription,
        reminder_prefs,
        save_reminder_prefs,
        snooze_reminder,
    ],
)
