"""Evaluate many declarations (in parallel) and build the portfolio report."""

from __future__ import annotations

import datetime as dt
import os
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from checker import __version__
from checker.declaration.files import declaration_inputs
from checker.declaration.load import load_declaration
from checker.errors import InputError, Location, Message, msg
from checker.evaluation.evaluate import EvaluationOptions, evaluate
from checker.evaluation.habilitations import add_years
from checker.i18n import message
from checker.inputs.readfile import real_path
from checker.inputs.textsafe import terminal_text
from checker.model.portfolio import HabilitationLink, MissedRequirement, PortfolioError, PortfolioReport, PortfolioRow
from checker.model.referential import Obligation
from checker.model.report import GAP_OUTCOMES, Assurance, HabilitationStatus, Outcome, Report, ToolInfo
from checker.referential.load import LoadedReferential
from checker.referential.policy import load_with_policy

if TYPE_CHECKING:
    from checker.evaluation.waivers import LoadedWaivers

__all__ = ["PortfolioRequest", "collect_declarations", "run_portfolio"]

_PATTERNS = ("declaration.yaml", "declaration.yml", "*.declaration.yaml", "declaration-*.yaml")
_SERIAL_BELOW = 16


@dataclass(frozen=True)
class PortfolioRequest:
    inputs: tuple[Path, ...]
    as_of: dt.date
    referential: Path | None = None
    lang: str = "fr"
    workers: int | None = None
    policy: Path | None = None
    """A policy file (``--policy``) applied to every evaluation."""
    waivers: Path | None = None
    """A waivers file (``--waivers``) applied to every evaluation, with each declaration's own ``waivers:``."""
    require_assurance: Assurance | None = None
    """``--require-assurance``, applied to every declaration (see ``EvaluationOptions``)."""


def collect_declarations(inputs: tuple[Path, ...]) -> list[Path]:
    """Files as given; in folders, every ``declaration.yaml`` (or ``*.declaration.yaml``) below, sorted."""
    found: list[Path] = []
    for item in inputs:
        if item.is_dir():
            hits = {p for pattern in _PATTERNS for p in item.rglob(pattern) if p.is_file()}
            found += sorted(hits)
        else:
            found.append(item)
    seen: set[Path] = set()
    unique = []
    for path in found:
        if real_path(path) not in seen:
            seen.add(real_path(path))
            unique.append(path)
    return unique


def _worker_referential(path: str | None, policy: str | None = None) -> LoadedReferential:
    """The edition (parsed once per content in a process, see ``load_referential``), with the policy applied."""
    return load_with_policy(Path(path) if path else None, Path(policy) if policy else None)


@dataclass(frozen=True)
class _Digest:
    """What the portfolio keeps of one declaration's report: its row, each finding's outcome, its habilitations.

    A worker sends this, not the report: the main process never holds a thousand reports at full size (reasons,
    evidence, messages), and never parses them back.
    """

    row: PortfolioRow
    """With an empty ``key``: the keys (D1, D2…) are given once every declaration is known."""
    findings: tuple[tuple[str, Outcome, str, Obligation], ...]
    """(requirement id, outcome, title, obligation) of each finding, in the report's order."""
    habilitations: tuple[HabilitationStatus, ...]

    @classmethod
    def of(cls, path: str, report: Report) -> _Digest:
        return cls(
            row=_row("", path, report),
            findings=tuple((f.requirement_id, f.outcome, f.title, f.obligation) for f in report.findings),
            habilitations=tuple(report.habilitations),
        )


_Done = tuple[str, _Digest | None, str | None, list[str]]


@cache
def _worker_waivers(path: str, sha256: str) -> LoadedWaivers:
    """The waivers file, loaded once per worker; ``sha256`` (of the file the command checked) keys the cache."""
    from checker.evaluation.waivers import load_waivers  # the waiver models load only when a file is given

    del sha256
    return load_waivers(Path(path))


def _evaluate_one(
    args: tuple[str, str | None, str, str, str | None, tuple[str, str] | None, str | None],
) -> _Done:
    """(path, digest of the report or None, error message or None, files read); runs in a worker process."""
    path, referential, as_of, lang, policy, waivers, required = args
    try:
        ref = _worker_referential(referential, policy)
        decl = load_declaration(Path(path), ref)
        extra = _worker_waivers(*waivers) if waivers else None
        options = EvaluationOptions(
            as_of=dt.date.fromisoformat(as_of),
            lang=lang,
            waivers=extra,
            require_assurance=Assurance(required) if required else None,
        )
        report = evaluate(ref, decl, options)
    except InputError as error:
        return path, None, "\n".join(error.lines(lang)), [path]
    except (OSError, ValueError, RecursionError) as error:  # one unreadable member never takes the others down
        return (
            path,
            None,
            message("error.portfolio_unreadable", lang, path=terminal_text(path), error=type(error).__name__),
            [path],
        )
    return path, _Digest.of(path, report), None, [str(p) for p in declaration_inputs(decl)]


