"""Consistency of a referential edition beyond its schema: ids unique and every reference defined."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from checker.errors import Message, located, msg
from checker.inputs.suggest import did_you_mean
from checker.inputs.yamlload import YamlDocument
from checker.model.referential import ActorDef, Referential, Requirement

__all__ = ["REQUIREMENT_RULES", "Known", "RequirementRule", "referential_problems"]

Path = Sequence[str | int]


class _Collector:
    def __init__(self, doc: YamlDocument) -> None:
        self.doc = doc
        self.messages: list[Message] = []

    def add(self, path: Path, message: Message, hint: Message | None = None) -> None:
        problem = msg("validation.field", field=".".join(map(str, path)), problem=message)
        self.messages.append(located(self.doc.location(path), problem, hint))

    def unique(self, section: str, ids: Iterable[str], what: str) -> None:
        seen: set[str] = set()
        for index, value in enumerate(ids):
            if value in seen:
                self.add([section, index, "id"], msg("error.ref_duplicate", what=what, value=value), msg("hint.own_id"))
            seen.add(value)

    def known(self, path: Path, value: str, known: set[str], what: str) -> None:
        if value not in known:
            hint = did_you_mean(value, known) or msg("hint.define_under", what=what)
            self.add(path, msg("error.ref_unknown", what=what, value=value), hint)

    def all_known(self, path: Path, values: Iterable[str], known: set[str], what: str) -> None:
        """:meth:`known` for each item of the list at ``path``."""
        for index, value in enumerate(values):
            self.known([*path, index], value, known, what)


def referential_problems(ref: Referential, doc: YamlDocument, known_checks: Callable[[str], bool]) -> list[Message]:
    """Every cross-reference problem in ``ref``, each located in ``doc``."""
    out = _Collector(doc)
    out.unique("actors", (a.id for a in ref.actors), "actor")
    out.unique("levels", (lv.id for lv in ref.levels), "level")
    out.unique("themes", (t.id for t in ref.themes), "theme")
    out.unique("features", (f.id for f in ref.features), "feature")
    out.unique("parcours", (p.id for p in ref.parcours), "parcours")
    out.unique("requirements", (r.id for r in ref.requirements), "requirement")
    sources = [s.key for s in ref.metadata.sources]
    seen_sources: set[str] = set()
    for index, key in enumerate(sources):
        if key in seen_sources:
            out.add(
                ["metadata", "sources", index, "key"],
                msg("error.ref_duplicate_source", name=key),
                msg("hint.one_per_source"),
            )
        seen_sources.add(key)
    _check_actors_levels(ref, out)
    _check_parcours(ref, out, seen_sources)
    _check_requirements(ref, out, known_checks)
    _check_provenance_detail(ref, out)
    _check_inheritance(ref, out, seen_sources)
    _check_policies(ref, out)
    return out.messages


def _check_actors_levels(ref: Referential, out: _Collector) -> None:
    actors = {a.id for a in ref.actors}
    levels = {lv.id for lv in ref.levels}
    for i, actor in enumerate(ref.actors):
        out.all_known(["actors", i, "relies_on"], actor.relies_on, actors, "actor")
        out.all_known(["actors", i, "levels"], actor.levels, levels, "level")
    for i, level_def in enumerate(ref.levels):
        out.all_known(["levels", i, "includes"], level_def.includes, levels, "level")
    if ref.habilitation is not None:
        sources = {s.key for s in ref.metadata.sources}
        out.all_known(["habilitation", "provenance", "sources"], ref.habilitation.provenance.sources, sources, "source")


def _check_parcours(ref: Referential, out: _Collector, sources: set[str]) -> None:
    actors = {a.id for a in ref.actors}
    levels = {lv.id for lv in ref.levels}
    for i, parcours in enumerate(ref.parcours):
        out.all_known(["parcours", i, "levels"], parcours.levels, levels, "level")
        step_ids: set[str] = set()
        for j, step in enumerate(parcours.steps):
            if step.id in step_ids:
                out.add(
                    ["parcours", i, "steps", j, "id"],
                    msg("error.ref_duplicate_step", step=step.id),
                    msg("hint.own_step_id"),
                )
            step_ids.add(step.id)
            out.all_known(["parcours", i, "steps", j, "actors"], step.actors, actors, "actor")
        out.all_known(["parcours", i, "provenance", "sources"], parcours.provenance.sources, sources, "source")


@dataclass(frozen=True)
class Known:
    """What a requirement may refer to: the edition's ids, and which automated checks exist."""

    actors: dict[str, ActorDef]
    levels: set[str]
    themes: set[str]
    features: set[str]
    parcours: set[str]
    sources: set[str]
    reach: dict[str, set[str]]
    """For each actor, the levels whose requirements it meets."""
    is_check: Callable[[str], bool]

    @classmethod
    def of(cls, ref: Referential, is_check: Callable[[str], bool]) -> Known:
        """What the requirements of ``ref`` may refer to, with ``is_check`` telling which checks exist."""
        return cls(
            actors={a.id: a for a in ref.actors},
            levels={lv.id for lv in ref.levels},
            themes={t.id for t in ref.themes},
            features={f.id for f in ref.features},
            parcours={p.id for p in ref.parcours},
            sources={s.key for s in ref.metadata.sources},
            reach=_reach(ref),
            is_check=is_check,
        )


