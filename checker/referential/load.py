"""Load a referential edition strictly, check its consistency, and index it for look-ups."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from checker.errors import InputError, located
from checker.i18n.catalogue import CATALOGUE
from checker.inputs import yamlload
from checker.inputs.limits import MAX_REFERENTIAL_BYTES
from checker.inputs.loaded import LoadedFile, text_sha256
from checker.inputs.paths import default_referential, referential_dir
from checker.inputs.yamlload import YamlDocument
from checker.model.message import Message, msg, term
from checker.model.referential import ActorDef, ActorInheritance, Referential, Requirement
from checker.model.report import Labels
from checker.referential import compiled

if TYPE_CHECKING:
    from checker.model.report import PolicyInfo, ReferentialInfo

__all__ = ["LoadedReferential", "compile_referential", "load_bundle", "load_referential"]

_FAMILIES = {"levels": "level", "actors": "actor", "parcours": "parcours", "features": "feature", "themes": "theme"}
""":class:`Labels` field → the family name of its catalogue keys (``ref.level.communaute``)."""
_PLURAL = {singular: field for field, singular in _FAMILIES.items()}


def _translated(family: str, code: str, label: str, lang: str) -> str:
    """The catalogue's name of the term in ``lang``, if the catalogue translates this label; else the label."""
    entry = CATALOGUE.get(".".join(("ref", family, code)))
    return entry[lang] if entry is not None and entry["fr"] == label and lang in entry else label


@dataclass(frozen=True)
class LoadedReferential(LoadedFile[Referential]):
    """A validated edition with its file, hash and indexes."""

    policy: PolicyInfo | None = None
    """The policy file applied to this edition's policy values (``--policy``), if any."""

    @property
    def id(self) -> str:
        return self.model.metadata.id

    @property
    def version(self) -> str:
        return self.model.metadata.version

    def info(self) -> ReferentialInfo:
        """What every report says of this edition: id, title, version, hash, edition status."""
        from checker.model.report import ReferentialInfo  # the report models: not for a listing of the edition

        meta = self.model.metadata
        return ReferentialInfo(
            id=self.id,
            title=meta.title,
            version=self.version,
            sha256=self.sha256,
            edition_status=meta.edition_status.value,
        )

    @cached_property
    def requirements(self) -> dict[str, Requirement]:
        return {r.id: r for r in self.model.requirements}

    @cached_property
    def actors(self) -> dict[str, ActorDef]:
        return {a.id: a for a in self.model.actors}

    @cached_property
    def labels(self) -> Labels:
        """The label of each level, actor, parcours, feature and theme, by id (people read labels, not ids)."""
        m = self.model
        return Labels(
            levels={lv.id: lv.label for lv in m.levels},
            actors={a.id: a.label for a in m.actors},
            parcours={p.id: p.label for p in m.parcours},
            features={f.id: f.label for f in m.features},
            themes={th.id: th.label for th in m.themes},
        )

    def labels_in(self, lang: str) -> Labels:
        """:attr:`labels` in ``lang``: the referential's own (French) labels, or their names in the catalogue
        (``ref.<family>.<id>``) when the catalogue translates that very label."""
        french = self.labels
        if lang == "fr":
            return french
        return Labels(
            **{
                family: {
                    code: _translated(singular, code, label, lang) for code, label in getattr(french, family).items()
                }
                for family, singular in _FAMILIES.items()
            }
        )

    def term(self, family: str, code: str) -> Message:
        """``code`` of ``family`` (``level``, ``parcours``, ``feature``…) as a term: its label in each language
        for people, the code for machine formats."""
        french = getattr(self.labels, _PLURAL[family]).get(code)
        if french is None:
            return term(code)
        english = _translated(family, code, french, "en")
        return term(code, french if english == french else msg("text.by_lang", fr=french, en=english))

    @cached_property
    def level_closure(self) -> dict[str, frozenset[str]]:
        """Each level with every level it includes, transitively (itself included)."""
        includes = {lv.id: lv.includes for lv in self.model.levels}
        out: dict[str, frozenset[str]] = {}
        for level in includes:
            seen: set[str] = set()
            todo = [level]
            while todo:
                current = todo.pop()
                if current not in seen:
                    seen.add(current)
                    todo.extend(includes.get(current, ()))
            out[level] = frozenset(seen)
        return out

    def binds_level(self, requirement: Requirement, level: str) -> bool:
        """Whether ``requirement`` is in force at ``level`` (directly or through an included level)."""
        closure = self.level_closure.get(level, frozenset({level}))
        return any(lv in closure for lv in requirement.levels)

    def inherited_by(self, requirement: Requirement) -> dict[str, ActorInheritance]:
        """The actors that take ``requirement`` through the metadata's inheritance rules, with the rule for each."""
        out: dict[str, ActorInheritance] = {}
        for rule in self.model.metadata.actor_inheritance:
            if rule.actor not in requirement.actors and rule.covers(requirement):
                out.setdefault(rule.actor, rule)
        return out

    def bound_actors(self, requirement: Requirement) -> set[str]:
        """The actors ``requirement`` binds: those it names and those that inherit it."""
        return set(requirement.actors) | set(self.inherited_by(requirement))

    def select(
        self, actors: list[str] | None = None, level: str | None = None, theme: str | None = None
    ) -> list[Requirement]:
        """Requirements binding any of ``actors`` (named or inherited) at ``level`` within ``theme``, in file order."""
        wanted = set(actors or ())
        return [
            r
            for r in self.model.requirements
            if (not wanted or wanted.intersection(self.bound_actors(r)))
            and (level is None or self.binds_level(r, level))
            and (theme is None or r.theme == theme)
        ]


