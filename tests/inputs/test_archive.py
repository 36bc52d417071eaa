"""Names a zip member may have once extracted into our folder: relative, `/`-separated, normalised, printable."""

from __future__ import annotations

import pytest

from checker.i18n import text
from checker.inputs.archive import safe_name_problem

REFUSED = {
    "../evil": "sort du dossier",
    "a/../../evil": "sort du dossier",
    "/etc/passwd": "un chemin absolu",
    "C:/Windows/evil": "un chemin absolu",
    "a\\..\\evil": "barre oblique inverse",
    "a//b": "non normalisé",
    "./a": "non normalisé",
    "a/./b": "non normalisé",
    "a\x00b": "caractère de contrôle",
    "a\nb": "caractère de contrôle",
    "": "caractères",
    "x" * 501: "caractères",
}


@pytest.mark.parametrize("name", REFUSED, ids=[repr(n[:20]) for n in REFUSED])
def test_a_name_that_could_escape_or_mislead_is_refused(name: str) -> None:
    problem = safe_name_problem(name)
    assert problem is not None and REFUSED[name] in text(problem)


@pytest.mark.parametrize("name", ["declaration/evidence/a.pem", "LISEZMOI.txt", "hors-dossier/1/é è.txt", "a/b/"])
def test_an_ordinary_name_is_accepted(name: str) -> None:
    assert safe_name_problem(name) is None
