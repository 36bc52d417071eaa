"""A wheel carries the referential and templates: installed outside the repository, it finds them."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.conftest import ROOT, run_argv


@pytest.mark.slow
def test_wheel_finds_bundled_data_outside_the_repository(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    dist.mkdir()
    # The PEP 517 hook pip calls (`build-backend` in pyproject.toml), without pip's own start-up around it
    subprocess.run(
        [sys.executable, "-c", f"import hatchling.build as backend; backend.build_wheel({str(dist)!r})"],
        check=True,
        capture_output=True,
        stdin=subprocess.DEVNULL,
        cwd=ROOT,
        timeout=300,
    )
    wheel = next(dist.glob("psc_checker-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert "checker/_data/referentiel/psc.yaml" in names
    assert any(n.startswith("checker/_data/templates/") for n in names)
    target = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "-q",
            "--no-deps",
            "--no-compile",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
        capture_output=True,
        stdin=subprocess.DEVNULL,
        timeout=300,
    )
    empty = tmp_path / "empty"
    empty.mkdir()
    env = {"PYTHONPATH": str(target)}
    probe = "import checker.inputs.paths as p; print(p.referential_dir()); print(p.templates_dir())"
    done = run_argv([sys.executable, "-c", probe], cwd=empty, env=env)
    assert done.code == 0, done.stderr
    assert str(target) in done.stdout.splitlines()[0]
    listed = run_argv([sys.executable, "-m", "checker", "referentiel", "list", "--format", "json"], cwd=empty, env=env)
    assert listed.code == 0, listed.stderr
    assert listed.stdout.count('"id":') >= 90
