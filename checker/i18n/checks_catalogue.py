"""Messages of the automated evidence checks (fr/en), merged into the one catalogue."""

from __future__ import annotations

from checker.i18n import Entries, from_pairs
from checker.i18n.checks_credentials import CREDENTIAL_MESSAGES
from checker.i18n.checks_exchanges import EXCHANGE_MESSAGES

__all__ = ["CHECK_MESSAGES"]

_READ = {
    "read.not_a_file": ("ce n'est pas un fichier ordinaire", "not a regular file"),
    "read.too_large": (
        "fichier de {size} Mo, au-delà de la limite de {limit} Mo pour ce type de preuve : n'en gardez que l'extrait utile",
        "file of {size} MB, beyond the {limit} MB limit for this kind of evidence: keep only the useful extract",
    ),
    "read.os": ("lecture impossible ({error})", "cannot read the file ({error})"),
    "read.empty": ("fichier vide", "empty file"),
    "read.binary": ("contenu binaire, pas du texte", "binary content, not text"),
    "read.not_utf8": ("le texte n'est pas en UTF-8", "the text is not UTF-8"),
    "read.too_deep": ("imbrication trop profonde", "nesting too deep"),
    "read.invalid_json": ("JSON invalide ({error})", "invalid JSON ({error})"),
    "read.invalid_yaml": ("ni JSON ni YAML valide ({error})", "neither valid JSON nor valid YAML ({error})"),
    "run.unexpected": (
        "contenu inattendu pour ce type de preuve ({error})",
        "unexpected content for this kind of evidence ({error})",
    ),
    "run.unrecognised": (
        "type de preuve non reconnu : précisez-le avec --kind (ou `kind` dans la déclaration)",
        "kind of evidence not recognised: give it with --kind (or `kind` in the declaration)",
    ),
}


_REPORT = {
    "reason.check_contradicted": (
        "vérification {check} sur {path} : contredit — {detail}",
        "check {check} on {path}: contradicted — {detail}",
    ),
    "reason.check_verified": ("vérification {check} sur {path} : vérifié", "check {check} on {path}: verified"),
    "reason.check_not_checkable": (
        "vérification {check} sur {path} : non vérifiable — {detail}",
        "check {check} on {path}: not checkable — {detail}",
    ),
    "label.evidence_checks": ("Vérifications automatiques des preuves", "Automated evidence checks"),
    "label.check": ("Vérification", "Check"),
    "label.check_status": ("Statut", "Status"),
    "label.checks_summary": (
        "Vérifications automatiques : {verified} vérifiée(s), {contradicted} contredite(s), {not_checkable} non vérifiable(s)",
        "Automated checks: {verified} verified, {contradicted} contradicted, {not_checkable} not checkable",
    ),
    "label.evidence_file": ("Preuve", "Evidence"),
    "label.evidence_kind": ("Type de preuve", "Evidence kind"),
    "label.kind_recognised": ("reconnu d'après le contenu", "recognised from the content"),
    "label.kind_declared": ("indiqué", "given"),
    "label.not_checkable_file": ("Fichier non vérifiable", "File cannot be checked"),
}

CHECK_MESSAGES: Entries = from_pairs(_READ | CREDENTIAL_MESSAGES | EXCHANGE_MESSAGES, "check.") | from_pairs(_REPORT)
"""Catalogue entries of the checks: ``check.<key>`` messages, and the report's labels about checks."""
