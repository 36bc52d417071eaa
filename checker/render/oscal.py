"""OSCAL 1.1 JSON: the referential as a catalog, an evaluation as assessment-results.

Deterministic: every UUID is a uuid5 of what it names (the referential id, a requirement id, a source key, an
evidence file), and the only timestamps are the referential's publication date (catalog) and ``--as-of``
(results), so two exports of one edition, or two evaluations with one ``--as-of``, are byte-identical. OSCAL ids are
tokens (a letter or ``_`` first, then letters, digits, ``. - _``): a requirement id with a space (``EXI 03``) becomes
``EXI_03``, and the id as the referential spells it stays in the control's ``label`` property.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import uuid
from collections.abc import Iterable, Mapping
from typing import Any
from urllib.parse import quote

from checker import __version__
from checker.errors import InputError, Message, msg
from checker.i18n import Translator
from checker.model.referential import EvidenceSpec, Requirement
from checker.model.report import GAP_OUTCOMES, EvidenceResult, Finding, Outcome, Report
from checker.referential.load import LoadedReferential

__all__ = [
    "NAMESPACE",
    "OSCAL_VERSION",
    "PSC_NS",
    "catalog_uuid",
    "control_id",
    "render_assessment_results",
    "render_catalog",
]

OSCAL_VERSION = "1.1.2"
PSC_NS = "https://github.com/psc-check/psc-check/ns/oscal"
"""The namespace of psc-check's own property and part names (OSCAL asks one for names it does not define)."""
NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://github.com/psc-check/psc-check")
"""The uuid5 namespace of every UUID psc-check writes."""

_TOKEN_START = re.compile(r"[A-Za-z_]")
_NOT_TOKEN = re.compile(r"[^A-Za-z0-9_.\-]")


def control_id(requirement_id: str) -> str:
    """The OSCAL token for a requirement id: characters a token cannot hold become ``_``."""
    token = _NOT_TOKEN.sub("_", requirement_id)
    return token if _TOKEN_START.match(token) else f"_{token}"


def catalog_uuid(referential_id: str) -> str:
    """The catalog's UUID: one per referential, the same for every edition (OSCAL's "per-subject" UUID)."""
    return str(uuid.uuid5(NAMESPACE, f"catalog/{referential_id}"))


def _uuid(*parts: str) -> str:
    return str(uuid.uuid5(NAMESPACE, "/".join(parts)))


def _stamp(day: dt.date) -> str:
    """A date as the OSCAL date-time with time zone it must be (midnight UTC)."""
    return f"{day.isoformat()}T00:00:00+00:00"


def _prop(name: str, value: str, *, ns: bool = True) -> dict[str, str]:
    """A property (psc-check's namespace unless it is an OSCAL name); OSCAL values have no outer whitespace."""
    prop = {"name": name, "value": " ".join(value.split()) or "-"}
    if ns:
        prop["ns"] = PSC_NS
    return prop


def _dump(document: Mapping[str, Any]) -> bytes:
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _unique(ids: Iterable[tuple[str, str]], what: Message, path: str) -> None:
    """Refuse two names that map to one OSCAL id (e.g. ``EXI 03`` and ``EXI_03``)."""
    seen: dict[str, str] = {}
    for original, token in ids:
        other = seen.setdefault(token, original)
        if other != original:
            clash = msg("error.oscal_clash", what=what, other=other, original=original, token=token)
            raise InputError.at(path, clash, msg("hint.rename_one"))


# The catalog -----------------------------------------------------------------------------------------------------


def _source_uuid(ref: LoadedReferential, key: str) -> str:
    return _uuid("source", ref.id, key)


def _parts(ref: LoadedReferential, req: Requirement, t: Translator) -> list[dict[str, Any]]:
    cid = control_id(req.id)
    parts: list[dict[str, Any]] = [{"id": f"{cid}_smt", "name": "statement", "prose": req.statement}]
    guidance = [text for text in (req.remediation, _evidence_text(req, t)) if text]
    if guidance:
        parts.append({"id": f"{cid}_gdn", "name": "guidance", "prose": "\n\n".join(guidance)})
    conditions = applicability_lines(ref, req, t)
    if conditions:
        parts.append({"id": f"{cid}_app", "name": "applicability", "ns": PSC_NS, "prose": "\n".join(conditions)})
    provenance = [
        *(t("show.reference", scheme=r.scheme, id=r.id) for r in req.provenance.references),
        *([t("show.note", value=req.provenance.note)] if req.provenance.note else []),
        *([t("show.conflict", value=req.provenance.conflict)] if req.provenance.conflict else []),
    ]
    if provenance:
        parts.append({"id": f"{cid}_prv", "name": "provenance", "ns": PSC_NS, "prose": "\n".join(provenance)})
    return parts


