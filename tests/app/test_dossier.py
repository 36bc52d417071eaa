"""`psc-check dossier build` and `dossier verify`: every example round-trips; tampering gives 1; hostile zips give 2."""

from __future__ import annotations

import json
import re
import shutil
import stat
import warnings
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import MINI, ROOT, Cli, Result, assert_clean_error
from tests.zip_support import zip_bytes

AS_OF = "2026-06-01"
EXAMPLES = sorted(p.parent.name for p in (ROOT / "examples").glob("*/declaration.yaml"))
MINI_CASE = ROOT / "tests" / "cases" / "ready" / "elu-mini-all-compliant"


def _members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _rezip(path: Path, members: dict[str, bytes]) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)


Build = Callable[[str], tuple[Result, Path]]


@pytest.fixture(scope="module")
def built(cli: Cli, tmp_path_factory: pytest.TempPathFactory) -> Build:
    """An example's dossier (without its PDF) by name: the build's result and the zip, built once for the module by
    the first test that asks for it (the fs-standard one serves two tests below)."""
    made: dict[str, tuple[Result, Path]] = {}

    def build(example: str) -> tuple[Result, Path]:
        if example not in made:
            zipped = tmp_path_factory.mktemp(f"dossier-{example}") / "dossier.zip"
            declaration = ROOT / "examples" / example / "declaration.yaml"
            made[example] = (cli("dossier", "build", declaration, "--as-of", AS_OF, "--no-pdf", "-o", zipped), zipped)
        return made[example]

    return build


@pytest.mark.parametrize("example", EXAMPLES)
def test_every_example_gives_a_dossier_that_verifies(cli: Cli, built: Build, example: str) -> None:
    result, dossier = built(example)
    assert result.code == 0, result.stderr
    assert "Dossier écrit" in result.stdout
    members = _members(dossier)
    manifest = json.loads(members["MANIFEST.json"])
    assert manifest["as_of"] == AS_OF
    assert {"LISEZMOI.txt", "rapports/rapport.json", "rapports/rapport.html", "rapports/matrice.xlsx"} <= set(members)
    assert manifest["declaration"] == "declaration/declaration.yaml"
    report = json.loads(members["rapports/rapport.json"])
    assert manifest["verdict"]["ready"] == report["summary"]["ready"]
    cited = {e["path"] for f in report["findings"] for e in f["evidence"] if e["status"] not in {"missing", "outside"}}
    assert {f"declaration/{path}" for path in cited} <= set(members), "every evidence file cited is in the dossier"
    verified = cli("dossier", "verify", dossier)
    assert verified.code == 0, verified.stdout + verified.stderr
    assert "Dossier vérifié" in verified.stdout


@pytest.fixture(scope="module")
def dossier(built: Build) -> Path:
    """The fs-standard example's dossier (without its PDF: rendering 26 pages costs seconds, tested below on a small case)."""
    result, zipped = built("fs-standard")
    assert result.code == 0, result.stderr
    return zipped


def test_two_builds_on_the_same_inputs_are_byte_identical(cli: Cli, dossier: Path, tmp_path: Path) -> None:
    again = tmp_path / "again.zip"
    example = ROOT / "examples" / "fs-standard" / "declaration.yaml"
    cli("dossier", "build", example, "--as-of", AS_OF, "--no-pdf", "-o", again)
    assert again.read_bytes() == dossier.read_bytes()
    with zipfile.ZipFile(dossier) as archive:
        infos = archive.infolist()
    assert [i.filename for i in infos] == sorted(i.filename for i in infos)
    assert {i.date_time for i in infos} == {(2026, 6, 1, 0, 0, 0)}
    assert {i.external_attr >> 16 for i in infos} == {stat.S_IFREG | 0o644}
    manifest = json.loads(_members(dossier)["MANIFEST.json"])
    assert {f["path"] for f in manifest["files"]} | {"MANIFEST.json"} == {i.filename for i in infos}
    readme = _members(dossier)["LISEZMOI.txt"].decode("utf-8")
    assert "psc-check dossier verify" in readme and "Centre hospitalier d'Ormeval" in readme


