"""Fuzzing command-line values: every command, any option value, any argument — 0, 1 or 2, never 3, nothing changed."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.conftest import MINI
from tests.fuzz_support import READY, assert_clean, fresh_folder, fuzz, in_process, snapshot, weird_text

VALUE = st.one_of(
    weird_text(20).filter(lambda text: "\x00" not in text),  # an argv cannot hold a NUL
    st.sampled_from(["2026-11-28", "2026-02-30", "1899-12-31", "-1", "0", "99999999999999999999", "fr", "en", "json"]),
)
COMMANDS = {
    "evaluate": ["--as-of", "--lang", "--format", "--fail-on", "-o", "--audit", "--baseline"],
    "validate": ["--as-of"],
    "init": ["--actor", "--level", "--parcours", "--organisation", "--siren", "--feature", "-o"],
    "import-matrix": ["--date", "--auditor", "--lang", "-o"],
    "check-evidence": ["--kind", "--as-of", "--client-id", "--environment", "--level", "--format", "--jwks"],
    "portfolio": ["--as-of", "--lang", "--workers", "-o"],
    "diff": ["--format", "-o", "--declaration"],
    "referentiel list": ["--actor", "--level", "--theme", "--format"],
    "referentiel show": ["--format"],
    "schema": [],
}


def _base(command: str, folder: Path) -> list[str | Path]:
    declaration = folder / "declaration.yaml"
    table: dict[str, list[str | Path]] = {
        "evaluate": ["evaluate", declaration, "--referentiel", MINI],
        "validate": ["validate", declaration, "--referentiel", MINI],
        "init": ["init", "--referentiel", MINI, "--actor", "ELU", "--level", "espace_de_confiance"],
        "import-matrix": ["import-matrix", folder / "m.xlsx", "--declaration", declaration, "--referentiel", MINI],
        "check-evidence": ["check-evidence", folder / "evidence" / "client.pem"],
        "portfolio": ["portfolio", folder, "--referentiel", MINI, "--workers", "1"],
        "diff": ["diff", MINI, MINI],
        "referentiel list": ["referentiel", "list", "--referentiel", MINI],
        "referentiel show": ["referentiel", "show"],
        "schema": ["schema"],
    }
    return table[command]


@st.composite
def command_lines(draw: st.DrawFn) -> tuple[str, list[str], list[str]]:
    """A command, then one to three of its options (or a stray argument) with drawn values."""
    command = draw(st.sampled_from(sorted(COMMANDS)))
    options = COMMANDS[command] or ["ARG"]
    extra: list[str] = []
    for option in draw(st.lists(st.sampled_from([*options, "ARG"]), min_size=1, max_size=3)):
        value = draw(VALUE)
        extra += [value] if option == "ARG" else [option, value]
    return command, extra, [option for option in extra if option.startswith("-")]


def _confined(extra: list[str], folder: Path) -> list[str]:
    """Output paths kept inside ``folder`` (the fuzzer runs as whoever runs the tests: never write elsewhere)."""
    out = list(extra)
    for index, arg in enumerate(out[:-1]):
        if arg == "-o":
            out[index + 1] = str(folder / out[index + 1].replace("/", "_"))
    return out


@fuzz(200)
@given(line=command_lines())
def test_any_option_value(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, line: tuple[str, list[str], list[str]]
) -> None:
    command, extra, _ = line
    folder = fresh_folder(tmp_path, "cli")
    monkeypatch.chdir(folder)
    (folder / "declaration.yaml").write_bytes((READY / "declaration.yaml").read_bytes())
    before = snapshot(folder)
    result = in_process(*_base(command, folder), *_confined(extra, folder))
    assert_clean(result)
    after = snapshot(folder)
    assert {path: after[path] for path in before} == before, "an input file changed"