def _evidence_text(req: Requirement, t: Translator) -> str | None:
    """What evidence a compliant answer carries, in one paragraph (None when the requirement expects none)."""
    spec = req.evidence
    if spec is None:
        return None
    kinds = ", ".join(k.value for k in spec.kinds)
    lines = [t("show.evidence", kinds=kinds, description=spec.description), *evidence_conditions(spec, t)]
    return " ".join(lines)


def evidence_conditions(spec: EvidenceSpec, t: Translator) -> list[str]:
    """What the expected evidence must also be, one line each: optional, environment, age, remaining validity."""
    lines: list[str] = []
    if not spec.required:
        lines.append(t("export.evidence_optional"))
    if spec.environment is not None:
        lines.append(t("export.evidence_environment", environment=spec.environment.value))
    if spec.freshness is not None and spec.freshness.max_age_days is not None:
        lines.append(t("export.evidence_max_age", days=spec.freshness.max_age_days))
    if spec.freshness is not None and spec.freshness.min_remaining_days is not None:
        lines.append(t("export.evidence_min_remaining", days=spec.freshness.min_remaining_days))
    return lines


def applicability_lines(ref: LoadedReferential, req: Requirement, t: Translator) -> list[str]:
    """The conditions on declared features and parcours, one line each (empty: the requirement has none)."""
    labels = {f.id: f.label for f in ref.model.features}

    def named(ids: list[str]) -> str:
        return ", ".join(f"{i} ({labels[i]})" if i in labels else i for i in ids)

    app = req.applicability
    lines = []
    if app.features_all:
        lines.append(t("export.features_all", features=named(app.features_all)))
    if app.features_any:
        lines.append(t("export.features_any", features=named(app.features_any)))
    if app.features_none:
        lines.append(t("export.features_none", features=named(app.features_none)))
    if app.parcours:
        lines.append(t("export.parcours", parcours=", ".join(app.parcours)))
    return lines


def _control(ref: LoadedReferential, req: Requirement, t: Translator) -> dict[str, Any]:
    props = [
        _prop("label", req.id, ns=False),
        *(_prop("actor", actor) for actor in req.actors),
        *(_prop("level", level) for level in req.levels),
        _prop("obligation", req.obligation.value),
        _prop("provenance-basis", req.provenance.basis.value),
        *(_prop("feature-required", f) for f in req.applicability.features_all),
        *(_prop("feature-any", f) for f in req.applicability.features_any),
        *(_prop("feature-excluded", f) for f in req.applicability.features_none),
        *(_prop("parcours", p) for p in req.applicability.parcours),
        *(_prop("effective", req.effective.isoformat()) for _ in [req.effective] if req.effective),
        *(_prop("deadline", req.deadline.isoformat()) for _ in [req.deadline] if req.deadline),
        *(_prop("check", check) for check in req.checks),
    ]
    control: dict[str, Any] = {"id": control_id(req.id), "title": req.title, "props": props}
    sources = [key for key in req.provenance.sources if key in {s.key for s in ref.model.metadata.sources}]
    if sources:
        control["links"] = [{"href": f"#{_source_uuid(ref, key)}", "rel": "reference"} for key in sources]
    control["parts"] = _parts(ref, req, t)
    return control


def _source_resource(ref: LoadedReferential, index: int) -> dict[str, Any]:
    source = ref.model.metadata.sources[index]
    resource: dict[str, Any] = {
        "uuid": _source_uuid(ref, source.key),
        "title": source.title,
        "props": [_prop("source-key", source.key)],
    }
    citation = " ; ".join(
        part for part in (source.publisher, source.reference, source.date.isoformat() if source.date else None) if part
    )
    if citation:
        resource["citation"] = {"text": citation}
    if source.url:
        resource["rlinks"] = [{"href": source.url}]
    return resource


