"""A wheel carries the referential and templates: installed outside the repository, it finds them; and the install
steps of ``docs/ci.md`` work as written, then its CI commands run from the installed wheel.

The wheel is built once for the module, and installed once, as ``docs/ci.md`` installs it, in a fresh environment
that both tests run it from. The tests run offline: the build uses the build backend already installed
(``--no-build-isolation``) and the fresh environment takes psc-check's dependencies, and pip, from this one (a
``.pth`` line) instead of PyPI; everything else is what the documentation says.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT, Result, run_argv

CI_DOC = ROOT / "docs" / "ci.md"

DOCUMENTED_WHEEL_COMMANDS = [
    "python3 -m pip wheel --no-deps -w dist .",
    "python3 -m pip install dist/psc_checker-*.whl",
    "psc-check --version",
]
"""What ``docs/ci.md`` tells a user to run to build and install the wheel; the tests below run exactly these steps."""


def _block(marker: str) -> list[str]:
    text = CI_DOC.read_text(encoding="utf-8")
    found = re.search(rf"<!-- {marker} -->\n```sh\n(.*?)```\n<!-- /{marker} -->", text, re.DOTALL)
    assert found, f"docs/ci.md lost its {marker} block"
    return [line for line in found.group(1).splitlines() if line.strip()]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``python3 -m pip wheel --no-deps -w dist .`` in the source folder (the build backend already installed)."""
    dist = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation", "-w", str(dist), str(ROOT)],
        check=True,
        capture_output=True,
        stdin=subprocess.DEVNULL,
        timeout=300,
    )
    return next(dist.glob("psc_checker-*.whl"))


@dataclass(frozen=True)
class Installed:
    """The wheel installed by the CI job's command in a fresh environment (``venv``), from ``repository``."""

    venv: Path
    purelib: Path
    repository: Path
    documented: str
    install: Result


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Installed:
    """A fresh environment (its dependencies and pip are this environment's, offline) where the GitLab CI job of
    docs/ci.md installs the wheel it keeps in ``outils/``, by the name the documentation gives it (``pip install
    outils/...whl``, run by the fresh environment's Python). The tests check what the install did."""
    work = tmp_path_factory.mktemp("installed")
    venv = work / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=120)
    python = venv / "bin" / "python"
    purelib = Path(run_argv([python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"]).stdout.strip())
    (purelib / "deps-of-the-test-environment.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    repository = work / "depot"
    (repository / "outils").mkdir(parents=True)
    documented = _ci_commands()[0].removeprefix("pip install ")
    if Path(documented).name == wheel.name:
        shutil.copy(wheel, repository / documented)
    install = run_argv([python, "-m", "pip", "install", "-q", "--no-deps", documented], cwd=repository)
    return Installed(venv, purelib, repository, documented, install)


@pytest.mark.slow
def test_wheel_finds_bundled_data_outside_the_repository(wheel: Path, installed: Installed, tmp_path: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    assert "checker/_data/referentiel/psc.yaml" in names
    assert any(n.startswith("checker/_data/templates/") for n in names)
    assert any(n.endswith(".dist-info/licenses/LICENSE") for n in names), "the wheel carries the licence"
    metadata = zipfile.ZipFile(wheel).read(next(n for n in names if n.endswith(".dist-info/METADATA"))).decode()
    assert "Requires-Python: >=3.11" in metadata
    assert "Classifier: Programming Language :: Python :: 3.11" in metadata
    assert installed.install.code == 0, installed.install.stderr
    empty = tmp_path / "empty"
    empty.mkdir()
    python = installed.venv / "bin" / "python"
    probe = "import checker.inputs.paths as p; print(p.referential_dir()); print(p.templates_dir())"
    done = run_argv([python, "-c", probe], cwd=empty)
    assert done.code == 0, done.stderr
    referential, templates = done.stdout.splitlines()
    assert referential.startswith(str(installed.purelib)) and templates.startswith(str(installed.purelib)), done.stdout
    listed = run_argv([python, "-m", "checker", "referentiel", "list", "--format", "json"], cwd=empty)
    assert listed.code == 0, listed.stderr
    assert listed.stdout.count('"id":') >= 90


def _ci_commands() -> list[str]:
    """The shell commands of the GitLab CI job in docs/ci.md, folded as GitLab folds them."""
    text = CI_DOC.read_text(encoding="utf-8")
    block = re.search(r"## GitLab CI\n\n```yaml\n(.*?)```", text, re.DOTALL)
    assert block, "docs/ci.md lost its GitLab CI job"
    job = yaml.safe_load(block.group(1))["psc-check"]
    return [str(line) for line in job["script"]]


@pytest.mark.slow
def test_the_ci_documentation_installs_and_runs_as_written(wheel: Path, installed: Installed) -> None:
    assert _block("wheel-commands") == DOCUMENTED_WHEEL_COMMANDS
    # the CI job installs the wheel it keeps in outils/, by the name docs/ci.md gives it (the fixture ran it)
    repository, documented = installed.repository, installed.documented
    _install, *commands = _ci_commands()
    assert Path(documented).name == wheel.name, f"docs/ci.md installs {documented}, the build makes {wheel.name}"
    named = set(re.findall(r"psc_checker-\d[^\s/]*\.whl", CI_DOC.read_text(encoding="utf-8")))
    assert named == {wheel.name}, f"docs/ci.md names {named}, the build makes {wheel.name}"
    assert installed.install.code == 0, installed.install.stderr
    psc_check = installed.venv / "bin" / "psc-check"
    version = run_argv([psc_check, "--version"], cwd=repository)
    assert version.code == 0 and version.stdout.startswith("psc-check "), version
    # the declaration and the report of the last submission, as the documentation keeps them
    shutil.copytree(ROOT / "examples" / "fs-standard", repository / "conformite")
    submitted = run_argv(
        [psc_check, "evaluate", "conformite/declaration.yaml", "-o", "conformite/rapport-soumis.json"],
        cwd=repository,
    )
    assert submitted.code in (0, 1), submitted.stderr
    for command in commands:
        argv = command.split()
        assert argv[0] == "psc-check", command
        ran = run_argv([psc_check, *argv[1:]], cwd=repository)
        assert ran.code in (0, 1), (command, ran.stderr)  # 0 ready, 1 gaps or regression: what the job reports
        assert "Traceback" not in ran.stderr
    for output in ("psc-check.sarif", "psc-check.xml", "rapport.md"):
        assert (repository / output).stat().st_size > 0, output
