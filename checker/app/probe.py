"""``psc-check probe login|tls|cors|proxy``: probe the vendor's running service, write the evidence files, run the
checks on them, and with ``--cite`` cite them in a declaration through ``evidence add``'s own code."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlsplit

from checker.app.evidence import EvidenceAddRequest, run_evidence_add
from checker.app.write import write_atomic
from checker.checks.base import CheckContext
from checker.checks.psc import form_params, locate_host
from checker.checks.runner import check_file
from checker.errors import InputError, UsageError
from checker.i18n import Translator
from checker.model.message import Message, msg
from checker.model.referential import Environment, EvidenceKind
from checker.model.report import CheckResult
from checker.probe import cors, login, proxy, tls
from checker.probe.net import (
    MAX_REQUESTS,
    REQUEST_TIMEOUT,
    TOTAL_SECONDS,
    USER_AGENT,
    Exchange,
    HttpSession,
    ProbeError,
    har,
    origin_of,
)

__all__ = ["PROBES", "ProbeRequest", "ProbeResult", "run_probe"]

Probe = Literal["login", "tls", "cors", "proxy"]
PROBES: tuple[Probe, ...] = ("login", "tls", "cors", "proxy")
_TLS_CHECKS = ("tls.versions", "tls.certificate")
"""``tls.host`` compares the scanned host with a declaration's hosts: it runs in ``evaluate``, not here."""
_FILES: dict[Probe, tuple[str, ...]] = {
    "login": ("probe-login.har", "probe-login.md"),
    "tls": ("probe-tls.json", "probe-tls.md"),
    "cors": ("probe-cors.har", "probe-cors.md"),
    "proxy": ("probe-proxy.har", "probe-proxy-contract.json", "probe-proxy-traces.json", "probe-proxy.md"),
}
"""The files each probe may write: checked before any request, so that a rerun never probes for nothing."""
_TLS_STATES = {
    "offered": "probe.tls_offered",
    "refused": "probe.tls_refused",
    "not_testable": "probe.tls_not_testable",
    "no_answer": "probe.tls_no_answer",
}


@dataclass(frozen=True)
class ProbeRequest:
    """What ``psc-check probe`` was asked to do."""

    probe: Probe
    targets: tuple[str, ...]
    """The URL (login, proxy), the ``HOST[:PORT]`` (tls), the URLs (cors)."""
    output: Path | None
    """The folder the evidence files are written to; only ``dry_run`` goes without."""
    environment: str | None = None
    client_id: str | None = None
    ca_bundle: Path | None = None
    dry_run: bool = False
    i_know: bool = False
    """``probe proxy`` on a host that does not look like a sandbox."""
    cite: Path | None = None
    requirements: tuple[str, ...] = ()
    referential: Path | None = None
    lang: str = "fr"


@dataclass(frozen=True)
class ProbeResult:
    lines: tuple[str, ...]
    warnings: tuple[str, ...]
    exit_code: int


@dataclass
class _Produced:
    """What one probe produced: files to write (name, bytes, kind), check results, its own findings."""

    requests: list[Message]
    files: list[tuple[str, bytes, EvidenceKind]] = field(default_factory=list)
    checked: list[tuple[str, EvidenceKind, tuple[str, ...]]] = field(default_factory=list)
    """(file name, kind, check ids) to run once the files are written."""
    problems: list[Message] = field(default_factory=list)
    facts: list[Message] = field(default_factory=list)
    stops: list[Message] = field(default_factory=list)
    environment: Environment | None = None