def catalog_document(ref: LoadedReferential) -> dict[str, Any]:
    """The referential as an OSCAL catalog (a dict, ready to dump as JSON)."""
    t = Translator("fr", codes=True)
    meta = ref.model.metadata
    _unique(((r.id, control_id(r.id)) for r in ref.model.requirements), msg("what.requirements"), str(ref.path))
    _unique(
        [
            *((f"theme {th.id}", control_id(th.id)) for th in ref.model.themes),
            *((r.id, control_id(r.id)) for r in ref.model.requirements),
        ],
        msg("what.ids"),
        str(ref.path),
    )
    groups = []
    for theme in ref.model.themes:
        group: dict[str, Any] = {"id": control_id(theme.id), "class": "theme", "title": theme.label}
        if theme.description:
            group["parts"] = [{"id": f"{control_id(theme.id)}_ovw", "name": "overview", "prose": theme.description}]
        controls = [_control(ref, req, t) for req in ref.model.requirements if req.theme == theme.id]
        if controls:
            group["controls"] = controls
        groups.append(group)
    published = _stamp(meta.published)
    remarks = [t("export.derived_edition", tool="psc-check", status=meta.edition_status.value)]
    if meta.notice:
        remarks.append(meta.notice)
    return {
        "catalog": {
            "uuid": catalog_uuid(ref.id),
            "metadata": {
                "title": meta.title,
                "published": published,
                "last-modified": published,
                "version": meta.version,
                "oscal-version": OSCAL_VERSION,
                "props": [
                    _prop("referential-id", ref.id),
                    _prop("edition-status", meta.edition_status.value),
                    _prop("source-sha256", ref.sha256),
                    _prop("tool", f"psc-check {__version__}"),
                ],
                "remarks": "\n\n".join(remarks),
            },
            "groups": groups,
            "back-matter": {"resources": [_source_resource(ref, i) for i in range(len(meta.sources))]},
        }
    }


def render_catalog(ref: LoadedReferential) -> bytes:
    """``referentiel export --format oscal``: the catalog as JSON."""
    return _dump(catalog_document(ref))


# The assessment results ------------------------------------------------------------------------------------------

_STATE = {True: "not-satisfied", False: "satisfied"}


def _reason(outcome: Outcome) -> str:
    """OSCAL's reason for a status: pass, fail, or other (not applicable, unanswered, unsupported, waived: a waived
    gap is still not satisfied)."""
    if outcome is Outcome.COMPLIANT:
        return "pass"
    if outcome in (Outcome.NON_COMPLIANT, Outcome.PARTIAL):
        return "fail"
    return "other"


def _evidence_resource(results: str, item: EvidenceResult, folder: str, t: Translator) -> dict[str, Any]:
    rlink: dict[str, Any] = {"href": quote(item.path)}
    if item.sha256:
        rlink["hashes"] = [{"algorithm": "SHA-256", "value": item.sha256}]
    resource: dict[str, Any] = {
        "uuid": _evidence_uuid(results, item),
        "title": item.path,
        "description": t("export.evidence_file", folder=folder),
        "rlinks": [rlink],
    }
    if item.kind:
        resource["props"] = [_prop("evidence-kind", item.kind)]
    return resource


def _evidence_uuid(results: str, item: EvidenceResult) -> str:
    return _uuid(results, "evidence", item.path, item.sha256 or "")


def _observation(
    results: str, finding: Finding, index: int, item: EvidenceResult, as_of: dt.date, t: Translator
) -> dict[str, Any]:
    lines = [t("export.evidence_status", status=t(f"evidence.{item.status}"), detail=t.text(item.detail))]
    lines += [
        t("export.check_result", check=c.check, status=t(f"check.{c.status}"), reasons="; ".join(c.texts(t.lang)))
        for c in item.checks
    ]
    return {
        "uuid": _uuid(results, "observation", finding.requirement_id, str(index)),
        "title": item.path,
        "description": "\n\n".join(lines),
        "props": [_prop("evidence-status", item.status)],
        "methods": ["EXAMINE", "TEST"] if item.checks else ["EXAMINE"],
        "relevant-evidence": [{"href": f"#{_evidence_uuid(results, item)}", "description": item.path}],
        "collected": _stamp(item.collected or as_of),
    }


