"""``probe login`` against the local HTTPS service: the good variant verifies every login check, each bad variant
contradicts exactly the check it breaks, PSC is never contacted, and the HAR is checkable again by check-evidence."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from checker.probe.login import LOGIN_CHECKS
from tests.conftest import Cli
from tests.probe.conftest import Guard, Servers


def _statuses(stdout: str) -> dict[str, str]:
    """check id → status word, from the probe's « Résultats » lines (``  vérifié har.scope : …``)."""
    out: dict[str, str] = {}
    for line in stdout.splitlines():
        words = line.split()
        if len(words) >= 2 and words[1].startswith("har."):
            out[words[1].rstrip(":")] = words[0]
    return out


def _login(cli: Cli, servers: Servers, variant: str, folder: Path, *extra: str) -> tuple[int, str, str]:
    url = servers.url(f"/{variant}/login")
    done = cli("probe", "login", url, "-o", folder, "--ca-bundle", servers.pki.ca, *extra)
    return done.code, done.stdout, done.stderr


def test_good_service_verifies_every_login_check_and_never_contacts_psc(
    cli: Cli, servers: Servers, tmp_path: Path, guard: Guard
) -> None:
    code, out, err = _login(cli, servers, "good", tmp_path, "--environment", "bac_a_sable")
    assert (code, err) == (0, "")
    assert _statuses(out) == dict.fromkeys(LOGIN_CHECKS, "vérifié")
    assert set(guard.seen) == {"127.0.0.1"}  # the PSC host was never resolved, let alone contacted
    har = json.loads((tmp_path / "probe-login.har").read_text(encoding="utf-8"))
    assert har["log"]["creator"]["name"] == "psc-check"
    entries = har["log"]["entries"]
    assert [e["_psc_check_sent"] for e in entries] == [True, True, False] * 2
    unsent = [e for e in entries if not e["_psc_check_sent"]]
    assert all(e["request"]["url"].startswith("https://wallet.bas.psc.esante.gouv.fr/auth?") for e in unsent)
    assert all(e["response"]["status"] == 0 and "never contacts PSC" in e["comment"] for e in unsent)
    assert all(e["startedDateTime"].endswith("Z") for e in entries)
    sent_headers = {h["name"].lower(): h["value"] for h in entries[0]["request"]["headers"]}
    assert sent_headers["user-agent"].startswith("psc-check/") and sent_headers["user-agent"].endswith("(+probe)")
    assert "authorization" not in sent_headers
    cookies = [h["value"] for e in entries for h in e["response"]["headers"] if h["name"].lower() == "set-cookie"]
    assert cookies and all(c == "sid=<masked by psc-check>" for c in cookies)  # the session cookie is not kept
    # each request is listed in the output, the PSC one as not sent
    assert out.count("/good/login → 302") == 2 and out.count("non envoyée") == 2
    assert (tmp_path / "probe-login.md").read_text(encoding="utf-8").startswith("# psc-check probe login")

    again = cli("check-evidence", tmp_path / "probe-login.har", "--format", "json", "--environment", "bac_a_sable")
    results = {c["check"]: c["status"] for c in json.loads(again.stdout)["checks"]}
    assert {k: results[k] for k in LOGIN_CHECKS} == dict.fromkeys(LOGIN_CHECKS, "verified")


@pytest.mark.parametrize(
    ("variant", "broken"),
    [
        ("nonce", "har.nonce"),
        ("plain", "har.pkce"),
        ("secret", "har.front_channel"),
        ("oldhost", "har.hosts"),
    ],
)
def test_each_bad_variant_contradicts_exactly_the_check_it_breaks(
    cli: Cli, servers: Servers, tmp_path: Path, variant: str, broken: str
) -> None:
    code, out, _ = _login(cli, servers, variant, tmp_path)
    assert code == 1
    expected = dict.fromkeys(LOGIN_CHECKS, "vérifié") | {broken: "contredit"}
    assert _statuses(out) == expected


def test_the_environment_claimed_is_compared_with_the_psc_host(cli: Cli, servers: Servers, tmp_path: Path) -> None:
    code, out, _ = _login(cli, servers, "good", tmp_path, "--environment", "production", "--lang", "en")
    assert code == 1
    assert _statuses(out)["har.hosts"] == "contradicted"


