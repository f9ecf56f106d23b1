"""One HTTP client sending a prepared set of pushes, in a process of its own so its CPU
is counted alone. Run by ``bench/push_senders``:

    python bench/_push_sender.py CLIENT JOB.json CONCURRENCY

JOB.json holds the endpoints, their encrypted bodies (base64) and the headers; prints
{"sent", "seconds", "cpu", "statuses"} as JSON. Imports nothing from Steady except for
the ``steady`` client, so the niquests run can use a virtualenv of its own (niquests
replaces urllib3 with urllib3-future where it is installed).
"""

from __future__ import annotations

import asyncio
import base64
import json
import sys
import time
from collections import Counter
from collections.abc import Awaitable, Callable
from datetime import timedelta
from typing import Any

Post = Callable[[str, bytes], Awaitable[int]]


async def handwritten_client(headers: dict[str, str], concurrency: int) -> tuple[Post, Any]:
    from _handwritten_push_http import PushConnections

    connections = PushConnections(lambda *_: True)

    async def post(url: str, body: bytes) -> int:
        return (await connections.post(url, headers, body, 10.0)).status

    return post, connections.close


async def steady_client(headers: dict[str, str], concurrency: int) -> tuple[Post, Any]:
    """Steady's sender as the dispatcher uses it (pyreqwest, one client per origin pinned
    to a checked address, the encoding headers set once)."""
    from steady.push import PUSH_HEADERS, push_connections

    connections = push_connections(lambda *_: True)
    per_push = {k: v for k, v in headers.items() if k not in PUSH_HEADERS}

    async def post(url: str, body: bytes) -> int:
        return (await connections.post(url, per_push, body, 10.0)).status

    return post, connections.close


async def aiohttp_client(headers: dict[str, str], concurrency: int) -> tuple[Post, Any]:
    import aiohttp

    connector = aiohttp.TCPConnector(
        limit=concurrency, ttl_dns_cache=300, keepalive_timeout=30, enable_cleanup_closed=True
    )
    session = aiohttp.ClientSession(
        connector=connector,
        timeout=aiohttp.ClientTimeout(total=10),
        headers=headers,
        skip_auto_headers=("User-Agent", "Accept", "Accept-Encoding"),
    )

    async def post(url: str, body: bytes) -> int:
        async with session.post(url, data=body) as answer:
            await answer.read()
            return answer.status

    return post, session.close


async def pyreqwest_client(headers: dict[str, str], concurrency: int) -> tuple[Post, Any]:
    from pyreqwest.client import ClientBuilder

    client = (
        ClientBuilder()
        .default_headers(headers)
        .max_connections(concurrency)
        .timeout(timedelta(seconds=10))
        .build()
    )

    async def post(url: str, body: bytes) -> int:
        answer = await client.post(url).body_bytes(body).build().send()
        await answer.bytes()
        return int(answer.status)

    return post, client.close


async def niquests_client(headers: dict[str, str], concurrency: int) -> tuple[Post, Any]:
    import niquests

    session = niquests.AsyncSession(pool_connections=4, pool_maxsize=concurrency)
    session.headers.update(headers)

    async def post(url: str, body: bytes) -> int:
        answer = await session.post(url, data=body, timeout=10)
        return int(answer.status_code or 0)

    return post, session.close


CLIENTS = {
    "handwritten": handwritten_client,
    "steady": steady_client,
    "aiohttp": aiohttp_client,
    "pyreqwest": pyreqwest_client,
    "niquests": niquests_client,
}


async def send_all(client: str, job: dict[str, Any], concurrency: int) -> dict[str, Any]:
    post, close = await CLIENTS[client](job["headers"], concurrency)
    pushes = [(p["endpoint"], base64.b64decode(p["body"])) for p in job["pushes"]]
    slots = asyncio.Semaphore(concurrency)
    statuses: Counter[str] = Counter()

    async def one(url: str, body: bytes) -> None:
        async with slots:
            try:
                statuses[str(await post(url, body))] += 1
            except Exception as error:
                statuses[type(error).__name__] += 1

    # A warm-up push, so connecting and imports are not counted.
    await one(*pushes[0])
    statuses.clear()
    cpu, started = time.process_time(), time.perf_counter()
    await asyncio.gather(*(one(url, body) for url, body in pushes[1:]))
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    closing = close()
    if asyncio.iscoroutine(closing):
        await closing
    return {"sent": statuses.get("201", 0), "seconds": seconds, "cpu": cpu, "statuses": statuses}


def main() -> None:
    client, job_file, concurrency = sys.argv[1], sys.argv[2], int(sys.argv[3])
    with open(job_file) as handle:  # noqa: PTH123 - the only file this script reads
        job = json.load(handle)
    try:
        import uvloop

        result = uvloop.run(send_all(client, job, concurrency))
    except ImportError:
        result = asyncio.run(send_all(client, job, concurrency))
    sys.stdout.write(json.dumps(result))


if __name__ == "__main__":
    main()
