"""Golden files for the JSON, Markdown and HTML reports (refresh on purpose with ``pytest --update-golden``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.case_support import CASES
from tests.conftest import MINI, ROOT, Cli

GOLDEN = Path(__file__).resolve().parents[1] / "golden"
SUBJECTS = {
    "elu-gaps": (CASES / "gaps" / "mandatory-non-compliant", ["--referentiel", str(MINI)]),
    "osu-expired": (CASES / "gaps" / "osu-elu-habilitation-older-than-3-years", []),
    "waivers": (ROOT / "examples" / "etablissement-derogations", []),
}


@pytest.mark.parametrize("name", sorted(SUBJECTS))
@pytest.mark.parametrize(("suffix", "lang"), [("json", "fr"), ("md", "fr"), ("md", "en"), ("html", "fr")])
def test_golden(cli: Cli, tmp_path: Path, update_golden: bool, name: str, suffix: str, lang: str) -> None:
    folder, extra = SUBJECTS[name]
    out = tmp_path / f"report.{suffix}"
    result = cli("evaluate", "declaration.yaml", "--as-of", "2026-11-28", "--lang", lang, "-o", out, *extra, cwd=folder)
    assert result.code == 1, result.stderr
    golden = GOLDEN / f"{name}.{lang}.{suffix}"
    if update_golden:
        golden.write_bytes(out.read_bytes())
    assert out.read_bytes() == golden.read_bytes(), f"{golden.name} differs: inspect, then rerun with --update-golden"
