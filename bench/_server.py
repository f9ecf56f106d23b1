"""Start the real app (built PWA and API) on a loopback port for a benchmark."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def running_server(env: dict[str, str] | None = None, cpu: int | None = None) -> Iterator[str]:
    """Run ``python -m steady serve`` in a fresh data folder; yield its base URL."""
    port = free_port()
    with tempfile.TemporaryDirectory(prefix="steady-bench-") as data:
        environ = {
            **os.environ,
            "STEADY_DATA_DIR": data,
            "STEADY_PORT": str(port),
            "STEADY_LOG_LEVEL": "warning",
            "STEADY_FRONTEND_DIR": str(ROOT / "frontend" / "dist"),
            **(env or {}),
        }
        command = [sys.executable, "-m", "steady", "serve"]
        if cpu is not None:
            command = ["taskset", "-c", str(cpu), *command]
        process = subprocess.Popen(
            command, env=environ, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
        )
        url = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 60
            while True:
                try:
                    with urllib.request.urlopen(url + "/healthz", timeout=1):  # noqa: S310
                        break
                except OSError:
                    if process.poll() is not None or time.monotonic() > deadline:
                        raise RuntimeError(process.stderr.read().decode() if process.stderr else "")  # noqa: B904
                    time.sleep(0.1)
            yield url
        finally:
            process.terminate()
            process.wait(timeout=20)


def median(values: list[float]) -> float:
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2
