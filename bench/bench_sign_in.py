"""Time the sign-in refusals: an unknown name, a disabled account and an active one must cost alike.

    PYTHONPATH=. python bench/bench_sign_in.py [--url postgresql+psycopg://…] [--runs 5]

The behaviour (same messages, same number of hash checks) is tested in
tests/db/test_access.py::test_refusals_do_not_tell_unknown_disabled_and_active_names_apart; how
long each refusal takes is timed here, where a busy machine cannot fail a test run. Each
attempt's median over the runs, for an unknown and a disabled name, must be more than a third of
the active name's, for each attempt that checks a password hash (the check the test made on
single timings).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

PASSWORD = "correct horse battery"
T0 = datetime(2026, 1, 1, 9, tzinfo=UTC)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", help="an empty database to use (default: a new SQLite file)")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)

    from argon2 import PasswordHasher

    from alsdesk.app import open_clinic
    from alsdesk.services import accounts
    from alsdesk.services.access import Actor

    with tempfile.TemporaryDirectory() as tmp:
        db = open_clinic(args.url or f"sqlite:///{Path(tmp) / 'sign-in.sqlite3'}")
        db.actor = Actor("bench", role="administrator")  # a tool on a throw-away clinic
        try:
            with db.write() as s:
                accounts.create_account(
                    session=s, username="boss", display_name="B", role="administrator", password=PASSWORD
                )
            attempts, moment = [], T0
            for n in range(1, accounts.LOCK_AFTER + 2):
                attempts += [("wrong password!", moment), ("wrong password!", moment)]  # the second too soon
                moment += accounts.retry_delay(n) + timedelta(seconds=1)
            # The refusals only: the right password after the lock answers differently on purpose.
            times: dict[str, list[list[float]]] = {kind: [[] for _ in attempts] for kind in ("nobody", "gone", "nurse")}
            checked = [False] * len(attempts)  # which attempts check a hash (the others answer at once)
            checks = []
            real_verify = PasswordHasher.verify

            def verify(self: PasswordHasher, hash: str, password: str) -> bool:
                checks.append(1)
                return real_verify(self, hash, password)

            PasswordHasher.verify = verify  # type: ignore[method-assign]
            for run in range(args.runs):
                # Fresh names each run, so every walk starts with no failures remembered.
                with db.write(actor=Actor("boss", None, "administrator")) as s:
                    for kind in ("nurse", "gone"):
                        accounts.create_account(
                            session=s, username=f"{kind}{run}", display_name=kind, role="coordinator", password=PASSWORD
                        )
                    accounts.set_active(session=s, username=f"gone{run}", active=False)
                for kind in times:
                    for i, (password, when) in enumerate(attempts):
                        checks.clear()
                        start = time.perf_counter()
                        with db.write() as s:
                            accounts.sign_in(session=s, username=f"{kind}{run}", password=password, now=when)
                        times[kind][i].append((time.perf_counter() - start) * 1000)
                        checked[i] = checked[i] or bool(checks)
        finally:
            PasswordHasher.verify = real_verify  # type: ignore[method-assign]
            db.dispose()

    active = [statistics.median(t) for t in times["nurse"]]
    worst = 0
    print(f"{'attempt':>7} {'active ms':>10} {'unknown':>9} {'disabled':>9}  target: each > 1/3 of active")
    for i, reference in enumerate(active):
        cells = [statistics.median(times[name][i]) for name in ("nobody", "gone")]
        ok = all(c > reference / 3 for c in cells)
        worst += checked[i] and not ok
        verdict = ("PASS" if ok else "MISS") if checked[i] else "(no hash check: not compared)"
        print(f"{i + 1:>7} {reference:10.1f} {cells[0]:9.1f} {cells[1]:9.1f}  {verdict}")
    print("sign-in refusals alike in time:", "PASS" if not worst else f"MISS ({worst} attempts)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
