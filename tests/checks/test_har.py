"""`check-evidence` on HAR captures of a PSC login and logout: each rule shown passing and failing."""

from __future__ import annotations

import json
from pathlib import Path

from tests import evidence_factory as ef
from tests.conftest import Cli
from tests.evidence_factory import check_json, reasons, statuses

HAR_CHECKS = (
    "har.scope",
    "har.acr",
    "har.code_flow",
    "har.state",
    "har.nonce",
    "har.pkce",
    "har.front_channel",
    "har.logout",
    "har.https",
    "har.hosts",
)


def write(tmp_path: Path, data: bytes, name: str = "capture.har") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_a_clean_login_and_logout_verifies_every_rule(cli: Cli, tmp_path: Path) -> None:
    capture = write(tmp_path, ef.har(ef.authorize_entry(), ef.logout_entry()))
    code, report = check_json(cli, capture, "--environment", "bac_a_sable")
    assert code == 0, report
    assert statuses(report) == dict.fromkeys(HAR_CHECKS, "verified")
    assert report["kind"] == "http_capture"


def test_missing_acr_values_and_scope_all_are_contradicted(cli: Cli, tmp_path: Path) -> None:
    capture = write(tmp_path, ef.har(ef.authorize_entry(acr_values=None, scope="openid profile"), ef.logout_entry()))
    code, report = check_json(cli, capture)
    assert code == 1
    assert statuses(report)["har.acr"] == "contradicted"
    assert "sans acr_values" in reasons(report, "har.acr")
    assert statuses(report)["har.scope"] == "contradicted"
    assert "sans scope_all" in reasons(report, "har.scope")
    assert statuses(report)["har.code_flow"] == "verified"


def test_ig_style_acr_and_other_acr_value_are_contradicted(cli: Cli, tmp_path: Path) -> None:
    ig = write(tmp_path, ef.har(ef.authorize_entry(acr_values=None, acr="eidas1")), "ig.har")
    assert "acr=eidas1 sans acr_values" in reasons(check_json(cli, ig)[1], "har.acr")
    other = write(tmp_path, ef.har(ef.authorize_entry(acr_values="eidas2")), "other.har")
    assert "« eidas2 »" in reasons(check_json(cli, other)[1], "har.acr")


def test_implicit_flow_weak_state_missing_nonce_and_plain_pkce(cli: Cli, tmp_path: Path) -> None:
    capture = write(
        tmp_path,
        ef.har(
            ef.authorize_entry(response_type="id_token token", state="1", nonce=None, code_challenge_method="plain")
        ),
    )
    code, report = check_json(cli, capture, "--lang", "en")
    assert code == 1
    got = statuses(report)
    assert got["har.code_flow"] == got["har.state"] == got["har.nonce"] == got["har.pkce"] == "contradicted"
    assert "“id_token token”" in reasons(report, "har.code_flow")
    assert "state missing or too short (“1”)" in reasons(report, "har.state")
    assert "method “plain” instead of S256" in reasons(report, "har.pkce")


def test_reused_state_and_missing_pkce_are_contradicted(cli: Cli, tmp_path: Path) -> None:
    capture = write(tmp_path, ef.har(ef.authorize_entry(code_challenge=None), ef.authorize_entry()))
    code, report = check_json(cli, capture, "--lang", "en")
    assert code == 1
    assert "the same state in two authorization requests" in reasons(report, "har.state")
    assert "without PKCE" in reasons(report, "har.pkce")


def test_secret_in_the_front_channel_is_contradicted(cli: Cli, tmp_path: Path) -> None:
    token = ef.entry(
        "POST",
        f"{ef.BAS_ISSUER}/protocol/openid-connect/token",
        body="grant_type=authorization_code&code=abc&client_id=editeur-test-bas&client_secret=s3cr3t",
        headers={"Authorization": "Basic ZWRpdGV1cjpzM2NyM3Q="},
    )
    config = ef.entry("GET", "https://app.editeur.example/config.js", response='{"client_secret": "s3cr3t"}')
    capture = write(tmp_path, ef.har(ef.authorize_entry(), token, config, ef.logout_entry()))
    code, report = check_json(cli, capture)
    assert code == 1
    text = reasons(report, "har.front_channel")
    assert "client_secret envoyé par le navigateur" in text
    assert "le navigateur appelle l'endpoint token de PSC" in text
    assert "authentification Basic" in text
    assert "une réponse livre un client_secret au navigateur : https://app.editeur.example/config.js" in text


