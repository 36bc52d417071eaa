"""The typed registry: every check declared once with its id, every named check registered, imports kept lazy."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest

from checker.app.catalogue import CATALOGUE_PATH
from checker.checks.base import Check, CheckContext, Conclusion, KindChecks, say, verdict
from checker.checks.registry import check_ids, is_known_check, kind_checks, registered
from checker.checks.runner import AUTOMATED_KINDS
from checker.model.referential import EvidenceKind
from checker.referential.load import load_bundle
from tests.conftest import ROOT

_CTX = CheckContext(as_of=dt.date(2026, 11, 28))


def test_every_check_named_by_a_bundled_referential_is_registered() -> None:
    named = {
        edition.path.name: {c for r in edition.model.requirements for c in r.checks}
        for edition in load_bundle().values()
    }
    assert named["psc.yaml"]
    for name, checks in named.items():
        assert {c for c in checks if not is_known_check(c)} == set(), name


def test_every_registered_check_has_a_catalogue_text_and_a_description() -> None:
    catalogue = (ROOT / CATALOGUE_PATH).read_text(encoding="utf-8")
    for check in registered().values():
        assert f"`{check.id}`" in catalogue, f"{check.id} is in no requirement of {CATALOGUE_PATH}"
        assert (check.rule.__doc__ or "").strip(), f"{check.id} has no docstring to say what it verifies"


def test_ids_are_unique_and_each_kind_names_its_checks_after_itself() -> None:
    prefixes = {
        EvidenceKind.CERTIFICATE: "cert.",
        EvidenceKind.OIDC_CLIENT_CONFIG: "oidc.",
        EvidenceKind.HTTP_CAPTURE: "har.",
        EvidenceKind.TOKEN_SAMPLE: "token.",
        EvidenceKind.CIBA_CAPTURE: "ciba.",
        EvidenceKind.PROXY_TRACES: "traces.",
        EvidenceKind.TLS_SCAN: "tls.",
    }
    assert tuple(kind_checks()) == AUTOMATED_KINDS
    ids = [c.id for family in kind_checks().values() for c in family.checks]
    assert ids == check_ids()
    assert len(ids) == len(set(ids)) == 36
    for kind, family in kind_checks().items():
        assert family.checks, kind
        assert all(c.kind is kind and c.id.startswith(prefixes[kind]) for c in family.checks)


def test_the_result_carries_the_declared_id() -> None:
    family: KindChecks[str] = KindChecks(EvidenceKind.TOKEN_SAMPLE, 10, lambda raw: raw.decode())

    @family.check("demo.length")
    def length(data: str, ctx: CheckContext) -> Conclusion:
        """Short text."""
        return verdict([say("read.empty")] if len(data) > 3 else [], [say("read.binary")])

    assert isinstance(length, Check)
    assert family.checks == [length]
    long, short = length("long text", _CTX), length("ok", _CTX)
    assert (long.check, long.status) == ("demo.length", "contradicted")
    assert (short.check, short.status, short.texts("en")) == ("demo.length", "verified", ["binary content, not text"])
    assert length.not_checkable(say("read.empty")).check == "demo.length"
    with pytest.raises(ValueError, match="declared twice"):
        family.check("demo.length")(length.rule)


def test_listing_the_checks_imports_no_cryptography() -> None:
    probe = (
        "import sys\n"
        "from checker.checks.registry import registered, is_known_check\n"
        "assert len(registered()) == 36 and is_known_check('cert.validity')\n"
        "print('cryptography' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, check=True)
    assert done.stdout.strip() == "False"