_LOADED: dict[tuple[str, str], LoadedReferential] = {}
"""Editions already loaded in this process, by path and content hash (a changed file is loaded again)."""
_MAX_LOADED = 8


def load_referential(path: Path | None = None) -> LoadedReferential:
    """Load and check one edition (the bundled PSC referential by default); once per content in a process.

    A loaded edition is immutable (frozen models; a policy makes a new one), so the same content is parsed once:
    the tests and the portfolio evaluate many declarations against one referential. Across processes, its compiled
    form (:mod:`checker.referential.compiled`) spares the YAML parse and the checks.
    """
    target = path or default_referential()
    name = str(target)
    raw = yamlload.read_yaml_bytes(target, max_bytes=MAX_REFERENTIAL_BYTES, what=msg("what.referential"))
    source = hashlib.sha256(raw).hexdigest()
    key = (name, source)
    if key in _LOADED:
        return _LOADED[key]
    text = yamlload.decode_yaml(raw, name)
    model = compiled.bundled_entry(target.stem, source) or compiled.cached_entry(source)
    if model is None:
        doc = yamlload.load_yaml_text(text, name)
        model = _checked(doc)
        compiled.store(model, source)
    loaded = LoadedReferential(model=model, path=target, sha256=text_sha256(text), document=_lazy(name, text))
    if len(_LOADED) >= _MAX_LOADED:
        _LOADED.pop(next(iter(_LOADED)))
    _LOADED[key] = loaded
    return loaded


def _checked(doc: YamlDocument) -> Referential:
    """The validated model of ``doc``, or :class:`InputError` with every schema or consistency problem."""
    from checker.checks.registry import is_known_check  # every check module: only to compile an edition
    from checker.inputs.validation import validate_document
    from checker.referential.consistency import referential_problems

    model = validate_document(doc, Referential)

    problems = referential_problems(model, doc, is_known_check)
    if problems:
        raise InputError(problems)
    return model


def _lazy(name: str, text: str) -> YamlDocument:
    """The document kept to place later messages: the text only, parsed again if a message needs a line."""
    return YamlDocument(name, text, None)


def compile_referential(path: Path) -> bytes:
    """The compiled entry of the edition at ``path``, loaded from its YAML and checked (never from a cache)."""
    raw = yamlload.read_yaml_bytes(path, max_bytes=MAX_REFERENTIAL_BYTES, what=msg("what.referential"))
    doc = yamlload.load_yaml_text(yamlload.decode_yaml(raw, str(path)), str(path))
    return compiled.entry_bytes(_checked(doc), hashlib.sha256(raw).hexdigest())


def load_bundle(folder: Path | None = None) -> dict[str, LoadedReferential]:
    """Every edition in ``folder`` (the bundled one by default), with cross-references resolved."""
    root = folder or referential_dir()
    editions: dict[str, LoadedReferential] = {}
    for path in sorted(root.glob("*.yaml")):
        edition = load_referential(path)
        editions[edition.id] = edition
    problems: list[Message] = []
    for edition in editions.values():
        for index, req in enumerate(edition.model.requirements):
            for j, ref in enumerate(req.cross_references):
                target = editions.get(ref.referential)
                if target is None or ref.requirement not in target.requirements:
                    where = edition.document.location(["requirements", index, "cross_references", j])
                    unknown = msg("error.ref_cross_reference", referential=ref.referential, requirement=ref.requirement)
                    problems.append(located(where, unknown))
    if problems:
        raise InputError(problems)
    return editions