RequirementRule = Callable[[Requirement, Path, Known, _Collector], None]
"""One consistency rule on one requirement (at ``path`` in the document): it adds its problems."""

REQUIREMENT_RULES: list[RequirementRule] = []
"""Applied to each requirement in this order (the order they are declared below)."""


def _rule(rule: RequirementRule) -> RequirementRule:
    REQUIREMENT_RULES.append(rule)
    return rule


@_rule
def actors_known_and_at_level(req: Requirement, at: Path, known: Known, out: _Collector) -> None:
    """Each actor is defined and works at one of the requirement's (defined) levels."""
    for j, actor in enumerate(req.actors):
        out.known([*at, "actors", j], actor, set(known.actors), "actor")
        levels = [lv for lv in req.levels if lv in known.levels]
        if actor in known.actors and known.levels and not any(lv in known.reach[actor] for lv in levels):
            out.add(
                [*at, "actors", j],
                msg("error.ref_actor_levels", actor=actor, levels=", ".join(req.levels)),
                msg("hint.ref_actor_levels"),
            )


@_rule
def levels_known(req: Requirement, at: Path, known: Known, out: _Collector) -> None:
    out.all_known([*at, "levels"], req.levels, known.levels, "level")


@_rule
def theme_known(req: Requirement, at: Path, known: Known, out: _Collector) -> None:
    out.known([*at, "theme"], req.theme, known.themes, "theme")


@_rule
def sources_known(req: Requirement, at: Path, known: Known, out: _Collector) -> None:
    out.all_known([*at, "provenance", "sources"], req.provenance.sources, known.sources, "source")


@_rule
def features_known(req: Requirement, at: Path, known: Known, out: _Collector) -> None:
    """Every feature the applicability names (all, any, none) is defined."""
    app = req.applicability
    named = (
        ("features_all", app.features_all),
        ("features_any", app.features_any),
        ("features_none", app.features_none),
    )
    for name, values in named:
        out.all_known([*at, "applicability", name], values, known.features, "feature")


@_rule
def parcours_known(req: Requirement, at: Path, known: Known, out: _Collector) -> None:
    out.all_known([*at, "applicability", "parcours"], req.applicability.parcours, known.parcours, "parcours")


@_rule
def checks_registered(req: Requirement, at: Path, known: Known, out: _Collector) -> None:
    """Every automated check the requirement names is one psc-check implements."""
    for j, check in enumerate(req.checks):
        if not known.is_check(check):
            out.add([*at, "checks", j], msg("error.ref_unknown_check", check=check), msg("hint.see_check_evidence"))


@_rule
def deadline_after_effective(req: Requirement, at: Path, known: Known, out: _Collector) -> None:
    if req.effective and req.deadline and req.deadline < req.effective:
        out.add([*at, "deadline"], msg("error.ref_deadline"), msg("hint.ref_deadline"))


