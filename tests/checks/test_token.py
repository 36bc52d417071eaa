"""`check-evidence` on ID-token and userinfo samples: acr, issuer, audience, national id, signature against a JWKS."""

from __future__ import annotations

import json
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric import ec, rsa

from tests import evidence_factory as ef
from tests.conftest import Cli, assert_clean_error
from tests.evidence_factory import check_json, reasons, statuses


def write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    path = tmp_path / name
    path.write_bytes(data.encode() if isinstance(data, str) else data)
    return path


def test_signed_rs256_token_verified_against_its_jwks(cli: Cli, tmp_path: Path) -> None:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    token = write(tmp_path, "id_token.jwt", ef.signed_jwt(ef.id_token_claims(), key))
    keys = write(tmp_path, "certs.json", ef.jwks(key))
    code, report = check_json(
        cli, token, "--jwks", str(keys), "--client-id", ef.CLIENT_ID, "--environment", "bac_a_sable"
    )
    assert code == 0, report
    assert statuses(report) == dict.fromkeys(
        ["token.acr", "token.issuer_audience", "token.national_id", "token.signature"], "verified"
    )
    assert report["kind"] == "token_sample"


def test_es256_signature_verified_and_a_foreign_key_refused(cli: Cli, tmp_path: Path) -> None:
    key, other = ec.generate_private_key(ec.SECP256R1()), ec.generate_private_key(ec.SECP256R1())
    token = write(tmp_path, "id_token.jwt", ef.signed_jwt(ef.id_token_claims(), key))
    good = write(tmp_path, "good.json", ef.jwks(key))
    bad = write(tmp_path, "bad.json", ef.jwks(other))
    assert statuses(check_json(cli, token, "--jwks", str(good))[1])["token.signature"] == "verified"
    code, report = check_json(cli, token, "--jwks", str(bad), "--lang", "en")
    assert code == 1
    assert "verifies with no key of the JWKS (kid k1)" in reasons(report, "token.signature")


def test_without_jwks_the_signature_is_said_not_verified(cli: Cli, tmp_path: Path) -> None:
    key = ec.generate_private_key(ec.SECP256R1())
    token = write(tmp_path, "id_token.jwt", ef.signed_jwt(ef.id_token_claims(), key))
    code, report = check_json(cli, token)
    assert code == 0, report
    assert statuses(report)["token.signature"] == "not_checkable"
    assert "signature ES256 non vérifiée : aucun JWKS fourni" in reasons(report, "token.signature")


def test_wrong_acr_is_contradicted(cli: Cli, tmp_path: Path) -> None:
    token = write(tmp_path, "claims.json", json.dumps({"payload": ef.id_token_claims(acr="eidas2")}))
    code, report = check_json(cli, token)
    assert code == 1
    assert statuses(report)["token.acr"] == "contradicted"
    assert "acr « eidas2 » au lieu de eidas1" in reasons(report, "token.acr")
    assert statuses(report)["token.signature"] == "not_checkable"


def test_missing_acr_in_id_token_and_userinfo_without_acr(cli: Cli, tmp_path: Path) -> None:
    token = write(tmp_path, "claims.json", json.dumps(ef.id_token_claims(acr=None)))
    assert statuses(check_json(cli, token)[1])["token.acr"] == "contradicted"
    userinfo = write(tmp_path, "userinfo.json", json.dumps({"sub": "x", "SubjectNameID": ef.NATIONAL_ID}))
    code, report = check_json(cli, userinfo)
    assert code == 0, report
    assert statuses(report)["token.acr"] == "not_checkable"
    assert statuses(report)["token.national_id"] == "verified"


def test_issuer_of_another_environment_deprecated_or_foreign(cli: Cli, tmp_path: Path) -> None:
    prod = write(tmp_path, "prod.json", json.dumps(ef.id_token_claims(iss=ef.PROD_ISSUER)))
    code, report = check_json(cli, prod, "--environment", "bac_a_sable", "--client-id", ef.CLIENT_ID)
    assert code == 1
    assert "jeton de production, alors que la preuve est présentée pour bac à sable" in reasons(
        report, "token.issuer_audience"
    )
    old = write(
        tmp_path,
        "old.json",
        json.dumps(ef.id_token_claims(iss="https://auth.bas.esw.esante.gouv.fr/auth/realms/esante-wallet")),
    )
    assert "ancien hôte" in reasons(check_json(cli, old, "--client-id", ef.CLIENT_ID)[1], "token.issuer_audience")
    foreign = write(tmp_path, "foreign.json", json.dumps(ef.id_token_claims(iss="https://idp.example")))
    assert "pas un émetteur PSC" in reasons(check_json(cli, foreign)[1], "token.issuer_audience")


def test_audience_other_than_client_id_and_missing_client_id(cli: Cli, tmp_path: Path) -> None:
    token = write(tmp_path, "claims.json", json.dumps(ef.id_token_claims(aud=["autre-client"])))
    code, report = check_json(cli, token, "--client-id", ef.CLIENT_ID)
    assert code == 1
    assert "aud « autre-client » ne contient pas le client_id" in reasons(report, "token.issuer_audience")
    code, report = check_json(cli, token)
    assert statuses(report)["token.issuer_audience"] == "not_checkable"
    assert "audience non comparée" in reasons(report, "token.issuer_audience")


def test_national_identifier_of_the_wrong_form(cli: Cli, tmp_path: Path) -> None:
    for value in ("10003312345", "799700218896", "8997002188960"):
        token = write(
            tmp_path, "claims.json", json.dumps(ef.id_token_claims(SubjectNameID=value, preferred_username=value))
        )
        code, report = check_json(cli, token)
        assert code == 1
        assert statuses(report)["token.national_id"] == "contradicted", value
    differ = write(tmp_path, "differ.json", json.dumps(ef.id_token_claims(preferred_username="812345678901")))
    assert "diffèrent" in reasons(check_json(cli, differ)[1], "token.national_id")


def test_unsigned_token_is_contradicted_and_jwe_not_checkable(cli: Cli, tmp_path: Path) -> None:
    head = ef._b64(json.dumps({"alg": "none"}).encode())
    body = ef._b64(json.dumps(ef.id_token_claims()).encode())
    unsigned = write(tmp_path, "none.jwt", f"{head}.{body}.")
    code, report = check_json(cli, unsigned)
    assert code == 1
    assert "jeton non signé (alg none)" in reasons(report, "token.signature")
    jwe = write(tmp_path, "enc.jwt", "eyJhbGciOiJSU0EtT0FFUCJ9.a2V5.aXY.Y2lwaGVy.dGFn")
    code, report = check_json(cli, jwe, "--kind", "token_sample")
    assert code == 2
    assert "JWE" in report["unreadable"]


def test_a_bad_jwks_file_is_a_clean_usage_error(cli: Cli, tmp_path: Path) -> None:
    token = write(tmp_path, "claims.json", json.dumps(ef.id_token_claims()))
    keys = write(tmp_path, "certs.json", '{"not": "a jwks"}')
    assert_clean_error(cli("check-evidence", token, "--jwks", keys), "certs.json", "ce n'est pas un document JWKS")
