"""The files a command reads, so that no output is ever written over one of them."""

from __future__ import annotations

from pathlib import Path

from checker.declaration.load import LoadedDeclaration

__all__ = ["declaration_inputs"]


def declaration_inputs(decl: LoadedDeclaration) -> list[Path]:
    """The declaration, every file it ``extends:``, and every evidence file its answers cite, wherever it lies."""
    out = list(decl.files)
    for requirement_id, answer in decl.model.answers.items():
        folder = decl.answer_file(requirement_id).parent
        out += [folder / item.path for item in answer.evidence]
    return out