def _change_evidence(members: dict[str, bytes]) -> str:
    name = "declaration/evidence/oidc-client-production.json"
    data = bytearray(members[name])
    data[10] ^= 0x01
    members[name] = bytes(data)
    return f"fichier modifié : {name}"


def _remove_file(members: dict[str, bytes]) -> str:
    del members["declaration/evidence/plan-continuite-psc.md"]
    return "fichier absent : declaration/evidence/plan-continuite-psc.md"


def _add_file(members: dict[str, bytes]) -> str:
    members["declaration/evidence/ajout.txt"] = b"added later\n"
    return "fichier en trop : declaration/evidence/ajout.txt"


def _edit_verdict(members: dict[str, bytes]) -> str:
    report = json.loads(members["rapports/rapport.json"])
    report["summary"]["ready"] = not report["summary"]["ready"]
    members["rapports/rapport.json"] = json.dumps(report).encode("utf-8")
    return "verdict différent"


def _garble_report(members: dict[str, bytes]) -> str:
    report = json.loads(members["rapports/rapport.json"])
    report["findings"][0]["evidence"] = [1]
    members["rapports/rapport.json"] = json.dumps(report).encode("utf-8")
    return "rapport JSON illisible : rapports/rapport.json"


TAMPERING: dict[str, Callable[[dict[str, bytes]], str]] = {
    "evidence-byte": _change_evidence,
    "file-removed": _remove_file,
    "file-added": _add_file,
    "verdict-edited": _edit_verdict,
    "report-garbled": _garble_report,
}


@pytest.mark.parametrize("tamper", TAMPERING, ids=list(TAMPERING))
def test_a_tampered_dossier_gives_exit_1_naming_the_difference(
    cli: Cli, dossier: Path, tmp_path: Path, tamper: str
) -> None:
    members = _members(dossier)
    expected = TAMPERING[tamper](members)
    tampered = tmp_path / "tampered.zip"
    _rezip(tampered, members)
    result = cli("dossier", "verify", tampered)
    assert result.code == 1, result.stdout + result.stderr
    assert expected in result.stdout, result.stdout
    assert re.search(r"\b1 différence\b|\b[2-9][0-9]* différences\b", result.stdout), result.stdout


def _mini_build_args(declaration: Path) -> list[str | Path]:
    """``dossier build`` of ``declaration`` on the mini referential at a fixed date, without PDF (no output yet)."""
    return ["dossier", "build", declaration, "--referentiel", MINI, "--as-of", "2026-11-28", "--no-pdf"]


def _build_on_mini(cli: Cli, declaration: Path, output: Path, *extra: str) -> None:
    built = cli(*_mini_build_args(declaration), *extra, "-o", output)
    assert built.code == 0, built.stderr


def test_a_changed_evidence_file_is_also_caught_against_the_declaration(cli: Cli, tmp_path: Path) -> None:
    """The mini case declares each evidence file's sha256: the re-evaluation compares the file with it."""
    case = tmp_path / "case"
    shutil.copytree(MINI_CASE, case)
    _build_on_mini(cli, case / "declaration.yaml", tmp_path / "d.zip")
    members = _members(tmp_path / "d.zip")
    members["declaration/evidence/client.pem"] += b"\n"
    _rezip(tmp_path / "t.zip", members)
    result = cli("dossier", "verify", tmp_path / "t.zip", "--referentiel", MINI)
    assert result.code == 1
    assert "fichier modifié : declaration/evidence/client.pem" in result.stdout
    assert "preuve evidence/client.pem d'empreinte" in result.stdout, result.stdout


