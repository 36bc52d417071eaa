"""``dossier verify``: re-check a dossier from its files alone, in a temporary folder removed afterwards.

The zip is read safely (:mod:`checker.inputs.archive`), every file's size and sha256 compared with the manifest,
then the declaration re-evaluated from the extracted files with the same referential and date, and its verdict and
findings (outcome, evidence statuses) compared with the dossier's JSON report. Exit 0 when all matches, 1 with each
difference listed, 2 when the zip is unreadable, hostile or not a dossier.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from pydantic import ValidationError

from checker.app.dossier import INSIDE, MANIFEST
from checker.app.evaluate import EvaluateRequest, evaluate_file
from checker.app.write import create_new
from checker.errors import ExitCode, InputError, Location, Message, msg
from checker.i18n import Translator, message
from checker.inputs.archive import Extracted, extract_archive, safe_name_problem
from checker.inputs.limits import EXTENDS_OUTSIDE_VARIABLE, MAX_DOSSIER_OUTSIDE_DEPTH
from checker.inputs.validation import error_message
from checker.model.dossier import Manifest
from checker.referential.load import load_referential
from checker.render.registry import REPORT, Format

__all__ = ["Difference", "VerifyRequest", "VerifyResult", "run_verify"]


@dataclass(frozen=True)
class VerifyRequest:
    """What ``psc-check dossier verify`` was asked to check."""

    dossier: Path
    as_of: dt.date | None = None
    """Re-evaluate as of this date instead of the dossier's."""
    referential: Path | None = None
    """Re-evaluate with this edition; without it, a dossier made with another edition than the bundled one is not
    re-evaluated (its files are still checked)."""
    lang: str = "fr"


@dataclass(frozen=True)
class Difference:
    key: str
    """Its message in the catalogue (``dossier.diff.…``)."""
    params: tuple[tuple[str, str], ...]

    def text(self, lang: str) -> str:
        return message(self.key, lang, **dict(self.params))


def _diff(key: str, **params: object) -> Difference:
    return Difference(key, tuple((k, str(v)) for k, v in sorted(params.items())))


@dataclass(frozen=True)
class VerifyResult:
    manifest: Manifest
    files: int
    """Files checked against the manifest."""
    differences: tuple[Difference, ...]
    reevaluated: bool
    as_of: dt.date

    @property
    def exit_code(self) -> int:
        return int(ExitCode.NOT_READY if self.differences else ExitCode.OK)

    def lines(self, lang: str) -> list[str]:
        if not self.differences:
            return [
                message(
                    "dossier.verified",
                    lang,
                    files=self.files,
                    verdict=Translator(lang).text(self.manifest.verdict.verdict()),
                    score=self.manifest.verdict.score,
                    as_of=self.as_of.isoformat(),
                )
            ]
        return [
            *(d.text(lang) for d in self.differences),
            message("dossier.differences", lang, count=len(self.differences)),
        ]


def run_verify(request: VerifyRequest) -> VerifyResult:
    """Extract into a temporary folder, compare, re-evaluate, compare; the folder is removed in every case."""
    with tempfile.TemporaryDirectory(prefix="psc-dossier-") as tmp:
        root = Path(tmp) / "zip"
        root.mkdir()
        extracted = {item.name: item for item in extract_archive(request.dossier, root, create_new)}
        manifest = _manifest(request.dossier, root, extracted)
        differences = _file_differences(manifest, extracted)
        recorded = _recorded_report(manifest, root, extracted, differences)
        as_of = request.as_of or manifest.as_of
        reevaluated = _same_referential(manifest, request, differences)
        if reevaluated:
            fresh = _reevaluate(manifest, request, root, Path(tmp) / "work", as_of, differences)
            if fresh is not None and recorded is not None:
                differences += _report_differences(recorded, fresh)
        return VerifyResult(manifest, len(manifest.files), tuple(differences), reevaluated, as_of)