def test_a_redirect_to_another_host_is_not_followed(cli: Cli, servers: Servers, tmp_path: Path, guard: Guard) -> None:
    code, out, _ = _login(cli, servers, "thirdparty", tmp_path)
    assert code == 2
    assert "login.example.com" in out and "non suivie" in out
    assert set(guard.seen) == {"127.0.0.1"}


def test_dry_run_sends_nothing_and_writes_nothing(cli: Cli, servers: Servers, tmp_path: Path, guard: Guard) -> None:
    done = cli("probe", "login", servers.url("/good/login"), "--dry-run", "-o", tmp_path / "out")
    assert done.code == 0
    assert "rien n'est envoyé" in done.stdout and "psc-check/" in done.stdout and "jamais suivie" in done.stdout
    assert guard.seen == []
    assert not (tmp_path / "out").exists()


def test_bad_input_and_unreachable_hosts_exit_2_with_one_clear_message(
    cli: Cli, servers: Servers, tmp_path: Path
) -> None:
    untrusted = cli("probe", "login", servers.url("/good/login"), "-o", tmp_path / "a")
    assert untrusted.code == 2 and "--ca-bundle" in untrusted.stderr and "Traceback" not in untrusted.stderr
    closed = cli("probe", "login", "https://127.0.0.1:9/x", "-o", tmp_path / "b", "--lang", "en")
    assert closed.code == 2 and "unreachable" in closed.stderr
    bad = cli("probe", "login", "ftp://127.0.0.1/x", "-o", tmp_path / "c")
    assert bad.code == 2 and "URL http(s)" in bad.stderr
    no_output = cli("probe", "login", servers.url("/good/login"))
    assert no_output.code == 2 and "-o DOSSIER" in no_output.stderr
    assert not any((tmp_path / name).exists() for name in "abc")


def test_existing_evidence_is_never_overwritten(cli: Cli, servers: Servers, tmp_path: Path) -> None:
    assert _login(cli, servers, "good", tmp_path)[0] == 0
    before = (tmp_path / "probe-login.har").read_bytes()
    code, _, err = _login(cli, servers, "good", tmp_path)
    assert code == 2 and "probe-login.har" in err
    assert (tmp_path / "probe-login.har").read_bytes() == before


def test_a_client_id_other_than_the_one_given_is_a_finding(cli: Cli, servers: Servers, tmp_path: Path) -> None:
    code, out, _ = _login(cli, servers, "good", tmp_path, "--client-id", "autre-client")
    assert code == 1
    assert "client_id=portail-test, et non le client_id donné (autre-client)" in out
    assert _login(cli, servers, "good", tmp_path / "same", "--client-id", "portail-test")[0] == 0


def test_a_failure_midway_lists_the_requests_already_made(cli: Cli, servers: Servers, tmp_path: Path) -> None:
    code, out, err = _login(cli, servers, "drop", tmp_path)
    assert (code, out) == (2, "")
    assert "injoignable" in err and "/drop/login/start" in err
    assert "Requêtes :" in err and "/drop/login → 302" in err
    assert not tmp_path.joinpath("probe-login.har").exists()


def _normalised(har: dict[str, Any]) -> dict[str, Any]:
    """The HAR without what may differ between two runs: timestamps, and the random values the server issued."""
    for entry in har["log"]["entries"]:
        entry["startedDateTime"] = entry["time"] = entry["timings"]["wait"] = "·"
        headers = [h for h in entry["response"]["headers"] if h["name"].lower() != "date"]
        entry["response"]["headers"] = [h | {"value": h["value"].split("?", 1)[0]} for h in headers]
        request = entry["request"]
        for item in request["queryString"]:
            if item["name"] in ("state", "nonce", "code_challenge"):
                item["value"] = "·"
        request["url"] = request["url"].split("?", 1)[0]
        entry["response"]["redirectURL"] = entry["response"]["redirectURL"].split("?", 1)[0]
    return har


def test_two_runs_write_the_same_har_but_for_timestamps_and_server_randoms(
    cli: Cli, servers: Servers, tmp_path: Path
) -> None:
    hars = []
    for name in ("one", "two"):
        assert _login(cli, servers, "good", tmp_path / name)[0] == 0
        hars.append(json.loads((tmp_path / name / "probe-login.har").read_text(encoding="utf-8")))
    assert hars[0] != hars[1]
    assert _normalised(hars[0]) == _normalised(hars[1])