def _check_requirements(ref: Referential, out: _Collector, known_checks: Callable[[str], bool]) -> None:
    known = Known.of(ref, known_checks)
    for i, req in enumerate(ref.requirements):
        for rule in REQUIREMENT_RULES:
            rule(req, ["requirements", i], known, out)


def _reach(ref: Referential) -> dict[str, set[str]]:
    """For each actor, the levels whose requirements it meets (its levels and what they include)."""
    includes = {lv.id: set(lv.includes) for lv in ref.levels}

    def closure(level: str, seen: set[str]) -> set[str]:
        if level in seen:
            return seen
        seen.add(level)
        for inner in includes.get(level, ()):
            closure(inner, seen)
        return seen

    return {a.id: set().union(*(closure(lv, set()) for lv in a.levels)) for a in ref.actors}


def _check_provenance_detail(ref: Referential, out: _Collector) -> None:
    """Locators name a listed source of the requirement; quotes come from a source whose text we hold."""
    held = {s.key for s in ref.metadata.sources if s.held_text}
    for i, req in enumerate(ref.requirements):
        base: list[str | int] = ["requirements", i, "provenance"]
        listed = set(req.provenance.sources)
        cited = (
            ("locators", [loc.source for loc in req.provenance.locators]),
            ("quotes", [quote.source for quote in req.provenance.quotes]),
        )
        for section, sources in cited:
            for j, source in enumerate(sources):
                problem = _cited_source_problem(section, source, listed, held)
                if problem is not None:
                    out.add([*base, section, j, "source"], *problem)


def _cited_source_problem(
    section: str, source: str, listed: set[str], held: set[str]
) -> tuple[Message, Message] | None:
    """What is wrong with a locator's or a quote's source (a quote also needs the source's text), if anything."""
    if section == "quotes" and source not in held:
        return msg("error.ref_quote_not_held", source=source), msg("hint.ref_quote_not_held")
    if source not in listed:
        if section == "quotes":
            return msg("error.ref_quote_source", source=source), msg("hint.ref_add_source")
        return msg("error.ref_locator_source", source=source), msg("hint.ref_add_source_or_fix")
    return None


def _check_inheritance(ref: Referential, out: _Collector, sources: set[str]) -> None:
    actors = {a.id for a in ref.actors}
    levels = {lv.id for lv in ref.levels}
    themes = {t.id for t in ref.themes}
    seen: set[tuple[str, str]] = set()
    for i, rule in enumerate(ref.metadata.actor_inheritance):
        base: list[str | int] = ["metadata", "actor_inheritance", i]
        out.known([*base, "actor"], rule.actor, actors, "actor")
        out.known([*base, "inherits"], rule.inherits, actors, "actor")
        if rule.actor == rule.inherits:
            out.add([*base, "inherits"], msg("error.ref_inherit_itself"), msg("hint.ref_other_actor"))
        if (rule.actor, rule.inherits) in seen:
            out.add(
                base,
                msg("error.ref_second_rule", actor=rule.actor, inherits=rule.inherits),
                msg("hint.ref_merge_rules"),
            )
        seen.add((rule.actor, rule.inherits))
        out.all_known([*base, "levels"], rule.levels, levels, "level")
        out.all_known([*base, "themes"], rule.themes, themes, "theme")
        out.all_known([*base, "provenance", "sources"], rule.provenance.sources, sources, "source")


def _check_policies(ref: Referential, out: _Collector) -> None:
    """One policy key names one set of values: an override then means the same thing everywhere."""
    values: dict[str, tuple[int | None, int | None]] = {}
    for i, req in enumerate(ref.requirements):
        fresh = req.evidence.freshness if req.evidence else None
        if fresh is None or fresh.policy is None:
            continue
        pair = (fresh.max_age_days, fresh.min_remaining_days)
        known = values.setdefault(fresh.policy.key, pair)
        if known != pair:
            out.add(
                ["requirements", i, "evidence", "freshness", "policy", "key"],
                msg("error.ref_policy_values", name=fresh.policy.key),
                msg("hint.ref_policy_key"),
            )
