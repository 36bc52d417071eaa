"""A CISO Assistant library (YAML): the referential as a framework of themes and assessable requirements.

The format is CISO Assistant's library format (``backend/library/libraries/*.yaml`` in intuitem/ciso-assistant-
community; loader ``backend/library/utils.py``, URN rule ``core.models.URN_REGEX``). URNs are derived from ids,
never from positions: ``urn:psc-check:risk:req_node:<referential>:<requirement>`` (lower case, as CISO Assistant
stores them), and themes under ``…:<referential>:theme:<theme>``.

Implementation groups: CISO Assistant keeps a requirement when it belongs to *any* selected group (a union), so a
group per actor and another per level could not select "OSU at the Espace de confiance" (OSU ∪ Espace de confiance
is every requirement of that level). There is one group per actor at each level it works at, its members computed
by the applicability the evaluation uses (``why_applies``) on the declaration ``init`` writes for that actor and
level; selecting the groups of several actors gives the union, as ``init --actor A --actor B`` does. A requirement
that depends on a declared feature (or parcours) is in the group whatever the features: CISO Assistant has no
features; its annotation says when it applies.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import yaml

from checker import __version__
from checker.errors import InputError, msg
from checker.evaluation.applicability import why_applies
from checker.i18n import Translator
from checker.model.declaration import ParcoursProgress
from checker.model.referential import EditionStatus, Requirement
from checker.referential.load import LoadedReferential
from checker.render.init_template import InitRequest, template_declaration
from checker.render.oscal import applicability_lines, evidence_conditions

__all__ = [
    "PACKAGER",
    "Group",
    "group_members",
    "implementation_groups",
    "library_document",
    "library_version",
    "render_library",
    "urn_slug",
]

PACKAGER = "psc-check"
_NOT_SLUG = re.compile(r"[^a-z0-9._\-]")


def urn_slug(identifier: str) -> str:
    """An id as the last part of a URN: lower case, any character a URN part cannot hold becomes ``-``."""
    return _NOT_SLUG.sub("-", identifier.lower())


def _urn(kind: str, *parts: str) -> str:
    return ":".join(["urn", PACKAGER, "risk", kind, *parts])


def library_version(ref: LoadedReferential) -> int:
    """CISO Assistant's integer version: the publication date as YYYYMMDD (a later edition is a greater number)."""
    return int(ref.model.metadata.published.strftime("%Y%m%d"))


@dataclass(frozen=True)
class Group:
    """One implementation group: an actor at one of the levels it works at."""

    actor: str
    level: str

    @property
    def ref_id(self) -> str:
        return f"{self.actor}-{self.level}"


def implementation_groups(ref: LoadedReferential) -> list[Group]:
    """Every (actor, level it works at), in the edition's order of actors, then of levels."""
    order = [lv.id for lv in ref.model.levels]
    return [
        Group(actor.id, level)
        for actor in ref.model.actors
        for level in sorted(actor.levels, key=lambda lv: order.index(lv) if lv in order else len(order))
    ]


def _conditional(req: Requirement) -> bool:
    app = req.applicability
    return bool(app.features_all or app.features_any or app.parcours)


def group_members(ref: LoadedReferential, group: Group) -> list[str]:
    """The ids of the requirements the group selects: those ``init --actor A --level L`` lists, plus those it would
    list with the features (or parcours) they depend on; in file order."""
    base = template_declaration(ref, InitRequest(actors=(group.actor,), level=group.level))
    known = {f.id for f in ref.model.features}
    members = []
    for req in ref.model.requirements:
        decl = base
        if _conditional(req):
            app = req.applicability
            wanted = {*app.features_all, *app.features_any[:1]} & known
            features = {f: f in wanted for f in base.features}
            parcours = ParcoursProgress(id=app.parcours[0]) if app.parcours else base.parcours
            decl = base.model_copy(update={"features": features, "parcours": parcours})
        if why_applies(ref, req, decl) is not None:
            members.append(req.id)
    return members


def _description(ref: LoadedReferential, t: Translator) -> str:
    meta = ref.model.metadata
    key = "export.ciso_official" if meta.edition_status is EditionStatus.OFFICIAL else "export.ciso_derived"
    lines = [t(key, title=meta.title, version=meta.version, status=meta.edition_status.value, tool=PACKAGER)]
    if meta.notice:
        lines.append(meta.notice)
    return "\n\n".join(lines)


def _annotation(ref: LoadedReferential, req: Requirement, t: Translator) -> str:
    sources = {s.key: s for s in ref.model.metadata.sources}
    lines = [t("show.provenance", value=req.provenance.basis.value)]
    for key in req.provenance.sources:
        src = sources.get(key)
        lines.append(f"- [{key}] {src.title if src else ''} {(src.url or src.reference or '') if src else ''}".rstrip())
    lines += [f"- {t('show.reference', scheme=r.scheme, id=r.id)}" for r in req.provenance.references]
    if req.provenance.note:
        lines.append(f"- {t('show.note', value=req.provenance.note)}")
    if req.provenance.conflict:
        lines.append(f"- {t('show.conflict', value=req.provenance.conflict)}")
    lines += ["", t("export.actors", value=", ".join(req.actors)), t("export.levels", value=", ".join(req.levels))]
    conditions = applicability_lines(ref, req, t)
    if conditions:
        lines += [*conditions, t("export.features_aside")]
    if req.effective:
        lines.append(t("export.effective", value=req.effective.isoformat()))
    if req.deadline:
        lines.append(t("export.deadline", value=req.deadline.isoformat()))
    if req.checks:
        lines.append(t("export.checks", checks=", ".join(req.checks)))
    if req.cross_references:
        lines.append(
            t(
                "export.cross_references",
                refs=", ".join(f"{c.relation} {c.referential}/{c.requirement}" for c in req.cross_references),
            )
        )
    if req.remediation:
        lines += ["", t("show.remediation", value=req.remediation)]
    return "\n".join(lines)