def run_probe(request: ProbeRequest) -> ProbeResult:
    """Plan (``dry_run``) or run the probe; write, check and cite its files; the lines to print and the exit code."""
    t = Translator(request.lang)
    _check_options(request)
    if request.dry_run or request.output is None:  # no output without --dry-run: refused by _check_options
        return ProbeResult(tuple(_plan(request, t)), (), 0)
    made: list[Exchange] = []
    try:
        produced = _run(request, made)
    except ProbeError as exc:
        done = [f"  {t.text(m)}" for m in _request_lines(made)]
        raise InputError(
            [exc.reason, *([msg("probe.requests_head"), *map(Message.literal, done)] if done else [])]
        ) from None
    lines = [t("probe.requests_head"), *(f"  {t.text(m)}" for m in produced.requests)]
    folder = request.output
    paths: list[tuple[Path, EvidenceKind]] = []
    for name, data, kind in produced.files:
        target = folder / name
        folder.mkdir(parents=True, exist_ok=True)
        write_atomic(target, data, overwrite=False)
        paths.append((target, kind))
        lines.append(t("probe.written", path=target.as_posix()))
    results = _check(request, folder, produced)
    lines.append(t("probe.results_head"))
    lines += [
        "  " + t("probe.check_line", status=t(f"check.{r.status}"), check=r.check, reasons=_reasons(t, r))
        for r in results
    ]
    lines += [f"  {t('probe.finding')} {t.text(p)}" for p in produced.problems]
    lines += [f"  {t.text(f)}" for f in produced.facts]
    lines += [f"  {t.text(s)}" for s in produced.stops]
    code = _exit_code(results, produced)
    summary_name = f"probe-{request.probe}.md"
    listed = [f"- {line.strip()}" if line.startswith("  ") else f"\n{line}\n" for line in lines]
    summary = "\n".join([f"# {t('probe.summary_title', probe=request.probe)}", *listed, ""])
    write_atomic(folder / summary_name, summary.encode("utf-8"), overwrite=False)
    lines.append(t("probe.written", path=(folder / summary_name).as_posix()))
    warnings: list[str] = []
    if request.cite is not None:
        environment = request.environment or (produced.environment.value if produced.environment else None)
        lines += _cite(request, request.cite, paths, environment, warnings, t)
    if code == 2:
        lines.append(t("probe.not_checkable"))
    return ProbeResult(tuple(lines), tuple(warnings), code)


def _check_options(request: ProbeRequest) -> None:
    if request.cite is not None and not request.requirements:
        raise UsageError(msg("probe.cite_needs_requirement"))
    if request.requirements and request.cite is None:
        raise UsageError(msg("probe.requirement_needs_cite"))
    if request.output is None and not request.dry_run:
        raise UsageError(msg("probe.needs_output"))
    if request.probe in ("login", "tls", "proxy") and len(request.targets) != 1:
        raise UsageError(msg("probe.one_target", probe=request.probe))
    if request.output is not None and not request.dry_run:
        _check_output(request, request.output)
    try:
        if request.probe == "proxy":
            host = origin_of(request.targets[0])[1]
            production = request.environment == "production" or not proxy.is_sandbox_host(host)
            if production and not request.i_know:
                raise UsageError(msg("probe.proxy_production", host=host))
        elif request.probe == "tls":
            tls.parse_target(request.targets[0])
        else:
            for target in request.targets:
                origin_of(target)
    except ProbeError as exc:
        raise UsageError(exc.reason) from None


def _check_output(request: ProbeRequest, output: Path) -> None:
    """No file the probe writes exists yet, and ``--cite``'s declaration exists and holds the folder."""
    for name in _FILES[request.probe]:
        if (output / name).exists():
            raise UsageError(msg("probe.exists", path=(output / name).as_posix()))
    if request.cite is not None:
        if not request.cite.is_file():
            raise UsageError(msg("probe.no_declaration", path=request.cite.as_posix()))
        folder = request.cite.resolve().parent
        if folder != output.resolve() and folder not in output.resolve().parents:
            raise UsageError(msg("evidence_edit.outside", path=str(output), folder=str(folder)))


