"""What the `alsdesk` command does with wrong input: choices named, dates and URLs refused in one
line, never exit 3 (a bug); --help is cheap; tables line up with Chinese names."""

from __future__ import annotations

import argparse
import subprocess
import sys
from datetime import date
from pathlib import Path
from types import SimpleNamespace

import pytest

from alsdesk import formats, vocab
from alsdesk.cli import main
from alsdesk.cli.common import display_width, pad
from alsdesk.cli.patient import print_patients
from alsdesk.cli.report import KINDS

ROOT = Path(__file__).resolve().parents[2]
PATIENT = ["patient", "add", "--mrn", "M1", "--family-name", "F", "--given-name", "G", "--birth-date", "1970-01-01"]


@pytest.mark.parametrize(
    ("argv", "valid"),
    [
        (["worklist", "--discipline", "foo"], vocab.DISCIPLINES),
        ([*PATIENT, "--sex", "x"], vocab.SEX),
        (["user", "add", "u", "--role", "y"], vocab.ROLES),
        (["user", "add", "u", "--role", "clinician", "--discipline", "z"], vocab.DISCIPLINES),
        (["report", "nope", "-o", "x.pdf"], KINDS),
        (["report", "handout", "--lang", "fr", "-o", "x.pdf"], vocab.LANGUAGES),
        (["report", "handout", "--paper", "a3", "-o", "x.pdf"], formats.PAPERS),
    ],
)
def test_a_bad_choice_is_a_usage_error_naming_every_valid_value(argv, valid, capsys) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(SystemExit) as exited:
        main(argv)
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert "invalid choice" in err and all(repr(value) in err for value in valid), err


@pytest.mark.parametrize(
    ("command", "valid"),
    [
        (["worklist"], vocab.DISCIPLINES),
        (["patient", "add"], vocab.SEX),
        (["user", "add"], vocab.ROLES + vocab.DISCIPLINES),
        (["report"], KINDS + vocab.LANGUAGES + formats.PAPERS),
    ],
)
def test_help_lists_the_choices(command, valid, capsys) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(SystemExit):
        main([*command, "--help"])
    shown = " ".join(capsys.readouterr().out.split())  # argparse wraps long lists
    assert all(value in shown for value in valid), shown


def every_command(parser: argparse.ArgumentParser, path: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """Every command path the parser knows, e.g. ("assessment", "add")."""
    found = [path]
    for action in parser._actions:  # argparse keeps its subcommands only here
        if isinstance(action, argparse._SubParsersAction):
            for name, child in action.choices.items():
                found += every_command(child, (*path, name))
    return found


def test_every_command_prints_its_help(capsys: pytest.CaptureFixture[str]) -> None:
    """A help text with a bare % (as in "% predicted") made argparse raise instead of printing."""
    from alsdesk.cli import build_parser

    commands = every_command(build_parser())
    assert ("assessment", "add") in commands and len(commands) > 30
    for command in commands:
        with pytest.raises(SystemExit) as exited:
            main([*command, "--help"])
        assert exited.value.code == 0, command
        assert capsys.readouterr().out.startswith("usage: alsdesk"), command


@pytest.mark.parametrize("argv", [["--help"], ["--version"], ["report", "--help"], ["worklist", "--help"]])
def test_help_and_version_load_neither_qt_nor_sqlalchemy_nor_reportlab(argv: list[str]) -> None:
    """Through the real entry (python -m alsdesk); the modules loaded are read when it exits."""
    probe = (
        "import atexit, runpy, sys\n"
        "heavy = ('sqlalchemy', 'PySide6', 'shiboken6', 'reportlab', 'alembic')\n"
        "atexit.register(lambda: print('LOADED', sorted({m.split('.')[0] for m in sys.modules} & set(heavy))))\n"
        f"sys.argv = ['alsdesk', *{argv!r}]\n"
        "runpy.run_module('alsdesk', run_name='__main__')\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == "LOADED []"


@pytest.mark.parametrize(
    "argv",
    [
        ["worklist", "--date", "0001-01-01"],
        ["worklist", "--date", "9999-12-31"],
        ["demo", "--patients", "5", "--anchor", "1899-12-31"],
        ["report", "handout", "--date", "9999-12-31", "-o", "x.pdf"],
        [*PATIENT[:-1], "1967-02-30", "--sex", "male"],
    ],
)
def test_a_date_alsdesk_cannot_use_is_a_usage_error(argv, capsys) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(SystemExit) as exited:
        main(argv)
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert "YYYY-MM-DD" in err or "between 1900-01-01 and 2999-12-31" in err, err


@pytest.mark.parametrize(
    ("argv", "says"),
    [
        (["--database", "notaurl", "patient", "list"], "The database URL cannot be read"),
        (["--database", "mysql://u:secret@host/x", "patient", "list"], "cannot use the database driver mysql"),
        (
            ["--database", "postgresql://u:secret@host/x", "patient", "list"],
            "write sqlite:///FILE or postgresql+psycopg",
        ),
        (["restore", "no-such-backup.sqlite3", "--yes"], "there is no such file"),
        (["import", "no-such-export.json"], "there is no such file"),
    ],
)
def test_bad_input_is_a_user_error_in_one_line(argv, says, capsys, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    assert main(argv) == 1
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and says in err and "secret" not in err, err


def test_an_output_that_cannot_be_written_is_a_user_error(capsys, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    db = f"sqlite:///{tmp_path / 'clinic.sqlite3'}"
    monkeypatch.setenv("ALSDESK_PASSWORD", "boss password 1")
    assert main(["--database", db, "user", "add", "boss", "--role", "administrator"]) == 0
    (tmp_path / "a-file").write_text("")
    capsys.readouterr()
    assert main(["--database", db, "backup", "-o", str(tmp_path / "a-file" / "copy.sqlite3")]) == 1
    assert capsys.readouterr().err.strip().startswith(f"alsdesk: cannot use {tmp_path / 'a-file'}")


def test_a_data_directory_that_is_a_file_is_a_user_error(capsys, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "home").write_text("not a folder")
    monkeypatch.setenv("ALSDESK_HOME", str(tmp_path / "home"))
    assert main(["patient", "list"]) == 1
    assert capsys.readouterr().err.strip().startswith(f"alsdesk: cannot use {tmp_path / 'home'}")


def test_a_folder_is_not_a_database_file(capsys, tmp_path) -> None:  # type: ignore[no-untyped-def]
    assert main(["--database", f"sqlite:///{tmp_path}", "patient", "list"]) == 1
    assert capsys.readouterr().err.strip() == f"alsdesk: {tmp_path} is a folder; name the database file inside it."


def test_columns_align_by_display_width(capsys) -> None:  # type: ignore[no-untyped-def]
    assert display_width("张伟 Zhang") == 10 and display_width("Ａ") == 2 and display_width("e\u0301") == 1
    assert pad("张伟", 6) == "张伟  "
    rows = [
        SimpleNamespace(mrn=mrn, display_name=name, birth_date=date(1960, 5, 17), status="diagnosed")
        for mrn, name in (("M1", "Smith, Anne"), ("M2", "张伟 (Zhang, Wei)"), ("M3", "欧阳娜娜 (Ouyang, Nana)"))
    ]
    print_patients(rows, as_json=False)
    lines = capsys.readouterr().out.splitlines()
    columns = {display_width(line[: line.index("1960-05-17")]) for line in lines}
    assert len(lines) == 3 and len(columns) == 1, lines
