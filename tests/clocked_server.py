"""``python -m steady serve`` with its clock where the test's clock is.

A test that needs a server in its own process (tests/served.py) starts it through this
module, so the server reads the same moment as the test (time-machine, ticking from the
moment given) rather than the machine's clock: one clock per test, even across processes.

Usage: python -m tests.clocked_server ISO-MOMENT
"""

from __future__ import annotations

import runpy
import sys
from datetime import datetime

import time_machine

if __name__ == "__main__":
    moment = datetime.fromisoformat(sys.argv[1])
    with time_machine.travel(moment, tick=True):
        sys.argv = ["steady", "serve"]
        runpy.run_module("steady", run_name="__main__", alter_sys=True)
