"""Compile a Qt Linguist catalogue (.ts) into the binary .qm that QTranslator loads.

Why not lrelease: the wheel build runs where only setuptools is installed, and lrelease comes in a
100 MB Qt wheel. The format (qtranslator.cpp): the language, a table of (ELF hash of source text +
comment, offset) sorted by hash, and the messages, each a run of tagged fields.
tests/ui/test_ui_qm.py checks the output is byte for byte lrelease's.

    python -m alsdesk.qm resources/translations/alsdesk_zh_CN.ts [-o OUT.qm]
"""

from __future__ import annotations

import argparse
import struct
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

MAGIC = bytes.fromhex("3cb86418caef9c95cd211cbf60a1bddd")
# Section tags.
HASHES, MESSAGES, LANGUAGE = 0x42, 0x69, 0xA7
# Message tags.
END, TRANSLATION, SOURCE, CONTEXT, COMMENT = 1, 3, 6, 7, 8


@dataclass(frozen=True)
class Message:
    context: str
    source: str
    comment: str
    translations: tuple[str, ...]  # one, or one per plural form


def elf_hash(data: bytes) -> int:
    h = 0
    for byte in data:
        h = ((h << 4) + byte) & 0xFFFFFFFF
        g = h & 0xF0000000
        if g:
            h ^= g >> 24
        h &= ~g & 0xFFFFFFFF
    return h or 1


def read_ts(path: Path) -> tuple[str, list[Message]]:
    """The catalogue's language and its finished messages (lrelease leaves out empty, vanished
    and obsolete ones too: Qt then shows the source text)."""
    root = ET.parse(path).getroot()
    messages = []
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            node = message.find("translation")
            if node is None or node.get("type") in ("vanished", "obsolete"):
                continue
            forms = [f.text or "" for f in node.iter("numerusform")] if message.get("numerus") == "yes" else []
            texts = tuple(forms) if forms else (node.text or "",)
            if not any(texts):
                continue
            messages.append(Message(name, message.findtext("source") or "", message.findtext("comment") or "", texts))
    return root.get("language") or "", messages


def _field(tag: int, data: bytes) -> bytes:
    return struct.pack(">BI", tag, len(data)) + data


def qm_bytes(language: str, messages: list[Message]) -> bytes:
    """The .qm laid out as lrelease lays it out (same sections, order and bytes), so a build is
    reproducible and the file can be compared with lrelease's byte for byte."""
    encoded = sorted((m.context.encode(), m.source.encode(), m.comment.encode(), m.translations) for m in messages)
    body = bytearray()
    hashes = []
    for context, source, comment, translations in encoded:
        hashes.append((elf_hash(source + comment), len(body)))
        for text in translations:
            body += _field(TRANSLATION, text.encode("utf-16-be"))
        body += _field(COMMENT, comment) + _field(SOURCE, source) + _field(CONTEXT, context)
        body.append(END)
    table = b"".join(struct.pack(">II", h, offset) for h, offset in sorted(hashes))
    head = MAGIC + (_field(LANGUAGE, language.encode()) if language else b"")
    return head + _field(HASHES, table) + _field(MESSAGES, bytes(body))


def compile_ts(ts: Path, qm: Path) -> int:
    """Write `qm` from `ts`; returns the number of messages."""
    language, messages = read_ts(ts)
    qm.write_bytes(qm_bytes(language, messages))
    return len(messages)


def main() -> None:
    parser = argparse.ArgumentParser(
        prog="python -m alsdesk.qm", description="Compile Qt .ts catalogues into .qm files."
    )
    parser.add_argument("ts", type=Path, nargs="+")
    parser.add_argument("-o", "--output", type=Path, help="the .qm (default: beside the .ts); one .ts only")
    args = parser.parse_args()
    if args.output and len(args.ts) > 1:
        parser.error("-o takes one .ts")
    for ts in args.ts:
        compile_ts(ts, args.output or ts.with_suffix(".qm"))


if __name__ == "__main__":
    main()
