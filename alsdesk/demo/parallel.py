"""The demo clinic made in a second process while this one imports it: the two overlap on a
multi-core machine. Either way the clinic is the same, in chunks of CHUNK patients."""

from __future__ import annotations

import gc
import itertools
import multiprocessing
import pickle
import sys
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from typing import Any

from alsdesk.demo.making import CHUNK, demo_parts
from alsdesk.errors import DomainError

# From this size on the clinic is generated in a second process while this one imports (the
# two overlap on a multi-core machine); smaller ones are not worth the process start (~0.5 s).
PARALLEL_FROM = 3 * CHUNK


def _generate(out: Any, patients: int, seed: int, anchor: date, existing_staff: dict[str, uuid.UUID]) -> None:
    """The generating process: staff rows, then chunks of CHUNK patient documents, then the end.

    Sent from this thread through a plain pipe (no queue feeder thread: the two threads fought over
    the GIL at every 64 KiB pipe write, which made the generator ~50 % slower).
    """
    gc.disable()  # this process only builds acyclic rows (see exchange.without_cycle_collector)
    try:
        staff_rows, docs = demo_parts(patients=patients, seed=seed, anchor=anchor, existing_staff=existing_staff)
        out.send_bytes(pickle.dumps(("staff", staff_rows), pickle.HIGHEST_PROTOCOL))
        while chunk := list(itertools.islice(docs, CHUNK)):
            out.send_bytes(pickle.dumps(("patients", chunk), pickle.HIGHEST_PROTOCOL))
        out.send_bytes(pickle.dumps(("end", None)))
    except BrokenPipeError:
        pass  # the importing process gave up
    except Exception as err:  # reported by the importing process as one line
        out.send_bytes(pickle.dumps(("error", f"{type(err).__name__}: {err}")))


def _receive(inbox: Any, proc: Any) -> tuple[str, Any]:
    while not inbox.poll(1):
        if not proc.is_alive() and not inbox.poll(0):
            raise DomainError("The process generating the demo clinic stopped; nothing was saved.")
    try:
        kind, value = pickle.loads(inbox.recv_bytes())
    except EOFError:
        raise DomainError("The process generating the demo clinic stopped; nothing was saved.") from None
    if kind == "error":
        raise DomainError("Generating the demo clinic failed ({reason}); nothing was saved.", reason=value)
    return kind, value


@contextmanager
def generated(
    *, patients: int, seed: int, anchor: date, existing_staff: dict[str, uuid.UUID]
) -> Iterator[tuple[list[dict[str, Any]], Iterator[list[dict[str, Any]]]]]:
    """Staff rows to create and the patient documents in chunks of CHUNK: the same clinic either way."""
    if patients < PARALLEL_FROM or getattr(sys, "frozen", False):
        staff_rows, docs = demo_parts(patients=patients, seed=seed, anchor=anchor, existing_staff=existing_staff)
        yield staff_rows, iter(lambda: list(itertools.islice(docs, CHUNK)), [])
        return
    # "spawn", not fork: the caller may be the GUI, with Qt and database threads running.
    mp = multiprocessing.get_context("spawn")
    inbox, outbox = mp.Pipe(duplex=False)  # the next chunk is made while this one is imported
    proc = mp.Process(target=_generate, args=(outbox, patients, seed, anchor, existing_staff), daemon=True)
    proc.start()
    outbox.close()  # the child's end: EOF here if the child dies
    try:
        _kind, staff_rows = _receive(inbox, proc)

        def chunks() -> Iterator[list[dict[str, Any]]]:
            while (got := _receive(inbox, proc))[0] == "patients":
                yield got[1]

        yield staff_rows, chunks()
    finally:
        if proc.is_alive():
            proc.kill()  # the import failed or was cancelled: stop generating
        proc.join()
        inbox.close()
