"""Write the requirements catalogue ``docs/referentiel.md`` from the bundled data (``--check``: fail if stale)."""

from __future__ import annotations

import sys
from pathlib import Path

from checker.app.write import write_atomic
from checker.render.catalogue import catalogue_text

__all__ = ["CATALOGUE_PATH", "main"]

CATALOGUE_PATH = Path("docs/referentiel.md")


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    text = catalogue_text()
    if "--check" in args:
        current = CATALOGUE_PATH.read_text(encoding="utf-8") if CATALOGUE_PATH.exists() else ""
        if current != text:
            sys.stderr.write(f"{CATALOGUE_PATH} is stale: run `python -m checker.app.catalogue`\n")
            return 1
        return 0
    CATALOGUE_PATH.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(CATALOGUE_PATH, text.encode("utf-8"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
