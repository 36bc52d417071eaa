"""People read labels, not codes: every human output of every example, in both languages, holds no raw code.

Rendered for real through the CLI (in process): console, Markdown and HTML reports of each example, a baseline
comparison, the portfolio (console, Markdown, HTML), ``referentiel list`` (table, Markdown) and ``referentiel
show`` of every requirement, ``diff`` with a declaration, and the comments of the ``init`` template.

A *raw code* is a value of the enums people see labelled (obligation, outcome, status, assurance, environment,
evidence kind) or an id of the referential's levels, themes and parcours, standing alone as a word. What is
deliberately left out of the search, each for its reason:

- **words psc-check quotes, not writes**: the referential's prose (titles, statements, remediation, quotes,
  rationales) and the declarations' prose (names, justifications) are removed first, whole; an author may write
  ``communaute`` in a sentence, and psc-check shows it as written;
- **tokens joined by ``.``, ``-``, ``/`` or ``_`` to other characters**: requirement ids (``PSC-OIDC-01``), check
  ids (``oidc.acr``, listed under "Vérifications automatiques"), file paths (``evidence/oidc-client.json``);
- **a code that is also a word of a label in that language**: ``mandatory`` is the English label of
  ``mandatory``, ``production`` the French label of ``production``;
- **the YAML of the init template**: only its comments are read, since keys and values must be codes; in them, the
  values to type written as code spans (`` `bac_a_sable` (bac à sable)``), and the one line that lists the status
  codes with their labels (``compliant (conforme)…``), so the vendor knows what to type;
- **command-line options** (``--require-assurance``), which are not text but things to type.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from checker.i18n import Translator
from checker.i18n.catalogue import CATALOGUE
from checker.model.declaration import Status
from checker.model.referential import Environment, EvidenceKind, Obligation
from checker.model.report import Assurance, Outcome
from checker.referential.load import LoadedReferential
from tests.conftest import ROOT, Cli

AS_OF = "2026-11-28"
EXAMPLES = sorted(p.parent for p in (ROOT / "examples").glob("*/declaration.yaml"))
NEXT_EDITION = ROOT / "tests" / "data" / "psc-next.yaml"
LANGS = ("fr", "en")

_LABEL_FAMILIES = ("outcome.", "status.", "obligation.", "assurance.", "env.", "kind.", "state.", "hab.", "waiver.")


def _codes(psc: LoadedReferential) -> set[str]:
    enums: list[Iterable[Any]] = [Obligation, Outcome, Status, Assurance, Environment, EvidenceKind]
    codes = {str(member.value) for enum in enums for member in enum}
    model = psc.model
    codes |= {lv.id for lv in model.levels} | {th.id for th in model.themes} | {p.id for p in model.parcours}
    return codes


def _label_words(psc: LoadedReferential, lang: str) -> set[str]:
    """Every word of a label in ``lang``: a code spelled like one is a label there, not a leak.

    In English, a theme id that is a plain English word the catalogue's sentences use (``logout``, ``tokens``) is
    that word, not the theme's id.
    """
    texts = [entry[lang] for key, entry in CATALOGUE.items() if key.startswith(_LABEL_FAMILIES)]
    labels = psc.labels_in(lang)
    texts += [*labels.levels.values(), *labels.themes.values(), *labels.parcours.values()]
    words = {word for text in texts for word in re.findall(r"[\w]+", text)}
    if lang == "en":
        prose = {word for entry in CATALOGUE.values() for word in re.findall(r"[\w]+", entry["en"])}
        words |= prose & {th.id for th in psc.model.themes}
    return words


def _strings(data: Any) -> Iterator[str]:
    if isinstance(data, str):
        yield data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from _strings(key)
            yield from _strings(value)
    elif isinstance(data, list):
        for value in data:
            yield from _strings(value)


def _quoted_prose(psc: LoadedReferential) -> list[str]:
    """Sentences psc-check shows as written (referential and declarations), longest first."""
    paths = [psc.path, *(folder / "declaration.yaml" for folder in EXAMPLES)]
    sources = [yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader) for path in paths]
    prose = {s.strip() for data in sources for s in _strings(data) if " " in s.strip()}
    return sorted(prose, key=len, reverse=True)


def _plain(text: str, kind: str) -> str:
    """The words a person reads: HTML without tags or entities, Markdown without its escapes."""
    if kind == "html":
        text = re.sub(r"<style>.*?</style>", " ", text, flags=re.S)
        text = html.unescape(re.sub(r"<[^>]+>", " ", text))
    if kind == "md":
        text = re.sub(r"\\([\\`*_{}\[\]()#+\-.!|<>~])", r"\1", text)
    return text


def _leaks(text: str, codes: set[str], allowed: set[str], prose: list[str]) -> list[str]:
    for sentence in prose:
        text = text.replace(sentence, " ")
    text = re.sub(r"(?<![\w-])--[a-z][a-z-]*", " ", text)  # command-line options
    found = []
    for token in re.split(r"[\s,;:()\[\]«»“”\"'`|*=<>{}!?…+·—]+", text):
        word = token.strip(".-/")
        if word in codes and word not in allowed:
            found.append(word)
    return found


@pytest.fixture(scope="module")
def words(psc: LoadedReferential) -> dict[str, Any]:
    return {
        "codes": _codes(psc),
        "allowed": {lang: _label_words(psc, lang) for lang in LANGS},
        "prose": _quoted_prose(psc),
    }


def _check(words: dict[str, Any], lang: str, outputs: dict[str, tuple[str, str]]) -> None:
    leaks = {
        name: sorted(set(found))
        for name, (text, kind) in outputs.items()
        if (found := _leaks(_plain(text, kind), words["codes"], words["allowed"][lang], words["prose"]))
    }
    assert not leaks, f"raw codes in human text ({lang}): {leaks}"


def _run(cli: Cli, *args: object) -> str:
    result = cli(*args)
    assert result.code in (0, 1), result.stderr
    return result.stdout


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name)
def test_reports_show_labels(cli: Cli, words: dict[str, Any], example: Path, lang: str, tmp_path: Path) -> None:
    decl = example / "declaration.yaml"
    md, page, base = tmp_path / "r.md", tmp_path / "r.html", tmp_path / "base.json"
    console = _run(cli, "evaluate", decl, "--as-of", AS_OF, "--lang", lang, "-o", md, "-o", page, "-o", base)
    later = _run(cli, "evaluate", decl, "--as-of", "2027-09-01", "--lang", lang, "--baseline", base)  # evidence aged
    outputs = {"console": (console, "text"), "md": (md.read_text("utf-8"), "md")}
    outputs |= {"html": (page.read_text("utf-8"), "html"), "regressions": (later, "text")}
    _check(words, lang, outputs)


def test_regressions_name_outcomes_by_their_labels(cli: Cli, tmp_path: Path) -> None:
    """``(conforme → non étayé)`` for people; the JSON report keeps ``compliant → unsupported``."""
    decl, base = EXAMPLES[0] / "declaration.yaml", tmp_path / "base.json"
    _run(cli, "evaluate", decl, "--as-of", AS_OF, "-o", base)
    console = _run(cli, "evaluate", decl, "--as-of", "2027-09-01", "--baseline", base)
    data = _run(cli, "evaluate", decl, "--as-of", "2027-09-01", "--baseline", base, "--format", "json")
    assert "(conforme → non étayé)" in console
    assert "(compliant → unsupported)" in data and "(conforme →" not in data


@pytest.mark.parametrize("lang", LANGS)
def test_portfolio_shows_labels(cli: Cli, words: dict[str, Any], lang: str, tmp_path: Path) -> None:
    md, page = tmp_path / "p.md", tmp_path / "p.html"
    console = _run(
        cli, "portfolio", *EXAMPLES, "--as-of", AS_OF, "--lang", lang, "--workers", "1", "-o", md, "-o", page
    )
    outputs = {"console": (console, "text"), "md": (md.read_text("utf-8"), "md")}
    outputs["html"] = (page.read_text("utf-8"), "html")
    _check(words, lang, outputs)


@pytest.mark.parametrize("lang", LANGS)
def test_referential_listing_and_sheets_show_labels(
    cli: Cli, words: dict[str, Any], psc: LoadedReferential, lang: str
) -> None:
    outputs = {
        "list": (_run(cli, "referentiel", "list", "--lang", lang), "text"),
        "list-md": (_run(cli, "referentiel", "list", "--format", "md", "--lang", lang), "md"),
    }
    outputs |= {rid: (_run(cli, "referentiel", "show", rid, "--lang", lang), "text") for rid in psc.requirements}
    _check(words, lang, outputs)


@pytest.mark.parametrize("lang", LANGS)
def test_diff_shows_labels(cli: Cli, words: dict[str, Any], psc: LoadedReferential, lang: str) -> None:
    outputs = {
        example.name: (_run(cli, "diff", psc.path, NEXT_EDITION, "--declaration", example / "declaration.yaml"), "text")
        for example in EXAMPLES
    }
    _check(words, lang, outputs)


def test_init_template_comments_show_labels(cli: Cli, words: dict[str, Any], tmp_path: Path) -> None:
    """The template is French (``init`` has no --lang): its comments hold labels; its YAML, codes."""
    outputs = {}
    help_line = Translator("fr")("init.status_help")
    for example in EXAMPLES:
        decl = yaml.load((example / "declaration.yaml").read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
        out = tmp_path / f"{example.name}.yaml"
        args = [arg for actor in decl["actors"] for arg in ("--actor", actor)]
        args += ["--level", decl["level"], "-o", out]
        args += [arg for name, on in decl.get("features", {}).items() if on for arg in ("--feature", name)]
        result = cli("init", *args)
        assert result.code == 0, result.stderr
        comments = [line.split("#", 1)[1] for line in out.read_text(encoding="utf-8").splitlines() if "#" in line]
        kept = "\n".join(c for c in comments if help_line not in c)
        outputs[example.name] = (re.sub(r"`[^`]*`", " ", kept), "text")  # values to type, as code spans
    _check(words, "fr", outputs)