def _evaluate_all(paths: list[Path], request: PortfolioRequest, waivers: tuple[str, str] | None) -> list[_Done]:
    jobs = [
        (
            str(p),
            str(request.referential) if request.referential else None,
            request.as_of.isoformat(),
            request.lang,
            str(request.policy) if request.policy else None,
            waivers,
            request.require_assurance.value if request.require_assurance else None,
        )
        for p in paths
    ]
    if len(jobs) < _SERIAL_BELOW or request.workers == 1:
        done = [_evaluate_one(job) for job in jobs]
    else:
        workers = request.workers or min(os.cpu_count() or 1, 8)
        with ProcessPoolExecutor(max_workers=workers) as pool:
            done = list(pool.map(_evaluate_one, jobs, chunksize=max(1, len(jobs) // (workers * 8))))
    return done


def run_portfolio(request: PortfolioRequest) -> PortfolioReport:
    """Evaluate every declaration of the portfolio; raise :class:`InputError` only if none could be evaluated."""
    policy = str(request.policy) if request.policy else None
    ref = _worker_referential(str(request.referential) if request.referential else None, policy)  # workers inherit it
    waivers = None
    if request.waivers is not None:  # a bad waivers file is the command's error (exit 2), not each declaration's
        from checker.evaluation.waivers import load_waivers

        waivers = (str(request.waivers), load_waivers(request.waivers).sha256)
    paths = collect_declarations(request.inputs)
    if not paths:
        raise InputError.at(
            Location(", ".join(map(str, request.inputs))),
            msg("error.no_declaration_found"),
            msg("hint.give_declarations"),
        )
    results = _evaluate_all(paths, request, waivers)
    reports = [(path, digest) for path, digest, _, _ in results if digest is not None]
    errors = [PortfolioError(path=path, message=error) for path, _, error, _ in results if error is not None]
    if not reports:
        raise InputError([msg("error.none_evaluated"), *(Message.literal(e.message) for e in errors)])
    keys = {path: f"D{i + 1}" for i, (path, _) in enumerate(reports)}
    return PortfolioReport(
        tool=ToolInfo(name="psc-check", version=__version__),
        lang=request.lang,
        as_of=request.as_of,
        referential=ref.info(),
        rows=[digest.row.model_copy(update={"key": keys[path]}) for path, digest in reports],
        errors=errors,
        heatmap_requirements=sorted({f[0] for _, r in reports for f in r.findings}),
        heatmap=_heatmap(reports, keys),
        most_missed=_most_missed(reports),
        links=_links(reports, ref, request.as_of, request.lang),
        policy=ref.policy,
        labels=ref.labels_in(request.lang),
        input_files=[
            str(ref.path),
            *([policy] if policy else []),
            *([waivers[0]] if waivers else []),
            *(file for *_, files in results for file in files),
        ],
    )


def _row(key: str, path: str, report: Report) -> PortfolioRow:
    d, s = report.declaration, report.summary
    return PortfolioRow(
        key=key,
        path=path,
        organisation=d.organisation,
        subject=d.subject,
        actors=d.actors,
        level=d.level,
        ready=s.ready,
        score=s.score,
        mandatory_gaps=s.mandatory_gaps,
        errors=s.errors,
        lapses_90_days=len(report.lapses),
        waived=s.waived,
        compliant=s.outcomes.get("compliant", 0),
        assurance=s.assurance,
    )


def _heatmap(reports: list[tuple[str, _Digest]], keys: dict[str, str]) -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    for path, report in reports:
        for requirement_id, outcome, _, _ in report.findings:
            out.setdefault(requirement_id, {})[keys[path]] = outcome.value
    return dict(sorted(out.items()))


def _most_missed(reports: list[tuple[str, _Digest]], limit: int = 20) -> list[MissedRequirement]:
    missed: Counter[str] = Counter()
    applicable: Counter[str] = Counter()
    info: dict[str, tuple[str, str]] = {}
    for _, report in reports:
        for requirement_id, outcome, title, obligation in report.findings:
            applicable[requirement_id] += 1
            info[requirement_id] = (title, obligation)
            if outcome in GAP_OUTCOMES:
                missed[requirement_id] += 1
    ranked = sorted(missed.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]
    return [
        MissedRequirement(
            requirement_id=rid, title=info[rid][0], obligation=info[rid][1], missed=n, applicable=applicable[rid]
        )
        for rid, n in ranked
    ]


def _links(
    reports: list[tuple[str, _Digest]], ref: LoadedReferential, as_of: dt.date, lang: str
) -> list[HabilitationLink]:
    """Resolve each relied-upon habilitation against the habilitations held by the portfolio's declarations."""
    years = ref.model.habilitation.validity_years if ref.model.habilitation else 3
    held: dict[str, list[tuple[str, str, dt.date, _Digest]]] = {}
    for path, report in reports:
        for h in report.habilitations:
            if h.relation == "held":
                held.setdefault(h.reference, []).append((path, h.actor, h.granted, report))
    links: list[HabilitationLink] = []
    for path, report in reports:
        for h in report.habilitations:
            if h.relation != "relied_upon":
                continue
            status, holder_path = _resolve(h.actor, h.reference, h.granted, held, as_of, years)
            links.append(
                HabilitationLink(
                    declaration=path,
                    relying_actor=", ".join(report.row.actors),
                    actor=h.actor,
                    reference=h.reference,
                    holder=h.holder,
                    status=status,
                    holder_declaration=holder_path,
                    message=message(
                        f"link.{status}", lang, actor=h.actor, reference=h.reference, holder=holder_path or h.holder
                    ),
                )
            )
    return sorted(links, key=lambda lk: (lk.declaration, lk.actor, lk.reference))


def _resolve(
    actor: str,
    reference: str,
    granted: dt.date,
    held: dict[str, list[tuple[str, str, dt.date, _Digest]]],
    as_of: dt.date,
    years: int,
) -> tuple[str, str | None]:
    if add_years(granted, years) <= as_of:
        return "expired", None
    candidates = held.get(reference, [])
    if not candidates:
        return "unknown_reference", None
    matching = [c for c in candidates if c[1] == actor]
    if not matching:
        return "actor_mismatch", candidates[0][0]
    path, _, held_granted, holder = matching[0]
    if add_years(held_granted, years) <= as_of:
        return "expired", path
    if not holder.row.ready:
        return "holder_not_ready", path
    return "resolved", path
