"""The ``--lang`` of a command: the value given, checked, else the run's language (``PSC_CHECK_LANG``, the locale)."""

from __future__ import annotations

from checker.i18n import LANGS
from checker.i18n.lang import current_lang
from checker.inputs.suggest import check_choice

__all__ = ["command_lang"]


def command_lang(value: str | None) -> str:
    """``value`` if it names a language psc-check speaks (a usage error if not); without one, the run's language."""
    if value is None:
        return current_lang()
    return check_choice("--lang", value, LANGS)
