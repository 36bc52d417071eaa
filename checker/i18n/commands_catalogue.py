"""Messages of the commands that do not write a report: referential diff and migration, listings, the CLI."""

from __future__ import annotations

from checker.i18n import Entries

__all__ = ["COMMAND_MESSAGES"]

COMMAND_MESSAGES: Entries = {
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
        "fr": "{count} exigence — {title} {version}|{count} exigences — {title} {version}",
        "en": "{count} requirement — {title} {version}|{count} requirements — {title} {version}",
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
    "show.locator": {"fr": "localisation [{source}] : {at}", "en": "locator [{source}]: {at}"},
    "show.quote": {"fr": "citation [{source}] : « {text} »", "en": "quote [{source}]: “{text}”"},
    "show.inheritance": {
        "fr": "Héritage (metadata.actor_inheritance) :",
        "en": "Inheritance (metadata.actor_inheritance):",
    },
    "show.inherited": {
        "fr": "{actor} prend cette obligation de {inherits} : {rationale}",
        "en": "{actor} takes this obligation from {inherits}: {rationale}",
    },
    "show.freshness": {"fr": "Fraîcheur  : {rules}", "en": "Freshness  : {rules}"},
    "show.max_age": {"fr": "preuve de moins de {days} jours", "en": "evidence less than {days} days old"},
    "show.min_remaining": {
        "fr": "encore valide au moins {days} jours",
        "en": "still valid for at least {days} days",
    },
    "show.policy": {
        "fr": " — politique {by} « {name} » (pas une exigence de l'ANS) : {rationale}",
        "en": " — {by} policy “{name}” (not an ANS requirement): {rationale}",
    },
    # command-line messages (errors and warnings are shown in English for now: the French text is ready)
    "cli.init_done": {
        "fr": "{path}: déclaration créée ({count} exigences à renseigner)",
        "en": "{path}: declaration created ({count} requirements to fill in)",
    },
    # dossier build and verify
    "dossier.written": {
        "fr": "Dossier écrit : {path} — {files} fichiers, verdict {verdict}",
        "en": "Dossier written: {path} — {files} files, verdict {verdict}",
    },
    "dossier.no_pdf": {
        "fr": "Sans rapport PDF : WeasyPrint n'est pas installé (pip install 'psc-checker[pdf]').",
        "en": "No PDF report: WeasyPrint is not installed (pip install 'psc-checker[pdf]').",
    },
    "dossier.readme": {
        "fr": (
            "Dossier de conformité Pro Santé Connect\n"
            "======================================\n\n"
            "Organisation : {organisation}\n"
            "Produit ou service : {subject}\n"
            "Date d'évaluation : {as_of}\n"
            "Référentiel : {referential}\n"
            "Verdict : {verdict} (score {score} %)\n"
            "Produit par : {tool}\n\n"
            "Ce dossier contient la déclaration de l'éditeur (dossier declaration/, avec les fichiers qu'elle étend\n"
            "et les preuves qu'elle cite, à leurs chemins relatifs ; hors-dossier/ pour les preuves prises hors de\n"
            "son dossier), les rapports d'évaluation (rapports/ : JSON, HTML, PDF, matrice xlsx), le fichier\n"
            "d'audit s'il y en a un (audit/), le fichier de dérogations s'il y en a un (derogations/) et\n"
            "MANIFEST.json, qui donne la taille et l'empreinte sha256 de chaque\n"
            "fichier, l'édition du référentiel et son empreinte, la date d'évaluation et le verdict.\n\n"
            "Pour le vérifier :\n\n"
            "    pip install psc-checker\n"
            "    psc-check dossier verify DOSSIER.zip\n\n"
            "La vérification recalcule chaque empreinte, réévalue la déclaration à partir des seuls fichiers du\n"
            "dossier, avec le même référentiel et à la même date, et compare le verdict et les constats au rapport\n"
            "JSON. Code 0 : tout concorde ; 1 : des différences, listées ; 2 : dossier illisible ou suspect.\n"
        ),
        "en": (
            "Pro Santé Connect compliance dossier\n"
            "====================================\n\n"
            "Organisation: {organisation}\n"
            "Product or service: {subject}\n"
            "Evaluation date: {as_of}\n"
            "Referential: {referential}\n"
            "Verdict: {verdict} (score {score} %)\n"
            "Made by: {tool}\n\n"
            "This dossier holds the vendor's declaration (folder declaration/, with the files it extends and the\n"
            "evidence it cites, at their relative paths; hors-dossier/ for evidence taken from outside its folder),\n"
            "the evaluation reports (rapports/: JSON, HTML, PDF, xlsx matrix), the audit file if any (audit/), the\n"
            "waivers file if any (derogations/) and\n"
            "MANIFEST.json, which gives each file's size and sha256, the referential edition and its sha256, the\n"
            "evaluation date and the verdict.\n\n"
            "To check it:\n\n"
            "    pip install psc-checker\n"
            "    psc-check dossier verify DOSSIER.zip\n\n"
            "Checking recomputes every hash, re-evaluates the declaration from the dossier's files alone, with the\n"
            "same referential and date, and compares the verdict and findings with the JSON report. Exit 0: all\n"
            "matches; 1: differences, listed; 2: the dossier is unreadable or suspect.\n"
        ),
    },
    "dossier.verified": {
        "fr": "Dossier vérifié : {files} fichiers intacts, verdict reproduit au {as_of} ({verdict}, score {score} %)",
        "en": "Dossier verified: {files} files intact, verdict reproduced as of {as_of} ({verdict}, score {score} %)",
    },
    "dossier.differences": {
        "fr": "{count} différence|{count} différences",
        "en": "{count} difference|{count} differences",
    },
    "dossier.diff.missing": {"fr": "fichier absent : {path}", "en": "missing file: {path}"},
    "dossier.diff.extra": {"fr": "fichier en trop : {path}", "en": "extra file: {path}"},
    "dossier.diff.changed": {
        "fr": "fichier modifié : {path} (sha256 {actual}…, le manifeste dit {expected}…)",
        "en": "changed file: {path} (sha256 {actual}…, the manifest says {expected}…)",
    },
    "dossier.diff.report_unreadable": {
        "fr": "rapport JSON illisible : {path}",
        "en": "unreadable JSON report: {path}",
    },
    "dossier.diff.manifest_verdict": {
        "fr": "le verdict du rapport {path} ({report}) n'est pas celui du manifeste ({manifest})",
        "en": "the verdict of report {path} ({report}) is not the manifest's ({manifest})",
    },
    "dossier.diff.referential": {
        "fr": (
            "dossier fait avec le référentiel {made} (sha256 {made_sha}…), psc-check fournit {here} "
            "(sha256 {here_sha}…) : pas de réévaluation ; --referentiel FICHIER pour réévaluer avec une édition"
        ),
        "en": (
            "dossier made with referential {made} (sha256 {made_sha}…), psc-check bundles {here} "
            "(sha256 {here_sha}…): not re-evaluated; --referentiel FILE to re-evaluate with an edition"
        ),
    },
    "dossier.diff.referential_given": {
        "fr": "dossier fait avec le référentiel {made} (sha256 {made_sha}…), réévalué avec {here} (sha256 {here_sha}…)",
        "en": "dossier made with referential {made} (sha256 {made_sha}…), re-evaluated with {here} (sha256 {here_sha}…)",
    },
    "dossier.diff.unevaluable": {
        "fr": "la déclaration du dossier ne peut être réévaluée : {error}",
        "en": "the dossier's declaration cannot be re-evaluated: {error}",
    },
    "dossier.diff.verdict": {
        "fr": "verdict différent : dossier {recorded}, réévaluation {fresh}",
        "en": "verdict differs: dossier {recorded}, re-evaluation {fresh}",
    },
    "dossier.diff.finding_recorded_only": {
        "fr": "{requirement} : constat du dossier absent de la réévaluation",
        "en": "{requirement}: finding of the dossier absent from the re-evaluation",
    },
    "dossier.diff.finding_fresh_only": {
        "fr": "{requirement} : constat de la réévaluation absent du dossier",
        "en": "{requirement}: finding of the re-evaluation absent from the dossier",
    },
    "dossier.diff.outcome": {
        "fr": "{requirement} : résultat {recorded} dans le dossier, {fresh} à la réévaluation",
        "en": "{requirement}: outcome {recorded} in the dossier, {fresh} on re-evaluation",
    },
    "dossier.diff.evidence": {
        "fr": "{requirement} : preuve {path} désormais « {status} »",
        "en": "{requirement}: evidence {path} now « {status} »",
    },
    "dossier.diff.evidence_hash": {
        "fr": "{requirement} : preuve {path} d'empreinte {actual}…, la déclaration dit {declared}…",
        "en": "{requirement}: evidence {path} has sha256 {actual}…, the declaration says {declared}…",
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
