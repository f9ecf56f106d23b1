"""A local push service on loopback, standing in for FCM/Mozilla/Apple in tests and benches.

It hands out subscriptions (a P-256 key pair and auth secret each, as a browser makes),
checks every request the way a real push service does (the VAPID JWT's ES256 signature,
``aud``, ``exp`` and ``sub``), decrypts the aes128gcm body with ``http_ece`` and records
what arrived, so tests assert on what a phone would actually have received. It can be
told to answer 404, 410, 429 or 500, and to take a while over each answer.

Run alone (for benchmarks):
``python -m tests.reminders.push_service --port 9100 --delay 0.05 --decrypt-every 100``.
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import json
import os
import secrets
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

import http_ece
import uvloop
from aiohttp import web
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature

from steady import clock


def b64url(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def unb64url(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


@dataclass
class Received:
    """One push as the phone would get it."""

    subscription: str
    payload: dict[str, Any]
    ttl: int
    urgency: str
    claims: dict[str, Any]


@dataclass
class _Subscription:
    key: ec.EllipticCurvePrivateKey
    auth: bytes


@dataclass
class LocalPushService:
    """The push service; ``start()`` it in the running event loop."""

    delay: float = 0.0
    expected_key: str | None = None  # the VAPID public key the server must sign with
    # Tests decrypt every push, as the phone would. A real push service never decrypts, so
    # the benchmark decrypts only a sample (proof the payloads are sound).
    decrypt_every: int = 1
    requests_accepted: int = 0
    decrypted: int = 0
    received: list[Received] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)
    answers: dict[str, list[tuple[int, str | None, str]]] = field(
        default_factory=lambda: defaultdict(list)
    )
    requests: int = 0
    _subscriptions: dict[str, _Subscription] = field(default_factory=dict)
    _verified: set[tuple[str, str]] = field(default_factory=set)
    _runner: web.AppRunner | None = None
    origin: str = ""

    async def start(self, port: int = 0) -> str:
        app = web.Application()
        app.router.add_post("/push/{sid}", self._push)
        app.router.add_post("/subscribe", self._subscribe_over_http)
        app.router.add_get("/received", self._received_count)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", port, backlog=1024)
        await site.start()
        bound = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        self.origin = f"http://127.0.0.1:{bound}"
        return self.origin

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()

    def subscribe(self) -> dict[str, Any]:
        """A new subscription, shaped like the browser's PushSubscription.toJSON()."""
        sid = secrets.token_hex(8)
        key = ec.generate_private_key(ec.SECP256R1())
        auth = os.urandom(16)
        self._subscriptions[sid] = _Subscription(key, auth)
        point = key.public_key().public_bytes(
            serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
        )
        return {
            "endpoint": f"{self.origin}/push/{sid}",
            "keys": {"p256dh": b64url(point), "auth": b64url(auth)},
        }

    def answer_next(
        self, endpoint: str, *statuses: int, retry_after: str | None = None, body: str = ""
    ) -> None:
        """Answer the next requests to this subscription with these statuses, then 201."""
        sid = endpoint.rsplit("/", 1)[1]
        self.answers[sid].extend((status, retry_after, body) for status in statuses)

    def payloads_for(self, endpoint: str) -> list[dict[str, Any]]:
        sid = endpoint.rsplit("/", 1)[1]
        return [r.payload for r in self.received if r.subscription == sid]

    async def _subscribe_over_http(self, request: web.Request) -> web.Response:
        count = int(request.query.get("count", "1"))
        return web.json_response([self.subscribe() for _ in range(count)])

    async def _received_count(self, _: web.Request) -> web.Response:
        return web.json_response(
            {
                "received": len(self.received),
                "decrypted": self.decrypted,
                "refused": len(self.refused),
            }
        )

    def _check_vapid(self, header: str) -> dict[str, Any]:
        """The JWT's claims, or ValueError saying what a real push service would refuse."""
        if not header.startswith("vapid "):
            raise ValueError("no vapid authorization")
        params = dict(part.strip().split("=", 1) for part in header[6:].split(","))
        token, key = params.get("t", ""), params.get("k", "")
        if self.expected_key is not None and key != self.expected_key:
            raise ValueError("signed with an unexpected key")
        head, claims_part, signature = token.split(".")
        if (token, key) not in self._verified:
            # A signature over the same bytes with the same key verifies the same way every
            # time; the claims below are still checked on each request (exp moves on).
            if json.loads(unb64url(head)).get("alg") != "ES256":
                raise ValueError("not ES256")
            raw = unb64url(signature)
            der = encode_dss_signature(
                int.from_bytes(raw[:32], "big"), int.from_bytes(raw[32:], "big")
            )
            public = ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), unb64url(key))
            try:
                public.verify(der, f"{head}.{claims_part}".encode(), ec.ECDSA(hashes.SHA256()))
            except InvalidSignature as error:
                raise ValueError("bad signature") from error
            self._verified.add((token, key))
        claims: dict[str, Any] = json.loads(unb64url(claims_part))
        if claims.get("aud") != self.origin:
            raise ValueError(f"aud {claims.get('aud')!r} is not {self.origin!r}")
        now = clock.epoch_seconds()
        if not now < claims.get("exp", 0) <= now + 24 * 3600:
            raise ValueError("exp is past or more than 24 hours away")
        if not str(claims.get("sub", "")).startswith(("mailto:", "https:")):
            raise ValueError("sub is not a mailto: or https: contact")
        return claims

    async def _push(self, request: web.Request) -> web.Response:
        self.requests += 1
        if self.delay:
            await asyncio.sleep(self.delay)
        sid = request.match_info["sid"]
        subscription = self._subscriptions.get(sid)
        queued = self.answers.get(sid)
        if queued:
            status, retry_after, text = queued.pop(0)
            headers = {"Retry-After": retry_after} if retry_after else {}
            return web.Response(status=status, headers=headers, text=text)
        if subscription is None:
            return web.Response(status=404)
        try:
            claims = self._check_vapid(request.headers.get("Authorization", ""))
        except ValueError as error:
            self.refused.append(str(error))
            return web.Response(status=403, text=str(error))
        if request.headers.get("Content-Encoding") != "aes128gcm":
            self.refused.append("not aes128gcm")
            return web.Response(status=415)
        body = await request.read()
        self.requests_accepted += 1
        payload: dict[str, Any] = {}
        if self.requests_accepted % self.decrypt_every == 0:
            plain = http_ece.decrypt(
                body,
                private_key=subscription.key,
                auth_secret=subscription.auth,
                version="aes128gcm",
            )
            payload = json.loads(plain)
            self.decrypted += 1
        self.received.append(
            Received(
                subscription=sid,
                payload=payload,
                ttl=int(request.headers.get("TTL", "0")),
                urgency=request.headers.get("Urgency", "normal"),
                claims=claims,
            )
        )
        return web.Response(status=201)


async def _serve(port: int, delay: float, decrypt_every: int) -> None:
    service = LocalPushService(delay=delay, decrypt_every=decrypt_every)
    await service.start(port)
    print(f"push service on {service.origin}", flush=True)  # noqa: T201
    await asyncio.Event().wait()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, default=9100)
    parser.add_argument("--delay", type=float, default=0.0)
    parser.add_argument("--decrypt-every", type=int, default=1)
    arguments = parser.parse_args()
    uvloop.run(_serve(arguments.port, arguments.delay, arguments.decrypt_every))