def _manifest(path: Path, root: Path, extracted: dict[str, Extracted]) -> Manifest:
    where = f"{path}:{MANIFEST}"
    if MANIFEST not in extracted:
        raise InputError.at(
            Location(str(path)), msg("error.dossier_no_manifest", manifest=MANIFEST), msg("hint.dossier_build")
        )
    try:
        manifest = Manifest.model_validate(json.loads((root / MANIFEST).read_bytes()))
    except ValidationError as exc:
        first = exc.errors(include_url=False)[0]
        field = ".".join(str(part) for part in first["loc"])
        problem = msg("error.baseline_not_report", field=field, problem=error_message(first))
        raise InputError.at(Location(where), msg("error.dossier_bad_manifest", problem=problem)) from None
    except ValueError as exc:
        problem = msg("error.not_json", reason=str(exc).splitlines()[0][:200])
        raise InputError.at(Location(where), msg("error.dossier_bad_manifest", problem=problem)) from None
    seen: set[str] = set()
    for item in manifest.files:
        wrong = safe_name_problem(item.path) or (_place_problem(item.place) if item.place else None)
        if item.path in seen or item.path == MANIFEST:
            wrong = msg("error.dossier_listed_twice")
        if wrong is not None:
            about = msg("error.dossier_file", path=item.path[:120], problem=wrong)
            raise InputError.at(Location(where), about, msg("hint.dossier_damaged_or_hostile"))
        seen.add(item.path)
    for name in (manifest.declaration, manifest.report, manifest.audit, manifest.waivers):
        if name is not None and name not in seen:
            raise InputError.at(
                Location(where), msg("error.dossier_not_among", name=name[:120]), msg("hint.dossier_damaged_short")
            )
    if not manifest.declaration.startswith(f"{INSIDE}/"):
        raise InputError.at(
            Location(where), msg("error.dossier_declaration_place", folder=INSIDE), msg("hint.dossier_damaged_short")
        )
    return manifest


def _place_problem(place: str) -> Message | None:
    parts = PurePosixPath(place).parts
    ups = 0
    while ups < len(parts) and parts[ups] == "..":
        ups += 1
    rest = "/".join(parts[ups:])
    if ups == 0 or ups > MAX_DOSSIER_OUTSIDE_DEPTH or not rest:
        return msg("error.dossier_place", place=place[:120], limit=MAX_DOSSIER_OUTSIDE_DEPTH)
    return safe_name_problem(rest)


def _file_differences(manifest: Manifest, extracted: dict[str, Extracted]) -> list[Difference]:
    out = []
    for item in manifest.files:
        found = extracted.get(item.path)
        if found is None:
            out.append(_diff("dossier.diff.missing", path=item.path))
        elif (found.size, found.sha256) != (item.size, item.sha256):
            out.append(
                _diff("dossier.diff.changed", path=item.path, expected=item.sha256[:12], actual=found.sha256[:12])
            )
    listed = {item.path for item in manifest.files} | {MANIFEST}
    out += [_diff("dossier.diff.extra", path=name) for name in sorted(set(extracted) - listed)]
    return out


def _recorded_report(
    manifest: Manifest, root: Path, extracted: dict[str, Extracted], differences: list[Difference]
) -> dict[str, Any] | None:
    """The dossier's JSON report (None, with a difference, when absent or unreadable); its verdict vs the manifest."""
    if manifest.report not in extracted:
        return None
    try:
        report = json.loads((root / manifest.report).read_bytes())
        summary = report["summary"]
        recorded = (summary["ready"], summary["score"], summary["mandatory_gaps"])
        readable = all(_finding_shape(f) for f in report["findings"])
    except (ValueError, KeyError, TypeError):
        readable = False
    if not readable:
        differences.append(_diff("dossier.diff.report_unreadable", path=manifest.report))
        return None
    verdict = manifest.verdict
    if recorded != (verdict.ready, verdict.score, verdict.mandatory_gaps):
        differences.append(
            _diff(
                "dossier.diff.manifest_verdict",
                path=manifest.report,
                report=_verdict(*recorded),
                manifest=_verdict(verdict.ready, verdict.score, verdict.mandatory_gaps),
            )
        )
    return dict(report)


def _finding_shape(finding: object) -> bool:
    """A finding as the JSON report writes it, as far as the comparison reads it."""
    if not isinstance(finding, dict) or not isinstance(finding.get("requirement_id"), str):
        return False
    evidence = finding.get("evidence")
    return isinstance(evidence, list) and all(isinstance(item, dict) for item in evidence)


def _verdict(ready: object, score: object, gaps: object) -> str:
    return f"ready={ready} score={score} mandatory_gaps={gaps}"


def _same_referential(manifest: Manifest, request: VerifyRequest, differences: list[Difference]) -> bool:
    """Whether to re-evaluate: the same edition, or another one asked for by ``--referentiel``."""
    ref = load_referential(request.referential)
    made = manifest.referential
    if ref.sha256 == made.sha256:
        return True
    params = {
        "made": f"{made.id} {made.version}",
        "made_sha": made.sha256[:12],
        "here": f"{ref.id} {ref.version}",
        "here_sha": ref.sha256[:12],
    }
    differences.append(
        _diff("dossier.diff.referential" if request.referential is None else "dossier.diff.referential_given", **params)
    )
    return request.referential is not None


