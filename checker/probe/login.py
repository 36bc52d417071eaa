"""``probe login``: request the service's "Se connecter avec Pro Santé Connect" URL, follow its redirects on its own
origin only, and stop at the redirect to PSC's authorization endpoint, which is recorded but never sent.

Two runs, so that the HAR shows whether ``state`` and ``nonce`` change from one login to the next.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urljoin

from checker.checks.psc import locate_host
from checker.model.message import Message, msg
from checker.probe.net import Exchange, HttpSession, origin_of, same_origin

__all__ = ["LOGIN_CHECKS", "MAX_HOPS", "RUNS", "LoginOutcome", "plan", "probe_login"]

RUNS = 2
MAX_HOPS = 5
"""Redirects followed on the service's own origin, per run, before giving up."""
LOGIN_CHECKS = (
    "har.scope",
    "har.acr",
    "har.code_flow",
    "har.state",
    "har.nonce",
    "har.pkce",
    "har.front_channel",
    "har.https",
    "har.hosts",
)
"""The ``har.*`` checks a login capture answers (logout is not exercised)."""
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
UNSENT_NOTE = "not sent: psc-check records the redirect to Pro Santé Connect and never contacts PSC"


@dataclass(frozen=True)
class LoginOutcome:
    exchanges: list[Exchange]
    stops: list[Message]
    """Why a run stopped before reaching PSC (a third-party redirect, no redirect, too many hops)."""

    @property
    def reached_psc(self) -> int:
        return sum(1 for x in self.exchanges if not x.sent)


def plan(url: str) -> list[Message]:
    """What ``probe login`` would do, for ``--dry-run``."""
    origin_of(url)
    return [
        msg("probe.plan_login", url=url, runs=RUNS, hops=MAX_HOPS),
        msg("probe.plan_psc_never"),
    ]


def probe_login(url: str, session: HttpSession) -> LoginOutcome:
    """Run the login ``RUNS`` times; ``session`` must allow only ``url``'s origin."""
    origin = origin_of(url)
    stops: list[Message] = []
    for _ in range(RUNS):
        stop = _one_run(url, origin, session)
        if stop is not None:
            stops.append(stop)
    return LoginOutcome(list(session.exchanges), list(dict.fromkeys(stops)))


def _one_run(url: str, origin: tuple[str, str, int], session: HttpSession) -> Message | None:
    current = url
    for _ in range(MAX_HOPS + 1):
        answer = session.request("GET", current)
        location = answer.header("location")
        if answer.status not in _REDIRECTS or not location:
            return msg("probe.login_no_redirect", url=_short(current), status=answer.status)
        target = urljoin(current, location.strip())
        if locate_host(target) is not None:
            session.record_unsent(target, UNSENT_NOTE)
            return None
        if not same_origin(target, origin):
            return msg("probe.login_foreign", url=_short(target))
        current = target
    return msg("probe.login_hops", hops=MAX_HOPS)


def _short(url: str) -> str:
    return url.split("?", 1)[0][:200]
