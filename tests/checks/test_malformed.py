"""Malformed evidence (truncated PEM, invalid JSON, a 50 MB HAR, binary junk) is not checkable, never a crash."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.checks.base import CheckContext, NotCheckable
from checker.checks.registry import kind_checks
from checker.checks.runner import AUTOMATED_KINDS, kind_of
from checker.i18n.catalogue import CATALOGUE
from checker.model.referential import Environment, EvidenceKind
from checker.model.report import CheckResult
from tests import evidence_factory as ef
from tests.conftest import ROOT, Cli, assert_clean_error
from tests.evidence_factory import check_json


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("name", "data", "kind", "fragment"),
    [
        ("cut.pem", b"-----BEGIN CERTIFICATE-----\nMIIDazCCAlOgAwIBAgIUe", "certificate", "PEM tronqué"),
        ("garbage.pem", b"-----BEGIN CERTIFICATE-----\n!!!!\n-----END CERTIFICATE-----\n", "certificate", "illisible"),
        (
            "key.pem",
            b"-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----\n",
            "certificate",
            "BEGIN CERTIFICATE",
        ),
        ("bad.json", b'{"log": {"entries": [', "http_capture", "JSON invalide"),
        ("junk.bin", bytes(range(256)) * 64, "token_sample", "binaire"),
        ("latin1.json", '{"client_id": "é"}'.encode("latin-1"), "oidc_client_config", "UTF-8"),
        ("empty.json", b"   \n", "proxy_traces", "vide"),
        ("deep.json", b"[" * 100_000 + b"]" * 100_000, "proxy_traces", "imbrication"),
        ("list.json", b"[1, 2, 3]", "oidc_client_config", "clé / valeur"),
        ("notar.json", b'{"log": {"pages": []}}', "http_capture", "ni HAR"),
        ("none.json", b'{"requests": []}', "ciba_capture", "aucune requête CIBA"),
        ("traces.json", b'{"traces": {}}', "proxy_traces", "pas une liste"),
    ],
)
def test_malformed_evidence_is_not_checkable(
    cli: Cli, tmp_path: Path, name: str, data: bytes, kind: str, fragment: str
) -> None:
    code, report = check_json(cli, _write(tmp_path, name, data), "--kind", kind)
    assert code == 2
    assert report["status"] == "not_checkable"
    assert fragment in report["unreadable"], report["unreadable"]
    assert {c["status"] for c in report["checks"]} == {"not_checkable"}


def test_a_50_mb_har_is_refused_without_reading_it(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "huge.har"
    with path.open("wb") as handle:
        handle.write(b'{"log": {"entries": [], "comment": "')
        handle.write(b"x" * (50 * 1024 * 1024))
        handle.write(b'"}}')
    for args in (["--kind", "http_capture"], []):
        code, report = check_json(cli, path, *args)
        assert code == 2
        assert "50.0 Mo" in report["unreadable"]


def test_binary_junk_of_unknown_kind_is_not_recognised(cli: Cli, tmp_path: Path) -> None:
    code, report = check_json(cli, _write(tmp_path, "junk.bin", os.urandom(4096)), "--lang", "en")
    assert code == 2
    assert report["kind"] is None
    assert "not recognised" in report["unreadable"]


def test_missing_file_and_bad_options_are_usage_errors(cli: Cli, tmp_path: Path) -> None:
    assert_clean_error(cli("check-evidence", tmp_path / "absent.pem"), "absent.pem", "fichier de preuve introuvable")
    path = _write(tmp_path, "x.json", b"{}")
    assert_clean_error(cli("check-evidence", path, "--kind", "certificat"), "--kind", "certificate")
    assert_clean_error(cli("check-evidence", path, "--environment", "prod"), "--environment")
    assert_clean_error(cli("check-evidence", path, "--as-of", "2026-13-01"), "--as-of")


_CTX = CheckContext(
    as_of=dt.date(2026, 11, 28),
    environment=Environment.BAC_A_SABLE,
    level="espace_de_confiance",
    client_id=ef.CLIENT_ID,
    min_remaining_days=30,
    declared_expires=dt.date(2027, 1, 1),
    jwks=b'{"keys": [{"kty": "RSA", "n": "AQAB", "e": "AQAB"}]}',
)
_KEYS = [
    "log",
    "entries",
    "request",
    "url",
    "method",
    "body",
    "params",
    "postData",
    "text",
    "headers",
    "traces",
    "type",
    "timestamp",
    "apiRequest",
    "proxy_id_session",
    "client_id",
    "issuer",
    "scope",
    "acr_values",
    "login_hint",
    "payload",
    "claims",
    "iss",
    "aud",
    "acr",
    "SubjectNameID",
    "keys",
    "response",
    "content",
]
_SCALARS = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30)
_JSON = st.recursive(
    _SCALARS | st.sampled_from(["https://wallet.bas.psc.esante.gouv.fr/auth?response_type=code", "SEND", "eidas1"]),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.sampled_from(_KEYS) | st.text(max_size=8), inner, max_size=5)
    ),
    max_leaves=25,
)


def _run_all(kind: EvidenceKind, raw: bytes) -> list[CheckResult]:
    family = kind_checks()[kind]
    try:
        data = family.load(raw)
    except NotCheckable:
        return []
    return [check(data, _CTX) for check in family.checks]


@settings(max_examples=150, deadline=None)
@given(data=_JSON, kind=st.sampled_from(AUTOMATED_KINDS))
def test_any_json_gives_results_or_not_checkable(data: Any, kind: EvidenceKind) -> None:
    for result in _run_all(kind, json.dumps(data).encode()):
        assert result.status in ("verified", "contradicted", "not_checkable")
        assert kind_of(result.check) is kind


@settings(max_examples=150, deadline=None)
@given(raw=st.binary(max_size=512), kind=st.sampled_from(AUTOMATED_KINDS))
def test_any_bytes_give_results_or_not_checkable(raw: bytes, kind: EvidenceKind) -> None:
    for result in _run_all(kind, raw):
        assert result.status in ("verified", "contradicted", "not_checkable")


def test_every_check_message_exists_in_both_languages_with_the_same_fields() -> None:
    import re
    import string

    used = set()
    for path in ROOT.joinpath("checker", "checks").glob("*.py"):
        used |= set(re.findall(r'say\(\s*"([a-z_.]+)"', path.read_text(encoding="utf-8")))
    assert used, "no message found"
    missing = sorted(k for k in used if f"check.{k}" not in CATALOGUE)
    assert not missing, missing
    for key, entry in CATALOGUE.items():
        if key.startswith("check."):
            fields = [{f for _, f, _, _ in string.Formatter().parse(entry[lang]) if f} for lang in ("fr", "en")]
            assert fields[0] == fields[1], key


def test_check_messages_never_override_the_main_catalogue() -> None:
    import ast

    from checker.i18n.checks_catalogue import CHECK_MESSAGES

    source = ROOT.joinpath("checker", "i18n", "catalogue.py").read_text(encoding="utf-8")
    keys = {
        key.value
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Dict)
        for key in node.keys
        if isinstance(key, ast.Constant)
    }
    assert not set(CHECK_MESSAGES) & keys


def test_a_trace_whose_type_is_a_list_is_an_unknown_type_not_a_crash() -> None:
    """Found by hypothesis: ``[{"type": []}]`` raised TypeError (unhashable list) inside ``traces.cycle``."""
    results = _run_all(EvidenceKind.PROXY_TRACES, b'[{"type": []}, {"type": {"a": 1}}]')
    assert results and {r.status for r in results} <= {"contradicted", "not_checkable"}
