"""The stand-in push service (tests/reminders/push_service.py) in a process of its own,
for the push benchmarks: it checks every VAPID token, decrypts a sample of payloads and
answers each push after a delay, as a real push service across the internet would."""

from __future__ import annotations

import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from _server import free_port

ROOT = Path(__file__).resolve().parent.parent


def start_push_service(delay: float, cpu: int | None = None) -> tuple[subprocess.Popen[bytes], str]:
    """Start it (on one core when ``cpu`` is given); its origin once it answers."""
    port = free_port()
    pinned = ["taskset", "-c", str(cpu)] if cpu is not None else []
    process = subprocess.Popen(
        [
            *pinned,
            sys.executable,
            "-m",
            "tests.reminders.push_service",
            "--port",
            str(port),
            "--delay",
            str(delay),
            "--decrypt-every",
            "100",
        ],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
    )
    origin = f"http://127.0.0.1:{port}"
    for _ in range(200):
        try:
            urllib.request.urlopen(f"{origin}/received", timeout=1)  # noqa: S310
            return process, origin
        except OSError:
            time.sleep(0.05)
    process.kill()
    raise SystemExit("the local push service did not start")
