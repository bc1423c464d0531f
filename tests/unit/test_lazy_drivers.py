"""A plain clinic never loads SQLCipher's driver or `cryptography` (~11 MB and ~15 ms of the window's
start): they load when an encrypted file or a key store is met, and storage's error tuple takes
SQLCipher's errors in from then on (storage/encryption.py)."""

from __future__ import annotations

import subprocess
import sys

CODE = """
import sqlite3, sys
import alsdesk.app
from alsdesk.storage import encryption
print(sorted(m for m in ("sqlcipher3", "cryptography") if m in sys.modules))
print(encryption.db_errors() == (sqlite3.Error,))
cipher = encryption._sqlcipher()
print(encryption.db_errors() == (sqlite3.Error, cipher.Error))
"""


def test_the_encryption_drivers_load_only_when_needed() -> None:
    done = subprocess.run([sys.executable, "-c", CODE], capture_output=True, text=True, check=True)
    assert done.stdout.split("\n")[:3] == ["[]", "True", "True"]