def _typical_evidence(req: Requirement, t: Translator) -> str | None:
    spec = req.evidence
    if spec is None:
        return None
    lines = [
        spec.description,
        t("export.evidence_kinds", kinds=", ".join(k.value for k in spec.kinds)),
        *evidence_conditions(spec, t),
    ]
    return "\n".join(lines)


def _check_unique(ref: LoadedReferential, urns: list[tuple[str, str]]) -> None:
    seen: dict[str, str] = {}
    for name, urn in urns:
        other = seen.setdefault(urn, name)
        if other != name:
            clash = msg("error.urn_clash", other=other, name=name, urn=urn)
            raise InputError.at(str(ref.path), clash, msg("hint.rename_one"))


def _nodes(ref: LoadedReferential, t: Translator) -> Iterator[dict[str, Any]]:
    slug = urn_slug(ref.id)
    groups = implementation_groups(ref)
    membership: dict[str, list[str]] = {}
    for group in groups:
        for req_id in group_members(ref, group):
            membership.setdefault(req_id, []).append(group.ref_id)
    theme_urns = [(f"theme {th.id}", _urn("req_node", slug, "theme:" + urn_slug(th.id))) for th in ref.model.themes]
    req_urns = [(r.id, _urn("req_node", slug, urn_slug(r.id))) for r in ref.model.requirements]
    _check_unique(ref, [*theme_urns, *req_urns])
    urn_of = dict(req_urns)
    for theme, (_, theme_urn) in zip(ref.model.themes, theme_urns, strict=True):
        node: dict[str, Any] = {
            "urn": theme_urn,
            "assessable": False,
            "depth": 1,
            "ref_id": theme.id,
            "name": theme.label,
        }
        if theme.description:
            node["description"] = theme.description
        yield node
        for req in ref.model.requirements:
            if req.theme != theme.id:
                continue
            entry: dict[str, Any] = {
                "urn": urn_of[req.id],
                "assessable": True,
                "depth": 2,
                "parent_urn": theme_urn,
                "ref_id": req.id,
                "name": req.title,
                "description": req.statement,
                "annotation": _annotation(ref, req, t),
            }
            evidence = _typical_evidence(req, t)
            if evidence:
                entry["typical_evidence"] = evidence
            entry["importance"] = req.obligation.value
            entry["implementation_groups"] = membership.get(req.id, [])
            yield entry


def library_document(ref: LoadedReferential) -> dict[str, Any]:
    """The library as a dict, its keys in the order CISO Assistant's own libraries write them."""
    t = Translator("fr", codes=True)
    meta = ref.model.metadata
    slug = urn_slug(ref.id)
    labels = {lv.id: lv.label for lv in ref.model.levels}
    actors = {a.id: a for a in ref.model.actors}
    description = _description(ref, t)
    groups = [
        {
            "ref_id": group.ref_id,
            "name": f"{group.actor} — {labels.get(group.level, group.level)}",
            "description": t(
                "export.group_description",
                actor=f"{actors[group.actor].label} ({group.actor})",
                level=labels.get(group.level, group.level),
                about=" ".join(actors[group.actor].description.split()),
            ),
        }
        for group in implementation_groups(ref)
    ]
    framework: dict[str, Any] = {
        "urn": _urn("framework", slug),
        "ref_id": ref.id,
        "name": meta.title,
        "description": description,
    }
    if groups:
        framework["implementation_groups_definition"] = groups
    framework["requirement_nodes"] = list(_nodes(ref, t))
    return {
        "urn": _urn("library", slug),
        "locale": "fr",
        "ref_id": ref.id,
        "name": meta.title,
        "description": description,
        "copyright": t("export.copyright", tool=PACKAGER),
        "version": library_version(ref),
        "publication_date": meta.published,
        "provider": PACKAGER,
        "packager": PACKAGER,
        "annotation": t("export.tool", tool=PACKAGER, version=__version__, edition=meta.version, sha256=ref.sha256),
        "objects": {"framework": framework},
    }


class _Dumper(yaml.SafeDumper):
    """Safe YAML, multi-line texts as literal blocks (``|``) so the library reads like CISO Assistant's own."""


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _text)


def render_library(ref: LoadedReferential) -> bytes:
    """``referentiel export --format ciso-assistant``: the library as YAML (PyYAML falls back to a quoted scalar
    for any text a literal block cannot hold, e.g. trailing spaces or control characters)."""
    text = yaml.dump(
        library_document(ref),
        Dumper=_Dumper,
        allow_unicode=True,
        sort_keys=False,
        width=120,
        default_flow_style=False,
    )
    return text.encode("utf-8")