def _reevaluate(
    manifest: Manifest, request: VerifyRequest, root: Path, work: Path, as_of: dt.date, differences: list[Difference]
) -> dict[str, Any] | None:
    """The JSON report of the declaration re-evaluated from the extracted files (None, with a difference, on error)."""
    folder = _lay_out(manifest, root, work)
    outside = {item.role for item in manifest.files if item.place}
    declaration = folder.joinpath(*manifest.declaration.split("/")[1:])
    evaluate = EvaluateRequest(
        declaration=declaration,
        as_of=as_of,
        referential=request.referential,
        lang=manifest.lang,
        allow_outside_evidence="evidence" in outside,
        audit=root.joinpath(*manifest.audit.split("/")) if manifest.audit else None,
        waivers=root.joinpath(*manifest.waivers.split("/")) if manifest.waivers else None,
    )
    try:
        with _extends_outside("extends" in outside):
            _, _, report = evaluate_file(evaluate)
    except InputError as exc:
        text = str(exc).replace(f"{folder}{os.sep}", "").replace(f"{root}{os.sep}", "")
        differences.append(_diff("dossier.diff.unevaluable", error=text.splitlines()[0][:300]))
        return None
    fresh: dict[str, Any] = json.loads(REPORT.render(report, Format.JSON))
    return fresh


def _lay_out(manifest: Manifest, root: Path, work: Path) -> Path:
    """Move the declaration's files to where its relative paths expect them; the declaration's folder."""
    depth = max((len(PurePosixPath(item.place).parts) for item in manifest.files if item.place), default=0)
    folder = work.joinpath(*(f"_{n}" for n in range(depth)))
    folder.mkdir(parents=True)
    for item in manifest.files:
        source = root.joinpath(*item.path.split("/"))
        if item.place:
            target = Path(os.path.normpath(folder / item.place))
        elif item.path.startswith(f"{INSIDE}/"):
            target = folder.joinpath(*item.path.split("/")[1:])
        else:
            continue
        if not source.is_file() or work not in target.parents or target.exists():
            continue  # missing (already a difference), or a place that would leave the work folder or clash
        target.parent.mkdir(parents=True, exist_ok=True)
        source.replace(target)
    return folder


@contextlib.contextmanager
def _extends_outside(allowed: bool) -> Iterator[None]:
    """``--allow-extends-outside`` for this evaluation only, when the dossier stored files it extends from above."""
    before = os.environ.get(EXTENDS_OUTSIDE_VARIABLE)
    if allowed:
        os.environ[EXTENDS_OUTSIDE_VARIABLE] = "1"
    try:
        yield
    finally:
        if before is None:
            os.environ.pop(EXTENDS_OUTSIDE_VARIABLE, None)
        else:
            os.environ[EXTENDS_OUTSIDE_VARIABLE] = before


def _report_differences(recorded: dict[str, Any], fresh: dict[str, Any]) -> list[Difference]:
    out = []
    old, new = recorded["summary"], fresh["summary"]
    if (old["ready"], old["score"], old["mandatory_gaps"]) != (new["ready"], new["score"], new["mandatory_gaps"]):
        out.append(
            _diff(
                "dossier.diff.verdict",
                recorded=_verdict(old["ready"], old["score"], old["mandatory_gaps"]),
                fresh=_verdict(new["ready"], new["score"], new["mandatory_gaps"]),
            )
        )
    before = {f["requirement_id"]: f for f in recorded["findings"]}
    after = {f["requirement_id"]: f for f in fresh["findings"]}
    for rid in sorted(set(before) | set(after)):
        out += _finding_differences(rid, before.get(rid), after.get(rid))
    return out


def _finding_differences(rid: str, old: dict[str, Any] | None, new: dict[str, Any] | None) -> list[Difference]:
    if old is None or new is None:
        key = "dossier.diff.finding_recorded_only" if new is None else "dossier.diff.finding_fresh_only"
        return [_diff(key, requirement=rid)]
    out = []
    if old.get("outcome") != new.get("outcome"):
        out.append(
            _diff("dossier.diff.outcome", requirement=rid, recorded=old.get("outcome"), fresh=new.get("outcome"))
        )
    was = {(e.get("path"), e.get("status")) for e in old.get("evidence", [])}
    for item in new.get("evidence", []):
        if item.get("status") == "hash_mismatch":
            out.append(
                _diff(
                    "dossier.diff.evidence_hash",
                    requirement=rid,
                    path=item["path"],
                    declared=str(item["declared_sha256"])[:12],
                    actual=str(item["sha256"])[:12],
                )
            )
        elif (item.get("path"), item.get("status")) not in was:
            out.append(
                _diff("dossier.diff.evidence", requirement=rid, path=item.get("path"), status=item.get("status"))
            )
    return out