def test_server_entries_marked_in_the_har_are_not_front_channel(cli: Cli, tmp_path: Path) -> None:
    token = ef.entry(
        "POST", f"{ef.BAS_ISSUER}/protocol/openid-connect/token", headers={"Authorization": "Basic masked"}
    )
    token["_origin"] = "server"
    capture = write(tmp_path, ef.har(ef.authorize_entry(), token, ef.logout_entry()))
    code, report = check_json(cli, capture)
    assert code == 0, report
    assert statuses(report)["har.front_channel"] == "verified"


def test_logout_without_hint_or_with_plain_redirect_and_missing_logout(cli: Cli, tmp_path: Path) -> None:
    bad = ef.logout_entry(id_token_hint="", post_logout_redirect_uri="http://app.editeur.example/bye")
    capture = write(tmp_path, ef.har(ef.authorize_entry(), bad))
    code, report = check_json(cli, capture)
    assert code == 1
    assert "déconnexion sans id_token_hint" in reasons(report, "har.logout")
    assert "pas en https : http://app.editeur.example/bye" in reasons(report, "har.logout")
    assert "en clair (http)" in reasons(report, "har.https")
    login_only = write(tmp_path, ef.har(ef.authorize_entry()), "login.har")
    assert "aucun appel à l'endpoint de déconnexion" in reasons(check_json(cli, login_only)[1], "har.logout")


def test_plain_http_call_and_deprecated_or_mixed_hosts(cli: Cli, tmp_path: Path) -> None:
    plain = ef.entry("GET", "http://app.editeur.example/")
    old = ef.authorize_entry("wallet.bas.esw.esante.gouv.fr")
    capture = write(tmp_path, ef.har(plain, old, ef.logout_entry(ef.PROD_ISSUER)))
    code, report = check_json(cli, capture, "--lang", "en")
    assert code == 1
    assert "plain http call: http://app.editeur.example/" in reasons(report, "har.https")
    hosts = reasons(report, "har.hosts")
    assert "former sandbox host wallet.bas.esw.esante.gouv.fr" in hosts
    assert "mixes sandbox and production" in hosts


def test_authorization_on_the_auth_host_and_wrong_environment(cli: Cli, tmp_path: Path) -> None:
    capture = write(tmp_path, ef.har(ef.authorize_entry("auth.bas.psc.esante.gouv.fr"), ef.logout_entry()))
    code, report = check_json(cli, capture, "--environment", "production", "--lang", "en")
    assert code == 1
    hosts = reasons(report, "har.hosts")
    assert "authorization request to auth.bas.psc.esante.gouv.fr" in hosts
    assert "PSC hosts of sandbox, though the evidence is offered for production" in hosts


def test_a_capture_without_authorization_request_is_not_checkable_for_those_rules(cli: Cli, tmp_path: Path) -> None:
    capture = write(tmp_path, ef.har(ef.logout_entry()))
    code, report = check_json(cli, capture)
    assert code == 0, report
    assert statuses(report)["har.acr"] == "not_checkable"
    assert statuses(report)["har.logout"] == "verified"


def test_a_json_log_of_server_requests_is_read_as_a_capture(cli: Cli, tmp_path: Path) -> None:
    log = {
        "note": "déconnexion côté serveur",
        "proxy_to_psc": {
            "method": "POST",
            "url": f"{ef.BAS_ISSUER}/protocol/openid-connect/logout",
            "body": "id_token_hint=***&post_logout_redirect_uri=https%3A%2F%2Fproxy.example%2Fout&state=abcdefgh12",
        },
    }
    path = write(tmp_path, json.dumps(log).encode(), "logout.json")
    code, report = check_json(cli, path)
    assert report["kind"] == "http_capture"
    assert statuses(report)["har.logout"] == "verified"
    assert statuses(report)["har.front_channel"] == "not_checkable"
    assert code == 0


def test_ciba_requests_of_a_capture_count_for_scope_and_acr(cli: Cli, tmp_path: Path) -> None:
    url = ef.BAS_ISSUER + "/protocol/openid-connect/ext/ciba/auth"
    good = "scope=openid+scope_all&acr_values=eidas1&login_hint=899700218896&binding_message=27&channel=CARD"
    capture = write(tmp_path, ef.har(ef.entry("POST", url, body=good)), "ciba.har")
    code, report = check_json(cli, capture, "--kind", "http_capture")
    assert statuses(report)["har.acr"] == statuses(report)["har.scope"] == "verified"
    assert statuses(report)["har.state"] == "not_checkable"
    assert statuses(report)["har.logout"] == "contradicted"  # no logout in this capture
    assert code == 1, report
    bad = write(tmp_path, ef.har(ef.entry("POST", url, body="scope=openid&login_hint=899700218896")), "bad.har")
    code, report = check_json(cli, bad, "--kind", "http_capture")
    assert code == 1
    assert statuses(report)["har.acr"] == statuses(report)["har.scope"] == "contradicted"