def _plan(request: ProbeRequest, t: Translator) -> list[str]:
    steps: list[Message]
    if request.probe == "login":
        steps = login.plan(request.targets[0])
    elif request.probe == "cors":
        steps = cors.plan(list(request.targets))
    elif request.probe == "proxy":
        steps = proxy.plan(request.targets[0])
    else:
        steps = tls.plan(*tls.parse_target(request.targets[0]))
    bounds = msg(
        "probe.plan_bounds",
        requests=MAX_REQUESTS,
        timeout=int(REQUEST_TIMEOUT),
        seconds=int(TOTAL_SECONDS),
        agent=USER_AGENT,
    )
    return [t("probe.plan_head"), *(f"  {t.text(s)}" for s in steps), t.text(bounds)]


def _session(request: ProbeRequest, made: list[Exchange]) -> HttpSession:
    allowed = frozenset(origin_of(u) for u in request.targets)
    return HttpSession(allowed, ca_bundle=request.ca_bundle, exchanges=made)


def _run(request: ProbeRequest, made: list[Exchange]) -> _Produced:
    runners: dict[Probe, Callable[[ProbeRequest, list[Exchange]], _Produced]] = {
        "login": _run_login,
        "tls": _run_tls,
        "cors": _run_cors,
        "proxy": _run_proxy,
    }
    return runners[request.probe](request, made)


def _request_lines(exchanges: list[Exchange]) -> list[Message]:
    out = []
    for x in exchanges:
        where = x.url.split("?", 1)[0]
        if x.sent:
            out.append(msg("probe.request_line", method=x.method, url=where, status=x.status))
        else:
            out.append(msg("probe.request_unsent", method=x.method, url=where))
    return out


def _dump(data: Any) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _run_login(request: ProbeRequest, made: list[Exchange]) -> _Produced:
    url = request.targets[0]
    with _session(request, made) as session:
        outcome = login.probe_login(url, session)
    produced = _Produced(_request_lines(outcome.exchanges), stops=outcome.stops)
    produced.files.append(
        ("probe-login.har", _dump(har(outcome.exchanges, "psc-check probe login")), EvidenceKind.HTTP_CAPTURE)
    )
    produced.checked.append(("probe-login.har", EvidenceKind.HTTP_CAPTURE, login.LOGIN_CHECKS))
    unsent = [x for x in outcome.exchanges if not x.sent]
    if request.client_id is not None:
        sent_ids = sorted({_query(x.url).get("client_id", "—") for x in unsent} - {request.client_id})
        produced.problems += [msg("probe.login_client_id", found=i, declared=request.client_id) for i in sent_ids]
    envs = {h.environment for x in unsent if (h := locate_host(x.url)) is not None}
    produced.environment = envs.pop() if len(envs) == 1 else None
    return produced


def _query(url: str) -> dict[str, str]:
    return form_params(urlsplit(url).query)


def _run_cors(request: ProbeRequest, made: list[Exchange]) -> _Produced:
    with _session(request, made) as session:
        outcome = cors.probe_cors(list(request.targets), session)
    produced = _Produced(_request_lines(outcome.exchanges), problems=outcome.problems)
    produced.files.append(
        ("probe-cors.har", _dump(har(outcome.exchanges, "psc-check probe cors")), EvidenceKind.HTTP_CAPTURE)
    )
    if not produced.problems:
        produced.facts.append(msg("probe.cors_ok", count=len(request.targets), origin=cors.FOREIGN_ORIGIN))
    return produced


def _run_proxy(request: ProbeRequest, made: list[Exchange]) -> _Produced:
    base = request.targets[0]
    with _session(request, made) as session:
        outcome = proxy.probe_proxy(base, session)
    produced = _Produced(_request_lines([r.exchange for r in outcome.results]), problems=outcome.problems)
    exchanges = [r.exchange for r in outcome.results]
    produced.files.append(
        ("probe-proxy.har", _dump(har(exchanges, "psc-check probe proxy")), EvidenceKind.HTTP_CAPTURE)
    )
    produced.files.append(("probe-proxy-contract.json", _dump(outcome.contract()), EvidenceKind.TEST_REPORT))
    if outcome.traces:
        produced.files.append(("probe-proxy-traces.json", _dump(outcome.traces), EvidenceKind.PROXY_TRACES))
        checks = ("traces.fields",)  # a full cycle, and SEND traces, need a PSC session: not here
        produced.checked.append(("probe-proxy-traces.json", EvidenceKind.PROXY_TRACES, checks))
    if not produced.problems:
        produced.facts.append(msg("probe.proxy_ok", count=len(outcome.results)))
    return produced


