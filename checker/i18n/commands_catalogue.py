"""Messages of the commands that do not write a report: referential diff and migration, listings, the CLI."""

from __future__ import annotations

__all__ = ["COMMAND_MESSAGES"]

COMMAND_MESSAGES: dict[str, dict[str, str]] = {
    # referential diff: kinds of change, and what becomes of an answer
    "change.added": {"fr": "ajoutée", "en": "added"},
    "change.removed": {"fr": "retirée", "en": "removed"},
    "change.changed": {"fr": "modifiée", "en": "changed"},
    "change.renamed": {"fr": "renommée", "en": "renamed"},
    "change.split": {"fr": "scindée", "en": "split"},
    "change.merged": {"fr": "fusionnée", "en": "merged"},
    "move.carries_over": {"fr": "reprise", "en": "carries over"},
    "move.reconfirm": {"fr": "à reconfirmer", "en": "to reconfirm"},
    "move.reassess": {"fr": "à réévaluer", "en": "to reassess"},
    "move.obsolete": {"fr": "obsolète", "en": "obsolete"},
    "move.new": {"fr": "nouvelle", "en": "new"},
    "move_reason.new": {
        "fr": "nouvelle exigence applicable, sans réponse",
        "en": "new applicable requirement, unanswered",
    },
    "move_reason.unchanged": {"fr": "exigence inchangée", "en": "requirement unchanged"},
    "move_reason.absent": {"fr": "exigence absente des deux éditions", "en": "requirement absent from both editions"},
    "move_reason.removed": {
        "fr": "exigence retirée de la nouvelle édition",
        "en": "requirement removed from the new edition",
    },
    "move_reason.renamed_to": {"fr": "renommée en {new_id}", "en": "renamed to {new_id}"},
    "move_reason.changed": {"fr": "modifiée", "en": "changed"},
    "move_reason.same_content": {
        "fr": "exigence {how}, contenu inchangé",
        "en": "requirement {how}, content unchanged",
    },
    "move_reason.wording": {
        "fr": "exigence {how} : formulation changée ({fields})",
        "en": "requirement {how}: wording changed ({fields})",
    },
    "move_reason.scope": {
        "fr": "exigence {how} : portée ou obligation changée ({fields})",
        "en": "requirement {how}: scope or obligation changed ({fields})",
    },
    "move_reason.split": {"fr": "{old_id} scindée en {new_ids}", "en": "{old_id} split into {new_ids}"},
    "move_reason.merged": {"fr": "{old_ids} fusionnées en {new_id}", "en": "{old_ids} merged into {new_id}"},
    "diff.no_change": {"fr": "aucun changement", "en": "no change"},
    "diff.answers": {"fr": "Réponses : {counts}", "en": "Answers: {counts}"},
    "diff.move": {"fr": "[{verdict}] {old} → {new} : {why}", "en": "[{verdict}] {old} → {new}: {why}"},
    # migrated declaration (YAML comments)
    "migrate.head": {
        "fr": "Déclaration migrée de l'édition {old_version} vers {new_version} par psc-check diff.",
        "en": "Declaration migrated from edition {old_version} to {new_version} by psc-check diff.",
    },
    "migrate.obsolete_removed": {
        "fr": "Réponse obsolète retirée : {old_id} — {why}",
        "en": "Obsolete answer removed: {old_id} — {why}",
    },
    "migrate.note": {"fr": "{verdict} — {why}{was}", "en": "{verdict} — {why}{was}"},
    "migrate.was": {"fr": " (ancien statut de {old_id} : {status})", "en": " (former status of {old_id}: {status})"},
    "migrate.carries_over": {"fr": "REPRISE", "en": "CARRIES OVER"},
    "migrate.reconfirm": {"fr": "À RECONFIRMER", "en": "TO RECONFIRM"},
    "migrate.reassess": {"fr": "À RÉÉVALUER", "en": "TO REASSESS"},
    "migrate.new": {"fr": "NOUVELLE", "en": "NEW"},
    "migrate.obsolete": {"fr": "OBSOLÈTE", "en": "OBSOLETE"},
    # referential listings (referentiel list / show)
    "listing.count": {
        "fr": "{count} exigence(s) — {title} {version}",
        "en": "{count} requirement(s) — {title} {version}",
    },
    "show.obligation": {"fr": "Obligation : {value}", "en": "Obligation : {value}"},
    "show.theme": {"fr": "Thème      : {value}", "en": "Theme      : {value}"},
    "show.actors": {"fr": "Acteurs    : {value}", "en": "Actors     : {value}"},
    "show.levels": {"fr": "Niveaux    : {value}", "en": "Levels     : {value}"},
    "show.evidence": {"fr": "Preuves    : {kinds} — {description}", "en": "Evidence   : {kinds} — {description}"},
    "show.checks": {
        "fr": "Contrôles  : {checks} (psc-check check-evidence)",
        "en": "Checks     : {checks} (psc-check check-evidence)",
    },
    "show.deadline": {"fr": "Échéance   : {value}", "en": "Deadline   : {value}"},
    "show.remediation": {"fr": "Remédiation : {value}", "en": "Remediation : {value}"},
    "show.provenance": {"fr": "Provenance : {value}", "en": "Provenance : {value}"},
    "show.reference": {"fr": "réf. {scheme} {id}", "en": "ref. {scheme} {id}"},
    "show.note": {"fr": "note : {value}", "en": "note: {value}"},
    "show.conflict": {"fr": "conflit de sources : {value}", "en": "conflicting sources: {value}"},
    # command-line messages (errors and warnings are shown in English for now: the French text is ready)
    "cli.init_done": {
        "fr": "{path}: déclaration créée ({count} exigences à renseigner)",
        "en": "{path}: declaration created ({count} requirements to fill in)",
    },
    "cli.validate_scope": {
        "fr": (
            "validate examine la déclaration (schéma, cohérence, habilitations, parcours, dates) ; "
            "le contenu des preuves et le verdict relèvent de psc-check evaluate"
        ),
        "en": (
            "validate checks the declaration (schema, consistency, habilitations, parcours, dates); "
            "the evidence files' content and the verdict are left to psc-check evaluate"
        ),
    },
    "cli.portfolio_done": {
        "fr": "{count} déclaration(s) évaluée(s), {ready} prête(s), {errors} en erreur",
        "en": "{count} declaration(s) evaluated, {ready} ready, {errors} in error",
    },
    "cli.referential_ok": {
        "fr": "{path}: OK — {id} {version}, {count} exigences",
        "en": "{path}: OK — {id} {version}, {count} requirements",
    },
    "error.choose_one_of": {"fr": "choisissez parmi : {choices}", "en": "choose one of: {choices}"},
    "error.unknown_value": {
        "fr": "{option} : valeur inconnue `{value}` — {hint}",
        "en": "{option}: unknown value `{value}` — {hint}",
    },
    "error.see_list": {"fr": "voir `psc-check referentiel list`", "en": "see `psc-check referentiel list`"},
    "error.unknown_requirement": {
        "fr": "exigence inconnue `{id}` — {hint}",
        "en": "unknown requirement `{id}` — {hint}",
    },
    "error.cannot_be_checked": {
        "fr": (
            "{path} : contrôle impossible : {reason} — voir `psc-check check-evidence --help` pour les fichiers "
            "qu'accepte chaque --kind"
        ),
        "en": "{path}: cannot be checked: {reason} — see `psc-check check-evidence --help` for the files each --kind accepts",
    },
    "warning.migrated_elsewhere": {
        "fr": (
            "les chemins des preuves restent relatifs au dossier de la déclaration ; "
            "écrivez {output} à côté de {declaration} pour qu'ils restent valides"
        ),
        "en": (
            "evidence paths stay relative to the declaration's folder; "
            "write {output} beside {declaration} to keep them valid"
        ),
    },
    "error.output_needs_declaration": {
        "fr": "-o demande --declaration : il n'y a rien à migrer",
        "en": "-o needs --declaration: there is nothing to migrate",
    },
}
