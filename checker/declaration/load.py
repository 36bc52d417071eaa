"""Load a declaration strictly and refuse what cannot be evaluated (unknown ids, actors, levels…)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from checker.errors import InputError, Message, located, msg
from checker.inputs.layering import load_layers
from checker.inputs.loaded import LoadedFile
from checker.inputs.suggest import did_you_mean
from checker.inputs.validation import validate_document
from checker.inputs.yamlload import YamlDocument
from checker.model.declaration import Declaration
from checker.referential.load import LoadedReferential

__all__ = ["EU_MEMBER_STATES", "LoadedDeclaration", "load_declaration", "structural_errors"]

EU_MEMBER_STATES = frozenset(
    [
        "AT",
        "BE",
        "BG",
        "CY",
        "CZ",
        "DE",
        "DK",
        "EE",
        "ES",
        "FI",
        "FR",
        "GR",
        "HR",
        "HU",
        "IE",
        "IT",
        "LT",
        "LU",
        "LV",
        "MT",
        "NL",
        "PL",
        "PT",
        "RO",
        "SE",
        "SI",
        "SK",
    ]
)


@dataclass(frozen=True)
class LoadedDeclaration(LoadedFile[Declaration]):
    """A validated declaration with its file, folder and hash."""

    files: tuple[Path, ...] = ()
    """The declaration and every file it extends, nearest first."""
    answer_files: dict[str, Path] = field(default_factory=dict)
    """Answers inherited through ``extends:``: requirement id → the file the answer comes from."""

    @property
    def folder(self) -> Path:
        return self.path.parent

    def answer_file(self, requirement_id: str) -> Path:
        """The file an answer comes from (the declaration itself unless inherited)."""
        return self.answer_files.get(requirement_id, self.path)

    def line_of_answer(self, requirement_id: str) -> int:
        return self.document.line_column(["answers", requirement_id], key=True)[0]


def load_declaration(path: Path, ref: LoadedReferential) -> LoadedDeclaration:
    """Load ``path`` (and what it ``extends:``), validate against the model and ``ref``; raise if unusable."""
    layered = load_layers(path)
    doc = layered.document
    model = validate_document(doc, Declaration)
    errors = structural_errors(model, doc, ref)
    if errors:
        raise InputError(errors)
    doc.data = None  # validated: the model holds the content (a layer's own data stays, to place later messages)
    return LoadedDeclaration(
        model=model,
        path=path,
        sha256=layered.sha256,
        document=doc,
        files=layered.files,
        answer_files=layered.answer_files,
    )


def structural_errors(decl: Declaration, doc: YamlDocument, ref: LoadedReferential) -> list[Message]:
    """Everything that makes a declaration impossible to evaluate, each with file, line and fix."""
    out: list[Message] = []

    def add(path: list[str | int], message: Message, hint: Message | None, *, key: bool = False) -> None:
        problem = msg("validation.field", field=".".join(map(str, path)), problem=message)
        out.append(located(doc.location(path, key=key), problem, hint))

    _check_actors(decl, ref, add)
    known_features = {f.id for f in ref.model.features}
    for name in decl.features:
        if name not in known_features:
            add(
                ["features", name],
                msg("error.unknown_feature", name=name),
                did_you_mean(name, known_features)
                or msg("hint.known_features", names=", ".join(sorted(known_features))),
                key=True,
            )
    _check_parcours(decl, ref, add)
    for relation in ("held", "relied_upon"):
        for i, hab in enumerate(getattr(decl.habilitations, relation)):
            if hab.actor not in ref.actors:
                add(
                    ["habilitations", relation, i, "actor"],
                    msg("error.unknown_actor", actor=hab.actor),
                    did_you_mean(hab.actor, ref.actors),
                )
    for req_id in decl.answers:
        if req_id not in ref.requirements:
            hint = did_you_mean(req_id, ref.requirements) or msg("error.see_list")
            add(["answers", req_id], msg("error.unknown_requirement_id", id=req_id), hint, key=True)
    return out


def _check_actors(decl: Declaration, ref: LoadedReferential, add: _Add) -> None:
    if decl.level not in ref.level_closure:
        add(
            ["level"],
            msg("error.unknown_level", level=decl.level),
            did_you_mean(decl.level, ref.level_closure)
            or msg("error.choose_one_of", choices=", ".join(ref.level_closure)),
        )
    seen: set[str] = set()
    for i, actor_id in enumerate(decl.actors):
        actor = ref.actors.get(actor_id)
        if actor_id in seen:
            add(["actors", i], msg("error.actor_twice", actor=actor_id), msg("hint.keep_one"))
        seen.add(actor_id)
        if actor is None:
            add(
                ["actors", i],
                msg("error.unknown_actor", actor=actor_id),
                did_you_mean(actor_id, ref.actors) or msg("error.choose_one_of", choices=", ".join(ref.actors)),
            )
            continue
        if decl.level in ref.level_closure and decl.level not in actor.levels:
            add(
                ["actors", i],
                msg("error.actor_not_at_level", actor=actor_id, level=decl.level),
                msg("hint.actor_levels", actor=actor_id, levels=", ".join(actor.levels)),
            )
        if "espace_de_confiance" in actor.levels and decl.organisation.country not in EU_MEMBER_STATES:
            add(
                ["organisation", "country"],
                msg("error.not_eu", country=decl.organisation.country),
                msg("hint.eu_legal_person", actor=actor_id),
            )


def _check_parcours(decl: Declaration, ref: LoadedReferential, add: _Add) -> None:
    if decl.parcours is None:
        return
    paths = {p.id: p for p in ref.model.parcours}
    parcours = paths.get(decl.parcours.id)
    if parcours is None:
        add(
            ["parcours", "id"],
            msg("error.unknown_parcours", parcours=decl.parcours.id),
            did_you_mean(decl.parcours.id, paths) or msg("error.choose_one_of", choices=", ".join(paths)),
        )
        return
    if decl.level in ref.level_closure and decl.level not in parcours.levels:
        add(
            ["parcours", "id"],
            msg("error.parcours_level", parcours=parcours.id, level=decl.level),
            msg("hint.parcours_levels", levels=", ".join(parcours.levels)),
        )
    steps = {s.id for s in parcours.steps}
    for step in decl.parcours.completed:
        if step not in steps:
            add(
                ["parcours", "completed", step],
                msg("error.unknown_step", step=step, parcours=parcours.id),
                did_you_mean(step, steps) or msg("hint.steps", steps=", ".join(s.id for s in parcours.steps)),
                key=True,
            )


class _Add(Protocol):
    def __call__(self, path: list[str | int], message: Message, hint: Message | None, *, key: bool = False) -> None: ...
