"""Running the PWA's own TypeScript in Node: an entry is bundled with rolldown exactly as
the build would take it, and run with a JSON document on stdin, JSON back on stdout. Tests
use it where the phone and the server must agree byte for byte (CSV, sealing)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
NODE = shutil.which("node") or "node"


def bundle_for_node(entry: Path, out: Path) -> Path:
    """Bundle ``entry`` and what it imports into one ES module at ``out``."""
    subprocess.run(  # noqa: S603 - our own bundler on our own source
        [
            str(ROOT / "node_modules" / ".bin" / "rolldown"),
            str(entry),
            "--format",
            "esm",
            "--platform",
            "node",
            "--file",
            str(out),
        ],
        check=True,
        capture_output=True,
        cwd=ROOT,
    )
    return out


def run_node(script: Path, document: Any) -> Any:
    """Run ``script`` with ``document`` as JSON on stdin; what it printed, as JSON."""
    done = subprocess.run(  # noqa: S603 - node running a bundle made above
        [NODE, str(script)],
        input=json.dumps(document).encode(),
        check=True,
        capture_output=True,
    )
    return json.loads(done.stdout)
