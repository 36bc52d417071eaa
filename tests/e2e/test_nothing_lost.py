"""Nothing lost: every output of every command is written beside its target and renamed over it.

A full disk, a refused permission, an exception or an interruption between the write and the rename leave the
previous file as it was and no temporary file behind; a process killed outright leaves a temporary file that the
next write removes. ``init`` and ``import-matrix`` never replace a file without ``--force``.
"""

from __future__ import annotations

import ast
import errno
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

import checker.app.write
from tests import bytecode_cache
from tests.conftest import MINI, ROOT, Cli, _command, run_argv
from tests.fuzz_support import READY, in_process

PREVIOUS = b"PREVIOUS OUTPUT, must survive\n"
Scenario = Callable[[Path], tuple[list[str | Path], Path]]


def _evaluate(suffix: str) -> Scenario:
    def build(folder: Path) -> tuple[list[str | Path], Path]:
        target = folder / f"rapport{suffix}"
        return [
            "evaluate",
            folder / "declaration.yaml",
            "--referentiel",
            MINI,
            "--as-of",
            "2026-11-28",
            "-o",
            target,
        ], target

    return build


def _init(folder: Path) -> tuple[list[str | Path], Path]:
    target = folder / "nouvelle.yaml"
    return [
        "init",
        "--referentiel",
        MINI,
        "--actor",
        "ELU",
        "--level",
        "espace_de_confiance",
        "-o",
        target,
        "--force",
    ], target


def _import(folder: Path) -> tuple[list[str | Path], Path]:
    matrix = folder / "matrice.xlsx"
    done = in_process(
        "evaluate", folder / "declaration.yaml", "--referentiel", MINI, "--as-of", "2026-11-28", "-o", matrix
    )
    assert done.code == 0, done.stderr
    target = folder / "audit.yaml"
    args: list[str | Path] = ["import-matrix", matrix, "--declaration", folder / "declaration.yaml"]
    return [*args, "--referentiel", MINI, "-o", target, "--auditor", "A", "--force"], target


def _diff(folder: Path) -> tuple[list[str | Path], Path]:
    target = folder / "migree.yaml"
    return ["diff", MINI, MINI, "--declaration", folder / "declaration.yaml", "-o", target, "--force"], target


def _portfolio(folder: Path) -> tuple[list[str | Path], Path]:
    target = folder / "portefeuille.html"
    return ["portfolio", folder, "--referentiel", MINI, "--as-of", "2026-11-28", "--workers", "1", "-o", target], target


WRITERS: dict[str, Scenario] = {
    "evaluate-json": _evaluate(".json"),
    "evaluate-xlsx": _evaluate(".xlsx"),
    "evaluate-html": _evaluate(".html"),
    "init": _init,
    "import-matrix": _import,
    "diff": _diff,
    "portfolio": _portfolio,
}


@pytest.fixture
def case(tmp_path: Path) -> Path:
    folder = tmp_path / "case"
    shutil.copytree(READY, folder)
    return folder


def _temporary_files(folder: Path) -> list[Path]:
    return [p for p in folder.rglob(".*") if p.name.endswith(".tmp")]


def _run_with_previous(case: Path, writer: str) -> tuple[list[str | Path], Path]:
    args, target = WRITERS[writer](case)
    target.write_bytes(PREVIOUS)
    return args, target


@pytest.mark.parametrize("writer", sorted(WRITERS))
def test_each_writer_replaces_its_output_whole(case: Path, writer: str) -> None:
    args, target = _run_with_previous(case, writer)
    result = in_process(*args)
    assert result.code in (0, 1), result.stderr
    assert target.read_bytes() != PREVIOUS and target.stat().st_size > 0
    assert not _temporary_files(case)


def _full_disk(monkeypatch: pytest.MonkeyPatch) -> None:
    real = checker.app.write._write_all

    def half_then_full(fd: int, data: bytes) -> None:
        real(fd, data[: len(data) // 2])
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(checker.app.write, "_write_all", half_then_full)


def _no_permission(monkeypatch: pytest.MonkeyPatch) -> None:
    def refused(*_args: object, **_kwargs: object) -> tuple[int, str]:
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))

    monkeypatch.setattr(tempfile, "mkstemp", refused)