def test_outside_evidence_is_refused_or_stored_under_a_neutral_path(cli: Cli, tmp_path: Path) -> None:
    case = tmp_path / "vendor" / "product"
    shutil.copytree(MINI_CASE, case)
    shared = tmp_path / "vendor" / "shared"
    shared.mkdir()
    (case / "evidence" / "client.pem").rename(shared / "client.pem")
    text = (case / "declaration.yaml").read_text(encoding="utf-8")
    (case / "declaration.yaml").write_text(
        text.replace("evidence/client.pem", "../shared/client.pem"), encoding="utf-8"
    )
    refused = cli(*_mini_build_args(case / "declaration.yaml"), "-o", tmp_path / "no.zip")
    assert_clean_error(
        refused, "`../shared/client.pem` se trouve hors du dossier de la déclaration", "--allow-outside-evidence"
    )
    assert not (tmp_path / "no.zip").exists()
    _build_on_mini(cli, case / "declaration.yaml", tmp_path / "d.zip", "--allow-outside-evidence")
    manifest = json.loads(_members(tmp_path / "d.zip")["MANIFEST.json"])
    stored = [f for f in manifest["files"] if f.get("place")]
    assert [(f["path"], f["place"]) for f in stored] == [("hors-dossier/1/client.pem", "../shared/client.pem")]
    verified = cli("dossier", "verify", tmp_path / "d.zip", "--referentiel", MINI)
    assert verified.code == 0, verified.stdout + verified.stderr


def test_another_referential_edition_is_said_and_not_re_evaluated_unless_given(cli: Cli, tmp_path: Path) -> None:
    _build_on_mini(cli, MINI_CASE / "declaration.yaml", tmp_path / "d.zip")
    bundled = cli("dossier", "verify", tmp_path / "d.zip")
    assert bundled.code == 1
    assert "dossier fait avec le référentiel" in bundled.stdout and "--referentiel FICHIER" in bundled.stdout
    given = cli("dossier", "verify", tmp_path / "d.zip", "--referentiel", MINI)
    assert given.code == 0, given.stdout


def test_a_later_as_of_re_evaluates_at_that_date(cli: Cli, dossier: Path) -> None:
    result = cli("dossier", "verify", dossier, "--as-of", "2030-01-01")
    assert result.code == 1
    assert "à la réévaluation" in result.stdout or "verdict différent" in result.stdout


# Hostile zips: each refused with exit 2, and nothing left behind -----------------------------------------------


def _zip_slip(path: Path) -> None:
    _rezip(path, {"MANIFEST.json": b"{}", "../evil.txt": b"x"})


def _absolute(path: Path) -> None:
    _rezip(path, {"MANIFEST.json": b"{}", "/tmp/evil.txt": b"x"})


def _symlink(path: Path) -> None:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("MANIFEST.json", b"{}")
        info = zipfile.ZipInfo("declaration/evidence/link")
        info.create_system = 3
        info.external_attr = (stat.S_IFLNK | 0o777) << 16
        archive.writestr(info, "/etc/passwd")


def _bomb(path: Path) -> None:
    """1 GB of zeros in one deflated member (about 1 MB on disk)."""
    path.write_bytes(zip_bytes({"MANIFEST.json": b"{}"}, {"declaration/evidence/big.bin": 1 << 30}))


def _encrypted(path: Path) -> None:
    """Flag bit 0 set in the local header and the central directory (zipfile cannot write encrypted members)."""
    _rezip(path, {"MANIFEST.json": b"{}"})
    data = bytearray(path.read_bytes())
    local, central = data.index(b"PK\x03\x04"), data.index(b"PK\x01\x02")
    data[local + 6] |= 0x1
    data[central + 8] |= 0x1
    path.write_bytes(bytes(data))


def _duplicate(path: Path) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns about the duplicate it is asked to write
        _rezip_pairs(path, [("MANIFEST.json", b"{}"), ("declaration/a.txt", b"1"), ("declaration/a.txt", b"2")])


