"""Push reminders: subscriptions, what to remind and when, and the dispatcher that sends them."""

from datetime import timedelta

from litestar import Litestar

from steady.feature import Feature
from steady.push import VapidAuthorizations
from steady.reminders.dispatcher import (
    Dispatcher,
    DispatchSettings,
    start_dispatching,
    stop_dispatching,
)
from steady.reminders.listeners import LISTENERS
from steady.reminders.routes import router


async def _start(app: Litestar) -> None:
    settings = app.state.settings
    dispatcher = Dispatcher(
        VapidAuthorizations(app.state.vapid, settings.vapid_subject),
        DispatchSettings(
            batch=settings.dispatch_batch,
            concurrency=settings.push_concurrency,
            encrypt_workers=settings.push_encrypt_workers,
            grace=timedelta(minutes=settings.reminder_grace_minutes),
        ),
        app.state.push_hosts,
    )
    app.state.dispatcher = dispatcher
    if settings.dispatcher_enabled:
        app.state.dispatch_task = start_dispatching(dispatcher, settings.dispatch_interval_seconds)


async def _stop(app: Litestar) -> None:
    task = app.state.get("dispatch_task")
    if task is not None:
        await stop_dispatching(task, app.state.dispatcher)
    else:
        await app.state.dispatcher.close()


FEATURE = Feature(
    name="reminders",
    router=router,
    on_startup=(_start,),
    on_shutdown=(_stop,),
    listeners=LISTENERS,
)