def _fsync_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    def failing(_fd: int) -> None:
        raise OSError(errno.EIO, os.strerror(errno.EIO))

    monkeypatch.setattr(os, "fsync", failing)


@pytest.mark.parametrize("writer", sorted(WRITERS))
@pytest.mark.parametrize(
    ("failure", "fragments"),
    [
        (
            _full_disk,
            ["No space left on device", "libérez de la place", "le fichier précédent, s'il y en avait un, est intact"],
        ),
        (_no_permission, ["Permission denied", "vérifiez les droits d'accès du dossier"]),
        (_fsync_fails, ["écriture du fichier impossible (Input/output error)"]),
    ],
    ids=["full-disk", "no-permission", "fsync-fails"],
)
def test_a_failed_write_keeps_the_previous_file(
    case: Path,
    monkeypatch: pytest.MonkeyPatch,
    writer: str,
    failure: Callable[[pytest.MonkeyPatch], None],
    fragments: list[str],
) -> None:
    args, target = _run_with_previous(case, writer)
    failure(monkeypatch)
    result = in_process(*args)
    assert result.code == 2, result.stderr
    assert "Traceback" not in result.stderr
    assert f"{target} : écriture du fichier impossible" in result.stderr
    for fragment in fragments:
        assert fragment in result.stderr, (fragment, result.stderr)
    assert target.read_bytes() == PREVIOUS
    assert not _temporary_files(case)


@pytest.mark.parametrize("writer", sorted(WRITERS))
@pytest.mark.parametrize("interruption", [RuntimeError, KeyboardInterrupt])
def test_an_interruption_between_write_and_rename_keeps_the_previous_file(
    case: Path, monkeypatch: pytest.MonkeyPatch, writer: str, interruption: type[BaseException]
) -> None:
    args, target = _run_with_previous(case, writer)

    def interrupted(*_args: object) -> None:
        raise interruption("injected between the write and the rename")

    monkeypatch.setattr(checker.app.write, "_publish", interrupted)
    result = in_process(*args)
    assert result.code == (3 if interruption is RuntimeError else 130), result.stderr
    assert target.read_bytes() == PREVIOUS
    assert not _temporary_files(case)


def _as_unprivileged() -> list[str]:
    """Root writes anywhere: run the command as ``nobody`` (with setpriv) to meet a refused permission for real."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root without setpriv: cannot drop privileges")
    return [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups"]


def test_a_read_only_folder_keeps_the_previous_file() -> None:
    prefix = _as_unprivileged()
    work = Path(tempfile.mkdtemp(prefix="psc-readonly-"))
    try:
        work.chmod(0o755)
        declaration = work / "declaration.yaml"
        shutil.copyfile(READY / "declaration.yaml", declaration)
        declaration.chmod(0o644)
        target = work / "out" / "rapport.json"
        target.parent.mkdir()
        target.write_bytes(PREVIOUS)
        target.chmod(0o644)
        target.parent.chmod(0o555)
        env = bytecode_cache.AS_FOUND if prefix else {}  # the other user cannot read this user's cache folder
        command = [*prefix, *_command(), "evaluate", str(declaration), "--referentiel", str(MINI), "-o", str(target)]
        done = run_argv(command, env=env)
        refused = "écriture du fichier impossible (Permission denied)" in done.stderr
        probe = [*prefix, *_command(), "referentiel", "check", str(MINI)]
        if prefix and not (done.code == 2 and refused) and run_argv(probe, timeout=60, env=env).code != 0:
            pytest.skip("the unprivileged user cannot read this checkout")
        assert done.code == 2, (done.code, done.stderr)
        assert refused and "Traceback" not in done.stderr, done.stderr
        assert target.read_bytes() == PREVIOUS
        assert [p.name for p in target.parent.iterdir()] == ["rapport.json"]
    finally:
        (work / "out").chmod(0o755)
        shutil.rmtree(work)


_CHILD = """
import os, sys, time
import checker.app.write
real = checker.app.write._publish
def slow(*args):
    sys.stderr.write("WRITTEN, NOT RENAMED\\n"); sys.stderr.flush()
    time.sleep(60)
    real(*args)