def _rezip_pairs(path: Path, pairs: list[tuple[str, bytes]]) -> None:
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in pairs:
            archive.writestr(name, data)


def _not_a_zip(path: Path) -> None:
    path.write_bytes(b"PK\x03\x04 not really a zip")


def _no_manifest(path: Path) -> None:
    _rezip(path, {"declaration/declaration.yaml": b"x"})


HOSTILE: dict[str, tuple[Callable[[Path], None], str]] = {
    "zip-slip": (_zip_slip, "zip-slip"),
    "absolute-path": (_absolute, "un chemin absolu"),
    "symlink": (_symlink, "un lien symbolique"),
    "1gb-member": (_bomb, "une fois décompressé (au plus 512 MB)"),
    "encrypted": (_encrypted, "un membre chiffré"),
    "duplicate-name": (_duplicate, "un second membre nommé comme"),
    "not-a-zip": (_not_a_zip, "zip illisible"),
    "no-manifest": (_no_manifest, "pas de MANIFEST.json"),
}


@pytest.mark.parametrize("case", HOSTILE, ids=list(HOSTILE))
def test_a_hostile_zip_gives_exit_2_and_leaves_nothing(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, case: str
) -> None:
    make, fragment = HOSTILE[case]
    work = tmp_path / "work"
    temp = tmp_path / "temp"
    work.mkdir()
    temp.mkdir()
    make(work / "hostile.zip")
    monkeypatch.setenv("TMPDIR", str(temp))
    result = cli("dossier", "verify", work / "hostile.zip", cwd=work)
    assert_clean_error(result, "hostile.zip", fragment)
    assert list(temp.iterdir()) == [], "the temporary folder is removed"
    assert [p.name for p in work.iterdir()] == ["hostile.zip"]
    assert not (tmp_path / "evil.txt").exists()


def test_a_deflated_member_expanding_past_the_ratio_is_a_bomb(cli: Cli, tmp_path: Path) -> None:
    (tmp_path / "z.zip").write_bytes(zip_bytes({"MANIFEST.json": b"{}"}, {"declaration/zeros.bin": 64 << 20}))
    assert_clean_error(cli("dossier", "verify", tmp_path / "z.zip"), "une bombe zip")


def test_build_refuses_a_path_that_is_not_a_zip_and_writes_atomically(cli: Cli, tmp_path: Path) -> None:
    declaration = MINI_CASE / "declaration.yaml"
    assert_clean_error(
        cli("dossier", "build", declaration, "--referentiel", MINI, "-o", tmp_path / "d.tar"),
        "un dossier est un fichier .zip",
    )
    assert list(tmp_path.iterdir()) == []


def test_with_its_pdf_report_a_dossier_is_still_byte_identical(cli: Cli, tmp_path: Path) -> None:
    """The PDF goes in when WeasyPrint is installed (it is in CI), and is deterministic too."""
    from checker.render.pdf import pdf_available

    builds = []
    for name in ("a.zip", "b.zip"):
        built = cli(
            "dossier",
            "build",
            MINI_CASE / "declaration.yaml",
            "--referentiel",
            MINI,
            "--as-of",
            AS_OF,
            "-o",
            tmp_path / name,
        )
        assert built.code == 0, built.stderr
        builds.append((tmp_path / name).read_bytes())
    assert builds[0] == builds[1]
    assert ("rapports/rapport.pdf" in _members(tmp_path / "a.zip")) is pdf_available()
    if pdf_available():  # the dossier prints the HTML report it holds: the very PDF `evaluate -o` writes
        report = tmp_path / "rapport.pdf"
        args = [MINI_CASE / "declaration.yaml", "--referentiel", MINI, "--as-of", AS_OF, "-o", report]
        assert cli("evaluate", *args).code in (0, 1)
        with zipfile.ZipFile(tmp_path / "a.zip") as archive:
            assert archive.read("rapports/rapport.pdf") == report.read_bytes()
