"""`check-evidence` on OIDC client configurations (JSON and YAML): hosts, values, authentication, URIs, secrets."""

# ruff: noqa: S105, S106 - the secrets here are fake values a check must catch

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests import evidence_factory as ef
from tests.conftest import Cli
from tests.evidence_factory import check_json, reasons, statuses

OIDC_CHECKS = (
    "oidc.environment",
    "oidc.scope",
    "oidc.acr",
    "oidc.response_type",
    "oidc.client_auth",
    "oidc.redirect_uris",
    "oidc.no_front_secret",
)


def config(**overrides: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "client_id": ef.CLIENT_ID,
        "application_type": "web",
        "issuer": ef.BAS_ISSUER,
        "discovery_url": ef.BAS_ISSUER + "/.well-known/wallet-openid-configuration",
        "authorization_endpoint": "https://wallet.bas.psc.esante.gouv.fr/auth",
        "token_endpoint": ef.BAS_ISSUER + "/protocol/openid-connect/token",
        "scope": "openid scope_all",
        "acr_values": "eidas1",
        "response_type": "code",
        "token_endpoint_auth_method": "tls_client_auth",
        "redirect_uris": ["https://app.editeur.example/callback"],
        "post_logout_redirect_uris": ["https://app.editeur.example/bye"],
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def write(tmp_path: Path, data: dict[str, Any], name: str = "client.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps({"psc": data}), encoding="utf-8")
    return path


def test_a_good_sandbox_configuration_verifies_every_rule(cli: Cli, tmp_path: Path) -> None:
    code, report = check_json(
        cli, write(tmp_path, config()), "--level", "espace_de_confiance", "--environment", "bac_a_sable"
    )
    assert code == 0, report
    assert statuses(report) == dict.fromkeys(OIDC_CHECKS, "verified")


def test_yaml_configuration_is_read(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "client.yaml"
    path.write_text(
        f"client_id: {ef.CLIENT_ID}\nissuer: {ef.PROD_ISSUER}\nscope: [openid, scope_all]\nacr_values: eidas1\n",
        encoding="utf-8",
    )
    code, report = check_json(cli, path, "--environment", "production")
    assert report["kind"] == "oidc_client_config"
    assert statuses(report)["oidc.environment"] == statuses(report)["oidc.scope"] == "verified"
    assert statuses(report)["oidc.response_type"] == "not_checkable"
    assert code == 0


def test_deprecated_sandbox_host_and_mixed_environments(cli: Cli, tmp_path: Path) -> None:
    old = config(issuer="https://auth.bas.esw.esante.gouv.fr/auth/realms/esante-wallet", discovery_url=None)
    code, report = check_json(cli, write(tmp_path, old), "--lang", "en")
    assert code == 1
    assert "former sandbox host auth.bas.esw.esante.gouv.fr" in reasons(report, "oidc.environment")
    mixed = config(token_endpoint=ef.PROD_ISSUER + "/protocol/openid-connect/token")
    code, report = check_json(cli, write(tmp_path, mixed), "--lang", "en")
    assert "mixes sandbox and production hosts" in reasons(report, "oidc.environment")


def test_environment_other_than_claimed_and_wrong_endpoints(cli: Cli, tmp_path: Path) -> None:
    code, report = check_json(cli, write(tmp_path, config()), "--environment", "production")
    assert code == 1
    assert "hôtes PSC de bac à sable, alors que la preuve est présentée pour production" in reasons(
        report, "oidc.environment"
    )
    swapped = config(
        authorization_endpoint=ef.BAS_ISSUER + "/protocol/openid-connect/auth",
        discovery_url=ef.BAS_ISSUER + "/.well-known/other",
    )
    text = reasons(check_json(cli, write(tmp_path, swapped))[1], "oidc.environment")
    assert "la page d'autorisation PSC est servie par wallet.*" in text
    assert "URL de découverte" in text


def test_scope_acr_and_response_type_values(cli: Cli, tmp_path: Path) -> None:
    bad = config(scope="openid", acr_values="eidas1 eidas2", response_type="code id_token")
    code, report = check_json(cli, write(tmp_path, bad))
    assert code == 1
    got = statuses(report)
    assert got["oidc.scope"] == got["oidc.acr"] == got["oidc.response_type"] == "contradicted"
    assert "sans scope_all" in reasons(report, "oidc.scope")


def test_client_authentication_allowed_by_level(cli: Cli, tmp_path: Path) -> None:
    secret = write(tmp_path, config(token_endpoint_auth_method="client_secret_basic", client_secret="***"))
    code, report = check_json(cli, secret, "--level", "communaute")
    assert statuses(report)["oidc.client_auth"] == "verified"
    code, report = check_json(cli, secret, "--level", "espace_de_confiance")
    assert code == 1
    text = reasons(report, "oidc.client_auth")
    assert "« client_secret_basic » non admise" in text
    assert "l'Espace de confiance impose mTLS" in text
    jwt = write(tmp_path, config(token_endpoint_auth_method="private_key_jwt"), "jwt.json")
    assert statuses(check_json(cli, jwt)[1])["oidc.client_auth"] == "contradicted"


def test_redirect_uris_over_http_or_with_wildcards(cli: Cli, tmp_path: Path) -> None:
    bad = config(redirect_uris=["http://app.editeur.example/cb", "https://*.editeur.example/cb"])
    code, report = check_json(cli, write(tmp_path, bad), "--lang", "en")
    assert code == 1
    text = reasons(report, "oidc.redirect_uris")
    assert "http://app.editeur.example/cb" in text and "https://*.editeur.example/cb" in text


def test_secret_in_a_browser_side_configuration(cli: Cli, tmp_path: Path) -> None:
    spa = config(application_type="spa", client_secret="s3cr3t", token_endpoint_auth_method=None)
    code, report = check_json(cli, write(tmp_path, spa))
    assert code == 1
    assert "configuration côté navigateur contenant un client_secret" in reasons(report, "oidc.no_front_secret")
    public = config(application_type=None, token_endpoint_auth_method="none")
    assert statuses(check_json(cli, write(tmp_path, public))[1])["oidc.no_front_secret"] == "verified"
    unknown = config(application_type=None, client_secret="s3cr3t")
    assert statuses(check_json(cli, write(tmp_path, unknown))[1])["oidc.no_front_secret"] == "not_checkable"
