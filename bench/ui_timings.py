"""UI timings on a given database: start-up, search keystroke to results, chart open (medians).

Usage: python bench/ui_timings.py DATABASE_URL [--start-page patients|worklist]
(offscreen; make the database with `alsdesk demo`). The last line, `RESULT {json}`, is read by
bench/bench_targets.py: the wall-clock moment the first patients were painted, each chart's
opening in ms, and the resident memory idle after start-up. Start-up is one measurement per process:
run it several times and take the median (bench/README.md). The day's first backup, which the
window runs on a worker after start (ui/daily_backup.py), is not taken here.
"""

from __future__ import annotations

import json
import os
import resource
import statistics
import sys
import tempfile
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
T0 = time.perf_counter()


def rss_mb() -> float:
    """Resident memory now (not the peak), from /proc."""
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def main(url: str, start_page: str = "patients") -> None:
    # Imported as `alsdesk gui` imports them: alsdesk.ui first, which loads the layers under the
    # window before Qt (alsdesk/ui/__init__.py says why).
    from alsdesk.services import patients
    from alsdesk.ui.app import application, open_backend
    from alsdesk.ui.main_window import MainWindow

    app = application()
    from PySide6.QtCore import QSettings

    backend = open_backend(url)
    assert backend is not None
    t_open = time.perf_counter()

    def settle() -> None:
        while backend.busy:
            app.processEvents()
            time.sleep(0.001)
        app.processEvents()

    settings = QSettings(os.path.join(tempfile.mkdtemp(), "s.ini"), QSettings.Format.IniFormat)
    settings.setValue("main/page", start_page)
    from alsdesk.ui.screenshots import administrator

    window = MainWindow(backend, settings, signed_in=administrator(backend))  # the demo's administrator
    window.show()
    app.processEvents()
    t_shown = time.perf_counter()
    print(f"imports + open database: {t_open - T0:.2f} s")
    print(f"main window shown:       {t_shown - T0:.2f} s")
    if start_page == "worklist":
        settle()
        t_work = time.perf_counter()
        print(f"worklist loaded:         {t_work - T0:.2f} s ({window.page('worklist').title.text()})")
    view = window.page("patients")
    window.show_page("patients")
    while view.model.rowCount() == 0 or view.model.summary(0) is None:
        app.processEvents()
        time.sleep(0.001)
    view.table.viewport().repaint()
    painted, t_rows = time.time(), time.perf_counter()
    print(f"first patients painted:  {t_rows - T0:.2f} s ({view.model.rowCount():,} patients)")
    settle()
    idle = rss_mb()
    print(f"idle memory:             {idle:.0f} MB (after start-up)")
    times = []
    for q in ["c", "ch", "che", "chen", "zh", "zw", "DEMO0001", "1380", "wang", "smith"]:
        t = time.perf_counter()
        view.model.search(q)
        settle()
        times.append(time.perf_counter() - t)
    print(f"search to results:       median {statistics.median(times) * 1000:.0f} ms, max {max(times) * 1000:.0f} ms")
    with backend.db.read(actor=backend.actor) as s:
        middle = patients.count_patients(session=s) // 2
        ids = [p.id for p in patients.list_patients(session=s, limit=10, offset=middle)]
    charts = []
    for pid in ids:
        t = time.perf_counter()
        chart = window.open_chart(pid)
        # Open means shown with the patient's data and painted; the audit entry of the opening is
        # written after that (ui/chart/window.py), so it is not waited for here.
        while chart.data is None:
            app.processEvents()
            time.sleep(0.001)
        chart.repaint()
        charts.append(time.perf_counter() - t)
        settle()
        chart.close()
        app.processEvents()
    print(f"chart open:              median {statistics.median(charts) * 1000:.0f} ms, first {charts[0] * 1000:.0f} ms")
    settle()
    print(f"idle memory:             {rss_mb():.0f} MB (after searches and 10 charts)")
    print(f"peak memory:             {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024} MB")
    window.close()
    backend.shutdown()
    result = {"painted": painted, "idle_mb": idle, "charts_ms": [t * 1000 for t in charts]}
    print("RESULT " + json.dumps(result), flush=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[3] if len(sys.argv) > 3 and sys.argv[2] == "--start-page" else "patients")
