"""Synthetic referentials, declarations, evidence and portfolios for the benchmarks, built from the bundled data.

Every synthetic requirement copies one real requirement of the bundled PSC referential (its actors, levels,
obligation, theme, evidence rule, applicability, automated checks and texts, so lengths stay realistic) under a
new id, its provenance cut to basis and sources (10,000 requirements then stay under psc-check's 8 MB limit on a
referential); a synthetic declaration copies the answers of an example declaration to the copies of the requirements
it answers, each with its own evidence files whose sha256 is computed from the bytes written. Nothing is written
outside the folder given: the benchmarks use a temporary folder and commit nothing.

Run alone: ``python benchmarks/synthetic.py OUT --requirements 1000`` writes ``OUT/ref-1000.yaml`` and
``OUT/decl-1000/declaration.yaml`` with its evidence.
"""

from __future__ import annotations

import argparse
import copy
import hashlib
import os
import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

__all__ = [
    "EXAMPLES",
    "ROOT",
    "Generated",
    "PortfolioSet",
    "load_plain",
    "write_declaration",
    "write_matrix_set",
    "write_portfolio",
    "write_referential",
]

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
TEMPLATE_EXAMPLE = "fs-standard"
"""The example whose answers the scaled declarations copy (the one the README evaluates)."""
PORTFOLIO_EXAMPLES = ("fs-standard", "elu-lps", "elp-proxy", "osu-operator", "osp-operator", "etablissement-fi-tiers")

Data = dict[str, Any]


def load_plain(path: Path) -> Any:
    """A YAML file as plain data, every scalar a string (as psc-check's own loader reads it)."""
    with path.open("rb") as handle:
        return yaml.load(handle, Loader=yaml.CBaseLoader)  # noqa: S506 - the base loader builds no objects


