"""``psc-check probe login|tls|cors|proxy``: produce evidence files from the vendor's running service."""

from pathlib import Path
from typing import Annotated

import typer

from checker.cli.common import (
    EnvironmentOption,
    LangOption,
    ReferentialOption,
    check_environment,
    show_lines,
)
from checker.cli.help import Command, Group
from checker.cli.language import command_lang

__all__ = ["app"]

app = typer.Typer(
    cls=Group,
    help=(
        "Produire des preuves depuis le service en fonctionnement (bac à sable) : capture de connexion, analyse TLS, "
        "CORS, contrat du Proxy e-Santé. Seuls les hôtes nommés sont contactés, jamais PSC."
    ),
    no_args_is_help=True,
    rich_markup_mode=None,
)

OutputOption = Annotated[
    Path | None,
    typer.Option("-o", "--output", metavar="DOSSIER", help="Dossier où écrire les preuves (p. ex. evidence/sonde)."),
]
CaBundleOption = Annotated[
    Path | None,
    typer.Option("--ca-bundle", metavar="FICHIER", help="Autorités de confiance (PEM) pour une PKI de test."),
]
DryRunOption = Annotated[bool, typer.Option("--dry-run", help="Afficher les requêtes prévues sans rien envoyer.")]
CiteOption = Annotated[
    Path | None,
    typer.Option(
        "--cite",
        metavar="DECLARATION",
        help="Citer les preuves produites dans cette déclaration (comme `evidence add`), pour chaque --requirement.",
    ),
]
RequirementOption = Annotated[
    list[str] | None,
    typer.Option("--requirement", "-r", metavar="EXIGENCE", help="Exigence où citer les preuves (répétable)."),
]


def _run(
    probe: str,
    targets: list[str],
    output: Path | None,
    *,
    environment: str | None,
    ca_bundle: Path | None,
    dry_run: bool,
    cite: Path | None,
    requirements: list[str] | None,
    referentiel: Path | None,
    lang: str | None,
    client_id: str | None = None,
    i_know: bool = False,
) -> None:
    from checker.app.probe import ProbeRequest, run_probe

    lang = command_lang(lang)
    environment = check_environment(environment)
    result = run_probe(
        ProbeRequest(
            probe=probe,  # type: ignore[arg-type]  # one of the four commands below
            targets=tuple(targets),
            output=output,
            environment=environment,
            client_id=client_id,
            ca_bundle=ca_bundle,
            dry_run=dry_run,
            i_know=i_know,
            cite=cite,
            requirements=tuple(requirements or ()),
            referential=referentiel,
            lang=lang,
        )
    )
    show_lines(result.warnings, result.lines)
    raise typer.Exit(result.exit_code)


@app.command("login", cls=Command)
def login(
    url: Annotated[str, typer.Argument(metavar="URL", help="URL du bouton « Se connecter avec Pro Santé Connect ».")],
    output: OutputOption = None,
    environment: EnvironmentOption = None,
    client_id: Annotated[
        str | None, typer.Option("--client-id", metavar="CLIENT_ID", help="client_id enregistré auprès de PSC.")
    ] = None,
    ca_bundle: CaBundleOption = None,
    dry_run: DryRunOption = False,
    cite: CiteOption = None,
    requirement: RequirementOption = None,
    referentiel: ReferentialOption = None,
    lang: LangOption = None,
) -> None:
    """Suivre la connexion jusqu'à la redirection vers PSC (jamais envoyée) ; HAR et contrôles har.*."""
    _run(
        "login",
        [url],
        output,
        environment=environment,
        client_id=client_id,
        ca_bundle=ca_bundle,
        dry_run=dry_run,
        cite=cite,
        requirements=requirement,
        referentiel=referentiel,
        lang=lang,
    )


@app.command("tls", cls=Command)
def tls(
    host: Annotated[
        str, typer.Argument(metavar="HÔTE", help="Serveur à analyser : HÔTE ou HÔTE:PORT (port 443 par défaut).")
    ],
    output: OutputOption = None,
    environment: EnvironmentOption = None,
    ca_bundle: CaBundleOption = None,
    dry_run: DryRunOption = False,
    cite: CiteOption = None,
    requirement: RequirementOption = None,
    referentiel: ReferentialOption = None,
    lang: LangOption = None,
) -> None:
    """Versions de TLS acceptées (une poignée de main par version) et chaîne de certificats ; analyse tls_scan."""
    _run(
        "tls",
        [host],
        output,
        environment=environment,
        ca_bundle=ca_bundle,
        dry_run=dry_run,
        cite=cite,
        requirements=requirement,
        referentiel=referentiel,
        lang=lang,
    )


@app.command("cors", cls=Command)
def cors(
    urls: Annotated[list[str], typer.Argument(metavar="URL…", help="Points d'accès à tester (retour, relais, API).")],
    output: OutputOption = None,
    environment: EnvironmentOption = None,
    ca_bundle: CaBundleOption = None,
    dry_run: DryRunOption = False,
    cite: CiteOption = None,
    requirement: RequirementOption = None,
    referentiel: ReferentialOption = None,
    lang: LangOption = None,
) -> None:
    """Requêtes CORS depuis une origine étrangère : signale « * » ou l'origine renvoyée telle quelle."""
    _run(
        "cors",
        urls,
        output,
        environment=environment,
        ca_bundle=ca_bundle,
        dry_run=dry_run,
        cite=cite,
        requirements=requirement,
        referentiel=referentiel,
        lang=lang,
    )


@app.command("proxy", cls=Command)
def proxy(
    url: Annotated[str, typer.Argument(metavar="URL", help="URL de base du Proxy e-Santé (bac à sable).")],
    output: OutputOption = None,
    environment: EnvironmentOption = None,
    ca_bundle: CaBundleOption = None,
    dry_run: DryRunOption = False,
    i_know: Annotated[
        bool, typer.Option("--i-know", help="Accepter un hôte qui ne ressemble pas à un bac à sable.")
    ] = False,
    cite: CiteOption = None,
    requirement: RequirementOption = None,
    referentiel: ReferentialOption = None,
    lang: LangOption = None,
) -> None:
    """Contrat du Proxy e-Santé : /connect invalide → 400, /send sans session → 401, forme de /traces."""
    _run(
        "proxy",
        [url],
        output,
        environment=environment,
        ca_bundle=ca_bundle,
        dry_run=dry_run,
        cite=cite,
        requirements=requirement,
        referentiel=referentiel,
        lang=lang,
        i_know=i_know,
    )
