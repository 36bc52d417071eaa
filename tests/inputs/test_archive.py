"""Names a zip member may have once extracted into our folder: relative, `/`-separated, normalised, printable."""

from __future__ import annotations

import pytest

from checker.inputs.archive import safe_name_problem

REFUSED = {
    "../evil": "leaves the folder",
    "a/../../evil": "leaves the folder",
    "/etc/passwd": "an absolute path",
    "C:/Windows/evil": "an absolute path",
    "a\\..\\evil": "a backslash",
    "a//b": "not normalised",
    "./a": "not normalised",
    "a/./b": "not normalised",
    "a\x00b": "a control character",
    "a\nb": "a control character",
    "": "characters",
    "x" * 501: "characters",
}


@pytest.mark.parametrize("name", REFUSED, ids=[repr(n[:20]) for n in REFUSED])
def test_a_name_that_could_escape_or_mislead_is_refused(name: str) -> None:
    problem = safe_name_problem(name)
    assert problem is not None and REFUSED[name] in problem


@pytest.mark.parametrize("name", ["declaration/evidence/a.pem", "LISEZMOI.txt", "hors-dossier/1/é è.txt", "a/b/"])
def test_an_ordinary_name_is_accepted(name: str) -> None:
    assert safe_name_problem(name) is None
