"""A real Steady server process on a loopback port, for tests that need one (contract
fuzzing, being killed mid-write), started the way ``make run`` starts it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx

from tests import clock
from tests.environment import FAST_ARGON2, free_port

ROOT = Path(__file__).resolve().parent.parent


class ServedSteady:
    """``python -m steady serve`` in its own process, its clock where the test's is
    (tests/clocked_server.py); ``start``, ``kill`` and ``stop`` it."""

    def __init__(self, data_dir: Path, **settings: str) -> None:
        self.data_dir = data_dir
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = data_dir / "server.log"
        self.env = {
            **os.environ,
            **FAST_ARGON2,
            "STEADY_DATA_DIR": str(data_dir),
            "STEADY_PORT": str(self.port),
            "STEADY_FRONTEND_DIR": str(data_dir / "no-frontend"),
            "STEADY_DISPATCHER_ENABLED": "false",
            "STEADY_LOG_LEVEL": "warning",
            **settings,
        }
        self.process: subprocess.Popen[bytes] | None = None

    def start(self, timeout: float = 60.0) -> None:
        """Start the server (migrating first) and wait until it answers."""
        self.data_dir.mkdir(parents=True, exist_ok=True)
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(  # noqa: S603 - our own server, our arguments
                self._command(),
                env=self.env,
                cwd=ROOT,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"the server exited: {self.log.read_text()[-2000:]}")
            try:
                if httpx.get(f"{self.url}/healthz", timeout=1).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.1)
        raise RuntimeError("the server did not start in time")

    @staticmethod
    def _command() -> list[str]:
        """Under a test, the server's clock starts where the test's is; run on its own
        (``make fuzz``), it keeps the machine's."""
        if clock.is_running():
            return [sys.executable, "-m", "tests.clocked_server", clock.current().now().isoformat()]
        return [sys.executable, "-m", "steady", "serve"]

    def kill(self) -> None:
        """SIGKILL: no shutdown hooks, no flushing; what was committed must survive."""
        assert self.process is not None
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.kill()

    def __enter__(self) -> ServedSteady:
        self.start()
        return self

    def __exit__(self, *_: Any) -> None:
        self.stop()


def signed_in_client(url: str, username: str, passphrase: str) -> httpx.Client:
    """A client that signed up as ``username`` and echoes its CSRF token on every write."""
    client = httpx.Client(base_url=url, timeout=30)
    client.get("/api/session")
    answer = client.post(
        "/api/accounts",
        json={"username": username, "passphrase": passphrase, "time_zone": "UTC"},
        headers={"x-csrf-token": client.cookies["steady_csrf"]},
    )
    answer.raise_for_status()
    client.headers["x-csrf-token"] = answer.json()["csrf_token"]
    return client
