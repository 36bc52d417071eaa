"""The catalogue is complete and lean: every key used has French and English text, every entry is used.

Uses are found statically, in the source and the templates: a quoted key (``"why.actor"``), and keys built from a
prefix (``f"outcome.{o.value}"``, ``"status." ~ code``). Each prefix is listed in :data:`FAMILIES` with every value
it can be completed with (an enum's or a ``Literal``'s values), so that a new prefix, or a value without text, fails.
"""

from __future__ import annotations

import ast
import functools
import re
import string
from collections.abc import Iterable
from pathlib import Path
from typing import Any, get_args

import pytest

from checker.checks.jws import Outcome as SignatureOutcome
from checker.evaluation.habilitations import HabilitationProblem
from checker.i18n.catalogue import CATALOGUE
from checker.matrix.layout import ABOUT_FIELDS, SHEETS
from checker.model.declaration import Status
from checker.model.message import VERBATIM
from checker.model.portfolio import HabilitationLink
from checker.model.referential import EditionStatus, Environment, EvidenceKind, Obligation, ProvenanceBasis
from checker.model.report import (
    Assurance,
    CheckResult,
    DeadlineItem,
    EvidenceStatus,
    HabilitationStatus,
    Outcome,
    ParcoursStepState,
    Severity,
    WaiverState,
)
from checker.referential.diff import ChangeKind, Field, Verdict
from tests.conftest import ROOT

_CATALOGUE_MODULES = {"catalogue.py", "checks_catalogue.py", "checks_credentials.py", "checks_exchanges.py"}
_CATALOGUE_MODULES.add("commands_catalogue.py")
_CATALOGUE_MODULES.add("export_catalogue.py")
_CATALOGUE_MODULES.add("evidence_catalogue.py")
_CATALOGUE_MODULES.add("click_catalogue.py")
_CATALOGUE_MODULES.add("probe_catalogue.py")
_CATALOGUE_MODULES.add("errors_catalogue.py")
_CATALOGUE_MODULES.add("labels_catalogue.py")
_CATALOGUE_MODULES.add("terms_catalogue.py")
_CATALOGUE_MODULES.add("matrix_catalogue.py")


def _literal(annotation: object) -> tuple[str, ...]:
    return tuple(str(v) for v in get_args(annotation))


def _field(model: type, name: str) -> tuple[str, ...]:
    return _literal(model.model_fields[name].annotation)  # type: ignore[attr-defined]


def _sheet_columns() -> list[str]:
    """The column keys the matrix sheets label with ``label.<key>`` (``keys = [...]`` and ``keys += [...]``)."""
    out: list[str] = []
    for node in ast.walk(ast.parse((ROOT / "checker" / "matrix" / "sheets.py").read_text(encoding="utf-8"))):
        targets = (
            node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(node, ast.AugAssign) else []
        )
        if any(isinstance(t, ast.Name) and t.id == "keys" for t in targets) and isinstance(node.value, ast.List):  # type: ignore[attr-defined]
            out += [e.value for e in node.value.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)]  # type: ignore[attr-defined]
    return out


def _ciba_checks() -> list[str]:
    """The CIBA checks that say ``check.<check id>_bad`` for a bad value (``_each`` in checker/checks/ciba.py)."""
    source = (ROOT / "checker" / "checks" / "ciba.py").read_text(encoding="utf-8")
    return re.findall(r'_each\(\s*"([a-z_.]+)"', source)


@functools.cache
def _bundled_data() -> dict[str, Any]:
    """The bundled PSC referential as YAML data, parsed once (the safe loader, in C)."""
    import yaml

    data: dict[str, Any] = yaml.load(
        (ROOT / "referentiel" / "psc.yaml").read_text(encoding="utf-8"), Loader=yaml.CSafeLoader
    )
    return data


def _bundled(family: str) -> tuple[str, ...]:
    """The ids of one family of the bundled PSC referential's terms (``ref.<family>.<id>``: their English names)."""
    return tuple(item["id"] for item in _bundled_data()[family])


FAMILIES: dict[str, tuple[str, ...]] = {
    "outcome.": tuple(o.value for o in Outcome),
    "assurance.": tuple(a.value for a in Assurance),
    "assurance_n.": tuple(a.value for a in Assurance),
    "status.": (*(s.value for s in Status), "none"),
    "obligation.": tuple(o.value for o in Obligation),
    "kind.": tuple(k.value for k in EvidenceKind),
    "severity.": _literal(Severity),
    "evidence.": _literal(EvidenceStatus),
    "problem.": _literal(HabilitationProblem),
    "reason.check_": _field(CheckResult, "status"),
    "check.": _field(CheckResult, "status"),
    "change.": _literal(ChangeKind),
    "field.": _literal(Field),
    "move.": _literal(Verdict),
    "migrate.": _literal(Verdict),
    "env.": tuple(e.value for e in Environment),
    "ref.level.": _bundled("levels"),
    "ref.actor.": _bundled("actors"),
    "ref.theme.": _bundled("themes"),
    "ref.parcours.": _bundled("parcours"),
    "ref.feature.": _bundled("features"),
    "basis.": tuple(b.value for b in ProvenanceBasis),
    "edition.": tuple(e.value.replace("-", "_") for e in EditionStatus),
    "hab.": _field(HabilitationStatus, "state"),
    "state.": _field(ParcoursStepState, "state"),
    "link.": _field(HabilitationLink, "status"),
    "linkstatus.": _field(HabilitationLink, "status"),
    "deadline.": _field(DeadlineItem, "kind"),
    "waiver.": _literal(WaiverState),
    "sheet.": SHEETS,
    "label.": (*_field(HabilitationStatus, "relation"), *ABOUT_FIELDS, *_sheet_columns()),
    "label.kind_": ("declared", "recognised"),  # EvidenceCheckReport.kind_source (checker/render/check_results.py)
    # keys the automated checks build (their text is theirs; these lines follow their code)
    "check.token.": tuple(o for o in get_args(SignatureOutcome) if o not in ("ok", "unsupported")),
    "check.ciba.": tuple(c.removeprefix("ciba.") + "_bad" for c in _ciba_checks()),
}
"""Prefix → every value a key is built with after it."""

