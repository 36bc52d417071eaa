"""Texts of the exports to other tools: the CISO Assistant library, the OSCAL catalog and assessment-results."""

from __future__ import annotations

from checker.i18n import Entries

__all__ = ["EXPORT_MESSAGES"]

EXPORT_MESSAGES: Entries = {
    # what the exported referential says of itself
    "export.ciso_derived": {
        "fr": (
            "Export {tool} de « {title} », édition {version} (statut : {status}). C'est l'édition dérivée de "
            "{tool}, établie à partir de sources publiques : ce n'est pas une publication de l'ANS, et ses "
            "identifiants et énoncés ne sont pas officiels."
        ),
        "en": (
            "{tool} export of “{title}”, edition {version} (status: {status}). This is {tool}'s derived edition, "
            "made from public sources: it is not a publication of the ANS, and its ids and statements are not "
            "official."
        ),
    },
    "export.ciso_official": {
        "fr": (
            "Export {tool} de « {title} », édition {version} (statut : {status}). C'est la transcription de {tool}, "
            "pas une publication de l'ANS : seul le texte publié par son éditeur fait foi."
        ),
        "en": (
            "{tool} export of “{title}”, edition {version} (status: {status}). This is {tool}'s transcription, not a "
            "publication of the ANS: only the text its publisher published is authoritative."
        ),
    },
    "export.derived_edition": {
        "fr": (
            "Catalogue exporté par {tool} depuis son référentiel YAML (statut de l'édition : {status}) ; "
            "ce n'est pas une publication de l'ANS."
        ),
        "en": (
            "Catalog exported by {tool} from its YAML referential (edition status: {status}); it is not a "
            "publication of the ANS."
        ),
    },
    "export.copyright": {
        "fr": (
            "Export {tool} (licence MIT). Les textes sources restent ceux de leurs éditeurs ; les énoncés sont des "
            "paraphrases établies par {tool}."
        ),
        "en": (
            "{tool} export (MIT licence). The source texts remain their publishers'; the statements are paraphrases "
            "made by {tool}."
        ),
    },
    "export.tool": {
        "fr": "Produit par {tool} {version} depuis l'édition {edition} (SHA-256 du fichier YAML : {sha256}).",
        "en": "Made by {tool} {version} from edition {edition} (SHA-256 of the YAML file: {sha256}).",
    },
    "export.group_description": {
        "fr": (
            "{actor} au niveau {level} : les exigences que psc-check init retient pour cet acteur à ce niveau. "
            "CISO Assistant retient une exigence dès qu'elle est dans l'un des groupes choisis : choisissez le "
            "groupe de chaque acteur que le produit déclare. Les exigences qui dépendent d'une caractéristique "
            "déclarée sont incluses ; leur annotation dit quand elles s'appliquent. {about}"
        ),
        "en": (
            "{actor} at level {level}: the requirements psc-check init lists for this actor at this level. CISO "
            "Assistant keeps a requirement as soon as it is in one of the groups chosen: choose the group of each "
            "actor the product declares. Requirements that depend on a declared feature are included; their "
            "annotation says when they apply. {about}"
        ),
    },
    # one requirement
    "export.actors": {"fr": "Acteurs : {value}", "en": "Actors: {value}"},
    "export.levels": {"fr": "Niveaux : {value}", "en": "Levels: {value}"},
    "export.effective": {"fr": "En vigueur le : {value}", "en": "In force from: {value}"},
    "export.deadline": {"fr": "Échéance : {value}", "en": "Deadline: {value}"},
    "export.checks": {
        "fr": "Contrôles automatiques : {checks} (psc-check check-evidence)",
        "en": "Automated checks: {checks} (psc-check check-evidence)",
    },
    "export.cross_references": {"fr": "Renvois : {refs}", "en": "Cross-references: {refs}"},
    "export.features_all": {
        "fr": "S'applique seulement si le produit déclare toutes ces caractéristiques : {features}.",
        "en": "Applies only when the product declares all these features: {features}.",
    },
    "export.features_any": {
        "fr": "S'applique seulement si le produit déclare l'une de ces caractéristiques : {features}.",
        "en": "Applies only when the product declares one of these features: {features}.",
    },
    "export.features_none": {
        "fr": "Ne s'applique pas si le produit déclare l'une de ces caractéristiques : {features}.",
        "en": "Does not apply when the product declares one of these features: {features}.",
    },
    "export.parcours": {
        "fr": "S'applique seulement sur le parcours : {parcours}.",
        "en": "Applies only on the parcours: {parcours}.",
    },
    "export.features_aside": {
        "fr": (
            "Les groupes de mise en œuvre incluent cette exigence quelles que soient les caractéristiques déclarées "
            "(CISO Assistant n'en a pas) ; psc-check init et psc-check evaluate l'appliquent selon ces conditions."
        ),
        "en": (
            "The implementation groups include this requirement whatever features are declared (CISO Assistant has "
            "none); psc-check init and psc-check evaluate apply it under these conditions."
        ),
    },
    "export.evidence_kinds": {"fr": "Types de preuve : {kinds}", "en": "Evidence kinds: {kinds}"},
    "export.evidence_optional": {"fr": "(preuve facultative)", "en": "(evidence optional)"},
    "export.evidence_environment": {
        "fr": "Environnement : {environment}.",
        "en": "Environment: {environment}.",
    },
    "export.evidence_max_age": {
        "fr": "Recueillie depuis {days} jours au plus.",
        "en": "Collected within the last {days} days.",
    },
    "export.evidence_min_remaining": {
        "fr": "Encore valide {days} jours au moins.",
        "en": "Still valid for at least {days} days.",
    },
    # the assessment results
    "export.result_title": {
        "fr": "Évaluation psc-check de {subject} — {id} {version}",
        "en": "psc-check evaluation of {subject} — {id} {version}",
    },
    "export.result_description": {
        "fr": (
            "Déclaration de {organisation} (acteurs : {actors} ; niveau : {level}) : {applicable} exigence(s) "
            "applicable(s), {gaps} écart(s)."
        ),
        "en": (
            "Declaration of {organisation} (actors: {actors}; level: {level}): {applicable} applicable "
            "requirement(s), {gaps} gap(s)."
        ),
    },
    "export.no_applicable": {
        "fr": "Aucune exigence ne s'applique à cette déclaration.",
        "en": "No requirement applies to this declaration.",
    },
    "export.outcome": {"fr": "Résultat : {outcome}", "en": "Outcome: {outcome}"},
    "export.justification": {"fr": "Justification déclarée : {value}", "en": "Declared justification: {value}"},
    "export.why_applies": {"fr": "S'applique : {reasons}", "en": "Applies: {reasons}"},
    "export.evidence_status": {"fr": "Preuve : {status} — {detail}", "en": "Evidence: {status} — {detail}"},
    "export.check_result": {
        "fr": "Contrôle {check} : {status} ({reasons})",
        "en": "Check {check}: {status} ({reasons})",
    },
    "export.evidence_file": {
        "fr": "Fichier de preuve, chemin relatif au dossier de la déclaration ({folder}).",
        "en": "Evidence file, path relative to the declaration's folder ({folder}).",
    },
    "export.catalog_title": {
        "fr": "Catalogue OSCAL du référentiel {id} {version}",
        "en": "OSCAL catalog of the referential {id} {version}",
    },
    "export.catalog_description": {
        "fr": "Produit par : psc-check referentiel export --format oscal (référentiel {id}).",
        "en": "Made by: psc-check referentiel export --format oscal (referential {id}).",
    },
    "export.import_ap": {
        "fr": (
            "psc-check n'écrit pas de plan d'évaluation : la référence désigne le catalogue OSCAL du référentiel, "
            "identifié par son UUID dans les annexes (back-matter)."
        ),
        "en": (
            "psc-check writes no assessment plan: the reference names the referential's OSCAL catalog, identified by "
            "its UUID in the back-matter."
        ),
    },
    # the command
    "cli.export_done": {
        "fr": "{path} : référentiel {id} exporté ({format}, {count} exigences)",
        "en": "{path}: referential {id} exported ({format}, {count} requirements)",
    },
    "error.export_suffix": {
        "fr": "{path} : un export {format} s'écrit dans un fichier {suffixes}",
        "en": "{path}: a {format} export is written to a {suffixes} file",
    },
}
