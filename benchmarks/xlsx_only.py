"""The xlsx evidence matrix alone: read a JSON report, write its matrix, nothing else (one process to measure).

``python benchmarks/xlsx_only.py REPORT.json OUT.xlsx``: the report (written by ``evaluate -o report.json``) is
read back into psc-check's report model and rendered by the same renderer as ``evaluate -o matrice.xlsx``, so the
time and peak memory of this process are those of producing the matrix, without the evaluation before it.
``python benchmarks/xlsx_only.py REPORT.json`` only reads the report: the share of the report itself.
"""

from __future__ import annotations

import gc
import sys
from pathlib import Path

__all__ = ["main"]


def main(report: Path, out: Path | None) -> None:
    gc.disable()  # as the CLI does (checker/cli/main.py)
    from checker.model.report import Report
    from checker.render.registry import REPORT, Format

    loaded = Report.model_validate_json(report.read_bytes())
    if out is not None:
        out.write_bytes(REPORT.render(loaded, Format.XLSX))


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]) if len(sys.argv) > 2 else None)
