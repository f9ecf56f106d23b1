"""Encrypting push payloads for one subscription each (RFC 8291, ``aes128gcm``) with
pywebpush's own encoder (``WebPusher.encode``, which seals with http_ece, the reference
implementation): no cryptography of Steady's own on the server. What Steady adds is the
size rule (a push is one 4 KiB record), errors as ``ValueError``, and doing it beside
the event loop (``Encryptor``).
"""

from __future__ import annotations

import asyncio
import multiprocessing
from concurrent.futures import ProcessPoolExecutor

from pywebpush import NoData, WebPusher, WebPushException

from steady.push import PushTarget

# RFC 8188's record size, which pywebpush leaves at http_ece's default: a push is one
# record, and the payload shares it with a one-byte delimiter and the 16-byte tag.
_RECORD_SIZE = 4096
_LARGEST_PAYLOAD = _RECORD_SIZE - 17


def encrypt_payload(p256dh: str, auth: str, payload: bytes) -> bytes:
    """``payload`` encrypted for the browser holding ``p256dh``/``auth`` (RFC 8291), the
    whole request body (RFC 8188 header and one record); ``ValueError`` when the payload
    is empty or too big for one record, or the keys are no browser's."""
    if len(payload) > _LARGEST_PAYLOAD:
        raise ValueError("a push payload must fit in one 4 KiB record")
    # WebPusher wants a whole subscription; encoding never reads its endpoint.
    subscription = {"endpoint": "", "keys": {"p256dh": p256dh, "auth": auth}}
    try:
        encoded = WebPusher(subscription).encode(payload, content_encoding="aes128gcm")
    except NoData as error:  # pywebpush sends an empty push without a body: never ours
        raise ValueError("a push payload is never empty") from error
    except WebPushException as error:
        raise ValueError(error.message) from error
    body: bytes = encoded["body"]
    return body


def encrypt_many(items: list[tuple[str, str, bytes]]) -> list[bytes]:
    """Several payloads encrypted in one call (what a worker process is handed)."""
    return [encrypt_payload(p256dh, auth, payload) for p256dh, auth, payload in items]


class Encryptor:
    """Encrypts pushes, in worker processes when given any (``STEADY_PUSH_ENCRYPT_WORKERS``):
    encryption is the CPU-heavy part of sending (a fresh ECDH key pair and agreement per
    message, and pywebpush's bookkeeping around them: nearly as much as everything else the
    event loop does for a push), so the loop hands payloads off in chunks and keeps sending
    while the next chunk is encrypted.

    Why a pool still, with pywebpush's encoder (measured by ``make bench-push``, figures in
    the README): with one worker sharing the dispatcher's one core, the dispatcher used no
    more CPU a push in all than with encryption in the loop, the loop's own share about
    halved, and it delivered more pushes a second in most paired runs. Where the server has
    a core to spare, the worker also encrypts in parallel with sending."""

    def __init__(self, workers: int, chunk: int = 64) -> None:
        self._pool = (
            ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"))
            if workers > 0
            else None
        )
        self._chunk = chunk
        self._workers = workers
        self._waiting: list[tuple[PushTarget, bytes, asyncio.Future[bytes]]] = []
        self._chunks: set[asyncio.Future[None]] = set()

    async def warm_up(self) -> None:
        """Start the worker processes now (a second of imports), not on the first push."""
        if self._pool is not None:
            loop = asyncio.get_running_loop()
            await asyncio.gather(
                *(loop.run_in_executor(self._pool, encrypt_many, []) for _ in range(self._workers))
            )

    def worker_pids(self) -> list[int]:
        """The encrypting processes' ids, so a benchmark can count their CPU."""
        return list(self._pool._processes or {}) if self._pool is not None else []

    async def encrypt(self, target: PushTarget, payload: bytes) -> bytes:
        """The encrypted body for one push."""
        if self._pool is None:
            return encrypt_payload(target.p256dh, target.auth, payload)
        loop = asyncio.get_running_loop()
        result: asyncio.Future[bytes] = loop.create_future()
        if not self._waiting:
            loop.call_soon(self._hand_off)  # once every push queued this turn has joined
        self._waiting.append((target, payload, result))
        return await result

    def _hand_off(self) -> None:
        waiting, self._waiting = self._waiting, []
        for start in range(0, len(waiting), self._chunk):
            chunk = waiting[start : start + self._chunk]
            task = asyncio.ensure_future(self._encrypt_chunk(chunk))
            self._chunks.add(task)
            task.add_done_callback(self._chunks.discard)

    async def _encrypt_chunk(
        self, chunk: list[tuple[PushTarget, bytes, asyncio.Future[bytes]]]
    ) -> None:
        loop = asyncio.get_running_loop()
        try:
            bodies = await loop.run_in_executor(
                self._pool,
                encrypt_many,
                [(target.p256dh, target.auth, payload) for target, payload, _ in chunk],
            )
        except Exception as error:  # a broken worker fails these pushes, not the dispatcher
            for _, _, result in chunk:
                if not result.done():
                    result.set_exception(error)
            return
        for (_, _, result), body in zip(chunk, bodies, strict=True):
            if not result.done():
                result.set_result(body)

    def close(self) -> None:
        """Stop the worker processes."""
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