checker.app.write._publish = slow
sys.argv = ["psc-check", *sys.argv[1:]]
from checker.cli.main import entry
entry()
"""


@pytest.fixture
def stalled(case: Path) -> Iterator[tuple[subprocess.Popen[str], Path]]:
    """A real psc-check process writing a large workbook, stopped after the write and before the rename."""
    target = case / "matrice.xlsx"
    target.write_bytes(PREVIOUS)
    args = [
        "evaluate",
        str(case / "declaration.yaml"),
        "--referentiel",
        str(MINI),
        "--as-of",
        "2026-11-28",
        "-o",
        str(target),
    ]
    env = {k: v for k, v in os.environ.items() if not k.startswith("PSC_CHECK")}
    child = subprocess.Popen(
        [sys.executable, "-c", _CHILD, *args],
        stdin=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env=env,
    )
    assert child.stderr is not None
    assert child.stderr.readline() == "WRITTEN, NOT RENAMED\n"
    assert [p.name for p in _temporary_files(case)], "the new content sits in a temporary file beside the target"
    yield child, target
    if child.poll() is None:
        child.kill()
    child.wait(timeout=30)
    child.stderr.close()


def test_sigterm_mid_write_keeps_the_previous_file_and_cleans_up(stalled: tuple[subprocess.Popen[str], Path]) -> None:
    child, target = stalled
    child.send_signal(signal.SIGTERM)
    assert child.wait(timeout=30) == 128 + signal.SIGTERM
    assert target.read_bytes() == PREVIOUS
    assert not _temporary_files(target.parent), "SIGTERM unwinds like Ctrl-C: the temporary file is removed"


def test_sigkill_mid_write_keeps_the_previous_file(stalled: tuple[subprocess.Popen[str], Path], cli: Cli) -> None:
    child, target = stalled
    child.kill()
    assert child.wait(timeout=30) == -signal.SIGKILL
    assert target.read_bytes() == PREVIOUS, "the rename never happened: the old output is intact"
    left = _temporary_files(target.parent)
    assert [p.name.startswith(".matrice.xlsx.psc-") for p in left] == [True], left
    folder = target.parent
    result = cli("evaluate", folder / "declaration.yaml", "--referentiel", MINI, "--as-of", "2026-11-28", "-o", target)
    assert result.code == 0, result.stderr
    assert target.read_bytes().startswith(b"PK"), "the next write completes"
    assert not _temporary_files(folder), "and removes what the killed process left"


def test_no_overwrite_without_force_even_if_the_file_appears_meanwhile(
    case: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``init`` links its file into place: a file created by someone else during the write is not replaced."""
    target = case / "nouvelle.yaml"
    real = checker.app.write._write_all

    def racing(fd: int, data: bytes) -> None:
        real(fd, data)
        target.write_bytes(PREVIOUS)  # another program creates the file now

    monkeypatch.setattr(checker.app.write, "_write_all", racing)
    result = in_process("init", "--referentiel", MINI, "--actor", "ELU", "--level", "espace_de_confiance", "-o", target)
    assert result.code == 2 and "le fichier existe déjà" in result.stderr, result.stderr
    assert target.read_bytes() == PREVIOUS
    assert not _temporary_files(case)


def test_import_matrix_completes_an_audit_file_and_replaces_it_only_with_force(case: Path) -> None:
    args, target = _import(case)
    without_force = [a for a in args if a != "--force"]
    target.write_text("remarques: pas un fichier d'audit\n", encoding="utf-8")
    result = in_process(*without_force)
    assert result.code == 2 and "passez --force" in result.stderr, result.stderr
    assert target.read_text(encoding="utf-8") == "remarques: pas un fichier d'audit\n"
    assert in_process(*args).code == 0
    assert "verdicts:" in target.read_text(encoding="utf-8")


def test_output_through_a_link_to_an_input_is_refused(case: Path) -> None:
    """An output path that is un lien symbolique to an input (here, an evidence file) is that input."""
    link = case / "rapport.json"
    link.symlink_to(case / "evidence" / "client.pem")
    before = (case / "evidence" / "client.pem").read_bytes()
    result = in_process(*_evaluate(".json")(case)[0])
    assert result.code == 2 and "écraserait un fichier d'entrée" in result.stderr, result.stderr
    assert (case / "evidence" / "client.pem").read_bytes() == before


