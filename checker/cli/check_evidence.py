"""``psc-check check-evidence``: run the automated checks on one evidence file, for a vendor preparing proofs."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from checker.cli.common import check_choice
from checker.errors import InputError, Location
from checker.i18n import LANGS
from checker.inputs.limits import MAX_EVIDENCE_HASH_BYTES, MAX_JWKS_BYTES
from checker.inputs.readfile import read_input, require_regular_file
from checker.inputs.textsafe import terminal_text

__all__ = ["check_evidence"]

_KINDS = ("certificate", "oidc_client_config", "http_capture", "token_sample", "ciba_capture", "proxy_traces")
_ENVIRONMENTS = ("bac_a_sable", "production")
_LEVELS = ("communaute", "espace_de_confiance")


def check_evidence(
    file: Annotated[
        Path, typer.Argument(help="Fichier de preuve : certificat, configuration OIDC, HAR, jeton, CIBA, traces.")
    ],
    kind: Annotated[
        str | None, typer.Option("--kind", help=f"Type de preuve ({', '.join(_KINDS)}) ; reconnu sinon.")
    ] = None,
    as_of: Annotated[str | None, typer.Option("--as-of", help="Date de vérification AAAA-MM-JJ.")] = None,
    client_id: Annotated[str | None, typer.Option("--client-id", help="client_id enregistré auprès de PSC.")] = None,
    environment: Annotated[
        str | None, typer.Option("--environment", help="Environnement revendiqué : bac_a_sable ou production.")
    ] = None,
    level: Annotated[str | None, typer.Option("--level", help="Niveau : communaute ou espace_de_confiance.")] = None,
    jwks: Annotated[
        Path | None, typer.Option("--jwks", help="JWKS (JSON) pour vérifier la signature d'un jeton.")
    ] = None,
    fmt: Annotated[str, typer.Option("--format", help="Sortie : console ou json.")] = "console",
    lang: Annotated[str, typer.Option("--lang", help="Langue : fr ou en.")] = "fr",
) -> None:
    """Vérifier une preuve technique hors ligne. Code 0 vérifiée, 1 contredite, 2 non vérifiable."""
    from checker.app.evaluate import parse_as_of
    from checker.checks.base import CheckContext
    from checker.checks.runner import check_file
    from checker.model.referential import Environment, EvidenceKind
    from checker.render.check_results import exit_code, make_report, render_console, render_json

    for option, value, allowed in (
        ("--kind", kind, _KINDS),
        ("--environment", environment, _ENVIRONMENTS),
        ("--level", level, _LEVELS),
    ):
        if value is not None:
            check_choice(option, value, allowed)
    check_choice("--format", fmt, ("console", "json"))
    check_choice("--lang", lang, LANGS)
    ctx = CheckContext(
        as_of=parse_as_of(as_of),
        environment=Environment(environment) if environment else None,
        level=level,
        client_id=client_id,
        jwks=_read_jwks(jwks) if jwks else None,
    )
    require_regular_file(file, "give the path of one evidence file", missing="no such evidence file")
    found = check_file(file, EvidenceKind(kind) if kind else None, ctx)
    report = make_report(found, str(file), _sha256(file), ctx, str(jwks) if jwks else None, lang)
    sys.stdout.buffer.write(render_json(report) if fmt == "json" else render_console(report))
    sys.stdout.flush()
    if report.unreadable:  # exit 2 always comes with its reason on standard error
        reason = terminal_text(report.unreadable)
        hint = "see `psc-check check-evidence --help` for the files each --kind accepts"
        sys.stderr.write(f"psc-check: {terminal_text(str(file))}: cannot be checked: {reason} — {hint}\n")
    raise typer.Exit(exit_code(report))


def _read_jwks(path: Path) -> bytes:
    from checker.checks.jws import parse_jwks

    raw = read_input(path, MAX_JWKS_BYTES, what="a JWKS", hint="give the JWKS file (JSON), e.g. PSC's /certs")
    try:
        parse_jwks(raw)
    except ValueError as exc:
        raise InputError.at(
            Location(str(path)), f"not a JWKS document ({exc})", 'expected JSON {"keys": [...]}, e.g. PSC\'s /certs'
        ) from None
    return raw


def _sha256(path: Path) -> str | None:
    import hashlib

    digest = hashlib.sha256()
    try:
        if path.stat().st_size > MAX_EVIDENCE_HASH_BYTES:  # not read for minutes: the checks refuse it anyway
            return None
        with path.open("rb") as handle:
            while chunk := handle.read(1 << 20):
                digest.update(chunk)
    except OSError:
        return None
    return digest.hexdigest()