_SAY_FAMILY = "check."
"""The automated checks say ``ctx.say("har.empty")`` for the key ``check.har.empty`` (checker/checks/base.py): in
checker/checks/, a quoted ``har.empty`` or a prefix ``token.`` stands for ``check.har.empty``, ``check.token.``."""

_KEY = r"[a-z][a-z0-9_]*\.[a-z0-9_.]*[a-z0-9_]"
_QUOTED = re.compile(rf"""["']({_KEY})["']""")
_PREFIX = re.compile(r"""f?["']([a-z][a-z0-9_]*\.(?:[a-z0-9_]+[._])?)(?:\{|["']\s*[+~])""")


def _sources() -> Iterable[Path]:
    for path in sorted((ROOT / "checker").rglob("*.py")):
        if not (path.parent.name == "i18n" and path.name in _CATALOGUE_MODULES):
            yield path
    yield from sorted((ROOT / "templates").glob("*.j2"))


def _text(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def _in_checks(path: Path) -> bool:
    return path.parent.name == "checks"


def _used_keys() -> set[str]:
    used: set[str] = {VERBATIM}
    for path in _sources():
        text = _text(path)
        quoted = _QUOTED.findall(text)
        used |= {k for k in quoted if k in CATALOGUE}
        if _in_checks(path):
            used |= {_SAY_FAMILY + k for k in quoted}
    for prefix, values in FAMILIES.items():
        used |= {prefix + value for value in values}
    return used


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_every_prefix_built_in_the_source_is_a_known_family() -> None:
    found = {
        (
            _SAY_FAMILY + prefix if _in_checks(path) and prefix not in FAMILIES else prefix,
            path.relative_to(ROOT).as_posix(),
        )
        for path in _sources()
        for prefix in _PREFIX.findall(_text(path))
    }
    unknown = sorted((prefix, where) for prefix, where in found if prefix not in FAMILIES)
    assert not unknown, f"keys built from a prefix not listed in FAMILIES (add it, with every value): {unknown}"


@pytest.mark.parametrize("prefix", sorted(FAMILIES))
def test_every_value_of_a_family_has_a_key(prefix: str) -> None:
    missing = [prefix + value for value in FAMILIES[prefix] if prefix + value not in CATALOGUE]
    assert not missing, f"no catalogue entry for {missing}"


def test_every_quoted_key_in_the_source_exists() -> None:
    called = re.compile(rf"""\b(?:msg|message|t|say)\(\s*["']({_KEY})["']""")
    missing = sorted(
        (key, path.relative_to(ROOT).as_posix())
        for path in _sources()
        for key in called.findall(_text(path))
        if key not in CATALOGUE and _SAY_FAMILY + key not in CATALOGUE
    )
    assert not missing, f"keys used but not in the catalogue: {missing}"


BY_LANGUAGE = {"text.by_lang": ({"fr"}, {"en"})}
"""Entries whose parameters are the text in each language (from the referential): each language takes its own."""


def test_every_entry_has_french_and_english_with_the_same_parameters() -> None:
    wrong = {
        key: entry
        for key, entry in CATALOGUE.items()
        if set(entry) != {"fr", "en"}
        or not entry["fr"]
        or not entry["en"]
        or (_fields(entry["fr"]), _fields(entry["en"])) != BY_LANGUAGE.get(key, (_fields(entry["en"]),) * 2)
    }
    assert not wrong


def test_every_entry_is_used() -> None:
    unused = sorted(set(CATALOGUE) - _used_keys())
    assert not unused, f"catalogue entries no code uses: {unused}"


def _calls(tree: ast.AST) -> Iterable[tuple[str, set[str], int]]:
    """(key, keyword names, line) of each ``msg/message/t/say("key", ...)`` call with a literal key and no ``**``."""
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or not node.args:
            continue
        name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
        first = node.args[0]
        if name not in {"msg", "message", "t", "say"} or not isinstance(first, ast.Constant):
            continue
        if not isinstance(first.value, str) or any(k.arg is None for k in node.keywords):
            continue
        key = first.value if first.value in CATALOGUE else _SAY_FAMILY + first.value
        yield key, {k.arg for k in node.keywords if k.arg and not (name == "message" and k.arg == "lang")}, node.lineno


def test_every_call_gives_the_parameters_its_text_names() -> None:
    wrong = []
    for path in _sources():
        if path.suffix != ".py":
            continue
        for key, given, line in _calls(ast.parse(_text(path))):
            named = _fields(CATALOGUE[key]["fr"]) | _fields(CATALOGUE[key]["en"]) if key in CATALOGUE else set()
            if key in CATALOGUE and given != named:
                wrong.append(f"{path.relative_to(ROOT)}:{line}: {key} given {sorted(given)}")
    assert not wrong, wrong