def _run_tls(request: ProbeRequest, made: list[Exchange]) -> _Produced:
    host, port = tls.parse_target(request.targets[0])
    outcome = tls.probe_tls(host, port, str(request.ca_bundle) if request.ca_bundle else None)
    scanned = dt.datetime.now(dt.UTC)
    produced = _Produced([msg("probe.tls_connections", host=host, port=port, count=tls.CONNECTIONS)])
    for version, state in outcome.protocols.items():
        produced.facts.append(msg(_TLS_STATES[state], version=version))
    for cert in outcome.certificates:
        if "subject" in cert:
            produced.facts.append(
                msg(
                    "probe.tls_certificate",
                    position=cert["position"],
                    subject=cert["subject"],
                    names=", ".join(cert["names"]) or "—",
                    start=cert["not_before"][:10],
                    end=cert["not_after"][:10],
                )
            )
    if outcome.verified:
        produced.facts.append(msg("probe.tls_verified"))
    else:
        produced.facts.append(msg("probe.tls_not_verified", error=outcome.verify_error or "—"))
    produced.files.append(("probe-tls.json", _dump(outcome.document(scanned)), EvidenceKind.TLS_SCAN))
    produced.checked.append(("probe-tls.json", EvidenceKind.TLS_SCAN, _TLS_CHECKS))
    return produced


def _check(request: ProbeRequest, folder: Path, produced: _Produced) -> list[CheckResult]:
    ctx = CheckContext(
        as_of=dt.date.today(),
        environment=Environment(request.environment) if request.environment else None,
        client_id=request.client_id,
    )
    results: list[CheckResult] = []
    for name, kind, wanted in produced.checked:
        found = check_file(folder / name, kind, ctx)
        results += [r for r in found.results if r.check in wanted]
    return results


def _reasons(t: Translator, result: CheckResult) -> str:
    return "; ".join(result.texts(t.lang)) or "—"


def _exit_code(results: list[CheckResult], produced: _Produced) -> int:
    if produced.problems or any(r.status == "contradicted" for r in results):
        return 1
    if any(r.status == "not_checkable" for r in results) or produced.stops:
        return 2
    return 0


def _cite(
    request: ProbeRequest,
    declaration: Path,
    paths: list[tuple[Path, EvidenceKind]],
    environment: str | None,
    warnings: list[str],
    t: Translator,
) -> list[str]:
    """Cite the evidence files in the declaration, each requirement the files of the kinds it expects."""
    from checker.referential.load import load_referential

    ref = load_referential(request.referential)
    lines: list[str] = []
    for requirement in request.requirements:
        req = ref.requirements.get(requirement)
        expected = set(req.evidence.kinds) if req is not None and req.evidence else set()
        fitting = [(p, k) for p, k in paths if k in expected] if req is not None else paths
        if not fitting:
            kinds = ", ".join(sorted(k.value for _, k in paths))
            raise UsageError(msg("probe.cite_no_fit", requirement=requirement, kinds=kinds))
        for path, kind in fitting:
            done = run_evidence_add(
                EvidenceAddRequest(
                    declaration=declaration,
                    requirement=requirement,
                    files=(path,),
                    kind=kind.value if kind is EvidenceKind.TEST_REPORT else None,
                    environment=environment,
                    description=t("probe.cite_description", probe=request.probe),
                    referential=request.referential,
                    lang=request.lang,
                )
            )
            lines += done.lines
            warnings += done.warnings
    return lines
