"""Messages of ``psc-check evidence add`` and ``evidence refresh``."""

from __future__ import annotations

from checker.i18n import Entries

__all__ = ["EVIDENCE_MESSAGES"]

EVIDENCE_MESSAGES: Entries = {
    "evidence_edit.unknown_requirement": {
        "fr": "{declaration} : exigence inconnue `{requirement}` — {hint}",
        "en": "{declaration}: unknown requirement `{requirement}` — {hint}",
    },
    "evidence_edit.see_list": {
        "fr": "voir `psc-check referentiel list`",
        "en": "see `psc-check referentiel list`",
    },
    "evidence_edit.not_applicable": {
        "fr": "{declaration} : l'exigence {requirement} ne s'applique pas à cette déclaration (acteurs, niveau, "
        "fonctionnalités) — aucune preuve à y citer ; `psc-check evaluate` liste les exigences applicables",
        "en": "{declaration}: requirement {requirement} does not apply to this declaration (actors, level, "
        "features) — no evidence to cite there; `psc-check evaluate` lists the applicable requirements",
    },
    "evidence_edit.inherited": {
        "fr": "{declaration} : la réponse à {requirement} vient de {source} (extends:) — lancez la commande sur ce fichier",
        "en": "{declaration}: the answer to {requirement} comes from {source} (extends:) — run the command on that file",
    },
    "evidence_edit.not_answered": {
        "fr": "{declaration} : pas de réponse à {requirement} dans ce fichier — nommez une exigence à laquelle il "
        "répond, ou citez d'abord une preuve avec `psc-check evidence add`",
        "en": "{declaration}: no answer to {requirement} in this file — name a requirement it answers, or cite "
        "evidence first with `psc-check evidence add`",
    },
    "evidence_edit.one_file": {
        "fr": "donnez le chemin d'un fichier de preuve",
        "en": "give the path of one evidence file",
    },
    "evidence_edit.missing": {"fr": "fichier de preuve introuvable", "en": "no such evidence file"},
    "evidence_edit.outside": {
        "fr": "{path} : hors du dossier de la déclaration ({folder}) — copiez la preuve dans ce dossier, ou passez "
        "--allow-outside-evidence",
        "en": "{path}: outside the declaration's folder ({folder}) — copy the evidence into that folder, or pass "
        "--allow-outside-evidence",
    },
    "evidence_edit.unreadable": {
        "fr": "{path} : illisible ({error}) — vérifiez le fichier et ses droits",
        "en": "{path}: cannot be read ({error}) — check the file and its permissions",
    },
    "evidence_edit.kind_unexpected": {
        "fr": "{path} : le contenu est une preuve de type {kind}, que {requirement} n'attend pas (attendus : "
        "{expected}) — citez une autre preuve, ou passez --kind pour forcer le type",
        "en": "{path}: the content is evidence of kind {kind}, which {requirement} does not expect (expected: "
        "{expected}) — cite other evidence, or pass --kind to force the kind",
    },
    "evidence_edit.kind_unknown": {
        "fr": "{path} : type de preuve non reconnu d'après le contenu — passez --kind, parmi : {expected}",
        "en": "{path}: evidence kind not recognised from the content — pass --kind, one of: {expected}",
    },
    "evidence_edit.kind_forced": {
        "fr": "{path} : type {kind} forcé par --kind, alors que {requirement} attend : {expected}",
        "en": "{path}: kind {kind} forced by --kind, while {requirement} expects: {expected}",
    },
    "evidence_edit.kind_differs": {
        "fr": "{path} : --kind {kind}, mais le contenu ressemble à une preuve de type {recognised}",
        "en": "{path}: --kind {kind}, but the content looks like evidence of kind {recognised}",
    },
    "evidence_edit.token_exp": {
        "fr": "{path} : exp du jeton le {exp}, non reporté dans `expires` : l'échantillon reste une preuve après "
        "l'expiration du jeton",
        "en": "{path}: the token's exp is {exp}, not written as `expires`: the sample remains evidence after the "
        "token expires",
    },
    "evidence_edit.layout": {
        "fr": "{declaration} : impossible d'ajouter la preuve sans modifier le fichier hors de la réponse ({where}) — "
        "passez --dry-run et collez le YAML affiché",
        "en": "{declaration}: cannot add the evidence without changing the file outside the answer ({where}) — "
        "pass --dry-run and paste the YAML it prints",
    },
    "evidence_edit.changed_meanwhile": {
        "fr": "{declaration} : modifiée par ailleurs pendant la commande, laissée intacte — relancez la commande",
        "en": "{declaration}: changed elsewhere while the command ran, left untouched — run the command again",
    },
    "evidence_edit.paste": {
        "fr": "À coller sous `answers:` dans {declaration} (--dry-run : rien n'est écrit)",
        "en": "To paste under `answers:` in {declaration} (--dry-run: nothing is written)",
    },
    "evidence_edit.added": {"fr": "{requirement} : {path} ajoutée", "en": "{requirement}: {path} added"},
    "evidence_edit.updated": {
        "fr": "{requirement} : {path} déjà citée, empreinte et dates mises à jour",
        "en": "{requirement}: {path} already cited, hash and dates updated",
    },
    "evidence_edit.refresh_change": {
        "fr": "{requirement} : {path} : {changes}",
        "en": "{requirement}: {path}: {changes}",
    },
    "evidence_edit.refresh_field": {"fr": "{field} {old} → {new}", "en": "{field} {old} → {new}"},
    "evidence_edit.refresh_missing": {
        "fr": "{requirement} : {path} : fichier absent, entrée laissée telle quelle",
        "en": "{requirement}: {path}: file missing, entry left as it is",
    },
    "evidence_edit.refresh_outside": {
        "fr": "{requirement} : {path} : hors du dossier de la déclaration, ignoré (--allow-outside-evidence pour le lire)",
        "en": "{requirement}: {path}: outside the declaration's folder, skipped (--allow-outside-evidence to read it)",
    },
    "evidence_edit.refresh_none": {
        "fr": "aucune preuve citée n'a changé : déclaration inchangée",
        "en": "no cited evidence changed: declaration unchanged",
    },
}