def _writes(tree: ast.AST) -> list[str]:
    """Calls that write a file: ``write_text``/``write_bytes``, ``os.open``, ``open`` in a writing mode."""
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
        modes = [a.value for a in [*node.args, *(k.value for k in node.keywords)] if isinstance(a, ast.Constant)]
        writing = any(isinstance(m, str) and set(m) & set("wax+") and len(m) <= 3 for m in modes)
        if name in ("write_text", "write_bytes") or ast.unparse(node.func) == "os.open" or (name == "open" and writing):
            found.append(f"line {node.lineno}: {ast.unparse(node.func)}")
    return found


def test_only_the_output_module_writes_files() -> None:
    """No module but ``checker/app/write.py`` opens a file for writing: every output goes through ``write_atomic``."""
    writer = ROOT / "checker" / "app" / "write.py"
    # Not an output: the user cache of compiled referentials, in its own folder (XDG), written atomically (a
    # temporary file renamed), never where an input or an output lives (tests/referential/test_compiled.py).
    cache = ROOT / "checker" / "referential" / "compiled.py"
    assert _writes(ast.parse(writer.read_text(encoding="utf-8"))), "the writer itself is seen writing"
    offenders = [
        f"{path.relative_to(ROOT)} {call}"
        for path in sorted((ROOT / "checker").rglob("*.py"))
        if path not in (writer, cache)
        for call in _writes(ast.parse(path.read_text(encoding="utf-8")))
    ]
    assert offenders == [], offenders


def test_init_on_a_file_system_without_hard_links(case: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Where ``link`` is refused (FAT, some network shares), ``init`` checks then renames, and still never replaces."""

    def no_links(*_args: object) -> None:
        raise PermissionError(errno.EPERM, os.strerror(errno.EPERM))

    monkeypatch.setattr(os, "link", no_links)
    target = case / "nouvelle.yaml"
    args = ["init", "--referentiel", MINI, "--actor", "ELU", "--level", "espace_de_confiance", "-o", target]
    assert in_process(*args).code == 0
    assert target.read_text(encoding="utf-8").startswith("# yaml-language-server")
    again = in_process(*args)
    assert again.code == 2 and "le fichier existe déjà" in again.stderr
    assert not _temporary_files(case)


_FULL_DISK = """
set -u
mount -t tmpfs -o size=64k tmpfs "$DIR" || exit 97
head -c 57344 /dev/urandom > "$DIR/rapport.html"
before=$(sha256sum < "$DIR/rapport.html")
"$@" -o "$DIR/rapport.html" > /dev/null
echo "rc=$?"
after=$(sha256sum < "$DIR/rapport.html")
[ "$before" = "$after" ] && echo "intact=yes" || echo "intact=no"
echo "entries=$(ls -A "$DIR" | tr '\\n' ' ')"
"""


def test_a_really_full_disk_keeps_the_previous_file(tmp_path: Path) -> None:
    """A 64 KB tmpfs (in a private mount namespace) holding a 56 KB report: the new 12 KB report cannot fit."""
    unshare = shutil.which("unshare")
    if unshare is None:
        pytest.skip("unshare (util-linux) is not installed")
    mount_point = tmp_path / "tiny"
    mount_point.mkdir()
    command = [*_command(), "evaluate", str(READY / "declaration.yaml"), "--referentiel", str(MINI)]
    done = run_argv(
        [unshare, "--mount", "--map-root-user", "sh", "-c", _FULL_DISK, "sh", *command, "--as-of", "2026-11-28"],
        env={"DIR": str(mount_point)},
    )
    if done.code != 0 or "rc=" not in done.stdout:
        pytest.skip(f"cannot mount a private tmpfs here: {done.stderr.strip()[:200]}")
    assert "rc=2" in done.stdout, (done.stdout, done.stderr)
    assert "écriture du fichier impossible (No space left on device)" in done.stderr
    assert "intact=yes" in done.stdout
    assert "entries=rapport.html \n" in done.stdout + "\n", "no temporary file left on the full disk"
