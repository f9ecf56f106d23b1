"""The one place that knows Steady's features and wires them into a Litestar app."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import msgspec
from litestar import Litestar, get
from litestar.config.compression import CompressionConfig
from litestar.datastructures import State
from litestar.di import Provide
from litestar.exceptions import ClientException, NotFoundException
from litestar.openapi import OpenAPIConfig
from litestar.openapi.plugins import JsonRenderPlugin
from litestar.stores.base import Store
from litestar.stores.memory import MemoryStore
from litestar.stores.redis import RedisStore
from piccolo.engine.base import Engine
from redis.asyncio import Redis

from steady import (
    accounts,
    checkins,
    circles,
    commitments,
    db,
    events,
    grounding,
    portability,
    reminders,
    sharing,
    shifts,
    toolkit,
)
from steady.accounts.service import principal_for_token
from steady.addresses import ClientAddresses
from steady.auth import Principal, require_principal, session_middleware
from steady.csrf import CsrfTokens, csrf_middleware
from steady.domain import DomainError
from steady.errors import client_error_response, domain_error_response, too_deep_response
from steady.feature import Feature
from steady.headers import add_security_headers
from steady.keyfiles import load_or_create_secret_key
from steady.openapi import document_answers
from steady.push import load_or_create_vapid_keys
from steady.push_hosts import PushHosts
from steady.ratelimit import Attempts, SigninWaits
from steady.settings import Settings
from steady.spa import not_found_handler, static_router

FEATURES: tuple[Feature, ...] = (
    accounts.FEATURE,
    toolkit.FEATURE,
    grounding.FEATURE,
    checkins.FEATURE,
    commitments.FEATURE,
    shifts.FEATURE,
    reminders.FEATURE,
    sharing.FEATURE,
    circles.FEATURE,
    portability.FEATURE,
)


class Health(msgspec.Struct):
    status: str
    database: str


@get("/healthz", tags=["health"])
async def healthz() -> Health:
    """Liveness and database reachability, for load balancers and operators."""
    await db.current_engine().run_ddl("SELECT 1")
    return Health(status="ok", database=db.current_engine().engine_type)


def create_app(settings: Settings | None = None, engine: Engine[Any] | None = None) -> Litestar:
    """Build the app: features' routers, sessions, CSRF, headers and the PWA's files."""
    settings = settings or Settings.from_env()
    secret = load_or_create_secret_key(settings.data_dir)
    vapid = load_or_create_vapid_keys(settings.data_dir)
    engine = engine or db.make_engine(settings.resolved_database_url)
    db.use_engine(engine)
    lifetime = timedelta(days=settings.session_days)
    redis = Redis.from_url(settings.redis_url) if settings.redis_url else None
    limits: Store = (
        RedisStore(redis, namespace="steady", handle_client_shutdown=True)
        if redis is not None
        else MemoryStore()
    )
    attempts = Attempts(limits, redis)

    async def resolve_session(token: str) -> Principal | None:
        return await principal_for_token(token, lifetime)

    async def start(app: Litestar) -> None:
        serving: Engine[Any] = app.state.engine
        db.use_engine(serving)
        await db.open_engine(serving, settings.db_pool_size)
        for feature in FEATURES:
            for hook in feature.on_startup:
                await hook(app)

    async def stop(app: Litestar) -> None:
        for feature in reversed(FEATURES):
            for hook in feature.on_shutdown:
                await hook(app)
        await db.close_engine(app.state.engine)

    dist: Path | None = (
        settings.frontend_dir if (settings.frontend_dir / "index.html").is_file() else None
    )
    handlers: list[object] = [healthz, *(feature.router for feature in FEATURES)]
    if dist is not None:
        handlers.append(static_router(dist))

    listeners = [found for feature in FEATURES for found in feature.listeners]
    events.hear(listeners)
    app = Litestar(
        route_handlers=handlers,  # type: ignore[arg-type]
        dependencies={
            "settings": Provide(lambda: settings, sync_to_thread=False),
            "principal": Provide(require_principal, sync_to_thread=False),
        },
        middleware=[
            csrf_middleware(CsrfTokens(secret), settings.secure_cookies),
            session_middleware(resolve_session, lifetime, settings.secure_cookies),
        ],
        exception_handlers={
            ClientException: client_error_response,
            NotFoundException: not_found_handler(dist),
            DomainError: domain_error_response,
            RecursionError: too_deep_response,
        },
        before_send=[add_security_headers],
        on_startup=[start],
        on_shutdown=[stop],
        openapi_config=OpenAPIConfig(
            title="Steady API",
            version="1",
            path="/schema",
            render_plugins=[JsonRenderPlugin(path=["/", "/openapi.json"])],
        ),
        request_max_body_size=settings.max_body_bytes,
        compression_config=CompressionConfig(backend="gzip", minimum_size=1024),
        stores={"rate_limits": limits},
        state=State(
            {
                "settings": settings,
                # The database it serves from (a test may point a built app at another).
                "engine": engine,
                "vapid": vapid,
                "push_hosts": PushHosts.parse(settings.push_hosts),
                "attempts": attempts,
                "signin_waits": SigninWaits(attempts, settings.signin_failures_before_wait),
                "client_addresses": ClientAddresses(settings.trusted_proxies),
                "csrf": CsrfTokens(secret),
                # Derives key salts for usernames no one has (accounts/keys.py).
                "secret_key": secret,
            }
        ),
    )
    document_answers(app)
    return app
