"""Pydantic's refusals in the user's language: one message per error type, with the file, line and field path."""

from __future__ import annotations

import uuid

import pytest
from pydantic import BaseModel

from checker.errors import InputError
from checker.inputs.validation import validate_document
from checker.inputs.yamlload import load_yaml_text
from checker.model.audit import Audit
from checker.model.declaration import Declaration, Status
from checker.model.waiver import WaiverFile

DECLARATION = """\
schema_version: "1"
organisation:
  name: Éditeur
  country: FR
subject:
  name: Produit
  version: "2.0"
level: communaute
actors: [ELU]
answers:
  T-OIDC-01:
    status: {status}
    justification: {justification}
"""

AUDIT = """\
schema_version: 1
reference:
  referential_id: mini
  referential_version: "1"
  declaration_sha256: "{sha}"
auditor:
  name: A. Auditrice
date: 2026-11-28
verdicts:
  T-OIDC-01:
    verdict: {verdict}
"""


def _refusal(model: type, text: str) -> tuple[list[str], list[str]]:
    doc = load_yaml_text(text, "f.yaml")
    with pytest.raises(InputError) as caught:
        validate_document(doc, model)
    return caught.value.lines("fr"), caught.value.lines("en")


@pytest.mark.parametrize(
    ("status", "justification", "french", "english"),
    [
        (
            "compliant",
            "[1, 2]",
            (
                "f.yaml:13:20 : answers.T-OIDC-01.justification : un texte était attendu — un texte était attendu : "
                "écrivez-le sur cette ligne, entre guillemets s'il pouvait se lire autrement"
            ),
            (
                "f.yaml:13:20: answers.T-OIDC-01.justification: expected text — expected text: write it on this line, "
                "in quotes if it could read as something else"
            ),
        ),
        (
            "Partielle",
            "Voir la capture.",
            (
                "f.yaml:12:13 : answers.T-OIDC-01.status : valeur `Partielle` non admise (valeurs admises : compliant, "
                "partial, non_compliant, not_applicable, not_assessed) — vouliez-vous dire `partiel` ?"
            ),
            (
                "f.yaml:12:13: answers.T-OIDC-01.status: value `Partielle` is not allowed (allowed: compliant, partial, "
                "non_compliant, not_applicable, not_assessed) — did you mean `partiel`?"
            ),
        ),
        (
            "complaint",
            "Voir la capture.",
            (
                "f.yaml:12:13 : answers.T-OIDC-01.status : valeur `complaint` non admise (valeurs admises : compliant, "
                "partial, non_compliant, not_applicable, not_assessed) — vouliez-vous dire `compliant` ?"
            ),
            (
                "f.yaml:12:13: answers.T-OIDC-01.status: value `complaint` is not allowed (allowed: compliant, partial, "
                "non_compliant, not_applicable, not_assessed) — did you mean `compliant`?"
            ),
        ),
    ],
)
def test_a_declaration_refusal_reads_in_each_language(
    status: str, justification: str, french: str, english: str
) -> None:
    fr, en = _refusal(Declaration, DECLARATION.format(status=status, justification=justification))
    assert (fr, en) == ([french], [english])


@pytest.mark.parametrize("word", ["Partiel", "PARTIEL", "partiel", "Partial", " partial "])
def test_a_status_is_read_in_any_case_and_in_french(word: str) -> None:
    doc = load_yaml_text(DECLARATION.format(status=f'"{word}"', justification="Voir."), "f.yaml")
    assert validate_document(doc, Declaration).answers["T-OIDC-01"].status is Status.PARTIAL


def test_a_missing_key_an_unknown_key_and_a_bad_date() -> None:
    text = AUDIT.format(sha="0" * 64, verdict="conforme").replace("date: 2026-11-28", "dat: 2026-02-30")
    fr, en = _refusal(Audit, text)
    assert fr == [
        "f.yaml:1:1 : date : clé obligatoire absente — ajoutez `date:`",
        "f.yaml:8:1 : dat : clé inconnue — vouliez-vous dire `date` ?",
    ]
    assert en == [
        "f.yaml:1:1: date: required key is missing — add `date:`",
        "f.yaml:8:1: dat: unknown key — did you mean `date`?",
    ]


def test_a_date_that_does_not_exist() -> None:
    fr, en = _refusal(Audit, AUDIT.format(sha="0" * 64, verdict="conforme").replace("2026-11-28", "2026-02-30"))
    assert fr == [
        (
            "f.yaml:8:7 : date : `2026-02-30` n'est pas une date — écrivez la date sous la forme AAAA-MM-JJ "
            "(une vraie date du calendrier)"
        )
    ]
    assert en == ["f.yaml:8:7: date: `2026-02-30` is not a date — write the date as YYYY-MM-DD (a real calendar date)"]


def test_a_rule_of_the_model_itself_is_a_catalogue_message() -> None:
    text = (
        "schema_version: 1\nwaivers:\n  - requirement: T-OIDC-01\n    justification: Migration en cours.\n"
        "    granted_by: RSSI\n    reference: DEC-1\n    granted: 2026-01-10\n    expires: 2025-01-10\n"
    )
    fr, en = _refusal(WaiverFile, text)
    assert fr == [
        "f.yaml:3:5 : waivers.0 : `expires` (2025-01-10) tombe avant `granted` (2026-01-10) : vérifiez les deux dates"
    ]
    assert en == ["f.yaml:3:5: waivers.0: `expires` (2025-01-10) is before `granted` (2026-01-10): check both dates"]


class _Unusual(BaseModel):
    identifier: uuid.UUID


def test_an_unusual_error_type_still_reads_in_the_language() -> None:
    """A pydantic error type without its own text falls back to a sentence in the language, naming the type."""
    fr, en = _refusal(_Unusual, "identifier: pas-un-uuid\n")
    assert fr == ["f.yaml:1:13 : identifier : valeur refusée (erreur de validation uuid_parsing)"]
    assert en == ["f.yaml:1:13: identifier: value refused (validation error uuid_parsing)"]
