"""``dossier build``: one deterministic zip holding a declaration, its files, its reports and a manifest to re-check.

Layout: ``declaration/`` holds the declaration's folder (the declaration, the files it extends, the evidence it
cites, at their relative paths); ``hors-dossier/N/NAME`` a file from outside that folder (allowed by
``--allow-outside-evidence`` or ``--allow-extends-outside``), with its place in the manifest; ``audit/`` the audit
file; ``rapports/`` the JSON, HTML, PDF (when WeasyPrint is installed) and xlsx reports; ``MANIFEST.json`` and
``LISEZMOI.txt`` at the top. Same inputs and date: the same bytes (sorted members, fixed time, mode and level).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import os
import stat
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from checker import __version__
from checker.app.evaluate import EvaluateRequest, evaluate_file
from checker.app.write import write_atomic
from checker.declaration.load import LoadedDeclaration
from checker.errors import InputError, Location, msg
from checker.i18n import Translator, message
from checker.inputs.jsondump import sorted_json
from checker.inputs.limits import (
    MAX_DOSSIER_BYTES,
    MAX_DOSSIER_OUTSIDE_DEPTH,
    MAX_DOSSIER_RATIO,
    MAX_DOSSIER_UNPACKED_BYTES,
    size_text,
)
from checker.model.dossier import DossierFile, DossierReferential, DossierVerdict, FileRole, Manifest
from checker.model.report import Report
from checker.referential.load import LoadedReferential
from checker.render.registry import REPORT, Format, require_formats

__all__ = ["MANIFEST", "DossierRequest", "DossierResult", "dossier_bytes", "run_dossier"]

MANIFEST = "MANIFEST.json"
README = "LISEZMOI.txt"
INSIDE = "declaration"
OUTSIDE = "hors-dossier"
WAIVERS = "derogations"
REPORTS = {Format.JSON: "rapports/rapport.json", Format.HTML: "rapports/rapport.html"}
REPORTS_EXTRA = {Format.XLSX: "rapports/matrice.xlsx", Format.PDF: "rapports/rapport.pdf"}
_EPOCH = dt.date(1980, 1, 1)  # the first date a zip can hold


@dataclass(frozen=True)
class DossierRequest:
    """What ``psc-check dossier build`` was asked to do."""

    declaration: Path
    output: Path
    as_of: dt.date
    referential: Path | None = None
    audit: Path | None = None
    """An audit file (from ``import-matrix``): evaluated with, and stored in the dossier."""
    waivers: Path | None = None
    """A waivers file (``--waivers``): evaluated with, and stored in the dossier under ``derogations/``."""
    lang: str = "fr"
    allow_outside_evidence: bool = False
    """Evidence outside the declaration's folder is stored under ``hors-dossier/`` instead of refused."""
    pdf: bool | None = None
    """The PDF report: None when WeasyPrint is installed, True required (exit 2 without it), False never."""


@dataclass(frozen=True)
class DossierResult:
    manifest: Manifest
    pdf: bool
    """Whether the PDF report is in the dossier."""

    def lines(self, output: Path, lang: str) -> list[str]:
        """What the command prints: where the dossier is, how many files, the verdict; the PDF when missing."""
        verdict = Translator(lang).text(self.manifest.verdict.verdict())
        count = len(self.manifest.files) + 1  # and the manifest
        out = [message("dossier.written", lang, path=str(output), files=count, verdict=verdict)]
        if not self.pdf:
            out.append(message("dossier.no_pdf", lang))
        return out


@dataclass(frozen=True)
class _Source:
    """A file of the declaration's that goes into the dossier."""

    path: Path
    role: FileRole
    place: str
    """Where it sits relative to the declaration's folder (``evidence/a.pem``, ``../commun/b.pem``)."""


