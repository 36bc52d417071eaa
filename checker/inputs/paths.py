"""The one module that knows where the bundled referential and templates live."""

from __future__ import annotations

from functools import cache
from pathlib import Path

__all__ = ["DEFAULT_REFERENTIAL", "data_root", "default_referential", "referential_dir", "templates_dir"]

DEFAULT_REFERENTIAL = "psc.yaml"
_PACKAGE = Path(__file__).resolve().parent.parent


@cache
def data_root() -> Path:
    """``checker/_data`` inside an installed wheel, else the repository root of a checkout."""
    packaged = _PACKAGE / "_data"
    if (packaged / "referentiel").is_dir():
        return packaged
    return _PACKAGE.parent


def referential_dir() -> Path:
    """Folder of the bundled referential editions (``referentiel/``)."""
    return data_root() / "referentiel"


def templates_dir() -> Path:
    """Folder of the Jinja2 templates (``templates/``)."""
    return data_root() / "templates"


def default_referential() -> Path:
    """The bundled PSC referential used when ``--referentiel`` is not given."""
    return referential_dir() / DEFAULT_REFERENTIAL
