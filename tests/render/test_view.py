"""The report view every template reads: gaps in priority order, what is met, counts, verdict, disagreements, checks."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from checker.declaration.load import load_declaration
from checker.evaluation.audit import load_audit
from checker.evaluation.evaluate import EvaluationOptions, evaluate
from checker.model.report import Outcome, Report
from checker.referential.load import LoadedReferential, load_referential
from checker.render.view import check_rows, make_view
from tests.case_support import CASES
from tests.conftest import ROOT

AS_OF = dt.date(2026, 11, 28)
GAPS = CASES / "gaps" / "mandatory-non-compliant"
READY = CASES / "ready" / "elu-mini-french-statuses-and-na"


def _report(ref: LoadedReferential, declaration: Path, lang: str = "fr", audit: Path | None = None) -> Report:
    decl = load_declaration(declaration, ref)
    loaded_audit = load_audit(audit, ref, decl) if audit else None
    return evaluate(ref, decl, EvaluationOptions(as_of=AS_OF, lang=lang, audit=loaded_audit))


def _three_gaps(folder: Path) -> Path:
    """ELU on the mini edition: T-OIDC-01 declared non-compliant, T-CIBA-01 and T-CERT-01 unanswered."""
    data = {
        "schema_version": "1",
        "organisation": {"name": "Éditeur Test", "siren": "732829320"},
        "subject": {"name": "Logiciel"},
        "actors": ["ELU"],
        "level": "espace_de_confiance",
        "features": {"uses_ciba": True},
        "answers": {"T-OIDC-01": {"status": "non_compliant", "justification": "Pas encore.", "planned": "2027-01-01"}},
    }
    path = folder / "declaration.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def _changed(report: Report, **changes: dict[str, object]) -> Report:
    """``report`` with some fields of some findings changed: ``T_CERT_01={"deadline": None}``."""
    findings = [f.model_copy(update=changes.get(f.requirement_id.replace("-", "_"), {})) for f in report.findings]
    return report.model_copy(update={"findings": findings})


def _order(report: Report) -> list[str]:
    return [f.requirement_id for f in make_view(report).gaps]


def test_gaps_in_priority_order(mini: LoadedReferential, tmp_path: Path) -> None:
    report = _report(mini, _three_gaps(tmp_path))
    outcomes = {f.requirement_id: (f.obligation, f.deadline, f.theme, f.outcome.value) for f in report.findings}
    assert outcomes == {
        "T-CERT-01": ("mandatory", dt.date(2030, 1, 1), "certificates", "unanswered"),
        "T-CIBA-01": ("mandatory", None, "oidc", "unanswered"),
        "T-OIDC-01": ("mandatory", None, "oidc", "non_compliant"),
    }
    view = make_view(report)
    # a deadline first; then in one theme, non-compliant before unanswered
    assert [f.requirement_id for f in view.gaps] == ["T-CERT-01", "T-OIDC-01", "T-CIBA-01"]
    assert view.met == []
    assert view.verdict == "PAS PRÊT"


def test_each_priority_key_in_turn(mini: LoadedReferential, tmp_path: Path) -> None:
    """Obligation, then the nearest deadline, then theme, then the worst outcome, then id."""
    report = _report(mini, _three_gaps(tmp_path))
    # mandatory before recommended, whatever the deadline
    assert _order(_changed(report, T_CERT_01={"obligation": "recommended"})) == ["T-OIDC-01", "T-CIBA-01", "T-CERT-01"]
    # the nearest deadline first
    sooner = _changed(report, T_CIBA_01={"deadline": dt.date(2027, 6, 1)})
    assert _order(sooner) == ["T-CIBA-01", "T-CERT-01", "T-OIDC-01"]
    # no deadline: theme before outcome (certificates < oidc, though T-OIDC-01 is worse)
    assert _order(_changed(report, T_CERT_01={"deadline": None})) == ["T-CERT-01", "T-OIDC-01", "T-CIBA-01"]
    # same obligation, deadline, theme and outcome: by id
    same = _changed(report, T_OIDC_01={"outcome": Outcome.UNANSWERED})
    assert _order(same) == ["T-CERT-01", "T-CIBA-01", "T-OIDC-01"]


@pytest.mark.parametrize(
    ("lang", "verdict", "labels"),
    [
        ("fr", "PRÊT", ["conforme", "partiel", "non conforme", "non applicable", "sans réponse", "non étayé"]),
        ("en", "READY", ["compliant", "partial", "non-compliant", "not applicable", "unanswered", "unsupported"]),
    ],
)
def test_a_ready_report_counts_each_outcome_in_its_language(
    mini: LoadedReferential, lang: str, verdict: str, labels: list[str]
) -> None:
    report = _report(mini, READY / "declaration.yaml", lang)
    view = make_view(report)
    assert view.gaps == []
    assert [f.requirement_id for f in view.met] == ["T-CERT-01", "T-CIBA-01", "T-OIDC-01"]
    assert view.outcome_rows == [
        ("compliant", labels[0], 2),
        ("partial", labels[1], 0),
        ("non_compliant", labels[2], 0),
        ("not_applicable", labels[3], 1),
        ("unanswered", labels[4], 0),
        ("unsupported", labels[5], 0),
    ]
    assert view.verdict == verdict and view.t.lang == lang
    assert view.disagreements == [] and view.checks == []


def test_met_and_gaps_split_the_findings(mini: LoadedReferential) -> None:
    view = make_view(_report(mini, GAPS / "declaration.yaml", "en"))
    assert [f.requirement_id for f in view.gaps] == ["T-CIBA-01"]
    assert [f.requirement_id for f in view.met] == ["T-CERT-01", "T-OIDC-01"]
    assert view.verdict == "NOT READY"


def test_disagreements_are_the_verdicts_that_differ_from_the_declaration(
    mini: LoadedReferential, tmp_path: Path
) -> None:
    declaration = GAPS / "declaration.yaml"
    audit = tmp_path / "audit.yaml"
    audit.write_text(
        yaml.safe_dump(
            {
                "schema_version": "1",
                "reference": {
                    "referential_id": "mini",
                    "referential_version": "1.10",
                    "declaration_sha256": load_declaration(declaration, mini).sha256,
                },
                "auditor": {"name": "Claire Auditrice"},
                "date": "2026-12-01",
                "verdicts": {
                    "T-OIDC-01": {"verdict": "conforme", "comment": "Capture vue."},
                    "T-CIBA-01": {"verdict": "conforme", "comment": "Le mode poll est en place."},
                },
            },
            allow_unicode=True,
        ),
        encoding="utf-8",
    )
    view = make_view(_report(mini, declaration, audit=audit))
    assert [f.requirement_id for f in view.disagreements] == ["T-CIBA-01"]
    (disagreement,) = view.disagreements
    assert (disagreement.declared_status, disagreement.auditor_verdict) == ("non_compliant", "compliant")
    assert disagreement.auditor_comment == "Le mode poll est en place."
    assert view.gaps == [] and view.verdict == "PRÊT", "the auditor's verdict decides the outcome"


def test_check_rows_list_every_check_sorted_with_its_label() -> None:
    psc = load_referential()
    report = _report(psc, ROOT / "examples" / "elu-lps" / "declaration.yaml")
    rows = check_rows(report, make_view(report).t)
    assert len(rows) == sum(len(e.checks) for f in report.findings for e in f.evidence) > 0
    keys = [(r.requirement_id, r.path, r.check) for r in rows]
    assert keys == sorted(keys)
    by_key = {(r.requirement_id, r.path, r.check): r for r in rows}
    channel = by_key[("PSC-CIBA-03", "evidence/capture-ciba-carte-recette.json", "ciba.channel")]
    assert (channel.status, channel.status_label) == ("contradicted", "contredit")
    finding = next(f for f in report.findings if f.requirement_id == "PSC-CIBA-03")
    evidence = next(e for e in finding.evidence if e.path == channel.path)
    (result,) = [c for c in evidence.checks if c.check == "ciba.channel"]
    assert result.reasons and channel.reasons == " ; ".join(result.texts("fr"))
    verified = by_key[("PSC-CIBA-03", "evidence/capture-ciba-mobile-bas.json", "ciba.channel")]
    assert (verified.status, verified.status_label) == ("verified", "vérifié")
    assert {r.status_label for r in rows} <= {"vérifié", "contredit", "non vérifiable"}
    assert make_view(report).checks == rows
