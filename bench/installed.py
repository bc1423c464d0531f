"""The environment of a process that runs a checkout's alsdesk as an installed copy runs.

pip compiles a wheel's modules when it installs them, and the bundle ships them compiled, so a
clinic's start never compiles alsdesk's ~250 modules from source. A checkout run with
PYTHONDONTWRITEBYTECODE set (this machine sets it) compiles them at every start: about 80 ms of
CPU at the window's start, which no user pays. The timed processes get the checkout compiled
once into a private cache (PYTHONPYCACHEPREFIX), so the tree itself is left as it is.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path


def compiled_env(checkout: Path, **extra: str) -> dict[str, str]:
    """os.environ for a child that imports `checkout`'s alsdesk from compiled modules."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.update(PYTHONPYCACHEPREFIX=tempfile.mkdtemp(prefix="alsdesk-pyc-"), PYTHONPATH=str(checkout), **extra)
    subprocess.run(
        [sys.executable, "-m", "compileall", "-q", str(checkout / "alsdesk")],
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return env
