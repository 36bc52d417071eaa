"""`check-evidence` on CIBA request captures and Proxy e-Santé `/traces` extracts."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from tests import evidence_factory as ef
from tests.conftest import Cli
from tests.evidence_factory import check_json, reasons, statuses

CIBA_URL = ef.BAS_ISSUER + "/protocol/openid-connect/ext/ciba/auth"


def ciba_request(**overrides: str | None) -> dict[str, Any]:
    params: dict[str, str | None] = {
        "client_id": ef.CLIENT_ID,
        "scope": "openid scope_all",
        "acr_values": "eidas1",
        "login_hint": ef.NATIONAL_ID,
        "binding_message": "27",
        "channel": "MOBILE",
    }
    params.update(overrides)
    body = urlencode({k: v for k, v in params.items() if v is not None})
    return {"method": "POST", "url": CIBA_URL, "body": body, "response": {"status": 200}}


def write(tmp_path: Path, data: Any, name: str) -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_a_good_ciba_capture_verifies_every_rule(cli: Cli, tmp_path: Path) -> None:
    capture = write(
        tmp_path, {"requests": [ciba_request(), ciba_request(channel="CARD", binding_message="05")]}, "ciba.json"
    )
    code, report = check_json(cli, capture)
    assert code == 0, report
    assert report["kind"] == "ciba_capture"
    assert set(statuses(report).values()) == {"verified"}
    assert len(statuses(report)) == 5


def test_ciba_rules_fail_one_by_one(cli: Cli, tmp_path: Path) -> None:
    bad = ciba_request(login_hint="10003312345", binding_message="427", channel="SMS", scope="openid", acr_values=None)
    code, report = check_json(cli, write(tmp_path, [bad], "ciba.json"), "--kind", "ciba_capture", "--lang", "en")
    assert code == 1
    assert set(statuses(report).values()) == {"contradicted"}
    assert "login_hint “10003312345”: not a national identifier" in reasons(report, "ciba.login_hint")
    assert "binding_message “427”: two digits expected" in reasons(report, "ciba.binding_message")
    assert "channel “SMS”" in reasons(report, "ciba.channel")
    assert "CIBA request without acr_values" in reasons(report, "ciba.acr")


def test_ciba_in_a_har_and_through_a_proxy_connect(cli: Cli, tmp_path: Path) -> None:
    request = ciba_request()
    har = write(tmp_path, json.loads(ef.har(ef.entry("POST", CIBA_URL, body=request["body"]))), "ciba.har")
    code, report = check_json(cli, har)
    assert report["kind"] == "ciba_capture" and code == 0, report
    connect = {
        "connect": {
            "method": "POST",
            "url": "https://proxy.example/connect",
            "body": {"nationalId": ef.NATIONAL_ID, "bindingMessage": "42", "clientId": "lps", "channel": "CARD"},
        }
    }
    code, report = check_json(cli, write(tmp_path, connect, "connect.json"), "--kind", "ciba_capture")
    assert statuses(report)["ciba.login_hint"] == "verified"
    assert statuses(report)["ciba.scope"] == "not_checkable"
    assert code == 0


def test_a_full_trace_cycle_verifies_every_rule(cli: Cli, tmp_path: Path) -> None:
    extract = write(
        tmp_path,
        {"traces": [ef.trace("CONNECT_FAILURE", 5, proxy_id_session=None, clientId=None), *ef.cycle()]},
        "traces.json",
    )
    code, report = check_json(cli, extract)
    assert code == 0, report
    assert report["kind"] == "proxy_traces"
    assert statuses(report) == dict.fromkeys(["traces.cycle", "traces.fields", "traces.send_no_payload"], "verified")
    assert "CONNECT_FAILURE, CONNECT_REPLAY, CONNECT_SUCCESS, DISCONNECT, SEND" in reasons(report, "traces.cycle")


def test_payload_in_send_traces_is_contradicted(cli: Cli, tmp_path: Path) -> None:
    traces = ef.cycle()
    traces[2]["body"] = "<ClinicalDocument>…</ClinicalDocument>"
    traces[2]["apiRequest"]["payload"] = {"ins": "1234567890123"}
    code, report = check_json(cli, write(tmp_path, traces, "traces.json"), "--lang", "en")
    assert code == 1
    assert "SEND trace 3: data outside the trace contract (body, apiRequest.payload)" in reasons(
        report, "traces.send_no_payload"
    )


def test_missing_fields_incomplete_cycle_and_disorder(cli: Cli, tmp_path: Path) -> None:
    traces = [
        ef.trace("CONNECT_SUCCESS", 30, session_state=None),
        ef.trace("SEND", 10, apiRequest=None),
        ef.trace("AUDIT", 40),
    ]
    code, report = check_json(cli, write(tmp_path, traces, "traces.json"), "--kind", "proxy_traces", "--lang", "en")
    assert code == 1
    fields = reasons(report, "traces.fields")
    assert "trace 1 (CONNECT_SUCCESS) without session_state" in fields
    assert "SEND trace 2 without apiRequest" in fields
    cycle = reasons(report, "traces.cycle")
    assert "unknown trace type(s): AUDIT" in cycle
    assert "timestamps out of order at trace 2" in cycle
    assert "no session shows the cycle" in cycle
    connect_with_request = [
        ef.trace("CONNECT_SUCCESS", 1, apiRequest={"nomApiPsc": "dmp", "methode": "GET", "path": "/x"})
    ]
    path = write(tmp_path, connect_with_request, "connect.json")
    assert "with apiRequest, which only SEND traces carry" in reasons(
        check_json(cli, path, "--lang", "en")[1], "traces.fields"
    )