def run_dossier(request: DossierRequest) -> DossierResult:
    """Evaluate, gather every file, write the zip atomically; the result says what it holds."""
    pdf = _want_pdf(request.pdf)
    ref, decl, report = evaluate_file(
        EvaluateRequest(
            declaration=request.declaration,
            as_of=request.as_of,
            referential=request.referential,
            lang=request.lang,
            allow_outside_evidence=request.allow_outside_evidence,
            audit=request.audit,
            waivers=request.waivers,
        )
    )
    sources = _sources(decl, request.allow_outside_evidence)
    data, manifest = dossier_bytes(request, ref, report, sources, pdf)
    inputs = [s.path for s in sources] + [ref.path] + ([request.audit] if request.audit else [])
    inputs += [request.waivers] if request.waivers else []
    write_atomic(request.output, data, inputs=inputs)
    return DossierResult(manifest, pdf)


def _want_pdf(asked: bool | None) -> bool:
    if asked is None:
        from checker.render.pdf import pdf_available

        return pdf_available()
    if asked:
        require_formats([Format.PDF])
    return asked


def _sources(decl: LoadedDeclaration, allow_outside: bool) -> list[_Source]:
    """The declaration, what it extends, and every evidence file it cites that exists, each once, sorted by place."""
    base = _absolute(decl.folder)
    found: dict[str, _Source] = {}
    for index, path in enumerate(decl.files):
        role: FileRole = "declaration" if index == 0 else "extends"
        place = _place(base, _absolute(path), path)
        found.setdefault(place, _Source(path, role, place))
    for requirement_id, answer in decl.model.answers.items():
        folder = _absolute(decl.answer_file(requirement_id).parent)
        for item in answer.evidence:
            where = decl.answer_file(requirement_id)
            if Path(item.path).is_absolute():
                raise InputError.at(
                    Location(str(where)),
                    msg("error.dossier_absolute", path=item.path),
                    msg("hint.dossier_relative"),
                )
            lexical = Path(os.path.normpath(folder / item.path))
            if not lexical.is_file():
                continue  # missing or not a file: the report says so, and so will the re-evaluation
            place = _place(base, lexical, where)
            if not allow_outside and (place.startswith("../") or not _really_inside(base, lexical)):
                raise InputError.at(
                    Location(str(where)),
                    msg("error.dossier_outside", path=item.path),
                    msg("hint.dossier_outside"),
                )
            found.setdefault(place, _Source(lexical, "evidence", place))
    return [found[place] for place in sorted(found)]


def _absolute(path: Path) -> Path:
    """``path`` made absolute lexically (``..`` folded, symlinks kept): where the declaration's paths point."""
    return Path(os.path.normpath(Path.cwd() / path))


def _place(base: Path, path: Path, where: Path) -> str:
    place = PurePosixPath(Path(os.path.relpath(path, base)).as_posix()).as_posix()
    depth = len([part for part in PurePosixPath(place).parts if part == ".."])
    if depth > MAX_DOSSIER_OUTSIDE_DEPTH:
        raise InputError.at(
            Location(str(where)),
            msg("error.dossier_depth", path=str(path), depth=depth, limit=MAX_DOSSIER_OUTSIDE_DEPTH),
        )
    return place


def _really_inside(base: Path, path: Path) -> bool:
    real_base, real = base.resolve(), path.resolve()
    return real == real_base or real_base in real.parents


def dossier_bytes(
    request: DossierRequest, ref: LoadedReferential, report: Report, sources: list[_Source], pdf: bool
) -> tuple[bytes, Manifest]:
    """The zip's bytes and its manifest."""
    members: dict[str, tuple[bytes, FileRole, str | None]] = {}
    outside = 0
    for source in sources:
        if source.place.startswith("../"):
            outside += 1
            name = f"{OUTSIDE}/{outside}/{source.path.name}"
            members[name] = (_read(source.path, members), source.role, source.place)
        else:
            members[f"{INSIDE}/{source.place}"] = (_read(source.path, members), source.role, None)
    if request.audit is not None:
        members[f"audit/{request.audit.name}"] = (_read(request.audit, members), "audit", None)
    if request.waivers is not None:
        members[f"{WAIVERS}/{request.waivers.name}"] = (_read(request.waivers, members), "waivers", None)
    formats = {
        **REPORTS,
        Format.XLSX: REPORTS_EXTRA[Format.XLSX],
        **({Format.PDF: REPORTS_EXTRA[Format.PDF]} if pdf else {}),
    }
    rendered = REPORT.render_each(report, formats)
    for fmt, name in formats.items():
        members[name] = (rendered[fmt], "report", None)
    members[README] = (_readme(report, request.lang).encode("utf-8"), "readme", None)
    manifest = _manifest(request, ref, report, members)
    text = sorted_json(manifest.model_dump(mode="json", exclude_none=True))
    contents = {name: data for name, (data, _, _) in members.items()}
    contents[MANIFEST] = (text + "\n").encode("utf-8")
    return _zip(contents, request.as_of, request.output), manifest


