"""Write what is generated from the bundled referential (``--check``: fail if stale): the requirements catalogue
``docs/referentiel.md`` and the compiled editions ``checker/referential/bundled/*.json``."""

from __future__ import annotations

import sys
from pathlib import Path

from checker.app.write import write_atomic
from checker.referential.compiled import BUNDLED, bundled_entries
from checker.render.catalogue import catalogue_text

__all__ = ["CATALOGUE_PATH", "main"]

CATALOGUE_PATH = Path("docs/referentiel.md")


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    generated = {CATALOGUE_PATH: catalogue_text().encode("utf-8")}
    generated |= {BUNDLED / name: data for name, data in bundled_entries().items()}
    if "--check" in args:
        stale = [path for path, data in generated.items() if not path.exists() or path.read_bytes() != data]
        for path in stale:
            sys.stderr.write(f"{path} is stale: run `python -m checker.app.catalogue`\n")
        return 1 if stale else 0
    for path, data in generated.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, data)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
