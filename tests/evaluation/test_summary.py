"""The report's summary: counts per outcome, obligation and theme, the score, mandatory gaps and readiness."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from collections import Counter
from pathlib import Path

import pytest

from checker.declaration.load import load_declaration
from checker.evaluation.evaluate import EvaluationOptions, evaluate
from checker.model.report import GAP_OUTCOMES, Outcome, Report, Summary
from checker.referential.load import LoadedReferential
from tests.case_support import CASES
from tests.conftest import ROOT

AS_OF = dt.date(2026, 11, 28)
GAPS = CASES / "gaps" / "mandatory-non-compliant"
NOT_APPLICABLE = CASES / "ready" / "elu-mini-french-statuses-and-na"
EXAMPLES = sorted(p.parent for p in (ROOT / "examples").glob("*/declaration.yaml"))


def _report(ref: LoadedReferential, declaration: Path, lang: str = "fr") -> Report:
    return evaluate(ref, load_declaration(declaration, ref), EvaluationOptions(as_of=AS_OF, lang=lang))


def _copy_with(tmp_path: Path, case: Path, pattern: str, new: str) -> Path:
    """A working copy of ``case`` whose declaration has the one match of the regular expression ``pattern`` replaced
    by ``new``."""
    work = tmp_path / case.name
    shutil.copytree(case, work, ignore=shutil.ignore_patterns("case.yaml"))
    declaration = work / "declaration.yaml"
    text, count = re.subn(pattern, new, declaration.read_text(encoding="utf-8"))
    assert count == 1, pattern
    declaration.write_text(text, encoding="utf-8")
    return declaration


def _theme(summary: Summary, theme: str) -> tuple[int, int, int, int, float]:
    """(applicable, compliant, not applicable, gaps, score) of ``theme`` in ``summary``."""
    counts = next(t for t in summary.by_theme if t.theme == theme)
    return counts.applicable, counts.compliant, counts.not_applicable, counts.gaps, counts.score


def test_one_mandatory_gap_among_three(mini: LoadedReferential) -> None:
    """ELU on the mini edition: T-OIDC-01 and T-CERT-01 compliant with evidence, T-CIBA-01 declared non-compliant."""
    summary = _report(mini, GAPS / "declaration.yaml").summary
    assert summary.applicable == 3
    assert summary.outcomes == {
        "compliant": 2,
        "partial": 0,
        "non_compliant": 1,
        "not_applicable": 0,
        "unanswered": 0,
        "unsupported": 0,
        "waived": 0,
    }
    assert summary.by_obligation["mandatory"] == {
        **dict.fromkeys(summary.outcomes, 0),
        "compliant": 2,
        "non_compliant": 1,
    }
    assert set(summary.by_obligation["recommended"].values()) == {0}
    assert summary.mandatory_gaps == 1 and summary.errors == 0 and summary.warnings == 0
    assert summary.score == 66.7  # 2 of 3, rounded to one decimal
    assert summary.ready is False
    themes = {t.theme: (t.label, t.applicable, t.compliant, t.gaps, t.score) for t in summary.by_theme}
    assert themes == {
        "certificates": ("Certificats", 1, 1, 0, 100.0),
        "oidc": ("Requête OIDC", 2, 1, 1, 50.0),
    }
    assert [t.theme for t in summary.by_theme] == ["certificates", "oidc"], "themes in id order"


def test_partial_counts_half_and_is_a_gap(mini: LoadedReferential, tmp_path: Path) -> None:
    declaration = _copy_with(tmp_path, GAPS, "status: non_compliant", "status: partial")
    summary = _report(mini, declaration).summary
    assert summary.outcomes["partial"] == 1 and summary.outcomes["non_compliant"] == 0
    assert summary.score == 83.3  # (2 + 0.5) / 3
    assert summary.mandatory_gaps == 1 and summary.ready is False
    assert _theme(summary, "oidc") == (2, 1, 0, 1, 75.0)


def test_not_applicable_is_left_out_of_the_score_and_not_counted_as_compliant(mini: LoadedReferential) -> None:
    summary = _report(mini, NOT_APPLICABLE / "declaration.yaml").summary
    assert summary.applicable == 3
    assert summary.outcomes["not_applicable"] == 1 and summary.outcomes["compliant"] == 2
    assert summary.score == 100.0  # 2 of the 2 assessed
    assert summary.mandatory_gaps == 0 and summary.ready is True
    assert _theme(summary, "oidc") == (2, 1, 1, 0, 100.0)


def test_only_not_applicable_scores_100(mini: LoadedReferential, tmp_path: Path) -> None:
    """Nothing assessed in a theme: nothing missed (no division by zero)."""
    declaration = _copy_with(
        tmp_path,
        NOT_APPLICABLE,
        "  T-CERT-01:\n    status: compliant\n",
        "  T-CERT-01:\n    status: non_applicable\n    justification: Pas de certificat client ici.\n",
    )
    summary = _report(mini, declaration).summary
    assert _theme(summary, "certificates") == (1, 0, 1, 0, 100.0)
    assert summary.score == 100.0  # T-OIDC-01 compliant, the rest not applicable


def test_an_error_problem_makes_it_not_ready_without_a_gap(mini: LoadedReferential, tmp_path: Path) -> None:
    """No ELP habilitation for an ELU: every requirement met, yet not ready."""
    declaration = _copy_with(tmp_path, NOT_APPLICABLE, r"  relied_upon:\n(?:    .*\n)+", "  relied_upon: []\n")
    report = _report(mini, declaration)
    assert report.summary.mandatory_gaps == 0
    assert report.summary.errors == sum(1 for p in report.problems if p.severity == "error") >= 1
    assert report.summary.ready is False


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name)
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_summary_adds_up_on_every_example(psc: LoadedReferential, example: Path, lang: str) -> None:
    """On the bundled referential: each count recomputed from the findings."""
    report = _report(psc, example / "declaration.yaml", lang)
    summary, findings = report.summary, report.findings
    counts = Counter(f.outcome for f in findings)
    assert summary.applicable == len(findings) == sum(summary.outcomes.values())
    assert summary.outcomes == {o.value: counts[o] for o in Outcome}
    for obligation in ("mandatory", "recommended"):
        bound = Counter(f.outcome for f in findings if f.obligation == obligation)
        assert summary.by_obligation[obligation] == {o.value: bound[o] for o in Outcome}
    gaps = [f for f in findings if f.obligation == "mandatory" and f.outcome in GAP_OUTCOMES]
    assert summary.mandatory_gaps == len(gaps)
    assert summary.ready is (not gaps and not any(p.severity == "error" for p in report.problems))
    assessed = len(findings) - counts[Outcome.NOT_APPLICABLE]
    expected = 100 * (counts[Outcome.COMPLIANT] + counts[Outcome.PARTIAL] / 2) / assessed if assessed else 100
    assert summary.score == pytest.approx(expected, abs=0.05)
    labels = {t.id: t.label for t in psc.model.themes}
    assert [t.theme for t in summary.by_theme] == sorted({f.theme for f in findings})
    for theme in summary.by_theme:
        mine = [f for f in findings if f.theme == theme.theme]
        assert theme.label == labels[theme.theme]
        assert theme.applicable == len(mine)
        assert theme.gaps == sum(f.outcome in GAP_OUTCOMES for f in mine)
        assert theme.compliant == sum(f.outcome is Outcome.COMPLIANT for f in mine)
        assert theme.not_applicable == sum(f.outcome is Outcome.NOT_APPLICABLE for f in mine)
        waived = sum(f.outcome is Outcome.WAIVED for f in mine)
        assert theme.applicable == theme.compliant + theme.not_applicable + theme.gaps + waived, (
            "met, N/A, gap or waived"
        )
