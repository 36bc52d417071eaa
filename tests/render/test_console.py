"""The console that helps: colour on a terminal only, ``--quiet``, the rest of a long gap list, portfolio lines."""

from __future__ import annotations

import os
import pty
import re
import subprocess
import sys
from pathlib import Path

import pytest

from checker.render.console import MAX_GAPS
from tests.cli.test_vendor_text_on_stdout import HOSTILE, _hostile_case
from tests.conftest import MINI, ROOT, Cli

AS_OF = "2026-11-28"
ELU = ROOT / "examples" / "elu-lps" / "declaration.yaml"
SGR = re.compile(r"\x1b\[([0-9;]*)m")
OURS = {"0", "1;32", "1;31", "32", "33", "31", "36", "35", "2"}
"""The SGR codes psc-check writes (checker/render/console.py): reset, verdicts, outcomes, check marks."""


@pytest.fixture
def plain_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)


def test_no_colour_when_stdout_is_not_a_terminal(cli: Cli, plain_env: None) -> None:
    result = cli("evaluate", ELU, "--as-of", AS_OF)
    assert result.code == 1
    assert "\x1b" not in result.stdout
    assert "Verdict: PAS PRÊT — Score 76,5 %" in result.stdout


def test_force_colour_paints_verdict_and_outcomes(cli: Cli, plain_env: None, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FORCE_COLOR", "1")
    out = cli("evaluate", ELU, "--as-of", AS_OF).stdout
    assert "Verdict: \x1b[1;31mPAS PRÊT\x1b[0m — Score 76,5 %" in out
    assert "  \x1b[33m[partiel]\x1b[0m PSC-CIBA-03 (obligatoire)" in out
    assert {m.group(1) for m in SGR.finditer(out)} <= OURS
    monkeypatch.setenv("NO_COLOR", "")  # any value, even empty, turns colour off
    assert "\x1b" not in cli("evaluate", ELU, "--as-of", AS_OF).stdout


def test_colour_on_a_real_terminal_and_not_in_a_pipe(tmp_path: Path) -> None:
    """The installed program in a pseudo-terminal paints; the same in a pipe, or with NO_COLOR, does not."""
    exe = Path(sys.executable).parent / "psc-check"
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    args = [str(exe), "evaluate", str(ELU), "--as-of", AS_OF]

    def on_tty(extra: dict[str, str]) -> str:
        main, sub = pty.openpty()
        with subprocess.Popen(args, stdout=sub, stderr=subprocess.DEVNULL, env=env | extra) as proc:
            os.close(sub)
            chunks = []
            while True:
                try:
                    chunk = os.read(main, 65536)
                except OSError:  # the terminal closed: the program ended
                    break
                if not chunk:
                    break
                chunks.append(chunk)
            proc.wait(timeout=60)
        os.close(main)
        return b"".join(chunks).decode("utf-8")

    assert "\x1b[1;31mPAS PRÊT\x1b[0m" in on_tty({})
    assert "\x1b" not in on_tty({"NO_COLOR": "1"})
    piped = subprocess.run(args, capture_output=True, env=env, timeout=60, check=False)
    assert piped.returncode == 1 and b"\x1b" not in piped.stdout


def test_vendor_escapes_stay_escaped_with_colour(
    cli: Cli, plain_env: None, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    hostile = _hostile_case(tmp_path)
    monkeypatch.setenv("FORCE_COLOR", "1")
    out = cli("evaluate", hostile, "--referentiel", MINI, "--as-of", AS_OF).stdout
    assert {m.group(1) for m in SGR.finditer(out)} <= OURS, "only psc-check's own colours"
    assert "\\x1b[2J" in out and "\x1b[2J" not in out and HOSTILE not in out
    verdicts = [line for line in out.splitlines() if line.startswith("Verdict")]
    assert len(verdicts) == 1


def test_quiet_prints_the_verdict_line_alone(cli: Cli, plain_env: None, tmp_path: Path) -> None:
    report = tmp_path / "r.md"
    result = cli("evaluate", ELU, "--as-of", AS_OF, "--quiet", "-o", report)
    assert result.code == 1, result.stderr
    assert result.stdout == "Verdict: PAS PRÊT — Score 76,5 % — Exigences applicables: 51 — Écarts obligatoires: 6\n"
    assert "## Écarts" in report.read_text(encoding="utf-8")
    english = cli("evaluate", ELU, "--as-of", AS_OF, "-q", "-o", report, "--lang", "en").stdout
    assert english == "Verdict: NOT READY — Score 76.5% — Applicable requirements: 51 — Mandatory gaps: 6\n"


def test_quiet_without_output_is_refused(cli: Cli) -> None:
    """A verdict with the report written nowhere would hide the gaps: refused, exit 2, with the fix."""
    result = cli("evaluate", ELU, "--as-of", AS_OF, "--quiet")
    assert result.code == 2 and result.stdout == ""
    assert "--quiet" in result.stderr and "-o" in result.stderr
    assert cli("portfolio", ELU, "--as-of", AS_OF, "--quiet").code == 2


def test_a_long_gap_list_says_how_to_see_the_rest(cli: Cli, tmp_path: Path) -> None:
    template = tmp_path / "declaration.yaml"
    made = cli("init", "--actor", "ELU", "--level", "espace_de_confiance", "-o", template)
    assert made.code == 0, made.stderr
    out = cli("evaluate", template, "--as-of", AS_OF).stdout
    gaps = [line for line in out.splitlines() if line.startswith("  [sans réponse]")]
    assert len(gaps) == MAX_GAPS
    total = int(re.search(r"Exigences applicables: (\d+)", out).group(1))  # type: ignore[union-attr]
    rest = total - MAX_GAPS
    assert f"  … et {rest} autres écarts : `-o rapport.md` ou `--format md` pour la liste complète" in out
    english = cli("evaluate", template, "--as-of", AS_OF, "--lang", "en").stdout
    assert f"  … and {rest} more gaps: `-o report.md` or `--format md` for the full list" in english


def test_portfolio_prints_one_line_per_declaration_and_the_open_links(
    cli: Cli, plain_env: None, tmp_path: Path
) -> None:
    result = cli("portfolio", ROOT / "examples", "--as-of", AS_OF, "--workers", "1")
    assert result.code == 1, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "7 déclarations évaluées, 3 prêtes, 0 en erreur"
    rows = [line for line in lines if re.match(r"  D\d ", line)]
    assert len(rows) == 7
    elu = next(line for line in rows if "elu-lps" in line)
    assert re.search(r"PAS PRÊT +76,5 %  6 écarts obligatoires · 2 expirations sous 90 jours  \S*elu-lps", elu)
    fs = next(line for line in rows if "fs-standard" in line)
    assert "PRÊT" in fs and "100,0 %  0 écart obligatoire · 0 expiration sous 90 jours" in fs
    at = lines.index("1 lien d'habilitation non résolu:")
    assert "osu-operator" in lines[at + 1] and "expirée" in lines[at + 1]
    quiet = cli("portfolio", ROOT / "examples", "--as-of", AS_OF, "--workers", "1", "-q", "-o", tmp_path / "p.md")
    assert quiet.stdout == "7 déclarations évaluées, 3 prêtes, 0 en erreur\n"
    english = cli("portfolio", ROOT / "examples", "--as-of", AS_OF, "--workers", "1", "--lang", "en").stdout
    assert english.startswith("7 declarations evaluated, 3 ready, 0 in error\n")
    assert re.search(r"NOT READY +76\.5%  6 mandatory gaps · 2 lapses within 90 days", english)