def _finding(results: str, finding: Finding, observations: list[str], t: Translator) -> dict[str, Any]:
    outcome = t(f"outcome.{finding.outcome.value}")
    lines = [t("export.outcome", outcome=outcome), *(f"- {t.text(r.message)}" for r in finding.reasons)]
    if finding.justification:
        lines.append(t("export.justification", value=finding.justification))
    why = "; ".join(t.text(r.message) for r in finding.applicability)
    entry: dict[str, Any] = {
        "uuid": _uuid(results, "finding", finding.requirement_id),
        "title": f"{finding.requirement_id} — {finding.title}",
        "description": "\n".join(lines),
        "props": [
            _prop("outcome", finding.outcome.value),
            _prop("obligation", finding.obligation.value),
            *(_prop("declared-status", s) for s in [finding.declared_status] if s),
        ],
        "target": {
            "type": "statement-id",
            "target-id": f"{control_id(finding.requirement_id)}_smt",
            "title": finding.requirement_id,
            "status": {
                "state": _STATE[finding.outcome in GAP_OUTCOMES or finding.outcome is Outcome.WAIVED],
                "reason": _reason(finding.outcome),
            },
        },
    }
    if observations:
        entry["related-observations"] = [{"observation-uuid": u} for u in observations]
    if why:
        entry["remarks"] = t("export.why_applies", reasons=why)
    return entry


def results_document(report: Report) -> dict[str, Any]:
    """An evaluation as OSCAL assessment-results: one result, one finding per applicable requirement."""
    t = Translator(report.lang, codes=True)
    decl, ref = report.declaration, report.referential
    results = _uuid(
        "results",
        ref.id,
        decl.organisation,
        decl.subject,
        decl.subject_version or "",
        decl.path,
        report.as_of.isoformat(),
    )
    folder = decl.path.rsplit("/", 1)[0] if "/" in decl.path else "."
    observations: list[dict[str, Any]] = []
    findings: list[dict[str, Any]] = []
    resources: dict[str, dict[str, Any]] = {}
    for finding in report.findings:
        uuids = []
        for index, item in enumerate(finding.evidence):
            observation = _observation(results, finding, index, item, report.as_of, t)
            observations.append(observation)
            uuids.append(observation["uuid"])
            resource = _evidence_resource(results, item, folder, t)
            resources.setdefault(resource["uuid"], resource)
        findings.append(_finding(results, finding, uuids, t))
    catalog = catalog_uuid(ref.id)
    catalog_resource = {
        "uuid": _uuid(results, "catalog"),
        "title": t("export.catalog_title", id=ref.id, version=ref.version),
        "description": t("export.catalog_description", id=ref.id),
        "document-ids": [{"scheme": "http://www.ietf.org/rfc/rfc4122", "identifier": catalog}],
        "props": [_prop("referential-sha256", ref.sha256)],
    }
    declaration_resource = {
        "uuid": _uuid(results, "declaration"),
        "title": decl.path,
        "rlinks": [{"href": quote(decl.path), "hashes": [{"algorithm": "SHA-256", "value": decl.sha256}]}],
    }
    stamp = _stamp(report.as_of)
    summary = report.summary
    result: dict[str, Any] = {
        "uuid": _uuid(results, "result"),
        "title": t("export.result_title", subject=decl.subject, id=ref.id, version=ref.version),
        "description": t(
            "export.result_description",
            organisation=decl.organisation,
            actors=", ".join(decl.actors),
            level=decl.level,
            applicable=summary.applicable,
            gaps=sum(1 for f in report.findings if f.outcome in GAP_OUTCOMES),
        ),
        "start": stamp,
        "end": stamp,
        "props": [
            _prop("ready", "true" if summary.ready else "false"),
            _prop("score", f"{summary.score:g}"),
            _prop("mandatory-gaps", str(summary.mandatory_gaps)),
        ],
        "reviewed-controls": {
            "control-selections": [
                {"include-controls": [{"control-id": control_id(f.requirement_id)} for f in report.findings]}
                if report.findings
                else {"description": t("export.no_applicable")}
            ]
        },
    }
    if observations:
        result["observations"] = observations
    if findings:
        result["findings"] = findings
    return {
        "assessment-results": {
            "uuid": results,
            "metadata": {
                "title": result["title"],
                "last-modified": stamp,
                "version": f"{report.as_of.isoformat()}",
                "oscal-version": OSCAL_VERSION,
                "props": [
                    _prop("as-of", report.as_of.isoformat()),
                    _prop("tool", report.tool.name),
                    _prop("tool-version", report.tool.version),
                    _prop("referential", f"{ref.id} {ref.version}"),
                    _prop("declaration-sha256", decl.sha256),
                ],
            },
            "import-ap": {"href": f"#{catalog_resource['uuid']}", "remarks": t("export.import_ap")},
            "results": [result],
            "back-matter": {"resources": [catalog_resource, declaration_resource, *resources.values()]},
        }
    }


def render_assessment_results(report: Report) -> bytes:
    """``evaluate -o FILE.oscal.json``: the report as OSCAL assessment-results JSON."""
    return _dump(results_document(report))
