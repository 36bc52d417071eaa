"""The message catalogue: key → {fr, en}. Parameters use ``str.format`` names."""

from __future__ import annotations

from checker.i18n import Entries
from checker.i18n.checks_catalogue import CHECK_MESSAGES
from checker.i18n.click_catalogue import CLICK_MESSAGES
from checker.i18n.commands_catalogue import COMMAND_MESSAGES
from checker.i18n.errors_catalogue import ERROR_MESSAGES
from checker.i18n.evidence_catalogue import EVIDENCE_MESSAGES
from checker.i18n.export_catalogue import EXPORT_MESSAGES
from checker.i18n.labels_catalogue import LABEL_MESSAGES
from checker.i18n.matrix_catalogue import MATRIX_MESSAGES
from checker.i18n.probe_catalogue import PROBE_MESSAGES
from checker.i18n.terms_catalogue import TERM_MESSAGES

__all__ = ["CATALOGUE"]

CATALOGUE: Entries = {
    "text.verbatim": {"fr": "{text}", "en": "{text}"},
    "text.by_lang": {"fr": "{fr}", "en": "{en}"},  # a text the referential gives in both languages
    # outcomes
    "outcome.compliant": {"fr": "conforme", "en": "compliant"},
    "outcome.partial": {"fr": "partiel", "en": "partial"},
    "outcome.non_compliant": {"fr": "non conforme", "en": "non-compliant"},
    "outcome.not_applicable": {"fr": "non applicable", "en": "not applicable"},
    "outcome.unanswered": {"fr": "sans réponse", "en": "unanswered"},
    "outcome.unsupported": {"fr": "non étayé", "en": "unsupported"},
    "outcome.waived": {"fr": "dérogé", "en": "waived"},
    # statuses
    "status.compliant": {"fr": "conforme", "en": "compliant"},
    "status.partial": {"fr": "partiel", "en": "partial"},
    "status.non_compliant": {"fr": "non conforme", "en": "non-compliant"},
    "status.not_applicable": {"fr": "non applicable", "en": "not applicable"},
    "status.not_assessed": {"fr": "non évalué", "en": "not assessed"},
    "status.none": {"fr": "—", "en": "—"},
    # obligations
    "obligation.mandatory": {"fr": "obligatoire", "en": "mandatory"},
    "obligation.recommended": {"fr": "recommandée", "en": "recommended"},
    # severities
    "severity.error": {"fr": "erreur", "en": "error"},
    "severity.warning": {"fr": "avertissement", "en": "warning"},
    "severity.info": {"fr": "information", "en": "information"},
    # assurance levels
    "assurance.declared": {"fr": "déclarative", "en": "declared"},
    "assurance.present": {"fr": "présente", "en": "present"},
    "assurance.typed": {"fr": "typée", "en": "typed"},
    "assurance.machine_verified": {"fr": "vérifiée automatiquement", "en": "machine-verified"},
    "assurance.auditor_confirmed": {"fr": "confirmée par l'auditeur", "en": "auditor-confirmed"},
    # evidence statuses
    "evidence.ok": {"fr": "valide", "en": "valid"},
    "evidence.missing": {"fr": "fichier absent", "en": "file missing"},
    "evidence.outside": {"fr": "hors du dossier de la déclaration", "en": "outside the declaration's folder"},
    "evidence.unreadable": {"fr": "illisible", "en": "unreadable"},
    "evidence.hash_mismatch": {"fr": "empreinte sha256 différente", "en": "sha256 mismatch"},
    "evidence.stale": {"fr": "trop ancienne", "en": "stale"},
    "evidence.expired": {"fr": "expirée", "en": "expired"},
    "evidence.wrong_environment": {"fr": "mauvais environnement", "en": "wrong environment"},
    "evidence.no_environment": {"fr": "environnement non dit", "en": "environment not stated"},
    "evidence.undated": {"fr": "date manquante", "en": "date missing"},
    "evidence.future": {"fr": "datée après la date d'évaluation", "en": "dated after the evaluation date"},
    "evidence.not_hashed": {
        "fr": "empreinte non calculée : budget de hachage de l'évaluation épuisé",
        "en": "not checked: the evaluation's hashing budget is spent",
    },
    "problem.hash_budget": {
        "fr": (
            "budget de hachage épuisé ({bytes} ou {seconds} s par évaluation) : {count} preuve(s) sans empreinte calculée — "
            "citez moins de fichiers volumineux, ou évaluez-les en plusieurs déclarations"
        ),
        "en": (
            "hashing budget spent ({bytes} or {seconds} s per evaluation): {count} evidence file(s) not checked — "
            "cite fewer large files, or evaluate them in several declarations"
        ),
    },
    # applicability reasons
    "why.actor": {
        "fr": "vous déclarez l'acteur {actors}, visé par l'exigence",
        "en": "you declare actor {actors}, bound by the requirement",
    },
    "why.inherited": {
        "fr": "vous déclarez l'acteur {actor}, qui prend les obligations de {inherits} selon la règle d'héritage du référentiel ({rationale})",
        "en": "you declare actor {actor}, which takes the obligations of {inherits} under the referential's inheritance rule ({rationale})",
    },
    "why.level": {
        "fr": "niveau {level} : l'exigence relève de {levels}",
        "en": "level {level}: the requirement belongs to {levels}",
    },
    "why.features_all": {"fr": "caractéristiques déclarées : {features}", "en": "declared features: {features}"},
    "why.features_any": {
        "fr": "au moins une caractéristique déclarée : {features}",
        "en": "at least one declared feature: {features}",
    },
    "why.features_none": {"fr": "aucune des caractéristiques : {features}", "en": "none of the features: {features}"},
    "why.parcours": {"fr": "parcours {parcours}", "en": "connection path {parcours}"},
    # outcome reasons
    "reason.no_answer": {"fr": "aucune réponse pour cette exigence", "en": "no answer for this requirement"},
    "reason.not_assessed": {"fr": "réponse « non évalué »", "en": "answer is “not assessed”"},
    "reason.declared": {"fr": "statut déclaré : {status}", "en": "declared status: {status}"},
    "reason.no_evidence": {
        "fr": "conforme déclaré sans preuve, alors qu'une preuve est attendue ({kinds})",
        "en": "claimed compliant with no evidence, though evidence is expected ({kinds})",
    },
    "reason.evidence_failed": {"fr": "preuve {path} : {status}", "en": "evidence {path}: {status}"},
    "reason.assurance_declared": {
        "fr": "preuve présente mais sans sha256 déclaré : rien ne montre qu'elle n'a pas changé ({count} sur {total})",
        "en": "evidence present but with no declared sha256: nothing shows it has not changed ({count} of {total})",
    },
    "reason.assurance_present": {
        "fr": "preuve présente, empreinte conforme, type non vérifiable automatiquement ({count} sur {total})",
        "en": "evidence present, hash matching, kind not checkable automatically ({count} of {total})",
    },
    "reason.assurance_typed": {
        "fr": (
            "preuve présente, empreinte conforme, contenu reconnu ({kinds}), "
            "aucun contrôle automatique concluant ({count} sur {total})"
        ),
        "en": (
            "evidence present, hash matching, content recognised ({kinds}), "
            "no automated check concluded ({count} of {total})"
        ),
    },
    "reason.assurance_machine_verified": {
        "fr": "preuve vérifiée automatiquement ({count} sur {total})",
        "en": "evidence verified automatically ({count} of {total})",
    },
    "reason.kind_mismatch": {
        "fr": "preuve {path} : type attendu {kinds}, {seen}",
        "en": "evidence {path}: expected kind {kinds}, {seen}",
    },
    "seen.declared": {"fr": "déclarée de type {kind}", "en": "declared as {kind}"},
    "seen.recognised": {"fr": "contenu reconnu comme {kind}", "en": "content recognised as {kind}"},
    "seen.declared_unrecognised": {
        "fr": "déclarée de type {kind} mais contenu non reconnu comme tel",
        "en": "declared as {kind} but its content is not recognised as such",
    },
    "seen.nothing": {
        "fr": "contenu non reconnu et aucun type déclaré",
        "en": "content not recognised and no kind declared",
    },
    "reason.no_expected_kind": {
        "fr": "conforme déclaré, mais aucune preuve du type attendu ({kinds}) : affirmation non étayée",
        "en": "claimed compliant, but no evidence of an expected kind ({kinds}): unsupported claim",
    },
    "reason.evidence_no_hash": {
        "fr": "preuve {path} sans sha256 : non infalsifiable (une modification du fichier passerait inaperçue)",
        "en": "evidence {path} has no sha256: not tamper-evident (a change to the file would go unnoticed)",
    },
    "reason.assurance_below": {
        "fr": "niveau d'assurance {level}, inférieur au niveau exigé ({required}, --require-assurance)",
        "en": "assurance level {level}, below the required level ({required}, --require-assurance)",
    },
    "reason.assurance_no_hash": {
        "fr": "preuve {path} sans sha256 : non infalsifiable, refusée au niveau exigé ({required}, --require-assurance)",
        "en": "evidence {path} has no sha256: not tamper-evident, refused at the required level ({required}, --require-assurance)",
    },
    "problem.evidence_no_hash": {
        "fr": "{requirement} : la preuve {path} n'a pas de sha256, elle n'est pas infalsifiable — ajoutez son empreinte (sha256sum)",
        "en": "{requirement}: evidence {path} has no sha256, it is not tamper-evident — add its hash (sha256sum)",
    },
    "reason.no_evidence_expected": {
        "fr": "aucune preuve exigée pour cette exigence",
        "en": "no evidence required for this requirement",
    },
    "reason.na_without_justification": {
        "fr": "non applicable sans justification sur une exigence obligatoire",
        "en": "not applicable without justification on a mandatory requirement",
    },
    "reason.auditor": {"fr": "verdict de l'auditeur : {verdict}", "en": "auditor's verdict: {verdict}"},
    "reason.waived": {
        "fr": "dérogation {reference} accordée par {granted_by}, en vigueur jusqu'au {expires}",
        "en": "waiver {reference} granted by {granted_by}, in force until {expires}",
    },
    "reason.waiver_expired": {
        "fr": "la dérogation {reference} a expiré le {expires} : l'écart compte de nouveau",
        "en": "waiver {reference} expired on {expires}: the gap counts again",
    },
    "evidence.detailed": {"fr": "{status}{detail}", "en": "{status}{detail}"},
    # evidence details
    "detail.hash": {"fr": " (attendu {expected}…, obtenu {actual}…)", "en": " (expected {expected}…, got {actual}…)"},
    "detail.stale": {
        "fr": " (collectée le {collected}, plus de {days} jours avant le {as_of})",
        "en": " (collected {collected}, more than {days} days before {as_of})",
    },
    "detail.expired": {"fr": " (expirée le {expires})", "en": " (expired on {expires})"},
    "detail.with_policy": {"fr": "{detail}{policy}", "en": "{detail}{policy}"},
    "detail.policy": {
        "fr": " — seuil fixé par la politique psc-check « {policy} », pas par l'ANS : {rationale}",
        "en": " — threshold set by psc-check policy “{policy}”, not by the ANS: {rationale}",
    },
    "detail.remaining": {
        "fr": " (expire le {expires} : moins de {days} jours de validité restante)",
        "en": " (expires {expires}: less than {days} days left)",
    },
    "detail.environment": {"fr": " ({actual} au lieu de {expected})", "en": " ({actual} instead of {expected})"},
    "detail.no_environment": {
        "fr": (
            " (l'environnement attendu est {expected} : ni la preuve (environment) ni la déclaration "
            "(subject.psc_environment) ne disent le sien — renseignez l'un ou l'autre)"
        ),
        "en": (
            " (the expected environment is {expected}: neither the evidence (environment) nor the declaration "
            "(subject.psc_environment) states one — set one or the other)"
        ),
    },
    "detail.undated_collected": {
        "fr": " (date de collecte requise par la règle de fraîcheur)",
        "en": " (collection date required by the freshness rule)",
    },
    "detail.undated_expires": {
        "fr": " (date d'expiration requise par la règle de fraîcheur)",
        "en": " (expiry date required by the freshness rule)",
    },
    "detail.os": {"fr": " ({error})", "en": " ({error})"},
    # problems
    "problem.habilitation_missing": {
        "fr": "{actor} s'appuie sur l'habilitation {dependency}, qui n'est pas déclarée dans habilitations.relied_upon",
        "en": "{actor} relies on a {dependency} habilitation, which is not declared under habilitations.relied_upon",
    },
    "problem.habilitation_expired": {
        "fr": "l'habilitation {dependency} {reference} accordée le {granted} a expiré le {expires} (validité {years} ans)",
        "en": "the {dependency} habilitation {reference} granted {granted} expired on {expires} ({years}-year validity)",
    },
    "problem.habilitation_future": {
        "fr": "l'habilitation {dependency} {reference} est datée après la date d'évaluation ({granted})",
        "en": "the {dependency} habilitation {reference} is dated after the evaluation date ({granted})",
    },
    "problem.habilitation_environment": {
        "fr": "l'habilitation {dependency} {reference} relève de l'environnement {actual}, attendu {expected}",
        "en": "the {dependency} habilitation {reference} is in environment {actual}, expected {expected}",
    },
    "problem.habilitation_unused": {
        "fr": "habilitation {dependency} déclarée alors qu'aucun acteur déclaré ne s'appuie sur elle",
        "en": "{dependency} habilitation declared though no declared actor relies on it",
    },
    "problem.held_expired": {
        "fr": "votre habilitation {dependency} {reference} a expiré le {expires} : demandez son renouvellement",
        "en": "your {dependency} habilitation {reference} expired on {expires}: request its renewal",
    },
    "problem.held_not_declared_actor": {
        "fr": "habilitation détenue pour {dependency}, acteur non déclaré dans actors",
        "en": "habilitation held for {dependency}, an actor not declared under actors",
    },
    "problem.parcours_order": {
        "fr": "étape « {step} » terminée le {date} avant l'étape précédente « {previous} » ({previous_date})",
        "en": "step “{step}” completed on {date} before the previous step “{previous}” ({previous_date})",
    },
    "problem.parcours_skipped": {
        "fr": "étape « {step} » terminée alors que l'étape précédente « {previous} » ne l'est pas",
        "en": "step “{step}” completed although the previous step “{previous}” is not",
    },
    "problem.parcours_future": {
        "fr": "étape « {step} » datée après la date d'évaluation ({date})",
        "en": "step “{step}” dated after the evaluation date ({date})",
    },
    "problem.nothing_applies": {
        "fr": (
            "aucune exigence ne s'applique à cette déclaration (acteur(s) {actors}, niveau {level}, parcours {parcours}, "
            "fonctionnalités déclarées {features}) : une déclaration sans exigence applicable n'est jamais prête"
        ),
        "en": (
            "no requirement applies to this declaration (actor(s) {actors}, level {level}, path {parcours}, "
            "declared features {features}): a declaration with nothing applicable is never ready"
        ),
    },
    "problem.nothing_applies.none": {"fr": "aucun(e)", "en": "none"},
    "problem.siren_missing": {
        "fr": "SIREN de l'organisation non renseigné (organisation.siren)",
        "en": "organisation SIREN not given (organisation.siren)",
    },
    "problem.parcours_missing": {"fr": "aucun parcours de raccordement déclaré", "en": "no connection path declared"},
    "problem.na_without_justification": {
        "fr": "{requirement} : non applicable sans justification sur une exigence obligatoire",
        "en": "{requirement}: not applicable without justification on a mandatory requirement",
    },
    "problem.gap_without_justification": {
        "fr": "{requirement} : statut {status} sans justification",
        "en": "{requirement}: status {status} without justification",
    },
    "problem.answer_not_applicable": {
        "fr": "{requirement} : réponse à une exigence qui ne s'applique pas à vos acteurs, niveau ou caractéristiques",
        "en": "{requirement}: answer to a requirement that does not apply to your actors, level or features",
    },
    "problem.planned_past": {
        "fr": "{requirement} : date de mise en conformité prévue ({planned}) dépassée",
        "en": "{requirement}: planned remediation date ({planned}) has passed",
    },
    "problem.evidence_outside": {
        "fr": "{requirement} : la preuve {path} sort du dossier de la déclaration",
        "en": "{requirement}: evidence {path} is outside the declaration's folder",
    },
    "label.source": {"fr": "Réponse héritée de", "en": "Answer inherited from"},
    "label.portfolio_title": {"fr": "Portefeuille Pro Santé Connect", "en": "Pro Santé Connect portfolio"},
    "label.declarations": {"fr": "Déclarations", "en": "Declarations"},
    "label.key": {"fr": "Clé", "en": "Key"},
    "label.lapses_90": {"fr": "Expirations à 90 j", "en": "Lapses within 90 days"},
    "label.heatmap": {
        "fr": "Carte des résultats (exigence × déclaration)",
        "en": "Outcome map (requirement × declaration)",
    },
    "label.most_missed": {"fr": "Exigences le plus souvent manquées", "en": "Requirements most often missed"},
    "label.missed": {"fr": "Manquée", "en": "Missed"},
    "label.habilitation_graph": {
        "fr": "Graphe des habilitations entre déclarations",
        "en": "Habilitation graph across declarations",
    },
    "label.no_links": {"fr": "Aucune habilitation sollicitée.", "en": "No habilitation relied upon."},
    "label.relying": {"fr": "Déclaration qui s'appuie", "en": "Relying declaration"},
    "label.holder_declaration": {"fr": "Déclaration titulaire", "en": "Holder declaration"},
    "label.unreadable_files": {"fr": "Fichiers non évalués", "en": "Files not evaluated"},
    "label.file": {"fr": "Fichier", "en": "File"},
    "sheet.portfolio_missed": {"fr": "Plus manquées", "en": "Most missed"},
    "sheet.portfolio_map": {"fr": "Carte", "en": "Map"},
    "label.legend": {"fr": "Légende", "en": "Legend"},
    "linkstatus.resolved": {"fr": "résolue", "en": "resolved"},
    "linkstatus.unknown_reference": {"fr": "référence inconnue", "en": "unknown reference"},
    "linkstatus.actor_mismatch": {"fr": "acteur différent", "en": "actor mismatch"},
    "linkstatus.expired": {"fr": "expirée", "en": "expired"},
    "linkstatus.holder_not_ready": {"fr": "titulaire pas prêt", "en": "holder not ready"},
    # portfolio: habilitation links across declarations
    "link.resolved": {
        "fr": "habilitation {actor} {reference} détenue par {holder}, valide, titulaire prêt",
        "en": "{actor} habilitation {reference} held by {holder}, valid, holder ready",
    },
    "link.unknown_reference": {
        "fr": "habilitation {actor} {reference} : aucune déclaration du portefeuille ne la détient",
        "en": "{actor} habilitation {reference}: no declaration of the portfolio holds it",
    },
    "link.actor_mismatch": {
        "fr": "habilitation {reference} détenue par {holder} pour un autre acteur que {actor}",
        "en": "habilitation {reference} held by {holder} for an actor other than {actor}",
    },
    "link.expired": {
        "fr": "habilitation {actor} {reference} ({holder}) expirée",
        "en": "{actor} habilitation {reference} ({holder}) expired",
    },
    "link.holder_not_ready": {
        "fr": "habilitation {actor} {reference} : le titulaire {holder} n'est pas prêt",
        "en": "{actor} habilitation {reference}: holder {holder} is not ready",
    },
    # regressions against a baseline report
    "regression.new_gap": {
        "fr": "{requirement} : nouvel écart ({before} → {after})",
        "en": "{requirement}: new gap ({before} → {after})",
    },
    "regression.downgraded": {
        "fr": "{requirement} : résultat dégradé ({before} → {after})",
        "en": "{requirement}: outcome downgraded ({before} → {after})",
    },
    "regression.evidence_removed": {
        "fr": "{requirement} : preuve {path} retirée",
        "en": "{requirement}: evidence {path} removed",
    },
    "regression.evidence_changed": {
        "fr": "{requirement} : preuve {path} modifiée (sha256 différent)",
        "en": "{requirement}: evidence {path} changed (different sha256)",
    },
    "regression.problem_added": {"fr": "nouveau problème : {problem}", "en": "new problem: {problem}"},
    "label.regressions": {
        "fr": "Régressions depuis la soumission précédente",
        "en": "Regressions since the previous submission",
    },
    "label.no_regressions": {
        "fr": "Aucune régression par rapport à la soumission précédente.",
        "en": "No regression against the previous submission.",
    },
    "label.baseline": {
        "fr": "Référence : rapport du {as_of} ({path}), score {score}",
        "en": "Baseline: report of {as_of} ({path}), score {score}",
    },
    # lapses and deadlines
    "lapse.evidence": {"fr": "preuve {path} ({requirement})", "en": "evidence {path} ({requirement})"},
    "lapse.habilitation": {"fr": "habilitation {actor} {reference}", "en": "habilitation {actor} {reference}"},
    "lapse.waiver": {"fr": "dérogation {reference} ({requirement})", "en": "waiver {reference} ({requirement})"},
    "deadline.effective": {"fr": "entrée en vigueur", "en": "comes into force"},
    "deadline.deadline": {"fr": "échéance", "en": "deadline"},
    # headings and labels
    "label.verdict_ready": {"fr": "PRÊT", "en": "READY"},
    "label.verdict_not_ready": {"fr": "PAS PRÊT", "en": "NOT READY"},
    "label.verdict_ready_waiver": {"fr": "PRÊT, avec 1 dérogation", "en": "READY, with 1 waiver"},
    "label.verdict_ready_waivers": {"fr": "PRÊT, avec {count} dérogations", "en": "READY, with {count} waivers"},
    "label.waivers": {"fr": "Dérogations", "en": "Waivers"},
    "label.waiver_line": {
        "fr": "{requirement} — {state} — {reference}, accordée par {granted_by} le {granted}, expire le {expires}",
        "en": "{requirement} — {state} — {reference}, granted by {granted_by} on {granted}, expires {expires}",
    },
    "label.waiver_requirement": {"fr": "Exigence", "en": "Requirement"},
    "label.waiver_state": {"fr": "État", "en": "State"},
    "label.waiver_reference": {"fr": "Référence", "en": "Reference"},
    "label.waiver_granted_by": {"fr": "Accordée par", "en": "Granted by"},
    "label.waiver_granted": {"fr": "Accordée le", "en": "Granted on"},
    "label.waiver_expires": {"fr": "Expire le", "en": "Expires on"},
    "label.waiver_justification": {"fr": "Justification", "en": "Justification"},
    "label.waiver_measure": {"fr": "Mesure compensatoire", "en": "Compensating measure"},
    "label.waiver_source": {"fr": "Fichier", "en": "File"},
    "label.waivers_file": {
        "fr": "Fichier de dérogations : {path} ({count} dérogations, sha256 {sha256})",
        "en": "Waivers file: {path} ({count} waivers, sha256 {sha256})",
    },
    "waiver.in_force": {"fr": "en vigueur", "en": "in force"},
    "waiver.expired": {"fr": "expirée", "en": "expired"},
    "waiver.not_yet": {"fr": "pas encore en vigueur", "en": "not yet in force"},
    "waiver.not_needed": {"fr": "sans écart à couvrir", "en": "no gap to cover"},
    "label.report_title": {"fr": "Rapport d'écarts Pro Santé Connect", "en": "Pro Santé Connect gap report"},
    "label.organisation": {"fr": "Organisation", "en": "Organisation"},
    "label.subject": {"fr": "Produit ou service", "en": "Product or service"},
    "label.actors": {"fr": "Acteurs", "en": "Actors"},
    "label.level": {"fr": "Niveau", "en": "Level"},
    "label.parcours": {"fr": "Parcours", "en": "Connection path"},
    "label.as_of": {"fr": "Date d'évaluation", "en": "Evaluation date"},
    "label.referential": {"fr": "Référentiel", "en": "Referential"},
    "label.declaration": {"fr": "Déclaration", "en": "Declaration"},
    "label.verdict": {"fr": "Verdict", "en": "Verdict"},
    "label.score": {"fr": "Score", "en": "Score"},
    "label.applicable": {"fr": "Exigences applicables", "en": "Applicable requirements"},
    "label.mandatory_gaps": {"fr": "Écarts obligatoires", "en": "Mandatory gaps"},
    "label.summary": {"fr": "Synthèse", "en": "Summary"},
    "label.by_outcome": {"fr": "Par résultat", "en": "By outcome"},
    "label.by_theme": {"fr": "Par thème", "en": "By theme"},
    "label.by_obligation": {"fr": "Par obligation", "en": "By obligation"},
    "label.gaps": {"fr": "Écarts, par priorité", "en": "Gaps, by priority"},
    "label.gap_count": {"fr": "Écarts", "en": "Gaps"},
    "label.no_gaps": {"fr": "Aucun écart.", "en": "No gaps."},
    "label.requirement": {"fr": "Exigence", "en": "Requirement"},
    "label.theme": {"fr": "Thème", "en": "Theme"},
    "label.obligation": {"fr": "Obligation", "en": "Obligation"},
    "label.declared_status": {"fr": "Statut déclaré", "en": "Declared status"},
    "label.outcome": {"fr": "Résultat", "en": "Outcome"},
    "label.reasons": {"fr": "Raisons", "en": "Reasons"},
    "label.why_applies": {"fr": "Pourquoi elle s'applique", "en": "Why it applies"},
    "label.policy": {"fr": "Politique psc-check", "en": "psc-check policy"},
    "label.policy_line": {
        "fr": "« {policy} » ({values}) — choix de psc-check, pas une exigence de l'ANS : {rationale}",
        "en": "“{policy}” ({values}) — psc-check's choice, not an ANS requirement: {rationale}",
    },
    "label.policy_overridden": {
        "fr": "valeur remplacée par le fichier de politique",
        "en": "value replaced by the policy file",
    },
    "label.policy_max_age": {"fr": "preuve de moins de {days} jours", "en": "evidence under {days} days old"},
    "label.policy_min_remaining": {
        "fr": "encore valide au moins {days} jours",
        "en": "still valid for at least {days} days",
    },
    "label.policy_file": {"fr": "Fichier de politique", "en": "Policy file"},
    "label.policy_override": {
        "fr": "{policy} : {setting} {before} → {after}",
        "en": "{policy}: {setting} {before} → {after}",
    },
    "label.policy_no_override": {
        "fr": "aucune valeur changée",
        "en": "no value changed",
    },
    "label.source_locator": {"fr": "Source (localisation)", "en": "Source (locator)"},
    "label.quoted": {"fr": "« {text} »", "en": "“{text}”"},
    "label.source_quote": {"fr": "Citation de la source", "en": "Source quote"},
    "label.remediation": {"fr": "Remédiation attendue", "en": "Expected remediation"},
    "label.evidence_expected": {"fr": "Preuves à produire", "en": "Evidence to produce"},
    "label.evidence": {"fr": "Preuves", "en": "Evidence"},
    "label.deadline": {"fr": "Échéance", "en": "Deadline"},
    "label.planned": {"fr": "Prévu le", "en": "Planned for"},
    "label.owner": {"fr": "Responsable", "en": "Owner"},
    "label.justification": {"fr": "Justification", "en": "Justification"},
    "label.problems": {"fr": "Problèmes de la déclaration", "en": "Declaration problems"},
    "label.no_problems": {"fr": "Aucun problème.", "en": "No problems."},
    "label.habilitations": {"fr": "Habilitations", "en": "Habilitations"},
    "label.no_habilitations": {"fr": "Aucune habilitation déclarée.", "en": "No habilitation declared."},
    "label.lapses": {"fr": "Ce qui expire dans les {days} jours", "en": "What lapses within {days} days"},
    "label.no_lapses": {"fr": "Rien n'expire dans cette période.", "en": "Nothing lapses in this period."},
    "label.deadlines": {"fr": "Échéances à venir", "en": "Deadlines ahead"},
    "label.no_deadlines": {"fr": "Aucune échéance à venir.", "en": "No deadline ahead."},
    "label.compliant_list": {"fr": "Exigences satisfaites", "en": "Requirements met"},
    "label.assurance": {"fr": "Assurance", "en": "Assurance"},
    "label.assurance_summary": {
        "fr": "{count} conforme, dont {detail}|{count} conformes, dont {detail}",
        "en": "{count} compliant, of which {detail}",
    },
    "label.assurance_none": {"fr": "aucune exigence conforme", "en": "no compliant requirement"},
    "label.assurance_required": {
        "fr": "niveau exigé : {level} (--require-assurance)",
        "en": "level required: {level} (--require-assurance)",
    },
    "label.compliant_assurance": {
        "fr": "Exigences conformes et niveau d'assurance de leurs preuves",
        "en": "Compliant requirements and the assurance level of their evidence",
    },
    "assurance_n.declared": {"fr": "{count} déclarative|{count} déclaratives", "en": "{count} declared"},
    "assurance_n.present": {"fr": "{count} présente|{count} présentes", "en": "{count} present"},
    "assurance_n.typed": {"fr": "{count} typée|{count} typées", "en": "{count} typed"},
    "assurance_n.machine_verified": {
        "fr": "{count} vérifiée automatiquement|{count} vérifiées automatiquement",
        "en": "{count} machine-verified",
    },
    "assurance_n.auditor_confirmed": {
        "fr": "{count} confirmée par l'auditeur|{count} confirmées par l'auditeur",
        "en": "{count} auditor-confirmed",
    },
    "label.count": {"fr": "Nombre", "en": "Count"},
    "label.actor": {"fr": "Acteur", "en": "Actor"},
    "label.reference": {"fr": "Référence", "en": "Reference"},
    "label.holder": {"fr": "Titulaire", "en": "Holder"},
    "label.granted": {"fr": "Accordée le", "en": "Granted"},
    "label.expires": {"fr": "Expire le", "en": "Expires"},
    "label.environment": {"fr": "Environnement", "en": "Environment"},
    "label.relation": {"fr": "Relation", "en": "Relation"},
    "label.state": {"fr": "État", "en": "State"},
    "label.held": {"fr": "détenue", "en": "held"},
    "label.relied_upon": {"fr": "sollicitée", "en": "relied upon"},
    "label.step": {"fr": "Étape", "en": "Step"},
    "label.date": {"fr": "Date", "en": "Date"},
    "label.what": {"fr": "Quoi", "en": "What"},
    "label.severity": {"fr": "Gravité", "en": "Severity"},
    "label.message": {"fr": "Message", "en": "Message"},
    "label.location": {"fr": "Emplacement", "en": "Location"},
    "label.generated_by": {
        "fr": "Généré par {tool} {version} — référentiel {ref_id} {ref_version} (sha256 {ref_sha})",
        "en": "Generated by {tool} {version} — referential {ref_id} {ref_version} (sha256 {ref_sha})",
    },
    "label.score_note": {
        "fr": "score = (conformes + ½ partiels) / (applicables − non applicables)",
        "en": "score = (compliant + ½ partial) / (applicable − not applicable)",
    },
    # audit, evidence matrix (xlsx) and HTML report
    "label.audit": {"fr": "Audit", "en": "Audit"},
    "label.auditor_verdict": {"fr": "Verdict de l'auditeur", "en": "Auditor's verdict"},
    "label.auditor_comment": {"fr": "Commentaire de l'auditeur", "en": "Auditor's comment"},
    "label.disagreement": {"fr": "désaccord", "en": "disagreement"},
    "label.disagreements": {
        "fr": "Désaccords entre la déclaration et l'auditeur",
        "en": "Disagreements between the declaration and the auditor",
    },
    "label.no_disagreements": {"fr": "Aucun désaccord.", "en": "No disagreement."},
    "label.statement": {"fr": "Énoncé", "en": "Statement"},
    "matrix.policy_cell": {"fr": "Politique psc-check : {line}", "en": "psc-check policy: {line}"},
    "label.matrix_source": {"fr": "Source (localisation, citation)", "en": "Source (locator, quote)"},
    "label.title": {"fr": "Intitulé", "en": "Title"},
    "label.levels": {"fr": "Niveaux", "en": "Levels"},
    "label.path": {"fr": "Chemin", "en": "Path"},
    "label.sha256": {"fr": "sha256 calculé", "en": "computed sha256"},
    "label.declared_sha256": {"fr": "sha256 déclaré", "en": "declared sha256"},
    "label.kind": {"fr": "Type", "en": "Kind"},
    "label.collected": {"fr": "Collectée le", "en": "Collected"},
    "label.detail": {"fr": "Détail", "en": "Detail"},
    "label.checks": {"fr": "Contrôles automatiques", "en": "Automated checks"},
    "label.errors": {"fr": "Problèmes bloquants", "en": "Blocking problems"},
    "label.warnings": {"fr": "Avertissements", "en": "Warnings"},
    "label.compliant_count": {"fr": "Conformes", "en": "Met"},
    "label.key_dates": {"fr": "Dates clés", "en": "Key dates"},
    "label.field": {"fr": "Élément", "en": "Item"},
    "label.value": {"fr": "Valeur", "en": "Value"},
    "label.days_left": {"fr": "J+{days}", "en": "D+{days}"},
    "label.no_evidence_files": {"fr": "Aucun fichier de preuve cité.", "en": "No evidence file cited."},
    "label.no_parcours": {"fr": "Aucun parcours déclaré.", "en": "No connection path declared."},
    "label.chart_outcomes": {"fr": "Exigences applicables par résultat", "en": "Applicable requirements by outcome"},
    "label.chart_themes": {"fr": "Résultats par thème", "en": "Outcomes by theme"},
    "label.matrix_title": {"fr": "Matrice de preuves Pro Santé Connect", "en": "Pro Santé Connect evidence matrix"},
    "label.tool": {"fr": "Outil", "en": "Tool"},
    "label.tool_version": {"fr": "Version de l'outil", "en": "Tool version"},
    "label.matrix_format": {"fr": "Format de la matrice", "en": "Matrix format"},
    "label.referential_id": {"fr": "Référentiel (identifiant)", "en": "Referential (id)"},
    "label.referential_title": {"fr": "Référentiel (titre)", "en": "Referential (title)"},
    "label.referential_version": {"fr": "Version du référentiel", "en": "Referential version"},
    "label.referential_sha256": {"fr": "sha256 du référentiel", "en": "Referential sha256"},
    "label.edition_status": {"fr": "Statut de l'édition", "en": "Edition status"},
    "label.declaration_sha256": {"fr": "sha256 de la déclaration", "en": "Declaration sha256"},
    "label.lang": {"fr": "Langue", "en": "Language"},
    "label.audit_file": {"fr": "Fichier d'audit", "en": "Audit file"},
    "label.audit_sha256": {"fr": "sha256 du fichier d'audit", "en": "Audit file sha256"},
    "label.instructions": {"fr": "Mode d'emploi", "en": "How to use"},
    "label.matrix_instructions": {
        "fr": (
            "Renseignez seulement les colonnes « Verdict de l'auditeur » (liste déroulante) et « Commentaire de "
            "l'auditeur » de la feuille Matrice ; ne modifiez ni les autres colonnes, ni leur ordre, ni la colonne "
            "masquée d'empreintes. Puis : psc-check import-matrix MATRICE.xlsx --declaration DECLARATION.yaml "
            "-o audit.yaml --auditor NOM, et psc-check evaluate DECLARATION.yaml --audit audit.yaml."
        ),
        "en": (
            "Fill in only the “Auditor's verdict” (drop-down list) and “Auditor's comment” columns of the Matrix "
            "sheet; change neither the other columns, nor their order, nor the hidden fingerprint column. Then: "
            "psc-check import-matrix MATRIX.xlsx --declaration DECLARATION.yaml -o audit.yaml --auditor NAME, and "
            "psc-check evaluate DECLARATION.yaml --audit audit.yaml."
        ),
    },
    "label.page": {"fr": "Page &P / &N", "en": "Page &P of &N"},
    "label.no_script_note": {
        "fr": "Rapport autonome : aucun script, aucune ressource externe.",
        "en": "Self-contained report: no script, no external resource.",
    },
    "sheet.summary": {"fr": "Synthèse", "en": "Summary"},
    "sheet.matrix": {"fr": "Matrice", "en": "Matrix"},
    "sheet.evidence": {"fr": "Preuves", "en": "Evidence"},
    "sheet.habilitations": {"fr": "Habilitations", "en": "Habilitations"},
    "sheet.parcours": {"fr": "Parcours", "en": "Connection path"},
    "sheet.waivers": {"fr": "Dérogations", "en": "Waivers"},
    "sheet.about": {"fr": "À propos", "en": "About"},
    "matrix.fingerprint": {"fr": "Empreinte (ne pas modifier)", "en": "Fingerprint (do not edit)"},
    "matrix.evidence_cell": {"fr": "{path} — sha256 {sha256} ({status})", "en": "{path} — sha256 {sha256} ({status})"},
    "matrix.verdict_prompt": {
        "fr": "Choisissez votre verdict dans la liste (laisser vide : pas de verdict).",
        "en": "Pick your verdict from the list (leave empty: no verdict).",
    },
    "matrix.verdict_error": {
        "fr": "Valeur hors liste : choisissez un statut proposé.",
        "en": "Not in the list: pick one of the statuses offered.",
    },
    "check.verified": {"fr": "vérifié", "en": "verified"},
    "check.contradicted": {"fr": "contredit", "en": "contradicted"},
    "check.not_checkable": {"fr": "non vérifiable", "en": "not checkable"},
    "import.done": {
        "fr": "{path} : {count} verdicts ({new} nouveaux, {changed} modifiés, {kept} conservés), dont {not_assessed} « non évalué » sans effet sur les résultats — auditeur {auditor}",
        "en": "{path}: {count} verdicts ({new} new, {changed} changed, {kept} kept), of which {not_assessed} “not assessed” with no effect on outcomes — auditor {auditor}",
    },
    "problem.waiver_expired": {
        "fr": "{requirement} : la dérogation {reference} a expiré le {expires} — l'écart bloque de nouveau ; faites-la renouveler ou corrigez l'écart",
        "en": "{requirement}: waiver {reference} expired on {expires} — the gap blocks again; have it renewed or close the gap",
    },
    "problem.waiver_not_yet": {
        "fr": "{requirement} : la dérogation {reference} n'entre en vigueur que le {granted} — elle ne couvre pas encore l'écart",
        "en": "{requirement}: waiver {reference} only comes into force on {granted} — it does not cover the gap yet",
    },
    "problem.waiver_not_needed": {
        "fr": "{requirement} : dérogation {reference} sur une exigence sans écart ({outcome}) — retirez-la",
        "en": "{requirement}: waiver {reference} on a requirement with no gap ({outcome}) — remove it",
    },
    "problem.waiver_not_applicable": {
        "fr": "{requirement} : dérogation {reference} sur une exigence qui ne s'applique pas à cette déclaration (ignorée)",
        "en": "{requirement}: waiver {reference} on a requirement that does not apply to this declaration (ignored)",
    },
    "problem.waiver_unknown": {
        "fr": "{requirement} : dérogation {reference} sur une exigence inconnue du référentiel (ignorée) — voir `psc-check referentiel list`",
        "en": "{requirement}: waiver {reference} on a requirement unknown to the referential (ignored) — see `psc-check referentiel list`",
    },
    "problem.waiver_unknown_close": {
        "fr": "{requirement} : dérogation {reference} sur une exigence inconnue du référentiel (ignorée) — vouliez-vous dire {close} ?",
        "en": "{requirement}: waiver {reference} on a requirement unknown to the referential (ignored) — did you mean {close}?",
    },
    "problem.audit_not_applicable": {
        "fr": "{requirement} : verdict d'audit sur une exigence qui ne s'applique pas à cette déclaration (ignoré)",
        "en": "{requirement}: audit verdict on a requirement that does not apply to this declaration (ignored)",
    },
    "state.done": {"fr": "fait", "en": "done"},
    "state.pending": {"fr": "à faire", "en": "to do"},
    "state.not_concerned": {"fr": "non concerné", "en": "not concerned"},
    "hab.valid": {"fr": "valide", "en": "valid"},
    "hab.expired": {"fr": "expirée", "en": "expired"},
    "hab.future": {"fr": "date future", "en": "future date"},
    "env.bac_a_sable": {"fr": "bac à sable", "en": "sandbox"},
    "env.production": {"fr": "production", "en": "production"},
}
CATALOGUE.update(CHECK_MESSAGES)
CATALOGUE.update(COMMAND_MESSAGES)
CATALOGUE.update(EXPORT_MESSAGES)
CATALOGUE.update(LABEL_MESSAGES)
CATALOGUE.update(TERM_MESSAGES)
CATALOGUE.update(EVIDENCE_MESSAGES)
CATALOGUE.update(CLICK_MESSAGES)
CATALOGUE.update(PROBE_MESSAGES)
CATALOGUE.update(ERROR_MESSAGES)
CATALOGUE.update(MATRIX_MESSAGES)
