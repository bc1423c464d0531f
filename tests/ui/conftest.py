"""UI fixtures: a Backend over the per-test database, isolated settings, and a wait-until-idle helper."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("PySide6")


@pytest.fixture
def backend(db, qtbot):  # type: ignore[no-untyped-def]
    from alsdesk.ui.widgets.worker import Backend

    b = Backend(db)
    yield b
    qtbot.waitUntil(lambda: not b.busy, timeout=15000)
    b._writer.waitForDone()
    b._readers.waitForDone()


@pytest.fixture
def settings(tmp_path: Path) -> Iterator:
    from PySide6.QtCore import QSettings

    yield QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def idle(qtbot, backend):  # type: ignore[no-untyped-def]
    """Call idle() to wait until every queued database job has delivered its result."""

    def wait(*views, timeout: int = 15000) -> None:  # type: ignore[no-untyped-def]
        """Also waits for views whose reload is debounced (they have a `pending` flag)."""

        def settled() -> bool:
            return not backend.busy and not any(v.pending for v in views)

        qtbot.waitUntil(settled, timeout=timeout)
        qtbot.waitUntil(settled, timeout=timeout)  # a delivered result may have queued another read

    return wait


@pytest.fixture(autouse=True)
def messages(monkeypatch) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    """Message boxes never block a test: each is recorded here as (kind, text) instead."""
    from PySide6.QtWidgets import QMessageBox

    shown: list[tuple[str, str]] = []

    def fake(kind: str):  # type: ignore[no-untyped-def]
        def show(parent, title, text, *args, **kwargs):  # type: ignore[no-untyped-def]
            shown.append((kind, text))
            return QMessageBox.StandardButton.Ok

        return staticmethod(show)

    for kind in ("warning", "critical", "information", "question"):
        monkeypatch.setattr(QMessageBox, kind, fake(kind))
    return shown


@pytest.fixture(autouse=True)
def private_settings(tmp_path_factory) -> None:  # type: ignore[no-untyped-def]
    """QSettings() in code under test writes to a temporary folder, never the user's profile."""
    from PySide6.QtCore import QSettings

    folder = str(tmp_path_factory.mktemp("qsettings"))
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
        QSettings.setPath(QSettings.Format.IniFormat, scope, folder)


PO = Path(__file__).resolve().parents[2] / "resources" / "locale" / "zh_CN" / "LC_MESSAGES" / "alsdesk.po"


@pytest.fixture
def compiled(tmp_path: Path) -> Path:
    """A resources folder whose Chinese catalogue is compiled now from the .po, with Babel as the
    build compiles it (so the tests see the .po, not a stale .mo)."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    resources = tmp_path / "resources"
    mo = resources / "locale" / "zh_CN" / "LC_MESSAGES" / "alsdesk.mo"
    mo.parent.mkdir(parents=True)
    with PO.open("rb") as po, mo.open("wb") as out:
        write_mo(out, read_po(po))
    return resources


@pytest.fixture
def chinese(compiled: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The Chinese catalogue installed on the running application, removed afterwards."""
    from PySide6.QtWidgets import QApplication

    from alsdesk import paths
    from alsdesk.ui.i18n.translator import CatalogueTranslator

    with monkeypatch.context() as patch:  # only while loading: the rest finds the checkout's resources
        patch.setattr(paths, "resources_dir", lambda: compiled)
        translator = CatalogueTranslator("zh_CN")
    app = QApplication.instance()
    assert app.installTranslator(translator)
    yield
    app.removeTranslator(translator)
