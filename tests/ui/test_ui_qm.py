"""alsdesk.qm (the build's .ts -> .qm compiler) writes exactly what Qt's lrelease writes."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from alsdesk.qm import compile_ts

TS = Path(__file__).resolve().parents[2] / "resources" / "translations" / "alsdesk_zh_CN.ts"

# The shapes a catalogue can hold: a comment (disambiguation), a plural, XML escapes, non-BMP
# characters, and entries lrelease leaves out (empty, vanished, obsolete).
SAMPLE = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Zeta</name>
    <message><source>Open</source><translation>打开</translation></message>
    <message><source>Open</source><comment>verb, a file</comment><translation>打开文件</translation></message>
    <message numerus="yes"><source>%n patient(s)</source><translation>
        <numerusform>%n 位患者</numerusform></translation></message>
    <message><source>Empty</source><translation type="unfinished"></translation></message>
    <message><source>Gone</source><translation type="vanished">走了</translation></message>
    <message><source>Old</source><translation type="obsolete">旧</translation></message>
</context>
<context>
    <name>Alpha</name>
    <message><source>a &lt;b&gt; &amp; "c"</source><translation>甲 &lt;乙&gt; 𠀀</translation></message>
    <message><source>Open</source><translation>開</translation></message>
</context>
</TS>
"""


def lrelease() -> str:
    found = shutil.which("pyside6-lrelease") or str(Path(sys.executable).with_name("pyside6-lrelease"))
    if not Path(found).exists():
        pytest.skip("pyside6-lrelease not installed")
    return found


@pytest.mark.parametrize("source", ["shipped", "sample"])
def test_same_bytes_as_lrelease(tmp_path: Path, source: str) -> None:
    ts = TS if source == "shipped" else tmp_path / "sample.ts"
    if source == "sample":
        ts.write_text(SAMPLE, "utf-8")
    ours, theirs = tmp_path / "ours.qm", tmp_path / "theirs.qm"
    compile_ts(ts, ours)
    subprocess.run([lrelease(), "-silent", str(ts), "-qm", str(theirs)], check=True, timeout=120)
    assert ours.read_bytes() == theirs.read_bytes()


def test_qtranslator_reads_every_shape(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QTranslator

    ts, qm = tmp_path / "sample.ts", tmp_path / "sample.qm"
    ts.write_text(SAMPLE, "utf-8")
    assert compile_ts(ts, qm) == 5
    translator = QTranslator()
    assert translator.load(str(qm))
    assert translator.language() == "zh_CN"
    assert translator.translate("Zeta", "Open") == "打开"
    assert translator.translate("Zeta", "Open", "verb, a file") == "打开文件"
    assert translator.translate("Alpha", "Open") == "開"
    assert translator.translate("Zeta", "%n patient(s)", None, 3) == "%n 位患者"
    assert translator.translate("Alpha", 'a <b> & "c"') == "甲 <乙> 𠀀"
    for left_out in ("Empty", "Gone", "Old"):
        assert translator.translate("Zeta", left_out) == ""
