"""``probe cors``: ask each endpoint the user names whether a foreign web page may read its answers.

For each URL: a preflight (``OPTIONS`` with ``Origin``, ``Access-Control-Request-Method: POST`` and
``Access-Control-Request-Headers: authorization, content-type``), then a simple ``GET`` with ``Origin``. A foreign
origin allowed (``Access-Control-Allow-Origin: *`` or the origin reflected) is a finding, worse with
``Access-Control-Allow-Credentials: true``. The foreign origin is ``https://psc-check.invalid`` (a reserved name).
"""

from __future__ import annotations

from dataclasses import dataclass

from checker.model.message import Message, msg
from checker.probe.net import Exchange, HttpSession, origin_of

__all__ = ["FOREIGN_ORIGIN", "CorsFinding", "CorsOutcome", "plan", "probe_cors"]

FOREIGN_ORIGIN = "https://psc-check.invalid"


@dataclass(frozen=True)
class CorsFinding:
    url: str
    method: str
    problem: Message | None
    """None when the foreign origin is not allowed."""


@dataclass(frozen=True)
class CorsOutcome:
    exchanges: list[Exchange]
    findings: list[CorsFinding]

    @property
    def problems(self) -> list[Message]:
        return [f.problem for f in self.findings if f.problem is not None]


def plan(urls: list[str]) -> list[Message]:
    for url in urls:
        origin_of(url)
    return [msg("probe.plan_cors", url=url, origin=FOREIGN_ORIGIN) for url in urls]


def probe_cors(urls: list[str], session: HttpSession) -> CorsOutcome:
    findings: list[CorsFinding] = []
    for url in urls:
        preflight = session.request(
            "OPTIONS",
            url,
            headers={
                "Origin": FOREIGN_ORIGIN,
                "Access-Control-Request-Method": "POST",
                "Access-Control-Request-Headers": "authorization, content-type",
            },
        )
        findings.append(CorsFinding(url, "OPTIONS", _judge(preflight)))
        simple = session.request("GET", url, headers={"Origin": FOREIGN_ORIGIN})
        findings.append(CorsFinding(url, "GET", _judge(simple)))
    return CorsOutcome(list(session.exchanges), findings)


def _judge(x: Exchange) -> Message | None:
    allowed = (x.header("access-control-allow-origin") or "").strip()
    credentials = (x.header("access-control-allow-credentials") or "").strip().lower() == "true"
    where = x.url.split("?", 1)[0][:200]
    if allowed == "*":
        return msg("probe.cors_wildcard", method=x.method, url=where)
    if allowed.lower() == FOREIGN_ORIGIN:
        key = "probe.cors_reflected_credentials" if credentials else "probe.cors_reflected"
        return msg(key, method=x.method, url=where, origin=FOREIGN_ORIGIN)
    return None
