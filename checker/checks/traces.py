"""Checks on a Proxy e-Santé ``/traces`` extract: a full cycle, the mandatory fields per type, no payload in SEND."""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass
from typing import Any

from checker.checks.base import CheckContext, Conclusion, KindChecks, NotCheckable, say, verdict
from checker.checks.reading import parse_data
from checker.checks.recognise import TRACE_TYPES
from checker.model.message import Message
from checker.model.referential import EvidenceKind

__all__ = [
    "CHECKS",
    "KIND",
    "MAX_BYTES",
    "TraceExtract",
    "check_cycle",
    "check_fields",
    "check_send_no_payload",
    "load",
]

KIND = EvidenceKind.PROXY_TRACES
MAX_BYTES = 10 * 1024 * 1024
COMMON_FIELDS = ("type", "IdRPPS", "ipAddress", "ports", "timestamp")
SESSION_FIELDS = ("clientId", "proxy_id_session", "session_state")
KNOWN_FIELDS = frozenset({*COMMON_FIELDS, *SESSION_FIELDS, "dn", "apiRequest"})
API_REQUEST_FIELDS = frozenset({"nomApiPsc", "methode", "path"})
_CYCLE = ("CONNECT_SUCCESS", "SEND", "DISCONNECT")
_METHODS = frozenset({"GET", "POST", "PUT", "PATCH", "DELETE"})


@dataclass(frozen=True)
class TraceExtract:
    traces: list[Any]
    """The entries as found (objects expected; anything else is reported by the checks)."""


def load(raw: bytes) -> TraceExtract:
    """A JSON list of traces, or an object holding it under ``traces``."""
    data = parse_data(raw)
    traces = data.get("traces") if isinstance(data, dict) else data
    if not isinstance(traces, list):
        raise NotCheckable(say("traces.not_list"))
    if not traces:
        raise NotCheckable(say("traces.empty"))
    return TraceExtract(traces)


CHECKS = KindChecks(KIND, MAX_BYTES, load)


def _timestamp(value: object) -> dt.datetime | None:
    if not isinstance(value, str):
        return None
    try:
        stamp = dt.datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return stamp if stamp.tzinfo is not None else stamp.replace(tzinfo=dt.UTC)


def _type(trace: dict[str, Any]) -> str | None:
    """The trace's ``type`` when it is text (a list or an object there is no type: never hashed, never matched)."""
    kind = trace.get("type")
    return kind if isinstance(kind, str) else None


@CHECKS.check("traces.cycle")
def check_cycle(ext: TraceExtract, ctx: CheckContext) -> Conclusion:
    """One proxy session goes connect → send → disconnect, every type is known, timestamps never go back."""
    problems: list[Message] = []
    entries = [t for t in ext.traces if isinstance(t, dict)]
    unknown = sorted({str(t.get("type"))[:40] for t in entries if _type(t) not in TRACE_TYPES})
    if unknown:
        problems.append(say("traces.unknown_type", types=", ".join(unknown)))
    stamps = [_timestamp(t.get("timestamp")) for t in entries]
    for index, (before, after) in enumerate(itertools.pairwise(stamps), start=2):
        if before is not None and after is not None and after < before:
            problems.append(say("traces.out_of_order", index=index))
            break
    sessions: dict[str, list[str]] = {}
    for t in entries:
        if isinstance(t.get("proxy_id_session"), str) and _type(t) in TRACE_TYPES:
            sessions.setdefault(t["proxy_id_session"], []).append(t["type"])
    if not any(_is_cycle(types) for types in sessions.values()):
        problems.append(say("traces.no_cycle"))
    present = sorted({str(t["type"]) for t in entries if _type(t) in TRACE_TYPES})
    facts = [say("traces.types", types=", ".join(present), count=len(entries))]
    absent = sorted(TRACE_TYPES - set(present))
    if absent:
        facts.append(say("traces.not_shown", types=", ".join(absent)))
    return verdict(problems, facts)


def _is_cycle(types: list[str]) -> bool:
    remaining = iter(types)
    return all(any(kind == wanted for kind in remaining) for wanted in _CYCLE)


@CHECKS.check("traces.fields")
def check_fields(ext: TraceExtract, ctx: CheckContext) -> Conclusion:
    """Each trace holds the fields its type requires (ANS reference proxy), with a readable timestamp."""
    problems: list[Message] = []
    for index, trace in enumerate(ext.traces, start=1):
        if not isinstance(trace, dict):
            problems.append(say("traces.not_object", index=index))
            continue
        kind = trace.get("type")
        required = COMMON_FIELDS + (SESSION_FIELDS if kind != "CONNECT_FAILURE" else ())
        missing = [f for f in required if trace.get(f) in (None, "", [])]
        if missing:
            problems.append(say("traces.missing", index=index, type=str(kind)[:40], fields=", ".join(missing)))
        if "timestamp" not in missing and _timestamp(trace.get("timestamp")) is None:
            problems.append(say("traces.bad_timestamp", index=index))
        if kind == "SEND" and not isinstance(trace.get("apiRequest"), dict):
            problems.append(say("traces.no_api_request", index=index))
        if kind != "SEND" and trace.get("apiRequest") is not None:
            problems.append(say("traces.api_request_outside_send", index=index, type=str(kind)[:40]))
    return verdict(problems[:50], [say("traces.fields_ok", count=len(ext.traces))])


@CHECKS.check("traces.send_no_payload")
def check_send_no_payload(ext: TraceExtract, ctx: CheckContext) -> Conclusion:
    """SEND traces name the call (``nomApiPsc``, ``methode``, ``path``) and carry no payload data."""
    sends = [(i, t) for i, t in enumerate(ext.traces, start=1) if isinstance(t, dict) and t.get("type") == "SEND"]
    if not sends:
        return verdict([say("traces.no_send")], [])
    problems: list[Message] = []
    for index, trace in sends:
        extra = sorted(set(trace) - KNOWN_FIELDS)
        request = trace.get("apiRequest")
        if isinstance(request, dict):
            extra += sorted(f"apiRequest.{k}" for k in set(request) - API_REQUEST_FIELDS)
            if not all(isinstance(request.get(k), str) and request[k] for k in API_REQUEST_FIELDS):
                problems.append(say("traces.api_request_incomplete", index=index))
            elif request["methode"].upper() not in _METHODS:
                problems.append(say("traces.bad_method", index=index, method=request["methode"][:20]))
        if extra:
            problems.append(say("traces.payload", index=index, fields=", ".join(extra)[:200]))
    return verdict(problems[:50], [say("traces.send_ok", count=len(sends))])