def _read(path: Path, members: dict[str, tuple[bytes, FileRole, str | None]]) -> bytes:
    so_far = sum(len(data) for data, _, _ in members.values())
    try:
        size = path.stat().st_size
        if so_far + size > MAX_DOSSIER_UNPACKED_BYTES:
            raise InputError.at(
                Location(str(path)),
                msg("error.dossier_would_hold", limit=size_text(MAX_DOSSIER_UNPACKED_BYTES)),
                msg("hint.dossier_smaller"),
            )
        return path.read_bytes()
    except OSError as exc:
        raise InputError.at(Location(str(path)), msg("error.cannot_read", reason=str(exc.strerror or exc))) from None


def _manifest(
    request: DossierRequest,
    ref: LoadedReferential,
    report: Report,
    members: dict[str, tuple[bytes, FileRole, str | None]],
) -> Manifest:
    files = [
        DossierFile(path=name, role=role, size=len(data), sha256=_sha256(data), place=place)
        for name, (data, role, place) in sorted(members.items())
    ]
    summary = report.summary
    return Manifest(
        tool=f"psc-check {__version__}",
        as_of=request.as_of,
        lang=request.lang,
        referential=DossierReferential(id=ref.id, version=ref.version, sha256=ref.sha256),
        declaration=next(f.path for f in files if f.role == "declaration"),
        audit=next((f.path for f in files if f.role == "audit"), None),
        waivers=next((f.path for f in files if f.role == "waivers"), None),
        report=REPORTS[Format.JSON],
        verdict=DossierVerdict(
            ready=summary.ready, score=summary.score, mandatory_gaps=summary.mandatory_gaps, waived=summary.waived
        ),
        files=files,
    )


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _readme(report: Report, lang: str) -> str:
    d = report.declaration
    verdict = Translator(lang).text(report.summary.verdict())
    return message(
        "dossier.readme",
        lang,
        organisation=d.organisation,
        subject=d.subject,
        as_of=report.as_of.isoformat(),
        referential=f"{report.referential.id} {report.referential.version}",
        verdict=verdict,
        score=report.summary.score,
        tool=f"psc-check {__version__}",
    )


def _zip(contents: dict[str, bytes], as_of: dt.date, output: Path) -> bytes:
    """Members sorted by name, each dated ``as_of`` (1980-01-01 at the earliest), mode 0644, deflated at level 9."""
    when = max(as_of, _EPOCH)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in sorted(contents):
            data = contents[name]
            info = zipfile.ZipInfo(name, date_time=(when.year, when.month, when.day, 0, 0, 0))
            info.create_system = 3  # Unix, wherever it is built, so that the bytes do not depend on the system
            info.external_attr = (stat.S_IFREG | 0o644) << 16
            method = zipfile.ZIP_STORED if _compresses_like_a_bomb(data) else zipfile.ZIP_DEFLATED
            archive.writestr(info, data, compress_type=method, compresslevel=9 if method else None)
    data = buffer.getvalue()
    if len(data) > MAX_DOSSIER_BYTES:
        raise InputError.at(
            Location(str(output)),
            msg("error.dossier_would_be", size=size_text(len(data)), limit=size_text(MAX_DOSSIER_BYTES)),
        )
    return data


def _compresses_like_a_bomb(data: bytes) -> bool:
    """A large member that deflates past the ratio ``dossier verify`` accepts is stored as is instead."""
    return len(data) > (1 << 20) and len(data) > MAX_DOSSIER_RATIO * len(zlib.compress(data, 9))
