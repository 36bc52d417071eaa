"""Render the requirements catalogue (``docs/referentiel.md``) of the bundled referentials as Markdown."""

from __future__ import annotations

from collections import defaultdict

from checker.model.referential import Requirement
from checker.referential.load import LoadedReferential, load_bundle
from checker.referential.policy import policy_values

__all__ = ["catalogue_text"]


def _cell(text: str) -> str:
    return " ".join(text.replace("|", "\\|").split())


def _provenance(req: Requirement) -> str:
    refs = ", ".join(f"{r.scheme} {r.id}" for r in req.provenance.references)
    text = f"{req.provenance.basis.value} — {', '.join(req.provenance.sources)}"
    return f"{text} ({refs})" if refs else text


def _edition(ref: LoadedReferential) -> list[str]:
    meta = ref.model.metadata
    lines = [
        f"## {meta.title} — {meta.version}",
        "",
        (
            f"Identifiant `{meta.id}`, statut `{meta.edition_status.value}`, "
            f"publié le {meta.published.isoformat()}, {len(ref.requirements)} exigences."
        ),
        "",
    ]
    if meta.notice:
        lines += [f"> {_cell(meta.notice)}", ""]
    for level in ref.model.levels:
        for actor in ref.model.actors:
            if level.id not in actor.levels:
                continue
            reqs = ref.select([actor.id], level.id)
            lines += [
                f"### {actor.id} ({actor.label}) — niveau {level.label}",
                "",
                "| id | obligation | thème | titre | provenance |",
                "|---|---|---|---|---|",
            ]
            lines += [
                f"| {r.id} | {r.obligation.value} | {r.theme} | {_cell(r.title)} | {_cell(_provenance(r))} |"
                for r in reqs
            ]
            lines.append("")
    by_basis: dict[str, int] = defaultdict(int)
    for req in ref.model.requirements:
        by_basis[req.provenance.basis.value] += 1
    lines += ["### Sources", ""]
    lines += [
        f"- **{s.key}** — {_cell(s.title)}{' — ' + (s.url or s.reference or '') if (s.url or s.reference) else ''}"
        for s in meta.sources
    ]
    lines += ["", "Bases : " + ", ".join(f"{k} {v}" for k, v in sorted(by_basis.items())), ""]
    checked = [r for r in ref.model.requirements if r.checks]
    if checked:
        lines += ["### Vérifications automatiques des preuves", "", "| id | contrôles |", "|---|---|"]
        lines += [f"| {r.id} | {', '.join(f'`{c}`' for c in r.checks)} |" for r in checked] + [""]
    lines += _inheritance(ref) + _policies(ref)
    if meta.known_gaps:
        lines += ["### Lacunes connues", ""] + [f"- **{g.id}** — {_cell(g.note)}" for g in meta.known_gaps] + [""]
    return lines


def _inheritance(ref: LoadedReferential) -> list[str]:
    rules = ref.model.metadata.actor_inheritance
    if not rules:
        return []
    lines = ["### Héritage entre acteurs (metadata.actor_inheritance)", ""]
    for rule in rules:
        themes = ", ".join(rule.themes) or "tous"
        lines.append(
            f"- **{rule.actor}** prend les obligations de **{rule.inherits}** (niveaux {', '.join(rule.levels)} ; "
            f"thèmes {themes}) — {_cell(rule.rationale.fr)} ({rule.provenance.basis.value})"
        )
    return [*lines, ""]


def _policies(ref: LoadedReferential) -> list[str]:
    by_key: dict[str, list[str]] = defaultdict(list)
    for req in ref.model.requirements:
        fresh = req.evidence.freshness if req.evidence else None
        if fresh is not None and fresh.policy is not None:
            by_key[fresh.policy.key].append(req.id)
    if not by_key:
        return []
    lines = [
        "### Politique psc-check (seuils qu'aucune source ne fixe ; `--policy FICHIER` les remplace)",
        "",
        "| clé | valeurs | justification | exigences |",
        "|---|---|---|---|",
    ]
    for key, (label, values) in policy_values(ref).items():
        shown = ", ".join(f"{name} = {value}" for name, value in values.items() if value is not None)
        lines.append(f"| `{key}` | {shown} | {_cell(label.rationale)} | {', '.join(by_key[key])} |")
    return [*lines, ""]


def catalogue_text() -> str:
    """The whole catalogue, deterministic."""
    lines = [
        "# Catalogue des exigences",
        "",
        "<!-- Généré par `python -m checker.app.catalogue` : ne pas éditer à la main. -->",
        "",
    ]
    for edition in load_bundle().values():
        lines += _edition(edition)
    return "\n".join(lines).rstrip() + "\n"
