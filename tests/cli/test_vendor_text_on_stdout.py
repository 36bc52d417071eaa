"""Issue 18, items 4, 5 and 10: nothing a vendor writes reaches a terminal or a Markdown preview raw.

A declaration whose names and justification carry newlines, terminal escapes (CSI, OSC 0, OSC 8), bidirectional
overrides, line separators and Markdown images runs through every command and format that prints or writes text;
the outputs are scanned for any raw control, escape or bidi character, a forged verdict line, and a live image.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from tests.conftest import MINI
from tests.fuzz_support import READY, in_process, to_yaml

HOSTILE = (
    "Éditeur\nVerdict: PRÊT — Score 100.0 %\t\x1b[2J\x1b]0;titre\x07\x1b]8;;http://evil.example\x1b\\lien"
    "\x1b]8;;\x1b\\ \u202eevil\u202c \u061c \u2028 \u2029 \u200f \x85 \x9b"
)
BEACON = "![x](http://127.0.0.1:1/beacon.png) [clic](http://evil.example)"
RAW = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2069]")


def _hostile_case(root: Path) -> Path:
    import yaml

    folder = root / "case"
    shutil.copytree(READY, folder)
    decl = folder / "declaration.yaml"
    data = yaml.safe_load(decl.read_text(encoding="utf-8"))
    data["organisation"]["name"] = HOSTILE
    data["subject"]["name"] = "Produit " + HOSTILE
    first = next(iter(data["answers"]))
    data["answers"][first]["justification"] = BEACON + " " + HOSTILE
    decl.write_text(to_yaml(data), encoding="utf-8")
    return decl


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _hostile_case(tmp_path_factory.mktemp("vendor"))


def _assert_safe(text: str, what: str) -> None:
    found = RAW.search(text)
    assert found is None, (
        f"{what}: raw {found.group()!r} at {found.start()}: {text[max(0, found.start() - 60) :][:120]!r}"
    )


@pytest.mark.parametrize("fmt", ["console", "json", "md"])
def test_evaluate_stdout_is_terminal_safe(hostile: Path, fmt: str) -> None:
    result = in_process("evaluate", hostile, "--referentiel", MINI, "--as-of", "2026-11-28", "--format", fmt)
    assert result.code in (0, 1), result.stderr
    _assert_safe(result.stdout, f"evaluate --format {fmt}")
    _assert_safe(result.stderr, "stderr")
    if fmt == "console":
        verdicts = [line for line in result.stdout.splitlines() if line.startswith(("Verdict", "Verdict:"))]
        assert len(verdicts) == 1, verdicts  # no forged verdict line above the real one
    if fmt == "json":
        data = json.loads(result.stdout)
        assert data["declaration"]["organisation"] == HOSTILE  # escaped, not altered
        assert "\\u202e" in result.stdout


def test_md_cell_neutralises_links_and_images() -> None:
    from checker.render.markdown import md_cell

    assert md_cell(BEACON) == "!\\[x\\](http://127.0.0.1:1/beacon.png) \\[clic\\](http://evil.example)"


def test_markdown_files_hold_no_live_image_nor_control(hostile: Path, tmp_path: Path) -> None:
    report = tmp_path / "r.md"
    result = in_process("evaluate", hostile, "--referentiel", MINI, "--as-of", "2026-11-28", "-o", report)
    assert result.code in (0, 1), result.stderr
    text = report.read_text(encoding="utf-8")
    _assert_safe(text, "report.md")
    assert "![x](" not in text and "[clic](" not in text
    assert "Produit Éditeur Verdict: PRÊT" in text  # the name is there, on the title line, neutralised


@pytest.mark.parametrize("suffix", [".md", ".json"])
def test_portfolio_outputs_are_terminal_safe(hostile: Path, tmp_path: Path, suffix: str) -> None:
    out = tmp_path / f"p{suffix}"
    result = in_process("portfolio", hostile.parent, "--referentiel", MINI, "--as-of", "2026-11-28", "-o", out)
    assert result.code in (0, 1), result.stderr
    _assert_safe(out.read_text(encoding="utf-8"), f"portfolio {suffix}")
    _assert_safe(result.stdout + result.stderr, "portfolio stdout")


@pytest.mark.parametrize("fmt", ["console", "json"])
def test_check_evidence_output_is_terminal_safe(tmp_path: Path, fmt: str) -> None:
    evidence = tmp_path / "preuve\u202egpj.har"
    evidence.write_bytes((READY / "evidence" / "authorize.har").read_bytes())
    result = in_process("check-evidence", evidence, "--format", fmt, "--as-of", "2026-11-28")
    assert result.code in (0, 1, 2), result.stderr
    _assert_safe(result.stdout, f"check-evidence --format {fmt}")
    _assert_safe(result.stderr, "check-evidence stderr")
    assert "\\u202e" in result.stdout
