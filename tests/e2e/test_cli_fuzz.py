"""No input makes the `alsdesk` command fail as a bug: generated arguments over its grammar and
generated import files end in exit 0, 1 (a refusal, one line naming the field) or 2 (usage), never 3
and never a traceback. Each case of issue 11 point 13 is also kept as its own example."""

from __future__ import annotations

import contextlib
import io
import json
import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from alsdesk import demo
from alsdesk.cli import main

ENV = {"ALSDESK_USER": "admin", "ALSDESK_PASSWORD": "demo-admin-2026", "ALSDESK_NEW_PASSWORD": "new password 12"}


@pytest.fixture(scope="module")
def clinic(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A data directory with a three-patient demo clinic, as ALSDESK_HOME while the tests run."""
    home = tmp_path_factory.mktemp("fuzz-home")
    saved = {k: os.environ.get(k) for k in (*ENV, "ALSDESK_HOME", "ALSDESK_DATABASE_URL")}
    os.environ.update(ENV, ALSDESK_HOME=str(home))
    os.environ.pop("ALSDESK_DATABASE_URL", None)
    (home / "folder").mkdir()
    (home / "loop1").symlink_to(home / "loop2")
    (home / "loop2").symlink_to(home / "loop1")
    try:
        assert run(["demo", "--patients", "3", "--seed", "2"])[0] == 0
        yield home
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


def run(argv: list[str]) -> tuple[int, str]:
    """main(argv) in this process: its exit code and what it wrote to stderr."""
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        try:
            code = main(argv)
        except SystemExit as exited:  # argparse: 2 for usage, 0 for --help
            code = exited.code if isinstance(exited.code, int) else 2
    return code, err.getvalue()


def assert_handled(argv: list[str]) -> tuple[int, str]:
    code, err = run(argv)
    assert code in (0, 1, 2), (argv, code, err)
    assert "Traceback" not in err and "unexpected error" not in err, (argv, err)
    if code == 1:
        assert len(err.strip().splitlines()) == 1, err  # one line
        assert len(err) < 600, err  # a long value is cut, not echoed
    return code, err


# --- the cases of issue 11 point 13, each kept ------------------------------------------------------

HUGE = "100000000000000000000"


@pytest.mark.parametrize(
    ("argv", "code", "says"),
    [
        (["patient", "list", "--limit", HUGE], 2, "--limit"),
        (["patient", "list", "--offset", HUGE], 2, "--offset"),
        (["patient", "search", "a", "--limit", HUGE], 2, "--limit"),
        (["worklist", "--date", "0001-01-01"], 2, "--date"),
        (["demo", "--patients", "1", "--anchor", "9999-12-31"], 2, "--anchor"),
        (["demo", "--patients", "1", "--anchor", "2999-12-31"], 1, "A demo clinic is dated from 1985-01-01 to today"),
        (["restore", "{home}/missing.sqlite3", "--yes"], 1, "there is no such file"),
        (["restore", "{home}/folder", "--yes"], 1, "it is a folder"),
        (["--database", "sqlite:///{home}/folder", "patient", "list"], 1, "is a folder"),
        (["--database", "sqlite:///{home}/loop1", "patient", "list"], 1, "symbolic links form a loop"),
        (["--database", "mysql://u:secret@h/x", "patient", "list"], 1, "cannot use the database driver mysql"),
        (["patient", "add", "--mrn", "Z1", "--family-name", "\udcff", "--given-name", "G", "--birth-date",
          "1970-01-01", "--sex", "male"], 1, "family-name '\\udcff' is not valid text"),
        (["patient", "add", "--mrn", "Z2", "--family-name", "\x1b[31mRed", "--given-name", "G", "--birth-date",
          "1970-01-01", "--sex", "male"], 1, "Family name contains a control or invalid character ('\\x1b')"),
        (["patient", "add", "--mrn", "Z3", "--family-name", "y" * 10_000, "--given-name", "G", "--birth-date",
          "1970-01-01", "--sex", "male"], 1, "Family name is too long (10000 characters; at most 100)"),
        (["patient", "search", "x" * 10_000 + "\x1b"], 0, ""),
        (["export", "--patient", "", "-o", ""], 2, "a file name is needed"),  # found by the generated arguments
        (["backup", "-o", " "], 2, "a file name is needed"),
    ],
)  # fmt: skip
def test_each_reported_case_is_a_one_line_refusal(clinic: Path, argv: list[str], code: int, says: str) -> None:
    got, err = assert_handled([a.replace("{home}", str(clinic)) for a in argv])
    assert got == code and says in err, err
    assert "\x1b" not in err and "secret" not in err


def _export(clinic: Path) -> dict[str, Any]:
    out = clinic / "export.json"
    assert run(["export", "--all", "-o", str(out)])[0] == 0
    return json.loads(out.read_text())


@pytest.mark.parametrize(
    ("content", "says"),
    [
        ("[" * 100_000, "nests lists or objects too deeply"),
        ('{"format": "alsdesk-export", "version": ' + "9" * 5000 + "}", "a number too long to read"),
        ("lone surrogate", "patients[0].patient.family_name: contains a control or invalid character ('\\ud800')"),
        ("lab 9999", "taken_on: must be from 1900-01-01 to 2999-12-31"),
        ("lab uln 0", "upper_limit: Upper limit of normal must be a positive number."),  # found by the fuzz test
        ("long key", "is not part of the format"),
    ],
)
def test_each_reported_import_file_is_a_one_line_refusal(clinic: Path, content: str, says: str) -> None:
    if content in ("lone surrogate", "lab 9999", "lab uln 0", "long key"):
        doc = _export(clinic)
        for p in doc["patients"]:
            p["patient"]["mrn"] += "X"
        if content == "lone surrogate":
            doc["patients"][0]["patient"]["family_name"] = "\ud800"
        elif content == "lab 9999":
            doc["patients"][0]["records"]["lab_result"] = [_lab(doc)]
        elif content == "lab uln 0":
            doc["patients"][0]["records"]["lab_result"] = [{**_lab(doc), "taken_on": "2026-01-01", "upper_limit": 0}]
        else:
            doc["x" * 10_000] = 1
        content = json.dumps(doc)
    path = clinic / "in.json"
    path.write_text(content)
    code, err = assert_handled(["import", str(path)])
    assert code == 1 and says in err, err


def _lab(doc: dict[str, Any]) -> dict[str, Any]:
    pid = doc["patients"][0]["patient"]["id"]
    return {
        "id": "5b0e3c2e-0000-4000-8000-000000000001",
        "patient_id": pid,
        "test": "ALT",
        "taken_on": "9999-12-31",
        "value": 20.0,
        "unit": "U/L",
        "upper_limit": 40.0,
        "created_at": "2026-01-01T00:00:00+00:00",
        "updated_at": "2026-01-01T00:00:00+00:00",
        "version": 1,
        "site_id": "",  # format 7: this clinic's, never travelled
        "synced_version": 0,
    }


# --- generated: the argument grammar and the import format ---------------------------------------------

TEXT = st.one_of(
    st.text(max_size=12),
    st.sampled_from(["", "-", "=cmd()", "\x1b[2J", "a\nb", "\ud800", "\udcff", "x" * 5000, "0", "-1", HUGE]),
)
NUMBER = st.one_of(st.integers(-(10**25), 10**25).map(str), TEXT)
DAY = st.one_of(st.dates().map(date.isoformat), st.sampled_from(["0001-01-01", "9999-12-31", "2026-02-30"]), TEXT)
FILE = st.sampled_from(["{home}/missing.json", "{home}/folder", "{home}/loop1", "{home}/in.json", ""])
DATABASE = st.sampled_from(
    ["mysql://u:p@h/x", "notaurl", "sqlite:///{home}/folder", "sqlite:///{home}/loop1", "sqlite:///", "sqlite://"]
)


def _option(flag: str, value: st.SearchStrategy[str]) -> st.SearchStrategy[list[str]]:
    return st.one_of(st.just([]), value.map(lambda v: [flag, v]))


def _command(*parts: st.SearchStrategy[list[str]]) -> st.SearchStrategy[list[str]]:
    return st.tuples(*parts).map(lambda ps: [a for p in ps for a in p])


def _fixed(*words: str) -> st.SearchStrategy[list[str]]:
    return st.just(list(words))


COMMANDS = st.one_of(
    _command(_fixed("patient", "list"), _option("--limit", NUMBER), _option("--offset", NUMBER)),
    _command(_fixed("patient", "search"), TEXT.map(lambda t: [t]), _option("--limit", NUMBER)),
    _command(_fixed("patient", "show"), TEXT.map(lambda t: [t]), _option("--json", st.just("")).map(lambda o: o[:1])),
    _command(
        _fixed("patient", "add"),
        _option("--mrn", TEXT),
        _option("--family-name", TEXT),
        _option("--given-name", TEXT),
        _option("--birth-date", DAY),
        _option("--sex", st.sampled_from(["male", "female", "x", ""])),
        _option("--phone", TEXT),
        _option("--name-zh", TEXT),
    ),
    _command(_fixed("worklist"), _option("--date", DAY), _option("--discipline", TEXT)),
    _command(
        _fixed("demo"), _option("--patients", st.sampled_from(["0", "1", "-1", HUGE, "x"])), _option("--anchor", DAY)
    ),
    _command(_fixed("restore"), FILE.map(lambda f: [f]), st.just(["--yes"])),
    _command(_fixed("import"), FILE.map(lambda f: [f])),
    _command(_fixed("export"), _option("--patient", TEXT), _option("-o", FILE)),
    _command(_fixed("user", "add"), TEXT.map(lambda t: [t]), _option("--role", TEXT)),
    _command(
        _fixed("assessment", "add"),
        _option("--patient", st.one_of(TEXT, st.just("DEMO000001"))),
        _option("--date", DAY),
        _option("--items", st.one_of(TEXT, st.just("1=4,2=4,3=4,4=4,5a=4,6=4,7=4,8=4,9=4,10=4,11=4,12=4"))),
        _option("--fvc", NUMBER),
        _option("--snip", NUMBER),
        _option("--symptoms", st.one_of(TEXT, st.just("orthopnoea,fatigue"))),
    ),
    _command(
        _fixed("milestone", "add"),
        _option("--patient", st.one_of(TEXT, st.just("DEMO000001"))),
        _option("--kind", st.sampled_from(["niv", "gastrostomy", "x", ""])),
        _option("--date", DAY),
    ),
)
ARGV = st.tuples(_option("--database", DATABASE), COMMANDS).map(lambda p: p[0] + p[1])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ARGV)
def test_generated_arguments_never_end_as_a_bug(clinic: Path, argv: list[str]) -> None:
    assert_handled([a.replace("{home}", str(clinic)) for a in argv])


LEAF = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**30), 10**30),
    st.floats(),
    TEXT,
    DAY,
    st.just([]),
    st.just({}),
)


def _paths(node: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    if isinstance(node, dict):
        return [p for k, v in node.items() for p in _paths(v, (*path, k))] or [path]
    if isinstance(node, list):
        return [p for i, v in enumerate(node) for p in _paths(v, (*path, i))] or [path]
    return [path]


DOC = json.loads(json.dumps(demo.demo_document(patients=2, seed=4, anchor=date(2026, 2, 1))))
PATHS = [p for p in _paths(DOC) if p]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.sampled_from(PATHS), LEAF), min_size=1, max_size=3))
def test_generated_import_files_never_end_as_a_bug(clinic: Path, changes: list[tuple[Any, ...]]) -> None:
    doc = json.loads(json.dumps(DOC))
    for path, value in changes:
        node = doc
        try:
            for key in path[:-1]:
                node = node[key]
            node[path[-1]] = value
        except (KeyError, IndexError, TypeError):  # an earlier change replaced the branch
            continue
    (clinic / "in.json").write_text(json.dumps(doc))
    assert_handled(["import", str(clinic / "in.json")])
