"""Referential loading: the model, consistency checks, and `referentiel check` on broken editions."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.errors import InputError
from checker.referential.load import load_referential
from tests.conftest import MINI, Cli, assert_clean_error


def _variant(tmp_path: Path, old: str, new: str, count: int = 1) -> Path:
    text = MINI.read_text(encoding="utf-8")
    assert old in text, old
    path = tmp_path / "edition.yaml"
    path.write_text(text.replace(old, new, count), encoding="utf-8")
    return path


def test_mini_loads_and_indexes() -> None:
    ref = load_referential(MINI)
    assert ref.version == "1.10"  # not the float 1.1
    assert ref.level_closure["espace_de_confiance"] == {"espace_de_confiance", "communaute"}
    assert [r.id for r in ref.select(["FS"], "communaute")] == ["T-OIDC-01", "T-OIDC-02", "T-CIBA-01"]
    assert [r.id for r in ref.select(["ELP"], "espace_de_confiance")] == ["T-CERT-01"]
    assert len(ref.sha256) == 64


BROKEN = {
    "duplicate-id": ("  - id: T-OIDC-02", "  - id: T-OIDC-01", "identifiant `T-OIDC-01` en double sous `requirements`"),
    "duplicate-key": ("    title: PKCE\n", "    title: PKCE\n    title: PKCE bis\n", "clé `title` en double"),
    "unknown-actor": ("    actors: [FS]\n", "    actors: [FS, XYZ]\n", "identifiant inconnu `XYZ`"),
    "unknown-relied-on-actor": (
        "    relies_on: [ELP]",
        "    relies_on: [ELPP]",
        "identifiant inconnu `ELPP` parmi les `actors` — vouliez-vous dire `ELP` ?",
    ),
    "unknown-theme": ("    theme: certificates", "    theme: certificate", "vouliez-vous dire `certificates` ?"),
    "unknown-feature": (
        "      features_all: [uses_ciba]",
        "      features_all: [uses_cibaa]",
        "identifiant inconnu `uses_cibaa`",
    ),
    "unknown-obligation": (
        "    obligation: recommended",
        "    obligation: recomended",
        "vouliez-vous dire `recommended` ?",
    ),
    "unknown-key": (
        "    statement: Utiliser PKCE.\n",
        "    statement: Utiliser PKCE.\n    statment: x\n",
        "clé inconnue",
    ),
    "unknown-source": (
        "      sources: [S0]\n  - id: T-OIDC-02",
        "      sources: [S9]\n  - id: T-OIDC-02",
        "identifiant inconnu `S9`",
    ),
    "unknown-included-level": (
        "    includes: [communaute]",
        "    includes: [communautee]",
        "identifiant inconnu `communautee`",
    ),
    "impossible-date": ("    deadline: 2030-01-01", "    deadline: 2030-02-30", "deadline"),
    "actor-at-no-level": (
        "    actors: [ELU, ELP]",
        "    actors: [FS]",
        "l'acteur `FS` n'intervient jamais au(x) niveau(x) espace_de_confiance",
    ),
}
"""Broken editions of the mini referential, by name: (text replaced once, its replacement, a fragment of the error)."""


@pytest.mark.parametrize(("old", "new", "fragment"), BROKEN.values(), ids=BROKEN)
def test_broken_editions_are_refused(tmp_path: Path, old: str, new: str, fragment: str) -> None:
    path = _variant(tmp_path, old, new)
    with pytest.raises(InputError) as caught:
        load_referential(path)
    text = str(caught.value)
    assert fragment in text
    assert f"{path}:" in text  # file and line


def test_alias_is_refused(tmp_path: Path) -> None:
    path = _variant(
        tmp_path,
        "    actors: [FS, ELU]\n    levels: [communaute]\n    obligation: mandatory\n    theme: oidc\n    evidence",
        "    actors: &acts [FS, ELU]\n    levels: [communaute]\n    obligation: mandatory\n    theme: oidc\n    evidence",
    )
    path.write_text(path.read_text().replace("    actors: [FS]\n", "    actors: *acts\n", 1))
    with pytest.raises(InputError, match="alias"):
        load_referential(path)


def test_referentiel_check_command(cli: Cli, tmp_path: Path) -> None:
    ok = cli("referentiel", "check", MINI)
    assert ok.code == 0, ok.stderr
    assert "mini 1.10" in ok.stdout
    bad = _variant(tmp_path, "  - id: T-OIDC-02", "  - id: T-OIDC-01")
    result = cli("referentiel", "check", bad)
    assert_clean_error(result, f"{bad}:", "en double sous `requirements`")
    dup = _variant(tmp_path, "    title: PKCE\n", "    title: PKCE\n    title: again\n")
    assert_clean_error(cli("referentiel", "check", dup), f"{dup}:", "clé `title` en double")
    assert_clean_error(cli("referentiel", "check", tmp_path / "absent.yaml"), "fichier introuvable")


def test_an_edition_is_parsed_once_per_content_and_again_when_it_changes(tmp_path: Path) -> None:
    """The process-wide cache is keyed by path and content: an edited file is never served from it."""
    edition = tmp_path / "edition.yaml"
    text = MINI.read_text(encoding="utf-8")
    edition.write_text(text, encoding="utf-8")
    first = load_referential(edition)
    assert load_referential(edition) is first
    edition.write_text(text.replace('version: "1.10"', 'version: "1.11"'), encoding="utf-8")
    again = load_referential(edition)
    assert again is not first and again.version == "1.11"
