"""A writer process for the crash and concurrency tests: prints each MRN after its commit returns."""

from __future__ import annotations

import sys
import time
from datetime import date

from alsdesk.errors import AlsdeskError
from alsdesk.services import patients
from alsdesk.services.access import Actor
from alsdesk.storage import open_database


def main() -> int:
    url, prefix, seconds = sys.argv[1], sys.argv[2], float(sys.argv[3])
    db = open_database(url)
    db.actor = Actor("crash-writer", role="clinician")  # nothing is allowed without a signed-in role
    end = time.monotonic() + seconds
    n = 0
    failures = 0
    while time.monotonic() < end:
        mrn = f"{prefix}{n:06d}"
        try:
            with db.write() as s:
                patients.add_patient(
                    session=s,
                    mrn=mrn,
                    family_name="Crash",
                    given_name=f"Test{n}",
                    birth_date=date(1950, 1, 1),
                    sex="other",
                    phone="0123 456789",
                )
        except AlsdeskError as err:
            failures += 1
            print(f"ERROR {err}", flush=True)
            continue
        print(mrn, flush=True)
        n += 1
    print(f"DONE {n} {failures}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
