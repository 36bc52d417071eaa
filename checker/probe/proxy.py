"""``probe proxy``: exercise the Proxy e-Santé contract of the ANS reference implementation (v0.0.2) without a PSC
session: invalid ``/connect`` bodies must get 400 (never 500), ``/send`` without a session 401, and ``/traces`` a
list of traces of the documented shape. Each case is one request; nothing here can open a session at PSC, since
every ``/connect`` body is invalid.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import json
from dataclasses import dataclass
from typing import Any

from checker.checks.recognise import TRACE_TYPES
from checker.model.message import Message, msg
from checker.probe.net import Exchange, HttpSession, origin_of

__all__ = ["CASES", "ContractCase", "ProxyOutcome", "is_sandbox_host", "plan", "probe_proxy"]

_VALID: dict[str, str] = {
    "nationalId": "899999999999",
    "bindingMessage": "42",
    "clientId": "psc-check-probe",
    "channel": "CARD",
}
"""Well-formed values; each ``/connect`` case below breaks one of them, so no case is a valid request."""
_SANDBOX_MARKERS = frozenset(
    {"bas", "sandbox", "test", "tests", "recette", "rec", "preprod", "staging", "qualif", "dev", "int", "localhost"}
)


@dataclass(frozen=True)
class ContractCase:
    id: str
    method: str
    path: str
    body: bytes | None
    expected: int


def _connect(**changes: str | None) -> bytes:
    body = {k: v for k, v in (_VALID | changes).items() if v is not None}
    return json.dumps(body).encode("utf-8")


CASES: tuple[ContractCase, ...] = (
    ContractCase("connect_empty", "POST", "/connect", b"{}", 400),
    ContractCase("connect_not_json", "POST", "/connect", b"{", 400),
    ContractCase("connect_no_national_id", "POST", "/connect", _connect(nationalId=None), 400),
    ContractCase("connect_binding_three_digits", "POST", "/connect", _connect(bindingMessage="123"), 400),
    ContractCase("connect_binding_letters", "POST", "/connect", _connect(bindingMessage="ab"), 400),
    ContractCase("connect_channel", "POST", "/connect", _connect(channel="SMS"), 400),
    ContractCase("send_no_session", "GET", "/send/psc-check/probe", None, 401),
    ContractCase("traces", "GET", "/traces", None, 200),
)
_TRACE_FIELDS = ("type", "timestamp")
"""Fields every trace carries whatever its type (the per-type ones are the ``traces.*`` checks' business)."""


@dataclass(frozen=True)
class CaseResult:
    case: ContractCase
    exchange: Exchange
    problem: Message | None


@dataclass(frozen=True)
class ProxyOutcome:
    base: str
    results: list[CaseResult]
    traces: list[Any] | None
    """The ``/traces`` answer when it is a list of traces (possibly empty)."""

    @property
    def problems(self) -> list[Message]:
        return [r.problem for r in self.results if r.problem is not None]

    def contract(self) -> dict[str, Any]:
        """The contract result as a small JSON document (``psc-check-proxy-contract``, version 1)."""
        return {
            "format": "psc-check-proxy-contract",
            "version": 1,
            "proxy": self.base,
            "cases": [
                {
                    "id": r.case.id,
                    "request": f"{r.case.method} {r.case.path}",
                    "expected": r.case.expected,
                    "status": r.exchange.status,
                    "conforms": r.problem is None,
                }
                for r in self.results
            ],
        }


def is_sandbox_host(host: str) -> bool:
    """A loopback or private address, or a name with a test label (``bas``, ``sandbox``, ``recette``…)."""
    try:
        address = ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        labels = set(host.lower().replace("-", ".").split("."))
        return bool(labels & _SANDBOX_MARKERS)
    return address.is_loopback or address.is_private


def plan(base: str) -> list[Message]:
    origin_of(base)
    return [msg("probe.plan_proxy", request=f"{c.method} {_url(base, c)} ({c.id})", expected=c.expected) for c in CASES]


def _url(base: str, case: ContractCase, now: dt.datetime | None = None) -> str:
    url = base.rstrip("/") + case.path
    if case.id == "traces" and now is not None:
        start = (now - dt.timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M:%SZ")
        url += f"?start={start}&end={now.strftime('%Y-%m-%dT%H:%M:%SZ')}"
    return url


def probe_proxy(base: str, session: HttpSession) -> ProxyOutcome:
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    results: list[CaseResult] = []
    traces: list[Any] | None = None
    for case in CASES:
        headers = {"Content-Type": "application/json"} if case.body is not None else None
        answer = session.request(case.method, _url(base, case, now), headers=headers, body=case.body)
        problem = _judge(case, answer)
        if case.id == "traces" and problem is None:
            traces, problem = _traces(answer)
        results.append(CaseResult(case, answer, problem))
    return ProxyOutcome(base, results, traces)


def _judge(case: ContractCase, x: Exchange) -> Message | None:
    request = f"{case.method} {case.path} ({case.id})"
    if x.status >= 500:
        return msg("probe.proxy_server_error", request=request, status=x.status, expected=case.expected)
    if x.status != case.expected:
        return msg("probe.proxy_status", request=request, status=x.status, expected=case.expected)
    return None


def _traces(x: Exchange) -> tuple[list[Any] | None, Message | None]:
    try:
        data = json.loads(x.response_text)
    except ValueError:
        return None, msg("probe.proxy_traces_json")
    traces = data.get("traces") if isinstance(data, dict) else data
    if not isinstance(traces, list):
        return None, msg("probe.proxy_traces_json")
    for index, trace in enumerate(traces, 1):
        if not isinstance(trace, dict) or trace.get("type") not in TRACE_TYPES:
            return traces, msg("probe.proxy_trace_type", index=index)
        missing = [f for f in _TRACE_FIELDS if f not in trace]
        if missing:
            return traces, msg("probe.proxy_trace_fields", index=index, fields=", ".join(missing))
    return traces, None