class _Dumper(yaml.CSafeDumper):
    """Writes shared values out in full: psc-check refuses YAML aliases."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _dump(data: Any, path: Path) -> None:
    text = yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=120, default_flow_style=None)
    path.write_text(text, encoding="utf-8")


@dataclass(frozen=True)
class Generated:
    """A written referential or declaration, with what a report on it must say about its size."""

    path: Path
    requirements: int
    answers: int = 0
    evidence_files: int = 0
    evidence_bytes: int = 0


def _synthetic_id(template: str, copy_index: int) -> str:
    return f"{template}.{copy_index:04d}"


def _copies(templates: list[Data], count: int) -> Iterator[tuple[str, Data]]:
    """``count`` (synthetic id, template requirement) pairs, cycling over the templates."""
    for n in range(count):
        template = templates[n % len(templates)]
        yield _synthetic_id(template["id"], n // len(templates) + 1), template


def _requirement(new_id: str, template: Data, *, flat_actor: str | None = None) -> Data:
    req = copy.deepcopy(template)
    req["id"] = new_id
    req["provenance"] = {"basis": template["provenance"]["basis"], "sources": template["provenance"]["sources"]}
    req.pop("cross_references", None)
    req.pop("replaces", None)
    if flat_actor is not None:
        req["actors"] = sorted({*template["actors"], flat_actor})
        req["levels"] = sorted({*template["levels"], "communaute"})
        req.pop("applicability", None)
    return req


def write_referential(out: Path, count: int, *, flat_actor: str | None = None) -> Generated:
    """A referential of ``count`` requirements (all actors, levels, themes, features and parcours of PSC).

    With ``flat_actor``, every requirement also binds that actor at level ``communaute`` and has no applicability
    condition, so that one declaration of that actor sees them all (used for the 10,000-row matrix).
    """
    bundled = load_plain(ROOT / "referentiel" / "psc.yaml")
    templates = bundled["requirements"]
    data = {key: value for key, value in bundled.items() if key != "requirements"}
    data["metadata"] = {**bundled["metadata"], "id": f"synthetic-{count}", "version": f"{count}.0-bench"}
    data["requirements"] = [_requirement(i, t, flat_actor=flat_actor) for i, t in _copies(templates, count)]
    _dump(data, out)
    return Generated(out, count)


class _EvidenceWriter:
    """Writes each synthetic answer's evidence files (copies of the example's), hashing what it writes."""

    def __init__(self, source: Path, target: Path) -> None:
        self.source, self.target = source, target
        self.files = 0
        self.bytes = 0
        self._written: dict[Path, str] = {}

    def item(self, item: Data, copy_index: int) -> Data:
        original = self.source / item["path"]
        relative = Path(item["path"]).parent / f"c{copy_index:04d}" / Path(item["path"]).name
        destination = self.target / relative
        if destination not in self._written:
            destination.parent.mkdir(parents=True, exist_ok=True)
            payload = original.read_bytes()
            destination.write_bytes(payload)
            self._written[destination] = hashlib.sha256(payload).hexdigest()
            self.files += 1
            self.bytes += len(payload)
        return {**item, "path": relative.as_posix(), "sha256": self._written[destination]}

    def document(self, requirement_id: str, copy_index: int) -> Data:
        relative = Path("evidence") / f"c{copy_index:04d}" / f"{requirement_id}.md"
        payload = (
            f"# Preuve de synthèse pour {requirement_id}\n\n"
            + "Procédure décrite, appliquée et revue ; responsable, date et périmètre indiqués. " * 12
            + "\n"
        ).encode()
        destination = self.target / relative
        destination.parent.mkdir(parents=True, exist_ok=True)
        destination.write_bytes(payload)
        self.files += 1
        self.bytes += len(payload)
        return {
            "path": relative.as_posix(),
            "sha256": hashlib.sha256(payload).hexdigest(),
            "collected": "2026-10-01",
            "kind": "document",
            "description": "Procédure et compte rendu de revue.",
        }


def write_declaration(
    folder: Path,
    referential: Path,
    *,
    example: str = TEMPLATE_EXAMPLE,
    answer_all: bool = False,
    max_answers: int | None = None,
) -> Generated:
    """A declaration in ``folder`` answering every copy of a requirement the example answers, with evidence.

    With ``answer_all`` (the flat matrix referential, where everything applies), the requirements the example
    does not answer are answered too: compliant, with one generated document. At most ``max_answers`` answers.
    """
    source = EXAMPLES / example
    base = load_plain(source / "declaration.yaml")
    answers_of_example: Data = base.get("answers") or {}
    requirements = load_plain(referential)["requirements"]
    folder.mkdir(parents=True, exist_ok=True)
    writer = _EvidenceWriter(source, folder)
    answers: Data = {}
    for req in requirements:
        if max_answers is not None and len(answers) >= max_answers:
            break
        template_id, _, suffix = req["id"].rpartition(".")
        copy_index = int(suffix)
        answer = answers_of_example.get(template_id)
        if answer is not None:
            answers[req["id"]] = {
                **answer,
                "evidence": [writer.item(item, copy_index) for item in answer.get("evidence") or []],
            }
        elif answer_all:
            answers[req["id"]] = {
                "status": "compliant",
                "justification": "Exigence appliquée ; procédure écrite et revue annuelle (preuve jointe).",
                "evidence": [writer.document(req["id"], copy_index)],
            }
    data = {key: value for key, value in base.items() if key != "answers"}
    data["answers"] = answers
    path = folder / "declaration.yaml"
    _dump(data, path)
    return Generated(path, len(requirements), len(answers), writer.files, writer.bytes)


def write_matrix_set(out: Path, count: int, max_answers: int) -> tuple[Generated, Generated]:
    """The 10,000-row matrix case: a flat referential and a declaration every requirement applies to."""
    ref = write_referential(out / f"ref-{count}-matrix.yaml", count, flat_actor="FS")
    decl = write_declaration(out / f"decl-{count}-matrix", ref.path, answer_all=True, max_answers=max_answers)
    return ref, decl


@dataclass(frozen=True)
class PortfolioSet:
    folder: Path
    declarations: int
    by_example: dict[str, int]
    evidence_links: int


def _link_tree(source: Path, target: Path) -> int:
    """Hard-link (copy where links fail) every file of ``source`` into ``target``; the count of files."""
    count = 0
    for path in sorted(source.rglob("*")):
        if not path.is_file():
            continue
        destination = target / path.relative_to(source)
        destination.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(path, destination)
        except OSError:
            shutil.copy2(path, destination)
        count += 1
    return count


_ORGANISATION_NAME = re.compile(r"^(organisation:\n  name: )\"?([^\"\n]*)\"?$", re.MULTILINE)


def write_portfolio(out: Path, count: int) -> PortfolioSet:
    """``count`` declarations cycling over the six examples, each its own organisation, folder and evidence."""
    stage = out / "examples"
    for name in PORTFOLIO_EXAMPLES:
        if not (stage / name).exists():
            shutil.copytree(EXAMPLES / name / "evidence", stage / name / "evidence")
    by_example: dict[str, int] = dict.fromkeys(PORTFOLIO_EXAMPLES, 0)
    links = 0
    for n in range(count):
        name = PORTFOLIO_EXAMPLES[n % len(PORTFOLIO_EXAMPLES)]
        folder = out / "portfolio" / f"d{n + 1:04d}-{name}"
        text = (EXAMPLES / name / "declaration.yaml").read_text(encoding="utf-8")
        text, found = _ORGANISATION_NAME.subn(rf'\g<1>"\g<2> (portefeuille {n + 1})"', text, count=1)
        if found != 1:
            raise ValueError(f"{name}: organisation name not found where expected")
        folder.mkdir(parents=True)
        (folder / "declaration.yaml").write_text(text, encoding="utf-8")
        links += _link_tree(stage / name / "evidence", folder / "evidence")
        by_example[name] += 1
    return PortfolioSet(out / "portfolio", count, by_example, links)


def main() -> None:
    parser = argparse.ArgumentParser(description="Write a synthetic referential and a declaration answering it.")
    parser.add_argument("out", type=Path, help="folder to write into (created)")
    parser.add_argument("--requirements", type=int, default=1000)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    ref = write_referential(args.out / f"ref-{args.requirements}.yaml", args.requirements)
    decl = write_declaration(args.out / f"decl-{args.requirements}", ref.path)
    print(f"{ref.path}: {ref.requirements} requirements")
    print(f"{decl.path}: {decl.answers} answers, {decl.evidence_files} evidence files ({decl.evidence_bytes} bytes)")


if __name__ == "__main__":
    main()
